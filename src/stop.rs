//! Stopping a run cleanly: Ctrl-C (SIGINT), SIGTERM or a sink that is done (the
//! `-G`/`-W` file limit) set one flag; the packet loops poll it and then finish
//! their sinks, so output files always end on a whole record.

use std::sync::atomic::{AtomicBool, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);

/// True once a stop was requested; packet loops check it between packets.
#[inline]
pub fn requested() -> bool {
    STOP.load(Ordering::Relaxed)
}

/// Asks every packet loop to stop after the current packet.
pub fn request() {
    STOP.store(true, Ordering::Relaxed);
}

/// The handler only stores to an atomic: the one thing that is async-signal-safe
/// and all that is needed.
extern "C" fn on_signal(_signal: libc::c_int) {
    STOP.store(true, Ordering::Relaxed);
}

/// SIGINT and SIGTERM set the stop flag (once: the handler resets itself, so a
/// second Ctrl-C ends a stuck run the default way). No SA_RESTART, so a blocking
/// read returns EINTR and the loop notices the flag. SIGPIPE stays ignored (Rust
/// ignores it): a closed standard output is a write error that ends the run the
/// way tcpdump's does (see `output::write_failure_exit`).
pub fn install_signal_handlers() {
    crate::capture::os::on_stop_signals(on_signal);
}
