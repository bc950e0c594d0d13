//! DHCPv6 (UDP 546/547, RFC 8415 and the option RFCs tcpdump knows): the message
//! type by default; with -v the transaction id (or the relay addresses) and every
//! option, nested ones (IA_NA/IA_TA/IA_PD, relay messages) included.

use super::dns_name::fqdn;
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "solicit",
        2 => "advertise",
        3 => "request",
        4 => "confirm",
        5 => "renew",
        6 => "rebind",
        7 => "reply",
        8 => "release",
        9 => "decline",
        10 => "reconfigure",
        11 => "inf-req",
        12 => "relay-fwd",
        13 => "relay-reply",
        14 => "leasequery",
        15 => "leasequery-reply",
        _ => return None,
    })
}

fn opt_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "client-ID",
        2 => "server-ID",
        3 => "IA_NA",
        4 => "IA_TA",
        5 => "IA_ADDR",
        6 => "option-request",
        7 => "preference",
        8 => "elapsed-time",
        9 => "relay-message",
        11 => "authentication",
        12 => "server-unicast",
        13 => "status-code",
        14 => "rapid-commit",
        15 => "user-class",
        16 => "vendor-class",
        17 => "vendor-specific-info",
        18 => "interface-ID",
        19 => "reconfigure-message",
        20 => "reconfigure-accept",
        21 => "SIP-servers-domain",
        22 => "SIP-servers-address",
        23 => "DNS-server",
        24 => "DNS-search-list",
        25 => "IA_PD",
        26 => "IA_PD-prefix",
        27 => "NIS-server",
        28 => "NIS+-server",
        29 => "NIS-domain-name",
        30 => "NIS+-domain-name",
        31 => "SNTP-servers",
        32 => "lifetime",
        33 => "BCMCS-domain-name",
        34 => "BCMCS-server",
        36 => "Geoconf-Civic",
        37 => "Remote-ID",
        38 => "Subscriber-ID",
        39 => "Client-FQDN",
        40 => "PANA-agent",
        41 => "POSIX-timezone",
        42 => "POSIX-tz-database",
        43 => "Echo-request-option",
        44 => "Lease-query",
        45 => "LQ-client-data",
        46 => "Clt-time",
        47 => "LQ-relay-data",
        48 => "LQ-client-link",
        56 => "NTP-server",
        64 => "AFTR-Name",
        112 => "MUD-URL",
        _ => return None,
    })
}

fn put_opt_name(c: &mut Ctx, t: u16) {
    match opt_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("opt_");
            c.dec(t);
        }
    }
}

fn status_name(code: u16) -> Option<&'static str> {
    Some(match code {
        0 => "Success",
        1 => "UnspecFail",
        2 => "NoAddrsAvail",
        3 => "NoBinding",
        4 => "NotOnLink",
        5 => "UseMulticast",
        6 => "NoPrefixAvail",
        7 => "UnknownQueryType",
        8 => "MalformedQuery",
        9 => "NotConfigured",
        10 => "NotAllowed",
        _ => return None,
    })
}

/// Bytes as two-digit hex, no separators.
fn hex_bytes(c: &mut Ctx, b: &[u8]) {
    for &x in b {
        c.o.hexw(u64::from(x), 2);
    }
}

