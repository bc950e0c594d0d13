//! OpenFlow 1.0 message bodies as tcpdump 4.99 prints them with -v: errors,
//! vendor messages (Big Switch extensions), features and port descriptions,
//! switch configs, packet-in/out (the nested Ethernet frame with -vvv), flow
//! messages with their match and actions, port and queue messages, and
//! statistics requests and replies of every type.
//!
//! Every decoder takes the captured segment `d`, the offset of its structure
//! and the structure's declared length; a field past the capture fails the
//! packet as truncated, as tcpdump's bounds checks do. Each field is read
//! before its text is printed (tcpdump fetches a field inside the call that
//! prints it), so a truncated packet stops at the same character.

use super::common::{
    Body, bitmap, bits32, data, error, hex_invalid, num, port_features, port16, printjnp, printn,
    vendor_name,
};
use super::{Ctx, R};
use crate::print::out::Put;

/// Physical port configuration bits.
const PORT_CONFIG: &[(u32, &str)] = &[
    (1 << 0, "PORT_DOWN"),
    (1 << 1, "NO_STP"),
    (1 << 2, "NO_RECV"),
    (1 << 3, "NO_RECV_STP"),
    (1 << 4, "NO_FLOOD"),
    (1 << 5, "NO_FWD"),
    (1 << 6, "NO_PACKET_IN"),
];
const PORT_CONFIG_KNOWN: u32 = 0x7f;

/// The STP code point in bits 8-9 of the port state.
const STP_STATE: [&str; 4] = ["STP_LISTEN", "STP_LEARN", "STP_FORWARD", "STP_BLOCK"];
const PORT_STATE_KNOWN: u32 = 1 | 3 << 8;

/// Port feature bits.
const PORT_FEATURES: &[(u32, &str)] = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "COPPER"),
    (1 << 8, "FIBER"),
    (1 << 9, "AUTONEG"),
    (1 << 10, "PAUSE"),
    (1 << 11, "PAUSE_ASYM"),
];
const PORT_FEATURES_KNOWN: u32 = 0xfff;

/// Switch capability bits (RESERVED is named but still bogus).
const CAPABILITIES: &[(u32, &str)] = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "STP"),
    (1 << 4, "RESERVED"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 7, "ARP_MATCH_IP"),
];
const CAPABILITIES_KNOWN: u32 = 0xef;

/// Action type names, and the supported-actions bitmap (bit = 1 << type).
const ACTION_NAMES: [&str; 12] = [
    "OUTPUT",
    "SET_VLAN_VID",
    "SET_VLAN_PCP",
    "STRIP_VLAN",
    "SET_DL_SRC",
    "SET_DL_DST",
    "SET_NW_SRC",
    "SET_NW_DST",
    "SET_NW_TOS",
    "SET_TP_SRC",
    "SET_TP_DST",
    "ENQUEUE",
];
const ACTION_VENDOR: u16 = 0xffff;
const ACTIONS_KNOWN: u32 = 0xfff;

/// Flow match wildcard bits (bits 8-19 are the address prefix widths).
const WILDCARDS: &[(u32, &str)] = &[
    (1 << 0, "IN_PORT"),
    (1 << 1, "DL_VLAN"),
    (1 << 2, "DL_SRC"),
    (1 << 3, "DL_DST"),
    (1 << 4, "DL_TYPE"),
    (1 << 5, "NW_PROTO"),
    (1 << 6, "TP_SRC"),
    (1 << 7, "TP_DST"),
    (1 << 20, "DL_VLAN_PCP"),
    (1 << 21, "NW_TOS"),
];
const WILDCARDS_KNOWN: u32 = (1 << 22) - 1;
const FW_IN_PORT: u32 = 1 << 0;
const FW_DL_VLAN: u32 = 1 << 1;
const FW_DL_SRC: u32 = 1 << 2;
const FW_DL_DST: u32 = 1 << 3;
const FW_DL_TYPE: u32 = 1 << 4;
const FW_NW_PROTO: u32 = 1 << 5;
const FW_TP_SRC: u32 = 1 << 6;
const FW_TP_DST: u32 = 1 << 7;
const FW_DL_VLAN_PCP: u32 = 1 << 20;
const FW_NW_TOS: u32 = 1 << 21;

/// Flow-mod flags.
const FLOW_MOD_FLAGS: &[(u32, &str)] = &[
    (1 << 0, "SEND_FLOW_REM"),
    (1 << 1, "CHECK_OVERLAP"),
    (1 << 2, "EMERG"),
];
const FLOW_MOD_FLAGS_KNOWN: u32 = 7;

const FLOW_MOD_COMMANDS: [&str; 5] = ["ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT"];
const FC_ADD: u16 = 0;
const FC_MODIFY: u16 = 1;
const FC_MODIFY_STRICT: u16 = 2;
const FC_DELETE: u16 = 3;
const FC_DELETE_STRICT: u16 = 4;

const CONFIG_FLAGS: [&str; 3] = ["FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"];

const ST_DESC: u16 = 0;
const ST_FLOW: u16 = 1;
const ST_AGGREGATE: u16 = 2;
const ST_TABLE: u16 = 3;
const ST_PORT: u16 = 4;
const ST_QUEUE: u16 = 5;
const ST_VENDOR: u16 = 0xffff;

