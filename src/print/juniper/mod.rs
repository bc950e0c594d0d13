//! The Juniper link types (DLT_JUNIPER_*), as tcpdump 4.99 prints them.
//!
//! Every Juniper capture starts with the same header: the magic "MGC", a flags
//! byte (direction, no-L2, extensions present), optional extension TLVs
//! (interface index, name, media type, encapsulation), then for most PIC types
//! a cookie whose length depends on the PIC and on its first byte (link
//! services and adaptive services cookies). What follows is the PIC's payload:
//! Ethernet, PPP, Cisco HDLC, Frame Relay, ATM cells and AAL5 frames (LLC,
//! Cisco NLPID, PPP or bare IP), multilink bundles, IPsec SAs, and the
//! services and monitoring PICs' IP packets. The payload goes to the printers
//! of those protocols; this module decodes only the Juniper parts.

mod tables;

use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

pub(crate) const DLT_MLPPP: u16 = 130;
pub(crate) const DLT_MLFR: u16 = 131;
pub(crate) const DLT_ES: u16 = 132;
pub(crate) const DLT_GGSN: u16 = 133;
pub(crate) const DLT_MFR: u16 = 134;
pub(crate) const DLT_ATM2: u16 = 135;
pub(crate) const DLT_SERVICES: u16 = 136;
pub(crate) const DLT_ATM1: u16 = 137;
pub(crate) const DLT_MONITOR: u16 = 164;
pub(crate) const DLT_PPPOE: u16 = 167;
pub(crate) const DLT_PPPOE_ATM: u16 = 168;
pub(crate) const DLT_ETHER: u16 = 178;
pub(crate) const DLT_PPP: u16 = 179;
pub(crate) const DLT_FRELAY: u16 = 180;
pub(crate) const DLT_CHDLC: u16 = 181;

/// Whether `lt` (a savefile LINKTYPE value) is a Juniper link type printed here.
pub(crate) fn is_juniper(lt: u16) -> bool {
    matches!(lt, 130..=137 | 164 | 167 | 168 | 178..=181)
}

/// "MGC", the first three bytes of every Juniper header.
const MAGIC: u32 = 0x4d_47_43;

const FLAG_PKT_IN: u8 = 0x01;
const FLAG_NO_L2: u8 = 0x02;
const FLAG_EXT: u8 = 0x80;

/// First cookie byte of a link services (LSQ) PIC: two more cookie bytes.
const LS_COOKIE_ID: u8 = 0x54;
/// First cookie byte of an adaptive services PIC: an 8-byte cookie.
const AS_COOKIE_ID: u8 = 0x47;
const AS_PIC_COOKIE_LEN: usize = 8;

/// The layer 3 protocol an LSQ/AS cookie gives (in its sixth byte).
const LSQ_L3_PROTO_MASK: u16 = 0x17 << 4;
const LSQ_L3_IPV4: u16 = 0;
const LSQ_L3_IPV6: u16 = 1 << 4;
const LSQ_L3_MPLS: u16 = 2 << 4;
const LSQ_L3_ISO: u16 = 3 << 4;
/// The sixth cookie byte of IS-IS over PPP going to the routing engine.
const LSQ_COOKIE_RE_DIR: u8 = 0x0c;

const PPP_OSI: u16 = 0x0023;
const PPP_ADDR_CTRL: u16 = 0xff03;

/// The name of a PIC type and the length of its cookie (None for the PIC types
/// without a cookie, which tcpdump does not name either).
fn pic(dlt: u16) -> Option<(&'static str, usize)> {
    Some(match dlt {
        DLT_ATM1 => ("ATM1", 4),
        DLT_ATM2 => ("ATM2", 8),
        DLT_MLPPP => ("MLPPP", 2),
        DLT_MLFR => ("MLFR", 2),
        DLT_MFR => ("MFR", 4),
        DLT_PPPOE => ("PPPoE", 0),
        DLT_PPPOE_ATM => ("PPPoE ATM", 0),
        DLT_GGSN => ("GGSN", 8),
        DLT_MONITOR => ("MONITOR", 8),
        DLT_SERVICES => ("AS", 8),
        DLT_ES => ("ES", 0),
        _ => return None,
    })
}

