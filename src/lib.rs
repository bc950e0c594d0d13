//! rfilter: a packet-capture tool in the tcpdump mould.
//!
//! The library holds the filter compiler ([`filter`]), classic BPF tools ([`bpf`]),
//! savefile reading and writing ([`savefile`]), live capture ([`capture`]) and
//! tcpdump-format packet printing ([`print`](mod@print)).
//!
//! Compiling a filter and running it over a packet:
//!
//! ```
//! use rfilter::LinkType;
//! use rfilter::bpf::{dump, verify, vm};
//! use rfilter::filter::{CompileOptions, compile};
//!
//! let opts = CompileOptions {
//!     linktype: LinkType::Raw,
//!     for_kernel: false,
//!     ..CompileOptions::default()
//! };
//! let program = compile("udp dst port 53", &opts).unwrap();
//! assert!(verify::verify(&program).is_ok());
//! assert!(dump::dump(&program, 1).contains("ret      #262144"));
//!
//! // A raw IPv4 header (20 bytes) and a UDP header to port 53.
//! let mut packet = vec![0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
//! packet.extend_from_slice(&[0xc3, 0x50, 0, 53, 0, 8, 0, 0]);
//! assert_eq!(vm::run(&program, &packet, packet.len() as u32), 262_144);
//! packet[23] = 54; // destination port 54
//! assert_eq!(vm::run(&program, &packet, packet.len() as u32), 0);
//!
//! // Errors point at the fault.
//! let err = compile("udp port and 53", &opts).unwrap_err();
//! assert_eq!(err.span.map(|s| s.start), Some(9));
//! ```

#![warn(missing_docs)]

pub mod bpf;
pub mod c_number;
pub mod capture;
pub mod cli;
pub mod device_flags;
pub mod filter;
pub mod linktype;
pub mod offline;
pub mod output;
pub mod packet;
pub mod print;
pub mod savefile;
pub mod stop;

pub use linktype::LinkType;
