//! Compiles a filter expression with rfilter's library, prints the program as
//! `tcpdump -d` would, and runs it over a hand-made packet.
//!
//! cargo run --example compile_filter -- 'tcp dst port 80'

use rfilter::LinkType;
use rfilter::bpf::{dump, verify, vm};
use rfilter::filter::{CompileOptions, compile};

fn main() {
    let expr = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let opts = CompileOptions {
        linktype: LinkType::En10mb,
        for_kernel: false,
        ..CompileOptions::default()
    };
    let program = match compile(&expr, &opts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.render(&expr));
            std::process::exit(1);
        }
    };
    print!("{}", dump::dump(&program, 1));
    println!(
        "kernel-valid: {}",
        verify::verify(&program).map_or_else(|e| e.to_string(), |()| "yes".into())
    );

    // Ethernet + IPv4 + TCP from 10.0.0.1:40000 to 10.0.0.2:80, SYN.
    let mut frame = vec![0u8; 54];
    frame[12..14].copy_from_slice(&[0x08, 0x00]);
    frame[14] = 0x45;
    frame[16..18].copy_from_slice(&40u16.to_be_bytes());
    frame[22] = 64;
    frame[23] = 6;
    frame[26..30].copy_from_slice(&[10, 0, 0, 1]);
    frame[30..34].copy_from_slice(&[10, 0, 0, 2]);
    frame[34..36].copy_from_slice(&40000u16.to_be_bytes());
    frame[36..38].copy_from_slice(&80u16.to_be_bytes());
    frame[46] = 0x50;
    frame[47] = 0x02;
    let verdict = vm::run(&program, &frame, frame.len() as u32);
    println!("SYN to 10.0.0.2:80 -> {verdict} (0 rejects, else bytes kept)");
}
