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
