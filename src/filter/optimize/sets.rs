//! Search trees for sets: a chain of `jeq` tests of loaded values against
//! constants, all hits going to one block, becomes one balanced tree of
//! `jge`/`jeq` per loaded value, so `host a or host b or …` over n hosts runs
//! O(log n) comparisons per load instead of O(n).
//!
//! A chain is a run of blocks, each either empty (testing the same A) or loading
//! one packet value, ending in `jeq #k` whose true exit is the chain's hit block
//! and whose false exit is the next block of the chain (with no other
//! predecessor). A block that loads a word and masks it with a netmask before
//! the `jeq` (`net 10.0.0.0/8`) tests the raw word against a range instead
//! (`jge #0x0a000000; jgt #0x0affffff`), so several networks share one load.
//! The chain is grouped by value, as libpcap's `or_pullup` groups it: on a
//! truncated packet a test of a value already loaded may now come before a load
//! that would have failed (the verdict is then the one the whole packet gets).
//! If every path into the chain leaves one of its values in A, that group goes
//! first without a load.
//!
//! Before the chains, two tests that must both hold swap when that saves a load
//! ([`swap_and_pairs`]).
//!
//! Linear plus a sort of each set.

use super::fxhash::FxHashMap;
use super::liveness;
use super::state::{A, X, uses_defs};
use crate::bpf::Insn;
use crate::bpf::insn::{
    BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_H, BPF_IND, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_K,
    BPF_LD, SKF_AD_OFF,
};
use crate::filter::cfg::{BlockId, Cfg, Term};

/// Sets up to this size stay a linear run of `jeq` (as short as libpcap's, and
/// few comparisons anyway).
const LINEAR: usize = 16;

/// Bigger sets get a tree whose leaves are runs of at most this many `jeq`: one
/// `jge` per leaf, so the tree is an eighth longer than a run and runs
/// O(log n + LEAF) comparisons.
const LEAF: usize = 8;

/// The value a chain block tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    /// Whatever A holds after the chain head's statements (not reloadable).
    Head,
    Load(Insn),
}

fn pure_load(s: &Insn) -> bool {
    s.class() == BPF_LD
        && match s.code & 0xe0 {
            BPF_ABS => s.k < SKF_AD_OFF,
            BPF_IND => true,
            _ => false,
        }
}

/// One test of a chain: the value it reads holds one of `lo..=hi` (one constant
/// for a `jeq`; a network for `and #prefix-mask; jeq #net`).
#[derive(Clone, Copy, Debug)]
struct Test {
    key: Key,
    lo: u32,
    hi: u32,
    block: BlockId,
}

/// For `and #mask` with `mask` a prefix of one bits (a netmask) and `k` within
/// it: the range of raw values `v` with `v & mask == k`.
fn prefix_range(s: &Insn, k: u32) -> Option<(u32, u32)> {
    let mask = s.k;
    (s.code == BPF_ALU | BPF_AND | BPF_K
        && mask != 0
        && mask != u32::MAX
        && (!mask).wrapping_add(1) & !mask == 0
        && k & !mask == 0)
        .then_some((k, k | !mask))
}

