//! Cisco's other SNAP protocols (OUI 0x00000c) as tcpdump 4.99 prints them:
//! DTP (PID 0x2004), UDLD (0x0111) and VTP (0x2003).

use super::ospf::bits;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};

/// tcpdump's nd_printjnp: up to `n` characters, stopping at a NUL.
fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

/// " (invalid)", then the check that the rest was captured.
fn invalid(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    c.invalid();
    bytes(d, off, n).map(|_| ())
}

/// Dynamic Trunking Protocol.
pub(crate) fn dtp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "dtp";
    if length < 1 {
        c.s("[zero packet length]");
        return invalid(c, d, 0, length);
    }
    let version = u8_at(d, 0)?;
    c.s("DTPv");
    c.dec(version);
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let mut p = 1usize;
    let mut length = length - 1;
    while length > 0 {
        if length < 4 {
            c.s("[");
            c.dec(length as u64);
            c.s(" bytes remaining]");
            return invalid(c, d, p, length);
        }
        let ty = be16(d, p)?;
        let len = usize::from(be16(d, p + 2)?);
        if ty == 0 {
            return Ok(());
        }
        c.s("\n\t");
        c.s(match ty {
            1 => "Domain",
            2 => "Status",
            3 => "DTP type",
            4 => "Neighbor",
            _ => "Unknown",
        });
        c.s(" (0x");
        c.o.hexw(u64::from(ty), 4);
        c.s(") TLV, length ");
        c.dec(len as u64);
        if len < 4 || len > length {
            c.s("[invalid TLV length ");
            c.dec(len as u64);
            c.s("]");
            return invalid(c, d, p, length);
        }
        match ty {
            1 => {
                c.s(", ");
                printjnp(c, d, p + 4, len - 4)?;
            }
            2 | 3 => {
                if len != 5 {
                    return invalid(c, d, p, length);
                }
                let v = u8_at(d, p + 4)?;
                c.s(", 0x");
                c.o.hex(u64::from(v));
            }
            4 => {
                if len != 10 {
                    return invalid(c, d, p, length);
                }
                let mac = bytes(d, p + 4, 6)?;
                c.s(", ");
                c.etheraddr(mac);
            }
            _ => {
                bytes(d, p, len)?;
            }
        }
        p += len;
        length -= len;
    }
    Ok(())
}

const UDLD_FLAGS: &[(u32, &str)] = &[
    (1, "RT"),
    (2, "RSY"),
    (4, "MBZ-2"),
    (8, "MBZ-3"),
    (16, "MBZ-4"),
    (32, "MBZ-5"),
    (64, "MBZ-6"),
    (128, "MBZ-7"),
];

