//! The decoders and printer: any bytes on every link type, with the output flags
//! varied, through `Printer` into `io::sink()`. Never a panic, never a hang.
//! The input format is in tests/fuzz_support/targets.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/fuzz_support/targets.rs"]
mod targets;

fuzz_target!(|data: &[u8]| {
    targets::print(data);
});
