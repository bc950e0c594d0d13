//! RSVP (IP protocol 46): tcpdump's summary line, and with `-v` the common
//! header, bundles, every object header and the contents of the objects tcpdump
//! decodes: session, hop, time values, style, sender templates and filter specs
//! (IPv4/IPv6, tunnel and P2MP variants), labels, label requests, ERO/RRO,
//! IntServ flowspecs/TSpecs/Adspecs, confirm, notify request, hello, restart
//! capability, capability, session attribute, error spec, message IDs, detour,
//! class type, admin status, label set, S2L, fast reroute, properties and
//! integrity and generalized UNI.

use super::af::af_name;
use super::hex::hex_only;
use super::ospf::{bits, gmpls_encoding, gmpls_switch_cap};
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Path",
        2 => "Resv",
        3 => "PathErr",
        4 => "ResvErr",
        5 => "PathTear",
        6 => "ResvTear",
        7 => "ResvConf",
        12 => "Bundle",
        13 => "Acknowledgement",
        14 => "Hello (Old)",
        15 => "Refresh",
        20 => "Hello",
        _ => return None,
    })
}

fn obj_name(c: u8) -> &'static str {
    match c {
        1 => "Session",
        3 => "RSVP Hop",
        4 => "Integrity",
        5 => "Time Values",
        6 => "Error Spec",
        7 => "Scope",
        8 => "Style",
        9 => "Flowspec",
        10 => "FilterSpec",
        11 => "Sender Template",
        12 => "Sender TSpec",
        13 => "Adspec",
        14 => "Policy Data",
        15 => "Confirm",
        16 => "Label",
        19 => "Label Request",
        20 => "ERO",
        21 => "RRO",
        22 => "Hello",
        23 => "Message ID",
        24 => "Message ID Ack",
        25 => "Message ID List",
        34 => "Recovery Label",
        35 => "Upstream Label",
        36 => "Label Set",
        130 => "Acceptable Label Set",
        63 => "Detour",
        66 => "Class Type",
        125 => "Class Type (old)",
        129 => "Suggested Label",
        204 => "Properties",
        205 => "Fast Re-Route",
        207 => "Session Attribute",
        229 => "Generalized UNI",
        230 => "Call-ID",
        236 => "Call Capability",
        131 => "Restart Capability",
        134 => "Capability",
        195 => "Notify Request",
        37 => "Protection",
        196 => "Administrative Status",
        50 => "Sub-LSP to LSP",
        _ => "Unknown",
    }
}

fn ctype_name(class: u8, ct: u8) -> &'static str {
    match (class, ct) {
        (3 | 195 | 15 | 10 | 1 | 11 | 6, 1) => "IPv4",
        (3 | 195 | 15 | 10 | 1 | 11 | 6, 2) => "IPv6",
        (3 | 6, 3) => "IPv4 plus opt. TLVs",
        (3 | 6, 4) => "IPv6 plus opt. TLVs",
        (5 | 23 | 25 | 8 | 134 | 205 | 204 | 196 | 66 | 125 | 36 | 229, 1) => "1",
        (9, 1) => "obsolete",
        (9 | 12 | 13, 2) => "IntServ",
        (10, 3) => "IPv6 Flow-label",
        (10 | 1 | 11 | 207 | 205 | 63, 7) => "Tunnel IPv4",
        (10 | 11, 12) => "IPv4 P2MP LSP Tunnel",
        (10 | 11, 13) => "IPv6 P2MP LSP Tunnel",
        (1, 11) => "UNI IPv4",
        (1, 13) => "IPv4 P2MP LSP Tunnel",
        (1, 14) => "IPv6 P2MP LSP Tunnel",
        (24, 1) => "Message id ack",
        (24, 2) => "Message id nack",
        (22, 1) => "Hello Request",
        (22, 2) => "Hello Ack",
        (19, 1) => "without label range",
        (19, 2) => "with ATM label range",
        (19, 3) => "with FR label range",
        (19, 4) => "Generalized Label",
        (16 | 129 | 35 | 34, 1) => "Label",
        (16 | 129 | 35 | 34, 2) => "Generalized Label",
        (16 | 129 | 35 | 34, 3) => "Waveband Switching",
        (20 | 21, 1) => "IPv4",
        (131, 1) => "IPv4",
        (50, 1) => "IPv4 sub-LSP",
        (50, 2) => "IPv6 sub-LSP",
        _ => "Unknown",
    }
}

/// How an object body ended.
enum Body {
    Done,
    /// Also dump the object in hex.
    Hexdump,
    /// The body is shorter than its type needs ("ERROR: object is too short").
    TooShort,
    /// tcpdump stopped printing the message (its note is printed).
    Stop,
}

/// An IPv4 (4 bytes) or IPv6 address.
fn ip_addr(c: &mut Ctx, a: &[u8]) {
    if a.len() == 4 {
        c.ipaddr(a);
    } else {
        c.ip6addr(a);
    }
}

