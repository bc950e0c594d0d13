//! Classic BPF instructions (`struct sock_filter`) and their opcode constants.
//!
//! The encoding is the kernel's and libpcap's: `code` packs class, size, mode and
//! source bits; `jt`/`jf` are forward offsets for conditional jumps; `k` is the
//! immediate.

/// One classic BPF instruction, laid out as the kernel's `struct sock_filter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Insn {
    /// Opcode: class | size | mode | source bits (the `BPF_*` constants below).
    pub code: u16,
    /// Conditional jumps: instructions to skip when the test is true.
    pub jt: u8,
    /// Conditional jumps: instructions to skip when the test is false.
    pub jf: u8,
    /// Immediate operand: a constant, packet offset, memory slot or jump offset.
    pub k: u32,
}

impl Insn {
    /// A non-jump instruction.
    pub const fn stmt(code: u16, k: u32) -> Insn {
        Insn {
            code,
            jt: 0,
            jf: 0,
            k,
        }
    }
    /// A conditional jump with forward offsets `jt` and `jf`.
    pub const fn jump(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn { code, jt, jf, k }
    }
    /// The instruction class, `code & 0x07` (`BPF_LD` … `BPF_MISC`).
    pub const fn class(&self) -> u16 {
        self.code & 0x07
    }
}

// Instruction classes.
/// Class: load into the accumulator A.
pub const BPF_LD: u16 = 0x00;
/// Class: load into the index register X.
pub const BPF_LDX: u16 = 0x01;
/// Class: store A into scratch memory `M[k]`.
pub const BPF_ST: u16 = 0x02;
/// Class: store X into scratch memory `M[k]`.
pub const BPF_STX: u16 = 0x03;
/// Class: arithmetic or logic on A (with `k` or X).
pub const BPF_ALU: u16 = 0x04;
/// Class: jump, unconditional (`ja`) or comparing A with `k` or X.
pub const BPF_JMP: u16 = 0x05;
/// Class: return, accepting that many bytes of the packet (0 rejects).
pub const BPF_RET: u16 = 0x06;
/// Class: register transfers (`tax`, `txa`).
pub const BPF_MISC: u16 = 0x07;

// Load sizes.
/// Size: 32-bit word.
pub const BPF_W: u16 = 0x00;
/// Size: 16-bit half word.
pub const BPF_H: u16 = 0x08;
/// Size: byte.
pub const BPF_B: u16 = 0x10;

// Load modes.
/// Mode: the constant `k`.
pub const BPF_IMM: u16 = 0x00;
/// Mode: packet data at the absolute offset `k`.
pub const BPF_ABS: u16 = 0x20;
/// Mode: packet data at offset X + `k`.
pub const BPF_IND: u16 = 0x40;
/// Mode: scratch memory slot `M[k]`.
pub const BPF_MEM: u16 = 0x60;
/// Mode: the packet's length.
pub const BPF_LEN: u16 = 0x80;
/// Mode (`ldx` byte only): X = 4 × (packet byte `k` & 0xf), the IPv4 header length.
pub const BPF_MSH: u16 = 0xa0;

// ALU operations.
/// ALU: A + operand.
pub const BPF_ADD: u16 = 0x00;
/// ALU: A − operand.
pub const BPF_SUB: u16 = 0x10;
/// ALU: A × operand.
pub const BPF_MUL: u16 = 0x20;
/// ALU: A / operand (unsigned; division by zero makes the program return 0).
pub const BPF_DIV: u16 = 0x30;
/// ALU: A | operand.
pub const BPF_OR: u16 = 0x40;
/// ALU: A & operand.
pub const BPF_AND: u16 = 0x50;
/// ALU: A << operand.
pub const BPF_LSH: u16 = 0x60;
/// ALU: A >> operand (logical).
pub const BPF_RSH: u16 = 0x70;
/// ALU: −A (no operand).
pub const BPF_NEG: u16 = 0x80;
/// ALU: A % operand (unsigned; modulus by zero makes the program return 0).
pub const BPF_MOD: u16 = 0x90;
/// ALU: A ^ operand.
pub const BPF_XOR: u16 = 0xa0;

