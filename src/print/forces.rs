//! ForCES (RFC 5810) messages carried over SCTP, printed as tcpdump's
//! print-forces.c does: the common header, then (with -vvv) the nested
//! LFB-select / operation / PATH-DATA TLVs and their data.
//!
//! tcpdump's printer has two ways of stopping early: a checked read that runs
//! off the capture prints ` [|forces]` and returns an error code to its caller
//! (the message is then dumped in hex), while an unchecked read past the capture
//! abandons the whole packet. The first is `Ok(false)` here, the second
//! `Err(Trunc)` (with `c.proto` left at "forces").

use std::io::Write;

use super::{Ctx, R, Trunc, be16, be32, u8_at};

const HDR_LEN: usize = 24;
const TLV_HDR: usize = 4;
const ILV_HDR: usize = 8;

/// Nested PATH-DATA TLVs deeper than this are reported as a truncation (tcpdump
/// recurses without bound; a crafted packet must not exhaust our stack).
const MAX_NEST: u32 = 1000;

// Top-level TLV counts a message type allows (tcpdump's tom_h flags).
const ZERO_TTLV: u16 = 0x01;
const ZERO_MORE_TTLV: u16 = 0x02;
const ONE_MORE_TTLV: u16 = 0x04;
const TTLV_T1: u16 = ONE_MORE_TTLV | 0x10;
const TTLV_T2: u16 = ONE_MORE_TTLV | 0xF0;

// Operation bits (1 << (op - 1)) and data-encoding bits.
const B_SET: u16 = 1;
const B_SETPROP: u16 = 1 << 1;
const B_SETRESP: u16 = 1 << 2;
const B_SETPRESP: u16 = 1 << 3;
const B_DEL: u16 = 1 << 4;
const B_DELRESP: u16 = 1 << 5;
const B_GET: u16 = 1 << 6;
const B_GETPROP: u16 = 1 << 7;
const B_GETRESP: u16 = 1 << 8;
const B_GETPRESP: u16 = 1 << 9;
const B_REPORT: u16 = 1 << 10;
const B_COMMIT: u16 = 1 << 11;
const B_RCOMMIT: u16 = 1 << 12;
const B_RTRCOMP: u16 = 1 << 13;

const B_FULLD: u16 = 0x1;
const B_SPARD: u16 = 0x2;
const B_RESTV: u16 = 0x4;
const B_KEYIN: u16 = 0x8;
const B_APPND: u16 = 0x10;
const B_TRNG: u16 = 0x20;

const T_PDAT: u16 = 0x0110;
const T_KEYI: u16 = 0x0111;
const T_FULD: u16 = 0x0112;
const T_SPAD: u16 = 0x0113;
const T_REST: u16 = 0x0114;
const T_METD: u16 = 0x0115;
const T_REDD: u16 = 0x0116;

/// What a top-level TLV holds for a message type.
#[derive(Clone, Copy)]
enum TopBody {
    None,
    LfbSelect,
    TearDown,
    Redirect,
    AssocResult,
}

struct MsgType {
    flags: u16,
    ops: u16,
    name: &'static str,
    body: TopBody,
}

fn msg_type(tom: u8) -> Option<MsgType> {
    let (flags, ops, name, body) = match tom {
        0x01 => (
            ZERO_MORE_TTLV | 0x20,
            B_REPORT,
            "Association Setup",
            TopBody::LfbSelect,
        ),
        0x02 => (TTLV_T1, 0, "Association TearDown", TopBody::TearDown),
        0x03 => (
            TTLV_T2,
            B_SET | B_SETPROP | B_DEL | B_COMMIT | B_RTRCOMP,
            "Config",
            TopBody::LfbSelect,
        ),
        0x04 => (TTLV_T2, B_GET | B_GETPROP, "Query", TopBody::LfbSelect),
        0x05 => (TTLV_T1, B_REPORT, "Event Notification", TopBody::LfbSelect),
        0x06 => (TTLV_T2, 0, "Packet Redirect", TopBody::Redirect),
        0x0F => (ZERO_TTLV, 0, "HeartBeat", TopBody::None),
        0x11 => (TTLV_T1, 0, "Association Response", TopBody::AssocResult),
        0x13 => (
            TTLV_T2,
            B_SETRESP | B_SETPRESP | B_DELRESP | B_RCOMMIT,
            "Config Response",
            TopBody::LfbSelect,
        ),
        0x14 => (
            TTLV_T2,
            B_GETRESP | B_GETPRESP,
            "Query Response",
            TopBody::LfbSelect,
        ),
        _ => return None,
    };
    Some(MsgType {
        flags,
        ops,
        name,
        body,
    })
}

fn tom_valid(tom: u8) -> bool {
    tom > 0 && !(0x7..=0xe).contains(&tom) && tom != 0x10 && tom <= 0x14
}

