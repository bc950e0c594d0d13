//! The tokenizer: libpcap's scanner.l, rule for rule.
//!
//! flex picks, at every position, the rule with the LONGEST match, and among equally
//! long matches the one listed first. We do the same: every token class below reports
//! the length of its longest match (the small pattern recognisers are nom parsers or
//! set-of-end-positions matchers), and [`next_token`] keeps the longest, earliest.
//! That is what makes `10.1.2.3` an address but `10.1.2.3.` a name, `tcp` a keyword
//! but `tcp1` a name, and twelve hex digits an Ethernet address.
//!
//! Lexical errors (bad numbers, bogus addresses, stray characters) do not stop
//! tokenizing: they become [`Tok::Bad`] tokens, reported only if the parser reaches
//! them, so the error shown is always the leftmost one.

use super::super::ast::{ProtoQual, Span};
use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::char as nom_char;

/// Keywords of the filter language (scanner.l's keyword rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    Dst,
    Src,
    /// A protocol name (`link`, `ether`, `ip`, `tcp`, `l1`, …): libpcap's `pname`.
    Pname(ProtoQual),
    Host,
    Net,
    Mask,
    Port,
    PortRange,
    Proto,
    ProtoChain,
    Gateway,
    Addr1,
    Addr2,
    Addr3,
    Addr4,
    Ra,
    Ta,
    Less,
    Greater,
    Byte,
    Broadcast,
    Multicast,
    And,
    Or,
    Not,
    Len,
    Inbound,
    Outbound,
    IfIndex,
    Vlan,
    Mpls,
    Pppoed,
    Pppoes,
    Geneve,
    Llc,
    /// `rnr`/`rulenum`: a pf keyword, but also an LLC subtype after `llc`.
    PfRnr,
    /// 802.11 frame control tests: `type`, `subtype`, `dir`/`direction`.
    Type,
    Subtype,
    Dir,
    /// Keywords of tests on particular link types (OpenBSD pf logs, SunATM,
    /// SS7 over MTP2); they compile on those link types only.
    LinkSpecific(Family),
}

/// The link types a link-specific keyword belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Pf,
    Atm,
    Mtp,
}

