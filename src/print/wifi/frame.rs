//! The IEEE 802.11 MAC frame as tcpdump 4.99 prints it (print-802_11.c's
//! ieee802_11_print): management frames with their SSID, rates, channel and
//! privacy, control frames with their addresses, data frames handed to the LLC
//! printer, protected frames by their WEP/TKIP/CCMP IV.

use super::le16;
use super::tables::{REASON, STATUS};
use crate::print::out::Put;
use crate::print::{Ctx, R, bytes, cut, u8_at};

const T_MGMT: u16 = 0;
const T_CTRL: u16 = 1;
const T_DATA: u16 = 2;

const ST_ASSOC_REQUEST: u16 = 0x0;
const ST_ASSOC_RESPONSE: u16 = 0x1;
const ST_REASSOC_REQUEST: u16 = 0x2;
const ST_REASSOC_RESPONSE: u16 = 0x3;
const ST_PROBE_REQUEST: u16 = 0x4;
const ST_PROBE_RESPONSE: u16 = 0x5;
const ST_BEACON: u16 = 0x8;
const ST_ATIM: u16 = 0x9;
const ST_DISASSOC: u16 = 0xa;
const ST_AUTH: u16 = 0xb;
const ST_DEAUTH: u16 = 0xc;
const ST_ACTION: u16 = 0xd;

const CTRL_CONTROL_WRAPPER: u16 = 0x7;
const CTRL_BAR: u16 = 0x8;
const CTRL_BA: u16 = 0x9;
const CTRL_PS_POLL: u16 = 0xa;
const CTRL_RTS: u16 = 0xb;
const CTRL_CTS: u16 = 0xc;
const CTRL_ACK: u16 = 0xd;
const CTRL_CF_END: u16 = 0xe;
const CTRL_END_ACK: u16 = 0xf;

/// Management header: frame control, duration, DA, SA, BSSID, sequence control.
const MGMT_HDRLEN: usize = 24;

fn ftype(fc: u16) -> u16 {
    (fc >> 2) & 3
}
fn subtype(fc: u16) -> u16 {
    (fc >> 4) & 0xf
}
fn to_ds(fc: u16) -> bool {
    fc & 0x0100 != 0
}
fn from_ds(fc: u16) -> bool {
    fc & 0x0200 != 0
}
fn protected(fc: u16) -> bool {
    fc & 0x4000 != 0
}
/// Data subtypes are four flag bits: CF-Ack, CF-Poll, Null (no body), QoS.
fn data_cf_ack(st: u16) -> bool {
    st & 1 != 0
}
fn data_cf_poll(st: u16) -> bool {
    st & 2 != 0
}
fn data_null(st: u16) -> bool {
    st & 4 != 0
}
fn data_qos(st: u16) -> bool {
    st & 8 != 0
}

fn mgmt_name(st: u16) -> Option<&'static str> {
    Some(match st {
        ST_ASSOC_REQUEST => "Assoc Request",
        ST_ASSOC_RESPONSE => "Assoc Response",
        ST_REASSOC_REQUEST => "ReAssoc Request",
        ST_REASSOC_RESPONSE => "ReAssoc Response",
        ST_PROBE_REQUEST => "Probe Request",
        ST_PROBE_RESPONSE => "Probe Response",
        ST_BEACON => "Beacon",
        ST_ATIM => "ATIM",
        ST_DISASSOC => "Disassociation",
        ST_AUTH => "Authentication",
        ST_DEAUTH => "DeAuthentication",
        ST_ACTION => "Action",
        _ => return None,
    })
}

fn ctrl_name(st: u16) -> Option<&'static str> {
    Some(match st {
        CTRL_CONTROL_WRAPPER => "Control Wrapper",
        CTRL_BAR => "BAR",
        CTRL_BA => "BA",
        CTRL_PS_POLL => "Power Save-Poll",
        CTRL_RTS => "Request-To-Send",
        CTRL_CTS => "Clear-To-Send",
        CTRL_ACK => "Acknowledgment",
        CTRL_CF_END => "CF-End",
        CTRL_END_ACK => "CF-End+CF-Ack",
        _ => return None,
    })
}

