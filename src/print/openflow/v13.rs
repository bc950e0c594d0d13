//! OpenFlow 1.3 message bodies as tcpdump 4.99 prints them with -v. Its 1.3
//! decoder covers fewer types than the 1.0 one: HELLO elements, errors,
//! experimenter messages, features, switch configs, port status and port
//! mods, table mods, queue config requests, roles and async configs. The
//! other bodies (packet-in/out, flow and group mods, multipart messages, ...)
//! are only checked for having been captured.

use super::common::{
    Body, bitmap, bits32, data, error, hex_invalid, num, port_features, vendor_name,
};
use super::{Ctx, R};
use crate::print::out::Put;

const PORT_CONFIG: &[(u32, &str)] = &[
    (1 << 0, "PORT_DOWN"),
    (1 << 2, "NO_RECV"),
    (1 << 5, "NO_FWD"),
    (1 << 6, "NO_PACKET_IN"),
];
const PORT_CONFIG_KNOWN: u32 = 0x65;

const PORT_STATE: &[(u32, &str)] = &[(1 << 0, "LINK_DOWN"), (1 << 1, "BLOCKED"), (1 << 2, "LIVE")];
const PORT_STATE_KNOWN: u32 = 7;

const PORT_FEATURES: &[(u32, &str)] = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "40GB_FD"),
    (1 << 8, "100GB_FD"),
    (1 << 9, "1TB_FD"),
    (1 << 10, "OTHER"),
    (1 << 11, "COPPER"),
    (1 << 12, "FIBER"),
    (1 << 13, "AUTONEG"),
    (1 << 14, "PAUSE"),
    (1 << 15, "PAUSE_ASYM"),
];
const PORT_FEATURES_KNOWN: u32 = 0xffff;

const CAPABILITIES: &[(u32, &str)] = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "GROUP_STATS"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 8, "PORT_BLOCKED"),
];
const CAPABILITIES_KNOWN: u32 = 0x16f;

/// Versions in a HELLO version bitmap, as tcpdump numbers the bits.
const VERSIONS: &[(u32, &str)] = &[
    (1 << 0, "1.0"),
    (1 << 1, "1.1"),
    (1 << 2, "1.2"),
    (1 << 3, "1.3"),
    (1 << 4, "1.4"),
    (1 << 5, "1.5"),
];
const VERSIONS_KNOWN: u32 = 0x3f;

/// Packet-in reasons and port-status reasons as async-config mask bits.
const ASYNC_PACKET_IN: &[(u32, &str)] = &[(1, "NO_MATCH"), (2, "ACTION"), (4, "INVALID_TTL")];
const ASYNC_PORT_STATUS: &[(u32, &str)] = &[(1, "ADD"), (2, "DELETE"), (4, "MODIFY")];

const HELLO_ELEM_MIN: usize = 4;
const HELLO_VERSIONBITMAP: u16 = 1;

