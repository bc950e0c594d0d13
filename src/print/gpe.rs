//! VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe, UDP port 4790) and the Network
//! Service Header it (or ethertype 0x894f) may carry (draft-ietf-sfc-nsh), as
//! tcpdump 4.99 prints them, with their inner IPv4, IPv6 and Ethernet payloads.

use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write;

/// Names of the flag bits set in `v`, run together in table order, or `none`.
fn flag_names(c: &mut Ctx, table: &[(u8, &str)], v: u8) {
    let mut any = false;
    for &(bit, name) in table {
        if v & bit != 0 {
            c.s(name);
            any = true;
        }
    }
    if !any {
        c.s("none");
    }
}

/// What a next-protocol number of VXLAN-GPE or NSH carries.
fn payload(c: &mut Ctx, next: u8, d: &[u8], len: usize) -> R<bool> {
    match next {
        1 => super::ip::print(c, d, len)?,
        2 => super::ip6::print(c, d, len)?,
        3 => {
            super::ether::print(c, d, len)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The 8-byte VXLAN-GPE header and what its next-protocol field names.
pub(crate) fn vxlan_gpe(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "vxlan_gpe";
    c.s("VXLAN-GPE, ");
    if len < 8 {
        let _ = write!(c, " (len {len} < 8)");
        c.invalid();
        return Ok(());
    }
    let flags = u8_at(d, 0)?;
    c.s("flags [");
    flag_names(
        c,
        &[(0x08, "I"), (0x04, "P"), (0x02, "B"), (0x01, "O")],
        flags,
    );
    c.s("], ");
    let next = u8_at(d, 3)?;
    let vni = (be32(d, 4)? >> 8) as u64;
    u8_at(d, 7)?;
    c.s("vni ");
    c.dec(vni);
    c.s(if c.opts.verbose > 0 { "\n    " } else { ": " });
    let (rest, len) = (d.get(8..).unwrap_or_default(), len - 8);
    if next == 4 {
        return nsh(c, rest, len);
    }
    if !payload(c, next, rest, len)? {
        c.s("ERROR: unknown-next-protocol");
        c.invalid();
    }
    Ok(())
}

fn md_type_name(c: &mut Ctx, t: u32) {
    match t {
        0 => c.s("reserved"),
        1 => c.s("1"),
        2 => c.s("2"),
        0xf => c.s("experimental"),
        _ => {
            let _ = write!(c, "unknown (0x{t:02x})");
        }
    }
}

fn next_proto_name(c: &mut Ctx, p: u8) {
    match p {
        1 => c.s("IPv4"),
        2 => c.s("IPv6"),
        3 => c.s("Ethernet"),
        4 => c.s("NSH"),
        5 => c.s("MPLS"),
        0xfe => c.s("Experiment 1"),
        0xff => c.s("Experiment 2"),
        _ => {
            let _ = write!(c, "unknown (0x{p:02x})");
        }
    }
}

/// NSH (RFC 8300): base and service path headers, the context headers at
/// -vvv, then the payload.
pub(crate) fn nsh(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "nsh";
    if len < 8 {
        let _ = write!(c, " (packet length {len} < 8)");
        c.invalid();
        return Ok(());
    }
    let base = be32(d, 0)?;
    let ver = base >> 30;
    let words = ((base >> 16) & 0x3f) as usize;
    let md_type = (base >> 8) & 0xf;
    let next = (base & 0xff) as u8;
    let v = c.opts.verbose;
    c.s("NSH, ");
    if v > 1 {
        let _ = write!(c, "ver {ver}, ");
    }
    if ver != 0 {
        return Ok(());
    }
    c.s("flags [");
    flag_names(c, &[(0x2, "O")], ((base >> 28) & 3) as u8);
    c.s("], ");
    if v > 2 {
        let _ = write!(c, "TTL {}, length {words}, md type ", (base >> 22) & 0x3f);
        md_type_name(c, md_type);
        c.s(", ");
    }
    if v > 1 {
        c.s("next-protocol ");
        next_proto_name(c, next);
        c.s(", ");
    }
    let hdr = words * 4;
    if len < hdr {
        let _ = write!(c, " (too many headers for packet length {len})");
        c.invalid();
        return Ok(());
    }
    let path = bytes(d, 4, 3)?;
    let _ = write!(
        c,
        "service-path-id 0x{:02x}{:02x}{:02x}, ",
        path[0], path[1], path[2]
    );
    let _ = write!(c, "service-index 0x{:x}", u8_at(d, 7)?);
    if words < 2 {
        c.s(" (less than two headers)");
        c.invalid();
        return Ok(());
    }
    let ctx_words = words - 2;
    let mut shown = false;
    if v > 2 && md_type == 1 {
        if words != 6 {
            c.s(" (invalid length for the MD type)");
            c.invalid();
            return Ok(());
        }
        for n in 0..ctx_words {
            let w = be32(d, 8 + n * 4)?;
            let _ = write!(c, "\n        Context[{n:02}]: 0x{w:08x}");
        }
        shown = true;
    } else if v > 2 && md_type == 2 {
        let mut n = 0;
        while n < ctx_words {
            let at = 8 + n * 4;
            let class = be16(d, at)?;
            let ty = u8_at(d, at + 2)?;
            let tlv_len = usize::from(u8_at(d, at + 3)? & 0x7f);
            let padded = tlv_len.div_ceil(4) * 4;
            let _ = write!(c, "\n        TLV Class {class}, Type {ty}, Len {tlv_len}");
            n += 1;
            if ctx_words < n + padded / 4 {
                c.s(" (length too big)");
                c.invalid();
                return Ok(());
            }
            if tlv_len > 0 {
                c.s("\n            Value: ");
                for i in 0..tlv_len {
                    let b = u8_at(d, at + 4 + i)?;
                    let _ = write!(c, "{}{b:02x}", if i == 0 { "0x" } else { ":" });
                }
                bytes(d, at + 4 + tlv_len, padded - tlv_len)?;
                n += padded / 4;
            }
        }
        shown = true;
    }
    if !shown {
        bytes(d, 8, ctx_words * 4)?;
    }
    c.s(if v > 0 { "\n    " } else { ": " });
    let rest = d.get(hdr..).unwrap_or_default();
    if !payload(c, next, rest, len - hdr)? {
        c.s("ERROR: unknown-next-protocol");
    }
    Ok(())
}
