//! L2TPv2 (UDP 1701, RFC 2661) as tcpdump 4.99 prints it: header flags, tunnel
//! and session ids, sequence numbers, then either the control message's AVPs
//! or the PPP frame a data message carries (printed by the PPP printer).

use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn avp_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0 => "MSGTYPE",
        1 => "RESULT_CODE",
        2 => "PROTO_VER",
        3 => "FRAMING_CAP",
        4 => "BEARER_CAP",
        5 => "TIE_BREAKER",
        6 => "FIRM_VER",
        7 => "HOST_NAME",
        8 => "VENDOR_NAME",
        9 => "ASSND_TUN_ID",
        10 => "RECV_WIN_SIZE",
        11 => "CHALLENGE",
        12 => "Q931_CC",
        13 => "CHALLENGE_RESP",
        14 => "ASSND_SESS_ID",
        15 => "CALL_SER_NUM",
        16 => "MINIMUM_BPS",
        17 => "MAXIMUM_BPS",
        18 => "BEARER_TYPE",
        19 => "FRAMING_TYPE",
        20 => "PACKET_PROC_DELAY",
        21 => "CALLED_NUMBER",
        22 => "CALLING_NUMBER",
        23 => "SUB_ADDRESS",
        24 => "TX_CONN_SPEED",
        25 => "PHY_CHANNEL_ID",
        26 => "INI_RECV_LCP",
        27 => "LAST_SENT_LCP",
        28 => "LAST_RECV_LCP",
        29 => "PROXY_AUTH_TYPE",
        30 => "PROXY_AUTH_NAME",
        31 => "PROXY_AUTH_CHAL",
        32 => "PROXY_AUTH_ID",
        33 => "PROXY_AUTH_RESP",
        34 => "CALL_ERRORS",
        35 => "ACCM",
        36 => "RANDOM_VECTOR",
        37 => "PRIVATE_GRP_ID",
        38 => "RX_CONN_SPEED",
        39 => "SEQ_REQUIRED",
        46 => "PPP_DISCON_CC",
        _ => return None,
    })
}

fn msg_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "SCCRQ",
        2 => "SCCRP",
        3 => "SCCCN",
        4 => "StopCCN",
        6 => "HELLO",
        7 => "OCRQ",
        8 => "OCRP",
        9 => "OCCN",
        10 => "ICRQ",
        11 => "ICRP",
        12 => "ICCN",
        14 => "CDN",
        15 => "WEN",
        16 => "SLI",
        _ => return None,
    })
}

fn too_short(c: &mut Ctx) {
    c.s("AVP too short");
}

/// Characters with tcpdump's fn_print_char.
fn string(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        super::tcp::print_char(c, b);
    }
    Ok(())
}

fn octets(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        c.o.hexw(u64::from(u8_at(d, off + i)?), 2);
    }
    Ok(())
}

/// Capability or type bits as letters (`A` for bit 1, then `second` for bit 0).
fn bits(c: &mut Ctx, d: &[u8], off: usize, n: usize, second: &str) -> R {
    if n < 4 {
        too_short(c);
        return Ok(());
    }
    let v = be32(d, off)?;
    if v & 2 != 0 {
        c.s("A");
    }
    if v & 1 != 0 {
        c.s(second);
    }
    Ok(())
}

