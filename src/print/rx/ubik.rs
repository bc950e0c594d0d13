//! Ubik, the replication protocol every AFS database server (pt, vldb, kauth)
//! also speaks on its port: votes and disk operations.

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (10000, "vote-beacon"),
    (10001, "vote-debug-old"),
    (10002, "vote-sdebug-old"),
    (10003, "vote-getsyncsite"),
    (10004, "vote-debug"),
    (10005, "vote-sdebug"),
    (10006, "vote-xdebug"),
    (10007, "vote-xsdebug"),
    (20000, "disk-begin"),
    (20001, "disk-commit"),
    (20002, "disk-lock"),
    (20003, "disk-write"),
    (20004, "disk-getversion"),
    (20005, "disk-getfile"),
    (20006, "disk-sendfile"),
    (20007, "disk-abort"),
    (20008, "disk-releaselocks"),
    (20009, "disk-truncate"),
    (20010, "disk-probe"),
    (20011, "disk-writev"),
    (20012, "disk-interfaceaddr"),
    (20013, "disk-setversion"),
];

pub(crate) fn is_ubik(op: u32) -> bool {
    (10000..=10007).contains(&op) || (20000..=20013).contains(&op)
}

fn tid(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    c.s(" tid");
    ubik_version(c, r)
}

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" ubik call ");
    op_name(c, OPS, op);
    let res = args(c, r, op);
    // A failed bounds check inside ubik ends with ubik's own mark.
    if let Err(Stop::Local) = res {
        c.s(" [|ubik]");
        return Ok(());
    }
    res
}

fn args(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    match op {
        10000 => {
            let site = r.u32()?;
            c.s(if site != 0 {
                " syncsite yes"
            } else {
                " syncsite no"
            });
            c.s(" votestart");
            date(c, r)?;
            c.s(" dbversion");
            ubik_version(c, r)?;
            tid(c, r)?;
        }
        10003 => uints(c, r, &[" site"])?,
        20000 | 20001 | 20007 | 20008 | 20010 => tid(c, r)?,
        20002 => {
            tid(c, r)?;
            ints(c, r, &[" file", " pos", " length"])?;
            // The lock type is read but not printed.
            r.u32()?;
        }
        20003 => {
            tid(c, r)?;
            ints(c, r, &[" file", " pos"])?;
        }
        20005 => ints(c, r, &[" file"])?,
        20006 => {
            ints(c, r, &[" file", " length"])?;
            c.s(" dbversion");
            ubik_version(c, r)?;
        }
        20009 => {
            tid(c, r)?;
            ints(c, r, &[" file", " length"])?;
        }
        20012 => {
            tid(c, r)?;
            c.s(" oldversion");
            ubik_version(c, r)?;
            c.s(" newversion");
            ubik_version(c, r)?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" ubik reply ");
    op_name(c, OPS, op);
    let res = reply_body(c, r, op, ty);
    if let Err(Stop::Local) = res {
        c.s(" [|ubik]");
        return Ok(());
    }
    res
}

fn reply_body(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    if ty == super::DATA {
        match op {
            10000 => c.s(" vote no"),
            20004 => {
                c.s(" dbversion");
                ubik_version(c, r)?;
            }
            _ => {}
        }
    } else if op == 10000 {
        c.s(" vote yes until");
        date(c, r)?;
    } else {
        c.s(" errcode");
        int(c, r)?;
    }
    Ok(())
}
