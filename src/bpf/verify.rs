//! The Linux kernel's rules for classic BPF programs (`bpf_check_classic` and
//! `check_load_and_stores` in net/core/filter.c), so that a program we build is
//! known to attach with `SO_ATTACH_FILTER` before we try, and a failure names the
//! instruction and the rule instead of the kernel's bare `EINVAL`.

use super::insn::*;
use std::fmt;

/// Which kernel rule a program breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// No instructions at all.
    Empty,
    /// More than [`BPF_MAXINSNS`] instructions.
    TooLong,
    /// An opcode the kernel does not accept.
    UnknownOpcode,
    /// `div #0` or `mod #0`.
    DivisionByZero,
    /// `lsh #k` or `rsh #k` with k ≥ 32.
    ShiftTooLarge,
    /// A scratch memory index of 16 or more.
    MemoryIndex,
    /// A jump whose target is past the last instruction.
    JumpOutOfRange,
    /// An absolute load in the ancillary area (`SKF_AD_OFF` and up) at an offset the
    /// kernel does not know.
    UnknownAncillary,
    /// The last instruction is not a `ret`.
    NoFinalReturn,
    /// A load from `M[k]` reachable on a path with no store to `M[k]` before it.
    LoadBeforeStore,
}

/// Why the kernel would refuse a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Index of the offending instruction (`None` for rules about the whole program).
    pub index: Option<usize>,
    /// The rule broken.
    pub rule: Rule,
    /// The offending instruction.
    pub insn: Option<Insn>,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.rule {
            Rule::Empty => "the program is empty".to_string(),
            Rule::TooLong => format!("the program has more than {BPF_MAXINSNS} instructions"),
            Rule::UnknownOpcode => "unknown opcode".to_string(),
            Rule::DivisionByZero => "division or modulo by the constant 0".to_string(),
            Rule::ShiftTooLarge => "shift by 32 or more".to_string(),
            Rule::MemoryIndex => {
                format!(
                    "scratch memory index out of range (M[0]..M[{}])",
                    BPF_MEMWORDS - 1
                )
            }
            Rule::JumpOutOfRange => "jump target past the end of the program".to_string(),
            Rule::UnknownAncillary => "unknown Linux ancillary load offset".to_string(),
            Rule::NoFinalReturn => "the last instruction is not a ret".to_string(),
            Rule::LoadBeforeStore => {
                "load from scratch memory not preceded by a store on every path".to_string()
            }
        };
        match (self.index, self.insn) {
            (Some(i), Some(insn)) => write!(
                f,
                "invalid BPF program: instruction {i} {{ code 0x{:02x}, jt {}, jf {}, k 0x{:x} }}: {what}",
                insn.code, insn.jt, insn.jf, insn.k
            ),
            (Some(i), None) => write!(f, "invalid BPF program: instruction {i}: {what}"),
            _ => write!(f, "invalid BPF program: {what}"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// The opcodes the kernel accepts (`chk_code_allowed`).
pub const fn opcode_allowed(code: u16) -> bool {
    matches!(
        code,
        // ALU, constant and X operand.
        0x04 | 0x0c | 0x14 | 0x1c | 0x24 | 0x2c | 0x34 | 0x3c | 0x94 | 0x9c
            | 0x54 | 0x5c | 0x44 | 0x4c | 0xa4 | 0xac | 0x64 | 0x6c | 0x74 | 0x7c
            | 0x84 // neg
            // Loads.
            | 0x20 | 0x28 | 0x30 // ld/ldh/ldb [k]
            | 0x80 // ld #pktlen
            | 0x40 | 0x48 | 0x50 // ld/ldh/ldb [x + k]
            | 0x00 | 0x60 // ld #k, ld M[k]
            | 0x81 | 0xb1 | 0x01 | 0x61 // ldx #pktlen, ldxb 4*([k]&0xf), ldx #k, ldx M[k]
            // Stores, register transfers, returns.
            | 0x02 | 0x03 | 0x07 | 0x87 | 0x06 | 0x16
            // Jumps.
            | 0x05 | 0x15 | 0x1d | 0x25 | 0x2d | 0x35 | 0x3d | 0x45 | 0x4d
    )
}

/// Is `code` a conditional jump?
const fn is_cond_jump(code: u16) -> bool {
    code & 0x07 == BPF_JMP && code != BPF_JMP | BPF_JA
}

/// Ancillary offsets (from `SKF_AD_OFF`) the kernel knows (`bpf_anc_helper`).
pub const fn known_ancillary(field: u32) -> bool {
    matches!(
        field,
        SKF_AD_PROTOCOL
            | SKF_AD_PKTTYPE
            | SKF_AD_IFINDEX
            | SKF_AD_NLATTR
            | SKF_AD_NLATTR_NEST
            | SKF_AD_MARK
            | SKF_AD_QUEUE
            | SKF_AD_HATYPE
            | SKF_AD_RXHASH
            | SKF_AD_CPU
            | SKF_AD_ALU_XOR_X
            | SKF_AD_VLAN_TAG
            | SKF_AD_VLAN_TAG_PRESENT
            | SKF_AD_PAY_OFFSET
            | SKF_AD_RANDOM
            | SKF_AD_VLAN_TPID
    )
}

/// Checks `prog` against the kernel's rules, in the kernel's order: size, then each
/// instruction in turn, then the final `ret`, then scratch memory initialisation.
pub fn verify(prog: &[Insn]) -> Result<(), VerifyError> {
    let whole = |rule| VerifyError {
        index: None,
        rule,
        insn: None,
    };
    if prog.is_empty() {
        return Err(whole(Rule::Empty));
    }
    if prog.len() > BPF_MAXINSNS {
        return Err(whole(Rule::TooLong));
    }
    let len = prog.len();
    for (pc, insn) in prog.iter().enumerate() {
        let fail = |rule| {
            Err(VerifyError {
                index: Some(pc),
                rule,
                insn: Some(*insn),
            })
        };
        let code = insn.code;
        if !opcode_allowed(code) {
            return fail(Rule::UnknownOpcode);
        }
        match code {
            0x34 | 0x94 if insn.k == 0 => return fail(Rule::DivisionByZero),
            0x64 | 0x74 if insn.k >= 32 => return fail(Rule::ShiftTooLarge),
            0x60 | 0x61 | 0x02 | 0x03 if insn.k >= BPF_MEMWORDS => {
                return fail(Rule::MemoryIndex);
            }
            // ja: the target pc + 1 + k must be inside the program.
            0x05 if u64::from(insn.k) >= (len - pc - 1) as u64 => {
                return fail(Rule::JumpOutOfRange);
            }
            c if is_cond_jump(c)
                && (pc + usize::from(insn.jt) + 1 >= len
                    || pc + usize::from(insn.jf) + 1 >= len) =>
            {
                return fail(Rule::JumpOutOfRange);
            }
            0x20 | 0x28 | 0x30 if insn.k >= SKF_AD_OFF && !known_ancillary(insn.k - SKF_AD_OFF) => {
                return fail(Rule::UnknownAncillary);
            }
            _ => {}
        }
    }
    let last = prog[len - 1];
    if !matches!(last.code, 0x06 | 0x16) {
        return Err(VerifyError {
            index: Some(len - 1),
            rule: Rule::NoFinalReturn,
            insn: Some(last),
        });
    }
    check_load_and_stores(prog)
}

/// The kernel's `check_load_and_stores`: every load of a scratch cell must follow a
/// store to it on every path.
fn check_load_and_stores(prog: &[Insn]) -> Result<(), VerifyError> {
    let mut first = None;
    for_each_unstored_load(prog, |pc, insn| {
        first = Some(VerifyError {
            index: Some(pc),
            rule: Rule::LoadBeforeStore,
            insn: Some(*insn),
        });
        false
    });
    first.map_or(Ok(()), Err)
}

/// The scratch cells (bit `k` for `M[k]`) that some load reads before every path to
/// it has stored them: what a program must zero at entry to pass the kernel's
/// check. Jumps must be in range (see [`verify`]).
pub fn unstored_scratch_reads(prog: &[Insn]) -> u16 {
    let mut cells = 0;
    for_each_unstored_load(prog, |_, insn| {
        cells |= 1 << (insn.k & 0xf);
        true
    });
    cells
}

/// The kernel's pass: the set of scratch cells stored on every path so far. A jump
/// narrows its targets' sets and resets the running set to "all" for the
/// (unreachable) instruction after it. As in the kernel, a `ret` does not reset the
/// set, which is conservative for the code after it. Calls `fault` for each load of
/// a cell not in the set, and stops when it returns false.
fn for_each_unstored_load(prog: &[Insn], mut fault: impl FnMut(usize, &Insn) -> bool) {
    let mut masks = vec![u16::MAX; prog.len()];
    let mut valid: u16 = 0;
    for (pc, insn) in prog.iter().enumerate() {
        valid &= masks[pc];
        let bit = 1u16 << (insn.k & 0xf);
        match insn.code {
            0x02 | 0x03 => valid |= bit,
            0x60 | 0x61 if valid & bit == 0 && !fault(pc, insn) => return,
            0x05 => {
                if let Some(m) = masks.get_mut(pc + 1 + insn.k as usize) {
                    *m &= valid;
                }
                valid = u16::MAX;
            }
            c if is_cond_jump(c) => {
                for off in [insn.jt, insn.jf] {
                    if let Some(m) = masks.get_mut(pc + 1 + usize::from(off)) {
                        *m &= valid;
                    }
                }
                valid = u16::MAX;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn s(code: u16, k: u32) -> Insn {
        Insn::stmt(code, k)
    }
    const fn j(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn::jump(code, k, jt, jf)
    }
    const RET0: Insn = s(0x06, 0);
    const RET1: Insn = s(0x06, 1);

    fn rule(prog: &[Insn]) -> Option<(Option<usize>, Rule)> {
        verify(prog).err().map(|e| (e.index, e.rule))
    }

    #[test]
    fn accepts_a_typical_program() {
        // tcpdump -dd 'ip and tcp'.
        let prog = [
            s(0x28, 12),
            j(0x15, 0x0800, 0, 3),
            s(0x30, 23),
            j(0x15, 6, 0, 1),
            s(0x06, 262144),
            RET0,
        ];
        assert_eq!(verify(&prog), Ok(()));
    }

    #[test]
    fn size_limits() {
        assert_eq!(rule(&[]), Some((None, Rule::Empty)));
        let mut long = vec![s(0x00, 0); BPF_MAXINSNS - 1];
        long.push(RET0);
        assert_eq!(verify(&long), Ok(()));
        long.insert(0, s(0x00, 0));
        assert_eq!(rule(&long), Some((None, Rule::TooLong)));
    }

    #[test]
    fn opcodes() {
        for code in [0x0e, 0x26, 0x18, 0xff, 0x8c, 0x04 | 0x08 | 0xb0, 0x0f, 0x41] {
            assert_eq!(
                rule(&[s(code, 1), RET0]),
                Some((Some(0), Rule::UnknownOpcode)),
                "{code:#x}"
            );
        }
        let mut n = 0;
        for code in 0..=0xffffu16 {
            if opcode_allowed(code) {
                n += 1;
            }
        }
        assert_eq!(n, 49);
        // The interpreter knows exactly the opcodes the kernel allows.
        for code in 0..=0xffu16 {
            let prog = [s(0x01, 1), s(0x00, 2), s(code, 1), s(0x06, 7)];
            let verdict = crate::bpf::vm::run(&prog, &[0x45; 8], 8);
            if !opcode_allowed(code) {
                assert_eq!(verdict, 0, "vm runs disallowed opcode {code:#x}");
            } else if code != 0x06 && code != 0x16 && code != 0x05 {
                assert_ne!(verdict, 0, "vm rejects allowed opcode {code:#x}");
            }
        }
    }

    #[test]
    fn constant_operands() {
        assert_eq!(
            rule(&[s(0x34, 0), RET0]),
            Some((Some(0), Rule::DivisionByZero))
        );
        assert_eq!(
            rule(&[s(0x94, 0), RET0]),
            Some((Some(0), Rule::DivisionByZero))
        );
        assert_eq!(verify(&[s(0x34, 3), s(0x3c, 0), RET0]), Ok(()));
        assert_eq!(
            rule(&[s(0x64, 32), RET0]),
            Some((Some(0), Rule::ShiftTooLarge))
        );
        assert_eq!(
            rule(&[s(0x74, 99), RET0]),
            Some((Some(0), Rule::ShiftTooLarge))
        );
        assert_eq!(verify(&[s(0x74, 31), RET0]), Ok(()));
        for code in [0x60, 0x61, 0x02, 0x03] {
            assert_eq!(
                rule(&[s(0x02, 0), s(code, 16), RET0]),
                Some((Some(1), Rule::MemoryIndex))
            );
        }
        assert_eq!(
            rule(&[s(0x30, SKF_AD_OFF + 64), RET0]),
            Some((Some(0), Rule::UnknownAncillary))
        );
        assert_eq!(
            rule(&[s(0x20, SKF_AD_OFF + 2), RET0]),
            Some((Some(0), Rule::UnknownAncillary))
        );
        assert_eq!(
            verify(&[s(0x30, SKF_AD_OFF + SKF_AD_PKTTYPE), RET0]),
            Ok(())
        );
        assert_eq!(
            verify(&[s(0x28, SKF_AD_OFF + SKF_AD_VLAN_TPID), RET0]),
            Ok(())
        );
        // SKF_NET_OFF loads are below SKF_AD_OFF: allowed.
        assert_eq!(verify(&[s(0x30, 0xfff0_0000), RET0]), Ok(()));
    }

    #[test]
    fn jumps_stay_inside() {
        assert_eq!(verify(&[s(0x05, 1), RET0, RET1]), Ok(()));
        assert_eq!(
            rule(&[s(0x05, 2), RET0, RET1]),
            Some((Some(0), Rule::JumpOutOfRange))
        );
        assert_eq!(
            rule(&[s(0x05, u32::MAX), RET0]),
            Some((Some(0), Rule::JumpOutOfRange))
        );
        assert_eq!(verify(&[j(0x15, 0, 1, 0), RET0, RET1]), Ok(()));
        assert_eq!(
            rule(&[j(0x15, 0, 2, 0), RET0, RET1]),
            Some((Some(0), Rule::JumpOutOfRange))
        );
        assert_eq!(
            rule(&[j(0x4d, 0, 0, 2), RET0, RET1]),
            Some((Some(0), Rule::JumpOutOfRange))
        );
        // A conditional jump as the last instruction jumps past the end.
        assert_eq!(
            rule(&[RET0, j(0x15, 0, 0, 0)]),
            Some((Some(1), Rule::JumpOutOfRange))
        );
    }

    #[test]
    fn last_is_ret() {
        assert_eq!(rule(&[s(0x00, 1)]), Some((Some(0), Rule::NoFinalReturn)));
        assert_eq!(
            rule(&[RET0, s(0x87, 0)]),
            Some((Some(1), Rule::NoFinalReturn))
        );
        assert_eq!(verify(&[s(0x16, 0)]), Ok(()));
    }

    #[test]
    fn loads_need_stores_on_every_path() {
        assert_eq!(
            rule(&[s(0x60, 0), RET0]),
            Some((Some(0), Rule::LoadBeforeStore))
        );
        assert_eq!(verify(&[s(0x02, 0), s(0x60, 0), RET0]), Ok(()));
        assert_eq!(
            rule(&[s(0x02, 1), s(0x61, 0), RET0]),
            Some((Some(1), Rule::LoadBeforeStore))
        );
        // Stored on one branch only.
        let one_path = [
            j(0x15, 0, 0, 1), // 0: jt 1, jf 2
            s(0x02, 3),       // 1
            s(0x60, 3),       // 2: reached from 0 without a store
            RET0,
        ];
        assert_eq!(rule(&one_path), Some((Some(2), Rule::LoadBeforeStore)));
        // Stored on both branches.
        let both = [
            j(0x15, 0, 0, 2), // 0: jt 1, jf 3
            s(0x02, 3),       // 1
            s(0x05, 1),       // 2: ja 4
            s(0x03, 3),       // 3
            s(0x60, 3),       // 4
            RET0,
        ];
        assert_eq!(verify(&both), Ok(()));
        // Stored before the branch.
        let before = [s(0x02, 7), j(0x15, 0, 1, 0), RET0, s(0x61, 7), RET1];
        assert_eq!(verify(&before), Ok(()));
    }

    #[test]
    fn error_message_names_instruction_and_rule() {
        let e = verify(&[s(0x00, 1), s(0x34, 0), RET0]).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("instruction 1"), "{msg}");
        assert!(msg.contains("division"), "{msg}");
        assert!(msg.contains("0x34"), "{msg}");
    }
}