/// Length of the MAC header of a frame; None (after tcpdump's message) for a
/// reserved frame type or control subtype.
fn header_length(c: &mut Ctx, fc: u16) -> Option<usize> {
    match ftype(fc) {
        T_MGMT => Some(MGMT_HDRLEN),
        T_CTRL => match subtype(fc) {
            CTRL_CONTROL_WRAPPER => Some(2 + 2 + 6 + 2 + 4),
            CTRL_BAR => Some(2 + 2 + 6 + 6 + 2 + 2),
            CTRL_BA | CTRL_CTS | CTRL_ACK => Some(2 + 2 + 6),
            CTRL_PS_POLL | CTRL_RTS | CTRL_CF_END | CTRL_END_ACK => Some(2 + 2 + 6 + 6),
            st => {
                c.s("unknown 802.11 ctrl frame subtype (");
                c.dec(st);
                c.s(")");
                None
            }
        },
        T_DATA => {
            let mut len = if to_ds(fc) && from_ds(fc) { 30 } else { 24 };
            if data_qos(subtype(fc)) {
                len += 2;
            }
            Some(len)
        }
        t => {
            c.s("unknown 802.11 frame type (");
            c.dec(t);
            c.s(")");
            None
        }
    }
}

/// tcpdump's ieee802_11_print: the frame in `d` (captured bytes) of `length`
/// bytes on the air, `fcslen` of them a trailing FCS, with `pad` for Atheros'
/// padding of the header to 32 bits. Returns the length of the headers printed.
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize, pad: bool, fcslen: usize) -> R<usize> {
    c.proto = "802.11";
    let orig_caplen = d.len();
    if length < fcslen {
        c.trunc_mark();
        return Ok(orig_caplen);
    }
    let length = length - fcslen;
    // The FCS is not part of the frame's bytes.
    let d = cut(d, length);
    if d.len() < 2 {
        c.trunc_mark();
        return Ok(orig_caplen);
    }
    let fc = le16(d, 0)?;
    let Some(mut hdrlen) = header_length(c, fc) else {
        return Ok(0);
    };
    if pad {
        hdrlen = (hdrlen + 3) & !3;
    }
    // -H: a QoS data frame may carry an 802.11s mesh control header after the MAC
    // header; its first byte says how long it is (none if reserved bits are set).
    let mut meshlen = 0;
    if c.opts.mesh_headers && ftype(fc) == T_DATA && data_qos(subtype(fc)) {
        let Some(&flags) = d.get(hdrlen) else {
            c.trunc_mark();
            return Ok(hdrlen);
        };
        if flags & !3 == 0 {
            meshlen = 6 * (1 + usize::from(flags & 3));
        }
        hdrlen += meshlen;
    }
    if d.len() < hdrlen {
        c.trunc_mark();
        return Ok(hdrlen);
    }
    if c.opts.link_header {
        header(c, fc, d, &d[hdrlen - meshlen..hdrlen])?;
    }
    let p = &d[hdrlen..];
    let length = length - hdrlen;
    match ftype(fc) {
        T_MGMT => {
            let sa = bytes(d, 10, 6)?;
            if !mgmt_body(c, fc, sa, p, length)? {
                c.trunc_mark();
                return Ok(hdrlen);
            }
        }
        T_CTRL => ctrl_body(c, fc, d)?,
        _ => {
            if data_null(subtype(fc)) {
                return Ok(hdrlen);
            }
            if protected(fc) {
                c.s("Data");
                if !wep(c, p)? {
                    c.trunc_mark();
                    return Ok(hdrlen);
                }
            } else {
                let (src, dst) = data_src_dst(fc, d)?;
                match crate::print::llc::print(c, p, length, src, dst)? {
                    Ok(h) => hdrlen += h,
                    Err(h) => {
                        c.default_print(p);
                        hdrlen += h;
                    }
                }
            }
        }
    }
    Ok(hdrlen)
}

