//! A classic BPF interpreter with the semantics of libpcap's `bpf_filter` and the
//! Linux kernel.
//!
//! It filters `-r` files of millions of packets, so a run allocates nothing: the
//! registers and scratch memory live on the stack and the loop is one `match` on
//! the opcode. It never panics, whatever the program: an unknown opcode, a jump
//! past the end, an out-of-range `M[k]`, a division by zero or a load past the
//! captured bytes all end the run with 0 (reject), as libpcap does. Backward `ja`
//! jumps (libpcap's `protochain` loop) run, within a budget that bounds the run.

use super::insn::*;

/// Linux socket metadata that `SKF_AD_OFF + n` loads read instead of packet bytes
/// (the kernel's ancillary data). Fields hold the values the kernel would load, in
/// host byte order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ancillary {
    /// `skb->pkt_type`: 0 host, 1 broadcast, 2 multicast, 3 other host, 4 outgoing.
    pub pkttype: u32,
    /// Interface index the packet arrived on.
    pub ifindex: u32,
    /// VLAN tag control information stripped by the kernel, if any.
    pub vlan_tci: Option<u16>,
    /// EtherType of the VLAN tag (0x8100, 0x88a8…), meaningful with `vlan_tci`.
    pub vlan_tpid: u16,
    /// `skb->protocol`: the packet's EtherType.
    pub protocol: u16,
    /// ARPHRD_* type of the device.
    pub hatype: u16,
    /// `skb->mark`: the firewall mark.
    pub mark: u32,
    /// Receive queue the packet arrived on.
    pub queue: u32,
    /// `skb->hash`: the receive flow hash.
    pub rxhash: u32,
    /// CPU the filter runs on.
    pub cpu: u32,
    /// Offset of the transport payload (`SKF_AD_PAY_OFFSET`).
    pub pay_offset: u32,
    /// What `SKF_AD_RANDOM` yields (fixed here, so runs are reproducible).
    pub random: u32,
}

/// Runs `prog` over a packet: `data` is the captured bytes, `wire_len` the length on
/// the wire (what `len` loads). Returns the program's verdict: 0 rejects, anything
/// else is the number of bytes to keep. Ancillary loads reject, as in libpcap's
/// `bpf_filter` (for them the offset is past the end of any packet).
///
/// An empty program accepts everything (libpcap: "no filter means accept all").
#[inline]
pub fn run(prog: &[Insn], data: &[u8], wire_len: u32) -> u32 {
    exec::<false>(prog, data, None, wire_len, None, &mut 0)
}

/// As [`run`], also returning how many instructions the run executed (the
/// optimizer's benchmark and tests compare these counts with libpcap's).
pub fn run_counted(prog: &[Insn], data: &[u8], wire_len: u32) -> (u32, u64) {
    let mut executed = 0;
    let verdict = exec::<true>(prog, data, None, wire_len, None, &mut executed);
    (verdict, executed)
}

/// As [`run`], but on the packet as it could have gone on past its captured bytes:
/// a load past the end reads `fill` bytes instead of rejecting. What an optimizer
/// may answer on a packet cut short once it dropped loads whose values cannot
/// change the verdict (tests compare with this).
pub fn run_completed(prog: &[Insn], data: &[u8], wire_len: u32, fill: u8) -> u32 {
    exec::<false>(prog, data, Some(fill), wire_len, None, &mut 0)
}

/// As [`run`], with the Linux ancillary values for `SKF_AD_OFF + n` loads, as a
/// filter attached to a Linux socket sees them.
#[inline]
pub fn run_with_ancillary(prog: &[Insn], data: &[u8], wire_len: u32, anc: &Ancillary) -> u32 {
    exec::<false>(prog, data, None, wire_len, Some(anc), &mut 0)
}

