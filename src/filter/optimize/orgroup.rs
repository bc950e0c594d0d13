//! Or-chains of compound terms grouped by the value their guards test.
//!
//! An or-chain whose terms each start with a guard, `guard(v) and rest`, where
//! several guards test one loaded value `v` against different constants (the
//! four address forms of `decnet src 1.1`: `[16] & 7` against 2 then 6, `[16] &
//! 0xff07` against 0x8102 then 0x8106) is reordered so that the guards on one
//! value come together: the value is loaded once per group, a guard that fails
//! goes to the next guard with A intact, and a rest that fails after its guard
//! held skips the other guards of its group (they test other constants, so they
//! fail). Terms whose guards test one value against the same constant share one
//! test: a failing rest goes straight to the next rest.
//!
//! A term is a guard block (`ld [k]`, maybe `and #m`, `jeq #c`) whose false exit
//! is the next term's guard, and a rest: the blocks reached from the guard's
//! true exit that no other block enters, leaving only to the chain's hit block
//! or to the next term. Nothing in a rest may depend on registers or scratch
//! cells set before it (but A, the guard's value, for the first rest of a test).
//!
//! Verdicts stay those of the chain as written, on short packets too (a load
//! past the end rejects). For terms i < j where j now comes first, the packet
//! must be known to hold every byte the one of them may reject on (a load past
//! the end) whenever the other accepts: known from the other's loads on each of
//! its accepting paths, and from the guards run before either term. When the
//! two guards exclude each other (some bit of some byte both test differs) only
//! the guard loads count, else all of the term's loads. Then whichever of the
//! two decides the chain's verdict in one order decides it alike in the other
//! (see [`reorder_is_exact`]).
//!
//! Linear: rests are cut at [`MAX_REST`] blocks, a chain's guards are parsed
//! once, and pairs of terms are checked only in chains of at most [`PAIRWISE`]
//! terms (longer ones must pass a check that covers every pair at once).
//!
//! Rests that became identical (`ether host` lists: the high half of each
//! address) are shared afterwards, so that `sets` turns the group's tests into
//! a search tree.

use super::fxhash::FxHashMap;
use super::liveness;
use super::state::{A, has_side_effect};
use crate::bpf::Insn;
use crate::bpf::insn::{
    BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_H, BPF_IND, BPF_K, BPF_LD, BPF_LDX, BPF_MSH, BPF_ST,
    BPF_STX, SKF_AD_OFF,
};
use crate::filter::cfg::{BlockId, Cfg, Term};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Longest chain considered at once.
const MAX_TERMS: usize = 4096;

/// Longest chain whose pairs of terms are checked one by one.
const PAIRWISE: usize = 64;

/// Most blocks in one term's rest.
const MAX_REST: usize = 32;

/// The value a guard tests: an absolute packet load, maybe masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    load: Insn,
    mask: Option<u32>,
}

impl Key {
    /// The key of guard statements `ld [k]` or `ld [k]; and #m`.
    fn of(stmts: &[Insn]) -> Option<Key> {
        let (load, mask) = match stmts {
            [l] => (*l, None),
            [l, m] if m.code == BPF_ALU | BPF_AND | BPF_K => (*l, Some(m.k)),
            _ => return None,
        };
        (load.class() == BPF_LD && load.code & 0xe0 == BPF_ABS && load.k < SKF_AD_OFF)
            .then_some(Key { load, mask })
    }

    fn stmts(&self) -> Vec<Insn> {
        let mut v = vec![self.load];
        if let Some(m) = self.mask {
            v.push(Insn::stmt(BPF_ALU | BPF_AND | BPF_K, m));
        }
        v
    }

    fn size(&self) -> u32 {
        match self.load.code & 0x18 {
            BPF_H => 2,
            BPF_B => 1,
            _ => 4,
        }
    }

    /// One past the last byte the load reads.
    fn reach(&self) -> u64 {
        u64::from(self.load.k) + u64::from(self.size())
    }

