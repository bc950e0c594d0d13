//! A generator of random filter expressions that follows grammar/filter.ebnf, so
//! that most of what it writes is valid for libpcap: every primitive, qualifier and
//! operator, qualifier inheritance (bare ids after `and`/`or`/`not`/`(`), nesting,
//! numbers in decimal, hex and octal, arithmetic and packet accessors.
//!
//! An expression is a list of tokens (joined with single spaces), so the shrinker
//! can drop and replace tokens without re-lexing. Seeded and deterministic.

use crate::common::corpus::{MACS, Rng, V4, V6};

/// What the qualifiers in force say an id is (grammar.y's `$<blk>0`): decides which
/// ids may follow as bare ids after `and`/`or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `host`, or no address qualifier: an address of the protocol's family.
    Host(Family),
    Net(Family),
    Port,
    PortRange,
    Proto,
    ProtoChain,
}

/// Which address forms a qualified id may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    V4,
    V6,
    /// No protocol qualifier: IPv4 or IPv6.
    Any,
    Mac,
    /// A port-less protocol (tcp, udp…) or one that takes no address: the id is
    /// what it is; libpcap decides (usually a refusal).
    Other,
}

pub struct Gen {
    rng: Rng,
    /// Terms generated so far in this expression: bounds its size.
    budget: u32,
}

/// Protocol names usable before `[`.
const ACCESSOR_PROTOS: &[&str] = &[
    "ether", "link", "ip", "ip6", "tcp", "udp", "icmp", "icmp6", "arp", "rarp", "igmp", "sctp",
    "vrrp", "pim", "igrp", "carp", "ppp", "slip", "fddi", "tr", "wlan",
];

/// Protocol names libpcap refuses before `[` (or on most link types).
const BAD_ACCESSOR_PROTOS: &[&str] = &["radio", "ah", "esp", "atalk", "decnet", "iso"];

/// Protocol names usable alone as a primitive.
const BARE_PROTOS: &[&str] = &[
    "ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp", "igrp", "pim",
    "vrrp", "carp", "ah", "esp", "atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl", "iso",
    "esis", "es-is", "isis", "is-is", "clnp", "stp", "ipx", "netbeui", "l1", "l2", "iih", "lsp",
    "snp", "csnp", "psnp", "link", "ether", "radio",
];

const DIRS: &[&str] = &[
    "src",
    "dst",
    "src or dst",
    "dst or src",
    "src and dst",
    "dst and src",
];

/// Named constants of the language and their values.
const NAMED: &[&str] = &[
    "icmptype",
    "icmpcode",
    "icmp-echoreply",
    "icmp-unreach",
    "icmp-echo",
    "icmp-timxceed",
    "icmp-maskreply",
    "icmp6type",
    "icmp6code",
    "icmp6-echo",
    "icmp6-echoreply",
    "icmp6-packettoobig",
    "icmp6-neighborsolicit",
    "icmp6-neighboradvert",
    "tcpflags",
    "tcp-fin",
    "tcp-syn",
    "tcp-rst",
    "tcp-push",
    "tcp-ack",
    "tcp-urg",
    "tcp-ece",
    "tcp-cwr",
];

const SERVICES: &[&str] = &[
    "http", "domain", "ssh", "ftp", "telnet", "who", "syslog", "smtp",
];

