//! HNCP (RFC 7788, over DNCP, RFC 7787; UDP port 8231) as tcpdump 4.99
//! prints it: the TLV types in line, or each TLV with its contents (nested
//! TLVs one verbosity level deeper each).

use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write;

const RESERVED: u32 = 0x10000;
const UNASSIGNED: u32 = 0x10001;
const PRIVATE_USE: u32 = 0x10002;
const FUTURE_USE: u32 = 0x10003;

/// Deepest nesting of container TLVs decoded (tcpdump has no limit; this
/// keeps a crafted packet from exhausting the stack).
const MAX_NEST: usize = 1000;

fn type_name(t: u32) -> Option<&'static str> {
    Some(match t {
        1 => "Request network state",
        2 => "Request node state",
        3 => "Node endpoint",
        4 => "Network state",
        5 => "Node state",
        8 => "Peer",
        9 => "Keep-alive interval",
        10 => "Trust-Verdict",
        32 => "HNCP-Version",
        33 => "External-Connection",
        34 => "Delegated-Prefix",
        43 => "Prefix-Policy",
        37 => "DHCPv4-Data",
        38 => "DHCPv6-Data",
        35 => "Assigned-Prefix",
        36 => "Node-Address",
        39 => "DNS-Delegated-Zone",
        40 => "Domain-Name",
        41 => "Node-Name",
        42 => "Managed-PSK",
        RESERVED => "Reserved",
        UNASSIGNED => "Unassigned",
        PRIVATE_USE => "Private use",
        FUTURE_USE => "Future use",
        _ => return None,
    })
}

fn type_mask(t: u16) -> u32 {
    let t32 = u32::from(t);
    if type_name(t32).is_some() {
        return t32;
    }
    match t {
        0 => RESERVED,
        44..=511 => UNASSIGNED,
        768..=1023 => PRIVATE_USE,
        _ => FUTURE_USE,
    }
}

fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

fn tabs(c: &mut Ctx, n: usize) {
    c.s("\n");
    for _ in 0..n {
        c.s("\t");
    }
}

fn nid(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let b = bytes(d, off, 4)?;
    let _ = write!(c, "{:02x}:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2], b[3]);
    Ok(())
}

fn hex256(c: &mut Ctx, d: &[u8], off: usize) -> R {
    for b in bytes(d, off, 32)? {
        let _ = write!(c, "{b:02x}");
    }
    Ok(())
}

fn interval(c: &mut Ctx, n: u32) {
    let _ = write!(c, "{}.{:03}s", n / 1000, n % 1000);
}

fn ip6_or_4(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let a = bytes(d, off, 16)?;
    if a[..12] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] {
        c.ipaddr(&a[12..]);
    } else {
        c.ip6addr(a);
    }
    Ok(())
}

/// Why a prefix was not printed.
enum PrefixErr {
    /// Longer than the address.
    Length,
    /// Runs past the TLV.
    Short,
}

