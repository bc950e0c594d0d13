//! The filter language's syntax tree.
//!
//! The parser resolves qualifier inheritance (`host 1.1.1.1 or 2.2.2.2`,
//! `tcp port 80 or 443`): every [`PrimKind::Qualified`] carries the full qualifiers it
//! stands under, so code generation never looks at neighbouring primitives. Every
//! primitive and arithmetic node keeps the byte span of its source text for error
//! messages.

/// Byte offsets `start..end` into the expression text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Offset of the first byte of the source text.
    pub start: usize,
    /// Offset one past the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A boolean filter expression. `and` and `or` have equal precedence and associate
/// left to right, as in libpcap; `not` binds tighter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// `a and b` (also `a && b`): both must match.
    And(Box<Expr>, Box<Expr>),
    /// `a or b` (also `a || b`): either must match.
    Or(Box<Expr>, Box<Expr>),
    /// `not a` (also `!a`).
    Not(Box<Expr>),
    /// A single primitive test.
    Prim(Prim),
}

/// A primitive test with the span of its source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prim {
    /// What the primitive tests.
    pub kind: PrimKind,
    /// Where it stands in the expression, for error messages.
    pub span: Span,
}

/// The primitive tests of the filter language (pcap-filter(7)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrimKind {
    /// `[proto] [dir] [type] id`: host, net, port, portrange, gateway, proto and
    /// protochain tests, and bare ids that inherited their qualifiers.
    Qualified {
        /// The qualifiers written or inherited for this id.
        quals: Qualifiers,
        /// The value tested.
        id: Id,
    },
    /// A protocol name standing alone: `tcp`, `ip6`, `arp`, `iso`, `stp`, `l1` …
    /// (libpcap's `gen_proto_abbrev`).
    ProtoAbbrev(ProtoQual),
    /// `arith relop arith`.
    Relation {
        /// The comparison.
        op: RelOp,
        /// Left operand.
        lhs: Arith,
        /// Right operand.
        rhs: Arith,
    },
    /// `[proto] broadcast` (proto: default, `ether`/link, `ip`, `ip6`).
    Broadcast(Option<ProtoQual>),
    /// `[proto] multicast`.
    Multicast(Option<ProtoQual>),
    /// `less N`: packet length ≤ N.
    Less(u32),
    /// `greater N`: packet length ≥ N.
    Greater(u32),
    /// `byte IDX OP VAL`: a byte of the network-layer header compared or masked.
    Byte {
        /// Byte offset from the start of the network-layer header.
        idx: u32,
        /// Comparison or mask operator.
        op: ByteOp,
        /// The operand (only its low 8 bits are meaningful).
        val: u32,
    },
    /// `inbound`: the packet was received (Linux packet type not `PACKET_OUTGOING`).
    Inbound,
    /// `outbound`: the packet was sent by this host.
    Outbound,
    /// `ifindex N`.
    IfIndex(u32),
    /// `vlan [id]`; shifts later link-layer offsets by 4.
    Vlan(Option<u32>),
    /// `mpls [label]`; shifts later offsets by 4.
    Mpls(Option<u32>),
    /// `pppoed`.
    Pppoed,
    /// `pppoes [session id]`; later tests look inside the PPP payload.
    Pppoes(Option<u32>),
    /// `geneve [vni]`; later tests look at the encapsulated frame.
    Geneve(Option<u32>),
    /// `llc [i|s|u|subtype]`.
    Llc(Option<LlcKind>),
    /// `type T`, `type T subtype S`, `subtype S`: the 802.11 frame control type and
    /// subtype bits under `mask` equal `value`.
    WlanType {
        /// Type and subtype bits (first frame control byte).
        value: u32,
        /// 0x0c (type), or 0xfc (type and subtype).
        mask: u32,
    },
    /// `dir D`: the 802.11 To DS / From DS bits equal D (0–3).
    WlanDir(u32),
    /// An OpenBSD pf log header field (`on`, `rset`, `rnr`, `srnr`, `reason`,
    /// `action`).
    Pf(PfTest),
    /// A SunATM pseudo-header test (`lane`, `oam`, `vpi N`, …).
    Atm(AtmTest),
    /// An SS7 test on MTP2 link types (`fisu`, `msu`, `sio N`, `dpc > N`, …).
    Mtp(MtpTest),
}

