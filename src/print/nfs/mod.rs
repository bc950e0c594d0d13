//! Sun RPC carrying NFS (UDP and TCP port 2049) as tcpdump 4.99 prints it: calls
//! to port 2049 as `NFS request xid N LEN proc ...` with the file handle, names,
//! offsets and counts of each NFSv2/v3 procedure; replies from port 2049 as
//! `NFS reply xid N reply ok LEN proc ...`, decoded through the procedure of the
//! call with the same xid and addresses (tcpdump's 64-entry ring of recent calls),
//! or with the RPC rejection reason.
//!
//! Reads go through `Ctx`'s conventions: `Err(Trunc)` is tcpdump's longjmp on a
//! read past the capture (` [|nfs]` at the end, whole line given up); `Ok(None)`
//! from a parser is its NULL return, which the procedure printers turn into the
//! same mark unless an NFS error was already printed.

use super::ip::IpInfo;
use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes};

mod fh;
mod reply;
mod request;
pub(crate) mod sunrpc;

use fh::*;
use reply::*;
use request::*;

/// The NFS procedure numbers tcpdump names (v3 numbering; v2 calls are mapped).
const PROC_NAMES: [&str; 22] = [
    "null",
    "getattr",
    "setattr",
    "lookup",
    "access",
    "readlink",
    "read",
    "write",
    "create",
    "mkdir",
    "symlink",
    "mknod",
    "remove",
    "rmdir",
    "rename",
    "link",
    "readdir",
    "readdirplus",
    "fsstat",
    "fsinfo",
    "pathconf",
    "commit",
];

const NOOP: u32 = 25;

/// NFSv2 procedure numbers in v3 numbering (tcpdump's nfsv3_procid).
const V2_TO_V3: [u32; 26] = [
    0, 1, 2, NOOP, 3, 5, 6, NOOP, 7, 8, 12, 14, 15, 10, 9, 13, 16, 18, NOOP, NOOP, NOOP, NOOP,
    NOOP, NOOP, NOOP, NOOP,
];

const GETATTR: u32 = 1;
const SETATTR: u32 = 2;
const LOOKUP: u32 = 3;
const ACCESS: u32 = 4;
const READLINK: u32 = 5;
const READ: u32 = 6;
const WRITE: u32 = 7;
const CREATE: u32 = 8;
const MKDIR: u32 = 9;
const SYMLINK: u32 = 10;
const MKNOD: u32 = 11;
const REMOVE: u32 = 12;
const RMDIR: u32 = 13;
const RENAME: u32 = 14;
const LINK: u32 = 15;
const READDIR: u32 = 16;
const READDIRPLUS: u32 = 17;
const FSSTAT: u32 = 18;
const FSINFO: u32 = 19;
const PATHCONF: u32 = 20;
const COMMIT: u32 = 21;
const NFS_PORT: u16 = 2049;
const V3_FATTR: usize = 84;
const V2_FATTR: usize = 68;

fn status_name(e: u32) -> Option<&'static str> {
    Some(match e {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        6 => "Device not configured",
        11 => "Resource deadlock avoided",
        12 => "Cannot allocate memory",
        13 => "Permission denied",
        17 => "File exists",
        18 => "Cross-device link",
        19 => "Operation not supported by device",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        26 => "Text file busy",
        27 => "File too large",
        28 => "No space left on device",
        30 => "Read-only file system",
        31 => "Too many links",
        45 => "Operation not supported",
        62 => "Too many levels of symbolic links",
        63 => "File name too long",
        66 => "Directory not empty",
        69 => "Disc quota exceeded",
        70 => "Stale NFS file handle",
        71 => "Too many levels of remote in path",
        99 => "Write cache flushed to disk",
        10001 => "Illegal NFS file handle",
        10002 => "Update synchronization mismatch",
        10003 => "READDIR/READDIRPLUS cookie is stale",
        10004 => "Operation not supported",
        10005 => "Buffer or request is too small",
        10006 => "Unspecified error on server",
        10007 => "Object of that type not supported",
        10008 => "Request couldn't be completed in time",
        _ => return None,
    })
}

fn type_name(t: u32) -> Option<&'static str> {
    Some(match t {
        0 => "NON",
        1 => "REG",
        2 => "DIR",
        3 => "BLK",
        4 => "CHR",
        5 => "LNK",
        7 => "FIFO",
        _ => return None,
    })
}

fn write_mode(c: &mut Ctx, m: u32) {
    match m {
        0 => c.s("unstable"),
        1 => c.s("datasync"),
        2 => c.s("filesync"),
        _ => {
            c.s("#");
            c.o.dec_i(i64::from(m as i32));
        }
    }
}

/// One remembered call: who asked whom, and for which procedure.
#[derive(Clone, Copy, Default)]
struct Call {
    xid: u32,
    ipver: u8,
    client: [u8; 16],
    server: [u8; 16],
    proc_: u32,
    vers: u32,
}