/// What the common header says about the packet.
struct L2 {
    /// Wire length left after the header.
    length: usize,
    /// Bytes before the payload (what `-x` skips).
    header_len: usize,
    cookie_len: usize,
    cookie_type: u8,
    cookie: [u8; 8],
    bundle: u32,
    proto: u16,
    direction: u8,
}

impl L2 {
    fn cookie_u16(&self) -> u16 {
        u16::from_be_bytes([self.cookie[0], self.cookie[1]])
    }
    fn cookie_u32(&self) -> u32 {
        u32::from_be_bytes([
            self.cookie[0],
            self.cookie[1],
            self.cookie[2],
            self.cookie[3],
        ])
    }
    /// The bundle number in an AS cookie.
    fn as_bundle(&self) -> u32 {
        u32::from((u16::from_be_bytes([self.cookie[6], self.cookie[7]]) >> 3) & 0xfff)
    }
    fn as_proto(&self) -> u16 {
        u16::from(self.cookie[5]) & LSQ_L3_PROTO_MASK
    }
}

/// The header either leaves a payload to decode or was the whole story
/// (bad magic, invalid extensions, no layer 2 header): then the link-layer
/// header length to report.
enum Header {
    Payload(L2),
    Done(usize),
}

/// Prints a packet of Juniper link type `dlt`; returns the link-layer header
/// length.
pub(crate) fn print(c: &mut Ctx, dlt: u16, d: &[u8], len: usize) -> R<usize> {
    c.proto = match dlt {
        DLT_MLPPP => "juniper_mlppp",
        DLT_MLFR => "juniper_mlfr",
        DLT_ES => "juniper_es",
        DLT_GGSN => "juniper_ggsn",
        DLT_MFR => "juniper_mfr",
        DLT_ATM2 => "juniper_atm2",
        DLT_SERVICES => "juniper_services",
        DLT_ATM1 => "juniper_atm1",
        DLT_MONITOR => "juniper_monitor",
        DLT_PPPOE => "juniper_pppoe",
        DLT_PPPOE_ATM => "juniper_pppoe_atm",
        DLT_ETHER => "juniper_ether",
        DLT_PPP => "juniper_ppp",
        DLT_FRELAY => "juniper_frelay",
        _ => "juniper_chdlc",
    };
    let l2 = match header(c, dlt, d, len)? {
        Header::Payload(l2) => l2,
        Header::Done(hdr) => {
            c.ll_hdr_len = hdr;
            return Ok(hdr);
        }
    };
    let hdr = l2.header_len;
    c.ll_hdr_len = hdr;
    let p = d.get(hdr..).unwrap_or(&[]);
    let length = l2.length;
    match dlt {
        DLT_ETHER => return Ok(hdr + super::ether::print(c, p, length)?),
        DLT_PPPOE => {
            super::ether::print(c, p, length)?;
        }
        DLT_PPP => {
            super::ppp::print(c, p, length)?;
        }
        DLT_CHDLC => {
            super::serial::chdlc(c, p, length)?;
        }
        DLT_FRELAY => {
            c.proto = "fr";
            super::linkmore::fr_print(c, p, length)?;
        }
        DLT_PPPOE_ATM => pppoe_atm(c, p, length)?,
        DLT_GGSN => ggsn(c, &l2, p)?,
        DLT_ES => es(c, &l2, p)?,
        DLT_MONITOR => monitor(c, &l2, p)?,
        DLT_SERVICES => services(c, &l2, p)?,
        DLT_MLPPP => mlppp(c, &l2, d)?,
        DLT_MFR => mfr(c, &l2, d)?,
        DLT_MLFR => mlfr(c, &l2, d)?,
        DLT_ATM1 => atm1(c, &l2, p)?,
        _ => atm2(c, &l2, p)?,
    }
    Ok(hdr)
}

