//! IPv6 with its extension headers (hop-by-hop, destination options, routing,
//! fragment).

use super::ip::{IpInfo, demux, proto_name};
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, cut, u8_at};

/// What the options of a header may say about a Jumbo Payload (RFC 2675): valid
/// only in a hop-by-hop header of a packet whose payload length field is 0.
struct Jumbo {
    /// The header is a hop-by-hop one.
    hop_by_hop: bool,
    /// The IPv6 payload length field is 0.
    zero_payload_length: bool,
    /// The payload length a valid option gives.
    length: Option<u32>,
}

/// Hop-by-hop / destination options. `Ok(false)` when an option is malformed (the
/// reason has been printed; tcpdump then stops with a truncation mark).
fn opt_print(c: &mut Ctx, d: &[u8], jumbo: &mut Jumbo) -> R<bool> {
    let v = c.opts.verbose > 0;
    let len = d.len();
    // tcpdump counts Jumbo Payload options per header.
    let mut seen = false;
    let mut i = 0;
    while i < len {
        let t = u8_at(d, i)?;
        let Some(optlen) = opt_len(d, i)? else {
            return Ok(false);
        };
        match t {
            0 => {
                if v {
                    c.s("(pad1)");
                }
            }
            1 => {
                if len - i < 2 {
                    c.s("(padn: trunc)");
                    return Ok(false);
                }
                if v {
                    c.s("(padn)");
                }
            }
            5 => {
                if len - i < 4 {
                    c.s("(rtalert: trunc)");
                    return Ok(false);
                }
                let l = u8_at(d, i + 1)?;
                if l != 2 {
                    c.s("(rtalert: invalid len ");
                    c.dec(l);
                    c.s(")");
                    return Ok(false);
                }
                if v {
                    let a = be16(d, i + 2)?;
                    c.s("(rtalert: 0x");
                    c.o.hexw(u64::from(a), 4);
                    c.s(") ");
                }
            }
            0xc2 => {
                if len - i < 6 {
                    c.s("(jumbo: trunc)");
                    return Ok(false);
                }
                let l = u8_at(d, i + 1)?;
                if l != 4 {
                    c.s("(jumbo: invalid len ");
                    c.dec(l);
                    c.s(")");
                    return Ok(false);
                }
                let j = be32(d, i + 2)?;
                // tcpdump's verdicts on the option, in its order.
                let why = if seen {
                    " - already seen"
                } else if !jumbo.hop_by_hop {
                    " - not a hop-by-hop option"
                } else if !jumbo.zero_payload_length {
                    " - payload len != 0"
                } else if j < 65536 {
                    " - < 65536"
                } else {
                    // The payload length is known from here on.
                    jumbo.zero_payload_length = false;
                    jumbo.length = Some(j);
                    ""
                };
                seen = true;
                if v {
                    c.s("(jumbo: ");
                    c.dec(j);
                    c.s(why);
                    c.s(") ");
                }
            }
            0xc9 => {
                if len - i < 18 {
                    c.s("(homeaddr: trunc)");
                    return Ok(false);
                }
                let l = u8_at(d, i + 1)?;
                if l < 16 {
                    c.s("(homeaddr: invalid len ");
                    c.dec(l);
                    c.s(")");
                    return Ok(false);
                }
                if v {
                    let a = bytes(d, i + 2, 16)?;
                    c.s("(homeaddr: ");
                    c.ip6addr(a);
                    if l > 16 && !sub_options(c, d.get(i + 18..i + optlen).unwrap_or(&[]))? {
                        return Ok(false);
                    }
                    c.s(")");
                }
            }
            _ => {
                if len - i < 2 {
                    c.s("(type ");
                    c.dec(t);
                    c.s(": trunc)");
                    return Ok(false);
                }
                if v {
                    let l = u8_at(d, i + 1)?;
                    c.s("(opt_type 0x");
                    c.o.hexw(u64::from(t), 2);
                    c.s(": len=");
                    c.dec(l);
                    c.s(")");
                }
            }
        }
        i += optlen;
    }
    if v {
        c.s(" ");
    }
    Ok(true)
}

