//! TCP: flags, relative sequence numbers (tracked per connection as tcpdump does),
//! options, checksum (`-v`) and the few payload printers rfilter knows.

use super::ip::{IpInfo, next_proto_cksum, shouldbe};
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher: the keys are addresses and ports, not attacker
/// controlled in a way that matters for a local printer, and SipHash would cost more
/// than the rest of the TCP line.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(v)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Fast = BuildHasherDefault<FastHasher>;

/// Initial sequence numbers per conversation, keyed in one canonical direction
/// (tcpdump's tcp_seq_hash, without its fixed-size chains).
#[derive(Default)]
pub(crate) struct SeqTable {
    v4: HashMap<Key<4>, (u32, u32), Fast>,
    v6: HashMap<Key<16>, (u32, u32), Fast>,
}

/// (lower-port side address, other address, ports) in tcpdump's canonical order.
type Key<const N: usize> = ([u8; N], [u8; N], u32);

fn arr<const N: usize>(s: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(&s[..N]);
    a
}

impl SeqTable {
    /// Returns (seq, ack, thseq, thack, rev) as tcpdump computes them.
    fn lookup(
        &mut self,
        ip: &IpInfo<'_>,
        sport: u16,
        dport: u16,
        syn: bool,
        seq: u32,
        ack: u32,
    ) -> (u32, u32, u32, u32, bool) {
        let rev = sport > dport || (sport == dport && ip.src > ip.dst);
        let (a, b, port) = if rev {
            (ip.dst, ip.src, (u32::from(dport) << 16) | u32::from(sport))
        } else {
            (ip.src, ip.dst, (u32::from(sport) << 16) | u32::from(dport))
        };
        let fresh = if rev {
            (ack.wrapping_sub(1), seq)
        } else {
            (seq, ack.wrapping_sub(1))
        };
        let entry = if ip.v6 {
            let e = self.v6.entry((arr(a), arr(b), port));
            store(e, syn, fresh)
        } else {
            let e = self.v4.entry((arr(a), arr(b), port));
            store(e, syn, fresh)
        };
        let (thseq, thack) = entry.1;
        if entry.0 {
            (seq, ack, thseq, thack, rev)
        } else if rev {
            (
                seq.wrapping_sub(thack),
                ack.wrapping_sub(thseq),
                thseq,
                thack,
                rev,
            )
        } else {
            (
                seq.wrapping_sub(thseq),
                ack.wrapping_sub(thack),
                thseq,
                thack,
                rev,
            )
        }
    }
}

/// Inserts or (on SYN) overwrites; returns (was_new_or_reset, (seq, ack)).
fn store<K>(
    e: std::collections::hash_map::Entry<'_, K, (u32, u32)>,
    syn: bool,
    fresh: (u32, u32),
) -> (bool, (u32, u32)) {
    use std::collections::hash_map::Entry;
    match e {
        Entry::Occupied(mut o) => {
            if syn {
                *o.get_mut() = fresh;
                (true, fresh)
            } else {
                (false, *o.get())
            }
        }
        Entry::Vacant(v) => {
            v.insert(fresh);
            (true, fresh)
        }
    }
}

const FIN: u8 = 0x01;
const SYN: u8 = 0x02;
const RST: u8 = 0x04;
const ACK: u8 = 0x10;
const URG: u8 = 0x20;

fn option_name(o: u8) -> Option<&'static str> {
    Some(match o {
        0 => "eol",
        1 => "nop",
        2 => "mss",
        3 => "wscale",
        4 => "sackOK",
        5 => "sack",
        6 => "echo",
        7 => "echoreply",
        8 => "TS",
        11 => "cc",
        12 => "ccnew",
        13 => "",
        19 => "md5",
        20 => "scps",
        28 => "uto",
        29 => "tcp-ao",
        30 => "mptcp",
        34 => "tfo",
        254 => "exp",
        _ => return None,
    })
}