/// Rewrites every chain worth it.
pub fn run(cfg: &mut Cfg) {
    swap_and_pairs(cfg);
    let Ok(order) = super::topo(cfg) else { return };
    let live_in = liveness::live_in(cfg, &order);
    let pred_list = super::predecessors(cfg, &order);
    let mut in_chain = vec![false; cfg.blocks.len()];
    // Blocks of chains already rewritten (their successors changed).
    let mut rewritten = vec![false; cfg.blocks.len()];
    let mut trees = Trees::default();
    for &head in &order {
        if in_chain[head] {
            continue;
        }
        let Some((k0, hit, mut miss)) = cfg.blocks[head].term.as_jeq() else {
            continue;
        };
        let (head_key, head_range) = match cfg.blocks[head].stmts.as_slice() {
            [.., l, m] if pure_load(l) && prefix_range(m, k0).is_some() => {
                (Key::Load(*l), prefix_range(m, k0))
            }
            [.., s] if pure_load(s) => (Key::Load(*s), None),
            _ => (Key::Head, None),
        };
        let (lo, hi) = head_range.unwrap_or((k0, k0));
        let mut tests: Vec<Test> = vec![Test {
            key: head_key,
            lo,
            hi,
            block: head,
        }];
        loop {
            let blk = &cfg.blocks[miss];
            let Some((k, h, m)) = blk.term.as_jeq() else {
                break;
            };
            if h != hit || pred_list[miss].len() != 1 || in_chain[miss] {
                break;
            }
            let prev = tests.last().expect("the head");
            let (key, (lo, hi)) = match blk.stmts.as_slice() {
                // The same A again (after a range test A holds the masked value,
                // which no key names).
                [] if prev.lo == prev.hi => (prev.key, (k, k)),
                [s] if pure_load(s) => (Key::Load(*s), (k, k)),
                [l, mask] if pure_load(l) && prefix_range(mask, k).is_some() => {
                    (Key::Load(*l), prefix_range(mask, k).unwrap_or((k, k)))
                }
                _ => break,
            };
            tests.push(Test {
                key,
                lo,
                hi,
                block: miss,
            });
            miss = m;
        }
        for t in &tests {
            in_chain[t.block] = true;
        }
        if live_in[hit] & (1 << A) != 0 || live_in[miss] & (1 << A) != 0 {
            continue;
        }
        // The value every (untouched) predecessor leaves in A, when the head only
        // loads: a group testing it can go first without loading it again.
        let entry = match cfg.blocks[head].stmts.as_slice() {
            [s] if pure_load(s) && !pred_list[head].is_empty() && tests[0].lo == tests[0].hi => {
                let exits: Vec<Option<Insn>> = pred_list[head]
                    .iter()
                    .map(|&p| {
                        (!rewritten[p])
                            .then(|| a_exit(&cfg.blocks[p].stmts))
                            .flatten()
                    })
                    .collect();
                exits[0].filter(|l| exits.iter().all(|e| *e == Some(*l)))
            }
            _ => None,
        };
        if rewrite(cfg, &mut trees, &tests, hit, miss, entry) {
            for t in &tests {
                rewritten[t.block] = true;
            }
        }
    }
}

/// Two tests that must both hold (`ld L2; jeq c2` true to `ld L3; jeq c3`, both
/// false exits to one block) are swapped when every path into the first leaves
/// L3's value in A: the first load then goes (`host a and host b`: once the source
/// is not a, the source is tested against b before the destination is loaded).
fn swap_and_pairs(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let pred_list = super::predecessors(cfg, &order);
    let mut changed = vec![false; cfg.blocks.len()];
    for &b2 in &order {
        let (Some((c2, b3, r)), [l2]) = (
            cfg.blocks[b2].term.as_jeq(),
            cfg.blocks[b2].stmts.as_slice(),
        ) else {
            continue;
        };
        let l2 = *l2;
        let (Some((c3, t, r3)), [l3]) = (
            cfg.blocks[b3].term.as_jeq(),
            cfg.blocks[b3].stmts.as_slice(),
        ) else {
            continue;
        };
        let l3 = *l3;
        if r3 != r
            || b3 == b2
            || pred_list[b3].len() != 1
            || !pure_load(&l2)
            || !pure_load(&l3)
            || l2 == l3
            || changed[b2]
            || changed[b3]
            || pred_list[b2].is_empty()
            || pred_list[b2]
                .iter()
                .any(|&p| changed[p] || a_exit(&cfg.blocks[p].stmts) != Some(l3))
        {
            continue;
        }
        cfg.blocks[b2].stmts.clear();
        cfg.blocks[b2].term = Term::jeq(c3, b3, r);
        cfg.blocks[b3].stmts = vec![l2];
        cfg.blocks[b3].term = Term::jeq(c2, t, r);
        changed[b2] = true;
        changed[b3] = true;
    }
}

/// The packet load whose value a block leaves in A and whose index register it
/// leaves as it was for that load (`None` if A ends as anything else).
fn a_exit(stmts: &[Insn]) -> Option<Insn> {
    for s in stmts.iter().rev() {
        let (_, defs) = uses_defs(s);
        if defs & (1 << A) != 0 {
            return pure_load(s).then_some(*s);
        }
        if defs & (1 << X) != 0 {
            return None;
        }
    }
    None
}

