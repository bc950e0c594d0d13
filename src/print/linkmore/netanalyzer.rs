//! DLT_NETANALYZER (240) and DLT_NETANALYZER_TRANSPARENT (241): Ethernet
//! frames from Hilscher netANALYZER taps, behind a 4-byte pseudo-header (and,
//! in the transparent form, the 7-byte preamble and the start-of-frame byte).
//! tcpdump skips those and prints the Ethernet frame.

use super::super::{Ctx, R, Trunc};

pub(super) const DLT: u32 = 240;
pub(super) const DLT_TRANSPARENT: u32 = 241;

/// The frame behind `skip` bytes of pseudo-header.
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize, skip: usize) -> R<usize> {
    c.proto = if skip == 4 {
        "netanalyzer"
    } else {
        "netanalyzer_transparent"
    };
    if d.len() < skip {
        // tcpdump's checked read: the packet ends there (even inside
        // another link header such as PPI) and -x dumps all of it.
        return Err(Trunc);
    }
    Ok(skip + super::super::ether::print(c, &d[skip..], length.saturating_sub(skip))?)
}
