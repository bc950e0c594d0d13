//! The Link Management Protocol (RFC 4204, UDP port 701) with the OIF UNI 1.0
//! service discovery extensions: the message type by default and, with `-v`,
//! every object as tcpdump 4.99 prints it; `-vv` adds a hex dump of each object.

use super::ospf::{bits, gmpls_encoding, gmpls_switch_cap, mbps};
use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const COMMON_HDR_LEN: usize = 8;
const OBJ_HDR_LEN: usize = 4;

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Config",
        2 => "Config ACK",
        3 => "Config NACK",
        4 => "Hello",
        5 => "Begin Verify",
        6 => "Begin Verify ACK",
        7 => "Begin Verify NACK",
        8 => "End Verify",
        9 => "End Verify ACK",
        10 => "Test",
        11 => "Test Status Success",
        12 => "Test Status Failure",
        13 => "Test Status ACK",
        14 => "Link Summary",
        15 => "Link Summary ACK",
        16 => "Link Summary NACK",
        17 => "Channel Status",
        18 => "Channel Status ACK",
        19 => "Channel Status Request",
        20 => "Channel Status Response",
        50 => "Service Config",
        51 => "Service Config ACK",
        52 => "Service Config NACK",
        _ => return None,
    })
}

fn obj_name(class: u8) -> &'static str {
    match class {
        1 => "Control Channel ID",
        2 => "Node ID",
        3 => "Link ID",
        4 => "Interface ID",
        5 => "Message ID",
        6 => "Configuration",
        7 => "Hello",
        8 => "Verify Begin",
        9 => "Verify Begin ACK",
        10 => "Verify ID",
        11 => "TE Link",
        12 => "Data Link",
        13 => "Channel Status",
        14 => "Channel Status Request",
        20 => "Error Code",
        51 => "Service Config",
        _ => "Unknown",
    }
}

/// C-type names, which depend on the object class.
fn ctype_name(class: u8, ctype: u8) -> &'static str {
    match (class, ctype) {
        (1 | 2, 1) => "Local",
        (1 | 2, 2) => "Remote",
        (3 | 4, 1) => "IPv4 Local",
        (3 | 4, 2) => "IPv4 Remote",
        (3 | 4, 3) => "IPv6 Local",
        (3 | 4, 4) => "IPv6 Remote",
        (3 | 4, 5) => "Unnumbered Local",
        (3 | 4, 6) => "Unnumbered Remote",
        (5 | 20, 1) => "1",
        (5 | 20, 2) => "2",
        (6..=10, 1) => "1",
        (11..=14, 1) => "IPv4",
        (11..=14, 2) => "IPv6",
        (11..=14, 3) => "Unnumbered",
        (51, 1) => "1",
        (51, 2) => "2",
        (51, 3) => "3",
        (51, 4) => "4",
        _ => "Unknown",
    }
}

/// `value (0xvalue)`, an identifier as a number and in hex.
fn num_hex(c: &mut Ctx, v: u32) {
    c.dec(v);
    c.s(" (0x");
    c.o.hexw(u64::from(v), 8);
    c.s(")");
}

/// An address and its first word in hex.
fn addr_hex(c: &mut Ctx, d: &[u8], p: usize, v6: bool) -> R {
    let first = be32(d, p)?;
    if v6 {
        c.ip6addr(bytes(d, p, 16)?);
    } else {
        c.ipaddr(bytes(d, p, 4)?);
    }
    c.s(" (0x");
    c.o.hexw(u64::from(first), 8);
    c.s(")");
    Ok(())
}

