//! BOOTP and DHCPv4 (RFC 951, RFC 2131/2132): the summary line, and with `-v`
//! the header fields and the RFC 1048 vendor options (or CMU vendor area).

use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

const VEND: usize = 236;

/// The option's print format (tcpdump's first character of the tag name) and
/// its name.
fn tag_info(tag: u8) -> Option<(u8, &'static str)> {
    Some(match tag {
        0 => (b' ', "PAD"),
        1 => (b'i', "Subnet-Mask"),
        2 => (b'L', "Time-Zone"),
        3 => (b'i', "Default-Gateway"),
        4 => (b'i', "Time-Server"),
        5 => (b'i', "IEN-Name-Server"),
        6 => (b'i', "Domain-Name-Server"),
        7 => (b'i', "LOG"),
        8 => (b'i', "CS"),
        9 => (b'i', "LPR-Server"),
        10 => (b'i', "IM"),
        11 => (b'i', "RL"),
        12 => (b'a', "Hostname"),
        13 => (b's', "BS"),
        255 => (b' ', "END"),
        14 => (b'a', "DP"),
        15 => (b'a', "Domain-Name"),
        16 => (b'i', "SS"),
        17 => (b'a', "RP"),
        18 => (b'a', "EP"),
        19 => (b'B', "IPF"),
        20 => (b'B', "SRT"),
        21 => (b'p', "PF"),
        22 => (b's', "RSZ"),
        23 => (b'b', "TTL"),
        24 => (b'l', "MTU-Timeout"),
        25 => (b's', "MTU-Table"),
        26 => (b's', "MTU"),
        27 => (b'B', "LSN"),
        28 => (b'i', "BR"),
        29 => (b'B', "MD"),
        30 => (b'B', "MS"),
        31 => (b'B', "Router-Discovery"),
        32 => (b'i', "RSA"),
        33 => (b'p', "Static-Route"),
        34 => (b'B', "UT"),
        35 => (b'l', "AT"),
        36 => (b'B', "IE"),
        37 => (b'b', "TT"),
        38 => (b'l', "KI"),
        39 => (b'B', "KG"),
        40 => (b'a', "YD"),
        41 => (b'i', "YS"),
        42 => (b'i', "NTP"),
        43 => (b'b', "Vendor-Option"),
        44 => (b'i', "Netbios-Name-Server"),
        45 => (b'i', "WDD"),
        46 => (b'$', "Netbios-Node"),
        47 => (b'a', "Netbios-Scope"),
        48 => (b'i', "XFS"),
        49 => (b'i', "XDM"),
        64 => (b's', "N+D"),
        65 => (b'i', "N+S"),
        68 => (b'i', "MH"),
        69 => (b'i', "SMTP"),
        70 => (b'i', "POP3"),
        71 => (b'i', "NNTP"),
        72 => (b'i', "WWW"),
        73 => (b'i', "FG"),
        74 => (b'i', "IRC"),
        75 => (b'i', "STS"),
        76 => (b'i', "STDA"),
        50 => (b'i', "Requested-IP"),
        51 => (b'l', "Lease-Time"),
        52 => (b'$', "OO"),
        66 => (b'a', "TFTP"),
        67 => (b'a', "BF"),
        53 => (b' ', "DHCP-Message"),
        54 => (b'i', "Server-ID"),
        55 => (b'b', "Parameter-Request"),
        56 => (b'a', "MSG"),
        57 => (b's', "MSZ"),
        58 => (b'l', "RN"),
        59 => (b'l', "RB"),
        60 => (b'a', "Vendor-Class"),
        61 => (b'$', "Client-ID"),
        98 => (b'a', "UAP"),
        116 => (b'B', "NOAUTO"),
        78 => (b'b', "SLP-DA"),
        79 => (b'b', "SLP-SCOPE"),
        117 => (b's', "NSSEARCH"),
        77 => (b'$', "User-Class"),
        118 => (b'i', "SUBNET"),
        121 => (b'$', "Classless-Static-Route"),
        249 => (b'$', "Classless-Static-Route-Microsoft"),
        150 => (b'i', "TFTP-Server-Address"),
        80 => (b'a', "SLP-NA"),
        81 => (b'$', "FQDN"),
        82 => (b'$', "Agent-Information"),
        83 => (b'b', "ARMT"),
        88 => (b'a', "TZSTR"),
        89 => (b'b', "FQDNS"),
        90 => (b'b', "AUTH"),
        91 => (b'L', "Last-Transaction-Time"),
        92 => (b'i', "Associated-IP"),
        93 => (b's', "ARCH"),
        94 => (b'b', "NDI"),
        97 => (b'b', "GUID"),
        95 => (b'a', "LDAP"),
        100 => (b'a', "POSIX-TZ"),
        101 => (b'a', "TZ-Name"),
        112 => (b'i', "NI"),
        113 => (b'a', "NITAG"),
        114 => (b'a', "URL"),
        161 => (b'a', "MUD-URL"),
        _ => return None,
    })
}

