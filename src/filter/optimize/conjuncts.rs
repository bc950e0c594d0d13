//! Selective conjuncts first. In a conjunction whose every failure rejects the
//! packet (`ip and tcp and not fragment and port 80`), the conjuncts may be tested
//! in any order: the packet is accepted only if every one of them holds, and a
//! load past the end of the packet rejects it wherever it happens. So the
//! conjunct most likely to fail at the least cost goes first: an IPv4 packet that
//! is not for port 80 is then rejected after the port test, without the protocol
//! and fragment tests libpcap runs first. Verdicts do not change, on short packets
//! either.
//!
//! A *unit* is a block `b` with the block `S` that post-dominates it once the
//! edges to rejecting blocks are left out: every path from `b` reaches `S` or a
//! rejection. Its *region*, the blocks between `b` and `S`, must be entered only
//! through `b` and must not return. A *chain* is a run of units, each unit's `S`
//! the next unit's `b` and entered only from that unit. Units are permuted by the
//! classic rule for ordering conjuncts, ascending expected cost over probability
//! of failing, estimated with the branch guesses of [`super::order::is_likely`].
//! Register dependencies decide what may move: a unit that reads a register
//! stays after the last unit that writes it on every path, with the units
//! between them (which may write it on some paths), as one block of units; a
//! unit that may read what the chain was entered with stays in front of every
//! unit that writes it; and the last writers of what is read after the chain
//! stay last.
//!
//! Linear: regions are explored up to [`REGION_MAX`] blocks and post-dominators
//! computed with a step budget; past either, the unit or the pass is given up.

use super::liveness;
use super::state::{A, NREGS, uses_defs};
use crate::bpf::insn::{
    BPF_ABS, BPF_B, BPF_H, BPF_IND, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_JSET, BPF_K, BPF_LD,
    BPF_W,
};
use crate::filter::cfg::{BlockId, Cfg, Succs, Term};
use crate::filter::chainloop;

/// Largest region a unit may have.
const REGION_MAX: usize = 48;

/// A unit: its entry, its post-dominator, its region (entry first), the registers
/// it reads before writing and those it writes (bit sets over register slots),
/// its expected cost in instructions and the probability that it reaches `s`.
#[derive(Clone, Debug)]
struct Unit {
    b: BlockId,
    s: BlockId,
    region: Vec<BlockId>,
    reads: u32,
    writes: u32,
    /// Registers written on every path through the unit (by its entry block).
    must_writes: u32,
    cost: f64,
    pass: f64,
    /// Every predecessor of `s` lies in the region.
    owns_s: bool,
}

/// Scratch for [`unit`]: `slot[v]` is `v`'s index in the region being built
/// when `stamp[v]` is the current stamp (no clearing between units).
struct Scratch {
    stamp: Vec<u32>,
    slot: Vec<usize>,
    now: u32,
}

impl Scratch {
    fn index(&self, v: BlockId) -> Option<usize> {
        (self.stamp[v] == self.now).then(|| self.slot[v])
    }
}

/// Guessed probability that a branch is taken. `loaded`: the size bits of the
/// packet load that set A in the same block, if one did. IPv4 and TCP are
/// common, IPv6 and UDP less so (TCP carries most of the traffic on most links); zero fields (flags, padding, high address words) are
/// fairly common and values compared `> 0` usually are; any other constant is
/// rare, a whole word (an address) rarer; Ethernet frames carry a type more often
/// than a length; IPv4 fragments are rare.
pub(super) fn p_taken(code: u16, k: u32, loaded: Option<u16>) -> f64 {
    const JEQ: u16 = BPF_JMP | BPF_JEQ | BPF_K;
    const JGT: u16 = BPF_JMP | BPF_JGT | BPF_K;
    const JGE: u16 = BPF_JMP | BPF_JGE | BPF_K;
    const JSET: u16 = BPF_JMP | BPF_JSET | BPF_K;
    match (code, loaded) {
        (JEQ, _) if k == 0 => 0.3,
        (JEQ, Some(BPF_W)) => match k {
            // BSD loopback's address family, in either byte order.
            0x0200_0000 | 2 => 0.9,
            0x0a00_0000 | 10 | 0x1c00_0000 | 28 | 0x1e00_0000 | 30 => 0.3,
            _ => 0.05,
        },
        (JEQ, Some(BPF_H)) => match k {
            0x0800 => 0.9,
            0x86dd => 0.3,
            _ => 0.1,
        },
        (JEQ, Some(BPF_B)) => match k {
            6 => 0.9,
            17 => 0.3,
            _ => 0.1,
        },
        (JEQ, _) => match k {
            0x0800 | 0x40 | 6 => 0.9,
            0x86dd | 0x60 | 17 => 0.3,
            _ => 0.1,
        },
        (JGT | JGE, _) if k == 0 => 0.8,
        (JGT, _) if k == 0x5dc => 0.95,
        (JSET, _) if k == 0x1fff => 0.02,
        _ => 0.5,
    }
}