    /// The bits of the loaded value the test `A & mask == c` looks at, or `None`
    /// if no value passes it.
    fn tested_bits(&self, c: u32) -> Option<u32> {
        let width = u32::MAX >> (32 - 8 * self.size());
        let mask = self.mask.unwrap_or(u32::MAX) & width;
        (c & !mask == 0).then_some(mask)
    }

    /// Byte `i` of a loaded value `v` (0: the first byte in the packet).
    fn byte(&self, v: u32, i: u32) -> u8 {
        (v >> (8 * (self.size() - 1 - i))) as u8
    }
}

/// Whether no packet passes both `A & m1 == c1` and `A & m2 == c2` for the two
/// keys' loads (some bit of some byte both test must differ).
fn exclusive(k1: &Key, c1: u32, k2: &Key, c2: u32) -> bool {
    let (Some(m1), Some(m2)) = (k1.tested_bits(c1), k2.tested_bits(c2)) else {
        return true; // one never holds
    };
    (0..k1.size()).any(|i| {
        let off = u64::from(k1.load.k) + u64::from(i);
        let Some(j) = off
            .checked_sub(u64::from(k2.load.k))
            .and_then(|j| u32::try_from(j).ok())
            .filter(|&j| j < k2.size())
        else {
            return false;
        };
        let both = k1.byte(m1, i) & k2.byte(m2, j);
        both & (k1.byte(c1, i) ^ k2.byte(c2, j)) != 0
    })
}

/// One term of a chain.
#[derive(Clone, Debug)]
struct OrTerm {
    guard: BlockId,
    key: Key,
    c: u32,
    /// The guard's true exit: the rest's first block, or the hit block.
    rest: BlockId,
    /// The rest's blocks (empty when `rest` is the hit block).
    blocks: Vec<BlockId>,
    /// Whether the rest reads A (the guard's value) before setting it.
    reads_a: bool,
    /// Where the rest goes when the term fails (the next guard, or the chain's
    /// miss for the last term).
    next: BlockId,
    /// The fewest bytes a packet has when the term holds (every accepting path
    /// loads that far); `u64::MAX` if the term never holds.
    accept_reach: u64,
    /// One past the furthest byte the term may load (`u64::MAX` if a load's
    /// offset is not fixed).
    full_reach: u64,
}

/// Graph facts the pass reads.
struct Graph {
    pos: Vec<usize>,
    preds: Vec<Vec<BlockId>>,
    live_in: Vec<u32>,
}

/// Groups every chain where that saves instructions and keeps verdicts; says
/// whether it changed anything.
pub fn run(cfg: &mut Cfg) -> bool {
    let Ok(order) = super::topo(cfg) else {
        return false;
    };
    let mut changed = false;
    let n = cfg.blocks.len();
    let mut pos = vec![usize::MAX; n];
    for (i, &b) in order.iter().enumerate() {
        pos[b] = i;
    }
    let preds = super::predecessors(cfg, &order);
    let live_in = liveness::live_in(cfg, &order);
    let g = Graph {
        pos,
        preds,
        live_in,
    };
    let mut seen = vec![false; n];
    for &head in &order {
        if seen[head] {
            continue;
        }
        // A chain's later guards start no chain of their own (they would find
        // the same terms); its rests may hold chains, unless it is rewritten (the
        // graph facts would be stale).
        let Some(terms) = chain(cfg, &g, head, &mut seen) else {
            continue;
        };
        if let Some(plan) = plan(&terms) {
            rewrite(cfg, &terms, &plan);
            changed = true;
            for t in &terms {
                for &b in &t.blocks {
                    seen[b] = true;
                }
            }
        }
    }
    changed
}

