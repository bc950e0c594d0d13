//! Serial-line link layers: PPP (DLT_PPP), PPP in HDLC-like framing
//! (DLT_PPP_SERIAL), Cisco HDLC (DLT_C_HDLC, with SLARP) and PPPoE without an
//! Ethernet header (DLT_PPP_ETHER), as tcpdump 4.99 prints them. The PPP payload
//! itself is `ppp.rs`'s.

use super::out::Put;
use super::{Ctx, R, be16, be32, u8_at};

/// Address, control and the 16-bit protocol.
const PPP_HDRLEN: usize = 4;
const CHDLC_HDRLEN: usize = 4;
/// Address bytes of Cisco HDLC frames (unicast, broadcast).
const CHDLC_UNICAST: u8 = 0x0f;
const CHDLC_BCAST: u8 = 0x8f;
const PPP_ADDRESS: u8 = 0xff;

const CHDLC_TYPE_SLARP: u16 = 0x8035;

/// The payload of a packet too short for the link header: tcpdump marks it
/// truncated and counts what there is as link header (so `-x` shows nothing).
fn short(c: &mut Ctx, d: &[u8]) -> R<usize> {
    c.trunc_mark();
    Ok(d.len())
}

/// DLT_PPP (tcpdump's ppp_if_print): the frame as `ppp_print` decodes it, with a
/// link header counted as 4 bytes whatever the framing.
pub(crate) fn ppp(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ppp";
    if d.len() < PPP_HDRLEN {
        return short(c, d);
    }
    super::ppp::print(c, d, length)?;
    Ok(PPP_HDRLEN)
}

/// DLT_PPP_SERIAL (tcpdump's ppp_hdlc_if_print): RFC 1662 framing, Cisco HDLC
/// frames, or an unknown address byte.
pub(crate) fn ppp_serial(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ppp_hdlc";
    if d.len() < 2 {
        return short(c, d);
    }
    let addr = u8_at(d, 0)?;
    if addr == CHDLC_UNICAST || addr == CHDLC_BCAST {
        return chdlc(c, d, length);
    }
    if d.len() < 4 {
        return short(c, d);
    }
    if c.opts.link_header {
        c.o.hexw(u64::from(addr), 2);
        c.s(" ");
        c.o.hexw(u64::from(u8_at(d, 1)?), 2);
        c.s(" ");
        c.dec(length as u64);
        c.s(" ");
    }
    if addr != PPP_ADDRESS {
        c.s("unknown addr ");
        c.o.hexw(u64::from(u8_at(d, 2)?), 2);
        c.s("; ctrl ");
        c.o.hexw(u64::from(u8_at(d, 3)?), 2);
        return Ok(2);
    }
    let proto = be16(d, 2)?;
    match super::ppp::proto_name(proto) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown PPP protocol (0x");
            c.o.hexw(u64::from(proto), 4);
            c.s(")");
        }
    }
    c.s(": ");
    super::ppp::handle(
        c,
        proto,
        &d[PPP_HDRLEN..],
        length.saturating_sub(PPP_HDRLEN),
    )?;
    Ok(PPP_HDRLEN)
}

/// DLT_PPP_ETHER (tcpdump's pppoe_if_print): a PPPoE header and its payload.
pub(crate) fn ppp_ether(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    super::pppoe::print_len(c, d, length)
}

/// Cisco HDLC (tcpdump's chdlc_print): address, control, Ethernet type.
pub(crate) fn chdlc(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "chdlc";
    if length < CHDLC_HDRLEN {
        return short(c, d);
    }
    let proto = be16(d, 2)?;
    if c.opts.link_header {
        match u8_at(d, 0)? {
            CHDLC_UNICAST => c.s("unicast"),
            CHDLC_BCAST => c.s("bcast"),
            other => {
                c.s("0x");
                c.o.hexw(u64::from(other), 2);
            }
        }
        c.s(", ethertype ");
        c.s(super::ether::ethertype_name(proto).unwrap_or("Unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(proto), 4);
        c.s("), length ");
        c.dec(length as u64);
        c.s(": ");
    }
    let p = &d[CHDLC_HDRLEN..];
    let length = length - CHDLC_HDRLEN;
    match proto {
        0x0800 => super::ip::print(c, p, length)?,
        0x86dd => super::ip6::print(c, p, length)?,
        CHDLC_TYPE_SLARP => slarp(c, p, length)?,
        0xfefe => {
            if !super::osi::chdlc_iso(c, p, length)? {
                return Ok(d.len());
            }
        }
        0x8847 | 0x8848 => super::mpls::print(c, p, length)?,
        _ => {
            if !c.opts.link_header {
                c.s("unknown CHDLC protocol (0x");
                c.o.hexw(u64::from(proto), 4);
                c.s(")");
            }
        }
    }
    Ok(CHDLC_HDRLEN)
}

/// Fixed part of a SLARP packet, and with the optional uptime of keepalives.
const SLARP_MIN_LEN: usize = 14;
const SLARP_MAX_LEN: usize = 18;

/// Cisco's Serial Line ARP: address requests and replies, keepalives.
fn slarp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "chdlc_slarp";
    c.s("SLARP (length: ");
    c.dec(length as u64);
    c.s("), ");
    if length < SLARP_MIN_LEN || d.len() < SLARP_MIN_LEN {
        c.trunc_mark();
        return Ok(());
    }
    let code = be32(d, 0)?;
    // tcpdump's cursor: the -vv dump starts 4 bytes after it, and reading a
    // keepalive's uptime moves it to the uptime.
    let mut cursor = 0;
    match code {
        0 => c.s("request"),
        1 => {
            c.s("reply ");
            c.ipaddr(super::bytes(d, 4, 4)?);
            c.s("/");
            c.ipaddr(super::bytes(d, 8, 4)?);
        }
        2 => {
            c.s("keepalive: mineseen=0x");
            c.o.hexw(u64::from(be32(d, 4)?), 8);
            c.s(", yourseen=0x");
            c.o.hexw(u64::from(be32(d, 8)?), 8);
            c.s(", reliability=0x");
            c.o.hexw(u64::from(be16(d, 12)?), 4);
            if length >= SLARP_MAX_LEN {
                cursor = SLARP_MIN_LEN;
                let mut sec = be32(d, SLARP_MIN_LEN)? / 1000;
                let mut min = sec / 60;
                sec -= min * 60;
                let mut hrs = min / 60;
                min -= hrs * 60;
                let days = hrs / 24;
                hrs -= days * 24;
                c.s(", link uptime=");
                c.dec(days);
                c.s("d");
                c.dec(hrs);
                c.s("h");
                c.dec(min);
                c.s("m");
                c.dec(sec);
                c.s("s");
            }
        }
        _ => {
            c.s("0x");
            c.o.hexw(u64::from(code), 2);
            c.s(" unknown");
            if c.opts.verbose <= 1 {
                super::ppp::unknown_data(c, d, 4, "\n\t", length - 4);
            }
        }
    }
    if length > SLARP_MAX_LEN && c.opts.verbose > 0 {
        c.s(", (trailing junk: ");
        c.dec((length - SLARP_MAX_LEN) as u64);
        c.s(" bytes)");
    }
    if c.opts.verbose > 1 {
        super::ppp::unknown_data(c, d, cursor + 4, "\n\t", length - 4);
    }
    Ok(())
}