fn addrs(c: &mut Ctx, ip: &IpInfo<'_>, sport: Option<(u16, u16)>) {
    let direct = ip.hdr_proto == 6;
    match sport {
        Some((s, d)) => {
            if direct {
                addr(c, ip, ip.src);
                c.s(".");
                c.tcpport(s);
                c.s(" > ");
                addr(c, ip, ip.dst);
                c.s(".");
                c.tcpport(d);
                c.s(": ");
            } else {
                c.tcpport(s);
                c.s(" > ");
                c.tcpport(d);
                c.s(": ");
            }
        }
        None => {
            addr(c, ip, ip.src);
            c.s(" > ");
            addr(c, ip, ip.dst);
            c.s(":");
        }
    }
}

pub(crate) fn addr(c: &mut Ctx, ip: &IpInfo<'_>, a: &[u8]) {
    if ip.v6 {
        c.ip6addr(a);
    } else {
        c.ipaddr(a);
    }
}

fn fastopen(c: &mut Ctx, d: &[u8], exp: bool) {
    if exp {
        c.s("tfo");
    }
    if d.is_empty() {
        c.s(" cookiereq");
    } else if !d.len().is_multiple_of(2) || d.len() < 4 || d.len() > 16 {
        c.invalid();
    } else {
        c.s(" cookie ");
        for b in d {
            c.o.hexw(u64::from(*b), 2);
        }
    }
}

enum OptEnd {
    Done,
    /// Malformed; whether an option had been completed before (tcpdump's `ch`).
    Bad(bool),
    /// Option data not captured; same flag.
    Trunc(bool),
}

