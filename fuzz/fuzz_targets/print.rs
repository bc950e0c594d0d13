//! The decoders and printer: any bytes on every link type, with the output flags
//! varied, through `Printer` into `io::sink()`. Never a panic, never a hang.
//!
//! Input: byte 0 picks the link type and flags, byte 1 how much longer the wire
//! length is than the captured bytes; the rest is the packet, printed twice (the
//! printer keeps TCP sequence state between packets).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rfilter::linktype::LinkType;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::print::{PrintOptions, Printer};

fuzz_target!(|data: &[u8]| {
    let [pick, extra, packet @ ..] = data else {
        return;
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
    printer.packet(&pkt).expect("sink never fails");
    printer.packet(&pkt).expect("sink never fails");
    printer.finish().expect("sink never fails");
});
