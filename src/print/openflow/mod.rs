//! OpenFlow (TCP 6653 and 6633) as tcpdump 4.99 prints it: one line per message
//! of the segment with version, type, length and transaction id, marks for
//! lengths that break the message type's size rule, and, with -v, the message
//! bodies tcpdump decodes (1.0 in v10.rs, 1.3 in v13.rs).

mod common;
mod v10;
mod v13;

use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, u8_at};
use common::Body as Span;

/// Every message starts with version, type, length and xid.
const HEADER_LEN: usize = 8;

/// What a message type requires of its body length (after the header).
#[derive(Clone, Copy)]
enum Size {
    Exactly(usize),
    AtLeast(usize),
}

struct MsgType {
    name: &'static str,
    size: Size,
}

const fn t(name: &'static str, size: Size) -> MsgType {
    MsgType { name, size }
}

use Size::{AtLeast, Exactly};

/// OpenFlow 1.0 message types by number (the size rules are tcpdump's).
const OF10: [MsgType; 22] = [
    t("HELLO", AtLeast(0)),
    t("ERROR", AtLeast(4)),
    t("ECHO_REQUEST", AtLeast(0)),
    t("ECHO_REPLY", AtLeast(0)),
    t("VENDOR", AtLeast(4)),
    t("FEATURES_REQUEST", Exactly(0)),
    t("FEATURES_REPLY", AtLeast(24)),
    t("GET_CONFIG_REQUEST", Exactly(0)),
    t("GET_CONFIG_REPLY", Exactly(4)),
    t("SET_CONFIG", Exactly(4)),
    t("PACKET_IN", AtLeast(10)),
    t("FLOW_REMOVED", Exactly(80)),
    t("PORT_STATUS", Exactly(56)),
    t("PACKET_OUT", AtLeast(8)),
    t("FLOW_MOD", AtLeast(64)),
    t("PORT_MOD", Exactly(24)),
    t("STATS_REQUEST", AtLeast(4)),
    t("STATS_REPLY", AtLeast(4)),
    t("BARRIER_REQUEST", Exactly(0)),
    t("BARRIER_REPLY", Exactly(0)),
    t("QUEUE_GET_CONFIG_REQUEST", Exactly(4)),
    t("QUEUE_GET_CONFIG_REPLY", AtLeast(8)),
];

/// OpenFlow 1.3 message types by number.
const OF13: [MsgType; 30] = [
    t("HELLO", AtLeast(0)),
    t("ERROR", AtLeast(4)),
    t("ECHO_REQUEST", AtLeast(0)),
    t("ECHO_REPLY", AtLeast(0)),
    t("EXPERIMENTER", AtLeast(8)),
    t("FEATURES_REQUEST", Exactly(0)),
    t("FEATURES_REPLY", Exactly(24)),
    t("GET_CONFIG_REQUEST", Exactly(0)),
    t("GET_CONFIG_REPLY", Exactly(4)),
    t("SET_CONFIG", Exactly(4)),
    t("PACKET_IN", AtLeast(0)),
    t("FLOW_REMOVED", AtLeast(0)),
    t("PORT_STATUS", Exactly(72)),
    t("PACKET_OUT", AtLeast(0)),
    t("FLOW_MOD", AtLeast(0)),
    t("GROUP_MOD", AtLeast(0)),
    t("PORT_MOD", Exactly(32)),
    t("TABLE_MOD", Exactly(8)),
    t("MULTIPART_REQUEST", AtLeast(0)),
    t("MULTIPART_REPLY", AtLeast(0)),
    t("BARRIER_REQUEST", Exactly(0)),
    t("BARRIER_REPLY", Exactly(0)),
    t("QUEUE_GET_CONFIG_REQUEST", Exactly(8)),
    t("QUEUE_GET_CONFIG_REPLY", AtLeast(0)),
    t("ROLE_REQUEST", Exactly(16)),
    t("ROLE_REPLY", Exactly(16)),
    t("GET_ASYNC_REQUEST", Exactly(0)),
    t("GET_ASYNC_REPLY", Exactly(24)),
    t("SET_ASYNC", Exactly(24)),
    t("METER_MOD", AtLeast(0)),
];

