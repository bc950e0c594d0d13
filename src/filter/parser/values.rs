//! The value part shared by grammar.y's SunATM and SS7 field tests (`vpi`,
//! `vci`, `sio`, `opc`, …): a number, a comparison and a number, or a
//! parenthesized list of numbers joined by `or`.

use super::super::ast::{RelOp, Span};
use super::lexer::{Kw, Punct, Tok};
use super::{Parser, Result};

impl Parser<'_> {
    /// The comparisons after the field keyword `word` (just consumed, at
    /// `kw`): one, or one `=` per listed number. Also returns the span of the
    /// whole test. `family` names the tests in the error for a broken list.
    pub(super) fn compared_values(
        &mut self,
        word: &str,
        kw: Span,
        family: &str,
    ) -> Result<(Vec<(RelOp, u32)>, Span)> {
        let mut tests = Vec::new();
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
            tests.push((op, self.field_number(word)?));
        } else if self.peek().tok == Tok::Punct(Punct::LParen) {
            self.bump();
            loop {
                tests.push((RelOp::Eq, self.field_number(word)?));
                match self.peek().tok {
                    Tok::Kw(Kw::Or) | Tok::Punct(Punct::OrOr) => {
                        self.bump();
                    }
                    Tok::Punct(Punct::RParen) => break,
                    _ => {
                        return Err(self
                            .unexpected(&format!("expected 'or' or ')' in {family} value list")));
                    }
                }
            }
            let end = self.bump().span;
            return Ok((tests, kw.to(end)));
        } else {
            tests.push((RelOp::Eq, self.field_number(word)?));
        }
        let end = self.span_of(self.pos.saturating_sub(1));
        Ok((tests, kw.to(end)))
    }

    /// A number after the field keyword `word`.
    fn field_number(&mut self, word: &str) -> Result<u32> {
        match self.peek().tok {
            Tok::Num(n) => {
                self.bump();
                Ok(n)
            }
            _ => Err(self.unexpected(&format!("'{word}' wants a number"))),
        }
    }
}
