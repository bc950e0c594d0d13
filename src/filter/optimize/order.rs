//! Likely cases first. A chain of `jeq` tests of one value against distinct
//! constants (`jeq #0x86dd` missing to `jeq #0x800`, the link-layer type tested
//! for IPv6 then IPv4) may test its constants in any order: at most one of them
//! holds. The chain is reordered so that the commonest traffic, IPv4 (then TCP,
//! UDP, IPv6), is recognised first: an IPv4 packet runs one comparison fewer for
//! `tcp port 80`. A test whose hit is where the chain goes when no test holds
//! goes. Verdicts do not change.
//!
//! A chain is a block ending in `jeq #k` followed, through false exits, by blocks
//! with no statements and no other predecessor that end in `jeq #k'`. Linear.

use crate::bpf::insn::{BPF_JEQ, BPF_JMP, BPF_K};
use crate::filter::cfg::{Cfg, Term};

/// Constants tested first, in this order: the IPv4 link-layer type (Ethernet,
/// BSD loopback in either byte order), the IPv4 version nibble, TCP, UDP, then
/// the IPv6 link-layer type. Other constants keep their order, after these.
const LIKELY: [u32; 7] = [0x0800, 0x0200_0000, 0x40, 6, 17, 0x86dd, 0x0a00_0000];

/// Whether `k` is one of the constants tested first (a guess that the test holds).
pub fn is_likely(k: u32) -> bool {
    LIKELY.contains(&k)
}

fn rank(k: u32) -> usize {
    LIKELY.iter().position(|&l| l == k).unwrap_or(LIKELY.len())
}

/// Reorders every chain.
pub fn run(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let preds = super::predecessors(cfg, &order);
    let mut in_chain = vec![false; cfg.blocks.len()];
    for &head in &order {
        if in_chain[head] {
            continue;
        }
        let Some((k, hit, mut miss)) = cfg.blocks[head].term.as_jeq() else {
            continue;
        };
        let mut chain = vec![head];
        let mut tests = vec![(k, hit)];
        while let Some((k, hit, next)) = cfg.blocks[miss].term.as_jeq() {
            if !cfg.blocks[miss].stmts.is_empty() || preds[miss].len() != 1 || in_chain[miss] {
                break;
            }
            chain.push(miss);
            tests.push((k, hit));
            miss = next;
        }
        for &b in &chain {
            in_chain[b] = true;
        }
        let mut ks: Vec<u32> = tests.iter().map(|t| t.0).collect();
        ks.sort_unstable();
        ks.dedup();
        if chain.len() < 2 || ks.len() != tests.len() {
            continue; // a repeated constant: its later test never holds
        }
        // A test whose hit is the chain's miss decides nothing (the constants
        // exclude each other): it goes.
        tests.retain(|t| t.1 != miss);
        tests.sort_by_key(|t| rank(t.0)); // stable: other constants keep their order
        if tests.is_empty() {
            cfg.blocks[head].term = Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0,
                jt: miss,
                jf: miss,
            };
        }
        for (i, (&b, &(k, jt))) in chain.iter().zip(&tests).enumerate() {
            let jf = if i + 1 < tests.len() {
                chain[i + 1]
            } else {
                miss
            };
            cfg.blocks[b].term = Term::jeq(k, jt, jf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::Insn;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    #[test]
    fn ipv4_is_tested_first_with_the_same_verdicts() {
        let mut cfg = Cfg::new();
        let v6 = cfg.add(vec![], Term::Ret(6));
        let v4 = cfg.add(vec![], Term::Ret(4));
        let arp = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let t_arp = cfg.add(vec![], Term::jeq(0x806, arp, rej));
        let t4 = cfg.add(vec![], Term::jeq(0x800, v4, t_arp));
        let t6 = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::jeq(0x86dd, v6, t4),
        );
        cfg.entry = t6;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        run(&mut cfg);
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(before.len(), after.len());
        assert_eq!(after[1].k, 0x800, "{after:?}");
        for ty in [0x800u16, 0x86dd, 0x806, 0x8035, 0] {
            let mut p = [0u8; 14];
            p[12..].copy_from_slice(&ty.to_be_bytes());
            assert_eq!(vm::run(&before, &p, 14), vm::run(&after, &p, 14));
        }
    }

    #[test]
    fn a_shared_block_is_not_part_of_a_chain() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let t4 = cfg.add(vec![], Term::jeq(0x800, acc, rej));
        let other = cfg.add(vec![], Term::jeq(5, t4, t4));
        let t6 = cfg.add(vec![], Term::jeq(0x86dd, acc, t4));
        let top = cfg.add(vec![], Term::jeq(1, t6, other));
        cfg.entry = top;
        let copy = cfg.clone();
        run(&mut cfg);
        assert_eq!(cfg, copy);
    }

    #[test]
    fn a_test_leading_where_the_chain_misses_goes() {
        // IPv6 next header: TCP or UDP go on, a fragment header (44) rejects, as
        // does anything else.
        let mut cfg = Cfg::new();
        let on = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let udp = cfg.add(vec![], Term::jeq(17, on, rej));
        let frag = cfg.add(vec![], Term::jeq(44, rej, udp));
        let tcp = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0)],
            Term::jeq(6, on, frag),
        );
        cfg.entry = tcp;
        let before = crate::filter::emit::emit(&cfg).unwrap();
        run(&mut cfg);
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1, "{after:?}");
        for b in 0..=255u8 {
            assert_eq!(vm::run(&before, &[b], 1), vm::run(&after, &[b], 1));
        }
    }
}
