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

fn request(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "nfs";
    c.dec(length as u64);
    if d.len() < 24 {
        trunc_mark(c);
        return Ok(());
    }
    let vers = be32(d, 16)?;
    let mut proc_ = be32(d, 20)?;
    let call = Call {
        xid: be32(d, 0)?,
        ipver: if ip.v6 { 6 } else { 4 },
        client: addr16(ip.src),
        server: addr16(ip.dst),
        proc_,
        vers,
    };
    let map = &mut c.nfs;
    map.calls[map.next] = call;
    map.next = (map.next + 1) % map.calls.len();
    let v3 = vers == 3;
    if !v3 && (proc_ as usize) < V2_TO_V3.len() {
        proc_ = V2_TO_V3[proc_ as usize];
    }
    proc_name(c, proc_);
    if !request_args(c, d, length, proc_, v3)? {
        trunc_mark(c);
    }
    Ok(())
}

/// Where the procedure's arguments start, past the credentials and verifier
/// (tcpdump's parsereq, which measures both against the whole message length).
fn parsereq(d: &[u8], mut length: usize) -> R<Option<usize>> {
    let mut dp = 24usize;
    if length < 8 {
        return Ok(None);
    }
    let len = be32(d, dp + 4)? as usize;
    let rounded = len.next_multiple_of(4);
    if bytes(d, dp + 8, rounded).is_err() {
        return Ok(None);
    }
    if 8 + rounded <= length {
        dp += (len + 11) / 4 * 4;
        length -= 8 + rounded;
        if length < 8 {
            return Ok(None);
        }
        let len = be32(d, dp + 4)? as usize;
        let rounded = len.next_multiple_of(4);
        if bytes(d, dp + 8, rounded).is_err() {
            return Ok(None);
        }
        if 8 + rounded < length {
            return Ok(Some(dp + (len + 11) / 4 * 4));
        }
    }
    Ok(None)
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

/// tcpdump's nfs_printfh: the file system and inode its server-OS heuristics
/// find in the handle, or the handle in hex when none fits.
fn print_fh(c: &mut Ctx, fh: &[u8], words: usize) {
    let b = |i: usize| fh.get(i).copied().unwrap_or(0);
    let be32at = |i: usize| u32::from_be_bytes([b(i), b(i + 1), b(i + 2), b(i + 3)]);
    let le32at = |i: usize| u32::from_le_bytes([b(i), b(i + 1), b(i + 2), b(i + 3)]);
    enum Kind {
        Unknown,
        Auspex,
        Bsd44,
        DecOsf,
        Irix4,
        SunOs4,
        SunOs5,
        Ultrix,
        VmsUcx,
        HpUx9,
    }
    let kind = if words < 4 {
        Kind::Unknown
    } else if b(0) == 0 && b(1) == 0 {
        if b(2) == 0 && b(3) == 0 {
            Kind::Auspex
        } else if b(4) != 0 && b(5) == 0 && b(8) == 12 && b(9) == 0 {
            Kind::DecOsf
        } else if b(4) == 0 && b(5) == 8 && b(6) == 0 && b(7) == 0 {
            Kind::Irix4
        } else {
            Kind::SunOs4
        }
    } else if b(2) == 0 && b(3) == 0 {
        if b(6) == 0 && b(7) == 0 {
            Kind::Bsd44
        } else if words >= 6 && b(21) == 0 && b(23) == 0 {
            Kind::Ultrix
        } else if b(9) == 10 {
            Kind::SunOs5
        } else {
            Kind::Unknown
        }
    } else if b(8) == 12 && b(9) == 0 {
        Kind::DecOsf
    } else if b(8) == 0 && b(9) == 10 {
        if b(4) == 0 && b(5) == 0 && b(6) == 0 && b(7) == 0 {
            Kind::HpUx9
        } else {
            Kind::SunOs5
        }
    } else if is_ucx(fh, words) {
        Kind::VmsUcx
    } else {
        Kind::Unknown
    };
    // (major, minor, inode)
    let (major, minor, ino) = match kind {
        Kind::Auspex => (b(6).into(), b(7).into(), be32at(12)),
        Kind::Bsd44 => (b(1).into(), b(0).into(), le32at(12)),
        Kind::DecOsf => {
            let t = le32at(0);
            ((t >> 20) & 0xfff, t & 0xfffff, le32at(12))
        }
        Kind::Irix4 => (b(2).into(), b(3).into(), be32at(8)),
        Kind::SunOs4 => (b(2).into(), b(3).into(), be32at(12)),
        Kind::SunOs5 => {
            let major = (u32::from(be16(fh, 0).unwrap_or(0)) >> 2) & 0x3fff;
            let minor = (u32::from(b(1)) << 16 | u32::from(b(2)) << 8 | u32::from(b(3))) & 0x3ffff;
            (major, minor, be32at(12))
        }
        Kind::Ultrix => (b(1).into(), b(0).into(), le32at(4)),
        Kind::HpUx9 => (
            b(0).into(),
            u32::from(b(1)) << 16 | u32::from(b(2)) << 8 | u32::from(b(3)),
            be32at(12),
        ),
        Kind::VmsUcx => {
            // The exported device name, cut at the first blank.
            let ino = u32::from(b(26)) << 24
                | u32::from(b(27)) << 16
                | u32::from(b(23)) << 8
                | u32::from(b(22));
            c.s(" fh ");
            for &ch in fh.iter().skip(1).take(words.min(64)) {
                if ch == 0 || ch == b' ' {
                    break;
                }
                print_char(c, ch);
            }
            c.s("/");
            c.dec(ino);
            return;
        }
        Kind::Unknown => {
            // "Unknown" cut to the handle's length in words, then the handle in hex.
            c.s(" fh ");
            c.s(&"Unknown"[..words.min(7)]);
            c.s("/");
            for &ch in fh.iter().take(32) {
                c.o.push(b"0123456789ABCDEF"[usize::from(ch >> 4)]);
                c.o.push(b"0123456789ABCDEF"[usize::from(ch & 15)]);
            }
            return;
        }
    };
    c.s(" fh ");
    c.dec(major);
    c.s(",");
    c.dec(minor);
    c.s("/");
    c.dec(ino);
}

/// A VMS UCX handle: printable device name, then NULs, in bytes 1..14.
fn is_ucx(fh: &[u8], words: usize) -> bool {
    if words < 7 {
        return false;
    }
    let mut seen_null = false;
    for &ch in &fh[1..14] {
        if (0x20..0x7f).contains(&ch) {
            if seen_null {
                return false;
            }
        } else if ch == 0 {
            seen_null = true;
        } else {
            return false;
        }
    }
    true
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

/// An NFSv3 sattr3; (what was set, the offset after it).
struct Sattr {
    mode: Option<u32>,
    uid: Option<u32>,
    gid: Option<u32>,
    atime: Option<(u32, u32)>,
    mtime: Option<(u32, u32)>,
}

fn parse_sattr3(d: &[u8], mut dp: usize) -> R<(Sattr, usize)> {
    let opt = |dp: &mut usize| -> R<Option<u32>> {
        let set = be32(d, *dp)?;
        *dp += 4;
        if set != 0 {
            let v = be32(d, *dp)?;
            *dp += 4;
            Ok(Some(v))
        } else {
            Ok(None)
        }
    };
    let mode = opt(&mut dp)?;
    let uid = opt(&mut dp)?;
    let gid = opt(&mut dp)?;
    let _size = opt(&mut dp)?;
    let time = |dp: &mut usize| -> R<Option<(u32, u32)>> {
        let how = be32(d, *dp)?;
        *dp += 4;
        if how == 2 {
            let s = be32(d, *dp)?;
            let ns = be32(d, *dp + 4)?;
            *dp += 8;
            Ok(Some((s, ns)))
        } else {
            Ok(None)
        }
    };
    let atime = time(&mut dp)?;
    let mtime = time(&mut dp)?;
    Ok((
        Sattr {
            mode,
            uid,
            gid,
            atime,
            mtime,
        },
        dp,
    ))
}

fn sec_usec(c: &mut Ctx, s: u32, us: u32) {
    c.dec(s);
    c.s(".");
    c.o.decw(us.into(), 6);
}

fn print_sattr3(c: &mut Ctx, sa: &Sattr, verbose: u8) {
    if let Some(m) = sa.mode {
        c.s(" mode ");
        c.s(&format!("{m:o}"));
    }
    if let Some(u) = sa.uid {
        c.s(" uid ");
        c.dec(u);
    }
    if let Some(g) = sa.gid {
        c.s(" gid ");
        c.dec(g);
    }
    if verbose > 1 {
        if let Some((s, ns)) = sa.atime {
            c.s(" atime ");
            sec_usec(c, s, ns);
        }
        if let Some((s, ns)) = sa.mtime {
            c.s(" mtime ");
            sec_usec(c, s, ns);
        }
    }
}

fn be64(d: &[u8], off: usize) -> R<u64> {
    Ok(u64::from(be32(d, off)?) << 32 | u64::from(be32(d, off + 4)?))
}

/// A procedure's arguments; false where tcpdump jumps to its truncation label.
fn request_args(c: &mut Ctx, d: &[u8], length: usize, proc_: u32, v3: bool) -> R<bool> {
    let verbose = c.opts.verbose;
    macro_rules! req {
        () => {
            match parsereq(d, length)? {
                Some(dp) => dp,
                None => return Ok(false),
            }
        };
    }
    macro_rules! some {
        ($e:expr) => {
            match $e? {
                Some(dp) => dp,
                None => return Ok(false),
            }
        };
    }
    match proc_ {
        GETATTR | SETATTR | READLINK | FSSTAT | FSINFO | PATHCONF => {
            let dp = req!();
            some!(parsefh(c, d, dp, v3));
        }
        LOOKUP | CREATE | MKDIR | REMOVE | RMDIR => {
            let dp = req!();
            some!(parsefhn(c, d, dp, v3));
        }
        ACCESS => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            let flags = be32(d, dp)?;
            if flags & !0x3f != 0 {
                c.s(" ");
                c.o.hexw(flags.into(), 4);
            } else if flags == 0x3f {
                c.s(" NFS_ACCESS_FULL");
            } else {
                let mut sep = " ";
                for (bit, name) in [
                    (1, "NFS_ACCESS_READ"),
                    (2, "NFS_ACCESS_LOOKUP"),
                    (4, "NFS_ACCESS_MODIFY"),
                    (8, "NFS_ACCESS_EXTEND"),
                    (0x10, "NFS_ACCESS_DELETE"),
                    (0x20, "NFS_ACCESS_EXECUTE"),
                ] {
                    if flags & bit != 0 {
                        c.s(sep);
                        c.s(name);
                        sep = "|";
                    }
                }
            }
        }
        READ => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            // Every field of one tcpdump printf is read before any is printed.
            let (count, off) = if v3 {
                (be32(d, dp + 8)?, be64(d, dp)?)
            } else {
                (be32(d, dp + 4)?, be32(d, dp)?.into())
            };
            c.s(" ");
            c.dec(count);
            c.s(" bytes @ ");
            c.dec(off);
        }
        WRITE => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            if v3 {
                let (len, count, off) = (be32(d, dp + 16)?, be32(d, dp + 8)?, be64(d, dp)?);
                c.s(" ");
                c.dec(len);
                c.s(" (");
                c.dec(count);
                c.s(") bytes @ ");
                c.dec(off);
                if verbose > 0 {
                    let m = be32(d, dp + 12)?;
                    c.s(" <");
                    write_mode(c, m);
                    c.s(">");
                }
            } else {
                let v = [
                    be32(d, dp + 12)?,
                    be32(d, dp + 8)?,
                    be32(d, dp + 4)?,
                    be32(d, dp)?,
                ];
                c.s(" ");
                c.dec(v[0]);
                c.s(" (");
                c.dec(v[1]);
                c.s(") bytes @ ");
                c.dec(v[2]);
                c.s(" (");
                c.dec(v[3]);
                c.s(")");
            }
        }
        SYMLINK => {
            let dp = req!();
            let mut dp = some!(parsefhn(c, d, dp, v3));
            c.s(" ->");
            let mut sa = None;
            if v3 {
                let (s, next) = parse_sattr3(d, dp)?;
                sa = Some(s);
                dp = next;
            }
            some!(parsefn(c, d, dp));
            if let Some(sa) = sa.filter(|_| verbose > 0) {
                print_sattr3(c, &sa, verbose);
            }
        }
        MKNOD => {
            let dp = req!();
            let dp = some!(parsefhn(c, d, dp, v3));
            let t = be32(d, dp)?;
            let (sa, dp) = parse_sattr3(d, dp + 4)?;
            c.s(" ");
            match type_name(t) {
                Some(n) => c.s(n),
                None => {
                    c.s("unk-ft ");
                    c.dec(t);
                }
            }
            if verbose > 0 && (t == 4 || t == 3) {
                let (major, minor) = (be32(d, dp)?, be32(d, dp + 4)?);
                c.s(" ");
                c.dec(major);
                c.s("/");
                c.dec(minor);
            }
            if verbose > 0 {
                print_sattr3(c, &sa, verbose);
            }
        }
        RENAME => {
            let dp = req!();
            let dp = some!(parsefhn(c, d, dp, v3));
            c.s(" ->");
            some!(parsefhn(c, d, dp, v3));
        }
        LINK => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            c.s(" ->");
            some!(parsefhn(c, d, dp, v3));
        }
        READDIR => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            if v3 {
                let (count, cookie) = (be32(d, dp + 16)?, be64(d, dp)?);
                c.s(" ");
                c.dec(count);
                c.s(" bytes @ ");
                c.o.dec_i(cookie as i64);
                if verbose > 0 {
                    let verf = (be32(d, dp + 8)?, be32(d, dp + 12)?);
                    c.s(" verf ");
                    c.o.hexw(verf.0.into(), 8);
                    c.o.hexw(verf.1.into(), 8);
                }
            } else {
                let (count, cookie) = (be32(d, dp + 4)?, be32(d, dp)?);
                c.s(" ");
                c.dec(count);
                c.s(" bytes @ ");
                c.dec(cookie);
            }
        }
        READDIRPLUS => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            let (count, cookie) = (be32(d, dp + 16)?, be64(d, dp)?);
            c.s(" ");
            c.dec(count);
            c.s(" bytes @ ");
            c.o.dec_i(cookie as i64);
            if verbose > 0 {
                let (max, v1, v2) = (be32(d, dp + 20)?, be32(d, dp + 8)?, be32(d, dp + 12)?);
                c.s(" max ");
                c.dec(max);
                c.s(" verf ");
                c.o.hexw(v1.into(), 8);
                c.o.hexw(v2.into(), 8);
            }
        }
        COMMIT => {
            let dp = req!();
            let dp = some!(parsefh(c, d, dp, v3));
            let (count, off) = (be32(d, dp + 8)?, be64(d, dp)?);
            c.s(" ");
            c.dec(count);
            c.s(" bytes @ ");
            c.dec(off);
        }
        _ => {}
    }
    Ok(true)
}

