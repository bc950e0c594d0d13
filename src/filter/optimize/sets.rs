//! Search trees for sets: a chain of `jeq` tests of loaded values against
//! constants, all hits going to one block, becomes one balanced tree of
//! `jge`/`jeq` per loaded value, so `host a or host b or …` over n hosts runs
//! O(log n) comparisons per load instead of O(n).
//!
//! A chain is a run of blocks, each either empty (testing the same A) or loading
//! one packet value, ending in `jeq #k` whose true exit is the chain's hit block
//! and whose false exit is the next block of the chain (with no other
//! predecessor). The chain is grouped by value, as libpcap's `or_pullup` groups
//! it: on a truncated packet a test of a value already loaded may now come before
//! a load that would have failed (the verdict is then the one the whole packet
//! gets).
//!
//! Linear plus a sort of each set.

use super::liveness;
use super::state::{A, X, uses_defs};
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_ABS, BPF_IND, BPF_JEQ, BPF_JGE, BPF_JMP, BPF_K, BPF_LD, SKF_AD_OFF};
use crate::filter::cfg::{BlockId, Cfg, Term};
use std::collections::HashMap;

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

/// `jeq #k` with distinct exits: (k, hit, miss).
fn jeq(t: &Term) -> Option<(u32, BlockId, BlockId)> {
    match *t {
        Term::Branch { code, k, jt, jf } if code == BPF_JMP | BPF_JEQ | BPF_K && jt != jf => {
            Some((k, jt, jf))
        }
        _ => None,
    }
}

