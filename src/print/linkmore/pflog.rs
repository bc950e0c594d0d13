//! DLT_PFLOG (117): packets logged by the *BSD packet filter. OpenBSD's
//! pfloghdr (its own length, address family, action, reason, interface and
//! ruleset names, rule numbers, owner, direction), padded to 4 bytes, then the
//! IPv4 or IPv6 packet. -e shows the rule, reason, action, direction and
//! interface; tcpdump 4.99 names actions, reasons and directions as built on
//! Linux (its table maps reason 4 to "3(short)" and leaves 3 unnamed).

use super::super::{Ctx, R, be32, u8_at};

pub(super) const DLT: u32 = 117;

/// Up to the direction byte: a shorter header is refused.
const MIN_HDR_LEN: u8 = 45;
/// The whole pfloghdr, which must be captured to print anything.
const STRUCT_LEN: usize = 64;
const IFNAME_AT: usize = 4;
const RULESET_AT: usize = 20;
const NAME_LEN: usize = 16;
const RULENR_AT: usize = 36;
const SUBRULENR_AT: usize = 40;
const DIR_AT: usize = 60;

fn reason(r: u8) -> Option<&'static str> {
    Some(match r {
        0 => "0(match)",
        1 => "1(bad-offset)",
        2 => "2(fragment)",
        4 => "3(short)",
        5 => "5(memory)",
        6 => "6(bad-timestamp)",
        7 => "7(congestion)",
        8 => "8(ip-option)",
        9 => "9(proto-cksum)",
        10 => "10(state-mismatch)",
        11 => "11(state-insert)",
        12 => "12(state-limit)",
        13 => "13(src-limit)",
        14 => "14(synproxy)",
        _ => return None,
    })
}

fn action(a: u8) -> Option<&'static str> {
    Some(match a {
        0 => "pass",
        1 => "block",
        2 => "scrub",
        4 => "nat",
        5 => "nonat",
        6 => "binat",
        7 => "nobinat",
        8 => "rdr",
        9 => "nordr",
        10 => "synproxy-drop",
        _ => return None,
    })
}

fn direction(d: u8) -> Option<&'static str> {
    Some(match d {
        0 => "in/out",
        1 => "in",
        2 => "out",
        _ => return None,
    })
}

/// A name or "unkn(N)".
fn named(c: &mut Ctx, name: Option<&'static str>, v: u8) {
    match name {
        Some(n) => c.s(n),
        None => {
            c.s("unkn(");
            c.dec(v);
            c.s(")");
        }
    }
}

/// tcpdump's nd_printjnp: at most `n` characters, up to a NUL, escaped.
fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        super::super::tcp::print_char(c, b);
    }
    Ok(())
}

/// "rule N[.RULESET.M]/REASON: ACTION DIR on IF: ".
fn header(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "pflog";
    let rulenr = be32(d, RULENR_AT)?;
    let subrulenr = be32(d, SUBRULENR_AT)?;
    c.s("rule ");
    c.dec(rulenr);
    if subrulenr != u32::MAX {
        c.s(".");
        printjnp(c, d, RULESET_AT, NAME_LEN)?;
        c.s(".");
        c.dec(subrulenr);
    }
    c.s("/");
    let r = u8_at(d, 3)?;
    named(c, reason(r), r);
    c.s(": ");
    let a = u8_at(d, 2)?;
    named(c, action(a), a);
    c.s(" ");
    let dir = u8_at(d, DIR_AT)?;
    named(c, direction(dir), dir);
    c.s(" on ");
    printjnp(c, d, IFNAME_AT, NAME_LEN)?;
    c.s(": ");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "pflog";
    if d.is_empty() {
        // No header byte: tcpdump's own check, not a checked read.
        c.trunc_mark();
        return Ok(0);
    }
    let hdr_byte = u8_at(d, 0)?;
    if hdr_byte < MIN_HDR_LEN {
        c.s("[pflog: invalid header length!]");
        return Ok(usize::from(hdr_byte));
    }
    let hdr_len = (usize::from(hdr_byte) + 3) & !3;
    if d.len() < hdr_len {
        c.trunc_mark();
        return Ok(hdr_len);
    }
    if d.len() < STRUCT_LEN {
        c.trunc_mark();
        return Ok(hdr_len);
    }
    if c.opts.link_header {
        header(c, d)?;
    }
    let p = &d[hdr_len..];
    let length = length.saturating_sub(hdr_len);
    c.ll_hdr_len = hdr_len;
    match u8_at(d, 1)? {
        2 => super::super::ip::print(c, p, length)?,
        24 | 28 | 30 => super::super::ip6::print(c, p, length)?,
        _ => {
            if !c.opts.link_header {
                header(c, d)?;
            }
            c.default_print(p);
        }
    }
    Ok(hdr_len)
}
