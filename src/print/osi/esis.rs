//! ES-IS (ISO 9542): ESH, ISH and redirect PDUs and their options.

use super::super::out::Put;
use super::super::{Ctx, R, be16, bytes, u8_at};
use super::{nlpid_name, nsap_string, print_cksum, unknown_data};

const HDR: usize = 9;
const PDU_REDIRECT: u8 = 6;
const PDU_ESH: u8 = 2;
const PDU_ISH: u8 = 4;

fn pdu_name(t: u8) -> Option<&'static str> {
    Some(match t {
        PDU_REDIRECT => "redirect",
        PDU_ESH => "ESH",
        PDU_ISH => "ISH",
        _ => return None,
    })
}

fn option_name(op: u8) -> &'static str {
    match op {
        129 => "Protocols supported",
        195 => "QoS Maintenance",
        197 => "Security",
        198 => "ES Configuration Time",
        205 => "Priority",
        225 => "Addressk Mask",
        226 => "SNPA Mask",
        _ => "Unknown",
    }
}

/// What a PDU-specific part ended with.
enum End {
    /// Go on with the options.
    Options,
    /// tcpdump returned (after printing why).
    Done,
    /// tcpdump's `goto trunc`.
    Trunc,
}

/// tcpdump's esis_print.
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "esis";
    let e = c.opts.link_header;
    if !e {
        c.s("ES-IS");
    }
    if length <= 2 {
        c.s(if c.opts.quiet {
            "bad pkt!"
        } else {
            "no header at all!"
        });
        return Ok(());
    }
    if d.len() < HDR {
        c.trunc_mark();
        return Ok(());
    }
    let mut li = usize::from(d[1]);
    if d[0] != super::NLPID_ESIS {
        c.s(" nlpid 0x");
        c.o.hexw(u64::from(d[0]), 2);
        c.s(" packet not supported");
        return Ok(());
    }
    let version = d[2];
    if version != 1 {
        c.s(" version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    if li > length {
        c.s(" length indicator(");
        c.dec(li as u64);
        c.s(") > PDU size (");
        c.dec(length as u64);
        c.s(")!");
        return Ok(());
    }
    if li < HDR + 2 {
        c.s(" length indicator ");
        c.dec(li as u64);
        c.s(" < min PDU size:");
        for b in d {
            c.s(&format!("{b:02X}"));
        }
        return Ok(());
    }
    let pdu_type = d[4] & 0x1f;
    if c.opts.verbose < 1 {
        c.s(if e { "" } else { ", " });
        match pdu_name(pdu_type) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown type (");
                c.dec(pdu_type);
                c.s(")");
            }
        }
        c.s(", length ");
        c.dec(length as u64);
        return Ok(());
    }
    c.s(if e { "" } else { ", " });
    c.s("length ");
    c.dec(length as u64);
    c.s("\n\t");
    match pdu_name(pdu_type) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown type: ");
            c.dec(pdu_type);
        }
    }
    c.s(" (");
    c.dec(pdu_type);
    c.s("), v: ");
    c.dec(version);
    let cksum = be16(d, 7)?;
    c.s(", checksum: 0x");
    c.o.hexw(u64::from(cksum), 4);
    print_cksum(c, d, cksum, 7, li);
    c.s(", holding time: ");
    c.dec(be16(d, 5)?);
    c.s("s, length indicator: ");
    c.dec(li as u64);
    if c.opts.verbose > 1 {
        unknown_data(c, d, 0, "\n\t", HDR);
    }
    let mut p = HDR;
    li -= HDR;
    let end = match pdu_type {
        PDU_REDIRECT => redirect(c, d, &mut p, &mut li)?,
        PDU_ESH => esh(c, d, &mut p, &mut li)?,
        PDU_ISH => ish(c, d, &mut p, &mut li)?,
        _ => {
            if c.opts.verbose <= 1 && p < d.len() {
                unknown_data(c, d, p, "\n\t  ", d.len() - p);
            }
            End::Done
        }
    };
    match end {
        End::Options => {}
        End::Done => return Ok(()),
        End::Trunc => {
            c.trunc_mark();
            return Ok(());
        }
    }
    while li != 0 {
        if li < 2 {
            c.s(", bad opts/li");
            return Ok(());
        }
        let op = u8_at(d, p)?;
        let mut opli = usize::from(u8_at(d, p + 1)?);
        p += 2;
        li -= 2;
        if opli > li {
            c.s(", opt (");
            c.dec(op);
            c.s(") too long");
            return Ok(());
        }
        li -= opli;
        c.s("\n\t  ");
        c.s(option_name(op));
        c.s(" Option #");
        c.dec(op);
        c.s(", length ");
        c.dec(opli as u64);
        c.s(", value: ");
        match op {
            198 => {
                if opli == 2 {
                    let Ok(t) = be16(d, p) else {
                        c.trunc_mark();
                        return Ok(());
                    };
                    c.dec(t);
                    c.s("s");
                } else {
                    c.s("(bad length)");
                }
            }
            129 => {
                let mut t = p;
                while opli > 0 {
                    let v = u8_at(d, t)?;
                    c.s(nlpid_name(v).unwrap_or("unknown"));
                    c.s(" (0x");
                    c.o.hexw(u64::from(v), 2);
                    c.s(")");
                    if opli > 1 {
                        c.s(", ");
                    }
                    t += 1;
                    opli -= 1;
                }
            }
            _ => {
                unknown_data(c, d, p, "\n\t  ", opli);
            }
        }
        if c.opts.verbose > 1 {
            unknown_data(c, d, p, "\n\t  ", opli);
        }
        // tcpdump's protocols decoder counts opli down to 0, so the next
        // option is read from this one's value
        p += opli;
    }
    Ok(())
}

