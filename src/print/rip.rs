//! RIP v1/v2 (UDP 520, RFC 1058/2453 with RFC 4822 authentication) and RIPng
//! (UDP 521, RFC 2080).

use super::af::bsd_af_name;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const ROUTE_LEN: usize = 20;

fn cmd_name(cmd: u8) -> Option<&'static str> {
    Some(match cmd {
        1 => "Request",
        2 => "Response",
        3 => "Trace on",
        4 => "Trace off",
        5 => "Poll",
        6 => "Poll Entry",
        _ => return None,
    })
}

fn put_unknown_af(c: &mut Ctx, af: u16) {
    c.s("AFI ");
    match bsd_af_name(af.into()) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown (");
            c.dec(af);
            c.s(")");
        }
    }
}

/// Prefix length of a contiguous netmask; -1 for any other mask.
fn mask_plen(mask: u32) -> i64 {
    let ones = mask.leading_ones();
    let canonical = if ones == 0 {
        0
    } else {
        u32::MAX << (32 - ones)
    };
    if mask == canonical {
        i64::from(ones)
    } else {
        -1
    }
}

/// An IPv4 address right-aligned in 15 columns (printf's `%15s`).
fn addr_right(c: &mut Ctx, a: &[u8]) {
    let start = c.o.len();
    c.ipaddr(a);
    let width = c.o.len() - start;
    if width < 15 {
        c.o.splice(start..start, std::iter::repeat_n(b' ', 15 - width));
    }
}

/// One RFC 1058 entry at `p`; the bytes it took, 0 when it does not fit.
fn entry_v1(c: &mut Ctx, d: &[u8], p: usize, remaining: usize) -> R<usize> {
    if remaining < ROUTE_LEN {
        return Ok(0);
    }
    let e = bytes(d, p, ROUTE_LEN)?;
    let family = be16(e, 0)?;
    if family != 2 && family != 0 {
        c.s("\n\t ");
        put_unknown_af(c, family);
        c.s(", ");
        unknown_data(c, d, p + 4, "\n\t  ", ROUTE_LEN - 4);
        return Ok(ROUTE_LEN);
    }
    if be16(e, 2)? != 0 || be32(e, 8)? != 0 || be32(e, 12)? != 0 {
        // Must-be-zero fields set: not a RIPv1 route.
        unknown_data(c, d, p, "\n\t  ", ROUTE_LEN);
        return Ok(ROUTE_LEN);
    }
    c.s("\n\t  ");
    if family == 0 {
        c.s("AFI 0, ");
    }
    c.ipaddr(&e[4..8]);
    c.s(", metric: ");
    c.dec(be32(e, 16)?);
    Ok(ROUTE_LEN)
}

/// One RFC 2453 entry (route or authentication) at `p`; the bytes it took, 0
/// when it does not fit.
fn entry_v2(c: &mut Ctx, d: &[u8], mut p: usize, mut remaining: usize) -> R<usize> {
    if remaining < 4 {
        return Ok(0);
    }
    let family = be16(d, p)?;
    if family == 0xffff {
        let auth_type = be16(d, p + 2)?;
        p += 4;
        remaining -= 4;
        match auth_type {
            2 => {
                c.s("\n\t  Simple Text Authentication data: ");
                for i in 0..16 {
                    let b = u8_at(d, p + i)?;
                    if b == 0 {
                        break;
                    }
                    print_char(c, b);
                }
            }
            3 => {
                let Ok(h) = bytes(d, p, 16) else {
                    return Ok(0);
                };
                if remaining < 16 {
                    return Ok(0);
                }
                c.s("\n\t  Auth header: Packet Len ");
                c.dec(be16(h, 0)?);
                c.s(", Key-ID ");
                c.dec(h[2]);
                c.s(", Auth Data Len ");
                c.dec(h[3]);
                c.s(", SeqNo ");
                c.dec(be32(h, 4)?);
                c.s(", MBZ ");
                c.dec(be32(h, 8)?);
                c.s(", MBZ ");
                c.dec(be32(h, 12)?);
            }
            1 => {
                // The trailer runs to the end of the packet.
                c.s("\n\t  Auth trailer:");
                unknown_data(c, d, p, "\n\t  ", remaining);
                return Ok(4 + remaining);
            }
            t => {
                c.s("\n\t  Unknown (");
                c.dec(t);
                c.s(") Authentication data:");
                unknown_data(c, d, p, "\n\t  ", remaining);
                return Ok(4 + remaining);
            }
        }
    } else if family != 2 && family != 0 {
        c.s("\n\t  ");
        put_unknown_af(c, family);
        unknown_data(c, d, p + 4, "\n\t  ", ROUTE_LEN - 4);
    } else {
        let Ok(e) = bytes(d, p, ROUTE_LEN) else {
            return Ok(0);
        };
        if remaining < ROUTE_LEN {
            return Ok(0);
        }
        c.s("\n\t  AFI ");
        match bsd_af_name(family.into()) {
            Some(n) => c.s(n),
            None => c.dec(family),
        }
        c.s(", ");
        addr_right(c, &e[4..8]);
        c.s("/");
        let plen = mask_plen(be32(e, 8)?);
        c.o.dec_i(plen);
        if (0..10).contains(&plen) {
            c.s(" ");
        }
        c.s(", tag 0x");
        c.o.hexw(u64::from(be16(e, 2)?), 4);
        c.s(", metric: ");
        c.dec(be32(e, 16)?);
        c.s(", next-hop: ");
        if be32(e, 12)? != 0 {
            c.ipaddr(&e[12..16]);
        } else {
            c.s("self");
        }
    }
    Ok(ROUTE_LEN)
}

