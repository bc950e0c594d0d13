//! `-T TYPE`: interpret UDP and TCP payloads (and IP protocol 112, and PGM data)
//! as one protocol whatever their ports, as tcpdump 4.99 does.

use super::ip::IpInfo;
use super::{Ctx, R};
use std::fmt;
use std::str::FromStr;

/// A packet type `-T` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PacketType {
    /// Ad hoc On-Demand Distance Vector.
    Aodv,
    /// Common Address Redundancy Protocol (IP protocol 112, instead of VRRP).
    Carp,
    /// Cisco NetFlow.
    Cnfp,
    /// DNS.
    Domain,
    /// Link Management Protocol.
    Lmp,
    /// Pragmatic General Multicast.
    Pgm,
    /// PGM whose data are ZeroMQ datagrams.
    PgmZmtp1,
    /// Precision Time Protocol.
    Ptp,
    /// RADIUS.
    Radius,
    /// Redis serialization protocol (TCP).
    Resp,
    /// Sun RPC.
    Rpc,
    /// RTP control protocol.
    Rtcp,
    /// Real-time Transport Protocol.
    Rtp,
    /// SNMP.
    Snmp,
    /// SOME/IP.
    Someip,
    /// TFTP.
    Tftp,
    /// Visual Audio Tool.
    Vat,
    /// VXLAN.
    Vxlan,
    /// Distributed whiteboard.
    Wb,
    /// ZeroMQ transport protocol 1.0 (TCP).
    Zmtp1,
}

impl PacketType {
    /// Every type, with tcpdump's name for it.
    pub const ALL: [(PacketType, &'static str); 20] = [
        (PacketType::Aodv, "aodv"),
        (PacketType::Carp, "carp"),
        (PacketType::Cnfp, "cnfp"),
        (PacketType::Domain, "domain"),
        (PacketType::Lmp, "lmp"),
        (PacketType::Pgm, "pgm"),
        (PacketType::PgmZmtp1, "pgm_zmtp1"),
        (PacketType::Ptp, "ptp"),
        (PacketType::Radius, "radius"),
        (PacketType::Resp, "resp"),
        (PacketType::Rpc, "rpc"),
        (PacketType::Rtcp, "rtcp"),
        (PacketType::Rtp, "rtp"),
        (PacketType::Snmp, "snmp"),
        (PacketType::Someip, "someip"),
        (PacketType::Tftp, "tftp"),
        (PacketType::Vat, "vat"),
        (PacketType::Vxlan, "vxlan"),
        (PacketType::Wb, "wb"),
        (PacketType::Zmtp1, "zmtp1"),
    ];

    /// tcpdump's name for the type.
    pub fn name(self) -> &'static str {
        PacketType::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("", |(_, n)| n)
    }
}

impl fmt::Display for PacketType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PacketType {
    type Err = String;
    /// Case-insensitive, as tcpdump compares them.
    fn from_str(s: &str) -> Result<PacketType, String> {
        PacketType::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(s))
            .map(|(t, _)| *t)
            .ok_or_else(|| format!("unknown packet type `{s}'"))
    }
}

/// A UDP payload under `-T`, after the ports are printed (except for `rpc`,
/// whose printers print them). Types that are not UDP's print nothing more.
pub(crate) fn udp(c: &mut Ctx, t: PacketType, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    match t {
        PacketType::Vat => super::vat::print(c, d, length),
        PacketType::Wb => super::wb::print(c, d, length),
        PacketType::Rtp => super::rtp::rtp(c, d, length),
        PacketType::Rtcp => super::rtp::rtcp(c, d, length),
        PacketType::Snmp => super::snmp::snmp(c, d, length),
        PacketType::Cnfp => super::cnfp::print(c, d),
        PacketType::Tftp => super::tftp::print(c, d, length),
        PacketType::Aodv => super::aodv::print(c, d, length, ip.v6),
        PacketType::Radius => super::radius::print(c, d, length),
        PacketType::Vxlan => super::overlay::vxlan(c, d, length),
        PacketType::Pgm | PacketType::PgmZmtp1 => super::ipmisc::pgm(c, d, length, ip),
        PacketType::Lmp => super::lmp::print(c, d, length),
        PacketType::Ptp => super::l2misc::ptp(c, d, length),
        PacketType::Someip => super::someip::print(c, d, length),
        PacketType::Domain => super::dns::print(c, d, length, false, false),
        PacketType::Rpc => super::nfs::sunrpc::print(c, d, length, ip),
        PacketType::Carp | PacketType::Zmtp1 | PacketType::Resp => Ok(()),
    }
}

/// A TCP payload under `-T`: only ZMTP/1.0, RESP and DNS are TCP's.
pub(crate) fn tcp(c: &mut Ctx, t: PacketType, d: &[u8], length: usize) -> R {
    match t {
        PacketType::Zmtp1 => super::zmtp1::stream(c, d, length),
        PacketType::Resp => super::tcpsvc::resp(c, d, length),
        PacketType::Domain => super::dns::print(c, d, length, true, false),
        _ => Ok(()),
    }
}
