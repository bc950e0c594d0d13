//! OSPFv2 (IP protocol 89 over IPv4): tcpdump's one-line summary, and with `-v`
//! the header, Hello, Database Description, LS-Request, LS-Update (router,
//! network, summary, external, NSSA, group and the Traffic-Engineering,
//! Router-Information and Graceful-Restart opaque LSAs) and LS-Ack, plus the LLS
//! trailer.

use super::hex::hex_only;
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

/// Names for bits, printed in this table's order and joined with ", " (tcpdump's
/// bittok2str); `none` when no listed bit is set.
pub(crate) fn bits(c: &mut Ctx, table: &[(u32, &str)], v: u32, none: &str) {
    let mut first = true;
    for (bit, name) in table {
        if v & bit != 0 {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s(none);
    }
}

const OPTIONS: &[(u32, &str)] = &[
    (0x01, "MultiTopology"),
    (0x02, "External"),
    (0x04, "Multicast"),
    (0x08, "NSSA"),
    (0x10, "LLS"),
    (0x20, "Demand Circuit"),
    (0x40, "Opaque"),
    (0x80, "Up/Down"),
];

const RLA_FLAGS: &[(u32, &str)] = &[
    (0x01, "ABR"),
    (0x02, "ASBR"),
    (0x04, "Virtual"),
    (0x08, "Wildcard"),
    (0x10, "Nt"),
    (0x80, "Host"),
];

const DD_FLAGS: &[(u32, &str)] = &[
    (0x04, "Init"),
    (0x02, "More"),
    (0x01, "Master"),
    (0x08, "OOBResync"),
];

const RI_CAPS: &[(u32, &str)] = &[
    (1, "Reserved"),
    (2, "Reserved"),
    (4, "Reserved"),
    (8, "Reserved"),
    (16, "graceful restart capable"),
    (32, "graceful restart helper"),
    (64, "Stub router support"),
    (128, "Traffic engineering"),
    (256, "p2p over LAN"),
    (512, "path computation server"),
];

fn lsa_name(t: u32) -> &'static str {
    match t {
        1 => "Router",
        2 => "Network",
        3 => "Summary",
        4 => "ASBR Summary",
        5 => "External",
        6 => "Multicast Group",
        7 => "NSSA",
        9 => "Link Local Opaque",
        10 => "Area Local Opaque",
        11 => "Domain Wide Opaque",
        _ => "unknown",
    }
}

fn opaque_name(t: u8) -> &'static str {
    match t {
        1 => "Traffic Engineering",
        3 => "Graceful restart",
        4 => "Router Information",
        _ => "unknown",
    }
}

fn topology(c: &mut Ctx, t: u32) {
    c.s(match t {
        0 => "default",
        1 => "multicast",
        2 => "management",
        _ => "Unknown",
    });
    c.s(" (");
    c.dec(t);
    c.s(")");
}

/// tcpdump's print_unknown_data: a hex dump of what was captured of `n` bytes.
fn unknown_data(c: &mut Ctx, d: &[u8], off: usize, indent: &str, n: usize) {
    let avail = d.get(off..).unwrap_or(&[]);
    let m = n.min(avail.len());
    hex_only(&mut c.o, indent, &avail[..m], 0);
}

/// One LSA header at `off`; its length field, or None when that is shorter
/// than a header ("Bogus length").
fn lshdr(c: &mut Ctx, d: &[u8], off: usize) -> R<Option<usize>> {
    let len = usize::from(be16(d, off + 18)?);
    if len < 20 {
        c.s("\n\t    Bogus length ");
        c.dec(len as u64);
        c.s(" < header (20)");
        return Ok(None);
    }
    let router = bytes(d, off + 8, 4)?;
    let seq = be32(d, off + 12)?;
    let age = be16(d, off)?;
    c.s("\n\t  Advertising Router ");
    c.ipaddr(router);
    c.s(", seq 0x");
    c.o.hexw(u64::from(seq), 8);
    c.s(", age ");
    c.dec(age);
    c.s("s, length ");
    c.dec((len - 20) as u64);
    let t = u8_at(d, off + 3)?;
    if (9..=11).contains(&t) {
        let ot = u8_at(d, off + 4)?;
        let b = bytes(d, off + 5, 3)?;
        c.s("\n\t    ");
        c.s(lsa_name(u32::from(t)));
        c.s(" LSA (");
        c.dec(t);
        c.s("), Opaque-Type ");
        c.s(opaque_name(ot));
        c.s(" LSA (");
        c.dec(ot);
        c.s("), Opaque-ID ");
        c.dec(u32::from_be_bytes([0, b[0], b[1], b[2]]));
    } else {
        let id = bytes(d, off + 4, 4)?;
        c.s("\n\t    ");
        c.s(lsa_name(u32::from(t)));
        c.s(" LSA (");
        c.dec(t);
        c.s("), LSA-ID: ");
        c.ipaddr(id);
    }
    let o = u8_at(d, off + 2)?;
    c.s("\n\t    Options: [");
    bits(c, OPTIONS, u32::from(o), "none");
    c.s("]");
    Ok(Some(len))
}

