//! The LBL vat/vt audio conferencing tools' packets (UDP destination port 3456):
//! tcpdump guesses vt or vat from the first 16 bits.

use super::{Ctx, R, be16, be32};

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "vat";
    if len < 2 {
        c.s("udp/va/vat, length ");
        c.dec(len as u64);
        c.s(" < 2");
        return Ok(());
    }
    let ts = be16(d, 0)?;
    if ts & 0xf060 != 0 {
        c.s("udp/vt ");
        c.dec(len as u64);
        c.s(" ");
        c.dec(ts & 0x3ff);
        c.s(" / ");
        c.dec(ts >> 10);
        return Ok(());
    }
    if len < 8 {
        c.s("udp/vat, length ");
        c.dec(len as u64);
        c.s(" < 8");
        return Ok(());
    }
    let i0 = be32(d, 0)?;
    let i1 = be32(d, 4)?;
    c.s("udp/vat ");
    c.dec((len - 8) as u64);
    c.s(" c");
    c.dec(i0 & 0xffff);
    c.s(" ");
    c.dec(i1);
    if i0 & 0x80_0000 != 0 {
        c.s("*");
    }
    if i0 & 0x1f_0000 != 0 {
        c.s(" f");
        c.dec((i0 >> 16) & 0x1f);
    }
    if i0 & 0x3f00_0000 != 0 {
        c.s(" s");
        c.dec((i0 >> 24) & 0x3f);
    }
    Ok(())
}
