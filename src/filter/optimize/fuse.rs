//! Fused tests: two tests in a row that each reject the packet when they fail, on
//! packet bytes within one 4-byte window, become one load, one mask and one
//! comparison. IPv4's protocol and fragment tests (`ldb [23]; jeq #6` then
//! `ldh [20]; jset #0x1fff`) become `ld [20]; and #0x1fff00ff; jeq #6`: one
//! instruction fewer, and one fewer run for a packet that passes both.
//!
//! A test qualifies when it asks whether some bits of a load equal a constant:
//! `jeq #k` (after an optional `and #m`) failing to a rejection, `jset #m`
//! succeeding to one, or `jset` of a single bit failing to one. A set of `jeq`
//! on one load that all pass to the same block and fail in turn, the last to a
//! rejection (`port 53`'s protocols: `jeq #6`, `jeq #17`, `jeq #132`), qualifies
//! as the first test: `ld [20]; and #0x1fff00ff` and the same `jeq`s.
//!
//! Verdicts do not change, on short packets either. Both failures and a load past
//! the end reject, so the packet is rejected when any of the two loads or tests
//! fails, and the fused load ends where the later of the two ends: it fails on
//! exactly the packets one of them fails on.
//!
//! The fused test runs one more instruction than the first test alone when it
//! needs a mask that test did not, so it is made only where the first test
//! often passes (by [`super::conjuncts::p_taken`]'s guesses: TCP, UDP, not a
//! fragment). The second block's statements that leave A alone
//! (`ldxb 4*([14]&0xf)`) stay on the passing path; when the block they end up in
//! would need a `ja` into a shared tail, other blocks that only set X on the way
//! to that tail (IPv6's `ldx #40`) move into their branches, or failing that the
//! statements move in front of the fused comparison (run on the way to a
//! rejection too, they change nothing there).
//!
//! One walk in topological order; a block fuses with successors for as long as
//! the next test qualifies.

use super::liveness;
use super::state::{A, X, uses_defs};
use crate::bpf::Insn;
use crate::bpf::insn::{
    BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_H, BPF_IND, BPF_JEQ, BPF_JMP, BPF_JSET, BPF_K, BPF_LD,
    BPF_MSH, BPF_W, BPF_X,
};
use crate::filter::cfg::{BlockId, Cfg, Term};

/// The fused test is made only where the first test passes at least this often
/// ([`super::conjuncts::p_taken`]'s guesses: TCP 0.9 and UDP 0.3 pass, SCTP or
/// ICMP at 0.1 do not). Fusing after those rarer tests too saved 52 more
/// instructions over the held-out corpus, but each such filter then ran about
/// 900 more instructions over the synthetic packet corpus.
const P_PASS_MIN: f64 = 0.25;

/// A set's fused test also runs its mask on every packet that fails all of the
/// set's comparisons: made only where most packets pass (`port 53`'s TCP, UDP
/// or SCTP; not `vlan 10`'s three VLAN ethertypes).
const SET_P_PASS_MIN: f64 = 0.5;

/// Packet offsets past this are Linux's ancillary loads, never fused.
const OFFSET_MAX: u32 = 0xffff;

/// A block's test: `(load & mask) == value` holds on the exit to `pass`, and the
/// other exit rejects the packet.
#[derive(Clone, Copy, Debug)]
struct Test {
    /// Index in the block's statements of the load of A that is tested.
    load_at: usize,
    /// Index of the `and #mask` applied to it, if any.
    and_at: Option<usize>,
    /// `BPF_ABS` or `BPF_IND`.
    mode: u16,
    /// First byte and width (1, 2 or 4) of the load.
    offset: u32,
    width: u32,
    mask: u32,
    value: u32,
    pass: BlockId,
    reject: BlockId,
    /// Guessed probability of passing ([`super::conjuncts::p_taken`]).
    p_pass: f64,
}

fn width(code: u16) -> Option<u32> {
    match code & 0x18 {
        BPF_W => Some(4),
        BPF_H => Some(2),
        BPF_B => Some(1),
        _ => None,
    }
}

