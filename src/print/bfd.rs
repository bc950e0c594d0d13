//! BFD over UDP: control packets (RFC 5880/5881 version 1, the draft's version
//! 0; UDP 3784 single-hop, 4784 multihop, 6784 LAG) with their authentication
//! section, and echo packets (UDP 3785).

use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, be32, bytes, u8_at};

const HEADER_LEN: usize = 24;
const FLAG_AUTH: u8 = 0x04;

const V0_FLAGS: &[(u8, &str)] = &[
    (0x80, "I Hear You"),
    (0x40, "Demand"),
    (0x20, "Poll"),
    (0x10, "Final"),
    (0x08, "Control Plane Independent"),
    (FLAG_AUTH, "Authentication Present"),
    (0x02, "Reserved"),
    (0x01, "Reserved"),
];

const V1_FLAGS: &[(u8, &str)] = &[
    (0x20, "Poll"),
    (0x10, "Final"),
    (0x08, "Control Plane Independent"),
    (FLAG_AUTH, "Authentication Present"),
    (0x02, "Demand"),
    (0x01, "Multipoint"),
];

/// The names of the set flags, comma-separated, or "none".
fn flag_names(c: &mut Ctx, table: &[(u8, &str)], flags: u8) {
    let mut sep = "";
    for &(bit, name) in table {
        if flags & bit != 0 {
            c.s(sep);
            c.s(name);
            sep = ", ";
        }
    }
    if sep.is_empty() {
        c.s("none");
    }
}

fn diag_name(d: u8) -> &'static str {
    match d {
        0 => "No Diagnostic",
        1 => "Control Detection Time Expired",
        2 => "Echo Function Failed",
        3 => "Neighbor Signaled Session Down",
        4 => "Forwarding Plane Reset",
        5 => "Path Down",
        6 => "Concatenated Path Down",
        7 => "Administratively Down",
        8 => "Reverse Concatenated Path Down",
        _ => "unknown",
    }
}

fn port_name(c: &mut Ctx, port: u16) {
    match port {
        3784 => c.s("Control"),
        4784 => c.s("Multihop"),
        6784 => c.s("Lag"),
        _ => {
            c.s("unknown (");
            c.dec(port);
            c.s(")");
        }
    }
}

fn state_name(c: &mut Ctx, s: u8) {
    match s {
        0 => c.s("AdminDown"),
        1 => c.s("Down"),
        2 => c.s("Init"),
        3 => c.s("Up"),
        _ => {
            c.s("unknown (");
            c.dec(s);
            c.s(")");
        }
    }
}

/// `v` right-aligned in 4 columns (`%4u`).
fn dec4(c: &mut Ctx, v: u32) {
    let digits = v.checked_ilog10().unwrap_or(0) + 1;
    for _ in digits..4 {
        c.s(" ");
    }
    c.dec(v);
}

/// The authentication section after the header.
fn auth(c: &mut Ctx, d: &[u8]) -> R {
    let h = bytes(d, HEADER_LEN, 4)?;
    let (auth_type, auth_len) = (h[0], h[1]);
    c.s("\n\tAuthentication: ");
    c.s(match auth_type {
        1 => "Simple Password",
        2 => "Keyed MD5",
        3 => "Meticulous Keyed MD5",
        4 => "Keyed SHA1",
        5 => "Meticulous Keyed SHA1",
        _ => "Unknown",
    });
    c.s(" (");
    c.dec(auth_type);
    c.s("), length: ");
    c.dec(auth_len);
    c.s("\n\t  Auth Key ID: ");
    c.dec(h[2]);
    let invalid = |c: &mut Ctx| {
        c.s("[invalid length ");
        c.dec(auth_len);
        c.s("]");
    };
    match auth_type {
        1 => {
            if !(4..=19).contains(&auth_len) {
                invalid(c);
                return Ok(());
            }
            c.s(", Password: ");
            for i in 0..usize::from(auth_len) - 3 {
                print_char(c, u8_at(d, HEADER_LEN + 3 + i)?);
            }
        }
        2..=5 => {
            let (field_len, hash_len, label) = if auth_type <= 3 {
                (24, 16, "\n\t  Digest: ")
            } else {
                (28, 20, "\n\t  Hash: ")
            };
            if auth_len != field_len {
                invalid(c);
                return Ok(());
            }
            let seq = be32(d, HEADER_LEN + 4)?;
            c.s(", Sequence Number: 0x");
            c.o.hexw(u64::from(seq), 8);
            let hash = bytes(d, HEADER_LEN + 8, hash_len)?;
            c.s(label);
            for &b in hash {
                c.o.hexw(u64::from(b), 2);
            }
        }
        _ => {}
    }
    Ok(())
}

