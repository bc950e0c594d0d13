//! Ethernet II / 802.3 frames, 802.1Q and 802.1ad tags, and the ethertype demux.

use super::{Ctx, R, be16, llc};

pub(crate) const ETHERTYPE_IP: u16 = 0x0800;
pub(crate) const ETHERTYPE_ARP: u16 = 0x0806;
pub(crate) const ETHERTYPE_REVARP: u16 = 0x8035;
pub(crate) const ETHERTYPE_IPV6: u16 = 0x86dd;
const ETHERTYPE_8021Q: u16 = 0x8100;
const ETHERTYPE_8021Q9100: u16 = 0x9100;
const ETHERTYPE_8021Q9200: u16 = 0x9200;
const ETHERTYPE_8021QINQ: u16 = 0x88a8;
const ETHERTYPE_JUMBO: u16 = 0x8870;
const MAX_ETHERNET_LENGTH_VAL: u16 = 1500;

/// tcpdump's ethertype_values names.
pub(crate) fn ethertype_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0800 => "IPv4",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x86dd => "IPv6",
        0x8100 => "802.1Q",
        0x9100 => "802.1Q-9100",
        0x88a8 => "802.1Q-QinQ",
        0x9200 => "802.1Q-9200",
        0x88e5 => "802.1AE MACsec",
        0x0200 => "PUP",
        0x0806 => "ARP",
        0x8035 => "Reverse ARP",
        0x0600 => "NS",
        0x0500 => "Sprite",
        0x1000 => "Trail",
        0x6001 => "MOP DL",
        0x6002 => "MOP RC",
        0x6003 => "DN",
        0x6004 => "LAT",
        0x6007 => "SCA",
        0x6558 => "TEB",
        0x8038 => "Lanbridge",
        0x803c => "DEC DNS",
        0x803e => "DEC DTS",
        0x805b => "VEXP",
        0x805c => "VPROD",
        0x809b => "Appletalk",
        0x80f3 => "Appletalk ARP",
        0x8137 => "IPX",
        0x880b => "PPP",
        0x8808 => "MPCP",
        0x8809 => "Slow Protocols",
        0x8863 => "PPPoE D",
        0x8864 => "PPPoE S",
        0x888e => "EAPOL",
        0x8899 => "RRCP",
        0x886f => "MS NLB heartbeat",
        0x8870 => "Jumbo",
        0x894f => "NSH",
        0x9000 => "Loopback",
        0xfefe => "OSI",
        0x00fe => "GRE-OSI",
        0xabcd => "CFM (old)",
        0x8902 => "CFM",
        0x893a => "IEEE1905.1",
        0x88cc => "LLDP",
        0x88ca => "TIPC",
        0x0707 => "GeoNet (old)",
        0x8947 => "GeoNet",
        0x1111 => "CALM FAST",
        0x88a2 => "AoE",
        0x88f7 => "PTP",
        0xd28b => "Arista Vendor Specific Protocol",
        _ => return None,
    })
}

/// "ethertype NAME (0xXXXX)", or with -q just the name.
pub(crate) fn ether_type_print(c: &mut Ctx, t: u16) {
    if !c.opts.quiet {
        c.s("ethertype ");
        c.s(ethertype_name(t).unwrap_or("Unknown"));
        c.s(" (0x");
        super::Put::hexw(&mut c.o, u64::from(t), 4);
        c.s(")");
    } else {
        match ethertype_name(t) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown Ethertype (0x");
                super::Put::hexw(&mut c.o, u64::from(t), 4);
                c.s(")");
            }
        }
    }
}

fn addresses(c: &mut Ctx, d: &[u8]) {
    c.etheraddr(&d[6..12]);
    c.s(" > ");
    c.etheraddr(&d[0..6]);
    c.s(", ");
}

/// "vlan N, p P[, DEI]".
pub(crate) fn tci(c: &mut Ctx, tag: u16) {
    c.s("vlan ");
    c.dec(tag & 0xfff);
    c.s(", p ");
    c.dec(tag >> 13);
    if tag & 0x1000 != 0 {
        c.s(", DEI");
    }
}

/// An Ethernet frame; returns the link-layer header length (for `-x`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ether";
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(0);
    }
    c.depth += 1;
    let r = print_inner(c, d, length, None);
    c.depth -= 1;
    r
}

/// A switch tag between the source address and the type (Marvell DSA,
/// Broadcom): its length and its printer, which tcpdump runs with or without -e.
pub(crate) type SwitchTag = (usize, fn(&mut Ctx, &[u8]) -> R);