fn ip_if_set(c: &mut Ctx, d: &[u8], off: usize, label: &str) -> R {
    let a = bytes(d, off, 4)?;
    if a != [0, 0, 0, 0] {
        c.s(label);
        c.ipaddr(a);
    }
    Ok(())
}

/// tcpdump's nd_printztn: up to `n` characters, stopping at a NUL; true when
/// the capture ended first or the field holds no NUL.
fn printztn(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> bool {
    for i in 0..n {
        match d.get(off + i) {
            None => return true,
            Some(0) => return false,
            Some(&b) => print_char(c, b),
        }
    }
    // No terminating NUL within the field: tcpdump ends the packet there.
    true
}

/// tcpdump's nd_printn: `n` characters; true when the capture ended first.
fn printn(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> bool {
    for i in 0..n {
        match d.get(off + i) {
            None => return true,
            Some(&b) => print_char(c, b),
        }
    }
    false
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "bootp";
    let op = u8_at(d, 0)?;
    c.s("BOOTP/DHCP, ");
    match op {
        1 => c.s("Request"),
        2 => c.s("Reply"),
        _ => {
            c.s("unknown (0x");
            c.o.hexw(u64::from(op), 2);
            c.s(")");
        }
    }
    let htype = u8_at(d, 1)?;
    let hlen = u8_at(d, 2)?;
    if htype == 1 && hlen == 6 && op == 1 {
        let mac = bytes(d, 28, 6)?;
        c.s(" from ");
        c.etheraddr(mac);
    }
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    // tcpdump checks these with ND_TCHECK (`goto trunc`: the mark, then the
    // normal -x dump), not with its longjmping GET_ macros.
    if d.len() < 10 {
        return trunc(c);
    }
    if htype != 1 {
        c.s(", htype ");
        c.dec(htype);
    }
    if htype != 1 || hlen != 6 {
        c.s(", hlen ");
        c.dec(hlen);
    }
    let hops = u8_at(d, 3)?;
    if hops != 0 {
        c.s(", hops ");
        c.dec(hops);
    }
    let xid = be32(d, 4)?;
    if xid != 0 {
        c.s(", xid 0x");
        c.o.hex(u64::from(xid));
    }
    let secs = be16(d, 8)?;
    if secs != 0 {
        c.s(", secs ");
        c.dec(secs);
    }
    let flags = be16(d, 10)?;
    c.s(", Flags [");
    c.s(if flags & 0x8000 != 0 {
        "Broadcast"
    } else {
        "none"
    });
    c.s("]");
    if c.opts.verbose > 1 {
        c.s(" (0x");
        c.o.hexw(u64::from(flags), 4);
        c.s(")");
    }
    ip_if_set(c, d, 12, "\n\t  Client-IP ")?;
    ip_if_set(c, d, 16, "\n\t  Your-IP ")?;
    ip_if_set(c, d, 20, "\n\t  Server-IP ")?;
    ip_if_set(c, d, 24, "\n\t  Gateway-IP ")?;
    if htype == 1 && hlen == 6 {
        let mac = bytes(d, 28, 6)?;
        c.s("\n\t  Client-Ethernet-Address ");
        c.etheraddr(mac);
    }
    if u8_at(d, 44)? != 0 {
        c.s("\n\t  sname \"");
        if printztn(c, d, 44, 64) {
            c.s("\"");
            return trunc(c);
        }
        c.s("\"");
    }
    if u8_at(d, 108)? != 0 {
        c.s("\n\t  file \"");
        if printztn(c, d, 108, 128) {
            c.s("\"");
            return trunc(c);
        }
        c.s("\"");
    }
    let Ok(magic) = be32(d, VEND) else {
        return trunc(c);
    };
    if magic == 0x6382_5363 {
        rfc1048(c, d, VEND)?;
    } else if magic == 0x434d_5500 {
        cmu(c, d, VEND)?;
    } else if magic != 0 {
        c.s("\n\t  Vendor-#0x");
        c.o.hex(u64::from(magic));
    }
    Ok(())
}

/// The ` [|bootp]` of tcpdump's `goto trunc`: the packet's text ends there but
/// its -x dump is the usual one (not the whole frame, as after a longjmp).
fn trunc(c: &mut Ctx) -> R {
    c.trunc_mark();
    Ok(())
}

fn cmu(c: &mut Ctx, d: &[u8], p: usize) -> R {
    c.s(" vend-cmu");
    if bytes(d, p + 4, 4).is_err() {
        return trunc(c);
    }
    let flags = u8_at(d, p + 4)?;
    if flags & !1 != 0 {
        c.s(" F:0x");
        c.o.hex(u64::from(flags));
    }
    let sm = if flags & 1 != 0 { "SM" } else { "SM*" };
    for (off, name) in [
        (12, "DG"),
        (8, sm),
        (16, "NS1"),
        (20, "NS2"),
        (24, "IEN1"),
        (28, "IEN2"),
        (32, "TS1"),
        (36, "TS2"),
    ] {
        let Ok(a) = bytes(d, p + off, 4) else {
            return trunc(c);
        };
        if a != [0, 0, 0, 0] {
            c.s(" ");
            c.s(name);
            c.s(":");
            c.ipaddr(a);
        }
    }
    Ok(())
}

fn rfc1048(c: &mut Ctx, d: &[u8], start: usize) -> R {
    c.s("\n\t  Vendor-rfc1048 Extensions");
    let magic = be32(d, start)?;
    c.s("\n\t    Magic Cookie 0x");
    c.o.hexw(u64::from(magic), 8);
    let mut p = start + 4;
    let v = c.opts.verbose;
    while let Some(&tag) = d.get(p) {
        p += 1;
        if tag == 0 && v < 3 {
            continue;
        }
        if tag == 255 && v < 3 {
            return Ok(());
        }
        let (fmt, name) = tag_info(tag).unwrap_or((b'?', ""));
        let mut len = if tag == 0 || tag == 255 {
            0usize
        } else {
            let Some(&l) = d.get(p) else {
                return Err(Trunc);
            };
            p += 1;
            usize::from(l)
        };
        c.s("\n\t    ");
        c.s(if fmt == b'?' { "Unknown" } else { name });
        c.s(" (");
        c.dec(tag);
        c.s("), length ");
        c.dec(len as u64);
        if len > 0 {
            c.s(": ");
        }
        if tag == 0 && v > 2 {
            let mut ntag = 1u32;
            while d.get(p) == Some(&0) {
                p += 1;
                ntag += 1;
            }
            if ntag > 1 {
                c.s(", occurs ");
                c.dec(ntag);
            }
        }
        if bytes(d, p, len).is_err() {
            return trunc(c);
        }
        if tag == 53 && len == 1 {
            let m = u8_at(d, p)?;
            p += 1;
            match m {
                1 => c.s("Discover"),
                2 => c.s("Offer"),
                3 => c.s("Request"),
                4 => c.s("Decline"),
                5 => c.s("ACK"),
                6 => c.s("NACK"),
                7 => c.s("Release"),
                8 => c.s("Inform"),
                // RFC 4388 leasequery.
                10 => c.s("LeaseQuery"),
                11 => c.s("LeaseUnassigned"),
                12 => c.s("LeaseUnknown"),
                13 => c.s("LeaseActive"),
                _ => {
                    c.s("Unknown (");
                    c.dec(m);
                    c.s(")");
                }
            }
            continue;
        }
        if tag == 55 {
            let mut idx = 0;
            while len > 0 {
                let t = u8_at(d, p)?;
                p += 1;
                len -= 1;
                c.s(if idx % 4 == 0 { "\n\t      " } else { ", " });
                c.s(tag_info(t).map_or("Unknown", |i| i.1));
                c.s(" (");
                c.dec(t);
                c.s(")");
                idx += 1;
            }
            continue;
        }
        let fmt = if fmt == b'?' {
            if len & 1 != 0 {
                b'b'
            } else if len & 2 != 0 {
                b's'
            } else {
                b'l'
            }
        } else {
            fmt
        };
        let mut first = true;
        match fmt {
            b'a' => {
                c.s("\"");
                if printn(c, d, p, len) {
                    c.s("\"");
                    return trunc(c);
                }
                c.s("\"");
                p += len;
                len = 0;
            }
            b'i' | b'l' | b'L' => {
                while len >= 4 {
                    if !first {
                        c.s(",");
                    }
                    match fmt {
                        b'i' => {
                            let a = bytes(d, p, 4)?;
                            c.ipaddr(a);
                        }
                        b'L' => c.o.dec_i(i64::from(be32(d, p)? as i32)),
                        _ => c.dec(be32(d, p)?),
                    }
                    p += 4;
                    len -= 4;
                    first = false;
                }
            }
            b'p' => {
                while len >= 8 {
                    if !first {
                        c.s(",");
                    }
                    let a = bytes(d, p, 4)?;
                    c.s("(");
                    c.ipaddr(a);
                    c.s(":");
                    let b = bytes(d, p + 4, 4)?;
                    c.ipaddr(b);
                    c.s(")");
                    p += 8;
                    len -= 8;
                    first = false;
                }
            }
            b's' => {
                while len >= 2 {
                    if !first {
                        c.s(",");
                    }
                    c.dec(be16(d, p)?);
                    p += 2;
                    len -= 2;
                    first = false;
                }
            }
            b'B' => {
                while len > 0 {
                    if !first {
                        c.s(",");
                    }
                    match u8_at(d, p)? {
                        0 => c.s("N"),
                        1 => c.s("Y"),
                        x => {
                            c.dec(x);
                            c.s("?");
                        }
                    }
                    p += 1;
                    len -= 1;
                    first = false;
                }
            }
            b'$' => {
                if !special(c, d, tag, &mut p, &mut len)? {
                    return trunc(c);
                }
            }
            _ => {
                while len > 0 {
                    if !first {
                        c.s(if fmt == b'x' { ":" } else { "." });
                    }
                    let b = u8_at(d, p)?;
                    if fmt == b'x' {
                        c.o.hexw(u64::from(b), 2);
                    } else {
                        c.dec(b);
                    }
                    p += 1;
                    len -= 1;
                    first = false;
                }
            }
        }
        if len > 0 {
            c.s("\n\t  trailing data length ");
            c.dec(len as u64);
            p += len;
        }
    }
    Ok(())
}

/// Options with their own layout; false when the capture ended inside one.
fn special(c: &mut Ctx, d: &[u8], tag: u8, p: &mut usize, len: &mut usize) -> R<bool> {
    match tag {
        46 | 52 => {
            if *len < 1 {
                c.s("[ERROR: length < 1 bytes]");
                return Ok(true);
            }
            let t = u8_at(d, *p)?;
            *p += 1;
            *len -= 1;
            let name = if tag == 46 {
                match t {
                    1 => "b-node",
                    2 => "p-node",
                    4 => "m-node",
                    8 => "h-node",
                    _ => "#",
                }
            } else {
                match t {
                    1 => "file",
                    2 => "sname",
                    3 => "file+sname",
                    _ => "#",
                }
            };
            if name == "#" {
                c.s("#");
                c.dec(t);
            } else {
                c.s(name);
            }
        }
        81 => {
            if *len < 3 {
                c.s("[ERROR: length < 3 bytes]");
                *p += *len;
                *len = 0;
                return Ok(true);
            }
            let fl = u8_at(d, *p)?;
            if fl & 0xf0 != 0 {
                c.s("[ERROR: MBZ nibble 0x");
                c.o.hex(u64::from(fl >> 4));
                c.s(" != 0] ");
            }
            if fl & 0x0f != 0 {
                c.s("[");
                for (bit, ch) in [(1, "S"), (2, "O"), (4, "E"), (8, "N")] {
                    if fl & bit != 0 {
                        c.s(ch);
                    }
                }
                c.s("] ");
            }
            *p += 1;
            let (r1, r2) = (u8_at(d, *p)?, u8_at(d, *p + 1)?);
            if r1 != 0 || r2 != 0 {
                c.dec(r1);
                c.s("/");
                c.dec(r2);
                c.s(" ");
            }
            *p += 2;
            c.s("\"");
            if printn(c, d, *p, *len - 3) {
                c.s("\"");
                return Ok(false);
            }
            c.s("\"");
            *p += *len - 3;
            *len = 0;
        }
        61 => {
            if *len < 1 {
                c.s("[ERROR: length < 1 bytes]");
                return Ok(true);
            }
            let ty = u8_at(d, *p)?;
            *p += 1;
            *len -= 1;
            if ty == 0 {
                c.s("\"");
                if printn(c, d, *p, *len) {
                    c.s("\"");
                    return Ok(false);
                }
                c.s("\"");
                *p += *len;
                *len = 0;
            } else {
                match ty {
                    1 => c.s("ether"),
                    6 => c.s("ieee802"),
                    7 => c.s("arcnet"),
                    0xf => c.s("frelay"),
                    0x17 => c.s("strip"),
                    0x18 => c.s("ieee1394"),
                    _ => {
                        c.s("hardware-type ");
                        c.dec(ty);
                        c.s(",");
                    }
                }
                c.s(" ");
                let mut first = true;
                while *len > 0 {
                    if !first {
                        c.s(":");
                    }
                    c.o.hexw(u64::from(u8_at(d, *p)?), 2);
                    *p += 1;
                    *len -= 1;
                    first = false;
                }
            }
        }
        82 => {
            while *len >= 2 {
                let so = u8_at(d, *p)?;
                let sl = usize::from(u8_at(d, *p + 1)?);
                *p += 2;
                *len -= 2;
                let name = match so {
                    1 => "Circuit-ID",
                    2 => "Remote-ID",
                    6 => "Subscriber-ID",
                    _ => "Unknown",
                };
                c.s("\n\t      ");
                c.s(name);
                c.s(" SubOption ");
                c.dec(so);
                c.s(", length ");
                c.dec(sl as u64);
                if sl > *len {
                    c.s(": length goes past end of option");
                    *p += *len;
                    *len = 0;
                    break;
                }
                c.s(": ");
                match so {
                    1 | 2 | 6 => {
                        if printn(c, d, *p, sl) {
                            return Ok(false);
                        }
                    }
                    _ => super::ppp::unknown_data(c, d, *p, "\n\t\t", sl),
                }
                *len -= sl;
                *p += sl;
            }
        }
        121 | 249 => {
            if *len < 5 {
                c.s("[ERROR: length < 5 bytes]");
                *p += *len;
                *len = 0;
                return Ok(true);
            }
            let mut first = true;
            while *len > 0 {
                if !first {
                    c.s(",");
                }
                let mw = usize::from(u8_at(d, *p)?);
                *p += 1;
                *len -= 1;
                if mw > 32 {
                    c.s("[ERROR: Mask width (");
                    c.dec(mw as u64);
                    c.s(") > 32]");
                    *p += *len;
                    *len = 0;
                    break;
                }
                let sig = mw.div_ceil(8);
                if *len < sig + 4 {
                    c.s("[ERROR: Remaining length (");
                    c.dec(*len as u64);
                    c.s(") < ");
                    c.dec((sig + 4) as u64);
                    c.s(" bytes]");
                    *p += *len;
                    *len = 0;
                    break;
                }
                c.s("(");
                if mw == 0 {
                    c.s("default");
                } else {
                    for i in 0..sig {
                        if i > 0 {
                            c.s(".");
                        }
                        c.dec(u8_at(d, *p)?);
                        *p += 1;
                    }
                    for _ in sig..4 {
                        c.s(".0");
                    }
                    c.s("/");
                    c.dec(mw as u64);
                }
                let a = bytes(d, *p, 4)?;
                c.s(":");
                c.ipaddr(a);
                c.s(")");
                *p += 4;
                *len -= sig + 4;
                first = false;
            }
        }
        77 => {
            let mut n = 1u32;
            if *len < 2 {
                c.s("[ERROR: length < 2 bytes]");
                *p += *len;
                *len = 0;
                return Ok(true);
            }
            while *len > 0 {
                let sl = usize::from(u8_at(d, *p)?);
                *p += 1;
                *len -= 1;
                c.s("\n\t      instance#");
                c.dec(n);
                c.s(": ");
                if sl == 0 {
                    c.s("[ERROR: suboption length must be non-zero]");
                    *p += *len;
                    *len = 0;
                    break;
                }
                if *len < sl {
                    c.s("[ERROR: invalid option]");
                    *p += *len;
                    *len = 0;
                    break;
                }
                c.s("\"");
                if printn(c, d, *p, sl) {
                    c.s("\"");
                    return Ok(false);
                }
                c.s("\"");
                c.s(", length ");
                c.dec(sl as u64);
                n += 1;
                *len -= sl;
                *p += sl;
            }
        }
        _ => {
            c.s("[unknown special tag ");
            c.dec(tag);
            c.s(", size ");
            c.dec(*len as u64);
            c.s("]");
            *p += *len;
            *len = 0;
        }
    }
    Ok(true)
}