/// The options list; `Err(Trunc)` means the capture ended inside it. `rel` is
/// what relative sequence numbers are taken from (reversed, base seq, base ack);
/// `whole` says the segment was captured to its end.
fn options(
    c: &mut Ctx,
    mut cp: &[u8],
    mut hlen: usize,
    (rev, thseq, thack): (bool, u32, u32),
    flags: u8,
    whole: bool,
) -> R<OptEnd> {
    let mut first = true;
    while hlen > 0 {
        if !first {
            c.s(",");
        }
        let opt = u8_at(cp, 0)?;
        cp = &cp[1..];
        let len;
        if opt == 0 || opt == 1 {
            len = 1;
        } else {
            len = usize::from(u8_at(cp, 0)?);
            cp = &cp[1..];
            if len < 2 || len > hlen {
                return Ok(OptEnd::Bad(!first));
            }
            hlen -= 1;
        }
        hlen -= 1;
        match option_name(opt) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown-");
                c.dec(opt);
            }
        }
        let mut datalen = 0usize;
        macro_rules! lencheck {
            ($l:expr) => {
                if $l > hlen {
                    return Ok(OptEnd::Bad(!first));
                }
                if bytes(cp, 0, $l).is_err() {
                    return Ok(OptEnd::Trunc(!first));
                }
            };
        }
        match opt {
            2 => {
                datalen = 2;
                lencheck!(datalen);
                c.s(" ");
                c.dec(be16(cp, 0)?);
            }
            3 => {
                datalen = 1;
                lencheck!(datalen);
                c.s(" ");
                c.dec(u8_at(cp, 0)?);
            }
            5 => {
                datalen = len - 2;
                if !datalen.is_multiple_of(8) {
                    c.s(" invalid sack");
                } else {
                    c.s(" ");
                    c.dec((datalen / 8) as u64);
                    c.s(" ");
                    let mut i = 0;
                    while i < datalen {
                        lencheck!(i + 4);
                        let mut s = be32(cp, i)?;
                        lencheck!(i + 8);
                        let mut e = be32(cp, i + 4)?;
                        if rev {
                            s = s.wrapping_sub(thseq);
                            e = e.wrapping_sub(thseq);
                        } else {
                            s = s.wrapping_sub(thack);
                            e = e.wrapping_sub(thack);
                        }
                        c.s("{");
                        c.dec(s);
                        c.s(":");
                        c.dec(e);
                        c.s("}");
                        i += 8;
                    }
                }
            }
            11 | 12 | 13 | 6 | 7 => {
                datalen = 4;
                lencheck!(datalen);
                c.s(" ");
                c.dec(be32(cp, 0)?);
            }
            8 => {
                datalen = 8;
                lencheck!(datalen);
                c.s(" val ");
                c.dec(be32(cp, 0)?);
                c.s(" ecr ");
                c.dec(be32(cp, 4)?);
            }
            19 => {
                datalen = 16;
                lencheck!(datalen);
                // tcpdump (built with libcrypto) first needs the whole segment
                // captured, then the secret of -M (which rfilter lacks).
                c.s(if whole {
                    " shared secret not supplied with -M, can't check - "
                } else {
                    " snaplen too short, can't check - "
                });
                for i in 0..16 {
                    c.o.hexw(u64::from(u8_at(cp, i)?), 2);
                }
            }
            20 => {
                datalen = 2;
                lencheck!(datalen);
                c.s(" cap ");
                c.o.hexw(u64::from(u8_at(cp, 0)?), 2);
                c.s(" id ");
                c.dec(u8_at(cp, 1)?);
            }
            29 => {
                datalen = len - 2;
                if datalen < 2 {
                    c.invalid();
                } else {
                    lencheck!(1);
                    c.s(" keyid ");
                    c.dec(u8_at(cp, 0)?);
                    lencheck!(2);
                    c.s(" rnextkeyid ");
                    c.dec(u8_at(cp, 1)?);
                    if datalen > 2 {
                        c.s(" mac 0x");
                        for i in 2..datalen {
                            lencheck!(i + 1);
                            c.o.hexw(u64::from(u8_at(cp, i)?), 2);
                        }
                    }
                }
            }
            0 | 1 | 4 => {}
            28 => {
                datalen = 2;
                lencheck!(datalen);
                let mut uto = u32::from(be16(cp, 0)?);
                c.s(" 0x");
                c.o.hex(u64::from(uto));
                if uto & 1 != 0 {
                    uto = (uto >> 1) * 60;
                } else {
                    uto >>= 1;
                }
                c.s(" ");
                c.dec(uto);
            }
            34 => {
                datalen = len - 2;
                lencheck!(datalen);
                c.s(" ");
                let b = bytes(cp, 0, datalen)?;
                fastopen(c, b, false);
            }
            254 => {
                datalen = len - 2;
                lencheck!(datalen);
                if datalen < 2 {
                    return Ok(OptEnd::Bad(!first));
                }
                let magic = be16(cp, 0)?;
                c.s("-");
                if magic == 0xf989 {
                    let b = bytes(cp, 2, datalen - 2)?;
                    fastopen(c, b, true);
                } else {
                    c.o.hexw(u64::from(magic), 4);
                }
            }
            30 => {
                datalen = len - 2;
                lencheck!(datalen);
                let opt = bytes(cp, 0, datalen)?;
                if !mptcp(c, opt, len, flags) {
                    return Ok(OptEnd::Bad(!first));
                }
                // tcpdump's protocol name stays "mptcp" for later truncation marks.
                c.proto = "mptcp";
            }
            _ => {
                datalen = len - 2;
                if datalen > 0 {
                    c.s(" 0x");
                }
                for i in 0..datalen {
                    lencheck!(i + 1);
                    c.o.hexw(u64::from(u8_at(cp, i)?), 2);
                }
            }
        }
        cp = &cp[datalen.min(cp.len())..];
        hlen -= datalen;
        let mut expect = datalen + 1;
        if opt != 0 && opt != 1 {
            expect += 1;
        }
        if expect != len {
            c.s("[len ");
            c.dec(len as u64);
            c.s("]");
        }
        first = false;
        if opt == 0 {
            break;
        }
    }
    Ok(OptEnd::Done)
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>, fragmented: bool) -> R {
    c.proto = "tcp";
    if d.len() < 4 {
        addrs(c, ip, None);
        c.trunc_mark();
        return Ok(());
    }
    let sport = be16(d, 0)?;
    let dport = be16(d, 2)?;
    addrs(c, ip, Some((sport, dport)));
    if d.len() < 20 {
        c.trunc_mark();
        return Ok(());
    }
    let mut hlen = usize::from(d[12] >> 4) * 4;
    if hlen < 20 {
        c.s(" tcp ");
        c.dec(length.wrapping_sub(hlen) as u32);
        c.s(" [bad hdr length ");
        c.dec(hlen as u64);
        c.s(" - too short, < 20]");
        return Ok(());
    }
    let mut seq = be32(d, 4)?;
    let mut ack = be32(d, 8)?;
    let win = be16(d, 14)?;
    let urp = be16(d, 18)?;
    if c.opts.quiet {
        c.s("tcp ");
        c.dec(length.wrapping_sub(hlen) as u32);
        if hlen > length {
            c.s(" [bad hdr length ");
            c.dec(hlen as u64);
            c.s(" - too long, > ");
            c.dec(length as u64);
            c.s("]");
        }
        return Ok(());
    }
    let flags = d[13];
    c.s("Flags [");
    if flags == 0 {
        c.s("none");
    } else {
        for (bit, ch) in [
            (FIN, "F"),
            (SYN, "S"),
            (RST, "R"),
            (0x08, "P"),
            (ACK, "."),
            (URG, "U"),
            (0x40, "E"),
            (0x80, "W"),
        ] {
            if flags & bit != 0 {
                c.s(ch);
            }
        }
    }
    c.s("]");
    let (mut thseq, mut thack, mut rev) = (0, 0, false);
    if !c.opts.absolute_seq && flags & ACK != 0 {
        let r = c.tcp.lookup(ip, sport, dport, flags & SYN != 0, seq, ack);
        seq = r.0;
        ack = r.1;
        thseq = r.2;
        thack = r.3;
        rev = r.4;
    }
    if hlen > length {
        c.s(" [bad hdr length ");
        c.dec(hlen as u64);
        c.s(" - too long, > ");
        c.dec(length as u64);
        c.s("]");
        return Ok(());
    }
    if c.opts.verbose > 0 && !c.opts.no_checksums && !fragmented && d.len() >= length {
        let sum = next_proto_cksum(ip, 6, &d[..length], length);
        let tcp_sum = be16(d, 16)?;
        c.s(", cksum 0x");
        c.o.hexw(u64::from(tcp_sum), 4);
        if sum != 0 {
            c.s(" (incorrect -> 0x");
            c.o.hexw(u64::from(shouldbe(tcp_sum, sum)), 4);
            c.s(")");
        } else {
            c.s(" (correct)");
        }
    }
    let length = length - hlen;
    if c.opts.verbose > 1 || length > 0 || flags & (SYN | FIN | RST) != 0 {
        c.s(", seq ");
        c.dec(seq);
        if length > 0 {
            c.s(":");
            c.dec(seq.wrapping_add(length as u32));
        }
    }
    if flags & ACK != 0 {
        c.s(", ack ");
        c.dec(ack);
    }
    c.s(", win ");
    c.dec(win);
    if flags & URG != 0 {
        c.s(", urg ");
        c.dec(urp);
    }
    if hlen > 20 {
        hlen -= 20;
        c.s(", options [");
        let opts = &d[20..];
        // Whether the segment's header and data (as the IP length gives them)
        // were all captured: the MD5 signature can only be checked then.
        let whole = (hlen + 20)
            .checked_add(length)
            .is_some_and(|end| d.len() >= end);
        match options(c, opts, hlen, (rev, thseq, thack), flags, whole) {
            Ok(OptEnd::Done) => c.s("]"),
            Ok(OptEnd::Bad(ch)) => {
                c.s("[bad opt]");
                if ch {
                    c.s("]");
                }
                return Ok(());
            }
            Ok(OptEnd::Trunc(ch)) => {
                c.trunc_mark();
                if ch {
                    c.s(">");
                }
                return Ok(());
            }
            Err(Trunc) => return Err(Trunc),
        }
    }
    c.s(", length ");
    c.dec(length as u64);
    if length == 0 {
        return Ok(());
    }
    let header_len = usize::from(d[12] >> 4) * 4;
    if d.len() < header_len {
        c.s(" [remaining caplen(");
        c.dec(d.len() as u64);
        c.s(") < header length(");
        c.dec(header_len as u64);
        c.s(")]");
        return Err(Trunc);
    }
    let payload = &d[header_len..];
    if flags & RST != 0 && c.opts.verbose > 0 {
        rst_data(c, payload, length);
        return Ok(());
    }
    if let Some(t) = c.opts.packet_type {
        return super::packettype::tcp(c, t, payload, length);
    }
    let port = |p: u16| sport == p || dport == p;
    if port(23) {
        super::tcpsvc::telnet(c, payload, length)?;
    } else if port(25) {
        c.s(": ");
        c.proto = "smtp";
        txt_protocol(c, payload, length, "SMTP", None)?;
    } else if port(43) {
        c.s(": ");
        c.proto = "whois";
        txt_protocol(c, payload, length, "WHOIS", None)?;
    } else if port(179) {
        super::bgp::print(c, payload, length)?;
    } else if port(1723) {
        super::tcpsvc::pptp(c, payload)?;
    } else if port(6379) {
        super::tcpsvc::resp(c, payload, length)?;
    } else if port(22) {
        ssh(c, payload, length)?;
    } else if port(10288) {
        super::beep::print(c, payload, length);
    } else if port(6633) || port(6653) {
        // (tcpdump 4.99 as shipped is built without SMB, so NetBIOS 139 and
        // SMB 445 fall through to later ports.)
        super::openflow::print(c, payload, length)?;
    } else if port(21) {
        c.s(": ");
        c.proto = "ftp";
        txt_protocol(c, payload, length, "FTP", None)?;
    } else if port(80) || port(8080) {
        c.s(": ");
        c.proto = "http";
        txtproto(c, payload, length, "HTTP")?;
    } else if port(554) || port(8554) {
        c.s(": ");
        c.proto = "rtsp";
        txt_protocol(c, payload, length, "RTSP", Some(RTSP_CMDS))?;
    } else if port(53) {
        super::dns::print(c, payload, length, true, false)?;
    } else if port(639) {
        super::msdp::print(c, payload, length)?;
    } else if port(323) {
        super::rpki::print(c, payload, length)?;
    } else if port(646) && !port(323) && !port(639) {
        super::ldp::print(c, payload, length)?;
    } else if port(2049) && !port(323) && !port(639) && !port(646) {
        // (RPKI-RTR, MSDP and LDP come first in tcpdump; rfilter does not decode them.)
        super::nfs::tcp(c, payload, length, sport, dport, ip)?;
    }
    Ok(())
}