fn node_kind(n: u32) -> &'static str {
    match n {
        0..=0x3FFF_FFFF => "FE",
        0x4000_0000..=0x7FFF_FFFF => "CE",
        0xC000_0000..=0xFFFF_FFEF => "AllMulticast",
        0xFFFF_FFFD => "AllCEsBroadcast",
        0xFFFF_FFFE => "AllFEsBroadcast",
        0xFFFF_FFFF => "AllBroadcast",
        _ => "ForCESreserved",
    }
}

/// tcpdump's tok2str with no default format: the name or `#<signed decimal>`.
fn name_or_num(name: Option<&'static str>, v: u32) -> String {
    match name {
        Some(n) => n.to_string(),
        None => format!("#{}", v as i32),
    }
}

fn tlv_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0000 => "Invalid TLV",
        0x0001 => "REDIRECT TLV",
        0x0010 => "ASResult TLV",
        0x0011 => "ASTreason TLV",
        0x1000 => "LFBselect TLV",
        0x0110 => "PATH-DATA TLV",
        0x0111 => "KEYINFO TLV",
        0x0112 => "FULLDATA TLV",
        0x0113 => "SPARSEDATA TLV",
        0x0114 => "RESULT TLV",
        0x0115 => "METADATA TLV",
        0x0116 => "REDIRECTDATA TLV",
        _ => return None,
    })
}

fn tlv_err_name(e: u32) -> Option<&'static str> {
    Some(match e {
        1 => "Invalid total length",
        2 => "xLV too short",
        3 => "xLV too long",
        4 => "data padding missing",
        _ => return None,
    })
}

fn result_name(r: u8) -> Option<&'static str> {
    const NAMES: [&str; 24] = [
        "SUCCESS",
        "INVALID HEADER",
        "LENGTH MISMATCH",
        "VERSION MISMATCH",
        "INVALID DESTINATION PID",
        "LFB UNKNOWN",
        "LFB NOT FOUND",
        "LFB INSTANCE ID NOT FOUND",
        "INVALID PATH",
        "COMPONENT DOES NOT EXIST",
        "EXISTS ALREADY",
        "NOT FOUND",
        "READ ONLY",
        "INVALID ARRAY CREATION",
        "VALUE OUT OF RANGE",
        "CONTENTS TOO LONG",
        "INVALID PARAMETERS",
        "INVALID MESSAGE TYPE",
        "INVALID FLAGS",
        "INVALID TLV",
        "EVENT ERROR",
        "NOT SUPPORTED",
        "MEMORY ERROR",
        "INTERNAL ERROR",
    ];
    if r == 0xFF {
        return Some("UNSPECIFIED ERROR");
    }
    NAMES.get(usize::from(r)).copied()
}

/// Operation TLV names (with tcpdump's leading space) and the data encodings
/// each allows.
fn oper(t: u16) -> (&'static str, u16) {
    match t {
        1 => (" Set", B_FULLD | B_SPARD),
        2 => (" SetProp", B_FULLD | B_SPARD),
        3 => (" SetResp", B_RESTV),
        4 => (" SetPropResp", B_RESTV),
        5 => (" Del", 0),
        6 => (" DelResp", B_RESTV),
        7 => (" Get", 0),
        8 => (" GetProp", 0),
        9 => (" GetResp", B_FULLD | B_SPARD | B_RESTV),
        10 => (" GetPropResp", B_FULLD | B_RESTV),
        11 => (" Report", B_FULLD | B_SPARD),
        12 => (" Commit", 0),
        13 => (" RCommit", B_RESTV),
        14 => (" RTRCOMP", 0),
        _ => ("Invalid OPTLV", 0),
    }
}

fn op_valid(op: u16, mask: u16) -> bool {
    match op {
        0 => false,
        1..=14 => (1u16 << (op - 1)) & mask != 0,
        0x8000.. => true,
        _ => false,
    }
}

fn top_tlv_valid(t: u16) -> bool {
    matches!(t, 0x1 | 0x1000 | 0x10..=0x11 | 0x110..=0x116)
}

fn align4(n: u64) -> u64 {
    (n + 3) & !3
}

/// tcpdump's tlv_valid / ilv_valid: 0 or the error code.
fn xlv_check(len: u64, rlen: u64, hdr: u64) -> u32 {
    if rlen < hdr {
        1
    } else if len < hdr {
        2
    } else if len > rlen {
        3
    } else if rlen < align4(len) {
        4
    } else {
        0
    }
}

/// tcpdump's indent_pr: `n` spaces, or a newline and `n - 1` spaces.
fn indent(n: i64, newline: bool) -> String {
    let n = n.min(255);
    let mut s = String::new();
    let mut spaces = n;
    if newline {
        s.push('\n');
        spaces -= 1;
    }
    for _ in 0..spaces.max(0) {
        s.push(' ');
    }
    s
}

