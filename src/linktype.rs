//! Link-layer header types rfilter understands, with tcpdump's names (`-y`).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

/// A link-layer type. The discriminant is the libpcap DLT value on Linux (what
/// `pcap_open_dead` takes); [`LinkType::linktype`] gives the value stored in savefiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkType {
    /// BSD loopback: 4-byte address family in host byte order.
    Null,
    /// Ethernet (10Mb and up).
    En10mb,
    /// Raw IP, version from the first nibble (DLT_RAW = 12 on Linux, LINKTYPE_RAW = 101).
    Raw,
    /// OpenBSD loopback: 4-byte address family in network byte order.
    Loop,
    /// Linux cooked capture v1 (16-byte header).
    LinuxSll,
    /// Raw IPv4.
    Ipv4,
    /// Raw IPv6.
    Ipv6,
    /// Linux cooked capture v2 (20-byte header).
    LinuxSll2,
    /// PPP: address and control bytes (ff 03), then the 16-bit protocol.
    Ppp,
    /// PPP in HDLC-like framing (RFC 1662), as `Ppp` for filters; tcpdump prints
    /// it differently and also takes Cisco HDLC frames here.
    PppSerial,
    /// PPPoE session and discovery packets without the Ethernet header.
    PppEther,
    /// Cisco HDLC: address, control, then an Ethernet type.
    CHdlc,
    /// PPP as pppd records it: the address byte says the direction (0 in, 1 out).
    PppPppd,
    /// Any other link type, by its savefile LINKTYPE value. Savefiles of it are
    /// read and written; filters may use only what needs no link-layer knowledge
    /// (`len`, `link[...]`), as libpcap allows for the link types it cannot parse.
    Other(u16),
}

impl LinkType {
    /// Every link type rfilter supports: what `-y` accepts and savefiles may use.
    pub const ALL: [LinkType; 13] = [
        LinkType::En10mb,
        LinkType::LinuxSll,
        LinkType::LinuxSll2,
        LinkType::Raw,
        LinkType::Ipv4,
        LinkType::Ipv6,
        LinkType::Null,
        LinkType::Loop,
        LinkType::Ppp,
        LinkType::PppSerial,
        LinkType::PppEther,
        LinkType::CHdlc,
        LinkType::PppPppd,
    ];

    /// The DLT value libpcap uses in memory on Linux (`pcap_open_dead`, `pcap_datalink`).
    pub const fn dlt(self) -> i32 {
        match self {
            LinkType::Null => 0,
            LinkType::En10mb => 1,
            LinkType::Raw => 12,
            LinkType::Loop => 108,
            LinkType::LinuxSll => 113,
            LinkType::Ipv4 => 228,
            LinkType::Ipv6 => 229,
            LinkType::LinuxSll2 => 276,
            LinkType::Ppp => 9,
            LinkType::PppSerial => 50,
            LinkType::PppEther => 51,
            LinkType::CHdlc => 104,
            LinkType::PppPppd => 166,
            LinkType::Other(v) => other_dlt(v),
        }
    }

    /// The LINKTYPE value written in savefile headers: libpcap's
    /// `dlt_to_linktype` of the DLT it read, so a file that says 19 (Linux's
    /// DLT for ATM CLIP) is copied as LINKTYPE 106.
    pub const fn linktype(self) -> u32 {
        match self {
            LinkType::Raw => 101,
            LinkType::Other(v) => linktype_of_dlt(other_dlt(v)) as u32,
            other => other.dlt() as u32,
        }
    }

    /// From a DLT or a savefile LINKTYPE value (12 and 101 both mean raw IP).
    pub fn from_value(v: u32) -> Option<LinkType> {
        Some(match v {
            0 => LinkType::Null,
            1 => LinkType::En10mb,
            // 14 is DLT_RAW only on OpenBSD; libpcap on Linux takes it as an
            // unknown link type.
            12 | 101 => LinkType::Raw,
            108 => LinkType::Loop,
            113 => LinkType::LinuxSll,
            228 => LinkType::Ipv4,
            229 => LinkType::Ipv6,
            276 => LinkType::LinuxSll2,
            9 => LinkType::Ppp,
            50 => LinkType::PppSerial,
            51 => LinkType::PppEther,
            104 => LinkType::CHdlc,
            166 => LinkType::PppPppd,
            v => LinkType::Other(u16::try_from(v).ok()?),
        })
    }