/// The IV of a protected frame body; false if it was not captured.
fn wep(c: &mut Ctx, p: &[u8]) -> R<bool> {
    let Ok(iv) = bytes(p, 0, 4) else {
        return Ok(false);
    };
    let iv = u32::from_le_bytes([iv[0], iv[1], iv[2], iv[3]]);
    c.s(" IV:");
    // "%3x"
    let v = iv & 0xff_ffff;
    let digits = if v == 0 {
        1
    } else {
        (32 - v.leading_zeros()).div_ceil(4)
    };
    for _ in digits..3 {
        c.s(" ");
    }
    c.o.hex(u64::from(v));
    c.s(" Pad ");
    c.o.hex(u64::from((iv >> 24) & 0x3f));
    c.s(" KeyID ");
    c.o.hex(u64::from(iv >> 30));
    Ok(true)
}

/// Source and destination of a data frame by its To DS / From DS bits.
fn data_src_dst(fc: u16, d: &[u8]) -> R<(&[u8], &[u8])> {
    let (s, t) = match (to_ds(fc), from_ds(fc)) {
        (false, false) => (10, 4),
        (false, true) => (16, 4),
        (true, false) => (10, 16),
        (true, true) => (24, 16),
    };
    Ok((bytes(d, s, 6)?, bytes(d, t, 6)?))
}

fn addr(c: &mut Ctx, label: &str, d: &[u8], off: usize) -> R {
    let a = bytes(d, off, 6)?;
    c.s(label);
    c.etheraddr(a);
    c.s(" ");
    Ok(())
}

/// The MAC header with -e (tcpdump's ieee_802_11_hdr_print), with the mesh
/// control header `mesh` (empty when there is none or without -H).
fn header(c: &mut Ctx, fc: u16, d: &[u8], mesh: &[u8]) -> R {
    if c.opts.verbose > 0 {
        for (bit, name) in [
            (0x2000, "More Data "),
            (0x0400, "More Fragments "),
            (0x1000, "Pwr Mgmt "),
            (0x0800, "Retry "),
            (0x8000, "Strictly Ordered "),
            (0x4000, "Protected "),
        ] {
            if fc & bit != 0 {
                c.s(name);
            }
        }
        if ftype(fc) != T_CTRL || subtype(fc) != CTRL_PS_POLL {
            c.dec(le16(d, 2)?);
            c.s("us ");
        }
    }
    if !mesh.is_empty() {
        let ae = mesh[0] & 3;
        c.s("MeshData (AE ");
        c.dec(ae);
        c.s(" TTL ");
        c.dec(u8_at(mesh, 1)?);
        c.s(" seq ");
        let seq = bytes(mesh, 2, 4)?;
        c.dec(u32::from_le_bytes([seq[0], seq[1], seq[2], seq[3]]));
        for (i, label) in [" A4:", " A5:", " A6:"].into_iter().enumerate() {
            if usize::from(ae) > i {
                c.s(label);
                c.etheraddr(bytes(mesh, 6 + 6 * i, 6)?);
            }
        }
        c.s(") ");
    }
    match ftype(fc) {
        T_MGMT => {
            addr(c, "BSSID:", d, 16)?;
            addr(c, "DA:", d, 4)?;
            addr(c, "SA:", d, 10)?;
        }
        T_CTRL => match subtype(fc) {
            CTRL_BAR => bar_fields(c, d)?,
            CTRL_BA | CTRL_CTS | CTRL_ACK => addr(c, "RA:", d, 4)?,
            CTRL_PS_POLL => {
                addr(c, "BSSID:", d, 4)?;
                addr(c, "TA:", d, 10)?;
            }
            CTRL_RTS => {
                addr(c, "RA:", d, 4)?;
                addr(c, "TA:", d, 10)?;
            }
            CTRL_CF_END | CTRL_END_ACK => {
                addr(c, "RA:", d, 4)?;
                addr(c, "BSSID:", d, 10)?;
            }
            _ => {}
        },
        _ => {
            let st = subtype(fc);
            if data_cf_ack(st) || data_cf_poll(st) || data_qos(st) {
                c.s("CF ");
                if data_cf_ack(st) {
                    c.s(if data_cf_poll(st) { "Ack/Poll" } else { "Ack" });
                } else if data_cf_poll(st) {
                    c.s("Poll");
                }
                if data_qos(st) {
                    c.s("+QoS");
                }
                c.s(" ");
            }
            let labels: [&str; 4] = match (to_ds(fc), from_ds(fc)) {
                (false, false) => ["DA:", "SA:", "BSSID:", ""],
                (false, true) => ["DA:", "BSSID:", "SA:", ""],
                (true, false) => ["BSSID:", "SA:", "DA:", ""],
                (true, true) => ["RA:", "TA:", "DA:", "SA:"],
            };
            for (label, off) in labels.into_iter().zip([4, 10, 16, 24]) {
                if !label.is_empty() {
                    addr(c, label, d, off)?;
                }
            }
        }
    }
    Ok(())
}