struct Fx<'a, 'c> {
    c: &'c mut Ctx,
    d: &'a [u8],
    v: u8,
    nest: u32,
}

/// A ForCES message of `len` bytes; `d` runs from its header to the end of the
/// capture.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "forces";
    let v = c.opts.verbose;
    let mut f = Fx { c, d, v, nest: 0 };
    let r = f.message(len);
    if r.is_ok() {
        f.c.proto = "sctp";
    }
    r
}

impl Fx<'_, '_> {
    fn p(&mut self, args: std::fmt::Arguments<'_>) {
        let _ = self.c.o.write_fmt(args);
    }

    fn s(&mut self, s: &str) {
        self.c.s(s);
    }

    fn u16(&self, off: u64) -> R<u16> {
        be16(self.d, usize::try_from(off).map_err(|_| Trunc)?)
    }

    fn u32(&self, off: u64) -> R<u32> {
        be32(self.d, usize::try_from(off).map_err(|_| Trunc)?)
    }

    /// A checked read came up short: ` [|forces]` and the caller's error code.
    fn soft_trunc(&mut self) -> R<bool> {
        self.c.trunc_mark();
        Ok(false)
    }

    fn have(&self, off: u64, n: u64) -> bool {
        off.checked_add(n)
            .is_some_and(|end| end <= self.d.len() as u64)
    }

    /// tcpdump's hex_print: what was captured, then abandon the packet if the
    /// requested length ran past the capture.
    fn hex(&mut self, ident: &str, off: u64, len: u64) -> R {
        let avail = (self.d.len() as u64).saturating_sub(off);
        let n = len.min(avail);
        if n > 0 {
            let start = off as usize;
            let bytes = &self.d[start..start + n as usize];
            super::hex::hex_only(&mut self.c.o, ident, bytes, 0);
        }
        if len > avail {
            return Err(Trunc);
        }
        Ok(())
    }

    fn message(&mut self, len: usize) -> R {
        let len = len as u64;
        if self.d.len() < HDR_LEN {
            self.c.trunc_mark();
            return Ok(());
        }
        let tom = u8_at(self.d, 1)?;
        if !tom_valid(tom) {
            self.p(format_args!("Invalid ForCES message type {tom}\n"));
            return self.dump_error(len);
        }
        let mlen = u64::from(be16(self.d, 2)?) << 2;
        let Some(mt) = msg_type(tom) else {
            self.p(format_args!("\n\tUnknown ForCES message type=0x{tom:x}"));
            return self.dump_error(len);
        };
        self.p(format_args!("\n\tForCES {} ", mt.name));
        if !(len >= HDR_LEN as u64 && mlen >= HDR_LEN as u64 && mlen == len) {
            self.p(format_args!(
                "Illegal ForCES pkt len - min {HDR_LEN}, total recvd {len}, advertised {mlen} "
            ));
            return self.dump_error(len);
        }
        let flags = be32(self.d, 20)?;
        if self.v >= 1 {
            let sid = be32(self.d, 4)?;
            let did = be32(self.d, 8)?;
            let cor = (u64::from(be32(self.d, 12)?) << 32) | u64::from(be32(self.d, 16)?);
            self.p(format_args!(
                "\n\tForCES Version {} len {mlen}B flags 0x{flags:08x} ",
                self.d[0] >> 4
            ));
            self.p(format_args!(
                "\n\tSrcID 0x{sid:x}({}) DstID 0x{did:x}({}) Correlator 0x{cor:x}",
                node_kind(sid),
                node_kind(did)
            ));
        }
        if self.v >= 2 {
            let ack = (flags >> 30) & 3;
            let pri = (flags >> 27) & 7;
            let em = (flags >> 22) & 3;
            let at = (flags >> 21) & 1;
            let tp = (flags >> 19) & 3;
            let ack_s = ["NoACK", "SuccessACK", "FailureACK", "AlwaysACK"][ack as usize];
            let em_s = [
                "EMReserved",
                "execute-all-or-none",
                "execute-until-failure",
                "continue-execute-on-failure",
            ][em as usize];
            let at_s = ["Standalone", "2PCtransaction"][at as usize];
            let tp_s = [
                "StartofTransaction",
                "MiddleofTransaction",
                "EndofTransaction",
                "abort",
            ][tp as usize];
            self.p(format_args!(
                "\n\tForCES flags:\n\t  {ack_s}(0x{ack:x}), prio={pri}, {em_s}(0x{em:x}),\n\t  {at_s}(0x{at:x}), {tp_s}(0x{tp:x})\n"
            ));
            self.p(format_args!(
                "\t  Extra flags: rsv(b5-7) 0x{:x} rsv(b13-31) 0x{:x}\n",
                (flags >> 24) & 7,
                flags & 0x7FFFF
            ));
        }
        if !self.top_tlvs(mlen, &mt)? {
            return self.dump_error(len);
        }
        if self.v >= 4 {
            self.s("\n\t  Raw ForCES message\n\t [");
            self.hex("\n\t ", 0, len)?;
            self.s("\n\t ]");
        }
        Ok(())
    }