fn rst_data(c: &mut Ctx, d: &[u8], length: usize) {
    c.s(if d.len() >= length { " [RST" } else { " [!RST" });
    let mut n = length;
    if n > 30 {
        n = 30;
        c.s("+");
    }
    c.s(" ");
    for &b in d.iter().take(n) {
        print_char(c, b);
    }
    c.s("]");
}

/// Prints an MPTCP DSS number at `*p`, 8 bytes when `wide` else 4, and moves
/// past it; false when the option is too short for it.
fn dss_number(c: &mut Ctx, d: &[u8], p: &mut usize, rest: &mut usize, wide: bool) -> bool {
    let n = if wide { 8 } else { 4 };
    if *rest < n {
        return false;
    }
    let v = if wide {
        be64(d, *p)
    } else {
        be32(d, *p).ok().map(u64::from)
    };
    let Some(v) = v else { return false };
    c.dec(v);
    *p += n;
    *rest -= n;
    true
}

fn be64(d: &[u8], off: usize) -> Option<u64> {
    d.get(off..off + 8)
        .map(|b| u64::from_be_bytes(b.try_into().unwrap_or([0; 8])))
}

/// Multipath TCP option body `d` (after kind and length); false = malformed.
fn mptcp(c: &mut Ctx, d: &[u8], len: usize, flags: u8) -> bool {
    if len < 3 {
        return false;
    }
    let Some(&sub_etc) = d.first() else {
        return false;
    };
    // tcpdump 4.99 knows subtypes up to fast-close; later ones are "unknown".
    let subtype = (sub_etc >> 4).min(8);
    c.s(" ");
    c.dec(len as u64);
    c.s(" ");
    c.s([
        "capable",
        "join",
        "dss",
        "add-addr",
        "rem-addr",
        "prio",
        "fail",
        "fast-close",
        "unknown",
    ][usize::from(subtype)]);
    let syn = flags & SYN != 0;
    let ack = flags & ACK != 0;
    let hex64 = |c: &mut Ctx, v: u64| {
        c.s("0x");
        c.o.hex(v);
    };
    match subtype {
        0 => {
            // MPTCP v1 (RFC 8684) adds a 4-byte SYN form and a 22-byte
            // form carrying the data-level length.
            if !(((len == 12 || len == 4) && syn) || ((len == 20 || len == 22) && ack && !syn)) {
                return false;
            }
            let version = sub_etc & 0xf;
            if version > 1 {
                c.s(" Unknown Version (");
                c.dec(version);
                c.s(")");
                return true;
            }
            c.s(" v");
            c.dec(version);
            if d.get(1).is_some_and(|f| f & 0x80 != 0) {
                c.s(" csum");
            }
            if len == 4 {
                return true;
            }
            let Some(k) = be64(d, 2) else { return false };
            c.s(" {");
            hex64(c, k);
            if len >= 20 {
                let Some(k2) = be64(d, 10) else { return false };
                c.s(",");
                hex64(c, k2);
            }
            c.s("}");
            true
        }
        1 => {
            if !((len == 12 && syn) || (len == 16 && syn && ack) || (len == 24 && ack)) {
                return false;
            }
            if len != 24 {
                if sub_etc & 1 != 0 {
                    c.s(" backup");
                }
                c.s(" id ");
                c.dec(d.get(1).copied().unwrap_or(0));
            }
            match len {
                12 => {
                    let (Ok(t), Ok(n)) = (be32(d, 2), be32(d, 6)) else {
                        return false;
                    };
                    c.s(" token 0x");
                    c.o.hex(u64::from(t));
                    c.s(" nonce 0x");
                    c.o.hex(u64::from(n));
                }
                16 => {
                    let (Some(m), Ok(n)) = (be64(d, 2), be32(d, 10)) else {
                        return false;
                    };
                    c.s(" hmac ");
                    hex64(c, m);
                    c.s(" nonce 0x");
                    c.o.hex(u64::from(n));
                }
                _ => {
                    c.s(" hmac 0x");
                    for b in d.iter().skip(2).take(20) {
                        c.o.hexw(u64::from(*b), 2);
                    }
                }
            }
            true
        }
        2 => {
            if len < 4 || syn {
                return false;
            }
            let f = d.get(1).copied().unwrap_or(0);
            if f & 0x10 != 0 {
                c.s(" fin");
            }
            let mut p = 2usize;
            let mut rest = len - 4;
            if f & 0x01 != 0 {
                c.s(" ack ");
                if !dss_number(c, d, &mut p, &mut rest, f & 0x02 != 0) {
                    return false;
                }
            }
            if f & 0x04 != 0 {
                c.s(" seq ");
                if !dss_number(c, d, &mut p, &mut rest, f & 0x08 != 0) {
                    return false;
                }
                if rest < 4 {
                    return false;
                }
                let Ok(v) = be32(d, p) else { return false };
                c.s(" subseq ");
                c.dec(v);
                p += 4;
                rest -= 4;
                if rest < 2 {
                    return false;
                }
                let Ok(v) = be16(d, p) else { return false };
                c.s(" len ");
                c.dec(v);
                p += 2;
                rest -= 2;
                if rest >= 2 {
                    let Ok(v) = be16(d, p) else { return false };
                    c.s(" csum 0x");
                    c.o.hex(u64::from(v));
                    rest -= 2;
                }
            }
            rest == 0
        }
        3 => {
            if ![8, 10, 16, 18, 20, 22, 28, 30].contains(&len) {
                return false;
            }
            c.s(" ");
            c.s(match sub_etc & 0xf {
                6 => "v0-ip6",
                4 => "v0-ip4",
                1 => "v1-echo",
                0 => "v1",
                _ => "[bad version/echo]",
            });
            c.s(" id ");
            c.dec(d.get(1).copied().unwrap_or(0));
            // The IPv4 and IPv6 forms differ only in the address's size: a
            // port adds 2 bytes after it, an HMAC 8 after that.
            let alen = if matches!(len, 8 | 10 | 16 | 18) {
                4
            } else {
                16
            };
            let Some(a) = d.get(2..2 + alen) else {
                return false;
            };
            c.s(" ");
            if alen == 4 {
                c.ipaddr(a);
            } else {
                c.ip6addr(a);
            }
            let port = len == alen + 6 || len == alen + 14;
            if port {
                let Ok(port) = be16(d, 2 + alen) else {
                    return false;
                };
                c.s(":");
                c.dec(port);
            }
            if len == alen + 12 || len == alen + 14 {
                let at = if port { 4 + alen } else { 2 + alen };
                let Some(m) = be64(d, at) else { return false };
                c.s(" hmac ");
                hex64(c, m);
            }
            true
        }
        4 => {
            if len < 4 {
                return false;
            }
            c.s(" id");
            for b in d.iter().skip(1).take(len - 3) {
                c.s(" ");
                c.dec(*b);
            }
            true
        }
        5 => {
            if len != 3 && len != 4 {
                return false;
            }
            c.s(if sub_etc & 1 != 0 {
                " backup"
            } else {
                " non-backup"
            });
            if len == 4 {
                c.s(" id ");
                c.dec(d.get(1).copied().unwrap_or(0));
            }
            true
        }
        6 | 7 => {
            if len != 12 {
                return false;
            }
            let Some(v) = be64(d, 2) else { return false };
            if subtype == 6 {
                c.s(" seq ");
                c.dec(v);
            } else {
                c.s(" key ");
                hex64(c, v);
            }
            true
        }
        _ => true,
    }
}

