//! Compile errors: what is wrong, and where in the expression.

use super::ast::Span;
use std::fmt;

/// A filter expression that cannot be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    /// What is wrong and, for syntax errors, what was expected instead.
    pub message: String,
    /// Where in the expression text, when the fault has a place.
    pub span: Option<Span>,
}

impl FilterError {
    /// An error about the text at `span` (shown with carets under it).
    pub fn new(message: impl Into<String>, span: Span) -> FilterError {
        FilterError {
            message: message.into(),
            span: Some(span),
        }
    }

    /// An error about the expression as a whole (no caret).
    pub fn whole(message: impl Into<String>) -> FilterError {
        FilterError {
            message: message.into(),
            span: None,
        }
    }

    /// A compiler bug rather than a fault in the expression: `internal error: {what}`.
    pub fn internal(what: &str) -> FilterError {
        FilterError::whole(format!("internal error: {what}"))
    }

    /// The message, then the expression with carets under the offending text:
    ///
    /// ```text
    /// 'port' wants a port number or service name, found 'and'
    ///     tcp port and 80
    ///              ^^^
    /// ```
    ///
    /// Control characters in the expression are shown as spaces so the caret lines up.
    pub fn render(&self, expr: &str) -> String {
        let Some(span) = self.span else {
            return self.message.clone();
        };
        let shown: String = expr
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let start = expr
            .get(..span.start.min(expr.len()))
            .map_or(0, |s| s.chars().count());
        let width = expr
            .get(span.start.min(expr.len())..span.end.min(expr.len()))
            .map_or(1, |s| s.chars().count())
            .max(1);
        format!(
            "{}\n    {}\n    {}{}",
            self.message,
            shown,
            " ".repeat(start),
            "^".repeat(width)
        )
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FilterError {}