/// The LMP payload of a UDP datagram, `len` bytes long.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "lmp";
    bytes(d, 0, COMMON_HDR_LEN)?;
    let version = u8_at(d, 0)? >> 4;
    if version != 1 {
        c.s("LMP version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    let flags = u8_at(d, 2)?;
    let msg_type = u8_at(d, 3)?;
    if c.opts.verbose < 1 {
        c.s("LMPv1 ");
        match msg_name(msg_type) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown (");
                c.dec(msg_type);
                c.s(")");
            }
        }
        c.s(" Message, length: ");
        c.dec(len as u64);
        return Ok(());
    }
    let mut tlen = u32::from(be16(d, 4)?);
    c.s("\n\tLMPv1, msg-type: ");
    match msg_name(msg_type) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown, type: ");
            c.dec(msg_type);
        }
    }
    c.s(", Flags: [");
    bits(
        c,
        &[(0x01, "Control Channel Down"), (0x02, "LMP restart")],
        u32::from(flags),
        "none",
    );
    c.s("], length: ");
    c.dec(tlen as u64);
    if tlen < COMMON_HDR_LEN as u32 {
        c.s(" (too short)");
        return Ok(());
    }
    if tlen as usize > len {
        c.s(" (too long)");
        tlen = len as u32;
    }
    let mut p = COMMON_HDR_LEN;
    // tcpdump's unsigned subtraction: a UDP length shorter than the header wraps
    // around, and the objects are read until the capture ends.
    tlen = tlen.wrapping_sub(COMMON_HDR_LEN as u32);
    while tlen > 0 {
        bytes(d, p, OBJ_HDR_LEN)?;
        let raw_ctype = u8_at(d, p)?;
        let class = u8_at(d, p + 1)?;
        let obj_len = usize::from(be16(d, p + 2)?);
        let ctype = raw_ctype & 0x7f;
        c.s("\n\t  ");
        c.s(obj_name(class));
        c.s(" Object (");
        c.dec(class);
        c.s("), Class-Type: ");
        c.s(ctype_name(class, ctype));
        c.s(" (");
        c.dec(ctype);
        c.s(") Flags: [");
        if raw_ctype & 0x80 == 0 {
            c.s("non-");
        }
        c.s("negotiable], length: ");
        c.dec(obj_len as u64);
        if obj_len < 4 {
            c.s(" (too short)");
            return Ok(());
        }
        if obj_len % 4 != 0 {
            c.s(" (not a multiple of 4)");
            return Ok(());
        }
        let o = p + OBJ_HDR_LEN;
        let olen = obj_len - OBJ_HDR_LEN;
        bytes(d, p, obj_len)?;
        let hexdump = object(c, d, class, ctype, o, olen)?;
        if c.opts.verbose > 1 || hexdump {
            unknown_data(c, d, o, "\n\t    ", olen);
        }
        if (tlen as usize) < obj_len {
            c.s(" [remaining objects length ");
            c.dec(tlen);
            c.s(" < ");
            c.dec(obj_len as u64);
            c.s("]");
            c.invalid();
            break;
        }
        p += obj_len;
        tlen -= obj_len as u32;
    }
    Ok(())
}

/// tcpdump's complaint about an object of the wrong size for its class.
fn wrong_size(c: &mut Ctx, ok: bool) -> bool {
    if !ok {
        c.s(" (not correct for object)");
    }
    !ok
}

