//! UDP overlay encapsulations: VXLAN (RFC 7348, port 4789) and Geneve
//! (RFC 8926, port 6081), with the frames they carry.

use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

/// VXLAN header and the inner Ethernet frame.
pub(crate) fn vxlan(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "vxlan";
    c.s("VXLAN");
    if len < 8 {
        c.invalid();
        return Ok(());
    }
    let flags = u8_at(d, 0)?;
    c.s(", flags [");
    c.s(if flags & 8 != 0 { "I" } else { "invalid" });
    c.s("] (0x");
    c.o.hexw(u64::from(flags), 2);
    c.s("), ");
    let h = bytes(d, 4, 3)?;
    let vni = (u32::from(h[0]) << 16) | (u32::from(h[1]) << 8) | u32::from(h[2]);
    c.s("vni ");
    c.dec(vni);
    c.s("\n");
    if d.len() < 8 {
        // tcpdump reads the whole 8-byte header before the inner frame.
        return Err(super::Trunc);
    }
    super::ether::print(c, &d[8..], len - 8)?;
    Ok(())
}

fn opt_class(c: u16) -> &'static str {
    match c {
        0x0100 => "Linux",
        0x0101 => "Open vSwitch",
        0x0102 => "Open Virtual Networking (OVN)",
        0x0103 => "In-band Network Telemetry (INT)",
        0x0104 => "VMware",
        0..=0xff => "Standard",
        0xfff0.. => "Experimental",
        _ => "Unknown",
    }
}

fn geneve_opts(c: &mut Ctx, d: &[u8], mut len: usize) -> R {
    let mut p = 0usize;
    let mut first = true;
    while len > 0 {
        if !first {
            c.s(", ");
        }
        first = false;
        let class = be16(d, p)?;
        let ty = u8_at(d, p + 2)?;
        let olen = 4 + usize::from(u8_at(d, p + 3)? & 0x1f) * 4;
        c.s("class ");
        c.s(opt_class(class));
        c.s(" (0x");
        c.o.hex(u64::from(class));
        c.s(") type 0x");
        c.o.hex(u64::from(ty));
        if ty & 0x80 != 0 {
            c.s("(C)");
        }
        c.s(" len ");
        c.dec(olen as u64);
        if olen > len {
            c.s(" [bad length]");
            return Ok(());
        }
        if c.opts.verbose > 1 && olen > 4 {
            c.s(" data");
            let mut i = 4;
            while i < olen {
                c.s(" ");
                c.o.hexw(u64::from(super::be32(d, p + i)?), 8);
                i += 4;
            }
        }
        p += olen;
        len -= olen;
    }
    Ok(())
}

const FLAGS: [(u8, &str); 8] = [
    (0x80, "O"),
    (0x40, "C"),
    (0x20, "R1"),
    (0x10, "R2"),
    (0x08, "R3"),
    (0x04, "R4"),
    (0x02, "R5"),
    (0x01, "R6"),
];

/// Geneve header, options and the payload of its protocol type.
pub(crate) fn geneve(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "geneve";
    c.s("Geneve");
    if len < 8 {
        c.s(" [length ");
        c.dec(len as u64);
        c.s(" < 8]");
        c.invalid();
        return Ok(());
    }
    // tcpdump's header and option checks end the packet without a longjmp
    // (so -x still skips the link header).
    let Ok(h) = bytes(d, 0, 8) else {
        c.trunc_mark();
        return Ok(());
    };
    let ver_opt = h[0];
    let version = ver_opt >> 6;
    if version != 0 {
        c.s(" ERROR: unknown-version ");
        c.dec(version);
        return Ok(());
    }
    let flags = h[1];
    let prot = u16::from_be_bytes([h[2], h[3]]);
    let vni = (u32::from(h[4]) << 16) | (u32::from(h[5]) << 8) | u32::from(h[6]);
    let reserved = h[7];
    let mut len = len - 8;
    c.s(", Flags [");
    if flags == 0 {
        c.s("none");
    } else {
        for (bit, name) in FLAGS {
            if flags & bit != 0 {
                c.s(name);
            }
        }
    }
    c.s("]");
    c.s(", vni 0x");
    c.o.hex(u64::from(vni));
    if reserved != 0 {
        c.s(", rsvd 0x");
        c.o.hex(u64::from(reserved));
    }
    if c.opts.link_header {
        c.s(", proto ");
        c.s(super::ether::ethertype_name(prot).unwrap_or("unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(prot), 4);
        c.s(")");
    }
    let opts_len = usize::from(ver_opt & 0x3f) * 4;
    if len < opts_len {
        c.s(" truncated-geneve - ");
        c.dec((opts_len - len) as u64);
        c.s(" bytes missing");
        return Ok(());
    }
    if bytes(d, 8, opts_len).is_err() {
        c.trunc_mark();
        return Ok(());
    }
    if opts_len > 0 {
        c.s(", options [");
        if c.opts.verbose > 0 {
            geneve_opts(c, &d[8..], opts_len)?;
        } else {
            c.dec(opts_len as u64);
            c.s(" bytes");
        }
        c.s("]");
    }
    len -= opts_len;
    c.s(if c.opts.verbose < 1 { ": " } else { "\n\t" });
    let payload = &d[8 + opts_len..];
    if !super::ether::ethertype_print(c, prot, payload, len)? {
        if prot == 0x6558 {
            super::ether::print(c, payload, len)?;
        } else {
            c.s("geneve-proto-0x");
            c.o.hex(u64::from(prot));
        }
    }
    Ok(())
}
