//! The Label Distribution Protocol (RFC 5036, UDP and TCP port 646): the PDU
//! header by default and, with `-v`, every message and its TLVs as tcpdump 4.99
//! prints them (FECs with prefixes and Martini pseudowires, address lists,
//! session parameters, status codes); `-vv` adds a hex dump of each message.

use super::af::af_name;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

/// Version, PDU length, LSR ID and label space.
const COMMON_HDR_LEN: usize = 10;
/// Type, length and message ID.
const MSG_HDR_LEN: usize = 8;

fn msg_name(t: u16) -> &'static str {
    match t {
        0x0001 => "Notification",
        0x0100 => "Hello",
        0x0200 => "Initialization",
        0x0201 => "Keepalive",
        0x0300 => "Address",
        0x0301 => "Address Withdraw",
        0x0400 => "Label Mapping",
        0x0401 => "Label Request",
        0x0402 => "Label Withdraw",
        0x0403 => "Label Release",
        0x0404 => "Label Abort Request",
        _ => "Unknown",
    }
}

fn tlv_name(t: u16) -> &'static str {
    match t {
        0x0100 => "FEC",
        0x0101 => "Address List",
        0x0103 => "Hop Count",
        0x0104 => "Path Vector",
        0x0200 => "Generic Label",
        0x0201 => "ATM Label",
        0x0202 => "Frame-Relay Label",
        0x0300 => "Status",
        0x0301 => "Extended Status",
        0x0302 => "Returned PDU",
        0x0303 => "Returned Message",
        0x0400 => "Common Hello Parameters",
        0x0401 => "IPv4 Transport Address",
        0x0402 => "Configuration Sequence Number",
        0x0403 => "IPv6 Transport Address",
        0x0500 => "Common Session Parameters",
        0x0501 => "ATM Session Parameters",
        0x0502 => "Frame-Relay Session Parameters",
        0x0503 => "Fault-Tolerant Session Parameters",
        0x0600 => "Label Request Message ID",
        0x0601 => "MTU",
        _ => "Unknown",
    }
}

fn fec_name(t: u8) -> &'static str {
    match t {
        0x01 => "Wildcard",
        0x02 => "Prefix",
        0x03 => "Host address",
        0x80 => "Martini VC",
        _ => "Unknown",
    }
}

/// tcpdump's bittok2str over a byte: the names of the set bits, or `none`.
fn bit_names(c: &mut Ctx, table: &[(u8, &str)], v: u8, none: &str) {
    let mut first = true;
    for &(bit, name) in table {
        if v & bit != 0 {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s(none);
    }
}

/// The LDP payload of a UDP datagram or TCP segment, `len` bytes long: PDUs
/// one after another (only the first without `-v`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ldp";
    let mut len = len;
    let mut p = 0usize;
    while len > COMMON_HDR_LEN + MSG_HDR_LEN {
        let processed = pdu(c, d, p)?;
        if processed == 0 {
            return Ok(());
        }
        if len < processed {
            c.s(" [remaining length ");
            c.dec(len as u64);
            c.s(" < ");
            c.dec(processed as u64);
            c.s("]");
            c.invalid();
            break;
        }
        len -= processed;
        p += processed;
    }
    Ok(())
}