/// Reads `N` bytes at `off` as a big-endian number; past the end, `None`, or the
/// `fill` bytes of a completed packet ([`run_completed`]).
#[inline(always)]
fn load<const N: usize>(data: &[u8], fill: Option<u8>, off: u64) -> Option<u32> {
    let start = usize::try_from(off).ok();
    let Some(bytes) = start
        .and_then(|s| data.get(s..))
        .and_then(|d| d.first_chunk::<N>())
    else {
        return completed_load::<N>(data, fill?, off);
    };
    let mut v = 0u32;
    for &b in bytes {
        v = (v << 8) | u32::from(b);
    }
    Some(v)
}

/// `N` bytes at `off` of `data` followed by endless `fill` bytes.
#[cold]
fn completed_load<const N: usize>(data: &[u8], fill: u8, off: u64) -> Option<u32> {
    let mut v = 0u32;
    for i in 0..N as u64 {
        let at = off.checked_add(i).and_then(|j| usize::try_from(j).ok());
        let b = at.and_then(|j| data.get(j)).copied().unwrap_or(fill);
        v = (v << 8) | u32::from(b);
    }
    Some(v)
}

/// The value of ancillary field `field` (an offset from `SKF_AD_OFF`); `None` for
/// fields the kernel does not know (the load then reads packet bytes and fails).
#[inline]
fn ancillary(anc: &Ancillary, field: u32, a: u32, x: u32) -> Option<u32> {
    Some(match field {
        SKF_AD_PROTOCOL => u32::from(anc.protocol),
        SKF_AD_PKTTYPE => anc.pkttype,
        SKF_AD_IFINDEX => anc.ifindex,
        SKF_AD_MARK => anc.mark,
        SKF_AD_QUEUE => anc.queue,
        SKF_AD_HATYPE => u32::from(anc.hatype),
        SKF_AD_RXHASH => anc.rxhash,
        SKF_AD_CPU => anc.cpu,
        SKF_AD_ALU_XOR_X => a ^ x,
        SKF_AD_VLAN_TAG => u32::from(anc.vlan_tci.unwrap_or(0)),
        SKF_AD_VLAN_TAG_PRESENT => u32::from(anc.vlan_tci.is_some()),
        SKF_AD_PAY_OFFSET => anc.pay_offset,
        SKF_AD_RANDOM => anc.random,
        SKF_AD_VLAN_TPID => {
            if anc.vlan_tci.is_some() {
                u32::from(anc.vlan_tpid)
            } else {
                0
            }
        }
        // Netlink attribute lookups make no sense on packet sockets.
        _ => return None,
    })
}

/// An absolute load of `N` bytes at `k`, through the ancillary area when given.
#[inline(always)]
fn load_abs<const N: usize>(
    data: &[u8],
    fill: Option<u8>,
    k: u32,
    anc: Option<&Ancillary>,
    a: u32,
    x: u32,
) -> Option<u32> {
    if k >= SKF_AD_OFF {
        return anc.and_then(|anc| ancillary(anc, k - SKF_AD_OFF, a, x));
    }
    load::<N>(data, fill, u64::from(k))
}

/// Shifts by 32 or more shift every bit out, as libpcap's optimizer folds them and
/// as its interpreter behaves on x86-64 (C leaves them undefined; the kernel
/// refuses constant ones and its x86 JIT masks the count of variable ones).
#[inline(always)]
fn shl(a: u32, n: u32) -> u32 {
    a.checked_shl(n).unwrap_or(0)
}

#[inline(always)]
fn shr(a: u32, n: u32) -> u32 {
    a.checked_shr(n).unwrap_or(0)
}

