//! PPP (RFC 1661) as carried in PPPoE sessions and Ethernet type 0x880b: the
//! protocol field, control protocols (LCP, IPCP, IPv6CP, CCP, BACP and their
//! `-v` options), PAP, CHAP, MLPPP, and IP/IPv6/MPLS payloads.

use super::hex::hex_only;
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

const PPP_IP: u16 = 0x0021;
const PPP_IPV6: u16 = 0x0057;
const PPP_VJNC: u16 = 0x002f;
const PPP_MPLS_UCAST: u16 = 0x0281;
const PPP_MPLS_MCAST: u16 = 0x0283;
const PPP_COMP: u16 = 0x00fd;
const PPP_ML: u16 = 0x003d;
const PPP_LCP: u16 = 0xc021;
const PPP_IPCP: u16 = 0x8021;
const PPP_OSICP: u16 = 0x8023;
const PPP_MPLSCP: u16 = 0x8281;
const PPP_IPV6CP: u16 = 0x8057;
const PPP_CCP: u16 = 0x80fd;
const PPP_BACP: u16 = 0xc02b;
const PPP_PAP: u16 = 0xc023;
const PPP_CHAP: u16 = 0xc223;
const PPP_BAP: u16 = 0xc02d;
const PPP_LQM: u16 = 0xc025;

/// tcpdump's ppptype2str.
pub(crate) fn proto_name(p: u16) -> Option<&'static str> {
    Some(match p {
        0x0021 => "IP",
        0x0023 => "OSI",
        0x0025 => "NS",
        0x0027 => "DECNET",
        0x0029 => "APPLE",
        0x002b => "IPX",
        0x002d => "VJC IP",
        0x002f => "VJNC IP",
        0x0031 => "BRPDU",
        0x0033 => "STII",
        0x0035 => "VINES",
        0x0281 | 0x0283 => "MPLS",
        0x00fd => "Compressed",
        0x003d => "MLPPP",
        0x0057 => "IP6",
        0x0201 => "HELLO",
        0x0231 => "LUXCOM",
        0x0233 => "SNS",
        0x8021 => "IPCP",
        0x8023 => "OSICP",
        0x8025 => "NSCP",
        0x8027 => "DECNETCP",
        0x8029 => "APPLECP",
        0x802b => "IPXCP",
        0x8033 => "STIICP",
        0x8035 => "VINESCP",
        0x8057 => "IP6CP",
        0x8281 => "MPLSCP",
        0xc021 => "LCP",
        0xc023 => "PAP",
        0xc025 => "LQM",
        0xc223 => "CHAP",
        0xc227 => "EAP",
        0xc027 => "SPAP",
        0xc123 => "Old-SPAP",
        0xc02b => "BACP",
        0xc02d => "BAP",
        0xc03d => "MLPPP-CP",
        0x80fd => "CCP",
        _ => return None,
    })
}

fn cp_code_name(code: u8) -> &'static str {
    match code {
        0 => "Vendor-Extension",
        1 => "Conf-Request",
        2 => "Conf-Ack",
        3 => "Conf-Nack",
        4 => "Conf-Reject",
        5 => "Term-Request",
        6 => "Term-Ack",
        7 => "Code-Reject",
        8 => "Prot-Reject",
        9 => "Echo-Request",
        10 => "Echo-Reply",
        11 => "Disc-Req",
        12 => "Ident",
        13 => "Time-Rem",
        14 => "Reset-Req",
        15 => "Reset-Ack",
        _ => "Unknown Opcode",
    }
}

const LCP_OPTS: [&str; 31] = [
    "Vend-Ext",
    "MRU",
    "ACCM",
    "Auth-Prot",
    "Qual-Prot",
    "Magic-Num",
    "deprecated(6)",
    "PFC",
    "ACFC",
    "FCS-Alt",
    "SDP",
    "Num-Mode",
    "deprecated(12)",
    "Call-Back",
    "deprecated(14)",
    "deprecated(15)",
    "deprecated(16)",
    "MRRU",
    "12-Bit seq #",
    "End-Disc",
    "Proprietary",
    "DCE-Id",
    "MP+",
    "Link-Disc",
    "LCP-Auth-Opt",
    "COBS",
    "Prefix-elision",
    "Multilink-header-Form",
    "I18N",
    "SDL-over-SONET/SDH",
    "PPP-Muxing",
];

