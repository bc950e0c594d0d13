//! Linearisation: a [`Cfg`] to a classic BPF instruction list.
//!
//! Blocks are laid out in topological order, so every jump goes forward. Conditional
//! jumps have 8-bit offsets; a target further than 255 instructions away is reached
//! through an unconditional `ja` (32-bit offset) placed right after the branch.
//! `protochain` loops are expanded in libpcap's form ([`chainloop::expand_libpcap`]),
//! so that unoptimized listings are libpcap's.

use super::cfg::{BlockId, Cfg, Term};
use super::chainloop;
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_JA, BPF_JMP, BPF_K, BPF_RET};

/// Emits `cfg` as instructions.
pub fn emit(cfg: &Cfg) -> Result<Vec<Insn>, String> {
    let order = cfg.topo_order()?;
    let mut pos_of = vec![usize::MAX; cfg.blocks.len()];
    // A goto needs a `ja` unless its target is laid out right after it.
    let mut goto_ja = vec![false; cfg.blocks.len()];
    for (i, &b) in order.iter().enumerate() {
        if let Term::Goto(t) = cfg.blocks[b].term {
            goto_ja[b] = order.get(i + 1) != Some(&t);
        }
    }
    // Which exits need a `ja` trampoline; sizes only grow, so iterate to a fixpoint.
    let mut far: Vec<(bool, bool)> = vec![(false, false); cfg.blocks.len()];
    loop {
        let mut pos = 0usize;
        for &b in &order {
            pos_of[b] = pos;
            pos += block_len(cfg, b, far[b], goto_ja[b]);
        }
        let mut changed = false;
        for &b in &order {
            if let Term::Branch { jt, jf, .. } = cfg.blocks[b].term {
                let branch_at = pos_of[b] + stmts_len(cfg, b);
                let (ft, ff) = far[b];
                let need_t = pos_of[jt] - (branch_at + 1) > 255;
                let need_f = pos_of[jf] - (branch_at + 1) > 255;
                if (need_t && !ft) || (need_f && !ff) {
                    far[b] = (ft || need_t, ff || need_f);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = Vec::new();
    for &b in &order {
        let block = &cfg.blocks[b];
        chainloop::emit_stmts(&block.stmts, &cfg.loops, false, &mut out)?;
        match block.term {
            Term::Ret(k) => out.push(Insn::stmt(BPF_RET | BPF_K, k)),
            Term::Goto(t) => {
                if goto_ja[b] {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos_of[t] - from) as u32));
                }
            }
            Term::Branch { code, k, jt, jf } => {
                let (ft, ff) = far[b];
                let here = out.len();
                // Layout: branch, [ja → jt], [ja → jf], next block.
                let jt_off = if ft { 0 } else { pos_of[jt] - (here + 1) };
                let jf_off = if ff {
                    usize::from(ft)
                } else {
                    pos_of[jf] - (here + 1)
                };
                let (jt8, jf8) = match (u8::try_from(jt_off), u8::try_from(jf_off)) {
                    (Ok(t), Ok(f)) => (t, f),
                    _ => return Err("jump offset out of range".into()),
                };
                out.push(Insn::jump(code, k, jt8, jf8));
                if ft {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos_of[jt] - from) as u32));
                }
                if ff {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos_of[jf] - from) as u32));
                }
            }
        }
    }
    Ok(out)
}

fn block_len(cfg: &Cfg, b: BlockId, far: (bool, bool), goto_ja: bool) -> usize {
    let term = match cfg.blocks[b].term {
        Term::Goto(_) => usize::from(goto_ja),
        _ => 1 + usize::from(far.0) + usize::from(far.1),
    };
    stmts_len(cfg, b) + term
}

/// Instructions block `b`'s statements take, loops expanded.
fn stmts_len(cfg: &Cfg, b: BlockId) -> usize {
    chainloop::stmts_len(&cfg.blocks[b].stmts, &cfg.loops, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::{BPF_ABS, BPF_B, BPF_JEQ, BPF_LD};
    use crate::filter::cfg::UNSET;

    fn branch(k: u32) -> Term {
        Term::cmp_k(BPF_JEQ, k)
    }

    /// A chain of `n` tests, each failing straight to a shared reject at the end.
    fn chain(n: usize, pad: usize) -> Cfg {
        let mut cfg = Cfg::new();
        let ids: Vec<BlockId> = (0..n)
            .map(|i| {
                let stmts = vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, i as u32); pad];
                cfg.add(stmts, branch(i as u32))
            })
            .collect();
        let accept = cfg.add(Vec::new(), Term::Ret(1));
        let reject = cfg.add(Vec::new(), Term::Ret(0));
        for (i, &b) in ids.iter().enumerate() {
            let next = ids.get(i + 1).copied().unwrap_or(accept);
            cfg.set_target(b, true, next);
            cfg.set_target(b, false, reject);
        }
        cfg.entry = ids[0];
        cfg
    }

    #[test]
    fn near_jumps_need_no_trampoline() {
        let prog = emit(&chain(3, 1)).unwrap();
        assert_eq!(prog.len(), 3 * 2 + 2);
        assert!(prog.iter().all(|i| i.code != BPF_JMP | BPF_JA));
        // The first test's false exit reaches `ret #0`, the last instruction.
        assert_eq!(1 + 1 + prog[1].jf as usize, prog.len() - 1);
    }

    #[test]
    fn far_jumps_go_through_ja() {
        let prog = emit(&chain(200, 2)).unwrap();
        assert!(prog.iter().any(|i| i.code == BPF_JMP | BPF_JA));
        // Follow every exit: each lands inside the program, forward.
        for (pc, i) in prog.iter().enumerate() {
            if i.code == BPF_JMP | BPF_JA {
                assert!(pc + 1 + (i.k as usize) < prog.len());
            } else if i.code & 0x07 == crate::bpf::insn::BPF_JMP {
                assert!(pc + 1 + (i.jt as usize) < prog.len());
                assert!(pc + 1 + (i.jf as usize) < prog.len());
            }
        }
        crate::bpf::verify::verify(&prog).unwrap();
    }

    #[test]
    fn cycles_and_unset_targets_are_errors() {
        let mut cfg = Cfg::new();
        let a = cfg.add(Vec::new(), branch(0));
        let b = cfg.add(Vec::new(), branch(1));
        cfg.set_target(a, true, b);
        cfg.set_target(a, false, b);
        cfg.set_target(b, true, a);
        cfg.set_target(b, false, a);
        assert!(emit(&cfg).is_err());
        let mut cfg = Cfg::new();
        let a = cfg.add(Vec::new(), branch(0));
        cfg.set_target(a, true, UNSET);
        assert!(emit(&cfg).is_err());
    }
}
