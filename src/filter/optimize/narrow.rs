//! Narrowing masked loads: `ld [k]; and #0xffff0000; jeq #0xc0a80000` (`net
//! 192.168/16`) is `ldh [k]; jeq #0xc0a8`, one instruction less.
//!
//! A block qualifies when it ends in a word or halfword load, an `and` whose mask
//! keeps whole bytes, one or two contiguous ones, and a comparison with a constant,
//! and A is not read after the branch. The masked value is then the kept bytes
//! shifted left, so comparing the kept bytes, loaded alone, with the constant
//! shifted right gives the same outcome for `jeq`, `jgt`, `jge` (the constant has
//! no bits outside the mask) and `jset`.
//!
//! On a packet cut inside the masked-off bytes the narrower load succeeds where
//! the wider one failed: the verdict is then the one the whole packet gets, as
//! when any other load whose value cannot change the outcome is dropped.

use super::liveness;
use super::state::A;
use crate::bpf::Insn;
use crate::bpf::insn::{
    BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_H, BPF_IND, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_JSET,
    BPF_K, BPF_LD, BPF_W, SKF_AD_OFF,
};
use crate::filter::cfg::{Cfg, Term};

/// The bytes a mask keeps within a load of `width` bytes: (first byte, count)
/// when they are one or two whole bytes in a row and fewer than `width`.
fn kept_bytes(mask: u32, width: u32) -> Option<(u32, u32)> {
    if width < 4 && mask >> (8 * width) != 0 {
        return None;
    }
    // Byte i of the load, counted from the first byte in the packet.
    let byte = |i: u32| (mask >> (8 * (width - 1 - i))) & 0xff;
    if (0..width).any(|i| !matches!(byte(i), 0 | 0xff)) {
        return None;
    }
    let first = (0..width).find(|&i| byte(i) == 0xff)?;
    let count = (first..width).take_while(|&i| byte(i) == 0xff).count() as u32;
    let rest_clear = (first + count..width).all(|i| byte(i) == 0);
    (rest_clear && count <= 2 && count < width).then_some((first, count))
}

/// The narrower load and branch constant for `load; and #mask; <code> #k`, if any.
fn narrowed(load: &Insn, mask: u32, code: u16, k: u32) -> Option<(Insn, u32)> {
    let mode = load.code & 0xe0;
    if load.class() != BPF_LD || !(mode == BPF_ABS || mode == BPF_IND) || load.k >= SKF_AD_OFF {
        return None;
    }
    let width = match load.code & 0x18 {
        BPF_W => 4,
        BPF_H => 2,
        _ => return None,
    };
    let (first, count) = kept_bytes(mask, width)?;
    let shift = 8 * (width - first - count);
    let k = match code & 0xf0 {
        BPF_JEQ | BPF_JGT | BPF_JGE if k & !mask == 0 => k >> shift,
        BPF_JSET if k & mask != 0 => (k & mask) >> shift,
        _ => return None,
    };
    let size = if count == 1 { BPF_B } else { BPF_H };
    let offset = load.k.checked_add(first).filter(|&o| o < SKF_AD_OFF)?;
    Some((Insn::stmt(BPF_LD | mode | size, offset), k))
}

/// Applies the rewrite in one walk.
pub fn run(cfg: &mut Cfg) {
    let Ok(order) = super::topo(cfg) else { return };
    let live_in = liveness::live_in(cfg, &order);
    for &b in &order {
        let blk = &cfg.blocks[b];
        let Term::Branch { code, k, jt, jf } = blk.term else {
            continue;
        };
        if jt == jf || code & 0x08 != BPF_K || (live_in[jt] | live_in[jf]) & (1 << A) != 0 {
            continue;
        }
        let [.., load, and] = blk.stmts.as_slice() else {
            continue;
        };
        if and.code != BPF_ALU | BPF_AND | BPF_K {
            continue;
        }
        let Some((load, k)) = narrowed(load, and.k, code, k) else {
            continue;
        };
        let blk = &mut cfg.blocks[b];
        blk.stmts.pop();
        *blk.stmts.last_mut().expect("the load") = load;
        blk.term = Term::Branch {
            code: BPF_JMP | (code & 0xf0) | BPF_K,
            k,
            jt,
            jf,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::BPF_RET;
    use crate::bpf::vm;

    #[test]
    fn masks_of_whole_bytes_in_a_row_are_kept_bytes() {
        assert_eq!(kept_bytes(0xffff_0000, 4), Some((0, 2)));
        assert_eq!(kept_bytes(0xff00_0000, 4), Some((0, 1)));
        assert_eq!(kept_bytes(0x00ff_ff00, 4), Some((1, 2)));
        assert_eq!(kept_bytes(0x0000_00ff, 4), Some((3, 1)));
        assert_eq!(kept_bytes(0xff00, 2), Some((0, 1)));
        assert_eq!(kept_bytes(0x00ff, 2), Some((1, 1)));
        for mask in [
            0xffff_ff00,
            0xfff0_0000,
            0xff00_00ff,
            0xffff_ffff,
            0,
            0x1_ff00,
        ] {
            assert_eq!(kept_bytes(mask, 4), None, "{mask:x}");
        }
        assert_eq!(kept_bytes(0xffff, 2), None);
        assert_eq!(kept_bytes(0x1_ff00, 2), None);
    }

    #[test]
    fn a_narrowed_test_gives_the_same_verdict_on_every_packet_that_has_the_word() {
        let masks: [(u16, u32); 6] = [
            (BPF_W, 0xffff_0000),
            (BPF_W, 0xff00_0000),
            (BPF_W, 0x00ff_ff00),
            (BPF_W, 0x0000_00ff),
            (BPF_H, 0xff00),
            (BPF_H, 0x00ff),
        ];
        let words = [
            0u32,
            0x0a00_0001,
            0xc0a8_0101,
            0xc0a9_ffff,
            0xffff_ffff,
            0x1234_5678,
        ];
        for (size, mask) in masks {
            for op in [BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET] {
                for &w in &words {
                    let k = w & mask;
                    let mut cfg = Cfg::new();
                    let acc = cfg.add(vec![], Term::Ret(1));
                    let rej = cfg.add(vec![], Term::Ret(0));
                    cfg.entry = cfg.add(
                        vec![
                            Insn::stmt(BPF_LD | BPF_ABS | size, 1),
                            Insn::stmt(BPF_ALU | BPF_AND | BPF_K, mask),
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
                    // `jset #0` is never taken: left for the constant folding.
                    let shorter = usize::from(op != BPF_JSET || k != 0);
                    assert_eq!(after.len() + shorter, before.len(), "{mask:x} {op:x}");
                    assert!(shorter == 0 || after.iter().all(|i| i.class() != BPF_ALU));
                    assert!(after.iter().any(|i| i.class() == BPF_RET));
                    for &p in &words {
                        let packet = [&[0u8][..], &p.to_be_bytes()].concat();
                        assert_eq!(
                            vm::run(&before, &packet, 5),
                            vm::run(&after, &packet, 5),
                            "{mask:x} {op:x} k {k:x} packet {p:x}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_value_read_after_the_branch_is_left_whole() {
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let again = cfg.add(
            vec![],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0x0a00_0000,
                jt: acc,
                jf: rej,
            },
        );
        cfg.entry = cfg.add(
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_W, 12),
                Insn::stmt(BPF_ALU | BPF_AND | BPF_K, 0xff00_0000),
            ],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0xc000_0000,
                jt: acc,
                jf: again,
            },
        );
        let before = cfg.clone();
        run(&mut cfg);
        assert!(cfg == before);
    }
}
