//! RTP (v1 and v2) and RTCP, printed only under `-T rtp` / `-T rtcp`: tcpdump's
//! one-line forms (`udp/rtp LEN cPT +* SEQ TS`, RTCP `sr`/`rr`/`sdes`/`bye` items).

use super::out::Put;
use super::{Ctx, R, be16, be32};

/// An RTP header at the start of a UDP payload of `len` bytes.
pub(crate) fn rtp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "rtp";
    if len < 8 {
        c.s("udp/rtp, length ");
        c.dec(len as u64);
        c.s(" < 8");
        return Ok(());
    }
    let i0 = be32(d, 0)?;
    let i1 = be32(d, 4)?;
    let mut dlen = len - 8;
    // Where the next word is, and how many words are left (tcpdump's unsigned
    // arithmetic, which cannot go below zero here).
    let mut word = 2usize;
    let mut words = ((len >> 2) as u32).wrapping_sub(2);
    let (mut has_opt, mut has_ext) = (false, false);
    let (ptype, contype, marker) = if i0 >> 30 == 1 {
        has_opt = i0 & 0x80_0000 != 0;
        ("rtpv1", (i0 >> 16) & 0x3f, i0 & 0x40_0000 != 0)
    } else {
        if dlen < 4 {
            c.s("udp/rtp, length ");
            c.dec(dlen as u64 + 8);
            c.s(" < 12");
            return Ok(());
        }
        has_ext = i0 & 0x1000_0000 != 0;
        dlen -= 4;
        word += 1;
        words = words.wrapping_sub(1);
        ("rtp", (i0 >> 16) & 0x7f, i0 & 0x80_0000 != 0)
    };
    c.s("udp/");
    c.s(ptype);
    c.s(" ");
    c.dec(dlen as u64);
    c.s(" c");
    c.dec(contype);
    c.s(" ");
    if has_opt || has_ext {
        c.s("+");
    }
    if marker {
        c.s("*");
    }
    c.s(" ");
    c.dec(i0 & 0xffff);
    c.s(" ");
    c.dec(i1);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let w2 = be32(d, 8)?;
    c.s(" ");
    c.dec(w2);
    if has_opt {
        loop {
            let i2 = be32(d, word * 4)?;
            let optlen = (i2 >> 16) & 0xff;
            if optlen == 0 || optlen > words {
                c.s(" !opt");
                return Ok(());
            }
            word += optlen as usize;
            words -= optlen;
            if i2 & 0x8000_0000 != 0 {
                break;
            }
        }
    }
    if has_ext {
        let i2 = be32(d, word * 4)?;
        let extlen = (i2 & 0xffff) + 1;
        if extlen > words {
            c.s(" !ext");
            return Ok(());
        }
        word += extlen as usize;
    }
    if contype == 0x1f {
        let v = be32(d, word * 4)? >> 16;
        c.s(" 0x");
        c.o.hexw(u64::from(v), 4);
    }
    Ok(())
}

const SR: u32 = 200;
const RR: u32 = 201;
const SDES: u32 = 202;
const BYE: u32 = 203;
/// A receiver report block.
const RR_LEN: usize = 24;
/// The sender information of a sender report.
const SR_LEN: usize = 20;
/// Flags, length and SSRC.
const HDR_LEN: usize = 8;

/// The RTCP packets of a UDP payload, one after another to the end of the capture.
/// A packet cut short ends the line with the truncation mark (tcpdump goes on to
/// the hex dump as for a complete packet).
pub(crate) fn rtcp(c: &mut Ctx, d: &[u8], _len: usize) -> R {
    c.proto = "rtcp";
    let mut p = 0;
    while p < d.len() {
        match packet(c, d.get(p..).unwrap_or(&[]))? {
            Some(n) => p += n,
            None => {
                c.trunc_mark();
                break;
            }
        }
    }
    Ok(())
}

/// Whether `n` bytes from `p` were captured.
fn has(d: &[u8], p: usize, n: usize) -> bool {
    p + n <= d.len()
}

/// One RTCP packet; returns its length, or `None` where it was cut short.
fn packet(c: &mut Ctx, d: &[u8]) -> R<Option<usize>> {
    if !has(d, 0, HDR_LEN) {
        return Ok(None);
    }
    let len = (usize::from(be16(d, 2)?) + 1) * 4;
    let flags = u32::from(be16(d, 0)?);
    let mut cnt = ((flags >> 8) & 0x1f) as usize;
    let ssrc = be32(d, 4)?;
    let mut rr = HDR_LEN;
    let verbose = c.opts.verbose > 0;
    let ssrc_if_verbose = |c: &mut Ctx| {
        if verbose {
            c.s(" ");
            c.dec(ssrc);
        }
    };
    match flags & 0xff {
        SR => {
            c.s(" sr");
            if len != cnt * RR_LEN + SR_LEN + HDR_LEN {
                bracketed(c, len);
            }
            ssrc_if_verbose(c);
            if !has(d, HDR_LEN, SR_LEN) {
                return Ok(None);
            }
            let ts = f64::from(be32(d, 8)?) + f64::from(be32(d, 12)?) / 4_294_967_296.0;
            c.s(&format!(" @{ts:.2} "));
            c.dec(be32(d, 16)?);
            c.s(" ");
            c.dec(be32(d, 20)?);
            c.s("p ");
            c.dec(be32(d, 24)?);
            c.s("b");
            rr = HDR_LEN + SR_LEN;
        }
        RR => {
            c.s(" rr");
            if len != cnt * RR_LEN + HDR_LEN {
                bracketed(c, len);
            }
            ssrc_if_verbose(c);
        }
        SDES | BYE => {
            c.s(if flags & 0xff == SDES {
                " sdes "
            } else {
                " bye "
            });
            c.dec(len as u64);
            ssrc_if_verbose(c);
            cnt = 0;
        }
        other => {
            c.s(" type-0x");
            c.o.hex(u64::from(other));
            c.s(" ");
            c.dec(len as u64);
            cnt = 0;
        }
    }
    if cnt > 1 {
        c.s(" c");
        c.dec(cnt as u64);
    }
    for _ in 0..cnt {
        if !has(d, rr, RR_LEN) {
            return Ok(None);
        }
        if verbose {
            c.s(" ");
            c.dec(be32(d, rr)?);
        }
        let lsr = f64::from(be32(d, rr + 16)?) / 65536.0;
        let dlsr = f64::from(be32(d, rr + 20)?) / 65536.0;
        c.s(" ");
        c.dec(be32(d, rr + 4)? & 0x00ff_ffff);
        c.s("l ");
        c.dec(be32(d, rr + 8)?);
        c.s("s ");
        c.dec(be32(d, rr + 12)?);
        c.s(&format!("j @{lsr:.2}+{dlsr:.2}"));
        // tcpdump never steps to the next report: it prints the first one
        // `cnt` times.
    }
    Ok(Some(len))
}

/// tcpdump's " [LEN]" for a length that does not match the report count.
fn bracketed(c: &mut Ctx, len: usize) {
    c.s(" [");
    c.dec(len as u64);
    c.s("]");
}
