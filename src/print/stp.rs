//! Spanning tree BPDUs (802.1D, 802.1w, 802.1s) carried in LLC.

use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn flags(c: &mut Ctx, f: u8) {
    let mut first = true;
    for (bit, n) in [
        (0x01, "Topology change"),
        (0x02, "Proposal"),
        (0x10, "Learn"),
        (0x20, "Forward"),
        (0x40, "Agreement"),
        (0x80, "Topology change ACK"),
    ] {
        if f & bit != 0 {
            if !first {
                c.s(", ");
            }
            c.s(n);
            first = false;
        }
    }
    if first {
        c.s("none");
    }
}

/// "pppp.aa:bb:cc:dd:ee:ff" (bytes fetched by the caller before printing, as
/// tcpdump formats each line in one go).
fn bridge_id(c: &mut Ctx, b: &[u8]) {
    c.o.hexw(u64::from(b[0]), 2);
    c.o.hexw(u64::from(b[1]), 2);
    c.s(".");
    c.o.mac(&b[2..8]);
}

/// `v`/256 seconds with two decimals, rounded as printf rounds exact values.
fn secs(c: &mut Ctx, v: u16) {
    let n = u32::from(v) * 100;
    let (mut q, r) = (n / 256, n % 256);
    if r > 128 || (r == 128 && q % 2 == 1) {
        q += 1;
    }
    c.dec(q / 100);
    c.s(".");
    c.o.decw(u64::from(q % 100), 2);
    c.s("s");
}

fn role(c: &mut Ctx, f: u8) {
    c.s(match (f & 0x0c) >> 2 {
        0 => "Unknown",
        1 => "Alternate",
        2 => "Root",
        _ => "Designated",
    });
}

fn times(c: &mut Ctx, d: &[u8]) -> R {
    let (a, m, h, f) = (be16(d, 27)?, be16(d, 29)?, be16(d, 31)?, be16(d, 33)?);
    c.s("\n\tmessage-age ");
    secs(c, a);
    c.s(", max-age ");
    secs(c, m);
    c.s(", hello-time ");
    secs(c, h);
    c.s(", forwarding-delay ");
    secs(c, f);
    Ok(())
}

fn config(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let f = u8_at(d, 4)?;
    c.s(", Flags [");
    flags(c, f);
    c.s("]");
    let (bid, port) = (bytes(d, 17, 8)?, be16(d, 25)?);
    c.s(", bridge-id ");
    bridge_id(c, bid);
    c.s(".");
    c.o.hexw(u64::from(port), 4);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    times(c, d)?;
    let (rid, cost) = (bytes(d, 5, 8)?, be32(d, 13)?);
    c.s("\n\troot-id ");
    bridge_id(c, rid);
    c.s(", root-pathcost ");
    c.dec(cost);
    if u8_at(d, 2)? == 2 {
        c.s(", port-role ");
        role(c, f);
    }
    Ok(())
}

fn mstp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let f = u8_at(d, 4)?;
    c.s(", CIST Flags [");
    flags(c, f);
    c.s("], length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    c.s("\n\tport-role ");
    role(c, f);
    c.s(", ");
    let (rid, cost) = (bytes(d, 5, 8)?, be32(d, 13)?);
    c.s("CIST root-id ");
    bridge_id(c, rid);
    c.s(", CIST ext-pathcost ");
    c.dec(cost);
    let rr = bytes(d, 17, 8)?;
    c.s("\n\tCIST regional-root-id ");
    bridge_id(c, rr);
    c.s(", ");
    let port = be16(d, 25)?;
    c.s("CIST port-id ");
    c.o.hexw(u64::from(port), 4);
    c.s(",");
    times(c, d)?;
    let v3len = be16(d, 36)?;
    c.s("\n\tv3len ");
    c.dec(v3len);
    c.s(", MCID Name ");
    for i in 0..32 {
        let b = u8_at(d, 39 + i)?;
        if b == 0 {
            break;
        }
        super::tcp::print_char(c, b);
    }
    let rev = be16(d, 71)?;
    let dg = [be32(d, 73)?, be32(d, 77)?, be32(d, 81)?, be32(d, 85)?];
    c.s(", rev ");
    c.dec(rev);
    c.s(",\n\t\tdigest ");
    for k in dg {
        c.o.hexw(u64::from(k), 8);
    }
    c.s(", ");
    let ipc = be32(d, 89)?;
    c.s("CIST int-root-pathcost ");
    c.dec(ipc);
    c.s(",");
    let cb = bytes(d, 93, 8)?;
    c.s("\n\tCIST bridge-id ");
    bridge_id(c, cb);
    c.s(", ");
    let hops = u8_at(d, 101)?;
    c.s("CIST remaining-hops ");
    c.dec(hops);
    if v3len > 64 {
        let mut len = v3len - 64;
        let mut off = 102usize;
        while len >= 16 {
            let msti = be16(d, off + 1)? & 0x0fff;
            let fl = u8_at(d, off)?;
            c.s("\n\tMSTI ");
            c.dec(msti);
            c.s(", Flags [");
            flags(c, fl);
            c.s("], port-role ");
            role(c, fl);
            let (rr, pc) = (bytes(d, off + 1, 8)?, be32(d, off + 9)?);
            c.s("\n\t\tMSTI regional-root-id ");
            bridge_id(c, rr);
            c.s(", pathcost ");
            c.dec(pc);
            let (bp, pp, h) = (
                u8_at(d, off + 13)?,
                u8_at(d, off + 14)?,
                u8_at(d, off + 15)?,
            );
            c.s("\n\t\tMSTI bridge-prio ");
            c.dec(bp >> 4);
            c.s(", port-prio ");
            c.dec(pp >> 4);
            c.s(", hops ");
            c.dec(h);
            len -= 16;
            off += 16;
        }
    }
    Ok(())
}

