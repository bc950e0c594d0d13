//! Small Ethernet-type protocols as tcpdump 4.99 prints them: EAPOL (802.1X,
//! type 0x888e) and the Ethernet configuration testing protocol ("Loopback",
//! type 0x9000, which Cisco switches send as keepalives).

use super::{Ctx, R, be16, bytes};

/// An EAPOL frame; the EAP packet inside is decoded with -v.
pub(crate) fn eapol(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "eap";
    if bytes(d, 0, 4).is_err() {
        c.trunc_mark();
        return Ok(());
    }
    let (version, ty, len) = (d[0], d[1], be16(d, 2)?);
    c.s(match ty {
        0 => "EAP packet",
        1 => "EAPOL start",
        2 => "EAPOL logoff",
        3 => "EAPOL key",
        4 => "Encapsulated ASF alert",
        _ => "unknown",
    });
    c.s(" (");
    c.dec(ty);
    c.s(") v");
    c.dec(version);
    c.s(", len ");
    c.dec(len);
    if c.opts.verbose == 0 || ty != 0 {
        return Ok(());
    }
    if len == 0 {
        c.trunc_mark();
        return Ok(());
    }
    c.s(", ");
    super::radius::eap(c, d.get(4..).unwrap_or_default(), usize::from(len))
}

/// A little-endian 16-bit field.
fn le16(d: &[u8], off: usize) -> R<u16> {
    let b = bytes(d, off, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

/// " (invalid)" and the check that the rest was captured.
fn invalid(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R {
    c.invalid();
    bytes(d, off, len).map(|_| ())
}

/// The configuration testing protocol: skip count, then the first message.
pub(crate) fn loopback(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "loopback";
    c.s("Loopback");
    if len < 2 {
        return invalid(c, d, 0, len);
    }
    let skip = usize::from(le16(d, 0)?);
    let (mut p, mut len) = (2usize, len - 2);
    c.s(", skipCount ");
    c.dec(skip as u64);
    if skip % 8 != 0 {
        c.s(" (bogus)");
    }
    if skip > len {
        return invalid(c, d, p, len);
    }
    bytes(d, p, skip)?;
    p += skip;
    len -= skip;
    if len < 2 {
        return invalid(c, d, p, len);
    }
    let function = le16(d, p)?;
    p += 2;
    len -= 2;
    c.s(", ");
    match function {
        1 => {
            c.s("Reply");
            if len < 2 {
                return invalid(c, d, p, len);
            }
            let receipt = le16(d, p)?;
            c.s(", receipt number ");
            c.dec(receipt);
            p += 2;
            len -= 2;
        }
        2 => {
            c.s("Forward Data");
            if len < 6 {
                return invalid(c, d, p, len);
            }
            let mac = bytes(d, p, 6)?;
            c.s(", forwarding address ");
            c.etheraddr(mac);
            p += 6;
            len -= 6;
        }
        _ => {
            c.s(" invalid (");
            c.dec(function);
            c.s(")");
            return bytes(d, p, len).map(|_| ());
        }
    }
    c.s(", data (");
    c.dec(len as u64);
    c.s(" octets)");
    bytes(d, p, len).map(|_| ())
}
