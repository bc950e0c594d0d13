//! The AFS file service (port 7000): calls with their arguments and the
//! replies tcpdump decodes (ACLs, new file ids, the root volume, the time,
//! abort codes by name).

use super::super::{Ctx, Put};
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (130, "fetch-data"),
    (131, "fetch-acl"),
    (132, "fetch-status"),
    (133, "store-data"),
    (134, "store-acl"),
    (135, "store-status"),
    (136, "remove-file"),
    (137, "create-file"),
    (138, "rename"),
    (139, "symlink"),
    (140, "link"),
    (141, "makedir"),
    (142, "rmdir"),
    (143, "oldsetlock"),
    (144, "oldextlock"),
    (145, "oldrellock"),
    (146, "get-stats"),
    (147, "give-cbs"),
    (148, "get-vlinfo"),
    (149, "get-vlstats"),
    (150, "set-vlstats"),
    (151, "get-rootvl"),
    (152, "check-token"),
    (153, "get-time"),
    (154, "nget-vlinfo"),
    (155, "bulk-stat"),
    (156, "setlock"),
    (157, "extlock"),
    (158, "rellock"),
    (159, "xstat-ver"),
    (160, "get-xstat"),
    (161, "dfs-lookup"),
    (162, "dfs-flushcps"),
    (163, "dfs-symlink"),
    (220, "residency"),
    (65536, "inline-bulk-status"),
    (65537, "fetch-data-64"),
    (65538, "store-data-64"),
    (65539, "give-up-all-cbs"),
    (65540, "get-caps"),
    (65541, "cb-rx-conn-addr"),
];

const ERRORS: &[(u32, &str)] = &[
    (101, "salvage volume"),
    (102, "no such vnode"),
    (103, "no such volume"),
    (104, "volume exist"),
    (105, "no service"),
    (106, "volume offline"),
    (107, "voline online"),
    (108, "diskfull"),
    (109, "diskquota exceeded"),
    (110, "volume busy"),
    (111, "volume moved"),
    (112, "AFS IO error"),
    (0xffff_ff9c, "restarting fileserver"),
];

/// Longest ACL text tcpdump looks at.
const ACL_MAX: usize = 1024;
const NAME_MAX: u32 = 256;

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" fs call ");
    op_name(c, OPS, op);
    match op {
        130 => {
            fid(c, r)?;
            uints(c, r, &[" offset", " length"])?;
        }
        131 | 132 | 143 | 144 | 145 | 156 | 157 | 158 => fid(c, r)?,
        135 => {
            fid(c, r)?;
            store_status(c, r)?;
        }
        133 => {
            fid(c, r)?;
            store_status(c, r)?;
            uints(c, r, &[" offset", " length", " flen"])?;
        }
        134 => {
            fid(c, r)?;
            acl(c, r)?;
        }
        137 | 141 => {
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
            store_status(c, r)?;
        }
        136 | 142 => {
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
        }
        138 => {
            c.s(" old");
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
            c.s(" new");
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
        }
        139 => {
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
            c.s(" link to");
            string(c, r, NAME_MAX)?;
        }
        140 => {
            fid(c, r)?;
            string(c, r, NAME_MAX)?;
            c.s(" link to");
            fid(c, r)?;
        }
        148 => string(c, r, NAME_MAX)?,
        149 | 150 => uints(c, r, &[" volid"])?,
        154 => {
            c.s(" volname");
            string(c, r, NAME_MAX)?;
        }
        155 | 65536 => list(c, r, fid, true)?,
        65537 => {
            fid(c, r)?;
            c.s(" offset");
            uint64(c, r)?;
            c.s(" length");
            uint64(c, r)?;
        }
        65538 => {
            fid(c, r)?;
            store_status(c, r)?;
            for l in [" offset", " length", " flen"] {
                c.s(l);
                uint64(c, r)?;
            }
        }
        65541 => uints(c, r, &[" addr"])?,
        _ => {}
    }
    Ok(())
}

/// An ACL: its length, the text (which must be captured in full), then the
/// entries.
fn acl(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    let n = r.u32()? as usize;
    r.check(n)?;
    let text = r.bytes(n.min(ACL_MAX));
    let text = text.split(|&b| b == 0).next().unwrap_or(&[]);
    super::acl::print(c, text);
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" fs reply ");
    op_name(c, OPS, op);
    if ty == super::DATA {
        match op {
            131 => acl(c, r)?,
            137 | 141 => {
                c.s(" new");
                fid(c, r)?;
            }
            151 => {
                c.s(" root volume");
                string(c, r, NAME_MAX)?;
            }
            153 => date(c, r)?,
            _ => {}
        }
    } else if ty == super::ABORT {
        let e = r.u32()?;
        c.s(" error ");
        match name_of(ERRORS, e) {
            Some(n) => c.s(n),
            None => {
                c.s("#");
                c.o.dec_i(i64::from(e as i32));
            }
        }
    } else {
        c.s(" strange fs reply of type ");
        c.dec(ty);
    }
    Ok(())
}
