//! Link-layer dispatch and the non-Ethernet link headers: Linux cooked v1/v2,
//! BSD/OpenBSD loopback, raw IP (the serial links are in `serial.rs`).

use super::af::bsd_af_name;
use super::ether::{ethertype_name, ethertype_print, tci};
use super::out::Put;
use super::{Ctx, R, be16, be32, u8_at};
use crate::linktype::LinkType;

/// Prints a packet of link type `lt`; returns the link-layer header length.
pub(crate) fn print(c: &mut Ctx, lt: LinkType, d: &[u8], len: usize) -> R<usize> {
    match lt {
        LinkType::En10mb => super::ether::print(c, d, len),
        LinkType::LinuxSll => sll(c, d, len),
        LinkType::LinuxSll2 => sll2(c, d, len),
        LinkType::Null | LinkType::Loop => null(c, d, len),
        LinkType::Raw | LinkType::Ipv4 | LinkType::Ipv6 => {
            if c.opts.link_header {
                c.s("ip: ");
            }
            ip_n(c, d, len)?;
            Ok(0)
        }
        LinkType::Ppp | LinkType::PppPppd => super::serial::ppp(c, d, len),
        LinkType::PppSerial => super::serial::ppp_serial(c, d, len),
        LinkType::PppEther => super::serial::ppp_ether(c, d, len),
        LinkType::CHdlc => super::serial::chdlc(c, d, len),
        LinkType::Other(v) if super::juniper::is_juniper(v) => super::juniper::print(c, v, d, len),
        LinkType::Other(105) => super::wifi::ieee802_11(c, d, len),
        LinkType::Other(119) => super::wifi::prism(c, d, len),
        LinkType::Other(127) => super::wifi::radiotap(c, d, len),
        LinkType::Other(163) => super::wifi::avs(c, d, len),
        LinkType::Other(192) => super::wifi::ppi(c, d, len),
        LinkType::Other(8) => super::slip::print(c, d, len),
        LinkType::Other(15 | 102) => super::slip::print_bsdos(c, d, len),
        LinkType::Other(114) => super::atalk::ltalk(c, d, len),
        LinkType::Other(149 | 258) => super::pktap::print(c, d, len),
        LinkType::Other(109) => super::enc::print(c, d, len),
        LinkType::Other(123) => super::atm::sunatm(c, d, len),
        LinkType::Other(11 | 100) => super::atm::rfc1483(c, d, len),
        LinkType::Other(v) => {
            super::linkmore::print(c, u32::from(v), d, len).unwrap_or_else(|| {
                unsupported(c, d);
                Ok(0)
            })
        }
    }
}

/// tcpdump's form for a link type it has no printer for: the protocol name in
/// capitals, then every captured byte in hex and ASCII.
fn unsupported(c: &mut Ctx, d: &[u8]) {
    c.proto = "unsupported";
    c.s("UNSUPPORTED");
    super::hex::hex_and_ascii(&mut c.o, "\n\t", d, 0);
}

/// IPv4 or IPv6 by the version nibble.
pub(crate) fn ip_n(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ipn";
    if len < 1 {
        c.s("truncated-ip ");
        c.dec(len as u64);
        return Ok(());
    }
    let v = u8_at(d, 0)? & 0xf0;
    match v {
        0x40 => super::ip::print(c, d, len),
        0x60 => super::ip6::print(c, d, len),
        _ => {
            c.s("unknown ip ");
            c.dec(v >> 4);
            Ok(())
        }
    }
}

fn pkttype(c: &mut Ctx, t: u16) {
    let name = match t {
        0 => "In",
        1 => "B",
        2 => "M",
        3 => "P",
        4 => "Out",
        _ => "?",
    };
    // "%3s": right-aligned in three columns
    for _ in name.len()..3 {
        c.o.push(b' ');
    }
    c.s(name);
}

