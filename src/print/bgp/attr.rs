//! BGP path attributes as tcpdump 4.99 prints them (AS paths, communities,
//! extended and large communities, multiprotocol reach/unreach, PMSI, AIGP,
//! attribute sets).

use super::*;

/// `, Flags [OTPE+x]` of a path attribute.
pub(super) fn flags_text(c: &mut Ctx, flags: u8) {
    c.s(", Flags [");
    for (bit, ch) in [(0x80, "O"), (0x40, "T"), (0x20, "P"), (0x10, "E")] {
        if flags & bit != 0 {
            c.s(ch);
        }
    }
    if flags & 0xf != 0 {
        c.s("+");
        c.o.push(b"0123456789abcdef"[usize::from(flags & 0xf)]);
    }
    c.s("]");
}

/// The AS number width of an AS_PATH: 2 when its segments parse exactly with
/// 2-byte ASes, else 4 (tcpdump's guess; AS4_PATH is always 4).
pub(super) fn as_size(d: &[u8], t: u8, p: usize, len: usize) -> R<usize> {
    if t == 17 {
        return Ok(4);
    }
    let mut q = p;
    while q < p + len {
        let st = u8_at(d, q)?;
        if !(1..=4).contains(&st) {
            return Ok(4);
        }
        q += 2 + usize::from(u8_at(d, q + 1)?) * 2;
    }
    Ok(if q == p + len { 2 } else { 4 })
}

pub(super) fn is_v4_nh(af: u16, safi: u8) -> bool {
    af == 1 && matches!(safi, 1..=5 | 66 | 132)
}

/// AFI/SAFI pairs tcpdump has NLRI decoders for (bgp_mp_af_print's list).
pub(super) fn af_known(af: u16, safi: u8) -> bool {
    match af {
        1 => matches!(safi, 1..=5 | 66 | 128..=130 | 132),
        2 => matches!(safi, 1..=4 | 128..=130),
        3 => matches!(safi, 1..=3 | 128..=130),
        196 => matches!(safi, 128..=130),
        25 => safi == 65,
        _ => false,
    }
}

/// tcpdump's bgp_mp_af_print: Ok(Some((af, safi))) to go on decoding.
pub(super) fn mp_af(c: &mut Ctx, d: &[u8], p: usize, tlen: usize) -> R<Result<(u16, u8), bool>> {
    let af = be16(d, p)?;
    let safi = u8_at(d, p + 2)?;
    c.s("\n\t    AFI: ");
    named(c, af_name(af), "Unknown AFI", af.into());
    c.s(", ");
    if safi > 128 {
        c.s("vendor specific ");
    }
    c.s("SAFI: ");
    named(c, safi_name(safi), "Unknown SAFI", safi.into());
    if af_known(af, safi) {
        return Ok(Ok((af, safi)));
    }
    if !have(d, p, tlen) {
        return Ok(Err(true));
    }
    c.s("\n\t    no AFI ");
    c.dec(af);
    c.s(" / SAFI ");
    c.dec(safi);
    c.s(" decoder");
    if c.opts.verbose <= 1 {
        unknown_data(c, d, p, "\n\t    ", tlen);
    }
    Ok(Err(false))
}

/// An NSAP next hop of `len` bytes (SAFI 128-130: with a route distinguisher,
/// and the IPv4 or IPv6 address an RFC 986/1888 NSAP maps); false where tcpdump
/// gives up on the attribute.
pub(super) fn nsap_next_hop(c: &mut Ctx, d: &[u8], tp: usize, len: usize, safi: u8) -> R<bool> {
    if safi <= 3 {
        let a = bytes(d, tp, len)?;
        nsap(c, a);
        return Ok(true);
    }
    if len < 9 {
        c.s("invalid len");
        return Ok(true);
    }
    if !have(d, tp, len) {
        return Ok(false);
    }
    c.s("RD: ");
    rd(c, d, tp)?;
    c.s(", ");
    nsap(c, &d[tp + 8..tp + len]);
    if be32(d, tp + 8)? == 0x4700_0601 {
        let a = bytes(d, tp + 12, 4)?;
        c.s(" = ");
        c.ipaddr(a);
    } else if bytes(d, tp + 8, 3)? == [0x35, 0, 0] {
        let a = bytes(d, tp + 11, 16)?;
        c.s(" = ");
        c.ip6addr(a);
    }
    Ok(true)
}