/// One object's body (`b` points past the 4-byte object header; `n` bytes).
fn object(c: &mut Ctx, d: &[u8], ind: &str, class: u8, ct: u8, b: usize, n: usize) -> R<Body> {
    let need = |k: usize| n >= k;
    match (class, ct) {
        (1, 1 | 2) => {
            // IPv4 or IPv6: destination address, protocol, flags, port.
            let size = if ct == 2 { 16 } else { 4 };
            if !need(size + 4) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, size)?;
            let p = u8_at(d, b + size)?;
            c.s(ind);
            c.s(if size == 4 { "  IPv4" } else { "  IPv6" });
            c.s(" DestAddress: ");
            ip_addr(c, a);
            c.s(", Protocol ID: 0x");
            c.o.hexw(u64::from(p), 2);
            let (f, port) = (u8_at(d, b + size + 1)?, be16(d, b + size + 2)?);
            c.s(ind);
            c.s("  Flags: [0x");
            c.o.hexw(u64::from(f), 2);
            c.s("], DestPort ");
            c.dec(port);
        }
        (1, 7 | 8 | 11) => {
            // IPv4 or IPv6: address, 2 reserved bytes, tunnel ID, extended ID.
            let size = if ct == 8 { 16 } else { 4 };
            if !need(2 * size + 4) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, size)?;
            let id = be16(d, b + size + 2)?;
            let x = bytes(d, b + size + 4, size)?;
            c.s(ind);
            c.s(if size == 4 { "  IPv4" } else { "  IPv6" });
            c.s(" Tunnel EndPoint: ");
            ip_addr(c, a);
            c.s(", Tunnel ID: 0x");
            c.o.hexw(u64::from(id), 4);
            c.s(", Extended Tunnel ID: ");
            ip_addr(c, x);
        }
        (1, 14) => {
            if !need(26) {
                return Ok(Body::TooShort);
            }
            let (lsp, id, x) = (be32(d, b)?, be16(d, b + 6)?, bytes(d, b + 8, 16)?);
            c.s(ind);
            c.s("  IPv6 P2MP LSP ID: 0x");
            c.o.hexw(u64::from(lsp), 8);
            c.s(", Tunnel ID: 0x");
            c.o.hexw(u64::from(id), 4);
            c.s(", Extended Tunnel ID: ");
            c.ip6addr(x);
        }
        (1, 13) => {
            if !need(12) {
                return Ok(Body::TooShort);
            }
            let (a, id, x) = (bytes(d, b, 4)?, be16(d, b + 6)?, bytes(d, b + 8, 4)?);
            c.s(ind);
            c.s("  IPv4 P2MP LSP ID: ");
            c.ipaddr(a);
            c.s(", Tunnel ID: 0x");
            c.o.hexw(u64::from(id), 4);
            c.s(", Extended Tunnel ID: ");
            c.ipaddr(x);
        }
        (10 | 11, 12 | 13) => {
            // IPv4 or IPv6: sender address, LSP ID, originator address, group ID,
            // each ID after 2 reserved bytes.
            let size = if ct == 13 { 16 } else { 4 };
            if !need(2 * size + 8) {
                return Ok(Body::TooShort);
            }
            let (a, id) = (bytes(d, b, size)?, be16(d, b + size + 2)?);
            let o = bytes(d, b + size + 4, size)?;
            let g = be16(d, b + 2 * size + 6)?;
            c.s(ind);
            c.s(if size == 4 { "  IPv4" } else { "  IPv6" });
            c.s(" Tunnel Sender Address: ");
            ip_addr(c, a);
            c.s(", LSP ID: 0x");
            c.o.hexw(u64::from(id), 4);
            c.s(ind);
            c.s("  Sub-Group Originator ID: ");
            ip_addr(c, o);
            c.s(", Sub-Group ID: 0x");
            c.o.hexw(u64::from(g), 4);
        }
        (10, 3) => {
            if !need(20) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, 16)?;
            let f = bytes(d, b + 17, 3)?;
            c.s(ind);
            c.s("  Source Address: ");
            c.ip6addr(a);
            c.s(", Flow Label: ");
            c.dec(u32::from_be_bytes([0, f[0], f[1], f[2]]));
        }
        (10, 8) => {
            if !need(20) {
                return Ok(Body::TooShort);
            }
            // tcpdump prints the first four bytes as an IPv4 address here.
            let (a, id) = (bytes(d, b, 4)?, be16(d, b + 18)?);
            c.s(ind);
            c.s("  Source Address: ");
            c.ipaddr(a);
            c.s(", LSP-ID: 0x");
            c.o.hexw(u64::from(id), 4);
        }
        (19, 2) => {
            if !need(12) {
                return Ok(Body::TooShort);
            }
            l3pid(c, d, ind, b)?;
            let m = u8_at(d, b + 4)?;
            c.s(",");
            c.s(if m & 0x80 != 0 { "no" } else { "" });
            c.s(" merge capability");
            let (a, v) = (be16(d, b + 4)?, be16(d, b + 6)?);
            c.s(ind);
            c.s("  Minimum VPI/VCI: ");
            c.dec(a & 0xfff);
            c.s("/");
            c.dec(v & 0xfff);
            let (a, v) = (be16(d, b + 8)?, be16(d, b + 10)?);
            c.s(ind);
            c.s("  Maximum VPI/VCI: ");
            c.dec(a & 0xfff);
            c.s("/");
            c.dec(v & 0xfff);
        }
        (19, 3) => {
            if !need(12) {
                return Ok(Body::TooShort);
            }
            l3pid(c, d, ind, b)?;
            let (lo, hi, w) = (be32(d, b + 4)?, be32(d, b + 8)?, (be16(d, b + 4)? >> 7) & 3);
            c.s(ind);
            c.s("  Minimum/Maximum DLCI: ");
            c.dec(lo & 0x7f_ffff);
            c.s("/");
            c.dec(hi & 0x7f_ffff);
            c.s(", ");
            if w == 0 {
                c.s("10");
            }
            if w == 2 {
                c.s("23");
            }
            c.s(" bit DLCI");
        }
        (19, 4) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let (e, sw, pl) = (u8_at(d, b)?, u8_at(d, b + 1)?, be16(d, b + 2)?);
            c.s(ind);
            c.s("  LSP Encoding Type: ");
            c.s(gmpls_encoding(e));
            c.s(" (");
            c.dec(e);
            c.s(")");
            c.s(ind);
            c.s("  Switching Type: ");
            c.s(gmpls_switch_cap(sw));
            c.s(" (");
            c.dec(sw);
            c.s("), Payload ID: ");
            c.s(gmpls_payload(pl));
            c.s(" (0x");
            c.o.hexw(u64::from(pl), 4);
            c.s(")");
        }
        (4, 1) => {
            if !need(32) {
                return Ok(Body::TooShort);
            }
            let (k1, k2) = (be16(d, b + 2)?, be32(d, b + 4)?);
            let (s1, s2) = (be32(d, b + 8)?, be32(d, b + 12)?);
            c.s(ind);
            c.s("  Key-ID 0x");
            c.o.hexw(u64::from(k1), 4);
            c.o.hexw(u64::from(k2), 8);
            c.s(", Sequence 0x");
            c.o.hexw(u64::from(s1), 8);
            c.o.hexw(u64::from(s2), 8);
            c.s(", Flags [");
            bits(c, &[(0x80, "Handshake")], u32::from(d[b]), "none");
            c.s("]");
            c.s(ind);
            c.s("  MD5-sum 0x");
            for k in 0..4 {
                c.o.hexw(u64::from(be32(d, b + 16 + 4 * k)?), 8);
            }
            // Without a secret (-M) tcpdump cannot check the digest.
            c.s("  (unchecked)");
        }
        (229, 1) => return uni(c, d, ind, b, n),
        (15 | 195, 1 | 2) => {
            let size = if ct == 2 { 16 } else { 4 };
            if !need(size) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, size)?;
            c.s(ind);
            c.s(if size == 4 { "  IPv4" } else { "  IPv6" });
            c.s(if class == 15 {
                " Receiver Address: "
            } else {
                " Notify Node Address: "
            });
            ip_addr(c, a);
        }
        (16 | 129 | 34 | 35, 1) => {
            let mut p = b;
            let mut left = n;
            while left >= 4 {
                let l = be32(d, p)?;
                c.s(ind);
                c.s("  Label: ");
                c.dec(l);
                p += 4;
                left -= 4;
            }
        }
        (16 | 129 | 34 | 35, 2) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let l = be32(d, b)?;
            c.s(ind);
            c.s("  Generalized Label: ");
            c.dec(l);
        }
        (16 | 129 | 34 | 35, 3) => {
            if !need(12) {
                return Ok(Body::TooShort);
            }
            let (w, s, e) = (be32(d, b)?, be32(d, b + 4)?, be32(d, b + 8)?);
            c.s(ind);
            c.s("  Waveband ID: ");
            c.dec(w);
            c.s(ind);
            c.s("  Start Label: ");
            c.dec(s);
            c.s(", Stop Label: ");
            c.dec(e);
        }
        (8, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let s = bytes(d, b + 1, 3)?;
            let v = u32::from_be_bytes([0, s[0], s[1], s[2]]);
            let f = u8_at(d, b)?;
            c.s(ind);
            c.s("  Reservation Style: ");
            c.s(match v {
                17 => "Wildcard Filter",
                10 => "Fixed Filter",
                18 => "Shared Explicit",
                _ => "Unknown",
            });
            c.s(", Flags: [0x");
            c.o.hexw(u64::from(f), 2);
            c.s("]");
        }
        (11 | 10, 1 | 2) => {
            // IPv4 or IPv6 address, 2 reserved bytes, port.
            let size = if ct == 2 { 16 } else { 4 };
            if !need(size + 4) {
                return Ok(Body::TooShort);
            }
            let (a, p) = (bytes(d, b, size)?, be16(d, b + size + 2)?);
            c.s(ind);
            c.s("  Source Address: ");
            ip_addr(c, a);
            c.s(", Source Port: ");
            c.dec(p);
        }
        (11 | 10, 7) => {
            if !need(8) {
                return Ok(Body::TooShort);
            }
            let (a, p) = (bytes(d, b, 4)?, be16(d, b + 6)?);
            c.s(ind);
            c.s(if class == 11 {
                "  IPv4 Tunnel Sender Address: "
            } else {
                "  Source Address: "
            });
            c.ipaddr(a);
            c.s(", LSP-ID: 0x");
            c.o.hexw(u64::from(p), 4);
        }
        (3, 1..=4) => {
            // IPv4 (1, 3) or IPv6 (2, 4) address, then the handle.
            let size = if matches!(ct, 2 | 4) { 16 } else { 4 };
            if !need(size + 4) {
                return Ok(Body::TooShort);
            }
            let (a, h) = (bytes(d, b, size)?, be32(d, b + size)?);
            c.s(ind);
            c.s("  Previous/Next Interface: ");
            ip_addr(c, a);
            c.s(", Logical Interface Handle: 0x");
            c.o.hexw(u64::from(h), 8);
            // tcpdump dumps the IPv6 form always, the IPv4 form past its 8 bytes.
            if size == 16 || n > 8 {
                return Ok(Body::Hexdump);
            }
        }
        (19, 1) => {
            let mut p = b;
            let mut left = n;
            while left >= 4 {
                l3pid(c, d, ind, p)?;
                p += 4;
                left -= 4;
            }
        }
        (20 | 21, 1) => {
            let mut p = b;
            let mut left = n;
            while left >= 4 {
                if bytes(d, p, 4).is_err() {
                    c.trunc_mark();
                    return Ok(Body::Stop);
                }
                let t0 = u8_at(d, p)?;
                let len = usize::from(u8_at(d, p + 1)?);
                c.s(ind);
                c.s("  Subobject Type: ");
                match t0 & 0x7f {
                    0 => c.s("Reserved"),
                    1 => c.s("IPv4 prefix"),
                    2 => c.s("IPv6 prefix"),
                    3 => c.s("Label"),
                    32 => c.s("Autonomous system number"),
                    64 => c.s("MPLS label switched path termination"),
                    x => {
                        c.s("Unknown ");
                        c.dec(x);
                    }
                }
                c.s(", length ");
                c.dec(len as u64);
                if left < len {
                    c.s(ind);
                    c.s("  ERROR: ERO subobject length > object length");
                    break;
                }
                if len == 0 {
                    c.s(ind);
                    c.s("  ERROR: zero length ERO subtype");
                    break;
                }
                match t0 & 0x7f {
                    1 => {
                        if len != 8 {
                            c.s(" ERROR: length != 8");
                            c.invalid();
                            return Ok(Body::Stop);
                        }
                        if bytes(d, p, 8).is_err() {
                            c.trunc_mark();
                            return Ok(Body::Stop);
                        }
                        let pl = d[p + 6];
                        if pl != 32 {
                            c.s(" ERROR: Prefix length ");
                            c.dec(pl);
                            c.s(" != 32");
                            c.invalid();
                            return Ok(Body::Stop);
                        }
                        c.s(if t0 & 0x80 != 0 {
                            ", Loose, "
                        } else {
                            ", Strict, "
                        });
                        c.ipaddr(&d[p + 2..p + 6]);
                        c.s("/");
                        c.dec(pl);
                        c.s(", Flags: [");
                        bits(
                            c,
                            &[
                                (0x01, "Local protection available"),
                                (0x02, "Local protection in use"),
                                (0x04, "Bandwidth protection"),
                                (0x08, "Node protection"),
                            ],
                            u32::from(d[p + 7]),
                            "none",
                        );
                        c.s("]");
                    }
                    3 => {
                        if len != 8 {
                            c.s(" ERROR: length != 8");
                            c.invalid();
                            return Ok(Body::Stop);
                        }
                        if bytes(d, p, 8).is_err() {
                            c.trunc_mark();
                            return Ok(Body::Stop);
                        }
                        let (f, ct) = (d[p + 2], d[p + 3]);
                        c.s(", Flags: [");
                        bits(c, &[(0x01, "Global")], u32::from(f), "none");
                        c.s("] (");
                        if f == 0 {
                            c.s("0");
                        } else {
                            c.s("0x");
                            c.o.hex(u64::from(f));
                        }
                        c.s("), Class-Type: ");
                        c.s(ctype_name(21, ct));
                        c.s(" (");
                        c.dec(ct);
                        c.s("), ");
                        c.dec(be32(d, p + 4)?);
                    }
                    _ => {}
                }
                p += len;
                left -= len;
            }
        }
        (9 | 12 | 13, 2) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let (v, l) = (u8_at(d, b)? >> 4, be16(d, b + 2)?);
            c.s(ind);
            c.s("  Msg-Version: ");
            c.dec(v);
            c.s(", length: ");
            c.dec(u32::from(l) << 2);
            let mut p = b + 4;
            let mut left = n - 4;
            while left >= 4 {
                let mut stlen = u32::from(be16(d, p + 2)?) << 2;
                let (st, brk) = (u8_at(d, p)?, u8_at(d, p + 1)?);
                c.s(ind);
                c.s("  Service Type: ");
                c.s(match st {
                    1 => "Default/Global Information",
                    2 => "Guaranteed Service",
                    5 => "Controlled Load",
                    _ => "unknown",
                });
                c.s(" (");
                c.dec(st);
                c.s("), break bit ");
                c.s(if brk & 0x80 != 0 { "" } else { "not " });
                c.s("set, Service length: ");
                c.dec(stlen);
                p += 4;
                left -= 4;
                while stlen >= 4 {
                    let done = intserv(c, d, p, left)?;
                    if done == 0 {
                        break;
                    }
                    left -= done;
                    stlen = stlen.wrapping_sub(done as u32);
                    p += done;
                }
            }
        }
        (6, 1 | 3) | (6, 2 | 4) => {
            let v6 = ct == 2 || ct == 4;
            let alen = if v6 { 16 } else { 4 };
            if !need(alen + 4) {
                return Ok(Body::TooShort);
            }
            let code = u8_at(d, b + alen + 1)?;
            let value = be16(d, b + alen + 2)?;
            let a = bytes(d, b, alen)?;
            let f = u8_at(d, b + alen)?;
            c.s(ind);
            c.s("  Error Node Address: ");
            if v6 {
                c.ip6addr(a);
            } else {
                c.ipaddr(a);
            }
            c.s(", Flags: [0x");
            c.o.hexw(u64::from(f), 2);
            c.s("]");
            c.s(ind);
            c.s("  Error Code: ");
            c.s(match code {
                24 => "Routing Problem",
                25 => "Notify Error",
                28 => "Diffserv TE Error",
                125 => "Diffserv TE Error (Old)",
                _ => "unknown",
            });
            c.s(" (");
            c.dec(code);
            c.s(")");
            let routing = |v: u16| match v {
                1 => "Bad EXPLICIT_ROUTE object",
                2 => "Bad strict node",
                3 => "Bad loose node",
                4 => "Bad initial subobject",
                5 => "No route available toward destination",
                6 => "Unacceptable label value",
                7 => "RRO indicated routing loops",
                8 => "non-RSVP-capable router in the path",
                9 => "MPLS label allocation failure",
                10 => "Unsupported L3PID",
                _ => "unknown",
            };
            let diffserv = |v: u16| match v {
                1 => "Unexpected CT object",
                2 => "Unsupported CT",
                3 => "Invalid CT value",
                4 => "CT/setup priority do not form a configured TE-Class",
                5 => "CT/holding priority do not form a configured TE-Class",
                6 => "CT/setup priority and CT/holding priority do not form a configured TE-Class",
                7 => "Inconsistency between signaled PSC and signaled CT",
                8 => "Inconsistency between signaled PHBs and signaled CT",
                _ => "unknown",
            };
            match (code, v6) {
                (24, _) => {
                    c.s(", Error Value: ");
                    c.s(routing(value));
                    c.s(" (");
                    c.dec(value);
                    c.s(")");
                }
                (28 | 125, false) => {
                    c.s(", Error Value: ");
                    c.s(diffserv(value));
                    c.s(" (");
                    c.dec(value);
                    c.s(")");
                }
                (_, false) => {
                    c.s(", Unknown Error Value (");
                    c.dec(value);
                    c.s(")");
                }
                _ => {}
            }
        }
        (23..=25, 1 | 2) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let f = u8_at(d, b)?;
            let e = bytes(d, b + 1, 3)?;
            c.s(ind);
            c.s("  Flags [0x");
            c.o.hexw(u64::from(f), 2);
            c.s("], epoch: ");
            c.dec(u32::from_be_bytes([0, e[0], e[1], e[2]]));
            let mut p = b + 4;
            let mut left = n - 4;
            while left >= 4 {
                let id = be32(d, p)?;
                c.s(ind);
                c.s("    Message-ID 0x");
                c.o.hexw(u64::from(id), 8);
                c.s(" (");
                c.dec(id);
                c.s(")");
                p += 4;
                left -= 4;
            }
        }
        (205, 1 | 7) => {
            let size = if ct == 1 { 20 } else { 16 };
            if !need(size) {
                return Ok(Body::TooShort);
            }
            let bw = f32::from_bits(be32(d, b + 4)?);
            let (sp, hp, hl) = (d[b], d[b + 1], d[b + 2]);
            c.s(ind);
            c.s("  Setup Priority: ");
            c.dec(sp);
            c.s(", Holding Priority: ");
            c.dec(hp);
            c.s(", Hop-limit: ");
            c.dec(hl);
            c.s(", Bandwidth: ");
            // Single-precision arithmetic as in tcpdump (float * 8 / 1000000).
            c.s(&fmt_g(f64::from(bw * 8.0 / 1_000_000.0)));
            c.s(" Mbps");
            let (ia, ea) = (be32(d, b + 8)?, be32(d, b + 12)?);
            c.s(ind);
            if ct == 1 {
                let il = be32(d, b + 16)?;
                c.s("  Include-any: 0x");
                c.o.hexw(u64::from(ia), 8);
                c.s(", Exclude-any: 0x");
                c.o.hexw(u64::from(ea), 8);
                c.s(", Include-all: 0x");
                c.o.hexw(u64::from(il), 8);
            } else {
                c.s("  Include Colors: 0x");
                c.o.hexw(u64::from(ia), 8);
                c.s(", Exclude Colors: 0x");
                c.o.hexw(u64::from(ea), 8);
            }
        }
        (204, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let pad = usize::from(be16(d, b + 2)?);
            let count = be16(d, b)?;
            c.s(ind);
            c.s("  TLV count: ");
            c.dec(count);
            c.s(", padding bytes: ");
            c.dec(pad as u64);
            let mut p = b + 4;
            let mut left = n - 4;
            while left >= 2 + pad {
                let (t, l) = (u8_at(d, p)?, usize::from(u8_at(d, p + 1)?));
                c.s(ind);
                c.s("    ");
                c.s(match t {
                    1 => "Cos",
                    2 => "Metric 1",
                    4 => "Metric 2",
                    8 => "CCC Status",
                    0x10 => "Path Type",
                    _ => "unknown",
                });
                c.s(" TLV (0x");
                c.o.hexw(u64::from(t), 2);
                c.s("), length: ");
                c.dec(l as u64);
                if left < l {
                    return Ok(Body::TooShort);
                }
                if l < 2 {
                    c.s(ind);
                    c.s("ERROR: property TLV is too short");
                    return Ok(Body::Stop);
                }
                let avail = d.get(p + 2..).unwrap_or(&[]);
                hex_only(&mut c.o, "\n\t\t", &avail[..(l - 2).min(avail.len())], 0);
                left -= l;
                p += l;
            }
        }
        (63, 7) => {
            let mut p = b;
            let mut left = n;
            while left >= 8 {
                let (x, y) = (bytes(d, p, 4)?, bytes(d, p + 4, 4)?);
                c.s(ind);
                c.s("  PLR-ID: ");
                c.ipaddr(x);
                c.s(", Avoid-Node-ID: ");
                c.ipaddr(y);
                p += 8;
                left -= 8;
            }
        }
        (66 | 125, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let v = be32(d, b)?;
            c.s(ind);
            c.s("  CT: ");
            c.dec(v & 7);
        }
        (196, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let v = be32(d, b)?;
            c.s(ind);
            c.s("  Flags [");
            bits(
                c,
                &[
                    (0x8000_0000, "Reflect"),
                    (4, "Testing"),
                    (2, "Admin-down"),
                    (1, "Delete-in-progress"),
                ],
                v,
                "none",
            );
            c.s("]");
        }
        (36, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let action = be16(d, b)? >> 8;
            let lt = be32(d, b)? & 0x7f;
            c.s(ind);
            c.s("  Action: ");
            c.s(match action {
                0 => "Inclusive list",
                1 => "Exclusive list",
                2 => "Inclusive range",
                3 => "Exclusive range",
                _ => "Unknown",
            });
            c.s(" (");
            c.dec(action);
            c.s("), Label type: ");
            c.dec(lt);
            if action == 2 || action == 3 {
                if !need(12) {
                    return Ok(Body::TooShort);
                }
                let (x, y) = (be32(d, b + 4)?, be32(d, b + 8)?);
                c.s(ind);
                c.s("  Start range: ");
                c.dec(x);
                c.s(", End range: ");
                c.dec(y);
            } else {
                let mut p = b + 4;
                let mut left = n - 4;
                let mut k = 1u32;
                while left >= 4 {
                    let v = be32(d, p)?;
                    c.s(ind);
                    c.s("  Subchannel #");
                    c.dec(k);
                    c.s(": ");
                    c.dec(v);
                    p += 4;
                    left -= 4;
                    k += 1;
                }
            }
        }
        (50, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, 4)?;
            c.s(ind);
            c.s("  Sub-LSP destination address: ");
            c.ipaddr(a);
        }
        (50, 2) => {
            if !need(16) {
                return Ok(Body::TooShort);
            }
            let a = bytes(d, b, 16)?;
            c.s(ind);
            c.s("  Sub-LSP destination address: ");
            c.ip6addr(a);
        }
        (22, 1 | 2) => {
            if !need(8) {
                return Ok(Body::TooShort);
            }
            let (si, di) = (be32(d, b)?, be32(d, b + 4)?);
            c.s(ind);
            c.s("  Source Instance: 0x");
            c.o.hexw(u64::from(si), 8);
            c.s(", Destination Instance: 0x");
            c.o.hexw(u64::from(di), 8);
        }
        (5, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let r = be32(d, b)?;
            c.s(ind);
            c.s("  Refresh Period: ");
            c.dec(r);
            c.s("ms");
        }
        (131, 1) => {
            if !need(8) {
                return Ok(Body::TooShort);
            }
            let (r, v) = (be32(d, b)?, be32(d, b + 4)?);
            c.s(ind);
            c.s("  Restart  Time: ");
            c.dec(r);
            c.s("ms, Recovery Time: ");
            c.dec(v);
            c.s("ms");
        }
        (134, 1) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let f = be32(d, b)?;
            if f & !7 != 0 {
                c.s(ind);
                c.s("  [reserved=0x");
                c.o.hexw(u64::from(f & !7), 8);
                c.s(" must be zero]");
            }
            c.s(ind);
            c.s("  Flags: [");
            bits(
                c,
                &[
                    (4, "RecoveryPath Transmit Enabled"),
                    (2, "RecoveryPath Desired"),
                    (1, "RecoveryPath Srefresh Capable"),
                ],
                f & 7,
                "none",
            );
            c.s("]");
        }
        (207, 7) => {
            if !need(4) {
                return Ok(Body::TooShort);
            }
            let nl = usize::from(u8_at(d, b + 3)?);
            if n < 4 + nl {
                return Ok(Body::TooShort);
            }
            c.s(ind);
            c.s("  Session Name: ");
            for i in 0..nl {
                let ch = u8_at(d, b + 4 + i)?;
                super::tcp::print_char(c, ch);
            }
            let (s, h, f) = (u8_at(d, b)?, u8_at(d, b + 1)?, u8_at(d, b + 2)?);
            c.s(ind);
            c.s("  Setup Priority: ");
            c.dec(s);
            c.s(", Holding Priority: ");
            c.dec(h);
            c.s(", Flags: [");
            bits(
                c,
                &[
                    (0x01, "Local Protection"),
                    (0x02, "Label Recording"),
                    (0x04, "SE Style"),
                    (0x08, "Bandwidth protection"),
                    (0x10, "Node protection"),
                ],
                u32::from(f),
                "none",
            );
            c.s("] (");
            if f == 0 {
                c.s("0");
            } else {
                c.s("0x");
                c.o.hex(u64::from(f));
            }
            c.s(")");
        }
        _ => {
            if !decoded_class(class) {
                if c.opts.verbose <= 1 {
                    dump(c, d, b, n);
                }
                return Ok(Body::Done);
            }
            return Ok(Body::Hexdump);
        }
    }
    Ok(Body::Done)
}