    /// tcpdump's name, as `-y` and `-L` spell it ("DLT n" for a link type
    /// libpcap has no name for).
    pub fn name(self) -> &'static str {
        match self {
            LinkType::Null => "NULL",
            LinkType::En10mb => "EN10MB",
            LinkType::Raw => "RAW",
            LinkType::Loop => "LOOP",
            LinkType::LinuxSll => "LINUX_SLL",
            LinkType::Ipv4 => "IPV4",
            LinkType::Ipv6 => "IPV6",
            LinkType::LinuxSll2 => "LINUX_SLL2",
            LinkType::Ppp => "PPP",
            LinkType::PppSerial => "PPP_SERIAL",
            LinkType::PppEther => "PPP_ETHER",
            LinkType::CHdlc => "C_HDLC",
            LinkType::PppPppd => "PPP_PPPD",
            LinkType::Other(v) => match libpcap_names(self.dlt()) {
                Some((name, _)) => name,
                None => leak(format!("DLT {v}")),
            },
        }
    }

    /// tcpdump's description, as in "link-type EN10MB (Ethernet)".
    pub fn description(self) -> &'static str {
        match self {
            LinkType::Null => "BSD loopback",
            LinkType::En10mb => "Ethernet",
            LinkType::Raw => "Raw IP",
            LinkType::Loop => "OpenBSD loopback",
            LinkType::LinuxSll => "Linux cooked v1",
            LinkType::Ipv4 => "Raw IPv4",
            LinkType::Ipv6 => "Raw IPv6",
            LinkType::LinuxSll2 => "Linux cooked v2",
            LinkType::Ppp => "PPP",
            LinkType::PppSerial => "PPP over serial",
            LinkType::PppEther => "PPPoE",
            LinkType::CHdlc => "Cisco HDLC",
            LinkType::PppPppd => "PPP for pppd, with direction flag",
            LinkType::Other(v) => match libpcap_names(self.dlt()) {
                Some((_, description)) => description,
                None => leak(format!("DLT {v}")),
            },
        }
    }

    /// What tcpdump's start lines say after "link-type": the name and description,
    /// or the bare number when libpcap knows no name for it.
    pub fn header_text(self) -> String {
        match self {
            LinkType::Other(v) if libpcap_names(self.dlt()).is_none() => v.to_string(),
            _ => format!("{} ({})", self.name(), self.description()),
        }
    }

    /// rfilter decodes and filters on this link type's header (it is one of [`LinkType::ALL`]).
    pub fn is_parsed(self) -> bool {
        !matches!(self, LinkType::Other(_))
    }
}

/// The DLT libpcap uses in memory for a LINKTYPE value: they differ only for the
/// few values that were renumbered when LINKTYPE values were introduced.
const fn other_dlt(linktype: u16) -> i32 {
    match linktype {
        100 => 11, // ATM_RFC1483
        102 => 15, // SLIP_BSDOS
        103 => 16, // PPP_BSDOS
        106 => 19, // ATM_CLIP
        v => v as i32,
    }
}

/// The LINKTYPE value for a DLT (the inverse of [`other_dlt`]).
pub(crate) const fn linktype_of_dlt(dlt: i32) -> i32 {
    match dlt {
        11 => 100,
        15 => 102,
        16 => 103,
        19 => 106,
        v => v,
    }
}

/// A name or description kept for the rest of the run. Only link types that
/// actually occur are named, so this holds a handful of short strings.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// libpcap's name and description of a DLT, looked up once per DLT.
fn libpcap_names(dlt: i32) -> Option<(&'static str, &'static str)> {
    type Names = HashMap<i32, Option<(&'static str, &'static str)>>;
    static CACHE: OnceLock<Mutex<Names>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *cache.entry(dlt).or_insert_with(|| {
        let lt = pcap::Linktype(dlt);
        let name = lt.get_name().ok()?;
        let description = lt.get_description().unwrap_or_else(|_| name.clone());
        Some((leak(name), leak(description)))
    })
}

impl fmt::Display for LinkType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LinkType {
    type Err = String;
    /// Case-insensitive, as libpcap's `pcap_datalink_name_to_val`.
    fn from_str(s: &str) -> Result<LinkType, String> {
        let other = || {
            let dlt = pcap::Linktype::from_name(s).ok()?.0;
            let lt = LinkType::from_value(u32::try_from(linktype_of_dlt(dlt)).ok()?)?;
            Some(lt)
        };
        LinkType::ALL
            .into_iter()
            .find(|lt| lt.name().eq_ignore_ascii_case(s))
            .or_else(other)
            .ok_or_else(|| {
                let names: Vec<&str> = LinkType::ALL.iter().map(|l| l.name()).collect();
                format!("unknown link type '{s}' (known: {})", names.join(", "))
            })
    }
}