/// Error types and their code names (EXPERIMENTER, 0xffff, has no codes).
const ERRORS: [(&str, &[&str]); 14] = [
    ("HELLO_FAILED", &["INCOMPATIBLE", "EPERM"]),
    (
        "BAD_REQUEST",
        &[
            "BAD_VERSION",
            "BAD_TYPE",
            "BAD_MULTIPART",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "EPERM",
            "BAD_LEN",
            "BUFFER_EMPTY",
            "BUFFER_UNKNOWN",
            "BAD_TABLE_ID",
            "IS_SLAVE",
            "BAD_PORT",
            "BAD_PACKET",
            "MULTIPART_BUFFER_OVERFLOW",
        ],
    ),
    (
        "BAD_ACTION",
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "BAD_OUT_PORT",
            "BAD_ARGUMENT",
            "EPERM",
            "TOO_MANY",
            "BAD_QUEUE",
            "BAD_OUT_GROUP",
            "MATCH_INCONSISTENT",
            "UNSUPPORTED_ORDER",
            "BAD_TAG",
            "BAD_SET_TYPE",
            "BAD_SET_LEN",
            "BAD_SET_ARGUMENT",
        ],
    ),
    (
        "BAD_INSTRUCTION",
        &[
            "UNKNOWN_INST",
            "UNSUP_INST",
            "BAD_TABLE_ID",
            "UNSUP_METADATA",
            "UNSUP_METADATA_MASK",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "BAD_LEN",
            "EPERM",
        ],
    ),
    (
        "BAD_MATCH",
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_TAG",
            "BAD_DL_ADDR_MASK",
            "BAD_NW_ADDR_MASK",
            "BAD_WILDCARDS",
            "BAD_FIELD",
            "BAD_VALUE",
            "BAD_MASK",
            "BAD_PREREQ",
            "DUP_FIELD",
            "EPERM",
        ],
    ),
    (
        "FLOW_MOD_FAILED",
        &[
            "UNKNOWN",
            "TABLE_FULL",
            "BAD_TABLE_ID",
            "OVERLAP",
            "EPERM",
            "BAD_TIMEOUT",
            "BAD_COMMAND",
            "BAD_FLAGS",
        ],
    ),
    (
        "GROUP_MOD_FAILED",
        &[
            "GROUP_EXISTS",
            "INVALID_GROUP",
            "WEIGHT_UNSUPPORTED",
            "OUT_OF_GROUPS",
            "OUT_OF_BUCKETS",
            "CHAINING_UNSUPPORTED",
            "WATCH_UNSUPPORTED",
            "LOOP",
            "UNKNOWN_GROUP",
            "CHAINED_GROUP",
            "BAD_TYPE",
            "BAD_COMMAND",
            "BAD_BUCKET",
            "BAD_MATCH",
            "EPERM",
        ],
    ),
    (
        "PORT_MOD_FAILED",
        &[
            "BAD_PORT",
            "BAD_HW_ADDR",
            "BAD_CONFIG",
            "BAD_ADVERTISE",
            "EPERM",
        ],
    ),
    ("TABLE_MOD_FAILED", &["BAD_TABLE", "BAD_CONFIG", "EPERM"]),
    ("QUEUE_OP_FAILED", &["BAD_PORT", "BAD_QUEUE", "EPERM"]),
    ("SWITCH_CONFIG_FAILED", &["BAD_FLAGS", "BAD_LEN", "EPERM"]),
    ("ROLE_REQUEST_FAILED", &["STALE", "UNSUP", "BAD_ROLE"]),
    (
        "METER_MOD_FAILED",
        &[
            "UNKNOWN",
            "METER_EXISTS",
            "INVALID_METER",
            "UNKNOWN_METER",
            "BAD_COMMAND",
            "BAD_FLAGS",
            "BAD_RATE",
            "BAD_BURST",
            "BAD_BAND",
            "BAD_BAND_VALUE",
            "OUT_OF_METERS",
            "OUT_OF_BANDS",
        ],
    ),
    (
        "TABLE_FEATURES_FAILED",
        &[
            "BAD_TABLE",
            "BAD_METADATA",
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_ARGUMENT",
            "EPERM",
        ],
    ),
];

/// The body of a 1.3 message of type `kind` (its size rule already holds).
pub(super) fn body(c: &mut Ctx, b: Body, kind: u8) -> R {
    match kind {
        0 => hello_elements(c, b),
        1 => error(c, b, &ERRORS, Some(0xffff)),
        2 | 3 => data(c, b),
        4 => experimenter(c, b),
        6 => features_reply(c, b),
        8 | 9 => switch_config(c, b),
        12 => port_status(c, b),
        16 => port_mod(c, b),
        17 => table_mod(c, b),
        22 => queue_get_config_request(c, b),
        24 | 25 => role(c, b),
        27 | 28 => async_config(c, b),
        _ => b.check_rest(),
    }
}

