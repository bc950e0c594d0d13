//! IEEE 802.11 (Wi-Fi) link types as tcpdump 4.99 prints them: bare frames
//! (DLT_IEEE802_11), frames behind a radiotap header (DLT_IEEE802_11_RADIO),
//! a Prism header (DLT_PRISM_HEADER) or an AVS header
//! (DLT_IEEE802_11_RADIO_AVS), and Per-Packet Information headers (DLT_PPI)
//! in front of any link type. Checked line by line against tcpdump by
//! `tests/print_wifi.rs`.

mod frame;
mod ppi;
mod radio;
mod tables;

use crate::print::{Ctx, R};

pub(crate) use ppi::ppi;
pub(crate) use radio::{avs, prism, radiotap};

/// DLT_IEEE802_11: a bare 802.11 frame, no FCS.
pub(crate) fn ieee802_11(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    frame::print(c, d, length, false, 0)
}

/// Little-endian reads (802.11 and radiotap fields are little-endian).
fn le16(d: &[u8], off: usize) -> R<u16> {
    match d.get(off..off.wrapping_add(2)) {
        Some(b) => Ok(u16::from_le_bytes([b[0], b[1]])),
        None => Err(crate::print::Trunc),
    }
}

fn le32(d: &[u8], off: usize) -> R<u32> {
    match d.get(off..off.wrapping_add(4)) {
        Some(b) => Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        None => Err(crate::print::Trunc),
    }
}