/// The 802.1aq (SPB) v4 part at `off`, shown with -v only.
fn spb(c: &mut Ctx, d: &[u8], off: usize) -> R {
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let v4len = be16(d, off)?;
    c.s("\n\tv4len ");
    c.dec(v4len);
    c.s(", AUXMCID Name ");
    for i in 0..32 {
        let b = u8_at(d, off + 3 + i)?;
        if b == 0 {
            break;
        }
        super::tcp::print_char(c, b);
    }
    let rev = be16(d, off + 35)?;
    let dg = [
        be32(d, off + 37)?,
        be32(d, off + 41)?,
        be32(d, off + 45)?,
        be32(d, off + 49)?,
    ];
    c.s(", Rev ");
    c.dec(rev);
    c.s(",\n\t\tdigest ");
    for k in dg {
        c.o.hexw(u64::from(k), 8);
    }
    let agr = u8_at(d, off + 53)?;
    let fmt = u8_at(d, off + 55)?;
    let con = u8_at(d, off + 56)?;
    let edge = be16(d, off + 57)?;
    let mut ad = [0u32; 5];
    for (i, w) in ad.iter_mut().enumerate() {
        *w = be32(d, off + 67 + 4 * i)?;
    }
    c.s("\n\tAgreement num ");
    c.dec(agr >> 6);
    c.s(", Discarded Agreement num ");
    c.dec((agr >> 4) & 3);
    c.s(", Agreement valid-flag ");
    c.dec((agr >> 3) & 1);
    c.s(",\n\tRestricted role-flag: ");
    c.dec((agr >> 2) & 1);
    c.s(", Format id ");
    c.dec(fmt >> 4);
    c.s(" cap ");
    c.dec(fmt);
    c.s(", Convention id ");
    c.dec(con >> 4);
    c.s(" cap ");
    c.dec(con);
    c.s(",\n\tEdge count ");
    c.dec(edge);
    c.s(", Agreement digest ");
    for k in ad {
        c.o.hexw(u64::from(k), 8);
    }
    Ok(())
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "stp";
    if length < 4 {
        c.invalid();
        return Ok(());
    }
    if be16(d, 0)? != 0 {
        c.s("unknown STP version, length ");
        c.dec(length as u64);
        return Ok(());
    }
    let version = u8_at(d, 2)?;
    c.s("STP ");
    match version {
        0 => c.s("802.1d"),
        2 => c.s("802.1w"),
        3 => c.s("802.1s"),
        4 => c.s("802.1aq"),
        _ => {
            c.s("Unknown STP protocol (0x");
            c.o.hexw(u64::from(version), 2);
            c.s(")");
            return Ok(());
        }
    }
    let t = u8_at(d, 3)?;
    c.s(", ");
    match t {
        0x00 => c.s("Config"),
        0x02 => c.s("Rapid STP"),
        0x80 => c.s("Topology Change"),
        _ => {
            c.s("Unknown BPDU Type (0x");
            c.o.hexw(u64::from(t), 2);
            c.s(")");
        }
    }
    match t {
        0x00 => {
            if length < 35 {
                c.invalid();
                return Ok(());
            }
            config(c, d, length)
        }
        0x02 if version == 2 => {
            if length < 36 {
                c.invalid();
                return Ok(());
            }
            config(c, d, length)
        }
        0x02 if version == 3 || version == 4 => {
            if length < 102 || u8_at(d, 35)? != 0 {
                c.invalid();
                return Ok(());
            }
            let mstp_len = usize::from(be16(d, 36)?) + 2;
            if length < 36 + mstp_len {
                c.invalid();
                return Ok(());
            }
            mstp(c, d, length)?;
            if version != 4 {
                return Ok(());
            }
            let spb_len = usize::from(be16(d, 36 + mstp_len)?) + 2;
            if length < 36 + mstp_len + spb_len || spb_len < 87 {
                c.invalid();
                return Ok(());
            }
            spb(c, d, 36 + mstp_len)
        }
        _ => Ok(()),
    }
}
