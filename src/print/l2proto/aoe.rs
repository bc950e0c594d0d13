//! ATA over Ethernet (ethertype 0x88a2), version 1: the common header and
//! the arguments of each command.

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};
use super::{bits, tok};

const COMMANDS: &[(u32, &str)] = &[
    (0, "Issue ATA Command"),
    (1, "Query Config Information"),
    (2, "MAC Mask List"),
    (3, "Reserve/Release"),
];
const FLAGS: &[(u32, &str)] = &[
    (0x08, "Response"),
    (0x04, "Error"),
    (0x02, "MBZ-1"),
    (0x01, "MBZ-0"),
];
const ERRORS: &[(u32, &str)] = &[
    (1, "Unrecognized command code"),
    (2, "Bad argument parameter"),
    (3, "Device unavailable"),
    (4, "Config string present"),
    (5, "Unsupported version"),
    (6, "Target is reserved"),
];
const AFLAGS: &[(u32, &str)] = &[
    (0x80, "MBZ-7"),
    (0x40, "Ext48"),
    (0x20, "MBZ-5"),
    (0x10, "Device"),
    (0x08, "MBZ-3"),
    (0x04, "MBZ-2"),
    (0x02, "Async"),
    (0x01, "Write"),
];
const CCMDS: &[(u32, &str)] = &[
    (0, "read config string"),
    (1, "test config string"),
    (2, "test config string prefix"),
    (3, "set config string"),
    (4, "force set config string"),
];
const MCMDS: &[(u32, &str)] = &[(0, "Read Mac Mask List"), (1, "Edit Mac Mask List")];
const MERRORS: &[(u32, &str)] = &[
    (1, "Unspecified Error"),
    (2, "Bad DCmd directive"),
    (3, "Mask list full"),
];
const DCMDS: &[(u32, &str)] = &[
    (0, "No Directive"),
    (1, "Add mac address to mask list"),
    (2, "Delete mac address from mask list"),
];
const RCMDS: &[(u32, &str)] = &[
    (0, "Read reserve list"),
    (1, "Set reserve list"),
    (2, "Force set reserve list"),
];