/// The length of the option (or sub-option) at `i`, its type and length
/// bytes included (Pad1 is the lone type byte); None where it runs past `d`.
fn opt_len(d: &[u8], i: usize) -> R<Option<usize>> {
    let optlen = if u8_at(d, i)? == 0 {
        1
    } else if i + 1 < d.len() {
        usize::from(u8_at(d, i + 1)?) + 2
    } else {
        return Ok(None);
    };
    Ok((i + optlen <= d.len()).then_some(optlen))
}

/// The sub-options of a Home Address option (tcpdump's ip6_sopt_print);
/// `Ok(false)` when one is malformed.
fn sub_options(c: &mut Ctx, d: &[u8]) -> R<bool> {
    let len = d.len();
    let mut i = 0;
    while i < len {
        let t = u8_at(d, i)?;
        let Some(optlen) = opt_len(d, i)? else {
            return Ok(false);
        };
        match t {
            0 => c.s(", pad1"),
            1 => c.s(", padn"),
            _ => {
                c.s(", sopt_type 0x");
                c.o.hexw(u64::from(t), 2);
                c.s(": len=");
                c.dec(u8_at(d, i + 1)?);
            }
        }
        i += optlen;
    }
    Ok(true)
}

/// Hop-by-hop or destination options header; returns its length, or None when
/// tcpdump stops inside it (after printing its truncation mark).
fn opts_header(
    c: &mut Ctx,
    d: &[u8],
    name: &'static str,
    proto: &'static str,
    jumbo: &mut Jumbo,
) -> R<Option<usize>> {
    c.proto = proto;
    let len = (usize::from(u8_at(d, 1)?) + 1) << 3;
    let Some(h) = d.get(..len) else {
        c.trunc_mark();
        return Ok(None);
    };
    c.s(name);
    // Destination options are only looked at with -v.
    if (jumbo.hop_by_hop || c.opts.verbose > 0) && !opt_print(c, &h[2..], jumbo)? {
        c.trunc_mark();
        return Ok(None);
    }
    Ok(Some(len))
}

/// Routing header; returns its length and the final destination for the
/// pseudo-header, or None when tcpdump stops (marked invalid).
/// A routing header's length and, when it names one, the final destination.
type Route<'a> = (usize, Option<&'a [u8]>);

fn routing<'a>(c: &mut Ctx, d: &'a [u8]) -> R<Option<Route<'a>>> {
    c.proto = "rt6";
    c.s("RT6");
    let len = usize::from(u8_at(d, 1)?);
    c.s(" (len=");
    c.dec(len as u64);
    let ty = u8_at(d, 2)?;
    c.s(", type=");
    c.dec(ty);
    if ty == 0 {
        c.s(" [Deprecated]");
    }
    let segleft = u8_at(d, 3)?;
    c.s(", segleft=");
    c.dec(segleft);
    match ty {
        0 | 2 => {
            let rsv = be32(d, 4)?;
            if rsv != 0 || c.opts.verbose > 0 {
                c.s(", rsv=0x");
                c.o.hex(u64::from(rsv));
            }
            if len % 2 == 1 {
                c.s(" (invalid length ");
                c.dec(len as u64);
                c.s(")");
                c.invalid();
                return Ok(None);
            }
            let n = len / 2;
            let mut last = None;
            for i in 0..n {
                let a = bytes(d, 8 + 16 * i, 16)?;
                c.s(", [");
                c.dec(i as u64);
                c.s("]");
                c.ip6addr(a);
                last = Some(a);
            }
            c.s(") ");
            Ok(Some(((len + 1) << 3, last)))
        }
        4 => {
            let last_entry = usize::from(u8_at(d, 4)?);
            c.s(", last-entry=");
            c.dec(last_entry as u64);
            let flags = u8_at(d, 5)?;
            if flags != 0 || c.opts.verbose > 0 {
                c.s(", flags=0x");
                c.o.hex(u64::from(flags));
            }
            let tag = be16(d, 6)?;
            c.s(", tag=");
            c.o.hex(u64::from(tag));
            if len % 2 == 1 {
                c.s(" (invalid length ");
                c.dec(len as u64);
                c.s(")");
                c.invalid();
                return Ok(None);
            }
            // The header length says how many segments there are.
            for i in 0..len / 2 {
                let a = bytes(d, 8 + 16 * i, 16)?;
                c.s(", [");
                c.dec(i as u64);
                c.s("]");
                c.ip6addr(a);
            }
            c.s(") ");
            // The final destination is the first segment, wherever the
            // header's length ends.
            Ok(Some(((len + 1) << 3, d.get(8..24))))
        }
        _ => {
            c.s(" (unknown type)");
            c.invalid();
            Ok(None)
        }
    }
}