/// tcpdump's nd_printjnp: at most `n` characters, stopping at a NUL.
fn chars_to_nul(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

/// Options in `d[cp..ep]` (`ep` is within the capture). An option running past `ep`
/// prints tcpdump's truncation mark and ends this list; a read past the capture
/// (possible only in domain names) ends the packet.
fn options(c: &mut Ctx, d: &[u8], mut cp: usize, ep: usize) -> R {
    while cp < ep {
        if ep < cp + 4 {
            c.trunc_mark();
            return Ok(());
        }
        let optlen = usize::from(be16(d, cp + 2)?);
        if ep < cp + 4 + optlen {
            c.trunc_mark();
            return Ok(());
        }
        let t = be16(d, cp)?;
        c.s(" (");
        put_opt_name(c, t);
        let tp = cp + 4;
        let end = tp + optlen;
        if !option(c, d, t, tp, optlen)? {
            c.trunc_mark();
            return Ok(());
        }
        cp = end;
    }
    Ok(())
}

/// One option's body (after its name) and its closing parenthesis. Ok(false) when
/// tcpdump stops the option list with a truncation mark.
fn option(c: &mut Ctx, d: &[u8], t: u16, tp: usize, optlen: usize) -> R<bool> {
    let end = tp + optlen;
    let body = bytes(d, tp, optlen)?;
    let at16 = |i: usize| be16(body, i);
    let at32 = |i: usize| be32(body, i);
    match t {
        // Client and server identifiers: the DUID by its type.
        1 | 2 => {
            if optlen < 2 {
                c.s(" ?)");
                return Ok(true);
            }
            match at16(0)? {
                1 if optlen >= 8 => {
                    c.s(" hwaddr/time type ");
                    c.dec(at16(2)?);
                    c.s(" time ");
                    c.dec(at32(4)?);
                    c.s(" ");
                    hex_bytes(c, &body[8..]);
                    c.s(")");
                }
                2 if optlen >= 10 => {
                    c.s(" vid ");
                    hex_bytes(c, &body[2..10]);
                    c.s(")");
                }
                3 if optlen >= 4 => {
                    c.s(" hwaddr type ");
                    c.dec(at16(2)?);
                    c.s(" ");
                    hex_bytes(c, &body[4..]);
                    c.s(")");
                }
                1..=3 => c.s(" ?)"),
                other => {
                    c.s(" type ");
                    c.dec(other);
                    c.s(")");
                }
            }
        }
        5 => {
            if optlen < 24 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            c.ip6addr(&body[..16]);
            c.s(" pltime:");
            c.dec(at32(16)?);
            c.s(" vltime:");
            c.dec(at32(20)?);
            if optlen > 24 {
                options(c, d, tp + 24, end)?;
            }
            c.s(")");
        }
        6 | 43 => {
            if !optlen.is_multiple_of(2) {
                c.s(" ?)");
                return Ok(true);
            }
            for i in (0..optlen).step_by(2) {
                c.s(" ");
                put_opt_name(c, at16(i)?);
            }
            c.s(")");
        }
        7 => {
            if optlen != 1 {
                c.s(" ?)");
            } else {
                c.s(" ");
                c.dec(body[0]);
                c.s(")");
            }
        }
        8 => {
            if optlen != 2 {
                c.s(" ?)");
            } else {
                c.s(" ");
                c.dec(at16(0)?);
                c.s(")");
            }
        }
        9 => {
            c.s(" (");
            message(c, body, optlen)?;
            c.s(")");
        }
        11 => auth(c, body)?,
        14 | 20 => c.s(")"),
        18 | 38 => {
            c.s(" ");
            hex_bytes(c, &body[..optlen.min(10)]);
            c.s("...)");
        }
        19 => {
            if optlen != 1 {
                c.s(" ?)");
                return Ok(true);
            }
            match body[0] {
                5 => c.s(" for renew)"),
                11 => c.s(" for inf-req)"),
                other => {
                    c.s(" for ???(");
                    c.o.hexw(u64::from(other), 2);
                    c.s("))");
                }
            }
        }
        22 | 23 | 31 | 27 | 28 | 34 | 40 | 48 => {
            if !optlen.is_multiple_of(16) {
                c.s(" ?)");
                return Ok(true);
            }
            for a in body.chunks_exact(16) {
                c.s(" ");
                c.ip6addr(a);
            }
            c.s(")");
        }
        21 | 24 => {
            let mut p = tp;
            while p < end {
                c.s(" ");
                match fqdn(c, d, p, end)? {
                    Some(n) => p = n,
                    None => return Ok(false),
                }
            }
            c.s(")");
        }
        13 => {
            if optlen < 2 {
                c.s(" ?)");
                return Ok(true);
            }
            let code = at16(0)?;
            c.s(" ");
            match status_name(code) {
                _ if code > 255 => c.s("INVALID code"),
                Some(n) => c.s(n),
                None => {
                    c.s("code");
                    c.dec(code);
                }
            }
            c.s(")");
        }
        3 | 25 => {
            if optlen < 12 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" IAID:");
            c.dec(at32(0)?);
            c.s(" T1:");
            c.dec(at32(4)?);
            c.s(" T2:");
            c.dec(at32(8)?);
            if optlen > 12 {
                options(c, d, tp + 12, end)?;
            }
            c.s(")");
        }
        4 => {
            if optlen < 4 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" IAID:");
            c.dec(at32(0)?);
            if optlen > 4 {
                options(c, d, tp + 4, end)?;
            }
            c.s(")");
        }
        26 => {
            if optlen < 25 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            c.ip6addr(&body[9..25]);
            c.s("/");
            c.dec(body[8]);
            c.s(" pltime:");
            c.dec(at32(0)?);
            c.s(" vltime:");
            c.dec(at32(4)?);
            if optlen > 25 {
                options(c, d, tp + 25, end)?;
            }
            c.s(")");
        }
        32 | 46 => {
            if optlen != 4 {
                c.s(" ?)");
            } else {
                c.s(" ");
                c.dec(at32(0)?);
                c.s(")");
            }
        }
        37 => {
            if optlen < 4 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            c.dec(at32(0)?);
            c.s(" ");
            hex_bytes(c, &body[4..optlen.min(14)]);
            c.s("...)");
        }
        44 => {
            if optlen < 17 {
                c.s(" ?)");
                return Ok(true);
            }
            match body[0] {
                1 => c.s(" by-address"),
                2 => c.s(" by-clientID"),
                other => {
                    c.s(" type_");
                    c.dec(other);
                }
            }
            c.s(" ");
            c.ip6addr(&body[1..17]);
            if optlen > 17 {
                options(c, d, tp + 17, end)?;
            }
            c.s(")");
        }
        45 => {
            if optlen > 0 {
                options(c, d, tp, end)?;
            }
            c.s(")");
        }
        47 => {
            if optlen < 16 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            c.ip6addr(&body[..16]);
            c.s(" ");
            hex_bytes(c, &body[16..optlen.min(26)]);
            c.s("...)");
        }
        56 => {
            if optlen < 4 {
                c.s(" ?)");
                return Ok(true);
            }
            let mut p = tp;
            while p < end - 4 {
                let code = be16(d, p)?;
                let sublen = usize::from(be16(d, p + 2)?);
                p += 4;
                if p + sublen > end {
                    return Ok(false);
                }
                c.s(" subopt:");
                c.dec(code);
                match code {
                    1 | 2 if sublen == 16 => {
                        c.s(" ");
                        c.ip6addr(bytes(d, p, 16)?);
                    }
                    3 => {
                        c.s(" ");
                        if fqdn(c, d, p, p + sublen)?.is_none() {
                            return Ok(false);
                        }
                    }
                    _ => c.s(" ?"),
                }
                p += sublen;
            }
            c.s(")");
        }
        64 => {
            if optlen < 3 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            let (mut p, mut remain) = (tp, optlen);
            while remain != 0 && u8_at(d, p)? != 0 {
                let label = usize::from(u8_at(d, p)?);
                p += 1;
                if label < remain - 1 {
                    chars_to_nul(c, d, p, label)?;
                    p += label;
                    remain -= label + 1;
                    if u8_at(d, p)? != 0 {
                        c.s(".");
                    }
                } else {
                    c.s(" ?");
                    break;
                }
            }
            c.s(")");
        }
        41 | 42 | 112 => {
            if optlen < 5 {
                c.s(" ?)");
                return Ok(true);
            }
            c.s(" ");
            chars_to_nul(c, d, tp, optlen)?;
            c.s(")");
        }
        _ => c.s(")"),
    }
    Ok(true)
}