/// C's `%.10g` of a float (tcpdump prints bandwidths this way).
fn fmt_g(v: f64) -> String {
    const P: i32 = 10;
    if v.is_nan() {
        return if v.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.into();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let e = format!("{:.*e}", (P - 1) as usize, v);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let x: i32 = exp.parse().unwrap_or(0);
    let strip = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if (-4..P).contains(&x) {
        strip(format!("{:.*}", (P - 1 - x) as usize, v))
    } else {
        let m = strip(mant.to_string());
        let sign = if x < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", x.abs())
    }
}

/// One integrated-services parameter; the bytes it took, 0 where tcpdump stops.
fn intserv(c: &mut Ctx, d: &[u8], p: usize, left: usize) -> R<usize> {
    if left < 4 {
        return Ok(0);
    }
    let id = u8_at(d, p)?;
    let plen = usize::from(be16(d, p + 2)?) << 2;
    let fl = u8_at(d, p + 1)?;
    c.s("\n\t      Parameter ID: ");
    c.s(match id {
        4 => "IS hop cnt",
        6 => "Path b/w estimate",
        8 => "Minimum path latency",
        10 => "Composed MTU",
        127 => "Token Bucket TSpec",
        130 => "Guaranteed Service RSpec",
        133 => "End-to-end composed value for C",
        134 => "End-to-end composed value for D",
        135 => "Since-last-reshaping point composed C",
        136 => "Since-last-reshaping point composed D",
        _ => "unknown",
    });
    c.s(" (");
    c.dec(id);
    c.s("), length: ");
    c.dec(plen as u64);
    c.s(", Flags: [0x");
    c.o.hexw(u64::from(fl), 2);
    c.s("]");
    if left < plen + 4 {
        return Ok(0);
    }
    // C divides in single precision (float / int) before printf widens it.
    let f = f32::from_bits;
    let mbps = |x: u32| f64::from(f32::from_bits(x) / 125000.0);
    match id {
        4 if plen == 4 => {
            let v = be32(d, p + 4)?;
            c.s("\n\t\tIS hop count: ");
            c.dec(v);
        }
        6 if plen == 4 => {
            let v = be32(d, p + 4)?;
            c.s("\n\t\tPath b/w estimate: ");
            c.s(&fmt_g(mbps(v)));
            c.s(" Mbps");
        }
        8 if plen == 4 => {
            c.s("\n\t\tMinimum path latency: ");
            let v = be32(d, p + 4)?;
            if v == 0xffff_ffff {
                c.s("don't care");
            } else {
                c.dec(v);
            }
        }
        10 if plen == 4 => {
            let v = be32(d, p + 4)?;
            c.s("\n\t\tComposed MTU: ");
            c.dec(v);
            c.s(" bytes");
        }
        127 if plen == 20 => {
            if bytes(d, p + 4, 20).is_err() {
                c.trunc_mark();
                return Ok(0);
            }
            c.s("\n\t\tToken Bucket Rate: ");
            c.s(&fmt_g(mbps(be32(d, p + 4)?)));
            c.s(" Mbps\n\t\tToken Bucket Size: ");
            c.s(&fmt_g(f64::from(f(be32(d, p + 8)?))));
            c.s(" bytes\n\t\tPeak Data Rate: ");
            c.s(&fmt_g(mbps(be32(d, p + 12)?)));
            c.s(" Mbps\n\t\tMinimum Policed Unit: ");
            c.dec(be32(d, p + 16)?);
            c.s(" bytes\n\t\tMaximum Packet Size: ");
            c.dec(be32(d, p + 20)?);
            c.s(" bytes");
        }
        130 if plen == 8 => {
            if bytes(d, p + 4, 8).is_err() {
                c.trunc_mark();
                return Ok(0);
            }
            c.s("\n\t\tRate: ");
            c.s(&fmt_g(mbps(be32(d, p + 4)?)));
            c.s(" Mbps\n\t\tSlack Term: ");
            c.dec(be32(d, p + 8)?);
        }
        133..=136 if plen == 4 => {
            let v = be32(d, p + 4)?;
            c.s("\n\t\tValue: ");
            c.dec(v);
        }
        4 | 6 | 8 | 10 | 127 | 130 | 133..=136 => {}
        _ => {
            if c.opts.verbose <= 1 {
                let avail = d.get(p + 4..).unwrap_or(&[]);
                hex_only(&mut c.o, "\n\t\t", &avail[..plen.min(avail.len())], 0);
            }
        }
    }
    Ok(plen + 4)
}

/// The generalized UNI object's sub-objects (OIF UNI 1.0).
fn uni(c: &mut Ctx, d: &[u8], ind: &str, b: usize, n: usize) -> R<Body> {
    if n < 4 {
        return Ok(Body::TooShort);
    }
    let mut total = n;
    let mut p = b;
    // tcpdump grows this instead of shrinking it, so in effect only the first
    // sub-object is checked against it.
    let mut otlen = n;
    let mut hexdump = false;
    let sub_short = |c: &mut Ctx| {
        c.s(ind);
        c.s("ERROR: sub-object is too short");
        Ok(Body::Stop)
    };
    while total > 0 {
        if total < 4 {
            c.invalid();
            return Ok(Body::Stop);
        }
        let slen = usize::from(be16(d, p)?);
        let ta = be16(d, p + 2)?;
        let (st, af) = ((ta >> 8) as u8, (ta & 0xff) as u8);
        c.s(ind);
        c.s("  Subobject Type: ");
        c.s(match st {
            1 => "Source TNA address",
            2 => "Destination TNA address",
            3 => "Diversity",
            4 => "Egress label",
            5 => "Service level",
            _ => "Unknown",
        });
        c.s(" (");
        c.dec(st);
        c.s("), AF: ");
        c.s(af_name(af.into()).unwrap_or("Unknown"));
        c.s(" (");
        c.dec(af);
        c.s("), length: ");
        c.dec(slen as u64);
        if slen < 4 || slen > total || otlen < slen {
            c.invalid();
            return Ok(Body::Stop);
        }
        match (st, af) {
            (1 | 2, 1) => {
                if slen < 8 {
                    return sub_short(c);
                }
                let a = bytes(d, p + 4, 4)?;
                c.s(ind);
                c.s("    UNI IPv4 TNA address: ");
                c.ipaddr(a);
            }
            (1 | 2, 2) => {
                if slen < 20 {
                    return sub_short(c);
                }
                let a = bytes(d, p + 4, 16)?;
                c.s(ind);
                c.s("    UNI IPv6 TNA address: ");
                c.ip6addr(a);
            }
            (1 | 2, 3) => hexdump = true,
            (1 | 2, _) => {}
            (3, _) => hexdump |= slen > 4,
            (4, _) => {
                if slen < 16 {
                    return sub_short(c);
                }
                let (v, port, label) = (be32(d, p + 4)?, be32(d, p + 8)?, be32(d, p + 12)?);
                c.s(ind);
                c.s("    U-bit: ");
                c.o.hex(u64::from(v >> 31));
                c.s(", Label type: ");
                c.dec(v & 0xff);
                c.s(", Logical port id: ");
                c.dec(port);
                c.s(", Label: ");
                c.dec(label);
            }
            (5, _) => {
                if slen < 8 {
                    return sub_short(c);
                }
                let v = be32(d, p + 4)?;
                c.s(ind);
                c.s("    Service level: ");
                c.dec(v >> 24);
            }
            _ => hexdump = true,
        }
        total -= slen;
        p += slen;
        otlen += slen;
    }
    Ok(if hexdump { Body::Hexdump } else { Body::Done })
}

fn l3pid(c: &mut Ctx, d: &[u8], ind: &str, p: usize) -> R {
    let t = be16(d, p + 2)?;
    c.s(ind);
    c.s("  L3 Protocol ID: ");
    match super::ether::ethertype_name(t) {
        Some(name) => c.s(name),
        None => {
            c.s("Unknown Protocol (0x");
            c.o.hexw(u64::from(t), 4);
            c.s(")");
        }
    }
    Ok(())
}

fn gmpls_payload(v: u16) -> &'static str {
    const NAMES: [&str; 59] = [
        "Unknown",
        "Reserved",
        "Reserved",
        "Reserved",
        "Reserved",
        "Asynchronous mapping of E4",
        "Asynchronous mapping of DS3/T3",
        "Asynchronous mapping of E3",
        "Bit synchronous mapping of E3",
        "Byte synchronous mapping of E3",
        "Asynchronous mapping of DS2/T2",
        "Bit synchronous mapping of DS2/T2",
        "Reserved",
        "Asynchronous mapping of E1",
        "Byte synchronous mapping of E1",
        "Byte synchronous mapping of 31 * DS0",
        "Asynchronous mapping of DS1/T1",
        "Bit synchronous mapping of DS1/T1",
        "Byte synchronous mapping of DS1/T1",
        "VC-11 in VC-12",
        "Reserved",
        "Reserved",
        "DS1 SF Asynchronous",
        "DS1 ESF Asynchronous",
        "DS3 M23 Asynchronous",
        "DS3 C-Bit Parity Asynchronous",
        "VT/LOVC",
        "STS SPE/HOVC",
        "POS - No Scrambling, 16 bit CRC",
        "POS - No Scrambling, 32 bit CRC",
        "POS - Scrambling, 16 bit CRC",
        "POS - Scrambling, 32 bit CRC",
        "ATM mapping",
        "Ethernet PHY",
        "SONET/SDH",
        "Reserved (SONET deprecated)",
        "Digital Wrapper",
        "Lambda",
        "ANSI/ETSI PDH",
        "Reserved",
        "Link Access Protocol SDH (X.85 and X.86)",
        "FDDI",
        "DQDB (ETSI ETS 300 216)",
        "FiberChannel-3 (Services)",
        "HDLC",
        "Ethernet V2/DIX (only)",
        "Ethernet 802.3 (only)",
        "G.709 ODUj",
        "G.709 OTUk(v)",
        "CBR/CBRa",
        "CBRb",
        "BSOT",
        "BSNT",
        "IP/PPP (GFP)",
        "Ethernet MAC (framed GFP)",
        "Ethernet PHY (transparent GFP)",
        "ESCON",
        "FICON",
        "Fiber Channel",
    ];
    NAMES.get(usize::from(v)).copied().unwrap_or("Unknown")
}

