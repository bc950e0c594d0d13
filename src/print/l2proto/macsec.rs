//! IEEE 802.1AE MACsec: the SecTAG after the Ethernet addresses. An encrypted
//! or changed payload is dumped; otherwise the ICV is cut off and the frame
//! goes on with the type field that follows the SecTAG.

use super::super::{Ctx, be32, bytes, u8_at};

const TCI_VERSION: u8 = 0x80;
const TCI_SC: u8 = 0x20;
const TCI_FLAGS: u8 = 0x7c;
const TCI_CONFID: u8 = 0x0c;
const ICV_LEN: usize = 16;

/// What the Ethernet printer does after the SecTAG.
pub(crate) enum After {
    /// Stop: `n` more bytes count as link-layer header.
    Stop(usize),
    /// The payload after `hdr` SecTAG bytes is encrypted: dump it.
    Encrypted { hdr: usize },
    /// Go on after `hdr` SecTAG bytes with this much payload (on the wire and
    /// captured); the ICV is no longer part of the capture.
    Clear {
        hdr: usize,
        length: usize,
        caplen: usize,
    },
}

fn header(c: &mut Ctx, d: &[u8], sl: u8) {
    let tci = d.first().copied().unwrap_or(0);
    c.s("an ");
    c.dec(tci & 3);
    c.s(", pn ");
    c.dec(be32(d, 2).unwrap_or(0));
    c.s(", flags ");
    let f = tci & TCI_FLAGS;
    if f == 0 {
        c.s("none");
    }
    for (bit, ch) in [
        (0x08, "E"),
        (0x04, "C"),
        (0x40, "S"),
        (0x10, "B"),
        (0x20, "I"),
    ] {
        if f & bit != 0 {
            c.s(ch);
        }
    }
    if sl != 0 {
        c.s(", sl ");
        c.dec(sl);
    }
    if tci & TCI_SC != 0
        && let Ok(sci) = bytes(d, 6, 8)
    {
        c.s(", sci ");
        for b in sci {
            super::super::out::Put::hexw(&mut c.o, u64::from(*b), 2);
        }
    }
    c.s(", ");
}

/// The SecTAG at the start of `d` (what was captured of the frame after its
/// type field, `length` on the wire, `caplen` of it usable); `addrs` are the
/// source and destination addresses, printed before an encrypted payload
/// when -e has not shown them.
pub(crate) fn print(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    caplen: usize,
    addrs: (&[u8], &[u8]),
) -> After {
    let saved = c.proto;
    c.proto = "macsec";
    let r = sectag(c, d, length, caplen, addrs);
    c.proto = saved;
    r
}

fn sectag(c: &mut Ctx, d: &[u8], length: usize, caplen: usize, addrs: (&[u8], &[u8])) -> After {
    let trunc = |c: &mut Ctx| {
        c.trunc_mark();
        After::Stop(caplen)
    };
    if caplen < 6 || length < 6 {
        return trunc(c);
    }
    let (Ok(tci), Ok(slb)) = (u8_at(d, 0), u8_at(d, 1)) else {
        return trunc(c);
    };
    let hdr = if tci & TCI_SC != 0 { 14 } else { 6 };
    if caplen < hdr || length < hdr {
        return trunc(c);
    }
    if slb & !0x3f != 0 || tci & TCI_VERSION != 0 {
        c.invalid();
        return After::Stop(caplen);
    }
    let sl = slb & 0x3f;
    if c.opts.link_header {
        header(c, d, sl);
    }
    let (length, caplen) = (length - hdr, caplen - hdr);
    if tci & TCI_CONFID != 0 {
        if !c.opts.link_header {
            c.etheraddr(addrs.0);
            c.s(" > ");
            c.etheraddr(addrs.1);
            c.s(" 802.1AE MACsec, ");
            header(c, d, sl);
        }
        return After::Encrypted { hdr };
    }
    if length < ICV_LEN || caplen < ICV_LEN {
        return trunc_after(c, caplen + hdr);
    }
    let (mut length, mut caplen) = (length - ICV_LEN, caplen - ICV_LEN);
    if sl != 0 {
        let sl = usize::from(sl);
        if sl > length || sl > caplen {
            return trunc_after(c, caplen + ICV_LEN + hdr);
        }
        length = length.min(sl);
        caplen = caplen.min(sl);
    }
    After::Clear {
        hdr,
        length,
        caplen,
    }
}

fn trunc_after(c: &mut Ctx, n: usize) -> After {
    c.trunc_mark();
    After::Stop(n)
}
