//! PPP over Ethernet (RFC 2516): discovery packets with their tags, and session
//! packets carrying PPP.

use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

const HDRLEN: usize = 6;
/// tcpdump shows at most this many characters of a text tag, minus one.
const MAXTAGPRINT: usize = 80;

fn code_name(c: u8) -> Option<&'static str> {
    Some(match c {
        0x09 => "PADI",
        0x07 => "PADO",
        0x19 => "PADR",
        0x65 => "PADS",
        0xa7 => "PADT",
        0 => "",
        _ => return None,
    })
}

fn tag_name(c: &mut Ctx, t: u16) {
    let n = match t {
        0 => "EOL",
        0x0101 => "Service-Name",
        0x0102 => "AC-Name",
        0x0103 => "Host-Uniq",
        0x0104 => "AC-Cookie",
        0x0105 => "Vendor-Specific",
        0x0110 => "Relay-Session-ID",
        0x0120 => "PPP-Max-Payload",
        0x0201 => "Service-Name-Error",
        0x0202 => "AC-System-Error",
        0x0203 => "Generic-Error",
        _ => {
            c.s("TAG-0x");
            c.o.hex(u64::from(t));
            return;
        }
    };
    c.s(n);
}

/// A PPPoE packet (Ethernet types 0x8863 and 0x8864).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    print_len(c, d, length).map(|_| ())
}

/// A PPPoE packet; returns the header length tcpdump counts as link layer (the
/// PPPoE header, plus the PPP header in a session packet; 0 if invalid).
pub(crate) fn print_len(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "pppoe";
    if length < HDRLEN {
        c.s(" (length ");
        c.dec(length as u64);
        c.s(" < 6)");
        c.invalid();
        return Ok(0);
    }
    let length = length - HDRLEN;
    bytes(d, 0, HDRLEN)?;
    let b0 = u8_at(d, 0)?;
    let (ver, ty) = (b0 >> 4, b0 & 0xf);
    let code = u8_at(d, 1)?;
    let sid = be16(d, 2)?;
    let mut plen = usize::from(be16(d, 4)?);
    if ver != 1 {
        c.s(" [ver ");
        c.dec(ver);
        c.s("]");
    }
    if ty != 1 {
        c.s(" [type ");
        c.dec(ty);
        c.s("]");
    }
    c.s("PPPoE ");
    match code_name(code) {
        Some(n) => c.s(n),
        None => {
            c.s("PAD-");
            c.o.hex(u64::from(code));
        }
    }
    if code == 0x09 && plen > 1484 - HDRLEN {
        c.s(" [len ");
        c.dec(plen as u64);
        c.s("!]");
    }
    if plen > length {
        c.s(" [len ");
        c.dec(plen as u64);
        c.s(" > ");
        c.dec(length as u64);
        c.s("!]");
        plen = length;
    }
    if sid != 0 {
        c.s(" [ses 0x");
        c.o.hex(u64::from(sid));
        c.s("]");
    }
    if code == 0 {
        c.s(" ");
        let h = super::ppp::print(c, &d[HDRLEN..], plen)?;
        return Ok(HDRLEN + h);
    }
    let mut tag_type = 0xffffu16;
    let mut p = HDRLEN;
    while tag_type != 0 && p < HDRLEN + plen {
        tag_type = be16(d, p)?;
        let tag_len = usize::from(be16(d, p + 2)?);
        p += 4;
        if tag_len > 0 {
            let v = bytes(d, p, tag_len)?;
            let shown = &v[..v.len().min(MAXTAGPRINT - 1)];
            let ascii = shown.iter().filter(|b| (0x20..=0x7e).contains(*b)).count();
            let garbage = shown.len() - ascii;
            c.s(" [");
            tag_name(c, tag_type);
            if ascii > garbage {
                c.s(" \"");
                for &b in shown {
                    c.o.push(if (0x20..=0x7e).contains(&b) { b } else { b'.' });
                }
                c.s("\"]");
            } else {
                c.s(" 0x");
                for &b in v {
                    c.o.push(b"0123456789ABCDEF"[usize::from(b >> 4)]);
                    c.o.push(b"0123456789ABCDEF"[usize::from(b & 0xf)]);
                }
                c.s("]");
            }
        } else {
            c.s(" [");
            tag_name(c, tag_type);
            c.s("]");
        }
        p += tag_len;
    }
    Ok(HDRLEN)
}
