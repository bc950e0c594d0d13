//! Interface discovery: `-D`, the default interface, and the netmask used to
//! compile `ip broadcast`.
//!
//! libpcap's `pcap_findalldevs` gives the list in tcpdump's order with tcpdump's
//! flags; rfilter keeps the devices it can capture on (network interfaces and `any`).

use std::net::IpAddr;
use std::path::Path;

/// One capturable device, as `-D` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceEntry {
    pub name: String,
    pub description: Option<String>,
    /// libpcap's `PCAP_IF_*` bits (connection status included).
    pub flags: u32,
    pub ipv4_netmask: Option<u32>,
}

const PCAP_IF_LOOPBACK: u32 = 0x1;
const PCAP_IF_UP: u32 = 0x2;
const PCAP_IF_RUNNING: u32 = 0x4;
const PCAP_IF_WIRELESS: u32 = 0x8;
const PCAP_IF_CONNECTION_STATUS: u32 = 0x30;

fn raw_flags(f: &pcap::DeviceFlags) -> u32 {
    let status = match f.connection_status {
        pcap::ConnectionStatus::Unknown => 0x00,
        pcap::ConnectionStatus::Connected => 0x10,
        pcap::ConnectionStatus::Disconnected => 0x20,
        pcap::ConnectionStatus::NotApplicable => 0x30,
    };
    f.if_flags.bits() | status
}

/// Whether rfilter can open `name` with an AF_PACKET socket.
fn capturable(name: &str) -> bool {
    name == "any" || Path::new("/sys/class/net").join(name).exists()
}

/// Capturable devices in `pcap_findalldevs` order.
pub fn devices() -> anyhow::Result<Vec<DeviceEntry>> {
    let list = pcap::Device::list().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(list
        .into_iter()
        .filter(|d| capturable(&d.name))
        .map(|d| DeviceEntry {
            ipv4_netmask: d.addresses.iter().find_map(|a| match (a.addr, a.netmask) {
                (IpAddr::V4(_), Some(IpAddr::V4(m))) => Some(u32::from(m)),
                _ => None,
            }),
            flags: raw_flags(&d.flags),
            description: d.desc,
            name: d.name,
        })
        .collect())
}

/// tcpdump's `-D` line for entry number `n` (1-based).
pub fn format_entry(n: usize, d: &DeviceEntry) -> String {
    let mut line = format!("{n}.{}", d.name);
    if let Some(desc) = &d.description {
        line.push_str(&format!(" ({desc})"));
    }
    if d.flags != 0 {
        let names: Vec<&str> = [
            (PCAP_IF_UP, "Up"),
            (PCAP_IF_RUNNING, "Running"),
            (PCAP_IF_LOOPBACK, "Loopback"),
            (PCAP_IF_WIRELESS, "Wireless"),
        ]
        .iter()
        .filter(|(bit, _)| d.flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
        let mut inner = if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        };
        let wireless = d.flags & PCAP_IF_WIRELESS != 0;
        let status = match (d.flags & PCAP_IF_CONNECTION_STATUS, wireless) {
            (0x00, true) => ", Association status unknown",
            (0x10, true) => ", Associated",
            (0x20, true) => ", Not associated",
            (0x00, false) => ", Connection status unknown",
            (0x10, false) => ", Connected",
            (0x20, false) => ", Disconnected",
            _ => "",
        };
        inner.push_str(status);
        line.push_str(&format!(" [{inner}]"));
    }
    line
}

/// `-D`: prints the capturable devices, numbered, in tcpdump's format.
pub fn list_interfaces() -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for (i, d) in devices()?.iter().enumerate() {
        writeln!(out, "{}", format_entry(i + 1, d))?;
    }
    out.flush()?;
    Ok(())
}

/// The interface tcpdump picks without `-i`: the first up, non-loopback network
/// interface in `pcap_findalldevs` order.
pub fn default_interface() -> anyhow::Result<String> {
    devices()?
        .into_iter()
        .find(|d| d.name != "any" && d.flags & PCAP_IF_UP != 0 && d.flags & PCAP_IF_LOOPBACK == 0)
        .map(|d| d.name)
        .ok_or_else(|| anyhow::anyhow!("no suitable device found"))
}

/// The device `-i arg` names: the interface of that name, or else, as in tcpdump,
/// a number from the `-D` list.
pub fn resolve(arg: &str) -> anyhow::Result<String> {
    if arg == "any" || super::socket::if_index(arg).is_some() {
        return Ok(arg.to_string());
    }
    match arg.parse::<usize>() {
        Ok(n) => n
            .checked_sub(1)
            .and_then(|i| devices().ok()?.into_iter().nth(i))
            .map(|d| d.name)
            .ok_or_else(|| anyhow::anyhow!("Invalid adapter index")),
        // Not a number: let opening it give the usual "No such device".
        Err(_) => Ok(arg.to_string()),
    }
}

/// IPv4 netmask of `name` (0 when it has no IPv4 address, as tcpdump uses then).
pub fn netmask(name: &str) -> u32 {
    super::socket::if_ipv4_netmask(name).unwrap_or(0)
}

/// Packets the interface itself dropped (`rx_missed_errors` + `rx_fifo_errors`, as
/// libpcap counts them for "dropped by interface").
pub fn interface_drops(name: &str) -> u64 {
    let dir = Path::new("/sys/class/net").join(name).join("statistics");
    ["rx_missed_errors", "rx_fifo_errors"]
        .iter()
        .map(|f| std::fs::read_to_string(dir.join(f)).map_or(0, |t| parse_counter(&t)))
        .fold(0u64, u64::saturating_add)
}

fn parse_counter(text: &str) -> u64 {
    text.trim().parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, desc: Option<&str>, flags: u32) -> DeviceEntry {
        DeviceEntry {
            name: name.into(),
            description: desc.map(Into::into),
            flags,
            ipv4_netmask: None,
        }
    }

    #[test]
    fn sysfs_counters() {
        assert_eq!(parse_counter("123\n"), 123);
        assert_eq!(parse_counter("garbage"), 0);
        assert_eq!(interface_drops("no-such-interface-x"), 0);
    }

    #[test]
    fn tcpdump_device_lines() {
        // The lines `tcpdump -D` printed on the development machine.
        assert_eq!(
            format_entry(1, &entry("eth0", None, 0x2 | 0x4 | 0x10)),
            "1.eth0 [Up, Running, Connected]"
        );
        assert_eq!(
            format_entry(
                2,
                &entry(
                    "any",
                    Some("Pseudo-device that captures on all interfaces"),
                    0x2 | 0x4 | 0x30
                )
            ),
            "2.any (Pseudo-device that captures on all interfaces) [Up, Running]"
        );
        assert_eq!(
            format_entry(3, &entry("lo", None, 0x1 | 0x2 | 0x4 | 0x30)),
            "3.lo [Up, Running, Loopback]"
        );
        assert_eq!(format_entry(4, &entry("ifb0", None, 0x30)), "4.ifb0 [none]");
        assert_eq!(
            format_entry(5, &entry("veth9", None, 0x2 | 0x20)),
            "5.veth9 [Up, Disconnected]"
        );
        assert_eq!(format_entry(6, &entry("x", None, 0)), "6.x");
    }
}