/// The type and length of the opaque-LSA TLV at `*off`, with `off` and
/// `rem` moved past them; None where less than a TLV header of the LS length
/// remains (tcpdump says so and gives up on the LSA).
fn tlv_head(c: &mut Ctx, d: &[u8], off: &mut usize, rem: &mut usize) -> R<Option<(u16, usize)>> {
    if *rem < 4 {
        c.s("\n\t    Remaining LS length ");
        c.dec(*rem as u64);
        c.s(" < 4");
        return Ok(None);
    }
    let t = be16(d, *off)?;
    let l = usize::from(be16(d, *off + 2)?);
    *off += 4;
    *rem -= 4;
    Ok(Some((t, l)))
}

/// Whether a TLV of type `t` and length `l` fits the `rem` bytes left of
/// the LSA; tcpdump names a longer one bogus, and stops at a zero type or
/// length without a word.
fn tlv_fits(c: &mut Ctx, t: u16, l: usize, rem: usize) -> bool {
    if l > rem {
        c.s("\n\t    Bogus length ");
        c.dec(l as u64);
        c.s(" > ");
        c.dec(rem as u64);
        return false;
    }
    t != 0 && l != 0
}

/// Router Information opaque TLVs; Ok(false) when tcpdump stops at a bad length.
fn ri_tlvs(c: &mut Ctx, d: &[u8], mut off: usize, mut rem: usize) -> R<bool> {
    while rem != 0 {
        bytes(d, off, 4)?;
        let Some((t, l)) = tlv_head(c, d, &mut off, &mut rem)? else {
            return Ok(false);
        };
        c.s("\n\t    ");
        c.s(if t == 1 {
            "Router Capabilities"
        } else {
            "unknown"
        });
        c.s(" TLV (");
        c.dec(t);
        c.s("), length: ");
        c.dec(l as u64);
        c.s(", value: ");
        if l > rem {
            c.s("\n\t    Bogus length ");
            c.dec(l as u64);
            c.s(" > remaining LS length ");
            c.dec(rem as u64);
            return Ok(false);
        }
        bytes(d, off, l)?;
        if t == 1 {
            if l != 4 {
                c.s("\n\t    Bogus length ");
                c.dec(l as u64);
                c.s(" != 4");
                return Ok(false);
            }
            let caps = be32(d, off)?;
            c.s("Capabilities: ");
            bits(c, RI_CAPS, caps, "Unknown");
        } else if c.opts.verbose <= 1 {
            unknown_data(c, d, off, "\n\t      ", l);
        }
        // tcpdump 4.99.3 steps over Router-Information TLVs without their padding.
        rem -= l;
        off += l;
    }
    Ok(true)
}

/// Graceful-restart opaque TLVs; Ok(false) when tcpdump stops early.
pub(crate) fn grace_tlvs(c: &mut Ctx, d: &[u8], mut off: usize, mut rem: usize) -> R<bool> {
    while rem > 0 {
        if bytes(d, off, 4).is_err() {
            return Ok(false);
        }
        let Some((t, mut l)) = tlv_head(c, d, &mut off, &mut rem)? else {
            return Ok(false);
        };
        c.s("\n\t    ");
        c.s(match t {
            1 => "Grace Period",
            2 => "Graceful restart Reason",
            3 => "IPv4 interface address",
            _ => "unknown",
        });
        c.s(" TLV (");
        c.dec(t);
        c.s("), length ");
        c.dec(l as u64);
        c.s(", value: ");
        if !tlv_fits(c, t, l, rem) {
            return Ok(false);
        }
        if bytes(d, off, l).is_err() {
            return Ok(false);
        }
        let want = match t {
            1 | 3 => 4,
            2 => 1,
            _ => 0,
        };
        if want != 0 && l != want {
            c.s("\n\t    Bogus length ");
            c.dec(l as u64);
            c.s(" != ");
            c.dec(want as u64);
            return Ok(false);
        }
        match t {
            1 => {
                c.dec(be32(d, off)?);
                c.s("s");
            }
            2 => {
                let r = u8_at(d, off)?;
                c.s(match r {
                    0 => "Unknown",
                    1 => "Software Restart",
                    2 => "Software Reload/Upgrade",
                    3 => "Control Processor Switch",
                    _ => "Unknown",
                });
                c.s(" (");
                c.dec(r);
                c.s(")");
            }
            3 => {
                let a = bytes(d, off, 4)?;
                c.ipaddr(a);
            }
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, off, "\n\t      ", l);
                }
            }
        }
        if l % 4 != 0 {
            l += 4 - l % 4;
        }
        rem = rem.saturating_sub(l);
        off += l;
    }
    Ok(true)
}

