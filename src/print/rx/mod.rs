//! AFS rx (UDP ports 7000-7009) as tcpdump 4.99 prints it: the rx header;
//! the first data packet of each call by the service port it goes to (fs, cb,
//! pt, vldb, kauth, vol, bos, and the ubik opcodes of the database servers),
//! with the call remembered so that the server's reply or abort is decoded by
//! the same opcode; and acknowledgement bodies.

mod ack;
mod acl;
mod bos;
mod cache;
mod cb;
mod fs;
mod kauth;
mod prot;
mod read;
mod ubik;
mod vldb;
mod vol;

pub(crate) use cache::CallCache;

use super::ip::IpInfo;
use super::{Ctx, Put, R, Trunc, be16, be32, u8_at};
use read::{F, HDR, Rd, Stop};

pub(crate) const DATA: u8 = 1;
const ACK: u8 = 2;
pub(crate) const ABORT: u8 = 4;
const CLIENT_INITIATED: u8 = 1;

/// The services tcpdump decodes, by port.
#[derive(Clone, Copy)]
enum Service {
    Fs,
    Cb,
    Prot,
    Vldb,
    Kauth,
    Vol,
    Bos,
}

impl Service {
    fn of(port: u16) -> Option<Service> {
        Some(match port {
            7000 => Service::Fs,
            7001 => Service::Cb,
            7002 => Service::Prot,
            7003 => Service::Vldb,
            7004 => Service::Kauth,
            7005 => Service::Vol,
            7007 => Service::Bos,
            _ => return None,
        })
    }

    /// The mark of a failed bounds check in this service's decode.
    fn mark(self) -> &'static str {
        match self {
            Service::Fs => " [|fs]",
            Service::Cb => " [|cb]",
            Service::Prot => " [|pt]",
            Service::Vldb => " [|vldb]",
            Service::Kauth => " [|kauth]",
            Service::Vol => " [|vol]",
            Service::Bos => " [|bos]",
        }
    }
}

/// A service decode's stop: a local one prints the service's mark and the
/// packet goes on; a read past the capture ends the packet.
fn finish(c: &mut Ctx, svc: Service, res: F) -> R {
    match res {
        Ok(()) => Ok(()),
        Err(Stop::Local) => {
            c.s(svc.mark());
            Ok(())
        }
        Err(Stop::Jump) => Err(Trunc),
    }
}

/// The call-cache key of a packet: call number, service id, and the address
/// words tcpdump reads at the IPv4 header's address offsets.
fn key(d: &[u8], ip: &IpInfo<'_>) -> R<cache::Key> {
    let word = |a: &[u8], at: usize| -> [u8; 4] {
        let mut w = [0u8; 4];
        if let Some(b) = a.get(at..at + 4) {
            w.copy_from_slice(b);
        }
        w
    };
    let (src, dst) = if ip.v6 {
        // Offsets 12 and 16 of an IPv6 header lie in its source address.
        (word(ip.src, 4), word(ip.src, 8))
    } else {
        (word(ip.src, 0), word(ip.dst, 0))
    };
    Ok(cache::Key {
        callnum: be32(d, 8)?,
        service: be16(d, 26)?,
        src,
        dst,
    })
}