const LLC_KINDS: &[&str] = &[
    "i", "s", "u", "rr", "rnr", "rej", "ui", "ua", "disc", "dm", "sabme", "test", "xid", "frmr",
    "I", "Ui",
];

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            budget: 0,
        }
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.rng.below(one_in) == 0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.rng.below(xs.len())]
    }

    fn push_words(out: &mut Vec<String>, words: &str) {
        out.extend(words.split(' ').map(String::from));
    }

    /// One random expression as tokens.
    pub fn expression(&mut self) -> Vec<String> {
        self.budget = 2 + self.rng.below(9) as u32;
        let mut out = Vec::new();
        let depth = 1 + self.rng.below(4) as u32;
        self.expr(depth, None, &mut out);
        out
    }

    /// `term { (and|or) (term | bare id) }`; `inherited` is what is in force before.
    /// Returns what the expression passes on.
    fn expr(&mut self, depth: u32, inherited: Option<Kind>, out: &mut Vec<String>) -> Option<Kind> {
        let mut passing = self.term(depth, inherited, out);
        let more = if self.budget == 0 {
            0
        } else {
            self.rng.below(4)
        };
        for _ in 0..more {
            out.push(self.pick(&["and", "or", "&&", "||", "and", "or"]).into());
            match passing {
                Some(kind) if self.chance(3) => {
                    // A bare id: inherits the qualifiers and passes them on.
                    self.id(kind, depth.saturating_sub(1), out);
                }
                _ => passing = self.term(depth.saturating_sub(1), passing, out),
            }
        }
        passing
    }

    fn term(&mut self, depth: u32, inherited: Option<Kind>, out: &mut Vec<String>) -> Option<Kind> {
        self.budget = self.budget.saturating_sub(1);
        let choice = if depth == 0 || self.budget == 0 {
            2 + self.rng.below(8)
        } else {
            self.rng.below(10)
        };
        match choice {
            0 => {
                out.push(self.pick(&["not", "!"]).into());
                self.term(depth - 1, inherited, out)
            }
            1 => {
                out.push("(".into());
                self.expr(depth - 1, inherited, out);
                out.push(")".into());
                // "( expr )" passes on what was in force before its "(".
                inherited
            }
            2..=4 => {
                let kind = self.head(out);
                self.id(kind, depth.saturating_sub(1), out);
                Some(kind)
            }
            5 => {
                out.push(self.pick(BARE_PROTOS).into());
                None
            }
            6 | 7 => {
                self.relation(depth, out);
                None
            }
            _ => {
                self.other(out);
                None
            }
        }
    }

    /// `[pname] [dqual] [aqual]`: at least one of dqual/aqual, or a pname with
    /// proto/protochain. Returns the kind of id that follows.
    fn head(&mut self, out: &mut Vec<String>) -> Kind {
        let proto = match self.rng.below(12) {
            0..=4 => None,
            5 => Some("ip"),
            6 => Some("ip6"),
            7 => Some("ether"),
            8 => Some(self.pick(&["tcp", "udp", "sctp"])),
            9 => Some(self.pick(&["arp", "rarp"])),
            10 => Some(self.pick(&["link", "fddi", "tr", "wlan", "ppp"])),
            _ => Some(self.pick(&["iso", "isis", "decnet", "icmp", "igmp", "l1", "atalk"])),
        };
        if let Some(p) = proto {
            out.push(p.into());
        }
        let family = match proto {
            None => Family::Any,
            Some("ip" | "arp" | "rarp") => Family::V4,
            Some("ip6") => Family::V6,
            Some("ether" | "link" | "fddi" | "tr" | "wlan" | "ppp") => Family::Mac,
            _ => Family::Other,
        };
        let with_dir = self.chance(2);
        if with_dir {
            // The 802.11 directions, refused on every link type rfilter knows.
            let dir = if self.chance(16) {
                self.pick(&["addr1", "addr2", "addr3", "addr4", "address1", "ra", "ta"])
            } else {
                self.pick(DIRS)
            };
            Self::push_words(out, dir);
        }
        // Address qualifiers the protocol takes (others, one time in eight, to
        // exercise the refusals).
        let fitting: &[&str] = match family {
            _ if self.chance(8) => &["host", "net", "port", "portrange", "proto", "protochain"],
            Family::Any => &[
                "host",
                "host",
                "net",
                "port",
                "port",
                "portrange",
                "proto",
                "protochain",
            ],
            Family::V4 if proto == Some("ip") => &["host", "net", "proto", "protochain"],
            Family::V4 | Family::Mac => &["host", "host", "proto"],
            Family::V6 => &["host", "net", "proto", "protochain"],
            Family::Other if matches!(proto, Some("tcp" | "udp" | "sctp")) => {
                &["port", "portrange"]
            }
            Family::Other => &["host", "proto"],
        };
        let mut aqual = self.pick(fitting);
        if with_dir && matches!(aqual, "proto" | "protochain") {
            aqual = "host";
        }
        // "src 10.0.0.1": a direction alone means host.
        if with_dir && aqual == "host" && self.chance(3) {
            aqual = "";
        }
        if !aqual.is_empty() {
            out.push(aqual.into());
        }
        match aqual {
            "net" => Kind::Net(family),
            "port" => Kind::Port,
            "portrange" => Kind::PortRange,
            "proto" => Kind::Proto,
            "protochain" => Kind::ProtoChain,
            _ => Kind::Host(family),
        }
    }

    /// An id for the qualifiers `kind`: a plain one, a negated one or a
    /// parenthesised list.
    fn id(&mut self, kind: Kind, depth: u32, out: &mut Vec<String>) {
        match if depth == 0 { 0 } else { self.rng.below(6) } {
            0..=2 => self.plain_id(kind, out),
            3 => {
                out.push(self.pick(&["not", "!"]).into());
                self.id(kind, depth - 1, out);
            }
            4 if matches!(kind, Kind::Port | Kind::Proto | Kind::ProtoChain) => {
                // A parenthesised number.
                out.push("(".into());
                self.plain_id(kind, out);
                out.push(")".into());
            }
            _ => {
                out.push("(".into());
                self.plain_id(kind, out);
                for _ in 0..1 + self.rng.below(2) {
                    out.push(self.pick(&["and", "or", "or"]).into());
                    self.id(kind, depth - 1, out);
                }
                out.push(")".into());
            }
        }
    }

    fn plain_id(&mut self, kind: Kind, out: &mut Vec<String>) {
        match kind {
            Kind::Host(Family::V4) => {
                let t = self.v4_host();
                out.push(t)
            }
            Kind::Host(Family::V6) => {
                let t = self.v6_addr();
                out.push(t)
            }
            Kind::Host(Family::Mac) => {
                let t = self.mac();
                out.push(t)
            }
            Kind::Host(Family::Any) => {
                let t = match self.rng.below(12) {
                    0..=7 => self.v4_host(),
                    8..=10 => self.v6_addr(),
                    _ => self.mac(),
                };
                out.push(t)
            }
            Kind::Host(Family::Other) | Kind::Net(Family::Other) => {
                let t = match self.rng.below(3) {
                    0 => self.v4_host(),
                    1 => self.number(),
                    _ => format!("{}.{}", self.rng.below(64), self.rng.below(1024)),
                };
                out.push(t)
            }
            Kind::Net(Family::V6) => self.v6_net(out),
            Kind::Net(Family::Mac) => {
                let t = self.mac();
                out.push(t)
            }
            Kind::Net(_) => {
                if self.chance(5) {
                    self.v6_net(out)
                } else {
                    self.v4_net(out)
                }
            }
            Kind::Port => {
                let t = match self.rng.below(8) {
                    0 => self.pick(SERVICES).to_string(),
                    1 => self.number(),
                    _ => self.port_number(),
                };
                out.push(t)
            }
            Kind::PortRange => {
                let t = if self.chance(6) {
                    format!("{}-{}", self.pick(SERVICES), self.pick(SERVICES))
                } else {
                    let a = self.port_number();
                    let b = self.port_number();
                    format!("{a}-{b}")
                };
                out.push(t)
            }
            Kind::Proto => {
                let t = match self.rng.below(6) {
                    0 => format!(
                        "\\{}",
                        self.pick(&["tcp", "udp", "icmp", "ip", "arp", "ip6", "isis", "esp"])
                    ),
                    1 => self.number(),
                    2 => format!(
                        "{:#x}",
                        [0x800, 0x806, 0x86dd, 0x8100, 0x42, 0xfe][self.below(6)]
                    ),
                    _ => [0u32, 1, 6, 17, 41, 43, 44, 47, 50, 51, 58, 59, 60, 132, 255]
                        [self.below(15)]
                    .to_string(),
                };
                out.push(t)
            }
            Kind::ProtoChain => {
                let t = [0u32, 1, 6, 17, 43, 44, 50, 51, 58, 59, 60, 132, 255][self.below(13)];
                out.push(self.spell(t))
            }
        }
    }

    /// A number spelled in decimal, hex or octal.
    fn spell(&mut self, v: u32) -> String {
        match self.rng.below(8) {
            0 => format!("{v:#x}"),
            1 => format!("0X{v:X}"),
            2 if v != 0 => format!("0{v:o}"),
            _ => v.to_string(),
        }
    }

    /// An odd number: small, at a boundary, or any 32-bit value.
    fn number(&mut self) -> String {
        let v = match self.rng.below(10) {
            0..=3 => self.rng.below(64) as u32,
            4 => [
                0x7f,
                0x80,
                0xff,
                0x100,
                0x7fff,
                0x8000,
                0xffff,
                0x10000,
                0x7fff_ffff,
                0x8000_0000,
                0xffff_fffe,
                0xffff_ffff,
            ][self.below(12)],
            5 => 1 << self.rng.below(32),
            6 => self.rng.next_u64() as u32,
            _ => self.rng.below(2000) as u32,
        };
        self.spell(v)
    }

    fn port_number(&mut self) -> String {
        let v = [
            0u32, 1, 20, 21, 22, 23, 25, 53, 67, 68, 80, 123, 443, 514, 1024, 2049, 6081, 8080,
            30000, 40000, 40001, 65535,
        ][self.below(22)];
        self.spell(v)
    }

    fn v4_host(&mut self) -> String {
        match self.rng.below(8) {
            0 => format!("{}.{}", self.rng.below(256), self.rng.below(256)),
            1 => format!(
                "{}.{}.{}",
                self.rng.below(256),
                self.rng.below(256),
                self.rng.below(256)
            ),
            _ => {
                let a = V4[self.below(V4.len())];
                format!("{}.{}.{}.{}", a[0], a[1], a[2], a[3])
            }
        }
    }

    fn v4_net(&mut self, out: &mut Vec<String>) {
        let a = V4[self.below(V4.len())];
        match self.rng.below(5) {
            0 => out.push(a[0].to_string()),
            1 => out.push(format!("{}.{}", a[0], a[1])),
            2 => out.push(format!("{}.{}.{}", a[0], a[1], a[2])),
            3 => {
                // The mask's zero bits must be zero in the address, or libpcap refuses.
                let bits = self.rng.below(33) as u32;
                let mask = u32::checked_shl(u32::MAX, 32 - bits).unwrap_or(0);
                let addr = u32::from_be_bytes(a) & mask;
                let [w, x, y, z] = addr.to_be_bytes();
                let [m0, m1, m2, m3] = mask.to_be_bytes();
                Self::push_words(out, &format!("{w}.{x}.{y}.{z} mask {m0}.{m1}.{m2}.{m3}"));
            }
            _ => {
                let bits = self.rng.below(33) as u32;
                let mask = u32::checked_shl(u32::MAX, 32 - bits).unwrap_or(0);
                let addr = u32::from_be_bytes(a) & mask;
                let [w, x, y, z] = addr.to_be_bytes();
                out.push(format!("{w}.{x}.{y}.{z}/{bits}"));
            }
        }
    }

    fn v6_addr(&mut self) -> String {
        let a = V6[self.below(V6.len())];
        let ip = std::net::Ipv6Addr::from(a);
        if self.chance(4) {
            // Uncompressed.
            a.iter()
                .map(|w| format!("{w:x}"))
                .collect::<Vec<_>>()
                .join(":")
        } else {
            ip.to_string()
        }
    }

    fn v6_net(&mut self, out: &mut Vec<String>) {
        let a = V6[self.below(V6.len())];
        let bits = [0u32, 8, 10, 16, 32, 48, 64, 96, 112, 127, 128][self.below(11)];
        let v = u128::from(std::net::Ipv6Addr::from(a));
        let masked = if bits == 0 {
            0
        } else {
            v & (u128::MAX << (128 - bits))
        };
        out.push(format!("{}/{bits}", std::net::Ipv6Addr::from(masked)));
    }

    fn mac(&mut self) -> String {
        let m = MACS[self.below(MACS.len())];
        match self.rng.below(5) {
            0 => format!(
                "{:x}-{:x}-{:x}-{:x}-{:x}-{:x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            ),
            1 => format!(
                "{:02x}{:02x}.{:02x}{:02x}.{:02x}{:02x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            ),
            2 => format!(
                "{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            ),
            _ => format!(
                "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            ),
        }
    }

    /// `arith relop arith`.
    fn relation(&mut self, depth: u32, out: &mut Vec<String>) {
        self.arith(depth.min(3), out);
        out.push(self.pick(&["=", "==", "!=", "<", "<=", ">", ">="]).into());
        self.arith(depth.min(3).saturating_sub(1), out);
    }

    fn arith(&mut self, depth: u32, out: &mut Vec<String>) {
        match if depth == 0 {
            self.rng.below(4)
        } else {
            self.rng.below(10)
        } {
            0 => {
                let t = self.number();
                out.push(t)
            }
            1 => out.push(self.pick(&["len", "length", "len"]).into()),
            2 => out.push(self.pick(NAMED).into()),
            3 | 4 => self.accessor(depth, out),
            5..=7 => {
                self.arith(depth - 1, out);
                out.push(
                    self.pick(&["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&", "+"])
                        .into(),
                );
                self.arith(depth - 1, out);
            }
            8 => {
                out.push("-".into());
                self.arith(depth - 1, out);
            }
            _ => {
                out.push("(".into());
                self.arith(depth - 1, out);
                out.push(")".into());
            }
        }
    }

    /// `proto [ index [: size] ]`.
    fn accessor(&mut self, depth: u32, out: &mut Vec<String>) {
        let proto = if self.chance(3) {
            self.pick(&["ip", "tcp", "udp", "ether", "ip6"])
        } else if self.chance(10) {
            self.pick(BAD_ACCESSOR_PROTOS)
        } else {
            self.pick(ACCESSOR_PROTOS)
        };
        out.push(proto.into());
        out.push("[".into());
        if depth > 1 && self.chance(5) {
            self.arith(depth - 2, out);
        } else if self.chance(6) {
            out.push(self.pick(NAMED).into());
        } else {
            let limit = if self.chance(8) { 1600 } else { 48 };
            let v = self.rng.below(limit) as u32;
            let t = self.spell(v);
            out.push(t);
        }
        if self.chance(2) {
            out.push(":".into());
            out.push(
                self.pick(&[
                    "1", "2", "4", "1", "2", "4", "1", "2", "4", "3", "0x2", "04",
                ])
                .into(),
            );
        }
        out.push("]".into());
    }

    /// The primitives that are neither qualified ids nor relations.
    fn other(&mut self, out: &mut Vec<String>) {
        match self.rng.below(17) {
            0 => {
                if self.chance(2) {
                    out.push(
                        self.pick(&["ether", "ip", "ip6", "link", "fddi", "tr", "wlan"])
                            .into(),
                    );
                }
                out.push(self.pick(&["broadcast", "multicast"]).into());
            }
            1 => {
                out.push(self.pick(&["less", "greater"]).into());
                let v = [0u32, 1, 14, 20, 34, 54, 60, 64, 100, 128, 1500, 65535][self.below(12)];
                let t = self.spell(v);
                out.push(t);
            }
            2 => {
                out.push("byte".into());
                let i = self.rng.below(48) as u32;
                let t = self.spell(i);
                out.push(t);
                out.push(self.pick(&["=", "<", ">", "&", "|"]).into());
                let t = self.number();
                out.push(t);
            }
            3 => out.push(self.pick(&["inbound", "outbound"]).into()),
            4 => {
                out.push("ifindex".into());
                let v = self.rng.below(5) as u32;
                let t = self.spell(v);
                out.push(t);
            }
            5 | 6 => {
                out.push("vlan".into());
                if self.chance(2) {
                    let v = [0u32, 1, 5, 10, 20, 100, 4095, 4096][self.below(8)];
                    let t = self.spell(v);
                    out.push(t);
                }
            }
            7 | 8 => {
                out.push("mpls".into());
                if self.chance(2) {
                    let v = [0u32, 1, 3, 16, 17, 100, 1048575, 1048576][self.below(8)];
                    let t = self.spell(v);
                    out.push(t);
                }
            }
            9 => out.push("pppoed".into()),
            10 | 11 => {
                out.push("pppoes".into());
                if self.chance(2) {
                    let v = [0u32, 1, 3, 0x1234, 65535, 65536][self.below(6)];
                    let t = self.spell(v);
                    out.push(t);
                }
            }
            12 | 13 => {
                out.push("geneve".into());
                if self.chance(2) {
                    let v = [0u32, 5, 7, 10, 0xffffff, 0x1000000][self.below(6)];
                    let t = self.spell(v);
                    out.push(t);
                }
            }
            14 | 15 => {
                out.push("llc".into());
                if self.chance(2) {
                    out.push(self.pick(LLC_KINDS).into());
                }
            }
            _ => {
                // Refused everywhere: the 802.11, pf, ATM and MTP primitives.
                Self::push_words(
                    out,
                    self.pick(&[
                        "type mgt",
                        "subtype beacon",
                        "dir 1",
                        "on eth0",
                        "reason match",
                        "vpi 1",
                        "lane",
                        "fisu",
                        "sio 3",
                    ]),
                );
            }
        }
    }
}