/// scanner.l's keyword table. Keywords are case-sensitive, as in libpcap.
const KEYWORDS: &[(&str, Kw)] = &[
    ("dst", Kw::Dst),
    ("src", Kw::Src),
    ("link", Kw::Pname(ProtoQual::Link)),
    ("ether", Kw::Pname(ProtoQual::Link)),
    ("ppp", Kw::Pname(ProtoQual::Link)),
    ("slip", Kw::Pname(ProtoQual::Link)),
    ("fddi", Kw::Pname(ProtoQual::Link)),
    ("tr", Kw::Pname(ProtoQual::Link)),
    ("wlan", Kw::Pname(ProtoQual::Link)),
    ("arp", Kw::Pname(ProtoQual::Arp)),
    ("rarp", Kw::Pname(ProtoQual::Rarp)),
    ("ip", Kw::Pname(ProtoQual::Ip)),
    ("sctp", Kw::Pname(ProtoQual::Sctp)),
    ("tcp", Kw::Pname(ProtoQual::Tcp)),
    ("udp", Kw::Pname(ProtoQual::Udp)),
    ("icmp", Kw::Pname(ProtoQual::Icmp)),
    ("igmp", Kw::Pname(ProtoQual::Igmp)),
    ("igrp", Kw::Pname(ProtoQual::Igrp)),
    ("pim", Kw::Pname(ProtoQual::Pim)),
    ("vrrp", Kw::Pname(ProtoQual::Vrrp)),
    ("carp", Kw::Pname(ProtoQual::Carp)),
    ("radio", Kw::Pname(ProtoQual::Radio)),
    ("ip6", Kw::Pname(ProtoQual::Ip6)),
    ("icmp6", Kw::Pname(ProtoQual::Icmp6)),
    ("ah", Kw::Pname(ProtoQual::Ah)),
    ("esp", Kw::Pname(ProtoQual::Esp)),
    ("atalk", Kw::Pname(ProtoQual::Atalk)),
    ("aarp", Kw::Pname(ProtoQual::Aarp)),
    ("decnet", Kw::Pname(ProtoQual::Decnet)),
    ("lat", Kw::Pname(ProtoQual::Lat)),
    ("sca", Kw::Pname(ProtoQual::Sca)),
    ("moprc", Kw::Pname(ProtoQual::Moprc)),
    ("mopdl", Kw::Pname(ProtoQual::Mopdl)),
    ("iso", Kw::Pname(ProtoQual::Iso)),
    ("esis", Kw::Pname(ProtoQual::Esis)),
    ("es-is", Kw::Pname(ProtoQual::Esis)),
    ("isis", Kw::Pname(ProtoQual::Isis)),
    ("is-is", Kw::Pname(ProtoQual::Isis)),
    ("l1", Kw::Pname(ProtoQual::L1)),
    ("l2", Kw::Pname(ProtoQual::L2)),
    ("iih", Kw::Pname(ProtoQual::Iih)),
    ("lsp", Kw::Pname(ProtoQual::Lsp)),
    ("snp", Kw::Pname(ProtoQual::Snp)),
    ("csnp", Kw::Pname(ProtoQual::Csnp)),
    ("psnp", Kw::Pname(ProtoQual::Psnp)),
    ("clnp", Kw::Pname(ProtoQual::Clnp)),
    ("stp", Kw::Pname(ProtoQual::Stp)),
    ("ipx", Kw::Pname(ProtoQual::Ipx)),
    ("netbeui", Kw::Pname(ProtoQual::Netbeui)),
    ("host", Kw::Host),
    ("net", Kw::Net),
    ("mask", Kw::Mask),
    ("port", Kw::Port),
    ("portrange", Kw::PortRange),
    ("proto", Kw::Proto),
    ("protochain", Kw::ProtoChain),
    ("gateway", Kw::Gateway),
    ("type", Kw::Type),
    ("subtype", Kw::Subtype),
    ("direction", Kw::Dir),
    ("dir", Kw::Dir),
    ("address1", Kw::Addr1),
    ("addr1", Kw::Addr1),
    ("address2", Kw::Addr2),
    ("addr2", Kw::Addr2),
    ("address3", Kw::Addr3),
    ("addr3", Kw::Addr3),
    ("address4", Kw::Addr4),
    ("addr4", Kw::Addr4),
    ("ra", Kw::Ra),
    ("ta", Kw::Ta),
    ("less", Kw::Less),
    ("greater", Kw::Greater),
    ("byte", Kw::Byte),
    ("broadcast", Kw::Broadcast),
    ("multicast", Kw::Multicast),
    ("and", Kw::And),
    ("or", Kw::Or),
    ("not", Kw::Not),
    ("len", Kw::Len),
    ("length", Kw::Len),
    ("inbound", Kw::Inbound),
    ("outbound", Kw::Outbound),
    ("ifindex", Kw::IfIndex),
    ("vlan", Kw::Vlan),
    ("mpls", Kw::Mpls),
    ("pppoed", Kw::Pppoed),
    ("pppoes", Kw::Pppoes),
    ("geneve", Kw::Geneve),
    ("lane", Kw::LinkSpecific(Family::Atm)),
    ("llc", Kw::Llc),
    ("metac", Kw::LinkSpecific(Family::Atm)),
    ("bcc", Kw::LinkSpecific(Family::Atm)),
    ("oam", Kw::LinkSpecific(Family::Atm)),
    ("oamf4", Kw::LinkSpecific(Family::Atm)),
    ("oamf4ec", Kw::LinkSpecific(Family::Atm)),
    ("oamf4sc", Kw::LinkSpecific(Family::Atm)),
    ("sc", Kw::LinkSpecific(Family::Atm)),
    ("ilmic", Kw::LinkSpecific(Family::Atm)),
    ("vpi", Kw::LinkSpecific(Family::Atm)),
    ("vci", Kw::LinkSpecific(Family::Atm)),
    ("connectmsg", Kw::LinkSpecific(Family::Atm)),
    ("metaconnect", Kw::LinkSpecific(Family::Atm)),
    ("on", Kw::LinkSpecific(Family::Pf)),
    ("ifname", Kw::LinkSpecific(Family::Pf)),
    ("rset", Kw::LinkSpecific(Family::Pf)),
    ("ruleset", Kw::LinkSpecific(Family::Pf)),
    ("rnr", Kw::PfRnr),
    ("rulenum", Kw::PfRnr),
    ("srnr", Kw::LinkSpecific(Family::Pf)),
    ("subrulenum", Kw::LinkSpecific(Family::Pf)),
    ("reason", Kw::LinkSpecific(Family::Pf)),
    ("action", Kw::LinkSpecific(Family::Pf)),
    ("fisu", Kw::LinkSpecific(Family::Mtp)),
    ("lssu", Kw::LinkSpecific(Family::Mtp)),
    ("lsu", Kw::LinkSpecific(Family::Mtp)),
    ("msu", Kw::LinkSpecific(Family::Mtp)),
    ("hfisu", Kw::LinkSpecific(Family::Mtp)),
    ("hlssu", Kw::LinkSpecific(Family::Mtp)),
    ("hmsu", Kw::LinkSpecific(Family::Mtp)),
    ("sio", Kw::LinkSpecific(Family::Mtp)),
    ("opc", Kw::LinkSpecific(Family::Mtp)),
    ("dpc", Kw::LinkSpecific(Family::Mtp)),
    ("sls", Kw::LinkSpecific(Family::Mtp)),
    ("hsio", Kw::LinkSpecific(Family::Mtp)),
    ("hopc", Kw::LinkSpecific(Family::Mtp)),
    ("hdpc", Kw::LinkSpecific(Family::Mtp)),
    ("hsls", Kw::LinkSpecific(Family::Mtp)),
];

