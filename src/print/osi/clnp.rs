//! CLNP (ISO 8473): the fixed header, addresses, segmentation part, options,
//! and the original packet quoted by error reports and echo replies.

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, bytes, u8_at};
use super::{nsap, nsap_string, print_cksum, unknown_data};

const HDR: usize = 9;
const SEG_HDR: usize = 6;
const PDU_ER: u8 = 1;
const PDU_ERP: u8 = 31;
const FLAG_SEGMENT: u8 = 0x80;

const OPT_DISCARD_REASON: u8 = 193;
const OPT_QOS: u8 = 195;
const OPT_SECURITY: u8 = 197;
const OPT_SOURCE_ROUTING: u8 = 200;
const OPT_ROUTE_RECORDING: u8 = 203;
const OPT_PADDING: u8 = 204;
const OPT_PRIORITY: u8 = 205;

fn pdu_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Error Report",
        29 => "MD",
        28 => "Data",
        30 => "Echo Request",
        31 => "Echo Response",
        _ => return None,
    })
}

fn pdu(c: &mut Ctx, t: u8) {
    match pdu_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown (");
            c.dec(t);
            c.s(")");
        }
    }
}

fn option_name(op: u8) -> &'static str {
    match op {
        OPT_DISCARD_REASON => "Discard Reason",
        OPT_PRIORITY => "Priority",
        OPT_QOS => "QoS Maintenance",
        OPT_SECURITY => "Security",
        OPT_SOURCE_ROUTING => "Source Routing",
        OPT_ROUTE_RECORDING => "Route Recording",
        OPT_PADDING => "Padding",
        _ => "Unknown",
    }
}

const FLAGS: &[(u32, &str)] = &[
    (0x80, "Segmentation permitted"),
    (0x40, "more Segments"),
    (0x20, "request Error Report"),
];

const QOS_GLOBAL: &[(u32, &str)] = &[
    (0x20, "reserved"),
    (0x10, "sequencing vs. delay"),
    (0x08, "congested"),
    (0x04, "delay vs. cost"),
    (0x02, "error vs. delay"),
    (0x01, "error vs. cost"),
];

fn scope_name(v: u8) -> &'static str {
    match v & 0xc0 {
        0x40 => "Source Address Specific",
        0x80 => "Destination Address Specific",
        0xc0 => "Globally unique",
        _ => "Reserved",
    }
}

fn rfd_class(major: u8) -> &'static str {
    match major {
        0x0 => "General",
        0x8 => "Address",
        0x9 => "Source Routeing",
        0xa => "Lifetime",
        0xb => "PDU Discarded",
        0xc => "Reassembly",
        _ => "Unknown",
    }
}

fn rfd_error(major: u8, minor: u8) -> &'static str {
    let t: &[&str] = match major {
        0x0 => &[
            "Reason not specified",
            "Protocol procedure error",
            "Incorrect checksum",
            "PDU discarded due to congestion",
            "Header syntax error (cannot be parsed)",
            "Segmentation needed but not permitted",
            "Incomplete PDU received",
            "Duplicate option",
        ],
        0x8 => &[
            "Destination address unreachable",
            "Destination address unknown",
        ],
        0x9 => &[
            "Unspecified source routeing error",
            "Syntax error in source routeing field",
            "Unknown address in source routeing field",
            "Path not acceptable",
        ],
        0xa => &[
            "Lifetime expired while data unit in transit",
            "Lifetime expired during reassembly",
        ],
        0xb => &[
            "Unsupported option not specified",
            "Unsupported protocol version",
            "Unsupported security option",
            "Unsupported source routeing option",
            "Unsupported recording of route option",
        ],
        0xc => &["Reassembly interference"],
        _ => &[],
    };
    t.get(usize::from(minor)).copied().unwrap_or("Unknown")
}

