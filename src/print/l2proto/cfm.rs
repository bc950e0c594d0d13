//! Connectivity Fault Management (IEEE 802.1ag / ITU-T Y.1731, ethertypes
//! 0x8902 and 0xabcd): the common header, CCM, LTM and LTR bodies, and TLVs.

use super::super::af::af_name;
use super::super::out::Put;
use super::super::{Ctx, R, be16, be32, bytes, hex, names, u8_at};
use super::{bits, tok};

const OPCODES: &[(u32, &str)] = &[
    (1, "Continuity Check Message"),
    (2, "Loopback Reply"),
    (3, "Loopback Message"),
    (4, "Linktrace Reply"),
    (5, "Linktrace Message"),
];
const MD_FORMATS: &[(u32, &str)] = &[
    (0, "IEEE 802.1"),
    (1, "No MD Name present"),
    (2, "DNS string"),
    (3, "MAC + 16Bit Integer"),
    (4, "Character string"),
];
const MA_FORMATS: &[(u32, &str)] = &[
    (0, "IEEE 802.1"),
    (1, "Primary VID"),
    (2, "Character string"),
    (3, "16Bit Integer"),
    (4, "RFC2685 VPN-ID"),
];
const LTM_FLAGS: &[(u32, &str)] = &[(0x80, "Use Forwarding-DB only")];
const LTR_FLAGS: &[(u32, &str)] = &[
    (0x80, "UseFDB Only"),
    (0x40, "FwdYes"),
    (0x20, "Terminal MEP"),
];
const REPLY_ACTIONS: &[(u32, &str)] = &[(1, "Exact Match"), (2, "Filtering DB"), (3, "MIP CCM DB")];
const TLVS: &[(u32, &str)] = &[
    (0, "End"),
    (1, "Sender ID"),
    (2, "Port status"),
    (3, "Interface status"),
    (4, "Data"),
    (5, "Reply Ingress"),
    (6, "Reply Egress"),
    (31, "Organization Specific"),
];
const PORT_STATUS: &[(u32, &str)] = &[(1, "Blocked"), (2, "Up")];
const IF_STATUS: &[(u32, &str)] = &[
    (1, "Up"),
    (2, "Down"),
    (3, "Testing"),
    (5, "Dormant"),
    (6, "not present"),
    (7, "lower Layer down"),
];
const CHASSIS_ID_TYPES: &[(u32, &str)] = &[
    (0, "Reserved"),
    (1, "Chassis component"),
    (2, "Interface alias"),
    (3, "Port component"),
    (4, "MAC address"),
    (5, "Network address"),
    (6, "Interface name"),
    (7, "Locally assigned"),
];
/// CCM interval bases in seconds, as tcpdump's single-precision table holds them.
const CCM_INTERVALS: [f32; 8] = [0.0, 0.003333, 0.01, 0.1, 1.0, 10.0, 60.0, 600.0];

