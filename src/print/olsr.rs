//! The Optimized Link State Routing protocol (RFC 3626, UDP port 698) over IPv4
//! and IPv6: the packet header by default and, with `-v`, every message as
//! tcpdump 4.99 prints it (hello and hello-LQ links, TC and TC-LQ neighbors, MID
//! interface addresses, HNA networks and smart gateways, name service entries).

use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};
use std::fmt::Write as _;

const HELLO: u8 = 1;
const TC: u8 = 2;
const MID: u8 = 3;
const HNA: u8 = 4;
const NAMESERVICE: u8 = 130;
const HELLO_LQ: u8 = 201;
const TC_LQ: u8 = 202;

fn msg_name(t: u8) -> &'static str {
    match t {
        HELLO => "Hello",
        TC => "TC",
        MID => "MID",
        HNA => "HNA",
        128 => "Powerinfo",
        NAMESERVICE => "Nameservice",
        HELLO_LQ => "Hello-LQ",
        TC_LQ => "TC-LQ",
        _ => "Unknown",
    }
}

/// Why decoding stopped early: tcpdump's `goto trunc` prints the truncation
/// mark and returns normally (so `-x` still skips the link header), while a
/// failed GET_ read unwinds like any other truncated packet.
enum Stop {
    Mark,
    Jump,
}

impl From<Trunc> for Stop {
    fn from(_: Trunc) -> Stop {
        Stop::Jump
    }
}

type S<T = ()> = Result<T, Stop>;

/// tcpdump's ND_TCHECK_LEN: `n` bytes at `p` were captured, or `goto trunc`.
fn tcheck(d: &[u8], p: usize, n: usize) -> S {
    bytes(d, p, n).map(|_| ()).map_err(|_| Stop::Mark)
}

/// An 8-bit mantissa/exponent time (vtime, htime) in seconds.
fn me_to_secs(me: u8) -> f64 {
    0.0625 * (1.0 + f64::from(me >> 4) / 16.0) * f64::from(1u32 << (me & 0x0f))
}

fn secs3(c: &mut Ctx, v: f64) {
    let _ = write!(c, "{v:.3}");
}

fn addr(c: &mut Ctx, a: &[u8]) {
    if a.len() == 16 {
        c.ip6addr(a);
    } else {
        c.ipaddr(a);
    }
}

/// A smart-gateway speed: 5 bits of mantissa, 3 of decimal exponent (kbit/s).
fn gw_speed(v: u8) -> u32 {
    match v {
        0 => 0,
        0xff => 320_000_000,
        _ => {
            let mut speed = u32::from(v >> 3) + 1;
            for _ in 0..(v & 7) {
                speed *= 10;
            }
            speed
        }
    }
}

/// tcpdump's mask2plen: the prefix length of a contiguous mask, or -1.
fn mask2plen(m: u32) -> i32 {
    (0..=32)
        .rev()
        .find(|&n: &i32| m == if n == 0 { 0 } else { u32::MAX << (32 - n) })
        .unwrap_or(-1)
}

/// tcpdump's mask62plen: leading one bits, byte by byte, stopping at the first
/// byte that is not all ones (a byte that is not a valid mask adds nothing).
fn mask62plen(m: &[u8]) -> u32 {
    let mut len = 0;
    for &b in m {
        if let Some(bits) = (0..=8u32).find(|&n| b == (0xff00u16 >> n) as u8) {
            len += bits;
        }
        if b != 0xff {
            break;
        }
    }
    len
}

/// The OLSR payload of a UDP datagram, `length` bytes long.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, v6: bool) -> R {
    c.proto = "olsr";
    match packet(c, d, length, v6) {
        Ok(()) => Ok(()),
        Err(Stop::Mark) => {
            c.trunc_mark();
            Ok(())
        }
        Err(Stop::Jump) => Err(Trunc),
    }
}

