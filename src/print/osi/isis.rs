//! IS-IS (ISO 10589): the common header, the IIH (LAN and point-to-point),
//! LSP, CSNP and PSNP headers, and the TLV loop with every classic TLV. The
//! extended TLV bodies come from `super::super::isis_ext`.

use super::super::isis_ext as ext;
use super::super::out::Put;
use super::super::{Ctx, R, be16, be32, bytes, u8_at};
use super::{id_string, nlpid_name, nsap_string, print_cksum, printjnp, unknown_data};

const COMMON: usize = 8;
const IIH_LAN: usize = 19;
const IIH_PTP: usize = 12;
const LSP: usize = 19;
const CSNP: usize = 25;
const PSNP: usize = 9;

const IDENT: &str = "\n\t      ";

fn pdu_name(t: u8) -> Option<&'static str> {
    Some(match t {
        15 => "L1 Lan IIH",
        16 => "L2 Lan IIH",
        17 => "p2p IIH",
        18 => "L1 LSP",
        20 => "L2 LSP",
        24 => "L1 CSNP",
        25 => "L2 CSNP",
        26 => "L1 PSNP",
        27 => "L2 PSNP",
        _ => return None,
    })
}

fn tlv_name(t: u8) -> &'static str {
    match t {
        1 => "Area address(es)",
        2 => "IS Reachability",
        3 => "ES Neighbor(s)",
        4 => "Partition DIS",
        5 => "Prefix Neighbors",
        6 => "IS Neighbor(s)",
        7 => "Instance Identifier",
        8 => "Padding",
        9 => "LSP entries",
        10 => "Authentication",
        12 => "Checksum",
        13 => "Purge Originator Identifier",
        14 => "LSP Buffersize",
        22 => "Extended IS Reachability",
        24 => "IS Alias ID",
        42 => "DECnet Phase IV",
        66 => "Lucent Proprietary",
        128 => "IPv4 Internal Reachability",
        129 => "Protocols supported",
        130 => "IPv4 External Reachability",
        131 => "Inter-Domain Information Type",
        132 => "IPv4 Interface address(es)",
        133 => "IPv4 authentication (deprecated)",
        134 => "Traffic Engineering Router ID",
        135 => "Extended IPv4 Reachability",
        138 => "Shared Risk Link Group",
        143 => "Multi-Topology-Aware Port Capability",
        144 => "Multi-Topology Capability",
        176 | 177 => "Nortel Proprietary",
        137 => "Hostname",
        211 => "Restart Signaling",
        222 => "Multi Topology IS Reachability",
        229 => "Multi Topology",
        232 => "IPv6 Interface address(es)",
        235 => "Multi-Topology IPv4 Reachability",
        236 => "IPv6 reachability",
        237 => "Multi-Topology IP6 Reachability",
        240 => "Point-to-point Adjacency State",
        241 => "Hello PDU Sequence Number",
        242 => "IS-IS Router Capability",
        250 => "Vendor Private",
        _ => "unknown",
    }
}

fn circuit_type(c: &mut Ctx, v: u8) {
    match v {
        1 => c.s("Level 1 only"),
        2 => c.s("Level 2 only"),
        3 => c.s("Level 1, Level 2"),
        _ => {
            c.s("unknown circuit type 0x");
            c.o.hexw(u64::from(v), 2);
        }
    }
}

/// `v` printed right-aligned in `w` columns (printf's `%5u`).
fn dec_pad(c: &mut Ctx, v: u64, w: usize) {
    c.s(&format!("{v:>w$}"));
}

/// An IPv4 address (names unless -n) right-aligned in 15 columns.
fn ipaddr_pad(c: &mut Ctx, a: &[u8], w: usize) {
    let start = c.o.len();
    c.ipaddr(a);
    let n = c.o.len() - start;
    if n < w {
        c.o.splice(start..start, std::iter::repeat_n(b' ', w - n));
    }
}

/// What one TLV's decoder asks of the loop.
enum Flow {
    /// Go on (tcpdump's `tlv_trunc` label: the -vv dump, then the next TLV).
    Next,
    /// tcpdump's `goto trunc`: the truncation mark, and stop.
    Trunc,
    /// tcpdump's `return`: 1 (true) or 0 (false; the caller dumps the PDU).
    Ret(bool),
}

/// A PDU's own length field at `at`: tcpdump believes it over the length it
/// was given, and stops the TLVs there when it is the shorter.
fn pdu_length(d: &[u8], at: usize, packet_len: &mut usize, length: &mut usize) -> R<usize> {
    let pdu_len = usize::from(be16(d, at)?);
    if *packet_len > pdu_len {
        *packet_len = pdu_len;
        *length = pdu_len;
    }
    Ok(pdu_len)
}