/// tcpdump's print_unknown_data: hex of up to `len` bytes from `off`, as many
/// as were captured.
pub(crate) fn unknown_data(c: &mut Ctx, d: &[u8], off: usize, indent: &str, len: usize) {
    if off > d.len() {
        c.s(indent);
        c.s("Dissector error: print_unknown_data called with pointer past end of packet");
        return;
    }
    let avail = d.len() - off;
    hex_only(&mut c.o, indent, &d[off..off + len.min(avail)], 0);
}

/// A PPP frame starting at the address/control or protocol field; returns
/// the PPP header length.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ppp";
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(0);
    }
    c.depth += 1;
    let r = print_inner(c, d, length);
    c.depth -= 1;
    r
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    let olen = length;
    let mut length = length;
    let mut p = 0usize;
    if length < 2 {
        c.trunc_mark();
        return Ok(0);
    }
    match be16(d, 0)? {
        0x0003 => {
            if c.opts.link_header {
                c.s("In  ");
            }
            p = 2;
        }
        0x0103 => {
            if c.opts.link_header {
                c.s("Out ");
            }
            p = 2;
        }
        0xff03 => p = 2,
        _ => {}
    }
    length -= p;
    if length < 2 {
        c.trunc_mark();
        return Ok(0);
    }
    let proto = if u8_at(d, p)? % 2 == 1 {
        p += 1;
        length -= 1;
        u16::from(u8_at(d, p - 1)?)
    } else {
        p += 2;
        length -= 2;
        be16(d, p - 2)?
    };
    if c.opts.link_header {
        let name = proto_name(proto);
        c.s(name.unwrap_or("unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(proto), 4);
        c.s("), length ");
        c.dec(olen as u64);
        if name.is_none() {
            return Ok(p);
        }
        c.s(": ");
    }
    handle(c, proto, &d[p..], length)?;
    Ok(p)
}

/// tcpdump's handle_ppp: the payload of PPP protocol `proto`.
pub(crate) fn handle(c: &mut Ctx, proto: u16, d: &[u8], length: usize) -> R {
    if proto & 0xff00 == 0x7e00 {
        // An escape code: the frame still has RFC 1662 octet stuffing, starting
        // at the protocol field's second byte.
        if c.depth >= super::MAX_DEPTH {
            c.trunc_mark();
            return Ok(());
        }
        c.depth += 1;
        let r = hdlc(c, proto as u8, d, length);
        c.depth -= 1;
        return r;
    }
    match proto {
        PPP_LCP | PPP_IPCP | PPP_OSICP | PPP_MPLSCP | PPP_IPV6CP | PPP_CCP | PPP_BACP => {
            ctrl_proto(c, proto, d, length)
        }
        PPP_ML => mlppp(c, d, length),
        PPP_CHAP => chap(c, d, length),
        PPP_PAP => pap(c, d, length),
        PPP_BAP => Ok(()),
        0x0800 | PPP_VJNC | PPP_IP => super::ip::print(c, d, length),
        0x86dd | PPP_IPV6 => super::ip6::print(c, d, length),
        PPP_MPLS_UCAST | PPP_MPLS_MCAST => super::mpls::print(c, d, length),
        0x0023 => super::osi::print(c, d, length),
        0x8137 | 0x002b => super::ipx::print(c, d, length),
        PPP_COMP => {
            c.s("compressed PPP data");
            Ok(())
        }
        _ => {
            match proto_name(proto) {
                Some(n) => c.s(n),
                None => {
                    c.s("unknown PPP protocol (0x");
                    c.o.hexw(u64::from(proto), 4);
                    c.s(")");
                }
            }
            c.s(" ");
            unknown_data(c, d, 0, "\n\t", length);
            Ok(())
        }
    }
}

/// tcpdump's ppp_hdlc: un-escapes what was captured and decodes it again,
/// guessing the protocol field's layout.
fn hdlc(c: &mut Ctx, first: u8, d: &[u8], length: usize) -> R {
    if length == 0 {
        return Ok(());
    }
    let mut b = Vec::with_capacity(d.len() + 1);
    let mut it = std::iter::once(&first).chain(d.iter());
    while let Some(&x) = it.next() {
        if x == 0x7d {
            match it.next() {
                Some(&y) => b.push(y ^ 0x20),
                None => break,
            }
        } else {
            b.push(x);
        }
    }
    let length = b.len();
    if length < 1 {
        c.trunc_mark();
        return Ok(());
    }
    match b[0] {
        0x21 => return super::ip::print(c, &b[1..], length - 1),
        0x57 => return super::ip6::print(c, &b[1..], length - 1),
        _ => {}
    }
    if length < 2 {
        c.trunc_mark();
        return Ok(());
    }
    let mut proto = u16::from_be_bytes([b[0], b[1]]);
    let mut off = 2;
    if proto == 0xff03 {
        if length < 4 {
            c.trunc_mark();
            return Ok(());
        }
        proto = u16::from_be_bytes([b[2], b[3]]);
        off = 4;
    }
    if proto & 0xff00 == 0x7e00 {
        // Escaped twice: tcpdump refuses rather than recurse.
        c.s("(protocol 0x");
        c.o.hexw(u64::from(proto), 4);
        c.s(" invalid)");
        return Ok(());
    }
    handle(c, proto, &b[off..], length - off)
}

fn mlppp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if !c.opts.link_header {
        c.s("MLPPP, ");
    }
    if length < 2 || d.len() < 2 {
        c.s("[|mlppp]");
        return Ok(());
    }
    let v = be16(d, 0)?;
    c.s("seq 0x");
    c.o.hexw(u64::from(v & 0xfff), 3);
    c.s(", Flags [");
    let f = (v >> 8) as u8 & 0xc0;
    match f {
        0 => c.s("none"),
        0x80 => c.s("begin"),
        0x40 => c.s("end"),
        _ => c.s("begin, end"),
    }
    c.s("], length ");
    c.dec(length as u64);
    Ok(())
}

