//! Shared support for the differential tests: the packet corpus, libpcap as the
//! reference, the expression corpus and the verdict comparison.
//!
//! Each test binary uses a different part of it.
#![allow(dead_code)]

pub mod compare;
pub mod corpus;
pub mod examples;
pub mod ffi;
pub mod kernel;
pub mod link_diff;
pub mod reference;
