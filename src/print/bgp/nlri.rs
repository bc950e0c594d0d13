//! BGP NLRI: IPv4/IPv6 prefixes (with add-path detection), labeled and VPN
//! prefixes, route distinguishers, RT-constraint, MDT, multicast-VPN, L2VPN and
//! CLNP entries, as tcpdump 4.99 prints them.

use super::*;

/// A prefix of the family whose address is `alen` bytes: Ok(Ok(bytes used)), or
/// Ok(Err(-1)) for an illegal length, Ok(Err(-2)) when `itemlen` is too short;
/// `Err` when the capture ends. Prints `\n\t<indent>addr/len` on success.
pub(super) fn prefix(
    c: &mut Ctx,
    d: &[u8],
    p: usize,
    itemlen: usize,
    alen: usize,
    indent: &str,
) -> R<Result<usize, i32>> {
    if itemlen < 1 {
        return Ok(Err(-2));
    }
    let plen = usize::from(u8_at(d, p)?);
    if plen > alen * 8 {
        return Ok(Err(-1));
    }
    let nbytes = plen.div_ceil(8);
    if itemlen - 1 < nbytes {
        return Ok(Err(-2));
    }
    let src = bytes(d, p + 1, nbytes)?;
    let mut a = [0u8; 16];
    a[..nbytes].copy_from_slice(src);
    if !plen.is_multiple_of(8) {
        a[nbytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    c.s(indent);
    if alen == 4 {
        c.ipaddr(&a[..4]);
    } else {
        c.ip6addr(&a);
    }
    c.s("/");
    c.dec(plen as u64);
    Ok(Ok(1 + nbytes))
}

/// tcpdump's check_add_path: whether the NLRI at `p` (`length` bytes) parses
/// only with a 4-byte path identifier before each prefix.
pub(super) fn check_add_path(d: &[u8], p: usize, length: usize, max: usize) -> bool {
    if length < 5 {
        return false;
    }
    let mut off = 0usize;
    while off < length {
        off += 4;
        let Some(&pl) = d.get(p + off) else { break };
        let pl = usize::from(pl);
        if pl > max {
            return false;
        }
        off += 1 + pl.div_ceil(8);
    }
    if off > length {
        return false;
    }
    off = 0;
    while off < length {
        let Some(&pl) = d.get(p + off) else { break };
        let pl = usize::from(pl);
        if pl < 1 || pl > max {
            return true;
        }
        off += 1 + pl.div_ceil(8);
    }
    off > length
}

/// One NLRI entry of an MP attribute; tcpdump's bgp_nlri_print return value.
pub(super) fn nlri(
    c: &mut Ctx,
    d: &[u8],
    af: u16,
    safi: u8,
    p: usize,
    len: usize,
    add_path: (bool, bool),
) -> R<i64> {
    let plain = matches!(safi, 1..=3) && (af == 1 || af == 2);
    if !plain {
        return special_nlri(c, d, af, safi, p, len);
    }
    let (add, alen) = if af == 1 {
        (add_path.0, 4)
    } else {
        (add_path.1, 16)
    };
    let mut q = p;
    let mut path_id = 0;
    if add {
        path_id = be32(d, q)?;
        q += 4;
    }
    let mut advance: i64 = match prefix(c, d, q, len, alen, "\n\t      ")? {
        Ok(n) => n as i64,
        Err(-1) => {
            c.s("\n\t    (illegal prefix length)");
            -1
        }
        Err(e) => return Ok(e.into()),
    };
    if add {
        c.s("   Path Id: ");
        c.dec(path_id);
        advance += 4;
    }
    Ok(advance)
}

/// An address of `alen` bytes from a prefix of `plen` bits at `off` (the rest
/// zero, the last byte masked); `Err` when the capture ends inside it.
pub(super) fn masked(d: &[u8], off: usize, plen: usize) -> R<[u8; 16]> {
    let n = plen.div_ceil(8);
    let mut a = [0u8; 16];
    a[..n].copy_from_slice(bytes(d, off, n)?);
    if !plen.is_multiple_of(8) {
        a[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    Ok(a)
}

pub(super) fn addr(c: &mut Ctx, a: &[u8], v6: bool) {
    if v6 {
        c.ip6addr(a);
    } else {
        c.ipaddr(&a[..4]);
    }
}

/// ", label:N (bottom)" from the 3 label bytes at `off`.
pub(super) fn label(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let l = (u32::from(be16(d, off)?) << 8 | u32::from(u8_at(d, off + 2)?)) >> 4;
    let bottom = u8_at(d, off + 2)? & 1 != 0;
    c.s(", label:");
    c.dec(l);
    c.s(if bottom {
        " (bottom)"
    } else {
        " (BOGUS: Bottom of Stack NOT set!)"
    });
    Ok(())
}

/// An RFC 4364 route distinguisher (8 bytes at `off`); everything is read first.
pub(super) fn rd(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let t = be16(d, off)?;
    let b = bytes(d, off, 8)?;
    let dq = |c: &mut Ctx, a: &[u8]| {
        for (i, x) in a.iter().enumerate() {
            if i > 0 {
                c.s(".");
            }
            c.dec(*x);
        }
    };
    match t {
        0 => {
            c.dec(u16::from_be_bytes([b[2], b[3]]));
            c.s(":");
            c.dec(u32::from_be_bytes([b[4], b[5], b[6], b[7]]));
            c.s(" (= ");
            dq(c, &b[4..8]);
            c.s(")");
        }
        1 => {
            dq(c, &b[2..6]);
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
        }
        2 => {
            as_num(c, u32::from_be_bytes([b[2], b[3], b[4], b[5]]));
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
            c.s(" (");
            dq(c, &b[2..6]);
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
            c.s(")");
        }
        _ => c.s("unknown RD format"),
    }
    Ok(())
}

/// Labeled, VPN, RT-constraint and MDT NLRI (tcpdump's decode_* helpers); the
/// bytes used, or tcpdump's negative codes. Multicast-VPN, L2VPN/VPLS and CLNP
/// NLRI are not decoded: the attribute stops there.
pub(super) fn special_nlri(
    c: &mut Ctx,
    d: &[u8],
    af: u16,
    safi: u8,
    p: usize,
    len: usize,
) -> R<i64> {
    let v6 = af == 2;
    let alen: usize = if v6 { 16 } else { 4 };
    match (af, safi) {
        (1 | 2, 4) => {
            if !have(d, p, 4) {
                return Ok(-2);
            }
            if len < 4 {
                return Ok(-3);
            }
            let plen = usize::from(d[p]);
            if plen < 24 || plen - 24 > alen * 8 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 24;
            let n = plen.div_ceil(8);
            if !v6 && len - 4 < n {
                return Ok(-3);
            }
            let a = masked(d, p + 4, plen)?;
            c.s("\n\t      ");
            addr(c, &a, v6);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((4 + n) as i64)
        }
        (1 | 2, 128..=130) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen < 88 || plen - 88 > alen * 8 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 88;
            let a = masked(d, p + 12, plen)?;
            // The RD and label are read before anything is printed.
            bytes(d, p + 1, 11)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 4)?;
            c.s(", ");
            addr(c, &a, v6);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((12 + plen.div_ceil(8)) as i64)
        }
        (1, 132) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen == 0 {
                c.s("\n\t      default route target");
                return Ok(1);
            }
            if plen < 32 {
                c.s("\n\t      (illegal prefix length)");
                return Ok(-1);
            }
            // tcpdump reads the origin AS before it checks the upper bound.
            let origin = be32(d, p + 1)?;
            if plen - 32 > 64 {
                c.s("\n\t      (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 32;
            let n = plen.div_ceil(8);
            let mut rt = [0u8; 8];
            rt[..n].copy_from_slice(bytes(d, p + 5, n)?);
            if !plen.is_multiple_of(8) {
                rt[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
            }
            c.s("\n\t      origin AS: ");
            as_num(c, origin);
            c.s(", ");
            let text = rt_prefix(&rt, plen, c.opts.asdot);
            // tcpdump formats it into a 61-byte buffer.
            c.s(&text[..text.len().min(60)]);
            Ok((5 + n) as i64)
        }
        (1, 66) => {
            if u8_at(d, p)? != 128 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            if !have(d, p + 1, 8) {
                return Ok(-2);
            }
            bytes(d, p + 9, 8)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 1)?;
            c.s(", VPN IP Address: ");
            c.ipaddr(&d[p + 9..p + 13]);
            c.s(", MC Group Address: ");
            c.ipaddr(&d[p + 13..p + 17]);
            Ok(17)
        }
        (3, 1..=3) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen > 152 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            // tcpdump reads the prefix 4 bytes in, past its length octet.
            let a = clnp_prefix(d, p + 4, plen)?;
            c.s("\n\t      ");
            nsap(c, &a);
            c.s("/");
            c.dec(plen as u64);
            Ok((1 + a.len()) as i64)
        }
        (3, 128..=130) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen < 88 || plen - 88 > 152 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 88;
            let a = clnp_prefix(d, p + 12, plen)?;
            bytes(d, p + 1, 11)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 4)?;
            c.s(", ");
            nsap(c, &a);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((12 + a.len()) as i64)
        }
        (25, 65) | (196, 128..=130) => {
            let Some(text) = vpn_l2(c, d, p)? else {
                return Ok(-2);
            };
            c.s("\n\t      ");
            c.s(&text);
            Ok(i64::from(be16(d, p)?) + 2)
        }
        (1, 5) => {
            let Some(text) = mvpn(c, d, p)? else {
                return Ok(-2);
            };
            // tcpdump formats it into a buffer of MAXHOSTNAMELEN + 100 bytes.
            c.s("\n\t      ");
            c.s(&text[..floor_char(&text, 163)]);
            Ok(i64::from(u8_at(d, p + 1)?) + 2)
        }
        _ => Ok(-4),
    }
}