/// The key, constant and statements before the key of a guard block.
fn guard(cfg: &Cfg, b: BlockId) -> Option<(usize, Key, u32, BlockId, BlockId)> {
    let blk = &cfg.blocks[b];
    let (c, jt, jf) = blk.term.as_jeq()?;
    let s = &blk.stmts;
    for len in [2usize, 1] {
        if s.len() >= len
            && let Some(k) = Key::of(&s[s.len() - len..])
        {
            return Some((s.len() - len, k, c, jt, jf));
        }
    }
    None
}

/// The chain starting at `head` (at least two terms, not all bare tests); marks
/// the guards it parses `seen`.
fn chain(cfg: &Cfg, g: &Graph, head: BlockId, seen: &mut [bool]) -> Option<Vec<OrTerm>> {
    let mut terms: Vec<OrTerm> = Vec::new();
    let mut hit: Option<BlockId> = None;
    let mut b = head;
    while terms.len() < MAX_TERMS {
        let Some((prefix, key, c, jt, jf)) = guard(cfg, b) else {
            break;
        };
        if b != head {
            // Entered only from the previous term, and nothing but the key.
            let prev = terms.last().expect("head parsed");
            if prefix != 0
                || g.preds[b].len() > prev.blocks.len() + 1
                || !g.preds[b]
                    .iter()
                    .all(|p| *p == prev.guard || prev.blocks.contains(p))
            {
                break;
            }
        }
        let Some((blocks, exit_hit)) = rest(cfg, g, b, jt, jf) else {
            break;
        };
        match (hit, exit_hit) {
            (Some(h), Some(e)) if h != e => break,
            (None, Some(e)) => hit = Some(e),
            _ => {}
        }
        terms.push(OrTerm {
            guard: b,
            key,
            c,
            rest: jt,
            blocks,
            reads_a: g.live_in[jt] & (1 << A) != 0,
            next: jf,
            accept_reach: 0,
            full_reach: 0,
        });
        seen[b] = true;
        b = jf;
    }
    let hit = hit?;
    // Chains of bare tests are the search trees' (`sets`).
    if terms.len() < 2
        || terms.iter().all(|t| t.blocks.is_empty())
        || g.live_in[hit] != 0
        || g.live_in[b] != 0
        || b == hit
        || terms.iter().any(|t| t.guard == hit)
    {
        return None;
    }
    for t in &mut terms {
        t.accept_reach = accept_reach(cfg, t, hit);
        t.full_reach = full_reach(cfg, t);
    }
    Some(terms)
}

/// The blocks of the rest entered at `jt` from guard `g0` whose term fails to
/// `next`, and the one block it leaves to otherwise (the hit), if any. `None` if
/// the rest is not self-contained.
fn rest(
    cfg: &Cfg,
    g: &Graph,
    g0: BlockId,
    jt: BlockId,
    next: BlockId,
) -> Option<(Vec<BlockId>, Option<BlockId>)> {
    if jt == next || g.live_in[jt] & !(1 << A) != 0 {
        return None;
    }
    let mut blocks: Vec<BlockId> = Vec::new();
    let mut hit: Option<BlockId> = None;
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((g.pos[jt], jt)));
    let mut queued = vec![jt];
    let inside = |blocks: &[BlockId], p: BlockId| p == g0 || blocks.contains(&p);
    while let Some(Reverse((_, b))) = heap.pop() {
        if b == next {
            continue;
        }
        let private = g.preds[b].len() <= blocks.len() + 1
            && g.preds[b].iter().all(|&p| inside(&blocks, p))
            && !matches!(cfg.blocks[b].term, Term::Ret(_));
        if !private {
            if hit.is_some_and(|h| h != b) {
                return None;
            }
            hit = Some(b);
            continue;
        }
        let blk = &cfg.blocks[b];
        if blk
            .stmts
            .iter()
            .any(|s| has_side_effect(s) || matches!(s.class(), BPF_ST | BPF_STX))
        {
            return None;
        }
        blocks.push(b);
        if blocks.len() > MAX_REST {
            return None;
        }
        for s in blk.term.successors() {
            if s >= g.pos.len() {
                return None; // a block added by a rewrite: no facts for it
            }
            if !queued.contains(&s) {
                queued.push(s);
                heap.push(Reverse((g.pos[s], s)));
            }
        }
    }
    Some((blocks, hit))
}