fn stats_type(t: u16) -> Option<&'static str> {
    Some(match t {
        ST_DESC => "DESC",
        ST_FLOW => "FLOW",
        ST_AGGREGATE => "AGGREGATE",
        ST_TABLE => "TABLE",
        ST_PORT => "PORT",
        ST_QUEUE => "QUEUE",
        ST_VENDOR => "VENDOR",
        _ => return None,
    })
}

/// Error types, each with its code names.
const ERRORS: [(&str, &[&str]); 6] = [
    ("HELLO_FAILED", &["INCOMPATIBLE", "EPERM"]),
    (
        "BAD_REQUEST",
        &[
            "BAD_VERSION",
            "BAD_TYPE",
            "BAD_STAT",
            "BAD_VENDOR",
            "BAD_SUBTYPE",
            "EPERM",
            "BAD_LEN",
            "BUFFER_EMPTY",
            "BUFFER_UNKNOWN",
        ],
    ),
    (
        "BAD_ACTION",
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_VENDOR",
            "BAD_VENDOR_TYPE",
            "BAD_OUT_PORT",
            "BAD_ARGUMENT",
            "EPERM",
            "TOO_MANY",
            "BAD_QUEUE",
        ],
    ),
    (
        "FLOW_MOD_FAILED",
        &[
            "ALL_TABLES_FULL",
            "OVERLAP",
            "EPERM",
            "BAD_EMERG_TIMEOUT",
            "BAD_COMMAND",
            "UNSUPPORTED",
        ],
    ),
    ("PORT_MOD_FAILED", &["BAD_PORT", "BAD_HW_ADDR"]),
    ("QUEUE_OP_FAILED", &["BAD_PORT", "BAD_QUEUE", "EPERM"]),
];

/// Big Switch Networks vendor message subtypes (29 and 30 are unassigned).
const BSN_SUBTYPES: [&str; 36] = [
    "SET_IP_MASK",
    "GET_IP_MASK_REQUEST",
    "GET_IP_MASK_REPLY",
    "SET_MIRRORING",
    "GET_MIRRORING_REQUEST",
    "GET_MIRRORING_REPLY",
    "SHELL_COMMAND",
    "SHELL_OUTPUT",
    "SHELL_STATUS",
    "GET_INTERFACES_REQUEST",
    "GET_INTERFACES_REPLY",
    "SET_PKTIN_SUPPRESSION_REQUEST",
    "SET_L2_TABLE_REQUEST",
    "GET_L2_TABLE_REQUEST",
    "GET_L2_TABLE_REPLY",
    "VIRTUAL_PORT_CREATE_REQUEST",
    "VIRTUAL_PORT_CREATE_REPLY",
    "VIRTUAL_PORT_REMOVE_REQUEST",
    "BW_ENABLE_SET_REQUEST",
    "BW_ENABLE_GET_REQUEST",
    "BW_ENABLE_GET_REPLY",
    "BW_CLEAR_DATA_REQUEST",
    "BW_CLEAR_DATA_REPLY",
    "BW_ENABLE_SET_REPLY",
    "SET_L2_TABLE_REPLY",
    "SET_PKTIN_SUPPRESSION_REPLY",
    "VIRTUAL_PORT_REMOVE_REPLY",
    "HYBRID_GET_REQUEST",
    "HYBRID_GET_REPLY",
    "",
    "",
    "PDU_TX_REQUEST",
    "PDU_TX_REPLY",
    "PDU_RX_REQUEST",
    "PDU_RX_REPLY",
    "PDU_RX_TIMEOUT",
];
const OUI_BSN: u32 = 0x5c16c7;

/// Fixed or minimal sizes of the structures inside the bodies.
const PHY_PORT_LEN: usize = 48;
const ACTION_MIN: usize = 8;
const MATCH_LEN: usize = 40;
const DESC_STATS_LEN: usize = 1056;
const FLOW_STATS_REQUEST_LEN: usize = 44;
const FLOW_STATS_MIN: usize = 88;
const AGGREGATE_STATS_LEN: usize = 24;
const TABLE_STATS_LEN: usize = 64;
const PORT_STATS_REQUEST_LEN: usize = 8;
const PORT_STATS_LEN: usize = 104;
const QUEUE_PROP_MIN: usize = 8;
const QUEUE_PROP_MIN_RATE_LEN: usize = 16;
const PACKET_QUEUE_MIN: usize = 8;
const QUEUE_STATS_REQUEST_LEN: usize = 8;
const QUEUE_STATS_LEN: usize = 32;

const PORT_CONTROLLER: u16 = 0xfffd;
const ETHERTYPE_IP: u16 = 0x0800;
const ETHERTYPE_ARP: u16 = 0x0806;
const IPPROTO_ICMP: u8 = 1;

/// The body of a 1.0 message of type `kind` (its size rule already holds).
pub(super) fn body(c: &mut Ctx, b: Body, kind: u8) -> R {
    match kind {
        0 | 2 | 3 => data(c, b),
        1 => error(c, b, &ERRORS, None),
        4 => vendor_message(c, b),
        6 => features_reply(c, b),
        8 | 9 => switch_config(c, b),
        10 => packet_in(c, b),
        11 => flow_removed(c, b),
        12 => port_status(c, b),
        13 => packet_out(c, b),
        14 => flow_mod(c, b),
        15 => port_mod(c, b),
        16 => stats_request(c, b),
        17 => stats_reply(c, b),
        20 => queue_get_config_request(c, b),
        21 => queue_get_config_reply(c, b),
        _ => b.check_rest(),
    }
}

