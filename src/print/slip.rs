//! SLIP as BPF records it (DLT_SLIP, DLT_SLIP_BSDOS): a 16-byte pseudo-header
//! whose first byte is the direction and whose next bytes hold the link-level
//! (possibly Van Jacobson compressed, RFC 1144) TCP/IP header, then the IP
//! packet as the host saw it. With `-e` tcpdump shows the direction and what
//! kind of header crossed the line; for compressed TCP it lists the changed
//! fields and keeps, per direction and connection, the payload length of the
//! last packet so that the "same as last time" encodings can be shown.

use super::{Ctx, R, Trunc, be16, u8_at};

/// The pseudo-header BPF puts in front of each SLIP packet.
const HDR_LEN: usize = 16;

/// What the link-level header byte (its high nibble) says the frame held.
const TYPE_IP: u8 = 0x40;
const TYPE_UNCOMPRESSED_TCP: u8 = 0x70;
const TYPE_COMPRESSED_TCP: u8 = 0x80;

/// Change mask bits of a compressed TCP header (RFC 1144 section 3.2.2).
const NEW_C: u8 = 0x40;
const NEW_I: u8 = 0x20;
const NEW_S: u8 = 0x08;
const NEW_A: u8 = 0x04;
const NEW_W: u8 = 0x02;
const NEW_U: u8 = 0x01;
const SPECIALS_MASK: u8 = NEW_S | NEW_A | NEW_W | NEW_U;
/// Echoed interactive traffic: sequence and ack both advance by the last length.
const SPECIAL_I: u8 = NEW_S | NEW_W | NEW_U;
/// Unidirectional data: the sequence advances by the last length.
const SPECIAL_D: u8 = NEW_S | NEW_A | NEW_W | NEW_U;

/// Van Jacobson decompression state as tcpdump keeps it across packets: the
/// data length of the last packet per direction and connection slot, and the
/// last connection slot named.
pub(crate) struct VjState {
    last_len: [[u32; 256]; 2],
    last_conn: u8,
}

impl Default for VjState {
    fn default() -> Self {
        VjState {
            last_len: [[0; 256]; 2],
            last_conn: 255,
        }
    }
}

/// DLT_SLIP.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "slip";
    if d.len() < HDR_LEN {
        return Err(Trunc);
    }
    c.ll_hdr_len = HDR_LEN;
    // tcpdump subtracts in unsigned 32-bit arithmetic.
    let length = (length as u32).wrapping_sub(HDR_LEN as u32);
    let ip = &d[HDR_LEN..];
    if c.opts.link_header {
        link_header(c, d, ip, length)?;
    }
    let v = u8_at(ip, 0)? >> 4;
    match v {
        4 => super::ip::print(c, ip, length as usize)?,
        6 => super::ip6::print(c, ip, length as usize)?,
        _ => {
            c.s("ip v");
            c.dec(v);
        }
    }
    Ok(HDR_LEN)
}

/// DLT_SLIP_BSDOS: the same pseudo-header (tcpdump never shows it); always IPv4.
pub(crate) fn print_bsdos(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "slip_bsdos";
    if d.len() < HDR_LEN {
        return Err(Trunc);
    }
    c.ll_hdr_len = HDR_LEN;
    let length = (length as u32).wrapping_sub(HDR_LEN as u32);
    super::ip::print(c, &d[HDR_LEN..], length as usize)?;
    Ok(HDR_LEN)
}

/// Length of the uncompressed TCP/IP header at `ip` in bytes (IP and TCP
/// header length fields), as long as both fixed headers were captured.
fn tcpip_hdr_len(ip: &[u8]) -> R<u32> {
    if ip.len() < 20 {
        return Err(Trunc);
    }
    let ihl = usize::from(u8_at(ip, 0)? & 0x0f);
    let tcp = ihl * 4;
    if ip.len() < tcp + 20 {
        return Err(Trunc);
    }
    let off = u8_at(ip, tcp + 12)? >> 4;
    Ok((ihl as u32 + u32::from(off)) << 2)
}