/// The interpreter; with `COUNT`, `executed` counts the instructions run (a
/// constant parameter, so that the filtering path pays nothing for it).
#[inline]
fn exec<const COUNT: bool>(
    prog: &[Insn],
    data: &[u8],
    fill: Option<u8>,
    wire_len: u32,
    anc: Option<&Ancillary>,
    executed: &mut u64,
) -> u32 {
    if prog.is_empty() {
        return u32::MAX;
    }
    let mut a: u32 = 0;
    let mut x: u32 = 0;
    let mut mem = [0u32; BPF_MEMWORDS as usize];
    let mut pc: usize = 0;
    // protochain's loop (libpcap's, and ours offline) advances at least 8 bytes per
    // IPv6 extension header, so real packets stay far below this; its AH step
    // measures from the IP header, so a crafted AH header can send the walk back to
    // itself, which this budget ends with a reject.
    let mut back_jumps_left: usize = data.len() + 1024;

    // Each arm either falls through to `pc += 1` or sets `pc` itself / returns.
    macro_rules! or_reject {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return 0,
            }
        };
    }

    loop {
        let Some(insn) = prog.get(pc) else {
            return 0;
        };
        if COUNT {
            *executed += 1;
        }
        let k = insn.k;
        pc += 1;
        match insn.code {
            // Returns.
            0x06 => return k, // ret #k
            0x16 => return a, // ret a
            // Loads into A.
            0x20 => a = or_reject!(load_abs::<4>(data, fill, k, anc, a, x)), // ld [k]
            0x28 => a = or_reject!(load_abs::<2>(data, fill, k, anc, a, x)), // ldh [k]
            0x30 => a = or_reject!(load_abs::<1>(data, fill, k, anc, a, x)), // ldb [k]
            0x40 => a = or_reject!(load::<4>(data, fill, u64::from(x) + u64::from(k))), // ld [x+k]
            0x48 => a = or_reject!(load::<2>(data, fill, u64::from(x) + u64::from(k))), // ldh [x+k]
            0x50 => a = or_reject!(load::<1>(data, fill, u64::from(x) + u64::from(k))), // ldb [x+k]
            0x80 => a = wire_len,                                            // ld #pktlen
            0x00 => a = k,                                                   // ld #k
            0x60 => a = *or_reject!(mem.get(k as usize)),                    // ld M[k]
            // Loads into X.
            0x81 => x = wire_len,                         // ldx #pktlen
            0x01 => x = k,                                // ldx #k
            0x61 => x = *or_reject!(mem.get(k as usize)), // ldx M[k]
            0xb1 => x = (or_reject!(load::<1>(data, fill, u64::from(k))) & 0xf) << 2, // ldxb 4*([k]&0xf)
            // Stores.
            0x02 => *or_reject!(mem.get_mut(k as usize)) = a, // st M[k]
            0x03 => *or_reject!(mem.get_mut(k as usize)) = x, // stx M[k]
            // Jumps: offsets are relative to the next instruction; a target past the
            // end is caught by the `prog.get` above.
            // ja: libpcap sign-extends k, because its `protochain` code loops
            // backwards (the kernel refuses such programs; see verify.rs). Every
            // backward jump spends budget, so no program can loop forever.
            0x05 => {
                let off = k as i32;
                if off >= 0 {
                    pc += off as usize;
                } else {
                    back_jumps_left = match back_jumps_left.checked_sub(1) {
                        Some(left) => left,
                        None => return 0,
                    };
                    pc = or_reject!(pc.checked_sub(off.unsigned_abs() as usize));
                }
            }
            0x15 => pc += if a == k { insn.jt } else { insn.jf } as usize,
            0x25 => pc += if a > k { insn.jt } else { insn.jf } as usize,
            0x35 => pc += if a >= k { insn.jt } else { insn.jf } as usize,
            0x45 => pc += if a & k != 0 { insn.jt } else { insn.jf } as usize,
            0x1d => pc += if a == x { insn.jt } else { insn.jf } as usize,
            0x2d => pc += if a > x { insn.jt } else { insn.jf } as usize,
            0x3d => pc += if a >= x { insn.jt } else { insn.jf } as usize,
            0x4d => pc += if a & x != 0 { insn.jt } else { insn.jf } as usize,
            // ALU with a constant.
            0x04 => a = a.wrapping_add(k),
            0x14 => a = a.wrapping_sub(k),
            0x24 => a = a.wrapping_mul(k),
            0x34 => a = or_reject!(a.checked_div(k)),
            0x94 => a = or_reject!(a.checked_rem(k)),
            0x54 => a &= k,
            0x44 => a |= k,
            0xa4 => a ^= k,
            0x64 => a = shl(a, k),
            0x74 => a = shr(a, k),
            // ALU with X.
            0x0c => a = a.wrapping_add(x),
            0x1c => a = a.wrapping_sub(x),
            0x2c => a = a.wrapping_mul(x),
            0x3c => a = or_reject!(a.checked_div(x)),
            0x9c => a = or_reject!(a.checked_rem(x)),
            0x5c => a &= x,
            0x4c => a |= x,
            0xac => a ^= x,
            0x6c => a = shl(a, x),
            0x7c => a = shr(a, x),
            0x84 => a = a.wrapping_neg(), // neg
            // Register transfers.
            0x07 => x = a, // tax
            0x87 => a = x, // txa
            _ => return 0,
        }
    }
}