/// The common header: magic, flags, extensions, cookie. Prints what tcpdump
/// prints of it (with -e, -vv).
fn header(c: &mut Ctx, dlt: u16, d: &[u8], len: usize) -> R<Header> {
    let flags = u8_at(d, 3)?;
    let direction = flags & FLAG_PKT_IN;
    if be32(d, 0)? >> 8 != MAGIC {
        c.s("no magic-number found!");
        return Ok(Header::Done(0));
    }
    if c.opts.link_header {
        c.s(if direction == FLAG_PKT_IN {
            " In "
        } else {
            "Out "
        });
    }
    let mut jnx_len = 4usize;
    if c.opts.verbose > 1 {
        c.s("\n\tJuniper PCAP Flags [");
        super::ospf::bits(c, tables::FLAGS, u32::from(flags), "none");
        c.s("]");
    }
    if flags & FLAG_EXT != 0 {
        let ext_len = usize::from(be16(d, 4)?);
        jnx_len += 2 + ext_len;
        if c.opts.verbose > 1 {
            c.s(", PCAP Extension(s) total length ");
            c.dec(ext_len as u64);
        }
        let ext = bytes(d, 6, ext_len)?;
        if !extensions(c, ext) {
            return Ok(Header::Done(0));
        }
        if c.opts.verbose > 1 {
            c.s("\n\t-----original packet-----\n\t");
        }
    }
    if flags & FLAG_NO_L2 != 0 {
        if c.opts.link_header {
            c.s("no-L2-hdr, ");
        }
        // There is no link layer: the IP version says what follows.
        let at = jnx_len + 4;
        u8_at(d, at)?;
        if !ip_heuristic(c, &d[at..], len.saturating_sub(at))? {
            c.s("no IP-hdr found!");
        }
        return Ok(Header::Done(at));
    }
    let mut l2 = L2 {
        length: len.saturating_sub(jnx_len),
        header_len: jnx_len,
        cookie_len: 0,
        cookie_type: 0,
        cookie: [0; 8],
        bundle: 0,
        proto: 0,
        direction,
    };
    let mut p = jnx_len;
    if let Some((name, table_len)) = pic(dlt) {
        l2.cookie_len = table_len;
        let first = u8_at(d, p)?;
        match first {
            LS_COOKIE_ID => {
                l2.cookie_type = LS_COOKIE_ID;
                l2.cookie_len += 2;
            }
            AS_COOKIE_ID => {
                l2.cookie_type = AS_COOKIE_ID;
                l2.cookie_len = AS_PIC_COOKIE_LEN;
            }
            _ => {}
        }
        // MFR child links carry no cookie.
        if dlt == DLT_MFR && first & 0xc0 == 0xc0 {
            l2.cookie_len = 0;
        }
        l2.header_len += l2.cookie_len;
        l2.length = l2.length.saturating_sub(l2.cookie_len);
        if c.opts.link_header {
            c.s(name);
            c.s("-PIC, cookie-len ");
            c.dec(l2.cookie_len as u64);
        }
        if l2.cookie_len > 8 {
            c.invalid();
            return Ok(Header::Done(l2.header_len));
        }
        if l2.cookie_len > 0 {
            let cookie = bytes(d, p, l2.cookie_len)?;
            l2.cookie[..cookie.len()].copy_from_slice(cookie);
            if c.opts.link_header {
                c.s(", cookie 0x");
                for b in cookie {
                    c.o.hexw(u64::from(*b), 2);
                }
            }
        }
        if c.opts.link_header {
            c.s(": ");
        }
        l2.proto = be16(d, p + l2.cookie_len)?;
    }
    p += l2.cookie_len;
    match dlt {
        DLT_MLPPP => match l2.cookie_type {
            LS_COOKIE_ID => l2.bundle = u32::from(l2.cookie[1]),
            AS_COOKIE_ID => {
                l2.bundle = l2.as_bundle();
                l2.proto = l2.as_proto();
            }
            _ => l2.bundle = u32::from(l2.cookie[0]),
        },
        DLT_MLFR | DLT_MFR => match l2.cookie_type {
            LS_COOKIE_ID => {
                l2.bundle = u32::from(l2.cookie[1]);
                l2.proto = be16(d, p)?;
                l2.header_len += 2;
                l2.length = l2.length.saturating_sub(2);
            }
            AS_COOKIE_ID => {
                l2.bundle = l2.as_bundle();
                l2.proto = l2.as_proto();
            }
            _ => {
                l2.bundle = u32::from(l2.cookie[0]);
                // MLFR's protocol field belongs to the header, MFR's to the payload.
                if dlt == DLT_MLFR {
                    l2.header_len += 2;
                    l2.length = l2.length.saturating_sub(2);
                }
            }
        },
        DLT_ATM2 => {
            let control_word = be32(d, p)?;
            if l2.cookie[7] & ATM2_PKT_TYPE_MASK != 0 {
                // An ATM cell relay control word, recognised by its known values.
                if matches!(control_word, 0 | 0x0800_0000 | 0x0838_0000) {
                    l2.header_len += 4;
                }
                if c.opts.link_header {
                    c.s("control-word 0x");
                    c.o.hexw(u64::from(control_word), 8);
                    c.s(" ");
                }
            }
        }
        _ => {}
    }
    if c.opts.link_header {
        c.s("hlen ");
        c.dec(l2.header_len as u64);
        c.s(", proto 0x");
        c.o.hexw(u64::from(l2.proto), 4);
        c.s(", ");
    }
    Ok(Header::Payload(l2))
}

