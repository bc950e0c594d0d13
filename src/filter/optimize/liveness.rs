//! Liveness of registers (A, X, `M[k]`) and dead-statement removal.
//!
//! One backward walk in reverse topological order: a block's live-out is the union
//! of its successors' live-in. A statement whose only effect is to write a register
//! not live after it is removed, unless it is a packet load that could reject a
//! packet too short for it (a load within bytes already loaded on every path in
//! cannot).

use super::state::{A, X, has_side_effect, uses_defs};
use crate::filter::cfg::{BlockId, Cfg, Term};

/// Registers the terminator reads. An unconditional branch (both exits equal)
/// reads nothing.
fn term_uses(t: &Term) -> u32 {
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

use super::state::{load_end, may_reject};

/// Packet bytes known present at each block's entry: every path in has loaded
/// that far with fixed-offset loads (a load within them cannot reject).
fn bytes_present(cfg: &Cfg, order: &[BlockId]) -> Vec<u64> {
    let mut present: Vec<Option<u64>> = vec![None; cfg.blocks.len()];
    present[cfg.entry] = Some(0);
    for &b in order {
        let mut p = present[b].unwrap_or(0);
        for s in &cfg.blocks[b].stmts {
            p = p.max(load_end(s).unwrap_or(0));
        }
        let mut succ = cfg.blocks[b].term.successors();
        succ.dedup();
        for t in succ {
            present[t] = Some(present[t].map_or(p, |q| q.min(p)));
        }
    }
    present.into_iter().map(|p| p.unwrap_or(0)).collect()
}

/// Removes statements whose results are never read. A dead packet load that could
/// reject a truncated packet stays (libpcap keeps such loads too, and the verdict
/// on truncated packets is part of the answer).
pub fn remove_dead(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else {
        return;
    };
    let present = bytes_present(cfg, &order);
    let mut live = vec![0u32; cfg.blocks.len()];
    for &b in order.iter().rev() {
        let mut l = live_out(cfg, &live, b);
        let stmts = std::mem::take(&mut cfg.blocks[b].stmts);
        // Bytes present before each statement.
        let mut before = Vec::with_capacity(stmts.len());
        let mut p = present[b];
        for s in &stmts {
            before.push(p);
            p = p.max(load_end(s).unwrap_or(0));
        }
        // The block's furthest fixed-offset load (the last one on a tie): if any
        // load of the block fails, the packet is rejected whatever the order, so
        // every other fixed-offset load is covered by that one.
        let furthest = stmts
            .iter()
            .enumerate()
            .filter_map(|(i, s)| load_end(s).map(|e| (e, i)))
            .max();
        let mut kept = Vec::with_capacity(stmts.len());
        for (i, s) in stmts.into_iter().enumerate().rev() {
            let (u, d) = uses_defs(&s);
            let covered = load_end(&s).is_some_and(|e| e <= before[i])
                || furthest.is_some_and(|(_, j)| j != i && load_end(&s).is_some());
            let safe = !may_reject(&s) || covered;
            if d != 0 && d & l == 0 && !has_side_effect(&s) && safe {
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
        // The branch is unconditional: the byte load is dead too, but it may reject
        // a truncated packet: it stays.
        remove_dead(&mut cfg);
        assert_eq!(
            cfg.blocks[b].stmts,
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
                Insn::stmt(BPF_LDX | BPF_IMM, 4),
                Insn::stmt(BPF_ALU | BPF_DIV | BPF_X, 0),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 23),
            ],
            "division by X may reject, so it and its operands stay"
        );
    }

    #[test]
    fn a_dead_load_within_bytes_already_loaded_goes() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let b = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 26),
                Insn::stmt(BPF_ST, 0),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 40),
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
                Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 40),
                Insn::stmt(BPF_LD | BPF_MEM, 0),
            ],
            "[12] is within the 30 bytes loaded; [40] is not"
        );
    }

    #[test]
    fn only_the_furthest_dead_load_of_a_block_stays() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let b = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 26),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 34),
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 30),
            ],
            Term::Ret(1),
        );
        let _ = acc;
        cfg.entry = b;
        remove_dead(&mut cfg);
        assert_eq!(
            cfg.blocks[b].stmts,
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 34)],
            "a packet too short for [34] is rejected either way"
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
