//! Arista's vendor-specific header (ethertype 0xd28b): the TapAgg timestamp
//! subtype, after which the frame goes on with another type field.

use super::super::out::Put;
use super::super::{Ctx, R, be16, be32, u8_at};

/// Days since 1970-01-01 as (year, month, day) in the proleptic Gregorian
/// calendar.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// "YYYY-MM-DD HH:MM:SS.nnnnnnnnn" (UTC).
fn date_time(c: &mut Ctx, secs: u32, nanos: u32) {
    // tcpdump adds the whole seconds of the fraction in 32 bits.
    let t = i64::from(secs.wrapping_add(nanos / 1_000_000_000));
    let nanos = nanos % 1_000_000_000;
    let (y, m, d) = civil(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    c.o.decw(y as u64, 4);
    c.s("-");
    c.o.decw(u64::from(m), 2);
    c.s("-");
    c.o.decw(u64::from(d), 2);
    c.s(" ");
    c.o.decw((s / 3600) as u64, 2);
    c.s(":");
    c.o.decw((s / 60 % 60) as u64, 2);
    c.s(":");
    c.o.decw((s % 60) as u64, 2);
    c.s(".");
    c.o.decw(u64::from(nanos), 9);
}

fn name_and_value(c: &mut Ctx, name: Option<&str>, v: u8) {
    c.s(name.unwrap_or("Unknown"));
    c.s(" (");
    c.dec(v);
    c.s(")");
}

/// The header after the type field; the number of bytes it takes, or `None`
/// when the subtype or timestamp format is unknown.
pub(crate) fn print(c: &mut Ctx, d: &[u8]) -> R<Option<usize>> {
    c.proto = "arista";
    let sub = be16(d, 0)?;
    c.s("SubType ");
    c.s(if sub == 1 { "Timestamp" } else { "Unknown" });
    c.s(" (0x");
    c.o.hexw(u64::from(sub), 4);
    c.s("), ");
    if sub != 1 {
        return Ok(None);
    }
    let scale = u8_at(d, 2)?;
    c.s("Timescale ");
    name_and_value(
        c,
        match scale {
            0 => Some("TAI"),
            1 => Some("UTC"),
            _ => None,
        },
        scale,
    );
    c.s(", ");
    let b = u8_at(d, 3)?;
    let (format, hw) = (b >> 4, b & 0x0f);
    c.s("Format ");
    name_and_value(
        c,
        match format {
            1 => Some("64-bit"),
            2 => Some("48-bit"),
            _ => None,
        },
        format,
    );
    c.s(", HwInfo ");
    name_and_value(
        c,
        match hw {
            0 => Some("R/R2"),
            1 => Some("R3"),
            _ => None,
        },
        hw,
    );
    c.s(", Timestamp ");
    let n = match format {
        1 => {
            let (s, ns) = (be32(d, 4)?, be32(d, 8)?);
            date_time(c, s, ns);
            12
        }
        2 => {
            let (s, ns) = (be16(d, 4)?, be32(d, 6)?);
            c.dec(u64::from(s) + u64::from(ns / 1_000_000_000));
            c.s(".");
            c.o.decw(u64::from(ns % 1_000_000_000), 9);
            10
        }
        _ => return Ok(None),
    };
    c.s(": ");
    Ok(Some(n))
}
