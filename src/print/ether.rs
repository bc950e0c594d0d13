//! Ethernet II / 802.3 frames, 802.1Q and 802.1ad tags, and the ethertype demux.

use super::l2proto::{arista, macsec};
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
const ETHERTYPE_MACSEC: u16 = 0x88e5;
const ETHERTYPE_ARISTA: u16 = 0xd28b;
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
        0x8899 => "Realtek protocols",
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
    // tcpdump's snapend (MACsec moves it before the ICV) and caplen.
    let mut end = d.len();
    let mut caplen = d.len() - p;
    let mut lt;
    // tcpdump's "recurse": an Arista header is followed by another type.
    let printed_length = loop {
        lt = be16(&d[..end], p)?;
        length = length.saturating_sub(2);
        caplen = caplen.saturating_sub(2);
        p += 2;
        let mut printed_length = false;
        if lt == ETHERTYPE_MACSEC {
            if c.opts.link_header {
                ether_type_print(c, lt);
                c.s(", length ");
                c.dec(orig_length as u64);
                c.s(": ");
                printed_length = true;
            }
            let addrs = (&d[6..12], &d[0..6]);
            match macsec::print(c, &d[p..end], length, caplen, addrs) {
                macsec::After::Stop(n) => return Ok(p + n),
                macsec::After::Encrypted { hdr } => {
                    c.default_print(&d[p + hdr..end]);
                    return Ok(p + hdr);
                }
                macsec::After::Clear {
                    hdr,
                    length: l,
                    caplen: cl,
                } => {
                    p += hdr;
                    end -= 16;
                    (length, caplen) = (l, cl);
                    lt = be16(&d[..end], p)?;
                    if caplen < 2 {
                        c.s(" [caplen ");
                        c.dec(caplen as u64);
                        c.s(" < 2]");
                        return Ok(p);
                    }
                    length -= 2;
                    caplen -= 2;
                    p += 2;
                }
            }
        }
        while matches!(
            lt,
            ETHERTYPE_8021Q | ETHERTYPE_8021Q9100 | ETHERTYPE_8021Q9200 | ETHERTYPE_8021QINQ
        ) {
            if caplen < 4 || length < 4 {
                c.proto = "vlan";
                c.trunc_mark();
                return Ok(p + caplen.min(length));
            }
            if c.opts.link_header {
                let tag = be16(&d[..end], p)?;
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
            lt = be16(&d[..end], p + 2)?;
            p += 4;
            length -= 4;
            caplen -= 4;
        }
        if lt != ETHERTYPE_ARISTA {
            break printed_length;
        }
        if caplen < 2 || length < 2 {
            c.s("[|arista]");
            return Ok(p + caplen.min(length));
        }
        ether_type_print(c, lt);
        c.s(", length ");
        c.dec(orig_length as u64);
        c.s(": ");
        match arista::print(c, &d[p..end])? {
            Some(n) => {
                p += n;
                length = length.saturating_sub(n);
                caplen = caplen.saturating_sub(n);
            }
            None => {
                if !c.opts.link_header {
                    addresses(c, d);
                    ether_type_print(c, lt);
                    c.s(", length ");
                    c.dec(orig_length as u64);
                    c.s(": ");
                }
                c.default_print(d.get(p..p + caplen).unwrap_or(&[]));
                return Ok(p);
            }
        }
    };
    let payload = &d[p..end];
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
    if !ethertype_print_from(c, lt, payload, length, Some((&d[6..12], &d[0..6])))? {
        if !c.opts.link_header {
            addresses(c, d);
            ether_type_print(c, lt);
            c.s(", length ");
            c.dec(orig_length as u64);
            c.s(": ");
        }
        c.default_print(&payload[..caplen.min(payload.len())]);
    }
    Ok(p)
}

/// Prints a payload given its ethertype; false if the type is not decoded.
pub(crate) fn ethertype_print(c: &mut Ctx, t: u16, d: &[u8], length: usize) -> R<bool> {
    ethertype_print_from(c, t, d, length, None)
}

/// `ethertype_print` on a link whose source and destination addresses some
/// printers show.
pub(crate) fn ethertype_print_from(
    c: &mut Ctx,
    t: u16,
    d: &[u8],
    length: usize,
    addrs: Option<(&[u8], &[u8])>,
) -> R<bool> {
    use super::l2proto as l2;
    let src = addrs.map(|a| a.0);
    match t {
        0x88a2 => l2::aoe::print(c, d, length)?,
        0x8947 | 0x0707 => l2::geonet::print(c, d, length, src)?,
        0x1111 => l2::calm_fast::print(c, d, length, src)?,
        0x8902 | 0xabcd => l2::cfm::print(c, d, length)?,
        0x88ca => l2::tipc::print(c, d)?,
        0x8899 => l2::realtek::print(c, d, addrs)?,
        0x80f3 => l2::aarp::print(c, d, length)?,
        0x809b => l2::atalk::print_et1(c, d, length)?,
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
        0x6003 => super::decnet::print(c, d, length)?,
        0x894f => super::gpe::nsh(c, d, length)?,
        0xfefe => super::osi::ethertype_iso(c, d, length)?,
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