/// SunATM tests: the circuit and message abbreviations, and `vpi`/`vci`
/// comparisons (a parenthesized list is ORed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AtmTest {
    /// `lane`, `metac`, `bcc`, `oamf4sc`, `oamf4ec`, `sc`, `ilmic`, `oam`,
    /// `oamf4`, `connectmsg`, `metaconnect`, as written in lower case.
    Abbrev(String),
    /// `vpi`/`vci` compared with each of `tests`, ORed.
    Field {
        /// `vci` (else `vpi`).
        vci: bool,
        /// Comparisons and the numbers compared with.
        tests: Vec<(RelOp, u32)>,
    },
}

/// SS7 tests: the MTP2 signal unit type, and MTP3 fields compared with numbers
/// (a parenthesized list is ORed). `hsl` marks the high-speed-link forms
/// (`hfisu`, `hsio`, …), whose fields lie further in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MtpTest {
    /// `fisu`, `lssu` (or `lsu`), `msu` and their `h` forms.
    Unit {
        /// Which signal unit type.
        kind: SignalUnit,
        /// The high-speed-link form.
        hsl: bool,
    },
    /// `sio`, `opc`, `dpc`, `sls` and their `h` forms compared with each of
    /// `tests`, ORed.
    Field {
        /// Which field.
        field: Mtp3Field,
        /// The high-speed-link form.
        hsl: bool,
        /// Comparisons and the numbers compared with.
        tests: Vec<(RelOp, u32)>,
    },
}

/// MTP2 signal unit types, told apart by the length indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalUnit {
    /// Fill-in: length 0.
    Fisu,
    /// Link status: length 1 or 2.
    Lssu,
    /// Message: length 3 or more.
    Msu,
}

/// MTP3 fields: service information octet, originating and destination point
/// codes, signalling link selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mtp3Field {
    /// `sio`: the service information octet.
    Sio,
    /// `opc`: the originating point code.
    Opc,
    /// `dpc`: the destination point code.
    Dpc,
    /// `sls`: the signalling link selection.
    Sls,
}

/// The pf log header tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PfTest {
    /// `on`/`ifname NAME`: the interface the rule matched on.
    Ifname(String),
    /// `rset`/`ruleset NAME`: the anchor's ruleset.
    Ruleset(String),
    /// `rnr`/`rulenum N`: the rule number.
    Rnr(u32),
    /// `srnr`/`subrulenum N`: the rule number within the anchor.
    Srnr(u32),
    /// `reason R`: why the packet was logged.
    Reason(u32),
    /// `action A`: what the rule did.
    Action(u32),
}

/// Qualifiers of a [`PrimKind::Qualified`] primitive; `None` is libpcap's `Q_DEFAULT`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Qualifiers {
    /// Protocol qualifier (`ether`, `ip`, `tcp`, …).
    pub proto: Option<ProtoQual>,
    /// Direction qualifier (`src`, `dst`, …).
    pub dir: Option<Dir>,
    /// Address-type qualifier (`host`, `net`, `port`, …).
    pub addr: Option<AddrQual>,
}

