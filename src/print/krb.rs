//! Kerberos (UDP 88 and 750) as tcpdump 4.99's krb printer shows it: the
//! protocol version, and for Kerberos 4 the message type with its principal
//! names; Kerberos 5 (ASN.1) is only named.

use super::{Ctx, R, be16, u8_at};

/// A NUL-terminated string from `s` with fn_print_char; the offset past the NUL,
/// or `None` when the capture ends first (tcpdump's c_print).
fn cstr(c: &mut Ctx, d: &[u8], mut s: usize) -> Option<usize> {
    while let Some(&b) = d.get(s) {
        s += 1;
        if b == 0 {
            return Some(s);
        }
        super::tcp::print_char(c, b);
    }
    None
}

/// `name.instance@realm` from `off`; `None` after a truncation mark.
fn principal(c: &mut Ctx, d: &[u8], off: usize) -> Option<usize> {
    let p = cstr(c, d, off)?;
    c.s(".");
    let p = cstr(c, d, p)?;
    c.s("@");
    cstr(c, d, p)
}

/// A 16-bit value in the byte order the message's type field announces.
fn order16(d: &[u8], off: usize, le: bool) -> R<u16> {
    let v = be16(d, off)?;
    Ok(if le { v.swap_bytes() } else { v })
}

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        2 => "KDC_REQUEST",
        4 => "KDC_REPLY",
        6 => "APPL_REQUEST",
        8 => "APPL_REQUEST_MUTUAL",
        10 => "ERR_REPLY",
        12 => "PRIVATE",
        14 => "SAFE",
        16 => "APPL_ERR",
        126 => "DIE",
        _ => return None,
    })
}

fn err_name(e: u16) -> Option<&'static str> {
    Some(match e {
        0 => "OK",
        1 => "NAME_EXP",
        2 => "SERVICE_EXP",
        3 => "AUTH_EXP",
        4 => "PKT_VER",
        5 => "NAME_MAST_KEY_VER",
        6 => "SERV_MAST_KEY_VER",
        7 => "BYTE_ORDER",
        8 => "PRINCIPAL_UNKNOWN",
        9 => "PRINCIPAL_NOT_UNIQUE",
        10 => "NULL_KEY",
        _ => return None,
    })
}

/// The Kerberos message starting at `d` (tcpdump's krb_print).
pub(crate) fn print(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "krb";
    let Some(&pvno) = d.first() else {
        c.trunc_mark();
        return Ok(());
    };
    match pvno {
        1..=3 => {
            c.s(" v");
            c.dec(pvno);
        }
        4 => {
            c.s(" v4");
            v4(c, d)?;
        }
        106 | 107 => c.s(" v5"),
        _ => {}
    }
    Ok(())
}

fn v4(c: &mut Ctx, d: &[u8]) -> R {
    let tb = u8_at(d, 1)?;
    let le = tb & 1 != 0;
    let t = tb & 0xfe;
    c.s(if le { " le " } else { " be " });
    match type_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("#");
            c.dec(t);
        }
    }
    c.s(": ");
    let done = match t {
        2 => {
            let Some(p) = principal(c, d, 2) else {
                c.trunc_mark();
                return Ok(());
            };
            let p = p + 4;
            let life = u8_at(d, p)?;
            c.s(" ");
            c.dec(u32::from(life) * 5);
            c.s("min ");
            cstr(c, d, p + 1).and_then(|q| {
                c.s(".");
                cstr(c, d, q)
            })
        }
        6 => {
            let kvno = u8_at(d, 2)?;
            c.s("v");
            c.dec(kvno);
            c.s(" ");
            match cstr(c, d, 3) {
                Some(p) => {
                    let a = u8_at(d, p)?;
                    c.s(" (");
                    c.dec(a);
                    c.s(")");
                    let b = u8_at(d, p + 1)?;
                    c.s(" (");
                    c.dec(b);
                    c.s(")");
                    Some(p)
                }
                None => None,
            }
        }
        4 => {
            let Some(p) = principal(c, d, 2) else {
                c.trunc_mark();
                return Ok(());
            };
            let len = order16(d, p + 10, le)?;
            c.s(" (");
            c.dec(len);
            c.s(")");
            Some(p)
        }
        10 => {
            let Some(p) = principal(c, d, 2) else {
                c.trunc_mark();
                return Ok(());
            };
            let e = order16(d, p + 4, le)?;
            c.s(" ");
            match err_name(e) {
                Some(n) => c.s(n),
                None => {
                    c.s("#");
                    c.dec(e);
                }
            }
            c.s(" ");
            cstr(c, d, p + 8)
        }
        _ => {
            c.s("(unknown)");
            Some(0)
        }
    };
    if done.is_none() {
        c.trunc_mark();
    }
    Ok(())
}
