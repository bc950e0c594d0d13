//! DLT_FRELAY (107): Frame Relay, as Linux hdlc interfaces capture it. A
//! Q.922 address (2 to 4 bytes: DLCI and the C/R, FECN, BECN and DE bits),
//! then either a Cisco-style ethertype or the UI control byte, an optional pad
//! and an NLPID naming the payload: IPv4, IPv6, SNAP, PPP, FRF.15 fragments or
//! Q.933 signalling (the LMI status enquiries and replies of idle links).

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, u8_at};

pub(super) const DLT: u32 = 107;

const EA: u8 = 0x01;
const LLC_UI: u8 = 0x03;

const FLAG_CR: u32 = 0x0200_0000;
const FLAG_DE: u32 = 0x0002_0000;
const FLAG_BECN: u32 = 0x0004_0000;
const FLAG_FECN: u32 = 0x0008_0000;
const FLAG_SDLC: u32 = 0x0000_0002;

const NLPID_Q933: u8 = 0x08;
const NLPID_SNAP: u8 = 0x80;
const NLPID_IP: u8 = 0xcc;
const NLPID_IP6: u8 = 0x8e;
const NLPID_PPP: u8 = 0xcf;
const NLPID_MFR: u8 = 0xb1;

fn nlpid_name(n: u16) -> Option<&'static str> {
    Some(match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x09 => "LMI",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x84 => "CONS",
        0x85 => "IDRP",
        0x8a => "X25 ES-IS",
        0x8e => "IPv6",
        0xb1 => "FRF.15",
        0xc1 => "ISIS_SPB",
        0xcc => "IPv4",
        0xcf => "PPP",
        _ => return None,
    })
}

/// A Q.922 address: DLCI, its length, the flag bits.
struct Q922 {
    dlci: u32,
    len: usize,
    flags: u32,
}

/// Ok(None) for an invalid address, Err for one cut short.
fn q922(d: &[u8], length: usize) -> R<Option<Q922>> {
    let avail = d.len().min(length);
    let at = |i: usize| if i < avail { Ok(d[i]) } else { Err(Trunc) };
    let b0 = at(0)?;
    if b0 & EA != 0 {
        return Ok(None);
    }
    let b1 = at(1)?;
    let mut a = Q922 {
        dlci: (u32::from(b0 & 0xfc) << 2) | u32::from((b1 & 0xf0) >> 4),
        len: 2,
        flags: (u32::from(b0 & 0x02) << 24) | (u32::from(b1 & 0x0e) << 16),
    };
    if b1 & EA != 0 {
        return Ok(Some(a));
    }
    let mut i = 2;
    let mut b = at(i)?;
    a.len = 3;
    if b & EA == 0 {
        a.dlci = (a.dlci << 7) | u32::from(b >> 1);
        a.len = 4;
        i += 1;
        b = at(i)?;
    }
    if b & EA == 0 {
        return Ok(None);
    }
    a.flags |= u32::from(b & 0x02);
    a.dlci = (a.dlci << 6) | u32::from(b >> 2);
    Ok(Some(a))
}