fn packet(c: &mut Ctx, d: &[u8], length: usize, v6: bool) -> S {
    c.s(if v6 { "OLSRv6" } else { "OLSRv4" });
    if length < 4 {
        return Err(Stop::Mark);
    }
    tcheck(d, 0, 4)?;
    let length = length.min(usize::from(be16(d, 0)?));
    c.s(", seq 0x");
    c.o.hexw(u64::from(be16(d, 2)?), 4);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose < 1 {
        return Ok(());
    }
    let alen = if v6 { 16 } else { 4 };
    let hdr_len = alen + 8;
    let mut p = 4usize;
    while p < length {
        tcheck(d, p, hdr_len)?;
        let msg_type = u8_at(d, p)?;
        let vtime = u8_at(d, p + 1)?;
        let msg_len = usize::from(be16(d, p + 2)?);
        let valid = msg_len >= hdr_len && msg_len <= length;
        if msg_type == 0 || msg_len == 0 {
            return Ok(());
        }
        let orig = bytes(d, p + 4, alen)?;
        let ttl = u8_at(d, p + 4 + alen)?;
        let hop = u8_at(d, p + 5 + alen)?;
        let seq = be16(d, p + 6 + alen)?;
        c.s("\n\t");
        c.s(msg_name(msg_type));
        c.s(" Message (");
        // C's %#04x: 0x and at least two digits, plain 0 for zero.
        let _ = write!(c, "{msg_type:#04x}");
        c.s("), originator ");
        addr(c, orig);
        c.s(", ttl ");
        c.dec(ttl);
        c.s(", hop ");
        c.dec(hop);
        c.s("\n\t  vtime ");
        secs3(c, me_to_secs(vtime));
        c.s("s, msg-seq 0x");
        c.o.hexw(u64::from(seq), 4);
        c.s(", length ");
        c.dec(msg_len as u64);
        if !valid {
            c.invalid();
            return Ok(());
        }
        message(c, d, msg_type, p + hdr_len, msg_len - hdr_len, alen)?;
        p += msg_len;
    }
    Ok(())
}

/// The body of one message: `tlen` bytes at `p`.
fn message(c: &mut Ctx, d: &[u8], msg_type: u8, mut p: usize, mut tlen: usize, alen: usize) -> S {
    match msg_type {
        HELLO | HELLO_LQ => {
            if tlen < 4 {
                return Err(Stop::Mark);
            }
            tcheck(d, p, 4)?;
            let htime = u8_at(d, p + 2)?;
            let will = u8_at(d, p + 3)?;
            c.s("\n\t  hello-time ");
            secs3(c, me_to_secs(htime));
            c.s("s, MPR willingness ");
            c.dec(will);
            p += 4;
            tlen -= 4;
            while tlen >= 4 {
                tcheck(d, p, 4)?;
                let code = u8_at(d, p)?;
                let hello_len = usize::from(be16(d, p + 2)?);
                let valid = hello_len <= tlen && hello_len >= 4;
                c.s("\n\t    link-type ");
                c.s(match code & 3 {
                    0 => "Unspecified",
                    1 => "Asymmetric",
                    2 => "Symmetric",
                    _ => "Lost",
                });
                c.s(", neighbor-type ");
                c.s(match code >> 2 {
                    0 => "Not-Neighbor",
                    1 => "Symmetric",
                    2 => "Symmetric-MPR",
                    _ => "Unknown",
                });
                c.s(", len ");
                c.dec(hello_len as u64);
                if !valid {
                    c.invalid();
                    break;
                }
                p += 4;
                tlen -= 4;
                let n = hello_len - 4;
                tcheck(d, p, n)?;
                if msg_type == HELLO {
                    neighbors(c, d, p, n)?;
                } else {
                    lq_neighbors(c, d, p, n, alen)?;
                }
                p += n;
                tlen -= n;
            }
        }
        TC | TC_LQ => {
            if tlen < 4 {
                return Err(Stop::Mark);
            }
            tcheck(d, p, 4)?;
            let ans = be16(d, p)?;
            c.s("\n\t    advertised neighbor seq 0x");
            c.o.hexw(u64::from(ans), 4);
            p += 4;
            tlen -= 4;
            if msg_type == TC {
                neighbors(c, d, p, tlen)?;
            } else {
                lq_neighbors(c, d, p, tlen, alen)?;
            }
        }
        MID => {
            while tlen >= alen {
                tcheck(d, p, alen)?;
                let a = bytes(d, p, alen)?;
                c.s("\n\t  interface address ");
                addr(c, a);
                p += alen;
                tlen -= alen;
            }
        }
        HNA => hna(c, d, p, tlen, alen)?,
        NAMESERVICE => nameservice(c, d, p, tlen, alen)?,
        _ => unknown_data(c, d, p, "\n\t    ", tlen),
    }
    Ok(())
}

