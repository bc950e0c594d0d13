//! Sharing the work IPv4 and IPv6 branches both do: a region that reads the packet
//! at fixed offsets (IPv6: `ldh [54]`, `ldh [56]`) is replaced by a jump into a
//! region that does the same reads through X (IPv4: `ldh [x+14]`, `ldh [x+16]`
//! with X the IPv4 header length), X loaded with the constant difference
//! (`ldx #40`).
//!
//! A block `b` has a twin `(t, c)` when, with X = c, block `t` does exactly what
//! `b` does: `b` only loads A at fixed offsets k_i, `t` (after statements that set
//! X) loads the same sizes at `x + k_i - c`, both end in the same branch, and each
//! pair of successors is either one block that does not read X, or again twins
//! with the same `c`. Found bottom-up with a hash of each block's shape, so linear.
//! Then, top-down, a block with a twin becomes `ldx #c`, `t`'s loads and `t`'s
//! branch; what it led to alone becomes unreachable.

use super::liveness;
use super::state::X;
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_ABS, BPF_IMM, BPF_IND, BPF_LD, BPF_LDX, SKF_AD_OFF};
use crate::filter::cfg::{BlockId, Cfg, Term};
use std::collections::HashMap;

/// The shape of a block: load sizes, branch code and constant (successors are
/// compared separately).
type Shape = (Vec<u16>, u16, u32);

fn is_abs(s: &Insn) -> bool {
    s.class() == BPF_LD && s.code & 0xe0 == BPF_ABS && s.k < SKF_AD_OFF
}

fn is_ind(s: &Insn) -> bool {
    s.class() == BPF_LD && s.code & 0xe0 == BPF_IND
}

/// The loads of an indexed block: its statements after a prefix that only sets X
/// (`None` if it is not of that form).
fn ind_loads(stmts: &[Insn]) -> Option<&[Insn]> {
    let start = stmts.iter().take_while(|s| s.class() == BPF_LDX).count();
    let loads = &stmts[start..];
    loads.iter().all(is_ind).then_some(loads)
}

fn shape(loads: &[Insn], term: &Term) -> Option<Shape> {
    match *term {
        Term::Branch { code, k, .. } => {
            Some((loads.iter().map(|s| s.code & 0x18).collect(), code, k))
        }
        Term::Ret(_) | Term::Goto(_) => None,
    }
}

/// Applies the rewrite.
pub fn run(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let live_in = liveness::live_in(cfg, &order);
    let n = cfg.blocks.len();
    let mut twin: Vec<Option<(BlockId, u32)>> = vec![None; n];
    // Indexed blocks by shape, with their successors.
    let mut indexed: HashMap<Shape, Vec<BlockId>> = HashMap::new();
    for &b in &order {
        let blk = &cfg.blocks[b];
        if let Some(loads) = ind_loads(&blk.stmts)
            && let Some(key) = shape(loads, &blk.term)
        {
            indexed.entry(key).or_default().push(b);
        }
    }
    // Bottom-up, so that successors' twins are known.
    for &b in order.iter().rev() {
        let blk = &cfg.blocks[b];
        if blk.stmts.iter().all(is_abs)
            && let Some(key) = shape(&blk.stmts, &blk.term)
            && let Some(cands) = indexed.get(&key)
        {
            twin[b] = cands
                .iter()
                .filter(|&&t| t != b)
                .find_map(|&t| match_twin(cfg, &live_in, &twin, b, t));
        }
    }
    // Top-down: rewrite reachable blocks that have a twin.
    let mut preds = vec![0usize; n];
    for &b in &order {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        for t in s {
            preds[t] += 1;
        }
    }
    // Instructions that go away with the region `b` heads: `b` and, through each
    // twin pair of successors, the regions only `b` leads to.
    let mut region = vec![0usize; n];
    for &b in order.iter().rev() {
        let Some((t, _)) = twin[b] else { continue };
        let mut size = cfg.blocks[b].stmts.len() + 1;
        if let (Term::Branch { jt: bt, jf: bf, .. }, Term::Branch { jt: tt, jf: tf, .. }) =
            (cfg.blocks[b].term, cfg.blocks[t].term)
        {
            for (s, u) in [(bt, tt), (bf, tf)] {
                if s != u && preds[s] == 1 && bt != bf {
                    size += region[s];
                }
            }
        }
        region[b] = size;
    }
    // Where the twins' loads start, once their X-setting prefixes are split off.
    let mut loads_block: HashMap<BlockId, BlockId> = HashMap::new();
    for &b in &order {
        if preds[b] == 0 && b != cfg.entry {
            continue;
        }
        let Some((t, c)) = twin[b] else { continue };
        // `ldx #c` and a jump replace the region: worth it only when that is shorter.
        if region[b] <= 2 {
            continue;
        }
        let target = *loads_block.entry(t).or_insert_with(|| split_prefix(cfg, t));
        preds.resize(cfg.blocks.len(), 0);
        let mut old = cfg.blocks[b].term.successors();
        old.dedup();
        for s in old {
            preds[s] -= 1;
        }
        preds[target] += 1;
        cfg.blocks[b].stmts = vec![Insn::stmt(BPF_LDX | BPF_IMM, c)];
        cfg.blocks[b].term = Term::Branch {
            code: crate::bpf::insn::BPF_JMP | crate::bpf::insn::BPF_JEQ,
            k: 0,
            jt: target,
            jf: target,
        };
    }
}