/// " (invalid)", then the rest of the structure must have been captured.
fn invalid(c: &mut Ctx, b: Body) -> R {
    c.invalid();
    b.check_rest()
}

/// A VLAN id: NONE, or the number with a mark unless it is 1..4094.
fn vlan(c: &mut Ctx, vid: u16) {
    if vid == 0xffff {
        c.s("NONE");
        return;
    }
    c.dec(vid);
    if vid == 0 || vid >= 0xfff {
        c.s(" (bogus)");
    }
}

/// A VLAN priority, marked above 7.
fn pcp(c: &mut Ctx, p: u8) {
    c.dec(p);
    if p > 7 {
        c.s(" (bogus)");
    }
}

/// A buffer id: NONE or hex.
fn buffer_id(c: &mut Ctx, id: u32) {
    if id == 0xffff_ffff {
        c.s("NONE");
    } else {
        c.s("0x");
        c.o.hexw(u64::from(id), 8);
    }
}

/// A table id: EMERG, ALL or the number.
fn table_id(c: &mut Ctx, id: u8) {
    match id {
        0xfe => c.s("EMERG"),
        0xff => c.s("ALL"),
        _ => c.dec(id),
    }
}

/// A queue id: ALL or the number.
fn queue_id(c: &mut Ctx, id: u32) {
    if id == 0xffff_ffff {
        c.s("ALL");
    } else {
        c.dec(id);
    }
}

/// ", vendor 0x%08x (name)".
fn vendor(c: &mut Ctx, v: u32) {
    c.s(", vendor 0x");
    c.o.hexw(u64::from(v), 8);
    c.s(" (");
    c.s(vendor_name(v));
    c.s(")");
}

fn vendor_message(c: &mut Ctx, mut b: Body) -> R {
    let v = b.u32(0)?;
    b.fwd(4);
    vendor(c, v);
    if v == OUI_BSN {
        bsn_message(c, b)
    } else {
        data(c, b)
    }
}

/// A vendor id and optional data (statistics of type VENDOR).
fn vendor_data(c: &mut Ctx, mut b: Body) -> R {
    if b.len < 4 {
        return invalid(c, b);
    }
    let v = b.u32(0)?;
    b.fwd(4);
    vendor(c, v);
    data(c, b)
}

fn bsn_message(c: &mut Ctx, mut b: Body) -> R {
    if b.len < 4 {
        return invalid(c, b);
    }
    let sub = b.u32(0)?;
    b.fwd(4);
    c.s("\n\t subtype ");
    match usize::try_from(sub).ok().and_then(|i| BSN_SUBTYPES.get(i)) {
        Some(name) if !name.is_empty() => c.s(name),
        _ => {
            c.s("unknown (0x");
            c.o.hexw(u64::from(sub), 8);
            c.s(")");
        }
    }
    match sub {
        // GET_IP_MASK_REQUEST: index and padding.
        1 => {
            if b.len != 8 {
                return invalid(c, b);
            }
            num(c, ", index ", b.u8(0)?);
            b.check(1, 7)
        }
        // SET_IP_MASK, GET_IP_MASK_REPLY: index, padding, mask.
        0 | 2 => {
            if b.len != 8 {
                return invalid(c, b);
            }
            num(c, ", index ", b.u8(0)?);
            let a = b.bytes(4, 4)?;
            c.s(", mask ");
            c.ipaddr(a);
            Ok(())
        }
        // The mirroring messages: report_mirror_ports and padding.
        3..=5 => {
            if b.len != 4 {
                return invalid(c, b);
            }
            let v = b.u8(0)?;
            c.s(", report_mirror_ports ");
            match v {
                0 => c.s("OFF"),
                1 => c.s("ON"),
                v => {
                    c.s("bogus (");
                    c.dec(v);
                    c.s(")");
                }
            }
            b.check(1, 3)
        }
        // Requests without a body.
        9 | 13 | 19 | 21 | 27 => {
            if b.len != 0 {
                return invalid(c, b);
            }
            Ok(())
        }
        // VIRTUAL_PORT_REMOVE_REQUEST: the port number.
        17 => {
            if b.len != 4 {
                return invalid(c, b);
            }
            num(c, ", vport_no ", b.u32(0)?);
            Ok(())
        }
        // SHELL_COMMAND: service, then the command text.
        6 => {
            if b.len < 4 {
                return invalid(c, b);
            }
            num(c, ", service ", b.u32(0)?);
            b.fwd(4);
            c.s(", data '");
            printn(c, b.d, b.p, b.len)?;
            c.s("'");
            Ok(())
        }
        // SHELL_OUTPUT: the text.
        7 => {
            c.s(", data '");
            printn(c, b.d, b.p, b.len)?;
            c.s("'");
            Ok(())
        }
        // SHELL_STATUS: the status word.
        8 => {
            if b.len != 4 {
                return invalid(c, b);
            }
            let v = b.u32(0)?;
            c.s(", status 0x");
            c.o.hexw(u64::from(v), 8);
            Ok(())
        }
        _ => b.check_rest(),
    }
}

