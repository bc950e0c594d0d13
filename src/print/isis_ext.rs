//! IS-IS extended TLV bodies as tcpdump 4.99.3 prints them (print-isoclns.c):
//! extended IS reachability (TLVs 22, 24, 222, with their traffic-engineering,
//! GMPLS, SPB and segment-routing sub-TLVs), the multi-topology ID, extended IP
//! reachability (TLVs 135, 235, 236, 237, with admin tags and prefix SIDs), the
//! router capability sub-TLVs (TLV 242) and the SPB sub-TLVs of TLVs 143/144.
//!
//! The TLV loop lives with the rest of OSI (`osi`); it calls these functions.
//! Every function takes `d` starting at the bytes to decode and running to the
//! end of the captured data (tcpdump's snapend, not the TLV's end: several of
//! tcpdump's decoders read past their TLV when its length lies). A read past the
//! capture is `Err(Trunc)` (tcpdump's longjmp to ` [|isis]`); tcpdump's own
//! "return 0" cases are `Ok(0)`.

use super::ospf::{LINK_PROTECTION, bits, gmpls_encoding, gmpls_switch_cap, mbps};
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};
use crate::print::hex::hex_only;

const SYSTEM_ID_LEN: usize = 6;
const NODE_ID_LEN: usize = 7;
const LSP_ID_LEN: usize = 8;

/// TLV 24 (IS alias ID) carries no metric.
const TLV_IS_ALIAS_ID: u8 = 24;

fn is_reach_subtlv_name(t: u8) -> &'static str {
    match t {
        3 => "Administrative groups",
        4 => "Link Local/Remote Identifier",
        5 => "Link Remote Identifier",
        6 => "IPv4 interface address",
        8 => "IPv4 neighbor address",
        9 => "Maximum link bandwidth",
        10 => "Reservable link bandwidth",
        11 => "Unreserved bandwidth",
        12 => "Bandwidth Constraints (old)",
        18 => "Traffic Engineering Metric",
        19 => "Link Attribute",
        20 => "Link Protection Type",
        21 => "Interface Switching Capability",
        22 => "Bandwidth Constraints",
        29 => "SPB Metric",
        32 => "LAN Adjacency Segment Identifier",
        250..=254 => "Reserved for cisco specific extensions",
        255 => "Reserved for future expansion",
        _ => "unknown",
    }
}

fn ip_reach_subtlv_name(t: u8) -> &'static str {
    match t {
        1 => "32-Bit Administrative tag",
        2 => "64-Bit Administrative tag",
        3 => "Prefix SID",
        117 => "Management Prefix Color",
        _ => "unknown",
    }
}

/// Diffserv-TE bandwidth constraint models (RFC 4124 and drafts).
fn bc_model_name(m: u8) -> &'static str {
    match m {
        0 => "Russian dolls",
        1 => "Maximum allocation",
        254 => "Maximum allocation with E-LSP support",
        _ => "unknown",
    }
}

fn mt_name(id: u16) -> &'static str {
    match id {
        0 => "IPv4 unicast",
        1 => "In-Band Management",
        2 => "IPv6 unicast",
        3 => "Multicast",
        4095 => "Development, Experimental or Proprietary",
        _ => "Reserved for IETF Consensus",
    }
}

const MT_FLAGS: &[(u32, &str)] = &[(0x4000, "ATT bit set"), (0x8000, "Overload bit set")];

const LINK_ATTRIBUTES: &[(u32, &str)] = &[
    (0x01, "Local Protection Available"),
    (0x02, "Link excluded from local protection path"),
    (0x04, "Local maintenance required"),
];

const LAN_ADJ_SID_FLAGS: &[(u32, &str)] = &[
    (0x80, "Address family IPv6"),
    (0x40, "Backup"),
    (0x20, "Value"),
    (0x10, "Local significance"),
    (0x08, "Set of adjacencies"),
    (0x04, "Persistent"),
];

/// Prefix-SID flag V: the SID is a 3-byte label, not a 4-byte index.
const PREFIX_SID_FLAG_V: u8 = 0x08;

