//! Frames bridged over ATM and Frame Relay (RFC 2684 / RFC 2427): a SNAP
//! header with the 802.1 OUI whose protocol id names the bridged MAC layer,
//! as tcpdump's snap_print decodes them.

use super::{Ctx, R};

/// The SNAP OUI of bridged frames.
pub(crate) const OUI: u32 = 0x0080c2;

/// tcpdump's names for the bridged protocol ids.
pub(crate) fn pid_name(pid: u16) -> Option<&'static str> {
    Some(match pid {
        0x0001 => "Ethernet + FCS",
        0x0007 => "Ethernet w/o FCS",
        0x0002 => "802.4 + FCS",
        0x0008 => "802.4 w/o FCS",
        0x0003 => "Token Ring + FCS",
        0x0009 => "Token Ring w/o FCS",
        0x0004 => "FDDI + FCS",
        0x000a => "FDDI w/o FCS",
        0x0005 => "802.6 + FCS",
        0x000b => "802.6 w/o FCS",
        0x000e => "BPDU",
        _ => return None,
    })
}

/// The bridged frame after the SNAP header (`pad` bytes of padding first
/// under an LLC header, none under Frame Relay); false if rfilter does not
/// decode that protocol id.
pub(crate) fn bridged(c: &mut Ctx, pid: u16, d: &[u8], length: usize, pad: usize) -> R<bool> {
    match pid {
        0x0001 | 0x0007 => {
            if d.len() < pad {
                // tcpdump's snap_print marks this itself and goes no further.
                c.trunc_mark();
                return Ok(true);
            }
            super::ether::print(c, &d[pad..], length.saturating_sub(pad))?;
        }
        0x000e => super::stp::print(c, d, length)?,
        _ => return Ok(false),
    }
    Ok(true)
}