    fn dump_error(&mut self, len: u64) -> R {
        self.hex("\n\t[", 0, len)?;
        self.s("\n\t]");
        Ok(())
    }

    fn top_tlvs(&mut self, mlen: u64, mt: &MsgType) -> R<bool> {
        let mut rlen = mlen - HDR_LEN as u64;
        if rlen > TLV_HDR as u64 {
            if mt.flags & ZERO_TTLV != 0 {
                self.p(format_args!("<0x{:x}>Illegal Top level TLV!\n", mt.flags));
                return Ok(false);
            }
        } else {
            if mt.flags & ZERO_MORE_TTLV != 0 {
                return Ok(true);
            }
            if mt.flags & ONE_MORE_TTLV != 0 {
                self.s("\tTop level TLV Data missing!\n");
                return Ok(false);
            }
        }
        if mt.flags & ZERO_TTLV != 0 {
            return Ok(true);
        }
        let mut left = mt.flags >> 4;
        let mut at = HDR_LEN as u64;
        while rlen != 0 {
            let t = self.u16(at)?;
            let tlen = u64::from(self.u16(at + 2)?);
            if xlv_check(tlen, rlen, TLV_HDR as u64) != 0 {
                break;
            }
            if !top_tlv_valid(t) {
                self.p(format_args!("\n\tInvalid ForCES Top TLV type=0x{t:x}"));
                return Ok(false);
            }
            if self.v >= 3 {
                self.p(format_args!(
                    "\t{}, length {tlen} (data length {} Bytes)",
                    name_or_num(tlv_name(t), t.into()),
                    tlen - TLV_HDR as u64
                ));
            }
            let data = at + TLV_HDR as u64;
            let ok = match mt.body {
                TopBody::LfbSelect => self.lfb_select(data, tlen, mt.ops, 9)?,
                TopBody::TearDown => self.teardown(data, tlen, 9)?,
                TopBody::Redirect => self.redirect(data, tlen, 9)?,
                TopBody::AssocResult => self.assoc_result(data, tlen, 9)?,
                TopBody::None => true,
            };
            if !ok {
                return Ok(false);
            }
            at += align4(tlen);
            rlen -= align4(tlen);
            left = left.saturating_sub(1);
            if left == 0 {
                break;
            }
        }
        if rlen != 0 {
            let adv = self.u16(at + 2)?;
            self.p(format_args!(
                "\tMess TopTLV header: min {TLV_HDR}, total {rlen} advertised {adv} "
            ));
            return Ok(false);
        }
        Ok(true)
    }

    fn lfb_select(&mut self, at: u64, len: u64, ops: u16, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let dlen = len - TLV_HDR as u64;
        if dlen <= 12 {
            self.p(format_args!(
                "\n\t\ttruncated lfb selector: {} bytes missing! ",
                12 - dlen
            ));
            return Ok(false);
        }
        let mut rlen = dlen - 8;
        if !self.have(at, 8) {
            return self.soft_trunc();
        }
        if self.v >= 3 {
            let class = self.u32(at)?;
            let inst = self.u32(at + 4)?;
            let cname = match class {
                0 => Some("Invalid TLV"),
                1 => Some("FEObj LFB"),
                2 => Some("FEProtoObj LFB"),
                _ => None,
            };
            self.p(format_args!(
                "\n{ib}{}(Classid {class:x}) instance {inst:x}\n",
                name_or_num(cname, class)
            ));
        }
        let mut o = at + 8;
        let ind = ind + 1;
        while rlen != 0 {
            let t = self.u16(o)?;
            let tlen = u64::from(self.u16(o + 2)?);
            if xlv_check(tlen, rlen, TLV_HDR as u64) != 0 {
                break;
            }
            if op_valid(t, ops) {
                self.oper_tlv(o, ind)?;
            } else {
                if self.v < 3 {
                    self.s("\n");
                }
                self.p(format_args!(
                    "\t\tINValid oper-TLV type 0x{t:x} length {tlen} for this ForCES message\n"
                ));
                self.invalid_oper(o, rlen, ind)?;
            }
            o += align4(tlen);
            rlen -= align4(tlen);
        }
        if rlen != 0 {
            let t = self.u16(o)?;
            let l = self.u16(o + 2)?;
            self.p(format_args!(
                "\n\t\tMessy oper TLV header, type (0x{t:x})\n\t\texcess of {} Bytes ",
                (rlen as u32).wrapping_sub(u32::from(l))
            ));
            return Ok(false);
        }
        Ok(true)
    }