/// tcpdump's clnp_print; Ok(false) where it returns 0 (the caller then dumps
/// the PDU).
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    if c.depth >= super::super::MAX_DEPTH {
        return Err(Trunc);
    }
    c.depth += 1;
    let r = print_inner(c, d, length);
    c.depth -= 1;
    r
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    c.proto = "clnp";
    if d.len() < HDR {
        c.trunc_mark();
        return Ok(true);
    }
    let li = usize::from(d[1]);
    let mut li_rem = li;
    let e = c.opts.link_header;
    if !e {
        c.s("CLNP");
    }
    let version = d[2];
    if version != 1 {
        c.s("version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(false);
    }
    if li > length {
        c.s(" length indicator(");
        c.dec(li as u64);
        c.s(") > PDU size (");
        c.dec(length as u64);
        c.s(")!");
        return Ok(false);
    }
    if li < HDR {
        c.s(" length indicator ");
        c.dec(li as u64);
        c.s(" < min PDU size:");
        for b in d {
            c.s(&format!("{b:02X}"));
        }
        return Ok(false);
    }
    let pdu_type = d[4] & 0x1f;
    let flags = d[4] & 0xe0;
    let mut p = HDR;
    li_rem -= HDR;
    const SHORT: &str = "li < size of fixed part of CLNP header and addresses";
    if li_rem < 1 {
        c.s(SHORT);
        return Ok(false);
    }
    let dst_len = usize::from(u8_at(d, p)?);
    p += 1;
    li_rem -= 1;
    if li_rem < dst_len {
        c.s(SHORT);
        return Ok(false);
    }
    if bytes(d, p, dst_len).is_err() {
        c.trunc_mark();
        return Ok(true);
    }
    let dst = p;
    p += dst_len;
    li_rem -= dst_len;
    if li_rem < 1 {
        c.s(SHORT);
        return Ok(false);
    }
    let src_len = usize::from(u8_at(d, p)?);
    p += 1;
    li_rem -= 1;
    if li_rem < src_len {
        c.s(SHORT);
        return Ok(false);
    }
    if bytes(d, p, src_len).is_err() {
        c.trunc_mark();
        return Ok(true);
    }
    let src = p;
    p += src_len;
    li_rem -= src_len;

    if c.opts.verbose < 1 {
        let s = nsap_string(d, src, src_len)?;
        let t = nsap_string(d, dst, dst_len)?;
        c.s(if e { "" } else { ", " });
        c.s(&s);
        c.s(" > ");
        c.s(&t);
        c.s(", ");
        pdu(c, pdu_type);
        c.s(", length ");
        c.dec(length as u64);
        return Ok(true);
    }
    c.s(if e { "" } else { ", " });
    c.s("length ");
    c.dec(length as u64);
    c.s("\n\t");
    pdu(c, pdu_type);
    let lifetime = d[3];
    let cksum = be16(d, 7)?;
    c.s(" PDU, hlen: ");
    c.dec(li as u64);
    c.s(", v: ");
    c.dec(version);
    c.s(", lifetime: ");
    c.dec(lifetime / 2);
    c.s(".");
    c.dec((lifetime % 2) * 5);
    c.s("s, Segment PDU length: ");
    c.dec(be16(d, 5)?);
    c.s(", checksum: 0x");
    c.o.hexw(u64::from(cksum), 4);
    print_cksum(c, d, cksum, 7, li);
    c.s("\n\tFlags [");
    super::super::ospf::bits(c, FLAGS, u32::from(flags), "none");
    c.s("]");
    let s = nsap_string(d, src, src_len)?;
    let t = nsap_string(d, dst, dst_len)?;
    c.s("\n\tsource address (length ");
    c.dec(src_len as u64);
    c.s("): ");
    c.s(&s);
    c.s("\n\tdest   address (length ");
    c.dec(dst_len as u64);
    c.s("): ");
    c.s(&t);

    if flags & FLAG_SEGMENT != 0 {
        if li_rem < SEG_HDR {
            c.s("li < size of fixed part of CLNP header, addresses, and segment part");
            return Ok(false);
        }
        if bytes(d, p, SEG_HDR).is_err() {
            c.trunc_mark();
            return Ok(true);
        }
        c.s("\n\tData Unit ID: 0x");
        c.o.hexw(u64::from(be16(d, p)?), 4);
        c.s(", Segment Offset: ");
        c.dec(be16(d, p + 2)?);
        c.s(", Total PDU Length: ");
        c.dec(be16(d, p + 4)?);
        p += SEG_HDR;
        li_rem -= SEG_HDR;
    }

    while li_rem != 0 {
        if li_rem < 2 {
            c.s(", bad opts/li");
            return Ok(false);
        }
        let op = u8_at(d, p)?;
        let opli = usize::from(u8_at(d, p + 1)?);
        p += 2;
        li_rem -= 2;
        if opli > li_rem {
            c.s(", opt (");
            c.dec(op);
            c.s(") too long");
            return Ok(false);
        }
        if bytes(d, p, opli).is_err() {
            c.trunc_mark();
            return Ok(true);
        }
        li_rem -= opli;
        let v = &d[p..p + opli];
        c.s("\n\t  ");
        c.s(option_name(op));
        c.s(" Option #");
        c.dec(op);
        c.s(", length ");
        c.dec(opli as u64);
        c.s(", value: ");
        match op {
            OPT_ROUTE_RECORDING | OPT_SOURCE_ROUTING => {
                if opli < 2 {
                    c.s(", bad opt len");
                    return Ok(false);
                }
                c.s(match v[0] {
                    0 => "partial",
                    1 => "complete",
                    _ => "Unknown",
                });
                c.s(" ");
                c.s(if op == OPT_SOURCE_ROUTING {
                    "source routing"
                } else {
                    "recording of route in progress"
                });
                source_route(c, v);
            }
            OPT_PRIORITY => {
                if opli < 1 {
                    c.s(", bad opt len");
                    return Ok(false);
                }
                c.s("0x");
                c.o.hex(u64::from(v[0] & 0x0f));
            }
            OPT_QOS => {
                if opli < 1 {
                    c.s(", bad opt len");
                    return Ok(false);
                }
                c.s("\n\t    Format Code: ");
                c.s(scope_name(v[0]));
                if v[0] & 0xc0 == 0xc0 {
                    c.s("\n\t    QoS Flags [");
                    super::super::ospf::bits(c, QOS_GLOBAL, u32::from(v[0] & 0x3f), "none");
                    c.s("]");
                }
            }
            OPT_SECURITY => {
                if opli < 2 {
                    c.s(", bad opt len");
                    return Ok(false);
                }
                c.s("\n\t    Format Code: ");
                c.s(scope_name(v[0]));
                c.s(", Security-Level ");
                c.dec(v[1]);
            }
            OPT_DISCARD_REASON => {
                if opli < 1 {
                    c.s(", bad opt len");
                    return Ok(false);
                }
                let major = v[0] >> 4;
                let minor = v[0] & 0x0f;
                c.s("\n\t    Class: ");
                c.s(rfd_class(major));
                c.s(" Error (0x");
                c.o.hex(u64::from(major));
                c.s("), ");
                c.s(rfd_error(major, minor));
                c.s(" (0x");
                c.o.hex(u64::from(minor));
                c.s(")");
            }
            OPT_PADDING => c.s("padding data"),
            _ => {
                unknown_data(c, d, p, "\n\t  ", opli);
            }
        }
        if c.opts.verbose > 1 {
            unknown_data(c, d, p, "\n\t  ", opli);
        }
        p += opli;
    }

    // error reports (and echo replies) quoting a CLNP PDU print it
    if (pdu_type == PDU_ER || pdu_type == PDU_ERP) && u8_at(d, p)? == super::NLPID_CLNP {
        c.s("\n\t-----original packet-----\n\t");
        print(c, &d[p..], length.wrapping_sub(li))?;
        return Ok(true);
    }
    if length > p {
        c.s("\n\t  undecoded non-header data, length ");
        c.dec(length.wrapping_sub(li) as u64);
        unknown_data(c, d, p, "\n\t  ", length - p);
    }
    Ok(true)
}

/// The NSAP list of the source routing and route recording options.
fn source_route(c: &mut Ctx, v: &[u8]) {
    let off = usize::from(v[1]);
    if off == 0 {
        c.s(" Bad NSAP offset (0)");
        return;
    }
    let off = off - 1;
    let mut tlen = v.len();
    if off > tlen {
        c.s(" Bad NSAP offset (past end of option)");
        return;
    }
    let t = off;
    tlen -= off;
    while tlen > 0 {
        let alen = usize::from(v[t]);
        if tlen < alen + 1 {
            c.s("\n\t    NSAP address goes past end of option");
            break;
        }
        if alen > 0 {
            c.s("\n\t    NSAP address (length ");
            c.dec(alen as u64);
            c.s("): ");
            // the option was captured whole
            let _ = nsap(c, v, t + 1, alen);
        }
        tlen -= alen + 1;
    }
}
