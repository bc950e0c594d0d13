//! SNMP (UDP ports 161/162) as tcpdump 4.99 prints it without libsmi: the BER
//! walk of v1/v2c community messages and v3 messages, PDUs and variable
//! bindings, OIDs numeric with `-n` and through tcpdump's compiled-in MIB-II
//! names otherwise (see [`super::snmp_mib`]).
//!
//! Decoding errors print tcpdump's bracketed notes and stop; a short capture
//! found by a bounds check prints ` [|snmp]` and stops (soft), a failed read
//! aborts the packet (Err).

use super::out::Put;
use super::snmp_mib::{self, Node};
use super::{Ctx, R, bytes, u8_at};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Ty {
    Any,
    Null,
    Octet,
    Oid,
    Int,
    Uns,
    Str,
    Seq,
    InetAddr,
    Pdu,
    Uns64,
    NoSuchObject,
    NoSuchInst,
    EndOfMibView,
}

/// One decoded BER element (tcpdump's `struct be`).
#[derive(Clone, Copy)]
struct Be {
    id: u8,
    asnlen: usize,
    ty: Ty,
    /// Offset of the contents in the message.
    off: usize,
    int: i32,
    uns: u32,
    uns64: u64,
}

const UNIVERSAL: [&str; 18] = [
    "U-0",
    "Boolean",
    "Integer",
    "Bitstring",
    "String",
    "Null",
    "ObjID",
    "ObjectDes",
    "U-8",
    "U-9",
    "U-10",
    "U-11",
    "U-12",
    "U-13",
    "U-14",
    "U-15",
    "Sequence",
    "Set",
];
const APPLICATION: [&str; 7] = [
    "IpAddress",
    "Counter",
    "Gauge",
    "TimeTicks",
    "Opaque",
    "C-5",
    "Counter64",
];
const CONTEXT: [&str; 9] = [
    "GetRequest",
    "GetNextRequest",
    "GetResponse",
    "SetRequest",
    "Trap",
    "GetBulk",
    "Inform",
    "V2Trap",
    "Report",
];
const PRIVATE: [&str; 1] = ["P-0"];
const EXCEPTIONS: [&str; 3] = ["noSuchObject", "noSuchInstance", "endOfMibView"];
/// tcpdump names every class "x" in its notes (its class table is built with a
/// macro that quotes the parameter name instead of the argument).
const CLASS_NAMES: [&str; 4] = ["x", "x", "x", "x"];

fn class_ids(class: u8) -> &'static [&'static str] {
    match class {
        0 => &UNIVERSAL,
        1 => &APPLICATION,
        2 => &CONTEXT,
        _ => &PRIVATE,
    }
}

const ERROR_STATUS: [&str; 19] = [
    "noError",
    "tooBig",
    "noSuchName",
    "badValue",
    "readOnly",
    "genErr",
    "noAccess",
    "wrongType",
    "wrongLength",
    "wrongEncoding",
    "wrongValue",
    "noCreation",
    "inconsistentValue",
    "resourceUnavailable",
    "commitFailed",
    "undoFailed",
    "authorizationError",
    "notWritable",
    "inconsistentName",
];

const GENERIC_TRAP: [&str; 7] = [
    "coldStart",
    "warmStart",
    "linkDown",
    "linkUp",
    "authenticationFailure",
    "egpNeighborLoss",
    "enterpriseSpecific",
];

const GETREQ: u8 = 0;
const GETNEXTREQ: u8 = 1;
const GETRESP: u8 = 2;
const SETREQ: u8 = 3;
const TRAP: u8 = 4;
const GETBULKREQ: u8 = 5;
const INFORMREQ: u8 = 6;
const V2TRAP: u8 = 7;
const REPORT: u8 = 8;

/// What a parse step produced: an element and its encoded size, or tcpdump's
/// -1 (the reason is already printed).
type Parsed = Option<(Be, usize)>;

