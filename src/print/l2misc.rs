//! Small Ethernet-type protocols as tcpdump 4.99 prints them: the Ethernet
//! configuration testing protocol ("Loopback", type 0x9000, which Cisco
//! switches send as keepalives), PTP (IEEE 1588, type 0x88f7), MS NLB
//! heartbeats (0x886f) and MPCP (0x8808).

use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

/// A little-endian 16-bit field.
fn le16(d: &[u8], off: usize) -> R<u16> {
    let b = bytes(d, off, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

/// " (invalid)" and the check that the rest was captured.
fn invalid(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R {
    c.invalid();
    bytes(d, off, len).map(|_| ())
}

/// The configuration testing protocol: skip count, then the first message.
pub(crate) fn loopback(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "loopback";
    c.s("Loopback");
    if len < 2 {
        return invalid(c, d, 0, len);
    }
    let skip = usize::from(le16(d, 0)?);
    let (mut p, mut len) = (2usize, len - 2);
    c.s(", skipCount ");
    c.dec(skip as u64);
    if skip % 8 != 0 {
        c.s(" (bogus)");
    }
    if skip > len {
        return invalid(c, d, p, len);
    }
    bytes(d, p, skip)?;
    p += skip;
    len -= skip;
    if len < 2 {
        return invalid(c, d, p, len);
    }
    let function = le16(d, p)?;
    p += 2;
    len -= 2;
    c.s(", ");
    match function {
        1 => {
            c.s("Reply");
            if len < 2 {
                return invalid(c, d, p, len);
            }
            let receipt = le16(d, p)?;
            c.s(", receipt number ");
            c.dec(receipt);
            p += 2;
            len -= 2;
        }
        2 => {
            c.s("Forward Data");
            if len < 6 {
                return invalid(c, d, p, len);
            }
            let mac = bytes(d, p, 6)?;
            c.s(", forwarding address ");
            c.etheraddr(mac);
            p += 6;
            len -= 6;
        }
        _ => {
            c.s(" invalid (");
            c.dec(function);
            c.s(")");
            return bytes(d, p, len).map(|_| ());
        }
    }
    c.s(", data (");
    c.dec(len as u64);
    c.s(" octets)");
    bytes(d, p, len).map(|_| ())
}

fn ptp_msg_name(t: u8) -> &'static str {
    match t {
        0x0 => "sync msg",
        0x1 => "delay req msg",
        0x2 => "peer delay req msg",
        0x3 => "peer delay resp msg",
        0x8 => "follow up msg",
        0x9 => "delay resp msg",
        0xa => "pdelay resp fup msg",
        0xb => "announce msg",
        0xc => "signalling msg",
        0xd => "management msg",
        _ => "Reserved",
    }
}

fn ptp_control_name(t: u8) -> &'static str {
    match t {
        0 => "Sync",
        1 => "Delay_Req",
        2 => "Follow_Up",
        3 => "Delay_Resp",
        4 => "Management",
        5 => "Other",
        _ => "Reserved",
    }
}

const PTP_FLAGS: &[(u32, &str)] = &[
    (0x1, "l1 61"),
    (0x2, "l1 59"),
    (0x4, "utc reasonable"),
    (0x8, "timescale"),
    (0x10, "time tracable"),
    (0x20, "frequency tracable"),
    (0x100, "alternate master"),
    (0x200, "two step"),
    (0x400, "unicast"),
    (0x1000, "profile specific 1"),
    (0x2000, "profile specific 2"),
    (0x4000, "security mask"),
    (0x18c0, "unknown"),
];

fn be_n(d: &[u8], off: usize, n: usize) -> R<u64> {
    Ok(bytes(d, off, n)?
        .iter()
        .fold(0u64, |a, &b| (a << 8) | u64::from(b)))
}

/// IEEE 1588 PTP (Ethernet type 0x88f7; UDP ports 319/320 in tcpdump). Each
/// field is printed as soon as it is read, so a cut message ends mid-line, and
/// the message bodies are read from where tcpdump reads them.
pub(crate) fn ptp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ptp";
    if len < 34 {
        c.s(" [length ");
        c.dec(len as u64);
        c.s(" < 34]");
        c.invalid();
        return Ok(());
    }
    let version = be16(d, 0)? & 0xff;
    c.s("PTPv");
    c.dec(version);
    match version {
        1 => {
            c.s(" (not implemented)");
            return Ok(());
        }
        2 => {}
        _ => return Ok(()),
    }
    let first = u8_at(d, 0)?;
    let msg = first & 0x0f;
    c.s(", v1 compat : ");
    c.s(if first & 0x10 != 0 { "yes" } else { "no" });
    c.s(", msg type : ");
    c.s(ptp_msg_name(msg));
    let field = |c: &mut Ctx, label: &str, v: u64| {
        c.s(label);
        c.dec(v);
    };
    field(c, ", length : ", be_n(d, 2, 2)?);
    field(c, ", domain : ", be_n(d, 4, 2)? >> 8);
    field(c, ", reserved1 : ", be_n(d, 4, 2)? & 0xff);
    let flags = be16(d, 6)?;
    c.s(", Flags [");
    bittok(c, PTP_FLAGS, u32::from(flags), "none");
    c.s("]");
    field(c, ", NS correction : ", be_n(d, 8, 6)?);
    field(c, ", sub NS correction : ", be_n(d, 14, 2)?);
    field(c, ", reserved2 : ", be_n(d, 16, 4)?);
    let clock = be_n(d, 20, 8)?;
    c.s(", clock identity : 0x");
    c.o.hex(clock);
    field(c, ", port id : ", be_n(d, 28, 2)?);
    field(c, ", seq id : ", be_n(d, 30, 2)?);
    let control = u8_at(d, 32)?;
    c.s(", control : ");
    c.dec(control);
    c.s(" (");
    c.s(ptp_control_name(control));
    c.s(")");
    field(c, ", log message interval : ", be_n(d, 32, 2)? & 0xff);
    let b = 34;
    match msg {
        0x0 | 0x1 => ptp_timestamp(c, d, b, "originTimeStamp", false),
        0x8 => ptp_timestamp(c, d, b, "preciseOriginTimeStamp", false),
        0x2 | 0xa => ptp_timestamp(c, d, b, "preciseOriginTimeStamp", true),
        0x3 | 0x9 => ptp_timestamp(c, d, b, "receiveTimeStamp", true),
        0xb => ptp_announce(c, d, b),
        0xc => ptp_port_id(c, d, b),
        0xd => {
            ptp_port_id(c, d, b)?;
            // tcpdump reads all four fields from the byte after the header.
            for (label, hex) in [
                ("start boundary hops ", false),
                ("boundary hops ", false),
                ("flags ", true),
                ("reserved ", true),
            ] {
                let v = u8_at(d, b)?;
                c.s(", , ");
                c.s(label);
                if hex {
                    c.s(" 0x");
                    c.o.hex(u64::from(v));
                } else {
                    c.s(" ");
                    c.dec(v);
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn ptp_timestamp(c: &mut Ctx, d: &[u8], b: usize, what: &str, identity: bool) -> R {
    c.s(", ");
    c.s(what);
    c.s(" :");
    let secs = be_n(d, b, 6)?;
    c.s(" ");
    c.dec(secs);
    c.s(" seconds,");
    let ns = be_n(d, b + 6, 4)?;
    c.s(" ");
    c.dec(ns);
    c.s(" nanoseconds");
    if identity {
        ptp_port_id(c, d, b + 10)?;
    }
    Ok(())
}

fn ptp_port_id(c: &mut Ctx, d: &[u8], b: usize) -> R {
    let id = be_n(d, b, 8)?;
    c.s(", port identity : 0x");
    c.o.hex(id);
    let port = be_n(d, b + 8, 2)?;
    c.s(", port id : ");
    c.dec(port);
    Ok(())
}

fn ptp_announce(c: &mut Ctx, d: &[u8], b: usize) -> R {
    c.s(", originTimeStamp :");
    let secs = be_n(d, b, 6)?;
    c.s(" ");
    c.dec(secs);
    c.s(" seconds");
    let fields: [(&str, usize, usize); 9] = [
        (" nanoseconds", 6, 4),
        (", origin cur utc :", 10, 2),
        (", rsvd : ", 12, 1),
        (", gm priority_1 : ", 13, 1),
        (", gm clock class : ", 14, 1),
        (", gm clock accuracy : ", 15, 1),
        (", gm clock variance : ", 16, 2),
        (", gm priority_2 : ", 18, 1),
        (", gm clock id : 0x", 19, 8),
    ];
    for (i, (label, off, n)) in fields.into_iter().enumerate() {
        let v = be_n(d, b + off, n)?;
        if i == 0 {
            c.s(" ");
            c.dec(v);
            c.s(label);
        } else if n == 8 {
            c.s(label);
            c.o.hex(v);
        } else {
            c.s(label);
            c.dec(v);
        }
    }
    let steps = be_n(d, b + 27, 2)?;
    c.s(", steps removed : ");
    c.dec(steps);
    let src = u8_at(d, b + 29)?;
    c.s(", time source : 0x");
    c.o.hex(u64::from(src));
    Ok(())
}

/// tcpdump's bittok2str: the names of the entries whose bits are all set
/// (an entry of several bits needs all of them; a zero entry never matches),
/// joined with ", ", or `none`.
fn bittok(c: &mut Ctx, table: &[(u32, &str)], v: u32, none: &str) {
    let mut first = true;
    for &(mask, name) in table {
        if mask != 0 && v & mask == mask {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s(none);
    }
}

/// Microsoft Network Load Balancing heartbeat (Ethernet type 0x886f).
pub(crate) fn msnlb(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "msnlb";
    c.s("MS NLB heartbeat");
    let prio = bytes(d, 8, 4)?;
    c.s(", host priority: ");
    c.dec(u32::from_le_bytes([prio[0], prio[1], prio[2], prio[3]]));
    let vip = bytes(d, 12, 4)?;
    c.s(", cluster IP: ");
    c.ipaddr(vip);
    let hip = bytes(d, 16, 4)?;
    c.s(", host IP: ");
    c.ipaddr(hip);
    Ok(())
}

/// IEEE 802.3ah Multi-Point Control Protocol (Ethernet type 0x8808).
pub(crate) fn mpcp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "mpcp";
    let opcode = be16(d, 0)?;
    let ts = super::be32(d, 2)?;
    c.s("MPCP, Opcode ");
    match opcode {
        1 => c.s("Pause"),
        2 => c.s("Gate"),
        3 => c.s("Report"),
        4 => c.s("Register Request"),
        5 => c.s("Register"),
        6 => c.s("Register ACK"),
        _ => {
            c.s("Unknown (");
            c.dec(opcode);
            c.s(")");
        }
    }
    if opcode != 1 {
        c.s(", Timestamp ");
        c.dec(ts);
        c.s(" ticks");
    }
    c.s(", length ");
    c.dec(length as u64);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let mut p = 6usize;
    match opcode {
        1 => {}
        2 => {
            let b = u8_at(d, p)?;
            let grants = b & 7;
            c.s("\n\tGrant Numbers ");
            c.dec(grants);
            c.s(", Flags [ ");
            bittok(
                c,
                &[
                    (0x08, "Discovery"),
                    (0x10, "Force Grant #1"),
                    (0x20, "Force Grant #2"),
                    (0x40, "Force Grant #3"),
                    (0x80, "Force Grant #4"),
                ],
                u32::from(b & !7),
                "?",
            );
            c.s(" ]");
            p += 1;
            for g in 1..=grants {
                let start = super::be32(d, p)?;
                let dur = be16(d, p + 4)?;
                c.s("\n\tGrant #");
                c.dec(g);
                c.s(", Start-Time ");
                c.dec(start);
                c.s(" ticks, duration ");
                c.dec(dur);
                c.s(" ticks");
                p += 6;
            }
            let sync = be16(d, p)?;
            c.s("\n\tSync-Time ");
            c.dec(sync);
            c.s(" ticks");
        }
        3 => {
            let sets = u8_at(d, p)?;
            p += 1;
            c.s("\n\tTotal Queue-Sets ");
            c.dec(sets);
            for _ in 1..sets {
                let mut bitmap = u8_at(d, p)?;
                c.s("\n\t  Queue-Set #");
                c.dec(sets);
                c.s(", Report-Bitmap [ ");
                let table: Vec<(u32, &str)> = ["Q0", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (1u32 << i, *n))
                    .collect();
                bittok(c, &table, u32::from(bitmap), "Unknown");
                c.s(" ]");
                p += 1;
                let mut report = 1u32;
                while bitmap != 0 {
                    if bitmap & 1 != 0 {
                        let dur = be16(d, p)?;
                        c.s("\n\t    Q");
                        c.dec(report);
                        c.s(" Report, Duration ");
                        c.dec(dur);
                        c.s(" ticks");
                        p += 2;
                    }
                    report += 1;
                    bitmap >>= 1;
                }
            }
        }
        4 => {
            let flags = u8_at(d, p)?;
            let pending = u8_at(d, p + 1)?;
            c.s("\n\tFlags [ ");
            bittok(
                c,
                &[(1, "Register"), (3, "De-Register")],
                u32::from(flags),
                "Reserved",
            );
            c.s(" ], Pending-Grants ");
            c.dec(pending);
        }
        5 => {
            let port = be16(d, p)?;
            let flags = u8_at(d, p + 2)?;
            let sync = be16(d, p + 3)?;
            let echoed = u8_at(d, p + 5)?;
            c.s("\n\tAssigned-Port ");
            c.dec(port);
            c.s(", Flags [ ");
            bittok(
                c,
                &[
                    (1, "Re-Register"),
                    (2, "De-Register"),
                    (3, "ACK"),
                    (4, "NACK"),
                ],
                u32::from(flags),
                "Reserved",
            );
            c.s(" ]\n\tSync-Time ");
            c.dec(sync);
            c.s(" ticks, Echoed-Pending-Grants ");
            c.dec(echoed);
        }
        6 => {
            let flags = u8_at(d, p)?;
            let port = be16(d, p + 1)?;
            let sync = be16(d, p + 3)?;
            c.s("\n\tEchoed-Assigned-Port ");
            c.dec(port);
            c.s(", Flags [ ");
            bittok(c, &[(0, "NACK"), (1, "ACK")], u32::from(flags), "Reserved");
            c.s(" ]\n\tEchoed-Sync-Time ");
            c.dec(sync);
            c.s(" ticks");
        }
        _ => super::ppp::unknown_data(c, d, 0, "\n\t", length),
    }
    Ok(())
}