/// A length byte and the address it counts, at `p` in the PDU-specific part:
/// the address's offset and length, with `p` and `li` moved past both; or how
/// the PDU ends where the capture or the length indicator runs out first.
/// `count_len_byte` is false for the redirect's NET only: tcpdump does not
/// take that length byte off the length indicator.
fn addr_field(
    c: &mut Ctx,
    d: &[u8],
    p: &mut usize,
    li: &mut usize,
    bad: &str,
    count_len_byte: bool,
) -> Result<(usize, usize), End> {
    if *p >= d.len() {
        return Err(End::Trunc);
    }
    if *li < 1 {
        c.s(bad);
        return Err(End::Done);
    }
    let len = usize::from(d[*p]);
    *p += 1;
    if count_len_byte {
        *li -= 1;
    }
    if bytes(d, *p, len).is_err() {
        return Err(End::Trunc);
    }
    if *li < len {
        c.s(bad);
        return Err(End::Done);
    }
    let at = *p;
    *p += len;
    *li -= len;
    Ok((at, len))
}

fn redirect(c: &mut Ctx, d: &[u8], p: &mut usize, li: &mut usize) -> R<End> {
    const BAD: &str = ", bad redirect/li";
    let (dst, dstl) = match addr_field(c, d, p, li, BAD, true) {
        Ok(f) => f,
        Err(end) => return Ok(end),
    };
    let s = nsap_string(d, dst, dstl)?;
    c.s("\n\t  ");
    c.s(&s);
    let (snpa, snpal) = match addr_field(c, d, p, li, BAD, true) {
        Ok(f) => f,
        Err(end) => return Ok(end),
    };
    let (neta, netal) = match addr_field(c, d, p, li, BAD, false) {
        Ok(f) => f,
        Err(end) => return Ok(end),
    };
    c.s("\n\t  SNPA (length: ");
    c.dec(snpal as u64);
    c.s("): ");
    let a = &d[snpa..snpa + snpal];
    if snpal == 6 {
        c.etheraddr(a);
    } else if a.is_empty() {
        c.s("<empty>");
    } else {
        for (i, b) in a.iter().enumerate() {
            if i > 0 {
                c.s(":");
            }
            c.o.hexw(u64::from(*b), 2);
        }
    }
    if netal != 0 {
        let s = nsap_string(d, neta, netal)?;
        c.s("\n\t  NET (length: ");
        c.dec(netal as u64);
        c.s(") ");
        c.s(&s);
    }
    Ok(End::Options)
}

fn esh(c: &mut Ctx, d: &[u8], p: &mut usize, li: &mut usize) -> R<End> {
    const BAD: &str = ", bad esh/li";
    if *p >= d.len() {
        return Ok(End::Trunc);
    }
    if *li < 1 {
        c.s(BAD);
        return Ok(End::Done);
    }
    let mut n = d[*p];
    *p += 1;
    *li -= 1;
    c.s("\n\t  Number of Source Addresses: ");
    c.dec(n);
    while n > 0 {
        if let Err(end) = net(c, d, p, li, BAD) {
            return Ok(end);
        }
        n -= 1;
    }
    Ok(End::Options)
}

fn ish(c: &mut Ctx, d: &[u8], p: &mut usize, li: &mut usize) -> R<End> {
    Ok(match net(c, d, p, li, ", bad ish/li") {
        Ok(()) => End::Options,
        Err(end) => end,
    })
}

/// One NET of an ESH or ISH: its length and the address.
fn net(c: &mut Ctx, d: &[u8], p: &mut usize, li: &mut usize, bad: &str) -> Result<(), End> {
    let (at, len) = addr_field(c, d, p, li, bad, true)?;
    // addr_field saw all of it captured, so this cannot run short.
    let s = nsap_string(d, at, len).map_err(|_| End::Trunc)?;
    c.s("\n\t  NET (length: ");
    c.dec(len as u64);
    c.s("): ");
    c.s(&s);
    Ok(())
}
