//! The AFS volume location database (port 7003): calls, and the volume
//! entries of its replies (servers, partitions, volume ids); its ubik opcodes
//! go to ubik.rs.

use super::super::{Ctx, Put};
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (501, "create-entry"),
    (502, "delete-entry"),
    (503, "get-entry-by-id"),
    (504, "get-entry-by-name"),
    (505, "get-new-volume-id"),
    (506, "replace-entry"),
    (507, "update-entry"),
    (508, "setlock"),
    (509, "releaselock"),
    (510, "list-entry"),
    (511, "list-attrib"),
    (512, "linked-list"),
    (513, "get-stats"),
    (514, "probe"),
    (515, "get-addrs"),
    (516, "change-addr"),
    (517, "create-entry-n"),
    (518, "get-entry-by-id-n"),
    (519, "get-entry-by-name-n"),
    (520, "replace-entry-n"),
    (521, "list-entry-n"),
    (522, "list-attrib-n"),
    (523, "linked-list-n"),
    (524, "update-entry-by-name"),
    (525, "create-entry-u"),
    (526, "get-entry-by-id-u"),
    (527, "get-entry-by-name-u"),
    (528, "replace-entry-u"),
    (529, "list-entry-u"),
    (530, "list-attrib-u"),
    (531, "linked-list-u"),
    (532, "regaddr"),
    (533, "get-addrs-u"),
    (534, "list-attrib-n2"),
];

const VOL_TYPES: [&str; 3] = ["read-write", "read-only", "backup"];
const NAME_MAX: u32 = 65;

/// ` volid N` and, for a known volume type, ` type NAME`.
fn volid_type(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    ints(c, r, &[" volid"])?;
    let t = r.u32()?;
    if let Some(n) = VOL_TYPES.get(t as usize) {
        c.s(" type ");
        c.s(n);
    }
    Ok(())
}

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" vldb");
    if super::ubik::is_ubik(op) {
        return super::ubik::call(c, r, op);
    }
    c.s(" call ");
    op_name(c, OPS, op);
    match op {
        501 | 517 => vec_name(c, r, NAME_MAX as usize)?,
        502 | 503 | 507 | 508 | 509 | 518 => volid_type(c, r)?,
        504 | 519 | 524 | 527 => string(c, r, NAME_MAX)?,
        505 => ints(c, r, &[" bump"])?,
        506 | 520 => {
            volid_type(c, r)?;
            vec_name(c, r, NAME_MAX as usize)?;
        }
        510 | 521 => ints(c, r, &[" index"])?,
        _ => {}
    }
    Ok(())
}

/// The partitions of `n` servers out of `slots`, by letter up to 26.
fn partitions(c: &mut Ctx, r: &mut Rd<'_>, n: u32, slots: u32) -> F {
    c.s(" partitions");
    for i in 0..slots {
        let p = r.u32()?;
        if i < n {
            c.s(" ");
            if p <= 26 {
                c.o.push(b'a' + p as u8);
            } else {
                c.dec(p);
            }
        }
    }
    Ok(())
}

/// A volume entry: name, servers and partitions of `slots` slots (addresses,
/// or UUIDs for the -u forms), then the read-write, read-only and backup ids.
fn entry(c: &mut Ctx, r: &mut Rd<'_>, slots: u32, skip_word: bool, uuids: bool) -> F {
    vec_name(c, r, NAME_MAX as usize)?;
    if skip_word {
        r.check(4)?;
        r.skip(4);
    }
    c.s(" numservers");
    let n = r.u32()?;
    c.s(" ");
    c.dec(n);
    c.s(" servers");
    for i in 0..slots {
        if uuids {
            if i < n {
                c.s(" afsuuid");
                uuid(c, r)?;
            } else {
                r.check(44)?;
                r.skip(44);
            }
        } else {
            r.check(4)?;
            let a = r.u32()?;
            if i < n {
                c.s(" ");
                c.o.ipv4(&a.to_be_bytes());
            }
        }
    }
    if uuids {
        r.check(4 * 13)?;
        r.skip(4 * 13);
    }
    partitions(c, r, n, slots)?;
    r.check(4 * slots as usize)?;
    r.skip(4 * slots as usize);
    uints(c, r, &[" rwvol", " rovol", " backup"])
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" vldb");
    if super::ubik::is_ubik(op) {
        return super::ubik::reply(c, r, op, ty);
    }
    c.s(" reply ");
    op_name(c, OPS, op);
    if ty != super::DATA {
        c.s(" errcode");
        return int(c, r);
    }
    match op {
        510 => {
            ints(c, r, &[" count", " nextindex"])?;
            entry(c, r, 8, true, false)?;
        }
        503 | 504 => entry(c, r, 8, true, false)?,
        505 => uints(c, r, &[" newvol"])?,
        521 | 529 => {
            ints(c, r, &[" count", " nextindex"])?;
            entry(c, r, 13, false, false)?;
        }
        518 | 519 => entry(c, r, 13, false, false)?,
        526 | 527 => entry(c, r, 13, false, true)?,
        _ => {}
    }
    Ok(())
}
