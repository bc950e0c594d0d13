//! `[proto] [dir] [type] id` primitives: dispatch on the address type and the kind
//! of id (number, dotted address, IPv6, MAC, name), as libpcap's `gen_ncode`,
//! `gen_mcode`, `gen_mcode6`, `gen_ecode` and `gen_scode`.

use super::ip::*;
use super::link::*;
use super::misc::{ISO8473_CLNP, ISO9542_ESIS, ISO10589_ISIS};
use super::ports::PortProto;
use super::{Frag, Gen};
use crate::filter::ast::{AddrQual, Dir, Id, ProtoQual, Qualifiers, Span};
use crate::filter::error::FilterError;
use crate::filter::names;
use std::net::IpAddr;

/// Dotted text of an address given as libpcap's `__pcap_atoin` packs it.
fn dotted(value: u32, bits: u32) -> String {
    let n = (bits / 8).clamp(1, 4);
    (0..n)
        .rev()
        .map(|i| ((value >> (8 * i)) & 0xff).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// `value` (1–4 components, unshifted) left-aligned to 32 bits, with its mask.
fn left_align(value: u32, bits: u32) -> (u32, u32) {
    let shift = 32u32.saturating_sub(bits);
    if shift >= 32 {
        (0, 0)
    } else {
        (value << shift, 0xffff_ffff << shift)
    }
}

fn v6_mask(prefix: u32) -> [u8; 16] {
    let mut m = [0u8; 16];
    for (i, b) in m.iter_mut().enumerate() {
        let bits = prefix.saturating_sub(8 * i as u32).min(8);
        *b = if bits == 0 { 0 } else { 0xffu8 << (8 - bits) };
    }
    m
}

fn v6_text(a: &[u8; 16]) -> String {
    std::net::Ipv6Addr::from(*a).to_string()
}

impl Gen<'_> {
    pub fn qualified(&mut self, q: Qualifiers, id: &Id, span: Span) -> Result<Frag, FilterError> {
        match id {
            Id::Num(v) => self.ncode(q, *v, 32, true, span),
            Id::Ipv4 { value, bits } => self.ncode(q, *value, *bits, false, span),
            Id::Ipv4Cidr {
                value,
                bits,
                prefix,
            } => {
                if *prefix > 32 {
                    return Err(FilterError::new("mask length must be <= 32", span));
                }
                let (n, _) = left_align(*value, *bits);
                let m = if *prefix == 0 {
                    0
                } else {
                    0xffff_ffff << (32 - prefix)
                };
                if n & !m != 0 {
                    return Err(FilterError::new(
                        format!(
                            "non-network bits set in \"{}/{}\"",
                            dotted(*value, *bits),
                            prefix
                        ),
                        span,
                    ));
                }
                self.mcode(q, n, m, span)
            }
            Id::Ipv4Mask { value, bits, mask } => {
                let (n, _) = left_align(*value, *bits);
                if n & !mask != 0 {
                    return Err(FilterError::new(
                        format!(
                            "non-network bits set in \"{} mask {}\"",
                            dotted(*value, *bits),
                            dotted(*mask, 32)
                        ),
                        span,
                    ));
                }
                self.mcode(q, n, *mask, span)
            }
            Id::Ipv6(a) => self.mcode6(q, a, 128, false, span),
            Id::Ipv6Cidr { addr, prefix } => self.mcode6(q, addr, *prefix, true, span),
            Id::Mac(m) => {
                if matches!(q.addr, None | Some(AddrQual::Host)) && q.proto == Some(ProtoQual::Link)
                {
                    self.ether_host_checked(m, q.dir, span)
                } else {
                    Err(FilterError::new(
                        "ethernet address used in non-ether expression",
                        span,
                    ))
                }
            }
            Id::Arcnet(a) => self.acode(q, *a, span),
            Id::Name(name) => self.scode(q, name, span),
        }
    }

    /// `ether host MAC`, with the encapsulated-frame check after `geneve`.
    fn ether_host_checked(
        &mut self,
        m: &[u8; 6],
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        self.require_ether(span)?;
        let pre = self.prevlinkhdr_check();
        let b = self.ehostop(m, dir, span)?;
        Ok(match pre {
            Some(p) => self.and(p, b),
            None => b,
        })
    }

    /// A number or dotted IPv4 address (`bits` = 8 × components; 32 for numbers).
    fn ncode(
        &mut self,
        q: Qualifiers,
        v: u32,
        bits: u32,
        is_number: bool,
        span: Span,
    ) -> Result<Frag, FilterError> {
        match q.addr {
            None | Some(AddrQual::Host) | Some(AddrQual::Net) => {
                if q.proto == Some(ProtoQual::Link) {
                    return Err(FilterError::new("illegal link layer address", span));
                }
                if q.proto == Some(ProtoQual::Decnet) {
                    // AREA.NODE (libpcap's __pcap_atodn); a plain number as is.
                    let addr = if is_number {
                        v
                    } else if bits == 16 {
                        (((v >> 8) << 10) & 0xfc00) | (v & 0xff)
                    } else {
                        return Err(FilterError::new(
                            format!("malformed decnet address '{}'", dotted(v, bits)),
                            span,
                        ));
                    };
                    return self.dnhost(addr, q.dir, span);
                }
                let is_net = q.addr == Some(AddrQual::Net);
                let (addr, mask) = if is_number && is_net {
                    // A plain number as a network: promote to the top bytes.
                    let (mut v, mut m) = (v, 0xffff_ffffu32);
                    while v != 0 && v & 0xff00_0000 == 0 {
                        v <<= 8;
                        m <<= 8;
                    }
                    (v, m)
                } else {
                    left_align(v, bits)
                };
                self.host4(addr, mask, q.proto, q.dir, is_net, span)
            }
            Some(AddrQual::Port) => {
                let proto = self.port_proto(q.proto, span)?;
                if v > 65535 {
                    return Err(FilterError::new(
                        format!("illegal port number {v} > 65535"),
                        span,
                    ));
                }
                self.port(v, proto, q.dir, span)
            }
            Some(AddrQual::PortRange) => {
                let proto = self.portrange_proto(q.proto, span)?;
                if v > 65535 {
                    return Err(FilterError::new(
                        format!("illegal port number {v} > 65535"),
                        span,
                    ));
                }
                self.portrange(v, v, proto, q.dir, span)
            }
            Some(AddrQual::Gateway) => Err(FilterError::new("'gateway' requires a name", span)),
            Some(AddrQual::Proto) => self.gen_proto(v, q.proto, q.dir, span),
            Some(AddrQual::ProtoChain) => self.protochain(v, q.proto, span),
        }
    }

    fn port_proto(&self, p: Option<ProtoQual>, span: Span) -> Result<PortProto, FilterError> {
        match p {
            None => Ok(PortProto::Any),
            Some(ProtoQual::Tcp) => Ok(PortProto::One(IPPROTO_TCP)),
            Some(ProtoQual::Udp) => Ok(PortProto::One(IPPROTO_UDP)),
            Some(ProtoQual::Sctp) => Ok(PortProto::One(IPPROTO_SCTP)),
            Some(_) => Err(FilterError::new("illegal qualifier of 'port'", span)),
        }
    }

    /// An IPv4 network with an explicit mask.
    fn mcode(&mut self, q: Qualifiers, n: u32, m: u32, span: Span) -> Result<Frag, FilterError> {
        match q.addr {
            Some(AddrQual::Net) => self.host4(n, m, q.proto, q.dir, true, span),
            _ => Err(FilterError::new("Mask syntax for networks only", span)),
        }
    }

    /// An IPv6 address or prefix.
    fn mcode6(
        &mut self,
        q: Qualifiers,
        addr: &[u8; 16],
        prefix: u32,
        explicit: bool,
        span: Span,
    ) -> Result<Frag, FilterError> {
        if prefix > 128 {
            return Err(FilterError::new("mask length must be <= 128", span));
        }
        let mask = v6_mask(prefix);
        if addr.iter().zip(mask.iter()).any(|(a, m)| a & !m != 0) {
            let text = if explicit {
                format!("{}/{}", v6_text(addr), prefix)
            } else {
                v6_text(addr)
            };
            return Err(FilterError::new(
                format!("non-network bits set in \"{text}\""),
                span,
            ));
        }
        match q.addr {
            None | Some(AddrQual::Host) if prefix != 128 => {
                Err(FilterError::new("Mask syntax for networks only", span))
            }
            None | Some(AddrQual::Host) | Some(AddrQual::Net) => {
                if q.proto == Some(ProtoQual::Link) {
                    return Err(FilterError::new("illegal link layer address", span));
                }
                let is_net = q.addr == Some(AddrQual::Net);
                self.host6(addr, &mask, q.proto, q.dir, is_net, span)
            }
            _ => Err(FilterError::new(
                "invalid qualifier against IPv6 address",
                span,
            )),
        }
    }

    /// A name, resolved according to the address type.
    fn scode(&mut self, q: Qualifiers, name: &str, span: Span) -> Result<Frag, FilterError> {
        match q.addr {
            Some(AddrQual::Net) => {
                let Some(mut addr) = names::network(name).filter(|&a| a != 0) else {
                    return Err(FilterError::new(format!("unknown network '{name}'"), span));
                };
                let mut mask = 0xffff_ffffu32;
                while addr != 0 && addr & 0xff00_0000 == 0 {
                    addr <<= 8;
                    mask <<= 8;
                }
                self.host4(addr, mask, q.proto, q.dir, true, span)
            }
            None | Some(AddrQual::Host) => {
                if q.proto == Some(ProtoQual::Link) {
                    let Some(mac) = names::ether_host(name) else {
                        let kind = if self.is_wlan(true) {
                            "802.11"
                        } else {
                            "ether"
                        };
                        return Err(FilterError::new(
                            format!("unknown {kind} host '{name}'"),
                            span,
                        ));
                    };
                    return self.ether_host_checked(&mac, q.dir, span);
                }
                if q.proto == Some(ProtoQual::Decnet) {
                    return Err(FilterError::new(
                        "decnet host names are not supported",
                        span,
                    ));
                }
                let addrs = names::host_addrs(name);
                if addrs.is_empty() {
                    return Err(FilterError::new(format!("unknown host '{name}'"), span));
                }
                let (mut p4, mut p6) = (q.proto, q.proto);
                if self.link.off_linktype.is_none() && q.proto.is_none() {
                    p4 = Some(ProtoQual::Ip);
                    p6 = Some(ProtoQual::Ip6);
                }
                let mut acc: Option<Frag> = None;
                for a in addrs {
                    let f = match a {
                        IpAddr::V4(v4) => {
                            if p4 == Some(ProtoQual::Ip6) {
                                continue;
                            }
                            self.host4(u32::from(v4), 0xffff_ffff, p4, q.dir, false, span)?
                        }
                        IpAddr::V6(v6) => {
                            if p6 == Some(ProtoQual::Ip) {
                                continue;
                            }
                            self.host6(&v6.octets(), &[0xff; 16], p6, q.dir, false, span)?
                        }
                    };
                    acc = Some(match acc {
                        Some(b) => self.or(b, f),
                        None => f,
                    });
                }
                acc.ok_or_else(|| {
                    let tail = if q.proto.is_none() {
                        ""
                    } else {
                        " for specified address family"
                    };
                    FilterError::new(format!("unknown host '{name}'{tail}"), span)
                })
            }
            Some(AddrQual::Port) => {
                if let Some(f) = self.split_service(q, name, span)? {
                    return Ok(f);
                }
                let (port, real) = self.named_port(q.proto, name, span)?;
                self.port(port, real, q.dir, span)
            }
            Some(AddrQual::PortRange) => {
                let (lo, hi, real) = self.named_portrange(q.proto, name, span)?;
                self.portrange(lo, hi, real, q.dir, span)
            }
            Some(AddrQual::Gateway) => Err(FilterError::new(
                "'gateway' not supported in this configuration",
                span,
            )),
            Some(AddrQual::Proto) => {
                let v = self.lookup_proto(name, q.proto, span)?;
                self.gen_proto(v, q.proto, q.dir, span)
            }
            Some(AddrQual::ProtoChain) => {
                let v = self.lookup_proto(name, q.proto, span)?;
                self.protochain(v, q.proto, span)
            }
        }
    }

    /// A service name: its port and which transport protocols it names.
    fn service(name: &str) -> Option<(u32, PortProto)> {
        if let Ok(n) = name.parse::<u32>() {
            return Some((n, PortProto::Any));
        }
        let tcp = names::service_port(name, "tcp");
        let udp = names::service_port(name, "udp");
        match (tcp, udp) {
            (Some(t), Some(u)) if t == u => Some((t, PortProto::Any)),
            (Some(t), _) => Some((t, PortProto::One(IPPROTO_TCP))),
            (None, Some(u)) => Some((u, PortProto::One(IPPROTO_UDP))),
            (None, None) => None,
        }
    }

    /// A service whose TCP and UDP port numbers differ stands for both: TCP on its
    /// TCP port or UDP on its UDP port (`tcp`/`udp` pick one). `None` for other
    /// names, which [`Self::named_port`] handles.
    fn split_service(
        &mut self,
        q: Qualifiers,
        name: &str,
        span: Span,
    ) -> Result<Option<Frag>, FilterError> {
        if name.parse::<u32>().is_ok() {
            return Ok(None);
        }
        let (Some(t), Some(u)) = (
            names::service_port(name, "tcp"),
            names::service_port(name, "udp"),
        ) else {
            return Ok(None);
        };
        if t == u {
            return Ok(None);
        }
        self.port_proto(q.proto, span)?;
        for p in [t, u] {
            if p > 65535 {
                return Err(FilterError::new(
                    format!("illegal port number {p} > 65535"),
                    span,
                ));
            }
        }
        let tcp = PortProto::One(IPPROTO_TCP);
        let udp = PortProto::One(IPPROTO_UDP);
        Ok(Some(match q.proto {
            None => {
                let a = self.port(t, tcp, q.dir, span)?;
                let b = self.port(u, udp, q.dir, span)?;
                self.or(a, b)
            }
            Some(ProtoQual::Tcp) => self.port(t, tcp, q.dir, span)?,
            Some(ProtoQual::Udp) => self.port(u, udp, q.dir, span)?,
            Some(_) => {
                return Err(FilterError::new(format!("port '{name}' is tcp"), span));
            }
        }))
    }

    /// Reconciles a service's protocol with the `tcp`/`udp`/`sctp` qualifier.
    fn reconcile(
        &self,
        qual: Option<ProtoQual>,
        found: PortProto,
        name: &str,
        span: Span,
    ) -> Result<PortProto, FilterError> {
        let wanted = self.port_proto(qual, span)?;
        match (wanted, found) {
            (PortProto::Any, f) => Ok(f),
            (w, PortProto::Any) => Ok(w),
            (PortProto::One(w), PortProto::One(f)) if w == f => Ok(PortProto::One(w)),
            (_, PortProto::One(f)) => {
                let n = match f {
                    IPPROTO_TCP => "tcp",
                    IPPROTO_UDP => "udp",
                    _ => "sctp",
                };
                Err(FilterError::new(format!("port '{name}' is {n}"), span))
            }
        }
    }

    fn named_port(
        &self,
        qual: Option<ProtoQual>,
        name: &str,
        span: Span,
    ) -> Result<(u32, PortProto), FilterError> {
        self.port_proto(qual, span)?;
        let Some((port, found)) = Self::service(name) else {
            return Err(FilterError::new(format!("unknown port '{name}'"), span));
        };
        let real = self.reconcile(qual, found, name, span)?;
        if port > 65535 {
            return Err(FilterError::new(
                format!("illegal port number {port} > 65535"),
                span,
            ));
        }
        Ok((port, real))
    }

    fn named_portrange(
        &self,
        qual: Option<ProtoQual>,
        text: &str,
        span: Span,
    ) -> Result<(u32, u32, PortProto), FilterError> {
        self.portrange_proto(qual, span)?;
        let unknown = || FilterError::new(format!("unknown port in range '{text}'"), span);
        // libpcap first tries `sscanf("%d-%d")`, which ignores anything after the
        // second number; then splits at the first '-' and looks up both halves.
        let (p1, p2, found) = match numeric_range(text) {
            Some((a, b)) => (a, b, PortProto::Any),
            None => {
                let (a, b) = text.split_once('-').ok_or_else(unknown)?;
                let (p1, f1) = Self::service(a).ok_or_else(unknown)?;
                let (p2, f2) = Self::service(b).ok_or_else(unknown)?;
                (p1, p2, if f1 == f2 { f1 } else { PortProto::Any })
            }
        };
        let wanted = self.portrange_proto(qual, span)?;
        let real = match (wanted, found) {
            (PortProto::Any, f) => f,
            (w, PortProto::Any) => w,
            (PortProto::One(w), PortProto::One(f)) if w == f => PortProto::One(w),
            (_, PortProto::One(f)) => {
                let n = if f == IPPROTO_TCP { "tcp" } else { "udp" };
                return Err(FilterError::new(
                    format!("port in range '{text}' is {n}"),
                    span,
                ));
            }
        };
        for p in [p1, p2] {
            if p > 65535 {
                return Err(FilterError::new(
                    format!("illegal port number {p} > 65535"),
                    span,
                ));
            }
        }
        Ok((p1, p2, real))
    }

    /// The protocols a `portrange` qualifier allows.
    fn portrange_proto(&self, p: Option<ProtoQual>, span: Span) -> Result<PortProto, FilterError> {
        self.port_proto(p, span)
            .map_err(|_| FilterError::new("illegal qualifier of 'portrange'", span))
    }

    /// A protocol name for `proto NAME` under qualifier `q`.
    fn lookup_proto(
        &self,
        name: &str,
        q: Option<ProtoQual>,
        span: Span,
    ) -> Result<u32, FilterError> {
        match q {
            None | Some(ProtoQual::Ip) | Some(ProtoQual::Ip6) => names::ip_protocol(name)
                .ok_or_else(|| FilterError::new(format!("unknown ip proto '{name}'"), span)),
            Some(ProtoQual::Link) => ether_proto_name(name)
                .ok_or_else(|| FilterError::new(format!("unknown ether proto '{name}'"), span)),
            Some(ProtoQual::Iso) => match name {
                "clnp" => Ok(ISO8473_CLNP),
                "esis" => Ok(ISO9542_ESIS),
                "isis" => Ok(ISO10589_ISIS),
                _ => Err(FilterError::new(
                    format!("unknown osi proto '{name}'"),
                    span,
                )),
            },
            // libpcap (lookup_proto) knows names only for ip/ip6/link/iso; under any
            // other qualifier a name is an unknown protocol, even where a number is
            // fine (`isis proto 20`). Refuse it here rather than pass a sentinel on:
            // `isis proto NAME` used to compile to a test for type 0xffffffff.
            Some(p) => Err(FilterError::new(
                format!(
                    "unknown protocol '{name}': '{} proto' takes a number",
                    proto_name(p)
                ),
                span,
            )),
        }
    }

    /// `[qual] proto N` (libpcap's `gen_proto`).
    pub fn gen_proto(
        &mut self,
        v: u32,
        q: Option<ProtoQual>,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        if dir.is_some() {
            return Err(FilterError::new("direction applied to 'proto'", span));
        }
        use ProtoQual::*;
        match q {
            None => Ok(self.ip_or_ip6_proto(v)),
            Some(Link) => Ok(self.linktype(v)),
            Some(Ip) => Ok(self.ip_proto(v)),
            Some(Ip6) => Ok(self.ip6_proto(v)),
            Some(Iso) => Ok(self.iso_proto(v)),
            Some(Isis) => Ok(self.isis_proto(v)),
            Some(p @ (Arp | Rarp)) => Err(FilterError::new(
                format!("{} does not encapsulate another protocol", proto_name(p)),
                span,
            )),
            Some(p @ (Sca | Lat | Moprc | Mopdl)) => Err(FilterError::new(
                format!(
                    "{} does not encapsulate another protocol",
                    proto_name(p).to_uppercase()
                ),
                span,
            )),
            Some(Atalk) => Err(FilterError::new(
                "AppleTalk encapsulation is not specifiable",
                span,
            )),
            Some(Decnet) => Err(FilterError::new(
                "DECNET encapsulation is not specifiable",
                span,
            )),
            Some(Clnp) => Err(FilterError::new("'clnp proto' is not supported", span)),
            Some(p) => Err(FilterError::new(
                format!("'{} proto' is bogus", proto_name(p)),
                span,
            )),
        }
    }
}

/// libpcap's Ethernet protocol names (`pcap_nametoeproto`, then `pcap_nametollc`).
fn ether_proto_name(name: &str) -> Option<u32> {
    Some(match name {
        "aarp" => ETHERTYPE_AARP,
        "arp" => ETHERTYPE_ARP,
        "atalk" => ETHERTYPE_ATALK,
        "decnet" => ETHERTYPE_DN,
        "ip" => ETHERTYPE_IP,
        "ip6" => ETHERTYPE_IPV6,
        "lat" => ETHERTYPE_LAT,
        "loopback" => 0x9000,
        "mopdl" => ETHERTYPE_MOPDL,
        "moprc" => ETHERTYPE_MOPRC,
        "rarp" => ETHERTYPE_REVARP,
        "sca" => ETHERTYPE_SCA,
        "iso" => LLCSAP_ISONS,
        "stp" => LLCSAP_8021D,
        "ipx" => LLCSAP_IPX,
        "netbeui" => LLCSAP_NETBEUI,
        _ => return None,
    })
}

/// `sscanf(text, "%d-%d")`: the two numbers, ignoring whatever follows the second.
/// As glibc, a number is read as a `long` (saturating) and then cut to `int`, so
/// `4294967297` is 1 (and `-5` becomes a huge port, refused later).
fn numeric_range(text: &str) -> Option<(u32, u32)> {
    fn leading(s: &str) -> Option<(u32, &str)> {
        let s = s.trim_start();
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return None;
        }
        let long = s[..digits]
            .bytes()
            .try_fold(0i64, |v, d| {
                v.checked_mul(10)?.checked_add(i64::from(d - b'0'))
            })
            .map_or(if negative { i64::MIN } else { i64::MAX }, |v| {
                if negative { -v } else { v }
            });
        Some((long as i32 as u32, &s[digits..]))
    }
    let (a, rest) = leading(text)?;
    let (b, _) = leading(rest.strip_prefix('-')?)?;
    Some((a, b))
}
