//! Savefiles (TODO).
