//! The savefile reader (pcap and pcapng): any bytes give packets and then the end
//! or an error, never a panic or a loop. See tests/fuzz_support/targets.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/fuzz_support/targets.rs"]
mod targets;

fuzz_target!(|data: &[u8]| {
    targets::savefile(data);
});