/// The size bits of the packet load that last set A in `stmts`, if a packet
/// load did.
pub(super) fn loaded_size(stmts: &[crate::bpf::Insn]) -> Option<u16> {
    let last = stmts.iter().rev().find(|s| uses_defs(s).1 & 1 << A != 0)?;
    (last.class() == BPF_LD && matches!(last.code & 0xe0, BPF_ABS | BPF_IND))
        .then_some(last.code & 0x18)
}

/// Reorders every chain; `true` if anything moved.
pub fn run(cfg: &mut Cfg) -> bool {
    let Ok(order) = super::topo(cfg) else {
        return false;
    };
    let n = cfg.blocks.len();
    let mut pos = vec![usize::MAX; n];
    for (i, &b) in order.iter().enumerate() {
        pos[b] = i;
    }
    // Blocks that always reject: `ret #0`, or every exit to such a block.
    let mut rejects = vec![false; n];
    for &b in order.iter().rev() {
        rejects[b] = match cfg.blocks[b].term {
            Term::Ret(k) => k == 0,
            Term::Goto(t) => rejects[t] && !has_effect(cfg, b),
            Term::Branch { jt, jf, .. } => rejects[jt] && rejects[jf] && !has_effect(cfg, b),
        };
    }
    let succ = |b: BlockId| -> Succs {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        s.retain(|t| !rejects[t]);
        s
    };
    let preds = super::predecessors(cfg, &order);
    // Immediate post-dominators without the rejecting edges; `n` is the exit.
    let exit = n;
    let mut ipdom = vec![exit; n + 1];
    let mut budget = 64 * n + 1024;
    let rank = |b: BlockId| if b == exit { usize::MAX } else { pos[b] };
    for &b in order.iter().rev() {
        if rejects[b] || matches!(cfg.blocks[b].term, Term::Ret(_)) {
            continue;
        }
        let mut it = succ(b).into_iter();
        let Some(first) = it.next() else { continue };
        let mut d = first;
        for mut o in it {
            while d != o {
                if budget == 0 {
                    return false;
                }
                budget -= 1;
                if rank(d) < rank(o) {
                    d = ipdom[d];
                } else {
                    o = ipdom[o];
                }
            }
        }
        ipdom[b] = d;
    }
    let live = liveness::live_in(cfg, &order);
    // Units by entry.
    let mut units: Vec<Option<Unit>> = vec![None; n];
    let mut scratch = Scratch {
        stamp: vec![0; n],
        slot: vec![0; n],
        now: 0,
    };
    for &b in &order {
        let s = ipdom[b];
        if s == exit || rejects[b] {
            continue;
        }
        units[b] = unit(cfg, b, s, &succ, &preds, &rejects, &pos, &mut scratch);
    }
    // `S` continues the chain when it is a unit entered only from this unit.
    let links = |u: &Unit, units: &[Option<Unit>]| -> bool { u.owns_s && units[u.s].is_some() };
    let mut linked_to = vec![false; n];
    for u in units.iter().flatten() {
        if links(u, &units) {
            linked_to[u.s] = true;
        }
    }
    // Chains, outermost last (inner chains are rewired first).
    let mut chains: Vec<Vec<BlockId>> = Vec::new();
    for &b in &order {
        if units[b].is_none() || linked_to[b] {
            continue;
        }
        let mut chain = vec![b];
        let mut cur = b;
        while let Some(u) = &units[cur] {
            if !links(u, &units) {
                break;
            }
            cur = u.s;
            chain.push(cur);
        }
        if chain.len() >= 2 {
            chains.push(chain);
        }
    }
    let mut plans = Vec::new();
    for chain in &chains {
        let us: Vec<&Unit> = chain.iter().filter_map(|&b| units[b].as_ref()).collect();
        let t = us[us.len() - 1].s;
        if let Some(new) = plan(&us, live[t]) {
            plans.push((us.iter().map(|u| (*u).clone()).collect::<Vec<_>>(), new));
        }
    }
    if plans.is_empty() {
        return false;
    }
    // Edges into each chain from outside go to its new first unit.
    let mut remap: Vec<BlockId> = (0..n).collect();
    for (us, new) in &plans {
        remap[us[0].b] = us[new[0]].b;
    }
    for &b in &order {
        retarget_all(cfg, b, &remap);
    }
    cfg.entry = remap[cfg.entry];
    // Inner chains first: their regions lie inside outer units' regions.
    plans.sort_by_key(|(us, _)| std::cmp::Reverse(pos[us[0].b]));
    for (us, new) in &plans {
        let t = remap[us[us.len() - 1].s];
        for (i, &j) in new.iter().enumerate() {
            let next = new.get(i + 1).map_or(t, |&k| us[k].b);
            let old = remap[us[j].s];
            for &v in &us[j].region {
                retarget(cfg, v, old, next);
            }
        }
    }
    true
}