/// Rewrites the chain `tests` if that makes it shorter (or as short and fewer
/// comparisons), and says whether it did. `entry`: the load whose value A holds
/// when the chain starts, if known.
fn rewrite(
    cfg: &mut Cfg,
    trees: &mut Trees,
    tests: &[Test],
    hit: BlockId,
    miss: BlockId,
    entry: Option<Insn>,
) -> bool {
    // The whole chain is grouped by value, as libpcap's or_pullup groups it: the
    // tests are pure, so their order changes no verdict on a whole packet.
    let mut keys: Vec<Key> = Vec::new();
    for t in tests {
        if !keys.contains(&t.key) {
            keys.push(t.key);
        }
    }
    if tests.len() < 2 {
        return false;
    }
    // A may already hold one of the chain's values (the head's load then goes).
    let reuse = entry.filter(|l| keys.contains(&Key::Load(*l)) && tests[0].key != Key::Load(*l));
    let current = reuse.map_or(tests[0].key, Key::Load);
    // Groups: the key A holds first, then the others in order of appearance;
    // each with its constants and its ranges (overlapping ones merged).
    let mut order: Vec<Key> = vec![current];
    order.extend(keys.iter().copied().filter(|&k| k != current));
    let mut groups: Vec<Group> = Vec::new();
    for key in order {
        let mine = || tests.iter().filter(move |t| t.key == key);
        let points: Vec<u32> = mine().filter(|t| t.lo == t.hi).map(|t| t.lo).collect();
        let ranges: Vec<(u32, u32)> = mine()
            .filter(|t| t.lo < t.hi)
            .map(|t| (t.lo, t.hi))
            .collect();
        if points.is_empty() && ranges.is_empty() {
            continue;
        }
        let (points, ranges) = coalesce(points, ranges, largest_value(key));
        groups.push(Group {
            key,
            points,
            ranges,
        });
    }
    if groups
        .iter()
        .any(|g| g.key == Key::Head && g.key != current)
    {
        return false; // cannot reload the head's value
    }
    // The head keeps its statements but a final `and` (its value is tested raw)
    // or all of them (A already holds the first group's value).
    let head = tests[0].block;
    let head_stmts = cfg.blocks[head].stmts.len();
    let head_kept = if reuse.is_some() {
        0
    } else {
        head_stmts - usize::from(tests[0].lo < tests[0].hi)
    };
    // Cost now: every instruction of the chain, and a long-jump trampoline for
    // about every test past a conditional jump's reach of the hit (a run of
    // thousands of `jeq`); after: what the head keeps, the trees and range
    // tests, and a load per group but the first.
    let before: usize = tests
        .iter()
        .map(|t| cfg.blocks[t.block].stmts.len() + 1)
        .sum::<usize>()
        + tests.len().saturating_sub(255);
    let after: usize = head_kept + groups.iter().map(Group::size).sum::<usize>() + groups.len() - 1;
    let comparisons_before = tests.len();
    let comparisons_after: usize = groups.iter().map(Group::depth).sum();
    if after > before || (after == before && comparisons_after >= comparisons_before) {
        return false;
    }
    // Build from the last group back, each missing to the next; a group but the
    // first starts with its load, then branches like its first test.
    let mut next = miss;
    for (i, g) in groups.iter().enumerate().rev() {
        let mut root = ranges(cfg, &g.ranges, hit, next);
        if !g.points.is_empty() {
            root = trees.build(cfg, &g.points, hit, root);
        }
        next = match g.key {
            Key::Load(l) if i > 0 => {
                let term = cfg.blocks[root].term;
                cfg.add(vec![l], term)
            }
            _ => root,
        };
    }
    cfg.blocks[head].term = cfg.blocks[next].term;
    cfg.blocks[head].stmts.truncate(head_kept);
    true
}

/// The largest value `key` can hold: a byte or halfword load's is below 2^8 or
/// 2^16.
fn largest_value(key: Key) -> u32 {
    match key {
        Key::Load(l) if l.code & 0x18 == BPF_B => 0xff,
        Key::Load(l) if l.code & 0x18 == BPF_H => 0xffff,
        _ => u32::MAX,
    }
}