fn all_ones(width: u32) -> u32 {
    if width == 4 {
        u32::MAX
    } else {
        (1u32 << (8 * width)) - 1
    }
}

/// Whether `s` reads or writes A.
fn touches_a(s: &Insn) -> bool {
    let (uses, defs) = uses_defs(s);
    (uses | defs) & (1 << A) != 0
}

fn rejects(cfg: &Cfg, b: BlockId) -> bool {
    matches!(cfg.blocks[b].term, Term::Ret(0))
}

/// The test ending block `b`, if it qualifies: A is loaded from the packet in the
/// block, at most masked after that, and the other statements after the load
/// leave A alone.
fn test_of(cfg: &Cfg, b: BlockId) -> Option<Test> {
    test_in(cfg, b, false)
}

/// [`test_of`], or with `head_of_set` a `jeq` whose failing exit need not reject
/// (the first test of a set, see [`set_chain`]).
fn test_in(cfg: &Cfg, b: BlockId, head_of_set: bool) -> Option<Test> {
    let blk = &cfg.blocks[b];
    let Term::Branch { code, k, jt, jf } = blk.term else {
        return None;
    };
    if jt == jf {
        return None;
    }
    let load_at = blk
        .stmts
        .iter()
        .rposition(|s| uses_defs(s).1 & (1 << A) != 0)?;
    let (mut load_at, mut and_at) = (load_at, None);
    let last = blk.stmts[load_at];
    if last.code == BPF_ALU | BPF_AND | BPF_K {
        and_at = Some(load_at);
        load_at = blk.stmts[..load_at]
            .iter()
            .rposition(|s| uses_defs(s).1 & (1 << A) != 0)?;
    }
    let load = blk.stmts[load_at];
    let mode = load.code & 0xe0;
    if load.class() != BPF_LD || !(mode == BPF_ABS || mode == BPF_IND) || load.k > OFFSET_MAX {
        return None;
    }
    let width = width(load.code)?;
    // Between the load and the branch nothing else may read A.
    let others_leave_a = blk.stmts[load_at + 1..]
        .iter()
        .enumerate()
        .all(|(i, s)| Some(load_at + 1 + i) == and_at || !touches_a(s));
    if !others_leave_a {
        return None;
    }
    let loaded = all_ones(width) & and_at.map_or(u32::MAX, |i| blk.stmts[i].k);
    let op = code & 0xf0;
    let p_taken = super::conjuncts::p_taken(code, k, Some(load.code & 0x18));
    let (mask, value, pass, reject, p_pass) = if op == BPF_JEQ && code & BPF_X == 0 {
        (loaded, k, jt, jf, p_taken)
    } else if head_of_set {
        return None;
    } else if op == BPF_JSET && code & BPF_X == 0 && rejects(cfg, jt) {
        (loaded & k, 0, jf, jt, 1.0 - p_taken)
    } else if op == BPF_JSET && code & BPF_X == 0 && (loaded & k).count_ones() == 1 {
        (loaded & k, loaded & k, jt, jf, p_taken)
    } else {
        return None;
    };
    // A value with bits outside the mask never matches; leave that to others.
    if !(rejects(cfg, reject) || head_of_set) || value & !mask != 0 || mask == 0 {
        return None;
    }
    Some(Test {
        load_at,
        and_at,
        mode,
        offset: load.k,
        width,
        mask,
        value,
        pass,
        reject,
        p_pass,
    })
}

/// The rest of a set that `b`'s `jeq` heads: the blocks its failing exit leads
/// through, each with no statements and no other predecessor, each testing A
/// with `jeq` and passing to `pass` as `b` does, the last failing to a rejection
/// (IPv4's `ldb [23]; jeq #6`, `jeq #17`, `jeq #132` for `port 53`). Each then
/// fuses like a single test: the value it compares with takes the second
/// test's bits too.
fn set_chain(cfg: &Cfg, b: BlockId, preds: &[Vec<BlockId>]) -> Option<(Vec<BlockId>, f64)> {
    let (_, pass, mut next) = cfg.blocks[b].term.as_jeq()?;
    let loaded = super::conjuncts::loaded_size(&cfg.blocks[b].stmts);
    let (mut chain, mut p_pass) = (Vec::new(), 0.0);
    while !rejects(cfg, next) {
        let blk = &cfg.blocks[next];
        let (k, jt, jf) = blk.term.as_jeq()?;
        if jt != pass || !blk.stmts.is_empty() || preds[next].len() != 1 {
            return None;
        }
        p_pass += super::conjuncts::p_taken(BPF_JMP | BPF_JEQ | BPF_K, k, loaded);
        chain.push(next);
        next = jf;
    }
    (!chain.is_empty()).then_some((chain, p_pass))
}