fn has_effect(cfg: &Cfg, b: BlockId) -> bool {
    cfg.blocks[b]
        .stmts
        .iter()
        .any(super::state::has_side_effect)
}

fn retarget(cfg: &mut Cfg, b: BlockId, old: BlockId, new: BlockId) {
    match &mut cfg.blocks[b].term {
        Term::Goto(t) if *t == old => *t = new,
        Term::Branch { jt, jf, .. } => {
            if *jt == old {
                *jt = new;
            }
            if *jf == old {
                *jf = new;
            }
        }
        _ => {}
    }
}

fn retarget_all(cfg: &mut Cfg, b: BlockId, remap: &[BlockId]) {
    match &mut cfg.blocks[b].term {
        Term::Goto(t) => *t = remap[*t],
        Term::Branch { jt, jf, .. } => {
            *jt = remap[*jt];
            *jf = remap[*jf];
        }
        Term::Ret(_) => {}
    }
}

/// The unit entered at `b` with post-dominator `s`, if its region is small,
/// entered only through `b`, and neither returns nor loops.
#[allow(clippy::too_many_arguments)]
fn unit(
    cfg: &Cfg,
    b: BlockId,
    s: BlockId,
    succ: &dyn Fn(BlockId) -> Succs,
    preds: &[Vec<BlockId>],
    rejects: &[bool],
    pos: &[usize],
    scratch: &mut Scratch,
) -> Option<Unit> {
    scratch.now += 1;
    let mut region = vec![b];
    scratch.stamp[b] = scratch.now;
    let mut i = 0;
    while i < region.len() {
        let v = region[i];
        i += 1;
        let blk = &cfg.blocks[v];
        if matches!(blk.term, Term::Ret(_)) || blk.stmts.iter().any(chainloop::is_loop) {
            return None;
        }
        for t in succ(v) {
            if t != s && scratch.stamp[t] != scratch.now {
                if region.len() == REGION_MAX {
                    return None;
                }
                scratch.stamp[t] = scratch.now;
                region.push(t);
            }
        }
    }
    let inside = |v: &BlockId| scratch.stamp[*v] == scratch.now;
    if region[1..].iter().any(|v| !preds[*v].iter().all(inside)) {
        return None;
    }
    let owns_s = preds[s].len() <= REGION_MAX && preds[s].iter().all(inside);
    region.sort_by_key(|&v| pos[v]);
    for (i, &v) in region.iter().enumerate() {
        scratch.slot[v] = i;
    }
    let scratch = &*scratch;
    // Registers read before written, backwards over the region.
    let mut live_in = vec![0u32; region.len()];
    let mut writes = 0u32;
    for (i, &v) in region.iter().enumerate().rev() {
        let blk = &cfg.blocks[v];
        let mut l = liveness::term_uses(&blk.term);
        for t in blk.term.successors() {
            if let Some(j) = scratch.index(t) {
                l |= live_in[j];
            }
        }
        for st in blk.stmts.iter().rev() {
            let (u, d) = uses_defs(st);
            l = (l & !d) | u;
            writes |= d;
        }
        live_in[i] = l;
    }
    // Expected cost and probability of reaching `s`.
    let mut prob = vec![0.0f64; region.len()];
    prob[0] = 1.0;
    let (mut cost, mut pass) = (0.0, 0.0);
    for i in 0..region.len() {
        let v = region[i];
        let blk = &cfg.blocks[v];
        let here = prob[i];
        let mut flow = |t: BlockId, p: f64| {
            if t == s {
                pass += p;
            } else if let Some(j) = scratch.index(t) {
                prob[j] += p;
            } else {
                debug_assert!(rejects[t]);
            }
        };
        match blk.term {
            Term::Branch { code, k, jt, jf } if jt != jf => {
                cost += here * (blk.stmts.len() + 1) as f64;
                let p = p_taken(code, k, loaded_size(&blk.stmts));
                flow(jt, here * p);
                flow(jf, here * (1.0 - p));
            }
            Term::Branch { jt: t, .. } | Term::Goto(t) => {
                cost += here * blk.stmts.len() as f64;
                flow(t, here);
            }
            Term::Ret(_) => return None,
        }
    }
    let must_writes = cfg.blocks[b]
        .stmts
        .iter()
        .fold(0, |acc, st| acc | uses_defs(st).1);
    Some(Unit {
        b,
        s,
        reads: live_in[0],
        writes,
        must_writes,
        region,
        cost,
        pass,
        owns_s,
    })
}