/// One value's constants and ranges as the fewest comparisons: ranges that
/// overlap or touch become one, and so do constants next to them or to each
/// other, where a range test is cheaper than a `jeq` per constant (a run of
/// three or more, `sio (73 or 74 or 75)`, or two at an end of what the value
/// can hold). A range reaching `max`, the largest value the load can give,
/// needs no upper bound. Returns sorted, distinct constants and sorted,
/// disjoint ranges.
fn coalesce(points: Vec<u32>, ranges: Vec<(u32, u32)>, max: u32) -> (Vec<u32>, Vec<(u32, u32)>) {
    // Every test as an interval, with whether it was a range.
    let mut all: Vec<(u32, u32, bool)> = points.into_iter().map(|p| (p, p, false)).collect();
    all.extend(ranges.into_iter().map(|(lo, hi)| (lo, hi, true)));
    all.sort_unstable();
    let mut merged: Vec<(u32, u32, bool)> = Vec::new();
    for (lo, hi, range) in all {
        match merged.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => {
                last.1 = last.1.max(hi);
                last.2 |= range;
            }
            _ => merged.push((lo, hi, range)),
        }
    }
    let mut points = Vec::new();
    let mut ranges = Vec::new();
    for (lo, hi, range) in merged {
        // Up to the largest value the load can give is up to any.
        let reach = if lo <= max && hi >= max { u32::MAX } else { hi };
        let width = u64::from(hi) - u64::from(lo) + 1;
        if range || (range_size((lo, reach)) as u64) < width {
            ranges.push((lo, reach));
        } else {
            points.extend(lo..=hi);
        }
    }
    (points, ranges)
}

/// The constants and ranges one loaded value is tested against.
struct Group {
    key: Key,
    points: Vec<u32>,
    ranges: Vec<(u32, u32)>,
}

impl Group {
    fn size(&self) -> usize {
        tree_size(self.points.len()) + self.ranges.iter().map(|&r| range_size(r)).sum::<usize>()
    }
    fn depth(&self) -> usize {
        let windows = self.ranges.len().div_ceil(RANGE_WINDOW);
        let in_window = self.ranges.iter().take(RANGE_WINDOW);
        tree_depth(self.points.len())
            + windows.next_power_of_two().trailing_zeros() as usize
            + in_window.map(|&r| range_size(r)).sum::<usize>()
    }
}

/// Ranges per window: a window's tests (two per range) stay within the reach of a
/// conditional jump, so they reach their own copies of the exits.
const RANGE_WINDOW: usize = 60;

/// Tests of A against the sorted, disjoint `ranges`: to `hit` when A is in one,
/// else to `miss`. Returns the first block. In ascending order, below one range is
/// below all later ones, so a failed `jge` leaves at once. More than
/// [`RANGE_WINDOW`] ranges are cut into windows under a tree of `jge` on their
/// first bounds, each window with its own exits, as [`Trees::build`] does.
fn ranges(cfg: &mut Cfg, ranges: &[(u32, u32)], hit: BlockId, miss: BlockId) -> BlockId {
    let run = |cfg: &mut Cfg, rs: &[(u32, u32)], hit, miss| {
        let mut root = miss;
        for &r in rs.iter().rev() {
            root = range_test(cfg, r, hit, root, miss);
        }
        root
    };
    if ranges.len() <= RANGE_WINDOW {
        return run(cfg, ranges, hit, miss);
    }
    let windows: Vec<&[(u32, u32)]> = ranges.chunks(RANGE_WINDOW).collect();
    let firsts: Vec<u32> = windows.iter().map(|w| w[0].0).collect();
    windowed(cfg, &firsts, hit, miss, |cfg, i, h, m| {
        run(cfg, windows[i], h, m)
    })
}

/// Windows of a big set, window `i` holding the values from `firsts[i]` and built by
/// `window(cfg, i, hit, miss)` with its own exits: a copy of `hit` when that is a
/// return, else a jump to the next window's hit exit, and a jump to the next
/// window's miss exit (layout puts these tiny blocks right after their window, so
/// no test needs a long-jump trampoline). Returns the root of a `jge` tree over the
/// windows.
fn windowed(
    cfg: &mut Cfg,
    firsts: &[u32],
    hit: BlockId,
    miss: BlockId,
    mut window: impl FnMut(&mut Cfg, usize, BlockId, BlockId) -> BlockId,
) -> BlockId {
    let mut roots = vec![0; firsts.len()];
    let (mut next_hit, mut next_miss) = (hit, miss);
    for i in (0..firsts.len()).rev() {
        let h = match cfg.blocks[hit].term {
            Term::Ret(k) => cfg.add(Vec::new(), Term::Ret(k)),
            _ => cfg.add(Vec::new(), jump(next_hit)),
        };
        let m = cfg.add(Vec::new(), jump(next_miss));
        roots[i] = window(cfg, i, h, m);
        (next_hit, next_miss) = (h, m);
    }
    upper(cfg, firsts, &roots)
}

