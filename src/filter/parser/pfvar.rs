//! grammar.y's `pfvar` primitives (OpenBSD pf log headers): `on`/`ifname NAME`,
//! `rset`/`ruleset NAME`, `rnr`/`rulenum N`, `srnr`/`subrulenum N`,
//! `reason NAME|N`, `action NAME`, with libpcap 1.10's names for reasons and
//! actions (those of every platform).

use super::super::ast::{PfTest, PrimKind, Span};
use super::super::error::FilterError;
use super::lexer::Tok;
use super::{Item, Parser, Result};

const REASONS: &[&str] = &[
    "match",
    "bad-offset",
    "fragment",
    "short",
    "normalize",
    "memory",
    "bad-timestamp",
    "congestion",
    "ip-option",
    "proto-cksum",
    "state-mismatch",
    "state-insert",
    "state-limit",
    "src-limit",
    "synproxy",
];

const ACTIONS: &[(&str, u32)] = &[
    ("pass", 0),
    ("accept", 0),
    ("drop", 1),
    ("block", 1),
    ("scrub", 2),
    ("noscrub", 3),
    ("nat", 4),
    ("nonat", 5),
    ("binat", 6),
    ("nobinat", 7),
    ("rdr", 8),
    ("nordr", 9),
    ("synproxy-drop", 10),
];

impl Parser<'_> {
    /// A pf keyword at the current token and its argument.
    pub(super) fn pfvar(&mut self, start: Span) -> Result<Item> {
        let kw = self.bump();
        let word = self.text_of(kw.span).to_owned();
        let t = self.peek().clone();
        let test = match (word.as_str(), &t.tok) {
            ("on" | "ifname", Tok::Id(name)) => PfTest::Ifname(name.clone()),
            ("rset" | "ruleset", Tok::Id(name)) => PfTest::Ruleset(name.clone()),
            ("rnr" | "rulenum", Tok::Num(n)) => PfTest::Rnr(*n),
            ("srnr" | "subrulenum", Tok::Num(n)) => PfTest::Srnr(*n),
            ("reason", Tok::Num(n)) => PfTest::Reason(*n),
            ("reason", Tok::Id(name)) => {
                let n = REASONS
                    .iter()
                    .position(|r| r.eq_ignore_ascii_case(name))
                    .ok_or_else(|| {
                        FilterError::new(format!("unknown PF reason \"{name}\""), t.span)
                    })?;
                PfTest::Reason(n as u32)
            }
            ("action", Tok::Id(name)) => {
                let n = ACTIONS
                    .iter()
                    .find(|(a, _)| a.eq_ignore_ascii_case(name))
                    .map(|&(_, v)| v)
                    .ok_or_else(|| {
                        FilterError::new(format!("unknown PF action \"{name}\""), t.span)
                    })?;
                PfTest::Action(n)
            }
            _ => {
                let what = match word.as_str() {
                    "on" | "ifname" => "an interface name",
                    "rset" | "ruleset" => "a ruleset name",
                    "rnr" | "rulenum" | "srnr" | "subrulenum" => "a rule number",
                    "reason" => "a pf reason name or number",
                    _ => "a pf action name",
                };
                return Err(self.unexpected(&format!("'{word}' wants {what}")));
            }
        };
        self.bump();
        Ok(self.other(PrimKind::Pf(test), start.to(t.span)))
    }
}
