//! grammar.y's SunATM primitives: the abbreviations `lane`, `metac`, `bcc`,
//! `oamf4sc`, `oamf4ec`, `sc`, `ilmic`, `oam`, `oamf4`, `connectmsg`,
//! `metaconnect`, and `vpi`/`vci` followed by a number, a comparison and a
//! number, or a parenthesized list of numbers joined by `or`.

use super::super::ast::{AtmTest, PrimKind, RelOp, Span};
use super::lexer::{Kw, Punct, Tok};
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
        let mut tests = Vec::new();
        let mut end = kw.span;
        let op = match self.peek().tok {
            Tok::Punct(Punct::Gt) => Some(RelOp::Gt),
            Tok::Punct(Punct::Ge) => Some(RelOp::Ge),
            Tok::Punct(Punct::Eq) => Some(RelOp::Eq),
            Tok::Punct(Punct::Lt) => Some(RelOp::Lt),
            Tok::Punct(Punct::Le) => Some(RelOp::Le),
            Tok::Punct(Punct::Ne) => Some(RelOp::Ne),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            tests.push((op, self.atm_number(&word)?));
        } else if self.peek().tok == Tok::Punct(Punct::LParen) {
            self.bump();
            loop {
                tests.push((RelOp::Eq, self.atm_number(&word)?));
                match self.peek().tok {
                    Tok::Kw(Kw::Or) | Tok::Punct(Punct::OrOr) => {
                        self.bump();
                    }
                    Tok::Punct(Punct::RParen) => break,
                    _ => return Err(self.unexpected("expected 'or' or ')' in an ATM value list")),
                }
            }
            end = self.bump().span;
        } else {
            tests.push((RelOp::Eq, self.atm_number(&word)?));
        }
        if end == kw.span {
            end = self.span_of(self.pos.saturating_sub(1));
        }
        Ok(self.other(PrimKind::Atm(AtmTest::Field { vci, tests }), start.to(end)))
    }

    /// A number after `vpi`/`vci`.
    fn atm_number(&mut self, word: &str) -> Result<u32> {
        match self.peek().tok {
            Tok::Num(n) => {
                self.bump();
                Ok(n)
            }
            _ => Err(self.unexpected(&format!("'{word}' wants a number"))),
        }
    }
}