fn bsn_action(c: &mut Ctx, mut b: Body) -> R {
    if b.len < 4 {
        return invalid(c, b);
    }
    let sub = b.u32(0)?;
    b.fwd(4);
    c.s("\n\t  subtype ");
    match sub {
        1 => c.s("MIRROR"),
        2 => c.s("SET_TUNNEL_DST"),
        4 => c.s("CHECKSUM"),
        _ => {
            c.s("unknown (0x");
            c.o.hexw(u64::from(sub), 8);
            c.s(")");
        }
    }
    if sub != 1 {
        return b.check_rest();
    }
    if b.len != 12 {
        return invalid(c, b);
    }
    num(c, ", dest_port ", b.u32(0)?);
    let tag = b.u32(4)?;
    match tag >> 16 {
        0 => c.s(", vlan_tag none"),
        0x8100 => {
            c.s(", vlan_tag 802.1Q (");
            crate::print::ether::tci(c, tag as u16);
            c.s(")");
        }
        t => {
            c.s(", vlan_tag unknown (0x");
            c.o.hexw(u64::from(t), 4);
            c.s(")");
        }
    }
    let v = b.u8(8)?;
    c.s(", copy_stage ");
    match v {
        0 => c.s("INGRESS"),
        1 => c.s("EGRESS"),
        v => {
            c.s("unknown (");
            c.dec(v);
            c.s(")");
        }
    }
    b.check(9, 3)
}

fn vendor_action(c: &mut Ctx, mut b: Body) -> R {
    if b.len < 4 {
        return invalid(c, b);
    }
    let v = b.u32(0)?;
    b.fwd(4);
    vendor(c, v);
    if v == OUI_BSN {
        bsn_action(c, b)
    } else {
        data(c, b)
    }
}

/// The packet carried by PACKET_IN and PACKET_OUT: its size, and with -vvv
/// the Ethernet frame decoded at three levels less verbosity.
fn packet_data(c: &mut Ctx, b: Body) -> R {
    if b.len == 0 {
        return Ok(());
    }
    c.s("\n\t data (");
    c.dec(b.len as u64);
    c.s(" octets)");
    if c.opts.verbose < 3 {
        return b.check_rest();
    }
    c.s(", frame decoding below\n");
    // tcpdump lowers its global verbosity for the frame and raises it again
    // only when the frame was decoded to its end: a truncated frame leaves it
    // lowered for the packets that follow.
    c.opts.verbose -= 3;
    let end = b.p.saturating_add(b.len).min(b.d.len());
    let frame = b.d.get(b.p..end).unwrap_or(&[]);
    crate::print::ether::print(c, frame, b.len)?;
    c.opts.verbose += 3;
    Ok(())
}

/// A physical port description (48 bytes at `p`).
fn phy_port(c: &mut Ctx, b: &Body, p: usize) -> R {
    let v = b.u16(p)?;
    c.s("\n\t  port_no ");
    port16(c, v);
    let mac = b.bytes(p + 2, 6)?;
    c.s(", hw_addr ");
    c.etheraddr(mac);
    c.s(", name '");
    printjnp(c, b.d, b.p + p + 8, 16)?;
    c.s("'");
    let p = p + 24;
    if c.opts.verbose < 2 {
        return b.check(p, 24);
    }
    bits32(
        c,
        "\n\t   config",
        b.u32(p)?,
        PORT_CONFIG,
        PORT_CONFIG_KNOWN,
    );
    let state = b.u32(p + 4)?;
    c.s("\n\t   state 0x");
    c.o.hexw(u64::from(state), 8);
    c.s(" (");
    c.s(STP_STATE[(state >> 8 & 3) as usize]);
    if state & 1 != 0 {
        c.s(", LINK_DOWN");
    }
    c.s(")");
    if state & !PORT_STATE_KNOWN != 0 {
        c.s(" (bogus)");
    }
    port_features(c, b, p + 8, PORT_FEATURES, PORT_FEATURES_KNOWN)?;
    Ok(())
}

/// Queue properties (-vv).
fn queue_props(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < QUEUE_PROP_MIN {
            return invalid(c, b);
        }
        let prop = b.u16(0)?;
        c.s("\n\t   property ");
        match prop {
            0 => c.s("NONE"),
            1 => c.s("MIN_RATE"),
            _ => hex_invalid(c, prop),
        }
        b.fwd(2);
        let plen = usize::from(b.u16(0)?);
        b.fwd(2);
        c.s(", len ");
        c.dec(plen as u64);
        if plen < QUEUE_PROP_MIN || plen > b.len + 4 {
            return invalid(c, b);
        }
        b.chk_fwd(4)?;
        let (bogus, skip) = match prop {
            0 => (plen != QUEUE_PROP_MIN, false),
            1 => (plen != QUEUE_PROP_MIN_RATE_LEN, false),
            _ => (false, true),
        };
        if bogus {
            c.s(" (bogus)");
        }
        if bogus || skip {
            b.chk_fwd(plen - QUEUE_PROP_MIN)?;
            continue;
        }
        if prop == 1 {
            let rate = b.u16(0)?;
            b.fwd(2);
            if rate > 1000 {
                c.s(", rate disabled");
            } else {
                c.s(", rate ");
                c.dec(rate / 10);
                c.s(".");
                c.dec(rate % 10);
                c.s("%");
            }
            b.chk_fwd(6)?;
        }
    }
    Ok(())
}