// The literal opcodes above are checked against the named constants here, so the
// match stays readable as one table without silently drifting from insn.rs.
const _: () = {
    assert!(0x06 == BPF_RET | BPF_K);
    assert!(0x16 == BPF_RET | BPF_A);
    assert!(0x20 == BPF_LD | BPF_W | BPF_ABS);
    assert!(0x28 == BPF_LD | BPF_H | BPF_ABS);
    assert!(0x30 == BPF_LD | BPF_B | BPF_ABS);
    assert!(0x40 == BPF_LD | BPF_W | BPF_IND);
    assert!(0x48 == BPF_LD | BPF_H | BPF_IND);
    assert!(0x50 == BPF_LD | BPF_B | BPF_IND);
    assert!(0x80 == BPF_LD | BPF_W | BPF_LEN);
    assert!(0x00 == BPF_LD | BPF_IMM);
    assert!(0x60 == BPF_LD | BPF_MEM);
    assert!(0x81 == BPF_LDX | BPF_W | BPF_LEN);
    assert!(0x01 == BPF_LDX | BPF_IMM);
    assert!(0x61 == BPF_LDX | BPF_MEM);
    assert!(0xb1 == BPF_LDX | BPF_B | BPF_MSH);
    assert!(0x02 == BPF_ST);
    assert!(0x03 == BPF_STX);
    assert!(0x05 == BPF_JMP | BPF_JA);
    assert!(0x15 == BPF_JMP | BPF_JEQ | BPF_K);
    assert!(0x25 == BPF_JMP | BPF_JGT | BPF_K);
    assert!(0x35 == BPF_JMP | BPF_JGE | BPF_K);
    assert!(0x45 == BPF_JMP | BPF_JSET | BPF_K);
    assert!(0x1d == BPF_JMP | BPF_JEQ | BPF_X);
    assert!(0x2d == BPF_JMP | BPF_JGT | BPF_X);
    assert!(0x3d == BPF_JMP | BPF_JGE | BPF_X);
    assert!(0x4d == BPF_JMP | BPF_JSET | BPF_X);
    assert!(0x04 == BPF_ALU | BPF_ADD | BPF_K);
    assert!(0x14 == BPF_ALU | BPF_SUB | BPF_K);
    assert!(0x24 == BPF_ALU | BPF_MUL | BPF_K);
    assert!(0x34 == BPF_ALU | BPF_DIV | BPF_K);
    assert!(0x94 == BPF_ALU | BPF_MOD | BPF_K);
    assert!(0x54 == BPF_ALU | BPF_AND | BPF_K);
    assert!(0x44 == BPF_ALU | BPF_OR | BPF_K);
    assert!(0xa4 == BPF_ALU | BPF_XOR | BPF_K);
    assert!(0x64 == BPF_ALU | BPF_LSH | BPF_K);
    assert!(0x74 == BPF_ALU | BPF_RSH | BPF_K);
    assert!(0x0c == BPF_ALU | BPF_ADD | BPF_X);
    assert!(0x1c == BPF_ALU | BPF_SUB | BPF_X);
    assert!(0x2c == BPF_ALU | BPF_MUL | BPF_X);
    assert!(0x3c == BPF_ALU | BPF_DIV | BPF_X);
    assert!(0x9c == BPF_ALU | BPF_MOD | BPF_X);
    assert!(0x5c == BPF_ALU | BPF_AND | BPF_X);
    assert!(0x4c == BPF_ALU | BPF_OR | BPF_X);
    assert!(0xac == BPF_ALU | BPF_XOR | BPF_X);
    assert!(0x6c == BPF_ALU | BPF_LSH | BPF_X);
    assert!(0x7c == BPF_ALU | BPF_RSH | BPF_X);
    assert!(0x84 == BPF_ALU | BPF_NEG);
    assert!(0x07 == BPF_MISC | BPF_TAX);
    assert!(0x87 == BPF_MISC | BPF_TXA);
};

