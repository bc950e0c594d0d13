//! Graph cleanup: skip empty unconditional blocks, merge a block into its only
//! predecessor, share identical blocks (and so identical tails), drop unreachable
//! blocks and renumber in a layout order.
//!
//! An unconditional jump is a branch whose two exits are the same block. Every
//! function here is one walk over the graph (hashing for the sharing).

use super::fxhash::FxHashMap;
use super::state::has_side_effect;
use crate::filter::cfg::{Block, BlockId, Cfg, Term};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Where an unconditional jump (`Goto`, or a branch whose exits agree) goes.
pub(super) fn is_jump(t: &Term) -> Option<BlockId> {
    match *t {
        Term::Branch { jt, jf, .. } if jt == jf => Some(jt),
        Term::Goto(t) => Some(t),
        _ => None,
    }
}

/// Distinct successors (an unconditional jump has one).
fn succs(t: &Term) -> crate::filter::cfg::Succs {
    let mut v = t.successors();
    v.dedup();
    v
}

fn map_succ(t: &mut Term, mut f: impl FnMut(BlockId) -> BlockId) {
    match t {
        Term::Branch { jt, jf, .. } => {
            *jt = f(*jt);
            *jf = f(*jf);
        }
        Term::Goto(t) => *t = f(*t),
        Term::Ret(_) => {}
    }
}

/// Drops the blocks no path from the entry reaches, keeping the others in their
/// order (ids are renumbered, relative order kept, so every pass decides as it
/// would have). Code generation leaves most of a big filter's blocks unreachable
/// after the first round; the later passes then walk a third of the ids.
pub fn drop_unreachable(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    if order.len() == cfg.blocks.len() {
        return;
    }
    let mut new_id = vec![usize::MAX; cfg.blocks.len()];
    for &b in &order {
        new_id[b] = 0;
    }
    for (next, id) in new_id.iter_mut().filter(|id| **id == 0).enumerate() {
        *id = next;
    }
    let blocks = std::mem::take(&mut cfg.blocks);
    cfg.blocks = blocks
        .into_iter()
        .zip(&new_id)
        .filter(|&(_, &id)| id != usize::MAX)
        .map(|(mut blk, _)| {
            map_succ(&mut blk.term, |s| new_id[s]);
            blk
        })
        .collect();
    cfg.entry = new_id[cfg.entry];
}

/// Redirects every edge into an empty unconditional block to where it leads.
pub fn skip_empty_jumps(cfg: &mut Cfg) {
    let n = cfg.blocks.len();
    let mut dest: Vec<BlockId> = (0..n).collect();
    let Ok(order) = super::topo(cfg) else { return };
    // Reverse topological order: a block's destination is final once computed.
    for &b in order.iter().rev() {
        let blk = &cfg.blocks[b];
        if blk.stmts.is_empty()
            && let Some(t) = is_jump(&blk.term)
        {
            dest[b] = dest[t];
        }
    }
    for &b in &order {
        map_succ(&mut cfg.blocks[b].term, |s| dest[s]);
    }
    cfg.entry = dest[cfg.entry];
}

/// A block from which every path ends in the same `ret #k` returns k whatever it
/// does on the way: it becomes `ret #k`. For k = 0 always (a load past the end
/// rejects too); for k > 0 only when no division on the way can reject the packet
/// (packet loads whose values decide nothing go, as in libpcap).
pub fn fold_uniform(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let mut verdict: Vec<Option<u32>> = vec![None; cfg.blocks.len()];
    let mut safe = vec![true; cfg.blocks.len()];
    for &b in order.iter().rev() {
        let blk = &cfg.blocks[b];
        let own_safe = blk.stmts.iter().all(|s| !has_side_effect(s));
        (verdict[b], safe[b]) = match blk.term {
            Term::Ret(k) => (Some(k), own_safe),
            Term::Goto(t) => (verdict[t], own_safe && safe[t]),
            Term::Branch { jt, jf, .. } => (
                match (verdict[jt], verdict[jf]) {
                    (Some(x), Some(y)) if x == y => Some(x),
                    _ => None,
                },
                own_safe && safe[jt] && safe[jf],
            ),
        };
        if let Some(k) = verdict[b]
            && (k == 0 || safe[b])
            && !(blk.stmts.is_empty() && blk.term == Term::Ret(k))
        {
            cfg.blocks[b] = Block {
                stmts: Vec::new(),
                term: Term::Ret(k),
            };
        }
    }
}

/// Unconditional jumps to a block with no other predecessor, to a return or to a
/// bare branch: the target's contents replace the jump.
pub fn merge_jumps(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let mut preds = vec![0usize; cfg.blocks.len()];
    for &b in &order {
        for s in succs(&cfg.blocks[b].term) {
            preds[s] += 1;
        }
    }
    for &b in &order {
        if preds[b] == 0 && b != cfg.entry {
            continue; // merged into its predecessor already
        }
        while let Some(t) = is_jump(&cfg.blocks[b].term) {
            let target = &cfg.blocks[t];
            let bare = target.stmts.is_empty();
            if preds[t] != 1 && !bare {
                break;
            }
            let (stmts, term) = (target.stmts.clone(), target.term);
            preds[t] -= 1;
            for s in succs(&term) {
                preds[s] += 1;
            }
            let blk = &mut cfg.blocks[b];
            blk.stmts.extend(stmts);
            blk.term = term;
        }
    }
}