/// Whether `word` is a keyword of the filter language.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|(k, _)| *k == word)
}

/// Named constants that scanner.l turns into numbers.
const CONSTANTS: &[(&str, u32)] = &[
    ("icmptype", 0),
    ("icmpcode", 1),
    ("icmp-echoreply", 0),
    ("icmp-unreach", 3),
    ("icmp-sourcequench", 4),
    ("icmp-redirect", 5),
    ("icmp-echo", 8),
    ("icmp-routeradvert", 9),
    ("icmp-routersolicit", 10),
    ("icmp-timxceed", 11),
    ("icmp-paramprob", 12),
    ("icmp-tstamp", 13),
    ("icmp-tstampreply", 14),
    ("icmp-ireq", 15),
    ("icmp-ireqreply", 16),
    ("icmp-maskreq", 17),
    ("icmp-maskreply", 18),
    ("icmp6type", 0),
    ("icmp6code", 1),
    ("icmp6-destinationunreach", 1),
    ("icmp6-packettoobig", 2),
    ("icmp6-timeexceeded", 3),
    ("icmp6-parameterproblem", 4),
    ("icmp6-echo", 128),
    ("icmp6-echoreply", 129),
    ("icmp6-multicastlistenerquery", 130),
    ("icmp6-multicastlistenerreportv1", 131),
    ("icmp6-multicastlistenerdone", 132),
    ("icmp6-routersolicit", 133),
    ("icmp6-routeradvert", 134),
    ("icmp6-neighborsolicit", 135),
    ("icmp6-neighboradvert", 136),
    ("icmp6-redirect", 137),
    ("icmp6-routerrenum", 138),
    ("icmp6-nodeinformationquery", 139),
    ("icmp6-nodeinformationresponse", 140),
    ("icmp6-ineighbordiscoverysolicit", 141),
    ("icmp6-ineighbordiscoveryadvert", 142),
    ("icmp6-multicastlistenerreportv2", 143),
    ("icmp6-homeagentdiscoveryrequest", 144),
    ("icmp6-homeagentdiscoveryreply", 145),
    ("icmp6-mobileprefixsolicit", 146),
    ("icmp6-mobileprefixadvert", 147),
    ("icmp6-certpathsolicit", 148),
    ("icmp6-certpathadvert", 149),
    ("icmp6-multicastrouteradvert", 151),
    ("icmp6-multicastroutersolicit", 152),
    ("icmp6-multicastrouterterm", 153),
    ("tcpflags", 13),
    ("tcp-fin", 0x01),
    ("tcp-syn", 0x02),
    ("tcp-rst", 0x04),
    ("tcp-push", 0x08),
    ("tcp-ack", 0x10),
    ("tcp-urg", 0x20),
    ("tcp-ece", 0x40),
    ("tcp-cwr", 0x80),
];

