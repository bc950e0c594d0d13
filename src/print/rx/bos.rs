//! The AFS basic overseer (port 7007): calls with their arguments; replies
//! show only abort codes.

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (80, "create-bnode"),
    (81, "delete-bnode"),
    (82, "set-status"),
    (83, "get-status"),
    (84, "enumerate-instance"),
    (85, "get-instance-info"),
    (86, "get-instance-parm"),
    (87, "add-superuser"),
    (88, "delete-superuser"),
    (89, "list-superusers"),
    (90, "list-keys"),
    (91, "add-key"),
    (92, "delete-key"),
    (93, "set-cell-name"),
    (94, "get-cell-name"),
    (95, "get-cell-host"),
    (96, "add-cell-host"),
    (97, "delete-cell-host"),
    (98, "set-t-status"),
    (99, "shutdown-all"),
    (100, "restart-all"),
    (101, "startup-all"),
    (102, "set-noauth-flag"),
    (103, "re-bozo"),
    (104, "restart"),
    (105, "start-bozo-install"),
    (106, "uninstall"),
    (107, "get-dates"),
    (108, "exec"),
    (109, "prune"),
    (110, "set-restart-time"),
    (111, "get-restart-time"),
    (112, "start-bozo-log"),
    (113, "wait-all"),
    (114, "get-instance-strings"),
    (115, "get-restricted"),
    (116, "set-restricted"),
];

const NAME_MAX: u32 = 256;

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" bos call ");
    op_name(c, OPS, op);
    match op {
        80 => {
            c.s(" type");
            string(c, r, NAME_MAX)?;
            c.s(" instance");
            string(c, r, NAME_MAX)?;
        }
        81 | 83 | 85 | 87 | 88 | 93 | 96 | 97 | 104 | 106 | 108 | 112 | 114 => {
            string(c, r, NAME_MAX)?
        }
        82 | 98 => {
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" status"])?;
        }
        86 => {
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" num"])?;
        }
        84 | 89 | 90 | 91 | 92 | 95 => int(c, r)?,
        105 => {
            string(c, r, NAME_MAX)?;
            ints(c, r, &[" size", " flags", " date"])?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" bos reply ");
    op_name(c, OPS, op);
    if ty != super::DATA {
        c.s(" errcode");
        int(c, r)?;
    }
    Ok(())
}
