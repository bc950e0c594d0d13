//! Babel (RFC 8966, UDP ports 6696 and 6697) as tcpdump 4.99 prints it: the
//! TLV names by default, their contents (prefixes, sub-TLVs) from -v on.

use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write;

const V4_MAPPED: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0];

const HELLO: u8 = 4;
const IHU: u8 = 5;
const UPDATE: u8 = 8;
const SS_UPDATE: u8 = 13;

/// How a run of TLVs ended.
enum End {
    Done,
    Trunc,
    Invalid,
}

/// tcpdump's network_prefix: the 16-byte prefix of address encoding `ae`
/// with `plen` bits (-1: a whole address), `omitted` bytes taken from
/// `prev`, the rest from `p` (at most `len` bytes); with the bytes used.
fn network_prefix(
    ae: u8,
    plen: i32,
    omitted: usize,
    p: &[u8],
    prev: Option<&[u8; 16]>,
    len: usize,
) -> Option<(usize, [u8; 16])> {
    let pb = if plen >= 0 {
        (plen as usize).div_ceil(8)
    } else if ae == 1 {
        4
    } else {
        16
    };
    if pb > 16 {
        return None;
    }
    let mut prefix = [0u8; 16];
    let mut used = 0;
    match ae {
        0 => {}
        1 => {
            if omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted) {
                return None;
            }
            prefix[..12].copy_from_slice(&V4_MAPPED[..12]);
            if omitted > 0 {
                prefix[..12 + omitted].copy_from_slice(&prev?[..12 + omitted]);
            }
            if pb > omitted {
                prefix[12 + omitted..12 + pb].copy_from_slice(p.get(..pb - omitted)?);
                used = pb - omitted;
            }
        }
        2 => {
            if omitted > 16 || (pb > omitted && len < pb - omitted) {
                return None;
            }
            if omitted > 0 {
                prefix[..omitted].copy_from_slice(&prev?[..omitted]);
            }
            if pb > omitted {
                prefix[omitted..pb].copy_from_slice(p.get(..pb - omitted)?);
                used = pb - omitted;
            }
        }
        3 => {
            if pb > 8 && len < pb - 8 {
                return None;
            }
            prefix[0] = 0xfe;
            prefix[1] = 0x80;
            if pb > 8 {
                prefix[8..pb].copy_from_slice(p.get(..pb - 8)?);
                used = pb - 8;
            }
        }
        _ => return None,
    }
    Some((used, prefix))
}

fn address(c: &mut Ctx, a: &[u8; 16]) {
    if a[..12] == V4_MAPPED[..12] {
        c.ipaddr(&a[12..]);
    } else {
        c.ip6addr(a);
    }
}

/// A prefix as printed: its bytes and its length (IPv4 ones v4-mapped, +96).
type Shown = ([u8; 16], u8);

/// The destination prefix (`omitted` bytes from `prev`) then the source prefix
/// of a source-specific TLV, read from `body[at..]` (at most `len` bytes in
/// all); with the offset past both.
#[allow(clippy::too_many_arguments)]
fn dst_src_prefixes(
    ae: u8,
    plen: u8,
    src_plen: u8,
    omitted: usize,
    prev: Option<&[u8; 16]>,
    body: &[u8],
    at: usize,
    len: usize,
) -> Option<(usize, Shown, Shown)> {
    let shown = |l: u8| if ae == 1 { l.wrapping_add(96) } else { l };
    let (used, dst) = network_prefix(
        ae,
        i32::from(plen),
        omitted,
        body.get(at..)?,
        prev,
        len - at,
    )?;
    let at = at + used;
    let (used, src) = network_prefix(ae, i32::from(src_plen), 0, body.get(at..)?, None, len - at)?;
    Some((at + used, (dst, shown(plen)), (src, shown(src_plen))))
}

