//! Two comparisons of A with constants in a row become one when together they
//! send A to one place for a single value, or for the values past one threshold,
//! and to one other place for the rest. `portrange 53` is `jge #53` then
//! `jgt #53`, which is `jeq #53`; `ip[2:2] > 100 and ip[2:2] < 102` is `jeq #101`.
//!
//! The first block's branch takes the second's place when the second block holds
//! nothing but its branch (so A is the value the first one tested). The second
//! block stays for its other predecessors, and goes when it has none.

use crate::bpf::insn::{BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_K, BPF_X};
use crate::filter::cfg::{BlockId, Cfg, Term};

/// A comparison of A with a constant that splits the values at fixed points.
#[derive(Clone, Copy)]
struct Compare {
    op: u16,
    k: u32,
    jt: BlockId,
    jf: BlockId,
}

impl Compare {
    fn of(term: &Term) -> Option<Compare> {
        let Term::Branch { code, k, jt, jf } = *term else {
            return None;
        };
        let op = code & 0xf0;
        let ordered = op == BPF_JEQ || op == BPF_JGT || op == BPF_JGE;
        (code & BPF_X == 0 && ordered && jt != jf).then_some(Compare { op, k, jt, jf })
    }

    fn holds(&self, a: u32) -> bool {
        match self.op {
            BPF_JEQ => a == self.k,
            BPF_JGT => a > self.k,
            _ => a >= self.k,
        }
    }

    fn target(&self, a: u32) -> BlockId {
        if self.holds(a) { self.jt } else { self.jf }
    }

    /// The values at which the outcome may change from that of the value before.
    fn breaks(&self) -> impl Iterator<Item = u64> {
        let k = u64::from(self.k);
        match self.op {
            BPF_JEQ => [Some(k), Some(k + 1)],
            BPF_JGT => [Some(k + 1), None],
            _ => [Some(k), None],
        }
        .into_iter()
        .flatten()
    }
}

/// The one comparison that sends every value of A where `first` then `second`
/// (reached from `first`'s exit to `via`) do, if there is one (a branch whose
/// exits agree when all values go to one place).
fn combined(first: Compare, via: BlockId, second: Compare) -> Option<Term> {
    let target = |a: u32| match first.target(a) {
        t if t == via => second.target(a),
        t => t,
    };
    let mut points: Vec<u64> = std::iter::once(0)
        .chain(first.breaks())
        .chain(second.breaks())
        .filter(|&p| p <= u64::from(u32::MAX))
        .collect();
    points.sort_unstable();
    points.dedup();
    // Runs of values with one target: (first value, target).
    let mut runs: Vec<(u64, BlockId)> = Vec::new();
    for p in points {
        let t = target(p as u32);
        if runs.last().is_none_or(|&(_, last)| last != t) {
            runs.push((p, t));
        }
    }
    let cmp = |op: u16, k: u64, jt, jf| Term::Branch {
        code: BPF_JMP | op | BPF_K,
        k: k as u32,
        jt,
        jf,
    };
    match runs[..] {
        [(_, only)] => Some(cmp(BPF_JEQ, 0, only, only)),
        [(_, below), (at, above)] => Some(cmp(BPF_JGE, at, above, below)),
        [(_, outside), (at, one), (next, back)] if back == outside && next == at + 1 => {
            Some(cmp(BPF_JEQ, at, one, outside))
        }
        _ => None,
    }
}

/// Runs the pass; `true` if any branch changed.
pub fn run(cfg: &mut Cfg) -> bool {
    let Ok(order) = super::topo(cfg) else {
        return false;
    };
    let mut changed = false;
    // Backwards, so that a chain of three folds from its end.
    for &b in order.iter().rev() {
        let Some(first) = Compare::of(&cfg.blocks[b].term) else {
            continue;
        };
        for via in [first.jt, first.jf] {
            let blk = &cfg.blocks[via];
            let Some(second) = Compare::of(&blk.term).filter(|_| blk.stmts.is_empty()) else {
                continue;
            };
            if let Some(term) = combined(first, via, second) {
                cfg.blocks[b].term = term;
                changed = true;
                break;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::Insn;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    /// `ld [0]`, then `op1 #k1` going to `op2 #k2` on one exit (chosen by
    /// `second_on_true`) and rejecting or accepting on the other.
    fn pair(op1: u16, k1: u32, op2: u16, k2: u32, second_on_true: bool, swap: bool) -> Cfg {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let (t2, f2) = if swap { (rej, acc) } else { (acc, rej) };
        let second = cfg.add(
            vec![],
            Term::Branch {
                code: BPF_JMP | op2 | BPF_K,
                k: k2,
                jt: t2,
                jf: f2,
            },
        );
        let (jt, jf) = if second_on_true {
            (second, rej)
        } else {
            (acc, second)
        };
        cfg.entry = cfg.add(
            vec![Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 0)],
            Term::Branch {
                code: BPF_JMP | op1 | BPF_K,
                k: k1,
                jt,
                jf,
            },
        );
        cfg
    }

    #[test]
    fn single_value_range_is_one_jeq() {
        let mut cfg = pair(BPF_JGE, 53, BPF_JGT, 53, true, true);
        let before = crate::filter::emit::emit(&cfg).unwrap();
        assert!(run(&mut cfg));
        let after = crate::filter::emit::emit(&cfg).unwrap();
        assert_eq!(after.len(), before.len() - 1);
        assert!(
            after
                .iter()
                .any(|i| i.code == BPF_JMP | BPF_JEQ | BPF_K && i.k == 53)
        );
    }

    #[test]
    fn pairs_keep_every_verdict() {
        let ops = [BPF_JEQ, BPF_JGT, BPF_JGE];
        let ks = [0u32, 1, 52, 53, 54, 101, 102, u32::MAX - 1, u32::MAX];
        let probes: Vec<u32> = ks
            .iter()
            .flat_map(|&k| [k.wrapping_sub(1), k, k.wrapping_add(1)])
            .collect();
        let mut merged = 0;
        for op1 in ops {
            for op2 in ops {
                for &k1 in &ks {
                    for &k2 in &ks {
                        for on_true in [false, true] {
                            for swap in [false, true] {
                                let mut cfg = pair(op1, k1, op2, k2, on_true, swap);
                                let before = crate::filter::emit::emit(&cfg).unwrap();
                                if run(&mut cfg) {
                                    merged += 1;
                                }
                                let after = crate::filter::emit::emit(&cfg).unwrap();
                                assert!(after.len() <= before.len());
                                for &a in &probes {
                                    let p = a.to_be_bytes();
                                    assert_eq!(
                                        vm::run(&before, &p, 4),
                                        vm::run(&after, &p, 4),
                                        "{op1:x} {k1} {op2:x} {k2} {on_true} {swap} at {a}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(merged > 100, "{merged}");
    }

    #[test]
    fn pairs_that_need_two_tests_stay() {
        // 1-1023: values below, inside and above go to two places in three runs.
        let mut cfg = pair(BPF_JGE, 1, BPF_JGT, 1023, true, true);
        assert!(!run(&mut cfg));
    }
}
