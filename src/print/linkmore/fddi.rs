//! DLT_FDDI (10): FDDI frames as Linux captures them (addresses not
//! bit-swapped). A 13-byte MAC header (frame control, destination, source);
//! asynchronous LLC frames go to the LLC printer, SMT frames get tcpdump's
//! placeholder, anything else is dumped.

use super::super::out::Put;
use super::super::{Ctx, R, u8_at};

pub(super) const DLT: u32 = 10;

const HDR_LEN: usize = 13;
/// Class, length and format bits of the frame control byte.
const FC_CLFF: u8 = 0xf0;
const FC_LLC_ASYNC: u8 = 0x50;
const FC_SMT: u8 = 0x40;

/// The frame control byte as tcpdump names it, with its trailing space.
fn frame_control(c: &mut Ctx, fc: u8) {
    let name = match fc {
        0x40 => "void",
        0x80 => "nrt",
        0xc0 => "rt",
        0x41 => "info",
        0x4f => "nsa",
        0xc2 => "beacon",
        0xc3 => "claim",
        _ => "",
    };
    if !name.is_empty() {
        c.s(name);
    } else {
        let class = match fc & FC_CLFF {
            0xc0 => "mac",
            0x40 => "smt",
            0x50 => "async",
            0xd0 => "sync",
            0x60 => "imp_async",
            0xe0 => "imp_sync",
            _ => "",
        };
        if class.is_empty() {
            c.o.hexw(u64::from(fc), 2);
        } else {
            c.s(class);
            c.o.hex(u64::from(fc & 0x0f));
        }
    }
    c.s(" ");
}

/// "[FC ]SRC > DST, length N: ".
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if !c.opts.quiet {
        frame_control(c, u8_at(d, 0)?);
    }
    c.etheraddr(&d[7..13]);
    c.s(" > ");
    c.etheraddr(&d[1..7]);
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "fddi";
    if d.len() < HDR_LEN {
        c.trunc_mark();
        return Ok(d.len());
    }
    if c.opts.link_header {
        header(c, d, length)?;
    }
    let fc = u8_at(d, 0)?;
    let p = &d[HDR_LEN..];
    let rest = length.saturating_sub(HDR_LEN);
    c.ll_hdr_len = HDR_LEN;
    match fc & FC_CLFF {
        FC_LLC_ASYNC => {
            let h = match super::super::llc::print(c, p, rest, &d[7..13], &d[1..7])? {
                Ok(h) => h,
                Err(h) => {
                    c.default_print(p);
                    h
                }
            };
            Ok(HDR_LEN + h)
        }
        FC_SMT => {
            c.s("<SMT printer not yet implemented>");
            Ok(HDR_LEN)
        }
        _ => {
            if !c.opts.link_header {
                header(c, d, length)?;
            }
            c.default_print(p);
            Ok(HDR_LEN)
        }
    }
}
