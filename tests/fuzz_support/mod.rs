//! Support for tests/fuzz_differential.rs: the expression generator, the
//! rfilter-against-libpcap check of one expression, the shrinker and the
//! regression list.
#![allow(dead_code)]

pub mod check;
pub mod generate;
pub mod regressions;
pub mod shrink;
pub mod targets;