/// tcpdump's isis_print; Ok(false) where it returns 0.
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    c.proto = "isis";
    if d.len() < COMMON || length < COMMON {
        c.trunc_mark();
        return Ok(true);
    }
    let e = c.opts.link_header;
    if !e {
        c.s("IS-IS");
    }
    let version = d[2];
    if version != 1 {
        c.s("version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(false);
    }
    let pdu_id_length = d[3];
    if pdu_id_length != 6 && pdu_id_length != 0 {
        c.s("system ID length of ");
        c.dec(pdu_id_length);
        c.s(" is not supported");
        return Ok(false);
    }
    let pdu_version = d[5];
    if pdu_version != 1 {
        c.s("version ");
        c.dec(pdu_version);
        c.s(" packet not supported");
        return Ok(false);
    }
    let fixed_len = usize::from(d[1]);
    if length < fixed_len {
        c.s("fixed header length ");
        c.dec(fixed_len as u64);
        c.s(" > packet length ");
        c.dec(length as u64);
        return Ok(false);
    }
    if fixed_len < COMMON {
        c.s("fixed header length ");
        c.dec(fixed_len as u64);
        c.s(" < minimum header size 8");
        return Ok(false);
    }
    let pdu_max_area = d[7];
    let max_area = match pdu_max_area {
        0 => 3,
        255 => {
            c.s("bad packet -- 255 areas");
            return Ok(false);
        }
        m => m,
    };
    let id_length = if pdu_id_length == 0 { 6 } else { pdu_id_length };
    let pdu_type = d[4];
    let v = c.opts.verbose;
    if v == 0 {
        c.s(if e { "" } else { ", " });
        match pdu_name(pdu_type) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown PDU-Type ");
                c.dec(pdu_type);
            }
        }
    } else {
        c.s(if e { "" } else { ", " });
        c.s("length ");
        c.dec(length as u64);
        c.s("\n\t");
        match pdu_name(pdu_type) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown, type ");
                c.dec(pdu_type);
            }
        }
        c.s(", hlen: ");
        c.dec(fixed_len as u64);
        c.s(", v: ");
        c.dec(version);
        c.s(", pdu-v: ");
        c.dec(pdu_version);
        c.s(", sys-id-len: ");
        c.dec(id_length);
        c.s(" (");
        c.dec(pdu_id_length);
        c.s("), max-area: ");
        c.dec(max_area);
        c.s(" (");
        c.dec(pdu_max_area);
        c.s(")");
        if v > 1 && !unknown_data(c, d, 0, "\n\t", COMMON) {
            return Ok(false);
        }
    }
    let h = COMMON;
    let mut length = length;
    let mut packet_len = length;
    let hdr_size = match pdu_type {
        15 | 16 => IIH_LAN,
        17 => IIH_PTP,
        18 | 20 => LSP,
        24 | 25 => CSNP,
        26 | 27 => PSNP,
        _ => {
            if v == 0 {
                c.s(", length ");
                c.dec(length as u64);
                return Ok(true);
            }
            unknown_data(c, d, h, "\n\t  ", length);
            return Ok(false);
        }
    };
    if fixed_len != COMMON + hdr_size {
        c.s(if matches!(pdu_type, 26 | 27) {
            "- bogus fixed header length "
        } else {
            ", bogus fixed header length "
        });
        c.dec(fixed_len as u64);
        c.s(" should be ");
        // tcpdump names the LSP header's size alone here
        let should = if matches!(pdu_type, 18 | 20) {
            LSP
        } else {
            COMMON + hdr_size
        };
        c.dec(should as u64);
        return Ok(false);
    }
    if d.len() < h + hdr_size || length < COMMON + hdr_size {
        c.trunc_mark();
        return Ok(true);
    }
    let id = |off: usize, n: usize| id_string(d, h + off, n);
    match pdu_type {
        15 | 16 => {
            if v == 0 {
                c.s(", src-id ");
                c.s(&id(1, 6)?);
                c.s(", lan-id ");
                c.s(&id(12, 7)?);
                c.s(", prio ");
                c.dec(d[h + 11]);
                c.s(", length ");
                c.dec(length as u64);
                return Ok(true);
            }
            let pdu_len = pdu_length(d, h + 9, &mut packet_len, &mut length)?;
            c.s("\n\t  source-id: ");
            c.s(&id(1, 6)?);
            c.s(",  holding time: ");
            c.dec(be16(d, h + 7)?);
            c.s("s, Flags: [");
            circuit_type(c, d[h]);
            c.s("]\n\t  lan-id:    ");
            c.s(&id(12, 7)?);
            c.s(", Priority: ");
            c.dec(d[h + 11] & 0x7f);
            c.s(", PDU length: ");
            c.dec(pdu_len as u64);
        }
        17 => {
            if v == 0 {
                c.s(", src-id ");
                c.s(&id(1, 6)?);
                c.s(", length ");
                c.dec(length as u64);
                return Ok(true);
            }
            let pdu_len = pdu_length(d, h + 9, &mut packet_len, &mut length)?;
            c.s("\n\t  source-id: ");
            c.s(&id(1, 6)?);
            c.s(", holding time: ");
            c.dec(be16(d, h + 7)?);
            c.s("s, Flags: [");
            circuit_type(c, d[h]);
            c.s("]\n\t  circuit-id: 0x");
            c.o.hexw(u64::from(d[h + 11]), 2);
            c.s(", PDU length: ");
            c.dec(pdu_len as u64);
        }
        18 | 20 => {
            if v == 0 {
                c.s(", lsp-id ");
                c.s(&id(4, 8)?);
                c.s(", seq 0x");
                c.o.hexw(u64::from(be32(d, h + 12)?), 8);
                c.s(", lifetime ");
                dec_pad(c, u64::from(be16(d, h + 2)?), 5);
                c.s("s, length ");
                c.dec(length as u64);
                return Ok(true);
            }
            let pdu_len = pdu_length(d, h, &mut packet_len, &mut length)?;
            let cksum = be16(d, h + 16)?;
            c.s("\n\t  lsp-id: ");
            c.s(&id(4, 8)?);
            c.s(", seq: 0x");
            c.o.hexw(u64::from(be32(d, h + 12)?), 8);
            c.s(", lifetime: ");
            dec_pad(c, u64::from(be16(d, h + 2)?), 5);
            c.s("s\n\t  chksum: 0x");
            c.o.hexw(u64::from(cksum), 4);
            print_cksum(c, &d[h + 4..], cksum, 12, length.wrapping_sub(12));
            let tb = d[h + 18];
            c.s(", PDU length: ");
            c.dec(pdu_len as u64);
            c.s(", Flags: [ ");
            if tb & 0x4 != 0 {
                c.s("Overload bit set, ");
            }
            if tb & 0x78 != 0 {
                if tb & 0x8 != 0 {
                    c.s("default ");
                }
                if tb & 0x10 != 0 {
                    c.s("delay ");
                }
                if tb & 0x20 != 0 {
                    c.s("expense ");
                }
                if tb & 0x40 != 0 {
                    c.s("error ");
                }
                c.s("ATT bit set, ");
            }
            if tb & 0x80 != 0 {
                c.s("P bit set, ");
            }
            c.s(match tb & 3 {
                0 => "Unused 0x0 (invalid)",
                1 => "L1 IS",
                2 => "Unused 0x2 (invalid)",
                _ => "L2 IS",
            });
            c.s(" ]");
        }
        // CSNP and PSNP: the same head, then a CSNP's range of LSP ids.
        _ => {
            if v == 0 {
                c.s(", src-id ");
                c.s(&id(2, 7)?);
                c.s(", length ");
                c.dec(length as u64);
                return Ok(true);
            }
            let pdu_len = pdu_length(d, h, &mut packet_len, &mut length)?;
            c.s("\n\t  source-id:    ");
            c.s(&id(2, 7)?);
            c.s(", PDU length: ");
            c.dec(pdu_len as u64);
            if matches!(pdu_type, 24 | 25) {
                c.s("\n\t  start lsp-id: ");
                c.s(&id(9, 8)?);
                c.s("\n\t  end lsp-id:   ");
                c.s(&id(17, 8)?);
            }
        }
    }
    if v > 1 && !unknown_data(c, d, h, "\n\t  ", hdr_size) {
        return Ok(false);
    }
    let consumed = COMMON + hdr_size;
    if packet_len < consumed {
        c.s(" [packet length ");
        c.dec(packet_len as u64);
        c.s(" < ");
        c.dec(consumed as u64);
        c.s("]");
        c.invalid();
        return Ok(true);
    }
    packet_len -= consumed;
    let mut p = consumed;

    while packet_len > 0 {
        if bytes(d, p, 2).is_err() || packet_len < 2 {
            c.trunc_mark();
            return Ok(true);
        }
        let tlv_type = d[p];
        let tlv_len = usize::from(d[p + 1]);
        p += 2;
        packet_len -= 2;
        c.s("\n\t    ");
        c.s(tlv_name(tlv_type));
        c.s(" TLV #");
        c.dec(tlv_type);
        c.s(", length: ");
        c.dec(tlv_len as u64);
        if packet_len < tlv_len {
            c.trunc_mark();
            return Ok(true);
        }
        match tlv(c, d, p, tlv_type, tlv_len, length)? {
            Flow::Next => {}
            Flow::Trunc => {
                c.trunc_mark();
                return Ok(true);
            }
            Flow::Ret(r) => return Ok(r),
        }
        if c.opts.verbose > 1 && !unknown_data(c, d, p, IDENT, tlv_len) {
            return Ok(false);
        }
        p += tlv_len;
        packet_len -= tlv_len;
    }
    Ok(true)
}