/// One PDU at `p`; returns its length (0 when nothing more should be printed).
fn pdu(c: &mut Ctx, d: &[u8], p: usize) -> R<usize> {
    bytes(d, p, COMMON_HDR_LEN)?;
    let nl = if c.opts.verbose < 1 { "" } else { "\n\t" };
    let version = be16(d, p)?;
    if version != 1 {
        c.s(nl);
        c.s("LDP version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(0);
    }
    let pdu_len = be16(d, p + 2)?;
    if pdu_len < 6 {
        c.s(nl);
        c.s("LDP, pdu-length: ");
        c.dec(pdu_len);
        c.s(" (too short, < 6)");
        return Ok(0);
    }
    c.s(nl);
    c.s("LDP, Label-Space-ID: ");
    c.ipaddr(bytes(d, p + 4, 4)?);
    c.s(":");
    c.dec(be16(d, p + 8)?);
    c.s(", pdu-length: ");
    c.dec(pdu_len);
    if c.opts.verbose < 1 {
        return Ok(0);
    }
    let mut t = p + COMMON_HDR_LEN;
    // A 16-bit count, as in tcpdump: a message longer than the PDU wraps it
    // around and decoding goes on until the capture ends.
    let mut tlen: u16 = pdu_len - 6;
    while tlen != 0 {
        bytes(d, t, MSG_HDR_LEN)?;
        let raw_type = be16(d, t)?;
        let msg_type = raw_type & 0x7fff;
        let msg_len = be16(d, t + 2)?;
        if msg_len < 4 {
            c.s("\n\t  ");
            c.s(msg_name(msg_type));
            c.s(" Message (0x");
            c.o.hexw(u64::from(msg_type), 4);
            c.s("), length: ");
            c.dec(msg_len);
            c.s(" (too short, < 4)");
            return Ok(0);
        }
        let id = be32(d, t + 4)?;
        c.s("\n\t  ");
        c.s(msg_name(msg_type));
        c.s(" Message (0x");
        c.o.hexw(u64::from(msg_type), 4);
        c.s("), length: ");
        c.dec(msg_len);
        c.s(", Message ID: 0x");
        c.o.hexw(u64::from(id), 8);
        c.s(", Flags: [");
        c.s(if raw_type & 0x8000 != 0 {
            "continue processing"
        } else {
            "ignore"
        });
        c.s(" if unknown]");
        let body = t + MSG_HDR_LEN;
        let mut msg_tlen = usize::from(msg_len) - 4;
        bytes(d, t, usize::from(msg_len))?;
        match msg_type {
            0x0001 | 0x0100 | 0x0200 | 0x0201 | 0x0300 | 0x0301 | 0x0400 | 0x0402 => {
                let mut m = body;
                while msg_tlen >= 4 {
                    let processed = tlv(c, d, m, msg_tlen)?;
                    if processed == 0 {
                        break;
                    }
                    // A TLV never claims more than what is left of the message.
                    msg_tlen -= processed;
                    m += processed;
                }
            }
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, body, "\n\t  ", msg_tlen);
                }
            }
        }
        if c.opts.verbose > 1 {
            unknown_data(c, d, body, "\n\t  ", usize::from(msg_len));
        }
        t += usize::from(msg_len) + 4;
        tlen = tlen.wrapping_sub(msg_len.wrapping_add(4));
    }
    Ok(usize::from(pdu_len) + 4)
}

/// tcpdump's check of a TLV's length against what its decoder needs: prints
/// the complaint and tells the caller to skip the value.
fn too_short(c: &mut Ctx, have: usize, need: usize) -> bool {
    if have < need {
        c.s(" [tlv length ");
        c.dec(have as u64);
        c.s(" < ");
        c.dec(need as u64);
        c.s("]");
        c.invalid();
        return true;
    }
    false
}