/// Object classes whose unknown C-Types tcpdump dumps in hex (classes it has a
/// decoder for); other classes are printed as unknown data at `-v`.
fn decoded_class(class: u8) -> bool {
    matches!(
        class,
        1 | 3
            | 4
            | 5
            | 6
            | 8
            | 9
            | 10
            | 11
            | 12
            | 13
            | 15
            | 16
            | 19
            | 20
            | 21
            | 22
            | 23
            | 24
            | 25
            | 34
            | 35
            | 36
            | 50
            | 63
            | 66
            | 125
            | 129
            | 131
            | 134
            | 195
            | 196
            | 204
            | 205
            | 207
            | 229
    )
}

/// tcpdump's print_unknown_data for what was captured of `n` bytes at `b`.
fn dump(c: &mut Ctx, d: &[u8], b: usize, n: usize) {
    let avail = d.get(b..).unwrap_or(&[]);
    hex_only(&mut c.o, "\n\t    ", &avail[..n.min(avail.len())], 0);
}

/// The objects of one message; false when tcpdump stopped on an error.
fn objects(c: &mut Ctx, d: &[u8], mut t: usize, mut tlen: usize, ind: &str) -> R<bool> {
    while tlen >= 4 {
        if bytes(d, t, 4).is_err() {
            c.trunc_mark();
            return Ok(false);
        }
        let olen = usize::from(be16(d, t)?);
        let ct = u8_at(d, t + 3)?;
        if olen % 4 != 0 {
            c.s(ind);
            c.s("ERROR: object header size ");
            c.dec(olen as u64);
            c.s(" not a multiple of 4");
            return Ok(false);
        }
        if olen < 4 {
            c.s(ind);
            c.s("ERROR: object header too short ");
            c.dec(olen as u64);
            c.s(" < 4");
            return Ok(false);
        }
        let class = u8_at(d, t + 2)?;
        c.s(ind);
        c.s(obj_name(class));
        c.s(" Object (");
        c.dec(class);
        c.s(") Flags: [");
        c.s(if class & 0x80 != 0 {
            if class & 0x40 != 0 {
                "ignore and forward"
            } else {
                "ignore silently"
            }
        } else {
            "reject"
        });
        c.s(" if unknown], Class-Type: ");
        c.s(ctype_name(class, ct));
        c.s(" (");
        c.dec(ct);
        c.s("), length: ");
        c.dec(olen as u64);
        if tlen < olen {
            c.s(ind);
            c.s("ERROR: object goes past end of objects TLV");
            return Ok(false);
        }
        if bytes(d, t, olen).is_err() {
            c.trunc_mark();
            return Ok(false);
        }
        match object(c, d, ind, class, ct, t + 4, olen - 4)? {
            Body::TooShort => {
                c.s(ind);
                c.s("ERROR: object is too short");
                return Ok(false);
            }
            Body::Stop => return Ok(false),
            Body::Hexdump => dump(c, d, t + 4, olen - 4),
            Body::Done => {
                if c.opts.verbose > 1 {
                    dump(c, d, t + 4, olen - 4);
                }
            }
        }
        t += olen;
        tlen -= olen;
    }
    Ok(true)
}

