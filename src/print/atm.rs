//! ATM link types as tcpdump prints them: DLT_SUNATM (a 4-byte pseudo-header
//! with direction, traffic type, VPI and VCI) and DLT_ATM_RFC1483 (LLC/SNAP
//! encapsulated PDUs, RFC 1483/2684). The well-known VCIs of VPI 0 carry
//! signalling (Q.2931), OAM F4 cells and ILMI; other circuits carry LLC or
//! LAN emulation (LANE) frames.

use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, u8_at};

/// tcpdump's traffic types (from the SunATM pseudo-header).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Traffic {
    Unknown,
    Lane,
    Llc,
}

/// Signalling and management circuits on VPI 0.
const VCI_METAC: u16 = 0x01;
const VCI_BCC: u16 = 0x02;
const VCI_OAMF4SC: u16 = 0x03;
const VCI_OAMF4EC: u16 = 0x04;
const VCI_PPC: u16 = 0x05;
const VCI_ILMIC: u16 = 0x10;

/// DLT_SUNATM (123).
pub(crate) fn sunatm(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "sunatm";
    let dir = u8_at(d, 0)?;
    if c.opts.link_header {
        c.s(if dir & 0x80 != 0 { "Tx: " } else { "Rx: " });
    }
    let traffic = match dir & 0x0f {
        1 => Traffic::Lane,
        2 => Traffic::Llc,
        _ => Traffic::Unknown,
    };
    let vpi = u8_at(d, 1)?;
    let vci = be16(d, 2)?;
    c.ll_hdr_len = 4;
    let length = (length as u32).wrapping_sub(4) as usize;
    // tcpdump's -x skips only the pseudo-header here, whatever follows.
    pdu(c, vpi, vci, traffic, &d[4..], length)?;
    Ok(4)
}

/// DLT_ATM_RFC1483 (LINKTYPE 100): an LLC header, a Cisco-style NLPID, or an
/// 802.6 MAC header (Fore's driver) in front of the LLC header.
pub(crate) fn rfc1483(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "atm";
    if u8_at(d, 0)? == 0x03 {
        if c.opts.link_header {
            c.s("CNLPID ");
        }
        c.ll_hdr_len = 1;
        super::osi::print(c, &d[1..], length.wrapping_sub(1))?;
        return Ok(1);
    }
    let llc = (u32::from(be16(d, 0)?) << 8) | u32::from(u8_at(d, 2)?);
    let mut off = 0;
    if !matches!(llc, 0xaaaa03 | 0xfefe03 | 0x060603) {
        if c.opts.link_header {
            let words = [be32(d, 0)?, be32(d, 4)?, be32(d, 8)?, be32(d, 12)?];
            for (i, w) in words.iter().enumerate() {
                c.o.hexw(u64::from(*w), 8);
                if i == 1 || i == 3 {
                    c.s(" ");
                }
            }
        }
        if d.len() < 20 {
            return Err(Trunc);
        }
        off = 20;
    }
    c.ll_hdr_len = off;
    let h = llc_pdu(c, &d[off..], length.wrapping_sub(off))?;
    Ok(off + h)
}

/// tcpdump's names of the RFC 2684 bridged protocol ids (SNAP OUI 0x0080c2).
pub(crate) fn bridged_pid_name(pid: u16) -> Option<&'static str> {
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

/// An RFC 2684 bridged frame behind SNAP (OUI 0x0080c2): `pad` bytes of
/// padding (2 after an LLC header, none in Frame Relay), then an Ethernet,
/// Token Ring or FDDI frame, or a bridge PDU. `None` for a protocol id
/// tcpdump does not decode.
pub(crate) fn bridged(c: &mut Ctx, pid: u16, d: &[u8], length: usize, pad: usize) -> R<Option<()>> {
    let skip = match pid {
        0x0001 | 0x0007 | 0x0003 | 0x0009 => pad,
        0x0004 | 0x000a => pad + 1,
        0x000e => {
            super::stp::print(c, d, length)?;
            return Ok(Some(()));
        }
        _ => return Ok(None),
    };
    let Some(frame) = d.get(skip..) else {
        // tcpdump marks the SNAP header truncated and counts it decoded.
        c.proto = "snap";
        c.trunc_mark();
        return Ok(Some(()));
    };
    let length = length.wrapping_sub(skip);
    match pid {
        0x0001 | 0x0007 => {
            super::ether::print(c, frame, length)?;
        }
        // The Token Ring and FDDI printers, by their DLTs.
        0x0003 | 0x0009 => {
            if let Some(r) = super::linkmore::print(c, 6, frame, length) {
                r?;
            }
        }
        _ => {
            if let Some(r) = super::linkmore::print(c, 10, frame, length) {
                r?;
            }
        }
    }
    Ok(Some(()))
}

/// An LLC-encapsulated PDU; undecoded ones are dumped. Returns the LLC
/// header length.
fn llc_pdu(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    match super::llc::print(c, d, length, &[], &[])? {
        Ok(h) => Ok(h),
        Err(h) => {
            c.default_print(d);
            Ok(h)
        }
    }
}

