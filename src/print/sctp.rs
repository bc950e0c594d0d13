//! SCTP: the common header and one bracketed summary per chunk, as tcpdump 4.99
//! prints them (chunks on their own lines with `-vv`, DATA payloads in hex then,
//! M3UA payloads decoded). Valid ForCES messages (ports 6704-6706, PPIDs 21-23)
//! are not decoded, unlike tcpdump; short and invalid ones print as in tcpdump.

use super::ip::IpInfo;
use super::out::Put;
use super::tcp::addr;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

fn chunk_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "DATA",
        1 => "INIT",
        2 => "INIT ACK",
        3 => "SACK",
        4 => "HB REQ",
        5 => "HB ACK",
        6 => "ABORT",
        7 => "SHUTDOWN",
        8 => "SHUTDOWN ACK",
        9 => "OP ERR",
        10 => "COOKIE ECHO",
        11 => "COOKIE ACK",
        12 => "ECN ECHO",
        13 => "ECN CWR",
        14 => "SHUTDOWN COMPLETE",
        0xc0 => "FOR CUM TSN",
        0xc1 => "REL CTRL",
        0xc2 => "REL CTRL ACK",
        _ => return None,
    })
}

/// Payload protocol identifiers tcpdump names.
fn ppid_name(p: u32) -> Option<&'static str> {
    Some(match p {
        1 => "ISDN Q.921",
        2 => "M2UA",
        3 => "M3UA",
        4 => "SUA",
        5 => "M2PA",
        6 => "V5.2",
        7 => "H.248",
        8 => "BICC",
        9 => "TALI",
        10 => "DUA",
        11 => "ASAP",
        12 => "ENRP",
        13 => "H.323",
        14 => "Q.IPC",
        15 => "SIMCO",
        16 => "DDPSC",
        17 => "DDPSSC",
        18 => "S1AP",
        19 => "RUA",
        20 => "HNBAP",
        21 => "ForCES HP",
        22 => "ForCES MP",
        23 => "ForCES LP",
        24 => "SBc-AP",
        25 => "NBAP",
        27 => "X2AP",
        _ => return None,
    })
}

/// The ForCES channel a well-known port carries.
fn forces_channel(port: u16) -> Option<&'static str> {
    match port {
        6704 => Some("ForCES HP"),
        6705 => Some("ForCES MP"),
        6706 => Some("ForCES LP"),
        _ => None,
    }
}

fn m3ua_class(class: u8) -> Option<&'static str> {
    Some(match class {
        0 => "Management",
        1 => "Transfer",
        2 => "SS7",
        3 | 4 => "ASP",
        9 => "Routing Key Management",
        _ => return None,
    })
}

fn m3ua_message(class: u8, t: u8) -> Option<Option<&'static str>> {
    let names: &[&str] = match class {
        0 => &["Error", "Notify"],
        1 => &["", "Data"],
        2 => &[
            "",
            "Destination Unavailable",
            "Destination Available",
            "Destination State Audit",
            "Signalling Congestion",
            "Destination User Part Unavailable",
            "Destination Restricted",
        ],
        3 => &[
            "",
            "Up",
            "Down",
            "Heartbeat",
            "Up Acknowledgement",
            "Down Acknowledgement",
            "Heartbeat Acknowledgement",
        ],
        4 => &[
            "",
            "Active",
            "Inactive",
            "Active Acknowledgement",
            "Inactive Acknowledgement",
        ],
        9 => &[
            "",
            "Registration Request",
            "Registration Response",
            "Deregistration Request",
            "Deregistration Response",
        ],
        _ => return None,
    };
    Some(names.get(usize::from(t)).copied().filter(|n| !n.is_empty()))
}

fn m3ua_param(tag: u16) -> Option<&'static str> {
    Some(match tag {
        0x0004 => "INFO String",
        0x0006 => "Routing Context",
        0x0007 => "Diagnostic Info",
        0x0009 => "Heartbeat Data",
        0x000b => "Traffic Mode Type",
        0x000c => "Error Code",
        0x000d => "Status",
        0x0011 => "ASP Identifier",
        0x0012 => "Affected Point Code",
        0x0013 => "Correlation ID",
        0x0200 => "Network Appearance",
        0x0204 => "User/Cause",
        0x0205 => "Congestion Indications",
        0x0206 => "Concerned Destination",
        0x0207 => "Routing Key",
        0x0208 => "Registration Result",
        0x0209 => "Deregistration Result",
        0x020a => "Local Routing Key Identifier",
        0x020b => "Destination Point Code",
        0x020c => "Service Indicators",
        0x020e => "Originating Point Code List",
        0x0210 => "Protocol Data",
        0x0212 => "Registration Status",
        0x0213 => "Deregistration Status",
        _ => return None,
    })
}