fn ctrl_proto(c: &mut Ctx, proto: u16, d: &[u8], length: usize) -> R {
    let name = proto_name(proto).unwrap_or("unknown");
    c.s(name);
    c.s(", ");
    if length < 4 || d.len() < 2 {
        c.s("[|");
        c.s(name);
        c.s("]");
        return Ok(());
    }
    let code = u8_at(d, 0)?;
    c.s(cp_code_name(code));
    c.s(" (0x");
    c.o.hexw(u64::from(code), 2);
    c.s("), id ");
    c.dec(u8_at(d, 1)?);
    c.s(", length ");
    c.dec((length + 2) as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let len = usize::from(be16(d, 2)?);
    if len < 4 {
        c.s("\n\tencoded length ");
        c.dec(len as u64);
        c.s(" (< 4))");
        return Ok(());
    }
    if len > length {
        c.s("\n\tencoded length ");
        c.dec(len as u64);
        c.s(" (> packet length ");
        c.dec(length as u64);
        c.s("))");
        return Ok(());
    }
    let length = len;
    c.s("\n\tencoded length ");
    c.dec(len as u64);
    c.s(" (=Option(s) length ");
    c.dec((len - 4) as u64);
    c.s(")");
    if length == 4 {
        return Ok(());
    }
    if c.opts.verbose > 1 {
        // tcpdump dumps from the protocol field (two bytes before the code).
        let mut head = proto.to_be_bytes().to_vec();
        head.extend_from_slice(&d[..d.len().min(4)]);
        unknown_data(c, &head, 0, "\n\t", 6);
    }
    let t = 4usize;
    match code {
        0 => {
            if length < 11 {
                return Ok(());
            }
            let magic = be32(d, t)?;
            c.s("\n\t  Magic-Num 0x");
            c.o.hexw(u64::from(magic), 8);
            let oui = oui3(d, t + 4)?;
            c.s(" Vendor: ");
            c.s(super::names::oui_lookup(oui).unwrap_or("Unknown"));
            c.s(" (");
            c.dec(oui);
            c.s(")");
        }
        1..=4 => {
            let mut tlen = len - 4;
            let mut p = t;
            loop {
                let adv = match proto {
                    PPP_LCP => lcp_opt(c, d, p, len)?,
                    PPP_IPCP => ipcp_opt(c, d, p, len)?,
                    PPP_IPV6CP => ip6cp_opt(c, d, p, len)?,
                    PPP_CCP => ccp_opt(c, d, p, len)?,
                    PPP_BACP => bacp_opt(c, d, p, len)?,
                    _ => 0,
                };
                if adv == 0 {
                    break;
                }
                if tlen < adv {
                    c.s(" [remaining options length ");
                    c.dec(tlen as u64);
                    c.s(" < ");
                    c.dec(adv as u64);
                    c.s("]");
                    c.invalid();
                    break;
                }
                tlen -= adv;
                p += adv;
                if tlen == 0 {
                    break;
                }
            }
        }
        5..=7 => {}
        8 => {
            if length < 6 {
                return Ok(());
            }
            let rp = be16(d, t)?;
            c.s("\n\t  Rejected ");
            c.s(proto_name(rp).unwrap_or("unknown"));
            c.s(" Protocol (0x");
            c.o.hexw(u64::from(rp), 4);
            c.s(")");
            if len > 6 {
                c.s("\n\t  Rejected Packet");
                unknown_data(c, d, t + 2, "\n\t    ", len - 2);
            }
        }
        9..=11 => {
            if length < 8 {
                return Ok(());
            }
            let magic = be32(d, t)?;
            c.s("\n\t  Magic-Num 0x");
            c.o.hexw(u64::from(magic), 8);
            if len > 8 {
                c.s("\n\t  -----trailing data-----");
                if bytes(d, t + 4, len - 8).is_err() {
                    c.s("[|");
                    c.s(name);
                    c.s("]");
                    return Ok(());
                }
                unknown_data(c, d, t + 4, "\n\t  ", len - 8);
            }
        }
        12 => {
            if length < 8 {
                return Ok(());
            }
            let magic = be32(d, t)?;
            c.s("\n\t  Magic-Num 0x");
            c.o.hexw(u64::from(magic), 8);
            if len > 8 {
                c.s("\n\t  Message\n\t    ");
                // nd_printn: printable characters, stopping at the capture end.
                let end = t + 4 + (len - 4);
                for i in t + 4..end {
                    match d.get(i) {
                        Some(&b) => print_char(c, b),
                        None => {
                            c.s("[|");
                            c.s(name);
                            c.s("]");
                            return Ok(());
                        }
                    }
                }
            }
        }
        13 => {
            if length < 12 {
                return Ok(());
            }
            let magic = be32(d, t)?;
            c.s("\n\t  Magic-Num 0x");
            c.o.hexw(u64::from(magic), 8);
            let secs = be32(d, t + 4)?;
            c.s(", Seconds-Remaining ");
            c.dec(secs);
            c.s("s");
        }
        _ => {
            if c.opts.verbose <= 1 {
                let mut all = proto.to_be_bytes().to_vec();
                all.extend_from_slice(d);
                unknown_data(c, &all, 0, "\n\t  ", length + 2);
            }
        }
    }
    Ok(())
}

fn oui3(d: &[u8], off: usize) -> R<u32> {
    let b = bytes(d, off, 3)?;
    Ok((u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]))
}

