//! SOME/IP, the automotive Scalable service-Oriented MiddlewarE over IP (UDP
//! 30490): the 16-byte header. As tcpdump 4.99 does, the line ends with an extra
//! newline.

use super::{Ctx, R, be32, u8_at};

fn message_type(t: u8) -> &'static str {
    match t {
        0x00 => "REQUEST",
        0x01 => "REQUEST_NO_RETURN",
        0x02 => "NOTIFICATION",
        0x80 => "RESPONSE",
        0x81 => "ERROR",
        0x20 => "TP_REQUEST",
        0x21 => "TP_REQUEST_NO_RETURN",
        0x22 => "TP_NOTIFICATION",
        0xa0 => "TP_RESPONSE",
        0xa1 => "TP_ERROR",
        _ => "Unknown",
    }
}

fn return_code(r: u8) -> &'static str {
    match r {
        0x00 => "E_OK",
        0x01 => "E_NOT_OK",
        0x02 => "E_UNKNOWN_SERVICE",
        0x03 => "E_UNKNOWN_METHOD",
        0x04 => "E_NOT_READY",
        0x05 => "E_NOT_REACHABLE",
        0x06 => "E_TIMEOUT",
        0x07 => "E_WRONG_PROTOCOL_VERSION",
        0x08 => "E_WRONG_INTERFACE_VERSION",
        0x09 => "E_MALFORMED_MESSAGE",
        0x0a => "E_WRONG_MESSAGE_TYPE",
        0x0b => "E_E2E_REPEATED",
        0x0c => "E_E2E_WRONG_SEQUENCE",
        0x0d => "E_E2E",
        0x0e => "E_E2E_NOT_AVAILABLE",
        0x0f => "E_E2E_NO_NEW_DATA",
        _ => "Unknown",
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "someip";
    c.s("SOMEIP");
    if len < 16 {
        c.invalid();
        return Ok(());
    }
    let id = be32(d, 0)?;
    c.s(", service ");
    c.dec(id >> 16);
    c.s(if id & 0x8000 != 0 {
        ", event "
    } else {
        ", method "
    });
    c.dec(id & 0x7fff);
    let mlen = be32(d, 4)?;
    c.s(", len ");
    c.dec(mlen);
    let req = be32(d, 8)?;
    c.s(", client ");
    c.dec(req >> 16);
    c.s(", session ");
    c.dec(req & 0xffff);
    let pver = u8_at(d, 12)?;
    c.s(", pver ");
    c.dec(pver);
    let iver = u8_at(d, 13)?;
    c.s(", iver ");
    c.dec(iver);
    let t = u8_at(d, 14)?;
    c.s(", msgtype ");
    c.s(message_type(t));
    let r = u8_at(d, 15)?;
    c.s(", retcode ");
    c.s(return_code(r));
    c.s("\n");
    Ok(())
}
