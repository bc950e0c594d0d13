//! Verdict-preserving cleanups run when optimizing (`opts.optimize`), ahead of the
//! real optimizer, and the register zeroing every program gets.
//!
//! The generator repeats tests the way libpcap does (`ldh [12]; jeq #0x800` before
//! every IPv4 field). Packet bytes never change while a program runs, so a test's
//! outcome on a value from fixed offsets stays known down the graph: branches jump
//! past tests whose answer is known on that edge, reloads of what A or X already
//! hold go, blocks that can only reject become `ret #0`, and identical blocks
//! merge. Nothing skipped can fail a bounds check that was not already passed on
//! every path to it, so every packet, truncated or not, gets the same verdict.
//! Unreachable blocks are dropped by emission.

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

/// Bypasses tests whose outcome is known on the edge leading to them, and drops
/// reloads of values A or X already hold.
///
/// Packet bytes never change while a program runs, so once a value loaded from
/// fixed offsets passed or failed a test, that stays known further down the
/// graph. An edge into a block that only reloads such a value (or tests A as it
/// is) and whose answer is known on that edge goes straight to the block's
/// successor, provided that successor does not read the accumulator the skipped
/// block would have set. A block that starts by recomputing the value A holds on
/// every path into it, or reloads X with the value X holds, skips that. Nothing
/// skipped can have failed: the same bytes were loaded on every path to it.
pub fn drop_known_tests(cfg: &mut Cfg) {
    let mut keys = Keys::default();
    // Each round moves edges strictly down an acyclic graph or removes statements;
    // it ends. The bound only guards against mistakes.
    for _ in 0..cfg.blocks.len().max(1) {
        let Ok(order) = cfg.topo_order() else {
            return;
        };
        let n = cfg.blocks.len();
        // What holds on every incoming edge so far.
        let mut state: Vec<Option<EdgeState>> = vec![None; n];
        state[cfg.entry] = Some(EdgeState::default());
        let mut changed = false;
        for &b in &order {
            let Some(st) = state[b].take() else {
                // Unreachable now: every edge into it was redirected.
                continue;
            };
            changed |= drop_reloads(&mut cfg.blocks[b].stmts, &mut keys, &st);
            let block = &cfg.blocks[b];
            let akey = if block.stmts.is_empty() {
                st.akey
            } else {
                trailing_reload(&block.stmts).map(|s| keys.id(s))
            };
            let xkey = x_after(&block.stmts, st.xkey);
            let (code, k, jt, jf) = match block.term {
                Term::Branch { code, k, jt, jf } => (code, k, jt, jf),
                Term::Goto(t) => {
                    // No test: what is known flows on unchanged.
                    let out = EdgeState {
                        facts: st.facts,
                        akey,
                        xkey,
                    };
                    merge_in(&mut state[t], out);
                    continue;
                }
                Term::Ret(_) => continue,
            };
            for (taken, first) in [(true, jt), (false, jf)] {
                let mut facts = st.facts.clone();
                if code & BPF_X == 0
                    && let Some(key) = akey
                {
                    let f = (key, code & 0xf0, k, taken);
                    if !facts.contains(&f) {
                        facts.push(f);
                    }
                }
                // Follow known retests from this edge. Skipped blocks change
                // neither A nor X as their successors see them.
                let mut succ = first;
                while let Some(next) = known_on_edge(cfg, &mut keys, &facts, akey, succ) {
                    succ = next;
                }
                if succ != first {
                    cfg.set_target(b, taken, succ);
                    changed = true;
                }
                merge_in(&mut state[succ], EdgeState { facts, akey, xkey });
            }
        }
        if !changed {
            return;
        }
    }
}

/// What is known on entry to a block: facts about packet values, which pure
/// reload A holds, and which pure load X holds.
#[derive(Clone, Debug, Default)]
struct EdgeState {
    facts: Vec<Fact>,
    akey: Option<usize>,
    xkey: Option<Insn>,
}

/// Adds an incoming edge's state to a block's entry state: what holds on every
/// edge so far.
fn merge_in(into: &mut Option<EdgeState>, edge: EdgeState) {
    *into = Some(match into.take() {
        None => edge,
        Some(prev) => EdgeState {
            facts: prev
                .facts
                .into_iter()
                .filter(|f| edge.facts.contains(f))
                .collect(),
            akey: if prev.akey == edge.akey {
                prev.akey
            } else {
                None
            },
            xkey: if prev.xkey == edge.xkey {
                prev.xkey
            } else {
                None
            },
        },
    });
}

