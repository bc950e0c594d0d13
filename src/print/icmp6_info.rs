//! The rarer ICMPv6 messages, as tcpdump prints them: node information queries
//! and replies (RFC 4620), router renumbering (RFC 2894), RPL control messages
//! (RFC 6550), and the mobile IPv6 discovery messages (RFC 6275).

use super::hex::hex_only;
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};

/// Size of the node information header: ICMPv6 header, qtype, flags, nonce.
const NI_HEADER: usize = 16;

const NI_QTYPE_NOOP: u16 = 0;
const NI_QTYPE_SUPTYPES: u16 = 1;
const NI_QTYPE_FQDN: u16 = 2;
const NI_QTYPE_NODEADDR: u16 = 3;

/// The node-address flags of a query or reply (the low byte of the flags).
fn nodeaddr_flags(c: &mut Ctx, flags: u8, with_truncate: bool) {
    let mut f = String::new();
    for (bit, name) in [
        (0x40, "a"),
        (0x20, "G"),
        (0x10, "S"),
        (0x08, "L"),
        (0x04, "C"),
        (0x02, "A"),
    ] {
        if flags & bit != 0 {
            f.push_str(name);
        }
    }
    if with_truncate && flags & 0x01 != 0 {
        f.push('T');
    }
    c.s(" [");
    c.s(&f);
    c.s("]");
}

/// A DNS name in a node information message: uncompressed labels up to `end`.
fn dnsname(c: &mut Ctx, d: &[u8], mut cp: usize, end: usize) {
    c.s(", \"");
    while cp < end {
        let Some(&i) = d.get(cp) else { break };
        cp += 1;
        if i != 0 {
            let i = usize::from(i);
            if i > end - cp {
                c.s("???");
                break;
            }
            for k in cp..cp + i {
                if let Some(&b) = d.get(k) {
                    print_char(c, b);
                }
            }
            cp += i;
            if cp + 1 < end && d.get(cp).is_some_and(|&b| b != 0) {
                c.s(".");
            }
        } else {
            if cp == end {
                c.s(".");
            } else if !(cp + 1 == end && d.get(cp) == Some(&0)) {
                c.s("???");
            }
            break;
        }
    }
    c.s("\"");
}

/// A name either as a length-prefixed string (the old draft) or as labels.
fn subject_name(c: &mut Ctx, d: &[u8], cp: usize, end: usize) -> R {
    if usize::from(u8_at(d, cp)?) + cp + 1 == end {
        if c.opts.verbose > 0 {
            c.s(", 03 draft");
        }
        c.s(", \"");
        for &b in d.get(cp + 1..end).unwrap_or(&[]) {
            print_char(c, b);
        }
        c.s("\"");
    } else {
        dnsname(c, d, cp, end);
    }
    Ok(())
}

/// Runs a printer of this module; a message cut short by the capture gets
/// tcpdump's mark and the ICMPv6 line goes on (its length is still printed).
pub(crate) fn marked(c: &mut Ctx, print: impl FnOnce(&mut Ctx) -> R) -> R {
    if print(c).is_err() {
        c.s(" [|icmp6]");
    }
    Ok(())
}

