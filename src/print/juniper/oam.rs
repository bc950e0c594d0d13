//! ATM OAM cells (I.610) as the Juniper ATM PICs capture them: a 4-byte cell
//! header without HEC, the cell and function types, 45 bytes of function
//! specific fields and a CRC-10 (tcpdump's oam_print).

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

/// Cell header without the HEC byte.
const HDR_LEN: usize = 4;
/// The cell payload the CRC-10 covers.
const PAYLOAD_LEN: usize = 48;

const CELLTYPE_FM: u8 = 0x1;
const CELLTYPE_PM: u8 = 0x2;
const CELLTYPE_AD: u8 = 0x8;

const FM_AIS: u8 = 0x0;
const FM_RDI: u8 = 0x1;
const FM_LOOPBACK: u8 = 0x8;

/// Length of the loopback and AIS/RDI function specific fields.
const LOOPBACK_LEN: usize = 45;
const AIS_RDI_LEN: usize = 45;

/// The CRC-10 table for the generator polynomial x^10+x^9+x^5+x^4+x+1 (0x633).
const CRC10: [u16; 256] = crc10_table();

const fn crc10_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut acc = (i as u16) << 2;
        let mut j = 0;
        while j < 8 {
            acc <<= 1;
            if acc & 0x400 != 0 {
                acc ^= 0x633;
            }
            j += 1;
        }
        t[i] = acc;
        i += 1;
    }
    t
}

/// The CRC-10 remainder over `d` (zero for a cell whose checksum is right).
fn crc10(d: &[u8]) -> u16 {
    d.iter().fold(0u16, |acc, &b| {
        ((acc << 8) & 0x3ff) ^ CRC10[usize::from((acc >> 2) & 0xff)] ^ u16::from(b)
    })
}

fn pty_name(v: u32) -> &'static str {
    match v {
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

fn celltype_name(v: u8) -> &'static str {
    match v {
        CELLTYPE_FM => "Fault Management",
        CELLTYPE_PM => "Performance Management",
        CELLTYPE_AD => "activate/deactivate",
        0xf => "System Management",
        _ => "unknown",
    }
}

/// The function type's name within its cell type; None for a cell type
/// without function types.
fn functype_name(cell: u8, func: u8) -> Option<&'static str> {
    let name = match (cell, func) {
        (CELLTYPE_FM, FM_AIS) => "AIS",
        (CELLTYPE_FM, FM_RDI) => "RDI",
        (CELLTYPE_FM, 0x4) => "Continuity Check",
        (CELLTYPE_FM, FM_LOOPBACK) => "Loopback",
        (CELLTYPE_PM, 0x0) => "Forward Monitoring",
        (CELLTYPE_PM, 0x1) => "Backward Reporting",
        (CELLTYPE_PM, 0x2) => "Monitoring and Reporting",
        (CELLTYPE_AD, 0x0) => "Performance Monitoring",
        (CELLTYPE_AD, 0x1) => "Continuity Check",
        (CELLTYPE_FM | CELLTYPE_PM | CELLTYPE_AD, _) => "none",
        _ => return None,
    };
    Some(name)
}

/// The second byte of each pair of `n` bytes at `off`, read with the byte
/// after it as a 16-bit word (tcpdump's odd-index loop over the ID fields).
fn id_words(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in (1..n).step_by(2) {
        c.o.hexw(u64::from(be16(d, off + i)?), 4);
        c.s(" ");
    }
    Ok(())
}

/// One OAM cell of `length` bytes.
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "oam";
    let header = be32(d, 0)?;
    let types = u8_at(d, HDR_LEN)?;
    let (cell, func) = (types >> 4, types & 0x0f);
    let vpi = (header >> 20) & 0xff;
    let vci = (header >> 4) & 0xffff;
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
    c.s(pty_name((header >> 1) & 7));
    c.s(" ], clp ");
    c.dec(header & 1);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    c.s("\n\tcell-type ");
    c.s(celltype_name(cell));
    c.s(" (");
    c.dec(cell);
    c.s(")");
    match functype_name(cell, func) {
        Some(name) => {
            c.s(", func-type ");
            c.s(name);
            c.s(" (");
        }
        None => c.s(", func-type unknown ("),
    }
    c.dec(func);
    c.s(")");
    let p = HDR_LEN;
    // The function specific fields start after the cell/function type byte.
    let f = p + 1;
    match (cell, func) {
        (CELLTYPE_FM, FM_LOOPBACK) => {
            bytes(d, f, LOOPBACK_LEN)?;
            c.s("\n\tLoopback-Indicator ");
            c.s(if u8_at(d, f)? & 1 == 1 {
                "Request"
            } else {
                "Reply"
            });
            c.s(", Correlation-Tag 0x");
            c.o.hexw(u64::from(be32(d, f + 1)?), 8);
            c.s("\n\tLocation-ID ");
            id_words(c, d, f + 5, 12)?;
            c.s("\n\tSource-ID   ");
            id_words(c, d, f + 17, 12)?;
        }
        (CELLTYPE_FM, FM_AIS | FM_RDI) => {
            bytes(d, f, AIS_RDI_LEN)?;
            c.s("\n\tFailure-type 0x");
            c.o.hexw(u64::from(u8_at(d, f)?), 2);
            c.s("\n\tLocation-ID ");
            id_words(c, d, f + 1, 16)?;
        }
        _ => {}
    }
    let cksum = be16(d, f + 45)? & 0x3ff;
    let cell_payload = d.get(p..p + PAYLOAD_LEN).ok_or(Trunc)?;
    c.s("\n\tcksum 0x");
    c.o.hexw(u64::from(cksum), 3);
    c.s(if crc10(cell_payload) == 0 {
        " (correct)"
    } else {
        " (incorrect)"
    });
    Ok(())
}
