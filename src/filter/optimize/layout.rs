//! Emission of optimized programs in the optimizer's own layout.
//!
//! [`super::cleanup::compact`] numbers blocks in the order they should be laid out
//! (each tree window followed by its own exit copies, false exits falling through),
//! so this emits blocks in id order rather than in the generator's libpcap-shaped
//! order. An unconditional jump (both exits the same block) costs nothing when its
//! target comes next and is one `ja` otherwise; a conditional exit further than a
//! conditional jump reaches (255 instructions) goes through a `ja` placed right
//! after the branch. A `protochain` loop statement is expanded in place into its
//! short loop, whose backward `ja` stays inside it.

use crate::bpf::Insn;
use crate::bpf::insn::{BPF_JA, BPF_JEQ, BPF_JMP, BPF_K, BPF_RET};
use crate::filter::cfg::{Cfg, Term};
use crate::filter::chainloop;

/// How a block ends once placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    Ret,
    /// Unconditional: nothing (the target is next) or one `ja`.
    Jump {
        needed: bool,
    },
    /// Conditional, with a trampoline for the true and/or false exit.
    Branch {
        far_t: bool,
        far_f: bool,
    },
}

fn exit_len(e: Exit) -> usize {
    match e {
        Exit::Ret => 1,
        Exit::Jump { needed } => usize::from(needed),
        Exit::Branch { far_t, far_f } => 1 + usize::from(far_t) + usize::from(far_f),
    }
}

/// Instructions block `b`'s statements take, `protochain` loops expanded (in their
/// short form, [`chainloop::expand_short`]).
fn stmts_len(cfg: &Cfg, b: usize) -> usize {
    chainloop::stmts_len(&cfg.blocks[b].stmts, &cfg.loops, true)
}

/// Emits `cfg`, whose blocks must all be reachable and numbered in a topological
/// order starting with the entry (as [`super::cleanup::compact`] leaves them).
pub fn emit(cfg: &Cfg) -> Result<Vec<Insn>, String> {
    let n = cfg.blocks.len();
    if cfg.entry != 0 || n == 0 {
        return Err("optimized program: entry must be block 0".into());
    }
    for (b, blk) in cfg.blocks.iter().enumerate() {
        if blk.term.successors().iter().any(|&s| s <= b || s >= n) {
            return Err(format!("optimized program: block {b} jumps backwards"));
        }
    }
    // Start with the shortest exits and grow them until every jump reaches; sizes
    // only grow, so this ends.
    let mut exits: Vec<Exit> = cfg
        .blocks
        .iter()
        .enumerate()
        .map(|(b, blk)| match blk.term {
            Term::Ret(_) => Exit::Ret,
            Term::Goto(t) => Exit::Jump { needed: t != b + 1 },
            Term::Branch { jt, jf, .. } if jt == jf => Exit::Jump {
                needed: jt != b + 1,
            },
            Term::Branch { .. } => Exit::Branch {
                far_t: false,
                far_f: false,
            },
        })
        .collect();
    let mut pos = vec![0usize; n + 1];
    loop {
        for b in 0..n {
            pos[b + 1] = pos[b] + stmts_len(cfg, b) + exit_len(exits[b]);
        }
        let mut changed = false;
        for b in 0..n {
            if let (Term::Branch { jt, jf, .. }, Exit::Branch { far_t, far_f }) =
                (cfg.blocks[b].term, exits[b])
            {
                let after = pos[b] + stmts_len(cfg, b) + 1;
                let nt = far_t || pos[jt] - after > 255;
                let nf = far_f || pos[jf] - after > 255;
                if (nt, nf) != (far_t, far_f) {
                    exits[b] = Exit::Branch {
                        far_t: nt,
                        far_f: nf,
                    };
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = Vec::with_capacity(pos[n]);
    for (b, blk) in cfg.blocks.iter().enumerate() {
        chainloop::emit_stmts(&blk.stmts, &cfg.loops, true, &mut out)?;
        match (blk.term, exits[b]) {
            (Term::Ret(k), _) => out.push(Insn::stmt(BPF_RET | BPF_K, k)),
            (Term::Branch { jt, .. } | Term::Goto(jt), Exit::Jump { needed }) => {
                if needed {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos[jt] - from) as u32));
                }
            }
            (Term::Branch { code, k, jt, jf }, Exit::Branch { far_t, far_f }) => {
                let here = out.len();
                // Layout: branch, [ja → jt], [ja → jf], next block.
                let jt_off = if far_t { 0 } else { pos[jt] - (here + 1) };
                let jf_off = if far_f {
                    usize::from(far_t)
                } else {
                    pos[jf] - (here + 1)
                };
                let (Ok(t8), Ok(f8)) = (u8::try_from(jt_off), u8::try_from(jf_off)) else {
                    return Err("jump offset out of range".into());
                };
                out.push(Insn::jump(code, k, t8, f8));
                if far_t {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos[jt] - from) as u32));
                }
                if far_f {
                    let from = out.len() + 1;
                    out.push(Insn::stmt(BPF_JMP | BPF_JA, (pos[jf] - from) as u32));
                }
            }
            (Term::Branch { .. } | Term::Goto(_), Exit::Ret)
            | (Term::Goto(_), Exit::Branch { .. }) => return Err("inconsistent exit".into()),
        }
    }
    Ok(out)
}