/// Node information query (139) and reply (140). `d` holds the captured bytes
/// of the message, `length` its length on the wire.
pub(crate) fn nodeinfo(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let siz = d.len();
    let v = c.opts.verbose;
    if u8_at(d, 0)? == 139 {
        if siz == 8 + 4 {
            c.s(" who-are-you request");
            return Ok(());
        }
        c.s(" node information query");
        bytes(d, 0, NI_HEADER)?;
        c.s(" (");
        let qtype = be16(d, 4)?;
        match qtype {
            NI_QTYPE_NOOP => c.s("noop"),
            NI_QTYPE_SUPTYPES => {
                c.s("supported qtypes");
                let flags = be16(d, 6)?;
                if flags != 0 {
                    c.s(if flags & 1 != 0 { " [C]" } else { " []" });
                }
            }
            NI_QTYPE_FQDN => c.s("DNS name"),
            NI_QTYPE_NODEADDR => {
                c.s("node addresses");
                if be16(d, 6)? != 0 {
                    nodeaddr_flags(c, u8_at(d, 7)?, false);
                }
            }
            _ => c.s("unknown"),
        }
        if qtype == NI_QTYPE_NOOP || qtype == NI_QTYPE_SUPTYPES {
            if siz != NI_HEADER && v > 0 {
                c.s(", invalid len");
            }
            c.s(")");
            return Ok(());
        }
        if siz == NI_HEADER {
            c.s(", 03 draft)");
            return Ok(());
        }
        match u8_at(d, 1)? {
            0 => {
                if siz >= NI_HEADER + 16 {
                    if siz != NI_HEADER + 16 {
                        if v > 0 {
                            c.s(", invalid subject len");
                        }
                    } else {
                        c.s(", subject=");
                        c.ip6addr(bytes(d, NI_HEADER, 16)?);
                    }
                }
            }
            1 => {
                c.s(", subject=DNS name");
                subject_name(c, d, NI_HEADER, siz)?;
            }
            2 => {
                if siz >= NI_HEADER + 4 {
                    if siz != NI_HEADER + 4 {
                        if v > 0 {
                            c.s(", invalid subject len");
                        }
                    } else {
                        c.s(", subject=");
                        c.ipaddr(bytes(d, NI_HEADER, 4)?);
                    }
                }
            }
            _ => c.s(", unknown subject"),
        }
        c.s(")");
        return Ok(());
    }
    // Reply.
    if length > siz {
        c.s(" [|icmp6]");
        return Ok(());
    }
    bytes(d, 0, NI_HEADER)?;
    c.s(" node information reply (");
    let code = u8_at(d, 1)?;
    let mut comma = false;
    match code {
        0 if v > 0 => {
            c.s("success");
            comma = true;
        }
        1 | 2 => {
            c.s(if code == 1 { "refused" } else { "unknown" });
            comma = true;
            if siz != NI_HEADER && v > 0 {
                c.s(", invalid length");
            }
        }
        _ => {}
    }
    if code != 0 {
        c.s(")");
        return Ok(());
    }
    if comma {
        c.s(", ");
    }
    match be16(d, 4)? {
        NI_QTYPE_NOOP => {
            c.s("noop");
            if siz != NI_HEADER && v > 0 {
                c.s(", invalid length");
            }
        }
        NI_QTYPE_SUPTYPES => {
            c.s("supported qtypes");
            let flags = be16(d, 6)?;
            if flags != 0 {
                c.s(if flags & 1 != 0 { " [C]" } else { " []" });
            }
        }
        NI_QTYPE_FQDN => {
            c.s("DNS name");
            let cp = NI_HEADER + 4;
            u8_at(d, cp)?;
            subject_name(c, d, cp, siz)?;
            if be16(d, 6)? & 1 != 0 {
                c.s(" [TTL=");
                c.dec(be32(d, NI_HEADER)?);
                c.s("]");
            }
        }
        NI_QTYPE_NODEADDR => {
            c.s("node addresses");
            let mut i = NI_HEADER;
            // Each address follows its TTL, printed unsigned; both are read
            // before either is printed.
            while i + 4 + 16 <= siz {
                let ttl = be32(d, i)?;
                let addr = bytes(d, i + 4, 16)?;
                c.s(" ");
                c.ip6addr(addr);
                c.s("(");
                c.dec(ttl);
                c.s(")");
                i += 20;
            }
            if be16(d, 6)? != 0 {
                nodeaddr_flags(c, u8_at(d, 7)?, true);
            }
        }
        _ => c.s("unknown"),
    }
    c.s(")");
    Ok(())
}