/// Comparisons a range test takes: `jge lo`, `jgt hi`, either dropped at the
/// ends of the 32-bit range.
fn range_size((lo, hi): (u32, u32)) -> usize {
    usize::from(lo > 0) + usize::from(hi < u32::MAX)
}

/// To `hit` when `lo <= A <= hi`, else to `above` when A > hi and to `below` when
/// A < lo; returns the first block (a block with no statements).
fn range_test(
    cfg: &mut Cfg,
    (lo, hi): (u32, u32),
    hit: BlockId,
    above: BlockId,
    below: BlockId,
) -> BlockId {
    let upper = if hi < u32::MAX {
        cfg.add(
            Vec::new(),
            Term::Branch {
                code: BPF_JMP | BPF_JGT | BPF_K,
                k: hi,
                jt: above,
                jf: hit,
            },
        )
    } else {
        hit
    };
    if lo == 0 {
        return upper;
    }
    cfg.add(
        Vec::new(),
        Term::Branch {
            code: BPF_JMP | BPF_JGE | BPF_K,
            k: lo,
            jt: upper,
            jf: below,
        },
    )
}

/// Where to split `n > LEAF` sorted constants: half of the leaves each side, every
/// leaf but the last full (fewer `jge` nodes).
fn split(n: usize) -> usize {
    let leaves = n.div_ceil(LEAF);
    (leaves / 2) * LEAF
}

fn tree_size(n: usize) -> usize {
    if n <= LINEAR {
        return n;
    }
    node_size(n)
}

fn node_size(n: usize) -> usize {
    if n <= LEAF {
        n
    } else {
        1 + node_size(split(n)) + node_size(n - split(n))
    }
}

fn tree_depth(n: usize) -> usize {
    if n <= LINEAR {
        return n;
    }
    node_depth(n)
}

fn node_depth(n: usize) -> usize {
    if n <= LEAF {
        n
    } else {
        1 + node_depth(split(n)).max(node_depth(n - split(n)))
    }
}

/// Constants per window: a window's tree (about `WINDOW * (1 + 1/LEAF)`
/// instructions) fits in the 255-instruction reach of a conditional jump, so its
/// leaves reach their own copies of the exits (see [`Trees::build`]).
const WINDOW: usize = 160;

/// Sets this small keep their exits: the jumps to them are short enough, or too
/// few for copies to pay.
const SMALL_SET: usize = 16;

/// Trees built so far, by (constants, hit, miss): the same set tested on another
/// path (the ARP and IPv4 halves of `host` lists) shares one tree.
#[derive(Default)]
pub struct Trees {
    built: FxHashMap<(Vec<u32>, BlockId, BlockId), BlockId>,
}

impl Trees {
    /// A search tree over the sorted constants `cs`: to `hit` when A is one of
    /// them, else to `miss`. Returns its root (a block with no statements).
    ///
    /// Big sets are cut into windows of [`WINDOW`] constants, each with its own
    /// exits placed right after it (layout puts tiny blocks after their last
    /// predecessor): a copy of `hit` when it is a return, else a jump to the next
    /// window's hit exit, and a jump to the next window's miss exit. So no leaf
    /// needs a long-jump trampoline.
    pub fn build(&mut self, cfg: &mut Cfg, cs: &[u32], hit: BlockId, miss: BlockId) -> BlockId {
        let key = (cs.to_vec(), hit, miss);
        if let Some(&root) = self.built.get(&key) {
            return root;
        }
        let root = if cs.len() <= SMALL_SET {
            tree(cfg, cs, hit, miss)
        } else {
            let windows: Vec<&[u32]> = cs.chunks(WINDOW).collect();
            let firsts: Vec<u32> = windows.iter().map(|w| w[0]).collect();
            windowed(cfg, &firsts, hit, miss, |cfg, i, h, m| {
                tree(cfg, windows[i], h, m)
            })
        };
        self.built.insert(key, root);
        root
    }
}

/// An unconditional jump (both exits the same).
fn jump(to: BlockId) -> Term {
    Term::Branch {
        code: BPF_JMP | BPF_JEQ | BPF_K,
        k: 0,
        jt: to,
        jf: to,
    }
}

