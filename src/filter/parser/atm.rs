//! grammar.y's SunATM primitives: the abbreviations `lane`, `metac`, `bcc`,
//! `oamf4sc`, `oamf4ec`, `sc`, `ilmic`, `oam`, `oamf4`, `connectmsg`,
//! `metaconnect`, and `vpi`/`vci` followed by a number, a comparison and a
//! number, or a parenthesized list of numbers joined by `or`.

use super::super::ast::{AtmTest, PrimKind, Span};
use super::{Item, Parser, Result};

impl Parser<'_> {
    /// An ATM keyword at the current token, and its value for `vpi`/`vci`.
    pub(super) fn atm(&mut self, start: Span) -> Result<Item> {
        let kw = self.bump();
        let word = self.text_of(kw.span).to_ascii_lowercase();
        if word != "vpi" && word != "vci" {
            return Ok(self.other(PrimKind::Atm(AtmTest::Abbrev(word)), start));
        }
        let vci = word == "vci";
        let (tests, span) = self.compared_values(&word, kw.span, "an ATM")?;
        Ok(self.other(PrimKind::Atm(AtmTest::Field { vci, tests }), start.to(span)))
    }
}