fn flags(c: &mut Ctx, f: u32) {
    let mut first = true;
    for (bit, name) in [
        (FLAG_CR, "C!"),
        (FLAG_DE, "DE"),
        (FLAG_BECN, "BECN"),
        (FLAG_FECN, "FECN"),
        (FLAG_SDLC, "sdlcore"),
    ] {
        if f & bit != 0 {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s("none");
    }
}

/// The header line: NLPIDs below 256, Cisco ethertypes above.
fn header(c: &mut Ctx, length: usize, hdr_len: usize, a: &Q922, nlpid: u16) {
    c.s("Q.922, ");
    if c.opts.quiet {
        c.s("DLCI ");
        c.dec(a.dlci);
    } else {
        c.s("hdr-len ");
        c.dec(hdr_len as u64);
        c.s(", DLCI ");
        c.dec(a.dlci);
        c.s(", Flags [");
        flags(c, a.flags);
        c.s("], ");
        if nlpid <= 0xff {
            c.s("NLPID ");
            c.s(nlpid_name(nlpid).unwrap_or("unknown"));
            c.s(" (0x");
            c.o.hexw(u64::from(nlpid), 2);
        } else {
            c.s("cisco-ethertype ");
            c.s(super::super::ether::ethertype_name(nlpid).unwrap_or("unknown"));
            c.s(" (0x");
            c.o.hexw(u64::from(nlpid), 4);
        }
        c.s(")");
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "fr";
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(d.len());
    }
    fr(c, d, length)
}

/// tcpdump's fr_print; the header length, 0 when it stopped early.
pub(crate) fn fr(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    let a = match q922(d, length) {
        Err(_) => {
            c.trunc_mark();
            return Ok(0);
        }
        Ok(None) => {
            c.s("Q.922, invalid address");
            return Ok(0);
        }
        Ok(Some(a)) => a,
    };
    // tcpdump's ND_TCHECKs here end the frame with a mark, no longjmp.
    let Some(&ctrl) = d.get(a.len) else {
        c.trunc_mark();
        return Ok(0);
    };
    if length < a.len + 1 {
        c.trunc_mark();
        return Ok(0);
    }
    if ctrl != LLC_UI && a.dlci != 0 {
        if d.len() < a.len + 2 || length < a.len + 2 {
            c.s("UI ");
            c.o.hexw(u64::from(ctrl), 2);
            c.s("! ");
        } else {
            let et = super::super::be16(d, a.len)?;
            if c.opts.link_header {
                header(c, length, a.len, &a, et);
            }
            let p = &d[a.len + 2..];
            if super::super::ether::ethertype_print(c, et, p, length - a.len - 2)? {
                return Ok(a.len + 2);
            }
            c.s("UI ");
            c.o.hexw(u64::from(ctrl), 2);
            c.s("! ");
        }
    }
    let Some(&pad) = d.get(a.len + 1) else {
        c.trunc_mark();
        return Ok(0);
    };
    if length < a.len + 2 {
        c.trunc_mark();
        return Ok(0);
    }
    let hdr_len = if pad == 0 {
        if a.len != 3 {
            c.s("Pad! ");
        }
        a.len + 3
    } else {
        if a.len == 3 {
            c.s("No pad! ");
        }
        a.len + 2
    };
    let Some(&nlpid) = d.get(hdr_len - 1) else {
        c.trunc_mark();
        return Ok(0);
    };
    if length < hdr_len {
        c.trunc_mark();
        return Ok(0);
    }
    if c.opts.link_header {
        header(c, length, a.len, &a, u16::from(nlpid));
    }
    let p = &d[hdr_len..];
    let rest = length - hdr_len;
    match nlpid {
        NLPID_IP => super::super::ip::print(c, p, rest)?,
        NLPID_IP6 => super::super::ip6::print(c, p, rest)?,
        NLPID_SNAP => {
            if super::super::llc::snap(c, p, rest, &[], &[])? == Some(false) {
                if !c.opts.link_header {
                    header(c, length, hdr_len, &a, u16::from(nlpid));
                }
                if !c.opts.suppress_default_print() {
                    dump(c, d, length)?;
                }
            }
        }
        NLPID_Q933 => q933(c, p, rest)?,
        0x81..=0x83 => super::super::osi::print(c, &d[hdr_len - 1..], rest + 1)?,
        NLPID_MFR => frf15(c, p, rest)?,
        NLPID_PPP => {
            super::super::ppp::print(c, p, rest)?;
        }
        _ => {
            if !c.opts.link_header {
                header(c, length, a.len, &a, u16::from(nlpid));
            }
            if c.opts.hex == 0 {
                dump(c, p, rest)?;
            }
        }
    }
    Ok(hdr_len)
}

/// tcpdump's default print of `length` bytes: what was captured of them; if
/// that is not all, the packet ends there as truncated (tcpdump's hex dump
/// longjmps, so -X then dumps the whole frame).
fn dump(c: &mut Ctx, d: &[u8], length: usize) -> R {
    super::super::hex::hex_and_ascii(&mut c.o, "\n\t", super::super::cut(d, length), 0);
    if d.len() < length {
        return Err(Trunc);
    }
    Ok(())
}

/// FRF.15 end-to-end or interface fragmentation header.
fn frf15(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if length < 2 {
        c.trunc_mark();
        return Ok(());
    }
    if d.len() < 2 {
        return Err(Trunc);
    }
    let (b0, b1) = (u8_at(d, 0)?, u8_at(d, 1)?);
    let seq = (u16::from(b0 & 0x1e) << 7) | u16::from(b1);
    c.s("FRF.15, seq 0x");
    c.o.hexw(u64::from(seq), 3);
    c.s(", Flags [");
    bec_flags(c, b0);
    c.s("],");
    c.s(if b0 & 1 != 0 {
        "Interface"
    } else {
        "End-to-End"
    });
    c.s(" Fragmentation, length ");
    c.dec(length as u64);
    Ok(())
}

/// Q.933 IE names of codesets 0 and 5.
fn ie_name(code: u8) -> Option<&'static str> {
    Some(match code {
        0x01 => "ANSI Report Type",
        0x19 | 0x03 => "ANSI Link Verify",
        0x07 => "ANSI PVC Status",
        0x51 => "CCITT Report Type",
        0x53 => "CCITT Link Verify",
        0x57 => "CCITT PVC Status",
        _ => return None,
    })
}

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0x00 => "ESC to National",
        0x01 => "Alert",
        0x02 => "Call proceeding",
        0x07 => "Connect",
        0x0f => "Connect ACK",
        0x03 => "Progress",
        0x05 => "Setup",
        0x45 => "Disconnect",
        0x4d => "Release",
        0x5a => "Release Complete",
        0x46 => "Restart",
        0x4e => "Restart ACK",
        0x7d => "Status Reply",
        0x75 => "Status Enquiry",
        _ => return None,
    })
}