/// RIP over UDP: `d` is the captured payload, `length` the UDP payload length.
pub(crate) fn rip(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "rip";
    let mut len = d.len().min(length);
    if len < 4 {
        c.trunc_mark();
        return Ok(());
    }
    len -= 4;
    let (cmd, vers) = (d[0], d[1]);
    if c.opts.verbose > 0 {
        c.s("\n\t");
    }
    c.s("RIPv");
    c.dec(vers);
    if vers == 0 {
        // RFC 1058: version 0 messages are to be ignored; tcpdump dumps them.
        unknown_data(c, d, 0, "\n\t", length);
        return Ok(());
    }
    c.s(", ");
    match cmd_name(cmd) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown command (");
            c.dec(cmd);
            c.s(")");
        }
    }
    c.s(", length: ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    match cmd {
        1 | 2 => {
            if vers == 1 || vers == 2 {
                c.s(", routes: ");
                c.dec((length / ROUTE_LEN) as u64);
                if vers == 2 {
                    c.s(" or less");
                }
                let mut p = 4;
                while len != 0 {
                    let size = if vers == 1 {
                        entry_v1(c, d, p, len)?
                    } else {
                        entry_v2(c, d, p, len)?
                    };
                    if size == 0 {
                        c.trunc_mark();
                        break;
                    }
                    if len < size {
                        c.s(" [remaining entries length ");
                        c.dec(len as u64);
                        c.s(" < ");
                        c.dec(size as u64);
                        c.s("]");
                        c.invalid();
                        break;
                    }
                    p += size;
                    len -= size;
                }
            } else {
                c.s(", unknown version");
            }
        }
        4..=6 => {}
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, 0, "\n\t", length);
            }
        }
    }
    if c.opts.verbose > 1 {
        unknown_data(c, d, 0, "\n\t", length);
    }
    Ok(())
}

/// RIPng over UDP: `d` is the captured payload, `length` the UDP payload length.
pub(crate) fn ripng(c: &mut Ctx, d: &[u8], length: usize) -> R {
    const RTE: usize = 20;
    c.proto = "ripng";
    let vers = u8_at(d, 1)?;
    if vers != 1 {
        c.s(" [vers ");
        c.dec(vers);
        c.s("]");
        c.invalid();
        return Ok(());
    }
    let cmd = u8_at(d, 0)?;
    if cmd != 1 && cmd != 2 {
        c.s(" ripng-");
        c.dec(cmd);
        c.s(" ?? ");
        c.dec(length as u64);
        c.invalid();
        return Ok(());
    }
    if length < 4 {
        c.invalid();
        return Ok(());
    }
    let mut left = length - 4;
    let n = left / RTE;
    if cmd == 1 && n == 1 {
        let e = bytes(d, 4, RTE)?;
        if e[19] == 16 && e[..16].iter().all(|&b| b == 0) {
            c.s(" ripng-req dump");
            return Ok(());
        }
    }
    c.s(if cmd == 1 {
        " ripng-req "
    } else {
        " ripng-resp "
    });
    c.dec(n as u64);
    if n * RTE != left {
        c.s("[");
        c.dec(length as u64);
        c.s("]");
    }
    c.s(":");
    let mut p = 4;
    while left >= RTE {
        c.s(if c.opts.verbose > 1 { "\n\t" } else { " " });
        // Both are read before either is printed.
        let (e, plen) = (bytes(d, p, 16)?, u8_at(d, p + 18)?);
        c.ip6addr(e);
        c.s("/");
        c.dec(plen);
        let tag = be16(d, p + 16)?;
        if tag != 0 {
            c.s(" [");
            c.dec(tag);
            c.s("]");
        }
        let metric = u8_at(d, p + 19)?;
        if metric != 0 && cmd == 2 {
            c.s(" (");
            c.dec(metric);
            c.s(")");
        }
        left -= RTE;
        p += RTE;
    }
    if left != 0 {
        c.invalid();
    }
    Ok(())
}