fn prefix(c: &mut Ctx, a: &[u8; 16], plen: u8) {
    if plen >= 96 && a[..12] == V4_MAPPED[..12] {
        c.ipaddr(&a[12..]);
        let _ = write!(c, "/{}", plen - 96);
    } else {
        c.ip6addr(a);
        let _ = write!(c, "/{plen}");
    }
}

fn interval(c: &mut Ctx, i: u16) {
    if i == 0 {
        c.s("0.0s (bogus)");
    } else {
        let _ = write!(c, "{}.{:02}s", i / 100, i % 100);
    }
}

fn interval_update(c: &mut Ctx, i: u16) {
    if i == 0xffff {
        c.s("infinity");
    } else {
        interval(c, i);
    }
}

fn timestamp(c: &mut Ctx, t: u32) {
    let _ = write!(c, "{}.{:06}s", t / 1_000_000, t % 1_000_000);
}

fn router_id(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let id = bytes(d, off, 8)?;
    for (i, b) in id.iter().enumerate() {
        let _ = write!(c, "{}{b:02x}", if i == 0 { "" } else { ":" });
    }
    Ok(())
}

/// The sub-TLVs in `d[off..end]` of a TLV of type `tlv`.
fn subtlvs(c: &mut Ctx, d: &[u8], mut off: usize, end: usize, tlv: u8) -> R {
    while off < end {
        let ty = u8_at(d, off)?;
        off += 1;
        if ty == 0 {
            c.s(" sub-pad1");
            continue;
        }
        if ty & 0x80 != 0 {
            c.s(" (M)");
        }
        if off == end {
            c.invalid();
            return Ok(());
        }
        let len = usize::from(u8_at(d, off)?);
        off += 1;
        if off + len > end {
            c.invalid();
            return Ok(());
        }
        match ty {
            1 => c.s(" sub-padn"),
            2 => {
                c.s(" sub-diversity");
                if len == 0 {
                    c.s(" empty");
                } else {
                    for i in 0..len {
                        let ch = u8_at(d, off + i)?;
                        c.s(if i == 0 { " " } else { "-" });
                        match ch {
                            0 => c.s("reserved"),
                            255 => c.s("all"),
                            _ => c.dec(ch),
                        }
                    }
                    if tlv != UPDATE && tlv != SS_UPDATE {
                        c.s(" (bogus)");
                    }
                }
            }
            3 => {
                c.s(" sub-timestamp");
                if tlv == HELLO {
                    if len < 4 {
                        c.invalid();
                        return Ok(());
                    }
                    c.s(" ");
                    timestamp(c, be32(d, off)?);
                } else if tlv == IHU {
                    if len < 8 {
                        c.invalid();
                        return Ok(());
                    }
                    c.s(" ");
                    timestamp(c, be32(d, off)?);
                    c.s("|");
                    timestamp(c, be32(d, off + 4)?);
                } else {
                    c.s(" (bogus)");
                }
            }
            _ => {
                let _ = write!(c, " sub-unknown-0x{ty:02x}");
            }
        }
        off += len;
    }
    Ok(())
}

