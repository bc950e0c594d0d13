//! The AFS protection server (port 7002); its ubik opcodes go to ubik.rs.

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (500, "new-user"),
    (501, "where-is-it"),
    (502, "dump-entry"),
    (503, "add-to-group"),
    (504, "name-to-id"),
    (505, "id-to-name"),
    (506, "delete"),
    (507, "remove-from-group"),
    (508, "get-cps"),
    (509, "new-entry"),
    (510, "list-max"),
    (511, "set-max"),
    (512, "list-entry"),
    (513, "change-entry"),
    (514, "list-elements"),
    (515, "same-mbr-of"),
    (516, "set-fld-sentry"),
    (517, "list-owned"),
    (518, "get-cps2"),
    (519, "get-host-cps"),
    (520, "update-entry"),
    (521, "list-entries"),
    (530, "list-super-groups"),
];

const NAME_MAX: u32 = 64;

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" pt");
    if super::ubik::is_ubik(op) {
        return super::ubik::call(c, r, op);
    }
    c.s(" call ");
    op_name(c, OPS, op);
    match op {
        500 => {
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" id", " oldid"])?;
        }
        501 | 506 | 508 | 512 | 514 | 517 | 518 | 519 | 530 => ints(c, r, &[" id"])?,
        502 => ints(c, r, &[" pos"])?,
        503 | 507 | 515 => ints(c, r, &[" uid", " gid"])?,
        504 => list(c, r, |c, r| vec_name(c, r, NAME_MAX as usize), false)?,
        505 => {
            c.s(" ids:");
            list(c, r, int, false)?;
        }
        509 => {
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" flag", " oid"])?;
        }
        511 => ints(c, r, &[" id", " gflag"])?,
        513 => {
            ints(c, r, &[" id"])?;
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" oldid", " newid"])?;
        }
        520 => {
            ints(c, r, &[" id"])?;
            string(c, r, NAME_MAX)?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" pt");
    if super::ubik::is_ubik(op) {
        return super::ubik::reply(c, r, op, ty);
    }
    c.s(" reply ");
    op_name(c, OPS, op);
    if ty == super::DATA {
        match op {
            504 => {
                c.s(" ids:");
                list(c, r, int, false)?;
            }
            505 => list(c, r, |c, r| vec_name(c, r, NAME_MAX as usize), false)?,
            508 | 514 | 517 | 518 | 519 => list(c, r, int, false)?,
            510 => ints(c, r, &[" maxuid", " maxgid"])?,
            _ => {}
        }
    } else {
        c.s(" errcode");
        int(c, r)?;
    }
    Ok(())
}