/// Protocol qualifiers and protocol names (libpcap's `Q_LINK`, `Q_IP`, …).
/// `ether`, `fddi`, `tr`, `wlan`, `ppp`, `slip` and `link` all parse to `Link`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProtoQual {
    /// `link`, `ether`, `fddi`, `tr`, `wlan`, `ppp`, `slip`: the link-layer header.
    Link,
    /// `ip`: IPv4.
    Ip,
    /// `arp`.
    Arp,
    /// `rarp`: reverse ARP.
    Rarp,
    /// `sctp`.
    Sctp,
    /// `tcp`.
    Tcp,
    /// `udp`.
    Udp,
    /// `icmp`: ICMP over IPv4.
    Icmp,
    /// `igmp`.
    Igmp,
    /// `igrp`: Cisco IGRP (IP protocol 9).
    Igrp,
    /// `atalk`: AppleTalk DDP.
    Atalk,
    /// `aarp`: AppleTalk ARP.
    Aarp,
    /// `decnet`: DECnet Phase IV routing.
    Decnet,
    /// `lat`: DEC Local Area Transport.
    Lat,
    /// `sca`: DEC System Communication Architecture.
    Sca,
    /// `moprc`: DEC MOP remote console.
    Moprc,
    /// `mopdl`: DEC MOP dump/load.
    Mopdl,
    /// `ip6`: IPv6.
    Ip6,
    /// `icmp6`: ICMPv6.
    Icmp6,
    /// `ah`: IPsec Authentication Header.
    Ah,
    /// `esp`: IPsec Encapsulating Security Payload.
    Esp,
    /// `pim`: Protocol Independent Multicast.
    Pim,
    /// `vrrp`: Virtual Router Redundancy Protocol (IP protocol 112).
    Vrrp,
    /// `carp`: Common Address Redundancy Protocol (IP protocol 112, as `vrrp`).
    Carp,
    /// `iso`: ISO/OSI protocols over 802.2 LLC (SAP 0xfe).
    Iso,
    /// `esis`, `es-is`: ISO ES-IS.
    Esis,
    /// `isis`, `is-is`: ISO IS-IS.
    Isis,
    /// `clnp`: ISO Connectionless Network Protocol.
    Clnp,
    /// `stp`: IEEE 802.1D spanning tree (LLC SAP 0x42).
    Stp,
    /// `ipx`: Novell IPX.
    Ipx,
    /// `netbeui`: NetBEUI (LLC SAP 0xf0).
    Netbeui,
    /// `l1`: IS-IS level-1 PDUs (IIH, LSP, CSNP, PSNP).
    L1,
    /// `l2`: IS-IS level-2 PDUs.
    L2,
    /// `iih`: IS-IS hello PDUs.
    Iih,
    /// `lsp`: IS-IS link-state PDUs.
    Lsp,
    /// `snp`: IS-IS sequence-number PDUs (CSNP and PSNP).
    Snp,
    /// `csnp`: IS-IS complete sequence-number PDUs.
    Csnp,
    /// `psnp`: IS-IS partial sequence-number PDUs.
    Psnp,
    /// `radio`: the 802.11 radio header (radiotap, Prism, AVS).
    Radio,
}

/// Direction qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    /// `src`: the source address or port.
    Src,
    /// `dst`: the destination address or port.
    Dst,
    /// `src or dst` (either order): either matches.
    SrcOrDst,
    /// `src and dst` (either order): both match.
    SrcAndDst,
    /// `addr1`/`address1`. This and the other 802.11 address qualifiers are parsed so
    /// that they can be refused with a clear message on the link types rfilter supports.
    Addr1,
    /// `addr2`/`address2` (802.11).
    Addr2,
    /// `addr3`/`address3` (802.11).
    Addr3,
    /// `addr4`/`address4` (802.11).
    Addr4,
    /// `ra`: 802.11 receiver address.
    Ra,
    /// `ta`: 802.11 transmitter address.
    Ta,
}

/// Address-type qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddrQual {
    /// `host`: an address of a host.
    Host,
    /// `net`: a network (address with prefix length or mask).
    Net,
    /// `port`: a TCP, UDP or SCTP port.
    Port,
    /// `portrange`: an inclusive range of ports, `lo-hi`.
    PortRange,
    /// `gateway`: the packet's link-layer address is the named host's, its IP
    /// addresses are not (it passes through that host as a router).
    Gateway,
    /// `proto`: the protocol field of the layer named by the protocol qualifier.
    Proto,
    /// `protochain`: a protocol anywhere in the IPv4/IPv6 header chain.
    ProtoChain,
}

