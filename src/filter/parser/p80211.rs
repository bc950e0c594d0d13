//! grammar.y's `p80211` primitives: `type T [subtype S]`, `subtype S`, `dir D`,
//! with libpcap's names for 802.11 frame types, subtypes and directions.

use super::super::ast::{PrimKind, Span};
use super::super::error::FilterError;
use super::lexer::{Kw, Tok};
use super::{Item, Parser, Result};

/// Frame type values (the 0x0c bits of the first frame control byte).
const TYPE_MGT: u32 = 0x00;
const TYPE_CTL: u32 = 0x04;
const TYPE_DATA: u32 = 0x08;
const TYPE_MASK: u32 = 0x0c;
const SUBTYPE_MASK: u32 = 0xf0;

const TYPES: &[(&str, u32)] = &[
    ("data", TYPE_DATA),
    ("mgt", TYPE_MGT),
    ("management", TYPE_MGT),
    ("ctl", TYPE_CTL),
    ("control", TYPE_CTL),
];

const MGT_SUBTYPES: &[(&str, u32)] = &[
    ("assocreq", 0x00),
    ("assoc-req", 0x00),
    ("assocresp", 0x10),
    ("assoc-resp", 0x10),
    ("reassocreq", 0x20),
    ("reassoc-req", 0x20),
    ("reassocresp", 0x30),
    ("reassoc-resp", 0x30),
    ("probereq", 0x40),
    ("probe-req", 0x40),
    ("proberesp", 0x50),
    ("probe-resp", 0x50),
    ("beacon", 0x80),
    ("atim", 0x90),
    ("disassoc", 0xa0),
    ("disassociation", 0xa0),
    ("auth", 0xb0),
    ("authentication", 0xb0),
    ("deauth", 0xc0),
    ("deauthentication", 0xc0),
];

/// libpcap 1.10 has no names for BAR (0x80) and BA (0x90).
const CTL_SUBTYPES: &[(&str, u32)] = &[
    ("ps-poll", 0xa0),
    ("rts", 0xb0),
    ("cts", 0xc0),
    ("ack", 0xd0),
    ("cf-end", 0xe0),
    ("cf-end-ack", 0xf0),
];

const DATA_SUBTYPES: &[(&str, u32)] = &[
    ("data", 0x00),
    ("data-cf-ack", 0x10),
    ("data-cf-poll", 0x20),
    ("data-cf-ack-poll", 0x30),
    ("null", 0x40),
    ("cf-ack", 0x50),
    ("cf-poll", 0x60),
    ("cf-ack-poll", 0x70),
    ("qos-data", 0x80),
    ("qos-data-cf-ack", 0x90),
    ("qos-data-cf-poll", 0xa0),
    ("qos-data-cf-ack-poll", 0xb0),
    ("qos", 0xc0),
    ("qos-cf-poll", 0xe0),
    ("qos-cf-ack-poll", 0xf0),
];

/// Each type's subtype names, in the order libpcap searches them.
const SUBTYPES: &[(u32, &[(&str, u32)])] = &[
    (TYPE_MGT, MGT_SUBTYPES),
    (TYPE_CTL, CTL_SUBTYPES),
    (TYPE_DATA, DATA_SUBTYPES),
];

const DIRECTIONS: &[(&str, u32)] = &[("nods", 0), ("tods", 1), ("fromds", 2), ("dstods", 3)];

/// libpcap's `str2tok`: case-insensitive.
fn lookup(name: &str, table: &[(&str, u32)]) -> Option<u32> {
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, v)| v)
}

impl Parser<'_> {
    /// `type …`, `subtype …` or `dir …` at the current token (after an optional
    /// protocol name, which grammar.y accepts and ignores); `start` is where the
    /// primitive began.
    pub(super) fn p80211(&mut self, start: Span) -> Result<Item> {
        let kw = self.bump();
        let (kind, end) = match kw.tok {
            Tok::Kw(Kw::Type) => {
                let (ty, mut end) = self.wlan_value(
                    "'type' wants an 802.11 frame type (mgt, ctl, data or a number)",
                    |n| {
                        (n & !TYPE_MASK == 0)
                            .then_some(n)
                            .ok_or_else(|| format!("invalid 802.11 type value 0x{n:02x}"))
                    },
                    |name| {
                        lookup(name, TYPES)
                            .ok_or_else(|| format!("unknown 802.11 type name \"{name}\""))
                    },
                )?;
                let mut value = ty;
                let mut mask = TYPE_MASK;
                if self.peek().tok == Tok::Kw(Kw::Subtype) {
                    self.bump();
                    let (sub, e) = self.wlan_value(
                        "'subtype' wants an 802.11 frame subtype name or number",
                        |n| {
                            (n & !SUBTYPE_MASK == 0)
                                .then_some(n)
                                .ok_or_else(|| format!("invalid 802.11 subtype value 0x{n:02x}"))
                        },
                        |name| {
                            let table = SUBTYPES
                                .iter()
                                .find(|(t, _)| *t == ty)
                                .map(|&(_, tab)| tab)
                                .ok_or_else(|| "unknown 802.11 type".to_owned())?;
                            lookup(name, table)
                                .ok_or_else(|| format!("unknown 802.11 subtype name \"{name}\""))
                        },
                    )?;
                    value |= sub;
                    mask |= SUBTYPE_MASK;
                    end = e;
                }
                (PrimKind::WlanType { value, mask }, end)
            }
            Tok::Kw(Kw::Subtype) => {
                let t = self.peek().clone();
                let Tok::Id(name) = &t.tok else {
                    return Err(self.unexpected("'subtype' wants an 802.11 frame subtype name"));
                };
                let value = SUBTYPES
                    .iter()
                    .find_map(|&(ty, table)| lookup(name, table).map(|v| v | ty))
                    .ok_or_else(|| FilterError::new("unknown 802.11 type name", t.span))?;
                self.bump();
                (
                    PrimKind::WlanType {
                        value,
                        mask: TYPE_MASK | SUBTYPE_MASK,
                    },
                    t.span,
                )
            }
            _ => {
                let (dir, end) = self.wlan_value(
                    "'dir' wants an 802.11 direction (nods, tods, fromds, dstods or a number)",
                    Ok,
                    |name| {
                        lookup(name, DIRECTIONS)
                            .ok_or_else(|| "unknown 802.11 direction".to_owned())
                    },
                )?;
                (PrimKind::WlanDir(dir), end)
            }
        };
        Ok(self.other(kind, start.to(end)))
    }

    /// A NUM (checked by `num`) or an ID (looked up by `name`).
    fn wlan_value(
        &mut self,
        what: &str,
        num: impl Fn(u32) -> std::result::Result<u32, String>,
        name: impl Fn(&str) -> std::result::Result<u32, String>,
    ) -> Result<(u32, Span)> {
        let t = self.peek().clone();
        let v = match &t.tok {
            Tok::Num(n) => num(*n),
            Tok::Id(s) => name(s),
            _ => return Err(self.unexpected(what)),
        };
        let v = v.map_err(|m| FilterError::new(m, t.span))?;
        self.bump();
        Ok((v, t.span))
    }
}