/// tcpdump's isis_print_metric_block: the 4-byte metric block of the old
/// style TLVs.
fn metric_block(c: &mut Ctx, m: &[u8]) {
    let ie = |b: u8| {
        if b & 0x40 != 0 {
            "External"
        } else {
            "Internal"
        }
    };
    c.s(", Default Metric: ");
    c.dec(m[0] & 0x3f);
    c.s(", ");
    c.s(ie(m[0]));
    for (b, name) in m[1..4].iter().zip(["Delay", "Expense", "Error"]) {
        if b & 0x80 == 0 {
            c.s("\n\t\t  ");
            c.s(name);
            c.s(" Metric: ");
            c.dec(b & 0x3f);
            c.s(", ");
            c.s(ie(*b));
        }
    }
}

/// The extended-TLV loop shared by TLVs 22, 24, 222, 135, 235, 236 and 237:
/// entries until the TLV is used up; Flow::Trunc when a decoder stops.
fn ext_entries(
    c: &mut Ctx,
    d: &[u8],
    mut t: usize,
    mut tlen: usize,
    mut one: impl FnMut(&mut Ctx, &[u8], usize) -> R<usize>,
) -> R<Flow> {
    while tlen != 0 {
        let n = one(c, d.get(t..).unwrap_or(&[]), tlen)?;
        if n == 0 {
            return Ok(Flow::Trunc);
        }
        if tlen < n {
            c.s(" [remaining tlv length ");
            c.dec(tlen as u64);
            c.s(" < ");
            c.dec(n as u64);
            c.s("]");
            c.invalid();
            break;
        }
        tlen -= n;
        t += n;
    }
    Ok(Flow::Next)
}

