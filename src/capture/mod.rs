//! Live capture on Linux: an `AF_PACKET` socket with the compiled filter attached,
//! a memory-mapped `TPACKET_V3` ring read by a capture thread, and batches of
//! packets handed over a bounded channel to the thread that runs the sink.
//!
//! Modules: `socket` (the system calls), `ring` (the mapped ring and its block
//! layout), [`fixup`] (filters for cooked sockets), `batch` (cooked headers, VLAN
//! tags, direction, userspace filtering), [`interfaces`] (`-D`, default device),
//! [`live`] (the threads and tcpdump's messages), [`os`] (the other libc calls that
//! need `unsafe`: time, names, signals).

pub(crate) mod batch;
pub mod fixup;
pub mod interfaces;
pub mod live;
pub mod os;
pub(crate) mod ring;
pub(crate) mod socket;

pub use interfaces::list_interfaces;
pub use live::run_live;