/// A 1.3 port number: its reserved name or the number.
fn port32(c: &mut Ctx, v: u32) {
    let name = match v {
        0xffff_ff00 => "MAX",
        0xffff_fff8 => "IN_PORT",
        0xffff_fff9 => "TABLE",
        0xffff_fffa => "NORMAL",
        0xffff_fffb => "FLOOD",
        0xffff_fffc => "ALL",
        0xffff_fffd => "CONTROLLER",
        0xffff_fffe => "LOCAL",
        0xffff_ffff => "ANY",
        _ => return c.dec(v),
    };
    c.s(name);
}

fn hello_elements(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < HELLO_ELEM_MIN {
            c.invalid();
            return b.check_rest();
        }
        let kind = b.u16(0)?;
        b.fwd(2);
        c.s("\n\t type ");
        if kind == HELLO_VERSIONBITMAP {
            c.s("VERSIONBITMAP");
        } else {
            c.s("unknown (0x");
            c.o.hexw(u64::from(kind), 4);
            c.s(")");
        }
        let elen = usize::from(b.u16(0)?);
        b.fwd(2);
        c.s(", length ");
        c.dec(elen as u64);
        if elen < HELLO_ELEM_MIN || elen > HELLO_ELEM_MIN + b.len {
            c.invalid();
            return b.check_rest();
        }
        let rest = elen - HELLO_ELEM_MIN;
        if kind == HELLO_VERSIONBITMAP && rest == 4 {
            let v = b.u32(0)?;
            c.s(", bitmap 0x");
            c.o.hexw(u64::from(v), 8);
            bitmap(c, v, VERSIONS, VERSIONS_KNOWN);
        } else {
            if kind == HELLO_VERSIONBITMAP {
                c.s(" (bogus)");
            }
            b.check(0, rest)?;
        }
        b.fwd(rest);
    }
    Ok(())
}

fn experimenter(c: &mut Ctx, mut b: Body) -> R {
    let id = b.u32(0)?;
    b.fwd(4);
    c.s("\n\t experimenter 0x");
    c.o.hexw(u64::from(id), 8);
    c.s(" (");
    c.s(vendor_name(id));
    c.s(")");
    let kind = b.u32(0)?;
    c.s(", exp_type 0x");
    c.o.hexw(u64::from(kind), 8);
    b.fwd(4);
    data(c, b)
}

fn features_reply(c: &mut Ctx, b: Body) -> R {
    let dpid = b.u64(0)?;
    c.s("\n\t dpid 0x");
    c.o.hexw(dpid, 16);
    num(c, ", n_buffers ", b.u32(8)?);
    num(c, ", n_tables ", b.u8(12)?);
    num(c, ", auxiliary_id ", b.u8(13)?);
    let caps = b.u32(16)?;
    bits32(
        c,
        "\n\t capabilities",
        caps,
        CAPABILITIES,
        CAPABILITIES_KNOWN,
    );
    b.check(20, 4)
}

fn switch_config(c: &mut Ctx, b: Body) -> R {
    let flags = b.u16(0)?;
    c.s("\n\t flags ");
    match flags {
        0 => c.s("FRAG_NORMAL"),
        1 => c.s("FRAG_DROP"),
        2 => c.s("FRAG_REASM"),
        _ => hex_invalid(c, flags),
    }
    let miss = b.u16(2)?;
    c.s(", miss_send_len ");
    match miss {
        0xffe5 => c.s("MAX"),
        0xffff => c.s("NO_BUFFER"),
        _ => c.dec(miss),
    }
    Ok(())
}

