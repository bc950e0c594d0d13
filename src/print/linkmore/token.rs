//! DLT_IEEE802 (6): Token Ring. A 14-byte MAC header (access control, frame
//! control, destination, source), then source-routing information when the
//! source address' top bit says so; LLC frames go to the LLC printer.

use super::super::out::Put;
use super::super::{Ctx, R, be16, u8_at};

pub(super) const DLT: u32 = 6;

const HDR_LEN: usize = 14;
/// Frame-control type of LLC frames.
const FC_LLC: u8 = 1;

const BROADCAST: [&str; 8] = [
    "Non-Broadcast",
    "Non-Broadcast",
    "Non-Broadcast",
    "Non-Broadcast",
    "All-routes",
    "All-routes",
    "Single-route",
    "Single-route",
];
const LARGEST_FRAME: [&str; 8] = [
    "516", "1500", "2052", "4472", "8144", "11407", "17800", "??",
];

/// "[AC FC ]SRC > DST, length N: ", the source without its routing bit.
fn header(c: &mut Ctx, d: &[u8], src: &[u8; 6], length: usize) -> R {
    if !c.opts.quiet {
        c.o.hexw(u64::from(u8_at(d, 0)?), 2);
        c.s(" ");
        c.o.hexw(u64::from(u8_at(d, 1)?), 2);
        c.s(" ");
    }
    c.etheraddr(src);
    c.s(" > ");
    c.etheraddr(&d[2..8]);
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "token-ring";
    if d.len() < HDR_LEN {
        c.trunc_mark();
        return Ok(HDR_LEN);
    }
    let mut src = [0u8; 6];
    src.copy_from_slice(&d[8..14]);
    let routed = src[0] & 0x80 != 0;
    src[0] &= 0x7f;
    let mut hdr_len = HDR_LEN;
    let mut route_len = 0;
    if c.opts.link_header {
        header(c, d, &src, length)?;
    }
    if routed {
        if d.len() < HDR_LEN + 2 {
            c.trunc_mark();
            return Ok(hdr_len);
        }
        let rcf = be16(d, HDR_LEN)?;
        route_len = usize::from((rcf & 0x1f00) >> 8);
        hdr_len += route_len;
        if d.len() < hdr_len {
            c.trunc_mark();
            return Ok(hdr_len);
        }
        // tcpdump's segment count, (length - 2) / 2 in signed arithmetic.
        let segments = (route_len as i32 - 2) / 2;
        if c.opts.verbose > 0 {
            c.s(BROADCAST[usize::from((rcf & 0xe000) >> 13)]);
            c.s(" ");
            c.s(if rcf & 0x0080 != 0 {
                "Backward"
            } else {
                "Forward"
            });
            for seg in 0..segments.max(0) as usize {
                let v = be16(d, HDR_LEN + 2 + 2 * seg)?;
                c.s(" [");
                c.dec((v & 0xfff0) >> 4);
                c.s(":");
                c.dec(v & 0x000f);
                c.s("]");
            }
        } else {
            c.s("rt = ");
            c.o.hex(u64::from(rcf));
            for seg in 0..segments.max(0) as usize {
                c.s(":");
                c.o.hex(u64::from(be16(d, HDR_LEN + 2 + 2 * seg)?));
            }
        }
        c.s(" (");
        c.s(LARGEST_FRAME[usize::from((rcf & 0x0070) >> 4)]);
        c.s(") ");
    }
    let p = &d[hdr_len..];
    let rest = length.saturating_sub(hdr_len);
    c.ll_hdr_len = hdr_len;
    if (u8_at(d, 1)? & 0xc0) >> 6 == FC_LLC {
        let h = match super::super::llc::print(c, p, rest, &src, &d[2..8])? {
            Ok(h) => h,
            Err(h) => {
                c.default_print(p);
                h
            }
        };
        Ok(hdr_len + h)
    } else {
        if !c.opts.link_header {
            header(c, d, &src, rest + HDR_LEN + route_len)?;
        }
        c.default_print(p);
        Ok(hdr_len)
    }
}