/// Option header shared by the control protocols: returns (opt, len) or None
/// when the loop must stop (after printing what tcpdump prints).
fn opt_head(
    c: &mut Ctx,
    d: &[u8],
    p: usize,
    length: usize,
    name: &dyn Fn(u8) -> &'static str,
    trunc_name: &str,
) -> R<Option<(u8, usize)>> {
    if length < 2 {
        return Ok(None);
    }
    if bytes(d, p, 2).is_err() {
        c.s("[|");
        c.s(trunc_name);
        c.s("]");
        return Ok(None);
    }
    let opt = u8_at(d, p)?;
    let len = usize::from(u8_at(d, p + 1)?);
    if length < len {
        return Ok(None);
    }
    c.s("\n\t  ");
    c.s(name(opt));
    c.s(" Option (0x");
    c.o.hexw(u64::from(opt), 2);
    c.s("), length ");
    c.dec(len as u64);
    if len < 2 {
        c.s(" (length bogus, should be >= 2)");
        return Ok(None);
    }
    Ok(Some((opt, len)))
}

fn bogus(c: &mut Ctx, s: &str) {
    c.s(" (length bogus, should be ");
    c.s(s);
    c.s(")");
}

/// The trailing raw dump of every option at -vv.
fn opt_tail(c: &mut Ctx, d: &[u8], p: usize, len: usize) {
    if c.opts.verbose > 1 {
        unknown_data(c, d, p + 2, "\n\t    ", len - 2);
    }
}

