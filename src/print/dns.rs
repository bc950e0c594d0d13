//! DNS messages (queries and responses, common record types), as tcpdump's
//! domain printer summarises them.

use super::dns_name::{self, EDNS0_MASK, INDIR_MASK};
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, u8_at};

thread_local! {
    /// Set when a read failed where tcpdump reads without checking first (its
    /// longjmp out of the whole packet, which `-x` shows as the full frame),
    /// as opposed to the checked reads that end the DNS line with the mark.
    static UNCHECKED_END: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `v`, or None after noting an unchecked read past the capture.
fn unchecked<T>(v: Option<T>) -> Option<T> {
    if v.is_none() {
        UNCHECKED_END.with(|f| f.set(true));
    }
    v
}

const T_OPT: u16 = 41;

fn type_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "A",
        2 => "NS",
        3 => "MD",
        4 => "MF",
        5 => "CNAME",
        6 => "SOA",
        7 => "MB",
        8 => "MG",
        9 => "MR",
        10 => "NULL",
        11 => "WKS",
        12 => "PTR",
        13 => "HINFO",
        14 => "MINFO",
        15 => "MX",
        16 => "TXT",
        17 => "RP",
        18 => "AFSDB",
        19 => "X25",
        20 => "ISDN",
        21 => "RT",
        22 => "NSAP",
        23 => "NSAP_PTR",
        24 => "SIG",
        25 => "KEY",
        26 => "PX",
        27 => "GPOS",
        28 => "AAAA",
        29 => "LOC",
        30 => "NXT",
        31 => "EID",
        32 => "NIMLOC",
        33 => "SRV",
        34 => "ATMA",
        35 => "NAPTR",
        36 => "KX",
        37 => "CERT",
        38 => "A6",
        39 => "DNAME",
        40 => "SINK",
        41 => "OPT",
        42 => "APL",
        43 => "DS",
        44 => "SSHFP",
        45 => "IPSECKEY",
        46 => "RRSIG",
        47 => "NSEC",
        48 => "DNSKEY",
        99 => "SPF",
        100 => "UINFO",
        101 => "UID",
        102 => "GID",
        103 => "UNSPEC",
        104 => "UNSPECA",
        249 => "TKEY",
        250 => "TSIG",
        251 => "IXFR",
        252 => "AXFR",
        253 => "MAILB",
        254 => "MAILA",
        255 => "ANY",
        256 => "URI",
        _ => return None,
    })
}

pub(super) fn class_name(c: u16) -> Option<&'static str> {
    Some(match c {
        1 => "IN",
        3 => "CHAOS",
        4 => "HS",
        255 => "ANY",
        _ => return None,
    })
}

pub(super) fn put_type(c: &mut Ctx, t: u16) {
    match type_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("Type");
            c.dec(t);
        }
    }
}

fn put_class(c: &mut Ctx, cl: u16) {
    match class_name(cl) {
        Some(n) => c.s(n),
        None => {
            c.s("(Class ");
            c.dec(cl);
            c.s(")");
        }
    }
}

const RCODES: [&str; 24] = [
    "",
    " FormErr",
    " ServFail",
    " NXDomain",
    " NotImp",
    " Refused",
    " YXDomain",
    " YXRRSet",
    " NXRRSet",
    " NotAuth",
    " NotZone",
    " Resp11",
    " Resp12",
    " Resp13",
    " Resp14",
    " NoChange",
    " BadVers",
    // tcpdump's table, missing spaces included.
    "Resp17",
    " Resp18",
    " Resp19",
    " Resp20",
    "Resp21",
    " Resp22",
    " BadCookie",
];

const OPS: [&str; 16] = [
    "",
    " inv_q",
    " stat",
    " op3",
    " notify",
    " update",
    " op6",
    " op7",
    " op8",
    " updateA",
    " updateD",
    " updateDA",
    " updateM",
    " updateMA",
    " zoneInit",
    " zoneRef",
];

/// Skips a (possibly compressed) name; None when it runs off the capture.
fn nskip(m: &[u8], mut cp: usize) -> Option<usize> {
    let mut i = *m.get(cp)?;
    cp += 1;
    while i != 0 {
        match i & INDIR_MASK {
            INDIR_MASK => return Some(cp + 1),
            // The reserved label type (top bits 10).
            0x80 => return None,
            EDNS0_MASK => {
                if i & !INDIR_MASK != 0x01 {
                    return None;
                }
                let bitlen = *m.get(cp)?;
                let bitlen = if bitlen == 0 {
                    256
                } else {
                    usize::from(bitlen)
                };
                cp += bitlen.div_ceil(8) + 1;
            }
            _ => cp += usize::from(i),
        }
        i = *m.get(cp)?;
        cp += 1;
    }
    Some(cp)
}