#[cfg(test)]
mod tests {
    use super::*;

    const fn s(code: u16, k: u32) -> Insn {
        Insn::stmt(code, k)
    }
    const fn j(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn::jump(code, k, jt, jf)
    }
    const RET_A: Insn = s(BPF_RET | BPF_A, 0);

    /// Runs `prefix` followed by `ret a` and returns A.
    fn a_after(prefix: &[Insn], data: &[u8]) -> u32 {
        let mut p = prefix.to_vec();
        p.push(RET_A);
        run(&p, data, data.len() as u32)
    }

    #[test]
    fn ethernet_ipv4_tcp() {
        // tcpdump -dd 'ip and tcp' for EN10MB.
        let prog = [
            s(0x28, 12),
            j(0x15, 0x0800, 0, 3),
            s(0x30, 23),
            j(0x15, 6, 0, 1),
            s(0x06, 262144),
            s(0x06, 0),
        ];
        let prog = &prog[..];
        let mut pkt = vec![0u8; 60];
        pkt[12] = 0x08;
        pkt[23] = 6;
        assert_eq!(run(prog, &pkt, 60), 262144);
        pkt[23] = 17;
        assert_eq!(run(prog, &pkt, 60), 0);
        // Truncated before the protocol byte: the load rejects.
        pkt[23] = 6;
        assert_eq!(run(prog, &pkt[..23], 60), 0);
        assert_eq!(run(prog, &pkt[..24], 60), 262144);
        // Counted: all but the rejecting `ret`; a failed load is the last one run.
        assert_eq!(run_counted(prog, &pkt, 60), (262144, 5));
        assert_eq!(run_counted(prog, &pkt[..23], 60), (0, 3));
        pkt[12] = 0x86;
        assert_eq!(run_counted(prog, &pkt, 60), (0, 3));
    }

    #[test]
    fn loads_are_big_endian_and_bounded() {
        let d = [1u8, 2, 3, 4, 5];
        assert_eq!(a_after(&[s(0x20, 0)], &d), 0x01020304);
        assert_eq!(a_after(&[s(0x20, 1)], &d), 0x02030405);
        assert_eq!(run(&[s(0x20, 2), RET_A], &d, 5), 0);
        assert_eq!(a_after(&[s(0x28, 3)], &d), 0x0405);
        assert_eq!(run(&[s(0x28, 4), RET_A], &d, 5), 0);
        assert_eq!(a_after(&[s(0x30, 4)], &d), 5);
        assert_eq!(run(&[s(0x30, 5), RET_A], &d, 5), 0);
        assert_eq!(run(&[s(0x20, u32::MAX), RET_A], &d, 5), 0);
        assert_eq!(run(&[s(0x20, u32::MAX - 2), RET_A], &d, 5), 0);
    }

    #[test]
    fn completed_packets_read_fill_bytes_past_the_end() {
        let prog = [
            s(BPF_LD | BPF_ABS | BPF_H, 1),
            s(BPF_ALU | BPF_ADD | BPF_K, 1),
            s(BPF_RET | BPF_A, 0),
        ];
        assert_eq!(run(&prog, &[7, 8], 2), 0, "a short packet is rejected");
        assert_eq!(run_completed(&prog, &[7, 8], 2, 0), 0x0800 + 1);
        assert_eq!(run_completed(&prog, &[7, 8], 2, 0xff), 0x08ff + 1);
        assert_eq!(run_completed(&prog, &[7, 8, 9], 3, 0xff), 0x0809 + 1);
        // Far past the end too (an index read from the packet).
        let far = [
            s(BPF_LDX | BPF_IMM, 0xffff_fff0),
            s(BPF_LD | BPF_IND | BPF_W, 0x20),
            s(BPF_RET | BPF_A, 0),
        ];
        assert_eq!(run(&far, &[1; 64], 64), 0);
        assert_eq!(run_completed(&far, &[1; 64], 64, 0x11), 0x1111_1111);
    }