fn opt_unknown(c: &mut Ctx, d: &[u8], p: usize, len: usize) {
    if c.opts.verbose < 2 {
        unknown_data(c, d, p + 2, "\n\t    ", len - 2);
    }
}

fn lcp_opt(c: &mut Ctx, d: &[u8], p: usize, length: usize) -> R<usize> {
    if length < 2 {
        return Ok(0);
    }
    if bytes(d, p, 2).is_err() {
        c.s("[|lcp]");
        return Ok(0);
    }
    let opt = u8_at(d, p)?;
    let len = usize::from(u8_at(d, p + 1)?);
    if length < len {
        return Ok(0);
    }
    let Some(name) = LCP_OPTS.get(usize::from(opt)) else {
        c.s("\n\tunknown LCP option 0x");
        c.o.hexw(u64::from(opt), 2);
        // tcpdump ends the list (0) at a length under 2, else steps over it.
        return Ok(if len < 2 { 0 } else { len });
    };
    c.s("\n\t  ");
    c.s(name);
    c.s(" Option (0x");
    c.o.hexw(u64::from(opt), 2);
    c.s("), length ");
    c.dec(len as u64);
    if len < 2 {
        c.s(" (length bogus, should be >= 2)");
        return Ok(0);
    }
    match opt {
        0 => {
            if len < 6 {
                bogus(c, ">= 6");
                return Ok(len);
            }
            let oui = oui3(d, p + 2)?;
            c.s(": Vendor: ");
            c.s(super::names::oui_lookup(oui).unwrap_or("Unknown"));
            c.s(" (");
            c.dec(oui);
            c.s(")");
        }
        1 | 17 => {
            if len != 4 {
                bogus(c, "= 4");
                return Ok(if opt == 1 { len } else { 0 });
            }
            let v = be16(d, p + 2)?;
            c.s(": ");
            c.dec(v);
        }
        2 => {
            if len != 6 {
                bogus(c, "= 6");
                return Ok(len);
            }
            let v = be32(d, p + 2)?;
            c.s(": 0x");
            c.o.hexw(u64::from(v), 8);
        }
        3 => {
            if len < 4 {
                bogus(c, ">= 4");
                return Ok(len);
            }
            let ap = be16(d, p + 2)?;
            c.s(": ");
            // tcpdump's format string here lacks its '%', so it prints literally.
            c.s(proto_name(ap).unwrap_or("Unknown Auth Proto (0x04x)"));
            match ap {
                PPP_CHAP => {
                    let alg = u8_at(d, p + 4)?;
                    c.s(", ");
                    match alg {
                        5 => c.s("MD5"),
                        128 => c.s("MS-CHAPv1"),
                        129 => c.s("MS-CHAPv2"),
                        _ => {
                            c.s("Unknown Auth Alg ");
                            c.dec(alg);
                        }
                    }
                }
                PPP_PAP | 0xc227 | 0xc027 | 0xc123 => {}
                _ => unknown_data(c, d, p, "\n\t", len),
            }
        }
        4 => {
            if len < 4 {
                bogus(c, ">= 4");
                return Ok(0);
            }
            if be16(d, p + 2)? == PPP_LQM {
                c.s(": LQR");
            } else {
                c.s(": unknown");
            }
        }
        5 => {
            if len != 6 {
                bogus(c, "= 6");
                return Ok(0);
            }
            let v = be32(d, p + 2)?;
            c.s(": 0x");
            c.o.hexw(u64::from(v), 8);
        }
        7 | 8 => {}
        23 => {
            if len != 4 {
                bogus(c, "= 4");
                return Ok(0);
            }
            let v = be16(d, p + 2)?;
            c.s(": 0x");
            c.o.hexw(u64::from(v), 4);
        }
        13 => {
            if len < 3 {
                bogus(c, ">= 3");
                return Ok(0);
            }
            c.s(": ");
            let op = u8_at(d, p + 2)?;
            c.s(": Callback Operation ");
            c.s(match op {
                0 => "UserAuth",
                1 => "DialString",
                2 => "LocalID",
                3 => "E.164",
                4 => "X.500",
                6 => "CBCP",
                _ => "Unknown",
            });
            c.s(" (");
            c.dec(op);
            c.s(")");
        }
        19 => {
            if len < 3 {
                bogus(c, ">= 3");
                return Ok(0);
            }
            let class = u8_at(d, p + 2)?;
            match class {
                0 => c.s(": Null"),
                1 => c.s(": Local"),
                2 => {
                    if len != 7 {
                        bogus(c, "= 7");
                        return Ok(0);
                    }
                    let a = bytes(d, p + 3, 4)?;
                    c.s(": IPv4 ");
                    c.ipaddr(a);
                }
                3 => {
                    if len != 9 {
                        bogus(c, "= 9");
                        return Ok(0);
                    }
                    let a = bytes(d, p + 3, 6)?;
                    c.s(": MAC ");
                    c.etheraddr(a);
                }
                4 => c.s(": Magic-Num-Block"),
                5 => c.s(": PSNDN"),
                _ => {
                    c.s(": Unknown class ");
                    c.dec(class);
                }
            }
        }
        _ => opt_unknown(c, d, p, len),
    }
    opt_tail(c, d, p, len);
    Ok(len)
}