/// Router renumbering (138).
pub(crate) fn router_renumbering(c: &mut Ctx, d: &[u8]) -> R {
    bytes(d, 0, 16)?;
    let code = u8_at(d, 1)?;
    match code {
        0 => c.s(", command"),
        1 => c.s(", result"),
        255 => c.s(", sequence number reset"),
        _ => {
            c.s(", code-#");
            c.dec(code);
        }
    }
    c.s(", seq=");
    c.dec(be32(d, 4)?);
    let v = c.opts.verbose;
    if v > 0 {
        c.s("[");
        let flags = u8_at(d, 9)?;
        if flags != 0 {
            for (bit, name) in [
                (0x80, "T"),
                (0x40, "R"),
                (0x20, "A"),
                (0x10, "S"),
                (0x08, "P"),
            ] {
                if flags & bit != 0 {
                    c.s(name);
                }
            }
            c.s(",");
        }
        c.s("seg=");
        c.dec(u8_at(d, 8)?);
        c.s(",maxdelay=");
        c.dec(be16(d, 10)?);
        let reserved = be32(d, 12)?;
        if reserved != 0 {
            c.s("rsvd=0x");
            c.o.hex(u64::from(reserved));
        }
        c.s("]");
    }
    if code != 0 {
        return Ok(());
    }
    // The match-prefix part, then its use-prefix parts.
    let m = 16;
    let prefix = bytes(d, m + 8, 16)?;
    c.s(if v > 1 { "\n\t" } else { " " });
    c.s("match(");
    match u8_at(d, m)? {
        1 => c.s("add"),
        2 => c.s("change"),
        3 => c.s("setglobal"),
        other => {
            c.s("#");
            c.dec(other);
        }
    }
    if v > 0 {
        c.s(",ord=");
        c.dec(u8_at(d, m + 2)?);
        c.s(",min=");
        c.dec(u8_at(d, m + 4)?);
        c.s(",max=");
        c.dec(u8_at(d, m + 5)?);
    }
    c.s(",");
    c.o.ipv6(prefix);
    c.s("/");
    c.dec(u8_at(d, m + 3)?);
    c.s(")");
    let n = i32::from(u8_at(d, m + 1)?) - 3;
    if n % 4 != 0 {
        c.s(" [|icmp6]");
        return Ok(());
    }
    let mut u = m + 24;
    for _ in 0..n / 4 {
        let prefix = bytes(d, u + 16, 16)?;
        c.s(if v > 1 { "\n\t" } else { " " });
        c.s("use(");
        let flags = u8_at(d, u + 12)?;
        // The V and P flags: the top bits of the flags word.
        if be32(d, u + 12)? != 0 {
            c.s(if flags & 0x80 != 0 { "V" } else { "" });
            c.s(if flags & 0x40 != 0 { "P" } else { "" });
            c.s(",");
        }
        if v > 0 {
            c.s("mask=0x");
            c.o.hex(u64::from(u8_at(d, u + 2)?));
            c.s(",raflags=0x");
            c.o.hex(u64::from(u8_at(d, u + 3)?));
            c.s(",");
            for (name, off) in [("vltime", 4), ("pltime", 8)] {
                c.s(name);
                let t = be32(d, u + off)?;
                if t == u32::MAX {
                    c.s("=infty,");
                } else {
                    c.s("=");
                    c.dec(t);
                    c.s(",");
                }
            }
        }
        c.o.ipv6(prefix);
        c.s("/");
        c.dec(u8_at(d, u)?);
        c.s("/");
        c.dec(u8_at(d, u + 1)?);
        c.s(")");
        u += 32;
    }
    Ok(())
}

/// The RPL options after a DIO, DAO or DAO-ACK base (at -vv): `left` bytes
/// from `off`. As in tcpdump, an option whose body runs past the capture (or
/// past `left`) ends the line with the mark and the ICMPv6 line goes on, but a
/// type or length byte past the capture ends the whole packet (`Err`: tcpdump's
/// `GET_U_1` longjmp, after which `-x` dumps from the link header).
fn rpl_options(c: &mut Ctx, d: &[u8], mut off: usize, mut left: usize) -> R {
    while left != 0 {
        let t = u8_at(d, off)?;
        let optlen = if t == 0 {
            c.s(" opt:pad1");
            1
        } else {
            if left < 2 {
                return rpl_trunc(c);
            }
            let optlen = usize::from(u8_at(d, off + 1)?) + 2;
            c.s(" opt:");
            match t {
                1 => c.s("padN"),
                2 => c.s("metrics"),
                3 => c.s("routinginfo"),
                4 => c.s("config"),
                5 => c.s("rpltarget"),
                6 => c.s("transitinfo"),
                8 => c.s("destprefix"),
                9 => c.s("rpltargetdesc"),
                _ => {
                    c.s("subopt:");
                    c.dec(t);
                }
            }
            c.s(" len:");
            c.dec(optlen as u64);
            c.s(" ");
            let Ok(body) = bytes(d, off + 2, optlen - 2) else {
                return rpl_trunc(c);
            };
            if left < optlen {
                return rpl_trunc(c);
            }
            if c.opts.verbose > 2 {
                hex_only(&mut c.o, " ", body, 0);
            }
            optlen
        };
        off += optlen;
        left -= optlen;
    }
    Ok(())
}

/// tcpdump's `goto trunc` in the RPL printers: the mark, and the ICMPv6 line
/// goes on.
fn rpl_trunc(c: &mut Ctx) -> R {
    c.s(" [|icmp6]");
    Ok(())
}