    fn invalid_oper(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let ib = indent(ind, true);
        if self.v >= 3 {
            self.p(format_args!("{}Data[", &ib[1..]));
            self.hex(&ib, at, len)?;
            self.p(format_args!("{ib}]\n"));
        }
        Ok(false)
    }

    fn oper_tlv(&mut self, at: u64, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let t = self.u16(at)?;
        let tlen = u64::from(self.u16(at + 2)?);
        let tll = tlen - TLV_HDR as u64;
        let (name, mask) = oper(t);
        if self.v >= 3 {
            self.p(format_args!("{ib}Oper TLV {name}(0x{t:x}) length {tlen}\n"));
        }
        let data = at + TLV_HDR as u64;
        if tll < 8 {
            self.p(format_args!("\t\tOper TLV {name}(0x{t:x}) length {tlen}\n"));
            self.p(format_args!(
                "\t\tTruncated data size {tll} minimum required 8\n"
            ));
            return self.invalid_oper(data, tll, ind);
        }
        match t {
            1..=11 => self.path_data_tlvs(data, tll, mask, ind + 1),
            13 => self.gen_oper(data, tll, mask, ind + 1),
            12 | 14 => Ok(true),
            _ => self.invalid_oper(data, tll, ind + 1),
        }
    }

    /// tcpdump's genoptlv_print (RCommit).
    fn gen_oper(&mut self, at: u64, len: u64, ops: u16, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let t = self.u16(at)?;
        let tlen = u64::from(self.u16(at + 2)?);
        let bad = xlv_check(tlen, len, TLV_HDR as u64);
        self.p(format_args!(
            "genoptlvprint - {} TLV type 0x{t:x} len {tlen}\n",
            name_or_num(tlv_name(t), t.into())
        ));
        if bad != 0 {
            self.p(format_args!("\t\t\tInvalid ForCES TLV type={t:x}"));
            return Ok(false);
        }
        if !top_tlv_valid(t) {
            self.p(format_args!(
                "{} TLV type 0x{t:x} len {tlen}\n",
                name_or_num(tlv_err_name(0), 0)
            ));
            return Ok(false);
        }
        if self.v >= 3 {
            self.p(format_args!(
                "{ib}{}, length {tlen} (data length {} Bytes)",
                name_or_num(tlv_name(t), t.into()),
                tlen - TLV_HDR as u64
            ));
        }
        self.path_data(at + TLV_HDR as u64, tlen - TLV_HDR as u64, ops, ind + 1)
    }

    /// tcpdump's recpdoptlv_print: a run of PATH-DATA TLVs.
    fn path_data_tlvs(&mut self, at: u64, len: u64, ops: u16, ind: i64) -> R<bool> {
        self.nest += 1;
        if self.nest > MAX_NEST {
            return Err(Trunc);
        }
        let r = self.path_data_tlvs_inner(at, len, ops, ind);
        self.nest -= 1;
        r
    }

    fn path_data_tlvs_inner(&mut self, mut at: u64, mut len: u64, ops: u16, ind: i64) -> R<bool> {
        while len != 0 {
            let tlen = u64::from(self.u16(at + 2)?);
            if xlv_check(tlen, len, TLV_HDR as u64) != 0 {
                break;
            }
            let ib = indent(ind, false);
            let t = self.u16(at)?;
            if self.v >= 3 {
                self.p(format_args!(
                    "{ib}{}, length {tlen} (data encapsulated {} Bytes)",
                    name_or_num(tlv_name(t), t.into()),
                    tlen - TLV_HDR as u64
                ));
            }
            if !self.path_data(at + TLV_HDR as u64, tlen - TLV_HDR as u64, ops, ind + 1)? {
                return Ok(false);
            }
            at += align4(tlen);
            len -= align4(tlen);
        }
        if len != 0 {
            let t = self.u16(at)?;
            let l = self.u16(at + 2)?;
            self.p(format_args!(
                "\n\t\tMessy PATHDATA TLV header, type (0x{t:x})\n\t\texcess of {} Bytes ",
                (len as u32).wrapping_sub(u32::from(l))
            ));
            return Ok(false);
        }
        Ok(true)
    }