/// Shares identical blocks: same statements, same terminator, same (shared)
/// successors. Bottom-up, so identical tails collapse into one.
pub fn share_identical(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let mut canon: Vec<BlockId> = (0..cfg.blocks.len()).collect();
    // Blocks by a cheap hash: the latest block with each hash, and from each
    // block the one before it with the same hash; candidates are compared in full.
    let mut latest: FxHashMap<u64, BlockId> =
        FxHashMap::with_capacity_and_hasher(order.len(), Default::default());
    let mut earlier = vec![usize::MAX; cfg.blocks.len()];
    for &b in order.iter().rev() {
        map_succ(&mut cfg.blocks[b].term, |s| canon[s]);
        let blk = &cfg.blocks[b];
        let h = block_hash(blk);
        let mut o = latest.get(&h).copied().unwrap_or(usize::MAX);
        while o != usize::MAX && cfg.blocks[o] != *blk {
            o = earlier[o];
        }
        if o == usize::MAX {
            earlier[b] = latest.insert(h, b).unwrap_or(usize::MAX);
        } else {
            canon[b] = o;
        }
    }
    cfg.entry = canon[cfg.entry];
}

/// FNV-1a over the block's statements and terminator.
fn block_hash(b: &Block) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u64| {
        h ^= v;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for s in &b.stmts {
        mix(u64::from(s.code) << 32 | u64::from(s.k));
    }
    match b.term {
        Term::Ret(k) => mix(u64::from(k) | 1 << 40),
        Term::Goto(t) => mix(t as u64 | 1 << 41),
        Term::Branch { code, k, jt, jf } => {
            mix(u64::from(code) << 32 | u64::from(k));
            mix(jt as u64);
            mix(jf as u64);
        }
    }
    h
}

/// A branch whose exits lead to the same block after sharing is a jump.
/// Returns the reachable blocks only, renumbered in a layout order for
/// [`super::layout::emit`]: depth first, the true exit right after its block where
/// possible (libpcap's layout) or, with `false_next`, the false exit.
pub fn compact(cfg: &Cfg, false_next: bool) -> Cfg {
    compact_visiting(
        cfg,
        |_, jt, jf| {
            if false_next { [jt, jf] } else { [jf, jt] }
        },
    )
}

/// Like [`compact`], but each branch's likelier exit (by `weight`, see
/// [`super::layout::likelihoods`]) is explored first, so that a block both a likely
/// and an unlikely path jump to is laid out after the likely one, which then
/// reaches it without a `ja`.
pub fn compact_likely_first(cfg: &Cfg, weight: &[f64]) -> Cfg {
    compact_visiting(cfg, |_, jt, jf| {
        if weight[jt] >= weight[jf] {
            [jt, jf]
        } else {
            [jf, jt]
        }
    })
}

/// Renumbers the reachable blocks in the reverse postorder of a DFS that explores
/// the exits of a branch in the order `visit(block, jt, jf)` gives: the exit
/// explored last lands right after its block.
fn compact_visiting(cfg: &Cfg, visit: impl Fn(BlockId, BlockId, BlockId) -> [BlockId; 2]) -> Cfg {
    let n = cfg.blocks.len();
    // Reverse postorder of a DFS (with `compact(.., false)` the false exit is
    // explored first and the true exit, explored last, lands right after its
    // block: libpcap's layout, so small programs list as tcpdump lists them).
    let mut post = Vec::with_capacity(n);
    let mut state = vec![0u8; n]; // 0 new, 1 open, 2 done
    let mut stack: Vec<(BlockId, usize)> = vec![(cfg.entry, 0)];
    state[cfg.entry] = 1;
    while let Some(&mut (b, ref mut i)) = stack.last_mut() {
        let succs = match cfg.blocks[b].term {
            Term::Branch { jt, jf, .. } => visit(b, jt, jf).to_vec(),
            t => t.successors().to_vec(),
        };
        if let Some(&s) = succs.get(*i) {
            *i += 1;
            if state[s] == 0 {
                state[s] = 1;
                stack.push((s, 0));
            }
        } else {
            state[b] = 2;
            post.push(b);
            stack.pop();
        }
    }
    post.reverse();
    let post = hoist_tiny(cfg, &post);
    let mut new_id = vec![usize::MAX; n];
    for (i, &b) in post.iter().enumerate() {
        new_id[b] = i;
    }
    let blocks = post
        .iter()
        .map(|&b| {
            let mut blk: Block = cfg.blocks[b].clone();
            map_succ(&mut blk.term, |s| new_id[s]);
            blk
        })
        .collect();
    Cfg {
        blocks,
        entry: 0,
        loops: cfg.loops.clone(),
    }
}

