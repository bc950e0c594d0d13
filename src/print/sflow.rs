//! sFlow version 5 (UDP 6343) as tcpdump 4.99 prints it: the datagram header,
//! and with `-v` every sample with its flow or counter records.
//!
//! tcpdump's quirks are kept on purpose: the agent address is always read as
//! four bytes (the header is taken as 28 bytes even for an IPv6 agent), counter
//! record formats split enterprise and type at bit 20 while flow records split
//! at bit 12, the record decoders check what is left of the whole sample rather
//! than the record's own length, and the remaining length is unsigned (a UDP
//! length shorter than the header wraps around).

use super::ppp::unknown_data;
use super::{Ctx, R, be32, bytes, u8_at};

const HEADER_LEN: usize = 28;

fn be64(d: &[u8], off: usize) -> R<u64> {
    let b = bytes(d, off, 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(u64::from_be_bytes(a))
}

fn be24(d: &[u8], off: usize) -> R<u32> {
    let b = bytes(d, off, 3)?;
    Ok(u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]))
}

/// `len` bytes at `off` must have been captured.
fn need(d: &[u8], off: usize, len: usize) -> R {
    bytes(d, off, len).map(|_| ())
}

/// Prints the sFlow datagram `d` (UDP payload; `len` is what the UDP length says).
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "sflow";
    // A truncation anywhere is tcpdump's longjmp: the caller prints the mark
    // (and -x then dumps the whole frame).
    body(c, d, len)
}

/// A sample or record too long for what is left of the datagram: tcpdump's
/// ` (invalid)`, then the truncation mark if the rest was not captured.
fn invalid(c: &mut Ctx, d: &[u8], p: usize, tlen: u32) -> R {
    c.invalid();
    need(d, p, tlen as usize)
}

/// The header of an IPv4 agent is 28 bytes, that of an IPv6 agent 40 (every
/// other address type is read as IPv6).
const V6_HEADER_LEN: usize = 40;

fn body(c: &mut Ctx, d: &[u8], len: usize) -> R {
    let ipver = be32(d, 4)?;
    if (len < HEADER_LEN && ipver == 1) || (len < V6_HEADER_LEN && ipver == 2) {
        let version = be32(d, 0)?;
        c.s("sFlowv");
        c.dec(version);
        c.s(" [length ");
        c.dec(len as u64);
        c.s(" < 28]");
        c.invalid();
        return Ok(());
    }
    need(d, 0, HEADER_LEN)?;
    let version = be32(d, 0)?;
    if version != 5 {
        c.s("sFlow version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    let (alen, hlen) = if ipver == 1 {
        (4, HEADER_LEN)
    } else {
        (16, V6_HEADER_LEN)
    };
    let agent = bytes(d, 8, alen)?;
    let agent_id = be32(d, 8 + alen)?;
    if c.opts.verbose < 1 {
        c.s("sFlowv5, ");
        c.s(if ipver == 1 { "IPv4" } else { "IPv6" });
        c.s(" agent ");
        if ipver == 1 {
            c.ipaddr(agent);
        } else {
            c.ip6addr(agent);
        }
        c.s(", agent-id ");
        c.dec(agent_id);
        c.s(", length ");
        c.dec(len as u64);
        return Ok(());
    }
    let mut nsamples = be32(d, 20 + alen)?;
    let seq = be32(d, 12 + alen)?;
    let uptime = be32(d, 16 + alen)?;
    c.s("sFlowv5, ");
    c.s(if ipver == 1 { "IPv4" } else { "IPv6" });
    c.s(" agent ");
    if ipver == 1 {
        c.ipaddr(agent);
    } else {
        c.ip6addr(agent);
    }
    c.s(", agent-id ");
    c.dec(agent_id);
    c.s(", seqnum ");
    c.dec(seq);
    c.s(", uptime ");
    c.dec(uptime);
    c.s(", samples ");
    c.dec(nsamples);
    c.s(", length ");
    c.dec(len as u64);
    if len < hlen {
        c.s(" [tlen ");
        c.dec(len as u64);
        c.s(" < ");
        c.dec(hlen as u64);
        c.s("]");
        return invalid(c, d, 0, len as u32);
    }

    let mut p = hlen;
    let mut tlen = (len - hlen) as u32;
    while nsamples > 0 && tlen > 0 {
        let stype = be32(d, p)? & 0x0fff;
        let slen = be32(d, p + 4)?;
        if tlen < 8 {
            return invalid(c, d, p, tlen);
        }
        p += 8;
        tlen -= 8;
        c.s("\n\t");
        c.s(match stype {
            1 => "flow sample",
            2 => "counter sample",
            3 => "expanded flow sample",
            4 => "expanded counter sample",
            _ => "Unknown",
        });
        c.s(" (");
        c.dec(stype);
        c.s("), length ");
        c.dec(slen);
        c.s(",");
        if stype == 0 || slen == 0 {
            return Ok(());
        }
        if tlen < slen {
            return invalid(c, d, p, tlen);
        }
        need(d, p, slen as usize)?;
        let ok = match stype {
            1 => flow_sample(c, d, p, tlen)?,
            2 => counter_sample(c, d, p, tlen)?,
            3 => expanded_flow_sample(c, d, p, tlen)?,
            4 => expanded_counter_sample(c, d, p, tlen)?,
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, p, "\n\t    ", slen as usize);
                }
                true
            }
        };
        if !ok {
            return invalid(c, d, p, tlen);
        }
        p += slen as usize;
        tlen -= slen;
        nsamples -= 1;
    }
    Ok(())
}