/// One object's value; returns whether tcpdump adds a hex dump of it.
fn object(c: &mut Ctx, d: &[u8], class: u8, ctype: u8, o: usize, olen: usize) -> R<bool> {
    match (class, ctype) {
        (1, 1 | 2) => {
            if !wrong_size(c, olen == 4) {
                let v = be32(d, o)?;
                c.s("\n\t    Control Channel ID: ");
                num_hex(c, v);
            }
        }
        (3 | 4, 1 | 2) => {
            if !wrong_size(c, olen == 4) {
                c.s("\n\t    IPv4 Link ID: ");
                addr_hex(c, d, o, false)?;
            }
        }
        (3 | 4, 3 | 4) => {
            if !wrong_size(c, olen == 16) {
                c.s("\n\t    IPv6 Link ID: ");
                addr_hex(c, d, o, true)?;
            }
        }
        (3 | 4, 5 | 6) => {
            if !wrong_size(c, olen == 4) {
                let v = be32(d, o)?;
                c.s("\n\t    Link ID: ");
                num_hex(c, v);
            }
        }
        (5, 1 | 2) => {
            if !wrong_size(c, olen == 4) {
                let v = be32(d, o)?;
                c.s(if ctype == 1 {
                    "\n\t    Message ID: "
                } else {
                    "\n\t    Message ID Ack: "
                });
                num_hex(c, v);
            }
        }
        (2, 1 | 2) => {
            if !wrong_size(c, olen == 4) {
                c.s("\n\t    Node ID: ");
                addr_hex(c, d, o, false)?;
            }
        }
        (6, 1) => {
            if !wrong_size(c, olen == 4) {
                let (hello, dead) = (be16(d, o)?, be16(d, o + 2)?);
                c.s("\n\t    Hello Interval: ");
                c.dec(hello);
                c.s("\n\t    Hello Dead Interval: ");
                c.dec(dead);
            }
        }
        (7, 1) => {
            if !wrong_size(c, olen == 8) {
                let (tx, rx) = (be32(d, o)?, be32(d, o + 4)?);
                c.s("\n\t    Tx Seq: ");
                c.dec(tx);
                c.s(", Rx Seq: ");
                c.dec(rx);
            }
        }
        (11, 1..=3) => {
            let want = if ctype == 2 { 36 } else { 12 };
            if !wrong_size(c, olen == want) {
                let f = u8_at(d, o)?;
                c.s("\n\t    Flags: [");
                bits(
                    c,
                    &[
                        (0x01, "Fault Management Supported"),
                        (0x02, "Link Verification Supported"),
                    ],
                    u32::from(f),
                    "none",
                );
                c.s("]");
                link_ids(c, d, o, ctype, "Link-ID")?;
            }
        }
        (12, 1..=3) => {
            let want = if ctype == 2 { 36 } else { 12 };
            if !wrong_size(c, olen >= want) {
                let f = u8_at(d, o)?;
                c.s("\n\t    Flags: [");
                bits(
                    c,
                    &[
                        (0x01, "Data Link Port"),
                        (0x02, "Allocated for user traffic"),
                        (0x04, "Failed link"),
                    ],
                    u32::from(f),
                    "none",
                );
                c.s("]");
                link_ids(c, d, o, ctype, "Interface ID")?;
                return data_link_subobjs(c, d, o + want, olen - want);
            }
        }
        (8, 1) => {
            if !wrong_size(c, olen == 20) {
                let f = be16(d, o)?;
                c.s("\n\t    Flags: ");
                bits(
                    c,
                    &[(0x0001, "Verify all links"), (0x0002, "Data link type")],
                    u32::from(f),
                    "none",
                );
                let interval = be16(d, o + 2)?;
                c.s("\n\t    Verify Interval: ");
                c.dec(interval);
                let links = be32(d, o + 4)?;
                c.s("\n\t    Data links: ");
                c.dec(links);
                let enc = u8_at(d, o + 8)?;
                c.s("\n\t    Encoding type: ");
                c.s(gmpls_encoding(enc));
                let mech = be16(d, o + 10)?;
                c.s("\n\t    Verify Transport Mechanism: ");
                c.dec(mech);
                c.s(" (0x");
                c.o.hex(u64::from(mech));
                c.s(")");
                // tcpdump tests the decimal constant 8000, not 0x8000.
                if mech & 8000 != 0 {
                    c.s(" (Payload test messages capable)");
                }
                let rate = be32(d, o + 12)?;
                c.s("\n\t    Transmission Rate: ");
                mbps(c, rate);
                let wl = be32(d, o + 16)?;
                c.s("\n\t    Wavelength: ");
                c.dec(wl);
            }
        }
        (9, 1) => {
            if !wrong_size(c, olen == 4) {
                let (dead, resp) = (be16(d, o)?, be16(d, o + 2)?);
                c.s("\n\t    Verify Dead Interval: ");
                c.dec(dead);
                c.s("\n\t    Verify Transport Response: ");
                c.dec(resp);
            }
        }
        (10, 1) => {
            if !wrong_size(c, olen == 4) {
                let v = be32(d, o)?;
                c.s("\n\t    Verify ID: ");
                c.dec(v);
            }
        }
        (13, 1..=3) => {
            let alen = if ctype == 2 { 16 } else { 4 };
            let mut off = 0;
            while off + alen + 4 <= olen {
                c.s("\n\t    Interface ID: ");
                if ctype == 3 {
                    let v = be32(d, o + off)?;
                    num_hex(c, v);
                } else {
                    addr_hex(c, d, o + off, ctype == 2)?;
                }
                let st = be32(d, o + off + alen)?;
                c.s("\n\t\t    Active: ");
                c.s(if st >> 31 != 0 {
                    "Allocated"
                } else {
                    "Non-allocated"
                });
                c.s(" (");
                c.dec(st >> 31);
                c.s(")\n\t\t    Direction: ");
                let dir = (st >> 30) & 1;
                c.s(if dir != 0 { "Transmit" } else { "Receive" });
                c.s(" (");
                c.dec(dir);
                c.s(")\n\t\t    Channel Status: ");
                let cs = st & 0x3ff_ffff;
                c.s(match cs {
                    1 => "Signal Okay",
                    2 => "Signal Degraded",
                    3 => "Signal Fail",
                    _ => "Unknown",
                });
                c.s(" (");
                c.dec(cs);
                c.s(")");
                off += alen + 4;
            }
        }
        (14, 1..=3) => {
            let alen = if ctype == 2 { 16 } else { 4 };
            let mut off = 0;
            while off + alen <= olen {
                c.s("\n\t    Interface ID: ");
                if ctype == 3 {
                    let v = be32(d, o + off)?;
                    num_hex(c, v);
                } else {
                    addr_hex(c, d, o + off, ctype == 2)?;
                }
                off += alen;
            }
        }
        (20, 1 | 2) => {
            if !wrong_size(c, olen == 4) {
                let v = be32(d, o)?;
                c.s("\n\t    Error Code: ");
                if ctype == 1 {
                    bits(
                        c,
                        &[
                            (0x01, "Link Verification Procedure Not supported"),
                            (0x02, "Unwilling to verify"),
                            (0x04, "Unsupported verification transport mechanism"),
                            (0x08, "Link-Id configuration error"),
                            (0x10, "Unknown object c-type"),
                        ],
                        v,
                        "none",
                    );
                } else {
                    bits(
                        c,
                        &[
                            (0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters"),
                            (0x02, "Renegotiate LINK-SUMMARY parameters"),
                            (0x04, "Invalid TE-LINK Object"),
                            (0x08, "Invalid DATA-LINK Object"),
                            (0x10, "Unknown TE-LINK Object c-type"),
                            (0x20, "Unknown DATA-LINK Object c-type"),
                        ],
                        v,
                        "none",
                    );
                }
            }
        }
        (51, 1..=4) => service_config(c, d, ctype, o, olen)?,
        (1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 20 | 51, _) => {
            return Ok(true);
        }
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, o, "\n\t    ", olen);
            }
        }
    }
    Ok(false)
}