/// The TLVs in `d[start..start + tlvs_len]`, with `remaining` bytes of packet.
fn tlvs(c: &mut Ctx, d: &[u8], start: usize, tlvs_len: usize, remaining: usize) -> R<End> {
    let verbose = c.opts.verbose > 0;
    let mut prev4 = V4_MAPPED;
    let mut prev6 = [0u8; 16];
    let mut i = 0usize;
    let check = |i: usize, l: usize| i + l > tlvs_len || i + l > remaining;
    while i < tlvs_len {
        let m = start + i;
        if check(i, 1) {
            return Ok(End::Invalid);
        }
        let ty = u8_at(d, m)?;
        if ty == 0 {
            c.s(if verbose { "\n\tPad 1" } else { " pad1" });
            i += 1;
            continue;
        }
        if check(i, 2) {
            return Ok(End::Invalid);
        }
        if bytes(d, m, 2).is_err() {
            return Ok(End::Trunc);
        }
        let len = usize::from(u8_at(d, m + 1)?);
        if check(i, 2 + len) {
            return Ok(End::Invalid);
        }
        if bytes(d, m, 2 + len).is_err() {
            return Ok(End::Trunc);
        }
        let body = &d[m + 2..m + 2 + len];
        let b = |k: usize| body.get(k).copied().unwrap_or(0);
        let tlv_end = m + 2 + len;
        macro_rules! short {
            ($n:expr) => {
                if len < $n {
                    return Ok(End::Invalid);
                }
            };
        }
        match ty {
            1 => {
                if verbose {
                    let _ = write!(c, "\n\tPad {}", len + 2);
                } else {
                    c.s(" padN");
                }
            }
            2 if !verbose => c.s(" ack-req"),
            2 => {
                c.s("\n\tAcknowledgment Request ");
                short!(6);
                let (nonce, iv) = (be16(d, m + 4)?, be16(d, m + 6)?);
                let _ = write!(c, "{nonce:04x} ");
                interval(c, iv);
            }
            3 if !verbose => c.s(" ack"),
            3 => {
                c.s("\n\tAcknowledgment ");
                short!(2);
                let _ = write!(c, "{:04x}", be16(d, m + 2)?);
            }
            HELLO if !verbose => c.s(" hello"),
            HELLO => {
                c.s("\n\tHello ");
                short!(6);
                let unicast = be16(d, m + 2)? & 0x8000 != 0;
                let (seqno, iv) = (be16(d, m + 4)?, be16(d, m + 6)?);
                if unicast {
                    c.s("(Unicast) ");
                }
                let _ = write!(c, "seqno {seqno} ");
                if iv != 0 {
                    c.s("interval ");
                    interval(c, iv);
                } else {
                    c.s("unscheduled");
                }
                if len > 6 {
                    subtlvs(c, d, m + 8, tlv_end, ty)?;
                }
            }
            IHU if !verbose => c.s(" ihu"),
            IHU => {
                c.s("\n\tIHU ");
                short!(6);
                let (rxcost, iv) = (be16(d, m + 4)?, be16(d, m + 6)?);
                let ae = b(0);
                match network_prefix(ae, -1, 0, &body[6..], None, len - 6) {
                    None => c.trunc_mark(),
                    Some((used, a)) => {
                        if ae == 0 {
                            c.s("any");
                        } else {
                            address(c, &a);
                        }
                        let _ = write!(c, " rxcost {rxcost} interval ");
                        interval(c, iv);
                        if used < len - 6 {
                            subtlvs(c, d, m + 8 + used, tlv_end, ty)?;
                        }
                    }
                }
            }
            6 if !verbose => c.s(" router-id"),
            6 => {
                c.s("\n\tRouter Id");
                short!(10);
                c.s(" ");
                router_id(c, d, m + 4)?;
            }
            7 if !verbose => c.s(" nh"),
            7 => {
                c.s("\n\tNext Hop");
                short!(2);
                let ae = b(0);
                let Some((_, a)) = network_prefix(ae, -1, 0, &body[2..], None, len - 2) else {
                    return Ok(End::Invalid);
                };
                c.s(" ");
                if ae == 0 {
                    c.s("invalid AE 0");
                } else {
                    address(c, &a);
                }
            }
            UPDATE => {
                let flags_of = |c: &mut Ctx, f: u8| {
                    c.s(if f & 0x80 != 0 { "/prefix" } else { "" });
                    c.s(if f & 0x40 != 0 { "/id" } else { "" });
                    c.s(if f & 0x3f != 0 { "/unknown" } else { "" });
                };
                if !verbose {
                    c.s(" update");
                    short!(10);
                    flags_of(c, b(1));
                } else {
                    c.s("\n\tUpdate");
                    short!(10);
                    let ae = b(0);
                    let flags = b(1);
                    let plen = b(2).wrapping_add(if ae == 1 { 96 } else { 0 });
                    let prev = if ae == 1 { &prev4 } else { &prev6 };
                    let Some((used, p)) = network_prefix(
                        ae,
                        i32::from(b(2)),
                        usize::from(b(3)),
                        &body[10..],
                        Some(prev),
                        len - 10,
                    ) else {
                        return Ok(End::Invalid);
                    };
                    let (iv, seqno, metric) = (be16(d, m + 6)?, be16(d, m + 8)?, be16(d, m + 10)?);
                    flags_of(c, flags);
                    c.s(" ");
                    if ae == 0 {
                        c.s("any");
                    } else {
                        prefix(c, &p, plen);
                    }
                    let _ = write!(c, " metric {metric} seqno {seqno} interval ");
                    interval_update(c, iv);
                    if flags & 0x80 != 0 {
                        if ae == 1 {
                            prev4 = p;
                        } else {
                            prev6 = p;
                        }
                    }
                    if used < len - 10 {
                        subtlvs(c, d, m + 12 + used, tlv_end, ty)?;
                    }
                }
            }
            9 if !verbose => c.s(" route-request"),
            9 => {
                c.s("\n\tRoute Request ");
                short!(2);
                let ae = b(0);
                let plen = b(1).wrapping_add(if ae == 1 { 96 } else { 0 });
                let Some((_, p)) =
                    network_prefix(ae, i32::from(b(1)), 0, &body[2..], None, len - 2)
                else {
                    return Ok(End::Invalid);
                };
                c.s("for ");
                if ae == 0 {
                    c.s("any");
                } else {
                    prefix(c, &p, plen);
                }
            }
            10 if !verbose => c.s(" seqno-request"),
            10 => {
                c.s("\n\tSeqno Request ");
                short!(14);
                let ae = b(0);
                let seqno = be16(d, m + 4)?;
                let Some((_, p)) =
                    network_prefix(ae, i32::from(b(1)), 0, &body[14..], None, len - 14)
                else {
                    return Ok(End::Invalid);
                };
                let plen = b(1).wrapping_add(if ae == 1 { 96 } else { 0 });
                let _ = write!(c, "({} hops) for ", b(4));
                if ae == 0 {
                    c.s("invalid AE 0");
                } else {
                    prefix(c, &p, plen);
                }
                let _ = write!(c, " seqno {seqno} id ");
                router_id(c, d, m + 8)?;
            }
            11 if !verbose => c.s(" tspc"),
            11 => {
                c.s("\n\tTS/PC ");
                short!(6);
                let _ = write!(
                    c,
                    "timestamp {} packetcounter {}",
                    be32(d, m + 4)?,
                    be16(d, m + 2)?
                );
            }
            12 if !verbose => c.s(" hmac"),
            12 => {
                c.s("\n\tHMAC ");
                short!(18);
                let _ = write!(c, "key-id {} digest-{} ", be16(d, m + 2)?, len - 2);
                for j in 0..len - 2 {
                    let _ = write!(c, "{:02X}", u8_at(d, m + 4 + j)?);
                }
            }
            SS_UPDATE if !verbose => c.s(" ss-update"),
            SS_UPDATE => {
                c.s("\n\tSS-Update");
                short!(10);
                let ae = b(0);
                let (src_plen, plen, omitted) = (b(1), b(2), b(3));
                let (iv, seqno, metric) = (be16(d, m + 6)?, be16(d, m + 8)?, be16(d, m + 10)?);
                let prev = if ae == 1 { &prev4 } else { &prev6 };
                let Some((parsed, (p, plen), (src, src_plen))) = dst_src_prefixes(
                    ae,
                    plen,
                    src_plen,
                    usize::from(omitted),
                    Some(prev),
                    body,
                    10,
                    len,
                ) else {
                    return Ok(End::Invalid);
                };
                c.s(" ");
                prefix(c, &p, plen);
                c.s(" from ");
                prefix(c, &src, src_plen);
                let _ = write!(c, " metric {metric} seqno {seqno} interval ");
                interval_update(c, iv);
                if parsed < len {
                    subtlvs(c, d, m + 2 + parsed, tlv_end, ty)?;
                }
            }
            14 if !verbose => c.s(" ss-request"),
            14 => {
                c.s("\n\tSS-Request ");
                short!(3);
                let ae = b(0);
                let Some((_, (p, plen), (src, src_plen))) =
                    dst_src_prefixes(ae, b(1), b(2), 0, None, body, 3, len)
                else {
                    return Ok(End::Invalid);
                };
                if ae == 0 {
                    c.s("for any");
                } else {
                    c.s("for (");
                    prefix(c, &p, plen);
                    c.s(", ");
                    prefix(c, &src, src_plen);
                    c.s(")");
                }
            }
            15 if !verbose => c.s(" ss-mh-request"),
            15 => {
                c.s("\n\tSS-MH-Request ");
                short!(14);
                let ae = b(0);
                let hopc = b(4);
                let seqno = be16(d, m + 4)?;
                let Some((_, (p, plen), (src, src_plen))) =
                    dst_src_prefixes(ae, b(1), b(5), 0, None, body, 14, len)
                else {
                    return Ok(End::Invalid);
                };
                let _ = write!(c, "({hopc} hops) for (");
                prefix(c, &p, plen);
                c.s(", ");
                prefix(c, &src, src_plen);
                let _ = write!(c, ") seqno {seqno} id ");
                router_id(c, d, m + 8)?;
            }
            16 if !verbose => c.s(" mac"),
            16 => {
                let _ = write!(c, "\n\tMAC len {len}");
            }
            17 if !verbose => c.s(" pc"),
            17 => {
                c.s("\n\tPC");
                short!(4);
                let _ = write!(c, " value {} index len {}", be32(d, m + 2)?, len - 4);
            }
            18 | 19 if !verbose => c.s(if ty == 18 {
                " challenge_request"
            } else {
                " challenge_reply"
            }),
            18 | 19 => {
                c.s(if ty == 18 {
                    "\n\tChallenge Request"
                } else {
                    "\n\tChallenge Reply"
                });
                if len > 192 {
                    return Ok(End::Invalid);
                }
                let _ = write!(c, " len {len}");
            }
            _ if !verbose => c.s(" unknown"),
            _ => {
                let _ = write!(c, "\n\tUnknown message type {ty}");
            }
        }
        i += len + 2;
    }
    Ok(End::Done)
}

