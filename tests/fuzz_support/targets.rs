//! What each cargo-fuzz target (fuzz/fuzz_targets/) does with its input, shared by
//! the targets (through a `#[path]` module) and by tests/faults.rs, which replays
//! the inputs that once crashed (tests/data/fuzz_crashes/TARGET/).

use rfilter::bpf::{verify, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::print::packettype::PacketType;
use rfilter::print::{PrintOptions, Printer};
use rfilter::savefile::Reader;
use std::io::Cursor;

/// `print`: byte 0 picks the link type (low 3 bits, with bit 5 of byte 1 as a
/// fourth) and -e, -v, -q, -x; byte 1 -X, -A, how much longer the wire length is
/// than the captured bytes (low 4 bits) and, with bit 4 set, that two more bytes
/// choose instead any link type the printer knows (rfilter's own and the ones it
/// only prints) and a `-T` packet type. The rest is the packet, printed twice
/// (the printer keeps TCP state between packets) into `io::sink()`. Returns
/// whether there was a packet.
pub fn print(data: &[u8]) -> bool {
    let [pick, extra, rest @ ..] = data else {
        return false;
    };
    let lt_index = usize::from(pick & 7) | usize::from(extra & 0x20) >> 2;
    let mut lt = LinkType::ALL[lt_index % LinkType::ALL.len()];
    let mut packet_type = None;
    let mut packet = rest;
    if extra & 0x10 != 0 {
        let [lt_pick, type_pick, tail @ ..] = rest else {
            return false;
        };
        let all: Vec<LinkType> = LinkType::ALL
            .into_iter()
            .chain(PRINTED_LINK_TYPES.map(LinkType::Other))
            .collect();
        lt = all[usize::from(*lt_pick) % all.len()];
        packet_type = PacketType::ALL
            .get(usize::from(*type_pick))
            .map(|(t, _)| *t);
        packet = tail;
    }
    let opts = PrintOptions {
        numeric: true,
        link_header: pick & 0x08 != 0,
        verbose: (pick >> 4) & 3,
        quiet: pick & 0x40 != 0,
        hex: u8::from(pick & 0x80 != 0),
        hex_ascii: u8::from(extra & 0x80 != 0),
        ascii: u8::from(extra & 0x40 != 0),
        number: true,
        packet_type,
        ..PrintOptions::default()
    };
    let mut printer = Printer::new(opts, lt, std::io::sink());
    let pkt = PacketRef {
        ts: Timestamp {
            sec: 1_700_000_000,
            nsec: 123_000,
        },
        wire_len: packet.len() as u32 + u32::from(extra & 0x0f),
        data: packet,
    };
    printer.packet(&pkt).expect("the sink never fails");
    printer.packet(&pkt).expect("the sink never fails");
    printer.finish().expect("the sink never fails");
    true
}

/// LINKTYPE values beyond rfilter's own that have printers (and two that print
/// as unsupported).
const PRINTED_LINK_TYPES: [u16; 16] = [
    105, 127, 119, 163, 192, 239, 189, 220, 242, 271, 201, 117, 226, 177, 227, 147,
];

/// `savefile`: any bytes through the reader, to the end or an error. Returns the
/// number of packets read.
pub fn savefile(data: &[u8]) -> usize {
    let Ok(mut reader) = Reader::from_read(Box::new(Cursor::new(data.to_vec()))) else {
        return 0;
    };
    let _ = (reader.linktype(), reader.snaplen(), reader.precision());
    // Every record takes at least a header's bytes, so the input bounds the count.
    for n in 0..=data.len() {
        match reader.next_packet() {
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => return n,
        }
    }
    panic!("more packets than input bytes: the reader loops");
}

/// Packets (captured bytes, wire length) to run compiled programs over, per link
/// type: the corpus of tests/common/corpus.rs.
pub type Packets = dyn Fn(LinkType) -> &'static [(Vec<u8>, u32)];

/// `compile`: byte 0 picks the link type (and, bit 7, the Linux VLAN ancillary
/// loads); the rest is the expression (lossy UTF-8). It must compile, optimized and
/// not, to an error with a message (never an internal error such as a panic on the
/// compiler thread) or, compiled for the kernel, to a program the kernel accepts
/// (or one only too long for it, which live capture runs in user space); where the
/// unoptimized program accepts a packet the optimized one must give the same verdict (elsewhere the
/// optimizer may legitimately have dropped a load past the captured bytes).
pub fn compile(data: &[u8], packets: &Packets) {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let lt = LinkType::ALL[usize::from(pick) % LinkType::ALL.len()];
    let expr = String::from_utf8_lossy(text);
    let compile = |optimize, for_kernel| {
        let opts = CompileOptions {
            linktype: lt,
            optimize,
            linux_vlan_ancillary: pick & 0x80 != 0,
            for_kernel,
            ..CompileOptions::default()
        };
        filter::compile(&expr, &opts)
    };
    let (unopt, opt) = (compile(false, false), compile(true, false));
    // What live capture attaches (protochain unrolled) must be kernel-valid; the
    // default programs loop for protochain, which only the kernel refuses.
    let kernel = [compile(false, true), compile(true, true)];
    for prog in kernel.iter().flatten() {
        match verify::verify(prog) {
            Ok(()) => {}
            Err(e) if e.rule == verify::Rule::TooLong => {}
            Err(e) => panic!("{lt} `{expr}`: not kernel-valid: {e}"),
        }
    }
    for r in kernel.iter().chain([&unopt, &opt]) {
        if let Err(e) = r {
            assert!(!e.message.trim().is_empty(), "{lt} `{expr}`: empty message");
            assert!(
                !e.message.starts_with("internal error"),
                "{lt} `{expr}`: {}",
                e.message
            );
        }
    }
    let (Ok(unopt), Ok(opt)) = (unopt, opt) else {
        // Refusing as "rejects all packets" only when optimizing is libpcap's way.
        return;
    };
    for (i, (data, wire_len)) in packets(lt).iter().enumerate() {
        let u = vm::run(&unopt, data, *wire_len);
        if u != 0 {
            let o = vm::run(&opt, data, *wire_len);
            assert_eq!(
                u, o,
                "{lt} `{expr}`: optimized {o}, unoptimized {u} on packet {i}"
            );
        }
    }
}
