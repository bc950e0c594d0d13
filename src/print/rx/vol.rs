//! The AFS volume server (port 7005): calls with their arguments and the
//! replies tcpdump decodes.

use super::super::Ctx;
use super::read::*;

const OPS: &[(u32, &str)] = &[
    (100, "create-volume"),
    (101, "delete-volume"),
    (102, "restore"),
    (103, "forward"),
    (104, "end-trans"),
    (105, "clone"),
    (106, "set-flags"),
    (107, "get-flags"),
    (108, "trans-create"),
    (109, "dump"),
    (110, "get-nth-volume"),
    (111, "set-forwarding"),
    (112, "get-name"),
    (113, "get-status"),
    (114, "sig-restore"),
    (115, "list-partitions"),
    (116, "list-volumes"),
    (117, "set-id-types"),
    (118, "monitor"),
    (119, "partition-info"),
    (120, "reclone"),
    (121, "list-one-volume"),
    (122, "nuke"),
    (123, "set-date"),
    (124, "x-list-volumes"),
    (125, "x-list-one-volume"),
    (126, "set-info"),
    (127, "x-list-partitions"),
    (128, "forward-multiple"),
    (65536, "convert-ro"),
    (65537, "get-size"),
    (65538, "dump-v2"),
];

const NAME_MAX: u32 = 256;

fn named(c: &mut Ctx, r: &mut Rd<'_>, label: &str) -> F {
    c.s(label);
    string(c, r, NAME_MAX)
}

fn dated(c: &mut Ctx, r: &mut Rd<'_>, label: &str) -> F {
    c.s(label);
    date(c, r)
}

pub(crate) fn call(c: &mut Ctx, r: &mut Rd<'_>, op: u32) -> F {
    c.s(" vol call ");
    op_name(c, OPS, op);
    match op {
        100 => {
            uints(c, r, &[" partition"])?;
            named(c, r, " name")?;
            uints(c, r, &[" type", " parent"])?;
        }
        101 | 104 | 107 => uints(c, r, &[" trans"])?,
        120 | 126 => uints(c, r, &[" tid"])?,
        102 => uints(c, r, &[" totrans", " flags"])?,
        103 => {
            uints(c, r, &[" fromtrans"])?;
            dated(c, r, " fromdate")?;
            dest_server(c, r)?;
            ints(c, r, &[" desttrans"])?;
        }
        105 => {
            uints(c, r, &[" trans", " purgevol", " newtype"])?;
            named(c, r, " newname")?;
        }
        106 => uints(c, r, &[" trans", " flags"])?,
        108 => uints(c, r, &[" vol", " partition", " flags"])?,
        // tcpdump's table has get-size as 655537, so 65537 takes no arguments.
        109 | 655_537 => {
            uints(c, r, &[" fromtrans"])?;
            dated(c, r, " fromdate")?;
        }
        110 => uints(c, r, &[" index"])?,
        111 => uints(c, r, &[" tid", " newsite"])?,
        // The transaction id is named but not printed.
        112 | 113 => c.s(" tid"),
        114 => {
            named(c, r, " name")?;
            uints(c, r, &[" type", " pid", " cloneid"])?;
        }
        116 => uints(c, r, &[" partition", " flags"])?,
        117 => {
            uints(c, r, &[" tid"])?;
            named(c, r, " name")?;
            uints(c, r, &[" type", " pid", " clone", " backup"])?;
        }
        119 => named(c, r, " name")?,
        121 | 122 | 124 | 125 | 65536 => uints(c, r, &[" partid", " volid"])?,
        123 => {
            uints(c, r, &[" tid"])?;
            dated(c, r, " date")?;
        }
        128 => {
            uints(c, r, &[" fromtrans"])?;
            dated(c, r, " fromdate")?;
            list(c, r, dest_server, true)?;
        }
        65538 => {
            uints(c, r, &[" fromtrans"])?;
            dated(c, r, " fromdate")?;
            uints(c, r, &[" flags"])?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn reply(c: &mut Ctx, r: &mut Rd<'_>, op: u32, ty: u8) -> F {
    c.s(" vol reply ");
    op_name(c, OPS, op);
    if ty != super::DATA {
        c.s(" errcode");
        return int(c, r);
    }
    match op {
        100 => uints(c, r, &[" volid", " trans"])?,
        104 | 107 => uint(c, r)?,
        105 => uints(c, r, &[" newvol"])?,
        108 => uints(c, r, &[" trans"])?,
        110 => uints(c, r, &[" volume", " partition"])?,
        112 => string(c, r, NAME_MAX)?,
        113 => {
            uints(
                c,
                r,
                &[
                    " volid",
                    " nextuniq",
                    " type",
                    " parentid",
                    " clone",
                    " backup",
                    " restore",
                    " maxquota",
                    " minquota",
                    " owner",
                ],
            )?;
            for l in [
                " create", " access", " update", " expire", " backup", " copy",
            ] {
                dated(c, r, l)?;
            }
        }
        116 | 121 => list(
            c,
            r,
            |c, r| {
                c.s(" name");
                vec_name(c, r, 32)?;
                uints(c, r, &[" volid"])?;
                // The rest of the entry (21 words) is named but not printed.
                c.s(" type");
                r.skip(4 * 21);
                Ok(())
            },
            true,
        )?,
        _ => {}
    }
    Ok(())
}