fn soft_trunc(c: &mut Ctx) -> R<Parsed> {
    c.trunc_mark();
    Ok(None)
}

/// tcpdump's asn1_parse over `len` bytes at `p`.
fn parse(c: &mut Ctx, d: &[u8], mut p: usize, mut len: usize) -> R<Parsed> {
    if len < 1 {
        c.s("[nothing to parse]");
        return Ok(None);
    }
    let b0 = u8_at(d, p)?;
    let mut id = b0 & 0x1f;
    let form = (b0 & 0x20) >> 5;
    let class = (b0 & 0xc0) >> 6;
    p += 1;
    len -= 1;
    let mut hdr = 1;
    if id == 0x1f {
        id = 0;
        while u8_at(d, p)? & 0x80 != 0 {
            if len < 1 {
                c.s("[Xtagfield?]");
                return Ok(None);
            }
            id = (id << 7) | (u8_at(d, p)? & 0x7f);
            len -= 1;
            hdr += 1;
            p += 1;
        }
        if len < 1 {
            c.s("[Xtagfield?]");
            return Ok(None);
        }
        id = (id << 7) | u8_at(d, p)?;
        len -= 1;
        hdr += 1;
        p += 1;
    }
    if len < 1 {
        c.s("[no asnlen]");
        return Ok(None);
    }
    let mut asnlen = u32::from(u8_at(d, p)?);
    p += 1;
    len -= 1;
    hdr += 1;
    if asnlen & 0x80 != 0 {
        let noct = (asnlen % 0x80) as usize;
        asnlen = 0;
        if len < noct {
            c.s("[asnlen? ");
            c.dec(len as u64);
            c.s("<");
            c.dec(noct as u64);
            c.s("]");
            return Ok(None);
        }
        if bytes(d, p, noct).is_err() {
            return soft_trunc(c);
        }
        for _ in 0..noct {
            asnlen = (asnlen << 8) | u32::from(u8_at(d, p)?);
            p += 1;
            len -= 1;
            hdr += 1;
        }
    }
    let asnlen = asnlen as usize;
    if len < asnlen {
        c.s("[len");
        c.dec(len as u64);
        c.s("<asnlen");
        c.dec(asnlen as u64);
        c.s("]");
        return Ok(None);
    }
    let ids = class_ids(class);
    if usize::from(id) >= ids.len() {
        c.s("[id?");
        c.s(if form == 0 { "P" } else { "C" });
        c.s("/");
        c.s(CLASS_NAMES[usize::from(class)]);
        c.s("/");
        c.dec(id);
        c.s("]");
        return Ok(None);
    }
    let Ok(content) = bytes(d, p, asnlen) else {
        return soft_trunc(c);
    };
    let mut e = Be {
        id,
        asnlen,
        ty: Ty::Any,
        off: p,
        int: 0,
        uns: 0,
        uns64: 0,
    };
    let name = ids[usize::from(id)];
    if form == 0 {
        match (class, id) {
            (0, 4) => e.ty = Ty::Str,
            (0, 2) => {
                if asnlen == 0 {
                    c.s("[asnlen=0]");
                    return Ok(None);
                }
                let mut v: u32 = if content[0] & 0x80 != 0 { u32::MAX } else { 0 };
                for &b in content {
                    v = (v << 8) | u32::from(b);
                }
                e.ty = Ty::Int;
                e.int = v as i32;
            }
            (0, 6) => e.ty = Ty::Oid,
            (0, 5) => e.ty = Ty::Null,
            (0, _) => {
                e.ty = Ty::Octet;
                c.s("[P/U/");
                c.s(name);
                c.s("]");
            }
            (1, 0) => e.ty = Ty::InetAddr,
            (1, 1..=3) => {
                let mut v = 0u32;
                for &b in content {
                    v = (v << 8).wrapping_add(u32::from(b));
                }
                e.ty = Ty::Uns;
                e.uns = v;
            }
            (1, 6) => {
                let mut v = 0u64;
                for &b in content {
                    v = (v << 8).wrapping_add(u64::from(b));
                }
                e.ty = Ty::Uns64;
                e.uns64 = v;
            }
            (1, _) => {
                e.ty = Ty::Octet;
                c.s("[P/A/");
                c.s(name);
                c.s("]");
            }
            (2, 0) => e.ty = Ty::NoSuchObject,
            (2, 1) => e.ty = Ty::NoSuchInst,
            (2, 2) => e.ty = Ty::EndOfMibView,
            (2, _) => {}
            _ => {
                c.s("[P/");
                c.s(CLASS_NAMES[usize::from(class)]);
                c.s("/");
                c.s(name);
                c.s("]");
                e.ty = Ty::Octet;
            }
        }
    } else {
        match (class, id) {
            (0, 16) => e.ty = Ty::Seq,
            (0, _) => {
                e.ty = Ty::Octet;
                c.s("C/U/");
                c.s(name);
            }
            (2, _) => e.ty = Ty::Pdu,
            _ => {
                e.ty = Ty::Octet;
                c.s("C/");
                c.s(CLASS_NAMES[usize::from(class)]);
                c.s("/");
                c.s(name);
            }
        }
    }
    Ok(Some((e, asnlen + hdr)))
}

