//! IEEE 802.2 LLC headers and SNAP (summaries, as tcpdump prints them).

use super::out::Put;
use super::{Ctx, R, be16, u8_at};

const LLC_U_FMT: u8 = 3;
const LLC_S_FMT: u16 = 1;
const LLC_UI: u16 = 0x03;
const LLC_XID: u16 = 0xaf;
const LLCSAP_SNAP: u8 = 0xaa;
const LLCSAP_IP: u8 = 0x06;
const LLCSAP_GLOBAL: u8 = 0xff;

fn sap_name(v: u8) -> Option<&'static str> {
    Some(match v {
        0x00 => "Null",
        0xff => "Global",
        0x02 => "802.1B I",
        0x03 => "802.1B G",
        0x06 => "IP",
        0x04 => "SNA",
        0x0e => "ProWay NM",
        0x42 => "STP",
        0x4e => "RS511",
        0x7e => "ISO8208",
        0x8e => "ProWay",
        0xaa => "SNAP",
        0xe0 => "IPX",
        0xf0 => "NetBeui",
        0xfe => "OSI",
        _ => return None,
    })
}

fn flag_name(v: u16) -> &'static str {
    match v {
        0 => "Command",
        1 => "Response",
        0x10 => "Poll",
        0x11 => "Final",
        0x100 => "Poll",
        0x101 => "Final",
        _ => "?",
    }
}

fn sap_or(c: &mut Ctx, v: u8, what: &str) {
    match sap_name(v) {
        Some(n) => c.s(n),
        None => {
            c.s(what);
            c.s(" 0x");
            c.o.hexw(u64::from(v), 2);
        }
    }
}

