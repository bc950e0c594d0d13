//! 802.1X EAPOL (ethertype 0x888e) as tcpdump 4.99 prints it: the frame type,
//! version and length; with -v the EAP packet inside (code, identifier, length,
//! method type, and the identity, notification, Nak list, TLS/TTLS/FAST flags
//! or SIM/AKA subtype).

use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, u8_at};

fn frame_type_name(t: u8) -> &'static str {
    match t {
        0 => "EAP packet",
        1 => "EAPOL start",
        2 => "EAPOL logoff",
        3 => "EAPOL key",
        4 => "Encapsulated ASF alert",
        _ => "unknown",
    }
}

fn code_name(code: u8) -> &'static str {
    match code {
        1 => "Request",
        2 => "Response",
        3 => "Success",
        4 => "Failure",
        _ => "unknown",
    }
}

fn method_name(t: u8) -> &'static str {
    match t {
        0 => "No proposed",
        1 => "Identity",
        2 => "Notification",
        3 => "Nak",
        4 => "MD5-challenge",
        5 => "OTP",
        6 => "GTC",
        13 => "TLS",
        18 => "SIM",
        21 => "TTLS",
        23 => "AKA",
        43 => "FAST",
        254 => "Expanded types",
        255 => "Experimental",
        _ => "unknown",
    }
}

fn sim_aka_subtype_name(t: u8) -> &'static str {
    match t {
        1 => "Challenge",
        2 => "Auth reject",
        4 => "Sync failure",
        5 => "Identity",
        10 => "Start",
        11 => "Challenge",
        12 => "Notification",
        13 => "Reauth",
        14 => "Client error",
        _ => "unknown",
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], _length: usize) -> R {
    c.proto = "eap";
    // tcpdump's checks of whole structures end the line with the truncation
    // mark but keep the link header out of -x dumps (its single-field reads
    // abort the whole packet instead: `Err`).
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(());
    }
    let ftype = d[1];
    let len = be16(d, 2)?;
    c.s(frame_type_name(ftype));
    c.s(" (");
    c.dec(ftype);
    c.s(") v");
    c.dec(d[0]);
    c.s(", len ");
    c.dec(len);
    if c.opts.verbose < 1 || ftype != 0 {
        return Ok(());
    }
    if len == 0 {
        c.trunc_mark();
        return Ok(());
    }
    c.s(", ");
    eap(c, &d[4..], usize::from(len))
}

/// tcpdump's nd_printjnp: at most `n` bytes, up to a NUL, escaped.
fn printjnp(c: &mut Ctx, d: &[u8], n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

/// TLS, TTLS and FAST: the flags octet and, with the L bit, the TLS length.
fn tls_flags(c: &mut Ctx, d: &[u8], len: usize, what: &str) -> R {
    let flags = u8_at(d, 5)?;
    c.s(" flags [");
    let names = [
        (0x80, "L bit"),
        (0x40, "More fragments bit"),
        (0x20, "Start bit"),
    ];
    let mut any = false;
    for (bit, name) in names {
        if flags & bit != 0 {
            if any {
                c.s(", ");
            }
            c.s(name);
            any = true;
        }
    }
    if !any {
        c.s("none");
    }
    c.s("] 0x");
    c.o.hexw(flags.into(), 2);
    if flags & 0x80 != 0 {
        if len < 10 {
            c.s(" (too short for EAP ");
            c.s(what);
            c.s(" request/response with length)");
            return Ok(());
        }
        c.s(", len ");
        c.dec(be32(d, 6)?);
    }
    Ok(())
}

/// One EAP packet that the EAPOL header says is `length` bytes long.
fn eap(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let code = u8_at(d, 0)?;
    let len = usize::from(be16(d, 2)?);
    if len != length {
        // Probably a fragment.
        c.s("EAP fragment?");
        return Ok(());
    }
    c.s(code_name(code));
    c.s(" (");
    c.dec(code);
    c.s("), id ");
    c.dec(u8_at(d, 1)?);
    c.s(", len ");
    c.dec(len as u64);
    if len < 4 {
        c.s(" (too short for EAP header)");
        return Ok(());
    }
    if d.len() < len {
        c.trunc_mark();
        return Ok(());
    }
    if code != 1 && code != 2 {
        return Ok(());
    }
    if len < 5 {
        c.s(" (too short for EAP request/response)");
        return Ok(());
    }
    let t = d[4];
    c.s("\n\t\t Type ");
    c.s(method_name(t));
    c.s(" (");
    c.dec(t);
    c.s(")");
    match t {
        // The identity is optional (RFC 3748).
        1 if len > 5 => {
            c.s(", Identity: ");
            printjnp(c, &d[5..], len - 5)?;
        }
        2 => {
            if len < 6 {
                c.s(" (too short for EAP Notification request/response)");
                return Ok(());
            }
            c.s(", Notification: ");
            printjnp(c, &d[5..], len - 5)?;
        }
        3 => {
            if len < 6 {
                c.s(" (too short for EAP Legacy NAK request/response)");
                return Ok(());
            }
            let mut sep = "";
            for &m in &d[5..len] {
                c.s(sep);
                c.s(" ");
                c.s(method_name(m));
                c.s(" (");
                c.dec(m);
                c.s(")");
                sep = ",";
            }
        }
        13 | 21 => {
            if len < 6 {
                c.s(" (too short for EAP TLS/TTLS request/response)");
                return Ok(());
            }
            if t == 21 {
                c.s(" TTLSv");
                c.dec(d[5] & 7);
            }
            tls_flags(c, d, len, "TLS/TTLS")?;
        }
        43 => {
            if len < 6 {
                c.s(" (too short for EAP FAST request/response)");
                return Ok(());
            }
            c.s(" FASTv");
            c.dec(d[5] & 7);
            tls_flags(c, d, len, "FAST")?;
        }
        18 | 23 => {
            if len < 6 {
                c.s(" (too short for EAP SIM/AKA request/response)");
                return Ok(());
            }
            c.s(" subtype [");
            c.s(sim_aka_subtype_name(d[5]));
            c.s("] 0x");
            c.o.hexw(d[5].into(), 2);
        }
        _ => {}
    }
    Ok(())
}