/// `_xx` for every byte; false on soft truncation.
fn print_octets(c: &mut Ctx, d: &[u8], e: &Be) -> bool {
    let Ok(b) = bytes(d, e.off, e.asnlen) else {
        c.trunc_mark();
        return false;
    };
    for &x in b {
        c.s("_");
        c.o.hexw(u64::from(x), 2);
    }
    true
}

/// A quoted string when printable, else hex bytes joined by `_`.
fn print_string(c: &mut Ctx, d: &[u8], e: &Be) -> bool {
    let Ok(b) = bytes(d, e.off, e.asnlen) else {
        c.trunc_mark();
        return false;
    };
    if b.iter().all(|&x| (0x20..=0x7e).contains(&x)) {
        c.s("\"");
        c.o.extend_from_slice(b);
        c.s("\"");
    } else {
        for (i, &x) in b.iter().enumerate() {
            if i > 0 {
                c.s("_");
            }
            c.o.hexw(u64::from(x), 2);
        }
    }
    true
}

fn print_oid(c: &mut Ctx, d: &[u8], e: &Be) -> R {
    let mut p = e.off;
    let mut i = e.asnlen;
    let mut first: i32 = -1;
    let mut node: Option<&'static [Node]> = None;
    if !c.opts.numeric && i > 2 {
        for (prefix, enc, children) in snmp_mib::ABBREVIATIONS {
            if i < enc.len() {
                continue;
            }
            let Ok(b) = bytes(d, p, enc.len()) else {
                continue;
            };
            if b == *enc {
                node = Some(children);
                i -= enc.len();
                p += enc.len();
                c.s(prefix);
                first = 1;
                break;
            }
        }
    }
    let mut o: u32 = 0;
    while i != 0 {
        let b = u8_at(d, p)?;
        o = (o << 7).wrapping_add(u32::from(b & 0x7f));
        p += 1;
        i -= 1;
        if b & 0x80 != 0 {
            continue;
        }
        if first < 0 {
            if !c.opts.numeric {
                node = Some(snmp_mib::ROOT);
            }
            first = 0;
            let s = (o / 40).min(2);
            obj_print(c, &mut node, s, first != 0);
            o -= s * 40;
        }
        obj_print(c, &mut node, o, first != 0);
        first -= 1;
        if first < 0 {
            first = 0;
        }
        o = 0;
    }
    Ok(())
}