/// GMPLS switching capabilities (RFC 3471).
pub(crate) fn gmpls_switch_cap(v: u8) -> &'static str {
    match v {
        1 => "Packet-Switch Capable-1",
        2 => "Packet-Switch Capable-2",
        3 => "Packet-Switch Capable-3",
        4 => "Packet-Switch Capable-4",
        51 => "Layer-2 Switch Capable",
        100 => "Time-Division-Multiplex",
        150 => "Lambda-Switch Capable",
        200 => "Fiber-Switch Capable",
        _ => "Unknown",
    }
}

/// GMPLS link protection types (RFC 3471); IS-IS names them too.
pub(crate) const LINK_PROTECTION: &[(u32, &str)] = &[
    (0x01, "Extra Traffic"),
    (0x02, "Unprotected"),
    (0x04, "Shared"),
    (0x08, "Dedicated 1:1"),
    (0x10, "Dedicated 1+1"),
    (0x20, "Enhanced"),
    (0x40, "Reserved"),
    (0x80, "Reserved"),
];

/// GMPLS LSP encoding types (RFC 3471).
pub(crate) fn gmpls_encoding(v: u8) -> &'static str {
    match v {
        1 => "Packet",
        2 => "Ethernet V2/DIX",
        3 => "ANSI/ETSI PDH",
        4 | 6 | 10 => "Reserved",
        5 => "SDH ITU-T G.707/SONET ANSI T1.105",
        7 => "Digital Wrapper",
        8 => "Lambda (photonic)",
        9 => "Fiber",
        11 => "FiberChannel",
        _ => "Unknown",
    }
}

/// A bandwidth in bytes per second (an IEEE float) as tcpdump's `%.3f Mbps`.
pub(crate) fn mbps(c: &mut Ctx, bits: u32) {
    // Single-precision arithmetic as in tcpdump (float * 8 / 1000000).
    let v = f32::from_bits(bits) * 8.0 / 1_000_000.0;
    if v.is_nan() {
        c.s(if v.is_sign_negative() { "-nan" } else { "nan" });
    } else if v.is_infinite() {
        c.s(if v < 0.0 { "-inf" } else { "inf" });
    } else {
        c.s(&format!("{:.3}", f64::from(v)));
    }
    c.s(" Mbps");
}

