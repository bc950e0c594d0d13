//! grammar.y's SS7 primitives: the MTP2 signal unit types `fisu`, `lssu` (or
//! `lsu`), `msu`, and the MTP3 fields `sio`, `opc`, `dpc`, `sls` followed by a
//! number, a comparison and a number, or a parenthesized list of numbers joined
//! by `or`; each also in a high-speed-link form with an `h` in front.

use super::super::ast::{Mtp3Field, MtpTest, PrimKind, SignalUnit, Span};
use super::{Item, Parser, Result};

impl Parser<'_> {
    /// An SS7 keyword at the current token, and its value for the fields.
    pub(super) fn mtp(&mut self, start: Span) -> Result<Item> {
        let kw = self.bump();
        let word = self.text_of(kw.span).to_owned();
        let (hsl, base) = match word.strip_prefix('h') {
            Some(rest) => (true, rest),
            None => (false, word.as_str()),
        };
        let unit = match base {
            "fisu" => Some(SignalUnit::Fisu),
            "lssu" | "lsu" => Some(SignalUnit::Lssu),
            "msu" => Some(SignalUnit::Msu),
            _ => None,
        };
        if let Some(kind) = unit {
            return Ok(self.other(PrimKind::Mtp(MtpTest::Unit { kind, hsl }), start));
        }
        let field = match base {
            "sio" => Mtp3Field::Sio,
            "opc" => Mtp3Field::Opc,
            "dpc" => Mtp3Field::Dpc,
            _ => Mtp3Field::Sls,
        };
        let (tests, span) = self.compared_values(&word, kw.span, "an SS7")?;
        Ok(self.other(
            PrimKind::Mtp(MtpTest::Field { field, hsl, tests }),
            start.to(span),
        ))
    }
}