/// Prints label bytes; true if the capture ended inside.
fn printn(c: &mut Ctx, m: &[u8], cp: usize, n: usize) -> bool {
    for k in 0..n {
        match m.get(cp.saturating_add(k)) {
            Some(&b) => print_char(c, b),
            None => return true,
        }
    }
    false
}

/// Prints a domain name whose compression pointers count from index 0 of `m`;
/// returns the index after it in the record (None = stop).
fn fqdn(c: &mut Ctx, m: &[u8], cp: usize) -> Option<usize> {
    fqdn_from(c, m, cp, 0)
}

/// tcpdump's fqdn_print: a domain name at cp whose compression pointers count
/// from `bp` (which may lie after cp: tcpdump's EDNS CHAIN option does that).
/// A bit-string label cut by the capture is one of tcpdump's unchecked reads.
fn fqdn_from(c: &mut Ctx, m: &[u8], cp: usize, bp: usize) -> Option<usize> {
    dns_name::fqdn(c, m, cp, bp).unwrap_or_else(|_| unchecked(None))
}

/// A domain name at `cp` of `m` (for other printers, e.g. ICMPv6 DNSSL);
/// the index after it, None when it runs off the capture.
pub(crate) fn name_at(c: &mut Ctx, m: &[u8], cp: usize) -> Option<usize> {
    fqdn(c, m, cp)
}

fn qprint(c: &mut Ctx, m: &[u8], cp: usize, mdns: bool) -> Option<usize> {
    let np = cp;
    let cp = nskip(m, cp)?;
    m.get(cp..cp + 4)?;
    let t = be16(m, cp).ok()?;
    c.s(" ");
    put_type(c, t);
    let i = be16(m, cp + 2).ok()?;
    let class = if mdns { i & !0x8000 } else { i };
    if class != 1 {
        c.s(" ");
        put_class(c, class);
    }
    if mdns {
        c.s(if i & 0x8000 != 0 { " (QU)" } else { " (QM)" });
    }
    c.s("? ");
    let r = fqdn(c, m, np)?;
    Some(r + 4)
}

/// tcpdump's unsigned_relts_print: 1d2h3m4s.
pub(super) fn relts(c: &mut Ctx, mut secs: u32) {
    if secs == 0 {
        c.s("0s");
        return;
    }
    for (unit, name) in [
        (31536000, "y"),
        (604800, "w"),
        (86400, "d"),
        (3600, "h"),
        (60, "m"),
        (1, "s"),
    ] {
        if secs >= unit {
            c.dec(secs / unit);
            c.s(name);
            secs %= unit;
        }
    }
}