const PREFIX_SID_FLAGS: &[(u32, &str)] = &[
    (0x80, "Readvertisement"),
    (0x40, "Node"),
    (0x20, "No-PHP"),
    (0x10, "Explicit NULL"),
    (0x08, "Value"),
    (0x04, "Local"),
];

const SR_CAP_FLAGS: &[(u32, &str)] = &[(0x80, "ipv4"), (0x40, "ipv6")];

/// GMPLS packet-switch capable levels 1-4 and TDM (RFC 3471).
const GMPLS_PSC1: u8 = 1;
const GMPLS_PSC4: u8 = 4;
const GMPLS_TSC: u8 = 100;

#[inline]
fn be24(d: &[u8], off: usize) -> R<u32> {
    let b = bytes(d, off, 3)?;
    Ok(u32::from_be_bytes([0, b[0], b[1], b[2]]))
}

/// tcpdump's print_unknown_data: hex of up to `len` bytes at `off`, as many as
/// were captured; false (after a complaint) when `off` lies past the capture.
fn unknown_data(c: &mut Ctx, d: &[u8], off: usize, indent: &str, len: usize) -> bool {
    let Some(avail) = d.get(off..) else {
        c.s(indent);
        c.s("Dissector error: print_unknown_data called with pointer past end of packet");
        return false;
    };
    hex_only(&mut c.o, indent, &avail[..len.min(avail.len())], 0);
    true
}

/// tcpdump's isis_print_id: a system ID (6 bytes, `xxxx.xxxx.xxxx`), node ID
/// (7, `.yy` added) or LSP ID (8, `-zz` added). Built whole before anything is
/// printed, as tcpdump's static buffer is.
pub(crate) fn isis_id(d: &[u8], off: usize, id_len: usize) -> R<String> {
    let mut s = String::with_capacity(20);
    let hex2 = |s: &mut String, b: u8| {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    };
    let sysid_len = id_len.min(SYSTEM_ID_LEN);
    for i in 1..=sysid_len {
        hex2(&mut s, u8_at(d, off + i - 1)?);
        if i == 2 || i == 4 {
            s.push('.');
        }
    }
    if id_len >= NODE_ID_LEN {
        s.push('.');
        hex2(&mut s, u8_at(d, off + sysid_len)?);
    }
    if id_len == LSP_ID_LEN {
        s.push('-');
        hex2(&mut s, u8_at(d, off + sysid_len + 1)?);
    }
    Ok(s)
}

/// `%08x`.
fn hex8(c: &mut Ctx, v: u32) {
    c.o.hexw(u64::from(v), 8);
}

