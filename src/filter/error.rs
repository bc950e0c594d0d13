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

    /// The message and where it applies, on one line: the character position
    /// (counted from 1) in the expression and the text there.
    ///
    /// ```text
    /// 'port' wants a port number or service name, found 'and' (at character 10 of the expression: 'and')
    /// ```
    ///
    /// Control characters are shown as spaces, and quoted text longer than 40
    /// characters is cut with "...".
    pub fn render(&self, expr: &str) -> String {
        // Messages quote the expression, which may hold line breaks: none is
        // let through, so the error stays one line.
        self.locate(expr)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }

    fn locate(&self, expr: &str) -> String {
        let Some(span) = self.span else {
            return self.message.clone();
        };
        let start = span.start.min(expr.len());
        let end = span.end.clamp(start, expr.len());
        let (Some(before), Some(text)) = (expr.get(..start), expr.get(start..end)) else {
            return self.message.clone();
        };
        let column = before.chars().count() + 1;
        let text = text.trim();
        if text.is_empty() {
            let at_end = expr.get(start..).is_none_or(|rest| rest.trim().is_empty());
            return if at_end && self.message.contains("end of the expression") {
                format!("{} (at character {column})", self.message)
            } else if at_end {
                format!(
                    "{} (at character {column}, the end of the expression)",
                    self.message
                )
            } else {
                format!("{} (at character {column} of the expression)", self.message)
            };
        }
        const SHOWN: usize = 40;
        let mut shown: String = text.chars().take(SHOWN).collect();
        if text.chars().count() > SHOWN {
            shown.push_str("...");
        }
        format!(
            "{} (at character {column} of the expression: '{shown}')",
            self.message
        )
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FilterError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn renders_one_line_with_the_place() {
        let e = FilterError::new("'port' wants a port number, found 'and'", at(9, 12));
        assert_eq!(
            e.render("tcp port and 80"),
            "'port' wants a port number, found 'and' (at character 10 of the expression: 'and')"
        );
        let end = FilterError::new("'and' must be followed by a filter primitive", at(16, 16));
        assert_eq!(
            end.render("tcp port foo and"),
            "'and' must be followed by a filter primitive (at character 17, the end of the expression)"
        );
        let said = FilterError::new(
            "'and' needs more, found the end of the expression",
            at(16, 16),
        );
        assert_eq!(
            said.render("tcp port foo and"),
            "'and' needs more, found the end of the expression (at character 17)"
        );
        let inside = FilterError::new("missing operand", at(4, 4));
        assert_eq!(
            inside.render("tcp  and"),
            "missing operand (at character 5 of the expression)"
        );
        let whole = FilterError::whole("expression rejects all packets");
        assert_eq!(
            whole.render("ip and not ip"),
            "expression rejects all packets"
        );
    }

    #[test]
    fn long_text_is_cut_and_line_breaks_become_spaces() {
        let expr = format!("host {}", "a".repeat(60));
        let e = FilterError::new("unknown host 'a\nb'", at(5, expr.len()));
        let shown = e.render(&expr);
        assert!(
            shown.ends_with(&format!("'{}...')", "a".repeat(40))),
            "{shown}"
        );
        let e = FilterError::new("unknown host 'a\nb'", at(0, 3));
        let shown = e.render("a\nb and c");
        assert!(!shown.contains('\n'), "{shown}");
        assert_eq!(shown.lines().count(), 1);
    }
}