/// An M3UA message carried in a DATA chunk (`-vv`); `d` runs from the message
/// to the end of the capture, `size` is the chunk's payload length.
fn m3ua(c: &mut Ctx, d: &[u8], size: usize) -> R {
    if size < 8 || d.len() < 8 {
        c.invalid();
        return Ok(());
    }
    if d[0] != 1 {
        return Ok(());
    }
    let (class, t) = (d[2], d[3]);
    c.s("\n\t\t");
    match m3ua_class(class) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown message class ");
            c.dec(class);
        }
    }
    if let Some(name) = m3ua_message(class, t) {
        c.s(" ");
        match name {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown (0x");
                c.o.hexw(u64::from(t), 2);
                c.s(")");
            }
        }
        c.s(" Message");
    }
    let len = u32::from_be_bytes([d[4], d[5], d[6], d[7]]) as usize;
    if size != len {
        c.s("\n\t\t\t@@@@@@ Corrupted length ");
        c.dec(len as u64);
        c.s(" of message @@@@@@");
        return Ok(());
    }
    let buf = &d[8..];
    let size = len - 8;
    let mut p = 0usize;
    while p < size {
        if p + 4 > size {
            c.invalid();
            return Ok(());
        }
        let (Ok(tag), Ok(hl)) = (be16(buf, p), be16(buf, p + 2)) else {
            c.proto = "m3ua";
            return Err(Trunc);
        };
        c.s("\n\t\t\t");
        match m3ua_param(tag) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown Parameter (0x");
                c.o.hexw(u64::from(tag), 4);
                c.s(")");
            }
        }
        c.s(": ");
        let hl = usize::from(hl);
        if hl < 4 {
            c.invalid();
            return Ok(());
        }
        let align = (4 - (p + hl) % 4) % 4;
        if bytes(buf, p, hl + align).is_err() {
            c.proto = "m3ua";
            return Err(Trunc);
        }
        let vlen = hl - 4;
        match tag {
            0x0200 | 0x0006 | 0x0013 => {
                if vlen < 4 {
                    c.invalid();
                } else {
                    // tcpdump prints the parameter's first word, its header.
                    c.s("0x");
                    c.o.hexw(u64::from(be32(buf, p).unwrap_or(0)), 8);
                }
            }
            _ => {
                c.s("(length ");
                c.dec(hl as u64);
                c.s(")");
            }
        }
        p += hl + align;
    }
    Ok(())
}

/// How a chunk's body ended: on to the next chunk, or tcpdump gave up on the
/// whole packet with its "bogus chunk length" message.
enum Body {
    Next,
    Stop,
}

fn bogus(c: &mut Ctx, clen: u16) -> R<Body> {
    c.s("bogus chunk length ");
    c.dec(clen);
    c.s("]");
    Ok(Body::Stop)
}

/// The body of one chunk; `ch` runs from the chunk's descriptor to the end of the
/// capture (the chunk itself, `clen` bytes, is fully captured).
fn chunk_body(c: &mut Ctx, ch: &[u8], clen: u16, forces: &mut bool) -> R<Body> {
    let id = u8_at(ch, 0)?;
    let crem = usize::from(clen) - 4;
    match id {
        0 => {
            let fl = u8_at(ch, 1)?;
            if fl & 4 != 0 {
                c.s("(U)");
            }
            if fl & 2 != 0 {
                c.s("(B)");
            }
            if fl & 1 != 0 {
                c.s("(E)");
            }
            if fl & 7 != 0 {
                c.s(" ");
            }
            if crem < 12 {
                return bogus(c, clen);
            }
            c.s("[TSN: ");
            c.dec(be32(ch, 4)?);
            c.s("] [SID: ");
            c.dec(be16(ch, 8)?);
            c.s("] [SSEQ ");
            c.dec(be16(ch, 10)?);
            c.s("] [PPID ");
            let ppid = be32(ch, 12)?;
            match ppid_name(ppid) {
                Some(n) => c.s(n),
                None => {
                    c.s("0x");
                    c.o.hex(u64::from(ppid));
                }
            }
            c.s("] ");
            if crem == 12 {
                return bogus(c, clen);
            }
            *forces = *forces || (21..=23).contains(&ppid);
            if *forces {
                super::forces::print(c, &ch[16..], crem - 12)?;
            } else if c.opts.verbose >= 2 && ppid == 3 {
                m3ua(c, &ch[16..], crem - 12)?;
            } else if c.opts.verbose >= 2 {
                let payload = bytes(ch, 16, crem - 12)?;
                c.s("[Payload");
                if !c.opts.suppress_default_print() {
                    c.s(":");
                    c.default_print(payload);
                }
                c.s("]");
            }
        }
        1 | 2 => {
            if crem < 16 {
                return bogus(c, clen);
            }
            c.s("[init tag: ");
            c.dec(be32(ch, 4)?);
            c.s("] [rwnd: ");
            c.dec(be32(ch, 8)?);
            c.s("] [OS: ");
            c.dec(be16(ch, 12)?);
            c.s("] [MIS: ");
            c.dec(be16(ch, 14)?);
            c.s("] [init TSN: ");
            c.dec(be32(ch, 16)?);
            c.s("] ");
        }
        3 => {
            if crem < 12 {
                return bogus(c, clen);
            }
            let cum = be32(ch, 4)?;
            let ngaps = be16(ch, 12)?;
            let ndups = be16(ch, 14)?;
            c.s("[cum ack ");
            c.dec(cum);
            c.s("] [a_rwnd ");
            c.dec(be32(ch, 8)?);
            c.s("] [#gap acks ");
            c.dec(ngaps);
            c.s("] [#dup tsns ");
            c.dec(ndups);
            c.s("] ");
            let mut rem = crem - 12;
            let mut off = 16;
            let mut i = 0;
            while rem != 0 && i < ngaps {
                if rem < 4 {
                    return bogus(c, clen);
                }
                c.s("\n\t\t[gap ack block #");
                c.dec(i + 1);
                c.s(": start = ");
                c.dec(cum.wrapping_add(u32::from(be16(ch, off)?)));
                c.s(", end = ");
                c.dec(cum.wrapping_add(u32::from(be16(ch, off + 2)?)));
                c.s("] ");
                rem -= 4;
                off += 4;
                i += 1;
            }
            let mut i = 0;
            while rem != 0 && i < ndups {
                if rem < 4 {
                    return bogus(c, clen);
                }
                c.s("\n\t\t[dup TSN #");
                c.dec(i + 1);
                c.s(": ");
                c.dec(be32(ch, off)?);
                c.s("] ");
                rem -= 4;
                off += 4;
                i += 1;
            }
        }
        _ => {}
    }
    Ok(Body::Next)
}

