//! GeoNetworking (ETSI TS 102 636, ethertypes 0x8947 and 0x0707) with the
//! BTP header and ITS PDU header it may carry.

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

const MSG_TYPES: &[(u32, &str)] = &[
    (0, "CAM"),
    (1, "DENM"),
    (101, "TPEGM"),
    (102, "TSPDM"),
    (103, "VPM"),
    (104, "SRM"),
    (105, "SLAM"),
    (106, "ecoCAM"),
    (107, "ITM"),
    (150, "SA"),
];

fn header_type_name(t: u8, sub: u8) -> &'static str {
    match (t, sub) {
        (0, _) => "Any",
        (1, _) => "Beacon",
        (2, _) => "GeoUnicast",
        (3, 0) => "GeoAnycastCircle",
        (3, 1) => "GeoAnycastRect",
        (3, 2) => "GeoAnycastElipse",
        (4, 0) => "GeoBroadcastCircle",
        (4, 1) => "GeoBroadcastRect",
        (4, 2) => "GeoBroadcastElipse",
        (5, 0) => "TopoScopeBcast-SH",
        (5, 1) => "TopoScopeBcast-MH",
        (6, 0) => "LocService-Request",
        (6, 1) => "LocService-Reply",
        _ => "Unknown",
    }
}

/// Length of the extended header tcpdump knows how to skip, if any.
fn extended_len(t: u8, sub: u8) -> Option<usize> {
    match (t, sub) {
        (0, _) | (1, _) | (5, 0) => Some(0),
        (5, 1) => Some(68 - 36),
        _ => None,
    }
}

fn invalid_note(c: &mut Ctx, what: &str, a: usize, rel: &str, b: usize) {
    c.s(" (");
    c.s(what);
    c.s(" ");
    c.dec(a as u64);
    c.s(rel);
    c.dec(b as u64);
    c.s(")");
    c.invalid();
}

/// `src` is the link-layer source address when the link has one.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, src: Option<&[u8]>) -> R {
    c.proto = "geonet";
    c.s("GeoNet ");
    if let Some(a) = src {
        c.s("src:");
        c.etheraddr(a);
    }
    c.s("; ");
    if length < 36 {
        invalid_note(c, "common header length", length, " < ", 36);
        return Ok(());
    }
    let b0 = u8_at(d, 0)?;
    let b1 = u8_at(d, 1)?;
    let payload = be16(d, 4)?;
    let hop = u8_at(d, 7)?;
    let (version, next) = (b0 >> 4, b0 & 0x0f);
    let (ht, hst) = (b1 >> 4, b1 & 0x0f);
    let next_name = match next {
        0 => "Any",
        1 => "BTP-A",
        2 => "BTP-B",
        3 => "IPv6",
        _ => "Unknown",
    };
    c.s("v:");
    c.dec(version);
    c.s(" NH:");
    c.dec(next);
    c.s("-");
    c.s(next_name);
    c.s(" HT:");
    c.dec(ht);
    c.s("-");
    c.dec(hst);
    c.s("-");
    c.s(header_type_name(ht, hst));
    c.s(" HopLim:");
    c.dec(hop);
    c.s(" Payload:");
    c.dec(payload);
    c.s(" ");
    let addr = bytes(d, 8, 8)?;
    c.s("GN_ADDR:");
    c.o.mac(addr);
    c.s(" ");
    let lat = be32(d, 20)?;
    c.s("lat:");
    c.dec(lat);
    c.s(" ");
    let lon = be32(d, 24)?;
    c.s("lon:");
    c.dec(lon);
    if d.len() < 36 {
        return Err(Trunc);
    }
    let mut length = length - 36;
    let mut p = 36usize;
    if let Some(hs) = extended_len(ht, hst) {
        if length < hs {
            c.s(" (header size ");
            c.dec(hs as u64);
            c.s(" > ");
            c.dec(length as u64);
            c.s(")");
            c.invalid();
            return Ok(());
        }
        if d.len() < p + hs {
            return Err(Trunc);
        }
        length -= hs;
        p += hs;
        if next == 1 || next == 2 {
            if length < 4 {
                invalid_note(c, "BTP length", length, " < ", 4);
                return Ok(());
            }
            let dst = be16(d, p)?;
            c.s("; BTP Dst:");
            c.dec(dst);
            let srcp = be16(d, p + 2)?;
            c.s(" Src:");
            c.dec(srcp);
            length -= 4;
            p += 4;
            if length >= 2 {
                let v = u8_at(d, p)?;
                c.s("; ItsPduHeader v:");
                c.dec(v);
                let t = u8_at(d, p + 1)?;
                c.s(" t:");
                c.dec(t);
                c.s("-");
                match super::tok(MSG_TYPES, u32::from(t)) {
                    Some(n) => c.s(n),
                    None => {
                        c.s("unknown (");
                        c.dec(t);
                        c.s(")");
                    }
                }
            }
        }
    }
    if c.opts.verbose > 0 {
        super::dump(c, d.get(p..).unwrap_or(&[]), length)?;
    }
    Ok(())
}