/// One resource record; None when truncated.
fn rprint(c: &mut Ctx, m: &[u8], cp: usize, mdns: bool) -> Option<usize> {
    let cp = if c.opts.verbose > 0 {
        c.s(" ");
        fqdn(c, m, cp)?
    } else {
        match nskip(m, cp) {
            Some(x) => x,
            None => return Some(m.len()),
        }
    };
    if m.get(cp..cp + 10).is_none() {
        return Some(m.len());
    }
    let typ = be16(m, cp).ok()?;
    let i = be16(m, cp + 2).ok()?;
    let class = if mdns { i & !0x8000 } else { i };
    if class != 1 && typ != T_OPT {
        c.s(" ");
        put_class(c, class);
    }
    if mdns && i & 0x8000 != 0 {
        c.s(" (Cache flush)");
    }
    let mut opt_flags = 0;
    if typ == T_OPT {
        opt_flags = be16(m, cp + 6).ok()?;
    } else if c.opts.verbose > 2 {
        c.s(" [");
        let ttl = be32(m, cp + 4).ok()?;
        relts(c, ttl);
        c.s("]");
    }
    let len = usize::from(be16(m, cp + 8).ok()?);
    let cp = cp + 10;
    let rp = cp + len;
    c.s(" ");
    put_type(c, typ);
    if rp > m.len() {
        return None;
    }
    match typ {
        1 => {
            let a = m.get(cp..cp + 4)?;
            c.s(" ");
            c.o.ipv4(a);
        }
        2 | 5 | 12 | 39 => {
            c.s(" ");
            fqdn(c, m, cp)?;
        }
        6 if c.opts.verbose > 0 => {
            c.s(" ");
            let p = fqdn(c, m, cp)?;
            c.s(" ");
            let p = fqdn(c, m, p)?;
            m.get(p..p + 20)?;
            for k in 0..5 {
                c.s(" ");
                c.dec(be32(m, p + 4 * k).ok()?);
            }
        }
        15 => {
            c.s(" ");
            m.get(cp..cp + 2)?;
            fqdn(c, m, cp + 2)?;
            c.s(" ");
            c.dec(be16(m, cp).ok()?);
        }
        16 => {
            let mut p = cp;
            while p < rp {
                c.s(" \"");
                let n = usize::from(*m.get(p)?);
                if printn(c, m, p + 1, n) {
                    return None;
                }
                p += 1 + n;
                c.s("\"");
            }
        }
        33 => {
            c.s(" ");
            m.get(cp..cp + 6)?;
            fqdn(c, m, cp + 6)?;
            c.s(":");
            c.dec(be16(m, cp + 4).ok()?);
            c.s(" ");
            c.dec(be16(m, cp).ok()?);
            c.s(" ");
            c.dec(be16(m, cp + 2).ok()?);
        }
        28 => {
            let a = m.get(cp..cp + 16)?;
            c.s(" ");
            c.o.ipv6(a);
        }
        38 => a6(c, m, cp)?,
        256 => {
            // URI (RFC 7553): priority, weight, target; a record shorter than
            // its fixed part makes tcpdump print up to the capture's end.
            let (prio, weight) = unchecked(be16(m, cp).ok().zip(be16(m, cp + 2).ok()))?;
            c.s(" ");
            c.dec(prio);
            c.s(" ");
            c.dec(weight);
            c.s(" ");
            let n = len.checked_sub(4).unwrap_or(usize::MAX);
            if printn(c, m, cp + 4, n) {
                return None;
            }
        }
        104 => {
            let stopped = printn(c, m, cp, len);
            if stopped {
                return None;
            }
        }
        250 if c.opts.verbose > 0 => tsig(c, m, cp)?,
        T_OPT => {
            c.s(" UDPsize=");
            c.dec(class);
            if opt_flags & 0x8000 != 0 {
                c.s(" DO");
            }
            if cp < rp {
                c.s(" [");
                let mut p = cp;
                while p < rp {
                    p = eopt(c, m, p)?;
                    if p < rp {
                        c.s(",");
                    }
                }
                c.s("]");
            }
        }
        _ => {}
    }
    Some(rp)
}

/// An A6 record (RFC 2874): prefix length, address suffix, prefix name.
fn a6(c: &mut Ctx, m: &[u8], cp: usize) -> Option<()> {
    let pbit = *m.get(cp)?;
    let pbyte = usize::from(pbit & !7) / 8;
    if pbit > 128 {
        c.s(" ");
        c.dec(pbit);
        c.s("(bad plen)");
        return Some(());
    }
    if pbit < 128 {
        let mut a = [0u8; 16];
        a[pbyte..].copy_from_slice(unchecked(m.get(cp + 1..cp + 1 + 16 - pbyte))?);
        c.s(" ");
        c.dec(pbit);
        c.s(" ");
        c.o.ipv6(&a);
    }
    if pbit > 0 {
        c.s(" ");
        fqdn(c, m, cp + 1 + 16 - pbyte)?;
    }
    Some(())
}

/// A TSIG record's summary (-v): key name, fudge, MAC length, original id,
/// error and other-data length.
fn tsig(c: &mut Ctx, m: &[u8], cp: usize) -> Option<()> {
    c.s(" ");
    let mut p = fqdn(c, m, cp)? + 6;
    let fudge = be16(m, p).ok()?;
    c.s(" fudge=");
    c.dec(fudge);
    p += 2;
    let maclen = be16(m, p).ok()?;
    c.s(" maclen=");
    c.dec(maclen);
    p += 2 + usize::from(maclen);
    for label in [" origid=", " error=", " otherlen="] {
        let v = be16(m, p).ok()?;
        c.s(label);
        c.dec(v);
        p += 2;
    }
    Some(())
}

