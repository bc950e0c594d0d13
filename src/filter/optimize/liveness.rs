//! Liveness of registers (A, X, `M[k]`) and dead-statement removal.
//!
//! One backward walk in reverse topological order: a block's live-out is the union
//! of its successors' live-in. A statement whose only effect is to write a register
//! not live after it is removed (packet loads too, as in libpcap: see
//! [`remove_dead`]).

use super::state::{A, X, has_side_effect, mem_slot, uses_defs};
use crate::filter::cfg::{BlockId, Cfg, Term};
use crate::filter::chainloop;

/// Registers the terminator reads. An unconditional branch (both exits equal)
/// reads nothing.
pub(super) fn term_uses(t: &Term) -> u32 {
    match *t {
        Term::Branch { jt, jf, .. } if jt == jf => 0,
        Term::Branch { code, .. } => {
            1 << A
                | if code & crate::bpf::insn::BPF_X != 0 {
                    1 << X
                } else {
                    0
                }
        }
        Term::Ret(_) | Term::Goto(_) => 0,
    }
}

fn live_out(cfg: &Cfg, live_in: &[u32], b: BlockId) -> u32 {
    let t = &cfg.blocks[b].term;
    t.successors()
        .iter()
        .fold(term_uses(t), |m, &s| m | live_in[s])
}

/// Live-in register sets of every block (`order`: a topological order of the
/// reachable blocks; unreachable blocks get the empty set).
pub fn live_in(cfg: &Cfg, order: &[BlockId]) -> Vec<u32> {
    let mut live = vec![0u32; cfg.blocks.len()];
    for &b in order.iter().rev() {
        let mut l = live_out(cfg, &live, b);
        for s in cfg.blocks[b].stmts.iter().rev() {
            let (u, d) = uses_defs(s);
            l = (l & !d) | u;
        }
        live[b] = l;
    }
    live
}

/// Removes statements whose results are never read, packet loads included, as
/// libpcap's optimizer does: a load whose value cannot change the verdict goes,
/// even though it would have rejected a packet too short for it. Divisions that
/// may reject (by X or by zero) stay.
pub fn remove_dead(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else {
        return;
    };
    let mut live = vec![0u32; cfg.blocks.len()];
    for &b in order.iter().rev() {
        let mut l = live_out(cfg, &live, b);
        let stmts = std::mem::take(&mut cfg.blocks[b].stmts);
        let mut kept = Vec::with_capacity(stmts.len());
        for s in stmts.into_iter().rev() {
            let (u, d) = uses_defs(&s);
            if d != 0 && d & l == 0 && !has_side_effect(&s) {
                continue;
            }
            l = (l & !d) | u;
            kept.push(s);
        }
        kept.reverse();
        cfg.blocks[b].stmts = kept;
        live[b] = l;
    }
}

/// Lets go of the scratch cells of `protochain` loops that nothing reads after
/// the loop: their short form then stores each next header once, not twice
/// ([`crate::filter::chainloop::ChainLoop::keep_cell`]). A loop whose statement
/// appears in several blocks keeps its cell if any of them reads it after.
pub fn release_loop_cells(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else {
        return;
    };
    let live = live_in(cfg, &order);
    let mut read_after = vec![false; cfg.loops.len()];
    for &b in &order {
        let mut l = live_out(cfg, &live, b);
        for s in cfg.blocks[b].stmts.iter().rev() {
            if chainloop::is_loop(s) {
                let cell = mem_slot(chainloop::cell(s)).map_or(u32::MAX, |m| 1 << m);
                if let Some(r) = read_after.get_mut(s.k as usize) {
                    *r |= l & cell != 0;
                }
            }
            let (u, d) = uses_defs(s);
            l = (l & !d) | u;
        }
    }
    for (lp, read) in cfg.loops.iter_mut().zip(read_after) {
        lp.keep_cell = read;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;

    #[test]
    fn overwritten_loads_and_unread_stores_go() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let b = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
                Insn::stmt(BPF_ST, 2),
                Insn::stmt(BPF_LDX | BPF_IMM, 4),
                Insn::stmt(BPF_ALU | BPF_DIV | BPF_X, 0),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 23),
            ],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 6,
                jt: acc,
                jf: acc,
            },
        );
        cfg.entry = b;
        // The branch is unconditional: the byte load is dead and goes.
        remove_dead(&mut cfg);
        assert_eq!(
            cfg.blocks[b].stmts,
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
                Insn::stmt(BPF_LDX | BPF_IMM, 4),
                Insn::stmt(BPF_ALU | BPF_DIV | BPF_X, 0),
            ],
            "division by X may reject, so it and its operands stay"
        );
    }

    #[test]
    fn dead_packet_loads_go() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let b = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 26),
                Insn::stmt(BPF_ST, 0),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 14),
                Insn::stmt(BPF_LD | BPF_IND | BPF_H, 40),
                Insn::stmt(BPF_LD | BPF_MEM, 0),
            ],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 6,
                jt: acc,
                jf: rej,
            },
        );
        cfg.entry = b;
        remove_dead(&mut cfg);
        assert_eq!(
            cfg.blocks[b].stmts,
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 26),
                Insn::stmt(BPF_ST, 0),
                Insn::stmt(BPF_LD | BPF_MEM, 0),
            ],
        );
    }

    #[test]
    fn memory_read_later_stays_live() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let user = cfg.add(
            vec![Insn::stmt(BPF_LDX | BPF_MEM, 3)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_X,
                k: 0,
                jt: acc,
                jf: rej,
            },
        );
        let b = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_IMM, 7), Insn::stmt(BPF_ST, 3)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0,
                jt: user,
                jf: user,
            },
        );
        cfg.entry = b;
        let order = cfg.topo_order().unwrap();
        let live = live_in(&cfg, &order);
        assert_eq!(live[user], 1 << A | 1 << (2 + 3));
        remove_dead(&mut cfg);
        assert_eq!(cfg.blocks[b].stmts.len(), 2);
    }
}