fn ipcp_name(o: u8) -> &'static str {
    match o {
        1 => "IP-Addrs",
        2 => "IP-Comp",
        3 => "IP-Addr",
        4 => "Home-Addr",
        129 => "Pri-DNS",
        130 => "Pri-NBNS",
        131 => "Sec-DNS",
        132 => "Sec-NBNS",
        _ => "unknown",
    }
}

fn ipcp_opt(c: &mut Ctx, d: &[u8], p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = opt_head(c, d, p, length, &ipcp_name, "ipcp")? else {
        return Ok(0);
    };
    // Where tcpdump's closing -vv dump starts: its option pointer moves
    // through header-compression suboptions.
    let mut tail_at = p;
    match opt {
        1 => {
            if len != 10 {
                bogus(c, "= 10");
                return Ok(len);
            }
            let s = bytes(d, p + 2, 4)?;
            let t = bytes(d, p + 6, 4)?;
            c.s(": src ");
            c.ipaddr(s);
            c.s(", dst ");
            c.ipaddr(t);
        }
        2 => {
            if len < 4 {
                bogus(c, ">= 4");
                return Ok(0);
            }
            let cp = be16(d, p + 2)?;
            c.s(": ");
            c.s(match cp {
                0x002d => "VJ-Comp",
                0x61 => "IP Header Compression",
                _ => "Unknown",
            });
            c.s(" (0x");
            c.o.hexw(u64::from(cp), 2);
            c.s("):");
            if cp == 0x61 {
                if len < 14 {
                    c.s(" (length bogus, should be >= 14)");
                    return Ok(0);
                }
                if bytes(d, p + 2, 14).is_err() {
                    c.s("[|ipcp]");
                    return Ok(0);
                }
                c.s("\n\t    TCP Space ");
                c.dec(be16(d, p + 4)?);
                c.s(", non-TCP Space ");
                c.dec(be16(d, p + 6)?);
                c.s(", maxPeriod ");
                c.dec(be16(d, p + 8)?);
                c.s(", maxTime ");
                c.dec(be16(d, p + 10)?);
                c.s(", maxHdr ");
                c.dec(be16(d, p + 12)?);
                if len > 14 {
                    let mut total = len - 14;
                    let mut q = p + 14;
                    tail_at = q;
                    c.s("\n\t      Suboptions, length ");
                    c.dec(total as u64);
                    while total >= 2 {
                        if bytes(d, q, 2).is_err() {
                            c.s("[|ipcp]");
                            return Ok(0);
                        }
                        let so = u8_at(d, q)?;
                        let sl = usize::from(u8_at(d, q + 1)?);
                        if so == 0 || sl == 0 {
                            break;
                        }
                        c.s("\n\t\t");
                        c.s(match so {
                            1 => "RTP-Compression",
                            2 => "Enhanced RTP-Compression",
                            _ => "Unknown",
                        });
                        c.s(" Suboption #");
                        c.dec(so);
                        c.s(", length ");
                        c.dec(sl as u64);
                        if total < sl {
                            c.s(" [remaining suboptions length ");
                            c.dec(total as u64);
                            c.s(" < ");
                            c.dec(sl as u64);
                            c.s("]");
                            c.invalid();
                            break;
                        }
                        total -= sl;
                        q += sl;
                        tail_at = q;
                    }
                }
            }
        }
        3 | 4 | 129..=132 => {
            if len != 6 {
                bogus(c, "= 6");
                return Ok(0);
            }
            let a = bytes(d, p + 2, 4)?;
            c.s(": ");
            c.ipaddr(a);
        }
        _ => opt_unknown(c, d, p, len),
    }
    opt_tail(c, d, tail_at, len);
    Ok(len)
}