/// Queue descriptions.
fn queues(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < PACKET_QUEUE_MIN {
            return invalid(c, b);
        }
        num(c, "\n\t  queue_id ", b.u32(0)?);
        b.fwd(4);
        let dlen = usize::from(b.u16(0)?);
        b.fwd(2);
        c.s(", len ");
        c.dec(dlen as u64);
        if dlen < PACKET_QUEUE_MIN || dlen > b.len + 6 {
            return invalid(c, b);
        }
        b.chk_fwd(2)?;
        let props = dlen - PACKET_QUEUE_MIN;
        if c.opts.verbose >= 2 {
            queue_props(c, b.sub(props))?;
        } else {
            b.check(0, props)?;
        }
        b.fwd(props);
    }
    Ok(())
}

/// A flow match (40 bytes at `p`); only the fields not wildcarded are read.
fn flow_match(c: &mut Ctx, pfx: &str, b: &Body, p: usize) -> R {
    let w = b.u32(p)?;
    if w & !WILDCARDS_KNOWN != 0 {
        c.s(pfx);
        c.s("wildcards 0x");
        c.o.hexw(u64::from(w), 8);
        c.s(" (bogus)");
    }
    let field = |c: &mut Ctx, name: &str| {
        c.s(pfx);
        c.s("match ");
        c.s(name);
        c.s(" ");
    };
    if w & FW_IN_PORT == 0 {
        let v = b.u16(p + 4)?;
        field(c, "in_port");
        port16(c, v);
    }
    if w & FW_DL_SRC == 0 {
        let a = b.bytes(p + 6, 6)?;
        field(c, "dl_src");
        c.etheraddr(a);
    }
    if w & FW_DL_DST == 0 {
        let a = b.bytes(p + 12, 6)?;
        field(c, "dl_dst");
        c.etheraddr(a);
    }
    if w & FW_DL_VLAN == 0 {
        let v = b.u16(p + 18)?;
        field(c, "dl_vlan");
        vlan(c, v);
    }
    if w & FW_DL_VLAN_PCP == 0 {
        let v = b.u8(p + 20)?;
        field(c, "dl_vlan_pcp");
        pcp(c, v);
    }
    let dl_type = b.u16(p + 22)?;
    let typed = w & FW_DL_TYPE == 0;
    if typed {
        field(c, "dl_type");
        c.s("0x");
        c.o.hexw(u64::from(dl_type), 4);
    }
    if w & FW_NW_TOS == 0 {
        let v = b.u8(p + 24)?;
        field(c, "nw_tos");
        c.s("0x");
        c.o.hexw(u64::from(v), 2);
    }
    let nw_proto = b.u8(p + 25)?;
    let proto_set = w & FW_NW_PROTO == 0;
    if proto_set {
        let arp = typed && dl_type == ETHERTYPE_ARP;
        field(c, if arp { "arp_opcode" } else { "nw_proto" });
        c.dec(nw_proto);
    }
    for (shift, name, at) in [(8, "nw_src", 28), (14, "nw_dst", 32)] {
        let bits = w >> shift & 0x3f;
        if bits < 32 {
            let a = b.bytes(p + at, 4)?;
            field(c, name);
            c.ipaddr(a);
            c.s("/");
            c.dec(32 - bits);
        }
    }
    let icmp = typed && dl_type == ETHERTYPE_IP && proto_set && nw_proto == IPPROTO_ICMP;
    if w & FW_TP_SRC == 0 {
        let v = b.u16(p + 36)?;
        field(c, if icmp { "icmp_type" } else { "tp_src" });
        c.dec(v);
    }
    let v = b.u16(p + 38)?;
    if w & FW_TP_DST == 0 {
        field(c, if icmp { "icmp_code" } else { "tp_dst" });
        c.dec(v);
    }
    Ok(())
}

/// A list of actions; a bad action length ends it as invalid.
fn actions(c: &mut Ctx, pfx: &str, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < ACTION_MIN {
            return invalid(c, b);
        }
        let kind = b.u16(0)?;
        b.fwd(2);
        c.s(pfx);
        c.s("action type ");
        match ACTION_NAMES.get(usize::from(kind)) {
            Some(name) => c.s(name),
            None if kind == ACTION_VENDOR => c.s("VENDOR"),
            None => hex_invalid(c, kind),
        }
        let alen = usize::from(b.u16(0)?);
        b.fwd(2);
        c.s(", len ");
        c.dec(alen as u64);
        if alen < ACTION_MIN || alen > b.len + 4 {
            return invalid(c, b);
        }
        let (bogus, skip) = match kind {
            0..=3 | 6..=10 => (alen != 8, false),
            4 | 5 | 11 => (alen != 16, false),
            ACTION_VENDOR => (alen % 8 != 0, false),
            _ => (false, true),
        };
        if bogus {
            c.s(" (bogus)");
        }
        if bogus || skip {
            b.chk_fwd(alen - 4)?;
            continue;
        }
        match kind {
            0 => {
                let port = b.u16(0)?;
                b.fwd(2);
                c.s(", port ");
                port16(c, port);
                let max_len = b.u16(0)?;
                if port == PORT_CONTROLLER {
                    c.s(", max_len ");
                    c.dec(max_len);
                }
                b.fwd(2);
            }
            1 => {
                let v = b.u16(0)?;
                c.s(", vlan_vid ");
                vlan(c, v);
                b.fwd(2);
                b.chk_fwd(2)?;
            }
            2 => {
                let v = b.u8(0)?;
                c.s(", vlan_pcp ");
                pcp(c, v);
                b.fwd(1);
                b.chk_fwd(3)?;
            }
            4 | 5 => {
                let a = b.bytes(0, 6)?;
                c.s(", dl_addr ");
                c.etheraddr(a);
                b.fwd(6);
                b.chk_fwd(6)?;
            }
            6 | 7 => {
                let a = b.bytes(0, 4)?;
                c.s(", nw_addr ");
                c.ipaddr(a);
                b.fwd(4);
            }
            8 => {
                let v = b.u8(0)?;
                c.s(", nw_tos 0x");
                c.o.hexw(u64::from(v), 2);
                b.fwd(1);
                b.chk_fwd(3)?;
            }
            9 | 10 => {
                num(c, ", tp_port ", b.u16(0)?);
                b.fwd(2);
                b.chk_fwd(2)?;
            }
            11 => {
                let v = b.u16(0)?;
                c.s(", port ");
                port16(c, v);
                let v = b.u32(8)?;
                c.s(", queue_id ");
                queue_id(c, v);
                b.fwd(12);
            }
            ACTION_VENDOR => {
                vendor_action(c, b.sub(alen - 4))?;
                b.fwd(alen - 4);
            }
            // STRIP_VLAN: padding only.
            _ => b.chk_fwd(4)?,
        }
    }
    Ok(())
}

