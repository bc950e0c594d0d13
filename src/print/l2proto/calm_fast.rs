//! CALM FAST (ISO 29281 non-IP networking, ethertype 0x1111).

use super::super::{Ctx, R, u8_at};

/// `src` is the link-layer source address when the link has one.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, src: Option<&[u8]>) -> R {
    c.proto = "calm_fast";
    c.s("CALM FAST");
    if let Some(a) = src {
        c.s(" src:");
        c.etheraddr(a);
    }
    c.s("; ");
    if length < 2 {
        c.s(" (length ");
        c.dec(length as u64);
        c.s(" < 2)");
        c.invalid();
        return if d.len() < length {
            Err(super::super::Trunc)
        } else {
            Ok(())
        };
    }
    let s = u8_at(d, 0)?;
    c.s("SrcNwref:");
    c.dec(s);
    c.s("; ");
    let t = u8_at(d, 1)?;
    c.s("DstNwref:");
    c.dec(t);
    c.s("; ");
    if c.opts.verbose > 0 {
        super::dump(c, &d[2..], length - 2)?;
    }
    Ok(())
}