/// Punctuation and operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Punct {
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Colon,
    LBracket,
    RBracket,
    /// `!` (the same token as `not`, but kept apart for messages).
    Bang,
    Lt,
    Gt,
    LParen,
    RParen,
    Amp,
    Pipe,
    Caret,
    /// `=` and `==`.
    Eq,
    Ge,
    Le,
    Ne,
    Shl,
    Shr,
    /// `&&` (same as `and`).
    AndAnd,
    /// `||` (same as `or`).
    OrOr,
}

const PUNCT2: &[(&str, Punct)] = &[
    (">=", Punct::Ge),
    ("<=", Punct::Le),
    ("!=", Punct::Ne),
    ("==", Punct::Eq),
    ("<<", Punct::Shl),
    (">>", Punct::Shr),
    ("&&", Punct::AndAnd),
    ("||", Punct::OrOr),
];

fn punct1(c: u8) -> Option<Punct> {
    Some(match c {
        b'+' => Punct::Plus,
        b'-' => Punct::Minus,
        b'*' => Punct::Star,
        b'/' => Punct::Slash,
        b'%' => Punct::Percent,
        b':' => Punct::Colon,
        b'[' => Punct::LBracket,
        b']' => Punct::RBracket,
        b'!' => Punct::Bang,
        b'<' => Punct::Lt,
        b'>' => Punct::Gt,
        b'(' => Punct::LParen,
        b')' => Punct::RParen,
        b'&' => Punct::Amp,
        b'|' => Punct::Pipe,
        b'^' => Punct::Caret,
        b'=' => Punct::Eq,
        _ => return None,
    })
}

/// A token's kind and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Kw(Kw),
    Punct(Punct),
    /// A number, or a named constant (`tcp-syn`) — scanner.l's NUM.
    Num(u32),
    /// Dotted IPv4 address with 2–4 parts (HID), as written.
    Hid(String),
    /// An IPv6 address (HID6).
    Hid6([u8; 16]),
    /// An Ethernet address (EID).
    Eid([u8; 6]),
    /// An ARCnet address `$x` or `$xy` (AID), as the address byte libpcap 1.10
    /// compares: see [`arcnet_byte`].
    Aid(u8),
    /// A name (ID), also a `\`-escaped keyword with the backslash removed.
    Id(String),
    /// Text that is no token, or a malformed number or address: the message.
    Bad(String),
    /// End of the expression.
    End,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Splits the whole expression into tokens; the last one is [`Tok::End`].
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut out = Vec::new();
    loop {
        while let Some(c) = bytes.get(pos) {
            if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
                pos += 1;
            } else {
                break;
            }
        }
        if pos >= bytes.len() {
            out.push(Token {
                tok: Tok::End,
                span: Span::new(bytes.len(), bytes.len()),
            });
            return out;
        }
        let (len, tok) = next_token(text, pos);
        out.push(Token {
            tok,
            span: Span::new(pos, pos + len),
        });
        pos += len;
    }
}

/// Priorities for equally long matches: scanner.l's rule order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rule {
    Keyword,
    Punct,
    Aid,
    Mac,
    Num,
    Hid,
    V6,
    BogusMac,
    Constant,
    Id,
    Escaped,
}