pub(crate) fn print(
    c: &mut Ctx,
    d: &[u8],
    len: usize,
    sport: u16,
    dport: u16,
    ip: &IpInfo<'_>,
) -> R {
    c.proto = "rx";
    if d.len() < HDR {
        c.s(" [|rx] (");
        c.dec(len as u64);
        c.s(")");
        return Ok(());
    }
    let ty = u8_at(d, 20)?;
    c.s(" rx ");
    match ty {
        1 => c.s("data"),
        2 => c.s("ack"),
        3 => c.s("busy"),
        4 => c.s("abort"),
        5 => c.s("ackall"),
        6 => c.s("challenge"),
        7 => c.s("response"),
        8 => c.s("debug"),
        9 => c.s("params"),
        13 => c.s("version"),
        _ => {
            c.s("type ");
            c.dec(ty);
        }
    }
    let flags = u8_at(d, 21)?;
    let v = c.opts.verbose;
    if v > 0 {
        if v > 1 {
            c.s(" cid ");
            c.o.hexw(u64::from(be32(d, 4)?), 8);
            c.s(" call# ");
            c.dec(be32(d, 8)?);
        }
        c.s(" seq ");
        c.dec(be32(d, 12)?);
        c.s(" ser ");
        c.dec(be32(d, 16)?);
        if v > 2 {
            c.s(" secindex ");
            c.dec(u8_at(d, 23)?);
            c.s(" serviceid ");
            c.dec(be16(d, 26)?);
        }
        if v > 1 {
            let mut first = true;
            for (bit, only, name) in [
                (1u8, 0u8, "client-init"),
                (2, 0, "req-ack"),
                (4, 0, "last-pckt"),
                (8, 0, "more-pckts"),
                (16, 0, "free-pckt"),
                (32, 2, "slow-start"),
                (32, 1, "jumbogram"),
            ] {
                if flags & bit != 0 && (only == 0 || ty == only) {
                    c.s(if first { " " } else { "," });
                    first = false;
                    c.s("<");
                    c.s(name);
                    c.s(">");
                }
            }
        }
    }
    body(c, d, len, (sport, dport), ip)?;
    c.s(" (");
    c.dec(len as u64);
    c.s(")");
    Ok(())
}

/// What follows the header: a call, a reply to a remembered call, or an ack.
fn body(c: &mut Ctx, d: &[u8], len: usize, (sport, dport): (u16, u16), ip: &IpInfo<'_>) -> R {
    let ty = u8_at(d, 20)?;
    let flags = u8_at(d, 21)?;
    let seq = be32(d, 12)?;
    let client = flags & CLIENT_INITIATED != 0;
    if ty == DATA && seq == 1 && client {
        let k = key(d, ip)?;
        if let Ok(op) = be32(d, HDR) {
            c.rx.insert(&k, dport, op);
        }
        let Some(svc) = Service::of(dport) else {
            return Ok(());
        };
        if len <= HDR {
            return Ok(());
        }
        let op = be32(d, HDR)?;
        let mut r = Rd::new(d, HDR + 4);
        let res = match svc {
            Service::Fs => fs::call(c, &mut r, op),
            Service::Cb => cb::call(c, &mut r, op),
            Service::Prot => prot::call(c, &mut r, op),
            Service::Vldb => vldb::call(c, &mut r, op),
            Service::Kauth => kauth::call(c, &mut r, op),
            Service::Vol => vol::call(c, &mut r, op),
            Service::Bos => bos::call(c, &mut r, op),
        };
        return finish(c, svc, res);
    }
    if ((ty == DATA && seq == 1) || ty == ABORT) && !client {
        let k = key(d, ip)?;
        if let Some(op) = c.rx.find(&k, sport) {
            let Some(svc) = Service::of(sport) else {
                return Ok(());
            };
            // pt and vldb (and ubik through them) decode a reply of just a
            // header; the others need a body.
            let min = match svc {
                Service::Prot | Service::Vldb => HDR,
                _ => HDR + 1,
            };
            if len < min {
                return Ok(());
            }
            let mut r = Rd::new(d, HDR);
            let res = match svc {
                Service::Fs => fs::reply(c, &mut r, op, ty),
                Service::Cb => cb::reply(c, &mut r, op, ty),
                Service::Prot => prot::reply(c, &mut r, op, ty),
                Service::Vldb => vldb::reply(c, &mut r, op, ty),
                Service::Kauth => kauth::reply(c, &mut r, op, ty),
                Service::Vol => vol::reply(c, &mut r, op, ty),
                Service::Bos => bos::reply(c, &mut r, op, ty),
            };
            return finish(c, svc, res);
        }
        return Ok(());
    }
    if ty == ACK {
        let mut r = Rd::new(d, HDR);
        return match ack::print(c, &mut r, len) {
            Ok(()) => Ok(()),
            Err(Stop::Local) => {
                c.s(" [|ack]");
                Ok(())
            }
            Err(Stop::Jump) => Err(Trunc),
        };
    }
    Ok(())
}