/// A codeset 0/5 IE tcpdump decodes; false for the others.
fn ie(c: &mut Ctx, code: u8, v: &[u8]) -> R<bool> {
    let verbose = c.opts.verbose > 0;
    match code {
        0x01 | 0x51 => {
            if verbose {
                let t = u8_at(v, 0)?;
                c.s(match t {
                    0 => "Full Status",
                    1 => "Link verify",
                    2 => "Async PVC Status",
                    _ => "unknown",
                });
                c.s(" (");
                c.dec(t);
                c.s(")");
            }
            Ok(true)
        }
        0x03 | 0x53 | 0x19 => {
            if !verbose {
                c.s(", ");
            }
            if v.len() < 2 {
                c.s("Invalid LINK VERIFY IE");
                return Ok(true);
            }
            c.s("TX Seq: ");
            dec3(c, v[0]);
            c.s(", RX Seq: ");
            dec3(c, v[1]);
            Ok(true)
        }
        0x07 | 0x57 => {
            if !verbose {
                c.s(", ");
            }
            let n = v.len();
            let b = |i: usize| v.get(i).copied().unwrap_or(0);
            if n < 3
                || b(0) & 0x80 != 0
                || (n == 3 && b(1) & 0x80 == 0)
                || (n == 4 && (b(1) & 0x80 != 0 || b(2) & 0x80 == 0))
                || (n == 5 && (b(1) & 0x80 != 0 || b(2) & 0x80 != 0 || b(3) & 0x80 == 0))
                || n > 5
                || b(n - 1) & 0x80 == 0
            {
                c.s("Invalid DLCI in PVC STATUS IE");
                return Ok(true);
            }
            let mut dlci = (u32::from(b(0) & 0x3f) << 4) | u32::from((b(1) & 0x78) >> 3);
            if n == 4 {
                dlci = (dlci << 6) | u32::from((b(2) & 0x7e) >> 1);
            } else if n == 5 {
                dlci = (dlci << 13) | u32::from(b(2) & 0x7f) | u32::from((b(3) & 0x7e) >> 1);
            }
            c.s("DLCI ");
            c.dec(dlci);
            c.s(": status ");
            let last = b(n - 1);
            if last & 0x08 != 0 {
                c.s("New, ");
            }
            c.s(if last & 0x02 != 0 {
                "Active"
            } else {
                "Inactive"
            });
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `%3d`: right-aligned in three columns.
fn dec3(c: &mut Ctx, v: u8) {
    if v < 100 {
        c.s(" ");
    }
    if v < 10 {
        c.s(" ");
    }
    c.dec(v);
}

/// ", length N" when not verbose, then the truncation mark.
fn q933_trunc(c: &mut Ctx, olen: usize, with_comma: bool) {
    if with_comma && !c.opts.link_header {
        c.s(", ");
        c.s("length ");
        c.dec(olen as u64);
    } else if !with_comma && c.opts.verbose == 0 {
        c.s(", length ");
        c.dec(olen as u64);
    } else if with_comma {
        c.s("length ");
        c.dec(olen as u64);
    }
    c.proto = "q.933";
    c.trunc_mark();
}

/// ITU-T Q.933 (and its ANSI T1.617 Annex D form): call reference, message
/// type, information elements.
pub(crate) fn q933(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "q.933";
    if !c.opts.link_header {
        c.s("Q.933");
    }
    let avail = d.len().min(length);
    let olen = length;
    if avail == 0 {
        q933_trunc(c, olen, true);
        return Ok(());
    }
    let call_ref_len = usize::from(d[0] & 0x0f);
    let mut p = 1;
    if avail < p + call_ref_len + 1 {
        q933_trunc(c, olen, true);
        return Ok(());
    }
    let call_ref = &d[p..p + call_ref_len];
    p += call_ref_len;
    let msg = d[p];
    p += 1;
    let mut codeset = 0u8;
    let mut is_ansi = false;
    let mut non_locking = 0u8;
    let mut unshift = codeset;
    if p < length {
        if p >= d.len() {
            q933_trunc(c, olen, true);
            return Ok(());
        }
        let code = d[p];
        if code & 0xf0 == 0x90 {
            p += 1;
            codeset = code & 0x07;
            if code & 0x08 == 0 {
                if codeset == 5 {
                    is_ansi = true;
                }
            } else {
                non_locking = 1;
                unshift = 0;
            }
        }
    }
    if !c.opts.link_header {
        c.s(", ");
    }
    c.s(if is_ansi { "ANSI" } else { "CCITT" });
    c.s(", codeset ");
    c.dec(codeset);
    // tcpdump tests the byte after the message type (and any shift), not
    // the one-byte reference itself.
    if call_ref_len != 0 && (call_ref_len > 1 || u8_at(d, p)? != 0) {
        {
            c.s(", Call Ref: 0x");
            for b in call_ref {
                c.o.hexw(u64::from(*b), 2);
            }
        }
    }
    if c.opts.verbose > 0 {
        c.s(", ");
        c.s(msg_name(msg).unwrap_or("unknown message"));
        c.s(" (0x");
        c.o.hexw(u64::from(msg), 2);
        c.s("), length ");
        c.dec(olen as u64);
    } else {
        c.s(", ");
        match msg_name(msg) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown message 0x");
                c.o.hexw(u64::from(msg), 2);
            }
        }
    }
    while p < length {
        if non_locking == 1 {
            non_locking = 2;
        } else if non_locking == 2 {
            codeset = unshift;
            non_locking = 0;
        }
        let Some(&code) = d.get(p) else {
            q933_trunc(c, olen, false);
            return Ok(());
        };
        p += 1;
        if code & 0x80 != 0 {
            if code & 0xf0 == 0x90 {
                if code & 0x08 == 0 {
                    non_locking = 0;
                } else {
                    non_locking = 1;
                    unshift = codeset;
                }
                codeset = code & 0x07;
            }
            continue;
        }
        let Some(&ie_len) = d.get(p).filter(|_| p < length) else {
            q933_trunc(c, olen, false);
            return Ok(());
        };
        p += 1;
        let ie_len = usize::from(ie_len);
        if c.opts.verbose > 0 {
            c.s("\n\t");
            let known = if codeset == 0 || codeset == 5 {
                ie_name(code)
            } else {
                None
            };
            c.s(known.unwrap_or("unknown"));
            c.s(" IE (0x");
            c.o.hexw(u64::from(code), 2);
            c.s("), length ");
            c.dec(ie_len as u64);
            c.s(": ");
        }
        if code == 0 || ie_len == 0 {
            return Ok(());
        }
        if length - p < ie_len || d.len() < p + ie_len {
            q933_trunc(c, olen, false);
            return Ok(());
        }
        let v = &d[p..p + ie_len];
        let known = (codeset == 0 || codeset == 5) && ie(c, code, v)?;
        if known {
            if c.opts.verbose > 1 {
                super::super::ppp::unknown_data(c, v, 0, "\n\t  ", ie_len);
            }
        } else if c.opts.verbose >= 1 {
            super::super::ppp::unknown_data(c, v, 0, "\n\t", ie_len);
        }
        p += ie_len;
    }
    if c.opts.verbose == 0 {
        c.s(", length ");
        c.dec(olen as u64);
    }
    Ok(())
}

pub(super) const DLT_MFR: u32 = 182;

/// B, E, C bits of an FRF.16 header as tcpdump lists them.
fn bec_flags(c: &mut Ctx, b0: u8) {
    let table = [(0x80, "Begin"), (0x40, "End"), (0x20, "Control")];
    super::super::ospf::bits(c, &table, u32::from(b0), "none");
}

fn mfr_msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Add Link",
        2 => "Add Link ACK",
        3 => "Add Link Reject",
        4 => "Hello",
        5 => "Hello ACK",
        6 => "Remove Link",
        7 => "Remove Link ACK",
        _ => return None,
    })
}