/// The longest token at `pos` (never empty: a stray character is a one-character
/// `Bad` token).
fn next_token(text: &str, pos: usize) -> (usize, Tok) {
    let s = text.as_bytes();
    let rest = &s[pos..];
    let mut best: Option<(usize, Rule)> = None;
    let mut offer = |len: Option<usize>, rule: Rule| {
        if let Some(len) = len.filter(|&l| l > 0) {
            let better = match best {
                None => true,
                Some((bl, br)) => len > bl || (len == bl && rule < br),
            };
            if better {
                best = Some((len, rule));
            }
        }
    };
    let word = id_len(rest);
    if let Some(w) = word {
        let t = &text[pos..pos + w];
        if KEYWORDS.iter().any(|(k, _)| *k == t) {
            offer(Some(w), Rule::Keyword);
        }
        if CONSTANTS.iter().any(|(k, _)| *k == t) {
            offer(Some(w), Rule::Constant);
        }
    }
    offer(punct_len(rest), Rule::Punct);
    offer(aid_len(rest), Rule::Aid);
    offer(mac_len(rest), Rule::Mac);
    offer(num_len(rest), Rule::Num);
    offer(hid_len(rest), Rule::Hid);
    offer(v6_len(rest), Rule::V6);
    offer(bogus_mac_len(rest), Rule::BogusMac);
    offer(word, Rule::Id);
    offer(escaped_len(rest), Rule::Escaped);

    let Some((len, rule)) = best else {
        // scanner.l's `.` rule: any other character is an error.
        let ch = text[pos..].chars().next().unwrap_or('?');
        let shown = if ch.is_control() {
            format!("character {:?}", ch)
        } else {
            format!("character '{ch}'")
        };
        return (
            ch.len_utf8(),
            Tok::Bad(format!(
                "unexpected {shown}: not part of the filter language"
            )),
        );
    };
    let t = &text[pos..pos + len];
    let tok = match rule {
        Rule::Keyword => KEYWORDS
            .iter()
            .find(|(k, _)| *k == t)
            .map_or_else(|| Tok::Id(t.to_owned()), |(_, kw)| Tok::Kw(*kw)),
        Rule::Constant => CONSTANTS
            .iter()
            .find(|(k, _)| *k == t)
            .map_or_else(|| Tok::Id(t.to_owned()), |(_, v)| Tok::Num(*v)),
        Rule::Punct => {
            let p = if len == 2 {
                PUNCT2.iter().find(|(k, _)| *k == t).map(|(_, p)| *p)
            } else {
                punct1(rest[0])
            };
            p.map_or_else(|| Tok::Bad(format!("unexpected '{t}'")), Tok::Punct)
        }
        Rule::Aid => Tok::Aid(arcnet_byte(t)),
        Rule::Mac => Tok::Eid(ether_aton(t)),
        Rule::Num => match number_value(t) {
            Ok(v) => Tok::Num(v),
            Err(msg) => Tok::Bad(msg),
        },
        Rule::Hid => Tok::Hid(t.to_owned()),
        Rule::V6 => match t.parse::<std::net::Ipv6Addr>() {
            Ok(a) => Tok::Hid6(a.octets()),
            Err(_) => Tok::Bad(format!("bogus IPv6 address '{t}'")),
        },
        Rule::BogusMac => Tok::Bad(format!("bogus Ethernet address '{t}'")),
        Rule::Id => Tok::Id(t.to_owned()),
        Rule::Escaped => Tok::Id(t[1..].to_owned()),
    };
    (len, tok)
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// `[A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?`
fn id_len(s: &[u8]) -> Option<usize> {
    if !s.first()?.is_ascii_alphanumeric() {
        return None;
    }
    let run = s
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        .count();
    // The last character may not be '-' or '_': back off to the last one allowed.
    let mut end = run;
    while end > 1 && matches!(s[end - 1], b'-' | b'_') {
        end -= 1;
    }
    Some(end)
}

fn punct_len(s: &[u8]) -> Option<usize> {
    if let Some(two) = s.get(..2)
        && PUNCT2.iter().any(|(k, _)| k.as_bytes() == two)
    {
        return Some(2);
    }
    punct1(*s.first()?).map(|_| 1)
}

/// nom: 1–2 hex digits (scanner.l's `B`).
fn hex_byte(i: &[u8]) -> IResult<&[u8], &[u8]> {
    take_while_m_n(1, 2, is_hex)(i)
}

/// The address byte libpcap 1.10 compares for an ARCnet address token (`$`
/// and 1–2 hex digits). Its `gen_acode` hands the whole token, `$` included, to
/// `pcap_ether_aton`, whose digit conversion takes `$` for the digit 0xed: the
/// first byte is `(0xed << 4 | first digit) & 0xff`, that is `0xd0 | first
/// digit`, and a second digit lands in a byte nothing compares. So `$0e` is
/// 0xd0 and `$e` 0xde, as tcpdump 4.99 with libpcap 1.10 filters them.
fn arcnet_byte(token: &str) -> u8 {
    let first = token
        .as_bytes()
        .get(1)
        .and_then(|&c| char::from(c).to_digit(16))
        .unwrap_or(0);
    0xd0 | first as u8
}

/// `$` followed by 1–2 hex digits.
fn aid_len(s: &[u8]) -> Option<usize> {
    let (rest, _) = (nom_char::<&[u8], nom::error::Error<&[u8]>>('$'), hex_byte)
        .parse(s)
        .ok()?;
    Some(s.len() - rest.len())
}

/// scanner.l's `N`: decimal digits, or `0x` and hex digits. Longest of the two.
fn num_len(s: &[u8]) -> Option<usize> {
    let dec: IResult<&[u8], &[u8]> = take_while1(|c: u8| c.is_ascii_digit())(s);
    let hex: IResult<&[u8], (&[u8], &[u8])> =
        (tag_no_case(&b"0x"[..]), take_while1(is_hex)).parse(s);
    let d = dec.ok().map(|(r, _)| s.len() - r.len());
    let h = hex.ok().map(|(r, _)| s.len() - r.len());
    d.max(h)
}

/// Dotted quad with 2, 3 or 4 `N` parts.
fn hid_len(s: &[u8]) -> Option<usize> {
    let mut end = num_len(s)?;
    let mut parts = 1;
    let mut best = None;
    while parts < 4 {
        if s.get(end) != Some(&b'.') {
            break;
        }
        let Some(n) = num_len(&s[end + 1..]) else {
            break;
        };
        end += 1 + n;
        parts += 1;
        best = Some(end);
    }
    best
}

/// Ethernet address forms: `B:B:B:B:B:B`, `B-B-…`, `B.B.…`, `B2.B2.B2`, `B2B2B2`.
fn mac_len(s: &[u8]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for sep in [b':', b'-', b'.'] {
        let mut end = 0;
        let mut ok = true;
        for i in 0..6 {
            if i > 0 {
                if s.get(end) != Some(&sep) {
                    ok = false;
                    break;
                }
                end += 1;
            }
            match hex_byte(&s[end..]) {
                Ok((r, _)) => end = s.len() - r.len(),
                Err(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            best = best.max(Some(end));
        }
    }
    let quad = |at: usize| s.get(at..at + 4).filter(|q| q.iter().all(|&c| is_hex(c)));
    // B2.B2.B2
    if quad(0).is_some()
        && s.get(4) == Some(&b'.')
        && quad(5).is_some()
        && s.get(9) == Some(&b'.')
        && quad(10).is_some()
    {
        best = best.max(Some(14));
    }
    // B2{3}: twelve hex digits
    if quad(0).is_some() && quad(4).is_some() && quad(8).is_some() {
        best = best.max(Some(12));
    }
    best
}

/// `{B}:+({B}:+)+` — colon-separated hex that is no valid address: an error token.
fn bogus_mac_len(s: &[u8]) -> Option<usize> {
    let mut end = 0;
    let mut groups = 0;
    while let Ok((r, _)) = hex_byte(&s[end..]) {
        let after_hex = s.len() - r.len();
        let colons = s[after_hex..].iter().take_while(|&&c| c == b':').count();
        if colons == 0 {
            break;
        }
        end = after_hex + colons;
        groups += 1;
    }
    (groups >= 2).then_some(end)
}

/// `\` followed by characters other than space, `!`, `(`, `)`, newline, tab.
fn escaped_len(s: &[u8]) -> Option<usize> {
    if s.first() != Some(&b'\\') {
        return None;
    }
    let n = s[1..]
        .iter()
        .take_while(|c| !matches!(c, b' ' | b'!' | b'(' | b')' | b'\n' | b'\t'))
        .count();
    (n > 0).then_some(n + 1)
}

/// End positions reachable from `starts` through one `W` (1–4 hex digits).
fn w_ends(s: &[u8], starts: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &p in starts {
        for n in 1..=4 {
            match s.get(p..p + n) {
                Some(g) if g.iter().all(|&c| is_hex(c)) => out.push(p + n),
                _ => break,
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn lit_ends(s: &[u8], starts: &[usize], lit: &[u8]) -> Vec<usize> {
    starts
        .iter()
        .filter(|&&p| s.get(p..p + lit.len()) == Some(lit))
        .map(|&p| p + lit.len())
        .collect()
}

/// `count` groups `W` separated by `:` (zero groups: `starts` unchanged).
fn groups_ends(s: &[u8], starts: &[usize], count: usize) -> Vec<usize> {
    let mut cur = starts.to_vec();
    for i in 0..count {
        if i > 0 {
            cur = lit_ends(s, &cur, b":");
        }
        cur = w_ends(s, &cur);
        if cur.is_empty() {
            break;
        }
    }
    cur
}

/// `N.N.N.N` (the IPv4 tail of an IPv6 address).
fn quad_ends(s: &[u8], starts: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &p in starts {
        let mut end = p;
        let mut ok = true;
        for i in 0..4 {
            if i > 0 {
                if s.get(end) != Some(&b'.') {
                    ok = false;
                    break;
                }
                end += 1;
            }
            match s.get(end..).and_then(num_len) {
                Some(n) => end += n,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(end);
        }
    }
    out
}

/// scanner.l's `V6`: eight groups, or fewer with one `::`, optionally ending in a
/// dotted IPv4 address (then six groups, or fewer with `::`).
fn v6_len(s: &[u8]) -> Option<usize> {
    // Every form contains "::" or seven ':'; skip the alternatives quickly otherwise.
    let run = s
        .iter()
        .take_while(|&&c| is_hex(c) || c == b':' || c == b'.' || c == b'x' || c == b'X')
        .count();
    if !s[..run].contains(&b':') {
        return None;
    }
    let mut best = None;
    let mut note = |ends: &[usize]| {
        if let Some(&m) = ends.iter().max() {
            best = best.max(Some(m));
        }
    };
    note(&groups_ends(s, &[0], 8));
    let six = groups_ends(s, &[0], 6);
    note(&quad_ends(s, &lit_ends(s, &six, b":")));
    for total in 0..=7usize {
        for before in 0..=total {
            let head = groups_ends(s, &[0], before);
            let mid = lit_ends(s, &head, b"::");
            if mid.is_empty() {
                continue;
            }
            note(&groups_ends(s, &mid, total - before));
            if total <= 5 {
                // The groups after `::` are each followed by `:`, then the quad.
                let mut cur = mid;
                for _ in 0..total - before {
                    cur = lit_ends(s, &w_ends(s, &cur), b":");
                }
                note(&quad_ends(s, &cur));
            }
        }
    }
    best
}

/// libpcap's stoulen: decimal, `0x` hex, or octal with a leading `0`.
fn number_value(t: &str) -> Result<u32, String> {
    let (digits, radix) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (h, 16)
    } else if t.len() > 1 && t.starts_with('0') {
        (&t[1..], 8)
    } else {
        (t, 10)
    };
    if radix == 8 && digits.bytes().any(|c| c > b'7') {
        return Err(format!("number {t} contains non-octal digit"));
    }
    let mut v: u32 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).ok_or_else(|| format!("bad number {t}"))?;
        v = v
            .checked_mul(radix)
            .and_then(|v| v.checked_add(d))
            .ok_or_else(|| format!("number {t} overflows 32 bits"))?;
    }
    Ok(v)
}

/// libpcap's pcap_ether_aton: 1–2 hex digits per byte, separators skipped.
fn ether_aton(t: &str) -> [u8; 6] {
    let b = t.as_bytes();
    let mut out = [0u8; 6];
    let mut i = 0;
    let mut n = 0;
    while i < b.len() && n < 6 {
        if matches!(b[i], b':' | b'.' | b'-') {
            i += 1;
            continue;
        }
        let hi = hexval(b[i]);
        i += 1;
        let mut d = hi;
        if let Some(&c) = b.get(i)
            && is_hex(c)
        {
            d = (d << 4) | hexval(c);
            i += 1;
        }
        out[n] = d;
        n += 1;
    }
    out
}

fn hexval(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn longest_match_decides() {
        assert_eq!(
            toks("tcp"),
            vec![Tok::Kw(Kw::Pname(ProtoQual::Tcp)), Tok::End]
        );
        assert_eq!(toks("tcp1"), vec![Tok::Id("tcp1".into()), Tok::End]);
        assert_eq!(toks("10"), vec![Tok::Num(10), Tok::End]);
        assert_eq!(toks("10.1"), vec![Tok::Hid("10.1".into()), Tok::End]);
        assert_eq!(
            toks("10.1.2.3."),
            vec![Tok::Id("10.1.2.3.".into()), Tok::End]
        );
        assert_eq!(
            toks("1.2.3.4.5"),
            vec![Tok::Id("1.2.3.4.5".into()), Tok::End]
        );
        assert_eq!(toks("tcp-syn"), vec![Tok::Num(2), Tok::End]);
        assert_eq!(toks("0x"), vec![Tok::Id("0x".into()), Tok::End]);
        assert_eq!(
            toks("123456789012"),
            vec![Tok::Eid([0x12, 0x34, 0x56, 0x78, 0x90, 0x12]), Tok::End]
        );
        assert_eq!(
            toks("a-"),
            vec![Tok::Id("a".into()), Tok::Punct(Punct::Minus), Tok::End]
        );
    }

    #[test]
    fn addresses() {
        assert_eq!(
            toks("1:2:3:4:5:6"),
            vec![Tok::Eid([1, 2, 3, 4, 5, 6]), Tok::End]
        );
        assert_eq!(
            toks("a.b.c.d.e.f"),
            vec![Tok::Eid([10, 11, 12, 13, 14, 15]), Tok::End]
        );
        assert_eq!(
            toks("0102.0304.0506"),
            vec![Tok::Eid([1, 2, 3, 4, 5, 6]), Tok::End]
        );
        let mut one = [0u8; 16];
        one[15] = 1;
        assert_eq!(toks("::1"), vec![Tok::Hid6(one), Tok::End]);
        assert!(matches!(toks("::ffff:1.2.3.4")[0], Tok::Hid6(_)));
        assert!(matches!(toks("1:2:3:4:5:6::")[0], Tok::Hid6(_)));
        assert!(matches!(toks("1:2:")[0], Tok::Bad(_)));
        // libpcap 1.10's byte: 0xd0 | the first digit (see `arcnet_byte`).
        assert_eq!(toks("$1f"), vec![Tok::Aid(0xd1), Tok::End]);
        assert_eq!(toks("$e"), vec![Tok::Aid(0xde), Tok::End]);
        assert_eq!(toks("$0e"), vec![Tok::Aid(0xd0), Tok::End]);
        assert_eq!(toks("$A4"), vec![Tok::Aid(0xda), Tok::End]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("010"), vec![Tok::Num(8), Tok::End]);
        assert_eq!(toks("0x1F"), vec![Tok::Num(31), Tok::End]);
        assert_eq!(toks("4294967295"), vec![Tok::Num(u32::MAX), Tok::End]);
        assert!(matches!(&toks("4294967296")[0], Tok::Bad(m) if m.contains("overflows")));
        assert!(matches!(&toks("09")[0], Tok::Bad(m) if m.contains("non-octal")));
    }

    #[test]
    fn escapes_and_operators() {
        assert_eq!(toks("\\tcp"), vec![Tok::Id("tcp".into()), Tok::End]);
        assert_eq!(
            toks("a&&b"),
            vec![
                Tok::Id("a".into()),
                Tok::Punct(Punct::AndAnd),
                Tok::Id("b".into()),
                Tok::End
            ]
        );
        assert!(matches!(toks("é")[0], Tok::Bad(_)));
        assert!(matches!(toks("\u{b}")[0], Tok::Bad(_)));
    }
}