/// A return or an empty jump: one instruction.
fn is_tiny(b: &Block) -> bool {
    b.stmts.is_empty() && (matches!(b.term, Term::Ret(_)) || is_jump(&b.term).is_some())
}

/// `order` (a topological order) with each one-instruction block moved up to
/// right after its last predecessor, so that jumps to it stay short.
fn hoist_tiny(cfg: &Cfg, order: &[BlockId]) -> Vec<BlockId> {
    let n = cfg.blocks.len();
    let mut rank = vec![usize::MAX; n];
    for (i, &b) in order.iter().enumerate() {
        rank[b] = i;
    }
    let mut indeg = vec![0usize; n];
    for &b in order {
        for s in succs(&cfg.blocks[b].term) {
            indeg[s] += 1;
        }
    }
    // Ready blocks: tiny ones first, then by their rank in `order`.
    let mut ready = BinaryHeap::new();
    let key = |b: BlockId| Reverse((!is_tiny(&cfg.blocks[b]), rank[b], b));
    ready.push(key(cfg.entry));
    let mut out = Vec::with_capacity(order.len());
    while let Some(Reverse((_, _, b))) = ready.pop() {
        out.push(b);
        for s in succs(&cfg.blocks[b].term) {
            indeg[s] -= 1;
            if indeg[s] == 0 {
                ready.push(key(s));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;

    fn br(k: u32, jt: BlockId, jf: BlockId) -> Term {
        Term::jeq(k, jt, jf)
    }

    #[test]
    fn unreachable_blocks_go_and_the_others_keep_their_order() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let dead = cfg.add(vec![], Term::Ret(7));
        let rej = cfg.add(vec![], Term::Ret(0));
        let _unreachable_branch = cfg.add(vec![], br(3, dead, rej));
        let load = Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 9);
        cfg.entry = cfg.add(vec![load], br(6, acc, rej));
        let before = crate::filter::emit::emit(&cfg).unwrap();
        drop_unreachable(&mut cfg);
        assert_eq!(cfg.blocks.len(), 3);
        assert_eq!(cfg.entry, 2);
        assert_eq!(cfg.blocks[2].term, br(6, 0, 1));
        assert_eq!(crate::filter::emit::emit(&cfg).unwrap(), before);
    }

    #[test]
    fn identical_tails_are_shared_and_jumps_skipped() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let ld = vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 23)];
        let t1 = cfg.add(ld.clone(), br(6, acc, rej));
        let t2 = cfg.add(ld.clone(), br(6, acc, rej));
        let hop = cfg.add(vec![], br(0, t2, t2));
        let top = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            br(0x800, t1, hop),
        );
        cfg.entry = top;
        skip_empty_jumps(&mut cfg);
        assert_eq!(cfg.blocks[top].term, br(0x800, t1, t2));
        share_identical(&mut cfg);
        match cfg.blocks[top].term {
            Term::Branch { jt, jf, .. } => assert_eq!(jt, jf, "t1 and t2 are one block"),
            t => panic!("{t:?}"),
        }
        merge_jumps(&mut cfg);
        let c = compact(&cfg, false);
        assert_eq!(c.blocks.len(), 3, "{c:?}");
        assert_eq!(c.blocks[0].stmts.len(), 2);
        assert_eq!(super::super::layout::emit(&c).unwrap().len(), 5);
    }

    #[test]
    fn uniform_verdicts_fold_unless_a_division_could_reject_first() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(9));
        let acc2 = cfg.add(vec![], Term::Ret(9));
        let rej = cfg.add(vec![], Term::Ret(0));
        let rej2 = cfg.add(vec![], Term::Ret(0));
        let by_len = cfg.add(vec![Insn::stmt(BPF_LD | BPF_LEN, 0)], br(60, acc, acc2));
        let by_byte = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 99)],
            br(1, acc, acc2),
        );
        let by_quotient = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 98),
                Insn::stmt(BPF_ALU | BPF_DIV | BPF_X, 0),
            ],
            br(1, acc, acc2),
        );
        let rejecting = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 99)],
            br(1, rej, rej2),
        );
        let top = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0)],
            br(1, by_len, by_byte),
        );
        let mid = cfg.add(vec![], br(8, top, by_quotient));
        let root = cfg.add(vec![], br(7, mid, rejecting));
        cfg.entry = root;
        fold_uniform(&mut cfg);
        assert_eq!(cfg.blocks[by_len].term, Term::Ret(9), "len never rejects");
        assert_eq!(
            cfg.blocks[by_byte].term,
            Term::Ret(9),
            "byte 99 decides nothing"
        );
        assert!(!cfg.blocks[by_quotient].stmts.is_empty(), "X may be zero");
        assert_eq!(
            cfg.blocks[rejecting].term,
            Term::Ret(0),
            "rejects either way"
        );
    }
}
