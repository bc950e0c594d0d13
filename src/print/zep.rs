//! ZigBee Encapsulation Protocol (UDP port 17754), versions 1 and 2, with the
//! IEEE 802.15.4 MAC frame it carries (standard frame types: beacon, data,
//! acknowledgement and MAC command headers).

use super::time::local_date;
use super::{Ctx, Put, R, be16, be32, u8_at};

/// NTP era offset: seconds from 1900 to 1970.
const JAN_1970: u32 = 2_208_988_800;

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "zep";
    c.s("ZEP");
    if u8_at(d, 0)? != b'E' || u8_at(d, 1)? != b'X' {
        c.s(" [Preamble Code: ");
        super::tcp::print_char(c, u8_at(d, 0)?);
        super::tcp::print_char(c, u8_at(d, 1)?);
        c.s("]");
        c.invalid();
        return Ok(());
    }
    let version = u8_at(d, 2)?;
    c.s("v");
    c.dec(version);
    c.s(" ");
    let (hdr, inner_len) = if version == 1 {
        if len < 16 {
            short(c, len, 16);
            return Ok(());
        }
        let (ch, dev) = (u8_at(d, 3)?, be16(d, 4)?);
        c.s("Channel ID ");
        c.dec(ch);
        c.s(", Device ID 0x");
        c.o.hexw(u64::from(dev), 4);
        c.s(", ");
        crc_or_lqi(c, d, 6)?;
        let inner = u8_at(d, 15)?;
        c.s("inner len = ");
        c.dec(inner);
        (16, inner)
    } else if u8_at(d, 3)? == 2 {
        if len < 8 {
            short(c, len, 8);
            return Ok(());
        }
        let seq = be32(d, 4)?;
        c.s("ACK, seq# = ");
        c.dec(seq);
        (8, 0)
    } else {
        if len < 32 {
            short(c, len, 32);
            return Ok(());
        }
        let (ty, ch, dev) = (u8_at(d, 3)?, u8_at(d, 4)?, be16(d, 5)?);
        c.s("Type ");
        c.dec(ty);
        c.s(", Channel ID ");
        c.dec(ch);
        c.s(", Device ID 0x");
        c.o.hexw(u64::from(dev), 4);
        c.s(", ");
        crc_or_lqi(c, d, 7)?;
        timestamp(c, d, 9)?;
        let seq = be32(d, 17)?;
        let inner = u8_at(d, 31)?;
        c.s(", seq# = ");
        c.dec(seq);
        c.s(", inner len = ");
        c.dec(inner);
        (32, inner)
    };
    let rest = d.get(hdr..).unwrap_or(&[]);
    let mut rest_len = len - hdr;
    let mut rest_at = 0;
    if inner_len != 0 {
        c.s("\n\t");
        if ieee802_15_4(c, rest, usize::from(inner_len))? {
            c.proto = "802.15.4";
            if rest.len() < rest_len {
                return Err(super::Trunc);
            }
            rest_at = rest_len;
            rest_len = 0;
        }
    }
    dump(c, rest, rest_at, rest_len)
}

/// tcpdump's ND_ICHECK failure: ` [len N < M] (invalid)`.
fn short(c: &mut Ctx, len: usize, min: u64) {
    c.s(" [len ");
    c.dec(len as u64);
    c.s(" < ");
    c.dec(min);
    c.s("]");
    c.invalid();
}

/// `CRC, ` when the CRC/LQI mode byte at `off` is set, else `LQI n, `.
/// With -vvv: the frame's FCS, and the checksum worked out where they differ
/// (tcpdump then takes the frame to carry no FCS).
fn fcs_note(c: &mut Ctx, fcs: u32, check: u32) {
    if check == fcs {
        c.s("FCS ");
        c.o.hex(u64::from(fcs));
        c.s(" ");
    } else {
        c.s("wrong FCS ");
        c.o.hex(u64::from(fcs));
        c.s(" vs ");
        c.o.hex(u64::from(check));
        c.s(" (assume no FCS stored) ");
    }
}

fn crc_or_lqi(c: &mut Ctx, d: &[u8], off: usize) -> R {
    if u8_at(d, off)? != 0 {
        c.s("CRC, ");
    } else {
        let lqi = u8_at(d, off + 1)?;
        c.s("LQI ");
        c.dec(lqi);
        c.s(", ");
    }
    Ok(())
}

