//! DLT_USB_LINUX (189) and DLT_USB_LINUX_MMAPPED (220): USB request blocks as
//! Linux usbmon reports them, behind a 48-byte header (64 bytes in the
//! memory-mapped form, which adds interval, start frame, transfer flags and
//! the isochronous descriptor count). tcpdump prints the header's transfer
//! type, event, direction and bus:device:endpoint, never the URB data.

use super::super::{Ctx, R, Trunc, u8_at};

pub(super) const DLT_48: u32 = 189;
pub(super) const DLT_64: u32 = 220;

const URB_ISOCHRONOUS: u8 = 0;
const URB_INTERRUPT: u8 = 1;
const URB_CONTROL: u8 = 2;
const URB_BULK: u8 = 3;

/// Event types: the URB submitted, completed, or failed.
const URB_SUBMIT: u8 = b'S';
const URB_COMPLETE: u8 = b'C';
const URB_ERROR: u8 = b'E';

/// Whether the event carries data towards the host ("from" the device) or
/// towards the device ("to"); interrupt transfers read the other way round.
fn direction(transfer: u8, event: u8) -> Option<&'static str> {
    let (submit, done) = match transfer {
        URB_BULK | URB_CONTROL | URB_ISOCHRONOUS => ("to", "from"),
        URB_INTERRUPT => ("from", "to"),
        _ => return None,
    };
    match event {
        URB_SUBMIT => Some(submit),
        URB_COMPLETE | URB_ERROR => Some(done),
        _ => None,
    }
}

/// The usbmon header: "USB", then with -q nothing more.
fn header(c: &mut Ctx, d: &[u8]) -> R {
    c.s("USB");
    if c.opts.quiet {
        return Ok(());
    }
    c.s(" ");
    let transfer = u8_at(d, 9)?;
    c.s(match transfer {
        URB_ISOCHRONOUS => "ISOCHRONOUS",
        URB_INTERRUPT => "INTERRUPT",
        URB_CONTROL => "CONTROL",
        URB_BULK => "BULK",
        _ => " ?",
    });
    let event = u8_at(d, 8)?;
    c.s(match event {
        URB_SUBMIT => " SUBMIT",
        URB_COMPLETE => " COMPLETE",
        URB_ERROR => " ERROR",
        _ => " ?",
    });
    if let Some(dir) = direction(transfer, event) {
        c.s(" ");
        c.s(dir);
    }
    // The bus number is in the capturing host's byte order.
    let bus = super::super::bytes(d, 12, 2)?;
    c.s(" ");
    c.dec(u16::from_ne_bytes([bus[0], bus[1]]));
    c.s(":");
    c.dec(u8_at(d, 11)?);
    c.s(":");
    c.dec(u8_at(d, 10)? & 0x7f);
    Ok(())
}

/// A packet with a `hdr_len`-byte header (48 or 64).
pub(super) fn print(c: &mut Ctx, d: &[u8], hdr_len: usize) -> R<usize> {
    c.proto = if hdr_len == 48 {
        "usb_linux_48_byte"
    } else {
        "usb_linux_64_byte"
    };
    if d.len() < hdr_len {
        return Err(Trunc);
    }
    c.proto = "usb";
    header(c, d)?;
    Ok(hdr_len)
}
