//! DECnet Phase IV (ethertype 0x6003) as tcpdump prints it: the routing
//! layer (short and long data headers with their padding, and the control
//! messages: initialization, verification, test, level 1 and 2 routing,
//! router and endnode hellos) and the NSP messages above it (data, interrupt,
//! link service, acknowledgements, connect and disconnect). All multi-byte
//! fields are little-endian.

use super::out::Put;
use super::{Ctx, R, Trunc, u8_at};

/// Short data header: flags, destination, source, visits.
const SHORT_HDR: usize = 6;
/// Long data header (Ethernet endnode format).
const LONG_HDR: usize = 21;

fn le16(d: &[u8], off: usize) -> R<u16> {
    let b = d.get(off..off.checked_add(2).ok_or(Trunc)?).ok_or(Trunc)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

/// A node address as "area.node".
fn node(c: &mut Ctx, a: u16) {
    c.dec(a >> 10);
    c.s(".");
    c.dec(a & 0x3ff);
}

fn invalid(c: &mut Ctx) {
    c.s(" (invalid)");
}

/// A DECnet packet starting at its 2-byte length field; `d` is what was
/// captured of it.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "decnet";
    if length < SHORT_HDR {
        c.s(" (length ");
        c.dec(length as u64);
        c.s(" < 6)");
        invalid(c);
        return Ok(());
    }
    let pktlen = usize::from(le16(d, 0)?);
    if pktlen < SHORT_HDR {
        c.s(" (pktlen ");
        c.dec(pktlen as u64);
        c.s(" < 6)");
        invalid(c);
        return Ok(());
    }
    if pktlen > length {
        c.s(" (pktlen ");
        c.dec(pktlen as u64);
        c.s(" > ");
        c.dec(length as u64);
        c.s(")");
        invalid(c);
        return Ok(());
    }
    let mut length = pktlen;
    let mut ap = d;
    let mut flags = u8_at(ap, 2)?;
    if flags & 0x80 != 0 {
        // Padding in front of the routing header.
        let pad = usize::from(flags & 0x7f);
        if c.opts.verbose > 0 {
            c.s("[pad:");
            c.dec(pad as u64);
            c.s("] ");
        }
        if length < pad + 2 {
            c.s(" (length ");
            c.dec(length as u64);
            c.s(" < ");
            c.dec((pad + 2) as u64);
            c.s(")");
            invalid(c);
            return Ok(());
        }
        if ap.len() < 2 + pad {
            return Err(Trunc);
        }
        ap = &ap[pad..];
        length -= pad;
        flags = u8_at(ap, 2)?;
    }
    let caplen = ap.len();
    let rh = &ap[2.min(ap.len())..];
    if flags & 0x40 != 0 {
        c.s("future-version-decnet");
        super::hex::hex_and_ascii(&mut c.o, "\n\t", &ap[..length.min(caplen)], 0);
        return Ok(());
    }
    if flags & 0x01 != 0 {
        if !control(c, rh, flags, length, caplen)? {
            invalid(c);
        }
        return Ok(());
    }
    let (dst, src, hops, nsp_off) = match flags & 7 {
        6 => {
            if length < LONG_HDR {
                c.s(" (length ");
                c.dec(length as u64);
                c.s(" < 21)");
                invalid(c);
                return Ok(());
            }
            if rh.len() < LONG_HDR {
                return Err(Trunc);
            }
            (le16(rh, 7)?, le16(rh, 15)?, u8_at(rh, 18)?, LONG_HDR)
        }
        2 => {
            let (dst, src) = (le16(rh, 1)?, le16(rh, 3)?);
            let visits = u8_at(rh, 5)?;
            (dst, src, (visits & 0x3f) + 1, SHORT_HDR)
        }
        _ => {
            c.s("unknown message flags under mask");
            super::hex::hex_and_ascii(&mut c.o, "\n\t", &ap[..length.min(caplen)], 0);
            return Ok(());
        }
    };
    node(c, src);
    c.s(" > ");
    node(c, dst);
    c.s(" ");
    c.dec(pktlen as u64);
    c.s(" ");
    if c.opts.verbose > 0 {
        if flags & 0o10 != 0 {
            c.s("RQR ");
        }
        if flags & 0o20 != 0 {
            c.s("RTS ");
        }
        if flags & 0o40 != 0 {
            c.s("IE ");
        }
        c.dec(hops);
        c.s(" hops ");
    }
    let nsp_data = rh.get(nsp_off..).unwrap_or(&[]);
    // The header lengths are counted from the routing header; the length
    // field is not part of them.
    if !nsp(c, nsp_data, length.wrapping_sub(nsp_off))? {
        invalid(c);
    }
    Ok(())
}

