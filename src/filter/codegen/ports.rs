//! `port` and `portrange` over TCP, UDP and SCTP, IPv4 and IPv6.
//!
//! IPv4 tests exclude non-first fragments (they carry no transport header); IPv6
//! tests look only at the fixed header's next-header field, as libpcap does.

use super::ip::{IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP, wlan_dir_misuse};
use super::link::{ETHERTYPE_IP, ETHERTYPE_IPV6};
use super::offsets::OffRel;
use super::{Frag, Gen};
use crate::bpf::insn::{BPF_B, BPF_H};
use crate::filter::ast::{Dir, Span};
use crate::filter::error::FilterError;

/// Which transport protocol(s) a port test covers: one, or TCP, UDP and SCTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortProto {
    One(u32),
    Any,
}

/// A port or a port range (low, high).
#[derive(Clone, Copy, Debug)]
enum Ports {
    One(u32),
    Range(u32, u32),
}

impl Gen<'_> {
    fn port_atom(&mut self, v6: bool, off: u32, ports: Ports) -> Frag {
        let rel = if v6 {
            OffRel::TranIpv6
        } else {
            OffRel::TranIpv4
        };
        match ports {
            Ports::One(p) => self.cmp(rel, off, BPF_H, p),
            Ports::Range(lo, hi) => {
                let b1 = self.cmp_ge(rel, off, BPF_H, lo);
                let b2 = self.cmp_le(rel, off, BPF_H, hi);
                self.and(b1, b2)
            }
        }
    }

    /// One transport protocol: protocol field, (IPv4) not a later fragment, ports.
    fn port_op(
        &mut self,
        v6: bool,
        proto: u32,
        ports: Ports,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let b0 = if v6 {
            self.cmp(OffRel::LinkPl, 6, BPF_B, proto)
        } else {
            let tmp = self.cmp(OffRel::LinkPl, 9, BPF_B, proto);
            let frag = self.ipfrag();
            self.and(tmp, frag)
        };
        let b1 = match dir {
            Some(Dir::Src) => self.port_atom(v6, 0, ports),
            Some(Dir::Dst) => self.port_atom(v6, 2, ports),
            None | Some(Dir::SrcOrDst) => {
                let a = self.port_atom(v6, 0, ports);
                let b = self.port_atom(v6, 2, ports);
                self.or(a, b)
            }
            Some(Dir::SrcAndDst) => {
                let a = self.port_atom(v6, 0, ports);
                let b = self.port_atom(v6, 2, ports);
                self.and(a, b)
            }
            Some(d) => {
                let what = if matches!(ports, Ports::One(_)) {
                    "ports"
                } else {
                    "port ranges"
                };
                return Err(wlan_dir_misuse(d, what, span));
            }
        };
        Ok(self.and(b0, b1))
    }

    fn port_family(
        &mut self,
        v6: bool,
        proto: PortProto,
        ports: Ports,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let b0 = self.linktype(if v6 { ETHERTYPE_IPV6 } else { ETHERTYPE_IP });
        let b1 = match proto {
            PortProto::One(p) => self.port_op(v6, p, ports, dir, span)?,
            PortProto::Any => {
                let tmp = self.port_op(v6, IPPROTO_TCP, ports, dir, span)?;
                let b1 = self.port_op(v6, IPPROTO_UDP, ports, dir, span)?;
                let b1 = self.or(tmp, b1);
                let tmp = self.port_op(v6, IPPROTO_SCTP, ports, dir, span)?;
                self.or(tmp, b1)
            }
        };
        Ok(self.and(b0, b1))
    }

    /// A single port test over IPv4 only (`v6 == false`) or IPv6 only.
    pub fn port_single_family(
        &mut self,
        v6: bool,
        port: u32,
        proto: PortProto,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        self.port_family(v6, proto, Ports::One(port), dir, span)
    }

    /// `[proto] [dir] port P`: IPv6 first, then IPv4, as libpcap orders them.
    pub fn port(
        &mut self,
        port: u32,
        proto: PortProto,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let v4 = self.port_family(false, proto, Ports::One(port), dir, span)?;
        let v6 = self.port_family(true, proto, Ports::One(port), dir, span)?;
        Ok(self.or(v6, v4))
    }

    /// `[proto] [dir] portrange LO-HI` (bounds in either order).
    pub fn portrange(
        &mut self,
        a: u32,
        b: u32,
        proto: PortProto,
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let r = Ports::Range(a.min(b), a.max(b));
        let v4 = self.port_family(false, proto, r, dir, span)?;
        let v6 = self.port_family(true, proto, r, dir, span)?;
        Ok(self.or(v6, v4))
    }
}