/// Traffic-engineering opaque TLVs (RFC 3630); Ok(false) where tcpdump gives up
/// on the LSA (bad lengths and short captures alike).
pub(crate) fn te_tlvs(c: &mut Ctx, d: &[u8], mut off: usize, mut rem: usize) -> R<bool> {
    while rem != 0 {
        if bytes(d, off, 4).is_err() {
            return Ok(false);
        }
        let Some((t, mut tl)) = tlv_head(c, d, &mut off, &mut rem)? else {
            return Ok(false);
        };
        c.s("\n\t    ");
        c.s(match t {
            1 => "Router Address",
            2 => "Link",
            _ => "unknown",
        });
        c.s(" TLV (");
        c.dec(t);
        c.s("), length: ");
        c.dec(tl as u64);
        if !tlv_fits(c, t, tl, rem) {
            return Ok(false);
        }
        match t {
            2 => {
                let mut p = off;
                let mut left = tl;
                // tcpdump consumes a Link TLV through its sub-TLVs only: the
                // cursor moves past them but the LSA's remaining length keeps
                // the TLV's bytes.
                tl = 0;
                while left != 0 {
                    if left < 4 {
                        c.s("\n\t    Remaining TLV length ");
                        c.dec(left as u64);
                        c.s(" < 4");
                        return Ok(false);
                    }
                    let st = be16(d, p)?;
                    let mut sl = usize::from(be16(d, p + 2)?);
                    p += 4;
                    left -= 4;
                    if st == 0 || sl == 0 {
                        c.invalid();
                        return Ok(false);
                    }
                    c.s("\n\t      ");
                    c.s(match st {
                        1 => "Link Type",
                        2 => "Link ID",
                        3 => "Local Interface IP address",
                        4 => "Remote Interface IP address",
                        5 => "Traffic Engineering Metric",
                        6 => "Maximum Bandwidth",
                        7 => "Maximum Reservable Bandwidth",
                        8 => "Unreserved Bandwidth",
                        9 => "Administrative Group",
                        11 => "Link Local/Remote Identifier",
                        14 => "Link Protection Type",
                        15 => "Interface Switching Capability",
                        16 => "Shared Risk Link Group",
                        17 => "Bandwidth Constraints",
                        _ => "unknown",
                    });
                    c.s(" subTLV (");
                    c.dec(st);
                    c.s("), length: ");
                    c.dec(sl as u64);
                    if left < sl {
                        c.s("\n\t    Remaining TLV length ");
                        c.dec((left + 4) as u64);
                        c.s(" < ");
                        c.dec((sl + 4) as u64);
                        return Ok(false);
                    }
                    if bytes(d, p, sl).is_err() {
                        return Ok(false);
                    }
                    let bad = |c: &mut Ctx, why: &str| {
                        c.s(why);
                        c.invalid();
                    };
                    match st {
                        9 => {
                            if sl != 4 {
                                bad(c, " != 4");
                                return Ok(false);
                            }
                            c.s(", 0x");
                            c.o.hexw(u64::from(be32(d, p)?), 8);
                        }
                        2 | 11 => {
                            if sl != 4 && sl != 8 {
                                bad(c, " != 4 && != 8");
                                return Ok(false);
                            }
                            for k in 0..sl / 4 {
                                let a = bytes(d, p + 4 * k, 4)?;
                                c.s(", ");
                                c.ipaddr(a);
                                c.s(" (0x");
                                c.o.hexw(u64::from(be32(d, p + 4 * k)?), 8);
                                c.s(")");
                            }
                        }
                        3 | 4 => {
                            if sl != 4 {
                                bad(c, " != 4");
                                return Ok(false);
                            }
                            c.s(", ");
                            c.ipaddr(&d[p..p + 4]);
                        }
                        6 | 7 => {
                            if sl != 4 {
                                bad(c, " != 4");
                                return Ok(false);
                            }
                            c.s(", ");
                            mbps(c, be32(d, p)?);
                        }
                        8 => {
                            if sl != 32 {
                                bad(c, " != 32");
                                return Ok(false);
                            }
                            for k in 0..8u32 {
                                c.s("\n\t\tTE-Class ");
                                c.dec(k);
                                c.s(": ");
                                mbps(c, be32(d, p + 4 * k as usize)?);
                            }
                        }
                        17 => {
                            if sl < 4 {
                                bad(c, " < 4");
                                return Ok(false);
                            }
                            let m = d[p];
                            c.s("\n\t\tBandwidth Constraints Model ID: ");
                            c.s(match m {
                                0 => "Russian dolls",
                                1 => "Maximum allocation",
                                254 => "Maximum allocation with E-LSP support",
                                _ => "unknown",
                            });
                            c.s(" (");
                            c.dec(m);
                            c.s(")");
                            if sl % 4 != 0 {
                                c.s("\n\t\tlength ");
                                c.dec(sl as u64);
                                c.s(" != N x 4");
                                c.invalid();
                                return Ok(false);
                            }
                            if sl > 36 {
                                c.s("\n\t\tlength ");
                                c.dec(sl as u64);
                                c.s(" > 36");
                                c.invalid();
                                return Ok(false);
                            }
                            for k in 0..(sl - 4) / 4 {
                                c.s("\n\t\t  Bandwidth constraint CT");
                                c.dec(k as u64);
                                c.s(": ");
                                mbps(c, be32(d, p + 4 + 4 * k)?);
                            }
                        }
                        5 => {
                            if sl != 4 {
                                bad(c, " != 4");
                                return Ok(false);
                            }
                            c.s(", Metric ");
                            c.dec(be32(d, p)?);
                        }
                        14 => {
                            if sl != 4 {
                                bad(c, " != 4");
                                return Ok(false);
                            }
                            c.s(", ");
                            bits(c, LINK_PROTECTION, u32::from(d[p]), "none");
                        }
                        15 => {
                            if sl < 36 {
                                bad(c, " < 36");
                                return Ok(false);
                            }
                            c.s("\n\t\tInterface Switching Capability: ");
                            c.s(gmpls_switch_cap(d[p]));
                            c.s("\n\t\tLSP Encoding: ");
                            c.s(gmpls_encoding(d[p + 1]));
                            c.s("\n\t\tMax LSP Bandwidth:");
                            for k in 0..8u32 {
                                c.s("\n\t\t  priority level ");
                                c.dec(k);
                                c.s(": ");
                                mbps(c, be32(d, p + 4 + 4 * k as usize)?);
                            }
                        }
                        1 => {
                            if sl != 1 {
                                bad(c, " != 1");
                                return Ok(false);
                            }
                            let v = d[p];
                            c.s(", ");
                            c.s(match v {
                                1 => "Point-to-point",
                                2 => "Multi-Access",
                                _ => "unknown",
                            });
                            c.s(" (");
                            c.dec(v);
                            c.s(")");
                        }
                        16 => {
                            if sl % 4 != 0 {
                                bad(c, " != N x 4");
                                return Ok(false);
                            }
                            let n = sl / 4;
                            if n != 0 {
                                c.s("\n\t\t  Shared risk group: ");
                            }
                            for k in 0..n {
                                if k > 0 {
                                    c.s(", ");
                                }
                                c.dec(be32(d, p)?);
                                // tcpdump walks the group with the TLV cursor
                                // itself, so the groups are skipped twice.
                                p += 4;
                            }
                        }
                        _ => {
                            if c.opts.verbose <= 1 {
                                unknown_data(c, d, p, "\n\t\t", sl);
                            }
                        }
                    }
                    if sl % 4 != 0 {
                        sl += 4 - sl % 4;
                    }
                    if left < sl {
                        c.s("\n\t    Remaining TLV length ");
                        c.dec((left + 4) as u64);
                        c.s(" < ");
                        c.dec((sl + 4) as u64);
                        return Ok(false);
                    }
                    left -= sl;
                    p += sl;
                }
                off = p;
            }
            1 => {
                if tl < 4 {
                    c.s("\n\t    TLV length ");
                    c.dec(tl as u64);
                    c.s(" < 4");
                    return Ok(false);
                }
                let a = bytes(d, off, 4)?;
                c.s(", ");
                c.ipaddr(a);
            }
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, off, "\n\t      ", tl);
                }
            }
        }
        if tl % 4 != 0 {
            tl += 4 - tl % 4;
        }
        if tl > rem {
            c.s("\n\t    Bogus padded length ");
            c.dec(tl as u64);
            c.s(" > ");
            c.dec(rem as u64);
            return Ok(false);
        }
        rem -= tl;
        off += tl;
    }
    Ok(true)
}