/// tcpdump's fn_print_char: printable ASCII as is, others as M- / ^ escapes.
pub(crate) fn print_char(c: &mut Ctx, mut b: u8) {
    if b & 0x80 != 0 {
        c.s("M-");
        b &= 0x7f;
    }
    if !(0x20..=0x7e).contains(&b) {
        c.o.push(b'^');
        c.o.push(b ^ 0x40);
    } else {
        c.o.push(b);
    }
}

/// tcpdump's ssh_print: the version line, only when it is complete and printable.
fn ssh(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ssh";
    for (i, ch) in b"SSH-".iter().enumerate() {
        if u8_at(d, i)? != *ch {
            return Ok(());
        }
    }
    let mut idx = 4;
    while idx < len {
        let ch = u8_at(d, idx)?;
        if ch == b'\n' {
            break;
        } else if ch == b'\r' {
            if idx + 1 >= len || u8_at(d, idx + 1)? != b'\n' {
                return Ok(());
            }
            break;
        } else if !(0x20..=0x7e).contains(&ch) {
            return Ok(());
        }
        idx += 1;
    }
    if idx >= len {
        return Ok(());
    }
    c.s(": SSH: ");
    c.o.extend_from_slice(&d[..idx]);
    Ok(())
}

const HTTP_CMDS: &[&str] = &[
    "GET",
    "PUT",
    "COPY",
    "HEAD",
    "LOCK",
    "MOVE",
    "POLL",
    "POST",
    "BCOPY",
    "BMOVE",
    "MKCOL",
    "TRACE",
    "LABEL",
    "MERGE",
    "DELETE",
    "SEARCH",
    "UNLOCK",
    "REPORT",
    "UPDATE",
    "NOTIFY",
    "BDELETE",
    "CONNECT",
    "OPTIONS",
    "CHECKIN",
    "PROPFIND",
    "CHECKOUT",
    "CHECKOUT",
    "SUBSCRIBE",
    "PROPPATCH",
    "BPROPFIND",
    "BPROPPATCH",
    "UNCHECKOUT",
    "MKACTIVITY",
    "MKWORKSPACE",
    "UNSUBSCRIBE",
    "RPC_CONNECT",
    "VERSION-CONTROL",
    "BASELINE-CONTROL",
];