/// A text buffer of tcpdump's fixed size: appends stop once it is full.
pub(super) struct FixedBuf {
    s: String,
    room: usize,
}

impl FixedBuf {
    pub(super) fn new(room: usize) -> Self {
        FixedBuf {
            s: String::new(),
            room,
        }
    }
    pub(super) fn full(&self) -> bool {
        self.room == 0
    }
    /// snprintf into what is left: the text is cut to fit (leaving room for the
    /// NUL), and a cut marks the buffer full.
    pub(super) fn push(&mut self, t: &str) {
        if self.room == 0 {
            return;
        }
        if t.len() >= self.room {
            self.s.push_str(&t[..floor_char(t, self.room - 1)]);
            self.room = 0;
        } else {
            self.s.push_str(t);
            self.room -= t.len();
        }
    }
}

/// An L2VPN/VPLS NLRI as text (tcpdump's decode_labeled_vpn_l2); None for its
/// truncation code.
pub(super) fn vpn_l2(c: &mut Ctx, d: &[u8], p: usize) -> R<Option<String>> {
    let plen = usize::from(be16(d, p)?);
    let mut q = p + 2;
    let mut buf = FixedBuf::new(164);
    if plen == 12 {
        if !have(d, q, 12) {
            return Ok(None);
        }
        let rd = rd_text(c, d, q)?;
        let nh = vpn_ip(c, d, q + 8, 32)?;
        buf.push(&format!("RD: {rd}, BGPNH: {nh}"));
        return Ok(Some(buf.s));
    }
    if plen <= 17 {
        return Ok(None);
    }
    if !have(d, q, 15) {
        return Ok(None);
    }
    let rd = rd_text(c, d, q)?;
    let base = (u32::from(be16(d, q + 12)?) << 8 | u32::from(d[q + 14])) >> 4;
    buf.push(&format!(
        "RD: {rd}, CE-ID: {}, Label-Block Offset: {}, Label Base {base}",
        be16(d, q + 8)?,
        be16(d, q + 10)?
    ));
    q += 15;
    let mut tlen = plen - 15;
    while tlen != 0 {
        if tlen < 3 {
            buf.push("\n\t\tran past the end");
            return Ok(Some(buf.s));
        }
        let t = u8_at(d, q)?;
        let bits = be16(d, q + 1)?;
        let mut bytes_left = usize::from(bits).div_ceil(8);
        q += 3;
        if t == 1 {
            buf.push(&format!(
                "\n\t\tcircuit status vector ({t}) length: {bits}: 0x"
            ));
            while bytes_left != 0 {
                if tlen < 1 {
                    buf.push(" (ran past the end)");
                    return Ok(Some(buf.s));
                }
                if !have(d, q, 1) {
                    return Ok(None);
                }
                if !buf.full() {
                    buf.push(&format!("{:02x}", d[q]));
                    q += 1;
                }
                bytes_left -= 1;
                tlen -= 1;
            }
        } else {
            buf.push(&format!("\n\t\tunknown TLV #{t}, length: {bits}"));
            if tlen < bytes_left {
                buf.push(" (ran past the end)");
                return Ok(Some(buf.s));
            }
            tlen -= bytes_left;
        }
    }
    Ok(Some(buf.s))
}

