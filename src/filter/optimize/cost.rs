//! A static guess at how many instructions a program runs per packet, to choose
//! between two programs of nearly the same length.
//!
//! One forward walk over the emitted program: the entry is reached with
//! likelihood 1, a conditional jump splits its likelihood between its exits by
//! the branch guesses of [`super::conjuncts`] (IPv4, TCP and UDP common, other
//! constants rare, fragments very rare; each guess looks at the load that set A
//! just before the jump), and every instruction counts its likelihood once. A backward `ja` (a `protochain` loop) is counted as one pass.
//! Linear.

use crate::bpf::Insn;
use crate::bpf::insn::{BPF_JA, BPF_JMP, BPF_RET};

/// Expected instructions run per packet under the branch guesses.
pub fn expected_run(prog: &[Insn]) -> f64 {
    let n = prog.len();
    let mut mass = vec![0.0f64; n + 1];
    if n == 0 {
        return 0.0;
    }
    mass[0] = 1.0;
    let mut total = 0.0;
    for (pc, i) in prog.iter().enumerate() {
        let m = mass[pc];
        if m == 0.0 {
            continue;
        }
        total += m;
        let next = pc + 1;
        let mut send = |to: usize, w: f64| {
            if let Some(slot) = mass.get_mut(to) {
                *slot += w;
            }
        };
        match i.class() {
            BPF_RET => {}
            BPF_JMP if i.code == BPF_JMP | BPF_JA => {
                // Jumps are relative; a backward one (in a loop) wraps: once round.
                match next
                    .checked_add(i.k as usize)
                    .filter(|&t| t <= n && i.k < 1 << 31)
                {
                    Some(t) => send(t, m),
                    None => send(next, m),
                }
            }
            BPF_JMP if !crate::filter::chainloop::is_loop(i) => {
                // The guess looks at the load that set A in the straight-line
                // run before the jump.
                let run = prog[..pc]
                    .iter()
                    .rev()
                    .take_while(|s| !matches!(s.class(), BPF_JMP | BPF_RET))
                    .count();
                let loaded = super::conjuncts::loaded_size(&prog[pc - run..pc]);
                let p = super::conjuncts::p_taken(i.code, i.k, loaded);
                send(next + usize::from(i.jt), m * p);
                send(next + usize::from(i.jf), m * (1.0 - p));
            }
            _ => send(next, m),
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;

    #[test]
    fn a_rare_test_first_rejects_most_packets_early() {
        let ret = |k| Insn::stmt(BPF_RET | BPF_K, k);
        // ldh [12]; jeq #0x800 (likely) → 4 more instructions, else reject.
        let likely_first = vec![
            Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 3),
            Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 36),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 80, 0, 1),
            ret(1),
            ret(0),
        ];
        // The same tests, the rare one (port 80) first.
        let rare_first = vec![
            Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 36),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 80, 0, 3),
            Insn::stmt(BPF_LD | BPF_ABS | BPF_H, 12),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
            ret(1),
            ret(0),
        ];
        let (a, b) = (expected_run(&likely_first), expected_run(&rare_first));
        // 2 + 0.9 * 2 + 1 and 2 + 0.1 * 2 + 1.
        assert!((a - 4.8).abs() < 1e-9, "{a}");
        assert!((b - 3.2).abs() < 1e-9, "{b}");
        // A `ja` passes its likelihood on whole.
        let hop = vec![Insn::stmt(BPF_JMP | BPF_JA, 1), ret(0), ret(1)];
        assert!((expected_run(&hop) - 2.0).abs() < 1e-9);
    }
}