fn reply(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "nfs";
    if d.len() < 12 {
        trunc_mark(c);
        return Ok(());
    }
    match be32(d, 8)? {
        0 => {
            c.s("reply ok ");
            c.dec(length as u64);
            let xid = be32(d, 0)?;
            if let Some((proc_, vers)) = c.nfs.find(xid, ip) {
                interp_reply(c, d, length, proc_, vers)?;
            }
        }
        1 => {
            c.s("reply ERR ");
            c.dec(length as u64);
            c.s(": ");
            if d.len() < 16 {
                trunc_mark(c);
                return Ok(());
            }
            match be32(d, 12)? {
                0 => {
                    if d.len() < 24 {
                        trunc_mark(c);
                        return Ok(());
                    }
                    c.s("RPC Version mismatch (");
                    c.dec(be32(d, 16)?);
                    c.s("-");
                    c.dec(be32(d, 20)?);
                    c.s(")");
                }
                1 => {
                    if d.len() < 20 {
                        trunc_mark(c);
                        return Ok(());
                    }
                    let why = be32(d, 16)?;
                    c.s("Auth ");
                    let name = match why {
                        0 => "OK",
                        1 => "Bogus Credentials (seal broken)",
                        2 => "Rejected Credentials (client should begin new session)",
                        3 => "Bogus Verifier (seal broken)",
                        4 => "Verifier expired or was replayed",
                        5 => "Credentials are too weak",
                        6 => "Bogus response verifier",
                        7 => "Unknown failure",
                        _ => {
                            c.s("Invalid failure code ");
                            c.dec(why);
                            return Ok(());
                        }
                    };
                    c.s(name);
                }
                r => {
                    c.s("Unknown reason for rejecting rpc message ");
                    c.dec(r);
                }
            }
        }
        s => {
            c.s("reply Unknown rpc response code=");
            c.dec(s);
            c.s(" ");
            c.dec(length as u64);
        }
    }
    Ok(())
}

