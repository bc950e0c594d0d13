//! `write!` straight into a packet's output, for printers that format numbers
//! the way C's printf does (`%08x`, `%.3f`, `%#04x`) without a temporary String.

use super::Ctx;

impl std::fmt::Write for Ctx {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.s(s);
        Ok(())
    }
}
