//! A captured packet as every stage after capture sees it.

/// Capture time: seconds since the epoch and nanoseconds (microsecond sources fill
/// `nsec` with a multiple of 1000).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    pub sec: i64,
    pub nsec: u32,
}

/// One packet: its capture time, its length on the wire and the bytes captured
/// (`data.len()` is the captured length, at most the snapshot length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacketRef<'a> {
    pub ts: Timestamp,
    pub wire_len: u32,
    pub data: &'a [u8],
}

/// Where accepted packets go: the printer, a savefile writer, or both.
pub trait Sink {
    /// Takes one packet. An error ends the run (and is reported once).
    fn packet(&mut self, pkt: &PacketRef<'_>) -> std::io::Result<()>;
    /// Flushes everything buffered; called once at the end of the run, also after
    /// Ctrl-C or an error, so that files stay complete.
    fn finish(&mut self) -> std::io::Result<()>;
}
