//! MSDP (RFC 3618, TCP port 639) as tcpdump 4.99 prints it: each TLV of the
//! segment, with the IP packet an SA message may encapsulate at -vv.

use super::{Ctx, R, be16, bytes, u8_at};
use std::fmt::Write;

/// The MSDP TLVs of one TCP segment.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "msdp";
    c.s(": msdp");
    let ty = u8_at(d, 0)?;
    let len = usize::from(be16(d, 1)?);
    // Not the start of an MSDP message: tcpdump gives up with a truncation mark.
    if !(3..=1500).contains(&len) || ty == 0 || ty > 7 {
        c.trunc_mark();
        return Ok(());
    }
    let mut p = 0usize;
    let mut left = length;
    while left != 0 {
        let ty = u8_at(d, p)?;
        let len = usize::from(be16(d, p + 1)?);
        if len > 1400 || c.opts.verbose > 0 {
            let _ = write!(c, " [len {len}]");
        }
        if len < 3 || left < len {
            c.trunc_mark();
            return Ok(());
        }
        match ty {
            1 | 3 => {
                c.s(if ty == 1 { " SA" } else { " SA-Response" });
                let entries = usize::from(u8_at(d, p + 3)?);
                let _ = write!(c, " {entries} entries");
                let data_at = entries * 12 + 8;
                if data_at < len {
                    c.s(" [w/data]");
                    if c.opts.verbose > 1 {
                        c.s(" ");
                        let inner = d.get(p + data_at..).unwrap_or_default();
                        super::ip::print(c, inner, len - data_at)?;
                    }
                }
            }
            2 => {
                c.s(" SA-Request");
                let a = bytes(d, p + 4, 4)?;
                c.s(" for ");
                c.ipaddr(a);
            }
            4 => {
                c.s(" Keepalive");
                if len != 3 {
                    let _ = write!(c, "[len={len}] ");
                }
            }
            5 => c.s(" Notification"),
            _ => {
                let _ = write!(c, " [type={ty} len={len}]");
            }
        }
        p += len;
        left -= len;
    }
    Ok(())
}
