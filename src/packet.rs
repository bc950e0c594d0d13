//! A captured packet as every stage after capture sees it.

/// Capture time: seconds since the epoch and nanoseconds (microsecond sources fill
/// `nsec` with a multiple of 1000).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Whole seconds since 1970-01-01 00:00:00 UTC.
    pub sec: i64,
    /// Nanoseconds within the second: below 1_000_000_000 except from a malformed
    /// pcap savefile, where it is libpcap's value (out of range, or negative
    /// where libpcap reads the field as a signed number), so that it prints and
    /// copies as tcpdump's.
    pub nsec: i64,
}

/// One packet: its capture time, its length on the wire and the bytes captured
/// (`data.len()` is the captured length, at most the snapshot length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacketRef<'a> {
    /// When the packet was captured.
    pub ts: Timestamp,
    /// Length of the packet on the wire, in bytes (pcap's `len`; at least `data.len()`
    /// for well-formed input).
    pub wire_len: u32,
    /// The captured bytes, starting at the link-layer header.
    pub data: &'a [u8],
}

/// Where accepted packets go: the printer, a savefile writer, or both.
pub trait Sink {
    /// Takes one packet. An error ends the run (and is reported once).
    fn packet(&mut self, pkt: &PacketRef<'_>) -> std::io::Result<()>;
    /// Flushes everything buffered; called once at the end of the run, also after
    /// Ctrl-C or an error, so that files stay complete.
    fn finish(&mut self) -> std::io::Result<()>;
    /// The packets that follow are of `linktype` (`-V` reads files of several
    /// link types into one printer); sinks that do not decode ignore it.
    fn set_linktype(&mut self, _linktype: crate::linktype::LinkType) {}
    /// Writes out what is buffered without ending the run (`-V`, between files,
    /// so that printed lines come before the next file's "reading from" line).
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
