//! Live capture (TODO).
