//! NFS calls: the procedure's arguments after the RPC credentials.

use super::*;

pub(super) fn request(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
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
/// A body length's rounding up is 32-bit, so 0xffffffff rounds to 0 and passes
/// the capture check, while the step past the body is not: it lands far beyond
/// the capture, and the next read there is tcpdump's longjmp.
pub(super) fn parsereq(d: &[u8], mut length: usize) -> R<Option<usize>> {
    let mut dp = 24usize;
    if length < 8 {
        return Ok(None);
    }
    let len = be32(d, dp + 4)?;
    let rounded = len.wrapping_add(3) & !3;
    if bytes(d, dp + 8, rounded as usize).is_err() {
        return Ok(None);
    }
    if 8 + rounded as usize <= length {
        dp = dp.saturating_add((len as usize + 11) / 4 * 4);
        length -= 8 + rounded as usize;
        if length < 8 {
            return Ok(None);
        }
        let len = be32(d, dp.saturating_add(4))?;
        let rounded = len.wrapping_add(3) & !3;
        if bytes(d, dp + 8, rounded as usize).is_err() {
            return Ok(None);
        }
        if 8 + (rounded as usize) < length {
            return Ok(Some(dp.saturating_add((len as usize + 11) / 4 * 4)));
        }
    }
    Ok(None)
}

/// An NFSv3 sattr3; (what was set, the offset after it).
pub(super) struct Sattr {
    mode: Option<u32>,
    uid: Option<u32>,
    gid: Option<u32>,
    atime: Option<(u32, u32)>,
    mtime: Option<(u32, u32)>,
}

pub(super) fn parse_sattr3(d: &[u8], mut dp: usize) -> R<(Sattr, usize)> {
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

pub(super) fn print_sattr3(c: &mut Ctx, sa: &Sattr, verbose: u8) {
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

/// A procedure's arguments; false where tcpdump jumps to its truncation label.
pub(super) fn request_args(c: &mut Ctx, d: &[u8], length: usize, proc_: u32, v3: bool) -> R<bool> {
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