/// One TLV at `p` within `msg_tlen` bytes of message; returns its length with
/// the header, or 0 when it does not fit in the message.
fn tlv(c: &mut Ctx, d: &[u8], p: usize, msg_tlen: usize) -> R<usize> {
    bytes(d, p, 4)?;
    let raw_type = be16(d, p)?;
    let tlv_len = usize::from(be16(d, p + 2)?);
    if tlv_len + 4 > msg_tlen {
        c.s("\n\t\t TLV contents go past end of message");
        return Ok(0);
    }
    let tlv_type = raw_type & 0x3fff;
    c.s("\n\t    ");
    c.s(tlv_name(tlv_type));
    c.s(" TLV (0x");
    c.o.hexw(u64::from(tlv_type), 4);
    c.s("), length: ");
    c.dec(tlv_len as u64);
    c.s(", Flags: [");
    c.s(if raw_type & 0x8000 != 0 {
        "continue processing"
    } else {
        "ignore"
    });
    c.s(" and ");
    c.s(if raw_type & 0x4000 != 0 {
        "do"
    } else {
        "don't"
    });
    c.s(" forward if unknown]");
    let v = p + 4;
    let done = Ok(tlv_len + 4);
    match tlv_type {
        0x0400 => {
            if too_short(c, tlv_len, 4) {
                return done;
            }
            let hold = be16(d, v)?;
            let flags = be16(d, v + 2)?;
            c.s("\n\t      Hold Time: ");
            c.dec(hold);
            c.s("s, Flags: [");
            c.s(if flags & 0x8000 != 0 {
                "Targeted"
            } else {
                "Link"
            });
            c.s(" Hello");
            if flags & 0x4000 != 0 {
                c.s(", Request for targeted Hellos");
            }
            c.s("]");
        }
        0x0401 => {
            if too_short(c, tlv_len, 4) {
                return done;
            }
            let a = bytes(d, v, 4)?;
            c.s("\n\t      IPv4 Transport Address: ");
            c.ipaddr(a);
        }
        0x0403 => {
            if too_short(c, tlv_len, 16) {
                return done;
            }
            let a = bytes(d, v, 16)?;
            c.s("\n\t      IPv6 Transport Address: ");
            c.ip6addr(a);
        }
        0x0402 => {
            if too_short(c, tlv_len, 4) {
                return done;
            }
            let n = be32(d, v)?;
            c.s("\n\t      Sequence Number: ");
            c.dec(n);
        }
        0x0101 => {
            if too_short(c, tlv_len, 2) {
                return done;
            }
            let af = be16(d, v)?;
            c.s("\n\t      Address Family: ");
            match af_name(af) {
                Some(n) => c.s(n),
                None => {
                    c.s("Unknown (");
                    c.dec(af);
                    c.s(")");
                }
            }
            c.s(", addresses");
            let mut rest = tlv_len - 2;
            let mut a = v + 2;
            let width = match af {
                1 => 4,
                2 => 16,
                _ => return done,
            };
            while rest >= width {
                let addr = bytes(d, a, width)?;
                c.s(" ");
                if width == 4 {
                    c.ipaddr(addr);
                } else {
                    c.ip6addr(addr);
                }
                rest -= width;
                a += width;
            }
        }
        0x0500 => {
            if too_short(c, tlv_len, 8) {
                return done;
            }
            let version = be16(d, v)?;
            let keepalive = be16(d, v + 2)?;
            let flags = be16(d, v + 6)?;
            c.s("\n\t      Version: ");
            c.dec(version);
            c.s(", Keepalive: ");
            c.dec(keepalive);
            c.s("s, Flags: [Downstream ");
            c.s(if flags & 0x8000 != 0 {
                "On Demand"
            } else {
                "Unsolicited"
            });
            c.s(", Loop Detection ");
            c.s(if flags & 0x4000 != 0 {
                "Enabled"
            } else {
                "Disabled"
            });
            c.s("]");
        }
        0x0100 => return fec(c, d, v, tlv_len).map(|()| tlv_len + 4),
        0x0200 => {
            if too_short(c, tlv_len, 4) {
                return done;
            }
            let label = be32(d, v)? & 0xfffff;
            c.s("\n\t      Label: ");
            c.dec(label);
        }
        0x0300 => {
            if too_short(c, tlv_len, 8) {
                return done;
            }
            let code = be32(d, v)?;
            c.s("\n\t      Status: 0x");
            c.o.hexw(u64::from(code & 0x3fff_ffff), 2);
            c.s(", Flags: [");
            c.s(if code & 0x8000_0000 != 0 {
                "Fatal error"
            } else {
                "Advisory Notification"
            });
            c.s(" and ");
            c.s(if code & 0x4000_0000 != 0 {
                "do"
            } else {
                "don't"
            });
            c.s(" forward]");
            let id = be32(d, v + 4)?;
            if id != 0 {
                c.s(", causing Message ID: 0x");
                c.o.hexw(u64::from(id), 8);
            }
        }
        0x0503 => {
            if too_short(c, tlv_len, 12) {
                return done;
            }
            let f = be16(d, v)?;
            c.s("\n\t      Flags: [");
            c.s(if f & 0x8000 != 0 { "" } else { "No " });
            c.s("Reconnect, ");
            c.s(if f & 0x8 != 0 { "" } else { "Don't " });
            c.s("Save State, ");
            c.s(if f & 0x4 != 0 { "" } else { "No " });
            c.s("All-Label Protection, ");
            c.s(if f & 0x2 != 0 {
                "Sequence Numbered Label"
            } else {
                "All Labels"
            });
            c.s(" Checkpoint, ");
            c.s(if f & 0x1 != 0 { "" } else { "Don't " });
            c.s("Re-Learn State]");
            let reconnect = be32(d, v + 4)?;
            if reconnect != 0 {
                c.s(", Reconnect Timeout: ");
                c.dec(reconnect);
                c.s("ms");
            }
            let recovery = be32(d, v + 8)?;
            if recovery != 0 {
                c.s(", Recovery Time: ");
                c.dec(recovery);
                c.s("ms");
            }
        }
        0x0601 => {
            if too_short(c, tlv_len, 2) {
                return done;
            }
            let mtu = be16(d, v)?;
            c.s("\n\t      MTU: ");
            c.dec(mtu);
        }
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, v, "\n\t      ", tlv_len);
            }
        }
    }
    done
}

