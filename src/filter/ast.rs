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
    pub start: usize,
    pub end: usize,
}

impl Span {
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
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Prim(Prim),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prim {
    pub kind: PrimKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrimKind {
    /// `[proto] [dir] [type] id`: host, net, port, portrange, gateway, proto and
    /// protochain tests, and bare ids that inherited their qualifiers.
    Qualified {
        quals: Qualifiers,
        id: Id,
    },
    /// A protocol name standing alone: `tcp`, `ip6`, `arp`, `iso`, `stp`, `l1` …
    /// (libpcap's `gen_proto_abbrev`).
    ProtoAbbrev(ProtoQual),
    /// `arith relop arith`.
    Relation {
        op: RelOp,
        lhs: Arith,
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
        idx: u32,
        op: ByteOp,
        val: u32,
    },
    Inbound,
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
}

/// Qualifiers of a [`PrimKind::Qualified`] primitive; `None` is libpcap's `Q_DEFAULT`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Qualifiers {
    pub proto: Option<ProtoQual>,
    pub dir: Option<Dir>,
    pub addr: Option<AddrQual>,
}

/// Protocol qualifiers and protocol names (libpcap's `Q_LINK`, `Q_IP`, …).
/// `ether`, `fddi`, `tr`, `wlan`, `ppp`, `slip` and `link` all parse to `Link`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProtoQual {
    Link,
    Ip,
    Arp,
    Rarp,
    Sctp,
    Tcp,
    Udp,
    Icmp,
    Igmp,
    Igrp,
    Atalk,
    Aarp,
    Decnet,
    Lat,
    Sca,
    Moprc,
    Mopdl,
    Ip6,
    Icmp6,
    Ah,
    Esp,
    Pim,
    Vrrp,
    Carp,
    Iso,
    Esis,
    Isis,
    Clnp,
    Stp,
    Ipx,
    Netbeui,
    L1,
    L2,
    Iih,
    Lsp,
    Snp,
    Csnp,
    Psnp,
    Radio,
}

/// Direction qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    Src,
    Dst,
    SrcOrDst,
    SrcAndDst,
    /// 802.11 address qualifiers: parsed so that they can be refused with a clear
    /// message on the link types rfilter supports.
    Addr1,
    Addr2,
    Addr3,
    Addr4,
    Ra,
    Ta,
}

/// Address-type qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddrQual {
    Host,
    Net,
    Port,
    PortRange,
    Gateway,
    Proto,
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
        value: u32,
        bits: u32,
    },
    /// `addr/len`.
    Ipv4Cidr {
        value: u32,
        bits: u32,
        prefix: u32,
    },
    /// `addr mask addr`.
    Ipv4Mask {
        value: u32,
        bits: u32,
        mask: u32,
    },
    Ipv6([u8; 16]),
    Ipv6Cidr {
        addr: [u8; 16],
        prefix: u32,
    },
    /// An Ethernet address (`aa:bb:cc:dd:ee:ff`, `aa-bb-…`, `aabb.ccdd.eeff`).
    Mac([u8; 6]),
    /// A name: host, network, service or protocol name (also `\tcp`-escaped keywords),
    /// resolved by code generation according to the qualifiers.
    Name(String),
}

/// Comparison operators. `a < b` is lowered as `!(a >= b)`, as libpcap does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Operators of `byte IDX OP VAL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOp {
    Eq,
    Lt,
    Gt,
    And,
    Or,
}

/// `llc` sub-forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LlcKind {
    I,
    S,
    U,
    /// An S-frame subtype: `rr`, `rnr`, `rej`.
    SSubtype(u8),
    /// A U-frame subtype: `ui`, `ua`, `disc`, `dm`, `sabme`, `test`, `xid`, `frmr`.
    USubtype(u8),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arith {
    pub kind: ArithKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArithKind {
    /// A number or named constant (`tcpflags`, `tcp-syn`, `icmp-echo`, …).
    Num(u32),
    /// `len`: the packet's wire length.
    Len,
    /// `proto[offset]` or `proto[offset:size]`, size 1, 2 or 4.
    Load {
        proto: ProtoQual,
        offset: Box<Arith>,
        size: u32,
    },
    Binary {
        op: ArithOp,
        lhs: Box<Arith>,
        rhs: Box<Arith>,
    },
    Neg(Box<Arith>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Shr,
}
