//! The BSD time synchronization protocol of timed(8) (TSP, UDP 525): message
//! type, version, sequence number, the hop count or time the type carries, and
//! the sender's host name.

use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, u8_at};

const TYPES: [&str; 25] = [
    "ANY",
    "ADJTIME",
    "ACK",
    "MASTERREQ",
    "MASTERACK",
    "SETTIME",
    "MASTERUP",
    "SLAVEUP",
    "ELECTION",
    "ACCEPT",
    "REFUSE",
    "CONFLICT",
    "RESOLVE",
    "QUIT",
    "DATE",
    "DATEREQ",
    "DATEACK",
    "TRACEON",
    "TRACEOFF",
    "MSITE",
    "MSITEREQ",
    "TEST",
    "SETDATE",
    "SETDATEREQ",
    "LOOP",
];

const LOOP: u8 = 24;
/// Where the host name starts and how long it may be (MAXHOSTNAMELEN).
const NAME_AT: usize = 12;
const NAME_LEN: usize = 256;

/// tcpdump reads the message from the capture, whatever the UDP length says.
pub(crate) fn print(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "timed";
    let t = u8_at(d, 0)?;
    match TYPES.get(usize::from(t)) {
        Some(name) => {
            c.s("TSP_");
            c.s(name);
        }
        None => {
            c.s("(tsp_type 0x");
            c.o.hex(u64::from(t));
            c.s(")");
        }
    }
    let vers = u8_at(d, 1)?;
    c.s(" vers ");
    c.dec(vers);
    let seq = be16(d, 2)?;
    c.s(" seq ");
    c.dec(seq);
    match t {
        LOOP => {
            let hops = u8_at(d, 4)?;
            c.s(" hopcnt ");
            c.dec(hops);
        }
        1 | 5 | 22 | 23 => {
            let mut sec = be32(d, 4)? as i32;
            let mut usec = be32(d, 8)? as i32;
            if usec < 0 {
                return Ok(());
            }
            c.s(" time ");
            if sec < 0 && usec != 0 {
                sec += 1;
                if sec == 0 {
                    c.s("-");
                }
                usec = 1_000_000 - usec;
            }
            c.o.dec_i(i64::from(sec));
            c.s(".");
            // printf's "%06d": a negative value keeps its sign within the width.
            if usec < 0 {
                c.s("-");
                c.o.decw(u64::from(usec.unsigned_abs()), 5);
            } else {
                c.o.decw(usec as u64, 6);
            }
        }
        _ => {}
    }
    c.s(" name ");
    for i in 0..NAME_LEN {
        let b = u8_at(d, NAME_AT + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}