/// A port description (64 bytes at `p`).
fn port(c: &mut Ctx, b: &Body, p: usize) -> R {
    let no = b.u32(p)?;
    c.s("\n\t  port_no ");
    port32(c, no);
    let mac = b.bytes(p + 8, 6)?;
    c.s(", hw_addr ");
    c.etheraddr(mac);
    c.s(", name '");
    super::common::printjnp(c, b.d, b.p + p + 16, 16)?;
    c.s("'");
    let p = p + 32;
    if c.opts.verbose < 2 {
        return b.check(p, 32);
    }
    let v = b.u32(p)?;
    bits32(c, "\n\t   config", v, PORT_CONFIG, PORT_CONFIG_KNOWN);
    let v = b.u32(p + 4)?;
    bits32(c, "\n\t   state", v, PORT_STATE, PORT_STATE_KNOWN);
    port_features(c, b, p + 8, PORT_FEATURES, PORT_FEATURES_KNOWN)?;
    num(c, "\n\t   curr_speed ", b.u32(p + 24)?);
    c.s("kbps");
    num(c, "\n\t   max_speed ", b.u32(p + 28)?);
    c.s("kbps");
    Ok(())
}

fn port_status(c: &mut Ctx, b: Body) -> R {
    let reason = b.u8(0)?;
    c.s("\n\t reason ");
    match reason {
        0 => c.s("ADD"),
        1 => c.s("DELETE"),
        2 => c.s("MODIFY"),
        // tcpdump's format for other reasons lacks its conversion.
        _ => c.s("invalid (0x02x)"),
    }
    port(c, &b, 8)
}

fn port_mod(c: &mut Ctx, b: Body) -> R {
    let no = b.u32(0)?;
    c.s("\n\t port_no ");
    port32(c, no);
    let mac = b.bytes(8, 6)?;
    c.s(", hw_addr ");
    c.etheraddr(mac);
    let v = b.u32(16)?;
    bits32(c, "\n\t  config", v, PORT_CONFIG, PORT_CONFIG_KNOWN);
    let v = b.u32(20)?;
    bits32(c, "\n\t  mask", v, PORT_CONFIG, PORT_CONFIG_KNOWN);
    let v = b.u32(24)?;
    bits32(c, "\n\t  advertise", v, PORT_FEATURES, PORT_FEATURES_KNOWN);
    b.check(28, 4)
}

fn table_mod(c: &mut Ctx, b: Body) -> R {
    let id = b.u8(0)?;
    c.s("\n\t table_id ");
    match id {
        0xfe => c.s("MAX"),
        0xff => c.s("ALL"),
        _ => c.dec(id),
    }
    let config = b.u32(4)?;
    c.s(", config 0x");
    c.o.hexw(u64::from(config), 8);
    Ok(())
}

fn queue_get_config_request(c: &mut Ctx, b: Body) -> R {
    let no = b.u32(0)?;
    c.s("\n\t port ");
    port32(c, no);
    b.check(4, 4)
}

fn role(c: &mut Ctx, b: Body) -> R {
    let role = b.u32(0)?;
    c.s("\n\t role ");
    match role {
        0 => c.s("NOCHANGE"),
        1 => c.s("EQUAL"),
        2 => c.s("MASTER"),
        3 => c.s("SLAVE"),
        _ => {
            c.s("invalid (0x");
            c.o.hexw(u64::from(role), 8);
            c.s(")");
        }
    }
    let id = b.u64(8)?;
    c.s(", generation_id 0x");
    c.o.hexw(id, 16);
    Ok(())
}

fn async_config(c: &mut Ctx, b: Body) -> R {
    let masks: [(&str, &[(u32, &str)]); 6] = [
        ("\n\t packet_in_mask[EM]", ASYNC_PACKET_IN),
        ("\n\t packet_in_mask[S]", ASYNC_PACKET_IN),
        ("\n\t port_status_mask[EM]", ASYNC_PORT_STATUS),
        ("\n\t port_status_mask[S]", ASYNC_PORT_STATUS),
        ("\n\t flow_removed_mask[EM]", ASYNC_PORT_STATUS),
        ("\n\t flow_removed_mask[S]", ASYNC_PORT_STATUS),
    ];
    for (i, (name, bits)) in masks.into_iter().enumerate() {
        let v = b.u32(4 * i)?;
        bits32(c, name, v, bits, 7);
    }
    Ok(())
}