/// The v2 NTP timestamp: seconds, billionths (through tcpdump's float maths) and
/// the local date.
fn timestamp(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let i = be32(d, off)?;
    let uf = be32(d, off + 4)?;
    let ff = (f64::from(uf as f32) / 4_294_967_296.0) as f32;
    let f = (f64::from(ff) * 1_000_000_000.0) as u32;
    c.dec(i);
    c.s(".");
    c.o.decw(u64::from(f), 9);
    if i != 0 {
        c.s(" (");
        local_date(&mut c.o, i64::from(i.wrapping_sub(JAN_1970)));
        c.s(")");
    }
    Ok(())
}

const FRAME_TYPES: [&str; 8] = [
    "Beacon",
    "Data",
    "ACK",
    "Command",
    "Reserved",
    "Multipurpose",
    "Fragment",
    "Extended",
];

/// MAC command names (802.15.4-2015 table 7-49) that are not "Reserved 0xNN".
fn command_name(id: u8) -> Option<&'static str> {
    Some(match id {
        0x01 => "Association Request command",
        0x02 => "Association Response command",
        0x03 => "Disassociation Notification command",
        0x04 => "Data Request command",
        0x05 => "PAN ID Conflict Notification command",
        0x06 => "Orphan Notification command",
        0x07 => "Beacon Request command",
        0x08 => "Coordinator realignment command",
        0x09 => "GTS request command",
        0x0a => "TRLE Management Request command",
        0x0b => "TRLE Management Response command",
        0x13 => "DSME Association Request command",
        0x14 => "DSME Association Response command",
        0x15 => "DSME GTS Request command",
        0x16 => "DSME GTS Response command",
        0x17 => "DSME GTS Notify command",
        0x18 => "DSME Information Request command",
        0x19 => "DSME Information Response command",
        0x1a => "DSME Beacon Allocation Notification command",
        0x1b => "DSME Beacon Collision Notification command",
        0x1c => "DSME Link Report command",
        0x20 => "RIT Data Request command",
        0x21 => "DBS Request command",
        0x22 => "DBS Response command",
        0x23 => "RIT Data Response command",
        0x24 => "Vendor Specific command",
        _ => return None,
    })
}

/// The 802.15.4 FCS (CRC-16, CCITT polynomial, bits reflected, initial 0).
fn crc16(d: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &b in d {
        crc ^= u16::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0x8408
            } else {
                crc >> 1
            };
        }
    }
    crc
}