fn mfr_ie_name(t: u8) -> &'static str {
    match t {
        1 => "Bundle ID",
        2 => "Link ID",
        3 => "Magic Number",
        5 => "Timestamp",
        6 => "Vendor Extension",
        7 => "Cause",
        _ => "Unknown",
    }
}

/// DLT_MFR (182): FRF.16 multilink Frame Relay, control frames (with their
/// IEs at -v) and fragments, the first of which carries a Frame Relay frame.
pub(crate) fn mfr(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "mfr";
    if d.len() < 2 {
        c.trunc_mark();
        return Ok(d.len());
    }
    if length < 4 {
        c.s("[length ");
        c.dec(length as u64);
        c.s(" < 4]");
        c.invalid();
        return Ok(length);
    }
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(length);
    }
    let (b0, b1) = (d[0], d[1]);
    if b0 & 0xe0 == 0xe0 && b1 == 0 {
        c.s("FRF.16 Control, Flags [");
        bec_flags(c, b0 & 0xe0);
        c.s("], ");
        let msg = d[2];
        match mfr_msg_name(msg) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown Message (0x");
                c.o.hexw(u64::from(msg), 2);
                c.s(")");
            }
        }
        c.s(", length ");
        c.dec(length as u64);
        if c.opts.verbose == 0 {
            return Ok(3);
        }
        let mut at = 3;
        let mut tlen = length - 3;
        while tlen > 2 {
            if d.len() < at + 2 {
                c.trunc_mark();
                return Ok(length);
            }
            let (ie_type, ie_len) = (d[at], usize::from(d[at + 1]));
            c.s("\n\tIE ");
            c.s(mfr_ie_name(ie_type));
            c.s(" (");
            c.dec(ie_type);
            c.s("), length ");
            c.dec(ie_len as u64);
            c.s(": ");
            if ie_type == 0 || ie_len <= 2 {
                return Ok(3);
            }
            if d.len() < at + ie_len {
                c.trunc_mark();
                return Ok(length);
            }
            let v = &d[at + 2..at + ie_len];
            let n = ie_len - 2;
            tlen = tlen.saturating_sub(2);
            match ie_type {
                3 => {
                    if n != 4 {
                        c.s("[IE data length ");
                        c.dec(n as u64);
                        c.s(" != 4]");
                        c.invalid();
                    } else {
                        c.s("0x");
                        c.o.hexw(u64::from(super::super::be32(v, 0)?), 8);
                    }
                }
                1 | 2 => {
                    for &ch in v.iter().take(50) {
                        if ch == 0 {
                            break;
                        }
                        super::super::tcp::print_char(c, ch);
                    }
                }
                _ => {
                    if c.opts.verbose <= 1 {
                        super::super::ppp::unknown_data(c, v, 0, "\n\t  ", n);
                    }
                }
            }
            if c.opts.verbose > 1 {
                super::super::ppp::unknown_data(c, v, 0, "\n\t  ", n);
            }
            tlen = tlen.saturating_sub(n);
            at += ie_len;
        }
        return Ok(3);
    }
    let seq = (u16::from(b0 & 0x1e) << 7) | u16::from(b1);
    c.s("FRF.16 Frag, seq ");
    c.dec(seq);
    c.s(", Flags [");
    bec_flags(c, b0 & 0xe0);
    c.s("]");
    if b0 & 0xe0 == 0xc0 || b0 & 0xe0 == 0x80 {
        c.s(", ");
        c.proto = "fr";
        fr(c, &d[2..], length - 2)?;
        return Ok(2);
    }
    super::super::ppp::unknown_data(c, d, 0, "\n\t", length);
    Ok(0)
}