/// ` RA:… TA:… CTL(…) SEQ(…) ` of a Block Ack Request.
fn bar_fields(c: &mut Ctx, d: &[u8]) -> R {
    let ra = bytes(d, 4, 6)?;
    let ta = bytes(d, 10, 6)?;
    let ctl = le16(d, 16)?;
    let seq = le16(d, 18)?;
    c.s(" RA:");
    c.etheraddr(ra);
    c.s(" TA:");
    c.etheraddr(ta);
    c.s(" CTL(");
    c.o.hex(u64::from(ctl));
    c.s(") SEQ(");
    c.dec(seq);
    c.s(") ");
    Ok(())
}

/// A control frame by name, with its addresses unless -e showed them.
fn ctrl_body(c: &mut Ctx, fc: u16, d: &[u8]) -> R {
    let st = subtype(fc);
    c.s(ctrl_name(st).unwrap_or("Unknown Ctrl Subtype"));
    let e = c.opts.link_header;
    match st {
        CTRL_BAR if !e => bar_fields(c, d)?,
        CTRL_PS_POLL => {
            c.s(" AID(");
            c.o.hex(u64::from(le16(d, 2)?));
            c.s(")");
        }
        CTRL_RTS if !e => {
            c.s(" ");
            addr(c, "TA:", d, 10)?;
        }
        CTRL_BA | CTRL_CTS | CTRL_ACK | CTRL_CF_END | CTRL_END_ACK if !e => {
            c.s(" ");
            addr(c, "RA:", d, 4)?;
        }
        _ => {}
    }
    Ok(())
}

/// The information elements tcpdump shows (the first of each kind).
#[derive(Default)]
struct Elements<'a> {
    ssid: Option<&'a [u8]>,
    rates: Option<&'a [u8]>,
    channel: Option<u8>,
}

/// tcpdump's parse_elements: the elements of a management frame body from `off`;
/// false where one is cut short or too long for tcpdump's buffers (what it has
/// found so far is still printed).
fn parse_elements<'a>(
    p: &'a [u8],
    mut off: usize,
    mut length: usize,
    e: &mut Elements<'a>,
) -> bool {
    while length != 0 {
        let (Some(&id), Some(&elen)) = (p.get(off), p.get(off + 1)) else {
            return false;
        };
        if length < 2 {
            return false;
        }
        let elen = usize::from(elen);
        let Some(body) = p.get(off + 2..off + 2 + elen) else {
            return false;
        };
        if length < elen + 2 {
            return false;
        }
        match id {
            // SSID, at most 32 bytes
            0 => {
                if elen > 32 {
                    return false;
                }
                e.ssid.get_or_insert(body);
            }
            // Supported rates, at most 16; empty ones are skipped
            1 => {
                if elen > 16 {
                    return false;
                }
                if e.rates.is_none() && elen != 0 {
                    e.rates = Some(body);
                }
            }
            // DS parameter set: the channel
            3 if elen == 1 && e.channel.is_none() => e.channel = Some(body[0]),
            // TIM: a bitmap longer than tcpdump's buffer
            5 if elen > 3 && elen - 3 > 251 => return false,
            // Challenge text
            16 if elen > 253 => return false,
            _ => {}
        }
        off += 2 + elen;
        length -= 2 + elen;
    }
    true
}