/// The value a qualified primitive tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Id {
    /// A number token (decimal, `0x` hex or leading-`0` octal).
    Num(u32),
    /// Dotted IPv4 with 1–4 components (`10.1`, `10.1.2.3`): `value` packs the
    /// components as libpcap's `__pcap_atoin` does (unshifted, so `10.1` is 0x0a01),
    /// `bits` is 8 × the number of components.
    Ipv4 {
        /// The components packed, unshifted.
        value: u32,
        /// 8 × the number of components written.
        bits: u32,
    },
    /// `addr/len`.
    Ipv4Cidr {
        /// The address components packed, unshifted (as in [`Id::Ipv4`]).
        value: u32,
        /// 8 × the number of address components written.
        bits: u32,
        /// The prefix length after `/`, in bits.
        prefix: u32,
    },
    /// `addr mask addr`.
    Ipv4Mask {
        /// The address components packed, unshifted (as in [`Id::Ipv4`]).
        value: u32,
        /// 8 × the number of address components written.
        bits: u32,
        /// The mask, a full 32-bit address.
        mask: u32,
    },
    /// An IPv6 address, in network byte order.
    Ipv6([u8; 16]),
    /// `ip6addr/len`.
    Ipv6Cidr {
        /// The address, in network byte order.
        addr: [u8; 16],
        /// The prefix length after `/`, in bits.
        prefix: u32,
    },
    /// An Ethernet address (`aa:bb:cc:dd:ee:ff`, `aa-bb-…`, `aabb.ccdd.eeff`).
    Mac([u8; 6]),
    /// An ARCnet address (`$xx`): the address byte compared, as libpcap 1.10
    /// reads the token (`0xd0 |` its first hex digit; see the lexer).
    Arcnet(u8),
    /// A name: host, network, service or protocol name (also `\tcp`-escaped keywords),
    /// resolved by code generation according to the qualifiers.
    Name(String),
}

/// Comparison operators. `a < b` is lowered as `!(a >= b)`, as libpcap does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelOp {
    /// `=` or `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

/// Operators of `byte IDX OP VAL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOp {
    /// `=`: the byte equals VAL.
    Eq,
    /// `<`: the byte is less than VAL.
    Lt,
    /// `>`: the byte is greater than VAL.
    Gt,
    /// `&`: the byte ANDed with VAL is non-zero.
    And,
    /// `|`: the byte ORed with VAL is non-zero.
    Or,
}

/// `llc` sub-forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LlcKind {
    /// `llc i`: an information frame.
    I,
    /// `llc s`: a supervisory frame.
    S,
    /// `llc u`: an unnumbered frame.
    U,
    /// An S-frame subtype: `rr`, `rnr`, `rej`.
    SSubtype(u8),
    /// A U-frame subtype: `ui`, `ua`, `disc`, `dm`, `sabme`, `test`, `xid`, `frmr`.
    USubtype(u8),
}

/// An arithmetic expression with the span of its source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arith {
    /// What the expression computes.
    pub kind: ArithKind,
    /// Where it stands in the filter text, for error messages.
    pub span: Span,
}

/// The forms of an arithmetic expression (unsigned 32-bit, as in BPF).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArithKind {
    /// A number or named constant (`tcpflags`, `tcp-syn`, `icmp-echo`, …).
    Num(u32),
    /// `len`: the packet's wire length.
    Len,
    /// `proto[offset]` or `proto[offset:size]`, size 1, 2 or 4.
    Load {
        /// The header the offset is relative to.
        proto: ProtoQual,
        /// Byte offset into that header.
        offset: Box<Arith>,
        /// Bytes loaded: 1, 2 or 4 (big-endian).
        size: u32,
    },
    /// `lhs op rhs`.
    Binary {
        /// The operator.
        op: ArithOp,
        /// Left operand.
        lhs: Box<Arith>,
        /// Right operand.
        rhs: Box<Arith>,
    },
    /// `-x`: two's-complement negation.
    Neg(Box<Arith>),
}

/// Binary arithmetic operators, all on unsigned 32-bit values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArithOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`: division by a constant zero is refused at compile time.
    Div,
    /// `%`.
    Mod,
    /// `&`: bitwise and.
    And,
    /// `|`: bitwise or.
    Or,
    /// `^`: bitwise exclusive or.
    Xor,
    /// `<<`.
    Shl,
    /// `>>`: logical shift.
    Shr,
}