/// An IPv6 packet of claimed length `length` (captured bytes in `d`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "ip6";
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(());
    }
    c.depth += 1;
    let r = print_inner(c, d, length);
    c.depth -= 1;
    r
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if d.len() < 40 {
        c.trunc_mark();
        return Ok(());
    }
    if length < 40 {
        c.s("truncated-ip6 ");
        c.dec(length as u64);
        return Ok(());
    }
    if !c.opts.link_header {
        c.s("IP6 ");
    }
    let v = d[0] >> 4;
    if v != 6 {
        c.s("version error: ");
        c.dec(v);
        c.s(" != 6");
        return Ok(());
    }
    let plen = usize::from(be16(d, 4)?);
    // As tcpdump 4.99: a payload length of 0 is an empty payload unless a
    // hop-by-hop Jumbo Payload option gives the length; the captured bytes stay
    // readable for that header.
    if plen != 0 && length < plen + 40 {
        c.s("truncated-ip6 - ");
        c.dec((plen + 40 - length) as u64);
        c.s(" bytes missing!");
    }
    // A payload length of 0 leaves the whole packet to the extension
    // headers, which may hold a Jumbo Payload option (and a mobility header,
    // decoded among them, reads the captured bytes); the payload after them
    // is empty unless that option was found.
    let mut len = if plen != 0 {
        plen + 40
    } else {
        length.saturating_add(40)
    };
    let mut jumbo = Jumbo {
        hop_by_hop: false,
        zero_payload_length: plen == 0,
        length: None,
    };
    let mut nh = d[6];
    if c.opts.verbose > 0 {
        let flow = be32(d, 0)?;
        c.s("(");
        if flow & 0x0ff0_0000 != 0 {
            c.s("class 0x");
            c.o.hexw(u64::from((flow & 0x0ff0_0000) >> 20), 2);
            c.s(", ");
        }
        if flow & 0x000f_ffff != 0 {
            c.s("flowlabel 0x");
            c.o.hexw(u64::from(flow & 0x000f_ffff), 5);
            c.s(", ");
        }
        c.s("hlim ");
        c.dec(d[7]);
        c.s(", next-header ");
        c.s(proto_name(nh).unwrap_or("unknown"));
        c.s(" (");
        c.dec(nh);
        c.s(") payload length: ");
        c.dec(plen as u64);
        c.s(") ");
    }
    let d = if plen != 0 { cut(d, len) } else { d };
    let src = &d[8..24];
    let dst = &d[24..40];
    let mut pos = 0usize;
    let mut advance = 40usize;
    let mut fragmented = false;
    let mut ck_dst = dst;
    let mut found_hbh = false;
    while pos < d.len() {
        if len < advance {
            // The payload length ends inside the header chain: tcpdump's own
            // stop (not a read past the capture), marked as IPv6's.
            c.proto = "ip6";
            c.trunc_mark();
            return Ok(());
        }
        pos += advance;
        len -= advance;
        if pos == 40 && !matches!(nh, 6 | 17 | 33 | 132) {
            c.ip6addr(src);
            c.s(" > ");
            c.ip6addr(dst);
            c.s(": ");
        }
        // An extension header's length can point past the captured bytes.
        let cp = d.get(pos..).ok_or(Trunc)?;
        match nh {
            0 | 60 => {
                let (name, proto) = if nh == 0 {
                    ("HBH ", "hbhopt")
                } else {
                    ("DSTOPT ", "dstopt")
                };
                jumbo.hop_by_hop = nh == 0;
                // RFC 8200: one hop-by-hop header, right after the IPv6 header.
                if nh == 0 && (found_hbh || pos != 40) {
                    c.s(if found_hbh {
                        "[The Hop-by-Hop Options header was already found]"
                    } else {
                        "[The Hop-by-Hop Options header don't follow the IPv6 header]"
                    });
                    c.invalid();
                    return Ok(());
                }
                found_hbh |= nh == 0;
                let header = opts_header(c, cp, name, proto, &mut jumbo)?;
                // Checked even when the header was cut short, as tcpdump does.
                if nh == 0 && plen == 0 && jumbo.length.is_none() {
                    c.s("[No valid Jumbo Payload Hop-by-Hop option found]");
                    c.invalid();
                    return Ok(());
                }
                let Some(a) = header else {
                    return Ok(());
                };
                if let (0, 0, Some(j)) = (nh, plen, jumbo.length) {
                    // The option's length is the payload's, from here on.
                    len = j as usize;
                }
                advance = a;
                nh = u8_at(cp, 0)?;
            }
            44 => {
                c.proto = "frag6";
                let offlg = be16(cp, 2)?;
                let ident = if c.opts.verbose > 0 { be32(cp, 4)? } else { 0 };
                let fraglen = (40 + plen).wrapping_sub(pos).wrapping_sub(8);
                c.s("frag (");
                if c.opts.verbose > 0 {
                    c.s("0x");
                    c.o.hexw(u64::from(ident), 8);
                    c.s(":");
                }
                c.dec(offlg & 0xfff8);
                c.s("|");
                c.dec(fraglen as u64);
                c.s(")");
                if offlg & 0xfff8 != 0 {
                    return Ok(());
                }
                c.s(" ");
                advance = 8;
                if d.len() <= pos + advance {
                    return Ok(());
                }
                nh = u8_at(cp, 0)?;
                fragmented = true;
            }
            43 => {
                if cp.is_empty() {
                    // tcpdump checks for the first byte before decoding: its
                    // own stop, marked as IPv6's.
                    c.proto = "ip6";
                    c.trunc_mark();
                    return Ok(());
                }
                let Some((a, final_dst)) = routing(c, cp)? else {
                    return Ok(());
                };
                if let Some(f) = final_dst {
                    ck_dst = f;
                }
                advance = a;
                nh = u8_at(cp, 0)?;
            }
            135 | 62 => {
                // tcpdump decodes the mobility header with the extension
                // headers, before the payload length is applied to what
                // follows them: with a payload length of 0 (and no Jumbo
                // option), it reads the captured bytes.
                return super::ipmisc::mobility(c, cp);
            }
            _ => {
                let info = IpInfo {
                    v6: true,
                    src,
                    dst,
                    ck_dst,
                    hdr_proto: d[6],
                    ttl: d[7],
                };
                if let Some(j) = jumbo.length {
                    let total = j as usize + 40;
                    if length < total {
                        c.s("truncated-ip6 - ");
                        c.dec((total - length) as u64);
                        c.s(" bytes missing!");
                    }
                } else if plen == 0 {
                    if pos != 40 {
                        // Extension headers but no payload to hold them.
                        c.proto = "ip6";
                        c.trunc_mark();
                        return Ok(());
                    }
                    len = 0;
                }
                return demux(c, cut(cp, len), len, &info, fragmented, nh);
            }
        }
    }
    Ok(())
}
