//! The AFS Kerberos authentication service (port 7004); its ubik opcodes go
//! to ubik.rs. Reply bodies are not decoded (only abort codes).

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (1, "auth-old"),
    (21, "authenticate"),
    (22, "authenticate-v2"),
    (2, "change-pw"),
    (3, "get-ticket-old"),
    (23, "get-ticket"),
    (4, "set-pw"),
    (5, "set-fields"),
    (6, "create-user"),
    (7, "delete-user"),
    (8, "get-entry"),
    (9, "list-entry"),
    (10, "get-stats"),
    (11, "debug"),
    (12, "get-pw"),
    (13, "get-random-key"),
    (14, "unlock"),
    (15, "lock-status"),
];

const NAME_MAX: u32 = 64;

/// ` principal "NAME" "INSTANCE"`.
fn principal(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    c.s(" principal");
    string(c, r, NAME_MAX)?;
    string(c, r, NAME_MAX)
}

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" kauth");
    if super::ubik::is_ubik(op) {
        return super::ubik::call(c, r, op);
    }
    c.s(" call ");
    op_name(c, OPS, op);
    match op {
        1 | 21 | 22 | 2 | 5 | 6 | 7 | 8 | 14 | 15 => principal(c, r)?,
        3 | 23 => {
            ints(c, r, &[" kvno"])?;
            c.s(" domain");
            string(c, r, NAME_MAX)?;
            // The ticket itself is skipped.
            let n = r.u32()? as usize;
            r.check(n)?;
            r.skip(n);
            principal(c, r)?;
        }
        4 => {
            principal(c, r)?;
            ints(c, r, &[" kvno"])?;
        }
        12 => {
            c.s(" name");
            string(c, r, NAME_MAX)?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" kauth");
    if super::ubik::is_ubik(op) {
        return super::ubik::reply(c, r, op, ty);
    }
    c.s(" reply ");
    op_name(c, OPS, op);
    if ty != super::DATA {
        c.s(" errcode");
        int(c, r)?;
    }
    Ok(())
}