/// The value of an IETF AVP of type `t`, `n` bytes at `off`.
fn avp_value(c: &mut Ctx, d: &[u8], off: usize, n: usize, t: u16) -> R {
    match t {
        0 => {
            if n < 2 {
                too_short(c);
            } else {
                let v = be16(d, off)?;
                match msg_name(v) {
                    Some(s) => c.s(s),
                    None => {
                        c.s("MSGTYPE-#");
                        c.dec(v);
                    }
                }
            }
        }
        1 => {
            if n < 2 {
                too_short(c);
                return Ok(());
            }
            c.dec(be16(d, off)?);
            if n == 2 {
                return Ok(());
            }
            if n < 4 {
                c.s(" AVP too short");
                return Ok(());
            }
            c.s("/");
            c.dec(be16(d, off + 2)?);
            if n > 4 {
                c.s(" ");
                string(c, d, off + 4, n - 4)?;
            }
        }
        2 => {
            if n < 2 {
                too_short(c);
            } else {
                let v = be16(d, off)?;
                c.dec(v >> 8);
                c.s(".");
                c.dec(v & 0xff);
            }
        }
        3 | 19 => bits(c, d, off, n, "S")?,
        4 | 18 => bits(c, d, off, n, "D")?,
        5 => {
            if n < 8 {
                too_short(c);
            } else {
                octets(c, d, off, 8)?;
            }
        }
        6 | 9 | 10 | 14 => {
            if n < 2 {
                too_short(c);
            } else {
                c.dec(be16(d, off)?);
            }
        }
        7 | 8 | 21 | 22 | 23 | 30 | 37 => string(c, d, off, n)?,
        11 | 26 | 27 | 28 | 31 | 33 | 36 => octets(c, d, off, n)?,
        12 => {
            if n < 3 {
                too_short(c);
                return Ok(());
            }
            c.dec(be16(d, off)?);
            let b = u8_at(d, off + 2)?;
            c.s(", ");
            c.o.hexw(u64::from(b), 2);
            if n > 3 {
                c.s(" ");
                string(c, d, off + 3, n - 3)?;
            }
        }
        13 => {
            if n < 16 {
                too_short(c);
            } else {
                octets(c, d, off, 16)?;
            }
        }
        15 | 16 | 17 | 24 | 25 | 38 => {
            if n < 4 {
                too_short(c);
            } else {
                c.dec(be32(d, off)?);
            }
        }
        20 => c.s("obsolete"),
        29 => {
            if n < 2 {
                too_short(c);
            } else {
                let v = be16(d, off)?;
                match v {
                    0 => c.s("Reserved"),
                    1 => c.s("Textual"),
                    2 => c.s("CHAP"),
                    3 => c.s("PAP"),
                    4 => c.s("No Auth"),
                    5 => c.s("MS-CHAPv1"),
                    _ => {
                        c.s("AuthType-#");
                        c.dec(v);
                    }
                }
            }
        }
        32 => {
            if n < 2 {
                too_short(c);
            } else {
                c.dec(be16(d, off)? & 0xff);
            }
        }
        34 => {
            if n < 2 {
                too_short(c);
                return Ok(());
            }
            let mut p = off + 2;
            let mut left = n - 2;
            for label in [
                "CRCErr=",
                "FrameErr=",
                "HardOver=",
                "BufOver=",
                "Timeout=",
                "AlignErr=",
            ] {
                if left < 4 {
                    too_short(c);
                    return Ok(());
                }
                let v = be32(d, p)?;
                p += 4;
                left -= 4;
                c.s(label);
                c.dec(v);
                c.s(" ");
            }
        }
        35 => {
            if n < 2 {
                too_short(c);
                return Ok(());
            }
            let mut p = off + 2;
            let mut left = n - 2;
            for label in ["send=", "recv="] {
                if left < 4 {
                    too_short(c);
                    return Ok(());
                }
                let v = be32(d, p)?;
                p += 4;
                left -= 4;
                c.s(label);
                c.o.hexw(u64::from(v), 8);
                c.s(" ");
            }
        }
        46 => {
            if n < 5 {
                too_short(c);
                return Ok(());
            }
            c.o.hexw(u64::from(be16(d, off)?), 4);
            c.s(", ");
            c.o.hexw(u64::from(be16(d, off + 2)?), 4);
            c.s(" ");
            let dir = u8_at(d, off + 4)?;
            match dir {
                0 => c.s("global error"),
                1 => c.s("at peer"),
                2 => c.s("at local"),
                _ => {
                    c.s("Direction-#");
                    c.dec(dir);
                }
            }
            if n > 5 {
                c.s(" ");
                string(c, d, off + 5, n - 5)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// One AVP at `off` with `length` bytes of the message left; its length, or 0
/// when it is bad or cut (after tcpdump's truncation mark).
fn avp(c: &mut Ctx, d: &[u8], off: usize, length: usize) -> R<usize> {
    c.s(" ");
    let hdr = be16(d, off)?;
    let len = usize::from(hdr & 0x3ff);
    if len < 6 || len > length || bytes(d, off, len).is_err() {
        c.trunc_mark();
        return Ok(0);
    }
    if hdr & 0x8000 != 0 {
        c.s("*");
    }
    let hidden = hdr & 0x4000 != 0;
    if hidden {
        c.s("?");
    }
    let vendor = be16(d, off + 2)?;
    if vendor != 0 {
        c.s("VENDOR");
        c.o.hexw(u64::from(vendor), 4);
        c.s(":ATTR");
        c.o.hexw(u64::from(be16(d, off + 4)?), 4);
        c.s("(");
        octets(c, d, off + 6, len - 6)?;
        c.s(")");
        return Ok(len);
    }
    let t = be16(d, off + 4)?;
    match avp_name(t) {
        Some(s) => c.s(s),
        None => {
            c.s("AVP-#");
            c.dec(t);
        }
    }
    c.s("(");
    if hidden {
        c.s("???");
    } else {
        avp_value(c, d, off + 6, len - 6, t)?;
    }
    c.s(")");
    Ok(len)
}

/// An L2TP message of `length` bytes (the captured ones in `d`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "l2tp";
    let flags = be16(d, 0)?;
    match flags & 0xf {
        2 => c.s(" l2tp:"),
        1 => {
            c.s(" l2f:");
            return Ok(());
        }
        _ => {
            c.s(" Unknown Version, neither L2F(1) nor L2TP(2)");
            return Ok(());
        }
    }
    c.s("[");
    for (bit, ch) in [
        (0x8000, "T"),
        (0x4000, "L"),
        (0x0800, "S"),
        (0x0200, "O"),
        (0x0100, "P"),
    ] {
        if flags & bit != 0 {
            c.s(ch);
        }
    }
    c.s("]");
    let (flag_t, flag_l) = (flags & 0x8000 != 0, flags & 0x4000 != 0);
    let mut p = 2usize;
    let mut l2tp_len = 0usize;
    if flag_l {
        l2tp_len = usize::from(be16(d, p)?);
        p += 2;
    }
    let tunnel = be16(d, p)?;
    c.s("(");
    c.dec(tunnel);
    c.s("/");
    let session = be16(d, p + 2)?;
    c.dec(session);
    c.s(")");
    p += 4;
    if flags & 0x0800 != 0 {
        let ns = be16(d, p)?;
        c.s("Ns=");
        c.dec(ns);
        c.s(",");
        let nr = be16(d, p + 2)?;
        c.s("Nr=");
        c.dec(nr);
        p += 4;
    }
    if flags & 0x0200 != 0 {
        let pad = usize::from(be16(d, p)?);
        if bytes(d, p + 2, pad).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        p += 2 + pad;
    }
    let mut length = length;
    if flag_l {
        if length < l2tp_len {
            c.s(" Length ");
            c.dec(l2tp_len as u64);
            c.s(" larger than packet");
            return Ok(());
        }
        length = l2tp_len;
    }
    if length < p {
        c.s(" Length ");
        c.dec(length as u64);
        c.s(" smaller than header length");
        return Ok(());
    }
    if flag_t {
        if !flag_l {
            c.s(" No length");
            return Ok(());
        }
        if length == p {
            c.s(" ZLB");
            return Ok(());
        }
        while length > p {
            let n = avp(c, d, p, length - p)?;
            if n == 0 {
                break;
            }
            p += n;
        }
        return Ok(());
    }
    c.s(" {");
    let inner = d.get(p..).unwrap_or(&[]);
    super::ppp::print(c, inner, length - p)?;
    c.s("}");
    Ok(())
}