/// The direction and link-level header type ("I ip 84: ", "O ctcp 3 ...: ").
fn link_header(c: &mut Ctx, d: &[u8], ip: &[u8], length: u32) -> R {
    let dir = match u8_at(d, 0)? {
        0 => {
            c.s("I ");
            Some(0usize)
        }
        1 => {
            c.s("O ");
            Some(1)
        }
        other => {
            c.s("Invalid direction ");
            c.dec(other);
            c.s(" ");
            None
        }
    };
    let chdr = u8_at(d, 1)?;
    match chdr & 0xf0 {
        TYPE_IP => {
            c.s("ip ");
            c.dec(length.wrapping_add(HDR_LEN as u32));
            c.s(": ");
        }
        TYPE_UNCOMPRESSED_TCP => {
            // The connection slot travels in the protocol field of the copied
            // IP header (which starts at the header byte).
            let conn = u8_at(d, 1 + 9)?;
            c.slip.last_conn = conn;
            c.s("utcp ");
            c.dec(conn);
            c.s(": ");
            let Some(dir) = dir else { return Ok(()) };
            let hlen = tcpip_hdr_len(ip)?;
            c.slip.last_len[dir][usize::from(conn)] = length.wrapping_sub(hlen);
        }
        _ => {
            let Some(dir) = dir else { return Ok(()) };
            if chdr & TYPE_COMPRESSED_TCP != 0 {
                compressed(c, &d[1..], ip, length, dir)?;
                c.s(": ");
            } else {
                c.s("slip-");
                c.dec(chdr);
                c.s("!: ");
            }
        }
    }
    Ok(())
}

/// One changed field: a byte, or a zero byte then two bytes. Returns the
/// offset tcpdump goes on from: past the three-byte form, but still at a
/// one-byte form (tcpdump does not step over it, so the next field reads the
/// same byte).
fn change(c: &mut Ctx, label: &str, h: &[u8], at: usize) -> R<usize> {
    let (v, next) = match u8_at(h, at)? {
        0 => (be16(h, at + 1)?, at + 3),
        b => (u16::from(b), at),
    };
    c.s(" ");
    c.s(label);
    c.dec(v);
    Ok(next)
}

/// The window change, which is signed (offsets as for [`change`]).
fn window_change(c: &mut Ctx, h: &[u8], at: usize) -> R<usize> {
    let (v, next) = match u8_at(h, at)? {
        0 => (be16(h, at + 1)? as i16, at + 3),
        b => (i16::from(b), at),
    };
    c.s(if v >= 0 { " W+" } else { " W" });
    c.o.extend_from_slice(v.to_string().as_bytes());
    Ok(next)
}

/// A compressed TCP header `h` (starting at its change mask).
fn compressed(c: &mut Ctx, h: &[u8], ip: &[u8], length: u32, dir: usize) -> R {
    let flags = u8_at(h, 0)?;
    let mut at = 1;
    if flags & NEW_C != 0 {
        let conn = u8_at(h, 1)?;
        c.slip.last_conn = conn;
        at = 2;
        c.s("ctcp ");
        c.dec(conn);
    } else {
        c.s("ctcp *");
    }
    // The TCP checksum, not shown.
    at += 2;
    let conn = usize::from(c.slip.last_conn);
    match flags & SPECIALS_MASK {
        SPECIAL_I => {
            c.s(" *SA+");
            c.dec(c.slip.last_len[dir][conn]);
        }
        SPECIAL_D => {
            c.s(" *S+");
            c.dec(c.slip.last_len[dir][conn]);
        }
        _ => {
            if flags & NEW_U != 0 {
                at = change(c, "U=", h, at)?;
            }
            if flags & NEW_W != 0 {
                at = window_change(c, h, at)?;
            }
            if flags & NEW_A != 0 {
                at = change(c, "A+", h, at)?;
            }
            if flags & NEW_S != 0 {
                at = change(c, "S+", h, at)?;
            }
        }
    }
    if flags & NEW_I != 0 {
        at = change(c, "I+", h, at)?;
    }
    let hlen = tcpip_hdr_len(ip)?;
    let data = length.wrapping_sub(hlen);
    c.slip.last_len[dir][conn] = data;
    c.s(" ");
    c.dec(data);
    c.s(" (");
    c.dec(at as u64);
    c.s(")");
    Ok(())
}