/// tcpdump's print_prefix: a length byte then the prefix bytes (IPv4 as
/// IPv4-mapped IPv6); the bytes used.
fn prefix(c: &mut Ctx, d: &[u8], off: usize, max: usize) -> R<Result<usize, PrefixErr>> {
    let p0 = u8_at(d, off)?;
    let mapped = p0 >= 96
        && max >= 13
        && d.get(off + 1..off + 13) == Some(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff][..]);
    let (alen, plen, skip) = if mapped {
        (4usize, usize::from(p0 - 96), 13usize)
    } else {
        (16, usize::from(p0), 1)
    };
    if plen > alen * 8 {
        return Ok(Err(PrefixErr::Length));
    }
    let nbytes = plen.div_ceil(8);
    if max - 1 < nbytes + (skip - 1) {
        return Ok(Err(PrefixErr::Short));
    }
    let mut a = [0u8; 16];
    a[..nbytes].copy_from_slice(bytes(d, off + skip, nbytes)?);
    if plen % 8 != 0 {
        a[nbytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    if mapped {
        c.ipaddr(&a[..4]);
    } else {
        c.ip6addr(&a);
    }
    let _ = write!(c, "/{plen}");
    Ok(Ok(nbytes + skip))
}

/// tcpdump's print_dns_label (always printing); the bytes used, or None.
fn dns_label(c: &mut Ctx, d: &[u8], off: usize, max: usize) -> R<Option<usize>> {
    let mut len = 0usize;
    while len < max {
        let lab = usize::from(u8_at(d, off + len)?);
        len += 1;
        if lab == 0 {
            return Ok(Some(len));
        }
        if len > 1 {
            c.s(".");
        }
        if len + lab > max {
            printjnp(c, d, off + len, max - len)?;
            break;
        }
        printjnp(c, d, off + len, lab)?;
        len += lab;
    }
    c.s("[|DNS]");
    Ok(None)
}

/// Domain names from `off` to `end` (DHCP search lists); false when one is bad.
fn names(c: &mut Ctx, d: &[u8], mut off: usize, end: usize) -> R<bool> {
    while off < end {
        c.s(" ");
        match super::dns_name::fqdn(c, d, off, end)? {
            Some(next) => off = next,
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// DHCPv4 options; false when malformed.
fn dhcpv4(c: &mut Ctx, d: &[u8], off: usize, length: usize, indent: usize) -> R<bool> {
    let mut i = 0;
    while i < length {
        if i + 2 > length {
            return Ok(false);
        }
        let ty = u8_at(d, off + i)?;
        let olen = usize::from(u8_at(d, off + i + 1)?);
        let v = off + i + 2;
        tabs(c, indent);
        c.s(match ty {
            6 => "DNS-server",
            42 => "NTP-server",
            119 => "DNS-search",
            _ => "Unknown",
        });
        let _ = write!(c, " ({})", olen + 2);
        if i + 2 + olen > length {
            return Ok(false);
        }
        match ty {
            6 | 42 => {
                if olen < 4 || olen % 4 != 0 {
                    return Ok(false);
                }
                for t in (0..olen).step_by(4) {
                    let a = bytes(d, v + t, 4)?;
                    c.s(" ");
                    c.ipaddr(a);
                }
            }
            119 if !names(c, d, v, v + olen)? => return Ok(false),
            _ => {}
        }
        i += 2 + olen;
    }
    Ok(true)
}

/// DHCPv6 options; false when malformed.
fn dhcpv6(c: &mut Ctx, d: &[u8], off: usize, length: usize, indent: usize) -> R<bool> {
    let mut i = 0;
    while i < length {
        if i + 4 > length {
            return Ok(false);
        }
        let ty = be16(d, off + i)?;
        let olen = usize::from(be16(d, off + i + 2)?);
        let v = off + i + 4;
        tabs(c, indent);
        c.s(match ty {
            23 => "DNS-server",
            24 => "DNS-search-list",
            31 => "SNTP-servers",
            _ => "Unknown",
        });
        let _ = write!(c, " ({})", olen + 4);
        if i + 4 + olen > length {
            return Ok(false);
        }
        match ty {
            23 | 31 => {
                if olen % 16 != 0 {
                    c.invalid();
                    return Ok(false);
                }
                for t in (0..olen).step_by(16) {
                    let a = bytes(d, v + t, 16)?;
                    c.s(" ");
                    c.ip6addr(a);
                }
            }
            24 if !names(c, d, v, v + olen)? => return Ok(false),
            _ => {}
        }
        i += 4 + olen;
    }
    Ok(true)
}

/// tcpdump's print_type_in_line.
fn in_line_type(c: &mut Ctx, mask: u32, count: i32, indent: usize, first: &mut bool) {
    if count <= 0 {
        return;
    }
    if *first {
        *first = false;
        if indent > 1 {
            tabs(c, indent);
        } else {
            c.s(" ");
        }
    } else {
        c.s(", ");
    }
    c.s(type_name(mask).unwrap_or("Easter Egg"));
    if count > 1 {
        let _ = write!(c, " (x{count})");
    }
}

/// Nested TLVs at `off` when they fit after `used` bytes of a `body`-byte value.
fn nested(c: &mut Ctx, d: &[u8], value: usize, body: usize, used: usize, indent: usize) -> R {
    if body >= used {
        rec(c, d, value + used, body - used, indent + 1)?;
    }
    Ok(())
}

/// The TLVs in `d[off..off + length]` at nesting `indent` (1 at the top).
fn rec(c: &mut Ctx, d: &[u8], off: usize, length: usize, indent: usize) -> R {
    if indent > MAX_NEST {
        c.trunc_mark();
        return Ok(());
    }
    let v = usize::from(c.opts.verbose);
    let in_line = indent > v && v < 3;
    let mut first = true;
    let mut last_mask = u32::MAX;
    let mut last_count: i32 = -1;
    let mut i = 0usize;
    while i < length {
        let tlv = off + i;
        if !in_line {
            tabs(c, indent);
        }
        if bytes(d, tlv, 4).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        if i + 4 > length {
            c.invalid();
            return Ok(());
        }
        let ty = be16(d, tlv)?;
        let body = usize::from(be16(d, tlv + 2)?);
        let value = tlv + 4;
        if bytes(d, value, body).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        if i + body + 4 > length {
            c.invalid();
            return Ok(());
        }
        let mask = type_mask(ty);
        if in_line {
            if last_mask == mask {
                last_count += 1;
            } else {
                in_line_type(c, last_mask, last_count, indent, &mut first);
                last_mask = mask;
                last_count = 1;
            }
            i += 4 + body.next_multiple_of(4);
            continue;
        }
        c.s(type_name(mask).unwrap_or("Easter Egg (42)"));
        if mask > 0xffff {
            let _ = write!(c, ": type={ty}");
        }
        let _ = write!(c, " ({})", body + 4);
        match mask {
            1 if body != 0 => c.invalid(),
            2 => {
                if body != 4 {
                    c.invalid();
                } else {
                    c.s(" NID: ");
                    nid(c, d, value)?;
                }
            }
            3 => {
                if body != 8 {
                    c.invalid();
                } else {
                    let epid = be32(d, value + 4)?;
                    c.s(" NID: ");
                    nid(c, d, value)?;
                    let _ = write!(c, " EPID: {epid:08x}");
                }
            }
            4 => {
                if body != 8 {
                    c.invalid();
                } else {
                    c.s(" hash: ");
                    for b in bytes(d, value, 8)? {
                        let _ = write!(c, "{b:02x}");
                    }
                }
            }
            5 => {
                if body < 20 {
                    c.invalid();
                } else {
                    let seq = be32(d, value + 4)?;
                    let iv = be32(d, value + 8)?;
                    let hash = bytes(d, value + 12, 8)?;
                    c.s(" NID: ");
                    nid(c, d, value)?;
                    let _ = write!(c, " seqno: {seq} ");
                    interval(c, iv);
                    c.s(" hash: ");
                    for b in hash {
                        let _ = write!(c, "{b:02x}");
                    }
                    rec(c, d, value + 20, body - 20, indent + 1)?;
                }
            }
            8 => {
                if body != 12 {
                    c.invalid();
                } else {
                    let (pe, le) = (be32(d, value + 4)?, be32(d, value + 8)?);
                    c.s(" Peer-NID: ");
                    nid(c, d, value)?;
                    let _ = write!(c, " Peer-EPID: {pe:08x} Local-EPID: {le:08x}");
                }
            }
            9 => {
                if body < 8 {
                    c.invalid();
                } else {
                    let (ep, iv) = (be32(d, value)?, be32(d, value + 4)?);
                    let _ = write!(c, " EPID: {ep:08x} Interval: ");
                    interval(c, iv);
                }
            }
            10 => {
                if body <= 36 {
                    c.invalid();
                } else {
                    let verdict = u8_at(d, value)?;
                    bytes(d, value + 4, 32)?;
                    let _ = write!(c, " Verdict: {verdict} Fingerprint: ");
                    hex256(c, d, value + 4)?;
                    c.s(" Common Name: ");
                    printjnp(c, d, value + 36, body - 36)?;
                }
            }
            32 => {
                if body < 5 {
                    c.invalid();
                } else {
                    let caps = be16(d, value + 2)?;
                    let _ = write!(
                        c,
                        " M: {} P: {} H: {} L: {} User-agent: ",
                        (caps >> 12) & 0xf,
                        (caps >> 8) & 0xf,
                        (caps >> 4) & 0xf,
                        caps & 0xf
                    );
                    printjnp(c, d, value + 4, body - 4)?;
                }
            }
            33 => rec(c, d, value, body, indent + 1)?,
            34 => {
                if body < 9 || body < 9 + usize::from(u8_at(d, value + 8)?).div_ceil(8) {
                    c.invalid();
                } else {
                    let (vl, pl) = (be32(d, value)?, be32(d, value + 4)?);
                    c.s(" VLSO: ");
                    interval(c, vl);
                    c.s(" PLSO: ");
                    interval(c, pl);
                    c.s(" Prefix: ");
                    match prefix(c, d, value + 8, body - 8)? {
                        Err(PrefixErr::Length) => c.s("(length is invalid)"),
                        Err(PrefixErr::Short) => c.invalid(),
                        Ok(l) => {
                            let used = l + 8 + (l.wrapping_neg() & 3);
                            nested(c, d, value, body, used, indent)?;
                        }
                    }
                }
            }
            43 => {
                if body < 1 {
                    c.invalid();
                } else {
                    let policy = u8_at(d, value)?;
                    c.s(" type: ");
                    match policy {
                        0 | 131 if body != 1 => c.invalid(),
                        0 => c.s("Internet connectivity"),
                        131 => c.s("Restrictive assignment"),
                        1..=128 => {
                            c.s("Dest-Prefix: ");
                            match prefix(c, d, value, body)? {
                                Err(PrefixErr::Length) => c.s("(length is invalid)"),
                                Err(PrefixErr::Short) => c.invalid(),
                                Ok(_) => {}
                            }
                        }
                        129 => {
                            c.s("DNS domain: ");
                            dns_label(c, d, value + 1, body - 1)?;
                        }
                        130 => {
                            c.s("Opaque UTF-8: ");
                            printjnp(c, d, value + 1, body - 1)?;
                        }
                        _ => {
                            let _ = write!(c, "Unknown ({policy})");
                        }
                    }
                }
            }
            37 => {
                if body == 0 {
                    c.invalid();
                } else if !dhcpv4(c, d, value, body, indent + 1)? {
                    c.invalid();
                    return Ok(());
                }
            }
            38 if body == 0 || !dhcpv6(c, d, value, body, indent + 1)? => c.invalid(),
            35 => {
                if body < 6 || body < 6 + usize::from(u8_at(d, value + 5)?).div_ceil(8) {
                    c.invalid();
                } else {
                    let prty = u8_at(d, value + 4)? & 0xf;
                    let epid = be32(d, value)?;
                    let _ = write!(c, " EPID: {epid:08x} Prty: {prty} Prefix: ");
                    match prefix(c, d, value + 5, body - 5)? {
                        Err(_) => c.invalid(),
                        Ok(l) => {
                            let l = l + 5;
                            let used = l + (l.wrapping_neg() & 3);
                            nested(c, d, value, body, used, indent)?;
                        }
                    }
                }
            }
            36 => {
                if body < 20 {
                    c.invalid();
                } else {
                    let epid = be32(d, value)?;
                    bytes(d, value + 4, 16)?;
                    let _ = write!(c, " EPID: {epid:08x} IP Address: ");
                    ip6_or_4(c, d, value + 4)?;
                    rec(c, d, value + 20, body - 20, indent + 1)?;
                }
            }
            39 => {
                if body < 17 {
                    c.invalid();
                } else {
                    let f = u8_at(d, value + 16)?;
                    bytes(d, value, 16)?;
                    c.s(" IP-Address: ");
                    ip6_or_4(c, d, value)?;
                    let _ = write!(
                        c,
                        " {}{}{} ",
                        if f & 4 != 0 { 'l' } else { '-' },
                        if f & 2 != 0 { 'b' } else { '-' },
                        if f & 1 != 0 { 's' } else { '-' }
                    );
                    match dns_label(c, d, value + 17, body - 17)? {
                        None => c.invalid(),
                        Some(n) => {
                            let l = n + 17;
                            let used = l + (l.wrapping_neg() & 3);
                            nested(c, d, value, body, used, indent)?;
                        }
                    }
                }
            }
            40 => {
                if body == 0 {
                    c.invalid();
                } else {
                    c.s(" Domain: ");
                    dns_label(c, d, value, body)?;
                }
            }
            41 => {
                let l = if body < 17 {
                    None
                } else {
                    Some(usize::from(u8_at(d, value + 16)?))
                };
                match l {
                    Some(l) if body >= 17 + l => {
                        bytes(d, value, 16)?;
                        c.s(" IP-Address: ");
                        ip6_or_4(c, d, value)?;
                        c.s(" Name: ");
                        if l < 64 {
                            c.s("\"");
                            printjnp(c, d, value + 17, l)?;
                            c.s("\"");
                        } else {
                            c.invalid();
                        }
                        nested(c, d, value, body, (l + 17).next_multiple_of(4), indent)?;
                    }
                    _ => c.invalid(),
                }
            }
            42 => {
                if body < 32 {
                    c.invalid();
                } else {
                    c.s(" PSK: ");
                    hex256(c, d, value)?;
                    rec(c, d, value + 32, body - 32, indent + 1)?;
                }
            }
            _ => {}
        }
        i += 4 + body.next_multiple_of(4);
    }
    in_line_type(c, last_mask, last_count, indent, &mut first);
    Ok(())
}

/// One HNCP packet.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "hncp";
    let _ = write!(c, "hncp ({length})");
    rec(c, d, 0, length, 1)
}