/// One full LSA at `off`; the offset of the next one, or None where tcpdump
/// gives up on the update (a bogus header length).
fn lsa(c: &mut Ctx, d: &[u8], off: usize) -> R<Option<usize>> {
    let Some(len) = lshdr(c, d, off)? else {
        return Ok(None);
    };
    let end = off + len;
    let body = off + 20;
    let blen = len - 20;
    let t = u8_at(d, off + 3)?;
    match t {
        1 => {
            let fl = u8_at(d, body)?;
            c.s("\n\t    Router LSA Options: [");
            bits(c, RLA_FLAGS, u32::from(fl), "none");
            c.s("]");
            let count = be16(d, body + 2)?;
            bytes(d, body + 4, 12)?;
            let mut l = body + 4;
            for _ in 0..count {
                bytes(d, l, 12)?;
                let lt = u8_at(d, l + 8)?;
                let what = match lt {
                    4 => "Virtual Link: Neighbor Router-ID: ",
                    1 => "Neighbor Router-ID: ",
                    2 => "Neighbor Network-ID: ",
                    3 => "Stub Network: ",
                    _ => {
                        c.s("\n\t      Unknown Router Link Type (");
                        c.dec(lt);
                        c.s(")");
                        return Ok(Some(end));
                    }
                };
                let id = bytes(d, l, 4)?;
                let data = bytes(d, l + 4, 4)?;
                c.s("\n\t      ");
                c.s(what);
                c.ipaddr(id);
                c.s(if lt == 3 {
                    ", Mask: "
                } else {
                    ", Interface Address: "
                });
                c.ipaddr(data);
                let ntos = usize::from(u8_at(d, l + 9)?);
                for k in 0..=ntos {
                    let m = l + 8 + 4 * k;
                    let tt = if k == 0 { 0 } else { u8_at(d, m)? };
                    let metric = be16(d, m + 2)?;
                    c.s("\n\t\ttopology ");
                    topology(c, u32::from(tt));
                    c.s(", metric ");
                    c.dec(metric);
                }
                l += 12 + 4 * ntos;
            }
        }
        2 => {
            let mask = bytes(d, body, 4)?;
            c.s("\n\t    Mask ");
            c.ipaddr(mask);
            c.s("\n\t    Connected Routers:");
            let mut a = body + 4;
            while a < end {
                let r = bytes(d, a, 4)?;
                c.s("\n\t      ");
                c.ipaddr(r);
                a += 4;
            }
        }
        3 | 4 => {
            if t == 3 {
                let mask = bytes(d, body, 4)?;
                c.s("\n\t    Mask ");
                c.ipaddr(mask);
            }
            bytes(d, body + 4, 4)?;
            let mut lp = body + 4;
            while lp < end {
                let ul = be32(d, lp)?;
                c.s("\n\t\ttopology ");
                topology(c, (ul & 0x7f00_0000) >> 24);
                c.s(" metric ");
                c.dec(ul & 0x00ff_ffff);
                lp += 4;
            }
        }
        5 | 7 => {
            let mask = bytes(d, body, 4)?;
            c.s("\n\t    Mask ");
            c.ipaddr(mask);
            bytes(d, body + 4, 4)?;
            let mut m = body + 4;
            while m < end {
                let ul = be32(d, m)?;
                c.s("\n\t\ttopology ");
                topology(c, (ul & 0x7f00_0000) >> 24);
                c.s(", type ");
                c.dec(if ul & 0x8000_0000 != 0 { 2u32 } else { 1 });
                c.s(", metric");
                if ul & 0x00ff_ffff == 0x00ff_ffff {
                    c.s(" infinite");
                } else {
                    c.s(" ");
                    c.dec(ul & 0x00ff_ffff);
                }
                let fwd = bytes(d, m + 4, 4)?;
                if fwd != [0, 0, 0, 0] {
                    c.s(", forward ");
                    c.ipaddr(fwd);
                }
                let tag = bytes(d, m + 8, 4)?;
                if tag != [0, 0, 0, 0] {
                    c.s(", tag ");
                    c.ipaddr(tag);
                }
                m += 12;
            }
        }
        6 => {
            let mut m = body;
            while m < end {
                let vt = be32(d, m)?;
                if vt == 1 || vt == 2 {
                    bytes(d, m + 4, 4)?;
                }
                match vt {
                    1 => c.s("\n\t    Router Router-ID "),
                    2 => c.s("\n\t    Network Designated Router "),
                    _ => {
                        c.s("\n\t    unknown VertexType (");
                        c.dec(vt);
                        c.s(")");
                    }
                }
                if vt == 1 || vt == 2 {
                    let a = bytes(d, m + 4, 4)?;
                    c.ipaddr(a);
                }
                m += 8;
            }
        }
        9..=11 => {
            let ok = match u8_at(d, off + 4)? {
                4 => ri_tlvs(c, d, body, blen)?,
                3 => grace_tlvs(c, d, body, blen)?,
                1 => te_tlvs(c, d, body, blen)?,
                _ => {
                    if c.opts.verbose <= 1 {
                        unknown_data(c, d, body, "\n\t    ", blen);
                    }
                    true
                }
            };
            if !ok {
                return Ok(Some(end));
            }
        }
        _ => {}
    }
    if c.opts.verbose > 1 {
        unknown_data(c, d, body, "\n\t    ", blen);
    }
    Ok(Some(end))
}