/// The new order of a chain's units (indices into `us`), or `None` to keep it.
/// `live_after`: the registers read after the chain.
fn plan(us: &[&Unit], live_after: u32) -> Option<Vec<usize>> {
    let m = us.len();
    // Groups that move together: a unit that reads a register stays with the
    // last unit before it that writes the register on every path, and with
    // every unit between them (which may write it on some paths only). With no
    // such writer before it, the reader may see what the chain was entered
    // with, and everything up to it stays in front.
    let mut group_end: Vec<usize> = (0..m).collect();
    let (mut pinned_front, mut pinned_back) = (0usize, m);
    for r in 0..NREGS {
        let bit = 1u32 << r;
        let writers: Vec<usize> = (0..m).filter(|&j| us[j].writes & bit != 0).collect();
        if writers.is_empty() {
            continue;
        }
        let must = |w: usize| us[w].must_writes & bit != 0;
        for (j, u) in us.iter().enumerate() {
            if u.reads & bit == 0 {
                continue;
            }
            match writers.iter().rev().filter(|&&w| w < j).find(|&&w| must(w)) {
                Some(&w) => group_end[w] = group_end[w].max(j),
                None => pinned_front = pinned_front.max(j + 1),
            }
        }
        if live_after & bit != 0 {
            // What is read after the chain comes from the last unit that
            // writes it on every path or from the units after that one.
            let from = writers
                .iter()
                .rev()
                .find(|&&w| must(w))
                .unwrap_or(&writers[0]);
            pinned_back = pinned_back.min(*from);
        }
    }
    // A read that crosses into the pinned front pins the reader too.
    let mut k = 0;
    while k < pinned_front.min(m) {
        pinned_front = pinned_front.max(group_end[k] + 1);
        k += 1;
    }
    // Merge the overlapping intervals into groups.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut start = pinned_front;
    while start < pinned_back {
        let mut end = group_end[start];
        let mut j = start;
        while j <= end {
            end = end.max(group_end[j]);
            j += 1;
        }
        if end >= pinned_back {
            break;
        }
        groups.push((start, end));
        start = end + 1;
    }
    let movable_end = groups.last().map_or(pinned_front, |g| g.1 + 1);
    if groups.len() < 2 {
        return None;
    }
    let key = |&(a, e): &(usize, usize)| {
        let (mut cost, mut pass) = (0.0, 1.0);
        for u in &us[a..=e] {
            cost += pass * u.cost;
            pass *= u.pass;
        }
        cost / (1.0 - pass).max(1e-3)
    };
    let mut sorted = groups.clone();
    sorted.sort_by(|x, y| key(x).total_cmp(&key(y)));
    if sorted == groups {
        return None;
    }
    let mut new: Vec<usize> = (0..pinned_front).collect();
    for (a, e) in sorted {
        new.extend(a..=e);
    }
    new.extend(movable_end..m);
    Some(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::Insn;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    /// `ip and tcp and not fragment and dst port 7` as code generation leaves it
    /// (without the Ethernet test): protocol, fragment, then port.
    fn tcp_dst_port_7() -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(0x40000));
        let rej = cfg.add(vec![], Term::Ret(0));
        let port = cfg.add(
            vec![
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 14),
                Insn::stmt(BPF_LD | BPF_IND | BPF_H, 16),
            ],
            Term::jeq(7, acc, rej),
        );
        let frag = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 20)],
            Term::Branch {
                code: BPF_JMP | BPF_JSET | BPF_K,
                k: 0x1fff,
                jt: rej,
                jf: port,
            },
        );
        let proto = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 23)],
            Term::jeq(6, frag, rej),
        );
        cfg.entry = proto;
        cfg
    }

    fn frames() -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for (proto, frag, port) in [
            (6u8, 0u8, 7u16),
            (6, 0, 8),
            (17, 0, 7),
            (6, 0x20, 7),
            (6, 1, 7),
        ] {
            let mut f = vec![0u8; 14 + 20 + 20];
            f[12] = 0x08;
            f[14] = 0x45;
            f[20] = frag;
            f[23] = proto;
            f[36..38].copy_from_slice(&port.to_be_bytes());
            out.push(f);
        }
        out
    }

    #[test]
    fn the_port_is_tested_first_with_the_same_verdicts_on_every_prefix() {
        let mut cfg = tcp_dst_port_7();
        let before = crate::filter::emit::emit(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(before.len(), after.len());
        assert_eq!(after[0].code, BPF_LDX | BPF_MSH | BPF_B, "{after:?}");
        let mut accepted = 0;
        for f in frames() {
            for len in 0..=f.len() {
                let v = vm::run(&after, &f[..len], len as u32);
                assert_eq!(v, vm::run(&before, &f[..len], len as u32), "{f:02x?}/{len}");
                accepted += usize::from(v != 0);
            }
        }
        // The first frame and the first fragment (offset 0, more-fragments
        // flag), each from its port (byte 38) on.
        assert_eq!(accepted, 2 * (54 - 38 + 1));
    }

    /// A unit with the given register sets, cost and pass probability.
    fn unit(reads: u32, writes: u32, must_writes: u32, cost: f64, pass: f64) -> Unit {
        Unit {
            b: 0,
            s: 0,
            region: vec![0],
            reads,
            writes,
            must_writes,
            cost,
            pass,
            owns_s: true,
        }
    }

    #[test]
    fn a_reader_keeps_every_writer_since_the_last_one_on_every_path() {
        // u0 writes the register on every path, u1 on some paths only, u2 reads
        // it: on the paths where u1 does not write, u2 reads u0's value, so u0
        // must stay before u2 with u1 between, however costly u0 is. u3 is free.
        let r = 1 << 5;
        let us = [
            unit(0, r, r, 20.0, 0.99),
            unit(0, r, 0, 1.0, 0.9),
            unit(r, 0, 0, 1.0, 0.5),
            unit(0, 0, 0, 1.0, 0.1),
        ];
        let refs: Vec<&Unit> = us.iter().collect();
        let order = plan(&refs, 0).expect("u3 moves first");
        assert_eq!(order, vec![3, 0, 1, 2]);
        // Were u1 a writer on every path, u0 would be free to go last.
        let us = [
            unit(0, r, r, 20.0, 0.99),
            unit(0, r, r, 1.0, 0.9),
            unit(r, 0, 0, 1.0, 0.5),
            unit(0, 0, 0, 1.0, 0.1),
        ];
        let refs: Vec<&Unit> = us.iter().collect();
        assert_eq!(plan(&refs, 0), Some(vec![3, 1, 2, 0]));
    }

    #[test]
    fn a_unit_reading_what_the_chain_was_entered_with_stays_first() {
        // `ldh [12]` outside the chain (IPv6 is accepted); the chain's first
        // unit tests the value it loaded.
        let mut cfg = tcp_dst_port_7();
        let proto = cfg.entry;
        let rej = 1;
        let ty = cfg.add(vec![], Term::jeq(0x800, proto, rej));
        let v6 = cfg.add(vec![], Term::Ret(1));
        let head = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::jeq(0x86dd, v6, ty),
        );
        cfg.entry = head;
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        // `jeq #0x800` still reads the EtherType loaded before it.
        assert_eq!(after[3].k, 0x800, "{after:?}");
        assert_eq!(after[4].code, BPF_LDX | BPF_MSH | BPF_B, "{after:?}");
        for f in frames() {
            assert_eq!(
                vm::run(&after, &f, f.len() as u32),
                u32::from(f[23] == 6 && f[20] & 0x1f == 0 && f[37] == 7) * 0x40000
            );
        }
    }

    #[test]
    fn a_chain_whose_failure_does_not_reject_is_left_alone() {
        // `(proto and frag and port) or accept-all`: the failures go on.
        let mut cfg = tcp_dst_port_7();
        for b in &mut cfg.blocks {
            if b.term == Term::Ret(0) {
                b.term = Term::Ret(1);
            }
        }
        assert!(!run(&mut cfg));
    }
}
