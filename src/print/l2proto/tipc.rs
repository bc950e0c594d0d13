//! TIPC (ethertype 0x88ca): the header of payload, internal and neighbor
//! detection messages.

use super::super::out::Put;
use super::super::{Ctx, R, be32};
use super::tok;

const USERS: &[(u32, &str)] = &[
    (0, "Low Importance Data payload"),
    (1, "Medium Importance Data payload"),
    (2, "High Importance Data payload"),
    (3, "Critical Importance Data payload"),
    (5, "Broadcast Link Protocol internal"),
    (6, "Message Bundler Protocol internal"),
    (7, "Link State Protocol internal"),
    (8, "Connection Manager internal"),
    (10, "Link Changeover Protocol internal"),
    (11, "Name Table Update Protocol internal"),
    (12, "Message Fragmentation Protocol internal"),
    (13, "Neighbor Detection Protocol internal"),
];
/// tcpdump's message type names (its table swaps two of them).
const MTYPES: &[(u32, &str)] = &[
    (0, "CONN_MSG"),
    (1, "MCAST_MSG"),
    (2, "NAMED_MSG"),
    (3, "DIRECT_MSG"),
];
const LINKCONF_MTYPES: &[(u32, &str)] = &[(0, "Link request"), (1, "Link response")];

/// "zone.cluster.node".
fn addr(c: &mut Ctx, a: u32) {
    c.dec(a >> 24);
    c.s(".");
    c.dec((a >> 12) & 0xfff);
    c.s(".");
    c.dec(a & 0xfff);
}

/// ", headerlength N bytes, MessageSize N bytes, USER, messageType ".
fn sizes(c: &mut Ctx, w0: u32, user: u32) {
    c.s(", headerlength ");
    c.dec(((w0 >> 21) & 0x0f) * 4);
    c.s(" bytes, MessageSize ");
    c.dec(w0 & 0x1ffff);
    c.s(" bytes, ");
    c.s(tok(USERS, user).unwrap_or("unknown"));
    c.s(", messageType ");
}

fn version(c: &mut Ctx, w0: u32) {
    c.s("TIPC v");
    c.dec(w0 >> 29);
    c.s(".0 ");
}

fn payload(c: &mut Ctx, d: &[u8], w0: u32, user: u32) -> R {
    let w1 = be32(d, 4)?;
    let prev = be32(d, 12)?;
    let oport = be32(d, 16)?;
    let dport = be32(d, 20)?;
    let mtype = tok(MTYPES, w1 >> 29).unwrap_or("Unknown");
    if (w0 >> 21) & 0x0f <= 6 {
        version(c, w0);
        addr(c, prev);
        c.s(":");
        c.dec(oport);
        c.s(" > ");
        c.dec(dport);
        sizes(c, w0, user);
        c.s(mtype);
        return Ok(());
    }
    let onode = be32(d, 24)?;
    let dnode = be32(d, 28)?;
    version(c, w0);
    addr(c, onode);
    c.s(":");
    c.dec(oport);
    c.s(" > ");
    addr(c, dnode);
    c.s(":");
    c.dec(dport);
    sizes(c, w0, user);
    c.s(mtype);
    if c.opts.verbose > 0 {
        let w2 = be32(d, 8)?;
        c.s("\n\tPrevious Node ");
        addr(c, prev);
        c.s(", Broadcast Ack ");
        c.dec(w1 & 0xffff);
        c.s(", Link Ack ");
        c.dec(w2 >> 16);
        c.s(", Link Sequence ");
        c.dec(w2 & 0xffff);
    }
    Ok(())
}

fn internal(c: &mut Ctx, d: &[u8], w0: u32, user: u32) -> R {
    let w1 = be32(d, 4)?;
    let onode = be32(d, 24)?;
    let dnode = be32(d, 28)?;
    version(c, w0);
    addr(c, onode);
    c.s(" > ");
    addr(c, dnode);
    sizes(c, w0, user);
    c.s(tok(MTYPES, w1 >> 29).unwrap_or("Unknown"));
    c.s(" (0x");
    c.o.hexw(u64::from(w1), 8);
    c.s(")");
    if c.opts.verbose > 0 {
        let w2 = be32(d, 8)?;
        let prev = be32(d, 12)?;
        let w4 = be32(d, 16)?;
        let w5 = be32(d, 20)?;
        let tseq = be32(d, 32)?;
        let w9 = be32(d, 36)?;
        c.s("\n\tPrevious Node ");
        addr(c, prev);
        for (label, v) in [
            (", Session No. ", w5 >> 16),
            (", Broadcast Ack ", w1 & 0xffff),
            (", Sequence Gap ", (w1 >> 16) & 0x1fff),
            (",  Broadcast Gap After ", w2 >> 16),
            (", Broadcast Gap To ", w2 & 0xffff),
            (", Last Sent Packet No. ", w4 >> 16),
            (", Next sent Packet No. ", w4 & 0xffff),
            (", Transport Sequence ", tseq),
            (", msg_count ", w9 >> 16),
            (", Link Tolerance ", w9 & 0xffff),
        ] {
            c.s(label);
            c.dec(v);
        }
    }
    Ok(())
}

fn link_conf(c: &mut Ctx, d: &[u8], w0: u32, user: u32) -> R {
    let w1 = be32(d, 4)?;
    let domain = be32(d, 8)?;
    let prev = be32(d, 12)?;
    version(c, w0);
    addr(c, prev);
    c.s(" > ");
    addr(c, domain);
    sizes(c, w0, user);
    c.s(tok(LINKCONF_MTYPES, w1 >> 29).unwrap_or("Unknown"));
    if c.opts.verbose > 0 {
        let net = be32(d, 16)?;
        let w5 = be32(d, 20)?;
        c.s("\n\tNodeSignature ");
        c.dec(w1 & 0xffff);
        c.s(", network_id ");
        c.dec(net);
        c.s(", media_id ");
        c.dec(w5 & 0xff);
    }
    Ok(())
}

pub(crate) fn print(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "tipc";
    let w0 = be32(d, 0)?;
    let user = (w0 >> 25) & 0x0f;
    match user {
        0..=3 | 8 | 11 => payload(c, d, w0, user),
        13 => link_conf(c, d, w0, user),
        5 | 6 | 7 | 10 | 12 => internal(c, d, w0, user),
        _ => Ok(()),
    }
}
