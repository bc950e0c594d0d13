//! NFS replies: RPC acceptance or rejection, then the results of the call
//! they answer, per procedure and version.

use super::*;

pub(super) fn reply(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
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
pub(super) struct Rep<'a> {
    d: &'a [u8],
    err: bool,
}

impl Rep<'_> {
    /// Where the results start (tcpdump's parserep).
    pub(super) fn start(&mut self, c: &mut Ctx, length: usize) -> R<Option<usize>> {
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

    pub(super) fn status(&mut self, c: &mut Ctx, dp: usize) -> R<(u32, usize)> {
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

    pub(super) fn fattr(&self, c: &mut Ctx, dp: usize, verbose: u8, v3: bool) -> R<Option<usize>> {
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

    pub(super) fn attrstat(&mut self, c: &mut Ctx, dp: usize, verbose: u8, v3: bool) -> R<bool> {
        let (e, dp) = self.status(c, dp)?;
        if e != 0 {
            return Ok(true);
        }
        Ok(self.fattr(c, dp, verbose, v3)?.is_some())
    }

    pub(super) fn diropres(&mut self, c: &mut Ctx, dp: usize) -> R<bool> {
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

    pub(super) fn post_op(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        if be32(self.d, dp)? == 0 {
            return Ok(Some(dp + 4));
        }
        if verbose > 0 {
            self.fattr(c, dp + 4, verbose, true)
        } else {
            Ok(Some(dp + 4 + V3_FATTR))
        }
    }

    pub(super) fn pre_op(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
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

    pub(super) fn wcc(&self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
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

    pub(super) fn wccres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
        let (_, dp) = self.status(c, dp)?;
        self.wcc(c, dp, verbose)
    }

    pub(super) fn createopres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
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

    pub(super) fn v3rddirres(&mut self, c: &mut Ctx, dp: usize, verbose: u8) -> R<Option<usize>> {
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
pub(super) fn interp_reply(c: &mut Ctx, d: &[u8], length: usize, mut proc_: u32, vers: u32) -> R {
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

pub(super) fn reply_results(
    c: &mut Ctx,
    r: &mut Rep<'_>,
    length: usize,
    proc_: u32,
    v3: bool,
) -> R<bool> {
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