/// A tree of `jge` over window roots: window i holds constants from `firsts[i]`.
fn upper(cfg: &mut Cfg, firsts: &[u32], roots: &[BlockId]) -> BlockId {
    if roots.len() == 1 {
        return roots[0];
    }
    let mid = roots.len() / 2;
    let high = upper(cfg, &firsts[mid..], &roots[mid..]);
    let low = upper(cfg, &firsts[..mid], &roots[..mid]);
    cfg.add(
        Vec::new(),
        Term::Branch {
            code: BPF_JMP | BPF_JGE | BPF_K,
            k: firsts[mid],
            jt: high,
            jf: low,
        },
    )
}

/// A search tree over the sorted constants `cs`: to `hit` when A is one of them,
/// else to `miss`. Returns its root.
fn tree(cfg: &mut Cfg, cs: &[u32], hit: BlockId, miss: BlockId) -> BlockId {
    if cs.len() <= LINEAR {
        return run_of_jeq(cfg, cs, hit, miss);
    }
    node(cfg, cs, hit, miss)
}

/// `jeq` each constant in turn.
fn run_of_jeq(cfg: &mut Cfg, cs: &[u32], hit: BlockId, miss: BlockId) -> BlockId {
    let mut next = miss;
    for &c in cs.iter().rev() {
        next = cfg.add(
            Vec::new(),
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: c,
                jt: hit,
                jf: next,
            },
        );
    }
    next
}