/// tcpdump's ring of the last 64 NFS calls, searched from the last hit.
pub(crate) struct XidMap {
    calls: [Call; 64],
    next: usize,
    hint: usize,
}

impl Default for XidMap {
    fn default() -> Self {
        XidMap {
            calls: [Call::default(); 64],
            next: 0,
            hint: 0,
        }
    }
}

fn addr16(a: &[u8]) -> [u8; 16] {
    let mut out = [0u8; 16];
    let n = a.len().min(16);
    out[..n].copy_from_slice(&a[..n]);
    out
}

impl XidMap {
    fn find(&mut self, xid: u32, ip: &IpInfo<'_>) -> Option<(u32, u32)> {
        let ipver = if ip.v6 { 6 } else { 4 };
        let (src, dst) = (addr16(ip.src), addr16(ip.dst));
        let mut i = self.hint;
        loop {
            let e = &self.calls[i];
            if e.ipver == ipver && e.xid == xid && e.server == src && e.client == dst {
                self.hint = i;
                return Some((e.proc_, e.vers));
            }
            i = (i + 1) % self.calls.len();
            if i == self.hint {
                return None;
            }
        }
    }
}

/// The RPC message at the start of a UDP payload, when it is an NFS call to
/// port 2049 or a reply from it: prints it and returns true.
pub(crate) fn udp(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    sport: u16,
    dport: u16,
    ip: &IpInfo<'_>,
) -> R<bool> {
    rpc(c, d, length, sport, dport, ip, "")
}

/// The same over TCP, after the record mark (only the first record is shown).
pub(crate) fn tcp(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    sport: u16,
    dport: u16,
    ip: &IpInfo<'_>,
) -> R<bool> {
    if length < 4 || d.len() < 4 {
        return Ok(false);
    }
    let frag = (be32(d, 0)? & 0x7fff_ffff) as usize;
    let frag = frag.min(length - 4);
    rpc(c, &d[4..], frag, sport, dport, ip, ": ")
}

fn rpc(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    sport: u16,
    dport: u16,
    ip: &IpInfo<'_>,
    lead: &str,
) -> R<bool> {
    if d.len() < 8 {
        return Ok(false);
    }
    let direction = be32(d, 4)?;
    let xid = be32(d, 0)?;
    if dport == NFS_PORT && direction == 0 {
        c.s(lead);
        c.s("NFS request xid ");
        c.dec(xid);
        c.s(" ");
        request(c, d, length, ip)?;
        return Ok(true);
    }
    if sport == NFS_PORT && direction == 1 {
        c.s(lead);
        c.s("NFS reply xid ");
        c.dec(xid);
        c.s(" ");
        reply(c, d, length, ip)?;
        return Ok(true);
    }
    Ok(false)
}

fn proc_name(c: &mut Ctx, p: u32) {
    c.s(" ");
    match PROC_NAMES.get(p as usize) {
        Some(n) => c.s(n),
        None if p == NOOP => c.s("nop"),
        None => {
            c.s("proc-");
            c.dec(p);
        }
    }
}

fn trunc_mark(c: &mut Ctx) {
    c.proto = "nfs";
    c.trunc_mark();
}

/// A file handle at `dp` (v3: length-prefixed); the offset after it.
fn parsefh(c: &mut Ctx, d: &[u8], dp: usize, v3: bool) -> R<Option<usize>> {
    let (words, dp) = if v3 {
        ((be32(d, dp)? / 4) as usize, dp + 4)
    } else {
        (8, dp)
    };
    let Some(fh) = words
        .checked_mul(4)
        .and_then(|n| d.get(dp..dp.checked_add(n)?))
    else {
        return Ok(None);
    };
    print_fh(c, fh, words);
    Ok(Some(dp + words * 4))
}

/// A counted string at `dp`, quoted; the offset after its padding.
fn parsefn(c: &mut Ctx, d: &[u8], dp: usize) -> R<Option<usize>> {
    let len = be32(d, dp)?;
    let dp = dp + 4;
    if u32::MAX - len < 3 {
        c.s("[cannot pad to 32-bit boundaries]");
        c.invalid();
        return Ok(None);
    }
    let len = len as usize;
    let rounded = len.next_multiple_of(4);
    let Ok(name) = bytes(d, dp, rounded) else {
        return Ok(None);
    };
    c.s("\"");
    for &ch in &name[..len] {
        print_char(c, ch);
    }
    c.s("\"");
    Ok(Some(dp + rounded))
}

fn parsefhn(c: &mut Ctx, d: &[u8], dp: usize, v3: bool) -> R<Option<usize>> {
    let Some(dp) = parsefh(c, d, dp, v3)? else {
        return Ok(None);
    };
    c.s(" ");
    parsefn(c, d, dp)
}

fn sec_usec(c: &mut Ctx, s: u32, us: u32) {
    c.dec(s);
    c.s(".");
    c.o.decw(us.into(), 6);
}

fn be64(d: &[u8], off: usize) -> R<u64> {
    Ok(u64::from(be32(d, off)?) << 32 | u64::from(be32(d, off + 4)?))
}