/// One line of tcpdump output made of 32-bit (`W`) and 64-bit (`Q`) fields:
/// every field is read before anything is printed, as tcpdump evaluates all the
/// arguments of one printf before printing.
enum F {
    W(&'static str, usize),
    Q(&'static str, usize),
}

fn group(c: &mut Ctx, d: &[u8], p: usize, list: &[F]) -> R {
    let mut vals = [0u64; 16];
    for (i, f) in list.iter().enumerate() {
        vals[i] = match *f {
            F::W(_, at) => u64::from(be32(d, p + at)?),
            F::Q(_, at) => be64(d, p + at)?,
        };
    }
    for (i, f) in list.iter().enumerate() {
        let (F::W(name, _) | F::Q(name, _)) = *f;
        c.s(name);
        c.dec(vals[i]);
    }
    Ok(())
}

/// Returns Ok(false) where tcpdump reports the sample invalid.
fn flow_sample(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 32 {
        return Ok(false);
    }
    let records = be32(d, p + 28)?;
    let seq = be32(d, p)?;
    let ty = u8_at(d, p + 4)?;
    let idx = be24(d, p + 5)?;
    let mut v = [0u32; 5];
    for (i, x) in v.iter_mut().enumerate() {
        *x = be32(d, p + 8 + 4 * i)?;
    }
    c.s(" seqnum ");
    c.dec(seq);
    c.s(", type ");
    c.dec(ty);
    c.s(", idx ");
    c.dec(idx);
    for (name, x) in [", rate ", ", pool ", ", drops ", ", input ", " output "]
        .iter()
        .zip(v)
    {
        c.s(name);
        c.dec(x);
    }
    c.s(" records ");
    c.dec(records);
    flow_records(c, d, p + 32, len - 32, records)
}

fn expanded_flow_sample(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 44 {
        return Ok(false);
    }
    let records = be32(d, p + 40)?;
    group(
        c,
        d,
        p,
        &[
            F::W(" seqnum ", 0),
            F::W(", type ", 4),
            F::W(", idx ", 8),
            F::W(", rate ", 12),
            F::W(", pool ", 16),
            F::W(", drops ", 20),
            F::W(", records ", 40),
        ],
    )?;
    flow_records(c, d, p + 44, len - 44, records)
}

fn counter_sample(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 12 {
        return Ok(false);
    }
    let records = be32(d, p + 8)?;
    let seq = be32(d, p)?;
    let ty = u8_at(d, p + 4)?;
    let idx = be24(d, p + 5)?;
    c.s(" seqnum ");
    c.dec(seq);
    c.s(", type ");
    c.dec(ty);
    c.s(", idx ");
    c.dec(idx);
    c.s(", records ");
    c.dec(records);
    counter_records(c, d, p + 12, len - 12, records)
}

fn expanded_counter_sample(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 16 {
        return Ok(false);
    }
    let records = be32(d, p + 12)?;
    group(
        c,
        d,
        p,
        &[
            F::W(" seqnum ", 0),
            F::W(", type ", 4),
            F::W(", idx ", 8),
            F::W(", records ", 12),
        ],
    )?;
    counter_records(c, d, p + 16, len - 16, records)
}

fn flow_type_name(t: u32) -> &'static str {
    match t {
        1 => "Raw packet",
        2 => "Ethernet frame",
        3 => "IPv4 Data",
        4 => "IPv6 Data",
        1001 => "Extended Switch data",
        1002 => "Extended Router data",
        1003 => "Extended Gateway data",
        1004 => "Extended User data",
        1005 => "Extended URL data",
        1006 => "Extended MPLS data",
        1007 => "Extended NAT data",
        1008 => "Extended MPLS tunnel",
        1009 => "Extended MPLS VC",
        1010 => "Extended MPLS FEC",
        1011 => "Extended MPLS LVP FEC",
        1012 => "Extended VLAN Tunnel",
        _ => "Unknown",
    }
}

fn flow_records(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: u32, mut n: u32) -> R<bool> {
    while n > 0 {
        if tlen < 8 {
            return Ok(false);
        }
        let format = be32(d, p)?;
        let ftype = format & 0x0fff;
        let enterprise = format >> 12;
        let flen = be32(d, p + 4)?;
        c.s("\n\t    enterprise ");
        c.dec(enterprise);
        c.s(" ");
        c.s(if enterprise == 0 {
            flow_type_name(ftype)
        } else {
            "Unknown"
        });
        c.s(" (");
        c.dec(ftype);
        c.s(") length ");
        c.dec(flen);
        p += 8;
        tlen -= 8;
        if tlen < flen {
            return Ok(false);
        }
        if enterprise == 0 {
            match ftype {
                1 => {
                    if tlen < 16 {
                        return Ok(false);
                    }
                    let proto = be32(d, p)?;
                    let rest = [be32(d, p + 4)?, be32(d, p + 8)?, be32(d, p + 12)?];
                    c.s("\n\t      protocol ");
                    c.s(match proto {
                        1 => "Ethernet",
                        11 => "IPv4",
                        12 => "IPv6",
                        _ => "Unknown",
                    });
                    c.s(" (");
                    c.dec(proto);
                    c.s(")");
                    for (name, x) in [", length ", ", stripped bytes ", ", header_size "]
                        .iter()
                        .zip(rest)
                    {
                        c.s(name);
                        c.dec(x);
                    }
                }
                2 => {
                    if tlen < 24 {
                        return Ok(false);
                    }
                    group(
                        c,
                        d,
                        p,
                        &[F::W("\n\t      frame len ", 0), F::W(", type ", 20)],
                    )?;
                }
                1001 => {
                    if tlen < 16 {
                        return Ok(false);
                    }
                    group(
                        c,
                        d,
                        p,
                        &[
                            F::W("\n\t      src vlan ", 0),
                            F::W(", src pri ", 4),
                            F::W(", dst vlan ", 8),
                            F::W(", dst pri ", 12),
                        ],
                    )?;
                }
                3..=4 | 1002..=1012 => {}
                _ => {
                    if c.opts.verbose <= 1 {
                        unknown_data(c, d, p, "\n\t\t", flen as usize);
                    }
                }
            }
        }
        p = p.saturating_add(flen as usize);
        tlen -= flen;
        n -= 1;
    }
    Ok(true)
}

fn counter_type_name(t: u32) -> &'static str {
    match t {
        1 => "Generic counter",
        2 => "Ethernet counter",
        3 => "Token ring counter",
        4 => "100 BaseVG counter",
        5 => "Vlan counter",
        1001 => "Processor counter",
        _ => "Unknown",
    }
}