/// tcpdump's fetch_token: the index after the token and its trailing blanks, or 0.
fn fetch_token(d: &[u8], mut idx: usize, len: usize, tok: &mut Vec<u8>) -> usize {
    tok.clear();
    while idx < len {
        let Some(&ch) = d.get(idx) else { return 0 };
        if ch >= 0x80 {
            return 0;
        }
        if ch == b' ' || ch == b'\t' || ch == b'\r' || ch == b'\n' {
            break;
        }
        if !(0x20..=0x7e).contains(&ch) {
            return 0;
        }
        if tok.len() + 2 > 129 {
            return 0;
        }
        tok.push(ch);
        idx += 1;
    }
    if tok.is_empty() {
        return 0;
    }
    while idx < len {
        let Some(&ch) = d.get(idx) else { break };
        if ch == b'\r' || ch == b'\n' || !(0x20..=0x7e).contains(&ch) {
            break;
        }
        if ch != b' ' && ch != b'\t' {
            break;
        }
        idx += 1;
    }
    idx
}

/// Prints one text line; returns the index after it, or 0 to stop.
fn txt_line(c: &mut Ctx, prefix: &str, d: &[u8], mut idx: usize, len: usize) -> R<usize> {
    let start = idx;
    while idx < len {
        let ch = u8_at(d, idx)?;
        if ch == b'\n' {
            c.s(prefix);
            c.o.extend_from_slice(&d[start..idx]);
            return Ok(idx + 1);
        } else if ch == b'\r' {
            if idx + 1 >= len {
                return Ok(0);
            }
            if u8_at(d, idx + 1)? == b'\n' {
                c.s(prefix);
                c.o.extend_from_slice(&d[start..idx]);
                return Ok(idx + 2);
            }
            return Ok(0);
        } else if !(0x20..=0x7e).contains(&ch) && ch != b'\t' {
            return Ok(0);
        }
        idx += 1;
    }
    c.s(prefix);
    c.o.extend_from_slice(&d[start..idx]);
    c.trunc_mark();
    Ok(0)
}

