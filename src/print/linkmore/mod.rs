//! Printers for the rarer link types a Linux user meets, as tcpdump 4.99
//! prints them: netfilter log messages (NFLOG), USB with the Linux header
//! (both header sizes), IP over InfiniBand, Linux vsock, Bluetooth HCI H4 with
//! its direction pseudo-header, OpenBSD pflog and Solaris ipnet. Each file
//! holds one link type; [`print`] picks the printer by DLT.

mod ap1394;
mod bt;
mod cip;
mod dsa;
mod ipnet;
mod ipoib;
mod netanalyzer;
mod nflog;
mod pflog;
mod usb;
mod vsock;
mod wpan;

use super::{Ctx, R};

/// Prints a packet of link type `dlt` (its savefile LINKTYPE value, the same
/// as the DLT for all of these) if one of these printers takes it;
/// returns the link-layer header length (what `-x` skips), or `None` for a
/// link type printed elsewhere.
pub(crate) fn print(c: &mut Ctx, dlt: u32, d: &[u8], len: usize) -> Option<R<usize>> {
    Some(match dlt {
        nflog::DLT => nflog::print(c, d, len),
        usb::DLT_48 => usb::print(c, d, 48),
        usb::DLT_64 => usb::print(c, d, 64),
        ipoib::DLT => ipoib::print(c, d, len),
        vsock::DLT => vsock::print(c, d, len),
        bt::DLT => bt::print(c, d, len),
        pflog::DLT => pflog::print(c, d, len),
        ipnet::DLT => ipnet::print(c, d, len),
        wpan::DLT_FCS | wpan::DLT_NOFCS => wpan::print(c, d),
        wpan::DLT_TAP => wpan::tap(c, d),
        dsa::DLT_DSA => dsa::dsa(c, d, len),
        dsa::DLT_EDSA => dsa::edsa(c, d, len),
        dsa::DLT_BRCM => dsa::brcm(c, d, len),
        dsa::DLT_BRCM_PREPEND => dsa::brcm_prepend(c, d, len),
        netanalyzer::DLT => netanalyzer::print(c, d, len, 4),
        netanalyzer::DLT_TRANSPARENT => netanalyzer::print(c, d, len, 12),
        ap1394::DLT => ap1394::print(c, d, len),
        cip::DLT | cip::LINKTYPE => cip::print(c, d, len),
        _ => return None,
    })
}