/// One OID component: the MIB name while the walk stays in the compiled-in
/// tree, the number after that.
fn obj_print(c: &mut Ctx, node: &mut Option<&'static [Node]>, o: u32, nodot: bool) {
    let found = node.and_then(|sibs| sibs.iter().find(|n| u32::from(n.oid) == o));
    if !nodot {
        c.s(".");
    }
    match found {
        Some(n) => {
            c.s(n.name);
            *node = Some(n.children).filter(|ch| !ch.is_empty());
        }
        None => {
            *node = None;
            c.dec(o);
        }
    }
}

/// tcpdump's asn1_print; false when it stopped on a short capture.
fn print(c: &mut Ctx, d: &[u8], e: &Be) -> R<bool> {
    match e.ty {
        Ty::Octet => return Ok(print_octets(c, d, e)),
        Ty::Null => {}
        Ty::Oid => print_oid(c, d, e)?,
        Ty::Int => c.o.dec_i(i64::from(e.int)),
        Ty::Uns => c.dec(e.uns),
        Ty::Uns64 => c.dec(e.uns64),
        Ty::Str => return Ok(print_string(c, d, e)),
        Ty::Seq => {
            c.s("Seq(");
            c.dec(e.asnlen as u64);
            c.s(")");
        }
        Ty::InetAddr => {
            if e.asnlen != 4 {
                c.s("[inetaddr len!=4]");
            }
            let Ok(b) = bytes(d, e.off, e.asnlen) else {
                c.trunc_mark();
                return Ok(false);
            };
            for (i, &x) in b.iter().enumerate() {
                if i > 0 {
                    c.s(".");
                }
                c.dec(x);
            }
        }
        Ty::NoSuchObject | Ty::NoSuchInst | Ty::EndOfMibView => {
            c.s("[");
            c.s(EXCEPTIONS[usize::from(e.id)]);
            c.s("]");
        }
        Ty::Pdu => {
            c.s(CONTEXT[usize::from(e.id)]);
            c.s("(");
            c.dec(e.asnlen as u64);
            c.s(")");
        }
        Ty::Any => c.s("[BE_ANY!?]"),
    }
    Ok(true)
}

/// Parses the next element and checks its type; None when tcpdump stops
/// (after printing `[what]` and the element when the type is wrong).
fn expect(c: &mut Ctx, d: &[u8], p: usize, len: usize, ty: Ty, what: &str) -> R<Parsed> {
    let Some((e, n)) = parse(c, d, p, len)? else {
        return Ok(None);
    };
    if e.ty != ty {
        c.s(what);
        print(c, d, &e)?;
        return Ok(None);
    }
    Ok(Some((e, n)))
}

fn error_status(c: &mut Ctx, v: i32) {
    match ERROR_STATUS.get(v as u32 as usize) {
        Some(s) if v >= 0 => c.s(s),
        _ => {
            c.s("err=");
            c.dec(v as u32);
        }
    }
}

fn varbinds(c: &mut Ctx, d: &[u8], pduid: u8, p: usize, length: usize) -> R {
    let Some((e, n)) = expect(c, d, p, length, Ty::Seq, "[!SEQ of varbind]")? else {
        return Ok(());
    };
    if n < length {
        c.s("[");
        c.dec((length - n) as u64);
        c.s(" extra after SEQ of varbind]");
    }
    let mut len = e.asnlen;
    let mut p = e.off;
    let request = matches!(pduid, GETREQ | GETNEXTREQ | GETBULKREQ);
    while len != 0 {
        c.s(" ");
        let Some((vb, n)) = expect(c, d, p, len, Ty::Seq, "[!varbind]")? else {
            return Ok(());
        };
        let vbend = p + n;
        let vblen = len - n;
        let mut l = vb.asnlen;
        let mut q = vb.off;
        let Some((name, n)) = expect(c, d, q, l, Ty::Oid, "[objName!=OID]")? else {
            return Ok(());
        };
        if !print(c, d, &name)? {
            return Ok(());
        }
        l -= n;
        q += n;
        if !request {
            c.s("=");
        }
        let Some((val, _)) = parse(c, d, q, l)? else {
            return Ok(());
        };
        if request {
            if val.ty != Ty::Null {
                c.s("[objVal!=NULL]");
                if !print(c, d, &val)? {
                    return Ok(());
                }
            }
        } else if val.ty != Ty::Null && !print(c, d, &val)? {
            return Ok(());
        }
        len = vblen;
        p = vbend;
    }
    Ok(())
}