/// The 4-octet 802.15.4 FCS (CRC-32 polynomial, bits reflected, initial 0).
fn crc32(d: &[u8]) -> u32 {
    let mut crc: u32 = 0;
    for &b in d {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    crc
}

fn le16(d: &[u8], off: usize) -> R<u16> {
    Ok(be16(d, off)?.swap_bytes())
}

fn le32(d: &[u8], off: usize) -> R<u32> {
    Ok(be32(d, off)?.swap_bytes())
}

/// Length of an address in addressing mode `mode`; None for the reserved mode.
fn addr_len(mode: u16) -> Option<usize> {
    match mode {
        0 => Some(0),
        2 => Some(2),
        3 => Some(8),
        _ => None,
    }
}

fn addr(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    match n {
        0 => c.s("none"),
        2 => c.o.hexw(u64::from(le16(d, off)?), 4),
        _ => {
            for i in (0..8).rev() {
                c.o.hexw(u64::from(u8_at(d, off + i)?), 2);
                if i != 0 {
                    c.s(":");
                }
            }
        }
    }
    Ok(())
}

/// An IEEE 802.15.4 frame of `caplen` bytes (the length ZEP claims, which may
/// run past the capture). Ok(true) when it decoded, Ok(false) on a frame error.
pub(crate) fn ieee802_15_4(c: &mut Ctx, d: &[u8], caplen: usize) -> R<bool> {
    c.proto = "802.15.4";
    if caplen < 2 {
        c.trunc_mark();
        return Ok(true);
    }
    let fc = le16(d, 0)?;
    let ftype = usize::from(fc & 7);
    c.s("IEEE 802.15.4 ");
    c.s(FRAME_TYPES[ftype]);
    c.s(" packet ");
    if ftype == 5 {
        return mp_frame(c, d, caplen, fc);
    }
    if ftype > 3 {
        // tcpdump stops at reserved, fragment and extended frames.
        return Ok(false);
    }
    std_frame(c, d, caplen, fc)
}

/// The frame control field and, unless `suppressed`, the sequence number
/// (printed at -v): the bytes they take, or `None` (marked truncated) when the
/// capture ends first.
fn sequence(c: &mut Ctx, d: &[u8], suppressed: bool, caplen: usize) -> R<Option<usize>> {
    let n = if suppressed {
        2
    } else {
        let seq = u8_at(d, 2)?;
        if c.opts.verbose > 0 {
            c.s("seq ");
            c.o.hexw(u64::from(seq), 2);
            c.s(" ");
        }
        3
    };
    if caplen < n {
        c.trunc_mark();
        return Ok(None);
    }
    Ok(Some(n))
}

fn std_frame(c: &mut Ctx, d: &[u8], mut caplen: usize, fc: u16) -> R<bool> {
    let bit = |n: u16| (fc >> n) & 1 != 0;
    let mut fcs = 0u32;
    let mut check = 0u32;
    if caplen >= 4 {
        fcs = le32(d, caplen - 4)?;
        check = crc32(super::bytes(d, 0, caplen - 4)?);
        if check == fcs {
            caplen -= 4;
        } else {
            fcs = u32::from(le16(d, caplen - 2)?);
            check = u32::from(crc16(super::bytes(d, 0, caplen - 2)?));
            if check == fcs {
                caplen -= 2;
            }
        }
    }
    let version = (fc >> 12) & 3;
    c.s("v");
    c.dec(version);
    c.s(" ");
    let vflag = c.opts.verbose;
    if vflag > 2 {
        for (n, s) in [
            (3, "Security Enabled, "),
            (4, "Frame Pending, "),
            (5, "AR, "),
            (6, "PAN ID Compression, "),
            (8, "Sequence Number Suppression, "),
            (9, "IE present, "),
        ] {
            if bit(n) {
                c.s(s);
            }
        }
    }
    if bit(8) {
        if version < 2 {
            c.s("[ERROR: Sequence number suppressed on frames where version < 2]");
        }
        if vflag > 0 {
            c.s("seq suppressed ");
        }
    }
    let Some(n) = sequence(c, d, bit(8), caplen)? else {
        return Ok(false);
    };
    let mut p = n;
    caplen -= n;
    let dst_len = addr_len((fc >> 10) & 3);
    let src_len = addr_len((fc >> 14) & 3);
    let Some(src_len) = src_len else {
        c.s("[ERROR: Invalid src address mode]");
        return Ok(false);
    };
    let Some(dst_len) = dst_len else {
        c.s("[ERROR: Invalid dst address mode]");
        return Ok(false);
    };
    let comp = bit(6);
    let (mut src_pan, mut dst_pan) = if comp { (false, true) } else { (true, true) };
    if version < 2 && comp && (dst_len == 0 || src_len == 0) {
        c.s("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
    }
    if dst_len == 0 {
        dst_pan = false;
    }
    if src_len == 0 {
        src_pan = false;
    }
    if version >= 2 {
        if comp {
            if src_len == 0 && dst_len == 0 {
                dst_pan = true;
            } else if (src_len == 0) != (dst_len == 0) || (src_len == 8 && dst_len == 8) {
                dst_pan = false;
                src_pan = false;
            }
        } else if src_len == 8 && dst_len == 8 {
            dst_pan = true;
            src_pan = false;
        } else if src_len == 8 && dst_len == 2 {
            // tcpdump is built with its workaround for broken 6TiSCH stacks.
            src_pan = false;
        }
    }
    for (pan, n, err_pan, err_addr, is_src) in [
        (dst_pan, dst_len, "dst_pan", "dst_addr", false),
        (src_pan, src_len, "dst_pan", "dst_addr", true),
    ] {
        if pan {
            if caplen < 2 {
                c.s("[ERROR: Truncated before ");
                c.s(err_pan);
                c.s("]");
                return Ok(false);
            }
            c.o.hexw(u64::from(le16(d, p)?), 4);
            c.s(":");
            p += 2;
            caplen -= 2;
        } else {
            c.s("-:");
        }
        if caplen < n {
            c.s("[ERROR: Truncated before ");
            c.s(err_addr);
            c.s("]");
            return Ok(false);
        }
        addr(c, d, p, n)?;
        p += n;
        caplen -= n;
        c.s(if is_src { " " } else { " < " });
    }
    if secured_and_ies(c, d, &mut p, &mut caplen, bit(3), bit(9))?.is_none() {
        return Ok(false);
    }
    if vflag > 2 {
        fcs_note(c, fcs, check);
    }
    if fc & 7 == 3 {
        if caplen < 1 {
            c.s("[ERROR: Truncated before Command ID]");
        } else {
            let id = u8_at(d, p)?;
            c.s("Command ID = ");
            match command_name(id) {
                Some(n) => c.s(n),
                None => {
                    c.s("Reserved 0x");
                    c.o.hexw(u64::from(id), 2);
                }
            }
            c.s(" ");
            p += 1;
            caplen -= 1;
            if caplen != 0 {
                let used = command_data(c, id, d, p, caplen)?;
                p += used;
                caplen -= used;
            }
        }
    } else if fc & 7 == 0 && version < 2 {
        match beacon(c, d, p, caplen)? {
            Some(n) => {
                p += n;
                caplen -= n;
            }
            // tcpdump leaves the frame without its default print here.
            None => return Ok(true),
        }
    }
    dump(c, d, p, caplen)?;
    Ok(true)
}

/// tcpdump's default print of `n` bytes from `p`: what was captured of them,
/// then a truncation when some were not.
fn dump(c: &mut Ctx, d: &[u8], p: usize, n: usize) -> R {
    if c.opts.suppress_default_print() {
        return Ok(());
    }
    let avail = d.get(p..).unwrap_or(&[]);
    if avail.len() < n {
        c.default_print(avail);
        return Err(super::Trunc);
    }
    c.default_print(&avail[..n]);
    Ok(())
}

/// The superframe specification, GTS and pending-address fields of a beacon
/// (frame versions 0 and 1): the bytes they take, or None after an error.
fn beacon(c: &mut Ctx, d: &[u8], p: usize, caplen: usize) -> R<Option<usize>> {
    let v = c.opts.verbose;
    if caplen < 2 {
        c.s("[ERROR: Truncated before beacon information]");
        return Ok(None);
    }
    let ss = le16(d, p)?;
    if v > 0 {
        c.s("\n\tBeacon order = ");
        c.dec(ss & 0xf);
        c.s(", Superframe order = ");
        c.dec((ss >> 4) & 0xf);
        c.s(", Final CAP Slot = ");
        c.dec((ss >> 8) & 0xf);
        for (n, s) in [
            (12, ", BLE enabled"),
            (14, ", PAN Coordinator"),
            (15, ", Association Permit"),
        ] {
            if (ss >> n) & 1 != 0 {
                c.s(s);
            }
        }
    }
    let mut at = 2;
    if caplen < at + 1 {
        c.s("[ERROR: Truncated before GTS info]");
        return Ok(None);
    }
    let spec = u8_at(d, p + at)?;
    let count = usize::from(spec & 7);
    if count == 0 {
        if v > 0 {
            c.s("\n\tGTS Descriptor Count = 0, ");
        }
        at += 1;
    } else {
        let n = 2 + count * 3;
        if caplen - at < n {
            c.s(" [ERROR: Truncated GTS Info List]");
            return Ok(None);
        }
        if v >= 2 {
            c.s("GTS Descriptor Count = ");
            c.dec(count as u64);
            let mask = u8_at(d, p + at + 1)? & 0x7f;
            c.s(", GTS Directions Mask = ");
            c.o.hexw(u64::from(mask), 2);
            c.s(", [ ");
            for i in 0..count {
                let e = p + at + 2 + i * 3;
                c.s("[ ");
                addr(c, d, e, 2)?;
                let b = u8_at(d, e + 1)?;
                c.s(", Start slot = ");
                c.dec(b & 0xf);
                c.s(", Length = ");
                c.dec(b >> 4);
                c.s(" ] ");
            }
            c.s("]");
        }
        at += n;
    }
    if caplen < at + 1 {
        c.s("[ERROR: Truncated before pending addresses]");
        return Ok(None);
    }
    let pas = u8_at(d, p + at)?;
    let (sc, ec) = (usize::from(pas & 7), usize::from((pas >> 4) & 7));
    let n = 1 + sc * 2 + ec * 8;
    if v > 0 {
        c.s("\n\tPending address list, # short addresses = ");
        c.dec(sc as u64);
        c.s(", # extended addresses = ");
        c.dec(ec as u64);
    }
    if caplen - at < n {
        c.s(" [ERROR: Pending address list truncated]");
        return Ok(None);
    }
    if v >= 2 {
        if sc != 0 {
            c.s(", Short address list = [ ");
            for i in 0..sc {
                addr(c, d, p + at + 1 + i * 2, 2)?;
                c.s(" ");
            }
            c.s("]");
        }
        if ec != 0 {
            c.s(", Extended address list = [ ");
            for i in 0..ec {
                addr(c, d, p + at + 1 + sc * 2 + i * 8, 8)?;
                c.s(" ");
            }
            c.s("]");
        }
    }
    at += n;
    if d.len() < p + at {
        return Err(super::Trunc);
    }
    Ok(Some(at))
}

/// A MAC command's payload of `n` bytes at `p`: the bytes consumed (0 when
/// tcpdump leaves them to its default print).
fn command_data(c: &mut Ctx, id: u8, d: &[u8], p: usize, n: usize) -> R<usize> {
    match id {
        0x01 => {
            if n != 1 {
                c.s("Invalid Association request command length");
                return Ok(0);
            }
            let cap = u8_at(d, p)?;
            c.s(if cap & 0x02 != 0 { "FFD, " } else { "RFD, " });
            for (bit, s) in [
                (0x04, "AC powered, "),
                (0x08, "Receiver on when idle, "),
                (0x10, "Fast association, "),
                (0x40, "Security supported, "),
                (0x80, "Allocate address, "),
            ] {
                if cap & bit != 0 {
                    c.s(s);
                }
            }
            Ok(n)
        }
        0x02 => {
            if n != 3 {
                c.s("Invalid Association response command length");
                return Ok(0);
            }
            c.s("Short address = ");
            addr(c, d, p, 2)?;
            match u8_at(d, p + 2)? {
                0x00 => c.s(", Association successful"),
                0x01 => c.s(", PAN at capacity"),
                0x02 => c.s(", PAN access denied"),
                0x03 => c.s(", Hooping sequence offset duplication"),
                0x80 => c.s(", Fast association successful"),
                v => {
                    c.s(", Status = 0x");
                    c.o.hexw(u64::from(v), 2);
                }
            }
            Ok(n)
        }
        0x03 => {
            if n != 1 {
                c.s("Invalid Disassociation Notification command length");
                return Ok(0);
            }
            match u8_at(d, p)? {
                0x00 => c.s("Reserved"),
                0x01 => c.s("Reason = The coordinator wishes the device to leave PAN"),
                0x02 => c.s("Reason = The device wishes to leave the PAN"),
                _ => {
                    // tcpdump shows the byte two further on here.
                    let r = u8_at(d, p + 2)?;
                    c.s("Reason = 0x");
                    c.o.hexw(u64::from(r), 2);
                }
            }
            Ok(n)
        }
        0x04..=0x07 => Ok(0),
        0x08 => {
            if !(7..=8).contains(&n) {
                c.s("Invalid Coordinator Realignment command length");
                return Ok(0);
            }
            let pan = le16(d, p)?;
            c.s("Pan ID = 0x");
            c.o.hexw(u64::from(pan), 4);
            c.s(", Coordinator short address = ");
            addr(c, d, p + 2, 2)?;
            let mut channel = u16::from(u8_at(d, p + 4)?);
            let page = if n == 8 { u8_at(d, p + 7)? } else { 0x80 };
            if page & 0x80 != 0 {
                channel |= u16::from(page & 0x7f) << 8;
                c.s(", Channel Number = ");
                c.dec(channel);
            } else {
                c.s(", Channel Number = ");
                c.dec(channel);
                c.s(", page = ");
                c.dec(page);
            }
            c.s(", Short address = ");
            addr(c, d, p + 5, 2)?;
            Ok(n)
        }
        0x09 => {
            if n != 1 {
                c.s("Invalid GTS Request command length");
                return Ok(0);
            }
            let g = u8_at(d, p)?;
            c.s("GTS Length = ");
            c.dec(g & 0xf);
            c.s(if g & 0x10 != 0 {
                ", Receive-only GTS"
            } else {
                ", Transmit-only GTS"
            });
            c.s(if g & 0x20 != 0 {
                ", GTS allocation"
            } else {
                ", GTS deallocations"
            });
            Ok(n)
        }
        _ => {
            c.s("Command Data = ");
            for i in 0..n {
                c.o.hexw(u64::from(u8_at(d, p + i)?), 2);
                c.s(" ");
            }
            Ok(0)
        }
    }
}

/// A multipurpose frame (short or long frame control).
fn mp_frame(c: &mut Ctx, d: &[u8], mut caplen: usize, fc: u16) -> R<bool> {
    let bit = |n: u16| (fc >> n) & 1 != 0;
    let mut fcs = 0u32;
    let mut check = 0u32;
    if caplen >= 3 {
        let mut two = true;
        if caplen > 4 {
            fcs = le32(d, caplen - 4)?;
            check = crc32(super::bytes(d, 0, caplen - 4)?);
            if check == fcs {
                caplen -= 4;
                two = false;
            }
        }
        if two {
            fcs = u32::from(le16(d, caplen - 2)?);
            check = u32::from(crc16(super::bytes(d, 0, caplen - 2)?));
            if check == fcs {
                caplen -= 2;
            }
        }
    }
    let vflag = c.opts.verbose;
    let (pan_present, ie, security, mut p);
    if bit(3) {
        let version = (fc >> 12) & 3;
        c.s("v");
        c.dec(version);
        c.s(" ");
        pan_present = bit(8);
        ie = bit(15);
        security = bit(9);
        if vflag > 2 {
            for (on, s) in [
                (security, "Security Enabled, "),
                (bit(11), "Frame Pending, "),
                (bit(14), "AR, "),
                (pan_present, "PAN ID Present, "),
                (bit(10), "Sequence Number Suppression, "),
                (ie, "IE present, "),
            ] {
                if on {
                    c.s(s);
                }
            }
        }
        let Some(n) = sequence(c, d, bit(10), caplen)? else {
            return Ok(false);
        };
        p = n;
        caplen -= n;
    } else {
        (pan_present, ie, security) = (false, false, false);
        let seq = u8_at(d, 1)?;
        p = 2;
        // tcpdump does not check this against the frame length.
        caplen = caplen.wrapping_sub(2);
        if vflag > 0 {
            c.s("seq ");
            c.o.hexw(u64::from(seq), 2);
            c.s(" ");
        }
    }
    let Some(src_len) = addr_len((fc >> 6) & 3) else {
        c.s("[ERROR: Invalid src address mode]");
        return Ok(false);
    };
    let Some(dst_len) = addr_len((fc >> 4) & 3) else {
        c.s("[ERROR: Invalid dst address mode]");
        return Ok(false);
    };
    if pan_present {
        if caplen < 2 {
            c.s("[ERROR: Truncated before dst_pan]");
            return Ok(false);
        }
        let pan = le16(d, p)?;
        c.o.hexw(u64::from(pan), 4);
        c.s(":");
        p += 2;
        caplen -= 2;
    } else {
        c.s("-:");
    }
    if caplen < dst_len {
        c.s("[ERROR: Truncated before dst_addr]");
        return Ok(false);
    }
    addr(c, d, p, dst_len)?;
    p += dst_len;
    caplen -= dst_len;
    c.s(" <  -:");
    if caplen < src_len {
        c.s("[ERROR: Truncated before dst_addr]");
        return Ok(false);
    }
    addr(c, d, p, src_len)?;
    c.s(" ");
    p += src_len;
    caplen -= src_len;
    if secured_and_ies(c, d, &mut p, &mut caplen, security, ie)?.is_none() {
        return Ok(false);
    }
    if vflag > 2 {
        fcs_note(c, fcs, check);
    }
    dump(c, d, p, caplen)?;
    Ok(true)
}

/// The auxiliary security header, header IEs, payload IEs and (with -vvv) the
/// MIC of a frame, from `*p` with `*caplen` bytes left: advances both. None
/// after an error that ends tcpdump's decode of the frame.
fn secured_and_ies(
    c: &mut Ctx,
    d: &[u8],
    p: &mut usize,
    caplen: &mut usize,
    security: bool,
    ie: bool,
) -> R<Option<()>> {
    let mut level = 0u8;
    if security {
        let Some((n, l)) = aux_security(c, d, *p, *caplen)? else {
            return Ok(None);
        };
        if d.len() < *p + n {
            return Err(super::Trunc);
        }
        *p += n;
        *caplen -= n;
        level = l;
    }
    let miclen = match level & 3 {
        0 => 0,
        1 => 4,
        2 => 8,
        _ => 16,
    };
    let mut mic_start = 0;
    if miclen != 0 {
        if *caplen < miclen {
            c.s("[ERROR: Truncated before MIC]");
            return Ok(None);
        }
        *caplen -= miclen;
        mic_start = *p + *caplen;
    }
    let mut payload_ies = false;
    if ie {
        let Some(n) = header_ies(c, d, *p, *caplen, &mut payload_ies)? else {
            return Ok(None);
        };
        *p += n;
        *caplen -= n;
    }
    if payload_ies {
        if level >= 4 {
            c.s("Payload IEs present, but encrypted, cannot print ");
        } else {
            let Some(n) = payload_ie_list(c, d, *p, *caplen)? else {
                return Ok(None);
            };
            *p += n;
            *caplen -= n;
        }
    }
    if c.opts.verbose > 2 && miclen != 0 {
        c.s("\n\tMIC ");
        for i in 0..miclen {
            c.o.hexw(u64::from(u8_at(d, mic_start + i)?), 2);
        }
        c.s(" ");
    }
    Ok(Some(()))
}

/// The auxiliary security header: (its length, the security level), or None
/// after an error.
fn aux_security(c: &mut Ctx, d: &[u8], mut p: usize, mut caplen: usize) -> R<Option<(usize, u8)>> {
    let v = c.opts.verbose;
    if caplen < 1 {
        c.s("[ERROR: Truncated before Aux Security Header]");
        return Ok(None);
    }
    let sc = u8_at(d, p)?;
    let level = sc & 7;
    let kim = (sc >> 3) & 3;
    let mut len = 1;
    caplen -= 1;
    p += 1;
    if v > 0 {
        c.s("\n\tSecurity Level ");
        c.dec(level);
        c.s(", Key Id Mode ");
        c.dec(kim);
        c.s(", ");
    }
    if sc & 0x20 == 0 {
        if caplen < 4 {
            c.s("[ERROR: Truncated before Frame Counter]");
            return Ok(None);
        }
        if v > 1 {
            let n = le32(d, p)?;
            c.s("Frame Counter 0x");
            c.o.hexw(u64::from(n), 8);
            c.s(" ");
        }
        p += 4;
        caplen -= 4;
        len += 4;
    }
    match kim {
        0 => {
            if v > 1 {
                c.s("Implicit");
            }
            return Ok(Some((len, level)));
        }
        1 => {}
        2 => {
            if caplen < 4 {
                c.s("[ERROR: Truncated before Key Source]");
                return Ok(None);
            }
            if v > 1 {
                let (a, b) = (le16(d, p)?, le16(d, p + 2)?);
                c.s("KeySource 0x");
                c.o.hexw(u64::from(a), 4);
                c.s(":");
                // tcpdump's format here is "%0x4x".
                c.o.hex(u64::from(b));
                c.s("4x, ");
            }
            p += 4;
            caplen -= 4;
            len += 4;
        }
        _ => {
            if caplen < 8 {
                c.s("[ERROR: Truncated before Key Source]");
                return Ok(None);
            }
            if v > 1 {
                super::bytes(d, p, 8)?;
                c.s("KeySource ");
                addr(c, d, p, 8)?;
                c.s(", ");
            }
            // tcpdump steps over only four of the eight bytes.
            p += 4;
            caplen -= 4;
            len += 4;
        }
    }
    if caplen < 1 {
        c.s("[ERROR: Truncated before Key Index]");
        return Ok(None);
    }
    if v > 1 {
        let k = u8_at(d, p)?;
        c.s("KeyIndex 0x");
        c.o.hexw(u64::from(k), 2);
        c.s(", ");
    }
    Ok(Some((len + 1, level)))
}

fn header_ie_name(c: &mut Ctx, id: usize) {
    let name = match id {
        0x00 => "Vendor Specific Header IE",
        0x1a => "LE CSL IE",
        0x1b => "LE RIT IE",
        0x1c => "DSME PAN descriptor IE",
        0x1d => "Rendezvous Time IE",
        0x1e => "Time Correction IE",
        0x21 => "Extended DSME PAN descriptor IE",
        0x22 => "Fragment Sequence Context Description IE",
        0x23 => "Simplified Superframe Specification IE",
        0x24 => "Simplified GTS Specification IE",
        0x25 => "LECIM Capabilities IE",
        0x26 => "TRLE Descriptor IE",
        0x27 => "RCC Capabilities IE",
        0x28 => "RCCN Descriptor IE",
        0x29 => "Global Time IE",
        0x2a => "Omnibus Header IE",
        0x2b => "DA IE",
        0x7e => "Header Termination 1 IE",
        0x7f => "Header Termination 2 IE",
        _ => {
            c.s("Reserved 0x");
            c.o.hexw(id as u64, 2);
            return;
        }
    };
    c.s(name);
}

fn ie_data(c: &mut Ctx, d: &[u8], p: usize, n: usize) -> R {
    if n != 0 {
        c.s("IE Data = ");
        for i in 0..n {
            c.o.hexw(u64::from(u8_at(d, p + i)?), 2);
            c.s(" ");
        }
    }
    Ok(())
}

/// The header IE list: bytes used, or None after an error.
fn header_ies(
    c: &mut Ctx,
    d: &[u8],
    mut p: usize,
    mut caplen: usize,
    payload: &mut bool,
) -> R<Option<usize>> {
    let mut len = 0;
    loop {
        if caplen < 2 {
            c.s("[ERROR: Truncated header IE]");
            return Ok(None);
        }
        let ie = le16(d, p)?;
        if ie & 0x8000 != 0 {
            c.s("[ERROR: Header IE with type 1] ");
        }
        let n = usize::from(ie & 0x7f);
        let id = usize::from((ie >> 7) & 0xff);
        if id > 127 {
            c.s("Reserved Element ID ");
            c.o.hexw(id as u64, 2);
            c.s(", length = ");
            c.dec(n as u64);
            c.s(" ");
        } else {
            c.s("\n\t");
            header_ie_name(c, id);
            if n == 0 {
                c.s(" [");
            } else {
                c.s(" [ length = ");
                c.dec(n as u64);
                c.s(", ");
            }
        }
        if caplen < 2 + n {
            c.s("[ERROR: Truncated IE data]");
            return Ok(None);
        }
        p += 2;
        ie_data(c, d, p, n)?;
        c.s("] ");
        len += 2 + n;
        p += n;
        caplen -= 2 + n;
        if id == 0x7e {
            *payload = true;
            break;
        }
        if id == 0x7f || caplen == 0 {
            break;
        }
    }
    Ok(Some(len))
}

/// The payload IE list: bytes used, or None after an error.
fn payload_ie_list(c: &mut Ctx, d: &[u8], mut p: usize, mut caplen: usize) -> R<Option<usize>> {
    let mut len = 0;
    loop {
        if caplen < 2 {
            c.s("[ERROR: Truncated header IE]");
            return Ok(None);
        }
        let ie = le16(d, p)?;
        if ie & 0x8000 == 0 {
            c.s("[ERROR: Payload IE with type 0] ");
        }
        let n = usize::from(ie & 0x3ff);
        let group = (ie >> 11) & 0xf;
        p += 2;
        c.s("\n\t");
        match group {
            0 => c.s("ESDU IE"),
            1 => c.s("MLME IE"),
            2 => c.s("Vendor Specific Nested IE"),
            3 => c.s("Multiplexed IE (802.15.9)"),
            4 => c.s("Omnibus Payload Group IE"),
            5 => c.s("IETF IE"),
            0xf => c.s("List termination"),
            g => {
                c.s("Reserved 0x");
                c.o.hexw(u64::from(g), 2);
            }
        }
        if n == 0 {
            c.s(" [");
        } else {
            c.s(" [ length = ");
            c.dec(n as u64);
            c.s(", ");
        }
        if caplen < 2 + n {
            c.s("[ERROR: Truncated IE data]");
            return Ok(None);
        }
        ie_data(c, d, p, n)?;
        c.s("]\n\t");
        len += 2 + n;
        p += n;
        caplen -= 2 + n;
        if group == 0xf || caplen == 0 {
            break;
        }
    }
    Ok(Some(len))
}