    #[test]
    fn indirect_loads_do_not_wrap() {
        let d = [1u8, 2, 3, 4, 5];
        assert_eq!(a_after(&[s(0x01, 2), s(0x48, 1)], &d), 0x0405);
        assert_eq!(a_after(&[s(0x01, 4), s(0x50, 0)], &d), 5);
        assert_eq!(run(&[s(0x01, 4), s(0x50, 1), RET_A], &d, 5), 0);
        // X + k overflows 32 bits: past the end, not a wrap to offset 0.
        assert_eq!(run(&[s(0x01, u32::MAX), s(0x50, 1), RET_A], &d, 5), 0);
        assert_eq!(run(&[s(0x01, 1), s(0x40, u32::MAX), RET_A], &d, 5), 0);
    }

    #[test]
    fn msh_and_len() {
        let d = [0x45u8, 0, 0];
        assert_eq!(a_after(&[s(0xb1, 0), s(0x87, 0)], &d), 20);
        assert_eq!(run(&[s(0xb1, 3), s(0x87, 0), RET_A], &d, 3), 0);
        assert_eq!(run(&[s(0x80, 0), RET_A], &d, 1500), 1500);
        assert_eq!(run(&[s(0x81, 0), s(0x87, 0), RET_A], &d, 77), 77);
    }

    #[test]
    fn alu_ops() {
        let k = |code: u16, a0: u32, k: u32| a_after(&[s(0x00, a0), s(code, k)], &[]);
        let x = |code: u16, a0: u32, x0: u32| a_after(&[s(0x01, x0), s(0x00, a0), s(code, 0)], &[]);
        assert_eq!(k(0x04, u32::MAX, 2), 1);
        assert_eq!(k(0x14, 1, 2), u32::MAX);
        assert_eq!(k(0x24, 0x10000, 0x10000), 0);
        assert_eq!(k(0x34, 7, 2), 3);
        assert_eq!(k(0x94, 7, 4), 3);
        assert_eq!(k(0x54, 0xff0, 0x0ff), 0x0f0);
        assert_eq!(k(0x44, 0xf00, 0x00f), 0xf0f);
        assert_eq!(k(0xa4, 0xff, 0x0f), 0xf0);
        assert_eq!(k(0x64, 1, 4), 16);
        assert_eq!(k(0x74, 16, 4), 1);
        assert_eq!(x(0x0c, 3, 4), 7);
        assert_eq!(x(0x1c, 3, 4), u32::MAX);
        assert_eq!(x(0x2c, 3, 4), 12);
        assert_eq!(x(0x3c, 12, 4), 3);
        assert_eq!(x(0x9c, 13, 4), 1);
        assert_eq!(x(0x5c, 6, 3), 2);
        assert_eq!(x(0x4c, 6, 3), 7);
        assert_eq!(x(0xac, 6, 3), 5);
        assert_eq!(x(0x6c, 1, 31), 0x8000_0000);
        assert_eq!(x(0x7c, 0x8000_0000, 31), 1);
        // Shifting by the width or more clears A (libpcap's folding and x86-64 build).
        assert_eq!(x(0x6c, 0xff, 32), 0);
        assert_eq!(x(0x6c, 0xff, 40), 0);
        assert_eq!(x(0x7c, 0xff00_0000, 38), 0);
        assert_eq!(k(0x64, 1, 33), 0);
        assert_eq!(k(0x74, u32::MAX, u32::MAX), 0);
        assert_eq!(a_after(&[s(0x00, 1), s(0x84, 0)], &[]), u32::MAX);
    }