fn name(c: &mut Ctx, table: &[(u32, &'static str)], v: u32, dflt: &str) {
    c.s(tok(table, v).unwrap_or(dflt));
}

/// "NAME (v)".
fn name_num(c: &mut Ctx, table: &[(u32, &'static str)], v: u32) {
    name(c, table, v, "Unknown");
    c.s(" (");
    c.dec(v);
    c.s(")");
}

/// tcpdump's print_unknown_data: a hex dump of what was captured of `n`
/// bytes at `off`.
fn unknown_data(c: &mut Ctx, d: &[u8], off: usize, indent: &str, n: usize) {
    match d.get(off..) {
        Some(rest) => hex::hex_only(&mut c.o, indent, &rest[..n.min(rest.len())], 0),
        None => {
            c.s(indent);
            c.s("Dissector error: print_unknown_data called with pointer past end of packet");
        }
    }
}

/// tcpdump's nd_printjnp: up to `n` characters, stopping at a NUL.
fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let ch = u8_at(d, off + i)?;
        if ch == 0 {
            break;
        }
        super::super::tcp::print_char(c, ch);
    }
    Ok(())
}

fn fixed3(c: &mut Ctx, v: f64) {
    let s = format!("{v:.3}");
    c.s(&s);
}

/// The CCM body at `t` (its 70 bytes are captured); false when a bad name
/// length ends the packet's decoding.
fn ccm(c: &mut Ctx, d: &[u8], t: usize, flags: u8) -> R<bool> {
    let iv = usize::from(flags & 7);
    c.s(", Flags [CCM Interval ");
    c.dec(iv as u64);
    if flags & 0x80 != 0 {
        c.s(", RDI");
    }
    c.s("]");
    if iv != 0 {
        let base = f64::from(CCM_INTERVALS[iv]);
        c.s("\n\t  CCM Interval ");
        fixed3(c, base);
        c.s("s, min CCM Lifetime ");
        fixed3(c, base * 3.25);
        c.s("s, max CCM Lifetime ");
        fixed3(c, base * 3.5);
        c.s("s");
    }
    let (seq, epi) = (be32(d, t)?, be16(d, t + 4)?);
    c.s("\n\t  Sequence Number 0x");
    c.o.hexw(u64::from(seq), 8);
    c.s(", MA-End-Point-ID 0x");
    c.o.hexw(u64::from(epi), 4);
    let mut n = t + 6;
    let mut remaining = 48usize;
    let md_format = u8_at(d, n)?;
    n += 1;
    remaining -= 1;
    if md_format != 1 {
        let md_len = usize::from(u8_at(d, n)?);
        n += 1;
        remaining -= 1;
        c.s("\n\t  MD Name Format ");
        name_num(c, MD_FORMATS, u32::from(md_format));
        c.s(", MD Name length ");
        c.dec(md_len as u64);
        if md_len > remaining - 3 {
            c.s(" (too large, must be <= ");
            c.dec((remaining - 2) as u64);
            c.s(")");
            return Ok(false);
        }
        c.s("\n\t  MD Name: ");
        match md_format {
            2 | 4 => printjnp(c, d, n, md_len)?,
            3 => {
                if md_len == 6 {
                    let a = bytes(d, n, 6)?;
                    c.s("\n\t  MAC ");
                    c.etheraddr(a);
                } else {
                    c.s("\n\t  MAC (length invalid)");
                }
            }
            _ => unknown_data(c, d, n, "\n\t    ", md_len),
        }
        n += md_len;
        remaining -= md_len;
    } else {
        c.s("\n\t  MD Name Format ");
        name_num(c, MD_FORMATS, u32::from(md_format));
    }
    let ma_format = u8_at(d, n)?;
    let ma_len = usize::from(u8_at(d, n + 1)?);
    n += 2;
    remaining -= 2;
    c.s("\n\t  MA Name-Format ");
    name_num(c, MA_FORMATS, u32::from(ma_format));
    c.s(", MA name length ");
    c.dec(ma_len as u64);
    if ma_len > remaining {
        c.s(" (too large, must be <= ");
        c.dec(remaining as u64);
        c.s(")");
        return Ok(false);
    }
    c.s("\n\t  MA Name: ");
    if ma_format == 2 {
        printjnp(c, d, n, ma_len)?;
    } else {
        unknown_data(c, d, n, "\n\t    ", ma_len);
    }
    Ok(true)
}

/// A network address chassis ID; true when tcpdump adds a hex dump.
fn network_addr(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R<bool> {
    if len < 1 {
        c.s("\n\t  Network Address Type (invalid, no data");
        return Ok(false);
    }
    let t = u8_at(d, off)?;
    c.s("\n\t  Network Address Type ");
    c.s(af_name(t.into()).unwrap_or("Unknown"));
    c.s(" (");
    c.dec(t);
    c.s(")");
    match t {
        1 if len == 5 => {
            let a = bytes(d, off + 1, 4)?;
            c.s(", ");
            c.ipaddr(a);
        }
        2 if len == 17 => {
            let a = bytes(d, off + 1, 16)?;
            c.s(", ");
            c.ip6addr(a);
        }
        1 | 2 => {
            c.s(if t == 1 {
                "(invalid IPv4"
            } else {
                "(invalid IPv6"
            });
            c.s(" address length ");
            c.dec((len - 1) as u64);
            c.s(")");
            return Ok(true);
        }
        _ => return Ok(true),
    }
    Ok(false)
}

/// tcpdump's hex_print with a label: the label and offset on the first line.
fn labelled_hex(c: &mut Ctx, d: &[u8], off: usize, label: &str, n: usize) {
    let rest = d.get(off..).unwrap_or(&[]);
    hex::hex_only(&mut c.o, label, &rest[..n.min(rest.len())], 0);
}

/// What a TLV's decoding leads to.
enum Next {
    /// Go on with the next TLV, `n` bytes (of the value) further.
    Skip(usize),
    /// Go on `n` bytes further, one byte short of the value's end.
    Early(usize),
    /// Stop decoding the packet.
    Stop,
}

/// The Sender ID TLV value at `t` (`len` bytes, all captured).
fn sender_id(c: &mut Ctx, d: &[u8], t: usize, len: usize) -> R<Next> {
    if len < 1 {
        c.s(" (too short, must be >= 1)");
        return Ok(Next::Skip(len));
    }
    let mut p = t;
    let mut len = len;
    let mut dump = false;
    let cid_len = usize::from(u8_at(d, p)?);
    p += 1;
    len -= 1;
    if cid_len != 0 {
        if len < 1 {
            c.s("\n\t  (TLV too short)");
            return Ok(Next::Skip(len));
        }
        let cid_type = u8_at(d, p)?;
        len -= 1;
        c.s("\n\t  Chassis-ID Type ");
        name_num(c, CHASSIS_ID_TYPES, u32::from(cid_type));
        c.s(", Chassis-ID length ");
        c.dec(cid_len as u64);
        if len < cid_len {
            // tcpdump has counted the type byte but not stepped past it, so
            // the next TLV is read one byte early.
            c.s("\n\t  (TLV too short)");
            return Ok(Next::Early(len));
        }
        match cid_type {
            4 if cid_len == 6 => {
                let a = bytes(d, p + 1, 6)?;
                c.s("\n\t  MAC ");
                c.etheraddr(a);
            }
            4 => {
                c.s(" (invalid MAC address length)");
                dump = true;
            }
            5 => dump |= network_addr(c, d, p + 1, cid_len)?,
            1 | 2 | 3 | 6 | 7 => printjnp(c, d, p + 1, cid_len)?,
            _ => dump = true,
        }
        len -= cid_len;
        p += 1 + cid_len;
    }
    if len == 0 {
        return Ok(finish(c, d, t, len, dump));
    }
    let dom_len = usize::from(u8_at(d, p)?);
    p += 1;
    len -= 1;
    c.s("\n\t  Management Address Domain Length ");
    c.dec(dom_len as u64);
    if dom_len != 0 {
        if len < dom_len {
            c.s("\n\t  (TLV too short)");
            return Ok(Next::Skip(len));
        }
        len -= dom_len;
        labelled_hex(c, d, p, "\n\t  Management Address Domain: ", dom_len);
        p += dom_len;
        if len < 1 {
            c.s(" (Management Address Length is missing)");
            return Ok(dump_then(c, d, t, len));
        }
        let addr_len = usize::from(u8_at(d, p)?);
        p += 1;
        len -= 1;
        c.s("\n\t  Management Address Length ");
        c.dec(addr_len as u64);
        if addr_len != 0 {
            if len < addr_len {
                c.s("\n\t  (TLV too short)");
                return Ok(Next::Stop);
            }
            len -= addr_len;
            labelled_hex(c, d, p, "\n\t  Management Address: ", addr_len);
        }
    }
    Ok(finish(c, d, t, len, dump))
}

/// The end of a decoded TLV: its hex dump if wanted, then the next.
fn finish(c: &mut Ctx, d: &[u8], t: usize, len: usize, dump: bool) -> Next {
    if dump || c.opts.verbose > 1 {
        dump_then(c, d, t, len)
    } else {
        Next::Skip(len)
    }
}

/// The TLV's hex dump (of `len` bytes from its value's start), then the next.
fn dump_then(c: &mut Ctx, d: &[u8], t: usize, len: usize) -> Next {
    unknown_data(c, d, t, "\n\t  ", len);
    Next::Skip(len)
}

/// The TLVs from `t` on, `tlen` bytes.
fn tlvs(c: &mut Ctx, d: &[u8], mut t: usize, mut tlen: usize) -> R {
    while tlen > 0 {
        let ty = u8_at(d, t)?;
        c.s("\n\t");
        name(c, TLVS, u32::from(ty), "Unknown");
        c.s(" TLV (0x");
        c.o.hexw(u64::from(ty), 2);
        c.s(")");
        if ty == 0 {
            return Ok(());
        }
        if tlen < 3 {
            too_short(c);
            return Ok(());
        }
        if !captured(c, d, t, 3) {
            return Ok(());
        }
        let len = usize::from(be16(d, t + 1)?);
        c.s(", length ");
        c.dec(len as u64);
        t += 3;
        tlen -= 3;
        if tlen < len {
            too_short(c);
            return Ok(());
        }
        if !captured(c, d, t, len) {
            return Ok(());
        }
        let mut dump = false;
        let next = match ty {
            2 | 3 => {
                if len < 1 {
                    c.s(" (too short, must be >= 1)");
                    return Ok(());
                }
                let v = u8_at(d, t)?;
                c.s(", Status: ");
                name_num(
                    c,
                    if ty == 2 { PORT_STATUS } else { IF_STATUS },
                    u32::from(v),
                );
                Next::Skip(len)
            }
            31 => {
                if len < 4 {
                    c.s(" (too short, must be >= 4)");
                    return Ok(());
                }
                let b = bytes(d, t, 4)?;
                let oui = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                c.s(", Vendor: ");
                c.s(names::oui_lookup(oui).unwrap_or("Unknown"));
                c.s(" (");
                c.dec(oui);
                c.s("), Sub-Type ");
                c.dec(b[3]);
                dump = true;
                Next::Skip(len)
            }
            1 => {
                // The Sender ID decoder makes its own dump decision.
                let n = sender_id(c, d, t, len)?;
                match n {
                    Next::Stop => return Ok(()),
                    Next::Early(rest) => {
                        t += 1;
                        tlen -= 1;
                        Next::Skip(rest)
                    }
                    Next::Skip(rest) => {
                        // Step past what the decoder consumed and what is left.
                        let used = len - rest;
                        t += used;
                        tlen -= used;
                        Next::Skip(rest)
                    }
                }
            }
            _ => {
                dump = true;
                Next::Skip(len)
            }
        };
        let Next::Skip(n) = next else {
            return Ok(());
        };
        if ty != 1 && (dump || c.opts.verbose > 1) {
            unknown_data(c, d, t, "\n\t  ", n);
        }
        t += n;
        tlen -= n;
    }
    Ok(())
}

/// tcpdump's ND_TCHECK here (no longjmp): false, with the truncation mark,
/// when fewer than `n` bytes at `off` were captured.
fn captured(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> bool {
    let ok = bytes(d, off, n).is_ok();
    if !ok {
        c.trunc_mark();
    }
    ok
}

fn too_short(c: &mut Ctx) {
    c.s("\n\t\t packet is too short");
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "cfm";
    if length < 4 {
        too_short(c);
        return Ok(());
    }
    if !captured(c, d, 0, 4) {
        return Ok(());
    }
    let mv = u8_at(d, 0)?;
    let version = mv & 0x1f;
    if version != 0 {
        c.s("CFMv");
        c.dec(version);
        c.s(" not supported, length ");
        c.dec(length as u64);
        return Ok(());
    }
    let op = u8_at(d, 1)?;
    c.s("CFMv0 ");
    match tok(OPCODES, u32::from(op)) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown (");
            c.dec(op);
            c.s(")");
        }
    }
    c.s(", MD Level ");
    c.dec(mv >> 5);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let flags = u8_at(d, 2)?;
    let first = usize::from(u8_at(d, 3)?);
    c.s("\n\tFirst TLV offset ");
    c.dec(first as u64);
    let t = 4usize;
    let tlen = length - 4;
    if first > tlen {
        c.s(" (too large, must be <= ");
        c.dec(tlen as u64);
        c.s(")");
        return Ok(());
    }
    let body = |c: &mut Ctx, which: u8, min: usize| -> R<bool> {
        if first < min {
            c.s(" (too small ");
            c.dec(which);
            c.s(", must be >= ");
            c.dec(min as u64);
            c.s(")");
            return Ok(false);
        }
        if tlen < min {
            too_short(c);
            return Ok(false);
        }
        Ok(captured(c, d, t, min))
    };
    match op {
        1 => {
            if !body(c, 1, 70)? || !ccm(c, d, t, flags)? {
                return Ok(());
            }
        }
        5 => {
            if !body(c, 4, 17)? {
                return Ok(());
            }
            c.s(", Flags [");
            bits(c, LTM_FLAGS, u32::from(flags), "none");
            c.s("]");
            let (id, ttl) = (be32(d, t)?, u8_at(d, t + 4)?);
            c.s("\n\t  Transaction-ID 0x");
            c.o.hexw(u64::from(id), 8);
            c.s(", ttl ");
            c.dec(ttl);
            let (o, g) = (bytes(d, t + 5, 6)?, bytes(d, t + 11, 6)?);
            c.s("\n\t  Original-MAC ");
            c.etheraddr(o);
            c.s(", Target-MAC ");
            c.etheraddr(g);
        }
        4 => {
            if !body(c, 5, 6)? {
                return Ok(());
            }
            c.s(", Flags [");
            bits(c, LTR_FLAGS, u32::from(flags), "none");
            c.s("]");
            let (id, ttl) = (be32(d, t)?, u8_at(d, t + 4)?);
            c.s("\n\t  Transaction-ID 0x");
            c.o.hexw(u64::from(id), 8);
            c.s(", ttl ");
            c.dec(ttl);
            let ra = u8_at(d, t + 5)?;
            c.s("\n\t  Replay-Action ");
            name_num(c, REPLY_ACTIONS, u32::from(ra));
        }
        _ => unknown_data(c, d, t, "\n\t  ", tlen - first),
    }
    tlvs(c, d, t + first, tlen - first)
}