fn features_reply(c: &mut Ctx, mut b: Body) -> R {
    let v = b.u64(0)?;
    c.s("\n\t dpid 0x");
    c.o.hexw(v, 16);
    num(c, ", n_buffers ", b.u32(8)?);
    num(c, ", n_tables ", b.u8(12)?);
    bits32(
        c,
        "\n\t capabilities",
        b.u32(16)?,
        CAPABILITIES,
        CAPABILITIES_KNOWN,
    );
    bits32(c, "\n\t actions", b.u32(20)?, &action_bits(), ACTIONS_KNOWN);
    b.fwd(24);
    while b.len > 0 {
        if b.len < PHY_PORT_LEN {
            return invalid(c, b);
        }
        phy_port(c, &b, 0)?;
        b.fwd(PHY_PORT_LEN);
    }
    Ok(())
}

/// The supported-actions bitmap: bit n is action type n.
fn action_bits() -> [(u32, &'static str); 12] {
    let mut out = [(0, ""); 12];
    for (i, name) in ACTION_NAMES.iter().enumerate() {
        out[i] = (1 << i, name);
    }
    out
}

fn switch_config(c: &mut Ctx, b: Body) -> R {
    let flags = b.u16(0)?;
    c.s("\n\t flags ");
    match CONFIG_FLAGS.get(usize::from(flags)) {
        Some(name) => c.s(name),
        None => hex_invalid(c, flags),
    }
    num(c, ", miss_send_len ", b.u16(2)?);
    Ok(())
}

/// ", name N" when N is not zero.
fn nonzero16(c: &mut Ctx, name: &str, v: u16) {
    if v != 0 {
        c.s(name);
        c.dec(v);
    }
}

fn flow_mod(c: &mut Ctx, mut b: Body) -> R {
    flow_match(c, "\n\t ", &b, 0)?;
    b.fwd(MATCH_LEN);
    let v = b.u64(0)?;
    c.s("\n\t cookie 0x");
    c.o.hexw(v, 16);
    let command = b.u16(8)?;
    c.s(", command ");
    match FLOW_MOD_COMMANDS.get(usize::from(command)) {
        Some(name) => c.s(name),
        None => hex_invalid(c, command),
    }
    nonzero16(c, ", idle_timeout ", b.u16(10)?);
    nonzero16(c, ", hard_timeout ", b.u16(12)?);
    nonzero16(c, ", priority ", b.u16(14)?);
    if matches!(command, FC_ADD | FC_MODIFY | FC_MODIFY_STRICT) {
        let v = b.u32(16)?;
        c.s(", buffer_id ");
        buffer_id(c, v);
    }
    if matches!(command, FC_DELETE | FC_DELETE_STRICT) {
        let v = b.u16(20)?;
        c.s(", out_port ");
        port16(c, v);
    }
    let flags = b.u16(22)?;
    c.s(", flags 0x");
    c.o.hexw(u64::from(flags), 4);
    bitmap(c, u32::from(flags), FLOW_MOD_FLAGS, FLOW_MOD_FLAGS_KNOWN);
    b.fwd(24);
    actions(c, "\n\t ", b)
}

fn port_mod(c: &mut Ctx, b: Body) -> R {
    let v = b.u16(0)?;
    c.s("\n\t port_no ");
    port16(c, v);
    let mac = b.bytes(2, 6)?;
    c.s(", hw_addr ");
    c.etheraddr(mac);
    bits32(c, "\n\t config", b.u32(8)?, PORT_CONFIG, PORT_CONFIG_KNOWN);
    bits32(c, "\n\t mask", b.u32(12)?, PORT_CONFIG, PORT_CONFIG_KNOWN);
    bits32(
        c,
        "\n\t advertise",
        b.u32(16)?,
        PORT_FEATURES,
        PORT_FEATURES_KNOWN,
    );
    b.check(20, 4)
}

fn queue_get_config_request(c: &mut Ctx, b: Body) -> R {
    let v = b.u16(0)?;
    c.s("\n\t port ");
    port16(c, v);
    b.check(2, 2)
}

fn queue_get_config_reply(c: &mut Ctx, mut b: Body) -> R {
    let v = b.u16(0)?;
    c.s("\n\t port ");
    port16(c, v);
    b.fwd(2);
    b.chk_fwd(6)?;
    queues(c, b)
}

fn stats_request(c: &mut Ctx, mut b: Body) -> R {
    let kind = b.u16(0)?;
    b.fwd(2);
    c.s("\n\t type ");
    match stats_type(kind) {
        Some(name) => c.s(name),
        None => hex_invalid(c, kind),
    }
    let flags = b.u16(0)?;
    c.s(", flags 0x");
    c.o.hexw(u64::from(flags), 4);
    if flags != 0 {
        c.s(" (bogus)");
    }
    b.fwd(2);
    match kind {
        ST_DESC | ST_TABLE => {
            if b.len != 0 {
                return invalid(c, b);
            }
            Ok(())
        }
        ST_FLOW | ST_AGGREGATE => {
            if b.len != FLOW_STATS_REQUEST_LEN {
                return invalid(c, b);
            }
            flow_match(c, "\n\t ", &b, 0)?;
            let v = b.u8(40)?;
            c.s("\n\t table_id ");
            table_id(c, v);
            let v = b.u16(42)?;
            c.s(", out_port ");
            port16(c, v);
            Ok(())
        }
        ST_PORT => {
            if b.len != PORT_STATS_REQUEST_LEN {
                return invalid(c, b);
            }
            let v = b.u16(0)?;
            c.s("\n\t port_no ");
            port16(c, v);
            b.check(2, 6)
        }
        ST_QUEUE => {
            if b.len != QUEUE_STATS_REQUEST_LEN {
                return invalid(c, b);
            }
            let v = b.u16(0)?;
            c.s("\n\t port_no ");
            port16(c, v);
            let v = b.u32(4)?;
            c.s(", queue_id ");
            queue_id(c, v);
            Ok(())
        }
        ST_VENDOR => vendor_data(c, b),
        // tcpdump leaves the body of other types unchecked.
        _ => Ok(()),
    }
}

fn stats_reply(c: &mut Ctx, mut b: Body) -> R {
    let kind = b.u16(0)?;
    c.s("\n\t type ");
    match stats_type(kind) {
        Some(name) => c.s(name),
        None => hex_invalid(c, kind),
    }
    b.fwd(2);
    let flags = b.u16(0)?;
    c.s(", flags 0x");
    c.o.hexw(u64::from(flags), 4);
    bitmap(c, u32::from(flags), &[(1, "MORE")], 1);
    b.fwd(2);
    match kind {
        ST_DESC => desc_stats(c, b),
        ST_FLOW => flow_stats(c, b),
        ST_AGGREGATE => aggregate_stats(c, b),
        ST_TABLE => table_stats(c, b),
        ST_PORT => port_stats(c, b),
        ST_QUEUE => queue_stats(c, b),
        ST_VENDOR => vendor_data(c, b),
        _ => b.check_rest(),
    }
}

fn desc_stats(c: &mut Ctx, b: Body) -> R {
    if b.len != DESC_STATS_LEN {
        return invalid(c, b);
    }
    let fields = [
        ("\n\t  mfr_desc '", 0, 256),
        ("\n\t  hw_desc '", 256, 256),
        ("\n\t  sw_desc '", 512, 256),
        ("\n\t  serial_num '", 768, 32),
        ("\n\t  dp_desc '", 800, 256),
    ];
    for (name, at, n) in fields {
        c.s(name);
        printjnp(c, b.d, b.p + at, n)?;
        c.s("'");
    }
    Ok(())
}

/// ", name %u" for a 64-bit counter at `at`.
fn counter(c: &mut Ctx, name: &str, b: &Body, at: usize) -> R {
    let v = b.u64(at)?;
    c.s(name);
    c.dec(v);
    Ok(())
}

fn flow_stats(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < FLOW_STATS_MIN {
            return invalid(c, b);
        }
        let entry = usize::from(b.u16(0)?);
        c.s("\n\t length ");
        c.dec(entry as u64);
        if entry < FLOW_STATS_MIN || entry > b.len {
            return invalid(c, b);
        }
        let v = b.u8(2)?;
        c.s(", table_id ");
        table_id(c, v);
        flow_match(c, "\n\t  ", &b, 4)?;
        num(c, "\n\t  duration_sec ", b.u32(44)?);
        num(c, ", duration_nsec ", b.u32(48)?);
        num(c, ", priority ", b.u16(52)?);
        num(c, ", idle_timeout ", b.u16(54)?);
        num(c, ", hard_timeout ", b.u16(56)?);
        let v = b.u64(64)?;
        c.s(", cookie 0x");
        c.o.hexw(v, 16);
        counter(c, ", packet_count ", &b, 72)?;
        counter(c, ", byte_count ", &b, 80)?;
        b.fwd(FLOW_STATS_MIN);
        let rest = entry - FLOW_STATS_MIN;
        actions(c, "\n\t  ", b.sub(rest))?;
        b.fwd(rest);
    }
    Ok(())
}

