//! Cisco NetFlow v1, v5 and v6 (`-T cnfp`), as tcpdump 4.99 prints them: a
//! header line, then each flow record on three lines.

use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, u8_at};

/// The parts of a version's layout that differ.
struct Layout {
    header: usize,
    record: usize,
    sequence: bool,
    /// Offset of the TCP flags in a record.
    tcp_flags: usize,
    /// Masks and AS numbers (v5, v6).
    routing: bool,
    /// v6's encapsulation sizes.
    encaps: bool,
}

// tcpdump's v5 and v6 record structures both end in a peer next hop, so it steps
// 52 bytes per record for either.
const V1: Layout = Layout {
    header: 16,
    record: 48,
    sequence: false,
    tcp_flags: 40,
    routing: false,
    encaps: false,
};
const V5: Layout = Layout {
    header: 24,
    record: 52,
    sequence: true,
    tcp_flags: 37,
    routing: true,
    encaps: false,
};
const V6: Layout = Layout { encaps: true, ..V5 };

pub(crate) fn print(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "cnfp";
    let ver = be16(d, 0)?;
    let layout = match ver {
        1 => &V1,
        5 => &V5,
        6 => &V6,
        _ => {
            c.s("NetFlow v");
            c.o.hex(u64::from(ver));
            return Ok(());
        }
    };
    // Records and the header cut short end with the truncation mark, and
    // tcpdump goes on to the hex dump as for a complete packet.
    if d.len() < layout.header {
        c.trunc_mark();
        return Ok(());
    }
    // tcpdump reads the 16-bit count as 32 bits, taking in half the uptime.
    let mut records = be32(d, 2)?;
    let uptime = be32(d, 4)?;
    c.s("NetFlow v");
    c.o.hex(u64::from(ver));
    c.s(", ");
    millis(c, uptime);
    c.s(" uptime, ");
    c.dec(be32(d, 8)?);
    c.s(".");
    c.o.decw(u64::from(be32(d, 12)?), 9);
    c.s(", ");
    if layout.sequence {
        c.s("#");
        c.dec(be32(d, 16)?);
        c.s(", ");
    }
    if records < 10 {
        c.s(" ");
    }
    c.dec(records);
    c.s(" recs");
    let mut p = layout.header;
    while records != 0 {
        let Some(r) = d.get(p..p + layout.record) else {
            c.trunc_mark();
            return Ok(());
        };
        record(c, r, layout)?;
        p += layout.record;
        records -= 1;
    }
    Ok(())
}

/// One flow record, all of it captured.
fn record(c: &mut Ctx, r: &[u8], layout: &Layout) -> R {
    c.s("\n  started ");
    millis(c, be32(r, 24)?);
    c.s(", last ");
    millis(c, be32(r, 28)?);
    c.s("\n    ");
    endpoint(c, r, 0, 32, layout.routing.then_some((44, 40)))?;
    c.s("> ");
    endpoint(c, r, 4, 34, layout.routing.then_some((45, 42)))?;
    c.s(">> ");
    c.o.ipv4(&r[8..12]);
    c.s("\n    ");
    let proto = u8_at(r, 38)?;
    match c.names.protoname(proto) {
        Some(name) => c.s(&name),
        None => c.dec(proto),
    }
    c.s(" ");
    if proto == 6 {
        let flags = u8_at(r, layout.tcp_flags)?;
        for (bit, letter) in [
            (0x01, "F"),
            (0x02, "S"),
            (0x04, "R"),
            (0x08, "P"),
            (0x10, "A"),
            (0x20, "U"),
        ] {
            if flags & bit != 0 {
                c.s(letter);
            }
        }
        if flags != 0 {
            c.s(" ");
        }
    }
    c.s("tos ");
    c.dec(u8_at(r, 39)?);
    c.s(", ");
    c.dec(be32(r, 16)?);
    c.s(" (");
    c.dec(be32(r, 20)?);
    c.s(" octets) ");
    if layout.encaps {
        let flags = be16(r, 46)?;
        c.s("(");
        c.dec(flags >> 8);
        c.s("<>");
        c.dec(flags & 0xff);
        c.s(" encaps)");
    }
    Ok(())
}

/// `ADDR[/MASK:AS]:PORT ` for the address at `addr` and port at `port`.
fn endpoint(c: &mut Ctx, r: &[u8], addr: usize, port: usize, routing: Option<(usize, usize)>) -> R {
    c.o.ipv4(r.get(addr..addr + 4).ok_or(Trunc)?);
    if let Some((mask, asn)) = routing {
        c.s("/");
        c.dec(u8_at(r, mask)?);
        c.s(":");
        c.dec(be16(r, asn)?);
    }
    c.s(":");
    c.dec(be16(r, port)?);
    c.s(" ");
    Ok(())
}

/// Milliseconds as tcpdump's `%u.%03u` seconds.
fn millis(c: &mut Ctx, ms: u32) {
    c.dec(ms / 1000);
    c.s(".");
    c.o.decw(u64::from(ms % 1000), 3);
}