fn ip6cp_opt(c: &mut Ctx, d: &[u8], p: usize, length: usize) -> R<usize> {
    let name = |o: u8| if o == 1 { "Interface-ID" } else { "unknown" };
    let Some((opt, len)) = opt_head(c, d, p, length, &name, "ip6cp")? else {
        return Ok(0);
    };
    if opt == 1 {
        if len != 10 {
            bogus(c, "= 10");
            return Ok(len);
        }
        if bytes(d, p + 2, 8).is_err() {
            c.s("[|ip6cp]");
            return Ok(0);
        }
        c.s(": ");
        for i in 0..4 {
            if i > 0 {
                c.s(":");
            }
            c.o.hexw(u64::from(be16(d, p + 2 + 2 * i)?), 4);
        }
    } else {
        opt_unknown(c, d, p, len);
    }
    opt_tail(c, d, p, len);
    Ok(len)
}

fn ccp_name(o: u8) -> &'static str {
    match o {
        0 => "OUI",
        1 => "Pred-1",
        2 => "Pred-2",
        3 => "Puddle",
        16 => "HP-PPC",
        17 => "Stac-LZS",
        18 => "MPPC",
        19 => "Gand-FZA",
        20 => "V.42bis",
        21 => "BSD-Comp",
        23 => "LZS-DCP",
        24 => "MVRCA",
        25 => "DEC",
        26 => "Deflate",
        255 => "Reserved",
        _ => "Unknown",
    }
}

fn ccp_opt(c: &mut Ctx, d: &[u8], p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = opt_head(c, d, p, length, &ccp_name, "ccp")? else {
        return Ok(0);
    };
    match opt {
        21 => {
            if len < 3 {
                bogus(c, ">= 3");
                return Ok(len);
            }
            let b = u8_at(d, p + 2)?;
            c.s(": Version: ");
            c.dec(b >> 5);
            c.s(", Dictionary Bits: ");
            c.dec(b & 0x1f);
        }
        24 => {
            if len < 4 {
                bogus(c, ">= 4");
                return Ok(len);
            }
            let b = u8_at(d, p + 2)?;
            let b2 = u8_at(d, p + 3)?;
            c.s(": Features: ");
            c.dec((b & 0xc0) >> 6);
            c.s(", PxP: ");
            c.s(if b & 0x20 != 0 { "Enabled" } else { "Disabled" });
            c.s(", History: ");
            c.dec(b & 0x1f);
            c.s(", #CTX-ID: ");
            c.dec(b2);
        }
        26 => {
            if len < 4 {
                bogus(c, ">= 4");
                return Ok(len);
            }
            let b = u8_at(d, p + 2)?;
            let b2 = u8_at(d, p + 3)?;
            c.s(": Window: ");
            c.dec((b & 0xf0) >> 4);
            c.s("K, Method: ");
            c.s(if b & 0x0f == 8 { "zlib" } else { "unknown" });
            c.s(" (0x");
            c.o.hex(u64::from(b & 0x0f));
            c.s("), MBZ: ");
            c.dec((b2 & 0xfc) >> 2);
            c.s(", CHK: ");
            c.dec(b2 & 3);
        }
        _ => opt_unknown(c, d, p, len),
    }
    opt_tail(c, d, p, len);
    Ok(len)
}

fn bacp_opt(c: &mut Ctx, d: &[u8], p: usize, length: usize) -> R<usize> {
    let name = |o: u8| if o == 1 { "Favored-Peer" } else { "Unknown" };
    let Some((opt, len)) = opt_head(c, d, p, length, &name, "bacp")? else {
        return Ok(0);
    };
    if opt == 1 {
        if len != 6 {
            bogus(c, "= 6");
            return Ok(len);
        }
        let v = be32(d, p + 2)?;
        c.s(": Magic-Num 0x");
        c.o.hexw(u64::from(v), 8);
    } else {
        opt_unknown(c, d, p, len);
    }
    opt_tail(c, d, p, len);
    Ok(len)
}

