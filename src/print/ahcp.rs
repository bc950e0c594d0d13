//! AHCP, the Ad-Hoc Configuration Protocol (UDP port 5359), as tcpdump 4.99
//! prints it: the version 1 header from -v, its options from -vv.

use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write;

fn msg_name(c: &mut Ctx, t: u8) {
    let name = match t {
        0 => "Discover",
        1 => "Offer",
        2 => "Request",
        3 => "Ack",
        4 => "Nack",
        5 => "Release",
        _ => {
            let _ = write!(c, "Unknown-{t}");
            return;
        }
    };
    c.s(name);
}

fn opt_name(c: &mut Ctx, t: u8) {
    let name = match t {
        0 => "Pad",
        1 => "Mandatory",
        2 => "Origin Time",
        3 => "Expires",
        4 => "My-IPv6-Address",
        5 => "My-IPv4-Address",
        6 => "IPv6 Prefix",
        7 => "IPv4 Prefix",
        8 => "IPv6 Address",
        9 => "IPv4 Address",
        10 => "IPv6 Prefix Delegation",
        11 => "IPv4 Prefix Delegation",
        12 => "Name Server",
        13 => "NTP Server",
        _ => {
            let _ = write!(c, "Unknown-{t}");
            return;
        }
    };
    c.s(name);
}

/// tcpdump's "(invalid)" ending: the bytes left must still have been captured.
fn invalid(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R {
    c.invalid();
    bytes(d, off, len).map(|_| ())
}

/// How an option's value is decoded.
enum Value {
    Time,
    Seconds,
    /// Addresses (4 or 16 bytes), each with a prefix length byte if `true`.
    Addrs(usize, bool),
}

fn value_kind(opt: u8) -> Option<Value> {
    Some(match opt {
        2 => Value::Time,
        3 => Value::Seconds,
        4 | 8 | 12 | 13 => Value::Addrs(16, false),
        5 | 9 => Value::Addrs(4, false),
        6 | 10 => Value::Addrs(16, true),
        11 => Value::Addrs(4, true),
        _ => return None,
    })
}

fn value(c: &mut Ctx, d: &[u8], mut off: usize, mut len: usize, kind: Value) -> R {
    match kind {
        Value::Time | Value::Seconds => {
            if len != 4 {
                return invalid(c, d, off, len);
            }
            let v = be32(d, off)?;
            if matches!(kind, Value::Seconds) {
                let _ = write!(c, ": {v}s");
            } else if let Some(t) = crate::capture::os::utc_time(i64::from(v)) {
                let _ = write!(
                    c,
                    ": {:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
                    t.year,
                    t.month + 1,
                    t.day,
                    t.hour,
                    t.minute,
                    t.second
                );
            } else {
                c.s(": gmtime() error");
            }
        }
        Value::Addrs(alen, prefix) => {
            let step = alen + usize::from(prefix);
            let mut sep = ": ";
            while len > 0 {
                if len < step {
                    return invalid(c, d, off, len);
                }
                let a = bytes(d, off, alen)?;
                let plen = if prefix {
                    Some(u8_at(d, off + alen)?)
                } else {
                    None
                };
                c.s(sep);
                if alen == 16 {
                    c.ip6addr(a);
                } else {
                    c.ipaddr(a);
                }
                if let Some(p) = plen {
                    let _ = write!(c, "/{p}");
                }
                off += step;
                len -= step;
                sep = ", ";
            }
        }
    }
    Ok(())
}

fn options(c: &mut Ctx, d: &[u8], mut off: usize, mut len: usize) -> R {
    while len > 0 {
        let opt = u8_at(d, off)?;
        off += 1;
        len -= 1;
        c.s("\n\t ");
        opt_name(c, opt);
        if opt == 0 || opt == 1 {
            continue;
        }
        if len == 0 {
            return invalid(c, d, off, len);
        }
        let olen = usize::from(u8_at(d, off)?);
        off += 1;
        len -= 1;
        if olen > len {
            return invalid(c, d, off, len);
        }
        match value_kind(opt) {
            Some(kind) => value(c, d, off, olen, kind)?,
            None => {
                let _ = write!(c, " (Length {olen})");
                bytes(d, off, olen)?;
            }
        }
        off += olen;
        len -= olen;
    }
    Ok(())
}

fn body(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R {
    if len < 4 {
        return invalid(c, d, off, len);
    }
    let ty = u8_at(d, off)?;
    let mbz = u8_at(d, off + 1)?;
    let body_len = usize::from(be16(d, off + 2)?);
    let (off, len) = (off + 4, len - 4);
    if c.opts.verbose > 0 {
        c.s("\n\t");
        msg_name(c, ty);
        if mbz != 0 {
            let _ = write!(c, ", MBZ {mbz}");
        }
        let _ = write!(c, ", Length {body_len}");
    }
    if body_len > len {
        return invalid(c, d, off, len);
    }
    if c.opts.verbose > 1 {
        options(c, d, off, body_len)
    } else {
        bytes(d, off, body_len).map(|_| ())
    }
}

fn link8(c: &mut Ctx, a: &[u8]) {
    for (i, b) in a.iter().enumerate() {
        let _ = write!(c, "{}{b:02x}", if i == 0 { "" } else { ":" });
    }
}

/// One AHCP packet.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ahcp";
    c.s("AHCP");
    if len < 2 || u8_at(d, 0)? != 43 {
        return invalid(c, d, 0, len);
    }
    let version = u8_at(d, 1)?;
    let (off, len) = (2usize, len - 2);
    if version != 1 {
        let _ = write!(c, " Version {version} (unknown)");
        return bytes(d, off, len).map(|_| ());
    }
    c.s(" Version 1");
    if len < 22 {
        return invalid(c, d, off, len);
    }
    if c.opts.verbose == 0 {
        bytes(d, off, 22)?;
    } else {
        let _ = write!(c, "\n\tHopcount {}", u8_at(d, off)?);
        let _ = write!(c, ", Original Hopcount {}", u8_at(d, off + 1)?);
        let _ = write!(c, ", Nonce 0x{:08x}", be32(d, off + 2)?);
        let src = bytes(d, off + 6, 8)?;
        c.s(", Source Id ");
        link8(c, src);
        let dst = bytes(d, off + 14, 8)?;
        c.s(", Destination Id ");
        link8(c, dst);
    }
    body(c, d, off + 22, len - 22)
}