/// Reply-side parsing state: whether an RPC or NFS error was printed (which
/// suppresses the truncation mark).
struct Rep<'a> {
    d: &'a [u8],
    err: bool,
}

impl Rep<'_> {
    /// Where the results start (tcpdump's parserep).
    fn start(&mut self, c: &mut Ctx, length: usize) -> R<Option<usize>> {
        let len = be32(self.d, 16)? as usize;
        if len >= length {
            return Ok(None);
        }
        let dp = 12 + (len + 11) / 4 * 4;
        let astat = be32(self.d, dp)?;
        if astat != 0 {
            c.s(" ");
            let name = match astat {
                1 => "PROG_UNAVAIL",
                2 => "PROG_MISMATCH",
                3 => "PROC_UNAVAIL",
                4 => "GARBAGE_ARGS",
                5 => "SYSTEM_ERR",
                _ => {
                    c.s("ar_stat ");
                    c.dec(astat);
                    self.err = true;
                    return Ok(None);
                }
            };
            c.s(name);
            self.err = true;
            return Ok(None);
        }
        Ok(Some(dp + 4))
    }

    fn status(&mut self, c: &mut Ctx, dp: usize) -> R<(u32, usize)> {
        let e = be32(self.d, dp)?;
        if e != 0 {
            c.s(" ERROR: ");
            match status_name(e) {
                Some(n) => c.s(n),
                None => {
                    c.s("unk ");
                    c.dec(e);
                }
            }
            self.err = true;
        }
        Ok((e, dp + 4))
    }

    fn fattr(&self, c: &mut Ctx, dp: usize, verbose: u8, v3: bool) -> R<Option<usize>> {
        let d = self.d;
        if d.len() < dp + 20 {
            return Ok(None);
        }
        if verbose > 0 {
            let t = be32(d, dp)?;
            c.s(" ");
            match type_name(t) {
                Some(n) => c.s(n),
                None => {
                    c.s("unk-ft ");
                    c.dec(t);
                    c.s(" ");
                }
            }
            c.s(" ");
            c.s(&format!("{:o}", be32(d, dp + 4)?));
            c.s(" ids ");
            c.o.dec_i(i64::from(be32(d, dp + 12)? as i32));
            c.s("/");
            c.o.dec_i(i64::from(be32(d, dp + 16)? as i32));
            let size = if v3 {
                be64(d, dp + 20)?
            } else {
                be32(d, dp + 20)?.into()
            };
            c.s(" sz ");
            c.dec(size);
        }
        if verbose > 1 {
            if v3 {
                if d.len() < dp + 84 {
                    return Ok(None);
                }
                c.s(" nlink ");
                c.dec(be32(d, dp + 8)?);
                c.s(" rdev ");
                c.dec(be32(d, dp + 36)?);
                c.s("/");
                c.dec(be32(d, dp + 40)?);
                c.s(" fsid ");
                c.o.hex(be64(d, dp + 44)?);
                c.s(" fileid ");
                c.o.hex(be64(d, dp + 52)?);
                c.s(" a/m/ctime ");
                sec_usec(c, be32(d, dp + 60)?, be32(d, dp + 64)?);
                c.s(" ");
                sec_usec(c, be32(d, dp + 68)?, be32(d, dp + 72)?);
                c.s(" ");
                sec_usec(c, be32(d, dp + 76)?, be32(d, dp + 80)?);
            } else {
                if d.len() < dp + 68 {
                    return Ok(None);
                }
                c.s(" nlink ");
                c.dec(be32(d, dp + 8)?);
                c.s(" rdev 0x");
                c.o.hex(be32(d, dp + 28)?.into());
                c.s(" fsid 0x");
                c.o.hex(be32(d, dp + 36)?.into());
                c.s(" nodeid 0x");
                c.o.hex(be32(d, dp + 40)?.into());
                c.s(" a/m/ctime ");
                sec_usec(c, be32(d, dp + 44)?, be32(d, dp + 48)?);
                c.s(" ");
                sec_usec(c, be32(d, dp + 52)?, be32(d, dp + 56)?);
                c.s(" ");
                sec_usec(c, be32(d, dp + 60)?, be32(d, dp + 64)?);
            }
        }
        Ok(Some(dp + if v3 { V3_FATTR } else { V2_FATTR }))
    }

    fn attrstat(&mut self, c: &mut Ctx, dp: usize, verbose: u8, v3: bool) -> R<bool> {
        let (e, dp) = self.status(c, dp)?;
        if e != 0 {
            return Ok(true);
        }
        Ok(self.fattr(c, dp, verbose, v3)?.is_some())
    }

    fn diropres(&mut self, c: &mut Ctx, dp: usize) -> R<bool> {
        let (e, dp) = self.status(c, dp)?;
        if e != 0 {
            return Ok(true);
        }
        let Some(dp) = parsefh(c, self.d, dp, false)? else {
            return Ok(false);
        };
        let v = c.opts.verbose;
        Ok(self.fattr(c, dp, v, false)?.is_some())
    }

    fn post_op(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        if be32(self.d, dp)? == 0 {
            return Ok(Some(dp + 4));
        }
        if verbose > 0 {
            self.fattr(c, dp + 4, verbose, true)
        } else {
            Ok(Some(dp + 4 + V3_FATTR))
        }
    }

    fn pre_op(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        let d = self.d;
        if be32(d, dp)? == 0 {
            return Ok(Some(dp + 4));
        }
        let dp = dp + 4;
        if d.len() < dp + 24 {
            return Ok(None);
        }
        if verbose > 1 {
            c.s(" sz ");
            c.dec(be64(d, dp)?);
            c.s(" mtime ");
            sec_usec(c, be32(d, dp + 8)?, be32(d, dp + 12)?);
            c.s(" ctime ");
            sec_usec(c, be32(d, dp + 16)?, be32(d, dp + 20)?);
        }
        Ok(Some(dp + 24))
    }

    fn wcc(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        if verbose > 1 {
            c.s(" PRE:");
        }
        let Some(dp) = self.pre_op(c, dp, verbose)? else {
            return Ok(None);
        };
        if verbose > 0 {
            c.s(" POST:");
        }
        self.post_op(c, dp, verbose)
    }

    fn wccres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        let (_, dp) = self.status(c, dp)?;
        self.wcc(c, dp, verbose)
    }

    fn createopres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        let (e, dp) = self.status(c, dp)?;
        if e != 0 {
            return self.wcc(c, dp, verbose);
        }
        if be32(self.d, dp)? == 0 {
            return Ok(Some(dp + 4));
        }
        let Some(mut dp) = parsefh(c, self.d, dp + 4, true)? else {
            return Ok(None);
        };
        if verbose > 0 {
            let Some(next) = self.post_op(c, dp, verbose)? else {
                return Ok(None);
            };
            dp = next;
            if c.opts.verbose > 1 {
                c.s(" dir attr:");
                return self.wcc(c, dp, verbose);
            }
        }
        Ok(Some(dp))
    }

    fn v3rddirres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        let (e, dp) = self.status(c, dp)?;
        if c.opts.verbose > 0 {
            c.s(" POST:");
        }
        let Some(dp) = self.post_op(c, dp, verbose)? else {
            return Ok(None);
        };
        if e != 0 {
            return Ok(Some(dp));
        }
        if c.opts.verbose > 0 {
            let verf = (be32(self.d, dp)?, be32(self.d, dp + 4)?);
            c.s(" verf ");
            c.o.hexw(verf.0.into(), 8);
            c.o.hexw(verf.1.into(), 8);
            return Ok(Some(dp + 8));
        }
        Ok(Some(dp))
    }
}

