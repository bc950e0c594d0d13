//! Name resolution without `-n`: host names through a cache (one reverse lookup per
//! address), ports and protocols from /etc/services and /etc/protocols.

use super::out::Put;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub(crate) struct Names {
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

fn load_protocols() -> HashMap<u8, String> {
    let mut m = HashMap::new();
    if let Ok(text) = std::fs::read_to_string("/etc/protocols") {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut it = line.split_whitespace();
            let (Some(name), Some(num)) = (it.next(), it.next()) else {
                continue;
            };
            if let Ok(n) = num.parse::<u8>() {
                m.entry(n).or_insert_with(|| name.to_string());
            }
        }
    }
    m
}

/// Reverse lookup through the system resolver (getnameinfo with NI_NAMEREQD).
fn reverse(ip: IpAddr) -> Option<String> {
    use std::ffi::CStr;
    let mut host = [0 as libc::c_char; 1025];
    // SAFETY: the sockaddr is fully initialised and sized for its family; host is a
    // writable buffer of the length we pass.
    unsafe {
        let rc = match ip {
            IpAddr::V4(a) => {
                let mut sa: libc::sockaddr_in = std::mem::zeroed();
                sa.sin_family = libc::AF_INET as libc::sa_family_t;
                sa.sin_addr.s_addr = u32::from_ne_bytes(a.octets());
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host.len() as libc::socklen_t,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
            IpAddr::V6(a) => {
                let mut sa: libc::sockaddr_in6 = std::mem::zeroed();
                sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sa.sin6_addr.s6_addr = a.octets();
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host.len() as libc::socklen_t,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
        };
        if rc != 0 {
            return None;
        }
        Some(CStr::from_ptr(host.as_ptr()).to_string_lossy().into_owned())
    }
}

impl Names {
    pub fn new(numeric: bool) -> Names {
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
            .or_insert_with(|| reverse(IpAddr::V4(Ipv4Addr::from(k))));
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
            .or_insert_with(|| reverse(IpAddr::V6(Ipv6Addr::from(k))));
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

/// Vendor names for the first three bytes of a MAC address (tcpdump shows them
/// without -n); rfilter knows none, so all show as "Unknown".
pub(crate) fn oui_name(_mac: &[u8]) -> &'static str {
    "Unknown"
}