/// A plain neighbor list (IPv4 addresses even over IPv6, as tcpdump reads
/// them).
fn neighbors(c: &mut Ctx, d: &[u8], mut p: usize, mut n: usize) -> R {
    c.s("\n\t      neighbor\n\t\t");
    while n >= 4 {
        let a = bytes(d, p, 4)?;
        c.ipaddr(a);
        c.s(" ");
        p += 4;
        n -= 4;
    }
    Ok(())
}

/// A neighbor list with link qualities (hello-LQ and TC-LQ).
fn lq_neighbors(c: &mut Ctx, d: &[u8], mut p: usize, mut n: usize, alen: usize) -> S {
    let size = alen + 4;
    while n >= size {
        tcheck(d, p, size)?;
        let a = bytes(d, p, alen)?;
        let lq = u8_at(d, p + alen)?;
        let nlq = u8_at(d, p + alen + 1)?;
        c.s("\n\t      neighbor ");
        addr(c, a);
        let _ = write!(
            c,
            ", link-quality {:.2}%, neighbor-link-quality {:.2}%",
            f64::from(lq) / 2.55,
            f64::from(nlq) / 2.55
        );
        p += size;
        n -= size;
    }
    Ok(())
}

/// Host and network association: networks with masks, four to a line over
/// IPv4 (where a zero network with flags is a smart gateway).
fn hna(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: usize, alen: usize) -> S {
    let size = 2 * alen;
    c.s("\n\t  Advertised networks (total ");
    c.dec((tlen / size) as u64);
    c.s(")");
    let mut col = 0;
    while tlen >= size {
        tcheck(d, p, size)?;
        let e = bytes(d, p, size)?;
        if alen == 16 {
            c.s("\n\t    #0: ");
            c.ip6addr(&e[..16]);
            c.s("/");
            c.dec(mask62plen(&e[16..]));
        } else {
            c.s(if col == 0 { "\n\t    " } else { ", " });
            let flags = e[5];
            if e[..5] == [0; 5] && flags != 0 {
                c.s("Smart-Gateway:");
                for (bit, name) in [
                    (0x01, " LINKSPEED"),
                    (0x02, " IPV4"),
                    (0x04, " IPV4-NAT"),
                    (0x08, " IPV6"),
                    (0x10, " IPv6-PREFIX"),
                ] {
                    if flags & bit != 0 {
                        c.s(name);
                    }
                }
                let (up, down) = if flags & 0x01 != 0 {
                    (gw_speed(e[6]), gw_speed(e[7]))
                } else {
                    (0, 0)
                };
                c.s(" ");
                c.dec(up);
                c.s("/");
                c.dec(down);
            } else {
                c.ipaddr(&e[..4]);
                c.s("/");
                c.dec(mask2plen(be32(e, 4)?) as u32);
            }
            col = (col + 1) % 4;
        }
        p += size;
        tlen -= size;
    }
    Ok(())
}

/// The olsr.org name service plugin's message: entries of type, length,
/// address and padded name.
fn nameservice(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: usize, alen: usize) -> S {
    if tlen < 4 {
        return Err(Stop::Mark);
    }
    let entries = usize::from(be16(d, p + 2)?);
    let version = be16(d, p)?;
    let valid = entries > 0 && entries * (4 + alen) <= tlen;
    c.s("\n\t  Version ");
    c.dec(version);
    c.s(", Entries ");
    c.dec(entries as u64);
    if !valid {
        c.invalid();
        return Ok(());
    }
    p += 4;
    tlen -= 4;
    for i in 0..entries {
        if tlen < 4 {
            break;
        }
        let etype = be16(d, p)?;
        let elen = usize::from(be16(d, p + 2)?);
        p += 4;
        tlen -= 4;
        let valid = elen > 0 && alen + elen <= tlen;
        c.s("\n\t    #");
        c.dec(i as u64);
        c.s(": type ");
        // C's %#06x: no 0x for zero.
        if etype == 0 {
            c.s("000000");
        } else {
            let _ = write!(c, "{etype:#06x}");
        }
        c.s(", length ");
        c.dec(elen as u64);
        if !valid {
            c.invalid();
            break;
        }
        let pad = if elen % 4 != 0 { 4 - elen % 4 } else { 0 };
        let total = alen + elen + pad;
        if tlen < total {
            return Err(Stop::Mark);
        }
        tcheck(d, p, total)?;
        c.s(", address ");
        addr(c, bytes(d, p, alen)?);
        c.s(", name \"");
        for &b in bytes(d, p + alen, elen)? {
            print_char(c, b);
        }
        c.s("\"");
        p += total;
        tlen -= total;
    }
    Ok(())
}
