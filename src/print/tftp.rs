//! TFTP (UDP 69, RFC 1350 with the RFC 2347 option extension).

use super::tcp::print_char;
use super::{Ctx, R, be16, u8_at};

/// tcpdump's nd_printztn: a NUL-terminated string of at most `n` bytes at `off`;
/// the bytes it took (NUL included), or None when `n` or the capture ran out
/// first (after printing what there was).
fn string(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> Option<usize> {
    for i in 0..n {
        let b = *d.get(off + i)?;
        if b == 0 {
            return Some(i + 1);
        }
        print_char(c, b);
    }
    None
}

/// Options: NUL-terminated strings, each after a space unless empty.
fn options(c: &mut Ctx, d: &[u8], mut off: usize, mut length: usize) -> R<bool> {
    while length != 0 {
        if u8_at(d, off)? != 0 {
            c.s(" ");
        }
        let Some(n) = string(c, d, off, length) else {
            return Ok(false);
        };
        off += n;
        length -= n;
    }
    Ok(true)
}

/// The message after its length; Ok(false) when it ends early (tcpdump's
/// truncation mark follows).
fn body(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    if length < 2 {
        return Ok(false);
    }
    let opcode = be16(d, 0)?;
    let name = match opcode {
        1 => "RRQ",
        2 => "WRQ",
        3 => "DATA",
        4 => "ACK",
        5 => "ERROR",
        6 => "OACK",
        _ => {
            c.s(", tftp-#");
            c.dec(opcode);
            return Ok(true);
        }
    };
    c.s(", ");
    c.s(name);
    let (off, length) = (2, length - 2);
    match opcode {
        1 | 2 => {
            if length == 0 {
                return Ok(false);
            }
            c.s(" \"");
            let file = string(c, d, off, length);
            c.s("\"");
            let Some(n) = file else {
                return Ok(false);
            };
            let (off, length) = (off + n, length - n);
            if length == 0 {
                return Ok(false);
            }
            c.s(" ");
            let Some(m) = string(c, d, off, length) else {
                return Ok(false);
            };
            options(c, d, off + m, length - m)
        }
        6 => options(c, d, off, length),
        3 | 4 => {
            if length < 2 {
                return Ok(false);
            }
            let block = be16(d, off)?;
            c.s(" block ");
            c.dec(block);
            Ok(true)
        }
        _ => {
            if length < 2 {
                return Ok(false);
            }
            let code = be16(d, off)?;
            c.s(" ");
            match code {
                0 => c.s("EUNDEF"),
                1 => c.s("ENOTFOUND"),
                2 => c.s("EACCESS"),
                3 => c.s("ENOSPACE"),
                4 => c.s("EBADOP"),
                5 => c.s("EBADID"),
                6 => c.s("EEXISTS"),
                7 => c.s("ENOUSER"),
                _ => {
                    c.s("tftp-err-#");
                    c.dec(code);
                    c.s(" \"");
                }
            }
            let (off, length) = (off + 2, length - 2);
            if length == 0 {
                return Ok(false);
            }
            c.s(" \"");
            let msg = string(c, d, off, length);
            c.s("\"");
            Ok(msg.is_some())
        }
    }
}

/// TFTP over UDP: `d` is the captured payload, `length` the UDP payload length.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "tftp";
    c.s("TFTP, length ");
    c.dec(length as u64);
    if !body(c, d, length)? {
        c.trunc_mark();
    }
    Ok(())
}