/// The authentication option (RFC 8415 section 21.11).
fn auth(c: &mut Ctx, b: &[u8]) -> R {
    if b.len() < 11 {
        c.s(" ?)");
        return Ok(());
    }
    let proto = b[0];
    match proto {
        2 => c.s(" proto: delayed"),
        3 => c.s(" proto: reconfigure"),
        p => {
            c.s(" proto: ");
            c.dec(p);
        }
    }
    match b[1] {
        1 => c.s(", alg: HMAC-MD5"),
        a => {
            c.s(", alg: ");
            c.dec(a);
        }
    }
    match b[2] {
        0 => c.s(", RDM: mono"),
        r => {
            c.s(", RDM: ");
            c.dec(r);
        }
    }
    c.s(", RD:");
    for i in 0..4 {
        c.s(" ");
        c.o.hexw(u64::from(be16(b, 3 + 2 * i)?), 4);
    }
    let info = &b[11..];
    match proto {
        2 if info.is_empty() => {}
        2 if info.len() < 20 => c.s(" ??"),
        2 => {
            let realm = info.len() - 20;
            if realm > 0 {
                c.s(", realm: ");
            }
            hex_bytes(c, &info[..realm]);
            c.s(", key ID: ");
            c.o.hexw(u64::from(be32(info, realm)?), 8);
            c.s(", HMAC-MD5:");
            for i in 0..4 {
                c.s(" ");
                c.o.hexw(u64::from(be32(info, realm + 4 + 4 * i)?), 8);
            }
        }
        3 if info.len() != 17 => c.s(" ??"),
        3 => {
            match info[0] {
                1 => c.s(" reconfig-key"),
                2 => c.s(" type: HMAC-MD5"),
                _ => c.s(" type: ??"),
            }
            c.s(" value:");
            for i in 0..4 {
                c.s(" ");
                c.o.hexw(u64::from(be32(info, 1 + 4 * i)?), 8);
            }
        }
        _ => c.s(" ??"),
    }
    c.s(")");
    Ok(())
}

/// One DHCPv6 message (also a relayed one inside a relay-message option); `d` is
/// what was captured of it and `len` its length on the wire.
fn message(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "dhcp6";
    c.s("dhcp6");
    let ep = d.len().min(len);
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(());
    }
    let t = d[0];
    c.s(" ");
    match msg_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("msgtype-");
            c.dec(t);
        }
    }
    if c.opts.verbose == 0 {
        return Ok(());
    }
    c.s(" (");
    if t != 12 && t != 13 {
        c.s("xid=");
        c.o.hex(u64::from(be32(d, 0)? & 0x00ff_ffff));
        options(c, d, 4, ep)?;
    } else {
        let link = bytes(d, 2, 16)?;
        c.s("linkaddr=");
        c.ip6addr(link);
        let peer = bytes(d, 18, 16)?;
        c.s(" peeraddr=");
        c.ip6addr(peer);
        options(c, d, 34, ep)?;
    }
    c.s(")");
    Ok(())
}

/// DHCPv6 over UDP: `d` is the captured payload, `len` the UDP payload length.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    message(c, d, len)
}