fn snmp_pdu(c: &mut Ctx, d: &[u8], pduid: u8, mut p: usize, mut len: usize) -> R {
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[reqId!=INT]")? else {
        return Ok(());
    };
    if c.opts.verbose > 0 {
        c.s("R=");
        c.o.dec_i(i64::from(e.int));
        c.s(" ");
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[errorStatus!=INT]")? else {
        return Ok(());
    };
    let strict = matches!(
        pduid,
        GETREQ | GETNEXTREQ | SETREQ | INFORMREQ | V2TRAP | REPORT
    );
    let mut status = 0;
    if strict && e.int != 0 {
        c.s("[errorStatus(");
        error_status(c, e.int);
        c.s(")!=0]");
    } else if pduid == GETBULKREQ {
        c.s(" N=");
        c.o.dec_i(i64::from(e.int));
    } else if e.int != 0 {
        c.s(" ");
        error_status(c, e.int);
        status = e.int;
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[errorIndex!=INT]")? else {
        return Ok(());
    };
    if strict && e.int != 0 {
        c.s("[errorIndex(");
        c.o.dec_i(i64::from(e.int));
        c.s(")!=0]");
    } else if pduid == GETBULKREQ {
        c.s(" M=");
        c.o.dec_i(i64::from(e.int));
    } else if e.int != 0 {
        if status == 0 {
            c.s("[errorIndex(");
            c.o.dec_i(i64::from(e.int));
            c.s(") w/o errorStatus]");
        } else {
            c.s("@");
            c.o.dec_i(i64::from(e.int));
        }
    } else if status != 0 {
        c.s("[errorIndex==0]");
    }
    len -= n;
    p += n;
    varbinds(c, d, pduid, p, len)
}

fn trap_pdu(c: &mut Ctx, d: &[u8], mut p: usize, mut len: usize) -> R {
    c.s(" ");
    let Some((e, n)) = expect(c, d, p, len, Ty::Oid, "[enterprise!=OID]")? else {
        return Ok(());
    };
    if !print(c, d, &e)? {
        return Ok(());
    }
    len -= n;
    p += n;
    c.s(" ");
    let Some((e, n)) = expect(c, d, p, len, Ty::InetAddr, "[agent-addr!=INETADDR]")? else {
        return Ok(());
    };
    if !print(c, d, &e)? {
        return Ok(());
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[generic-trap!=INT]")? else {
        return Ok(());
    };
    let generic = e.int;
    c.s(" ");
    match GENERIC_TRAP.get(generic as u32 as usize) {
        Some(s) if generic >= 0 => c.s(s),
        _ => {
            c.s("gt=");
            c.o.dec_i(i64::from(generic));
        }
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[specific-trap!=INT]")? else {
        return Ok(());
    };
    if generic != 6 {
        if e.int != 0 {
            c.s("[specific-trap(");
            c.o.dec_i(i64::from(e.int));
            c.s(")!=0]");
        }
    } else {
        c.s(" s=");
        c.o.dec_i(i64::from(e.int));
    }
    len -= n;
    p += n;
    c.s(" ");
    let Some((e, n)) = expect(c, d, p, len, Ty::Uns, "[time-stamp!=TIMETICKS]")? else {
        return Ok(());
    };
    if !print(c, d, &e)? {
        return Ok(());
    }
    len -= n;
    p += n;
    varbinds(c, d, TRAP, p, len)
}

