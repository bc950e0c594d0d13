//! The AFS cache manager callback service (port 7001).

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (204, "callback"),
    (205, "initcb"),
    (206, "probe"),
    (207, "getlock"),
    (208, "getce"),
    (209, "xstatver"),
    (210, "getxstat"),
    (211, "initcb2"),
    (212, "whoareyou"),
    (213, "initcb3"),
    (214, "probeuuid"),
    (215, "getsrvprefs"),
    (216, "getcellservdb"),
    (217, "getlocalcell"),
    (218, "getcacheconf"),
    (65536, "getce64"),
    (65537, "getcellbynum"),
    (65538, "tellmeaboutyourself"),
];

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" cb call ");
    op_name(c, OPS, op);
    match op {
        204 => {
            list(c, r, fid, true)?;
            // The callbacks: version and expiry of each (their type is read
            // but not printed).
            let n = r.u32()?;
            if n != 0 {
                c.s(";");
            }
            for _ in 0..n {
                c.s(" ver");
                int(c, r)?;
                c.s(" expires");
                date(c, r)?;
                r.u32()?;
            }
        }
        214 => {
            c.s(" afsuuid");
            uuid(c, r)?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" cb reply ");
    op_name(c, OPS, op);
    if ty == super::DATA {
        if op == 213 {
            uuid(c, r)?;
        }
    } else {
        c.s(" errcode");
        int(c, r)?;
    }
    Ok(())
}