fn aggregate_stats(c: &mut Ctx, b: Body) -> R {
    if b.len != AGGREGATE_STATS_LEN {
        return invalid(c, b);
    }
    counter(c, "\n\t packet_count ", &b, 0)?;
    counter(c, ", byte_count ", &b, 8)?;
    num(c, ", flow_count ", b.u32(16)?);
    b.check(20, 4)
}

fn table_stats(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < TABLE_STATS_LEN {
            return invalid(c, b);
        }
        let v = b.u8(0)?;
        c.s("\n\t table_id ");
        table_id(c, v);
        c.s(", name '");
        printjnp(c, b.d, b.p + 4, 32)?;
        c.s("'");
        let v = b.u32(36)?;
        bits32(c, "\n\t  wildcards", v, WILDCARDS, WILDCARDS_KNOWN);
        num(c, "\n\t  max_entries ", b.u32(40)?);
        num(c, ", active_count ", b.u32(44)?);
        counter(c, ", lookup_count ", &b, 48)?;
        counter(c, ", matched_count ", &b, 56)?;
        b.fwd(TABLE_STATS_LEN);
    }
    Ok(())
}

fn port_stats(c: &mut Ctx, mut b: Body) -> R {
    const COUNTERS: [&str; 12] = [
        ", rx_packets ",
        ", tx_packets ",
        ", rx_bytes ",
        ", tx_bytes ",
        ", rx_dropped ",
        ", tx_dropped ",
        ", rx_errors ",
        ", tx_errors ",
        ", rx_frame_err ",
        ", rx_over_err ",
        ", rx_crc_err ",
        ", collisions ",
    ];
    while b.len > 0 {
        if b.len < PORT_STATS_LEN {
            return invalid(c, b);
        }
        let v = b.u16(0)?;
        c.s("\n\t  port_no ");
        port16(c, v);
        if c.opts.verbose < 2 {
            b.fwd(2);
            b.chk_fwd(PORT_STATS_LEN - 2)?;
            continue;
        }
        for (i, name) in COUNTERS.into_iter().enumerate() {
            counter(c, name, &b, 8 + 8 * i)?;
        }
        b.fwd(PORT_STATS_LEN);
    }
    Ok(())
}

