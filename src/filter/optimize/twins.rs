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
//! Then, top-down, a block with a twin becomes `ldx #c` and a jump to `t`'s loads
//! and branch (split off `t`'s X-setting prefix); what it led to alone becomes
//! unreachable.
//!
//! The jump is free when the `ldx #c` block can be laid out right before the loads,
//! which needs the loads not to be fallen into from `t`'s prefix too. So the prefix
//! is hoisted into `t`'s only predecessor when that one's other exit rejects and its
//! branch does not read X (IPv4: `ldxb 4*([14]&0xf)` above the fragment test):
//! exact, since the hoisted load can only reject a packet the other exit rejects,
//! and nothing reads X there. A one-block region (`ldh [56]; jeq #25`) is replaced
//! only then: `ldx #40` falling into the twin's loads is one instruction shorter.

use super::fxhash::FxHashMap;
use super::liveness;
use super::state::X;
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_ABS, BPF_IMM, BPF_IND, BPF_LD, BPF_LDX, BPF_X, SKF_AD_OFF};
use crate::filter::cfg::{BlockId, Cfg, Term};

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
    let mut indexed: FxHashMap<Shape, Vec<BlockId>> = FxHashMap::default();
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
    let (mut preds, only_pred) = predecessors(cfg, &order);
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
    let mut loads_block: FxHashMap<BlockId, BlockId> = FxHashMap::default();
    for &b in &order {
        if preds[b] == 0 && b != cfg.entry {
            continue;
        }
        let Some((t, c)) = twin[b] else { continue };
        // `ldx #c` and a jump replace the region: worth it when that is shorter,
        // or, for a two-instruction region, when the jump can be left out: `t`'s
        // loads then have no other block jumping to them unconditionally (no
        // prefix of `t`'s left in front of them, no other `ldx #c`).
        let free_jump = !loads_block.contains_key(&t)
            && (x_prefix_len(&cfg.blocks[t].stmts) == 0
                || hoist_target(cfg, &preds, &only_pred, t).is_some());
        if region[b] < 2 || (region[b] == 2 && !free_jump) {
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
    if !loads_block.is_empty() {
        hoist_prefixes(cfg, &loads_block);
    }
}

/// Predecessor counts (distinct edges) of the blocks in `order`, and each block's
/// predecessor when it has exactly one.
fn predecessors(cfg: &Cfg, order: &[BlockId]) -> (Vec<usize>, Vec<Option<BlockId>>) {
    let n = cfg.blocks.len();
    let mut preds = vec![0usize; n];
    let mut only = vec![None; n];
    for &b in order {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        for t in s {
            preds[t] += 1;
            only[t] = (preds[t] == 1).then_some(b);
        }
    }
    (preds, only)
}

/// How many statements at the front of `stmts` only set X.
fn x_prefix_len(stmts: &[Insn]) -> usize {
    stmts.iter().take_while(|s| s.class() == BPF_LDX).count()
}

/// The predecessor of `t` that `t`'s X-setting prefix may move to: `t`'s only
/// one, whose branch reads no X and either always goes to `t` or else to a bare
/// `ret #0` (a load that fails there rejects a packet rejected anyway, and X is
/// read nowhere on that exit).
fn hoist_target(
    cfg: &Cfg,
    preds: &[usize],
    only_pred: &[Option<BlockId>],
    t: BlockId,
) -> Option<BlockId> {
    if preds.get(t) != Some(&1) || t == cfg.entry {
        return None;
    }
    let p = only_pred[t]?;
    let Term::Branch { code, jt, jf, .. } = cfg.blocks[p].term else {
        return None;
    };
    let rejects = |o: BlockId| {
        let blk = &cfg.blocks[o];
        blk.stmts.is_empty() && blk.term == Term::Ret(0)
    };
    let ok = if jt == jf {
        jt == t
    } else {
        code & BPF_X == 0 && ((jt == t && rejects(jf)) || (jf == t && rejects(jt)))
    };
    ok.then_some(p)
}

/// For each twin `t` split into its X-setting prefix and loads `rest`
/// (`loads_block`), moves the prefix into `t`'s predecessor where
/// [`hoist_target`] allows it, and sends that predecessor straight to `rest`.
fn hoist_prefixes(cfg: &mut Cfg, loads_block: &FxHashMap<BlockId, BlockId>) {
    let Ok(order) = super::topo(cfg) else { return };
    let (preds, only_pred) = predecessors(cfg, &order);
    // In block order, so that the result does not depend on hashing.
    let mut split: Vec<(BlockId, BlockId)> = loads_block
        .iter()
        .filter(|&(&t, &rest)| t != rest)
        .map(|(&t, &rest)| (t, rest))
        .collect();
    split.sort_unstable();
    for (t, rest) in split {
        // `t` is now its prefix and a jump to `rest`.
        let blk = &cfg.blocks[t];
        if blk.term.successors().iter().any(|&s| s != rest)
            || x_prefix_len(&blk.stmts) != blk.stmts.len()
        {
            continue;
        }
        let Some(p) = hoist_target(cfg, &preds, &only_pred, t) else {
            continue;
        };
        let prefix = cfg.blocks[t].stmts.clone();
        let pb = &mut cfg.blocks[p];
        pb.stmts.extend(prefix);
        if let Term::Branch { jt, jf, .. } = &mut pb.term {
            for e in [jt, jf] {
                if *e == t {
                    *e = rest;
                }
            }
        }
    }
}

/// Splits the statements that set X off the front of block `t`: `t` keeps them and
/// jumps to a new block with the loads and the branch, whose id is returned (`t`
/// itself when there is no such prefix).
fn split_prefix(cfg: &mut Cfg, t: BlockId) -> BlockId {
    let prefix = x_prefix_len(&cfg.blocks[t].stmts);
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

    /// `tcp dst port 25` as the generator shapes it after the other passes: IPv4
    /// tests the protocol, the fragment offset, then (X = header length) the port;
    /// IPv6 the next header, then the port at a fixed offset.
    fn tcp_dst_port_25(frag_other_exit_rejects: bool) -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(0x40000));
        let rej = cfg.add(vec![], Term::Ret(0));
        let p4 = cfg.add(
            vec![
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 14),
                Insn::stmt(BPF_LD | BPF_IND | BPF_H, 16),
            ],
            Term::jeq(25, acc, rej),
        );
        let fragment = if frag_other_exit_rejects { rej } else { acc };
        let frag = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 20)],
            Term::Branch {
                code: BPF_JMP | BPF_JSET | BPF_K,
                k: 0x1fff,
                jt: fragment,
                jf: p4,
            },
        );
        let v4 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 23)],
            Term::jeq(6, frag, rej),
        );
        let p6 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 56)],
            Term::jeq(25, acc, rej),
        );
        let v6 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 20)],
            Term::jeq(6, p6, rej),
        );
        let six = cfg.add(vec![], Term::jeq(0x86dd, v6, rej));
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::jeq(0x800, v4, six),
        );
        cfg
    }

    /// Ethernet frames: IPv4 with header lengths 20 and 24, fragments, TCP and
    /// UDP; IPv6 TCP and UDP; the port 25 or not, where either family keeps it.
    fn port_frames() -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for (ihl, proto, frag, port) in [
            (5u8, 6u8, 0u16, 25u16),
            (5, 6, 0, 26),
            (6, 6, 0, 25),
            (5, 17, 0, 25),
            (5, 6, 0x0010, 25),
            (5, 6, 0x2000, 25),
        ] {
            let mut f = vec![0u8; 14 + 4 * usize::from(ihl) + 20];
            f[12..14].copy_from_slice(&[0x08, 0x00]);
            f[14] = 0x40 | ihl;
            f[20..22].copy_from_slice(&frag.to_be_bytes());
            f[23] = proto;
            let th = 14 + 4 * usize::from(ihl);
            f[th + 2..th + 4].copy_from_slice(&port.to_be_bytes());
            out.push(f);
        }
        for (next, port) in [(6u8, 25u16), (6, 80), (17, 25)] {
            let mut f = vec![0u8; 14 + 40 + 20];
            f[12..14].copy_from_slice(&[0x86, 0xdd]);
            f[14] = 0x60;
            f[20] = next;
            f[56..58].copy_from_slice(&port.to_be_bytes());
            out.push(f);
        }
        out
    }

    #[test]
    fn the_ipv6_port_test_falls_into_the_ipv4_one_with_the_same_verdicts() {
        let mut cfg = tcp_dst_port_25(true);
        let before = crate::filter::optimize::emit_best(&cfg).unwrap();
        run(&mut cfg);
        let after = crate::filter::optimize::emit_best(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        // `ldxb` moved above the fragment test; `ldx #40` falls into `ldh [x+16]`.
        let msh = after
            .iter()
            .position(|i| i.code == BPF_LDX | BPF_MSH | BPF_B)
            .unwrap();
        assert_eq!(after[msh + 1].code, BPF_JMP | BPF_JSET | BPF_K, "{after:?}");
        let imm = after
            .iter()
            .position(|i| i.code == BPF_LDX | BPF_IMM)
            .unwrap();
        assert_eq!(after[imm].k, 40);
        assert_eq!(after[imm + 1], Insn::stmt(BPF_LD | BPF_IND | BPF_H, 16));
        assert!(
            !after.iter().any(|i| i.code == BPF_JMP | BPF_JA),
            "{after:?}"
        );
        // Exact: the same verdict on every prefix of every frame.
        let mut accepted = 0;
        for f in port_frames() {
            for len in 0..=f.len() {
                let v = vm::run(&after, &f[..len], len as u32);
                assert_eq!(
                    v,
                    vm::run(&before, &f[..len], len as u32),
                    "{f:02x?} / {len}"
                );
                accepted += usize::from(v != 0);
            }
        }
        assert!(accepted > 0);
    }

    #[test]
    fn no_hoist_past_a_test_whose_other_exit_accepts() {
        // A fragment is accepted here: `ldxb` above the test could reject one
        // too short for it, so it stays, and the one-block IPv6 region with it.
        let mut cfg = tcp_dst_port_25(false);
        let before = cfg.clone();
        run(&mut cfg);
        assert_eq!(cfg, before);
    }
}