    /// tcpdump's pdata_print: path flags, IDs, then what follows them.
    fn path_data(&mut self, at: u64, len: u64, mut ops: u16, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        if !self.have(at, 4) || len < 4 {
            return self.soft_trunc();
        }
        let pflags = self.u16(at)?;
        let idcnt = self.u16(at + 2)?;
        if self.v >= 3 {
            self.p(format_args!(
                "\n{ib}Pathdata: Flags 0x{pflags:x} ID count {idcnt}\n"
            ));
        }
        if pflags & 1 != 0 {
            ops |= B_KEYIN;
        }
        if pflags & 2 != 0 {
            ops |= B_TRNG;
        }
        if pflags & 4 != 0 {
            ops |= B_APPND;
        }
        let at = at + 4;
        let len = len - 4;
        let minsize = u64::from(idcnt) * 4;
        if len < minsize {
            self.p(format_args!(
                "\t\t\ttruncated IDs expected {minsize}B got {len}B\n"
            ));
            self.hex("\t\t\tID Data[", at, len)?;
            self.s("]\n");
            return Ok(false);
        }
        if ops & B_TRNG != 0 && ops & B_KEYIN != 0 {
            self.s("\t\t\tIllegal to have both Table ranges and keys\n");
            return Ok(false);
        }
        match self.path_content(at, len, idcnt, ops, ind)? {
            Some(more) if more > 0 => {
                let consumed = len - more;
                self.path_data_tlvs(at + consumed, more, ops, ind + 1)
            }
            _ => Ok(true),
        }
    }

    /// tcpdump's pdatacnt_print: `None` for its -1, else the bytes left over.
    fn path_content(
        &mut self,
        mut at: u64,
        mut len: u64,
        idcnt: u16,
        ops: u16,
        ind: i64,
    ) -> R<Option<u64>> {
        let ib = indent(ind, false);
        if ops & B_APPND != 0 && self.v >= 3 {
            self.p(format_args!("{ib}TABLE APPEND\n"));
        }
        for i in 0..u32::from(idcnt) {
            if !self.have(at, 4) || len < 4 {
                self.c.trunc_mark();
                return Ok(None);
            }
            let id = self.u32(at)?;
            if self.v >= 3 {
                self.p(format_args!("{ib}ID#{:02}: {id}\n", i + 1));
            }
            len -= 4;
            at += 4;
        }
        if ops & B_TRNG != 0 {
            if len < 12 {
                self.p(format_args!(
                    "pathlength {len} with key/range too short 12\n"
                ));
                return Ok(None);
            }
            at += 4;
            let start = self.u32(at)?;
            let end = self.u32(at + 4)?;
            at += 8;
            len -= 12;
            if self.v >= 3 {
                self.p(format_args!("{ib}Table range: [{start},{end}]\n"));
            }
        }
        if ops & B_KEYIN != 0 {
            if len < 12 {
                self.p(format_args!(
                    "pathlength {len} with key/range too short 12\n"
                ));
                return Ok(None);
            }
            let key_tlv = at + 4;
            at += 8;
            len -= 8;
            let tll = self.u16(key_tlv + 2)?;
            if usize::from(tll) < TLV_HDR {
                self.p(format_args!("key content length {tll} < {TLV_HDR}\n"));
                return Ok(None);
            }
            let tll = u64::from(tll) - TLV_HDR as u64;
            if len < tll {
                self.s("key content too short\n");
                return Ok(None);
            }
            at += tll;
            len -= tll;
        }
        if len != 0 {
            let t = self.u16(at)?;
            let tlen = self.u16(at + 2)?;
            let tlvl = u64::from(tlen);
            let bad = xlv_check(tlvl, len, TLV_HDR as u64);
            if bad != 0 {
                self.p(format_args!(
                    "{} Outstanding bytes {len} for TLV type 0x{t:x} TLV len {tlvl}\n",
                    name_or_num(tlv_err_name(bad), bad)
                ));
                return self.bad_data(at, len, tlvl);
            }
            let tll = tlvl - TLV_HDR as u64;
            let aln = align4(tlvl);
            let mut pad = 0;
            if aln > tlvl {
                if aln > len {
                    self.p(format_args!(
                        "Invalid padded pathdata TLV type 0x{t:x} len {tlvl} missing {} pad bytes\n",
                        aln - len
                    ));
                } else {
                    pad = aln - tlvl;
                }
            }
            let kind = match t {
                T_KEYI => Some(("KEYINFO TLV", 0)),
                T_FULD => Some(("FULLDATA TLV", B_FULLD)),
                T_SPAD => Some(("SPARSEDATA TLV", B_SPARD)),
                T_REST => Some(("RESULT TLV", B_RESTV)),
                T_PDAT => Some(("Inner PATH-DATA TLV", 0)),
                _ => None,
            };
            let Some((name, omask)) = kind else {
                self.p(format_args!(
                    "Invalid path data content type 0x{t:x} len {tlvl}\n"
                ));
                return self.bad_data(at, len, tlvl);
            };
            if self.v >= 3 && t != T_PDAT {
                if pad != 0 {
                    self.p(format_args!(
                        "{ib}  {name} (Length {tlvl} DataLen {tll} pad {pad} Bytes)\n"
                    ));
                } else {
                    self.p(format_args!(
                        "{ib}  {name} (Length {tlvl} DataLen {tll} Bytes)\n"
                    ));
                }
            }
            self.check_op_type(t, ops, omask);
            let sub_len = tll + pad + TLV_HDR as u64;
            let ok = match t {
                T_KEYI => self.key_info(at, sub_len, ind + 2)?,
                T_FULD => self.full_data(at, sub_len, ind + 2)?,
                T_SPAD => self.sparse_data(at, sub_len, ind + 2)?,
                T_REST => self.result(at, sub_len, ind + 2)?,
                _ => self.path_data_tlvs(at, sub_len, ops, ind + 2)?,
            };
            if !ok {
                return Ok(None);
            }
            len -= sub_len;
        }
        Ok(Some(len))
    }

