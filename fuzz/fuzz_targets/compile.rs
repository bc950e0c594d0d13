//! The parser and compiler: any bytes are an error (with a message) or a program
//! the kernel accepts (or one only too long for it, which live capture runs in
//! user space); the optimized and unoptimized programs agree on the packet
//! corpus of the link type.
//!
//! Input: byte 0 picks the link type, the rest is the expression (lossy UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rfilter::bpf::{verify, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::collections::HashMap;
use std::sync::OnceLock;

#[allow(dead_code)]
#[path = "../../tests/common/corpus.rs"]
mod corpus;

fn corpora() -> &'static HashMap<LinkType, Vec<corpus::Sample>> {
    static CORPORA: OnceLock<HashMap<LinkType, Vec<corpus::Sample>>> = OnceLock::new();
    CORPORA.get_or_init(|| {
        LinkType::ALL
            .iter()
            .map(|&lt| (lt, corpus::samples(lt)))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let lt = LinkType::ALL[usize::from(pick) % LinkType::ALL.len()];
    let expr = String::from_utf8_lossy(text);
    let compile = |optimize| {
        let opts = CompileOptions {
            linktype: lt,
            optimize,
            linux_vlan_ancillary: pick & 0x80 != 0,
            ..CompileOptions::default()
        };
        filter::compile(&expr, &opts)
    };
    let (unopt, opt) = (compile(false), compile(true));
    for r in [&unopt, &opt] {
        match r {
            Ok(prog) => {
                // Longer than the kernel takes is allowed (live capture then
                // filters in user space); every other kernel rule must hold.
                match verify::verify(prog) {
                    Ok(()) => {}
                    Err(e) if e.rule == verify::Rule::TooLong => {}
                    Err(e) => panic!("{lt} `{expr}`: not kernel-valid: {e}"),
                }
            }
            Err(e) => {
                assert!(!e.message.trim().is_empty(), "{lt} `{expr}`: empty message");
                assert!(
                    !e.message.contains("panicked"),
                    "{lt} `{expr}`: {}",
                    e.message
                );
            }
        }
    }
    let (Ok(unopt), Ok(opt)) = (unopt, opt) else {
        // Refusing as "rejects all packets" only when optimizing is libpcap's way.
        return;
    };
    for s in &corpora()[&lt] {
        let u = vm::run(&unopt, &s.data, s.wire_len);
        let o = vm::run(&opt, &s.data, s.wire_len);
        // The optimizer may drop a dead load past the captured bytes, which makes
        // the unoptimized program reject where the optimized one decides; where
        // the unoptimized program accepts, no load failed, so both must agree.
        if u != 0 {
            assert_eq!(
                u, o,
                "{lt} `{expr}`: optimized {o}, unoptimized {u} on {}",
                s.label
            );
        }
    }
});
