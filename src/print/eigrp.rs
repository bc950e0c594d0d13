//! EIGRP (IP protocol 88) as tcpdump 4.99 prints it: the opcode on one line,
//! with `-v` the header and the TLVs (parameters, software version, IP and
//! AppleTalk routes, cable setup; others hex-dumped).

use super::ospf::bits;
use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const FLAGS: &[(u32, &str)] = &[
    (0x01, "Init"),
    (0x02, "Conditionally Received"),
    (0x04, "Restart"),
    (0x08, "End-of-Table"),
];

fn opcode_name(op: u8) -> Option<&'static str> {
    Some(match op {
        1 => "Update",
        3 => "Query",
        4 => "Reply",
        5 => "Hello",
        6 => "IPX SAP",
        7 => "Probe",
        _ => return None,
    })
}

fn tlv_name(t: u16) -> &'static str {
    match t {
        0x0001 => "General Parameters",
        0x0002 => "Authentication",
        0x0003 => "Sequence",
        0x0004 => "Software Version",
        0x0005 => "Next Multicast Sequence",
        0x0102 => "IP Internal routes",
        0x0103 => "IP External routes",
        0x0202 => "AppleTalk Internal routes",
        0x0203 => "AppleTalk External routes",
        0x0204 => "AppleTalk Cable setup",
        0x0302 => "IPX Internal routes",
        0x0303 => "IPX External routes",
        _ => "Unknown",
    }
}

fn ext_proto_name(p: u8) -> &'static str {
    match p {
        0x01 => "IGRP",
        0x02 => "EIGRP",
        0x03 => "Static",
        0x04 => "RIP",
        0x05 => "Hello",
        0x06 => "OSPF",
        0x07 => "IS-IS",
        0x08 => "EGP",
        0x09 => "BGP",
        0x0a => "IDRP",
        0x0b => "Connected",
        _ => "unknown",
    }
}

const HDR: usize = 20;

/// The EIGRP packet; `d` starts at the version byte.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "eigrp";
    if d.len() < HDR {
        c.trunc_mark();
        return Ok(());
    }
    let version = u8_at(d, 0)?;
    if version != 2 {
        c.s("EIGRP version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    let op = u8_at(d, 1)?;
    let short_name = |c: &mut Ctx| match opcode_name(op) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown (");
            c.dec(op);
            c.s(")");
        }
    };
    if c.opts.verbose == 0 {
        c.s("EIGRP ");
        short_name(c);
        c.s(", length: ");
        c.dec(len as u64);
        return Ok(());
    }
    if len < HDR {
        c.s("EIGRP ");
        short_name(c);
        c.s(", length: ");
        c.dec(len as u64);
        c.s(" (too short, < 20)");
        return Ok(());
    }
    let mut tlen = len - HDR;
    c.s("\n\tEIGRP v");
    c.dec(version);
    c.s(", opcode: ");
    match opcode_name(op) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown, type: ");
            c.dec(op);
        }
    }
    c.s(" (");
    c.dec(op);
    c.s("), chksum: 0x");
    c.o.hexw(u64::from(be16(d, 2)?), 4);
    c.s(", Flags: [");
    bits(c, FLAGS, be32(d, 4)?, "none");
    c.s("]\n\tseq: 0x");
    c.o.hexw(u64::from(be32(d, 8)?), 8);
    c.s(", ack: 0x");
    c.o.hexw(u64::from(be32(d, 12)?), 8);
    c.s(", VRID: ");
    c.dec(be16(d, 16)?);
    c.s(", AS: ");
    c.dec(be16(d, 18)?);
    c.s(", length: ");
    c.dec(tlen as u64);
    let mut p = HDR;
    while tlen > 0 {
        if bytes(d, p, 4).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        let ty = be16(d, p)?;
        let tl = usize::from(be16(d, p + 2)?);
        if tl < 4 || tl > tlen {
            unknown_data(c, d, p + 4, "\n\t    ", tlen);
            return Ok(());
        }
        c.s("\n\t  ");
        c.s(tlv_name(ty));
        c.s(" TLV (0x");
        c.o.hexw(u64::from(ty), 4);
        c.s("), length: ");
        c.dec(tl as u64);
        let body = p + 4;
        let blen = tl - 4;
        if bytes(d, p, tl).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        tlv(c, d, ty, body, blen)?;
        if c.opts.verbose > 1 {
            unknown_data(c, d, body, "\n\t    ", blen);
        }
        p += tl;
        tlen -= tl;
    }
    Ok(())
}

fn too_short(c: &mut Ctx, n: usize) {
    c.s(" (too short, < ");
    c.dec(n as u64);
    c.s(")");
}

/// "delay D ms, bandwidth B Kbps, mtu M, hop H, reliability R, load L" from
/// the metric fields starting at `at`.
fn metric(c: &mut Ctx, d: &[u8], at: usize) -> R {
    let delay = be32(d, at)? / 100;
    let bw = be32(d, at + 4)?;
    let m = bytes(d, at + 8, 3)?;
    let mtu = (u32::from(m[0]) << 16) | (u32::from(m[1]) << 8) | u32::from(m[2]);
    let hop = u8_at(d, at + 11)?;
    let rel = u8_at(d, at + 12)?;
    let load = u8_at(d, at + 13)?;
    c.s("\n\t      delay ");
    c.dec(delay);
    c.s(" ms, bandwidth ");
    c.dec(bw);
    c.s(" Kbps, mtu ");
    c.dec(mtu);
    c.s(", hop ");
    c.dec(hop);
    c.s(", reliability ");
    c.dec(rel);
    c.s(", load ");
    c.dec(load);
    Ok(())
}