/// DNSSEC algorithm names of the EDNS DAU option (RFC 6975).
fn dau_name(a: u8) -> Option<&'static str> {
    Some(match a {
        0 => "DELETE",
        1 => "RSAMD5",
        2 => "DH",
        3 => "DS",
        5 => "RSASHA1",
        6 => "DSA-NSEC3-SHA1",
        7 => "RSASHA1-NSEC3-SHA1",
        8 => "RSASHA256",
        10 => "RSASHA512",
        12 => "ECC-GOST",
        13 => "ECDSAP256SHA256",
        14 => "ECDSAP384SHA384",
        15 => "ED25519",
        16 => "ED448",
        252 => "INDIRECT",
        253 => "PRIVATEDNS",
        254 => "PRIVATEOID",
        _ => return None,
    })
}

/// DS hash names of the EDNS DHU option.
fn dhu_name(a: u8) -> Option<&'static str> {
    Some(match a {
        1 => "SHA-1",
        2 => "SHA-256",
        3 => "GOST_R_34.11-94",
        4 => "SHA-384",
        _ => return None,
    })
}

/// NSEC3 hash names of the EDNS N3U option.
fn n3u_name(a: u8) -> Option<&'static str> {
    match a {
        1 => Some("SHA-1"),
        _ => None,
    }
}

fn eopt_name(o: u16) -> Option<&'static str> {
    Some(match o {
        1 => "LLQ",
        2 => "UL",
        3 => "NSID",
        5 => "DAU",
        6 => "DHU",
        7 => "N3U",
        8 => "ECS",
        9 => "EXPIRE",
        10 => "COOKIE",
        11 => "KEEPALIVE",
        12 => "PADDING",
        13 => "CHAIN",
        14 => "KEY-TAG",
        16 => "CLIENT-TAG",
        17 => "SERVER-TAG",
        _ => return None,
    })
}

/// One EDNS option of an OPT record; the index after it, None when truncated.
fn eopt(c: &mut Ctx, m: &[u8], cp: usize) -> Option<usize> {
    let opt = be16(m, cp).ok()?;
    match eopt_name(opt) {
        Some(n) => c.s(n),
        None => {
            c.s("Opt");
            c.dec(opt);
        }
    }
    let len = usize::from(be16(m, cp + 2).ok()?);
    let cp = cp + 4;
    let data = m.get(cp..cp + len)?;
    if len > 0 {
        c.s(" ");
        match opt {
            8 => {
                let fam = be16(data, 0).ok();
                let (src_len, scope) = (data.get(2).copied(), data.get(3).copied());
                let width = match fam {
                    Some(1) => 4,
                    Some(2) => 16,
                    _ => 0,
                };
                match (src_len, scope) {
                    (Some(sl), Some(sc))
                        if width > 0
                            && len >= 4
                            && len - 4 <= width
                            && usize::from(sl) <= width * 8
                            && usize::from(sc) <= width * 8
                            && usize::from(sl).div_ceil(8) == len - 4 =>
                    {
                        let mut a = [0u8; 16];
                        a[..len - 4].copy_from_slice(&data[4..]);
                        if width == 4 {
                            c.o.ipv4(&a[..4]);
                        } else {
                            c.o.ipv6(&a);
                        }
                        c.s("/");
                        c.dec(sl);
                        c.s("/");
                        c.dec(sc);
                    }
                    _ => c.invalid(),
                }
            }
            10 => {
                if len < 8 || (len > 8 && len < 16) || len > 40 {
                    c.invalid();
                } else {
                    for (i, b) in data.iter().enumerate() {
                        if i == 8 {
                            c.s(" ");
                        }
                        c.o.hexw(u64::from(*b), 2);
                    }
                }
            }
            9 => {
                if len == 4 {
                    c.dec(be32(data, 0).ok()?);
                    c.s(" sec");
                } else {
                    c.invalid();
                }
            }
            11 => {
                if len == 2 {
                    let v = be16(data, 0).ok()?;
                    c.dec(v / 10);
                    c.s(".");
                    c.dec(v % 10);
                    c.s(" sec");
                } else {
                    c.invalid();
                }
            }
            5..=7 => {
                let names: fn(u8) -> Option<&'static str> = match opt {
                    5 => dau_name,
                    6 => dhu_name,
                    _ => n3u_name,
                };
                for (i, &a) in data.iter().enumerate() {
                    if i > 0 {
                        c.s(" ");
                    }
                    match names(a) {
                        Some(n) => c.s(n),
                        None => {
                            c.s("Alg_");
                            c.dec(a);
                        }
                    }
                }
            }
            13 => {
                // tcpdump counts the chain's pointers from the option's end.
                // Its result is ignored, but not a read past the capture.
                if fqdn_from(c, m, cp, cp + len).is_none()
                    && UNCHECKED_END.with(std::cell::Cell::get)
                {
                    return None;
                }
            }
            12 => {
                c.s("(");
                c.dec(len as u64);
                c.s(")");
            }
            14 => {
                if len % 2 != 0 {
                    c.invalid();
                } else {
                    for i in (0..len).step_by(2) {
                        if i > 0 {
                            c.s(" ");
                        }
                        c.dec(be16(data, i).ok()?);
                    }
                }
            }
            _ => {
                for b in data {
                    c.o.hexw(u64::from(*b), 2);
                }
            }
        }
    }
    Some(cp + len)
}

