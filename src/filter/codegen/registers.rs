//! Scratch-register zeroing, which every program gets (optimized or not).

use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::filter::cfg::Cfg;

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