/// What a run of TLVs ending badly prints; false when it ended the packet.
fn ended(c: &mut Ctx, e: End) -> bool {
    match e {
        End::Done => true,
        End::Trunc => {
            c.trunc_mark();
            false
        }
        End::Invalid => {
            c.invalid();
            false
        }
    }
}

/// One Babel packet.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "babel";
    c.s("babel");
    if d.len() < 4 {
        c.trunc_mark();
        return Ok(());
    }
    if d[0] != 42 {
        c.s(" invalid header");
        return Ok(());
    }
    let version = d[1];
    let _ = write!(c, " {version}");
    if version != 2 {
        c.s(" unknown version");
        return Ok(());
    }
    if length < 4 {
        c.invalid();
        return Ok(());
    }
    let body_len = usize::from(u16::from_be_bytes([d[2], d[3]]));
    let _ = write!(c, " ({body_len})");
    let left = length - 4;
    if left < body_len {
        c.invalid();
        return Ok(());
    }
    let e = tlvs(c, d, 4, body_len, left)?;
    if !ended(c, e) {
        return Ok(());
    }
    let trailer = left - body_len;
    if trailer != 0 {
        c.s(if c.opts.verbose > 0 { "\n\t----" } else { " |" });
        let e = tlvs(c, d, 4 + body_len, trailer, trailer)?;
        ended(c, e);
    }
    Ok(())
}
