//! Cross-jumping: blocks that end alike share their common end. Blocks with the
//! same terminator (same test, same successors) whose statements end with the same
//! run of instructions keep what differs and jump to one copy of the common end.
//! One pass over the blocks, grouped by terminator and last statement (hashing),
//! so linear.

use super::fxhash::FxHashMap;
use crate::filter::cfg::{BlockId, Cfg, Term};
use crate::filter::chainloop;

/// Length of the common end of two statement lists.
fn common_suffix(a: &[crate::bpf::Insn], b: &[crate::bpf::Insn]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y && !chainloop::is_loop(x))
        .count()
}

/// Applies the rewrite; `true` if anything changed.
pub fn run(cfg: &mut Cfg) -> bool {
    let Ok(order) = super::topo(cfg) else {
        return false;
    };
    let mut groups: FxHashMap<(Term, crate::bpf::Insn), Vec<BlockId>> = FxHashMap::default();
    let mut keys = Vec::new();
    for &b in &order {
        let blk = &cfg.blocks[b];
        if let Some(&last) = blk.stmts.last()
            && !chainloop::is_loop(&last)
        {
            let g = groups.entry((blk.term, last)).or_default();
            if g.is_empty() {
                keys.push((blk.term, last));
            }
            g.push(b);
        }
    }
    // Blocks left with no statements: their predecessors jump to the shared end.
    let mut emptied: Vec<Option<BlockId>> = vec![None; cfg.blocks.len()];
    let mut changed = false;
    for key in keys {
        let members = &groups[&key];
        if members.len() < 2 {
            continue;
        }
        let rep = &cfg.blocks[members[0]].stmts;
        let l = members[1..]
            .iter()
            .map(|&m| common_suffix(rep, &cfg.blocks[m].stmts))
            .min()
            .unwrap_or(0);
        if l == 0 {
            continue;
        }
        let k = members.len();
        let with_prefix = members
            .iter()
            .filter(|&&m| cfg.blocks[m].stmts.len() > l)
            .count();
        // Instructions saved when one of the blocks falls into the shared end.
        let saved = (k - 1) * (l + 1);
        let jumps = with_prefix.saturating_sub(1);
        if saved <= jumps {
            continue;
        }
        let suffix = rep[rep.len() - l..].to_vec();
        let members = members.clone();
        let shared = cfg.add(suffix, key.0);
        for m in members {
            let blk = &mut cfg.blocks[m];
            let keep = blk.stmts.len() - l;
            blk.stmts.truncate(keep);
            if keep == 0 {
                emptied[m] = Some(shared);
            }
            blk.term = Term::Branch {
                code: crate::bpf::insn::BPF_JMP | crate::bpf::insn::BPF_JEQ,
                k: 0,
                jt: shared,
                jf: shared,
            };
        }
        changed = true;
    }
    if changed {
        // Only the emptied blocks are skipped: other empty jumps (the exits of a
        // big set's windows) stay where they are.
        let to = |b: BlockId| emptied.get(b).copied().flatten().unwrap_or(b);
        for &b in &order {
            if let Term::Branch { jt, jf, .. } = &mut cfg.blocks[b].term {
                *jt = to(*jt);
                *jf = to(*jf);
            }
        }
        cfg.entry = to(cfg.entry);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::Insn;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    /// `net 10.0.0.0/8` on Ethernet, reduced: IPv4 tests its source and
    /// destination words, ARP its sender's and target's, each masked and compared.
    fn net_10() -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let masked = |cfg: &mut Cfg, off: u32, miss: BlockId| {
            cfg.add(
                vec![
                    Insn::stmt(BPF_LD | BPF_ABS | BPF_W, off),
                    Insn::stmt(BPF_ALU | BPF_AND | BPF_K, 0xff00_0000),
                ],
                Term::jeq(0x0a00_0000, acc, miss),
            )
        };
        let dst4 = masked(&mut cfg, 30, rej);
        let src4 = masked(&mut cfg, 26, dst4);
        let tpa = masked(&mut cfg, 38, rej);
        let spa = masked(&mut cfg, 28, tpa);
        let arp = cfg.add(vec![], Term::jeq(0x806, spa, rej));
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::jeq(0x800, src4, arp),
        );
        cfg
    }

    #[test]
    fn blocks_that_end_alike_share_their_end_with_the_same_verdicts() {
        let mut cfg = net_10();
        let before = crate::filter::optimize::emit_best(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::optimize::emit_best(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        let masks = after
            .iter()
            .filter(|i| i.code == BPF_ALU | BPF_AND | BPF_K)
            .count();
        assert_eq!(masks, 3, "{after:?}");
        // The same instructions run in the same order: exact on every prefix.
        let mut f = [0u8; 42];
        for (ty, off, v) in [
            (0x0800u16, 26usize, 10u8),
            (0x0800, 30, 10),
            (0x0800, 30, 11),
            (0x0806, 28, 10),
            (0x0806, 38, 10),
            (0x0806, 38, 9),
            (0x86dd, 26, 10),
        ] {
            f.fill(0);
            f[12..14].copy_from_slice(&ty.to_be_bytes());
            f[off] = v;
            for len in 0..=f.len() {
                assert_eq!(
                    vm::run(&after, &f[..len], len as u32),
                    vm::run(&before, &f[..len], len as u32),
                    "{ty:x} {off} {len}"
                );
            }
        }
    }

    #[test]
    fn different_ends_or_successors_are_left_alone() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let ld = |k| Insn::stmt(BPF_LD | BPF_ABS | BPF_B, k);
        // Same last statement, different successors; same successors, different
        // last statement.
        let a = cfg.add(vec![ld(1), ld(3)], Term::jeq(7, acc, rej));
        let b = cfg.add(vec![ld(2), ld(3)], Term::jeq(7, rej, acc));
        let c = cfg.add(vec![ld(2), ld(4)], Term::jeq(7, acc, rej));
        let d = cfg.add(vec![], Term::jeq(1, b, c));
        cfg.entry = cfg.add(vec![ld(0)], Term::jeq(0, a, d));
        let before = cfg.clone();
        assert!(!run(&mut cfg));
        assert_eq!(cfg, before);
    }

    #[test]
    fn a_block_that_is_all_common_end_is_skipped() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let ld = |k| Insn::stmt(BPF_LD | BPF_ABS | BPF_B, k);
        let whole = cfg.add(vec![ld(5)], Term::jeq(9, acc, rej));
        let longer = cfg.add(vec![ld(4), ld(5)], Term::jeq(9, acc, rej));
        cfg.entry = cfg.add(vec![ld(0)], Term::jeq(0, whole, longer));
        assert!(run(&mut cfg));
        let (jt, jf) = match cfg.blocks[cfg.entry].term {
            Term::Branch { jt, jf, .. } => (jt, jf),
            t => panic!("{t:?}"),
        };
        assert_ne!(jt, whole, "the emptied block is jumped over");
        assert_eq!(cfg.blocks[jt].stmts, vec![ld(5)]);
        assert_eq!(cfg.blocks[jf].stmts, vec![ld(4)]);
        assert_eq!(cfg.blocks[jf].term.successors()[0], jt);
    }
}
