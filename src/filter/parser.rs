//! Lexer and parser (nom): expression text to [`Expr`].

use super::ast::Expr;
use super::error::FilterError;

/// Parses a filter expression. `Ok(None)` for an empty (all-blank) expression.
pub fn parse(text: &str) -> Result<Option<Expr>, FilterError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Err(FilterError::whole("parser not written yet"))
}