fn header(c: &mut Ctx, d: &[u8], p: usize, ind: &str) -> R<(u8, usize)> {
    let vf = u8_at(d, p)?;
    let t = u8_at(d, p + 1)?;
    let len = be16(d, p + 6)?;
    let (ttl, ck) = (u8_at(d, p + 4)?, be16(d, p + 2)?);
    c.s(ind);
    c.s("RSVPv");
    c.dec(vf >> 4);
    c.s(" ");
    match msg_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown, type: ");
            c.dec(t);
        }
    }
    c.s(" Message (");
    c.dec(t);
    c.s("), Flags: [");
    bits(
        c,
        &[(1, "Refresh reduction capable")],
        u32::from(vf & 0x0f),
        "none",
    );
    c.s("], length: ");
    c.dec(len);
    c.s(", ttl: ");
    c.dec(ttl);
    c.s(", checksum: 0x");
    c.o.hexw(u64::from(ck), 4);
    Ok((t, usize::from(len)))
}

/// An RSVP message of `len` bytes.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "rsvp";
    if bytes(d, 0, 8).is_err() {
        c.trunc_mark();
        return Ok(());
    }
    let vf = d[0];
    if vf >> 4 != 1 {
        c.s("ERROR: RSVP version ");
        c.dec(vf >> 4);
        c.s(" packet not supported");
        return Ok(());
    }
    let t = d[1];
    if c.opts.verbose == 0 {
        c.s("RSVPv");
        c.dec(vf >> 4);
        c.s(" ");
        match msg_name(t) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown (");
                c.dec(t);
                c.s(")");
            }
        }
        c.s(" Message, length: ");
        c.dec(len as u64);
        return Ok(());
    }
    let (t, tlen) = header(c, d, 0, "\n\t")?;
    if tlen < 8 {
        c.s("ERROR: common header too short ");
        c.dec(tlen as u64);
        c.s(" < 8");
        return Ok(());
    }
    let mut p = 8;
    let mut left = tlen - 8;
    match t {
        12 => {
            while left > 0 {
                if bytes(d, p, 8).is_err() {
                    c.trunc_mark();
                    return Ok(());
                }
                let vf = d[p];
                if vf >> 4 != 1 {
                    c.s("ERROR: RSVP version ");
                    c.dec(vf >> 4);
                    c.s(" packet not supported");
                    return Ok(());
                }
                let (_, sub) = header(c, d, p, "\n\t  ")?;
                if sub < 8 {
                    c.s("ERROR: common header too short ");
                    c.dec(sub as u64);
                    c.s(" < 8");
                    return Ok(());
                }
                if left < sub {
                    c.s("ERROR: common header too large ");
                    c.dec(sub as u64);
                    c.s(" > ");
                    c.dec(left as u64);
                    return Ok(());
                }
                if !objects(c, d, p + 8, sub - 8, "\n\t    ")? {
                    return Ok(());
                }
                p += sub;
                left -= sub;
            }
        }
        1..=7 | 13 | 14 | 15 | 20 => {
            objects(c, d, p, left, "\n\t  ")?;
        }
        _ => dump(c, d, p, left),
    }
    Ok(())
}