/// A FEC TLV's value (only its first element, as tcpdump decodes it).
fn fec(c: &mut Ctx, d: &[u8], v: usize, tlv_len: usize) -> R {
    if too_short(c, tlv_len, 1) {
        return Ok(());
    }
    let fec_type = u8_at(d, v)?;
    c.s("\n\t      ");
    c.s(fec_name(fec_type));
    c.s(" FEC (0x");
    c.o.hexw(u64::from(fec_type), 2);
    c.s(")");
    let mut p = v + 1;
    let mut rest = tlv_len - 1;
    match fec_type {
        0x02 => {
            if too_short(c, rest, 2) {
                return Ok(());
            }
            let af = be16(d, p)?;
            p += 2;
            rest -= 2;
            match af {
                1 | 2 => {
                    let v6 = af == 2;
                    let fam = if v6 { "IPv6" } else { "IPv4" };
                    match prefix(d, p, rest, v6)? {
                        // tcpdump 4.99 reports a prefix past the end of the TLV
                        // as a truncated capture.
                        Prefix::PastEnd => return Err(Trunc),
                        Prefix::BadLength => {
                            c.s(": ");
                            c.s(fam);
                            c.s(" prefix (invalid length)");
                        }
                        Prefix::Ok(addr, plen) => {
                            c.s(": ");
                            c.s(fam);
                            c.s(" prefix ");
                            if v6 {
                                c.ip6addr(&addr);
                            } else {
                                c.ipaddr(&addr[..4]);
                            }
                            c.s("/");
                            c.dec(plen);
                        }
                    }
                }
                _ => {
                    c.s(": Address family ");
                    c.dec(af);
                    c.s(" prefix");
                }
            }
        }
        0x80 => martini(c, d, p, rest)?,
        _ => {}
    }
    Ok(())
}

enum Prefix {
    Ok([u8; 16], u8),
    /// The prefix needs more bytes than the TLV has left.
    PastEnd,
    /// A prefix length beyond the address width.
    BadLength,
}