fn version_name(v: u8) -> Option<&'static str> {
    Some(match v {
        1 => "1.0",
        2 => "1.1",
        3 => "1.2",
        4 => "1.3",
        5 => "1.4",
        6 => "1.5",
        _ => return None,
    })
}

/// Only 1.0 and 1.3 messages have their types named.
fn msg_type(version: u8, kind: u8) -> Option<&'static MsgType> {
    match version {
        1 => OF10.get(usize::from(kind)),
        4 => OF13.get(usize::from(kind)),
        _ => None,
    }
}

/// Fails as truncated unless `n` bytes from `p` were captured.
fn captured(d: &[u8], p: usize, n: usize) -> R {
    if p.saturating_add(n) <= d.len() {
        Ok(())
    } else {
        Err(Trunc)
    }
}

/// The messages of one TCP segment, `length` bytes declared, of which `d` was
/// captured. The segment is taken to start on a message boundary.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "openflow";
    c.s(": OpenFlow");
    let (mut p, mut len) = (0usize, length);
    while len > 0 {
        let version = u8_at(d, p)?;
        (p, len) = (p + 1, len - 1);
        c.s("\n\tversion ");
        match version_name(version) {
            Some(name) => c.s(name),
            None => unknown(c, version),
        }
        if len < 1 {
            return partial_header(c, d, p, len);
        }
        let kind = u8_at(d, p)?;
        (p, len) = (p + 1, len - 1);
        let info = msg_type(version, kind);
        c.s(", type ");
        match info {
            Some(info) => c.s(info.name),
            None => unknown(c, kind),
        }
        if len < 2 {
            return partial_header(c, d, p, len);
        }
        let msg_len = usize::from(be16(d, p)?);
        (p, len) = (p + 2, len - 2);
        c.s(", length ");
        c.dec(msg_len as u64);
        if msg_len < HEADER_LEN {
            c.s(" (too short!)");
        }
        if len < 4 {
            return partial_header(c, d, p, len);
        }
        let xid = be32(d, p)?;
        c.s(", xid 0x");
        c.o.hexw(u64::from(xid), 8);
        (p, len) = (p + 4, len - 4);
        if msg_len < HEADER_LEN {
            // A message shorter than its header spoils the rest of the segment.
            c.s(" (invalid)");
            return captured(d, p, len);
        }
        let body = msg_len - HEADER_LEN;
        message(c, d, p, body, version, kind)?;
        if body > len {
            break;
        }
        (p, len) = (p + body, len - body);
    }
    Ok(())
}

/// A message body of `len` declared bytes at `p`.
fn message(c: &mut Ctx, d: &[u8], p: usize, len: usize, version: u8, kind: u8) -> R {
    let info = msg_type(version, kind);
    let Some(info) = info else {
        return captured(d, p, len);
    };
    let fits = match info.size {
        Exactly(n) => len == n,
        AtLeast(n) => len >= n,
    };
    if !fits {
        c.s(" (invalid)");
        return captured(d, p, len);
    }
    if c.opts.verbose == 0 {
        return captured(d, p, len);
    }
    let span = Span::new(d, p, len);
    match version {
        1 => v10::body(c, span, kind),
        _ => v13::body(c, span, kind),
    }
}

/// The segment ended inside a message header.
fn partial_header(c: &mut Ctx, d: &[u8], p: usize, len: usize) -> R {
    c.s(" (end of TCP payload)");
    captured(d, p, len)
}

/// tcpdump's "unknown (0x%02x)".
fn unknown(c: &mut Ctx, v: u8) {
    c.s("unknown (0x");
    c.o.hexw(u64::from(v), 2);
    c.s(")");
}