fn pdu(c: &mut Ctx, d: &[u8], p: usize, length: usize, version: i32) -> R {
    let Some((e, n)) = parse(c, d, p, length)? else {
        return Ok(());
    };
    if e.ty != Ty::Pdu {
        c.s("[no PDU]");
        return Ok(());
    }
    if n < length {
        c.s("[");
        c.dec((length - n) as u64);
        c.s(" extra after PDU]");
    }
    if c.opts.verbose > 0 {
        c.s("{ ");
    }
    if !print(c, d, &e)? {
        return Ok(());
    }
    c.s(" ");
    if version == 0 && matches!(e.id, GETBULKREQ | INFORMREQ | V2TRAP | REPORT) {
        c.s("[v2 PDU in v1 message]");
        return Ok(());
    }
    if version == 1 && e.id == TRAP {
        c.s("[v1 PDU in v2 message]");
        return Ok(());
    }
    match e.id {
        TRAP => trap_pdu(c, d, e.off, e.asnlen)?,
        GETREQ | GETNEXTREQ | GETRESP | SETREQ | GETBULKREQ | INFORMREQ | V2TRAP | REPORT => {
            snmp_pdu(c, d, e.id, e.off, e.asnlen)?
        }
        _ => {}
    }
    if c.opts.verbose > 0 {
        c.s(" } ");
    }
    Ok(())
}

fn scoped_pdu(c: &mut Ctx, d: &[u8], p: usize, len: usize) -> R {
    let Some((e, _)) = expect(c, d, p, len, Ty::Seq, "[!scoped PDU]")? else {
        return Ok(());
    };
    let mut len = e.asnlen;
    let mut p = e.off;
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[contextEngineID!=STR]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    c.s("E=");
    if !print_octets(c, d, &e) {
        return Ok(());
    }
    c.s(" ");
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[contextName!=STR]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    c.s("C=");
    if !print_string(c, d, &e) {
        return Ok(());
    }
    c.s(" ");
    pdu(c, d, p, len, 3)
}

fn community(c: &mut Ctx, d: &[u8], p: usize, len: usize, version: i32) -> R {
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[comm!=STR]")? else {
        return Ok(());
    };
    if !(e.asnlen == 6 && d.get(e.off..e.off + 6) == Some(b"public")) {
        c.s("C=");
        if !print_string(c, d, &e) {
            return Ok(());
        }
        c.s(" ");
    }
    pdu(c, d, p + n, len - n, version)
}

fn usm(c: &mut Ctx, d: &[u8], p: usize, len: usize) -> R {
    let Some((e, _)) = expect(c, d, p, len, Ty::Seq, "[!usm]")? else {
        return Ok(());
    };
    let mut len = e.asnlen;
    let mut p = e.off;
    let Some((_, n)) = expect(c, d, p, len, Ty::Str, "[msgAuthoritativeEngineID!=STR]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[msgAuthoritativeEngineBoots!=INT]")? else {
        return Ok(());
    };
    if c.opts.verbose > 0 {
        c.s("B=");
        c.o.dec_i(i64::from(e.int));
        c.s(" ");
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[msgAuthoritativeEngineTime!=INT]")? else {
        return Ok(());
    };
    if c.opts.verbose > 0 {
        c.s("T=");
        c.o.dec_i(i64::from(e.int));
        c.s(" ");
    }
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[msgUserName!=STR]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    c.s("U=");
    if !print_string(c, d, &e) {
        return Ok(());
    }
    c.s(" ");
    let Some((_, n)) = expect(c, d, p, len, Ty::Str, "[msgAuthenticationParameters!=STR]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    let Some((_, n)) = expect(c, d, p, len, Ty::Str, "[msgPrivacyParameters!=STR]")? else {
        return Ok(());
    };
    len -= n;
    if n < len {
        c.s("[");
        c.dec((len - n) as u64);
        c.s(" extra after usm SEQ]");
    }
    Ok(())
}