/// The multi-topology ID in front of TLVs 222, 235 and 237; its size, or None
/// when the decoder stopped.
fn mt_prefix(c: &mut Ctx, d: &[u8], t: usize, tlen: usize) -> R<Option<usize>> {
    let n = ext::mtid(c, d.get(t..).unwrap_or(&[]), IDENT, tlen)?;
    Ok(if n == 0 { None } else { Some(n) })
}

/// One TLV's value (`tlv_len` bytes at `t`); `length` is the PDU length the
/// checksum TLV covers.
fn tlv(c: &mut Ctx, d: &[u8], t0: usize, tlv_type: u8, tlv_len: usize, length: usize) -> R<Flow> {
    let mut t = t0;
    let mut tlen = tlv_len;
    let v = c.opts.verbose;
    match tlv_type {
        1 => {
            while tlen != 0 {
                let alen = usize::from(u8_at(d, t)?);
                t += 1;
                tlen -= 1;
                if tlen < alen {
                    return Ok(Flow::Next);
                }
                let s = nsap_string(d, t, alen)?;
                c.s("\n\t      Area address (length: ");
                c.dec(alen as u64);
                c.s("): ");
                c.s(&s);
                t += alen;
                tlen -= alen;
            }
        }
        6 => {
            while tlen != 0 {
                if tlen < 6 {
                    return Ok(Flow::Next);
                }
                if bytes(d, t, 6).is_err() {
                    return Ok(Flow::Trunc);
                }
                c.s("\n\t      SNPA: ");
                c.s(&id_string(d, t, 6)?);
                tlen -= 6;
                t += 6;
            }
        }
        7 => {
            if tlen < 4 {
                return Ok(Flow::Next);
            }
            let n = (tlen - 2) / 2;
            let iid = be16(d, t)?;
            c.s("\n\t      Instance ID: ");
            c.dec(iid);
            c.s(", ITIDs(");
            c.dec(n as u64);
            c.s(")");
            c.s(if n > 0 { ":" } else { "" });
            c.s(" ");
            t += 2;
            for i in 0..n {
                c.dec(be16(d, t)?);
                if i + 1 < n {
                    c.s(", ");
                }
                t += 2;
            }
        }
        8 => {}
        222 => {
            let Some(n) = mt_prefix(c, d, t, tlen)? else {
                return Ok(Flow::Trunc);
            };
            return ext_entries(c, d, t + n, tlen.saturating_sub(n), |c, s, rem| {
                ext::ext_is_reach(c, s, IDENT, tlv_type, rem)
            });
        }
        22 | 24 => {
            return ext_entries(c, d, t, tlen, |c, s, rem| {
                ext::ext_is_reach(c, s, IDENT, tlv_type, rem)
            });
        }
        2 => {
            if tlen < 1 {
                return Ok(Flow::Next);
            }
            let virt = u8_at(d, t)?;
            c.s("\n\t      ");
            match virt {
                0 => c.s("IsNotVirtual"),
                1 => c.s("IsVirtual"),
                _ => {
                    c.s("bogus virtual flag 0x");
                    c.o.hexw(u64::from(virt), 2);
                }
            }
            t += 1;
            tlen -= 1;
            while tlen != 0 {
                if tlen < 11 {
                    return Ok(Flow::Next);
                }
                let Ok(e) = bytes(d, t, 11) else {
                    return Ok(Flow::Trunc);
                };
                c.s("\n\t      IS Neighbor: ");
                c.s(&id_string(e, 4, 7)?);
                metric_block(c, e);
                tlen -= 11;
                t += 11;
            }
        }
        3 => {
            while tlen != 0 {
                if tlen < 10 {
                    return Ok(Flow::Next);
                }
                let Ok(e) = bytes(d, t, 10) else {
                    return Ok(Flow::Trunc);
                };
                c.s("\n\t      ES Neighbor: ");
                c.s(&id_string(e, 4, 6)?);
                metric_block(c, e);
                tlen -= 10;
                t += 10;
            }
        }
        128 | 130 => {
            if !ip_reach(c, d, t, tlv_len)? {
                return Ok(Flow::Ret(true));
            }
        }
        135 | 236 => {
            let v6 = tlv_type == 236;
            return ext_entries(c, d, t, tlen, |c, s, _| ext::extd_ip_reach(c, s, IDENT, v6));
        }
        235 | 237 => {
            let v6 = tlv_type == 237;
            let Some(n) = mt_prefix(c, d, t, tlen)? else {
                return Ok(Flow::Trunc);
            };
            return ext_entries(c, d, t + n, tlen.saturating_sub(n), |c, s, _| {
                ext::extd_ip_reach(c, s, IDENT, v6)
            });
        }
        232 => {
            while tlen != 0 {
                if tlen < 16 {
                    return Ok(Flow::Next);
                }
                let a = bytes(d, t, 16)?;
                c.s("\n\t      IPv6 interface address: ");
                c.ip6addr(a);
                t += 16;
                tlen -= 16;
            }
        }
        10 => {
            if tlen < 1 {
                return Ok(Flow::Next);
            }
            let auth = u8_at(d, t)?;
            t += 1;
            tlen -= 1;
            c.s("\n\t      ");
            match auth {
                1 => c.s("simple text password"),
                3 => c.s("Generic Crypto key-id"),
                54 => c.s("HMAC-MD5 password"),
                255 => c.s("Routing Domain private password"),
                _ => {
                    c.s("unknown Authentication type 0x");
                    c.o.hexw(u64::from(auth), 2);
                }
            }
            c.s(": ");
            match auth {
                1 => printjnp(c, d, t, tlen)?,
                54 => {
                    for i in 0..tlen {
                        c.o.hexw(u64::from(u8_at(d, t + i)?), 2);
                    }
                    if tlen != 16 {
                        c.s(", (invalid subTLV) ");
                    }
                    // no -M secret: tcpdump cannot check the signature
                    c.s(" (unchecked)");
                }
                3 => {
                    if tlen < 2 {
                        return Ok(Flow::Next);
                    }
                    c.dec(be16(d, t)?);
                    c.s(", password: ");
                    t += 2;
                    tlen -= 2;
                    for i in 0..tlen {
                        c.o.hexw(u64::from(u8_at(d, t + i)?), 2);
                    }
                }
                _ => {
                    if !unknown_data(c, d, t, "\n\t\t  ", tlen) {
                        return Ok(Flow::Ret(false));
                    }
                }
            }
        }
        240 => {
            if tlen >= 1 {
                let st = u8_at(d, t)?;
                c.s("\n\t      Adjacency State: ");
                c.s(match st {
                    0 => "Up",
                    1 => "Initializing",
                    2 => "Down",
                    _ => "unknown",
                });
                c.s(" (");
                c.dec(st);
                c.s(")");
                tlen -= 1;
            }
            if tlen > 4 {
                let x = be32(d, t + 1)?;
                c.s("\n\t      Extended Local circuit-ID: 0x");
                c.o.hexw(u64::from(x), 8);
                tlen -= 4;
            }
            if tlen >= 6 {
                if bytes(d, t + 5, 6).is_err() {
                    return Ok(Flow::Trunc);
                }
                c.s("\n\t      Neighbor System-ID: ");
                c.s(&id_string(d, t + 5, 6)?);
                tlen -= 6;
            }
            if tlen >= 4 {
                let x = be32(d, t + 11)?;
                c.s("\n\t      Neighbor Extended Local circuit-ID: 0x");
                c.o.hexw(u64::from(x), 8);
            }
        }
        129 => {
            c.s("\n\t      NLPID(s): ");
            while tlen != 0 {
                let b = u8_at(d, t)?;
                c.s(nlpid_name(b).unwrap_or("unknown"));
                c.s(" (0x");
                c.o.hexw(u64::from(b), 2);
                c.s(")");
                if tlen > 1 {
                    c.s(", ");
                }
                t += 1;
                tlen -= 1;
            }
        }
        143 => {
            if tlen < 2 {
                return Ok(Flow::Next);
            }
            let x = be16(d, t)?;
            c.s("\n\t       RES: ");
            c.dec(x >> 12);
            c.s(", MTID(s): ");
            c.dec(x & 0x0fff);
            t += 2;
            tlen -= 2;
            if tlen != 0 {
                ext::mt_port_cap_subtlv(c, d.get(t..).unwrap_or(&[]), tlen)?;
            }
        }
        144 => {
            if tlen < 2 {
                return Ok(Flow::Next);
            }
            let x = be16(d, t)?;
            c.s("\n\t      O: ");
            c.dec((x >> 15) & 1);
            c.s(", RES: ");
            c.dec((x >> 12) & 7);
            c.s(", MTID(s): ");
            c.dec(x & 0x0fff);
            t += 2;
            tlen -= 2;
            if tlen != 0 {
                ext::mt_capability_subtlv(c, d.get(t..).unwrap_or(&[]), tlen)?;
            }
        }
        134 => {
            if tlen < 4 {
                return Ok(Flow::Next);
            }
            let a = bytes(d, t, 4)?;
            c.s("\n\t      Traffic Engineering Router ID: ");
            c.ipaddr(a);
        }
        132 => {
            while tlen != 0 {
                if tlen < 4 {
                    return Ok(Flow::Next);
                }
                let a = bytes(d, t, 4)?;
                c.s("\n\t      IPv4 interface address: ");
                c.ipaddr(a);
                t += 4;
                tlen -= 4;
            }
        }
        137 => {
            c.s("\n\t      Hostname: ");
            printjnp(c, d, t, tlen)?;
        }
        138 => return srlg(c, d, t, tlen),
        9 => {
            while tlen != 0 {
                if tlen < 16 {
                    return Ok(Flow::Next);
                }
                if t + 10 > d.len() {
                    return Ok(Flow::Trunc);
                }
                c.s("\n\t      lsp-id: ");
                c.s(&id_string(d, t + 2, 8)?);
                let seq = be32(d, t + 10)?;
                c.s(", seq: 0x");
                c.o.hexw(u64::from(seq), 8);
                let life = be16(d, t)?;
                c.s(", lifetime: ");
                dec_pad(c, u64::from(life), 5);
                c.s("s");
                let ck = be16(d, t + 14)?;
                c.s(", chksum: 0x");
                c.o.hexw(u64::from(ck), 4);
                tlen -= 16;
                t += 16;
            }
        }
        12 => {
            if tlen < 2 {
                return Ok(Flow::Next);
            }
            let Ok(ck) = be16(d, t) else {
                return Ok(Flow::Trunc);
            };
            c.s("\n\t      checksum: 0x");
            c.o.hexw(u64::from(ck), 4);
            c.s(" ");
            print_cksum(c, d, ck, t, length);
        }
        13 => {
            if tlen < 1 {
                return Ok(Flow::Next);
            }
            let n = u8_at(d, t)?;
            t += 1;
            tlen -= 1;
            if n == 0 {
                c.s(" No system IDs supplied");
            } else {
                if tlen < 6 {
                    return Ok(Flow::Next);
                }
                if bytes(d, t, 6).is_err() {
                    return Ok(Flow::Trunc);
                }
                c.s("\n\t      Purge Originator System-ID: ");
                c.s(&id_string(d, t, 6)?);
                t += 6;
                tlen -= 6;
                if n > 1 {
                    if tlen < 6 {
                        return Ok(Flow::Next);
                    }
                    if bytes(d, t, 13).is_err() {
                        return Ok(Flow::Trunc);
                    }
                    c.s("\n\t      Received from System-ID: ");
                    c.s(&id_string(d, t, 6)?);
                }
            }
        }
        229 => {
            while tlen != 0 {
                if tlen != 1 {
                    let Some(n) = mt_prefix(c, d, t, tlen)? else {
                        return Ok(Flow::Trunc);
                    };
                    t += n;
                    tlen = tlen.saturating_sub(n);
                } else {
                    c.s("\n\t      invalid MT-ID");
                    break;
                }
            }
        }
        211 => {
            if tlen < 1 {
                return Ok(Flow::Next);
            }
            let Ok(fl) = u8_at(d, t) else {
                return Ok(Flow::Trunc);
            };
            c.s("\n\t      Flags [");
            super::super::ospf::bits(
                c,
                &[
                    (0x1, "Restart Request"),
                    (0x2, "Restart Acknowledgement"),
                    (0x4, "Suppress adjacency advertisement"),
                ],
                u32::from(fl),
                "none",
            );
            c.s("]");
            t += 1;
            tlen -= 1;
            if tlen < 2 {
                return Ok(Flow::Next);
            }
            let Ok(ht) = be16(d, t) else {
                return Ok(Flow::Trunc);
            };
            c.s(", Remaining holding time ");
            c.dec(ht);
            c.s("s");
            t += 2;
            tlen -= 2;
            if tlen == 6 {
                if bytes(d, t, 6).is_err() {
                    return Ok(Flow::Trunc);
                }
                c.s(", for ");
                c.s(&id_string(d, t, 6)?);
            }
        }
        131 => {
            if tlen < 1 {
                return Ok(Flow::Next);
            }
            let sub = u8_at(d, t)?;
            c.s("\n\t      Inter-Domain Information Type: ");
            match sub {
                0 => c.s("Reserved"),
                1 => c.s("Routing-Domain Specific"),
                2 => c.s("AS Number Tag"),
                _ => {
                    c.s("Unknown (0x");
                    c.o.hexw(u64::from(sub), 2);
                    c.s(")");
                }
            }
            t += 1;
            tlen -= 1;
            if sub == 2 {
                if tlen < 2 {
                    return Ok(Flow::Next);
                }
                let asn = be16(d, t)?;
                c.s("AS Number: ");
                c.dec(asn);
            } else if !unknown_data(c, d, t, IDENT, tlen) {
                return Ok(Flow::Ret(false));
            }
        }
        14 => {
            if tlen >= 2 {
                let n = be16(d, t)?;
                c.s("\n\t      LSP Buffersize: ");
                c.dec(n);
            }
        }
        4 => {
            while tlen != 0 {
                if tlen < 6 {
                    return Ok(Flow::Next);
                }
                if bytes(d, t, 6).is_err() {
                    return Ok(Flow::Trunc);
                }
                c.s("\n\t      ");
                c.s(&id_string(d, t, 6)?);
                t += 6;
                tlen -= 6;
            }
        }
        5 => {
            if tlen < 4 {
                return Ok(Flow::Next);
            }
            let Ok(m) = bytes(d, t, 4) else {
                return Ok(Flow::Trunc);
            };
            c.s("\n\t      Metric Block");
            metric_block(c, m);
            t += 4;
            tlen -= 4;
            while tlen != 0 {
                let pl = usize::from(u8_at(d, t)?);
                t += 1;
                tlen -= 1;
                if pl < 2 {
                    c.s("\n\t\tAddress: prefix length ");
                    c.dec(pl as u64);
                    c.s(" < 2");
                    break;
                }
                if tlen < pl / 2 {
                    break;
                }
                let s = nsap_string(d, t, pl / 2)?;
                c.s("\n\t\tAddress: ");
                c.s(&s);
                c.s("/");
                c.dec((pl * 4) as u64);
                t += pl / 2;
                tlen -= pl / 2;
            }
        }
        241 => {
            if tlen >= 4 {
                let n = be32(d, t)?;
                c.s("\n\t      Sequence number: ");
                c.dec(n);
            }
        }
        242 => {
            if tlen < 5 {
                c.s(" [object length ");
                c.dec(tlen as u64);
                c.s(" < 5]");
                c.invalid();
                return Ok(Flow::Next);
            }
            let a = bytes(d, t, 4)?;
            c.s("\n\t      Router-ID ");
            c.ipaddr(a);
            let fl = u8_at(d, t + 4)?;
            c.s(", Flags [");
            super::super::ospf::bits(
                c,
                &[(0x01, "S bit"), (0x02, "D bit")],
                u32::from(fl),
                "none",
            );
            c.s("]");
            if tlen > 5 {
                let sub = d.get(t + 5..).unwrap_or(&[]);
                ext::router_cap_subtlv(c, sub, (tlen - 5) as u8)?;
            }
        }
        250 => {
            if tlen < 3 {
                return Ok(Flow::Next);
            }
            let b = bytes(d, t, 3)?;
            let vendor = u32::from_be_bytes([0, b[0], b[1], b[2]]);
            c.s("\n\t      Vendor: ");
            c.s(super::super::names::oui_lookup(vendor).unwrap_or("Unknown"));
            c.s(" (");
            c.dec(vendor);
            c.s(")");
            t += 3;
            tlen -= 3;
            if tlen != 0 && !unknown_data(c, d, t, "\n\t\t", tlen) {
                return Ok(Flow::Ret(false));
            }
        }
        _ => {
            if v <= 1 && !unknown_data(c, d, t0, "\n\t\t", tlv_len) {
                return Ok(Flow::Ret(false));
            }
        }
    }
    Ok(Flow::Next)
}