fn ssid(c: &mut Ctx, e: &Elements<'_>) {
    if let Some(s) = e.ssid {
        c.s(" (");
        // fn_print_str: up to the first NUL
        for &b in s.iter().take_while(|&&b| b != 0) {
            crate::print::tcp::print_char(c, b);
        }
        c.s(")");
    }
}

fn rates(c: &mut Ctx, e: &Elements<'_>) {
    if let Some(r) = e.rates {
        let mut sep = " [";
        for &rate in r {
            c.s(sep);
            let v = u64::from(rate & 0x7f);
            // "%2.1f" of half the value
            c.dec(v / 2);
            c.s(if v.is_multiple_of(2) { ".0" } else { ".5" });
            if rate & 0x80 != 0 {
                c.s("*");
            }
            sep = " ";
        }
        c.s(" Mbit]");
    }
}

fn channel_privacy(c: &mut Ctx, e: &Elements<'_>, cap: u16) {
    if let Some(ch) = e.channel {
        c.s(" CH: ");
        c.dec(ch);
    }
    if cap & 0x0010 != 0 {
        c.s(", PRIVACY");
    }
}

fn status(code: u16) -> &'static str {
    STATUS.get(usize::from(code)).copied().unwrap_or("n/a")
}

fn reason(code: u16) -> &'static str {
    REASON.get(usize::from(code)).copied().unwrap_or("Reserved")
}

/// The fixed fields of a body (`n` bytes) are there, captured and on the wire.
fn fixed(p: &[u8], length: usize, n: usize) -> bool {
    p.len() >= n && length >= n
}

/// A management frame body; false where tcpdump marks it truncated.
fn mgmt_body(c: &mut Ctx, fc: u16, sa: &[u8], p: &[u8], length: usize) -> R<bool> {
    let st = subtype(fc);
    match mgmt_name(st) {
        Some(n) => c.s(n),
        None => {
            c.s("Unhandled Management subtype(");
            c.o.hex(u64::from(st));
            c.s(")");
        }
    }
    if protected(fc) {
        return wep(c, p);
    }
    let mut e = Elements::default();
    match st {
        ST_ASSOC_REQUEST => {
            if !fixed(p, length, 4) {
                return Ok(false);
            }
            let ok = parse_elements(p, 4, length - 4, &mut e);
            ssid(c, &e);
            rates(c, &e);
            Ok(ok)
        }
        ST_ASSOC_RESPONSE | ST_REASSOC_RESPONSE => {
            if !fixed(p, length, 6) {
                return Ok(false);
            }
            let cap = le16(p, 0)?;
            let code = le16(p, 2)?;
            let aid = le16(p, 4)?;
            let ok = parse_elements(p, 6, length - 6, &mut e);
            c.s(" AID(");
            c.o.hex(u64::from(aid & 0x3fff));
            c.s(") :");
            if cap & 0x0010 != 0 {
                c.s(" PRIVACY ");
            }
            c.s(": ");
            c.s(status(code));
            Ok(ok)
        }
        ST_REASSOC_REQUEST => {
            if !fixed(p, length, 10) {
                return Ok(false);
            }
            let ap = bytes(p, 4, 6)?;
            let ok = parse_elements(p, 10, length - 10, &mut e);
            ssid(c, &e);
            c.s(" AP : ");
            c.etheraddr(ap);
            Ok(ok)
        }
        ST_PROBE_REQUEST => {
            let ok = parse_elements(p, 0, length, &mut e);
            ssid(c, &e);
            rates(c, &e);
            Ok(ok)
        }
        ST_PROBE_RESPONSE | ST_BEACON => {
            if !fixed(p, length, 12) {
                return Ok(false);
            }
            let cap = le16(p, 10)?;
            let ok = parse_elements(p, 12, length - 12, &mut e);
            ssid(c, &e);
            rates(c, &e);
            if st == ST_BEACON {
                c.s(if cap & 0x0001 != 0 { " ESS" } else { " IBSS" });
            }
            channel_privacy(c, &e, cap);
            Ok(ok)
        }
        ST_DISASSOC => {
            if !fixed(p, length, 2) {
                return Ok(false);
            }
            c.s(": ");
            c.s(reason(le16(p, 0)?));
            Ok(true)
        }
        ST_AUTH => {
            if !fixed(p, length, 6) {
                return Ok(false);
            }
            let alg = le16(p, 0)?;
            let seq = le16(p, 2)?;
            let code = le16(p, 4)?;
            let ok = parse_elements(p, 6, length - 6, &mut e);
            c.s(" (");
            c.s(match alg {
                0 => "Open System",
                1 => "Shared Key",
                2 => "EAP",
                _ => "Reserved",
            });
            c.s(")-");
            c.o.hex(u64::from(seq));
            if alg == 1 && (seq == 2 || seq == 3) {
                c.s(" [Challenge Text] ");
            } else {
                c.s(": ");
            }
            if seq % 2 != 0 {
                c.s(status(code));
            }
            Ok(ok)
        }
        ST_DEAUTH => {
            if !fixed(p, length, 2) {
                return Ok(false);
            }
            let why = reason(le16(p, 0)?);
            if !c.opts.link_header {
                c.s(" (");
                c.etheraddr(sa);
                c.s(")");
            }
            c.s(": ");
            c.s(why);
            Ok(true)
        }
        ST_ACTION => {
            if !fixed(p, length, 2) {
                return Ok(false);
            }
            if c.opts.link_header {
                c.s(": ");
            } else {
                c.s(" (");
                c.etheraddr(sa);
                c.s("): ");
            }
            action(c, u8_at(p, 0)?, u8_at(p, 1)?);
            Ok(true)
        }
        _ => Ok(true),
    }
}