/// The local and remote link or interface IDs of TE and data link objects.
fn link_ids(c: &mut Ctx, d: &[u8], o: usize, ctype: u8, what: &str) -> R {
    let (a, b) = if ctype == 2 {
        (o + 4, o + 20)
    } else {
        (o + 4, o + 8)
    };
    c.s("\n\t    Local ");
    c.s(what);
    c.s(": ");
    if ctype == 3 {
        let v = be32(d, a)?;
        num_hex(c, v);
    } else {
        addr_hex(c, d, a, ctype == 2)?;
    }
    c.s("\n\t    Remote ");
    c.s(what);
    c.s(": ");
    if ctype == 3 {
        let v = be32(d, b)?;
        num_hex(c, v);
    } else {
        addr_hex(c, d, b, ctype == 2)?;
    }
    Ok(())
}

/// The subobjects of a data link object; returns whether an unknown one asks
/// for a hex dump.
fn data_link_subobjs(c: &mut Ctx, d: &[u8], mut p: usize, total: usize) -> R<bool> {
    let mut total = total as i64;
    while total > 0 {
        let t = u8_at(d, p)?;
        let l = u8_at(d, p + 1)?;
        c.s("\n\t    Subobject, Type: ");
        c.s(match t {
            1 => "Interface Switching Type",
            2 => "Wavelength",
            _ => "Unknown",
        });
        c.s(" (");
        c.dec(t);
        c.s("), Length: ");
        c.dec(l);
        if l < 4 {
            c.s(" (too short)");
            break;
        }
        if l % 4 != 0 {
            c.s(" (not a multiple of 4)");
            break;
        }
        if total < i64::from(l) {
            c.s(" (goes past the end of the object)");
            break;
        }
        match t {
            1 => {
                let sw = u8_at(d, p + 2)?;
                c.s("\n\t      Switching Type: ");
                c.s(gmpls_switch_cap(sw));
                c.s(" (");
                c.dec(sw);
                c.s(")");
                let enc = u8_at(d, p + 3)?;
                c.s("\n\t      Encoding Type: ");
                c.s(gmpls_encoding(enc));
                c.s(" (");
                c.dec(enc);
                c.s(")");
                let min = be32(d, p + 4)?;
                c.s("\n\t      Min Reservable Bandwidth: ");
                mbps(c, min);
                let max = be32(d, p + 8)?;
                c.s("\n\t      Max Reservable Bandwidth: ");
                mbps(c, max);
            }
            2 => {
                let wl = be32(d, p + 4)?;
                c.s("\n\t      Wavelength: ");
                c.dec(wl);
            }
            _ => return Ok(true),
        }
        total -= i64::from(l);
        p += usize::from(l);
    }
    Ok(false)
}