fn v3msg(c: &mut Ctx, d: &[u8], p0: usize, length: usize) -> R {
    let Some((e, _)) = expect(c, d, p0, length, Ty::Seq, "[!message]")? else {
        return Ok(());
    };
    let mut len = e.asnlen;
    let mut p = e.off;
    if c.opts.verbose > 0 {
        c.s("{ ");
    }
    let Some((_, n)) = expect(c, d, p, len, Ty::Int, "[msgID!=INT]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    let Some((_, n)) = expect(c, d, p, len, Ty::Int, "[msgMaxSize!=INT]")? else {
        return Ok(());
    };
    len -= n;
    p += n;
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[msgFlags!=STR]")? else {
        return Ok(());
    };
    if e.asnlen != 1 {
        c.s("[msgFlags size ");
        c.dec(e.asnlen as u64);
        c.s("]");
        return Ok(());
    }
    let flags = u8_at(d, e.off)?;
    if !matches!(flags, 0 | 1 | 3 | 4 | 5 | 7) {
        c.s("[msgFlags=0x");
        let mut h = Vec::new();
        h.hexw(u64::from(flags), 2);
        c.s(&String::from_utf8_lossy(&h).to_uppercase());
        c.s("]");
        return Ok(());
    }
    len -= n;
    p += n;
    c.s("F=");
    if flags & 1 != 0 {
        c.s("a");
    }
    if flags & 2 != 0 {
        c.s("p");
    }
    if flags & 4 != 0 {
        c.s("r");
    }
    c.s(" ");
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[msgSecurityModel!=INT]")? else {
        return Ok(());
    };
    let model = e.int;
    len -= n;
    p += n;
    if n < len {
        c.s("[");
        c.dec((len - n) as u64);
        c.s(" extra after message SEQ]");
    }
    if c.opts.verbose > 0 {
        c.s("} ");
    }
    if model == 3 {
        if c.opts.verbose > 0 {
            c.s("{ USM ");
        }
    } else {
        c.s("[security model ");
        c.o.dec_i(i64::from(model));
        c.s("]");
        return Ok(());
    }
    // The security parameters follow the header sequence in the message.
    let len = (p0 + length).saturating_sub(p);
    let Some((e, n)) = expect(c, d, p, len, Ty::Str, "[msgSecurityParameters!=STR]")? else {
        return Ok(());
    };
    usm(c, d, e.off, e.asnlen)?;
    if c.opts.verbose > 0 {
        c.s("} ");
        c.s("{ ScopedPDU ");
    }
    scoped_pdu(c, d, p + n, len - n)?;
    if c.opts.verbose > 0 {
        c.s("} ");
    }
    Ok(())
}

/// An SNMP message of `length` bytes.
pub(crate) fn snmp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "snmp";
    c.s(" ");
    let Some((e, n)) = expect(c, d, 0, length, Ty::Seq, "[!init SEQ]")? else {
        return Ok(());
    };
    if n < length {
        c.s("[");
        c.dec((length - n) as u64);
        c.s(" extra after iSEQ]");
    }
    let mut len = e.asnlen;
    let mut p = e.off;
    let Some((e, n)) = expect(c, d, p, len, Ty::Int, "[version!=INT]")? else {
        return Ok(());
    };
    let version = e.int;
    match version {
        0 | 1 | 3 => {
            if c.opts.verbose > 0 {
                c.s("{ ");
                c.s(["SNMPv1", "SNMPv2c", "", "SNMPv3"][version as usize]);
                c.s(" ");
            }
        }
        _ => {
            c.s("SNMP [version = ");
            c.o.dec_i(i64::from(version));
            c.s("]");
            return Ok(());
        }
    }
    len -= n;
    p += n;
    if version == 3 {
        v3msg(c, d, p, len)?;
    } else {
        community(c, d, p, len, version)?;
    }
    if c.opts.verbose > 0 {
        c.s("} ");
    }
    Ok(())
}
