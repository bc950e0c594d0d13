//! Ethernet switch tags, as Linux DSA master interfaces capture them:
//! DLT_DSA_TAG_DSA (284, Marvell's 4-byte tag) and DLT_DSA_TAG_EDSA (285,
//! the 8-byte ethertyped form) between the source address and the type,
//! DLT_DSA_TAG_BRCM (281, Broadcom's 4-byte tag, same place) and
//! DLT_DSA_TAG_BRCM_PREPEND (282, the Broadcom tag before the frame).

use super::super::ether::{ethertype_name, print_switch_tagged};
use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, u8_at};

pub(super) const DLT_BRCM: u32 = 281;
pub(super) const DLT_BRCM_PREPEND: u32 = 282;
pub(super) const DLT_DSA: u32 = 284;
pub(super) const DLT_EDSA: u32 = 285;

const DSA_LEN: usize = 4;
const EDSA_LEN: usize = 8;
const BRCM_LEN: usize = 4;

const MODE_TO_CPU: u8 = 0;
const MODE_FROM_CPU: u8 = 1;
const MODE_TO_SNIFFER: u8 = 2;
const MODE_FORWARD: u8 = 3;

/// The fields of a Marvell DSA tag.
struct Dsa {
    mode: u8,
    tagged: bool,
    dev: u8,
    port: u8,
    /// Source is a trunk (forward), receive sniff (to sniffer), code bit 2 (to CPU).
    b18: bool,
    cfi: bool,
    pri: u8,
    vid: u16,
    code: u8,
}

impl Dsa {
    fn parse(t: &[u8]) -> R<Dsa> {
        let (b0, b1, b2, b3) = (u8_at(t, 0)?, u8_at(t, 1)?, u8_at(t, 2)?, u8_at(t, 3)?);
        Ok(Dsa {
            mode: b0 >> 6,
            tagged: b0 & 0x20 != 0,
            dev: b0 & 0x1f,
            port: b1 >> 3,
            b18: b1 & 0x04 != 0,
            cfi: b1 & 0x01 != 0,
            pri: b2 >> 5,
            vid: (u16::from(b2 & 0x0f) << 8) | u16::from(b3),
            code: ((b1 & 0x06) >> 1 << 1) | ((b2 & 0x10) >> 4),
        })
    }
}

fn code_name(code: u8) -> &'static str {
    match code {
        0 => "BPDU (MGMT) Trap",
        1 => "Frame2Reg",
        2 => "IGMP/MLD Trap",
        3 => "Policy Trap",
        4 => "ARP Mirror",
        5 => "Policy Mirror",
        _ => "reserved",
    }
}

/// What DSA and EDSA tags share: mode, device and port, VLAN.
fn dsa_common(c: &mut Ctx, t: &[u8]) -> R {
    let t = Dsa::parse(t)?;
    if c.opts.link_header {
        c.s("mode ");
        c.s(match t.mode {
            MODE_TO_CPU => "To CPU",
            MODE_FROM_CPU => "From CPU",
            MODE_TO_SNIFFER => "To Sniffer",
            _ => "Forward",
        });
        c.s(", ");
        match t.mode {
            MODE_FORWARD => {
                c.s("dev ");
                c.dec(t.dev);
                c.s(if t.b18 { ", trunk " } else { ", port " });
                c.dec(t.port);
                c.s(", ");
            }
            MODE_FROM_CPU => {
                c.s("target dev ");
                c.dec(t.dev);
                c.s(", port ");
                c.dec(t.port);
                c.s(", ");
            }
            MODE_TO_CPU => {
                c.s("source dev ");
                c.dec(t.dev);
                c.s(", port ");
                c.dec(t.port);
                c.s(", code ");
                c.s(code_name(t.code));
                c.s(", ");
            }
            _ => {
                c.s("source dev ");
                c.dec(t.dev);
                c.s(", port ");
                c.dec(t.port);
                c.s(if t.b18 { ", ingress" } else { ", egress" });
                c.s(" sniff, ");
            }
        }
        c.s(if t.tagged { "tagged, " } else { "untagged, " });
        if t.cfi {
            c.s("CFI, ");
        }
        c.s("VID ");
        c.dec(t.vid);
        c.s(", FPri ");
        c.dec(t.pri);
        c.s(", ");
    } else {
        let dev_port = |c: &mut Ctx| {
            c.dec(t.dev);
            c.s(".");
            c.dec(t.port);
        };
        match t.mode {
            MODE_FORWARD => {
                c.s(if t.b18 {
                    "Forward trunk "
                } else {
                    "Forward port "
                });
                dev_port(c);
                c.s(", ");
            }
            MODE_FROM_CPU => {
                c.s("CPU > port ");
                dev_port(c);
                c.s(", ");
            }
            MODE_TO_CPU => {
                c.s("port ");
                dev_port(c);
                c.s(" > CPU, ");
            }
            _ => {
                c.s("port ");
                dev_port(c);
                c.s(if t.b18 {
                    " > Rx Sniffer, "
                } else {
                    " > Tx Sniffer, "
                });
            }
        }
        c.s("VLAN ");
        c.dec(t.vid);
        c.s(if t.tagged { "t, " } else { "u, " });
    }
    Ok(())
}

