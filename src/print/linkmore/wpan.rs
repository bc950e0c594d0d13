//! DLT_IEEE802_15_4 (195, with FCS), DLT_IEEE802_15_4_NOFCS (230, what Linux
//! wpan monitor interfaces capture) and DLT_IEEE802_15_4_TAP (283, the frame
//! behind a TLV pseudo-header): the 802.15.4 MAC frame printed by zep.rs's
//! decoder, which tcpdump 4.99 runs the same way for both plain link types
//! (it looks for a 2- or 4-byte FCS either way).

use super::super::{Ctx, R, u8_at};

pub(super) const DLT_FCS: u32 = 195;
pub(super) const DLT_NOFCS: u32 = 230;
pub(super) const DLT_TAP: u32 = 283;

/// The frame. tcpdump takes its decoder's success flag (1 when it got to
/// the end, 0 after a frame error) for the link-header length, so -x skips
/// one byte of a decoded frame.
pub(super) fn print(c: &mut Ctx, d: &[u8]) -> R<usize> {
    c.proto = "802.15.4";
    let decoded = super::super::zep::ieee802_15_4(c, d, d.len())?;
    Ok(usize::from(decoded))
}

/// The TAP header: version 0, a reserved byte, its little-endian length
/// (TLVs included, at least 4), then the frame.
pub(super) fn tap(c: &mut Ctx, d: &[u8]) -> R<usize> {
    c.proto = "802.15.4_tap";
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(d.len());
    }
    let version = u8_at(d, 0)?;
    let hdr_len = usize::from(u16::from_le_bytes([u8_at(d, 2)?, u8_at(d, 3)?]));
    if version != 0 || hdr_len < 4 {
        c.invalid();
        return Ok(0);
    }
    if d.len() < hdr_len {
        c.trunc_mark();
        return Ok(d.len());
    }
    Ok(print(c, &d[hdr_len..])? + hdr_len)
}
