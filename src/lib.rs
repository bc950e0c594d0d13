//! rfilter: a packet-capture tool in the tcpdump mould.
//!
//! The library holds the filter compiler ([`filter`]), classic BPF tools ([`bpf`]),
//! savefile reading and writing ([`savefile`]), live capture ([`capture`]) and
//! tcpdump-format packet printing ([`print`]).

pub mod bpf;
pub mod capture;
pub mod cli;
pub mod filter;
pub mod linktype;
pub mod offline;
pub mod output;
pub mod packet;
pub mod print;
pub mod savefile;
pub mod stop;

pub use linktype::LinkType;
