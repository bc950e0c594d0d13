//! UDP: ports, length checks, checksum (`-vv` for IPv4, `-v` for IPv6) and DNS.

use super::ip::{IpInfo, next_proto_cksum, shouldbe};
use super::out::Put;
use super::packettype::PacketType;
use super::tcp::addr;
use super::{Ctx, R, be16};

fn addrs(c: &mut Ctx, ip: &IpInfo<'_>, ports: Option<(u16, u16)>) {
    let direct = ip.hdr_proto == 17;
    match ports {
        Some((s, d)) => {
            if direct {
                addr(c, ip, ip.src);
                c.s(".");
                c.udpport(s);
                c.s(" > ");
                addr(c, ip, ip.dst);
                c.s(".");
                c.udpport(d);
                c.s(": ");
            } else {
                c.udpport(s);
                c.s(" > ");
                c.udpport(d);
                c.s(": ");
            }
        }
        None => {
            if direct {
                addr(c, ip, ip.src);
                c.s(" > ");
                addr(c, ip, ip.dst);
                c.s(": ");
            }
        }
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>, fragmented: bool) -> R {
    c.proto = "udp";
    if d.len() < 4 {
        addrs(c, ip, None);
        c.trunc_mark();
        return Ok(());
    }
    let sport = be16(d, 0)?;
    let dport = be16(d, 2)?;
    if length < 8 {
        addrs(c, ip, Some((sport, dport)));
        c.s("truncated-udp ");
        c.dec(length as u64);
        return Ok(());
    }
    if d.len() < 6 {
        addrs(c, ip, Some((sport, dport)));
        c.trunc_mark();
        return Ok(());
    }
    let mut ulen = usize::from(be16(d, 4)?);
    if ulen == 0 && length > 65535 {
        ulen = length;
    }
    if ulen < 8 {
        addrs(c, ip, Some((sport, dport)));
        c.s("truncated-udplength ");
        c.dec(ulen as u64);
        return Ok(());
    }
    ulen -= 8;
    let mut length = length - 8;
    if ulen < length {
        length = ulen;
    }
    if d.len() < 8 {
        addrs(c, ip, Some((sport, dport)));
        c.trunc_mark();
        return Ok(());
    }
    let payload = &d[8..];
    if let Some(t) = c.opts.packet_type {
        // tcpdump prints the ports only for the types it decodes over UDP; RPC
        // printers print their own.
        if !matches!(
            t,
            PacketType::Rpc | PacketType::Carp | PacketType::Zmtp1 | PacketType::Resp
        ) {
            addrs(c, ip, Some((sport, dport)));
        }
        return super::packettype::udp(c, t, payload, length, ip);
    }
    addrs(c, ip, Some((sport, dport)));
    if !c.opts.quiet && super::nfs::udp(c, payload, length, sport, dport, ip)? {
        return Ok(());
    }
    if c.opts.verbose > 0 && !c.opts.no_checksums && !fragmented {
        let udp_sum = be16(d, 6)?;
        if !ip.v6 && c.opts.verbose > 1 {
            if udp_sum == 0 {
                c.s("[no cksum] ");
            } else if payload.len() >= length {
                let sum = next_proto_cksum(ip, 17, &d[..length + 8], length + 8);
                if sum != 0 {
                    c.s("[bad udp cksum 0x");
                    c.o.hexw(u64::from(udp_sum), 4);
                    c.s(" -> 0x");
                    c.o.hexw(u64::from(shouldbe(udp_sum, sum)), 4);
                    c.s("!] ");
                } else {
                    c.s("[udp sum ok] ");
                }
            }
        } else if ip.v6 && payload.len() >= length {
            let sum = next_proto_cksum(ip, 17, &d[..length + 8], length + 8);
            if sum != 0 {
                c.s("[bad udp cksum 0x");
                c.o.hexw(u64::from(udp_sum), 4);
                c.s(" -> 0x");
                c.o.hexw(u64::from(shouldbe(udp_sum, sum)), 4);
                c.s("!] ");
            } else {
                c.s("[udp sum ok] ");
            }
        }
    }
    let port = |p: u16| sport == p || dport == p;
    if !c.opts.quiet && port(53) {
        return super::dns::print(c, payload, length, false, false);
    }
    // timed comes right after DNS and mDNS in tcpdump 4.99.
    if !c.opts.quiet && port(525) && !port(5353) {
        return super::timed::print(c, payload);
    }
    if !c.opts.quiet && port(69) && !port(5353) {
        return super::tftp::print(c, payload, length);
    }
    if !c.opts.quiet && (port(67) || port(68)) {
        return super::bootp::print(c, payload, length);
    }
    if !c.opts.quiet && port(520) && !port(5353) {
        return super::rip::rip(c, payload, length);
    }
    if !c.opts.quiet && port(654) && !port(69) && !port(5353) {
        return super::aodv::print(c, payload, length, ip.v6);
    }
    // tcpdump 4.99 tries ISAKMP and NAT-T before SNMP and NTP, and Kerberos,
    // L2TP and RADIUS right after them (RADIUS after RIPng and DHCPv6).
    let vpn = !c.opts.quiet && !port(69) && !port(5353);
    if vpn && port(500) {
        return super::isakmp::print(c, payload, length, ip);
    }
    if vpn && port(4500) {
        return super::isakmp::natt(c, payload, length, ip);
    }
    if vpn && (port(7500) || port(8500)) {
        return super::isakmp::print(c, payload, length, ip);
    }
    if !c.opts.quiet && (port(161) || port(162)) && !port(69) && !port(5353) {
        return super::snmp::snmp(c, payload, length);
    }
    if !c.opts.quiet && port(123) && !port(69) {
        return super::misc::ntp(c, payload, length);
    }
    if vpn && (port(88) || port(750)) {
        return super::krb::print(c, payload);
    }
    if vpn && port(1701) {
        return super::l2tp::print(c, payload, length);
    }
    if vpn && dport == 3456 {
        return super::vat::print(c, payload, length);
    }
    if vpn && (port(2103) || port(2104)) {
        return super::zephyr::print(c, payload, length);
    }
    // tcpdump 4.99 tries mDNS right after DNS (hence the 5353 exclusions), and
    // RIPng, DHCPv6, HSRP and BFD before syslog.
    // AFS rx comes after zephyr, before RIPng.
    let rx_port = |p: u16| (7000..=7009).contains(&p);
    if !c.opts.quiet && (rx_port(sport) || rx_port(dport)) && !port(5353) {
        return super::rx::print(c, payload, length, sport, dport, ip);
    }
    if !c.opts.quiet && port(521) && !port(5353) {
        return super::rip::ripng(c, payload, length);
    }
    if !c.opts.quiet && (port(546) || port(547)) && !port(5353) {
        return super::dhcp6::print(c, payload, length);
    }
    if vpn && port(5359) {
        return super::ahcp::print(c, payload, length);
    }
    if vpn && (port(6696) || port(6697)) {
        return super::babel::print(c, payload, length);
    }
    if vpn && port(8231) {
        return super::hncp::print(c, payload, length);
    }
    // wb (destination port only) comes after HNCP, before auto-RP.
    if !c.opts.quiet && dport == 4567 && !port(5353) {
        return super::wb::print(c, payload, length);
    }
    if !c.opts.quiet && port(496) && !port(5353) {
        return super::autorp::print(c, payload, length);
    }
    if vpn
        && [1645, 1646, 1700, 1812, 1813, 3799]
            .iter()
            .any(|&p| port(p))
    {
        return super::radius::print(c, payload, length);
    }
    if !c.opts.quiet && dport == 1985 && !port(5353) {
        return super::hsrp::print(c, payload, length);
    }
    if !c.opts.quiet && port(921) && !port(5353) {
        return super::lwres::print(c, payload, length);
    }
    if !c.opts.quiet && port(646) && !port(5353) {
        return super::ldp::print(c, payload, length);
    }
    if !c.opts.quiet && port(698) && !port(5353) {
        return super::olsr::print(c, payload, length, ip.v6);
    }
    if !c.opts.quiet && port(3503) && !port(5353) {
        return super::lspping::print(c, payload, length);
    }
    // tcpdump tries the Broadcom LI shim after HSRP, before BFD, syslog and the
    // tunnels.
    if !c.opts.quiet && sport == 49152 && !port(5353) {
        return super::misc::bcm_li(c, payload, length);
    }
    if !c.opts.quiet && matches!(dport, 3784 | 4784 | 6784 | 3785) && !port(5353) {
        return super::bfd::print(c, payload, length, dport);
    }
    if !c.opts.quiet && port(701) && !port(5353) {
        return super::lmp::print(c, payload, length);
    }
    if !c.opts.quiet && port(1589) && !port(5353) {
        return super::vqp::print(c, payload, length);
    }
    if !c.opts.quiet && port(6343) && !port(5353) {
        return super::sflow::print(c, payload, length);
    }
    if !c.opts.quiet && dport == 12223 && !port(5353) {
        return super::lwapp::control(c, payload, length, true);
    }
    if !c.opts.quiet && sport == 12223 && !port(5353) {
        return super::lwapp::control(c, payload, length, false);
    }
    if !c.opts.quiet && port(12222) && !port(5353) {
        return super::lwapp::data(c, payload, length);
    }
    // Then SIP and syslog (mDNS, tried right after DNS in tcpdump, wins over both).
    if !c.opts.quiet && port(5060) && !port(5353) {
        return super::sip::print(c, payload, length);
    }
    if !c.opts.quiet && port(514) && !port(5353) {
        return super::misc::syslog(c, payload, length);
    }
    if !c.opts.quiet && port(5353) {
        return super::dns::print(c, payload, length, false, true);
    }
    if !c.opts.quiet && port(8472) {
        return super::otv::print(c, payload, length);
    }
    if !c.opts.quiet && port(4789) {
        return super::overlay::vxlan(c, payload, length);
    }
    if !c.opts.quiet && port(6081) {
        return super::overlay::geneve(c, payload, length);
    }
    if !c.opts.quiet && port(4342) {
        return super::lisp::print(c, payload, length);
    }
    if !c.opts.quiet && port(4790) {
        return super::gpe::vxlan_gpe(c, payload, length);
    }
    if !c.opts.quiet && port(17754) {
        return super::zep::print(c, payload, length);
    }
    if !c.opts.quiet && port(6635) {
        return super::mpls::print(c, payload, length);
    }
    // AppleTalk in UDP (KIP): an LLAP frame with a long DDP header.
    if !c.opts.quiet && payload.get(2) == Some(&2) && super::atalk::kip_port(sport, dport) {
        return super::atalk::kip(c, payload, length);
    }
    // PTP is tried after the tunnels.
    if !c.opts.quiet && (port(319) || port(320)) {
        return super::l2misc::ptp(c, payload, length);
    }
    // SOME/IP is tcpdump's last port.
    if !c.opts.quiet && port(30490) {
        return super::someip::print(c, payload, length);
    }
    if ulen > length && !fragmented {
        c.s("UDP, bad length ");
        c.dec(ulen as u64);
        c.s(" > ");
        c.dec(length as u64);
    } else {
        c.s("UDP, length ");
        c.dec(ulen as u64);
    }
    Ok(())
}