/// Routing layer information of initialization messages.
fn t_info(c: &mut Ctx, info: u8) {
    c.s(match info & 3 {
        0 => "reserved-ntype? ",
        1 => "l2rout ",
        2 => "l1rout ",
        _ => "endnode ",
    });
    if info & 4 != 0 {
        c.s("verif ");
    }
    if info & 8 != 0 {
        c.s("blo ");
    }
}

/// Routing layer information of hello messages.
fn i_info(c: &mut Ctx, info: u8) {
    c.s(match info & 3 {
        0 => "reserved-ntype? ",
        1 => "l2rout ",
        2 => "l1rout ",
        _ => "endnode ",
    });
    if info & 4 != 0 {
        c.s("verif ");
    }
    if info & 0o40 != 0 {
        c.s("nomcast ");
    }
    if info & 0o100 != 0 {
        c.s("blo ");
    }
}

/// Routing entries of level 1 (`what` "ids") or level 2 ("areas") routing
/// messages: count, first id, cost and hops; the last word is a checksum.
fn routes(c: &mut Ctx, d: &[u8], mut len: usize, what: &str) -> R {
    let mut at = 0;
    while len > 6 {
        if d.len() < at + 6 {
            return Err(Trunc);
        }
        let count = u32::from(le16(d, at)?);
        if count > 1024 {
            return Ok(());
        }
        let id = u32::from(le16(d, at + 2)?);
        let info = le16(d, at + 4)?;
        at += 6;
        len -= 6;
        c.s("{");
        c.s(what);
        c.s(" ");
        c.dec(id);
        c.s("-");
        c.dec(id + count);
        c.s(" cost ");
        c.dec(info & 0o777);
        c.s(" hops ");
        c.dec((info >> 10) & 0o37);
        c.s("} ");
    }
    Ok(())
}

/// A routing control message; false when too short (tcpdump's "invalid").
fn control(c: &mut Ctx, m: &[u8], flags: u8, length: usize, caplen: usize) -> R<bool> {
    match flags & 0o17 {
        0o1 => {
            c.s("init ");
            if length < 12 {
                return Ok(false);
            }
            if m.len() < 12 {
                return Err(Trunc);
            }
            let src = le16(m, 1)?;
            let info = u8_at(m, 3)?;
            t_info(c, info);
            c.s("src ");
            node(c, src);
            c.s("blksize ");
            c.dec(le16(m, 4)?);
            c.s(" vers ");
            c.dec(u8_at(m, 6)?);
            c.s(" eco ");
            c.dec(u8_at(m, 7)?);
            c.s(" ueco ");
            c.dec(u8_at(m, 8)?);
            c.s(" hello ");
            c.dec(le16(m, 9)?);
        }
        0o3 | 0o5 => {
            let (name, field) = if flags & 0o17 == 0o3 {
                ("verification ", " fcnval ")
            } else {
                ("test ", " data ")
            };
            c.s(name);
            if length < 4 {
                return Ok(false);
            }
            let (src, other) = (le16(m, 1)?, u8_at(m, 3)?);
            c.s("src ");
            node(c, src);
            c.s(field);
            c.o.extend_from_slice(format!("{other:o}").as_bytes());
        }
        0o7 | 0o11 => {
            let (name, what) = if flags & 0o17 == 0o7 {
                ("lev-1-routing ", "ids")
            } else {
                ("lev-2-routing ", "areas")
            };
            c.s(name);
            if length < 4 {
                return Ok(false);
            }
            if m.len() < 4 {
                return Err(Trunc);
            }
            c.s("src ");
            node(c, le16(m, 1)?);
            c.s(" ");
            routes(c, m.get(4..).unwrap_or(&[]), length - 4, what)?;
        }
        0o13 => {
            c.s("router-hello ");
            if length < 18 {
                return Ok(false);
            }
            if m.len() < 18 {
                return Err(Trunc);
            }
            i_info(c, u8_at(m, 10)?);
            c.s("vers ");
            c.dec(u8_at(m, 1)?);
            c.s(" eco ");
            c.dec(u8_at(m, 2)?);
            c.s(" ueco ");
            c.dec(u8_at(m, 3)?);
            c.s(" src ");
            node(c, le16(m, 8)?);
            c.s(" blksize ");
            c.dec(le16(m, 11)?);
            c.s(" pri ");
            c.dec(u8_at(m, 13)?);
            c.s(" hello ");
            c.dec(le16(m, 15)?);
        }
        0o15 => {
            c.s("endnode-hello ");
            if length < 32 {
                return Ok(false);
            }
            // Every field is read before any is printed.
            let (vers, eco, ueco) = (u8_at(m, 1)?, u8_at(m, 2)?, u8_at(m, 3)?);
            let src = le16(m, 8)?;
            let info = u8_at(m, 10)?;
            let blksize = le16(m, 11)?;
            let router = le16(m, 26)?;
            let hello = le16(m, 28)?;
            let data = u8_at(m, 31)?;
            i_info(c, info);
            c.s("vers ");
            c.dec(vers);
            c.s(" eco ");
            c.dec(eco);
            c.s(" ueco ");
            c.dec(ueco);
            c.s(" src ");
            node(c, src);
            c.s(" blksize ");
            c.dec(blksize);
            c.s(" rtr ");
            node(c, router);
            c.s(" hello ");
            c.dec(hello);
            c.s(" data ");
            c.o.extend_from_slice(format!("{data:o}").as_bytes());
        }
        _ => {
            c.s("unknown control message");
            // tcpdump dumps from the routing header, as much as the
            // length and the capture (counted from the length field) allow.
            let want = length.min(caplen);
            let n = want.min(m.len());
            super::hex::hex_and_ascii(&mut c.o, "\n\t", &m[..n], 0);
            if want > n {
                // tcpdump's dump ends the packet as truncated.
                return Err(Trunc);
            }
        }
    }
    Ok(true)
}