/// tcpdump's isonsap_string: hex pairs, a dot after the first byte and after
/// every second one from there.
pub(super) fn nsap(c: &mut Ctx, a: &[u8]) {
    if a.is_empty() || a.len() > 20 {
        c.s("isonsap_string: illegal length");
        return;
    }
    for (i, b) in a.iter().enumerate() {
        c.o.hexw((*b).into(), 2);
        if i % 2 == 0 && i + 1 < a.len() {
            c.s(".");
        }
    }
}

/// A CLNP prefix of `plen` bits at `off`, masked.
pub(super) fn clnp_prefix(d: &[u8], off: usize, plen: usize) -> R<Vec<u8>> {
    let n = plen.div_ceil(8);
    let mut a = bytes(d, off, n)?.to_vec();
    if !plen.is_multiple_of(8) {
        a[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    Ok(a)
}

/// The longest prefix of `s` of at most `n` bytes that ends on a char boundary.
pub(super) fn floor_char(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Text of an address of `bits` bits at `off` (tcpdump's bgp_vpn_ip_print).
pub(super) fn vpn_ip(c: &mut Ctx, d: &[u8], off: usize, bits: u32) -> R<String> {
    let start = c.o.len();
    let r = match bits {
        32 => bytes(d, off, 4).map(|a| c.ipaddr(a)),
        128 => bytes(d, off, 16).map(|a| c.ip6addr(a)),
        _ => {
            c.s("bogus address length ");
            c.dec(bits);
            Ok(())
        }
    };
    let text = String::from_utf8_lossy(&c.o[start..]).into_owned();
    c.o.truncate(start);
    r.map(|()| text)
}

/// Text of a route distinguisher at `off`.
pub(super) fn rd_text(c: &mut Ctx, d: &[u8], off: usize) -> R<String> {
    let start = c.o.len();
    let r = rd(c, d, off);
    let text = String::from_utf8_lossy(&c.o[start..]).into_owned();
    c.o.truncate(start);
    r.map(|()| text)
}

/// tcpdump's bgp_vpn_sg_print: source and group appended to `buf`; the bytes
/// used (what was counted before a capture check failed).
pub(super) fn vpn_sg(c: &mut Ctx, d: &[u8], mut p: usize, buf: &mut String) -> R<usize> {
    let mut total = 0;
    for what in [", Source ", ", Group "] {
        let bits = usize::from(u8_at(d, p)?);
        p += 1;
        if !have(d, p, bits >> 3) {
            return Ok(total);
        }
        total += (bits >> 3) + 1;
        if bits != 0 {
            buf.push_str(what);
            buf.push_str(&vpn_ip(c, d, p, bits as u32)?);
            p += bits >> 3;
        }
    }
    Ok(total)
}

/// A multicast-VPN NLRI as text (tcpdump's decode_multicast_vpn); None where
/// it returns its truncation code.
pub(super) fn mvpn(c: &mut Ctx, d: &[u8], p: usize) -> R<Option<String>> {
    let rtype = u8_at(d, p)?;
    let rlen = usize::from(u8_at(d, p + 1)?);
    let q = p + 2;
    let name = match rtype {
        1 => "Intra-AS I-PMSI",
        2 => "Inter-AS I-PMSI",
        3 => "S-PMSI",
        4 => "Intra-AS Segment-Leaf",
        5 => "Source-Active",
        6 => "Shared Tree Join",
        7 => "Source Tree Join",
        _ => "Unknown",
    };
    let mut buf = format!("Route-Type: {name} ({rtype}), length: {rlen}");
    match rtype {
        1 => {
            // tcpdump 4.99 does not check the length against the RD's.
            if !have(d, q, 8) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            let ip = vpn_ip(c, d, q + 8, (rlen as u32).wrapping_sub(8) << 3)?;
            buf.push_str(&format!(", RD: {rd}, Originator {ip}"));
        }
        2 | 6 | 7 => {
            if !have(d, q, 12) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            let asn = as_text(c.opts.asdot, be32(d, q + 8)?);
            buf.push_str(&format!(", RD: {rd}, Source-AS {asn}"));
            if rtype != 2 {
                vpn_sg(c, d, q + 12, &mut buf)?;
            }
        }
        3 | 5 => {
            if !have(d, q, 8) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            buf.push_str(&format!(", RD: {rd}"));
            let sg = vpn_sg(c, d, q + 8, &mut buf)?;
            if rtype == 3 {
                let alen = rlen.wrapping_sub(sg);
                if !have(d, q + 8, alen) {
                    return Ok(None);
                }
                let ip = vpn_ip(c, d, q + 8, (alen as u32) << 3)?;
                buf.push_str(&format!(", Originator {ip}"));
            }
        }
        _ => {}
    }
    Ok(Some(buf))
}

/// tcpdump's bgp_rt_prefix_print for a route-target prefix of `plen` bits.
pub(super) fn rt_prefix(rt: &[u8; 8], plen: usize, asdot: bool) -> String {
    use std::fmt::Write as _;
    if plen == 0 {
        return "route-target: 0:0/0".to_string();
    }
    let n = plen.div_ceil(8);
    let mut hex = String::new();
    for (i, b) in rt[..n].iter().enumerate() {
        let _ = write!(hex, "{b:02x}");
        if i % 2 == 1 && i + 1 < n {
            hex.push(' ');
        }
    }
    if plen < 16 {
        return format!("route-target: partial-type: ({hex}/{plen})");
    }
    let u16at = |o: usize| u16::from_be_bytes([rt[o], rt[o + 1]]);
    let u32at = |o: usize| u32::from_be_bytes([rt[o], rt[o + 1], rt[o + 2], rt[o + 3]]);
    match u16at(0) {
        0x0002 => format!("route-target: {}:{}/{plen} ({hex})", u16at(2), u32at(4)),
        0x0102 => format!(
            "route-target: {}.{}.{}.{}:{}/{plen} ({hex})",
            rt[2],
            rt[3],
            rt[4],
            rt[5],
            u16at(6)
        ),
        0x0202 => format!(
            "route-target: {}:{}/{plen} ({hex})",
            as_text(asdot, u32at(2)),
            u16at(6)
        ),
        t => format!("route target: unknown-type({t:04x}) ({hex}/{plen})"),
    }
}

pub(super) fn nlri_list(
    c: &mut Ctx,
    d: &[u8],
    af: u16,
    safi: u8,
    start: usize,
    mut q: usize,
    len: usize,
) -> R<bool> {
    let rest = len.saturating_sub(q - start);
    let add_path = (
        check_add_path(d, q, rest, 32),
        check_add_path(d, q, rest, 128),
    );
    while q < start + len {
        let adv = nlri(c, d, af, safi, q, len, add_path)?;
        if adv == -2 {
            return Ok(false);
        }
        if adv < 0 {
            break;
        }
        q += adv as usize;
    }
    Ok(true)
}