/// RPL control message (155): `d` is the ICMPv6 message. A DIO cut short ends
/// the packet (`Err`), as tcpdump's `GET_` reads do; DAO checks mark and go on.
pub(crate) fn rpl(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let code = u8_at(d, 1)?;
    if code & 0x80 != 0 {
        c.s(", (SEC) [worktodo]");
        return Ok(());
    }
    c.s(", (CLR)");
    let v = c.opts.verbose;
    // The message base starts after the type, code and checksum.
    let base = 4;
    let length = length.saturating_sub(4);
    match code {
        0 => c.s("DODAG Information Solicitation"),
        1 => {
            c.s("DODAG Information Object");
            if v > 0 {
                if length < 24 {
                    c.s(" [length ");
                    c.dec(length as u64);
                    c.s(" < 24]");
                    c.invalid();
                    return Ok(());
                }
                let dio = bytes(d, base, 24)?;
                c.s(" [dagid:");
                c.ip6addr(&dio[8..24]);
                c.s(",seq:");
                c.dec(dio[5]);
                c.s(",instance:");
                c.dec(dio[0]);
                c.s(",rank:");
                c.dec(u16::from_be_bytes([dio[2], dio[3]]));
                c.s(",");
                let mopprf = dio[4];
                if mopprf & 0x80 != 0 {
                    c.s("grounded,");
                }
                c.s("mop:");
                match (mopprf >> 3) & 7 {
                    0 => c.s("nonstoring"),
                    1 => c.s("storing"),
                    2 => c.s("nonstoring-multicast"),
                    3 => c.s("storing-multicast"),
                    other => {
                        c.s("mop");
                        c.dec(other);
                    }
                }
                c.s(",prf:");
                c.dec(mopprf & 7);
                c.s("]");
                if v > 1 {
                    rpl_options(c, d, base + 24, length.saturating_sub(24))?;
                }
            }
        }
        2 | 3 => {
            let ack = code == 3;
            c.s(if ack {
                "Destination Advertisement Object Ack"
            } else {
                "Destination Advertisement Object"
            });
            if v > 0 {
                // tcpdump checks a DAO's whole structure, DODAG ID included,
                // before looking at its flags (`ND_TCHECK`: mark, no longjmp).
                if bytes(d, base, if ack { 4 } else { 20 }).is_err() {
                    return rpl_trunc(c);
                }
                let head = bytes(d, base, 4)?;
                if length < 4 {
                    c.s(if ack {
                        " [|dao-length too short]"
                    } else {
                        " [|length too short]"
                    });
                    return Ok(());
                }
                let flags = head[1];
                let has_dagid = flags & if ack { 0x80 } else { 0x40 } != 0;
                let mut off = base + 4;
                let mut left = length - 4;
                let dagid = if has_dagid {
                    let Ok(id) = bytes(d, off, 16) else {
                        return rpl_trunc(c);
                    };
                    if left < 16 {
                        c.s(if ack {
                            " [|dao-length too short]"
                        } else {
                            " [|length too short]"
                        });
                        return Ok(());
                    }
                    off += 16;
                    left -= 16;
                    Some(id)
                } else {
                    None
                };
                c.s(" [dagid:");
                match dagid {
                    Some(id) => c.ip6addr(id),
                    None => c.s("<elided>"),
                }
                c.s(",seq:");
                c.dec(if ack { head[2] } else { head[3] });
                c.s(",instance:");
                c.dec(head[0]);
                if ack {
                    c.s(",status:");
                    c.dec(head[3]);
                } else {
                    if flags & 0x80 != 0 {
                        c.s(",acK");
                    }
                    if has_dagid {
                        c.s(",Dagid");
                    }
                    c.s(",");
                    c.o.hexw(u64::from(flags), 2);
                }
                c.s("]");
                if v > 1 {
                    rpl_options(c, d, off, left)?;
                }
            }
        }
        _ => {
            c.s("RPL message, unknown code ");
            c.dec(code);
        }
    }
    Ok(())
}

/// Home agent discovery (144, 145) and mobile prefix (146, 147) messages.
pub(crate) fn mobile(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let t = u8_at(d, 0)?;
    let v = c.opts.verbose;
    if t == 144 || t == 146 {
        let id = be16(d, 4)?;
        c.s(", id 0x");
        c.o.hexw(u64::from(id), 4);
        return Ok(());
    }
    if v == 0 {
        return Ok(());
    }
    let id = be16(d, 4)?;
    c.s(", id 0x");
    c.o.hexw(u64::from(id), 4);
    if t == 145 {
        let mut a = 8;
        while a < length {
            let addr = bytes(d, a, 16)?;
            c.s(", ");
            c.ip6addr(addr);
            a += 16;
        }
        return Ok(());
    }
    // tcpdump checks the whole 16-bit field before reading its first byte.
    be16(d, 6)?;
    let flags = u8_at(d, 6)?;
    if flags & 0xc0 != 0 {
        c.s(" ");
    }
    if flags & 0x80 != 0 {
        c.s("M");
    }
    if flags & 0x40 != 0 {
        c.s("O");
    }
    if !super::icmp6::options(c, d.get(8..).unwrap_or(&[]), length as isize - 8)? {
        c.trunc_mark();
    }
    Ok(())
}