    #[test]
    fn division_by_zero_rejects() {
        for code in [0x3c, 0x9c] {
            let p = [s(0x00, 5), s(0x01, 0), s(code, 0), s(0x06, 1)];
            assert_eq!(run(&p, &[], 0), 0);
        }
        for code in [0x34, 0x94] {
            let p = [s(0x00, 5), s(code, 0), s(0x06, 1)];
            assert_eq!(run(&p, &[], 0), 0);
        }
    }

    #[test]
    fn scratch_memory_and_transfers() {
        let p = [
            s(0x00, 7),
            s(0x02, 3), // M[3] = 7
            s(0x01, 9),
            s(0x03, 15), // M[15] = 9
            s(0x00, 0),
            s(0x61, 3),  // X = 7
            s(0x60, 15), // A = 9
            s(0x0c, 0),  // A = 16
            s(0x07, 0),  // X = 16
            s(0x60, 0),  // A = M[0] = 0 (zeroed at start)
            s(0x0c, 0),  // A = 16
            RET_A,
        ];
        assert_eq!(run(&p, &[], 0), 16);
        // Out-of-range scratch index: reject, never panic.
        assert_eq!(run(&[s(0x02, 16), s(0x06, 1)], &[], 0), 0);
        assert_eq!(run(&[s(0x60, 16), s(0x06, 1)], &[], 0), 0);
        assert_eq!(run(&[s(0x61, u32::MAX), s(0x06, 1)], &[], 0), 0);
        assert_eq!(run(&[s(0x03, 99), s(0x06, 1)], &[], 0), 0);
    }

    #[test]
    fn jumps() {
        // A = 5; conditional jumps with K and X.
        let cond = |code: u16, kx: u32| {
            let p = [
                s(0x00, 5),
                s(0x01, kx),
                j(code, kx, 1, 0),
                s(0x06, 0),
                s(0x06, 1),
            ];
            run(&p, &[], 0)
        };
        assert_eq!(cond(0x15, 5), 1);
        assert_eq!(cond(0x15, 4), 0);
        assert_eq!(cond(0x25, 4), 1);
        assert_eq!(cond(0x25, 5), 0);
        assert_eq!(cond(0x35, 5), 1);
        assert_eq!(cond(0x35, 6), 0);
        assert_eq!(cond(0x45, 4), 1);
        assert_eq!(cond(0x45, 2), 0);
        assert_eq!(cond(0x1d, 5), 1);
        assert_eq!(cond(0x1d, 4), 0);
        assert_eq!(cond(0x2d, 4), 1);
        assert_eq!(cond(0x2d, 5), 0);
        assert_eq!(cond(0x3d, 5), 1);
        assert_eq!(cond(0x3d, 6), 0);
        assert_eq!(cond(0x4d, 4), 1);
        assert_eq!(cond(0x4d, 2), 0);
        // ja skips.
        assert_eq!(run(&[s(0x05, 1), s(0x06, 0), s(0x06, 2)], &[], 0), 2);
    }

    #[test]
    fn backward_jumps_loop_like_libpcap_within_a_budget() {
        // Count A up to 5 with a backward ja (k = -4 lands on instruction 1).
        let p = [
            s(0x00, 0),              // 0: A = 0
            s(0x04, 1),              // 1: A += 1
            j(0x15, 5, 1, 0),        // 2: A == 5 → 4
            s(0x05, (-3i32) as u32), // 3: ja 1
            RET_A,                   // 4
        ];
        assert_eq!(run(&p, &[], 0), 5);
        // An endless loop ends with a rejection.
        let forever = [s(0x00, 1), s(0x05, u32::MAX), RET_A];
        assert_eq!(run(&forever, &[0; 1500], 1500), 0);
        // A jump before the start rejects.
        assert_eq!(run(&[s(0x05, (-5i32) as u32), RET_A], &[], 0), 0);
    }