/// UniDirectional Link Detection (RFC 5171).
pub(crate) fn udld(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "udld";
    if length < 4 {
        return invalid(c, d, 0, length);
    }
    let b0 = u8_at(d, 0)?;
    let (ver, code) = (b0 >> 5, b0 & 0x1f);
    let flags = u8_at(d, 1)?;
    c.s("UDLDv");
    c.dec(ver);
    c.s(", Code ");
    c.s(match code {
        1 => "Probe message",
        2 => "Echo message",
        3 => "Flush message",
        _ => "Reserved",
    });
    c.s(" (");
    c.o.hex(u64::from(code));
    c.s("), Flags [");
    bits(c, UDLD_FLAGS, u32::from(flags), "none");
    c.s("] (0x");
    c.o.hexw(u64::from(flags), 2);
    c.s("), length ");
    c.dec(length as u64);
    let mut p = 2usize;
    let mut length = length - 2;
    if c.opts.verbose == 0 {
        return bytes(d, p, length).map(|_| ());
    }
    let sum = be16(d, p)?;
    c.s("\n\tChecksum 0x");
    c.o.hexw(u64::from(sum), 4);
    c.s(" (unverified)");
    p += 2;
    length -= 2;
    while length > 0 {
        if length < 4 {
            return invalid(c, d, p, length);
        }
        let ty = be16(d, p)?;
        let len = usize::from(be16(d, p + 2)?);
        p += 4;
        length -= 4;
        c.s("\n\t");
        c.s(match ty {
            1 => "Device-ID TLV",
            2 => "Port-ID TLV",
            3 => "Echo TLV",
            4 => "Message Interval TLV",
            5 => "Timeout Interval TLV",
            6 => "Device Name TLV",
            7 => "Sequence Number TLV",
            _ => "Unknown",
        });
        c.s(" (0x");
        c.o.hexw(u64::from(ty), 4);
        c.s(") TLV, length ");
        c.dec(len as u64);
        if len <= 4 {
            return invalid(c, d, p, length);
        }
        let len = len - 4;
        if length < len {
            return invalid(c, d, p, length);
        }
        match ty {
            1 | 2 | 6 => {
                c.s(", ");
                printjnp(c, d, p, len)?;
            }
            3 => {
                c.s(", ");
                for i in 0..len {
                    let b = u8_at(d, p + i)?;
                    print_char(c, b);
                }
            }
            4 | 5 => {
                if len != 1 {
                    return invalid(c, d, p, length);
                }
                let v = u8_at(d, p)?;
                c.s(", ");
                c.dec(v);
                c.s("s");
            }
            7 => {
                if len != 4 {
                    return invalid(c, d, p, length);
                }
                let v = be32(d, p)?;
                c.s(", ");
                c.dec(v);
            }
            _ => {
                bytes(d, p, len)?;
            }
        }
        p += len;
        length -= len;
    }
    Ok(())
}

