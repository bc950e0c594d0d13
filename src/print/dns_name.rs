//! Domain names as tcpdump's fqdn_print prints them (labels, compression
//! pointers, RFC 2673 bit-string labels), for DNS and for the DHCPv6 and
//! HNCP options that carry names.

use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, u8_at};

pub(crate) const INDIR_MASK: u8 = 0xc0;
pub(crate) const EDNS0_MASK: u8 = 0x40;
/// RFC 2673 bit-string label (obsolete, but tcpdump still prints it).
const ELT_BITLABEL: u8 = 0x01;

/// tcpdump's labellen: the length of the label at `at` (bit-string labels
/// included); None stops the name (after naming an unknown label type).
fn label_len(c: &mut Ctx, d: &[u8], at: usize) -> Option<usize> {
    let b = *d.get(at)?;
    if b & INDIR_MASK == 0x80 {
        // The label type reserved by RFC 1035.
        c.s("<BAD LABEL TYPE>");
        return None;
    }
    if b & INDIR_MASK != EDNS0_MASK {
        return Some(usize::from(b));
    }
    let elt = b & !INDIR_MASK;
    if elt != ELT_BITLABEL {
        c.s("<ELT ");
        c.dec(elt);
        c.s(">");
        return None;
    }
    let bits = match *d.get(at + 1)? {
        0 => 256,
        n => usize::from(n),
    };
    Some(bits.div_ceil(8) + 1)
}

/// The label at `at`: its first byte (a length, or a pointer's high bits)
/// and its length as [`label_len`] gives it; None where the name stops there.
fn label_at(c: &mut Ctx, d: &[u8], at: usize) -> Option<(u8, usize)> {
    let l = label_len(c, d, at)?;
    Some((d[at], l))
}

/// A bit-string label's body at `cp` (its bit count, then the bits), as
/// `\[x<hex>/<bits>]`.
fn bit_label(c: &mut Ctx, d: &[u8], cp: usize) -> R {
    let bits = match u8_at(d, cp)? {
        0 => 256,
        n => usize::from(n),
    };
    let lim = cp + 1 + bits.div_ceil(4);
    c.s("\\[x");
    let (mut p, mut b) = (cp + 1, bits);
    while p < lim && b > 7 {
        c.o.hexw(u64::from(u8_at(d, p)?), 2);
        b -= 8;
        p += 1;
    }
    if b > 4 {
        let tc = u8_at(d, p)?;
        c.o.hexw(u64::from(tc & (0xffu8 << (8 - b))), 2);
    } else if b > 0 {
        let tc = u8_at(d, p)?;
        c.o.hex(u64::from((tc >> 4) & (0x0fu8 << (4 - b))));
    }
    c.s("/");
    c.dec(bits as u64);
    c.s("]");
    Ok(())
}

/// The longest name printed, in characters (label characters and dots; DNS
/// allows 255 bytes). tcpdump prints a longer name up to there, then a mark.
const MAX_NAME_LEN: usize = 255;

/// A domain name at `cp` of `d` as tcpdump's fqdn_print prints it, with compression
/// pointers taken relative to `base` (DNS passes the message's start; DHCPv6 the
/// option's end, so that a pointer can only lead forward). Ok(Some(index after the
/// name in the record)); Ok(None) when the name ran off the capture or was
/// malformed; Err when a bit-string label did (tcpdump reads those unchecked).
pub(crate) fn fqdn(c: &mut Ctx, d: &[u8], mut cp: usize, base: usize) -> R<Option<usize>> {
    let Some((mut i, mut l)) = label_at(c, d, cp) else {
        return Ok(None);
    };
    // Pointers must go backwards; tcpdump keeps this as an unsigned offset
    // from base, so a name before base accepts any pointer.
    let mut max_offset = (cp as u32).wrapping_sub(base as u32);
    cp += 1;
    let mut compressed = false;
    // Where the name ends in the record; unknown (as in tcpdump) for a name
    // that starts with a pointer until the pointer's second byte is read.
    let mut rp = None;
    if i & INDIR_MASK != INDIR_MASK {
        rp = Some(cp + l);
    }
    if i == 0 {
        c.s(".");
        return Ok(rp);
    }
    // Characters of the name so far (labels and dots, printed or not).
    let mut name_chars = 0usize;
    // Like tcpdump, a name cut at the end of the capture ends here without
    // error once its end is known; a name longer than MAX_NAME_LEN is still
    // walked to its end (a bad label or pointer later on still stops it).
    while i != 0 && cp < d.len() {
        if i & INDIR_MASK == INDIR_MASK {
            if !compressed {
                rp = Some(cp + 1);
                compressed = true;
            }
            let Some(&lo) = d.get(cp) else {
                return Ok(None);
            };
            let offset = ((u32::from(i) << 8) | u32::from(lo)) & 0x3fff;
            if offset >= max_offset {
                c.s("<BAD PTR>");
                return Ok(None);
            }
            max_offset = offset;
            cp = base + offset as usize;
            let Some(next) = label_at(c, d, cp) else {
                return Ok(None);
            };
            (i, l) = next;
            cp += 1;
            continue;
        }
        if i & INDIR_MASK == EDNS0_MASK {
            bit_label(c, d, cp)?;
        } else {
            // Only the part of the label within MAX_NAME_LEN is printed (and
            // only that part need have been captured).
            let shown = l.min(MAX_NAME_LEN.saturating_sub(name_chars));
            for k in 0..shown {
                match d.get(cp + k) {
                    Some(&b) => print_char(c, b),
                    None => return Ok(None),
                }
            }
            name_chars += l;
        }
        cp += l;
        if name_chars <= MAX_NAME_LEN {
            c.s(".");
        }
        name_chars += 1;
        let Some(next) = label_at(c, d, cp) else {
            return Ok(None);
        };
        (i, l) = next;
        cp += 1;
        if !compressed {
            rp = rp.map(|r| r + l + 1);
        }
    }
    if name_chars > MAX_NAME_LEN {
        c.s("<DOMAIN NAME TOO LONG>");
    }
    Ok(rp)
}
