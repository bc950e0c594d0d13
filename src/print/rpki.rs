//! RPKI-RTR (RFC 6810, TCP port 323) as tcpdump 4.99 prints it: only the
//! protocol name by default, every PDU (prefixes, error reports with the PDU
//! they quote) from -v on.

use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};
use std::fmt::Write;

/// tcpdump's indent_string: a newline, then a tab per 8 columns and spaces.
fn indent(c: &mut Ctx, n: usize) {
    c.s("\n");
    for _ in 0..n / 8 {
        c.s("\t");
    }
    for _ in 0..n % 8 {
        c.s(" ");
    }
}

fn pdu_name(t: u8) -> &'static str {
    match t {
        0 => "Serial Notify",
        1 => "Serial Query",
        2 => "Reset Query",
        3 => "Cache Response",
        4 => "IPV4 Prefix",
        6 => "IPV6 Prefix",
        7 => "End of Data",
        8 => "Cache Reset",
        10 => "Error Report",
        _ => "Unknown",
    }
}

fn error_name(e: u16) -> &'static str {
    match e {
        0 => "Corrupt Data",
        1 => "Internal Error",
        2 => "No Data Available",
        3 => "Invalid Request",
        4 => "Unsupported Protocol Version",
        5 => "Unsupported PDU Type",
        6 => "Withdrawal of Unknown Record",
        7 => "Duplicate Announcement Received",
        _ => "Unknown",
    }
}

/// `n` bytes from `off` must have been captured.
fn need(d: &[u8], off: usize, n: usize) -> R {
    bytes(d, off, n).map(|_| ())
}

/// How a PDU ended: its length, or a malformed one that ends the segment.
enum End {
    Len(usize),
    Invalid,
}

/// One PDU at `off` with `len` bytes left; returns how many it used.
fn pdu(c: &mut Ctx, d: &[u8], off: usize, len: usize, recurse: bool, ind: usize) -> R<usize> {
    let version = u8_at(d, off)?;
    if version != 0 {
        indent(c, 8);
        let _ = write!(c, "RPKI-RTRv{version} (unknown)");
        return Ok(len);
    }
    let end = pdu_body(c, d, off, len, recurse, ind)?;
    match end {
        End::Len(n) => Ok(n),
        End::Invalid => {
            c.invalid();
            need(d, off, len)?;
            Ok(len)
        }
    }
}

fn pdu_body(c: &mut Ctx, d: &[u8], off: usize, len: usize, recurse: bool, ind: usize) -> R<End> {
    if len < 8 {
        let _ = write!(c, "({len} bytes is too few to decode)");
        return Ok(End::Invalid);
    }
    need(d, off, 8)?;
    let ty = u8_at(d, off + 1)?;
    let pdu_len = be32(d, off + 4)? as usize;
    indent(c, 8);
    let _ = write!(
        c,
        "RPKI-RTRv0, {} PDU ({ty}), length: {pdu_len}",
        pdu_name(ty)
    );
    if pdu_len < 8 || pdu_len > len {
        return Ok(End::Invalid);
    }
    let mut hexdump = false;
    match ty {
        0 | 1 | 7 => {
            if pdu_len != 12 {
                return Ok(End::Invalid);
            }
            let session = be16(d, off + 2)?;
            let serial = be32(d, off + 8)?;
            indent(c, ind + 2);
            let _ = write!(c, "Session ID: 0x{session:04x}, Serial: {serial}");
        }
        2 | 8 => {
            if pdu_len != 8 {
                return Ok(End::Invalid);
            }
        }
        3 => {
            if pdu_len != 8 {
                return Ok(End::Invalid);
            }
            let session = be16(d, off + 2)?;
            indent(c, ind + 2);
            let _ = write!(c, "Session ID: 0x{session:04x}");
        }
        4 | 6 => {
            let v6 = ty == 6;
            let alen = if v6 { 16 } else { 4 };
            if pdu_len != 16 + alen {
                return Ok(End::Invalid);
            }
            // tcpdump reads every field before it prints the line.
            let a = bytes(d, off + 12, alen)?;
            let (plen, max) = (u8_at(d, off + 9)?, u8_at(d, off + 10)?);
            let asn = be32(d, off + 12 + alen)?;
            let flags = u8_at(d, off + 8)?;
            indent(c, ind + 2);
            if v6 {
                c.s("IPv6 Prefix ");
                c.ip6addr(a);
            } else {
                c.s("IPv4 Prefix ");
                c.ipaddr(a);
            }
            let _ = write!(c, "/{plen}-{max}, origin-as {asn}, flags 0x{flags:02x}");
        }
        10 => {
            let mut tlen = 8usize;
            if pdu_len < tlen + 4 {
                return Ok(End::Invalid);
            }
            need(d, off, tlen + 4)?;
            let encap = be32(d, off + 8)? as usize;
            tlen += 4;
            let code = be16(d, off + 2)?;
            indent(c, ind + 2);
            let _ = write!(
                c,
                "Error code: {} ({code}), Encapsulated PDU length: {encap}",
                error_name(code)
            );
            if encap != 0 {
                if pdu_len < tlen.saturating_add(encap) {
                    return Ok(End::Invalid);
                }
                if recurse {
                    indent(c, ind + 4);
                    c.s("-----encapsulated PDU-----");
                    pdu(c, d, off + tlen, encap, false, ind + 2)?;
                } else {
                    need(d, off, tlen + encap)?;
                }
                tlen += encap;
            }
            if pdu_len < tlen + 4 {
                return Ok(End::Invalid);
            }
            need(d, off, tlen + 4)?;
            let text_len = be32(d, off + tlen)? as usize;
            tlen += 4;
            if text_len != 0 {
                if pdu_len < tlen.saturating_add(text_len) {
                    return Ok(End::Invalid);
                }
                indent(c, ind + 2);
                c.s("Error text: ");
                for i in 0..text_len {
                    let b = u8_at(d, off + tlen + i)?;
                    super::tcp::print_char(c, b);
                }
            }
        }
        _ => {
            need(d, off, pdu_len)?;
            hexdump = true;
        }
    }
    if c.opts.verbose > 1 || hexdump {
        super::ppp::unknown_data(c, d, off, "\n\t  ", pdu_len);
    }
    Ok(End::Len(pdu_len))
}

/// The PDUs of one TCP segment.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "rpki_rtr";
    if c.opts.verbose == 0 {
        c.s(", RPKI-RTR");
        return Ok(());
    }
    let mut off = 0usize;
    let mut left = length;
    while left > 0 {
        let n = pdu(c, d, off, left, true, 8)?;
        if n == 0 || n > left {
            return Err(Trunc);
        }
        left -= n;
        off += n;
    }
    Ok(())
}