/// tok2str with tcpdump's "Unknown (0x%02x)" default.
fn name_or_hex(c: &mut Ctx, table: &[(u32, &'static str)], v: u8) {
    match tok(table, u32::from(v)) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown (0x");
            c.o.hexw(u64::from(v), 2);
            c.s(")");
        }
    }
}

/// " (invalid)", then the packet is truncated if the rest is not all there.
fn invalid(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.invalid();
    if d.len() < len { Err(Trunc) } else { Ok(()) }
}

fn issue(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 12 {
        return invalid(c, d, len);
    }
    let f = u8_at(d, 0)?;
    c.s("\n\tAFlags: [");
    bits(c, AFLAGS, u32::from(f), "none");
    c.s("]");
    for (i, label) in [", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: "]
        .iter()
        .enumerate()
    {
        let v = u8_at(d, 1 + i)?;
        c.s(label);
        c.dec(v);
    }
    for i in 0..6 {
        let v = u8_at(d, 4 + i)?;
        c.s(if i == 0 { "\n\tlba" } else { ", lba" });
        c.dec(i as u64);
        c.s(": ");
        c.dec(v);
    }
    bytes(d, 10, 2)?;
    let rest = len - 12;
    if rest > 0 {
        c.s("\n\tData: ");
        c.dec(rest as u64);
        c.s(" bytes");
    }
    Ok(())
}

fn query(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 8 {
        return invalid(c, d, len);
    }
    let bc = be16(d, 0)?;
    c.s("\n\tBuffer Count: ");
    c.dec(bc);
    let fw = be16(d, 2)?;
    c.s(", Firmware Version: ");
    c.dec(fw);
    let sc = u8_at(d, 4)?;
    c.s(", Sector Count: ");
    c.dec(sc);
    let b = u8_at(d, 5)?;
    c.s(", AoE: ");
    c.dec(b >> 4);
    c.s(", CCmd: ");
    // tcpdump's format string here lacks its '%', so it prints as is.
    c.s(tok(CCMDS, u32::from(b & 0x0f)).unwrap_or("Unknown (0x02x)"));
    let cslen = usize::from(be16(d, 6)?);
    let rest = len - 8;
    let d = d.get(8..).unwrap_or(&[]);
    if cslen > 1024 || cslen > rest {
        return invalid(c, d, rest);
    }
    if cslen > 0 {
        c.s("\n\tConfig String (length ");
        c.dec(cslen as u64);
        c.s("): ");
        for i in 0..cslen {
            let ch = u8_at(d, i)?;
            super::super::tcp::print_char(c, ch);
        }
    }
    Ok(())
}

fn mac_mask(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 4 {
        return invalid(c, d, len);
    }
    let m = u8_at(d, 1)?;
    c.s("\n\tMCmd: ");
    name_or_hex(c, MCMDS, m);
    let e = u8_at(d, 2)?;
    c.s(", MError: ");
    name_or_hex(c, MERRORS, e);
    let n = usize::from(u8_at(d, 3)?);
    c.s(", Dir Count: ");
    c.dec(n as u64);
    let rest = len - 4;
    let d = d.get(4..).unwrap_or(&[]);
    if n * 8 > rest {
        return invalid(c, d, rest);
    }
    for i in 0..n {
        let at = i * 8;
        let dc = u8_at(d, at + 1)?;
        c.s("\n\t DCmd: ");
        name_or_hex(c, DCMDS, dc);
        let a = bytes(d, at + 2, 6)?;
        c.s(", Ethernet Address: ");
        c.etheraddr(a);
    }
    Ok(())
}

fn reserve(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 2 || !(len - 2).is_multiple_of(6) {
        return invalid(c, d, len);
    }
    let r = u8_at(d, 0)?;
    c.s("\n\tRCmd: ");
    name_or_hex(c, RCMDS, r);
    let n = usize::from(u8_at(d, 1)?);
    c.s(", NMacs: ");
    c.dec(n as u64);
    let rest = len - 2;
    let d = d.get(2..).unwrap_or(&[]);
    if n * 6 != rest {
        return invalid(c, d, rest);
    }
    for i in 0..n {
        let a = bytes(d, i * 6, 6)?;
        c.s("\n\tEthernet Address ");
        c.dec(i as u64);
        c.s(": ");
        c.etheraddr(a);
    }
    Ok(())
}

fn v1(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 10 {
        return invalid(c, d, len);
    }
    let flags = u8_at(d, 0)? & 0x0f;
    c.s(", Flags: [");
    bits(c, FLAGS, u32::from(flags), "none");
    c.s("]");
    if c.opts.verbose == 0 {
        return Ok(());
    }
    if flags & 0x04 != 0 {
        let e = u8_at(d, 1)?;
        c.s("\n\tError: ");
        match tok(ERRORS, u32::from(e)) {
            Some(n) => c.s(n),
            None => {
                c.s("Invalid (");
                c.dec(e);
                c.s(")");
            }
        }
    }
    let major = be16(d, 2)?;
    c.s("\n\tMajor: 0x");
    c.o.hexw(u64::from(major), 4);
    let minor = u8_at(d, 4)?;
    c.s(", Minor: 0x");
    c.o.hexw(u64::from(minor), 2);
    let cmd = u8_at(d, 5)?;
    c.s(", Command: ");
    name_or_hex(c, COMMANDS, cmd);
    let tag = be32(d, 6)?;
    c.s(", Tag: 0x");
    c.o.hexw(u64::from(tag), 8);
    let arg = d.get(10..).unwrap_or(&[]);
    let len = len - 10;
    match cmd {
        0 => issue(c, arg, len),
        1 => query(c, arg, len),
        2 => mac_mask(c, arg, len),
        3 => reserve(c, arg, len),
        _ => Ok(()),
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "aoe";
    c.s("AoE length ");
    c.dec(length as u64);
    if length < 1 {
        return invalid(c, d, length);
    }
    let ver = u8_at(d, 0)? >> 4;
    c.s(", Ver ");
    c.dec(ver);
    if ver == 1 {
        v1(c, d, length)?;
    }
    Ok(())
}