/// A reply decoded by the procedure and version of its call.
fn interp_reply(c: &mut Ctx, d: &[u8], length: usize, mut proc_: u32, vers: u32) -> R {
    let v3 = vers == 3;
    if !v3 && (proc_ as usize) < V2_TO_V3.len() {
        proc_ = V2_TO_V3[proc_ as usize];
    }
    proc_name(c, proc_);
    let mut r = Rep { d, err: false };
    let ok = reply_results(c, &mut r, length, proc_, v3)?;
    if !ok && !r.err {
        trunc_mark(c);
    }
    Ok(())
}

fn reply_results(c: &mut Ctx, r: &mut Rep<'_>, length: usize, proc_: u32, v3: bool) -> R<bool> {
    let v = c.opts.verbose;
    let d = r.d;
    macro_rules! some {
        ($e:expr) => {
            match $e? {
                Some(dp) => dp,
                None => return Ok(false),
            }
        };
    }
    macro_rules! ok {
        ($e:expr) => {
            if !$e? {
                return Ok(false);
            }
        };
    }
    match proc_ {
        GETATTR => {
            let dp = some!(r.start(c, length));
            ok!(r.attrstat(c, dp, 1, v3));
        }
        SETATTR => {
            let dp = some!(r.start(c, length));
            if v3 {
                some!(r.wccres(c, dp, v));
            } else {
                ok!(r.attrstat(c, dp, 1, false));
            }
        }
        LOOKUP => {
            let dp = some!(r.start(c, length));
            if v3 {
                let (e, dp) = r.status(c, dp)?;
                if e != 0 {
                    if v > 1 {
                        c.s(" post dattr:");
                        some!(r.post_op(c, dp, v));
                    }
                } else {
                    let dp = some!(parsefh(c, d, dp, true));
                    let dp = some!(r.post_op(c, dp, v));
                    if v > 1 {
                        c.s(" post dattr:");
                        some!(r.post_op(c, dp, v));
                    }
                }
            } else {
                ok!(r.diropres(c, dp));
            }
        }
        ACCESS => {
            let dp = some!(r.start(c, length));
            let (e, dp) = r.status(c, dp)?;
            if v > 0 {
                c.s(" attr:");
            }
            let dp = some!(r.post_op(c, dp, v));
            if e == 0 {
                let bits = be32(d, dp)?;
                c.s(" c ");
                c.o.hexw(bits.into(), 4);
            }
        }
        READLINK => {
            let dp = some!(r.start(c, length));
            let (e, mut dp) = r.status(c, dp)?;
            if e != 0 {
                return Ok(true);
            }
            if v3 {
                dp = some!(r.post_op(c, dp, v));
            }
            c.s(" ");
            some!(parsefn(c, d, dp));
        }
        READ => {
            let dp = some!(r.start(c, length));
            if v3 {
                let (e, dp) = r.status(c, dp)?;
                let dp = some!(r.post_op(c, dp, v));
                if e == 0 && v > 0 {
                    let n = be32(d, dp)?;
                    c.s(" ");
                    c.dec(n);
                    c.s(" bytes");
                    if be32(d, dp + 4)? != 0 {
                        c.s(" EOF");
                    }
                }
            } else {
                ok!(r.attrstat(c, dp, v, false));
            }
        }
        WRITE => {
            let dp = some!(r.start(c, length));
            if v3 {
                let (e, dp) = r.status(c, dp)?;
                let dp = some!(r.wcc(c, dp, v));
                if e == 0 && v > 0 {
                    let n = be32(d, dp)?;
                    c.s(" ");
                    c.dec(n);
                    c.s(" bytes");
                    if v > 1 {
                        let m = be32(d, dp + 4)?;
                        c.s(" <");
                        write_mode(c, m);
                        c.s(">");
                        let verf = be64(d, dp + 8)?;
                        c.s(" verf ");
                        c.o.hex(verf);
                    }
                }
                return Ok(true);
            }
            ok!(r.attrstat(c, dp, v, false));
        }
        CREATE | MKDIR => {
            let dp = some!(r.start(c, length));
            if v3 {
                some!(r.createopres(c, dp, v));
            } else {
                ok!(r.diropres(c, dp));
            }
        }
        SYMLINK => {
            let dp = some!(r.start(c, length));
            if v3 {
                some!(r.createopres(c, dp, v));
            } else {
                r.status(c, dp)?;
            }
        }
        MKNOD => {
            let dp = some!(r.start(c, length));
            some!(r.createopres(c, dp, v));
        }
        REMOVE | RMDIR => {
            let dp = some!(r.start(c, length));
            if v3 {
                some!(r.wccres(c, dp, v));
            } else {
                r.status(c, dp)?;
            }
        }
        RENAME => {
            let dp = some!(r.start(c, length));
            let (_, dp) = r.status(c, dp)?;
            if v3 && v > 0 {
                c.s(" from:");
                let dp = some!(r.wcc(c, dp, v));
                c.s(" to:");
                some!(r.wcc(c, dp, v));
            }
        }
        LINK => {
            let dp = some!(r.start(c, length));
            let (_, dp) = r.status(c, dp)?;
            if v3 {
                if v > 0 {
                    c.s(" file POST:");
                    let dp = some!(r.post_op(c, dp, v));
                    c.s(" dir:");
                    some!(r.wcc(c, dp, v));
                }
                return Ok(true);
            }
        }
        READDIR => {
            let dp = some!(r.start(c, length));
            if v3 {
                some!(r.v3rddirres(c, dp, v));
            } else {
                let (e, dp) = r.status(c, dp)?;
                if e == 0 {
                    let (off, size) = (be32(d, dp)?, be32(d, dp + 4)?);
                    c.s(" offset 0x");
                    c.o.hex(off.into());
                    c.s(" size ");
                    c.dec(size);
                    c.s(" ");
                    if be32(d, dp + 8)? != 0 {
                        c.s(" eof");
                    }
                }
            }
        }
        READDIRPLUS => {
            let dp = some!(r.start(c, length));
            some!(r.v3rddirres(c, dp, v));
        }
        FSSTAT => {
            let dp = some!(r.start(c, length));
            let (e, mut dp) = r.status(c, dp)?;
            if !v3 && e != 0 {
                return Ok(true);
            }
            if v3 {
                if v > 0 {
                    c.s(" POST:");
                }
                dp = some!(r.post_op(c, dp, v));
            }
            if d.len() < dp + if v3 { 52 } else { 20 } {
                return Ok(false);
            }
            if v3 {
                c.s(" tbytes ");
                c.dec(be64(d, dp)?);
                c.s(" fbytes ");
                c.dec(be64(d, dp + 8)?);
                c.s(" abytes ");
                c.dec(be64(d, dp + 16)?);
                if v > 0 {
                    c.s(" tfiles ");
                    c.dec(be64(d, dp + 24)?);
                    c.s(" ffiles ");
                    c.dec(be64(d, dp + 32)?);
                    c.s(" afiles ");
                    c.dec(be64(d, dp + 40)?);
                    c.s(" invar ");
                    c.dec(be32(d, dp + 48)?);
                }
            } else {
                for (i, name) in [" tsize ", " bsize ", " blocks ", " bfree ", " bavail "]
                    .iter()
                    .enumerate()
                {
                    c.s(name);
                    c.dec(be32(d, dp + 4 * i)?);
                }
            }
        }
        FSINFO => {
            let dp = some!(r.start(c, length));
            let (e, dp) = r.status(c, dp)?;
            if v > 0 {
                c.s(" POST:");
            }
            let dp = some!(r.post_op(c, dp, v));
            if e != 0 {
                return Ok(true);
            }
            if d.len() < dp + 48 {
                return Ok(false);
            }
            for (off, name) in [
                (0, " rtmax "),
                (4, " rtpref "),
                (12, " wtmax "),
                (16, " wtpref "),
                (24, " dtpref "),
            ] {
                c.s(name);
                c.dec(be32(d, dp + off)?);
            }
            if v > 0 {
                c.s(" rtmult ");
                c.dec(be32(d, dp + 8)?);
                c.s(" wtmult ");
                c.dec(be32(d, dp + 20)?);
                c.s(" maxfsz ");
                c.dec(be64(d, dp + 28)?);
                c.s(" delta ");
                sec_usec(c, be32(d, dp + 36)?, be32(d, dp + 40)?);
                c.s(" ");
            }
        }
        PATHCONF => {
            let dp = some!(r.start(c, length));
            let (e, dp) = r.status(c, dp)?;
            if v > 0 {
                c.s(" POST:");
            }
            let dp = some!(r.post_op(c, dp, v));
            if e != 0 {
                return Ok(true);
            }
            if d.len() < dp + 24 {
                return Ok(false);
            }
            c.s(" linkmax ");
            c.dec(be32(d, dp)?);
            c.s(" namemax ");
            c.dec(be32(d, dp + 4)?);
            for (off, word) in [
                (8, "notrunc"),
                (12, "chownres"),
                (16, "igncase"),
                (20, "keepcase"),
            ] {
                c.s(" ");
                if be32(d, dp + off)? != 0 {
                    c.s(word);
                }
            }
        }
        COMMIT => {
            let dp = some!(r.start(c, length));
            let dp = some!(r.wccres(c, dp, v));
            if v > 1 {
                let verf = be64(d, dp)?;
                c.s(" verf ");
                c.o.hex(verf);
            }
        }
        _ => {}
    }
    Ok(true)
}