/// The extension TLVs (`ext`, all captured); false when they are invalid.
fn extensions(c: &mut Ctx, ext: &[u8]) -> bool {
    let vv = c.opts.verbose > 1;
    let mut rest = ext;
    while rest.len() > 2 {
        let (t, l) = (rest[0], usize::from(rest[1]));
        if t == 0 || l == 0 {
            break;
        }
        if rest.len() < l + 2 {
            c.s(" [extension_length ");
            c.dec(rest.len() as u64);
            c.s(" < ");
            c.dec((l + 2) as u64);
            c.s("]");
            c.invalid();
            return false;
        }
        let value = &rest[2..2 + l];
        if vv {
            c.s("\n\t  ");
            c.s(tables::tlv_name(t));
            c.s(" Extension TLV #");
            c.dec(t);
            c.s(", length ");
            c.dec(l as u64);
            c.s(", value ");
            if let Some(v) = tlv_value(t, value) {
                match t {
                    // The interface name is not printed.
                    2 => {}
                    3 | 7 => {
                        c.s(tables::media_type(v));
                        c.s(" (");
                        c.dec(v);
                        c.s(")");
                    }
                    6 | 8 => {
                        c.s(tables::encapsulation(v));
                        c.s(" (");
                        c.dec(v);
                        c.s(")");
                    }
                    _ => c.dec(v),
                }
            }
        }
        rest = &rest[2 + l..];
    }
    true
}

/// A TLV's numeric value: 1 to 4 bytes, little-endian for types below 128.
/// None for other lengths, and for the all-ones 32-bit value (tcpdump reads
/// values into a signed int and takes -1 for "no value").
fn tlv_value(t: u8, v: &[u8]) -> Option<u32> {
    if v.is_empty() || v.len() > 4 {
        return None;
    }
    let fold = |acc: u32, b: &u8| (acc << 8) | u32::from(*b);
    let n = if t < 128 {
        v.iter().rev().fold(0, fold)
    } else {
        v.iter().fold(0, fold)
    };
    (n != u32::MAX).then_some(n)
}