/// tcpdump's atm_print: one PDU of circuit `vpi`/`vci`. Returns the length
/// of the headers decoded past the pseudo-header.
fn pdu(c: &mut Ctx, vpi: u8, vci: u16, traffic: Traffic, d: &[u8], length: usize) -> R<usize> {
    c.proto = "atm";
    if c.opts.link_header {
        c.s("VPI:");
        c.dec(vpi);
        c.s(" VCI:");
        c.dec(vci);
        c.s(" ");
    }
    if vpi == 0 {
        match vci {
            VCI_PPC => {
                signalling(c, d)?;
                return Ok(0);
            }
            VCI_BCC => {
                c.s("broadcast sig: ");
                return Ok(0);
            }
            VCI_OAMF4SC | VCI_OAMF4EC => {
                oam(c, d, length, 1)?;
                return Ok(0);
            }
            VCI_METAC => {
                c.s("meta: ");
                return Ok(0);
            }
            VCI_ILMIC => {
                c.s("ilmi: ");
                super::snmp::snmp(c, d, length)?;
                return Ok(0);
            }
            _ => {}
        }
    }
    match traffic {
        Traffic::Lane => {
            lane(c, d, length)?;
            Ok(0)
        }
        Traffic::Llc | Traffic::Unknown => llc_pdu(c, d, length),
    }
}

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0x02 => "Call_proceeding",
        0x07 => "Connect",
        0x0f => "Connect_ack",
        0x05 => "Setup",
        0x4d => "Release",
        0x5a => "Release_complete",
        0x46 => "Restart",
        0x4e => "Restart_ack",
        0x7d => "Status",
        0x75 => "Status_enquiry",
        0x80 => "Add_party",
        0x81 => "Add_party_ack",
        0x82 => "Add_party_reject",
        0x83 => "Drop_party",
        0x84 => "Drop_party_ack",
        _ => return None,
    })
}

/// UNI signalling: Q.2931 message type and call reference, or SSCOP with
/// another protocol.
fn signalling(c: &mut Ctx, d: &[u8]) -> R {
    let proto = u8_at(d, 0)?;
    if proto == 0x09 {
        c.s("Q.2931");
        let t = u8_at(d, 5)?;
        c.s(":");
        match msg_name(t) {
            Some(n) => c.s(n),
            None => {
                c.s("msgtype#");
                c.dec(t);
            }
        }
        c.s(" ");
        let call_ref = (u32::from(u8_at(d, 2)?) << 16) | u32::from(be16(d, 3)?);
        c.s("CALL_REF:0x");
        c.o.hexw(u64::from(call_ref), 6);
    } else {
        c.s("SSCOP, proto ");
        c.dec(proto);
        c.s(" ");
    }
    Ok(())
}

fn lec_opcode_name(op: u16) -> Option<&'static str> {
    Some(match op {
        0x0001 => "configure request",
        0x0101 => "configure response",
        0x0002 => "join request",
        0x0102 => "join response",
        0x0003 => "ready query",
        0x0103 => "ready indication",
        0x0004 => "register request",
        0x0104 => "register response",
        0x0005 => "unregister request",
        0x0105 => "unregister response",
        0x0006 => "ARP request",
        0x0106 => "ARP response",
        0x0007 => "flush request",
        0x0107 => "flush response",
        0x0008 => "NARP request",
        0x0009 => "topology request",
        _ => return None,
    })
}

/// LAN emulation: an LE control frame, or an LEC id then an Ethernet frame.
fn lane(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "lane";
    let header = be16(d, 0)?;
    if header == 0xff00 {
        // tcpdump reads the whole control header before printing any of it.
        let (proto, vers, op) = (u8_at(d, 2)?, u8_at(d, 3)?, be16(d, 4)?);
        c.s("lec: proto ");
        c.o.hex(u64::from(proto));
        c.s(" vers ");
        c.o.hex(u64::from(vers));
        c.s(" ");
        match lec_opcode_name(op) {
            Some(n) => c.s(n),
            None => {
                c.s("opcode-#");
                c.dec(op);
            }
        }
        return Ok(());
    }
    let frame = &d[2..];
    let length = length.wrapping_sub(2);
    // The LEC id shows (with or without -e) once the Ethernet header is
    // known to be there.
    if length >= frame.len() && frame.len() >= 14 {
        c.s("lecid:");
        c.o.hex(u64::from(header));
        c.s(" ");
    }
    super::ether::print(c, frame, length)?;
    Ok(())
}

fn oam_celltype_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0x1 => "Fault Management",
        0x2 => "Performance Management",
        0x8 => "activate/deactivate",
        0xf => "System Management",
        _ => return None,
    })
}