/// The body of an OSPFv2 packet after the 24-byte header.
fn decode_v2(c: &mut Ctx, d: &[u8], dataend: usize) -> R {
    let t = u8_at(d, 1)?;
    match t {
        1 => {
            let o = u8_at(d, 30)?;
            c.s("\n\tOptions [");
            bits(c, OPTIONS, u32::from(o), "none");
            c.s("]");
            let hi = be16(d, 28)?;
            let dead = be32(d, 32)?;
            let mask = bytes(d, 24, 4)?;
            let prio = u8_at(d, 31)?;
            c.s("\n\t  Hello Timer ");
            c.dec(hi);
            c.s("s, Dead Timer ");
            c.dec(dead);
            c.s("s, Mask ");
            c.ipaddr(mask);
            c.s(", Priority ");
            c.dec(prio);
            let dr = bytes(d, 36, 4)?;
            if dr != [0, 0, 0, 0] {
                c.s("\n\t  Designated Router ");
                c.ipaddr(dr);
            }
            let bdr = bytes(d, 40, 4)?;
            if bdr != [0, 0, 0, 0] {
                c.s(", Backup Designated Router ");
                c.ipaddr(bdr);
            }
            let mut a = 44;
            if a < dataend {
                c.s("\n\t  Neighbor List:");
            }
            while a < dataend {
                let n = bytes(d, a, 4)?;
                c.s("\n\t    ");
                c.ipaddr(n);
                a += 4;
            }
        }
        2 => {
            let o = u8_at(d, 26)?;
            c.s("\n\tOptions [");
            bits(c, OPTIONS, u32::from(o), "none");
            c.s("]");
            let f = u8_at(d, 27)?;
            c.s(", DD Flags [");
            bits(c, DD_FLAGS, u32::from(f), "none");
            c.s("]");
            let mtu = be16(d, 24)?;
            if mtu != 0 {
                c.s(", MTU: ");
                c.dec(mtu);
            }
            let seq = be32(d, 28)?;
            c.s(", Sequence: 0x");
            c.o.hexw(u64::from(seq), 8);
            let mut h = 32;
            while h < dataend && lshdr(c, d, h)?.is_some() {
                h += 20;
            }
        }
        3 => {
            let mut r = 24;
            while r < dataend {
                bytes(d, r, 12)?;
                let lt = be32(d, r)?;
                let ar = bytes(d, r + 8, 4)?;
                c.s("\n\t  Advertising Router: ");
                c.ipaddr(ar);
                c.s(", ");
                c.s(lsa_name(lt));
                c.s(" LSA (");
                c.dec(lt);
                c.s(")");
                if (9..=11).contains(&lt) {
                    let ot = u8_at(d, r + 4)?;
                    bytes(d, r + 5, 3)?;
                    c.s(", Opaque-Type: ");
                    c.s(opaque_name(ot));
                    c.s(" LSA (");
                    c.dec(ot);
                    c.s("), Opaque-ID: ");
                    let b = bytes(d, r + 5, 3)?;
                    c.dec(u32::from_be_bytes([0, b[0], b[1], b[2]]));
                } else {
                    let id = bytes(d, r + 4, 4)?;
                    c.s(", LSA-ID: ");
                    c.ipaddr(id);
                }
                r += 12;
            }
        }
        4 => {
            let n = be32(d, 24)?;
            c.s(", ");
            c.dec(n);
            c.s(if n == 1 { " LSA" } else { " LSAs" });
            let mut l = 28;
            for i in 1..=n {
                c.s("\n\t  LSA #");
                c.dec(i);
                match lsa(c, d, l)? {
                    Some(next) => l = next,
                    None => return Err(Trunc),
                }
            }
        }
        5 => {
            // tcpdump 4.99 reads LSA headers until one is bogus or the capture
            // ends, whatever the OSPF length says.
            let mut h = 24;
            while lshdr(c, d, h)?.is_some() {
                h += 20;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The link-local signalling trailer (RFC 4813) after a Hello or DD.
fn lls(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let t = u8_at(d, 1)?;
    let opts = match t {
        1 => u8_at(d, 30)?,
        2 => u8_at(d, 26)?,
        _ => return Ok(()),
    };
    if opts & 0x10 == 0 {
        return Ok(());
    }
    let mut len2 = usize::from(be16(d, 2)?);
    let mut p = len2;
    if be16(d, 14)? == 2 {
        let a = usize::from(u8_at(d, 19)?);
        p += a;
        len2 += a;
    }
    if len2 >= length {
        c.s("\n\t[LLS truncated]");
        return Ok(());
    }
    let ck = be16(d, p)?;
    c.s("\n\t  LLS: checksum: 0x");
    c.o.hexw(u64::from(ck), 4);
    p += 2;
    let l2 = be16(d, p)?;
    c.s(", length: ");
    c.dec(l2);
    p += 2;
    while p < length {
        let lt = be16(d, p)?;
        c.s("\n\t    ");
        c.s(match lt {
            1 => "Extended Options",
            2 => "MD5 Authentication",
            _ => "Unknown TLV",
        });
        c.s(" (");
        c.dec(lt);
        c.s(")");
        let mut ll = usize::from(be16(d, p + 2)?);
        c.s(", length: ");
        c.dec(ll as u64);
        p += 4;
        match lt {
            1 => {
                if ll != 4 {
                    c.s(" [should be 4]");
                    ll = 4;
                }
                let f = be32(d, p)?;
                c.s("\n\t      Options: 0x");
                c.o.hexw(u64::from(f), 8);
                c.s(" [");
                bits(c, &[(1, "LSDB resync"), (2, "Restart")], f, "?");
                c.s("]");
            }
            2 => {
                if ll != 20 {
                    c.s(" [should be 20]");
                    ll = 20;
                }
                let sq = be32(d, p)?;
                c.s("\n\t      Sequence number: 0x");
                c.o.hexw(u64::from(sq), 8);
            }
            _ => {}
        }
        p += ll;
    }
    Ok(())
}

/// The name of an OSPF packet type (the same for v2 and v3); "" for an
/// unknown one.
pub(crate) fn packet_name(t: u8) -> &'static str {
    match t {
        1 => "Hello",
        2 => "Database Description",
        3 => "LS-Request",
        4 => "LS-Update",
        5 => "LS-Ack",
        _ => "",
    }
}

/// The router and area ids of an OSPF (v2 or v3) header, at the same
/// offsets in both.
pub(crate) fn router_and_area(c: &mut Ctx, d: &[u8]) -> R {
    let rid = bytes(d, 4, 4)?;
    c.s("\n\tRouter-ID ");
    c.ipaddr(rid);
    let area = bytes(d, 8, 4)?;
    if area != [0, 0, 0, 0] {
        c.s(", Area ");
        c.ipaddr(area);
    } else {
        c.s(", Backbone Area");
    }
    Ok(())
}

/// An OSPF packet over IPv4 of `length` bytes.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "ospf2";
    let mut d = d;
    let mut length = length as u32;
    if be16(d, 14)? == 2 {
        // The MD5 digest trailer is not part of the decoded packet.
        length = length.wrapping_sub(16);
        d = &d[..d.len().saturating_sub(16)];
    }
    let t = u8_at(d, 1)?;
    let ver = u8_at(d, 0)?;
    c.s("OSPFv");
    c.dec(ver);
    c.s(", ");
    let name = packet_name(t);
    if name.is_empty() {
        c.s("unknown LS-type ");
        c.dec(t);
    } else {
        c.s(name);
    }
    c.s(", length ");
    c.dec(length);
    if name.is_empty() || c.opts.verbose == 0 {
        return Ok(());
    }
    let length = length as usize;
    let olen = usize::from(be16(d, 2)?);
    if length != olen {
        c.s(" [len ");
        c.dec(olen as u64);
        c.s("]");
    }
    let dataend = length.min(olen);
    router_and_area(c, d)?;
    bytes(d, 16, 8)?;
    let at = be16(d, 14)?;
    c.s(", Authentication Type: ");
    c.s(match at {
        0 => "none",
        1 => "simple",
        2 => "MD5",
        _ => "unknown",
    });
    c.s(" (");
    c.dec(at);
    c.s(")");
    match at {
        0 => {}
        1 => {
            c.s("\n\tSimple text password: ");
            for &b in bytes(d, 16, 8)? {
                if b == 0 {
                    break;
                }
                super::tcp::print_char(c, b);
            }
        }
        2 => {
            let (k, l, sq) = (u8_at(d, 18)?, u8_at(d, 19)?, be32(d, 20)?);
            c.s("\n\tKey-ID: ");
            c.dec(k);
            c.s(", Auth-Length: ");
            c.dec(l);
            c.s(", Crypto Sequence Number: 0x");
            c.o.hexw(u64::from(sq), 8);
        }
        _ => return Ok(()),
    }
    if ver == 2 {
        decode_v2(c, d, dataend)?;
        if length > olen {
            lls(c, d, length)?;
        }
    } else {
        c.s(" ospf [version ");
        c.dec(ver);
        c.s("]");
    }
    Ok(())
}
