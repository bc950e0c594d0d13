//! Simple cleanups run when optimizing (`opts.optimize`), ahead of the real
//! optimizer: jump threading over tests whose outcome is already known.
//!
//! The generator repeats tests the way libpcap does (`ldh [12]; jeq #0x800` before
//! every IPv4 field). When a branch leads to a block that reloads the very value
//! just tested (or tests A unchanged), the second test's outcome follows from the
//! first, and the branch can go straight to where the second test would. Skipped
//! blocks only reload packet bytes the first block already loaded, so no bounds
//! check is lost and every packet gets the same verdict; the accumulator holds the
//! same value either way. Unreachable blocks are dropped by emission.

use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::filter::cfg::{BlockId, Cfg, Term};

/// Threads jumps until nothing changes.
pub fn thread_jumps(cfg: &mut Cfg) {
    // Each change moves an edge strictly further down an acyclic graph, so this
    // terminates; the bound is a guard against mistakes, not a tuning knob.
    for _ in 0..cfg.blocks.len().saturating_mul(4).max(16) {
        let mut changed = false;
        for b in 0..cfg.blocks.len() {
            let Term::Branch { code, k, jt, jf } = cfg.blocks[b].term else {
                continue;
            };
            for (taken, c) in [(true, jt), (false, jf)] {
                if let Some(next) = known_successor(cfg, b, code, k, taken, c) {
                    cfg.set_target(b, taken, next);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Straight-line code computing A from packet bytes alone: one absolute load, then
/// ALU operations with constants. Writes neither X nor memory.
fn pure_reload(stmts: &[Insn]) -> bool {
    let Some((first, rest)) = stmts.split_first() else {
        return false;
    };
    first.class() == BPF_LD
        && first.code & 0xe0 == BPF_ABS
        && rest.iter().all(|s| {
            s.class() == BPF_ALU
                && s.code & BPF_X == 0
                && s.code & 0xf0 != BPF_DIV
                && s.code & 0xf0 != BPF_MOD
        })
}

/// Does the instruction overwrite A without reading it (so A's old value is dead)?
fn overwrites_a(first: Option<&Insn>) -> bool {
    first.is_some_and(|s| s.class() == BPF_LD)
}

fn eval(op: u16, a: u32, k: u32) -> Option<bool> {
    match op {
        BPF_JEQ => Some(a == k),
        BPF_JGT => Some(a > k),
        BPF_JGE => Some(a >= k),
        BPF_JSET => Some(a & k != 0),
        _ => None,
    }
}

/// Where control goes after block `c` when entered from block `b`'s `taken` exit,
/// if that is known without running `c`.
fn known_successor(
    cfg: &Cfg,
    b: BlockId,
    code: u16,
    k: u32,
    taken: bool,
    c: BlockId,
) -> Option<BlockId> {
    let block_c = cfg.blocks.get(c)?;
    let Term::Branch {
        code: ccode,
        k: ck,
        jt: ct,
        jf: cf,
    } = block_c.term
    else {
        return None;
    };
    if ccode & BPF_X != 0 {
        return None;
    }
    let cop = ccode & 0xf0;
    let next = |outcome: bool| if outcome { ct } else { cf };

    // `c` sets A to a constant and tests it: its outcome is fixed; skipping it is
    // safe when its successor does not read that constant.
    if let [only] = block_c.stmts.as_slice()
        && only.code == BPF_LD | BPF_IMM
    {
        let target = next(eval(cop, only.k, ck)?);
        let t = cfg.blocks.get(target)?;
        return (matches!(t.term, Term::Ret(_)) || overwrites_a(t.stmts.first())).then_some(target);
    }

    if code & BPF_X != 0 {
        return None;
    }
    // Otherwise `c` must test the same A as `b`: no statements, or a reload of
    // exactly what `b` computed last.
    if !block_c.stmts.is_empty() {
        let bs = &cfg.blocks[b].stmts;
        let cs = &block_c.stmts;
        if !pure_reload(cs) || bs.len() < cs.len() || bs[bs.len() - cs.len()..] != cs[..] {
            return None;
        }
    }
    let op = code & 0xf0;
    if taken && op == BPF_JEQ {
        // A == k exactly.
        return eval(cop, k, ck).map(next);
    }
    if cop == op && ck == k {
        // The same test again.
        return Some(next(taken));
    }
    None
}

/// A fact known on entry to a block: the value computed by the interned pure
/// reload `key` passed (`outcome == true`) or failed the test `op #k`.
type Fact = (usize, u16, u32, bool);

/// Interns pure-reload statement sequences so facts compare by number.
#[derive(Default)]
struct Keys {
    ids: std::collections::HashMap<Vec<Insn>, usize>,
}

impl Keys {
    fn id(&mut self, stmts: &[Insn]) -> usize {
        let n = self.ids.len();
        *self.ids.entry(stmts.to_vec()).or_insert(n)
    }
}

/// The pure reload a block's statements end with (from its last absolute load),
/// if the statements after that load are constant ALU operations.
fn trailing_reload(stmts: &[Insn]) -> Option<&[Insn]> {
    let start = stmts
        .iter()
        .rposition(|s| s.class() == BPF_LD && s.code & 0xe0 == BPF_ABS)?;
    let tail = &stmts[start..];
    pure_reload(tail).then_some(tail)
}

/// What `facts` say about the test `op #k` on the value `key`, if anything.
fn decide(facts: &[Fact], key: usize, op: u16, k: u32) -> Option<bool> {
    facts
        .iter()
        .filter(|f| f.0 == key)
        .find_map(|&(_, fop, fk, outcome)| {
            if fop == op && fk == k {
                Some(outcome)
            } else if fop == BPF_JEQ && outcome {
                eval(op, fk, k)
            } else {
                None
            }
        })
}

/// Bypasses tests whose outcome is known on the edge leading to them.
///
/// Packet bytes never change while a program runs, so once a value loaded from
/// fixed offsets passed or failed a test, that stays known further down the
/// graph. An edge into a block that only reloads such a value (or tests A as it
/// is) and whose answer is known on that edge goes straight to the block's
/// successor, provided that successor does not read the accumulator the skipped
/// block would have set. The skipped load cannot have failed: the same bytes were
/// loaded on every path to the edge.
pub fn drop_known_tests(cfg: &mut Cfg) {
    let mut keys = Keys::default();
    // Each round moves edges strictly down an acyclic graph; it ends. The bound
    // only guards against mistakes.
    for _ in 0..cfg.blocks.len().max(1) {
        let Ok(order) = cfg.topo_order() else {
            return;
        };
        let n = cfg.blocks.len();
        // Facts and the key of A on entry: intersections over incoming edges.
        let mut facts_in: Vec<Option<Vec<Fact>>> = vec![None; n];
        let mut akey_in: Vec<Option<Option<usize>>> = vec![None; n];
        facts_in[cfg.entry] = Some(Vec::new());
        akey_in[cfg.entry] = Some(None);
        let mut changed = false;
        for &b in &order {
            let Some(facts) = facts_in[b].take() else {
                // Unreachable now: every edge into it was redirected.
                continue;
            };
            let block = &cfg.blocks[b];
            let akey = if block.stmts.is_empty() {
                akey_in[b].flatten()
            } else {
                trailing_reload(&block.stmts).map(|s| keys.id(s))
            };
            let Term::Branch { code, k, jt, jf } = block.term else {
                continue;
            };
            for (taken, first) in [(true, jt), (false, jf)] {
                let mut out = facts.clone();
                if code & BPF_X == 0
                    && let Some(key) = akey
                {
                    let f = (key, code & 0xf0, k, taken);
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
                // Follow known retests from this edge.
                let mut succ = first;
                let mut edge_akey = akey;
                while let Some(next) = known_on_edge(cfg, &mut keys, &out, edge_akey, succ) {
                    let skipped = &cfg.blocks[succ];
                    if !skipped.stmts.is_empty() {
                        edge_akey = Some(keys.id(&skipped.stmts));
                    }
                    succ = next;
                }
                if succ != first {
                    cfg.set_target(b, taken, succ);
                    changed = true;
                }
                facts_in[succ] = Some(match facts_in[succ].take() {
                    None => out,
                    Some(prev) => prev.into_iter().filter(|f| out.contains(f)).collect(),
                });
                akey_in[succ] = Some(match akey_in[succ] {
                    None => edge_akey,
                    Some(prev) if prev == edge_akey => prev,
                    Some(_) => None,
                });
            }
        }
        if !changed {
            return;
        }
    }
}

/// Where control goes after block `c` when entered with `facts` known and A holding
/// the value `akey` (if known), when that follows without running `c`.
fn known_on_edge(
    cfg: &Cfg,
    keys: &mut Keys,
    facts: &[Fact],
    akey: Option<usize>,
    c: BlockId,
) -> Option<BlockId> {
    let block = &cfg.blocks[c];
    let Term::Branch { code, k, jt, jf } = block.term else {
        return None;
    };
    if code & BPF_X != 0 {
        return None;
    }
    let key = if block.stmts.is_empty() {
        akey?
    } else if pure_reload(&block.stmts) {
        keys.id(&block.stmts)
    } else {
        return None;
    };
    let target = if decide(facts, key, code & 0xf0, k)? {
        jt
    } else {
        jf
    };
    let t = &cfg.blocks[target];
    // Skipping `c` leaves A as it was; only allowed if nobody reads it.
    (block.stmts.is_empty() || matches!(t.term, Term::Ret(_)) || overwrites_a(t.stmts.first()))
        .then_some(target)
}

/// Merges blocks with the same statements and the same exits: they behave the
/// same on every input, so one can stand for all (libpcap's block interning).
/// Done bottom-up so that merging successors makes their predecessors equal.
pub fn merge_identical_blocks(cfg: &mut Cfg) {
    let Ok(order) = cfg.topo_order() else {
        return;
    };
    let mut canon: std::collections::HashMap<(Vec<Insn>, Term), BlockId> =
        std::collections::HashMap::new();
    let mut replace: Vec<BlockId> = (0..cfg.blocks.len()).collect();
    for &b in order.iter().rev() {
        // Successors come later in the order, so they are already resolved.
        if let Term::Branch { jt, jf, .. } = &mut cfg.blocks[b].term {
            *jt = replace[*jt];
            *jf = replace[*jf];
        }
        let block = &cfg.blocks[b];
        let key = (block.stmts.clone(), block.term);
        match canon.get(&key) {
            Some(&c) => replace[b] = c,
            None => {
                canon.insert(key, b);
            }
        }
    }
    cfg.entry = replace[cfg.entry];
}

/// Points edges into blocks that can only end in `ret #0` straight at a `ret #0`.
/// Safe for rejection alone: a load past the end also rejects, so whatever such a
/// block loads, the verdict is the same.
pub fn collapse_rejects(cfg: &mut Cfg) {
    let Ok(order) = cfg.topo_order() else {
        return;
    };
    let mut rejects = vec![false; cfg.blocks.len()];
    let mut reject_block = None;
    for &b in order.iter().rev() {
        rejects[b] = match cfg.blocks[b].term {
            Term::Ret(0) => {
                reject_block.get_or_insert(b);
                true
            }
            Term::Ret(_) => false,
            Term::Branch { jt, jf, .. } => rejects[jt] && rejects[jf],
        };
    }
    let Some(r) = reject_block else {
        return;
    };
    for b in order {
        if let Term::Branch { jt, jf, .. } = &mut cfg.blocks[b].term {
            if rejects[*jt] {
                *jt = r;
            }
            if rejects[*jf] {
                *jf = r;
            }
        }
    }
    if rejects[cfg.entry] {
        cfg.entry = r;
    }
}