/// A control packet of version 0 or 1 with -v: every header field.
fn control_verbose(c: &mut Ctx, h: &[u8], version: u8, port: u16, len: usize) -> R {
    let (vd, flags) = (h[0], h[1]);
    c.s("BFDv");
    c.dec(version);
    c.s(", length: ");
    c.dec(len as u64);
    c.s("\n\t");
    if version == 0 {
        c.s("Control, Flags: [");
        flag_names(c, V0_FLAGS, flags);
    } else {
        port_name(c, port);
        c.s(", State ");
        state_name(c, flags >> 6);
        c.s(", Flags: [");
        flag_names(c, V1_FLAGS, flags & 0x3f);
    }
    c.s("], Diagnostic: ");
    c.s(diag_name(vd & 0x1f));
    c.s(" (0x");
    c.o.hexw(u64::from(vd & 0x1f), 2);
    c.s(")");
    let mult = h[2];
    let tx = be32(h, 12)?;
    c.s("\n\tDetection Timer Multiplier: ");
    c.dec(mult);
    c.s(" (");
    c.dec(u32::from(mult).wrapping_mul(tx) / 1000);
    c.s(" ms Detection time), BFD Length: ");
    c.dec(h[3]);
    c.s("\n\tMy Discriminator: 0x");
    c.o.hexw(u64::from(be32(h, 4)?), 8);
    c.s(", Your Discriminator: 0x");
    c.o.hexw(u64::from(be32(h, 8)?), 8);
    c.s("\n\t  Desired min Tx Interval:    ");
    dec4(c, tx / 1000);
    c.s(" ms\n\t  Required min Rx Interval:   ");
    dec4(c, be32(h, 16)? / 1000);
    c.s(" ms\n\t  Required min Echo Interval: ");
    dec4(c, be32(h, 20)? / 1000);
    c.s(" ms");
    Ok(())
}

/// BFD over UDP to `port`: `d` is the captured payload, `len` the UDP payload length.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize, port: u16) -> R {
    c.proto = "bfd";
    if port == 3785 {
        c.s("BFD, Echo, length: ");
        c.dec(len as u64);
        if c.opts.verbose > 0 {
            unknown_data(c, d, 0, "\n\t", len);
        }
        return Ok(());
    }
    let h = bytes(d, 0, HEADER_LEN)?;
    let version = h[0] >> 5;
    let flags = h[1];
    match version {
        0 | 1 if c.opts.verbose == 0 => {
            c.s("BFDv");
            c.dec(version);
            c.s(", ");
            if version == 0 {
                c.s("Control, Flags: [");
                flag_names(c, V0_FLAGS, flags);
            } else {
                port_name(c, port);
                c.s(", State ");
                state_name(c, flags >> 6);
                c.s(", Flags: [");
                flag_names(c, V1_FLAGS, flags & 0x3f);
            }
            c.s("], length: ");
            c.dec(len as u64);
        }
        0 | 1 => {
            control_verbose(c, h, version, port, len)?;
            if flags & FLAG_AUTH != 0 {
                auth(c, d)?;
            }
        }
        _ => {
            c.s("BFDv");
            c.dec(version);
            c.s(", Control, length: ");
            c.dec(len as u64);
            if c.opts.verbose > 0 {
                unknown_data(c, d, 0, "\n\t", len);
            }
        }
    }
    Ok(())
}
