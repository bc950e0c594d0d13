//! Linearisation: a [`Cfg`] to a classic BPF instruction list.
//!
//! Blocks are laid out in topological order, so every jump goes forward. Conditional
//! jumps have 8-bit offsets; a target further than 255 instructions away is reached
//! through an unconditional `ja` (32-bit offset) placed right after the branch.

use super::cfg::{BlockId, Cfg, Term};
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_JA, BPF_JMP, BPF_K, BPF_RET};

/// Emits `cfg` as instructions.
pub fn emit(cfg: &Cfg) -> Result<Vec<Insn>, String> {
    let order = cfg.topo_order()?;
    let mut pos_of = vec![usize::MAX; cfg.blocks.len()];
    // Which exits need a `ja` trampoline; sizes only grow, so iterate to a fixpoint.
    let mut far: Vec<(bool, bool)> = vec![(false, false); cfg.blocks.len()];
    loop {
        let mut pos = 0usize;
        for &b in &order {
            pos_of[b] = pos;
            pos += block_len(cfg, b, far[b]);
        }
        let mut changed = false;
        for &b in &order {
            if let Term::Branch { jt, jf, .. } = cfg.blocks[b].term {
                let branch_at = pos_of[b] + cfg.blocks[b].stmts.len();
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
        out.extend_from_slice(&block.stmts);
        match block.term {
            Term::Ret(k) => out.push(Insn::stmt(BPF_RET | BPF_K, k)),
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

fn block_len(cfg: &Cfg, b: BlockId, far: (bool, bool)) -> usize {
    cfg.blocks[b].stmts.len() + 1 + usize::from(far.0) + usize::from(far.1)
}
