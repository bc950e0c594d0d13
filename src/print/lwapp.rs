//! LWAPP, the Lightweight Access Point Protocol (RFC 5412): control messages on
//! UDP 12223 (to the controller with the access point's MAC address first) and
//! data frames on UDP 12222 (the 802.11 frame as hex).

use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const TRANSPORT_LEN: usize = 6;
const CONTROL_LEN: usize = 8;

fn msg_type(t: u8) -> &'static str {
    match t {
        1 => "Discovery req",
        2 => "Discovery resp",
        3 => "Join req",
        4 => "Join resp",
        5 => "Join ack",
        6 => "Join confirm",
        10 => "Configure req",
        11 => "Configure resp",
        12 => "Update req",
        13 => "Update resp",
        14 => "WTP event req",
        15 => "WTP event resp",
        16 => "Change state event req",
        17 => "Change state event resp",
        22 => "Echo req",
        23 => "Echo resp",
        24 => "Image data req",
        25 => "Image data resp",
        26 => "Channel status req",
        27 => "Channel status resp",
        30 => "Key update req",
        31 => "Key update resp",
        32 => "Primary discovery req",
        33 => "Primary discovery resp",
        34 => "Data transfer req",
        35 => "Data transfer resp",
        36 => "Clear config ind",
        37 => "Wlan config req",
        38 => "Wlan config resp",
        39 => "Mobile config req",
        40 => "Mobile config resp",
        _ => "Unknown",
    }
}

fn flags(c: &mut Ctx, v: u8) {
    let mut sep = "";
    for (bit, name) in [
        (0x01, "Last Fragment Bit"),
        (0x02, "Fragment Bit"),
        (0x04, "Control Bit"),
    ] {
        if v & bit != 0 {
            c.s(sep);
            c.s(name);
            sep = ", ";
        }
    }
    if sep.is_empty() {
        c.s("none");
    }
}

/// "LWAPPvN, Control|Data frame"; false (after tcpdump's message) for a version
/// it does not decode.
fn head(c: &mut Ctx, v: u8) -> bool {
    if v >> 6 != 0 {
        c.s("LWAPP version ");
        c.dec(v >> 6);
        c.s(" packet not supported");
        return false;
    }
    c.s("LWAPPv0, ");
    c.s(if v & 0x04 != 0 { "Control" } else { "Data" });
    c.s(" frame, ");
    true
}

/// A control message; `ap_ident` when the access point's MAC address comes
/// first (messages to the controller port).
pub(crate) fn control(c: &mut Ctx, d: &[u8], len: usize, ap_ident: bool) -> R {
    c.proto = "lwapp_control";
    let t = if ap_ident { 6 } else { 0 };
    if d.len() < t + TRANSPORT_LEN {
        c.trunc_mark();
        return Ok(());
    }
    let v = u8_at(d, t)?;
    if !head(c, v) {
        return Ok(());
    }
    if c.opts.verbose < 1 {
        c.s("Flags [");
        flags(c, v & 7);
        c.s("], length ");
        c.dec(len as u64);
        return Ok(());
    }
    let mut tlen = usize::from(be16(d, t + 2)?);
    c.s("Radio-id ");
    c.dec((v >> 3) & 7);
    c.s(", Flags [");
    flags(c, v & 7);
    c.s("], Frag-id ");
    c.dec(u8_at(d, t + 1)?);
    c.s(", length ");
    c.dec(tlen as u64);
    if ap_ident {
        let m = bytes(d, 0, 6)?;
        c.s("\n\tAP identity: ");
        c.etheraddr(m);
    }
    let mut p = t + TRANSPORT_LEN;
    while tlen != 0 {
        if bytes(d, p, CONTROL_LEN).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        let mlen = usize::from(be16(d, p + 2)?);
        if tlen < CONTROL_LEN || tlen < CONTROL_LEN + mlen {
            c.s("\n\t  Msg goes past end of PDU");
            break;
        }
        let mt = u8_at(d, p)?;
        c.s("\n\t  Msg type: ");
        c.s(msg_type(mt));
        c.s(" (");
        c.dec(mt);
        c.s("), Seqnum: ");
        c.dec(u8_at(d, p + 1)?);
        c.s(", Msg len: ");
        c.dec(mlen as u64);
        c.s(", Session: 0x");
        c.o.hexw(u64::from(be32(d, p + 4)?), 8);
        // tcpdump checks the message length from the message header's start.
        if bytes(d, p, mlen).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        p += CONTROL_LEN + mlen;
        tlen -= CONTROL_LEN + mlen;
    }
    Ok(())
}

/// A data frame.
pub(crate) fn data(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "lwapp_data";
    if d.len() < TRANSPORT_LEN {
        c.trunc_mark();
        return Ok(());
    }
    let v = u8_at(d, 0)?;
    if !head(c, v) {
        return Ok(());
    }
    if c.opts.verbose < 1 {
        c.s("Flags [");
        flags(c, v & 7);
        c.s("], length ");
        c.dec(len as u64);
        return Ok(());
    }
    let tlen = usize::from(be16(d, 2)?);
    c.s("Radio-id  ");
    c.dec((v >> 3) & 7);
    c.s(", Flags [");
    flags(c, v & 7);
    c.s("], ");
    if tlen < TRANSPORT_LEN {
        c.s("length ");
        c.dec(tlen as u64);
        c.s(" < transport header length");
        return Ok(());
    }
    c.s("Frag-id  ");
    c.dec(u8_at(d, 1)?);
    c.s(", length ");
    c.dec(tlen as u64);
    unknown_data(c, d, TRANSPORT_LEN, "\n\t", tlen - TRANSPORT_LEN);
    Ok(())
}