/// The UNI 1.0 service config object's four C-types.
fn service_config(c: &mut Ctx, d: &[u8], ctype: u8, o: usize, olen: usize) -> R {
    match ctype {
        1 => {
            if !wrong_size(c, olen == 4) {
                let f = u8_at(d, o)?;
                c.s("\n\t Flags: ");
                bits(
                    c,
                    &[(0x01, "RSVP Supported"), (0x02, "LDP Supported")],
                    u32::from(f),
                    "none",
                );
                let v = u8_at(d, o + 1)?;
                c.s("\n\t  UNI Version: ");
                c.dec(v);
            }
        }
        2 => {
            if wrong_size(c, olen == 16) {
                return Ok(());
            }
            let lt = u8_at(d, o)?;
            c.s("\n\t Link Type: ");
            c.s(match lt {
                5 => "SDH ITU-T G.707",
                6 => "SONET ANSI T1.105",
                _ => "Unknown",
            });
            c.s(" (");
            c.dec(lt);
            c.s(")");
            if lt == 5 || lt == 6 {
                let st = u8_at(d, o + 1)?;
                let name = match (lt, st) {
                    (5, 5) => "VC-3",
                    (5, 6) => "VC-4",
                    (5, 7) => "STM-0",
                    (5, 8) => "STM-1",
                    (5, 9) => "STM-4",
                    (5, 10) => "STM-16",
                    (5, 11) => "STM-64",
                    (5, 12) => "STM-256",
                    (6, 5) => "STS-1 SPE",
                    (6, 6) => "STS-3c SPE",
                    (6, 7) => "STS-1",
                    (6, 8) => "STM-3",
                    (6, 9) => "STM-12",
                    (6, 10) => "STM-48",
                    (6, 11) => "STM-192",
                    (6, 12) => "STM-768",
                    _ => "Unknown",
                };
                c.s("\n\t Signal Type: ");
                c.s(name);
                c.s(" (");
                c.dec(st);
                c.s(")");
            }
            let tp = u8_at(d, o + 2)?;
            c.s("\n\t Transparency: ");
            bits(
                c,
                &[
                    (0x01, "Path/VC Overhead Transparency Supported"),
                    (0x02, "Line/MS Overhead Transparency Supported"),
                    (0x04, "Section/RS Overhead Transparency Supported"),
                ],
                u32::from(tp),
                "none",
            );
            let cct = u8_at(d, o + 3)?;
            c.s("\n\t Contiguous Concatenation Types: ");
            bits(
                c,
                &[(0x01, "Contiguous Concatenation Types Supported")],
                u32::from(cct),
                "none",
            );
            for (label, off) in [
                ("\n\t Minimum NCC: ", 4),
                ("\n\t Maximum NCC: ", 6),
                ("\n\t Minimum NVC:", 8),
                ("\n\t Maximum NVC:", 10),
            ] {
                let v = be16(d, o + off)?;
                c.s(label);
                c.dec(v);
            }
            c.s("\n\t    Local Interface ID: ");
            addr_hex(c, d, o + 12, false)?;
        }
        3 => {
            if !wrong_size(c, olen == 8) {
                let f = be32(d, o)?;
                c.s("\n\t Transparency Flags: ");
                bits(
                    c,
                    &[
                        (0x01, "Standard SOH/RSOH Transparency Supported"),
                        (0x02, "Standard LOH/MSOH Transparency Supported"),
                    ],
                    f,
                    "none",
                );
                let t = u8_at(d, o + 7)?;
                c.s("\n\t TCM Monitoring Flags: ");
                bits(
                    c,
                    &[(0x01, "Transparent Tandem Connection Monitoring Supported")],
                    u32::from(t),
                    "none",
                );
            }
        }
        _ => {
            if !wrong_size(c, olen == 4) {
                let f = u8_at(d, o + 3)?;
                c.s("\n\t Diversity: Flags: ");
                bits(
                    c,
                    &[
                        (0x01, "Node Diversity Supported"),
                        (0x02, "Link Diversity Supported"),
                        (0x04, "SRLG Diversity Supported"),
                    ],
                    u32::from(f),
                    "none",
                );
            }
        }
    }
    Ok(())
}