/// tcpdump's txtproto_print for HTTP-like protocols.
/// The commands that start an RTSP request.
const RTSP_CMDS: &[&str] = &[
    "OPTIONS",
    "DESCRIBE",
    "ANNOUNCE",
    "SETUP",
    "PLAY",
    "PAUSE",
    "TEARDOWN",
    "GET_PARAMETER",
    "SET_PARAMETER",
    "REDIRECT",
    "RECORD",
];

fn txtproto(c: &mut Ctx, d: &[u8], len: usize, caps: &str) -> R {
    txt_protocol(c, d, len, caps, Some(HTTP_CMDS))
}

/// A text protocol's first line (all lines with -v), after its name. With a
/// command list, only a request starting with one of them or a response whose
/// second token is a 3-digit code is shown; without one, any text is.
pub(crate) fn txt_protocol(
    c: &mut Ctx,
    d: &[u8],
    len: usize,
    caps: &str,
    cmds: Option<&[&str]>,
) -> R {
    let mut print_this = cmds.is_none();
    let mut tok = Vec::new();
    let mut idx = fetch_token(d, 0, len, &mut tok);
    if let (Some(cmds), true) = (cmds, idx != 0) {
        if cmds
            .iter()
            .any(|cmd| cmd.as_bytes().eq_ignore_ascii_case(&tok))
        {
            print_this = true;
        }
        idx = fetch_token(d, idx, len, &mut tok);
        if idx != 0 && tok.len() == 3 && tok.iter().all(u8::is_ascii_digit) {
            print_this = true;
        }
    }
    c.s(caps);
    if !print_this {
        return Ok(());
    }
    if c.opts.verbose > 0 {
        c.s(", length: ");
        c.dec(len as u64);
        let mut i = 0;
        while i < len {
            i = txt_line(c, "\n\t", d, i, len)?;
            if i == 0 {
                break;
            }
        }
    } else {
        txt_line(c, ": ", d, 0, len)?;
    }
    Ok(())
}