fn counter_records(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: u32, mut n: u32) -> R<bool> {
    while n > 0 {
        if tlen < 8 {
            return Ok(false);
        }
        let format = be32(d, p)?;
        let ctype = format & 0x0fff;
        let enterprise = format >> 20;
        let clen = be32(d, p + 4)?;
        c.s("\n\t    enterprise ");
        c.dec(enterprise);
        c.s(", ");
        c.s(if enterprise == 0 {
            counter_type_name(ctype)
        } else {
            "Unknown"
        });
        c.s(" (");
        c.dec(ctype);
        c.s(") length ");
        c.dec(clen);
        p += 8;
        tlen -= 8;
        if tlen < clen {
            return Ok(false);
        }
        if enterprise == 0 {
            let ok = match ctype {
                1 => counter_generic(c, d, p, tlen)?,
                2 => counter_ethernet(c, d, p, tlen)?,
                3 => true,
                4 => counter_basevg(c, d, p, tlen)?,
                5 => counter_vlan(c, d, p, tlen)?,
                1001 => counter_processor(c, d, p, tlen)?,
                _ => {
                    if c.opts.verbose <= 1 {
                        unknown_data(c, d, p, "\n\t\t", clen as usize);
                    }
                    true
                }
            };
            if !ok {
                return Ok(false);
            }
        }
        p = p.saturating_add(clen as usize);
        tlen -= clen;
        n -= 1;
    }
    Ok(true)
}