/// TLV 138, shared risk link group.
fn srlg(c: &mut Ctx, d: &[u8], mut t: usize, mut tlen: usize) -> R<Flow> {
    if tlen < 7 {
        return Ok(Flow::Next);
    }
    if bytes(d, t, 7).is_err() {
        return Ok(Flow::Trunc);
    }
    c.s("\n\t      IS Neighbor: ");
    c.s(&id_string(d, t, 7)?);
    t += 7;
    tlen -= 7;
    if tlen < 1 {
        return Ok(Flow::Next);
    }
    let fl = u8_at(d, t)?;
    c.s(", Flags: [");
    c.s(if fl & 1 != 0 {
        "numbered"
    } else {
        "unnumbered"
    });
    c.s("]");
    t += 1;
    tlen -= 1;
    for what in ["interface", "neighbor"] {
        if tlen < 4 {
            return Ok(Flow::Next);
        }
        let a = bytes(d, t, 4)?;
        c.s("\n\t      IPv4 ");
        c.s(what);
        c.s(" address: ");
        c.ipaddr(a);
        t += 4;
        tlen -= 4;
    }
    while tlen != 0 {
        if tlen < 4 {
            return Ok(Flow::Next);
        }
        let id = be32(d, t)?;
        c.s("\n\t      Link-ID: 0x");
        c.o.hexw(u64::from(id), 8);
        t += 4;
        tlen -= 4;
    }
    Ok(Flow::Next)
}