/// Runs the pass; `true` if anything was fused.
pub fn run(cfg: &mut Cfg) -> bool {
    let Ok(order) = super::topo(cfg) else {
        return false;
    };
    let live_in = liveness::live_in(cfg, &order);
    let mut preds = super::predecessors(cfg, &order);
    let mut changed = false;
    for &b in &order {
        // The absorbed block becomes unreachable, and `b` takes its place as
        // the only predecessor of its exit.
        while fuse_with_pass(cfg, b, &mut preds, &live_in).is_some() {
            changed = true;
        }
    }
    changed
}

/// A block that only sets X (`ldx #40`) and goes on to `c`: its statements move
/// into its one predecessor, a branch whose other exit does not read X, and the
/// branch goes to `c` directly. `true` if it did.
fn hoist_into_branch(
    cfg: &mut Cfg,
    q: BlockId,
    c: BlockId,
    preds: &mut [Vec<BlockId>],
    live_in: &[u32],
) -> bool {
    let blk = &cfg.blocks[q];
    let jumps_to_c = super::cleanup::is_jump(&blk.term) == Some(c);
    let sets_only_x = blk
        .stmts
        .iter()
        .all(|s| !touches_a(s) && uses_defs(s).1 == 1 << X && !super::state::has_side_effect(s));
    if !jumps_to_c || blk.stmts.is_empty() || !sets_only_x || preds[q].len() != 1 {
        return false;
    }
    let p = preds[q][0];
    let Term::Branch { code, jt, jf, .. } = cfg.blocks[p].term else {
        return false;
    };
    let other = if jt == q { jf } else { jt };
    if jt == jf || code & BPF_X != 0 || live_in[other] & (1 << X) != 0 {
        return false;
    }
    // `ldxb 4*([k]&0xf)` reads the packet: on the other exit it could reject a
    // short packet that exit would have accepted, unless that exit rejects.
    let reads_packet = cfg.blocks[q].stmts.iter().any(|s| s.code & 0xe0 == BPF_MSH);
    if reads_packet && !rejects(cfg, other) {
        return false;
    }
    let moved = std::mem::take(&mut cfg.blocks[q].stmts);
    cfg.blocks[p].stmts.extend(moved);
    if let Term::Branch { jt, jf, .. } = &mut cfg.blocks[p].term {
        for e in [jt, jf] {
            if *e == q {
                *e = c;
            }
        }
    }
    preds[c].retain(|&v| v != q);
    if !preds[c].contains(&p) {
        preds[c].push(p);
    }
    true
}

