//! IPsec Authentication Header (IP protocol 51, RFC 4302), then the protocol it
//! protects, as tcpdump 4.99 continues into it.

use super::ip::{IpInfo, demux};
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, u8_at};

/// A chain of AH headers starting at `d`, then the payload's printer. Loops
/// instead of recursing so that a long chain cannot exhaust the stack.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>, fragmented: bool) -> R {
    let mut d = d;
    // tcpdump keeps the remaining length in a 32-bit unsigned that may wrap.
    let mut length = length as u32;
    loop {
        c.proto = "ah";
        // Nothing captured: a mark, without tcpdump's longjmp (so -x dumps
        // from the network header).
        let Ok(nh) = u8_at(d, 0) else {
            c.trunc_mark();
            return Ok(());
        };
        let adv = header(c, d)?;
        d = d.get(adv..).ok_or(Trunc)?;
        length = length.wrapping_sub(adv as u32);
        if nh != 51 {
            return demux(c, d, length as usize, ip, fragmented, nh);
        }
    }
}

/// One header: `AH([length=N(M-bytes),][reserved=..,]spi=..,seq=..,icv=0x..): `.
/// Returns its length in bytes.
fn header(c: &mut Ctx, d: &[u8]) -> R<usize> {
    c.s("AH");
    let words = u8_at(d, 1)?;
    c.s("(");
    let hdr_len = (usize::from(words) + 2) * 4;
    if c.opts.verbose > 0 {
        c.s("length=");
        c.dec(words);
        c.s("(");
        c.dec(hdr_len as u64);
        c.s("-bytes),");
    }
    let reserved = be16(d, 2)?;
    if reserved != 0 {
        c.s("reserved=0x");
        c.o.hex(u64::from(reserved));
        c.s("[MustBeZero],");
    }
    // Each field is read before its label is printed, as tcpdump does.
    let spi = be32(d, 4)?;
    c.s("spi=0x");
    c.o.hexw(u64::from(spi), 8);
    c.s(",");
    let seq = be32(d, 8)?;
    c.s("seq=0x");
    c.o.hex(u64::from(seq));
    c.s(",icv=0x");
    for i in 12..hdr_len {
        c.o.hexw(u64::from(u8_at(d, i)?), 2);
    }
    c.s("): ");
    Ok(hdr_len)
}