// Jump operations.
/// Jump: always, `k` instructions forward.
pub const BPF_JA: u16 = 0x00;
/// Jump: to `jt` if A == operand, else to `jf`.
pub const BPF_JEQ: u16 = 0x10;
/// Jump: to `jt` if A > operand (unsigned), else to `jf`.
pub const BPF_JGT: u16 = 0x20;
/// Jump: to `jt` if A >= operand (unsigned), else to `jf`.
pub const BPF_JGE: u16 = 0x30;
/// Jump: to `jt` if A & operand is non-zero, else to `jf`.
pub const BPF_JSET: u16 = 0x40;

// Operand source.
/// Source: the operand is the constant `k`.
pub const BPF_K: u16 = 0x00;
/// Source: the operand is the index register X.
pub const BPF_X: u16 = 0x08;

// Return value source (BPF_RET).
/// Return source: return the value of A.
pub const BPF_A: u16 = 0x10;

// BPF_MISC operations.
/// Misc: copy A into X.
pub const BPF_TAX: u16 = 0x00;
/// Misc: copy X into A.
pub const BPF_TXA: u16 = 0x80;

/// Number of scratch memory slots, `M[0..BPF_MEMWORDS]`.
pub const BPF_MEMWORDS: u32 = 16;
/// Longest program the Linux kernel accepts (`BPF_MAXINSNS`).
pub const BPF_MAXINSNS: usize = 4096;

/// Linux ancillary data: loads at `SKF_AD_OFF + n` read socket metadata, not packet bytes.
pub const SKF_AD_OFF: u32 = 0xffff_f000; // (u32)-4096
/// Ancillary: `skb->protocol`, the packet's EtherType (e.g. 0x0800).
pub const SKF_AD_PROTOCOL: u32 = 0;
/// Ancillary: packet type (`PACKET_HOST`, `PACKET_BROADCAST`, …, `PACKET_OUTGOING`).
pub const SKF_AD_PKTTYPE: u32 = 4;
/// Ancillary: index of the interface the packet arrived on.
pub const SKF_AD_IFINDEX: u32 = 8;
/// Ancillary: find a netlink attribute (type in A) in the payload; offset or 0.
pub const SKF_AD_NLATTR: u32 = 12;
/// Ancillary: as `SKF_AD_NLATTR`, inside the nested attribute at offset A.
pub const SKF_AD_NLATTR_NEST: u32 = 16;
/// Ancillary: the packet's firewall mark (`skb->mark`).
pub const SKF_AD_MARK: u32 = 20;
/// Ancillary: the receive queue the packet arrived on.
pub const SKF_AD_QUEUE: u32 = 24;
/// Ancillary: the device's ARPHRD_* hardware type.
pub const SKF_AD_HATYPE: u32 = 28;
/// Ancillary: the receive flow hash.
pub const SKF_AD_RXHASH: u32 = 32;
/// Ancillary: the CPU processing the packet.
pub const SKF_AD_CPU: u32 = 36;
/// Ancillary: A ^= X.
pub const SKF_AD_ALU_XOR_X: u32 = 40;
/// Ancillary: the VLAN TCI stripped by the driver (without the present bit).
pub const SKF_AD_VLAN_TAG: u32 = 44;
/// Ancillary: 1 if the driver stripped a VLAN tag, else 0.
pub const SKF_AD_VLAN_TAG_PRESENT: u32 = 48;
/// Ancillary: offset of the transport-layer payload.
pub const SKF_AD_PAY_OFFSET: u32 = 52;
/// Ancillary: a random 32-bit number.
pub const SKF_AD_RANDOM: u32 = 56;
/// Ancillary: the TPID of the stripped VLAN tag (0x8100, 0x88a8).
pub const SKF_AD_VLAN_TPID: u32 = 60;
/// One past the highest ancillary offset the kernel defines (its `SKF_AD_MAX`).
pub const SKF_AD_MAX: u32 = 64;