    fn bad_data(&mut self, at: u64, len: u64, tlvl: u64) -> R<Option<u64>> {
        if tlvl != 0 {
            self.hex("Bad Data val\n\t  [", at, len)?;
            self.s("]\n");
            return Ok(None);
        }
        Ok(Some(len))
    }

    fn check_op_type(&mut self, t: u16, msk: u16, omsk: u16) {
        if t == T_PDAT {
            return;
        }
        if msk & B_KEYIN != 0 {
            if t != T_KEYI {
                self.s("Based on flags expected KEYINFO TLV!\n");
            }
        } else if msk & omsk == 0 {
            self.p(format_args!(
                "Illegal DATA encoding for type 0x{t:x} programmed {omsk:x} got {msk:x}\n"
            ));
        }
    }

    fn result(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let dlen = len - TLV_HDR as u64;
        if dlen != 4 {
            self.p(format_args!("illegal RESULT-TLV: {dlen} bytes!\n"));
            return Ok(false);
        }
        let data = at + TLV_HDR as u64;
        if !self.have(data, 4) {
            return self.soft_trunc();
        }
        let r = self.d[data as usize];
        if (0x18..=0xFE).contains(&r) {
            self.p(format_args!("illegal reserved result code: 0x{r:x}!\n"));
            return Ok(false);
        }
        if self.v >= 3 {
            let ib = indent(ind, false);
            self.p(format_args!(
                "{ib}  Result: {} (code 0x{r:x})\n",
                name_or_num(result_name(r), r.into())
            ));
        }
        Ok(true)
    }

    fn full_data(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let rlen = len.wrapping_sub(TLV_HDR as u64);
        if !self.have(at, 4) {
            return self.soft_trunc();
        }
        if self.u16(at)? != T_FULD {
            self.s("Error: expecting FULLDATA!\n");
            return Ok(false);
        }
        if self.v >= 3 {
            let ib = indent(ind + 2, true);
            self.p(format_args!("{}[", &ib[1..]));
            self.hex(&ib, at + TLV_HDR as u64, rlen)?;
            self.p(format_args!("\n{}]", &ib[1..]));
        }
        Ok(true)
    }

    fn sparse_data(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let rlen = len - TLV_HDR as u64;
        if !self.have(at, 4) {
            return self.soft_trunc();
        }
        if self.u16(at)? != T_SPAD {
            self.s("Error: expecting SPARSEDATA!\n");
            return Ok(false);
        }
        if rlen < ILV_HDR as u64 {
            self.s("Error: BAD SPARSEDATA-TLV!\n");
            return Ok(false);
        }
        let ind = ind + 1;
        let mut o = at + TLV_HDR as u64;
        let mut rlen = rlen;
        while rlen != 0 {
            let ib = indent(ind, true);
            let ilen = if rlen < ILV_HDR as u64 {
                0
            } else {
                u64::from(self.u32(o + 4)?)
            };
            let bad = xlv_check(ilen, rlen, ILV_HDR as u64);
            if bad != 0 {
                self.p(format_args!(
                    "Error: {}, rlen {rlen}\n",
                    name_or_num(tlv_err_name(bad), bad)
                ));
                return Ok(false);
            }
            if self.v >= 3 {
                let t = self.u32(o)?;
                self.p(format_args!(
                    "\n{} ILV: type {t:x} length {ilen}\n",
                    &ib[1..]
                ));
                self.hex("\t\t[", o + ILV_HDR as u64, ilen - ILV_HDR as u64)?;
            }
            o += align4(ilen);
            rlen -= align4(ilen);
        }
        Ok(true)
    }