/// One path attribute's value; Ok(false) where tcpdump's bgp_attr_print fails
/// (the update printer then prints the truncation mark and stops).
pub(super) fn attr(c: &mut Ctx, t: u8, d: &[u8], p: usize, len: usize) -> R<bool> {
    attr_at(c, t, d, p, len, 0)
}

/// Attribute sets nest at most this deep (tcpdump's limit).
pub(super) const MAX_ATTR_SET_LEVEL: u32 = 10;

pub(super) fn attr_at(
    c: &mut Ctx,
    t: u8,
    d: &[u8],
    p: usize,
    mut len: usize,
    level: u32,
) -> R<bool> {
    let mut tp = p;
    let mut tlen = len;
    match t {
        1 => {
            if len != 1 {
                c.s("invalid len");
            } else {
                c.s(match u8_at(d, p)? {
                    0 => "IGP",
                    1 => "EGP",
                    2 => "Incomplete",
                    _ => "Unknown Origin Typecode",
                });
            }
        }
        2 | 17 => {
            if !len.is_multiple_of(2) {
                c.s("invalid len");
            } else if len == 0 {
                c.s("empty");
            } else {
                let size = as_size(d, t, p, len)?;
                while tp < p + len {
                    let st = u8_at(d, tp)?;
                    c.s(match st {
                        1 => "{ ",
                        2 => "",
                        3 => "( ",
                        4 => "({ ",
                        _ => "?",
                    });
                    let n = usize::from(u8_at(d, tp + 1)?) * size;
                    let mut i = 0;
                    while i < n {
                        if !have(d, tp + 2 + i, size) {
                            return Ok(false);
                        }
                        if size == 2 {
                            as_num(c, be16(d, tp + 2 + i)?.into());
                        } else {
                            as_num(c, be32(d, tp + 2 + i)?);
                        }
                        c.s(" ");
                        i += size;
                    }
                    c.s(match st {
                        1 => "}",
                        2 => "",
                        3 => ")",
                        4 => "})",
                        _ => "?",
                    });
                    tp += 2 + n;
                }
            }
        }
        3 | 9 => {
            if len != 4 {
                c.s("invalid len");
            } else {
                c.ipaddr(bytes(d, p, 4)?);
            }
        }
        4 | 5 => {
            if len != 4 {
                c.s("invalid len");
            } else {
                c.dec(be32(d, p)?);
            }
        }
        6 => {
            if len != 0 {
                c.s("invalid len");
            }
        }
        7 | 18 => {
            if len != 8 && (t == 18 || len != 6) {
                c.s("invalid len");
            } else {
                if !have(d, p, len) {
                    return Ok(false);
                }
                c.s(" AS #");
                if len == 6 {
                    as_num(c, be16(d, p)?.into());
                } else {
                    as_num(c, be32(d, p)?);
                }
                c.s(", origin ");
                c.ipaddr(&d[p + len - 4..p + len]);
            }
        }
        8 => {
            if !len.is_multiple_of(4) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    if !have(d, tp, 4) {
                        return Ok(false);
                    }
                    let comm = be32(d, tp)?;
                    match comm {
                        0xffff_ff01 => c.s(" NO_EXPORT"),
                        0xffff_ff02 => c.s(" NO_ADVERTISE"),
                        0xffff_ff03 => c.s(" NO_EXPORT_SUBCONFED"),
                        _ => {
                            c.dec(comm >> 16);
                            c.s(":");
                            c.dec(comm & 0xffff);
                            if tlen > 4 {
                                c.s(", ");
                            }
                        }
                    }
                    tlen -= 4;
                    tp += 4;
                }
            }
        }
        10 => {
            if !len.is_multiple_of(4) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    c.ipaddr(bytes(d, tp, 4)?);
                    if tlen > 4 {
                        c.s(", ");
                    }
                    tlen -= 4;
                    tp += 4;
                }
            }
        }
        14 => {
            if !have(d, p, 3) || tlen < 3 {
                return Ok(false);
            }
            match mp_af(c, d, p, tlen)? {
                Err(true) => return Ok(false),
                Err(false) => {}
                Ok((af, safi)) => {
                    tp += 3;
                    tlen -= 3;
                    if !have(d, tp, 1) || tlen < 1 {
                        return Ok(false);
                    }
                    let nhlen = usize::from(d[tp]);
                    tp += 1;
                    tlen -= 1;
                    if nhlen != 0 {
                        if tlen < nhlen {
                            return Ok(false);
                        }
                        c.s("\n\t    nexthop: ");
                        let mut left = nhlen;
                        let mut first = true;
                        while left != 0 {
                            if !first {
                                c.s(", ");
                            }
                            first = false;
                            if af == 3 {
                                if !nsap_next_hop(c, d, tp, left, safi)? {
                                    return Ok(false);
                                }
                                tp += left;
                                tlen -= left;
                                left = 0;
                                continue;
                            }
                            let vpn = matches!(safi, 128..=130) && (af == 1 || af == 2);
                            if vpn {
                                let need = if af == 1 { 12 } else { 24 };
                                if left < need {
                                    c.s("invalid len");
                                    tp += left;
                                    tlen -= left;
                                    left = 0;
                                } else {
                                    let a = bytes(d, tp + 8, need - 8)?;
                                    c.s("RD: ");
                                    rd(c, d, tp)?;
                                    c.s(", ");
                                    addr(c, a, af == 2);
                                    tp += need;
                                    tlen -= need;
                                    left -= need;
                                }
                                continue;
                            }
                            let alen = if is_v4_nh(af, safi) || af == 25 || af == 196 {
                                4
                            } else if af == 2 && matches!(safi, 1..=4) {
                                16
                            } else {
                                // VPN, L2VPN and NSAP next hops are not decoded.
                                c.s("invalid len");
                                tp += left;
                                tlen -= left;
                                break;
                            };
                            if left < alen {
                                c.s("invalid len");
                                tp += left;
                                tlen -= left;
                                left = 0;
                            } else {
                                let a = bytes(d, tp, alen)?;
                                if alen == 4 {
                                    c.ipaddr(a);
                                } else {
                                    c.ip6addr(a);
                                }
                                tp += alen;
                                tlen -= alen;
                                left -= alen;
                            }
                        }
                    }
                    c.s(", nh-length: ");
                    c.dec(nhlen as u64);
                    if tlen < 1 {
                        return Ok(false);
                    }
                    let snpa = u8_at(d, tp)?;
                    tp += 1;
                    tlen -= 1;
                    if snpa != 0 {
                        c.s("\n\t    ");
                        c.dec(snpa);
                        c.s(" SNPA");
                        for _ in 0..snpa {
                            if tlen < 1 {
                                return Ok(false);
                            }
                            let sl = usize::from(u8_at(d, tp)?);
                            c.s("\n\t      ");
                            c.dec(sl as u64);
                            c.s(" bytes");
                            tp += 1;
                            tlen -= 1;
                            if tlen < sl || !have(d, tp, sl) {
                                return Ok(false);
                            }
                            tp += sl;
                            tlen -= sl;
                        }
                    } else {
                        c.s(", no SNPA");
                    }
                    if !nlri_list(c, d, af, safi, p, tp, len)? {
                        return Ok(false);
                    }
                }
            }
        }
        15 => {
            if !have(d, p, 3) {
                return Ok(false);
            }
            match mp_af(c, d, p, tlen)? {
                Err(true) => return Ok(false),
                Err(false) => {}
                Ok((af, safi)) => {
                    if len == 3 {
                        c.s("\n\t      End-of-Rib Marker (empty NLRI)");
                    }
                    if !nlri_list(c, d, af, safi, p, p + 3, len)? {
                        return Ok(false);
                    }
                }
            }
        }
        16 => {
            if !len.is_multiple_of(8) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    if !have(d, tp, 8) {
                        return Ok(false);
                    }
                    let et = be16(d, tp)?;
                    c.s("\n\t    ");
                    c.s(ext_comm_name(et).unwrap_or("unknown extd community typecode"));
                    c.s(" (0x");
                    c.o.hexw(et.into(), 4);
                    c.s("), Flags [");
                    match (et & 0x8000 != 0, et & 0x4000 != 0) {
                        (false, false) => c.s("none"),
                        (true, false) => c.s("vendor-specific"),
                        (false, true) => c.s("non-transitive"),
                        (true, true) => c.s("vendor-specific, non-transitive"),
                    }
                    c.s("]: ");
                    ext_community(c, &d[tp..tp + 8], et);
                    tlen -= 8;
                    tp += 8;
                }
            }
        }
        22 => {
            if !have(d, tp, 5) || tlen < 5 {
                return Ok(false);
            }
            let flags = d[tp];
            let tt = d[tp + 1];
            let lbl = (u32::from(be16(d, tp + 2)?) << 8 | u32::from(d[tp + 4])) >> 4;
            c.s("\n\t    Tunnel-type ");
            let name = match tt {
                1 => Some("RSVP-TE P2MP LSP"),
                2 => Some("LDP P2MP LSP"),
                3 => Some("PIM-SSM Tree"),
                4 => Some("PIM-SM Tree"),
                5 => Some("PIM-Bidir Tree"),
                6 => Some("Ingress Replication"),
                7 => Some("LDP MP2MP LSP"),
                _ => None,
            };
            named(c, name, "Unknown", tt.into());
            c.s(", Flags [");
            c.s(if flags & 1 != 0 {
                "Leaf Information required"
            } else {
                "none"
            });
            c.s("], MPLS Label ");
            c.dec(lbl);
            tp += 5;
            tlen -= 5;
            match tt {
                3..=5 => {
                    let (a, b) = (bytes(d, tp, 4)?, bytes(d, tp + 4, 4)?);
                    c.s(if tt == 3 {
                        "\n\t      Root-Node "
                    } else {
                        "\n\t      Sender "
                    });
                    c.ipaddr(a);
                    c.s(", P-Group ");
                    c.ipaddr(b);
                }
                6 => {
                    let a = bytes(d, tp, 4)?;
                    c.s("\n\t      Tunnel-Endpoint ");
                    c.ipaddr(a);
                }
                1 | 2 | 7 => {
                    let (a, id) = (bytes(d, tp, 4)?, be32(d, tp + 4)?);
                    c.s(if tt == 1 {
                        "\n\t      Extended-Tunnel-ID "
                    } else {
                        "\n\t      Root-Node "
                    });
                    c.ipaddr(a);
                    c.s(if tt == 1 {
                        ", P2MP-ID 0x"
                    } else {
                        ", LSP-ID 0x"
                    });
                    c.o.hexw(id.into(), 8);
                }
                _ => {
                    if c.opts.verbose <= 1 {
                        unknown_data(c, d, tp, "\n\t      ", tlen);
                    }
                }
            }
        }
        26 => {
            while tlen >= 3 {
                let at = u8_at(d, tp)?;
                let alen = usize::from(be16(d, tp + 1)?);
                tp += 3;
                tlen -= 3;
                c.s("\n\t    ");
                c.s(if at == 1 { "AIGP" } else { "Unknown" });
                c.s(" TLV (");
                c.dec(at);
                c.s("), length ");
                c.dec(alen as u64);
                if alen < 3 {
                    return Ok(false);
                }
                let alen = alen - 3;
                if tlen < alen {
                    return Ok(false);
                }
                if at == 1 {
                    if alen < 8 {
                        return Ok(false);
                    }
                    let m = u64::from(be32(d, tp)?) << 32 | u64::from(be32(d, tp + 4)?);
                    c.s(", metric ");
                    c.dec(m);
                } else if c.opts.verbose <= 1 {
                    unknown_data(c, d, tp, "\n\t      ", alen);
                }
                tp += alen;
                tlen -= alen;
            }
        }
        128 => {
            if !have(d, tp, 4) || len < 4 {
                return Ok(false);
            }
            c.s("\n\t    Origin AS: ");
            as_num(c, be32(d, tp)?);
            tp += 4;
            len -= 4;
            while len != 0 {
                if !have(d, tp, 2) {
                    return Ok(false);
                }
                if len < 2 {
                    c.s(" [path attr too short]");
                    break;
                }
                let flags = d[tp];
                let at = d[tp + 1];
                tp += 2;
                len -= 2;
                let lenlen = if flags & 0x10 != 0 { 2 } else { 1 };
                if !have(d, tp, lenlen) {
                    return Ok(false);
                }
                if len < lenlen {
                    c.s(" [path attr too short]");
                    break;
                }
                let alen = if lenlen == 2 {
                    usize::from(be16(d, tp)?)
                } else {
                    usize::from(d[tp])
                };
                tp += lenlen;
                len -= lenlen;
                c.s("\n\t      ");
                named(c, attr_name(at), "Unknown Attribute", at.into());
                c.s(", length: ");
                c.dec(alen as u64);
                if flags != 0 {
                    flags_text(c, flags);
                }
                c.s(": ");
                if len < alen {
                    c.s(" [path attr too short]");
                    break;
                }
                if level == MAX_ATTR_SET_LEVEL {
                    c.s("(too many nested levels, not recursing)");
                } else if !attr_at(c, at, d, tp, alen, level + 1)? {
                    return Ok(false);
                }
                tp += alen;
                len -= alen;
            }
        }
        32 => {
            if len == 0 || !len.is_multiple_of(12) {
                c.s("invalid len");
            } else {
                c.s("\n\t    ");
                while tlen != 0 {
                    c.dec(be32(d, tp)?);
                    c.s(":");
                    c.dec(be32(d, tp + 4)?);
                    c.s(":");
                    c.dec(be32(d, tp + 8)?);
                    if tlen > 12 {
                        c.s(", ");
                    }
                    tp += 12;
                    tlen -= 12;
                }
                // tcpdump counts the attribute's own length down here, so -vv
                // has nothing left to dump.
                return Ok(true);
            }
        }
        _ => {
            if !have(d, p, len) {
                return Ok(false);
            }
            c.s("\n\t    no Attribute ");
            c.dec(t);
            c.s(" decoder");
            if c.opts.verbose <= 1 {
                unknown_data(c, d, p, "\n\t    ", len);
            }
        }
    }
    if c.opts.verbose > 1 && len != 0 {
        if !have(d, p, len) {
            return Ok(false);
        }
        unknown_data(c, d, p, "\n\t    ", len);
    }
    Ok(true)
}