fn dsa_tag(c: &mut Ctx, t: &[u8]) -> R {
    c.s(if c.opts.link_header {
        "Marvell DSA "
    } else {
        "DSA "
    });
    dsa_common(c, t)
}

fn edsa_tag(c: &mut Ctx, t: &[u8]) -> R {
    let etype = be16(t, 0)?;
    if c.opts.link_header {
        c.s("Marvell EDSA ethertype 0x");
        c.o.hexw(u64::from(etype), 4);
        c.s(" (");
        c.s(ethertype_name(etype).unwrap_or("Unknown"));
        c.s("), rsvd ");
        c.dec(u8_at(t, 2)?);
        c.s(" ");
        c.dec(u8_at(t, 3)?);
        c.s(", ");
    } else {
        c.s("EDSA 0x");
        c.o.hexw(u64::from(etype), 4);
        c.s(", ");
    }
    dsa_common(c, t.get(4..).unwrap_or(&[]))
}

fn brcm_tag(c: &mut Ctx, t: &[u8]) -> R {
    let (b0, b1, b2, b3) = (u8_at(t, 0)?, u8_at(t, 1)?, u8_at(t, 2)?, u8_at(t, 3)?);
    // tcpdump names the opcode by the whole first byte, decodes by bit 5.
    c.s("BRCM tag OP: ");
    c.s(if b0 != 0 { "IG" } else { "EG" });
    if b0 & 0x20 != 0 {
        c.s(", TC: ");
        c.dec((b1 >> 2) & 7);
        c.s(", TE: ");
        c.s(match b1 & 3 {
            0 => "None",
            1 => "Untag",
            2 => "Header",
            _ => "Reserved",
        });
        c.s(", TS: ");
        c.dec(b1 >> 7);
        c.s(", DST map: 0x");
        let map = (u16::from(b2) << 8 | u16::from(b3)) & 0x1ff;
        c.o.hexw(u64::from(map), 4);
    } else {
        c.s(", CID: ");
        c.dec(b1);
        c.s(", RC: ");
        c.s(match b2 {
            1 => "mirror",
            2 => "MAC learning",
            4 => "switching",
            8 => "prot term",
            16 => "prot snoop",
            32 => "exception",
            _ => "reserved",
        });
        c.s(", TC: ");
        c.dec((b3 >> 5) & 7);
        c.s(", port: ");
        c.dec(b3 & 0x1f);
    }
    c.s(", ");
    Ok(())
}

pub(super) fn dsa(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    print_switch_tagged(c, d, length, "dsa", (DSA_LEN, dsa_tag))
}

pub(super) fn edsa(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    print_switch_tagged(c, d, length, "edsa", (EDSA_LEN, edsa_tag))
}

pub(super) fn brcm(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    print_switch_tagged(c, d, length, "brcm-tag", (BRCM_LEN, brcm_tag))
}

/// The tag (shown with -e), then an Ethernet frame.
pub(super) fn brcm_prepend(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "brcm-tag-prepend";
    if d.len() < BRCM_LEN {
        // tcpdump's checked read: the packet ends there (even inside
        // another link header such as PPI) and -x dumps all of it.
        return Err(Trunc);
    }
    if c.opts.link_header {
        brcm_tag(c, d)?;
    }
    Ok(BRCM_LEN + super::super::ether::print(c, &d[BRCM_LEN..], length.saturating_sub(BRCM_LEN))?)
}