/// Splits the statements that set X off the front of block `t`: `t` keeps them and
/// jumps to a new block with the loads and the branch, whose id is returned (`t`
/// itself when there is no such prefix).
fn split_prefix(cfg: &mut Cfg, t: BlockId) -> BlockId {
    let prefix = cfg.blocks[t]
        .stmts
        .iter()
        .take_while(|s| s.class() == BPF_LDX)
        .count();
    if prefix == 0 {
        return t;
    }
    let loads = cfg.blocks[t].stmts.split_off(prefix);
    let term = cfg.blocks[t].term;
    let rest = cfg.add(loads, term);
    cfg.blocks[t].term = Term::Branch {
        code: crate::bpf::insn::BPF_JMP | crate::bpf::insn::BPF_JEQ,
        k: 0,
        jt: rest,
        jf: rest,
    };
    rest
}

/// `(t, c)` if `t` is `b`'s twin.
fn match_twin(
    cfg: &Cfg,
    live_in: &[u32],
    twin: &[Option<(BlockId, u32)>],
    b: BlockId,
    t: BlockId,
) -> Option<(BlockId, u32)> {
    let (bb, tb) = (&cfg.blocks[b], &cfg.blocks[t]);
    let loads = ind_loads(&tb.stmts)?;
    // The offset difference: from the loads, else from the successors' twins.
    let mut c: Option<u32> = None;
    for (a, i) in bb.stmts.iter().zip(loads) {
        let d = a.k.checked_sub(i.k)?;
        if c.is_some_and(|c| c != d) {
            return None;
        }
        c = Some(d);
    }
    let (Term::Branch { jt: bt, jf: bf, .. }, Term::Branch { jt: tt, jf: tf, .. }) =
        (bb.term, tb.term)
    else {
        return None;
    };
    for (s, u) in [(bt, tt), (bf, tf)] {
        if s == u {
            if live_in[s] & (1 << X) != 0 {
                return None;
            }
        } else {
            // Entered as a whole, so it must not set X itself.
            let (w, d) = twin[s]?;
            let sets_x = cfg.blocks[w].stmts.iter().any(|s| s.class() == BPF_LDX);
            if w != u || sets_x || c.is_some_and(|c| c != d) {
                return None;
            }
            c = Some(d);
        }
    }
    Some((t, c?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    #[test]
    fn fixed_offset_ports_jump_into_the_indexed_ones() {
        // IPv4: ldxb 4*([14]&0xf); ldh [x+14] == 53 || ldh [x+16] == 53
        // IPv6: ldh [54] == 53 || ldh [56] == 53, chosen by byte 0.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let d4 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_IND | BPF_H, 16)],
            Term::jeq(53, acc, rej),
        );
        let s4 = cfg.add(
            vec![
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 14),
                Insn::stmt(BPF_LD | BPF_IND | BPF_H, 14),
            ],
            Term::jeq(53, acc, d4),
        );
        let d6 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 56)],
            Term::jeq(53, acc, rej),
        );
        let s6 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 54)],
            Term::jeq(53, acc, d6),
        );
        let top = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0)],
            Term::jeq(6, s6, s4),
        );
        cfg.entry = top;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        run(&mut cfg);
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        let mut p = [0u8; 64];
        for first in [6u8, 0x45, 0x46] {
            for (off, v) in [
                (54usize, 53u16),
                (56, 53),
                (34, 53),
                (36, 53),
                (38, 53),
                (54, 80),
            ] {
                p.fill(0);
                p[0] = first;
                p[14] = first;
                p[off..off + 2].copy_from_slice(&v.to_be_bytes());
                for len in [40usize, 55, 57, 64] {
                    assert_eq!(
                        vm::run(&before, &p[..len], len as u32),
                        vm::run(&after, &p[..len], len as u32),
                        "first {first} off {off} len {len}"
                    );
                }
            }
        }
    }
}