/// Function type names per cell type (None: the cell type has no table).
fn oam_functype_name(cell: u8, func: u8) -> Option<Option<&'static str>> {
    let name = match cell {
        0x1 => match func {
            0x0 => Some("AIS"),
            0x1 => Some("RDI"),
            0x4 => Some("Continuity Check"),
            0x8 => Some("Loopback"),
            _ => None,
        },
        0x2 => match func {
            0x0 => Some("Forward Monitoring"),
            0x1 => Some("Backward Reporting"),
            0x2 => Some("Monitoring and Reporting"),
            _ => None,
        },
        0x8 => match func {
            0x0 => Some("Performance Monitoring"),
            0x1 => Some("Continuity Check"),
            _ => None,
        },
        _ => return None,
    };
    Some(name)
}

fn payload_type_name(pt: u8) -> &'static str {
    match pt {
        0 => "user data, uncongested, SDU 0",
        1 => "user data, uncongested, SDU 1",
        2 => "user data, congested, SDU 0",
        3 => "user data, congested, SDU 1",
        4 => "VCC OAM F5 flow segment",
        5 => "VCC OAM F5 flow end-to-end",
        6 => "Traffic Control and resource Mgmt",
        _ => "Unknown",
    }
}

/// One step of the CRC-10 of ATM OAM cells (generator 0x633): the
/// remainder of `i` shifted past the register's top.
fn crc10_step(i: u8) -> u16 {
    let mut a = u16::from(i) << 2;
    for _ in 0..8 {
        a <<= 1;
        if a & 0x400 != 0 {
            a ^= 0x633;
        }
    }
    a
}

/// CRC-10 over a whole cell payload (CRC field included): zero when intact.
fn crc10(data: &[u8]) -> u16 {
    data.iter().fold(0u16, |acc, &b| {
        ((acc << 8) & 0x3ff) ^ crc10_step((acc >> 2) as u8) ^ u16::from(b)
    })
}

/// An OAM cell; `hec` is 1 when the cell header keeps its HEC byte.
pub(crate) fn oam(c: &mut Ctx, d: &[u8], length: usize, hec: usize) -> R {
    c.proto = "oam";
    let cell_header = be32(d, hec)?;
    let ct = u8_at(d, 4 + hec)?;
    let cell_type = ct >> 4;
    let func_type = ct & 0x0f;
    let vpi = (cell_header >> 20) & 0xff;
    let vci = (cell_header >> 4) & 0xffff;
    let payload = ((cell_header >> 1) & 7) as u8;
    let clp = cell_header & 1;
    c.s(match vci {
        3 => "OAM F4 (segment)",
        4 => "OAM F4 (end)",
        _ => "OAM F5",
    });
    c.s(", vpi ");
    c.dec(vpi);
    c.s(", vci ");
    c.dec(vci);
    c.s(", payload [ ");
    c.s(payload_type_name(payload));
    c.s(" ], clp ");
    c.dec(clp);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    c.s("\n\tcell-type ");
    c.s(oam_celltype_name(cell_type).unwrap_or("unknown"));
    c.s(" (");
    c.dec(cell_type);
    c.s(")");
    match oam_functype_name(cell_type, func_type) {
        None => c.s(", func-type unknown ("),
        Some(name) => {
            c.s(", func-type ");
            c.s(name.unwrap_or("none"));
            c.s(" (");
        }
    }
    c.dec(func_type);
    c.s(")");
    let p = d.get(4 + hec..).unwrap_or(&[]);
    // Function-specific fields start after the cell/function type byte; the
    // ID fields are printed as 16-bit words at odd offsets, as tcpdump does.
    let ids = |c: &mut Ctx, start: usize, n: usize| -> R {
        for i in (1..n).step_by(2) {
            c.o.hexw(u64::from(be16(p, start + i)?), 4);
            c.s(" ");
        }
        Ok(())
    };
    match (cell_type, func_type) {
        (1, 8) => {
            if p.len() < 1 + 45 {
                return Err(Trunc);
            }
            c.s("\n\tLoopback-Indicator ");
            c.s(if u8_at(p, 1)? & 1 != 0 {
                "Request"
            } else {
                "Reply"
            });
            c.s(", Correlation-Tag 0x");
            c.o.hexw(u64::from(be32(p, 2)?), 8);
            c.s("\n\tLocation-ID ");
            ids(c, 6, 12)?;
            c.s("\n\tSource-ID   ");
            ids(c, 18, 12)?;
        }
        (1, 0) | (1, 1) => {
            if p.len() < 1 + 45 {
                return Err(Trunc);
            }
            c.s("\n\tFailure-type 0x");
            c.o.hexw(u64::from(u8_at(p, 1)?), 2);
            c.s("\n\tLocation-ID ");
            ids(c, 2, 16)?;
        }
        _ => {}
    }
    let cksum = be16(p, 46)? & 0x3ff;
    let cell = p.get(..48).ok_or(Trunc)?;
    c.s("\n\tcksum 0x");
    c.o.hexw(u64::from(cksum), 3);
    c.s(if crc10(cell) == 0 {
        " (correct)"
    } else {
        " (incorrect)"
    });
    Ok(())
}