/// How likely each block is to run, by a static guess: the entry is certain, an
/// exit of a branch gets half of its block's likelihood, except that a `jeq` with a
/// constant the [`super::order`] pass tests first (IPv4, TCP, UDP…) is guessed to
/// hold nine times in ten. `cfg` must be acyclic (unreachable blocks get 0).
pub fn likelihoods(cfg: &Cfg) -> Vec<f64> {
    let mut w = vec![0.0; cfg.blocks.len()];
    let Ok(order) = super::topo(cfg) else {
        return w;
    };
    w[cfg.entry] = 1.0;
    for b in order {
        match cfg.blocks[b].term {
            Term::Ret(_) => {}
            Term::Goto(t) => w[t] += w[b],
            Term::Branch { jt, jf, .. } if jt == jf => w[jt] += w[b],
            Term::Branch { code, k, jt, jf } => {
                let p = if code == BPF_JMP | BPF_JEQ | BPF_K && super::order::is_likely(k) {
                    0.9
                } else {
                    0.5
                };
                w[jt] += w[b] * p;
                w[jf] += w[b] * (1.0 - p);
            }
        }
    }
    w
}

/// The likelihood-weighted number of `ja` a laid-out graph (blocks in layout
/// order, as [`super::cleanup::compact`] leaves them) runs for its unconditional
/// jumps to blocks not laid out next.
pub fn jump_cost(cfg: &Cfg) -> f64 {
    let w = likelihoods(cfg);
    cfg.blocks
        .iter()
        .enumerate()
        .filter(|(b, blk)| match blk.term {
            Term::Goto(t) => t != b + 1,
            Term::Branch { jt, jf, .. } => jt == jf && jt != b + 1,
            Term::Ret(_) => false,
        })
        .map(|(b, _)| w[b])
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;
    use crate::bpf::{verify, vm};

    #[test]
    fn jumps_to_the_next_block_cost_nothing_and_far_ones_get_a_ja() {
        let mut cfg = Cfg::new();
        let hop = Term::Branch {
            code: BPF_JMP | BPF_JEQ | BPF_K,
            k: 0,
            jt: 1,
            jf: 1,
        };
        cfg.add(vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0)], hop);
        // Block 1: a test whose true exit is 300 instructions away.
        cfg.add(
            vec![],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 7,
                jt: 3,
                jf: 2,
            },
        );
        cfg.add(vec![Insn::stmt(BPF_LD | BPF_IMM, 1); 300], Term::Ret(0));
        cfg.add(vec![], Term::Ret(5));
        let p = emit(&cfg).unwrap();
        assert_eq!(p.len(), 1 + 2 + 301 + 1, "{:?}", &p[..4]);
        verify::verify(&p).unwrap();
        assert_eq!(vm::run(&p, &[7], 1), 5);
        assert_eq!(vm::run(&p, &[6], 1), 0);
    }

    #[test]
    fn the_likely_path_falls_into_a_shared_tail() {
        // IPv4 (likely) and IPv6 both set X and jump to one port test.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let tail = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_IND | BPF_H, 14)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 80,
                jt: acc,
                jf: rej,
            },
        );
        let v4 = cfg.add(
            vec![Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 14)],
            Term::Goto(tail),
        );
        let v6 = cfg.add(vec![Insn::stmt(BPF_LDX | BPF_IMM, 40)], Term::Goto(tail));
        let six = cfg.add(
            vec![],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0x86dd,
                jt: v6,
                jf: rej,
            },
        );
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0x800,
                jt: v4,
                jf: six,
            },
        );
        let prog = super::super::compile(&cfg).unwrap();
        let msh = prog
            .iter()
            .position(|i| i.code == BPF_LDX | BPF_MSH | BPF_B)
            .unwrap();
        assert_eq!(prog[msh + 1].code, BPF_LD | BPF_IND | BPF_H, "{prog:?}");
        let imm = prog
            .iter()
            .position(|i| i.code == BPF_LDX | BPF_IMM)
            .unwrap();
        assert_eq!(prog[imm + 1].code, BPF_JMP | BPF_JA, "{prog:?}");
        assert!(likelihoods(&cfg)[v4] > likelihoods(&cfg)[v6]);
    }
}
