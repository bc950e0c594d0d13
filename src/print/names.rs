//! Name resolution without `-n`: host names through a cache (one reverse lookup per
//! address), ports from /etc/services, protocols from tcpdump's built-in table.

use super::out::Put;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub(crate) struct Names {
    /// `-N`: names without their domain.
    no_domain: bool,
    hosts4: HashMap<[u8; 4], Option<String>>,
    hosts6: HashMap<[u8; 16], Option<String>>,
    tcp: HashMap<u16, String>,
    udp: HashMap<u16, String>,
    protos: HashMap<u8, String>,
}

fn load_services() -> (HashMap<u16, String>, HashMap<u16, String>) {
    let mut tcp = HashMap::new();
    let mut udp = HashMap::new();
    if let Ok(text) = std::fs::read_to_string("/etc/services") {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut it = line.split_whitespace();
            let (Some(name), Some(pp)) = (it.next(), it.next()) else {
                continue;
            };
            let Some((port, proto)) = pp.split_once('/') else {
                continue;
            };
            let Ok(port) = port.parse::<u16>() else {
                continue;
            };
            let map = match proto {
                "tcp" => &mut tcp,
                "udp" => &mut udp,
                _ => continue,
            };
            map.entry(port).or_insert_with(|| name.to_string());
        }
    }
    (tcp, udp)
}

/// IANA protocol keywords as tcpdump spells them (its netdb_protoname table),
/// indexed by number; "-" marks numbers without a name.
const PROTO_NAMES: &str = "hopopt icmp igmp ggp ipencap st tcp cbt egp igp bbn-rcc-mon nvp-ii pup argus emcon xnet \
    chaos udp mux dcn-meas hmp prm xns-idp trunk-1 trunk-2 leaf-1 leaf-2 rdp irtp iso-tp4 \
    netblt mfe-nsp merit-inp dccp 3pc idpr xtp ddp idpr-cmtp tp++ il ipv6 sdrp ipv6-route \
    ipv6-frag idrp rsvp gre dsr bna esp ah i-nlsp swipe narp mobile tlsp skip ipv6-icmp \
    ipv6-nonxt ipv6-opts - cftp - sat-expak kryptolan rvd ippc - sat-mon visa ipcv cpnx rspf \
    wsn pvp br-sat-mon sun-nd wb-mon wb-expak iso-ip vmtp secure-vmtp vines ttp nsfnet-igp \
    dgp tcf eigrp ospf sprite-rpc larp mtp ax.25 ipip micp scc-sp etherip encap - gmtp ifmp \
    pnni pim aris scps qnx a/n ipcomp snp compaq-peer ipx-in-ip vrrp pgm - l2tp ddx iatp stp \
    srp uti smp sm ptp isis fire crtp crudp sscopmce iplt sps pipe sctp fc rsvp-e2e-ignore \
    mobility-header udplite mpls-in-ip manet hip shim6 wesp rohc - - - - - - - - - - - - - - \
    - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - \
    - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - \
    - - - - - - - - exptest-253 exptest-254 reserved";

fn load_protocols() -> HashMap<u8, String> {
    PROTO_NAMES
        .split_whitespace()
        .enumerate()
        .filter(|(_, n)| *n != "-")
        .map(|(i, n)| (i as u8, n.to_string()))
        .collect()
}

/// The name printed for `ip`: its reverse lookup, cut at the first dot with `-N`.
fn host_name(ip: IpAddr, no_domain: bool) -> Option<String> {
    let mut name = crate::capture::os::reverse_lookup(ip)?;
    if no_domain && let Some(dot) = name.find('.') {
        name.truncate(dot);
    }
    Some(name)
}

impl Names {
    pub fn new(numeric: bool, no_domain: bool) -> Names {
        let (tcp, udp) = if numeric {
            Default::default()
        } else {
            load_services()
        };
        let protos = if numeric {
            HashMap::new()
        } else {
            load_protocols()
        };
        Names {
            no_domain,
            hosts4: HashMap::new(),
            hosts6: HashMap::new(),
            tcp,
            udp,
            protos,
        }
    }

    pub fn ipv4(&mut self, o: &mut Vec<u8>, a: &[u8]) {
        let mut k = [0u8; 4];
        k.copy_from_slice(&a[..4]);
        let name = self
            .hosts4
            .entry(k)
            .or_insert_with(|| host_name(IpAddr::V4(Ipv4Addr::from(k)), self.no_domain));
        match name {
            Some(n) => o.s(n),
            None => o.ipv4(&k),
        }
    }

    pub fn ipv6(&mut self, o: &mut Vec<u8>, a: &[u8]) {
        let mut k = [0u8; 16];
        k.copy_from_slice(&a[..16]);
        let name = self
            .hosts6
            .entry(k)
            .or_insert_with(|| host_name(IpAddr::V6(Ipv6Addr::from(k)), self.no_domain));
        match name {
            Some(n) => o.s(n),
            None => o.ipv6(&k),
        }
    }

    pub fn port(&mut self, o: &mut Vec<u8>, p: u16, tcp: bool) {
        let m = if tcp { &self.tcp } else { &self.udp };
        match m.get(&p) {
            Some(n) => o.s(n),
            None => o.dec(u64::from(p)),
        }
    }

    pub fn protoname(&self, p: u8) -> Option<String> {
        self.protos.get(&p).cloned()
    }
}

/// tcpdump's OUI names (its oui_values table).
pub(crate) fn oui_lookup(oui: u32) -> Option<&'static str> {
    Some(match oui {
        0x000000 => "Ethernet",
        0x00000c => "Cisco",
        0x00005e => "IANA",
        0x000081 => "Nortel Networks SONMP",
        0x0000f8 => "Cisco bridged",
        0x0080c2 => "Ethernet bridged",
        0x00a03e => "ATM Forum",
        0x00e02f => "DOCSIS Spanning Tree",
        0x080007 => "Appletalk",
        0x009069 => "Juniper",
        0x080009 => "Hewlett-Packard",
        0x00120f => "IEEE 802.3 Private",
        0x0012bb => "ANSI/TIA",
        0x001b21 => "DCBX",
        0x002320 => "Nicira Networks",
        0x5c16c7 => "Big Switch Networks",
        0xb0d2f5 => "Vello Systems",
        0x002481 => "HP",
        0x0004ea => "HP-Labs",
        0x748771 => "Infoblox Inc",
        0xa42305 => "Open Networking Lab",
        0x00049f => "Freescale",
        0x0015ad => "Netronome",
        0x001018 => "Broadcom",
        0x00e004 => "PMC-Sierra",
        0xd0f0db => "Ericsson",
        _ => return None,
    })
}

/// Vendor name for the first three bytes of a MAC address, as tcpdump shows it
/// without -n.
pub(crate) fn oui_name(mac: &[u8]) -> &'static str {
    let oui = mac
        .iter()
        .take(3)
        .fold(0u32, |a, b| (a << 8) | u32::from(*b));
    oui_lookup(oui).unwrap_or("Unknown")
}
#[cfg(test)]
mod tests {
    #[test]
    fn protocol_table_is_complete() {
        let m = super::load_protocols();
        assert_eq!(super::PROTO_NAMES.split_whitespace().count(), 256);
        assert_eq!(m.get(&6).map(String::as_str), Some("tcp"));
        assert_eq!(m.get(&253).map(String::as_str), Some("exptest-253"));
        assert!(!m.contains_key(&200));
    }
}
