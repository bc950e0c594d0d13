//! Printers for the rarer link types a Linux user meets, as tcpdump 4.99
//! prints them: netfilter log messages (NFLOG), USB with the Linux header
//! (both header sizes), IP over InfiniBand, Linux vsock, Bluetooth HCI H4 with
//! its direction pseudo-header, OpenBSD pflog, Solaris ipnet, IEEE 802.15.4
//! (bare and behind TAP headers), the Linux DSA switch tags, Hilscher
//! netANALYZER, IP over FireWire, Linux Classical IP over ATM, ARCnet (Linux
//! and BSD), Symantec's firewall header and BSD/OS PPP. Each file
//! holds one family of link types; [`print`] picks the printer by DLT.
//! Checked line by line against tcpdump by `tests/print_linkmore.rs`.

mod ap1394;
mod arcnet;
mod bt;
mod cip;
mod dsa;
mod fddi;
mod fr;
pub(crate) use fr::q933;
mod ipfc;
mod ipnet;
mod ipoib;
mod netanalyzer;
mod nflog;
mod pflog;
mod symantec;
mod token;
mod usb;
mod vsock;
mod wpan;

// Frame Relay pieces the Juniper printers hand payloads to.
pub(crate) use fr::{fr as fr_print, mfr as mfr_print};

use super::out::Put;
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
        fddi::DLT => fddi::print(c, d, len),
        token::DLT => token::print(c, d, len),
        arcnet::DLT => arcnet::print(c, d, len),
        arcnet::DLT_BSD => arcnet::print_bsd(c, d, len),
        symantec::DLT => symantec::print(c, d, len),
        // BSD/OS's PPP: tcpdump decodes it only when built on BSD/OS; elsewhere
        // it prints nothing after the time and -x dumps the whole frame.
        16 | 103 => Ok(0),
        ipfc::DLT => ipfc::print(c, d, len),
        fr::DLT => fr::print(c, d, len),
        fr::DLT_MFR => fr::mfr(c, d, len),
        // BSD/OS's number for Cisco HDLC, which tcpdump prints as such.
        112 => super::serial::chdlc(c, d, len),
        _ => return None,
    })
}

/// The end of the ipnet and NFLOG link headers: ", family NAME (N)" (with -q
/// just ", NAME", or `unknown` and the number in hex to `hex_width` digits),
/// then ", length L: ".
fn family_and_length(
    c: &mut Ctx,
    family: u8,
    name: Option<&str>,
    unknown: &str,
    hex_width: usize,
    length: usize,
) {
    if !c.opts.quiet {
        c.s(", family ");
        c.s(name.unwrap_or("Unknown"));
        c.s(" (");
        c.dec(family);
        c.s(")");
    } else {
        c.s(", ");
        match name {
            Some(n) => c.s(n),
            None => {
                c.s(unknown);
                c.s(" (0x");
                c.o.hexw(u64::from(family), hex_width);
                c.s(")");
            }
        }
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

#[cfg(test)]
mod tests {
    use super::super::{PrintOptions, Printer};
    use crate::linktype::LinkType;

    /// Every link type dispatched here.
    const DLTS: [u32; 24] = [
        239, 189, 220, 242, 271, 201, 117, 226, 195, 230, 283, 284, 285, 281, 282, 240, 241, 138,
        19, 106, 7, 99, 16, 103,
    ];

    /// Arbitrary bytes at every length up to 100, with wire lengths below,
    /// at and past the capture (the printer never sees the first from a
    /// savefile, but must not fall over on it), at every verbosity: each link
    /// type is taken here, and nothing panics.
    #[test]
    fn any_bytes_any_length() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut bytes = [0u8; 100];
        for b in &mut bytes {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *b = seed as u8;
        }
        for dlt in DLTS {
            for (e, q, v) in [
                (false, false, 0),
                (true, false, 1),
                (true, true, 2),
                (false, false, 3),
            ] {
                let opts = PrintOptions {
                    link_header: e,
                    quiet: q,
                    verbose: v,
                    numeric: true,
                    ..PrintOptions::default()
                };
                let mut p = Printer::new(opts, LinkType::Other(dlt as u16), Vec::new());
                for n in 0..=bytes.len() {
                    for len in [n / 2, n, n + 40] {
                        let r = super::print(&mut p.ctx, dlt, &bytes[..n], len);
                        assert!(r.is_some(), "DLT {dlt} not dispatched");
                    }
                }
            }
        }
    }
}