/// VLAN Trunking Protocol.
pub(crate) fn vtp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "vtp";
    if length < 36 {
        return invalid(c, d, 0, length);
    }
    bytes(d, 0, 36)?;
    let ty = d[1];
    c.s("VTPv");
    c.dec(d[0]);
    c.s(", Message ");
    c.s(match ty {
        1 => "Summary advertisement",
        2 => "Subset advertisement",
        3 => "Advertisement request",
        4 => "Join message",
        _ => "Unknown message type",
    });
    c.s(" (0x");
    c.o.hexw(u64::from(ty), 2);
    c.s("), length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return bytes(d, 0, length).map(|_| ());
    }
    c.s("\n\tDomain name: ");
    let mgmtd_len = usize::from(d[3]);
    if !(1..=32).contains(&mgmtd_len) {
        c.s(" [invalid MgmtD Len ");
        c.dec(mgmtd_len as u64);
        c.s("]");
        return invalid(c, d, 0, length);
    }
    printjnp(c, d, 4, mgmtd_len)?;
    c.s(", ");
    c.s(match ty {
        1 => "Followers",
        2 => "Seq number",
        3 | 4 => "Rsvd",
        _ => "Unknown",
    });
    c.s(": ");
    c.dec(d[2]);
    let mut p = 36usize;
    match ty {
        1 => {
            let rev = be32(d, p)?;
            let upd = bytes(d, p + 4, 4)?;
            c.s("\n\t  Config Rev ");
            c.o.hex(u64::from(rev));
            c.s(", Updater ");
            c.ipaddr(upd);
            p += 8;
            let ts = [be32(d, p)?, be32(d, p + 4)?, be32(d, p + 8)?];
            c.s(", Timestamp");
            for t in ts {
                c.s(" 0x");
                c.o.hexw(u64::from(t), 8);
            }
            p += 12;
            let md5 = [
                be32(d, p)?,
                be32(d, p + 4)?,
                be32(d, p + 8)?,
                be32(d, p + 12)?,
            ];
            c.s(", MD5 digest: ");
            for w in md5 {
                c.o.hexw(u64::from(w), 8);
            }
        }
        2 => {
            let rev = be32(d, p)?;
            c.s(", Config Rev ");
            c.o.hex(u64::from(rev));
            p += 4;
            while p < length {
                let mut len = usize::from(u8_at(d, p)?);
                if len == 0 {
                    break;
                }
                bytes(d, p, len)?;
                if len < 12 {
                    return invalid(c, d, 0, length);
                }
                let status = d[p + 1];
                let vtype = d[p + 2];
                let name_len = usize::from(d[p + 3]);
                let vlan = be16(d, p + 4)?;
                let mtu = be16(d, p + 6)?;
                let said = be32(d, p + 8)?;
                c.s("\n\tVLAN info status ");
                c.s(match status {
                    0 => "Operational",
                    1 => "Suspended",
                    _ => "Unknown",
                });
                c.s(", type ");
                c.s(match vtype {
                    1 => "Ethernet",
                    2 => "FDDI",
                    3 => "TrCRF",
                    4 => "FDDI-net",
                    5 => "TrBRF",
                    _ => "Unknown",
                });
                c.s(", VLAN-id ");
                c.dec(vlan);
                c.s(", MTU ");
                c.dec(mtu);
                c.s(", SAID 0x");
                c.o.hexw(u64::from(said), 8);
                c.s(", Name ");
                len -= 12;
                p += 12;
                let padded = name_len.div_ceil(4) * 4;
                if len < padded {
                    return invalid(c, d, 0, length);
                }
                printjnp(c, d, p, name_len)?;
                len -= padded;
                p += padded;
                while len > 0 {
                    if len < 2 {
                        return invalid(c, d, 0, length);
                    }
                    let t = u8_at(d, p)?;
                    let tl = usize::from(u8_at(d, p + 1)?);
                    c.s("\n\t\t");
                    c.s(match t {
                        1 => "Source-Routing Ring Number TLV",
                        2 => "Source-Routing Bridge Number TLV",
                        3 => "STP type TLV",
                        4 => "Parent VLAN TLV",
                        5 => "Translationally bridged VLANs TLV",
                        6 => "Pruning TLV",
                        7 => "Bridge Type TLV",
                        8 => "Max ARP Hop Count TLV",
                        9 => "Max STE Hop Count TLV",
                        10 => "Backup CRF Mode TLV",
                        _ => "Unknown",
                    });
                    c.s(" (0x");
                    c.o.hexw(u64::from(t), 4);
                    c.s(") TLV");
                    if len < tl * 2 + 2 {
                        c.s(" (TLV goes past the end of the packet)");
                        return invalid(c, d, 0, length);
                    }
                    bytes(d, p, tl * 2 + 2)?;
                    if tl != 1 {
                        c.s(" (invalid TLV length ");
                        c.dec(tl as u64);
                        c.s(" != 1)");
                        return invalid(c, d, 0, length);
                    }
                    let v = be16(d, p + 2)?;
                    let word = |c: &mut Ctx, name: &str| {
                        c.s(", ");
                        c.s(name);
                        c.s(" (");
                        c.dec(v);
                        c.s(")");
                    };
                    match t {
                        9 => {
                            c.s(", ");
                            c.dec(v);
                        }
                        6 => word(c, if v == 1 { "Enabled" } else { "Disabled" }),
                        3 => word(
                            c,
                            match v {
                                1 => "SRT",
                                2 => "SRB",
                                3 => "Auto",
                                _ => "Unknown",
                            },
                        ),
                        7 => word(c, if v == 1 { "SRB" } else { "SRT" }),
                        10 => word(c, if v == 1 { "Backup" } else { "Not backup" }),
                        _ => unknown_data(c, d, p, "\n\t\t  ", 2 + tl * 2),
                    }
                    len -= 2 + tl * 2;
                    p += 2 + tl * 2;
                }
            }
        }
        3 => {
            let v = be32(d, p)?;
            c.s("\n\tStart value: ");
            c.dec(v);
        }
        _ => {}
    }
    Ok(())
}