/// The acknowledgement bit of the first sequence word, and the bits that
/// make it a negative one.
const SGQ_ACK: u16 = 0x8000;
const SGQ_NAK: u16 = 0x9000;
/// The same for the other-channel word that may follow.
const SGQ_OACK: u16 = 0xa000;
const SGQ_ONAK: u16 = 0xb000;

/// "ack N " or its negative form `nak` when all bits of `nak_bits` are set.
fn ack_word(c: &mut Ctx, ack: u16, nak_bits: u16, nak: &str, ok: &str) {
    c.s(if ack & nak_bits == nak_bits { nak } else { ok });
    c.s(" ");
    c.dec(ack & 0x0fff);
    c.s(" ");
}

/// The NSP message; false when too short (tcpdump's "invalid").
fn nsp(c: &mut Ctx, d: &[u8], nsplen: usize) -> R<bool> {
    if nsplen < 5 {
        c.s(" (nsplen ");
        c.dec(nsplen as u64);
        c.s(" < 5)");
        return Ok(false);
    }
    let flags = u8_at(d, 0)?;
    let dst = le16(d, 1)?;
    let src = le16(d, 3)?;
    let pair = |c: &mut Ctx| {
        c.dec(src);
        c.s(">");
        c.dec(dst);
        c.s(" ");
    };
    let reserved = |c: &mut Ctx, what: &str| {
        c.s(what);
        c.o.hex(u64::from(flags));
        c.s(" ");
        c.dec(src);
        c.s(" > ");
        c.dec(dst);
    };
    let sub = flags & 0o160;
    match flags & 0o14 {
        0 => match sub {
            0o40 | 0 | 0o100 | 0o140 | 0o60 => {
                let interrupt = sub == 0o60;
                if interrupt {
                    c.s("intr ");
                } else {
                    c.s("data ");
                    pair(c);
                }
                let (onak, oack) = if interrupt {
                    ("nakdat", "ackdat")
                } else {
                    ("onak", "oack")
                };
                if nsplen < 7 {
                    return Ok(false);
                }
                let mut ack = le16(d, 5)?;
                if ack & SGQ_ACK != 0 {
                    ack_word(c, ack, SGQ_NAK, "nak", "ack");
                    if nsplen < 9 {
                        return Ok(false);
                    }
                    ack = le16(d, 7)?;
                    if ack & SGQ_OACK != 0 {
                        ack_word(c, ack, SGQ_ONAK, onak, oack);
                        if nsplen < 11 {
                            return Ok(false);
                        }
                        ack = le16(d, 9)?;
                    }
                }
                c.s("seg ");
                c.dec(ack & 0x0fff);
                c.s(" ");
            }
            0o20 => {
                c.s("link-service ");
                pair(c);
                if nsplen < 13 {
                    return Ok(false);
                }
                let mut ack = le16(d, 5)?;
                if ack & SGQ_ACK != 0 {
                    ack_word(c, ack, SGQ_NAK, "nak", "ack");
                    ack = le16(d, 7)?;
                    if ack & SGQ_OACK != 0 {
                        ack_word(c, ack, SGQ_ONAK, "nakdat", "ackdat");
                        ack = le16(d, 9)?;
                    }
                }
                c.s("seg ");
                c.dec(ack & 0x0fff);
                c.s(" ");
                let lsflags = u8_at(d, 11)?;
                let fcval = u8_at(d, 12)?;
                match lsflags & 0o14 {
                    0 => {
                        c.s("dat seg count ");
                        c.dec(fcval);
                        c.s(" ");
                        match lsflags & 3 {
                            0 => {}
                            1 => c.s("donotsend-data "),
                            2 => c.s("send-data "),
                            _ => {
                                c.s("reserved-fcmod? ");
                                c.o.hex(u64::from(lsflags));
                            }
                        }
                    }
                    4 => {
                        c.s("intr req count ");
                        c.dec(fcval);
                        c.s(" ");
                    }
                    _ => {
                        c.s("reserved-fcval-int? ");
                        c.o.hex(u64::from(lsflags));
                    }
                }
            }
            _ => reserved(c, "reserved-subtype? "),
        },
        0o4 => match sub {
            0 | 0o20 => {
                let (name, onak, oack) = if sub == 0 {
                    ("data-ack ", "onak", "oack")
                } else {
                    ("ils-ack ", "nakdat", "ackdat")
                };
                c.s(name);
                pair(c);
                if nsplen < 9 {
                    return Ok(false);
                }
                if d.len() < 9 {
                    return Err(Trunc);
                }
                let ack = le16(d, 5)?;
                if ack & SGQ_ACK != 0 {
                    ack_word(c, ack, SGQ_NAK, "nak", "ack");
                    let ack = le16(d, 7)?;
                    if ack & SGQ_OACK != 0 {
                        ack_word(c, ack, SGQ_ONAK, onak, oack);
                    }
                }
            }
            0o40 => {
                c.s("conn-ack ");
                c.dec(dst);
            }
            _ => reserved(c, "reserved-acktype? "),
        },
        0o10 => match sub {
            0o20 | 0o140 | 0o40 => {
                let confirm = sub == 0o40;
                if confirm {
                    c.s("conn-confirm ");
                } else if sub == 0o20 {
                    c.s("conn-initiate ");
                } else {
                    c.s("retrans-conn-initiate ");
                }
                pair(c);
                if nsplen < if confirm { 10 } else { 9 } {
                    return Ok(false);
                }
                let services = u8_at(d, 5)?;
                let info = u8_at(d, 6)?;
                let segsize = le16(d, 7)?;
                let optlen = if confirm { u8_at(d, 9)? } else { 0 };
                match services & 0o14 {
                    4 => c.s("seg "),
                    8 => c.s("msg "),
                    _ => {}
                }
                c.s(match info & 3 {
                    0 => "ver 3.2 ",
                    1 => "ver 3.1 ",
                    2 => "ver 4.0 ",
                    _ => "ver 4.1 ",
                });
                c.s("segsize ");
                c.dec(segsize);
                c.s(" ");
                if optlen != 0 {
                    c.s("optlen ");
                    c.dec(optlen);
                    c.s(" ");
                }
            }
            0o60 => {
                c.s("disconn-initiate ");
                pair(c);
                if nsplen < 8 {
                    return Ok(false);
                }
                let reason = le16(d, 5)?;
                let optlen = u8_at(d, 7)?;
                print_reason(c, reason);
                if optlen != 0 {
                    c.s("optlen ");
                    c.dec(optlen);
                    c.s(" ");
                }
            }
            0o100 => {
                c.s("disconn-confirm ");
                pair(c);
                let reason = le16(d, 5)?;
                print_reason(c, reason);
            }
            _ => reserved(c, "reserved-ctltype? "),
        },
        _ => reserved(c, "reserved-type? "),
    }
    Ok(true)
}

fn print_reason(c: &mut Ctx, reason: u16) {
    let name = match reason {
        0 => Some("object rejected connect"),
        1 => Some("insufficient resources"),
        2 => Some("unrecognized node name"),
        3 => Some("node is shutting down"),
        4 => Some("unrecognized object"),
        5 => Some("invalid object name format"),
        6 => Some("object too busy"),
        7 => Some("protocol error discovered"),
        8 => Some("third party abort"),
        9 => Some("user abort"),
        10 => Some("invalid node name format"),
        11 => Some("local node shutting down"),
        32 => Some("insufficient local resources"),
        33 => Some("insufficient remote user resources"),
        34 => Some("invalid access control information"),
        36 => Some("bad ACCOUNT information"),
        38 => Some("no response from object"),
        39 => Some("node unreachable"),
        41 => Some("no link terminate"),
        42 => Some("disconnect complete"),
        43 => Some("bad image data in connect"),
        54 => Some("cryptographic service mismatch"),
        _ => None,
    };
    match name {
        Some(n) => c.s(n),
        None => {
            c.s("reason-");
            c.dec(reason);
        }
    }
    c.s(" ");
}