/// tcpdump's isis_print_ext_is_reach: one neighbor entry of TLV 22, 24 (IS
/// alias, no metric) or 222 (after its MT ID), `tlv_remaining` bytes left in
/// the TLV; returns the bytes processed, 0 when the caller should stop with
/// ` [|isis]`.
pub(crate) fn ext_is_reach(
    c: &mut Ctx,
    d: &[u8],
    ident: &str,
    tlv_type: u8,
    tlv_remaining: usize,
) -> R<usize> {
    let mut rem = tlv_remaining;
    if bytes(d, 0, NODE_ID_LEN).is_err() || rem < NODE_ID_LEN {
        return Ok(0);
    }
    let id = isis_id(d, 0, NODE_ID_LEN)?;
    c.s(ident);
    c.s("IS Neighbor: ");
    c.s(&id);
    let mut p = NODE_ID_LEN;
    rem -= NODE_ID_LEN;
    if tlv_type != TLV_IS_ALIAS_ID {
        if bytes(d, p, 3).is_err() || rem < 3 {
            return Ok(0);
        }
        c.s(", Metric: ");
        c.dec(be24(d, p)?);
        p += 3;
        rem -= 3;
    }
    if bytes(d, p, 1).is_err() || rem < 1 {
        return Ok(0);
    }
    let mut sum_len = usize::from(u8_at(d, p)?);
    p += 1;
    rem -= 1;
    // What tcpdump counts as processed; it runs ahead of `p` only where tcpdump
    // gives up on the sub-TLVs, and lags nowhere.
    let mut proc_bytes = p;
    c.s(", ");
    if sum_len == 0 {
        c.s("no ");
    }
    c.s("sub-TLVs present");
    if sum_len == 0 {
        return Ok(proc_bytes);
    }
    c.s(" (");
    c.dec(sum_len as u64);
    c.s(")");
    let sub_ident = format!("{ident}  ");
    let ident = sub_ident.as_str();
    while sum_len != 0 {
        if bytes(d, p, 2).is_err() {
            return Ok(0);
        }
        if rem < 2 {
            c.s(ident);
            c.s("Remaining data in TLV shorter than a subTLV header");
            proc_bytes += rem;
            break;
        }
        if sum_len < 2 {
            c.s(ident);
            c.s("Remaining data in subTLVs shorter than a subTLV header");
            proc_bytes += sum_len;
            break;
        }
        let st = u8_at(d, p)?;
        let mut sl = usize::from(u8_at(d, p + 1)?);
        p += 2;
        rem -= 2;
        sum_len -= 2;
        proc_bytes += 2;
        c.s(ident);
        c.s(is_reach_subtlv_name(st));
        c.s(" subTLV #");
        c.dec(st);
        c.s(", length: ");
        c.dec(sl as u64);
        if sum_len < sl {
            c.s(" (remaining data in subTLVs shorter than the current subTLV)");
            proc_bytes += sum_len;
            break;
        }
        if rem < sl {
            c.s(" (> remaining tlv length)");
            proc_bytes += rem;
            break;
        }
        if bytes(d, p, sl).is_err() {
            return Ok(0);
        }
        // Bytes a decoder below steps over itself: tcpdump takes them off the
        // sub-TLV and the sub-TLV sum but not off the TLV's remainder.
        let mut step = |n: usize, p: &mut usize, sl: &mut usize, sum: &mut usize| {
            *p += n;
            *sl -= n;
            *sum -= n;
            proc_bytes += n;
        };
        match st {
            3..=5 => {
                if sl >= 4 {
                    c.s(", 0x");
                    hex8(c, be32(d, p)?);
                    if sl == 8 {
                        c.s(", 0x");
                        hex8(c, be32(d, p + 4)?);
                    }
                }
            }
            6 | 8 => {
                if sl >= 4 {
                    c.s(", ");
                    let a = bytes(d, p, 4)?;
                    c.ipaddr(a);
                }
            }
            9 | 10 => {
                if sl >= 4 {
                    c.s(", ");
                    mbps(c, be32(d, p)?);
                }
            }
            11 => {
                if sl >= 32 {
                    for class in 0..8u32 {
                        let bw = be32(d, p)?;
                        c.s(ident);
                        c.s("  TE-Class ");
                        c.dec(class);
                        c.s(": ");
                        mbps(c, bw);
                        step(4, &mut p, &mut sl, &mut sum_len);
                    }
                }
            }
            12 | 22 => {
                if sl != 0 {
                    let model = u8_at(d, p)?;
                    c.s(ident);
                    c.s("Bandwidth Constraints Model ID: ");
                    c.s(bc_model_name(model));
                    c.s(" (");
                    c.dec(model);
                    c.s(")");
                    step(1, &mut p, &mut sl, &mut sum_len);
                    let mut class = 0u32;
                    while sl >= 4 {
                        let bw = be32(d, p)?;
                        c.s(ident);
                        c.s("  Bandwidth constraint CT");
                        c.dec(class);
                        c.s(": ");
                        mbps(c, bw);
                        step(4, &mut p, &mut sl, &mut sum_len);
                        class += 1;
                    }
                }
            }
            18 => {
                if sl >= 3 {
                    c.s(", ");
                    c.dec(be24(d, p)?);
                }
            }
            19 => {
                if sl == 2 {
                    let v = be16(d, p)?;
                    c.s(", [ ");
                    bits(c, LINK_ATTRIBUTES, u32::from(v), "Unknown");
                    c.s(" ] (0x");
                    c.o.hexw(u64::from(v), 4);
                    c.s(")");
                }
            }
            20 => {
                if sl >= 2 {
                    let v = u8_at(d, p)?;
                    c.s(", ");
                    bits(c, LINK_PROTECTION, u32::from(v), "none");
                    c.s(", Priority ");
                    c.dec(u8_at(d, p + 1)?);
                }
            }
            29 => {
                if sl >= 6 {
                    c.s(", LM: ");
                    c.dec(be24(d, p)?);
                    step(3, &mut p, &mut sl, &mut sum_len);
                    c.s(", P: ");
                    c.dec(u8_at(d, p)?);
                    step(1, &mut p, &mut sl, &mut sum_len);
                    c.s(", P-ID: ");
                    c.dec(be16(d, p)?);
                }
            }
            21 => {
                if sl >= 36 {
                    let cap = u8_at(d, p)?;
                    c.s(ident);
                    c.s("  Interface Switching Capability:");
                    c.s(gmpls_switch_cap(cap));
                    c.s(", LSP Encoding: ");
                    c.s(gmpls_encoding(u8_at(d, p + 1)?));
                    step(4, &mut p, &mut sl, &mut sum_len);
                    c.s(ident);
                    c.s("  Max LSP Bandwidth:");
                    for level in 0..8u32 {
                        let bw = be32(d, p)?;
                        c.s(ident);
                        c.s("    priority level ");
                        c.dec(level);
                        c.s(": ");
                        mbps(c, bw);
                        step(4, &mut p, &mut sl, &mut sum_len);
                    }
                    match cap {
                        GMPLS_PSC1..=GMPLS_PSC4 => {
                            if sl >= 6 {
                                let bw = be32(d, p)?;
                                c.s(ident);
                                c.s("  Min LSP Bandwidth: ");
                                mbps(c, bw);
                                c.s(ident);
                                c.s("  Interface MTU: ");
                                c.dec(be16(d, p + 4)?);
                            }
                        }
                        GMPLS_TSC => {
                            if sl >= 8 {
                                let bw = be32(d, p)?;
                                c.s(ident);
                                c.s("  Min LSP Bandwidth: ");
                                mbps(c, bw);
                                c.s(ident);
                                c.s("  Indication ");
                                match u8_at(d, p + 4)? {
                                    0 => c.s("Standard SONET/SDH"),
                                    1 => c.s("Arbitrary SONET/SDH"),
                                    v => {
                                        c.s("Unknown (");
                                        c.dec(v);
                                        c.s(")");
                                    }
                                }
                            }
                        }
                        _ => {
                            if sl != 0 && !unknown_data(c, d, p, "\n\t\t    ", sl) {
                                return Ok(0);
                            }
                        }
                    }
                }
            }
            32 => {
                if sl >= 8 {
                    let flags = u8_at(d, p)?;
                    c.s(ident);
                    c.s("  Flags: [");
                    bits(c, LAN_ADJ_SID_FLAGS, u32::from(flags), "none");
                    c.s("]");
                    let v = flags & 0x20 != 0;
                    let l = flags & 0x10 != 0;
                    step(1, &mut p, &mut sl, &mut sum_len);
                    c.s(ident);
                    c.s("  Weight: ");
                    c.dec(u8_at(d, p)?);
                    step(1, &mut p, &mut sl, &mut sum_len);
                    if sl >= SYSTEM_ID_LEN {
                        if bytes(d, p, SYSTEM_ID_LEN).is_err() {
                            return Ok(0);
                        }
                        let id = isis_id(d, p, SYSTEM_ID_LEN)?;
                        c.s(ident);
                        c.s("  Neighbor System-ID: ");
                        c.s(&id);
                    }
                    // RFC 8667 2.2.2: V and L set, a 3-byte label; neither, a
                    // 4-byte index.
                    if v && l {
                        let label = be24(d, p + SYSTEM_ID_LEN)?;
                        c.s(ident);
                        c.s("  Label: ");
                        c.dec(label);
                    } else if !v && !l {
                        let index = be32(d, p + SYSTEM_ID_LEN)?;
                        c.s(ident);
                        c.s("  Index: ");
                        c.dec(index);
                    } else {
                        c.invalid();
                    }
                }
            }
            _ => {
                if !unknown_data(c, d, p, "\n\t\t    ", sl) {
                    return Ok(0);
                }
            }
        }
        p += sl;
        rem -= sl;
        sum_len -= sl;
        proc_bytes += sl;
    }
    Ok(proc_bytes)
}