/// One past the last byte loaded by `s` at a fixed offset (0 for other statements).
fn load_end(s: &Insn) -> u64 {
    if s.class() == BPF_LD && s.code & 0xe0 == BPF_ABS && s.k < SKF_AD_OFF {
        Key {
            load: *s,
            mask: None,
        }
        .reach()
    } else {
        0
    }
}

/// One past the furthest byte `t` may load; `u64::MAX` if a load's offset
/// depends on X.
fn full_reach(cfg: &Cfg, t: &OrTerm) -> u64 {
    let mut far = t.key.reach();
    for &b in &t.blocks {
        for s in &cfg.blocks[b].stmts {
            match (s.class(), s.code & 0xe0) {
                (BPF_LD, BPF_ABS) if s.k < SKF_AD_OFF => far = far.max(load_end(s)),
                (BPF_LD, BPF_IND) => return u64::MAX,
                (BPF_LDX, BPF_MSH) => far = far.max(u64::from(s.k) + 1),
                _ => {}
            }
        }
    }
    far
}

/// The fewest bytes a packet on which `t` holds has: over the paths from the guard
/// to `hit`, the least of the furthest fixed-offset load on the path.
fn accept_reach(cfg: &Cfg, t: &OrTerm, hit: BlockId) -> u64 {
    // The rest's blocks are in topological order (taken from a heap by position):
    // walk them backwards.
    let mut reach: Vec<(BlockId, u64)> = Vec::with_capacity(t.blocks.len());
    let at = |reach: &[(BlockId, u64)], s: BlockId| -> u64 {
        if s == hit {
            0
        } else {
            reach.iter().find(|r| r.0 == s).map_or(u64::MAX, |r| r.1)
        }
    };
    for &b in t.blocks.iter().rev() {
        let blk = &cfg.blocks[b];
        let best = blk
            .term
            .successors()
            .iter()
            .map(|&s| at(&reach, s))
            .min()
            .unwrap_or(u64::MAX);
        let own = blk.stmts.iter().map(load_end).max().unwrap_or(0);
        reach.push((b, best.max(own)));
    }
    at(&reach, t.rest).max(t.key.reach())
}

/// The new order: groups of terms by key (in order of first appearance), and in
/// each group runs of terms with one constant (in order of first appearance),
/// as indices into the chain.
type Plan = Vec<Vec<Vec<usize>>>;