    fn key_info(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let id = self.u32(at + 4)?;
        self.p(format_args!("{ib}Keyinfo: Key 0x{id:x}\n"));
        let kd = at + 8;
        let t = self.u16(kd)?;
        let tll = u64::from(self.u16(kd + 2)?);
        let bad = xlv_check(tll, len, TLV_HDR as u64);
        if bad != 0 {
            self.p(format_args!(
                "{} TLV type 0x{t:x} len {tll}\n",
                name_or_num(tlv_err_name(bad), bad)
            ));
            return Ok(false);
        }
        self.full_data(kd + TLV_HDR as u64, tll, ind)
    }

    fn teardown(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let dlen = len - TLV_HDR as u64;
        if dlen != 4 {
            self.p(format_args!("illegal ASTresult-TLV: {dlen} bytes!\n"));
            return Ok(false);
        }
        let code = self.u32(at)?;
        if code > 255 {
            self.p(format_args!("illegal ASTresult result code: {code}!\n"));
            return Ok(false);
        }
        if self.v >= 3 {
            let why = match code {
                0 => "Normal Teardown",
                1 => "Loss of Heartbeats",
                2 => "Out of bandwidth",
                3 => "Out of Memory",
                4 => "Application Crash",
                _ => "Unknown Teardown reason",
            };
            self.p(format_args!("Teardown reason:\n{ib}{why}({code:x})\n{ib}"));
        }
        Ok(true)
    }

    fn assoc_result(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let ib = indent(ind, false);
        let dlen = len - TLV_HDR as u64;
        if dlen != 4 {
            self.p(format_args!("illegal ASRresult-TLV: {dlen} bytes!\n"));
            return Ok(false);
        }
        let code = self.u32(at)?;
        if code > 3 {
            self.p(format_args!("illegal ASRresult result code: {code}!\n"));
            return Ok(false);
        }
        if self.v >= 3 {
            let what = match code {
                0 => "Success ",
                1 => "FE ID invalid ",
                2 => "permission denied ",
                _ => "Unknown ",
            };
            self.p(format_args!("\n{ib}{what}({code:x})\n{ib}"));
        }
        Ok(true)
    }

    fn redirect(&mut self, at: u64, len: u64, ind: i64) -> R<bool> {
        let dlen = len - TLV_HDR as u64;
        if dlen <= 8 {
            self.p(format_args!(
                "\n\t\ttruncated Redirect TLV: {} bytes missing! ",
                8 - dlen
            ));
            return Ok(false);
        }
        let mut rlen = dlen;
        let mut o = at;
        let ind = ind + 1;
        while rlen != 0 {
            let t = self.u16(o)?;
            let tlen = u64::from(self.u16(o + 2)?);
            if xlv_check(tlen, rlen, TLV_HDR as u64) != 0 {
                self.s("Bad Redirect data\n");
                break;
            }
            let data = o + TLV_HDR as u64;
            match t {
                T_METD => self.metadata(data, tlen, ind)?,
                T_REDD => {
                    let ib = indent(ind, false);
                    let rl = tlen - TLV_HDR as u64;
                    self.p(format_args!("\n{ib} Redirect Data length {rl}\n"));
                    if self.v >= 3 {
                        self.s("\t\t[");
                        self.hex("\n\t\t", data, rl)?;
                        self.s("\n\t\t]");
                    }
                }
                _ => self.p(format_args!("Unknown REDIRECT TLV 0x{t:x} len {tlen}\n")),
            }
            o += align4(tlen);
            rlen -= align4(tlen);
        }
        if rlen != 0 {
            let t = self.u16(o)?;
            let l = self.u16(o + 2)?;
            self.p(format_args!(
                "\n\t\tMessy Redirect TLV header, type (0x{t:x})\n\t\texcess of {} Bytes ",
                (rlen as u32).wrapping_sub(u32::from(l))
            ));
            return Ok(false);
        }
        Ok(true)
    }

    fn metadata(&mut self, at: u64, len: u64, ind: i64) -> R {
        let ib = indent(ind, false);
        let mut rlen = len - TLV_HDR as u64;
        self.p(format_args!("\n{ib} METADATA length {rlen}\n"));
        let mut o = at;
        let ib = indent(ind + 1, false);
        while rlen != 0 {
            let ilen = if rlen < ILV_HDR as u64 {
                0
            } else {
                u64::from(self.u32(o + 4)?)
            };
            if xlv_check(ilen, rlen, ILV_HDR as u64) != 0 {
                break;
            }
            let t = self.u32(o)?;
            self.p(format_args!("{ib}MetaID 0x{t:x} length {ilen}\n"));
            if self.v >= 3 {
                self.hex("\t\t[", o + ILV_HDR as u64, ilen - ILV_HDR as u64)?;
                self.s(" ]\n");
            }
            o += align4(ilen);
            rlen -= align4(ilen);
        }
        Ok(())
    }
}