fn counter_generic(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 88 {
        return Ok(false);
    }
    let (index, iftype, speed) = (be32(d, p)?, be32(d, p + 4)?, be64(d, p + 8)?);
    let dir = be32(d, p + 16)?;
    c.s("\n\t      ifindex ");
    c.dec(index);
    c.s(", iftype ");
    c.dec(iftype);
    c.s(", ifspeed ");
    c.dec(speed);
    c.s(", ifdirection ");
    c.dec(dir);
    c.s(" (");
    c.s(match dir {
        0 => "unknown",
        1 => "full-duplex",
        2 => "half-duplex",
        3 => "in",
        4 => "out",
        _ => "Unknown",
    });
    c.s(")");
    let status = be32(d, p + 20)?;
    c.s("\n\t      ifstatus ");
    c.dec(status);
    c.s(", adminstatus: ");
    c.s(if status & 1 != 0 { "up" } else { "down" });
    c.s(", operstatus: ");
    c.s(if (status >> 1) & 1 != 0 { "up" } else { "down" });
    group(
        c,
        d,
        p,
        &[
            F::Q("\n\t      In octets ", 24),
            F::W(", unicast pkts ", 32),
            F::W(", multicast pkts ", 36),
            F::W(", broadcast pkts ", 40),
            F::W(", discards ", 44),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      In errors ", 48),
            F::W(", unknown protos ", 52),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::Q("\n\t      Out octets ", 56),
            F::W(", unicast pkts ", 64),
            F::W(", multicast pkts ", 68),
            F::W(", broadcast pkts ", 72),
            F::W(", discards ", 76),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      Out errors ", 80),
            F::W(", promisc mode ", 84),
        ],
    )?;
    Ok(true)
}

fn counter_ethernet(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 52 {
        return Ok(false);
    }
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      align errors ", 0),
            F::W(", fcs errors ", 4),
            F::W(", single collision ", 8),
            F::W(", multiple collision ", 12),
            F::W(", test error ", 16),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      deferred ", 20),
            F::W(", late collision ", 24),
            F::W(", excessive collision ", 28),
            F::W(", mac trans error ", 32),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      carrier error ", 36),
            F::W(", frames too long ", 40),
            F::W(", mac receive errors ", 44),
            F::W(", symbol errors ", 48),
        ],
    )?;
    Ok(true)
}

fn counter_basevg(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 80 {
        return Ok(false);
    }
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      in high prio frames ", 0),
            F::Q(", in high prio octets ", 4),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      in norm prio frames ", 12),
            F::Q(", in norm prio octets ", 16),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      in ipm errors ", 24),
            F::W(", oversized ", 28),
            F::W(", in data errors ", 32),
            F::W(", null addressed frames ", 36),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      out high prio frames ", 40),
            F::Q(", out high prio octets ", 44),
            F::W(", trans into frames ", 52),
        ],
    )?;
    group(
        c,
        d,
        p,
        &[
            F::Q("\n\t      in hc high prio octets ", 56),
            F::Q(", in hc norm prio octets ", 64),
            F::Q(", out hc high prio octets ", 72),
        ],
    )?;
    Ok(true)
}

fn counter_vlan(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 28 {
        return Ok(false);
    }
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      vlan_id ", 0),
            F::Q(", octets ", 4),
            F::W(", unicast_pkt ", 12),
            F::W(", multicast_pkt ", 16),
            F::W(", broadcast_pkt ", 20),
            F::W(", discards ", 24),
        ],
    )?;
    Ok(true)
}

fn counter_processor(c: &mut Ctx, d: &[u8], p: usize, len: u32) -> R<bool> {
    if len < 28 {
        return Ok(false);
    }
    // tcpdump labels both memory figures "total_mem".
    group(
        c,
        d,
        p,
        &[
            F::W("\n\t      5sec ", 0),
            F::W(", 1min ", 4),
            F::W(", 5min ", 8),
            F::Q(", total_mem ", 12),
            F::Q(", total_mem ", 20),
        ],
    )?;
    Ok(true)
}