/// tcpdump's isis_print_mtid: the 2-byte multi-topology ID of TLVs 222, 229,
/// 235 and 237; returns 2, or 0 when fewer than 2 bytes remain in the TLV.
pub(crate) fn mtid(c: &mut Ctx, d: &[u8], ident: &str, tlv_remaining: usize) -> R<usize> {
    if tlv_remaining < 2 {
        return Ok(0);
    }
    let v = be16(d, 0)?;
    let id = v & 0x0fff;
    c.s(ident);
    c.s(mt_name(id));
    c.s(" Topology (0x");
    c.o.hexw(u64::from(id), 3);
    c.s("), Flags: [");
    bits(c, MT_FLAGS, u32::from(v & 0xf000), "none");
    c.s("]");
    Ok(2)
}

/// tcpdump's isis_print_ip_reach_subtlv: one sub-TLV of an extended IP
/// reachability entry; false (after ` [|isis]`) when it was not all captured
/// or a prefix SID is too short.
fn ip_reach_subtlv(c: &mut Ctx, d: &[u8], off: usize, st: u8, sl: u8, ident: &str) -> R<bool> {
    let mut p = off;
    let mut sl = usize::from(sl);
    c.s(ident);
    c.s(ip_reach_subtlv_name(st));
    c.s(" subTLV #");
    c.dec(st);
    c.s(", length: ");
    c.dec(sl as u64);
    if bytes(d, p, sl).is_err() {
        c.trunc_mark();
        return Ok(false);
    }
    match st {
        1 | 117 => {
            while sl >= 4 {
                let v = be32(d, p)?;
                c.s(", 0x");
                hex8(c, v);
                c.s(" (=");
                c.dec(v);
                c.s(")");
                p += 4;
                sl -= 4;
            }
        }
        2 => {
            while sl >= 8 {
                let hi = be32(d, p)?;
                let lo = be32(d, p + 4)?;
                c.s(", 0x");
                hex8(c, hi);
                hex8(c, lo);
                p += 8;
                sl -= 8;
            }
        }
        3 => {
            let flags = u8_at(d, p)?;
            let algo = u8_at(d, p + 1)?;
            let label = flags & PREFIX_SID_FLAG_V != 0;
            let sid = if label {
                if sl < 5 {
                    c.trunc_mark();
                    return Ok(false);
                }
                be24(d, p + 2)?
            } else {
                if sl < 6 {
                    c.trunc_mark();
                    return Ok(false);
                }
                be32(d, p + 2)?
            };
            c.s(", Flags [");
            bits(c, PREFIX_SID_FLAGS, u32::from(flags), "None");
            c.s("], Algo ");
            c.s(match algo {
                0 => "SPF",
                1 => "strict-SPF",
                _ => "Unknown",
            });
            c.s(" (");
            c.dec(algo);
            c.s("), ");
            c.s(if label { "label " } else { "index " });
            c.dec(sid);
        }
        _ => {
            if !unknown_data(c, d, p, "\n\t\t    ", sl) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Appends `a` (IPv4) right-aligned in 15 columns, tcpdump's `%15s`.
fn ipaddr_w15(c: &mut Ctx, a: &[u8]) {
    let start = c.o.len();
    c.ipaddr(a);
    let n = c.o.len() - start;
    if n < 15 {
        c.o.splice(start..start, std::iter::repeat_n(b' ', 15 - n));
    }
}

/// tcpdump's isis_print_extd_ip_reach: one prefix entry of TLV 135/235
/// (`ipv6` false) or 236/237 (`ipv6` true); returns the bytes processed
/// (may exceed what is left of the TLV: the caller checks), 0 to stop.
pub(crate) fn extd_ip_reach(c: &mut Ctx, d: &[u8], ident: &str, ipv6: bool) -> R<usize> {
    let metric = be32(d, 0)?;
    let mut p = 4;
    let status = u8_at(d, p)?;
    let bit_length = if ipv6 {
        let bl = u8_at(d, p + 1)?;
        if bl > 128 {
            c.s(ident);
            c.s("IPv6 prefix: bad bit length ");
            c.dec(bl);
            return Ok(0);
        }
        p += 2;
        bl
    } else {
        let bl = status & 0x3f;
        if bl > 32 {
            c.s(ident);
            c.s("IPv4 prefix: bad bit length ");
            c.dec(bl);
            return Ok(0);
        }
        p += 1;
        bl
    };
    let byte_length = usize::from(bit_length).div_ceil(8);
    let mut prefix = [0u8; 16];
    prefix[..byte_length].copy_from_slice(bytes(d, p, byte_length)?);
    p += byte_length;
    let mut processed = p;
    c.s(ident);
    if ipv6 {
        c.s("IPv6 prefix: ");
        c.ip6addr(&prefix);
    } else {
        c.s("IPv4 prefix: ");
        ipaddr_w15(c, &prefix[..4]);
    }
    c.s("/");
    c.dec(bit_length);
    c.s(", Distribution: ");
    c.s(if status & 0x80 != 0 { "down" } else { "up" });
    c.s(", Metric: ");
    c.dec(metric);
    let subtlvs = if ipv6 {
        c.s(", ");
        c.s(if status & 0x40 != 0 {
            "External"
        } else {
            "Internal"
        });
        status & 0x20 != 0
    } else {
        status & 0x40 != 0
    };
    if subtlvs {
        c.s(", sub-TLVs present");
        let sublen = u8_at(d, p)?;
        p += 1;
        processed += usize::from(sublen) + 1;
        c.s(" (");
        c.dec(sublen);
        c.s(")");
        let sub_ident = format!("{ident}  ");
        // tcpdump's count is unsigned: a sub-TLV longer than what is left of
        // the sum wraps it, and decoding goes on until the capture ends.
        let mut sublen = u32::from(sublen);
        while sublen > 0 {
            let st = u8_at(d, p)?;
            let sl = u8_at(d, p + 1)?;
            p += 2;
            if !ip_reach_subtlv(c, d, p, st, sl, &sub_ident)? {
                return Ok(0);
            }
            p += usize::from(sl);
            sublen = sublen.wrapping_sub(u32::from(sl) + 2);
        }
    }
    Ok(processed)
}

/// tcpdump's isis_print_router_cap_subtlv: the sub-TLVs of TLV 242 after its
/// router ID and flags, `tlen` bytes of them.
pub(crate) fn router_cap_subtlv(c: &mut Ctx, d: &[u8], tlen: u8) -> R {
    let mut tlen = tlen;
    let mut p = 0usize;
    while tlen >= 2 {
        let st = u8_at(d, p)?;
        let sl = u8_at(d, p + 1)?;
        tlen -= 2;
        p += 2;
        c.s("\n\t\t");
        c.s(if st == 2 {
            "SR-Capabilities"
        } else {
            "unknown"
        });
        c.s(" subTLV #");
        c.dec(st);
        c.s(", length: ");
        c.dec(sl);
        if sl > tlen || bytes(d, p, usize::from(sl)).is_err() {
            return Ok(());
        }
        if st == 2 {
            let flags = u8_at(d, p)?;
            let range = be24(d, p + 1)?;
            c.s(", Flags [");
            bits(c, SR_CAP_FLAGS, u32::from(flags), "None");
            c.s("], Range ");
            c.dec(range);
            let mut q = p + 4;
            // tcpdump's 8-bit count wraps when the sub-TLV is shorter than 4.
            let mut sid_tlen = sl.wrapping_sub(4);
            while sid_tlen >= 5 {
                let sid_type = u8_at(d, q)?;
                let sid_len = u8_at(d, q + 1)?;
                sid_tlen -= 2;
                q += 2;
                if sid_len > sid_tlen {
                    break;
                }
                if sid_type == 1 {
                    match sid_len {
                        3 => {
                            c.s(", SID value ");
                            c.dec(be24(d, q)?);
                        }
                        4 => {
                            c.s(", SID value ");
                            c.dec(be32(d, q)?);
                        }
                        _ => {
                            c.s(", Unknown SID length");
                            c.dec(sid_len);
                        }
                    }
                } else {
                    unknown_data(c, d, q, "\n\t\t  ", usize::from(sid_len));
                }
                q += usize::from(sid_len);
                sid_tlen -= sid_len;
            }
        } else {
            unknown_data(c, d, p, "\n\t\t", usize::from(sl));
        }
        tlen -= sl;
        p += usize::from(sl);
    }
    Ok(())
}

/// tcpdump's isis_print_mcid: an SPB MST configuration identifier (51 bytes).
fn mcid(c: &mut Ctx, d: &[u8], off: usize) -> R {
    if bytes(d, off, 51).is_err() {
        c.trunc_mark();
        return Ok(());
    }
    c.s("ID: ");
    c.dec(u8_at(d, off)?);
    c.s(", Name: ");
    for i in 0..32 {
        let b = u8_at(d, off + 1 + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    c.s("\n\t              Lvl: ");
    c.dec(be16(d, off + 33)?);
    c.s(", Digest: ");
    for i in 0..16 {
        c.o.hexw(u64::from(u8_at(d, off + 35 + i)?), 2);
        c.s(" ");
    }
    Ok(())
}

/// How an SPB sub-TLV list ended early: the message tcpdump prints.
enum SpbStop {
    TooLong,
    TooShort,
    Trunc,
}

fn spb_stop(c: &mut Ctx, why: SpbStop) -> R<bool> {
    match why {
        SpbStop::TooLong => c.s(" (> containing TLV length)"),
        SpbStop::TooShort => c.s(" (too short)"),
        SpbStop::Trunc => c.trunc_mark(),
    }
    Ok(true)
}

/// tcpdump's isis_print_mt_port_cap_subtlv: the SPB sub-TLVs of TLV 143 after
/// its MT ID, `len` bytes; Ok(true) where tcpdump returns 1 (an error it has
/// already printed), Ok(false) for 0.
pub(crate) fn mt_port_cap_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    let mut len = len;
    let mut p = 0usize;
    while len > 2 {
        let st = u8_at(d, p)?;
        let mut sl = usize::from(u8_at(d, p + 1)?);
        c.s("\n\t       ");
        c.s(match st {
            4 => "SPB MCID",
            5 => "SPB Digest",
            6 => "SPB BVID",
            _ => "unknown",
        });
        c.s(" subTLV #");
        c.dec(st);
        c.s(", length: ");
        c.dec(sl as u64);
        p += 2;
        len -= 2;
        if len < sl {
            return spb_stop(c, SpbStop::TooLong);
        }
        if bytes(d, p, sl).is_err() {
            return spb_stop(c, SpbStop::Trunc);
        }
        match st {
            4 => {
                if sl < 102 {
                    return spb_stop(c, SpbStop::TooShort);
                }
                c.s("\n\t         MCID: ");
                mcid(c, d, p)?;
                c.s("\n\t         AUX-MCID: ");
                mcid(c, d, p + 51)?;
                p += 102;
                len -= 102;
                sl -= 102;
            }
            5 => {
                if sl < 33 {
                    return spb_stop(c, SpbStop::TooShort);
                }
                let b = u8_at(d, p)?;
                c.s("\n\t        RES: ");
                c.dec(b >> 5);
                c.s(" V: ");
                c.dec((b >> 4) & 1);
                c.s(" A: ");
                c.dec((b >> 2) & 3);
                c.s(" D: ");
                c.dec(b & 3);
                p += 1;
                c.s("\n\t         Digest: ");
                for i in 1..=8 {
                    hex8(c, be32(d, p)?);
                    c.s(" ");
                    if i % 4 == 0 && i != 8 {
                        c.s("\n\t                 ");
                    }
                    p += 4;
                }
                len -= 33;
                sl -= 33;
            }
            6 => {
                while sl != 0 {
                    if sl < 4 {
                        return spb_stop(c, SpbStop::TooShort);
                    }
                    c.s("\n\t           ECT: ");
                    hex8(c, be32(d, p)?);
                    p += 4;
                    len -= 4;
                    sl -= 4;
                    if sl < 2 {
                        return spb_stop(c, SpbStop::TooShort);
                    }
                    let v = be16(d, p)?;
                    c.s(" BVID: ");
                    c.dec(v >> 4);
                    c.s(", U:");
                    c.o.hex(u64::from((v >> 3) & 1));
                    c.s(" M:");
                    c.o.hex(u64::from((v >> 2) & 1));
                    c.s(" ");
                    p += 2;
                    len -= 2;
                    sl -= 2;
                }
            }
            _ => {}
        }
        p += sl;
        len -= sl;
    }
    Ok(false)
}

/// tcpdump's isis_print_mt_capability_subtlv: the SPB sub-TLVs of TLV 144
/// after its flags and MT ID, `len` bytes; return as [`mt_port_cap_subtlv`].
pub(crate) fn mt_capability_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    let mut len = len;
    let mut p = 0usize;
    while len > 2 {
        let st = u8_at(d, p)?;
        let mut sl = usize::from(u8_at(d, p + 1)?);
        p += 2;
        len -= 2;
        c.s("\n\t      ");
        c.s(match st {
            1 => "SPB Instance",
            3 => "SPBM Service Identifier and Unicast Address",
            _ => "unknown",
        });
        c.s(" subTLV #");
        c.dec(st);
        c.s(", length: ");
        c.dec(sl as u64);
        if len < sl {
            return spb_stop(c, SpbStop::TooLong);
        }
        if bytes(d, p, sl).is_err() {
            return spb_stop(c, SpbStop::Trunc);
        }
        match st {
            1 => {
                if sl < 19 {
                    return spb_stop(c, SpbStop::TooShort);
                }
                c.s("\n\t        CIST Root-ID: ");
                hex8(c, be32(d, p)?);
                c.s(" ");
                hex8(c, be32(d, p + 4)?);
                c.s(", Path Cost: ");
                hex8(c, be32(d, p + 8)?);
                c.s(", Prio: ");
                c.dec(be16(d, p + 12)?);
                p += 14;
                let v = be16(d, p)?;
                c.s("\n\t        RES: ");
                c.dec(v >> 5);
                c.s(", V: ");
                c.dec((v >> 4) & 1);
                c.s(", SPSource-ID: ");
                c.dec(be32(d, p)? & 0x000f_ffff);
                p += 4;
                let trees = u8_at(d, p)?;
                c.s(", No of Trees: ");
                c.o.hex(u64::from(trees));
                p += 1;
                len -= 19;
                sl -= 19;
                for _ in 0..trees {
                    if sl < 8 {
                        return spb_stop(c, SpbStop::Trunc);
                    }
                    let b = u8_at(d, p)?;
                    c.s("\n\t         U:");
                    c.dec(b >> 7);
                    c.s(", M:");
                    c.dec((b >> 6) & 1);
                    c.s(", A:");
                    c.dec((b >> 5) & 1);
                    c.s(", RES:");
                    c.dec(b & 0x1f);
                    c.s(", ECT: ");
                    hex8(c, be32(d, p + 1)?);
                    let v = be24(d, p + 5)?;
                    c.s(", BVID: ");
                    c.dec((v >> 12) & 0xfff);
                    c.s(", SPVID: ");
                    c.dec(v & 0xfff);
                    p += 8;
                    len -= 8;
                    sl -= 8;
                }
            }
            3 => {
                if sl < 8 {
                    return spb_stop(c, SpbStop::Trunc);
                }
                c.s("\n\t        BMAC: ");
                hex8(c, be32(d, p)?);
                c.o.hexw(u64::from(be16(d, p + 4)?), 4);
                let v = be16(d, p + 6)?;
                c.s(", RES: ");
                c.dec(v >> 12);
                c.s(", VID: ");
                c.dec(v & 0x0fff);
                p += 8;
                len -= 8;
                sl -= 8;
                while sl >= 4 {
                    let v = be32(d, p)?;
                    c.s("\n\t        T: ");
                    c.dec(v >> 31);
                    c.s(", R: ");
                    c.dec((v >> 30) & 1);
                    c.s(", RES: ");
                    c.dec((v >> 24) & 0x3f);
                    c.s(", ISID: ");
                    c.dec(v & 0x00ff_ffff);
                    p += 4;
                    len -= 4;
                    sl -= 4;
                }
            }
            _ => {}
        }
        p += sl;
        len -= sl;
    }
    Ok(false)
}
