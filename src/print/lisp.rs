//! LISP control messages (RFC 6830, UDP port 4342) as tcpdump 4.99 prints
//! them: the message type of every message, and the EID records and locators
//! of Map-Register and Map-Notify.

use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write;

const REGISTER: u8 = 3;
const NOTIFY: u8 = 4;

fn type_name(c: &mut Ctx, t: u8) {
    match t {
        0 => c.s("LISP-Reserved"),
        1 => c.s("LISP-Map-Request"),
        2 => c.s("LISP-Map-Reply"),
        3 => c.s("LISP-Map-Register"),
        4 => c.s("LISP-Map-Notify"),
        8 => c.s("LISP-Encapsulated-Contol-Message"),
        _ => {
            let _ = write!(c, "unknown-type-{t}");
        }
    }
}

/// tcpdump's bittok2str: the names of the set bits joined by ", ", or `none`.
fn flag_list(c: &mut Ctx, table: &[(u32, &str)], v: u32) {
    let mut sep = "";
    for &(bit, name) in table {
        if v & bit != 0 {
            c.s(sep);
            c.s(name);
            sep = ", ";
        }
    }
    if sep.is_empty() {
        c.s("none");
    }
}

/// tcpdump's hex_print over `n` bytes at `off` (eight 2-byte groups a line):
/// each byte is read before its line prefix, so a truncation cuts cleanly.
fn hex(c: &mut Ctx, ident: &str, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off.wrapping_add(i))?;
        if i % 16 == 0 {
            let _ = write!(c, "{ident}0x{i:04x}: ");
        }
        let _ = write!(c, "{}{b:02x}", if i % 2 == 0 { " " } else { "" });
    }
    Ok(())
}

fn addr(c: &mut Ctx, d: &[u8], off: usize, v6: bool) -> R {
    if v6 {
        let a = bytes(d, off, 16)?;
        c.ip6addr(a);
    } else {
        let a = bytes(d, off, 4)?;
        c.ipaddr(a);
    }
    Ok(())
}

/// One LISP control message.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "lisp";
    if d.len() < 16 {
        c.trunc_mark();
        return Ok(());
    }
    let first = u8_at(d, 0)?;
    let ty = first >> 4;
    let verbose = c.opts.verbose > 0;
    type_name(c, ty);
    c.s(",");
    if verbose && ty == REGISTER {
        c.s(" flags [");
        let table = [
            (0x0800_0000, "P-Proxy-Map-Reply"),
            (0x0400_0000, "S-LISP-SEC-Capable"),
            (0x0200_0000, "I-xTR-ID-Present"),
            (0x0100_0000, "R-Build-For-RTR"),
            (0x0000_0100, "M-Want-Map-Notify"),
        ];
        flag_list(c, &table, be32(d, 0)?);
        c.s("],");
    } else if verbose && ty == NOTIFY {
        c.s(" flags [");
        let table = [
            (0x0800_0000, "I-xTR-ID-Present"),
            (0x0400_0000, "R-Build-For-RTR"),
        ];
        flag_list(c, &table, be32(d, 0)?);
        c.s("],");
    }
    if ty != REGISTER && ty != NOTIFY {
        return Ok(());
    }
    let xtr = match ty {
        REGISTER => first & 0x02 != 0,
        _ => first & 0x08 != 0,
    };
    let auth_len = be16(d, 14)?;
    let mut records = u8_at(d, 3)?;
    // tcpdump keeps the offset in 16 bits.
    let mut off: u16 = 16;
    if verbose {
        let key_id = be16(d, 12)?;
        let _ = write!(c, "\n    {records} record(s), Authentication ");
        c.s(match key_id {
            0 => "None",
            1 => "SHA1",
            2 => "SHA256",
            _ => "unknown-type",
        });
        c.s(",");
        hex(
            c,
            "\n    Authentication-Data: ",
            d,
            usize::from(off),
            usize::from(auth_len),
        )?;
    } else {
        let _ = write!(c, " {records} record(s),");
    }
    off = off.wrapping_add(auth_len);
    if records == 0 {
        c.invalid();
        return Ok(());
    }
    while length > usize::from(off) && records != 0 {
        records -= 1;
        let at = usize::from(off);
        if bytes(d, at, 12).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        c.s("\n");
        off = off.wrapping_add(12);
        let loc_count = u8_at(d, at + 4)?;
        let mask_len = u8_at(d, at + 5)?;
        let eid_afi = be16(d, at + 10)?;
        if verbose {
            let ttl = be32(d, at)?;
            let act = u8_at(d, at + 6)?;
            let _ = write!(c, "      Record TTL {ttl},");
            c.s(if (act >> 4) & 1 != 0 {
                " Authoritative,"
            } else {
                " Non-Authoritative,"
            });
            c.s(match act >> 5 {
                0 => " No-Action,",
                1 => " Natively-Forward,",
                2 => " Send-Map-Request,",
                3 => " Drop,",
                _ => " unknown,",
            });
            let version = be16(d, at + 8)? & 0x0fff;
            let _ = write!(c, " Map Version: {version},");
        }
        let v6 = match eid_afi {
            1 => false,
            2 => true,
            // tcpdump stops at an LCAF or other address family.
            _ => return Ok(()),
        };
        // tcpdump formats the address before it prints anything of it.
        bytes(d, usize::from(off), if v6 { 16 } else { 4 })?;
        c.s(" EID ");
        addr(c, d, usize::from(off), v6)?;
        let _ = write!(c, "/{mask_len},");
        off = off.wrapping_add(if v6 { 16 } else { 4 });
        let _ = write!(c, " {loc_count} locator(s)");
        for _ in 0..loc_count {
            let la = usize::from(off);
            if bytes(d, la, 8).is_err() {
                c.trunc_mark();
                return Ok(());
            }
            off = off.wrapping_add(8);
            let loc_afi = be16(d, la + 6)?;
            if verbose {
                c.s("\n       ");
            }
            if loc_afi == 1 || loc_afi == 2 {
                let n = if loc_afi == 2 { 16 } else { 4 };
                if bytes(d, usize::from(off), n).is_err() {
                    c.trunc_mark();
                    return Ok(());
                }
                c.s(" LOC ");
                addr(c, d, la + 8, loc_afi == 2)?;
                off = off.wrapping_add(n as u16);
            }
            if verbose {
                let _ = write!(
                    c,
                    "\n          Priority/Weight {}/{}, Multicast Priority/Weight {}/{},",
                    u8_at(d, la)?,
                    u8_at(d, la + 1)?,
                    u8_at(d, la + 2)?,
                    u8_at(d, la + 3)?
                );
                c.s(" flags [");
                let table = [(4, "Local-Locator"), (2, "RLoc-Probed"), (1, "Reachable")];
                flag_list(c, &table, u32::from(be16(d, la + 4)?));
                c.s("],");
            }
        }
    }
    let at = usize::from(off);
    if xtr {
        if bytes(d, at, 24).is_err() {
            c.invalid();
            return Ok(());
        }
        hex(c, "\n    xTR-ID: ", d, at, 16)?;
        let site = u64::from(be32(d, at + 16)?) << 32 | u64::from(be32(d, at + 20)?);
        let _ = write!(c, "\n    SITE-ID: {site}");
    } else if at < d.len() {
        hex(c, "\n    Data: ", d, at, d.len() - at)?;
    }
    Ok(())
}