/// "IPv4 prefix: %15s/len, nexthop: " and the next hop ("self" for 0).
fn prefix_nexthop(c: &mut Ctx, d: &[u8], b: usize, plen_at: usize) -> R<bool> {
    let bit_len = u8_at(d, plen_at)?;
    if bit_len > 32 {
        c.s("\n\t    illegal prefix length ");
        c.dec(bit_len);
        return Ok(false);
    }
    let n = usize::from(bit_len).div_ceil(8);
    let mut prefix = [0u8; 4];
    prefix[..n].copy_from_slice(bytes(d, plen_at + 1, n)?);
    c.s("\n\t    IPv4 prefix: ");
    let start = c.o.len();
    c.ipaddr(&prefix);
    let w = c.o.len() - start;
    if w < 15 {
        c.o.splice(start..start, std::iter::repeat_n(b' ', 15 - w));
    }
    c.s("/");
    c.dec(bit_len);
    c.s(", nexthop: ");
    let nh = bytes(d, b, 4)?;
    if nh == [0, 0, 0, 0] {
        c.s("self");
    } else {
        c.ipaddr(nh);
    }
    Ok(true)
}

fn tlv(c: &mut Ctx, d: &[u8], ty: u16, b: usize, blen: usize) -> R {
    match ty {
        0x0001 => {
            if blen < 8 {
                too_short(c, 12);
                return Ok(());
            }
            let hold = be16(d, b + 6)?;
            c.s("\n\t    holdtime: ");
            c.dec(hold);
            c.s("s");
            for (i, k) in ["k1", "k2", "k3", "k4", "k5"].iter().enumerate() {
                c.s(", ");
                c.s(k);
                c.s(" ");
                c.dec(u8_at(d, b + i)?);
            }
        }
        0x0004 => {
            if blen < 4 {
                too_short(c, 8);
                return Ok(());
            }
            let v = bytes(d, b, 4)?;
            c.s("\n\t    IOS version: ");
            c.dec(v[0]);
            c.s(".");
            c.dec(v[1]);
            c.s(", EIGRP version ");
            c.dec(v[2]);
            c.s(".");
            c.dec(v[3]);
        }
        0x0102 => {
            if blen < 22 {
                too_short(c, 26);
                return Ok(());
            }
            if prefix_nexthop(c, d, b, b + 20)? {
                metric(c, d, b + 4)?;
            }
        }
        0x0103 => {
            if blen < 42 {
                too_short(c, 46);
                return Ok(());
            }
            if prefix_nexthop(c, d, b, b + 40)? {
                let origin = bytes(d, b + 4, 4)?;
                let asn = be32(d, b + 8)?;
                let tag = be32(d, b + 12)?;
                let metric_v = be32(d, b + 16)?;
                let proto = u8_at(d, b + 22)?;
                let flags = u8_at(d, b + 23)?;
                c.s("\n\t      origin-router ");
                c.ipaddr(origin);
                c.s(", origin-as ");
                c.dec(asn);
                c.s(", origin-proto ");
                c.s(ext_proto_name(proto));
                c.s(", flags [0x");
                c.o.hexw(u64::from(flags), 2);
                c.s("], tag 0x");
                c.o.hexw(u64::from(tag), 8);
                c.s(", metric ");
                c.dec(metric_v);
                metric(c, d, b + 24)?;
            }
        }
        0x0204 => {
            if blen < 8 {
                too_short(c, 12);
                return Ok(());
            }
            let s = be16(d, b)?;
            let e = be16(d, b + 2)?;
            let id = be32(d, b + 4)?;
            c.s("\n\t    Cable-range: ");
            c.dec(s);
            c.s("-");
            c.dec(e);
            c.s(", Router-ID ");
            c.dec(id);
        }
        0x0202 | 0x0203 => {
            let (need, cable) = if ty == 0x0202 { (24, 20) } else { (40, 36) };
            if blen < need {
                too_short(c, need + 4);
                return Ok(());
            }
            let s = be16(d, b + cable)?;
            let e = be16(d, b + cable + 2)?;
            c.s("\n\t     Cable-Range: ");
            c.dec(s);
            c.s("-");
            c.dec(e);
            c.s(", nexthop: ");
            if be32(d, b)? == 0 {
                c.s("self");
            } else {
                let net = be16(d, b)?;
                let node = be16(d, b + 2)?;
                c.dec(net);
                c.s(".");
                c.dec(node);
            }
            if ty == 0x0202 {
                metric(c, d, b + 4)?;
            } else {
                let origin = be32(d, b + 4)?;
                let asn = be32(d, b + 8)?;
                let tag = be32(d, b + 12)?;
                let proto = u8_at(d, b + 16)?;
                let flags = u8_at(d, b + 17)?;
                let metric_v = be16(d, b + 18)?;
                c.s("\n\t      origin-router ");
                c.dec(origin);
                c.s(", origin-as ");
                c.dec(asn);
                c.s(", origin-proto ");
                c.s(ext_proto_name(proto));
                c.s(", flags [0x");
                c.o.hexw(u64::from(flags), 2);
                c.s("], tag 0x");
                c.o.hexw(u64::from(tag), 8);
                c.s(", metric ");
                c.dec(metric_v);
                metric(c, d, b + 20)?;
            }
        }
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, b, "\n\t    ", blen);
            }
        }
    }
    Ok(())
}
