//! OTV, Cisco's Overlay Transport Virtualization (UDP 8472): an 8-byte header
//! (flags, overlay ID, instance ID) before an Ethernet frame.

use super::out::Put;
use super::{Ctx, R, Trunc, bytes, u8_at};

const HDR_LEN: usize = 8;

fn be24(b: &[u8]) -> u64 {
    (u64::from(b[0]) << 16) | (u64::from(b[1]) << 8) | u64::from(b[2])
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "otv";
    c.s("OTV, ");
    if len < HDR_LEN {
        c.s("[length ");
        c.dec(len as u64);
        c.s(" < 8]");
        c.invalid();
        // tcpdump then checks that the short payload was captured.
        return if d.len() < len { Err(Trunc) } else { Ok(()) };
    }
    // A short capture stops after the last whole field (tcpdump's longjmp).
    header(c, d).ok_or(Trunc)?;
    super::ether::print(c, &d[HDR_LEN..], len - HDR_LEN)?;
    Ok(())
}

/// The header fields; None where the capture ends first.
fn header(c: &mut Ctx, d: &[u8]) -> Option<()> {
    let flags = u8_at(d, 0).ok()?;
    c.s("flags [");
    c.s(if flags & 0x08 != 0 { "I" } else { "." });
    c.s("] (0x");
    c.o.hexw(u64::from(flags), 2);
    c.s("), ");
    let overlay = be24(bytes(d, 1, 3).ok()?);
    c.s("overlay ");
    c.o.dec(overlay);
    c.s(", ");
    let instance = be24(bytes(d, 4, 3).ok()?);
    c.s("instance ");
    c.o.dec(instance);
    c.s("\n");
    u8_at(d, 7).ok()?;
    Some(())
}