/// An X load that depends on packet bytes or constants alone.
fn pure_x_load(s: &Insn) -> bool {
    s.code == BPF_LDX | BPF_MSH | BPF_B || s.code == BPF_LDX | BPF_IMM
}

fn writes_x(s: &Insn) -> bool {
    s.class() == BPF_LDX || s.code == BPF_MISC | BPF_TAX
}

/// Which pure X load X holds after `stmts`, given what it held before.
fn x_after(stmts: &[Insn], mut x: Option<Insn>) -> Option<Insn> {
    for s in stmts {
        if pure_x_load(s) {
            x = Some(*s);
        } else if writes_x(s) {
            x = None;
        }
    }
    x
}

/// Removes a leading recomputation of the value A already holds and X loads of
/// the value X already holds. Returns whether anything was removed.
fn drop_reloads(stmts: &mut Vec<Insn>, keys: &mut Keys, st: &EdgeState) -> bool {
    let mut changed = false;
    if let Some(akey) = st.akey
        && let Some(len) = (1..=stmts.len())
            .rev()
            .find(|&l| pure_reload(&stmts[..l]) && keys.id(&stmts[..l]) == akey)
    {
        stmts.drain(..len);
        changed = true;
    }
    let mut x = st.xkey;
    let before = stmts.len();
    stmts.retain(|s| {
        if pure_x_load(s) {
            if x == Some(*s) {
                return false;
            }
            x = Some(*s);
        } else if writes_x(s) {
            x = None;
        }
        true
    });
    changed || stmts.len() != before
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
        match &mut cfg.blocks[b].term {
            Term::Branch { jt, jf, .. } => {
                *jt = replace[*jt];
                *jf = replace[*jf];
            }
            Term::Goto(t) => *t = replace[*t],
            Term::Ret(_) => {}
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
            Term::Goto(t) => rejects[t],
            Term::Branch { jt, jf, .. } => rejects[jt] && rejects[jf],
        };
    }
    let Some(r) = reject_block else {
        return;
    };
    for b in order {
        match &mut cfg.blocks[b].term {
            Term::Branch { jt, jf, .. } => {
                if rejects[*jt] {
                    *jt = r;
                }
                if rejects[*jf] {
                    *jf = r;
                }
            }
            Term::Goto(t) if rejects[*t] => *t = r,
            _ => {}
        }
    }
    if rejects[cfg.entry] {
        cfg.entry = r;
    }
}

/// Zeroes, at entry, the scratch registers some path reads before storing them.
///
/// Run-time offsets live in registers that later primitives read even on paths
/// where the primitive that set them failed (`geneve or vlan`), and live-capture
/// `vlan` bumps its offset registers from zero. The kernel refuses a program that
/// may read a register before writing it; libpcap's interpreter and the kernel both
/// start A at zero, so `ld #0; st M[r]…` up front changes no verdict.
pub fn zero_unstored_registers(cfg: &mut Cfg) {
    let Ok(order) = cfg.topo_order() else {
        return;
    };
    // Registers stored on every path into each block.
    let mut stored_in: Vec<Option<u16>> = vec![None; cfg.blocks.len()];
    stored_in[cfg.entry] = Some(0);
    let mut unstored: u16 = 0;
    for &b in &order {
        let mut stored = stored_in[b].unwrap_or(0);
        for s in &cfg.blocks[b].stmts {
            let is_mem_load =
                (s.class() == BPF_LD || s.class() == BPF_LDX) && s.code & 0xe0 == BPF_MEM;
            let is_store = s.class() == BPF_ST || s.class() == BPF_STX;
            let bit = 1u16.checked_shl(s.k).unwrap_or(0);
            if is_mem_load && stored & bit == 0 {
                unstored |= bit;
            }
            if is_store {
                stored |= bit;
            }
        }
        for succ in cfg.blocks[b].term.successors() {
            stored_in[succ] = Some(match stored_in[succ] {
                None => stored,
                Some(prev) => prev & stored,
            });
        }
    }
    if unstored == 0 {
        return;
    }
    let mut init = vec![Insn::stmt(BPF_LD | BPF_IMM, 0)];
    init.extend(
        (0..16)
            .filter(|r| unstored & (1 << r) != 0)
            .map(|r| Insn::stmt(BPF_ST, r)),
    );
    let entry = &mut cfg.blocks[cfg.entry].stmts;
    init.append(entry);
    *entry = init;
}