    #[test]
    fn malformed_programs_reject_without_panic() {
        // Jump past the end.
        assert_eq!(run(&[s(0x05, 5), s(0x06, 1)], &[], 0), 0);
        assert_eq!(run(&[s(0x05, 0x7fff_ffff), s(0x06, 1)], &[], 0), 0);
        assert_eq!(run(&[j(0x15, 0, 200, 200), s(0x06, 1)], &[], 0), 0);
        // Falling off the end without a ret.
        assert_eq!(run(&[s(0x00, 1)], &[], 0), 0);
        // Unknown opcodes (RET X, an unassigned class-6 code, MISC COP…).
        for code in [0x0e, 0x26, 0x27, 0xff, 0x18, 0xe4, 0xc4] {
            assert_eq!(run(&[s(code, 0), s(0x06, 1)], &[], 0), 0, "code {code:#x}");
        }
        // Empty program: accept.
        assert_eq!(run(&[], &[], 0), u32::MAX);
    }

    #[test]
    fn ancillary_loads() {
        let anc = Ancillary {
            pkttype: 4,
            ifindex: 3,
            vlan_tci: Some(0x2064),
            vlan_tpid: 0x88a8,
            protocol: 0x0800,
            ..Ancillary::default()
        };
        let ld = |code: u16, field: u32| [s(code, SKF_AD_OFF + field), RET_A];
        assert_eq!(
            run_with_ancillary(&ld(0x30, SKF_AD_PKTTYPE), &[], 0, &anc),
            4
        );
        assert_eq!(
            run_with_ancillary(&ld(0x20, SKF_AD_IFINDEX), &[], 0, &anc),
            3
        );
        assert_eq!(
            run_with_ancillary(&ld(0x28, SKF_AD_PROTOCOL), &[], 0, &anc),
            0x0800
        );
        assert_eq!(
            run_with_ancillary(&ld(0x28, SKF_AD_VLAN_TAG), &[], 0, &anc),
            0x2064
        );
        assert_eq!(
            run_with_ancillary(&ld(0x30, SKF_AD_VLAN_TAG_PRESENT), &[], 0, &anc),
            1
        );
        assert_eq!(
            run_with_ancillary(&ld(0x28, SKF_AD_VLAN_TPID), &[], 0, &anc),
            0x88a8
        );
        let untagged = Ancillary::default();
        assert_eq!(
            run_with_ancillary(&ld(0x30, SKF_AD_VLAN_TAG_PRESENT), &[], 0, &untagged),
            0
        );
        // Without ancillary data, like libpcap's bpf_filter: reject.
        assert_eq!(run(&ld(0x30, SKF_AD_PKTTYPE), &[0; 64], 64), 0);
        // Unknown ancillary field: reject.
        assert_eq!(run_with_ancillary(&ld(0x20, 0xf00), &[0; 64], 64, &anc), 0);
        // xor_x: A ^= X.
        let p = [
            s(0x00, 0xf0),
            s(0x01, 0xff),
            s(0x20, SKF_AD_OFF + SKF_AD_ALU_XOR_X),
            RET_A,
        ];
        assert_eq!(run_with_ancillary(&p, &[], 0, &anc), 0x0f);
    }

    #[test]
    fn random_programs_never_panic() {
        // A small xorshift generator: deterministic, no dependency.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let data: Vec<u8> = (0..64).map(|i| i as u8).collect();
        for _ in 0..20_000 {
            let len = (next() % 12 + 1) as usize;
            let prog: Vec<Insn> = (0..len)
                .map(|_| {
                    let r = next();
                    Insn {
                        code: (r & 0xff) as u16,
                        jt: (r >> 8) as u8 & 7,
                        jf: (r >> 16) as u8 & 7,
                        k: if r & (1 << 40) != 0 {
                            (r >> 24) as u32 & 0x3f
                        } else {
                            (r >> 24) as u32
                        },
                    }
                })
                .collect();
            let _ = run(&prog, &data, 64);
            let _ = run_with_ancillary(
                &prog,
                &data[..(next() % 64) as usize],
                64,
                &Ancillary::default(),
            );
        }
    }
}