/// An SCTP packet of `length` bytes (captured part in `d`). tcpdump checks the
/// captured length before it reads, so a short capture prints ` [|sctp]` and
/// returns normally (`-x` then dumps from the network header, not the whole frame).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "sctp";
    match print_inner(c, d, length, ip) {
        // M3UA's and ForCES's truncations abort the whole packet in tcpdump.
        Err(Trunc) if c.proto == "m3ua" || c.proto == "forces" => Err(Trunc),
        Err(Trunc) => {
            c.trunc_mark();
            Ok(())
        }
        Ok(()) => Ok(()),
    }
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    if length < 12 {
        c.s("truncated-sctp - ");
        c.dec((12 - length) as u64);
        c.s(" bytes missing!");
        return Ok(());
    }
    bytes(d, 0, 12)?;
    let sport = be16(d, 0)?;
    let dport = be16(d, 2)?;
    addr(c, ip, ip.src);
    c.s(".");
    c.dec(sport);
    c.s(" > ");
    addr(c, ip, ip.dst);
    c.s(".");
    c.dec(dport);
    c.s(": sctp");
    for p in [sport, dport] {
        if let Some(n) = forces_channel(p) {
            c.s("[");
            c.s(n);
            c.s("]");
        }
    }
    let mut forces = forces_channel(sport).is_some() || forces_channel(dport).is_some();
    let mut remaining = length - 12;
    let mut off = 12usize;
    let mut sep = if c.opts.verbose >= 2 { "\n\t" } else { " (" };
    let mut n = 0u64;
    while remaining != 0 {
        n += 1;
        if remaining < 4 {
            c.s(sep);
            c.dec(n);
            c.s(") [chunk descriptor cut off at end of packet]");
            break;
        }
        bytes(d, off, 4)?;
        let clen = be16(d, off + 2)?;
        if clen < 4 {
            c.s(sep);
            c.dec(n);
            c.s(") [Bad chunk length ");
            c.dec(clen);
            c.s(", < size of chunk descriptor]");
            break;
        }
        let ch = bytes(d, off, usize::from(clen))?;
        c.s(sep);
        c.dec(n);
        c.s(") [");
        let id = ch[0];
        match chunk_name(id) {
            Some(name) => c.s(name),
            None => {
                c.s("Unknown chunk type: 0x");
                c.o.hex(u64::from(id));
            }
        }
        c.s("] ");
        if let Body::Stop = chunk_body(c, &d[off..], clen, &mut forces)? {
            return Ok(());
        }
        off += usize::from(clen);
        remaining = remaining.saturating_sub(usize::from(clen));
        if c.opts.verbose < 2 {
            sep = ", (";
        }
        let align = (4 - usize::from(clen) % 4) % 4;
        if align != 0 {
            bytes(d, off, align)?;
            off += align;
            remaining = remaining.saturating_sub(align);
        }
    }
    Ok(())
}