/// A tree of `jge` over leaves of at most [`LEAF`] constants.
fn node(cfg: &mut Cfg, cs: &[u32], hit: BlockId, miss: BlockId) -> BlockId {
    if cs.len() <= LEAF {
        return run_of_jeq(cfg, cs, hit, miss);
    }
    let mid = split(cs.len());
    let high = node(cfg, &cs[mid..], hit, miss);
    let low = node(cfg, &cs[..mid], hit, miss);
    cfg.add(
        Vec::new(),
        Term::Branch {
            code: BPF_JMP | BPF_JGE | BPF_K,
            k: cs[mid],
            jt: high,
            jf: low,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::{BPF_H, BPF_W};
    use crate::bpf::vm;

    /// `ld [off]; jeq c` for each (off, c), all hits accepting.
    fn chain(tests: &[(u32, u32)]) -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let mut next = rej;
        for &(off, c) in tests.iter().rev() {
            next = cfg.add(
                vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_W, off)],
                Term::Branch {
                    code: BPF_JMP | BPF_JEQ | BPF_K,
                    k: c,
                    jt: acc,
                    jf: next,
                },
            );
        }
        cfg.entry = next;
        cfg
    }

    #[test]
    fn a_long_chain_becomes_trees_with_the_same_verdicts() {
        let mut spec = Vec::new();
        for c in 0..40u32 {
            spec.push((0, c * 7 + 1));
            spec.push((4, c * 7 + 1));
        }
        let cfg = chain(&spec);
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let mut opt = cfg.clone();
        run(&mut opt);
        let after = crate::filter::emit::emit(&opt).unwrap();
        assert!(
            after.len() < before.len(),
            "{} vs {}",
            after.len(),
            before.len()
        );
        // Grouped like libpcap's or_pullup: on a truncated packet the verdict may
        // be the one the whole packet gets (a later load is no longer reached).
        for len in [0usize, 2, 4, 6, 8] {
            for a in 0..300u32 {
                for b in [0u32, 1, 8, 29, 300] {
                    let mut whole = a.to_be_bytes().to_vec();
                    whole.extend(b.to_be_bytes());
                    let p = &whole[..len];
                    let v = vm::run(&after, p, 8);
                    assert!(
                        v == vm::run(&before, p, 8) || v == vm::run(&before, &whole, 8),
                        "packet {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_run_past_a_jumps_reach_becomes_a_tree() {
        // One load, then 400 `jeq` on it: laid out as a run, most tests would
        // need a trampoline to reach the hit.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let mut next = rej;
        for c in (1..400u32).rev() {
            next = cfg.add(vec![], Term::jeq(c * 3, acc, next));
        }
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 0)],
            Term::jeq(0, acc, next),
        );
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let after = super::super::compile(&cfg).unwrap();
        crate::bpf::verify::verify(&after).unwrap();
        assert!(
            after.len() < before.len(),
            "{} vs {}",
            after.len(),
            before.len()
        );
        assert!(after.iter().any(|i| i.code == BPF_JMP | BPF_JGE | BPF_K));
        for a in 0..1300u32 {
            let p = a.to_be_bytes();
            assert_eq!(vm::run(&before, &p, 4), vm::run(&after, &p, 4), "{a}");
        }
    }

    /// `ld<size> [0]; jeq c` for each constant, all hits accepting.
    fn one_value_chain(size: u16, cs: &[u32]) -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let mut next = cfg.add(vec![], Term::Ret(0));
        for &c in cs[1..].iter().rev() {
            next = cfg.add(vec![], Term::jeq(c, acc, next));
        }
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | size, 0)],
            Term::jeq(cs[0], acc, next),
        );
        cfg
    }

    #[test]
    fn runs_of_consecutive_constants_become_ranges() {
        use crate::bpf::insn::BPF_B;
        // (load size, constants, comparisons after the load)
        let cases: [(u16, &[u32], usize); 6] = [
            (BPF_B, &[73, 74, 75], 2),
            (BPF_B, &[75, 1, 74, 73, 9], 4),
            (BPF_B, &[254, 255], 1),
            (BPF_B, &[253, 254, 255, 256], 1),
            (BPF_H, &[0, 1, 2, 3, 0xfffe, 0xffff], 2),
            (BPF_W, &[7, 8], 2),
        ];
        for (size, cs, comparisons) in cases {
            let cfg = one_value_chain(size, cs);
            let before = crate::filter::emit::emit(&cfg).unwrap();
            let mut opt = cfg.clone();
            run(&mut opt);
            let after = crate::filter::emit::emit(&opt).unwrap();
            let jumps = after.iter().filter(|i| i.class() == BPF_JMP).count();
            assert_eq!(jumps, comparisons, "{cs:?}: {after:?}");
            let bytes = match size {
                BPF_B => 1,
                BPF_H => 2,
                _ => 4,
            };
            let values = (0..300u32)
                .chain(0xfff0..=0x1_0010)
                .chain([u32::MAX - 1, u32::MAX]);
            for v in values {
                let p = &v.to_be_bytes()[4 - bytes..];
                if bytes < 4 && v >> (8 * bytes) != 0 {
                    continue;
                }
                assert_eq!(vm::run(&before, p, 4), vm::run(&after, p, 4), "{cs:?}: {v}");
            }
        }
    }

    #[test]
    fn short_chains_stay() {
        let cfg = chain(&[(0, 1), (4, 1)]);
        let mut opt = cfg.clone();
        run(&mut opt);
        assert_eq!(opt, cfg);
    }

    #[test]
    fn tree_depth_is_logarithmic() {
        assert_eq!(tree_depth(16), 16, "small sets stay a run");
        assert_eq!(tree_size(16), 16);
        // log2(1000 / 8) jge nodes, then a leaf of at most 8 jeq.
        assert!(tree_depth(1000) <= 7 + LEAF);
        assert!(tree_size(1000) <= 1000 + 1000 / LEAF);
        let _ = BPF_H;
    }

    #[test]
    fn a_value_already_in_a_is_tested_first() {
        // [2] == 53 fails, then ([0] == 123 || [2] == 123): A holds [2] already.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let ld = |k| Insn::stmt(BPF_LD | BPF_ABS | BPF_H, k);
        let jeq = Term::jeq;
        let second = cfg.add(vec![ld(2)], jeq(123, acc, rej));
        let head = cfg.add(vec![ld(0)], jeq(123, acc, second));
        let dns = cfg.add(vec![], Term::Ret(2));
        cfg.entry = cfg.add(vec![ld(2)], jeq(53, dns, head));
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let mut opt = cfg.clone();
        run(&mut opt);
        let after = crate::filter::emit::emit(&opt).unwrap();
        assert!(opt.blocks[head].stmts.is_empty(), "{after:?}");
        assert_eq!(after.len(), before.len() - 1);
        for a in [0u16, 53, 123, 7] {
            for b in [0u16, 53, 123, 9] {
                let mut p = a.to_be_bytes().to_vec();
                p.extend(b.to_be_bytes());
                assert_eq!(vm::run(&before, &p, 4), vm::run(&after, &p, 4), "{p:?}");
            }
        }
    }

    #[test]
    fn both_tests_of_an_and_swap_to_reuse_a() {
        // [0] == 1 fails; then [2] == 1 && [0] == 2: A holds [0] already.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let other = cfg.add(vec![], Term::Ret(2));
        let ld = |k| Insn::stmt(BPF_LD | BPF_ABS | BPF_H, k);
        let jeq = Term::jeq;
        let b3 = cfg.add(vec![ld(0)], jeq(2, acc, rej));
        let b2 = cfg.add(vec![ld(2)], jeq(1, b3, rej));
        cfg.entry = cfg.add(vec![ld(0)], jeq(1, other, b2));
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let mut opt = cfg.clone();
        swap_and_pairs(&mut opt);
        let after = crate::filter::emit::emit(&opt).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        for a in 0..4u16 {
            for b in 0..4u16 {
                let mut p = a.to_be_bytes().to_vec();
                p.extend(b.to_be_bytes());
                assert_eq!(vm::run(&before, &p, 4), vm::run(&after, &p, 4), "{p:?}");
            }
        }
    }

    #[test]
    fn networks_become_range_tests_of_the_raw_word() {
        // net 10/8 or 172.16/12 or 192.168/16 or host 172.15.0.1, on [0] then [4].
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let nets = [
            (0xff00_0000u32, 0x0a00_0000u32),
            (0xfff0_0000, 0xac10_0000),
            (0xffff_0000, 0xc0a8_0000),
            (u32::MAX, 0xac0f_0001),
        ];
        let mut next = rej;
        for off in [4u32, 0] {
            for &(mask, net) in nets.iter().rev() {
                let mut stmts = vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_W, off)];
                if mask != u32::MAX {
                    stmts.push(Insn::stmt(BPF_ALU | BPF_AND | BPF_K, mask));
                }
                next = cfg.add(
                    stmts,
                    Term::Branch {
                        code: BPF_JMP | BPF_JEQ | BPF_K,
                        k: net,
                        jt: acc,
                        jf: next,
                    },
                );
            }
        }
        cfg.entry = next;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let mut opt = cfg.clone();
        run(&mut opt);
        let after = crate::filter::emit::emit(&opt).unwrap();
        assert!(after.len() < before.len(), "{after:?}");
        assert!(!after.iter().any(|i| i.code == BPF_ALU | BPF_AND | BPF_K));
        let probes = [
            0u32,
            0x09ff_ffff,
            0x0a00_0000,
            0x0aff_ffff,
            0x0b00_0000,
            0xac0f_0001,
            0xac0f_ffff,
            0xac10_0000,
            0xac1f_ffff,
            0xac20_0000,
            0xc0a7_ffff,
            0xc0a8_1234,
            0xc0a9_0000,
            u32::MAX,
        ];
        for a in probes {
            for b in probes {
                let mut p = a.to_be_bytes().to_vec();
                p.extend(b.to_be_bytes());
                assert_eq!(
                    vm::run(&before, &p, 8),
                    vm::run(&after, &p, 8),
                    "{a:x} {b:x}"
                );
            }
        }
    }

    #[test]
    fn many_networks_get_windows_that_need_no_trampolines() {
        // 300 networks /16 (10.0/16, 10.1/16, …) on one word.
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let mut next = rej;
        for i in (0..300u32).rev() {
            next = cfg.add(
                vec![
                    Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 0),
                    Insn::stmt(BPF_ALU | BPF_AND | BPF_K, 0xffff_0000),
                ],
                Term::Branch {
                    code: BPF_JMP | BPF_JEQ | BPF_K,
                    k: (0x0a00 + i * 3) << 16,
                    jt: acc,
                    jf: next,
                },
            );
        }
        cfg.entry = next;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        let after = super::super::compile(&cfg).unwrap();
        crate::bpf::verify::verify(&after).unwrap();
        let jas = after
            .iter()
            .filter(|i| i.code == BPF_JMP | crate::bpf::insn::BPF_JA)
            .count();
        assert!(
            after.len() < 2 * 300 + 50,
            "{} instructions, {jas} ja",
            after.len()
        );
        for i in 0..1000u32 {
            for low in [0u32, 0xffff, 0x1234] {
                let a = ((0x09f0 + i) << 16) | low;
                let p = a.to_be_bytes();
                assert_eq!(vm::run(&before, &p, 4), vm::run(&after, &p, 4), "{a:x}");
            }
        }
    }
}