/// Rewrites every chain worth it.
pub fn run(cfg: &mut Cfg) {
    swap_and_pairs(cfg);
    let Ok(order) = super::topo(cfg) else { return };
    let live_in = liveness::live_in(cfg, &order);
    let mut preds = vec![0usize; cfg.blocks.len()];
    let mut pred_list: Vec<Vec<BlockId>> = vec![Vec::new(); cfg.blocks.len()];
    for &b in &order {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        for t in s {
            preds[t] += 1;
            pred_list[t].push(b);
        }
    }
    let mut in_chain = vec![false; cfg.blocks.len()];
    // Blocks of chains already rewritten (their successors changed).
    let mut rewritten = vec![false; cfg.blocks.len()];
    let mut trees = Trees::default();
    for &head in &order {
        if in_chain[head] {
            continue;
        }
        let Some((k0, hit, mut miss)) = jeq(&cfg.blocks[head].term) else {
            continue;
        };
        let head_key = match cfg.blocks[head].stmts.last() {
            Some(s) if pure_load(s) => Key::Load(*s),
            _ => Key::Head,
        };
        let mut tests: Vec<(Key, u32, BlockId)> = vec![(head_key, k0, head)];
        loop {
            let blk = &cfg.blocks[miss];
            let Some((k, h, m)) = jeq(&blk.term) else {
                break;
            };
            if h != hit || preds[miss] != 1 || in_chain[miss] {
                break;
            }
            let key = match blk.stmts.as_slice() {
                [] => tests.last().map_or(Key::Head, |t| t.0),
                [s] if pure_load(s) => Key::Load(*s),
                _ => break,
            };
            tests.push((key, k, miss));
            miss = m;
        }
        for t in &tests {
            in_chain[t.2] = true;
        }
        if live_in[hit] & (1 << A) != 0 || live_in[miss] & (1 << A) != 0 {
            continue;
        }
        // The value every (untouched) predecessor leaves in A, when the head only
        // loads: a group testing it can go first without loading it again.
        let entry = match cfg.blocks[head].stmts.as_slice() {
            [s] if pure_load(s) && !pred_list[head].is_empty() => {
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
                rewritten[t.2] = true;
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
    let mut pred_list: Vec<Vec<BlockId>> = vec![Vec::new(); cfg.blocks.len()];
    for &b in &order {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        for t in s {
            pred_list[t].push(b);
        }
    }
    let mut changed = vec![false; cfg.blocks.len()];
    for &b2 in &order {
        let (Some((c2, b3, r)), [l2]) =
            (jeq(&cfg.blocks[b2].term), cfg.blocks[b2].stmts.as_slice())
        else {
            continue;
        };
        let l2 = *l2;
        let (Some((c3, t, r3)), [l3]) =
            (jeq(&cfg.blocks[b3].term), cfg.blocks[b3].stmts.as_slice())
        else {
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
        let jeq_term = |k, jt, jf| Term::Branch {
            code: BPF_JMP | BPF_JEQ | BPF_K,
            k,
            jt,
            jf,
        };
        cfg.blocks[b2].stmts.clear();
        cfg.blocks[b2].term = jeq_term(c3, b3, r);
        cfg.blocks[b3].stmts = vec![l2];
        cfg.blocks[b3].term = jeq_term(c2, t, r);
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

/// Rewrites the chain `tests` (key, constant, block) if that makes it shorter,
/// and says whether it did. `entry`: the load whose value A holds when the chain
/// starts, if known.
fn rewrite(
    cfg: &mut Cfg,
    trees: &mut Trees,
    tests: &[(Key, u32, BlockId)],
    hit: BlockId,
    miss: BlockId,
    entry: Option<Insn>,
) -> bool {
    // The whole chain is grouped by value, as libpcap's or_pullup groups it: the
    // tests are pure, so their order changes no verdict on a whole packet.
    let mut keys: Vec<Key> = Vec::new();
    for t in tests {
        if !keys.contains(&t.0) {
            keys.push(t.0);
        }
    }
    if tests.len() < 2 {
        return false;
    }
    // A may already hold one of the chain's values (the head's load then goes).
    let reuse = entry.filter(|l| keys.contains(&Key::Load(*l)) && tests[0].0 != Key::Load(*l));
    let current = reuse.map_or(tests[0].0, Key::Load);
    // Groups: the key A holds first, then the others in order of appearance.
    let mut order: Vec<Key> = vec![current];
    order.extend(keys.iter().copied().filter(|&k| k != current));
    let mut groups: Vec<(Key, Vec<u32>)> = Vec::new();
    for key in order {
        let mut cs: Vec<u32> = tests.iter().filter(|t| t.0 == key).map(|t| t.1).collect();
        if cs.is_empty() {
            continue;
        }
        cs.sort_unstable();
        cs.dedup();
        groups.push((key, cs));
    }
    if groups.iter().any(|g| g.0 == Key::Head && g.0 != current) {
        return false; // cannot reload the head's value
    }
    // Cost now: one jeq per test plus each load but the head's (which stays);
    // after: the trees plus a load per group but the first.
    let before: usize = tests.len()
        + tests
            .iter()
            .skip(usize::from(reuse.is_none()))
            .filter(|t| !cfg.blocks[t.2].stmts.is_empty())
            .count();
    let after: usize =
        groups.iter().map(|g| tree_size(g.1.len())).sum::<usize>() + groups.len() - 1;
    let comparisons_before = tests.len();
    let comparisons_after: usize = groups.iter().map(|g| tree_depth(g.1.len())).sum();
    if after > before || (after == before && comparisons_after >= comparisons_before) {
        return false;
    }
    // Build from the last group back, each missing to the next; a group but the
    // first starts with its load, then branches like its tree's root.
    let mut next = miss;
    for (i, (key, cs)) in groups.iter().enumerate().rev() {
        let root = trees.build(cfg, cs, hit, next);
        next = match key {
            Key::Load(l) if i > 0 => {
                let term = cfg.blocks[root].term;
                cfg.add(vec![*l], term)
            }
            _ => root,
        };
    }
    // The head keeps its statements (unless A already holds the first group's
    // value) and branches like the first tree's root.
    let head = tests[0].2;
    cfg.blocks[head].term = cfg.blocks[next].term;
    if reuse.is_some() {
        cfg.blocks[head].stmts.clear();
    }
    true
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
    built: HashMap<(Vec<u32>, BlockId, BlockId), BlockId>,
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
            let mut roots = vec![0; windows.len()];
            let (mut next_hit, mut next_miss) = (hit, miss);
            for (i, w) in windows.iter().enumerate().rev() {
                let h = match cfg.blocks[hit].term {
                    Term::Ret(k) => cfg.add(Vec::new(), Term::Ret(k)),
                    _ => cfg.add(Vec::new(), jump(next_hit)),
                };
                let m = cfg.add(Vec::new(), jump(next_miss));
                roots[i] = tree(cfg, w, h, m);
                (next_hit, next_miss) = (h, m);
            }
            let firsts: Vec<u32> = windows.iter().map(|w| w[0]).collect();
            upper(cfg, &firsts, &roots)
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
        let jeq = |k, jt, jf| Term::Branch {
            code: BPF_JMP | BPF_JEQ | BPF_K,
            k,
            jt,
            jf,
        };
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
        let jeq = |k, jt, jf| Term::Branch {
            code: BPF_JMP | BPF_JEQ | BPF_K,
            k,
            jt,
            jf,
        };
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
}