/// The value of one 8-byte extended community `e` of type `t`.
pub(super) fn ext_community(c: &mut Ctx, e: &[u8], t: u16) {
    let u16at = |o: usize| u16::from_be_bytes([e[o], e[o + 1]]);
    let u32at = |o: usize| u32::from_be_bytes([e[o], e[o + 1], e[o + 2], e[o + 3]]);
    match t {
        0x0002 | 0x0003 | 0x000a => {
            c.dec(u16at(2));
            c.s(":");
            c.dec(u32at(4));
            c.s(" (= ");
            c.ipaddr(&e[4..8]);
            c.s(")");
        }
        0x0102 | 0x0103 | 0xf10a | 0x010b => {
            c.ipaddr(&e[2..6]);
            c.s(":");
            c.dec(u16at(6));
        }
        0x0202 | 0x0203 => {
            as_num(c, u32at(2));
            c.s(":");
            c.dec(u16at(6));
        }
        0x4004 => {
            let bw = f32::from_bits(u32at(4)) * 8.0 / 1_000_000.0;
            c.s("bandwidth: ");
            // printf's %.3f: glibc spells the specials nan/-nan/inf/-inf.
            let sign = if bw.is_sign_negative() { "-" } else { "" };
            if bw.is_nan() {
                c.s(sign);
                c.s("nan");
            } else if bw.is_infinite() {
                c.s(sign);
                c.s("inf");
            } else {
                c.s(&format!("{:.3}", f64::from(bw)));
            }
            c.s(" Mbps");
        }
        0x0005 | 0x0105 | 0x0205 | 0x8005 | 0x0107 | 0x8001 => c.ipaddr(&e[2..6]),
        0x0306 | 0x8000 => {
            c.s("area:");
            c.ipaddr(&e[2..6]);
            c.s(", router-type:");
            match ospf_rtype_name(e[6]) {
                Some(n) => c.s(n),
                None => {
                    c.s("unknown (0x");
                    c.o.hexw(e[6].into(), 2);
                    c.s(")");
                }
            }
            c.s(", metric-type:");
            if e[7] & 1 != 0 {
                c.s("E2");
            }
            if e[6] == 5 || e[6] == 7 {
                c.s("E1");
            }
        }
        0x800a => {
            c.s(l2_encaps_name(e[2]).unwrap_or("unknown encaps"));
            c.s(" Control Flags [0x");
            c.o.hexw(e[3].into(), 2);
            c.s("]:MTU ");
            c.dec(u16at(4));
        }
        0x0009 => {
            c.s("AS ");
            c.dec(u16at(2));
        }
        0x030c => {
            c.s("Tunnel type: ");
            c.s(tunnel_name(u16at(6)).unwrap_or("unknown encaps"));
        }
        _ => {
            for &b in &e[2..8] {
                c.o.hexw(b.into(), 2);
            }
        }
    }
}