/// `Act#N` for an action tcpdump has no name for.
fn act_number(c: &mut Ctx, a: u8) {
    c.s("Act#");
    c.dec(a);
}

fn named_action(c: &mut Ctx, prefix: &str, names: &[(u8, &str)], a: u8) {
    c.s(prefix);
    match names.iter().find(|(v, _)| *v == a) {
        Some((_, n)) => c.s(n),
        None => act_number(c, a),
    }
}

/// An action frame's category and action.
fn action(c: &mut Ctx, category: u8, a: u8) {
    match category {
        0 => {
            c.s("Spectrum Management ");
            act_number(c, a);
        }
        1 => {
            c.s("QoS ");
            act_number(c, a);
        }
        2 => {
            c.s("DLS ");
            act_number(c, a);
        }
        3 => named_action(
            c,
            "BA ",
            &[(0, "ADDBA Request"), (1, "ADDBA Response"), (2, "DELBA")],
            a,
        ),
        7 => named_action(c, "HT ", &[(0, "TxChWidth"), (1, "MIMOPwrSave")], a),
        13 => named_action(
            c,
            "MeshAction ",
            &[
                (0, "MeshLink"),
                (1, "HWMP"),
                (2, "Gate Announcement"),
                (3, "Congestion Control"),
                (4, "MCCA Setup Request"),
                (5, "MCCA Setup Reply"),
                (6, "MCCA Advertisement Request"),
                (7, "MCCA Advertisement"),
                (8, "MCCA Teardown"),
                (9, "TBTT Adjustment Request"),
                (10, "TBTT Adjustment Response"),
            ],
            a,
        ),
        14 => named_action(
            c,
            "MultiohopAction ",
            &[(0, "Proxy Update"), (1, "Proxy Update Confirmation")],
            a,
        ),
        15 => named_action(
            c,
            "SelfprotectAction ",
            &[
                (1, "Peering Open"),
                (2, "Peering Confirm"),
                (3, "Peering Close"),
                (4, "Group Key Inform"),
                (5, "Group Key Acknowledge"),
            ],
            a,
        ),
        127 => {
            c.s("Vendor ");
            act_number(c, a);
        }
        _ => {
            c.s("Reserved(");
            c.dec(category);
            c.s(") ");
            act_number(c, a);
        }
    }
}
