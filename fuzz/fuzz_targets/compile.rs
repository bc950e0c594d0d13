//! The parser and compiler: any bytes are an error with a message or a program
//! the kernel accepts; optimized and unoptimized agree on the packet corpus. The
//! input format and the checks are in tests/fuzz_support/targets.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rfilter::linktype::LinkType;
use std::collections::HashMap;
use std::sync::OnceLock;

#[allow(dead_code)]
#[path = "../../tests/common/corpus.rs"]
mod corpus;

#[allow(dead_code)]
#[path = "../../tests/fuzz_support/targets.rs"]
mod targets;

fn packets(lt: LinkType) -> &'static [(Vec<u8>, u32)] {
    static CORPORA: OnceLock<HashMap<LinkType, Vec<(Vec<u8>, u32)>>> = OnceLock::new();
    &CORPORA.get_or_init(|| {
        LinkType::ALL
            .iter()
            .map(|&lt| (lt, corpus::packets(lt)))
            .collect()
    })[&lt]
}

fuzz_target!(|data: &[u8]| {
    targets::compile(data, &packets);
});