/// tcpdump's decode_prefix4/6: a length byte and the significant bytes of the
/// address, the bits past the length masked off.
fn prefix(d: &[u8], p: usize, rest: usize, v6: bool) -> R<Prefix> {
    if rest < 1 {
        return Ok(Prefix::PastEnd);
    }
    let plen = u8_at(d, p)?;
    let max = if v6 { 128 } else { 32 };
    if plen > max {
        return Ok(Prefix::BadLength);
    }
    let n = usize::from(plen).div_ceil(8);
    if rest - 1 < n {
        return Ok(Prefix::PastEnd);
    }
    let mut addr = [0u8; 16];
    addr[..n].copy_from_slice(bytes(d, p + 1, n)?);
    if plen % 8 != 0 {
        addr[n - 1] &= (0xff00u16 >> (plen % 8)) as u8;
    }
    Ok(Prefix::Ok(addr, plen))
}

/// A Martini VC FEC element (pseudowire type, control word, group and VC IDs,
/// interface parameters), `rest` bytes after the element type.
fn martini(c: &mut Ctx, d: &[u8], p: usize, rest: usize) -> R {
    if too_short(c, rest, 7) {
        return Ok(());
    }
    let info_len = usize::from(u8_at(d, p + 2)?);
    let pw = be16(d, p)?;
    let group = be32(d, p + 3)?;
    let pw_name = match super::lspping::pw_type(pw & 0x7fff) {
        "unknown" => "Unknown",
        n => n,
    };
    let cw = if pw & 0x8000 != 0 { "" } else { "no " };
    if info_len == 0 {
        c.s(": ");
        c.s(pw_name);
        c.s(", ");
        c.s(cw);
        c.s("control word, group-ID ");
        c.dec(group);
        c.s(", VC-info-length: 0");
        return Ok(());
    }
    if too_short(c, rest, 11) {
        return Ok(());
    }
    let vc_id = be32(d, p + 7)?;
    c.s(": ");
    c.s(pw_name);
    c.s(", ");
    c.s(cw);
    c.s("control word, group-ID ");
    c.dec(group);
    c.s(", VC-ID ");
    c.dec(vc_id);
    c.s(", VC-info-length: ");
    c.dec(info_len as u64);
    if info_len < 4 {
        c.s(" (invalid, < 4");
        return Ok(());
    }
    let mut left = info_len - 4;
    let mut q = p + 11;
    if too_short(c, rest - 11, left) {
        return Ok(());
    }
    while left > 2 {
        let t = u8_at(d, q)?;
        let l = usize::from(u8_at(d, q + 1)?);
        if l < 2 || left < l {
            break;
        }
        c.s("\n\t\tInterface Parameter: ");
        c.s(match t {
            0x01 => "MTU",
            0x03 => "Description",
            0x0c => "VCCV",
            _ => "Unknown",
        });
        c.s(" (0x");
        c.o.hexw(u64::from(t), 2);
        c.s("), len ");
        c.dec(l as u64);
        match t {
            0x01 => {
                let mtu = be16(d, q + 2)?;
                c.s(": ");
                c.dec(mtu);
            }
            0x03 => {
                c.s(": ");
                for i in 2..l {
                    print_char(c, u8_at(d, q + i)?);
                }
            }
            0x0c => {
                let cc = u8_at(d, q + 2)?;
                c.s("\n\t\t  Control Channels (0x");
                c.o.hexw(u64::from(cc), 2);
                c.s(") = [");
                bit_names(
                    c,
                    &[
                        (0x01, "PWE3 control word"),
                        (0x02, "MPLS Router Alert Label"),
                        (0x04, "MPLS inner label TTL = 1"),
                    ],
                    cc,
                    "none",
                );
                c.s("]");
                let cv = u8_at(d, q + 3)?;
                c.s("\n\t\t  CV Types (0x");
                c.o.hexw(u64::from(cv), 2);
                c.s(") = [");
                bit_names(
                    c,
                    &[(0x01, "ICMP Ping"), (0x02, "LSP Ping"), (0x04, "BFD")],
                    cv,
                    "none",
                );
                c.s("]");
            }
            _ => unknown_data(c, d, q + 2, "\n\t\t  ", l - 2),
        }
        left -= l;
        q += l;
    }
    Ok(())
}