/// A DNS message; `over_tcp` messages carry a two-byte length prefix.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, over_tcp: bool, mdns: bool) -> R {
    c.proto = "domain";
    UNCHECKED_END.with(|f| f.set(false));
    let mut m = d;
    let mut length = length;
    if over_tcp {
        if length < 2 {
            c.s(" [DNS over TCP: length ");
            c.dec(length as u64);
            c.s(" < 2]");
            c.invalid();
            return Ok(());
        }
        length -= 2;
        let prefix = be16(d, 0)?;
        if usize::from(prefix) != length {
            c.s(" [prefix length(");
            c.dec(prefix);
            c.s(") != length(");
            c.dec(length as u64);
            c.s(")]");
            c.invalid();
            return Ok(());
        }
        m = &d[2..];
        c.s(" ");
    }
    if length < 12 {
        c.s("domain");
        c.s(" [length ");
        c.dec(length as u64);
        c.s(" < 12]");
        c.invalid();
        return Ok(());
    }
    if m.len() < 12 {
        c.trunc_mark();
        return Ok(());
    }
    // Bounded by what was captured, not by the UDP length: tcpdump reads past a
    // lowered UDP length as far as the IP packet goes.
    let flags = be16(m, 2)?;
    let qd = be16(m, 4)?;
    let mut an = be16(m, 6)?;
    let mut ns = be16(m, 8)?;
    let mut ar = be16(m, 10)?;
    let mut rcode = u32::from(flags & 0xf);
    // Find the OPT record for the extended rcode.
    'scan: {
        let mut cp = 12usize;
        for _ in 0..qd {
            let Some(x) = nskip(m, cp) else { break 'scan };
            cp = x + 4;
            if cp >= m.len() {
                break 'scan;
            }
        }
        for _ in 0..(u32::from(an) + u32::from(ns)) {
            let Some(x) = nskip(m, cp) else { break 'scan };
            cp = x + 8;
            if cp + 2 > m.len() {
                break 'scan;
            }
            let rdlen = usize::from(be16(m, cp)?);
            cp += 2 + rdlen;
            if cp >= m.len() {
                break 'scan;
            }
        }
        for _ in 0..ar {
            let Some(x) = nskip(m, cp) else { break 'scan };
            cp = x;
            if cp + 2 > m.len() {
                break 'scan;
            }
            let t = be16(m, cp)?;
            cp += 4;
            if cp + 1 > m.len() {
                break 'scan;
            }
            if t == T_OPT {
                rcode |= u32::from(u8_at(m, cp)?) << 4;
                break 'scan;
            }
            cp += 4;
            if cp + 2 > m.len() {
                break 'scan;
            }
            let rdlen = usize::from(be16(m, cp)?);
            cp += 2 + rdlen;
            if cp >= m.len() {
                break 'scan;
            }
        }
    }
    let id = be16(m, 0)?;
    let opcode = usize::from((flags >> 11) & 0xf);
    let ok = if flags & 0x8000 != 0 {
        c.dec(id);
        c.s(OPS[opcode]);
        match RCODES.get(rcode as usize) {
            Some(s) => c.s(s),
            None => {
                c.s(" Resp");
                c.dec(rcode & 0xfff);
            }
        }
        if flags & 0x0400 != 0 {
            c.s("*");
        }
        if flags & 0x0080 == 0 {
            c.s("-");
        }
        if flags & 0x0200 != 0 {
            c.s("|");
        }
        if flags & 0x0020 != 0 {
            c.s("$");
        }
        if qd != 1 {
            c.s(" [");
            c.dec(qd);
            c.s("q]");
        }
        response(c, m, qd, &mut an, &mut ns, &mut ar, mdns)
    } else {
        c.dec(id);
        c.s(OPS[opcode]);
        if flags & 0x0100 != 0 {
            c.s("+");
        }
        if flags & 0x0010 != 0 {
            c.s("%");
        }
        if flags & 0x6cf != 0 {
            c.s(" [b2&3=0x");
            c.o.hex(u64::from(flags));
            c.s("]");
        }
        if opcode == 1 {
            if qd != 0 {
                c.s(" [");
                c.dec(qd);
                c.s("q]");
            }
            if an != 1 {
                c.s(" [");
                c.dec(an);
                c.s("a]");
            }
        } else {
            if an != 0 {
                c.s(" [");
                c.dec(an);
                c.s("a]");
            }
            if qd != 1 {
                c.s(" [");
                c.dec(qd);
                c.s("q]");
            }
        }
        if ns != 0 {
            c.s(" [");
            c.dec(ns);
            c.s("n]");
        }
        if ar != 0 {
            c.s(" [");
            c.dec(ar);
            c.s("au]");
        }
        request(c, m, qd, &mut an, &mut ns, &mut ar, mdns)
    };
    if ok.is_none() {
        if UNCHECKED_END.with(|f| f.replace(false)) {
            return Err(super::Trunc);
        }
        c.trunc_mark();
        return Ok(());
    }
    c.s(" (");
    c.dec(length as u64);
    c.s(")");
    Ok(())
}

fn section(
    c: &mut Ctx,
    m: &[u8],
    cp: &mut usize,
    count: &mut u16,
    label: &str,
    mdns: bool,
) -> Option<()> {
    if *cp < m.len() && *count > 0 {
        *count -= 1;
        c.s(label);
        *cp = rprint(c, m, *cp, mdns)?;
        while *cp < m.len() && *count > 0 {
            *count -= 1;
            c.s(",");
            *cp = rprint(c, m, *cp, mdns)?;
        }
    }
    if *count != 0 { None } else { Some(()) }
}

fn response(
    c: &mut Ctx,
    m: &[u8],
    qd: u16,
    an: &mut u16,
    ns: &mut u16,
    ar: &mut u16,
    mdns: bool,
) -> Option<()> {
    let mut cp = 12usize;
    for i in 0..qd {
        if i != 0 {
            c.s(",");
        }
        if c.opts.verbose > 1 {
            c.s(" q:");
            cp = qprint(c, m, cp, mdns)?;
        } else {
            cp = nskip(m, cp)? + 4;
        }
    }
    c.s(" ");
    c.dec(*an);
    c.s("/");
    c.dec(*ns);
    c.s("/");
    c.dec(*ar);
    if *an > 0 {
        *an -= 1;
        cp = rprint(c, m, cp, mdns)?;
        while cp < m.len() && *an > 0 {
            *an -= 1;
            c.s(",");
            cp = rprint(c, m, cp, mdns)?;
        }
    }
    if *an != 0 {
        return None;
    }
    if c.opts.verbose > 1 {
        section(c, m, &mut cp, ns, " ns:", mdns)?;
        section(c, m, &mut cp, ar, " ar:", mdns)?;
    }
    Some(())
}

fn request(
    c: &mut Ctx,
    m: &[u8],
    qd: u16,
    an: &mut u16,
    ns: &mut u16,
    ar: &mut u16,
    mdns: bool,
) -> Option<()> {
    let mut cp = 12usize;
    let mut qd = qd;
    if qd > 0 {
        cp = qprint(c, m, cp, mdns)?;
        qd -= 1;
        while cp < m.len() && qd > 0 {
            cp = qprint(c, m, cp, mdns)?;
            qd -= 1;
        }
    }
    if qd != 0 {
        return None;
    }
    if c.opts.verbose > 1 {
        // Answers in a query carry no label; the other sections do.
        if *an > 0 {
            *an -= 1;
            cp = rprint(c, m, cp, mdns)?;
            while cp < m.len() && *an > 0 {
                *an -= 1;
                c.s(",");
                cp = rprint(c, m, cp, mdns)?;
            }
        }
        if *an != 0 {
            return None;
        }
        section(c, m, &mut cp, ns, " ns:", mdns)?;
        section(c, m, &mut cp, ar, " ar:", mdns)?;
    }
    Some(())
}
