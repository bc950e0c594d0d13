//! DLT_BLUETOOTH_HCI_H4_WITH_PHDR (201): Bluetooth HCI packets in UART (H4)
//! framing behind a 4-byte pseudo-header whose low bit says the packet was
//! received. tcpdump names the link and dumps the HCI packet.

use super::super::{Ctx, R, be32};

pub(super) const DLT: u32 = 201;

const HDR_LEN: usize = 4;

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "bluetooth";
    c.s("bluetooth");
    // A short pseudo-header is a truncation: -x then dumps the whole capture.
    let direction = be32(d, 0)?;
    if c.opts.link_header {
        c.s(", hci length ");
        c.dec((length.saturating_sub(HDR_LEN)) as u64);
        c.s(", direction ");
        c.s(if direction & 1 != 0 { "in" } else { "out" });
    }
    c.default_print(&d[HDR_LEN..]);
    Ok(HDR_LEN)
}