/// The grouping of `terms`, if it saves instructions and keeps verdicts.
fn plan(terms: &[OrTerm]) -> Option<Plan> {
    let mut groups: Plan = Vec::new();
    let mut group_of: FxHashMap<Key, usize> = FxHashMap::default();
    let mut run_of: FxHashMap<(usize, u32), usize> = FxHashMap::default();
    for (i, t) in terms.iter().enumerate() {
        let gi = *group_of.entry(t.key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        let group = &mut groups[gi];
        let ri = *run_of.entry((gi, t.c)).or_insert_with(|| {
            group.push(Vec::new());
            group.len() - 1
        });
        group[ri].push(i);
    }
    // Instructions before: a key and a test per term; after: a key per group and a
    // test per constant.
    let before: usize = terms.iter().map(|t| t.key.stmts().len() + 1).sum();
    let after: usize = groups
        .iter()
        .map(|g| terms[g[0][0]].key.stmts().len() + g.len())
        .sum();
    // A rest after the first of its constant's starts where the previous rest
    // failed, with A holding something else.
    if after >= before
        || groups
            .iter()
            .flatten()
            .any(|run| run[1..].iter().any(|&t| terms[t].reads_a))
    {
        return None;
    }
    let order: Vec<usize> = groups.iter().flatten().flatten().copied().collect();
    reorder_is_exact(terms, &order).then_some(groups)
}

/// Whether running the terms in `order` gives the verdict of the chain as
/// written on every packet, short ones included.
///
/// Both orders decide at the first term that does not pass (its guard or rest
/// fails: it passes; a load past the end: it rejects; it holds: it accepts);
/// skipped tests (another constant of a key that held) fail on the bytes just
/// loaded. If the orders decide at different terms, those are i < j with j run
/// first, and both are decisive: one may accept while the other rejects on a
/// load past the end. That cannot happen when the loads the rejecting term may
/// make lie within the bytes the packet is known to have: those the accepting
/// term loads on every accepting path, and those of the guards each order ran
/// before reaching its term. The rejecting term's loads are its guard's when the
/// two guards exclude each other (both cannot hold, so the rest of the one whose
/// guard held is not run with the other accepting), else all of its loads.
fn reorder_is_exact(terms: &[OrTerm], order: &[usize]) -> bool {
    // The first term runs first in both orders, so every term moved before
    // another runs after its guard: when no term loads past that guard's bytes,
    // no pair can differ.
    let first = terms[0].key.reach();
    if terms.iter().all(|t| t.full_reach <= first) {
        return true;
    }
    let n = terms.len();
    if n > PAIRWISE {
        return false;
    }
    let mut at = vec![0usize; n];
    for (p, &t) in order.iter().enumerate() {
        at[t] = p;
    }
    // The bytes a packet has when the chain as written reaches term i, and when
    // the new order reaches it.
    let mut written = vec![0u64; n];
    let mut reordered = vec![0u64; n];
    for i in 1..n {
        written[i] = written[i - 1].max(terms[i - 1].key.reach());
        let (prev, now) = (order[i - 1], order[i]);
        reordered[now] = reordered[prev].max(terms[prev].key.reach());
    }
    (0..n).all(|i| {
        (i + 1..n).all(|j| {
            let (ti, tj) = (&terms[i], &terms[j]);
            if at[j] > at[i] {
                return true;
            }
            let known = written[i].max(reordered[j]);
            let (need_i, need_j) = if exclusive(&ti.key, ti.c, &tj.key, tj.c) {
                (ti.key.reach(), tj.key.reach())
            } else {
                (ti.full_reach, tj.full_reach)
            };
            need_i <= known.max(tj.accept_reach) && need_j <= known.max(ti.accept_reach)
        })
    })
}

/// Builds the grouped chain: the head keeps its prefix and loads the first
/// group's key; each group tests its constants in turn with A intact, each
/// constant's rests run one after another, and a rest that fails after the last
/// of its constant's rests goes to the next group's load (the group's other
/// constants fail).
fn rewrite(cfg: &mut Cfg, terms: &[OrTerm], plan: &Plan) {
    let head = terms[0].guard;
    let miss = terms.last().expect("two terms").next;
    let mut next_group = miss;
    for (gi, group) in plan.iter().enumerate().rev() {
        let mut next_test = next_group;
        let mut first_test = None;
        for (ri, run) in group.iter().enumerate().rev() {
            // Each rest of the run fails to the next one's start, the last to the
            // next group.
            let mut fail_to = next_group;
            for &t in run.iter().rev() {
                let term = &terms[t];
                for &b in &term.blocks {
                    retarget(&mut cfg.blocks[b].term, term.next, fail_to);
                }
                fail_to = term.rest;
            }
            // `fail_to` is now the run's first rest (the hit for a bare guard).
            let test = Term::jeq(terms[run[0]].c, fail_to, next_test);
            if ri == 0 {
                first_test = Some(test);
            } else {
                next_test = cfg.add(Vec::new(), test);
            }
        }
        let test = first_test.expect("groups are not empty");
        let key = terms[group[0][0]].key;
        next_group = if gi == 0 {
            let prefix = cfg.blocks[head].stmts.len() - key.stmts().len();
            cfg.blocks[head].stmts.truncate(prefix);
            cfg.blocks[head].stmts.extend(key.stmts());
            cfg.blocks[head].term = test;
            head
        } else {
            cfg.add(key.stmts(), test)
        };
    }
}

/// Points the exits of `t` that go to `from` at `to`.
fn retarget(t: &mut Term, from: BlockId, to: BlockId) {
    if let Term::Branch { jt, jf, .. } = t {
        if *jt == from {
            *jt = to;
        }
        if *jf == from {
            *jf = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::{BPF_JEQ, BPF_JMP, BPF_W};
    use crate::bpf::vm;

    /// `ld<size> [off]`, maybe `and #mask`, tested against `c`.
    type Test = (u16, u32, Option<u32>, u32);

    /// An or-chain: each term its guard then its rest's tests (all must hold).
    fn chain(terms: &[(Test, Vec<Test>)]) -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let block = |cfg: &mut Cfg, &(size, off, mask, c): &Test, jt, jf| {
            let mut stmts = vec![Insn::stmt(BPF_LD | BPF_ABS | size, off)];
            if let Some(m) = mask {
                stmts.push(Insn::stmt(BPF_ALU | BPF_AND | BPF_K, m));
            }
            cfg.add(stmts, Term::jeq(c, jt, jf))
        };
        let mut next = rej;
        for (guard, rest) in terms.iter().rev() {
            let mut on = acc;
            for t in rest.iter().rev() {
                on = block(&mut cfg, t, on, next);
            }
            next = block(&mut cfg, guard, on, next);
        }
        cfg.entry = next;
        cfg
    }

    /// The decnet address forms: short and long headers, with and without
    /// padding, each `guard and address == 0x104`.
    fn decnet() -> Vec<(Test, Vec<Test>)> {
        vec![
            ((BPF_B, 2, Some(7), 2), vec![(BPF_H, 5, None, 0x104)]),
            (
                (BPF_H, 2, Some(0xff07), 0x8102),
                vec![(BPF_H, 6, None, 0x104)],
            ),
            ((BPF_B, 2, Some(7), 6), vec![(BPF_H, 17, None, 0x104)]),
            (
                (BPF_H, 2, Some(0xff07), 0x8106),
                vec![(BPF_H, 18, None, 0x104)],
            ),
        ]
    }

    /// Packets of every length up to 24 from a few byte patterns that make the
    /// guards and rests hold or fail.
    fn packets() -> Vec<Vec<u8>> {
        let firsts: [&[u8]; 10] = [
            &[0x95, 1],
            &[2],
            &[6],
            &[6, 0],
            &[0x81, 2],
            &[0x81, 6],
            &[0x82, 1],
            &[0, 0],
            &[2, 1, 0, 0, 0, 0, 9],
            &[6, 0, 0, 0, 0, 0, 9],
        ];
        let mut out = Vec::new();
        let mut seed = 7u32;
        for f in firsts {
            for fill in 0..16u32 {
                let mut p = vec![0u8; 24];
                for b in p.iter_mut() {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    *b = (seed >> 16) as u8;
                }
                p[2..2 + f.len()].copy_from_slice(f);
                for (bit, off) in [5usize, 6, 17, 18].into_iter().enumerate() {
                    if fill & (1 << bit) == 0 {
                        p[off..off + 2].copy_from_slice(&[1, 4]);
                    }
                }
                out.push(p);
            }
        }
        out
    }

    /// Every prefix of every packet gets the same verdict (a load past the end
    /// rejects), whole or cut short.
    fn assert_exact(before: &[Insn], after: &[Insn]) {
        for p in packets() {
            for len in 0..=p.len() {
                let q = &p[..len];
                assert_eq!(
                    vm::run(before, q, len as u32),
                    vm::run(after, q, len as u32),
                    "{q:?}\n{before:?}\n{after:?}"
                );
            }
        }
    }

    fn optimized(cfg: &Cfg) -> (Vec<Insn>, Vec<Insn>) {
        let before = crate::filter::emit::emit(cfg).unwrap();
        let mut opt = cfg.clone();
        run(&mut opt);
        (before, crate::filter::emit::emit(&opt).unwrap())
    }

    #[test]
    fn guards_on_one_value_are_tested_together() {
        let (before, after) = optimized(&chain(&decnet()));
        // Two loads and masks of the guard values, four tests, four rests.
        assert_eq!(before.len(), 22);
        assert_eq!(after.len(), 18, "{after:?}");
        assert_exact(&before, &after);
    }

    #[test]
    fn one_guard_constant_is_tested_once() {
        // (g and a) or (h and b) or (g and c): g is tested once, a failing
        // rest goes straight to the next rest under g.
        let g = (BPF_B, 2, Some(7), 2);
        let h = (BPF_H, 2, Some(0xff07), 0x8102);
        let (before, after) = optimized(&chain(&[
            (g, vec![(BPF_H, 5, None, 0x104)]),
            (h, vec![(BPF_H, 6, None, 0x104)]),
            (g, vec![(BPF_H, 17, None, 0x104)]),
        ]));
        assert_eq!(after.len(), before.len() - 3, "{after:?}");
        assert_exact(&before, &after);
    }

    #[test]
    fn a_term_is_not_moved_past_one_that_may_reject_where_it_accepts() {
        // [2] == 2 and [17] == 0x104, or [8] == 9 and [20] == 1 (not exclusive
        // with the first guard, and it loads past what the next term needs), or
        // [2] == 6 and [3] == 0: moving the last first would accept a 4-byte
        // packet the chain rejects at [8].
        let cfg = chain(&[
            ((BPF_B, 2, None, 2), vec![(BPF_H, 17, None, 0x104)]),
            ((BPF_W, 8, None, 9), vec![(BPF_B, 20, None, 1)]),
            ((BPF_B, 2, None, 6), vec![(BPF_B, 3, None, 0)]),
        ]);
        let mut opt = cfg.clone();
        run(&mut opt);
        assert_eq!(opt, cfg);
    }

    #[test]
    fn a_term_moves_past_one_whose_loads_the_packet_is_known_to_have() {
        // The same, but the middle term's loads lie within the first guard's
        // and the last term's: it can be run after the last.
        let (before, after) = optimized(&chain(&[
            ((BPF_B, 2, None, 2), vec![(BPF_H, 17, None, 0x104)]),
            ((BPF_B, 1, None, 9), vec![(BPF_B, 3, None, 1)]),
            ((BPF_B, 2, None, 6), vec![(BPF_B, 3, None, 0)]),
        ]));
        assert!(after.len() < before.len(), "{after:?}");
        assert_exact(&before, &after);
    }

    /// `chain` with the rest of the term at `at` replaced by an indexed load
    /// (`ldxb 4*([0]&0xf); ldb [x+0]; jeq #1`), whose reach is not known.
    fn with_indexed_rest(terms: &[(Test, Vec<Test>)], at: usize) -> Cfg {
        let mut cfg = chain(terms);
        let guard = {
            let mut b = cfg.entry;
            for _ in 0..at {
                let Some((_, _, jf)) = cfg.blocks[b].term.as_jeq() else {
                    unreachable!()
                };
                b = jf;
            }
            b
        };
        let Some((_, rest, next)) = cfg.blocks[guard].term.as_jeq() else {
            unreachable!()
        };
        let Some((_, hit, _)) = cfg.blocks[rest].term.as_jeq() else {
            unreachable!()
        };
        cfg.blocks[rest].stmts = vec![
            Insn::stmt(BPF_LDX | BPF_B | BPF_MSH, 0),
            Insn::stmt(BPF_LD | BPF_IND | BPF_B, 0),
        ];
        cfg.blocks[rest].term = Term::jeq(1, hit, next);
        cfg
    }

    #[test]
    fn a_rest_with_indexed_loads_moves_only_past_an_exclusive_guard() {
        let terms = |middle: Test| {
            vec![
                ((BPF_B, 2, None, 2), vec![(BPF_H, 17, None, 0x104)]),
                (middle, vec![(BPF_B, 3, None, 1)]),
                ((BPF_B, 2, None, 6), vec![(BPF_B, 3, None, 0)]),
            ]
        };
        // [1] == 9 may hold with [2] == 6: the last term's indexed load might
        // reject where the middle one accepts.
        let cfg = with_indexed_rest(&terms((BPF_B, 1, None, 9)), 2);
        let mut opt = cfg.clone();
        run(&mut opt);
        assert_eq!(opt, cfg);
        // [2] & 0xf0 == 0x90 excludes [2] == 6 (and loads no further).
        let cfg = with_indexed_rest(&terms((BPF_B, 2, Some(0xf0), 0x90)), 2);
        let (before, after) = optimized(&cfg);
        assert!(after.len() < before.len(), "{after:?}");
        assert_exact(&before, &after);
    }

    #[test]
    fn random_chains_keep_every_verdict_on_every_prefix() {
        let mut seed = 0x2545_f491u32;
        let mut next = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        // Guards on a few values that overlap (byte 2, its low bits, the halfword
        // at 2, the byte at 3), rests anywhere in 12 bytes.
        let guards: [(u16, u32, Option<u32>); 4] = [
            (BPF_B, 2, None),
            (BPF_B, 2, Some(3)),
            (BPF_H, 2, Some(0xff03)),
            (BPF_B, 3, None),
        ];
        let mut changed = 0;
        for _ in 0..3000 {
            let terms: Vec<(Test, Vec<Test>)> = (0..2 + next(5))
                .map(|_| {
                    let (size, off, mask) = guards[next(4) as usize];
                    let c = if size == BPF_H {
                        0x100 * next(3) + next(4)
                    } else {
                        next(4)
                    };
                    let rest = (0..next(3))
                        .map(|_| (BPF_B, next(12), None, next(2)))
                        .collect();
                    ((size, off, mask, c), rest)
                })
                .collect();
            let (before, after) = optimized(&chain(&terms));
            changed += usize::from(after.len() < before.len());
            for _ in 0..40 {
                let p: Vec<u8> = (0..12).map(|_| next(4) as u8).collect();
                for len in 0..=p.len() {
                    let q = &p[..len];
                    assert_eq!(
                        vm::run(&before, q, len as u32),
                        vm::run(&after, q, len as u32),
                        "{terms:?} on {q:?}\n{before:?}\n{after:?}"
                    );
                }
            }
        }
        assert!(changed > 300, "only {changed} chains regrouped");
    }

    #[test]
    fn exclusive_guards_differ_in_a_bit_both_test() {
        let b = |off, mask| Key {
            load: Insn::stmt(BPF_LD | BPF_ABS | BPF_B, off),
            mask,
        };
        let h = |off, mask| Key {
            load: Insn::stmt(BPF_LD | BPF_ABS | BPF_H, off),
            mask,
        };
        // [16] & 7 == 2 against [16:2] & 0xff07 == 0x8102: 0x81 & 7 == 1.
        assert!(exclusive(&b(16, Some(7)), 2, &h(16, Some(0xff07)), 0x8102));
        // [16] & 7 == 1 against it: both may hold.
        assert!(!exclusive(&b(16, Some(7)), 1, &h(16, Some(0xff07)), 0x8102));
        // Second byte of the halfword.
        assert!(exclusive(&b(17, None), 3, &h(16, None), 0x8102));
        assert!(!exclusive(&b(17, None), 2, &h(16, None), 0x8102));
        // Disjoint bytes never exclude each other; an impossible test always does.
        assert!(!exclusive(&b(15, None), 0, &h(16, None), 0));
        assert!(exclusive(&b(15, Some(1)), 2, &h(16, None), 0));
        let _ = (BPF_JMP, BPF_JEQ);
    }
}
