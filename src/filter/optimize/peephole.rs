//! Block-local rewrites that need liveness, when the value computed last is not
//! read after the branch: `and #m; jeq #0` is `jset #m` with the exits swapped,
//! `and #m; jgt #0` is `jset #m`; `sub #c; jeq #k` is `jeq #k+c`, `add #c; jeq #k`
//! is `jeq #k-c` and `xor #c; jeq #k` is `jeq #k^c` (wrapping arithmetic makes
//! these exact); `sub x; jeq #0` and `xor x; jeq #0` are `jeq x`, and `and x;
//! jeq #0` is `jset x` with the exits swapped.

use super::liveness;
use super::state::A;
use crate::bpf::insn::{
    BPF_ADD, BPF_ALU, BPF_AND, BPF_JEQ, BPF_JGT, BPF_JMP, BPF_JSET, BPF_K, BPF_SUB, BPF_X, BPF_XOR,
};
use crate::filter::cfg::{Cfg, Term};

/// Applies the rewrites in one walk.
pub fn run(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let live_in = liveness::live_in(cfg, &order);
    for &b in &order {
        let blk = &cfg.blocks[b];
        let Term::Branch { code, k, jt, jf } = blk.term else {
            continue;
        };
        if jt == jf || (live_in[jt] | live_in[jf]) & (1 << A) != 0 {
            continue;
        }
        let Some(last) = blk.stmts.last() else {
            continue;
        };
        const JEQ: u16 = BPF_JMP | BPF_JEQ | BPF_K;
        const JGT: u16 = BPF_JMP | BPF_JGT | BPF_K;
        const AND: u16 = BPF_ALU | BPF_AND | BPF_K;
        const SUB: u16 = BPF_ALU | BPF_SUB | BPF_K;
        const ADD: u16 = BPF_ALU | BPF_ADD | BPF_K;
        const XOR: u16 = BPF_ALU | BPF_XOR | BPF_K;
        const SUB_X: u16 = BPF_ALU | BPF_SUB | BPF_X;
        const XOR_X: u16 = BPF_ALU | BPF_XOR | BPF_X;
        const AND_X: u16 = BPF_ALU | BPF_AND | BPF_X;
        let c = last.k;
        let (code, k, jt, jf) = match (last.code, code, k) {
            (AND, JEQ, 0) => (BPF_JMP | BPF_JSET | BPF_K, c, jf, jt),
            (AND, JGT, 0) => (BPF_JMP | BPF_JSET | BPF_K, c, jt, jf),
            (SUB, JEQ, k) => (JEQ, k.wrapping_add(c), jt, jf),
            (ADD, JEQ, k) => (JEQ, k.wrapping_sub(c), jt, jf),
            (XOR, JEQ, k) => (JEQ, k ^ c, jt, jf),
            (SUB_X | XOR_X, JEQ, 0) => (BPF_JMP | BPF_JEQ | BPF_X, 0, jt, jf),
            (AND_X, JEQ, 0) => (BPF_JMP | BPF_JSET | BPF_X, 0, jf, jt),
            _ => continue,
        };
        let blk = &mut cfg.blocks[b];
        blk.stmts.pop();
        blk.term = Term::Branch { code, k, jt, jf };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::Insn;
    use crate::bpf::insn::*;
    use crate::bpf::vm;

    #[test]
    fn operation_then_compare_becomes_one_compare() {
        for (alu, op, k) in [
            (BPF_AND, BPF_JEQ, 0),
            (BPF_AND, BPF_JGT, 0),
            (BPF_SUB, BPF_JEQ, 0),
            (BPF_SUB, BPF_JEQ, 0xfffffff0),
            (BPF_ADD, BPF_JEQ, 0x20),
            (BPF_ADD, BPF_JEQ, 0x2),
            (BPF_XOR, BPF_JEQ, 0x17),
        ] {
            let mut cfg = Cfg::new();
            let acc = cfg.add(vec![], Term::Ret(1));
            let rej = cfg.add(vec![], Term::Ret(0));
            cfg.entry = cfg.add(
                vec![
                    Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0),
                    Insn::stmt(BPF_ALU | alu | BPF_K, 0x12),
                ],
                Term::Branch {
                    code: BPF_JMP | op | BPF_K,
                    k,
                    jt: acc,
                    jf: rej,
                },
            );
            let before = crate::filter::emit::emit(&cfg).unwrap();
            run(&mut cfg);
            let after = crate::filter::emit::emit(&cfg).unwrap();
            assert_eq!(after.len(), before.len() - 1);
            for byte in 0..=255u8 {
                assert_eq!(vm::run(&before, &[byte], 1), vm::run(&after, &[byte], 1));
            }
        }
    }

    #[test]
    fn operation_with_x_then_compare_with_zero_compares_with_x() {
        for alu in [BPF_SUB, BPF_XOR, BPF_AND] {
            let mut cfg = Cfg::new();
            let acc = cfg.add(vec![], Term::Ret(1));
            let rej = cfg.add(vec![], Term::Ret(0));
            cfg.entry = cfg.add(
                vec![
                    Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 1),
                    Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 0),
                    Insn::stmt(BPF_ALU | alu | BPF_X, 0),
                ],
                Term::Branch {
                    code: BPF_JMP | BPF_JEQ | BPF_K,
                    k: 0,
                    jt: acc,
                    jf: rej,
                },
            );
            let before = crate::filter::emit::emit(&cfg).unwrap();
            run(&mut cfg);
            let after = crate::filter::emit::emit(&cfg).unwrap();
            assert_eq!(after.len(), before.len() - 1);
            for a in 0..=255u8 {
                for x in [0u8, 1, 7, 0x80, a / 4, a >> 2 | 0x10] {
                    let p = [a, x];
                    assert_eq!(vm::run(&before, &p, 2), vm::run(&after, &p, 2), "{alu:x}");
                }
            }
        }
    }
}