fn queue_stats(c: &mut Ctx, mut b: Body) -> R {
    while b.len > 0 {
        if b.len < QUEUE_STATS_LEN {
            return invalid(c, b);
        }
        let v = b.u16(0)?;
        c.s("\n\t  port_no ");
        port16(c, v);
        num(c, ", queue_id ", b.u32(4)?);
        counter(c, ", tx_bytes ", &b, 8)?;
        counter(c, ", tx_packets ", &b, 16)?;
        counter(c, ", tx_errors ", &b, 24)?;
        b.fwd(QUEUE_STATS_LEN);
    }
    Ok(())
}

fn packet_out(c: &mut Ctx, mut b: Body) -> R {
    let v = b.u32(0)?;
    c.s("\n\t buffer_id 0x");
    c.o.hexw(u64::from(v), 8);
    let v = b.u16(4)?;
    c.s(", in_port ");
    port16(c, v);
    let alen = usize::from(b.u16(6)?);
    b.fwd(8);
    if alen > b.len {
        return invalid(c, b);
    }
    actions(c, "\n\t ", b.sub(alen))?;
    b.fwd(alen);
    packet_data(c, b)
}

fn packet_in(c: &mut Ctx, mut b: Body) -> R {
    let v = b.u32(0)?;
    c.s("\n\t buffer_id ");
    buffer_id(c, v);
    num(c, ", total_len ", b.u16(4)?);
    let v = b.u16(6)?;
    c.s(", in_port ");
    port16(c, v);
    let reason = b.u8(8)?;
    c.s(", reason ");
    match reason {
        0 => c.s("NO_MATCH"),
        1 => c.s("ACTION"),
        _ => {
            c.s("invalid (0x");
            c.o.hexw(u64::from(reason), 2);
            c.s(")");
        }
    }
    b.fwd(9);
    b.chk_fwd(1)?;
    packet_data(c, b)
}

fn flow_removed(c: &mut Ctx, b: Body) -> R {
    flow_match(c, "\n\t ", &b, 0)?;
    let v = b.u64(40)?;
    c.s("\n\t cookie 0x");
    c.o.hexw(v, 16);
    nonzero16(c, ", priority ", b.u16(48)?);
    let reason = b.u8(50)?;
    c.s(", reason ");
    match reason {
        0 => c.s("IDLE_TIMEOUT"),
        1 => c.s("HARD_TIMEOUT"),
        2 => c.s("DELETE"),
        _ => {
            c.s("unknown (0x");
            c.o.hexw(u64::from(reason), 2);
            c.s(")");
        }
    }
    num(c, ", duration_sec ", b.u32(52)?);
    num(c, ", duration_nsec ", b.u32(56)?);
    nonzero16(c, ", idle_timeout ", b.u16(60)?);
    counter(c, ", packet_count ", &b, 64)?;
    counter(c, ", byte_count ", &b, 72)
}

fn port_status(c: &mut Ctx, b: Body) -> R {
    let reason = b.u8(0)?;
    c.s("\n\t reason ");
    match reason {
        0 => c.s("ADD"),
        1 => c.s("DELETE"),
        2 => c.s("MODIFY"),
        _ => {
            c.s("invalid (0x");
            c.o.hexw(u64::from(reason), 2);
            c.s(")");
        }
    }
    phy_port(c, &b, 8)
}