/// tcpdump's mask2plen: the prefix length of a contiguous netmask.
fn mask2plen(mask: u32) -> Option<u32> {
    let ones = mask.leading_ones();
    if ones == 32 || mask << ones == 0 {
        Some(ones)
    } else {
        None
    }
}

/// tcpdump's isis_print_tlv_ip_reach (TLVs 128 and 130); false where it
/// returns 0 (the PDU's printing then ends).
fn ip_reach(c: &mut Ctx, d: &[u8], mut t: usize, mut len: usize) -> R<bool> {
    let ie = |b: u8| {
        if b & 0x40 != 0 {
            "External"
        } else {
            "Internal"
        }
    };
    while len > 0 {
        if len < 12 {
            c.s("short IPv4 Reachability (");
            c.dec(len as u64);
            c.s(" vs 12)");
            return Ok(false);
        }
        let Ok(e) = bytes(d, t, 12) else {
            return Ok(false);
        };
        let mask = u32::from_be_bytes([e[8], e[9], e[10], e[11]]);
        c.s(IDENT);
        c.s("IPv4 prefix: ");
        match mask2plen(mask) {
            None => {
                c.ipaddr(&e[4..8]);
                c.s(" mask ");
                c.ipaddr(&e[8..12]);
            }
            Some(pl) => {
                ipaddr_pad(c, &e[4..8], 15);
                c.s("/");
                c.dec(pl);
            }
        }
        c.s(", Distribution: ");
        c.s(if e[0] & 0x80 != 0 { "down" } else { "up" });
        c.s(", Metric: ");
        c.dec(e[0] & 0x3f);
        c.s(", ");
        c.s(ie(e[0]));
        for (b, name) in e[1..4].iter().zip(["Delay", "Expense", "Error"]) {
            if b & 0x80 == 0 {
                c.s(IDENT);
                c.s("  ");
                c.s(name);
                c.s(" Metric: ");
                c.dec(b & 0x3f);
                c.s(", ");
                c.s(ie(*b));
            }
        }
        len -= 12;
        t += 12;
    }
    Ok(true)
}