fn sll_proto(c: &mut Ctx, proto: u16) {
    if c.opts.quiet {
        return;
    }
    if proto <= 1500 {
        match proto {
            1 => c.s("802.3"),
            4 => c.s("802.2"),
            _ => {
                c.s("ethertype Unknown (0x");
                c.o.hexw(u64::from(proto), 4);
                c.s(")");
            }
        }
    } else {
        c.s("ethertype ");
        c.s(ethertype_name(proto).unwrap_or("Unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(proto), 4);
        c.s(")");
    }
}

/// tcpdump's sll_print: the cooked header with -e (or before an undecoded payload).
fn sll_header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    pkttype(c, be16(d, 0)?);
    c.s(" ");
    if be16(d, 4)? == 6 {
        c.etheraddr(super::bytes(d, 6, 6)?);
        c.s(" ");
    }
    if !c.opts.quiet {
        sll_proto(c, be16(d, 14)?);
        c.s(", length ");
        c.dec(length as u64);
        c.s(": ");
    }
    Ok(())
}

fn sll(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "sll";
    if d.len() < 16 {
        return Err(super::Trunc);
    }
    if c.opts.link_header {
        sll_header(c, d, length)?;
    }
    if be16(d, 2)? == ARPHRD_IEEE80211_RADIOTAP {
        return radiotap_payload(c, d, 16, length);
    }
    let proto = be16(d, 14)?;
    cooked_payload(c, d, 16, length.saturating_sub(16), proto, |c, rest| {
        sll_header(c, d, rest + 16)
    })
}

/// The ARPHRD type of an interface whose packets start with a radiotap header.
const ARPHRD_IEEE80211_RADIOTAP: u16 = 803;

/// A cooked packet from a radiotap interface: tcpdump decodes the payload as
/// radiotap and 802.11 whatever the protocol field says.
fn radiotap_payload(c: &mut Ctx, d: &[u8], hdrlen: usize, length: usize) -> R<usize> {
    c.ll_hdr_len = hdrlen;
    let length = length.saturating_sub(hdrlen);
    let h = super::wifi::radiotap(c, &d[hdrlen.min(d.len())..], length)?;
    Ok(hdrlen + h)
}

/// Payload of a cooked header, shared by SLL and SLL2.
fn cooked_payload(
    c: &mut Ctx,
    d: &[u8],
    mut hdrlen: usize,
    mut length: usize,
    mut proto: u16,
    header: impl Fn(&mut Ctx, usize) -> R,
) -> R<usize> {
    loop {
        let p = &d[hdrlen.min(d.len())..];
        c.ll_hdr_len = hdrlen;
        if proto <= 1500 {
            match proto {
                1 => {
                    // Novell raw 802.3: IPX with no LLC header.
                    super::ipx::print(c, p, length)?;
                    return Ok(hdrlen);
                }
                4 => {
                    // 802.2 LLC; no MAC addresses to show.
                    match super::llc::print(c, p, length, &[], &[])? {
                        Ok(h) => return Ok(hdrlen + h),
                        Err(_) => {
                            // An undecoded LLC frame: -x dumps it from its LLC header.
                            c.default_print(p);
                            return Ok(hdrlen);
                        }
                    }
                }
                _ => {
                    c.default_print(p);
                    return Ok(hdrlen);
                }
            }
        } else if proto == 0x8100 {
            if p.len() < 4 || length < 4 {
                c.proto = "vlan";
                c.trunc_mark();
                return Ok(hdrlen + p.len().min(length));
            }
            if c.opts.link_header {
                tci(c, be16(p, 0)?);
                c.s(", ");
            }
            proto = be16(p, 2)?;
            if proto <= 1500 {
                proto = 4;
            }
            if !c.opts.quiet {
                c.s("ethertype ");
                c.s(ethertype_name(proto).unwrap_or("Unknown"));
                c.s(", ");
            }
            hdrlen += 4;
            length = length.saturating_sub(4);
            continue;
        } else {
            if !ethertype_print(c, proto, p, length)? {
                if !c.opts.link_header {
                    // tcpdump shows the length left after any VLAN tags.
                    header(c, length)?;
                }
                c.default_print(p);
            }
            return Ok(hdrlen);
        }
    }
}

fn sll2_header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.s("ifindex ");
    c.dec(be32(d, 4)?);
    c.s(" ");
    if u8_at(d, 11)? == 6 {
        c.etheraddr(super::bytes(d, 12, 6)?);
        c.s(" ");
    }
    if !c.opts.quiet {
        sll_proto(c, be16(d, 0)?);
        c.s(", length ");
        c.dec(length as u64);
        c.s(": ");
    }
    Ok(())
}

/// Interface name of an index on this host (tcpdump resolves SLL2 indexes with
/// if_indextoname where it reads the file), "?" if there is none.
fn ifname(index: u32) -> String {
    crate::capture::os::interface_name(index).unwrap_or_else(|| "?".to_string())
}

fn sll2(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "sll2";
    if d.len() < 20 {
        return Err(super::Trunc);
    }
    let name = ifname(be32(d, 4)?);
    c.s(&name);
    for _ in name.len()..5 {
        c.s(" ");
    }
    c.s(" ");
    let pt = match u8_at(d, 10)? {
        0 => "In",
        1 => "B",
        2 => "M",
        3 => "P",
        4 => "Out",
        _ => "?",
    };
    c.s(pt);
    for _ in pt.len()..3 {
        c.s(" ");
    }
    c.s(" ");
    if c.opts.link_header {
        sll2_header(c, d, length)?;
    }
    if be16(d, 8)? == ARPHRD_IEEE80211_RADIOTAP {
        return radiotap_payload(c, d, 20, length);
    }
    let proto = be16(d, 0)?;
    cooked_payload(c, d, 20, length.saturating_sub(20), proto, |c, rest| {
        sll2_header(c, d, rest + 20)
    })
}

fn null_header(c: &mut Ctx, af: u32, length: usize) {
    if !c.opts.quiet {
        c.s("AF ");
        c.s(bsd_af_name(af).unwrap_or("Unknown"));
        c.s(" (");
        c.dec(af);
        c.s(")");
    } else {
        match bsd_af_name(af) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown AF ");
                c.dec(af);
            }
        }
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

/// DLT_NULL (family in the capturing host's byte order) and DLT_LOOP (network
/// order). tcpdump reads both in its own byte order and swaps the value when
/// its upper half is not zero, so a LOOP family with both halves set shows
/// byte-swapped; so does ours.
fn null(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "null";
    if d.len() < 4 {
        return Err(super::Trunc);
    }
    let raw = [d[0], d[1], d[2], d[3]];
    let mut af = u32::from_ne_bytes(raw);
    if af & 0xffff0000 != 0 {
        af = af.swap_bytes();
    }
    if c.opts.link_header {
        null_header(c, af, length);
    }
    let full = length;
    let length = length.saturating_sub(4);
    let p = &d[4..];
    c.ll_hdr_len = 4;
    match af {
        2 => super::ip::print(c, p, length)?,
        24 | 28 | 30 => super::ip6::print(c, p, length)?,
        16 => super::l2proto::atalk::print(c, p, length)?,
        7 => super::osi::print(c, p, length)?,
        23 => super::ipx::print(c, p, length)?,
        _ => {
            if !c.opts.link_header {
                null_header(c, af, full);
            }
            c.default_print(p);
        }
    }
    Ok(4)
}
