//! What each cargo-fuzz target (fuzz/fuzz_targets/) does with its input, shared by
//! the targets (through a `#[path]` module) and by tests/faults.rs, which replays
//! the inputs that once crashed (tests/data/fuzz_crashes/TARGET/).

use rfilter::linktype::LinkType;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::print::{PrintOptions, Printer};
use rfilter::savefile::Reader;
use std::io::Cursor;

/// `print`: byte 0 picks the link type (low 3 bits) and -e, -v, -q, -x; byte 1
/// -X, -A and how much longer the wire length is than the captured bytes; the rest
/// is the packet, printed twice (the printer keeps TCP state between packets) into
/// `io::sink()`. Returns whether there was a packet.
pub fn print(data: &[u8]) -> bool {
    let [pick, extra, packet @ ..] = data else {
        return false;
    };
    let lt = LinkType::ALL[usize::from(pick & 7)];
    let opts = PrintOptions {
        numeric: true,
        link_header: pick & 0x08 != 0,
        verbose: (pick >> 4) & 3,
        quiet: pick & 0x40 != 0,
        hex: u8::from(pick & 0x80 != 0),
        hex_ascii: u8::from(extra & 0x80 != 0),
        ascii: extra & 0x40 != 0,
        number: true,
        ..PrintOptions::default()
    };
    let mut printer = Printer::new(opts, lt, std::io::sink());
    let pkt = PacketRef {
        ts: Timestamp {
            sec: 1_700_000_000,
            nsec: 123_000,
        },
        wire_len: packet.len() as u32 + u32::from(extra & 0x3f),
        data: packet,
    };
    printer.packet(&pkt).expect("the sink never fails");
    printer.packet(&pkt).expect("the sink never fails");
    printer.finish().expect("the sink never fails");
    true
}

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