/// Fuses the test ending `b` with the test of its passing exit, if both qualify.
fn fuse_with_pass(
    cfg: &mut Cfg,
    b: BlockId,
    preds: &mut [Vec<BlockId>],
    live_in: &[u32],
) -> Option<()> {
    let (t1, chain) = match test_of(cfg, b) {
        Some(t) => (t, Vec::new()),
        None => {
            let mut t = test_in(cfg, b, true)?;
            // The chain's failing exits lead on through it; its last one rejects.
            let (chain, p_rest) = set_chain(cfg, b, preds)?;
            t.p_pass = (t.p_pass + p_rest).min(1.0);
            (t, chain)
        }
    };
    let n = t1.pass;
    if preds[n].len() != 1 + chain.len() {
        return None;
    }
    let t2 = test_of(cfg, n)?;
    // The fused test runs in place of the first on every packet that gets
    // here, one instruction longer when it needs a mask the first did not; it
    // saves the second test on the packets that pass the first. Worth it when
    // many do (TCP, UDP, not a fragment).
    if t1.p_pass
        < if chain.is_empty() {
            P_PASS_MIN
        } else {
            SET_P_PASS_MIN
        }
    {
        return None;
    }
    if t1.mode != t2.mode || live_in[t2.pass] & (1 << A) != 0 {
        return None;
    }
    let (b1, b2) = (&cfg.blocks[b], &cfg.blocks[n]);
    // The second block's other statements must leave A alone wherever they are.
    let mut b2_rest: Vec<Insn> = b2
        .stmts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != t2.load_at && Some(i) != t2.and_at)
        .map(|(_, s)| *s)
        .collect();
    if b2_rest.iter().any(touches_a) {
        return None;
    }
    // An indexed load must see the same X in both places.
    if t1.mode == BPF_IND {
        let writes_x = |s: &Insn| uses_defs(s).1 & (1 << X) != 0;
        if b1.stmts[t1.load_at + 1..].iter().any(writes_x)
            || b2.stmts[..t2.load_at].iter().any(writes_x)
        {
            return None;
        }
    }
    // The window: it ends where the later load ends, so that it fails on exactly
    // the packets one of them fails on.
    let start = t1.offset.min(t2.offset);
    let end = (t1.offset + t1.width).max(t2.offset + t2.width);
    let width = match end - start {
        1 => 1,
        2 => 2,
        3 | 4 => 4,
        _ => return None,
    };
    if end < width {
        return None;
    }
    let at = end - width;
    let place = |t: &Test| {
        let shift = 8 * (end - (t.offset + t.width));
        (t.mask << shift, t.value << shift)
    };
    let ((m1, v1), (m2, v2)) = (place(&t1), place(&t2));
    // Bits both tests read must agree, or the two never pass together.
    if (v1 ^ v2) & m1 & m2 != 0 {
        return None;
    }
    // The values the rest of a set compares with, placed likewise.
    let mut chain_values = Vec::with_capacity(chain.len());
    for &c in &chain {
        let (k, _, jf) = cfg.blocks[c].term.as_jeq()?;
        let (_, v) = place(&Test { value: k, ..t1 });
        if k & !t1.mask != 0 || (v ^ v2) & m1 & m2 != 0 {
            return None;
        }
        chain_values.push((c, v | v2, jf));
    }
    let (mask, value) = (m1 | m2, v1 | v2);
    let size = match width {
        4 => BPF_W,
        2 => BPF_H,
        _ => BPF_B,
    };
    let mut stmts = Vec::with_capacity(b1.stmts.len() + b2_rest.len() + 1);
    for (i, s) in b1.stmts.iter().enumerate() {
        if i == t1.load_at {
            stmts.push(Insn::stmt(BPF_LD | t1.mode | size, at));
        } else if Some(i) != t1.and_at {
            stmts.push(*s);
        }
    }
    if mask != all_ones(width) {
        stmts.push(Insn::stmt(BPF_ALU | BPF_AND | BPF_K, mask));
    }
    // The statements that leave A alone stay on the passing path (fewer run on
    // the way to a rejection), in a block of their own that falls into the
    // passing exit. When that exit is shared, the other blocks that only set X
    // and jump to it (IPv6's `ldx #40`) move into their branches, so this one
    // can fall in; if one stays, the statements move in front of the fused
    // test instead (a block of its own would cost a `ja`).
    let c = t2.pass;
    if !b2_rest.is_empty() && preds[c].len() > 1 {
        let others: Vec<BlockId> = preds[c].iter().copied().filter(|&v| v != n).collect();
        for q in others {
            hoist_into_branch(cfg, q, c, preds, live_in);
        }
        let falls_in = |v: &BlockId| {
            *v != n && !matches!(cfg.blocks[*v].term, Term::Branch { jt, jf, .. } if jt != jf)
        };
        if preds[c].iter().any(falls_in) {
            stmts.extend(b2_rest.iter().copied());
            b2_rest.clear();
        }
    }
    let pass = if b2_rest.is_empty() {
        t2.pass
    } else {
        let b2 = &mut cfg.blocks[n];
        b2.stmts = b2_rest;
        b2.term = Term::Goto(t2.pass);
        n
    };
    let fails_to = chain.first().copied().unwrap_or(t1.reject);
    let blk = &mut cfg.blocks[b];
    blk.stmts = stmts;
    blk.term = Term::jeq(value, pass, fails_to);
    for (c, v, jf) in chain_values {
        cfg.blocks[c].term = Term::jeq(v, pass, jf);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::{BPF_IMM, BPF_JMP, BPF_LDX};
    use crate::bpf::vm;

    fn ld(mode: u16, size: u16, k: u32) -> Insn {
        Insn::stmt(BPF_LD | mode | size, k)
    }

    /// `jset #k` to `jt` when A has a bit of `k`, else to `jf`.
    fn jset(k: u32, jt: BlockId, jf: BlockId) -> Term {
        Term::Branch {
            code: BPF_JMP | BPF_JSET | BPF_K,
            k,
            jt,
            jf,
        }
    }

    /// IPv4's protocol test, then its fragment test (which also loads X), then a
    /// port test on the indexed header.
    fn ipv4_tcp_port(cfg: &mut Cfg) -> (BlockId, BlockId) {
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let port = cfg.add(vec![ld(BPF_IND, BPF_H, 2)], Term::jeq(80, acc, rej));
        let frag = cfg.add(
            vec![
                ld(BPF_ABS, BPF_H, 6),
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 0),
            ],
            jset(0x1fff, rej, port),
        );
        let proto = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(6, frag, rej));
        (proto, rej)
    }

    #[test]
    fn protocol_and_fragment_tests_become_one_on_every_packet() {
        let mut cfg = Cfg::new();
        let (proto, _) = ipv4_tcp_port(&mut cfg);
        cfg.entry = proto;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        assert_eq!(after[0], ld(BPF_ABS, BPF_W, 6));
        // Every length from empty to whole, with fragment fields and protocols
        // that pass and fail.
        assert_same_verdicts(&before, &after, &[0, 0x4000, 0x0001, 0x2000], &[6, 17]);
    }

    /// Both programs give the same verdict on IPv4 headers (and a port) with
    /// each fragment field and protocol, at every length from empty to whole.
    fn assert_same_verdicts(before: &[Insn], after: &[Insn], frags: &[u16], protos: &[u8]) {
        for len in 0..=24usize {
            for &frag in frags {
                for &proto in protos {
                    for port in [80u16, 81] {
                        let mut p = [0u8; 24];
                        p[0] = 0x45;
                        p[6..8].copy_from_slice(&frag.to_be_bytes());
                        p[9] = proto;
                        p[22..24].copy_from_slice(&port.to_be_bytes());
                        let p = &p[..len];
                        assert_eq!(
                            vm::run(before, p, p.len() as u32),
                            vm::run(after, p, p.len() as u32),
                            "len {len} frag {frag:x} proto {proto} port {port}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_protocol_set_and_the_fragment_test_become_one_on_every_packet() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let port = cfg.add(vec![ld(BPF_IND, BPF_H, 2)], Term::jeq(80, acc, rej));
        let frag = cfg.add(
            vec![
                ld(BPF_ABS, BPF_H, 6),
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 0),
            ],
            jset(0x1fff, rej, port),
        );
        let sctp = cfg.add(vec![], Term::jeq(132, frag, rej));
        let udp = cfg.add(vec![], Term::jeq(17, frag, sctp));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(6, frag, udp));
        let before = crate::filter::emit::emit(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        assert_eq!(after[0], ld(BPF_ABS, BPF_W, 6));
        assert_same_verdicts(
            &before,
            &after,
            &[0, 0x4000, 0x0001, 0x2000, 0x1fff],
            &[6, 17, 132, 1, 0],
        );
    }

    #[test]
    fn a_set_whose_members_are_reached_from_elsewhere_stays() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let frag = cfg.add(vec![ld(BPF_ABS, BPF_H, 6)], jset(0x1fff, rej, acc));
        let udp = cfg.add(vec![], Term::jeq(17, frag, rej));
        let tcp = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(6, frag, udp));
        // Another way into the set's second member.
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(1, udp, tcp));
        assert!(!run(&mut cfg));
    }

    #[test]
    fn tests_that_do_not_reject_on_failure_or_share_a_target_stay() {
        // The protocol test's failure goes on to another test.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let other = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(17, acc, rej));
        let second = cfg.add(vec![ld(BPF_ABS, BPF_B, 8)], Term::jeq(64, acc, rej));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(6, second, other));
        assert!(!run(&mut cfg));
        // The second test is also reached from elsewhere.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let second = cfg.add(vec![ld(BPF_ABS, BPF_B, 8)], Term::jeq(64, acc, rej));
        let first = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(6, second, rej));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 0)], Term::jeq(0x45, first, second));
        assert!(!run(&mut cfg));
        // Too far apart for one load.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let second = cfg.add(vec![ld(BPF_ABS, BPF_B, 4)], Term::jeq(64, acc, rej));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 0)], Term::jeq(6, second, rej));
        assert!(!run(&mut cfg));
    }

    #[test]
    fn three_byte_windows_load_the_word_ending_with_the_later_byte() {
        // Bytes 1 and 3: the word [0, 4) ends at byte 3, as the later load does.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let second = cfg.add(vec![ld(BPF_ABS, BPF_B, 3)], Term::jeq(0x33, acc, rej));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 1)], jset(0xf0, rej, second));
        let before = crate::filter::emit::emit(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        assert_eq!(after[0], ld(BPF_ABS, BPF_W, 0));
        for len in 0..=5usize {
            for b1 in [0x00u8, 0x0f, 0x10, 0xf0] {
                for b3 in [0x33u8, 0x34] {
                    let p = [0xaa, b1, 0xbb, b3, 0xcc];
                    let p = &p[..len];
                    assert_eq!(
                        vm::run(&before, p, len as u32),
                        vm::run(&after, p, len as u32)
                    );
                }
            }
        }
    }

    #[test]
    fn a_first_test_that_usually_fails_is_left_alone() {
        // ICMP is rare: the fused test would run one more instruction on the
        // many packets the protocol test alone rejects.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let frag = cfg.add(vec![ld(BPF_ABS, BPF_H, 6)], jset(0x1fff, rej, acc));
        cfg.entry = cfg.add(vec![ld(BPF_ABS, BPF_B, 9)], Term::jeq(1, frag, rej));
        assert!(!run(&mut cfg));
    }

    #[test]
    fn only_blocks_that_cannot_reject_move_into_a_branch_that_may_accept() {
        for (x_stmt, moves) in [
            (Insn::stmt(BPF_LDX | BPF_IMM, 40), true),
            (Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 5), false),
        ] {
            let mut cfg = Cfg::new();
            let acc = cfg.add(vec![], Term::Ret(1));
            let rej = cfg.add(vec![], Term::Ret(0));
            let tail = cfg.add(vec![ld(BPF_IND, BPF_B, 0)], Term::jeq(7, acc, rej));
            let q = cfg.add(vec![x_stmt], Term::Goto(tail));
            let p = cfg.add(vec![ld(BPF_ABS, BPF_B, 0)], Term::jeq(1, q, acc));
            cfg.entry = p;
            let order = super::super::topo(&cfg).unwrap();
            let live_in = liveness::live_in(&cfg, &order);
            let mut preds = vec![Vec::new(); cfg.blocks.len()];
            preds[q].push(p);
            preds[tail].push(q);
            let before = crate::filter::emit::emit(&cfg).unwrap();
            assert_eq!(
                hoist_into_branch(&mut cfg, q, tail, &mut preds, &live_in),
                moves
            );
            let after = crate::filter::emit::emit(&cfg).unwrap();
            for len in 0..=8usize {
                for b0 in [1u8, 2] {
                    let p = [b0, 0, 0, 0, 0, 0x41, 0, 0];
                    assert_eq!(
                        vm::run(&before, &p[..len], len as u32),
                        vm::run(&after, &p[..len], len as u32),
                        "{x_stmt:?} len {len} byte {b0}"
                    );
                }
            }
        }
    }
}
