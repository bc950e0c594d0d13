//! The savefile reader (pcap and pcapng): any bytes give packets and then the end
//! or an error, never a panic, a hang or an allocation the input does not
//! justify.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rfilter::savefile::reader::Reader;
use std::io::Cursor;

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = Reader::from_read(Box::new(Cursor::new(data.to_vec()))) else {
        return;
    };
    let _ = (reader.linktype(), reader.snaplen(), reader.precision());
    // Every record takes at least a header's bytes, so the input bounds the count.
    for _ in 0..=data.len() {
        match reader.next_packet() {
            Ok(Some(p)) => {
                assert!(p.data.len() as u64 <= u64::from(u32::MAX));
            }
            Ok(None) | Err(_) => return,
        }
    }
    panic!("more packets than input bytes");
});