/// An Ethernet frame with a switch tag (tcpdump's ether_switch_tag_print);
/// `proto` names it in truncation marks.
pub(crate) fn print_switch_tagged(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    proto: &'static str,
    tag: SwitchTag,
) -> R<usize> {
    c.proto = proto;
    print_inner(c, d, length, Some(tag))
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize, tag: Option<SwitchTag>) -> R<usize> {
    let tag_len = tag.map_or(0, |t| t.0);
    // Only an encapsulated frame (VXLAN, Geneve, GRE) can claim less than was
    // captured of it.
    if length < d.len() {
        c.s("[length ");
        c.dec(length as u64);
        c.s(" < caplen ");
        c.dec(d.len() as u64);
        c.s("]");
        c.invalid();
        return Ok(length);
    }
    if d.len() < 14 + tag_len || length < 14 + tag_len {
        c.trunc_mark();
        return Ok(d.len().min(length));
    }
    let orig_length = length;
    let mut length = length - 12;
    let mut p = 12usize;
    if c.opts.link_header {
        addresses(c, d);
    }
    if let Some((n, print_tag)) = tag {
        print_tag(c, &d[p..p + n])?;
        p += n;
        length -= n;
    }
    let mut lt = be16(d, p)?;
    length -= 2;
    p += 2;
    let mut printed_length = false;
    while matches!(
        lt,
        ETHERTYPE_8021Q | ETHERTYPE_8021Q9100 | ETHERTYPE_8021Q9200 | ETHERTYPE_8021QINQ
    ) {
        let caplen = d.len() - p;
        if caplen < 4 || length < 4 {
            c.proto = "vlan";
            c.trunc_mark();
            return Ok(p + caplen.min(length));
        }
        if c.opts.link_header {
            let tag = be16(d, p)?;
            ether_type_print(c, lt);
            if !printed_length {
                c.s(", length ");
                c.dec(orig_length as u64);
                c.s(": ");
                printed_length = true;
            } else {
                c.s(", ");
            }
            tci(c, tag);
            c.s(", ");
        }
        lt = be16(d, p + 2)?;
        p += 4;
        length -= 4;
    }
    let payload = &d[p..];
    c.ll_hdr_len = p;
    if lt <= MAX_ETHERNET_LENGTH_VAL {
        let mut length = length;
        if usize::from(lt) < length {
            length = usize::from(lt);
        }
        let payload = super::cut(payload, length);
        if c.opts.link_header {
            c.s("802.3");
            if !printed_length {
                c.s(", length ");
                c.dec(length as u64);
                c.s(": ");
            }
        }
        let h = llc::print(c, payload, length, &d[6..12], &d[0..6])?;
        let h = match h {
            Ok(h) => h,
            Err(h) => {
                c.default_print(payload);
                h
            }
        };
        return Ok(p + h);
    }
    if lt == ETHERTYPE_JUMBO {
        let h = llc::print(c, payload, length, &d[6..12], &d[0..6])?;
        let h = match h {
            Ok(h) => h,
            Err(h) => {
                c.default_print(payload);
                h
            }
        };
        return Ok(p + h);
    }
    if c.opts.link_header {
        ether_type_print(c, lt);
        if !printed_length {
            c.s(", length ");
            c.dec(orig_length as u64);
            c.s(": ");
        } else {
            c.s(", ");
        }
    }
    if !ethertype_print(c, lt, payload, length)? {
        if !c.opts.link_header {
            addresses(c, d);
            ether_type_print(c, lt);
            c.s(", length ");
            c.dec(orig_length as u64);
            c.s(": ");
        }
        c.default_print(payload);
    }
    Ok(p)
}

/// Prints a payload given its ethertype; false if the type is not decoded.
pub(crate) fn ethertype_print(c: &mut Ctx, t: u16, d: &[u8], length: usize) -> R<bool> {
    match t {
        ETHERTYPE_IP => super::ip::print(c, d, length)?,
        ETHERTYPE_IPV6 => super::ip6::print(c, d, length)?,
        ETHERTYPE_ARP | ETHERTYPE_REVARP => super::arp::print(c, d, length)?,
        0x88cc => super::lldp::print(c, d, length)?,
        0x8809 => super::slow::print(c, d, length)?,
        0x9000 => super::l2misc::loopback(c, d, length)?,
        0x88f7 => super::l2misc::ptp(c, d, length)?,
        0x886f => super::l2misc::msnlb(c, d)?,
        0x8808 => super::l2misc::mpcp(c, d, length)?,
        0x8863 | 0x8864 | 0x3c12 | 0x3c13 => super::pppoe::print(c, d, length)?,
        0x8847 | 0x8848 => super::mpls::print(c, d, length)?,
        0x888e => super::eapol::print(c, d, length)?,
        0x809b => super::atalk::ethertalk(c, d, length, true)?,
        0x80f3 => super::atalk::aarp(c, d, length)?,
        0x6003 => super::decnet::print(c, d, length)?,
        0x894f => super::gpe::nsh(c, d, length)?,
        0x8137 => {
            c.s("(NOV-ETHII) ");
            super::ipx::print(c, d, length)?;
        }
        0x880b => {
            if length > 0 {
                c.s(": ");
                super::ppp::print(c, d, length)?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