/// Prints an LLC frame. `Ok(Ok(hdrlen))` when decoded, `Ok(Err(hdrlen))` when the
/// caller should print the payload raw.
pub(crate) fn print(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    src: &[u8],
    dst: &[u8],
) -> R<Result<usize, usize>> {
    c.proto = "llc";
    let caplen = d.len();
    if caplen < 3 || length < 3 {
        c.trunc_mark();
        // tcpdump's ND_DEFAULTPRINT here is not subject to -x suppression.
        super::hex::hex_and_ascii(&mut c.o, "\n\t", d, 0);
        return Ok(Ok(caplen.min(length)));
    }
    let dsap_field = u8_at(d, 0)?;
    let ssap_field = u8_at(d, 1)?;
    let mut control = u16::from(u8_at(d, 2)?);
    let is_u = (control as u8 & LLC_U_FMT) == LLC_U_FMT;
    let hdrlen;
    if is_u {
        hdrlen = 3;
    } else {
        if caplen < 4 || length < 4 {
            c.trunc_mark();
            super::hex::hex_and_ascii(&mut c.o, "\n\t", d, 0);
            return Ok(Ok(caplen.min(length)));
        }
        control = u16::from_le_bytes([u8_at(d, 2)?, u8_at(d, 3)?]);
        hdrlen = 4;
    }
    if ssap_field == LLCSAP_GLOBAL && dsap_field == LLCSAP_GLOBAL {
        // Novell raw 802.3: IPX right after the 802.3 header.
        if c.opts.link_header {
            c.s("IPX 802.3: ");
        }
        super::ipx::print(c, d, length)?;
        return Ok(Ok(0));
    }
    let dsap = dsap_field & !1;
    let ssap = ssap_field & !1;
    if c.opts.link_header {
        c.s("LLC, dsap ");
        c.s(sap_name(dsap).unwrap_or("Unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(dsap), 2);
        c.s(") ");
        c.s(if dsap_field & 1 != 0 {
            "Group"
        } else {
            "Individual"
        });
        c.s(", ssap ");
        c.s(sap_name(ssap).unwrap_or("Unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(ssap), 2);
        c.s(") ");
        c.s(if ssap_field & 1 != 0 {
            "Response"
        } else {
            "Command"
        });
        c.s(", ctrl 0x");
        c.o.hexw(u64::from(control), if is_u { 2 } else { 4 });
        c.s(": ");
    }
    let p = &d[hdrlen..];
    let length = length - hdrlen;
    if ssap == LLCSAP_SNAP && dsap == LLCSAP_SNAP && control == LLC_UI {
        return snap_padded(c, p, length, src, dst, 2).map(|known| match known {
            Some(true) => Ok(hdrlen + 5),
            Some(false) => Err(hdrlen + 5),
            None => Ok(hdrlen + 5),
        });
    }
    if ssap == 0x42 && dsap == 0x42 && control == LLC_UI {
        super::stp::print(c, p, length)?;
        return Ok(Ok(hdrlen));
    }
    if ssap == 0xfe && dsap == 0xfe && control == LLC_UI {
        super::osi::print(c, p, length)?;
        return Ok(Ok(hdrlen));
    }
    if ssap == LLCSAP_IP && dsap == LLCSAP_IP && control == LLC_UI {
        super::ip::print(c, p, length)?;
        return Ok(Ok(hdrlen));
    }
    if ssap == 0xe0 && dsap == 0xe0 && control == LLC_UI {
        if c.opts.link_header {
            c.s("IPX 802.2: ");
        }
        super::ipx::print(c, p, length)?;
        return Ok(Ok(hdrlen));
    }
    if !c.opts.link_header {
        // Cooked captures have no MAC addresses to show.
        let addrs = !src.is_empty() && !dst.is_empty();
        if ssap == dsap {
            if addrs {
                c.etheraddr(src);
                c.s(" > ");
                c.etheraddr(dst);
                c.s(" ");
            }
            sap_or(c, dsap, "Unknown DSAP");
            c.s(" ");
        } else {
            if addrs {
                c.etheraddr(src);
                c.s(" ");
            }
            sap_or(c, ssap, "Unknown SSAP");
            c.s(" > ");
            if addrs {
                c.etheraddr(dst);
                c.s(" ");
            }
            sap_or(c, dsap, "Unknown DSAP");
            c.s(" ");
        }
    }
    let gsap = u16::from(ssap_field & 1);
    if is_u {
        c.s("Unnumbered, ");
        let cmd = control & 0xef;
        match cmd {
            0x03 => c.s("ui"),
            0xe3 => c.s("test"),
            0xaf => c.s("xid"),
            0x63 => c.s("ua"),
            0x43 => c.s("disc"),
            0x0f => c.s("dm"),
            0x6f => c.s("sabme"),
            0x87 => c.s("frmr"),
            _ => c.o.hexw(u64::from(cmd), 2),
        }
        c.s(", Flags [");
        c.s(flag_name(gsap | (control & 0x10)));
        c.s("], length ");
        c.dec((length + hdrlen) as u64);
        if (control & !0x10) == LLC_XID {
            if length == 0 {
                return Ok(Ok(hdrlen));
            }
            if p.is_empty() {
                c.trunc_mark();
                return Ok(Ok(hdrlen));
            }
            if u8_at(p, 0)? == 0x81 {
                if p.len() < 3 || length < 3 {
                    c.trunc_mark();
                    c.default_print(p);
                } else {
                    c.s(": ");
                    c.o.hexw(u64::from(u8_at(p, 1)?), 2);
                    c.s(" ");
                    c.o.hexw(u64::from(u8_at(p, 2)?), 2);
                }
                return Ok(Ok(hdrlen));
            }
        }
    } else if (control & LLC_S_FMT) == LLC_S_FMT {
        c.s("Supervisory, ");
        c.s(match (control >> 2) & 3 {
            0 => "Receiver Ready",
            1 => "Receiver not Ready",
            2 => "Reject",
            _ => "?",
        });
        c.s(", rcv seq ");
        c.dec((control >> 9) & 0x7f);
        c.s(", Flags [");
        c.s(flag_name(gsap | (control & 0x100)));
        c.s("], length ");
        c.dec((length + hdrlen) as u64);
        return Ok(Ok(hdrlen));
    } else {
        c.s("Information, send seq ");
        c.dec((control >> 1) & 0x7f);
        c.s(", rcv seq ");
        c.dec((control >> 9) & 0x7f);
        c.s(", Flags [");
        c.s(flag_name(gsap | (control & 0x100)));
        c.s("], length ");
        c.dec((length + hdrlen) as u64);
    }
    Ok(Err(hdrlen))
}

fn oui_name(oui: u32) -> &'static str {
    super::names::oui_lookup(oui).unwrap_or("Unknown")
}

/// SNAP header; Some(true) if the payload was decoded, None if truncated.
pub(crate) fn snap(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    src: &[u8],
    dst: &[u8],
) -> R<Option<bool>> {
    snap_padded(c, d, length, src, dst, 0)
}

/// SNAP header whose RFC 2684 bridged frames start after `pad` bytes.
fn snap_padded(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    src: &[u8],
    dst: &[u8],
    pad: usize,
) -> R<Option<bool>> {
    c.proto = "snap";
    if d.len() < 5 || length < 5 {
        c.trunc_mark();
        return Ok(None);
    }
    let oui = (u32::from(u8_at(d, 0)?) << 16) | u32::from(be16(d, 1)?);
    let et = be16(d, 3)?;
    if c.opts.link_header {
        snap_header(c, oui, et);
        c.s(", length ");
        c.dec((length - 5) as u64);
        c.s(": ");
    }
    let p = &d[5..];
    let addrs = (!src.is_empty() && !dst.is_empty()).then_some((src, dst));
    let ether_oui = oui == 0 || oui == 0xf8 || (oui == 0x080007 && et == 0x809b);
    if ether_oui && super::ether::ethertype_print_from(c, et, p, length - 5, addrs)? {
        return Ok(Some(true));
    }
    if oui == 0x0080c2 && super::atm::bridged(c, et, p, length - 5, pad)?.is_some() {
        return Ok(Some(true));
    }
    if oui == 0x00000c {
        match et {
            0x2000 => super::cdp::print(c, p, length - 5)?,
            0x2004 => super::cisco::dtp(c, p, length - 5)?,
            0x0111 => super::cisco::udld(c, p, length - 5)?,
            0x2003 => super::cisco::vtp(c, p, length - 5)?,
            0x010b | 0x010c => super::stp::print(c, p, length - 5)?,
            _ => return snap_undecoded(c, oui, et, length, src, dst),
        }
        return Ok(Some(true));
    }
    snap_undecoded(c, oui, et, length, src, dst)
}

/// The summary of a SNAP frame whose payload is not decoded.
fn snap_undecoded(
    c: &mut Ctx,
    oui: u32,
    et: u16,
    length: usize,
    src: &[u8],
    dst: &[u8],
) -> R<Option<bool>> {
    if !c.opts.link_header {
        // Link layers without MAC addresses (cooked, ATM) pass none.
        if !src.is_empty() && !dst.is_empty() {
            c.etheraddr(src);
            c.s(" > ");
            c.etheraddr(dst);
            c.s(" ");
        }
        snap_header(c, oui, et);
        c.s(", length ");
        c.dec((length - 5) as u64);
        c.s(": ");
    }
    Ok(Some(false))
}

fn snap_header(c: &mut Ctx, oui: u32, et: u16) {
    let e = c.opts.link_header;
    if !e {
        c.s("SNAP, ");
    }
    if oui != 0 || e {
        c.s("oui ");
        c.s(oui_name(oui));
        c.s(" (0x");
        c.o.hexw(u64::from(oui), 6);
        c.s("), ");
    }
    c.s(if oui == 0 { "ethertype " } else { "pid " });
    let name = match oui {
        0 | 0xf8 | 0x080007 => super::ether::ethertype_name(et),
        0x0080c2 => super::atm::bridged_pid_name(et),
        0x00000c => cisco_pid_name(et),
        _ => None,
    };
    c.s(name.unwrap_or("Unknown"));
    c.s(" (0x");
    c.o.hexw(u64::from(et), 4);
    c.s(")");
}

/// tcpdump's names for the protocol ids under Cisco's OUI.
fn cisco_pid_name(pid: u16) -> Option<&'static str> {
    Some(match pid {
        0x2000 => "CDP",
        0x2003 => "VTP",
        0x2004 => "DTP",
        0x0111 => "UDLD",
        0x010b => "PVST",
        0x010c => "VLAN Bridge",
        _ => return None,
    })
}