fn chars(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        print_char(c, u8_at(d, off + i)?);
    }
    Ok(())
}

/// The header CHAP and PAP share: `[|tag]` (with the code byte when there is one)
/// for a packet shorter than it, else `NAME, Code (0xNN), id N`. Returns the code
/// and the length the header declares, or `None` when the packet was too short.
fn auth_header(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    tag: &str,
    name: &str,
    code_name: fn(u8) -> &'static str,
) -> Result<Option<(u8, usize)>, Trunc> {
    if length < 4 {
        // The code byte is read before anything is printed: a capture that cuts
        // it off prints no `[|tag` at all.
        let first = if length >= 1 {
            Some(u8_at(d, 0)?)
        } else {
            None
        };
        c.s("[|");
        c.s(tag);
        if let Some(b) = first {
            c.s(" 0x");
            c.o.hexw(u64::from(b), 2);
        }
        c.s("]");
        return Ok(None);
    }
    let code = u8_at(d, 0)?;
    c.s(name);
    c.s(", ");
    c.s(code_name(code));
    c.s(" (0x");
    c.o.hexw(u64::from(code), 2);
    c.s(")");
    let id = u8_at(d, 1)?;
    c.s(", id ");
    c.dec(id);
    Ok(Some((code, usize::from(be16(d, 2)?))))
}

fn chap(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let Some((code, len)) = auth_header(c, d, length, "chap", "CHAP", |code| match code {
        1 => "Challenge",
        2 => "Response",
        3 => "Success",
        4 => "Fail",
        _ => "unknown",
    })?
    else {
        return Ok(());
    };
    let mut p = 4usize;
    match code {
        1 | 2 => {
            if length < p + 1 {
                return Ok(());
            }
            let vs = usize::from(u8_at(d, p)?);
            p += 1;
            if length - p < vs {
                return Ok(());
            }
            c.s(", Value ");
            for _ in 0..vs {
                c.o.hexw(u64::from(u8_at(d, p)?), 2);
                p += 1;
            }
            // tcpdump computes the name size in unsigned arithmetic.
            let ns = (len as u32).wrapping_sub(p as u32) as usize;
            c.s(", Name ");
            chars(c, d, p, ns)?;
        }
        3 | 4 => {
            let ms = (len as u32).wrapping_sub(p as u32) as usize;
            c.s(", Msg ");
            chars(c, d, p, ms)?;
        }
        _ => {}
    }
    Ok(())
}

/// A PAP string at `*p` (a length byte, then the text) after `label`, with
/// `p` moved past it; false where the packet's `length` ends first (tcpdump
/// then stops without a mark).
fn pap_text(c: &mut Ctx, d: &[u8], p: &mut usize, length: usize, label: &str) -> R<bool> {
    if length - *p < 1 {
        return Ok(false);
    }
    let n = usize::from(u8_at(d, *p)?);
    *p += 1;
    if length - *p < n {
        return Ok(false);
    }
    c.s(label);
    chars(c, d, *p, n)?;
    *p += n;
    Ok(true)
}

fn pap(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let Some((code, len)) = auth_header(c, d, length, "pap", "PAP", |code| match code {
        1 => "Auth-Req",
        2 => "Auth-ACK",
        3 => "Auth-NACK",
        _ => "unknown",
    })?
    else {
        return Ok(());
    };
    let mut p = 4usize;
    if len > length {
        c.s(", length ");
        c.dec(len as u64);
        c.s(" > packet size");
        return Ok(());
    }
    let length = len;
    if length < p {
        c.s(", length ");
        c.dec(length as u64);
        c.s(" < PAP header length");
        return Ok(());
    }
    match code {
        1 => {
            if len < 6 {
                c.s("[|pap]");
                return Ok(());
            }
            if pap_text(c, d, &mut p, length, ", Peer ")? {
                pap_text(c, d, &mut p, length, ", Name ")?;
            }
        }
        2 | 3 => {
            if len < 5 {
                c.s("[|pap]");
                return Ok(());
            }
            pap_text(c, d, &mut p, length, ", Msg ")?;
        }
        _ => {}
    }
    Ok(())
}