/// IPv4 or IPv6 by the first byte (tcpdump's ip_heuristic_guess): 0x45-0x4f
/// or 0x60-0x6f; false if it is neither.
fn ip_heuristic(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    match u8_at(d, 0)? {
        0x45..=0x4f => super::ip::print(c, d, length)?,
        0x60..=0x6f => super::ip6::print(c, d, length)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// PPP by the protocol field, for the PPP protocols a Juniper router runs
/// (tcpdump's juniper_ppp_heuristic_guess); false if it is none of them.
fn ppp_heuristic(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    match be16(d, 0)? {
        0x0021 | 0x0023 | 0x0281 | 0x0283 | 0x8021 | 0x8023 | 0x8281 | 0xc021 | 0xc023 | 0xc223
        | 0x003d | 0x0057 | 0x8057 => {
            super::ppp::print(c, d, length)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// PPPoE over ATM: an Ethernet type, then the frame.
fn pppoe_atm(c: &mut Ctx, p: &[u8], length: usize) -> R {
    let et = be16(p, 0)?;
    if !super::ether::ethertype_print(c, et, &p[2..], length.saturating_sub(2))? {
        c.s("unknown ethertype 0x");
        c.o.hexw(u64::from(et), 4);
    }
    Ok(())
}

/// GGSN: the cookie says the protocol and the VLAN.
fn ggsn(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    let proto = l2.cookie[2];
    if c.opts.link_header {
        c.s("proto ");
        c.s(match proto {
            1 => "Null",
            2 => "IPv4",
            6 => "IPv6",
            _ => "Unknown",
        });
        c.s(" (");
        c.dec(proto);
        c.s("), vlan ");
        c.dec(u16::from_be_bytes([l2.cookie[4], l2.cookie[5]]));
        c.s(": ");
    }
    match proto {
        2 => super::ip::print(c, p, l2.length),
        6 => super::ip6::print(c, p, l2.length),
        _ => {
            if !c.opts.link_header {
                c.s("unknown GGSN proto (");
                c.dec(proto);
                c.s(")");
            }
            Ok(())
        }
    }
}

/// Size of the ES PIC's IPsec header, and of the rewritten one it may precede.
const ES_HDR_LEN: usize = 16;

fn es_type_name(t: u8) -> &'static str {
    match t {
        1 => "ESP ENCR-AUTH",
        2 => "ESP ENCR-AH AUTH",
        3 => "ESP AUTH",
        4 => "AH AUTH",
        5 => "ESP ENCR",
        _ => "Unknown",
    }
}

/// Encryption services: the SA the packet belongs to, then the IP packet.
fn es(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    let h = bytes(p, 0, ES_HDR_LEN)?;
    let t = h[3];
    let (rewrite, bundle) = match t {
        1 | 2 => (0, true),
        3..=5 => (ES_HDR_LEN, false),
        _ => {
            c.s("ES Invalid type ");
            c.dec(t);
            c.s(", length ");
            c.dec(l2.length as u64);
            return Ok(());
        }
    };
    let length = l2.length.saturating_sub(rewrite);
    if c.opts.link_header {
        c.s("ES SA, index ");
        c.dec(u16::from_be_bytes([h[0], h[1]]));
        c.s(", ttl ");
        c.dec(h[2]);
        c.s(" type ");
        c.s(es_type_name(t));
        c.s(" (");
        c.dec(t);
        c.s("), ");
        if !bundle {
            c.s("spi ");
            c.dec(be32(h, 4)?);
            c.s(", Tunnel ");
            c.ipaddr(&h[8..12]);
            c.s(" > ");
            c.ipaddr(&h[12..16]);
            c.s(", ");
        }
        c.s("length ");
        c.dec(length as u64);
        c.s("\n");
    }
    super::ip::print(c, &p[rewrite..], length)
}

/// The monitoring PIC: its header, then an IP packet found where the header
/// starts (tcpdump guesses the IP version from the header's first byte).
fn monitor(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    let h = bytes(p, 0, 8)?;
    if c.opts.link_header {
        c.s("service-id ");
        c.dec(be32(h, 4)?);
        c.s(", iif ");
        c.dec(be16(h, 2)?);
        c.s(", pkt-type ");
        c.dec(h[0]);
        c.s(": ");
    }
    ip_heuristic(c, p, l2.length)?;
    Ok(())
}

/// The services PIC: its header, then an IP packet (found as for `monitor`).
fn services(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    let h = bytes(p, 0, 8)?;
    if c.opts.link_header {
        c.s("service-id ");
        c.dec(h[0]);
        c.s(" flags 0x");
        c.o.hexw(u64::from(h[1]), 2);
        c.s(" service-set-id 0x");
        c.o.hexw(u64::from(be16(h, 2)?), 4);
        c.s(" iif ");
        c.dec(u32::from_be_bytes([0, h[5], h[6], h[7]]));
        c.s(": ");
    }
    ip_heuristic(c, p, l2.length)?;
    Ok(())
}

/// The protocols an LSQ or AS cookie names; false for any other value.
fn lsq_payload(c: &mut Ctx, proto: u16, p: &[u8], length: usize) -> R<bool> {
    match proto {
        LSQ_L3_IPV4 => super::ip::print(c, p, length)?,
        LSQ_L3_IPV6 => super::ip6::print(c, p, length)?,
        LSQ_L3_MPLS => super::mpls::print(c, p, length)?,
        LSQ_L3_ISO => super::osi::print(c, p, length)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Multilink PPP; `d` is the whole packet (the payload may start inside the
/// cookie).
fn mlppp(c: &mut Ctx, l2: &L2, d: &[u8]) -> R {
    let cookie = l2.cookie_u16();
    // A cookie that looks like a protocol field: captured on a child link,
    // which has no bundle.
    if c.opts.link_header && cookie != PPP_OSI && cookie != PPP_ADDR_CTRL {
        c.s("Bundle-ID ");
        c.dec(l2.bundle);
        c.s(": ");
    }
    let hdr = l2.header_len;
    let p = d.get(hdr..).unwrap_or(&[]);
    if l2.proto == LSQ_L3_IPV4 && l2.cookie[4] == LSQ_COOKIE_RE_DIR {
        // IP traffic to the routing engine has no cookie: this is IS-IS over PPP.
        super::ppp::print(c, p, l2.length)?;
        return Ok(());
    }
    if lsq_payload(c, l2.proto, p, l2.length)? {
        return Ok(());
    }
    if cookie == PPP_OSI {
        let from = hdr.saturating_sub(2);
        super::ppp::print(c, d.get(from..).unwrap_or(&[]), l2.length + 2)?;
    } else {
        super::ppp::print(c, p, l2.length)?;
    }
    Ok(())
}

const LLC_UI: u16 = 0x03;

/// The protocol fields of frames whose NLPID is the field's second byte.
fn nlpid_after_ui(proto: u16) -> bool {
    matches!(proto, 0x0308 | 0x03cc | 0x038e)
}

/// "Bundle-ID N, " unless the cookie says the frame came from a child link.
fn fr_bundle(c: &mut Ctx, l2: &L2) {
    if c.opts.link_header && l2.cookie_u32() != 1 {
        c.s("Bundle-ID ");
        c.dec(l2.bundle);
        c.s(", ");
    }
}

fn unknown_protocol(c: &mut Ctx, l2: &L2) {
    c.s("unknown protocol 0x");
    c.o.hexw(u64::from(l2.proto), 4);
    c.s(", length ");
    c.dec(l2.length as u64);
}

/// Multilink Frame Relay (FRF.16) bundles and child links.
fn mfr(c: &mut Ctx, l2: &L2, d: &[u8]) -> R {
    let hdr = l2.header_len;
    let p = d.get(hdr..).unwrap_or(&[]);
    if l2.cookie_len == 0 {
        return mfr_frame(c, p, l2.length);
    }
    if l2.cookie_len == AS_PIC_COOKIE_LEN {
        lsq_payload(c, l2.proto, p, l2.length)?;
        return Ok(());
    }
    fr_bundle(c, l2);
    match l2.proto {
        0xfefe => {
            u8_at(p, 0)?;
            super::osi::print(c, &p[1..], l2.length.saturating_sub(1))?;
        }
        proto if nlpid_after_ui(proto) => {
            super::osi::print(c, d.get(hdr - 1..).unwrap_or(&[]), l2.length + 1)?;
        }
        _ => unknown_protocol(c, l2),
    }
    Ok(())
}

/// An FRF.16 frame of a child link (tcpdump's mfr_print).
fn mfr_frame(c: &mut Ctx, p: &[u8], length: usize) -> R {
    if p.len() >= 2 {
        super::linkmore::mfr_print(c, p, length)?;
        return Ok(());
    }
    c.proto = "mfr";
    if length < 4 {
        c.s("[length ");
        c.dec(length as u64);
        c.s(" < 4]");
        c.invalid();
    } else {
        c.trunc_mark();
    }
    Ok(())
}

/// Multilink Frame Relay as the LSQ PICs capture it.
fn mlfr(c: &mut Ctx, l2: &L2, d: &[u8]) -> R {
    let hdr = l2.header_len;
    let p = d.get(hdr..).unwrap_or(&[]);
    fr_bundle(c, l2);
    match l2.proto {
        LLC_UI | 0x0300 => super::osi::print(c, p, l2.length)?,
        proto if nlpid_after_ui(proto) => {
            super::osi::print(c, d.get(hdr - 1..).unwrap_or(&[]), l2.length + 1)?;
        }
        _ => unknown_protocol(c, l2),
    }
    Ok(())
}

/// ATM2 cookies: the packet type bits (OAM and cell relay) and the gap count.
const ATM2_PKT_TYPE_MASK: u8 = 0x70;
const ATM2_GAP_COUNT_MASK: u32 = 0x3f;

/// An LLC frame if the payload starts with an NLPID or SNAP LLC header; true
/// if the LLC printer decoded it.
fn atm_llc(c: &mut Ctx, p: &[u8], length: usize) -> R<bool> {
    let head = bytes(p, 0, 3)?;
    if head != [0xfe, 0xfe, 0x03] && head != [0xaa, 0xaa, 0x03] {
        return Ok(false);
    }
    Ok(matches!(super::llc::print(c, p, length, &[], &[])?, Ok(h) if h > 0))
}

/// A Cisco-style NLPID frame (a 0x03 control byte, then the NLPID).
fn cisco_nlpid(c: &mut Ctx, p: &[u8], length: usize) -> R<bool> {
    if u8_at(p, 0)? != 0x03 {
        return Ok(false);
    }
    super::osi::print(c, &p[1..], length.saturating_sub(1))?;
    Ok(true)
}

/// The ATM1 PIC: OAM cells, then AAL5 frames by their encapsulation.
fn atm1(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    if l2.cookie[0] == 0x80 {
        return crate::print::atm::oam(c, p, l2.length, 0);
    }
    if atm_llc(c, p, l2.length)? || cisco_nlpid(c, p, l2.length)? {
        return Ok(());
    }
    ip_heuristic(c, p, l2.length)?;
    Ok(())
}

/// The ATM2 PIC: as ATM1, with Ethernet over ATM and PPP over ATM as well.
fn atm2(c: &mut Ctx, l2: &L2, p: &[u8]) -> R {
    if l2.cookie[7] & ATM2_PKT_TYPE_MASK != 0 {
        return crate::print::atm::oam(c, p, l2.length, 0);
    }
    if atm_llc(c, p, l2.length)? {
        return Ok(());
    }
    if l2.direction != FLAG_PKT_IN && l2.cookie_u32() & ATM2_GAP_COUNT_MASK != 0 {
        super::ether::print(c, p, l2.length)?;
        return Ok(());
    }
    if cisco_nlpid(c, p, l2.length)? || ppp_heuristic(c, p, l2.length)? {
        return Ok(());
    }
    ip_heuristic(c, p, l2.length)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tlv_values_by_byte_order() {
        assert_eq!(tlv_value(1, &[0x01, 0x02]), Some(0x0201));
        assert_eq!(tlv_value(200, &[0x01, 0x02]), Some(0x0102));
        assert_eq!(tlv_value(4, &[1, 2, 3, 4, 5]), None);
        assert_eq!(tlv_value(4, &[0xff; 4]), None);
        assert_eq!(tlv_value(4, &[0xff; 3]), Some(0xff_ffff));
    }

    #[test]
    fn every_juniper_dlt_is_recognised() {
        for dlt in [
            DLT_MLPPP,
            DLT_MLFR,
            DLT_ES,
            DLT_GGSN,
            DLT_MFR,
            DLT_ATM2,
            DLT_SERVICES,
            DLT_ATM1,
            DLT_MONITOR,
            DLT_PPPOE,
            DLT_PPPOE_ATM,
            DLT_ETHER,
            DLT_PPP,
            DLT_FRELAY,
            DLT_CHDLC,
        ] {
            assert!(is_juniper(dlt));
        }
        assert!(!is_juniper(182));
    }
}
