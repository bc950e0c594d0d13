//! libpcap's `or_pullup` and `and_pullup`, as its optimizer runs them between
//! rounds of jump threading: in a chain of tests that all jump to one block on
//! success (an `or` chain; for `and_pullup`, on failure), a test of the value A
//! held on every edge into the chain moves up in front of the first test of
//! another value, where threading can then decide it (`icmp and icmp6` on
//! ARCnet, whose `ip` is an `or` of two system codes).

use super::{Block, End, Val};

/// Which chain: `or` (shared true exit, walk the false exits) or `and`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Or,
    And,
}

/// Makes one pull-up, if any block allows one. `a_exit[b]` is A's value on
/// leaving block `b` (`None` where libpcap would not know it); `reached` marks
/// the blocks the entry reaches. Blocks are in topological order (jumps go to
/// higher indices) and stay where they are; the caller puts them back in order.
pub(super) fn pull_one(blocks: &mut [Block], a_exit: &[Option<Val>], reached: &[bool]) -> bool {
    let n = blocks.len();
    let preds = predecessors(blocks, reached);
    let dom = dominators(&preds, n, reached);
    // libpcap visits blocks from those nearest the returns up.
    for b in (0..n).rev() {
        if !reached[b] {
            continue;
        }
        for kind in [Kind::Or, Kind::And] {
            if pull_at(blocks, a_exit, &preds, &dom, b, kind) {
                return true;
            }
        }
    }
    false
}

/// The branch exits of block `b`: (shared exit, chain exit) for `kind`.
fn exits(blocks: &[Block], b: usize, kind: Kind) -> Option<(usize, usize)> {
    match blocks[b].end {
        End::Branch(_, jt, jf) => Some(match kind {
            Kind::Or => (jt, jf),
            Kind::And => (jf, jt),
        }),
        _ => None,
    }
}

fn set_chain_exit(blocks: &mut [Block], b: usize, kind: Kind, to: usize) {
    if let End::Branch(i, jt, jf) = blocks[b].end {
        blocks[b].end = match kind {
            Kind::Or => End::Branch(i, jt, to),
            Kind::And => End::Branch(i, to, jf),
        };
    }
}

fn pull_at(
    blocks: &mut [Block],
    a_exit: &[Option<Val>],
    preds: &[Vec<usize>],
    dom: &[Vec<bool>],
    b: usize,
    kind: Kind,
) -> bool {
    let Some(&first) = preds[b].first() else {
        return false;
    };
    // Every edge in brings the same A.
    let val = a_exit[first];
    if preds[b].iter().any(|&p| a_exit[p] != val) {
        return false;
    }
    let Some((shared, _)) = exits(blocks, b, kind) else {
        return false;
    };
    let in_chain = |blocks: &[Block], c: usize| {
        exits(blocks, c, kind).is_some_and(|(s, _)| s == shared) && dom[c][b]
    };
    // The first test of another value: `diff`, reached from `before` (none at
    // the chain's top).
    let (mut before, mut diff) = (None, b);
    loop {
        if !in_chain(blocks, diff) {
            return false;
        }
        if a_exit[diff] != val {
            break;
        }
        before = Some(diff);
        diff = exits(blocks, diff, kind).map_or(diff, |(_, next)| next);
    }
    // The next test of the value A held: `pull`, reached from `above`.
    let mut above = diff;
    let mut pull = exits(blocks, diff, kind).map_or(diff, |(_, next)| next);
    loop {
        if !in_chain(blocks, pull) {
            return false;
        }
        if a_exit[pull] == val {
            break;
        }
        above = pull;
        pull = exits(blocks, pull, kind).map_or(pull, |(_, next)| next);
    }
    let after_pull = exits(blocks, pull, kind).map_or(pull, |(_, next)| next);
    set_chain_exit(blocks, above, kind, after_pull);
    set_chain_exit(blocks, pull, kind, diff);
    match before {
        Some(p) => set_chain_exit(blocks, p, kind, pull),
        None => {
            for &p in &preds[b] {
                redirect(blocks, p, b, pull);
            }
        }
    }
    true
}

/// Points the exits of `p` that go to `from` at `to`.
fn redirect(blocks: &mut [Block], p: usize, from: usize, to: usize) {
    let swap = |x: usize| if x == from { to } else { x };
    blocks[p].end = match blocks[p].end {
        End::Branch(i, jt, jf) => End::Branch(i, swap(jt), swap(jf)),
        End::Goto(x) => End::Goto(swap(x)),
        end => end,
    };
}

/// Each reached block's reached predecessors.
fn predecessors(blocks: &[Block], reached: &[bool]) -> Vec<Vec<usize>> {
    let mut preds = vec![Vec::new(); blocks.len()];
    for (p, block) in blocks.iter().enumerate() {
        if !reached[p] {
            continue;
        }
        let succs = match block.end {
            End::Branch(_, jt, jf) if jt == jf => [Some(jt), None],
            End::Branch(_, jt, jf) => [Some(jt), Some(jf)],
            End::Goto(to) => [Some(to), None],
            End::Ret(_) => [None, None],
        };
        for s in succs.into_iter().flatten() {
            preds[s].push(p);
        }
    }
    preds
}

/// `dom[c][b]`: block `b` dominates block `c` (every path from the entry to `c`
/// passes `b`). Blocks are in topological order, so one pass settles it.
fn dominators(preds: &[Vec<usize>], n: usize, reached: &[bool]) -> Vec<Vec<bool>> {
    let mut dom = vec![vec![false; n]; n];
    for c in 0..n {
        if !reached[c] {
            continue;
        }
        let mut d = match preds[c].split_first() {
            Some((&p, rest)) => {
                let mut d = dom[p].clone();
                for &q in rest {
                    for (x, y) in d.iter_mut().zip(&dom[q]) {
                        *x &= *y;
                    }
                }
                d
            }
            None => vec![false; n],
        };
        d[c] = true;
        dom[c] = d;
    }
    dom
}
