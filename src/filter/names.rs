//! Name resolution for filters: services, protocols, networks, host names, Ethernet
//! host names, from the system databases as libpcap uses them.

use std::net::{IpAddr, ToSocketAddrs};

/// Reads a system database file; a missing file is an empty database.
fn read_db(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Lines of a database with comments removed, split into fields.
fn records(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("");
        let fields: Vec<&str> = line.split_whitespace().collect();
        (!fields.is_empty()).then_some(fields)
    })
}

/// `/etc/services`: the port of `name` (or an alias) for transport `proto`.
pub fn service_port(name: &str, proto: &str) -> Option<u32> {
    service_port_in(&read_db("/etc/services"), name, proto)
}

fn service_port_in(db: &str, name: &str, proto: &str) -> Option<u32> {
    records(db).find_map(|f| {
        let (port, p) = f.get(1)?.split_once('/')?;
        if p != proto {
            return None;
        }
        let names_match = f[0] == name || f.get(2..).is_some_and(|a| a.contains(&name));
        if names_match { port.parse().ok() } else { None }
    })
}

/// `/etc/protocols`: the IP protocol number of `name`.
pub fn ip_protocol(name: &str) -> Option<u32> {
    records(&read_db("/etc/protocols")).find_map(|f| {
        let names_match = f[0] == name || f.get(2..).is_some_and(|a| a.contains(&name));
        if names_match {
            f.get(1)?.parse().ok()
        } else {
            None
        }
    })
}

/// `/etc/networks`: the network number of `name`, as glibc's getnetbyname
/// (which libpcap calls) gives it: a number of fewer than four parts is padded
/// with ".0" parts before `inet_network`, so "10" is 10.0.0.0 (0x0a000000) and
/// "10.20" 10.20.0.0. libpcap then finds nothing to left-justify and `net NAME`
/// compares all 32 bits.
pub fn network(name: &str) -> Option<u32> {
    network_in(&read_db("/etc/networks"), name)
}

/// glibc's getnetbyname (which libpcap calls) compares names and aliases without
/// regard to case, so `net NET-A.EXAMPLE` finds `net-a.example`.
fn network_in(db: &str, name: &str) -> Option<u32> {
    records(db).find_map(|f| {
        let names_match = f[0].eq_ignore_ascii_case(name)
            || f.get(2..)
                .is_some_and(|a| a.iter().any(|x| x.eq_ignore_ascii_case(name)));
        if names_match {
            let number = f.get(1)?;
            let parts = 1 + number.matches('.').count().min(3);
            inet_network(&format!("{number}{}", ".0".repeat(4 - parts)))
        } else {
            None
        }
    })
}

/// `inet_network`: 1–4 dotted parts (decimal, `0x` hex or leading-`0` octal),
/// packed right-aligned.
fn inet_network(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut v: u32 = 0;
    for p in parts {
        let n: u32 = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            u32::from_str_radix(h, 16).ok()?
        } else if p.len() > 1 && p.starts_with('0') {
            u32::from_str_radix(&p[1..], 8).ok()?
        } else {
            p.parse().ok()?
        };
        if n > 255 {
            return None;
        }
        v = (v << 8) | n;
    }
    Some(v)
}

/// `/etc/ethers`: the Ethernet address of host `name`.
pub fn ether_host(name: &str) -> Option<[u8; 6]> {
    ether_host_in(&read_db("/etc/ethers"), name)
}

/// glibc's ether_hostton (libpcap's pcap_ether_hostton on Linux) compares host
/// names without regard to case.
fn ether_host_in(db: &str, name: &str) -> Option<[u8; 6]> {
    records(db).find_map(|f| {
        if f.get(1).is_some_and(|h| h.eq_ignore_ascii_case(name)) {
            parse_mac(f[0])
        } else {
            None
        }
    })
}

fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let parts: Vec<&str> = s.split([':', '-']).collect();
    if parts.len() != 6 {
        return None;
    }
    let mut mac = [0u8; 6];
    for (m, p) in mac.iter_mut().zip(parts) {
        *m = u8::from_str_radix(p, 16).ok()?;
    }
    Some(mac)
}

/// Addresses of host `name` through the system resolver, in resolver order.
pub fn host_addrs(name: &str) -> Vec<IpAddr> {
    let mut out: Vec<IpAddr> = Vec::new();
    if let Ok(it) = (name, 0u16).to_socket_addrs() {
        for a in it {
            if !out.contains(&a.ip()) {
                out.push(a.ip());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_by_name_and_alias() {
        let db = "http 80/tcp www # web\nsyslog 514/udp\nshell 514/tcp cmd syslog\n";
        assert_eq!(service_port_in(db, "http", "tcp"), Some(80));
        assert_eq!(service_port_in(db, "www", "tcp"), Some(80));
        assert_eq!(service_port_in(db, "http", "udp"), None);
        assert_eq!(service_port_in(db, "syslog", "tcp"), Some(514));
        assert_eq!(service_port_in(db, "syslog", "udp"), Some(514));
    }

    #[test]
    fn network_numbers_are_right_aligned() {
        assert_eq!(inet_network("127"), Some(0x7f));
        assert_eq!(inet_network("169.254.0.0"), Some(0xa9fe_0000));
        assert_eq!(inet_network("1.300"), None);
        assert_eq!(inet_network("010.0x14"), Some(0x0814));
        assert_eq!(inet_network("09"), None);
    }

    #[test]
    fn networks_and_ethers_match_names_ignoring_case() {
        let nets = "loopback 127.0.0.0 lo\nnet-a.example 10.20.0.0 Alias-A\n";
        assert_eq!(network_in(nets, "NET-A.EXAMPLE"), Some(0x0a14_0000));
        assert_eq!(network_in(nets, "alias-a"), Some(0x0a14_0000));
        assert_eq!(network_in(nets, "LO"), Some(0x7f00_0000));
        assert_eq!(network_in(nets, "net-b.example"), None);
        // Fewer than four parts: padded with zero parts, as glibc does.
        let short = "ten 10\nten-twenty 10.20\nthree 10.20.30\nhex 0x0a.010\n";
        assert_eq!(network_in(short, "ten"), Some(0x0a00_0000));
        assert_eq!(network_in(short, "ten-twenty"), Some(0x0a14_0000));
        assert_eq!(network_in(short, "three"), Some(0x0a14_1e00));
        assert_eq!(network_in(short, "hex"), Some(0x0a08_0000));
        let ethers = "aa:00:04:00:14:0e host-a.example # comment\n";
        let mac = Some([0xaa, 0, 4, 0, 0x14, 0x0e]);
        assert_eq!(ether_host_in(ethers, "HOST-A.Example"), mac);
        assert_eq!(ether_host_in(ethers, "host-b.example"), None);
    }

    #[test]
    fn mac_parsing() {
        assert_eq!(parse_mac("0:1:2:a:b:cc"), Some([0, 1, 2, 0xa, 0xb, 0xcc]));
        assert_eq!(parse_mac("0:1:2"), None);
    }
}
