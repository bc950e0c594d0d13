//! The golden-test harness a printer suite runs over its captures in
//! tests/data/DIR/: each capture against tcpdump at many flag sets, every
//! truncation of its packets, lowered UDP lengths, and mutated packets (against
//! tcpdump, and many more that must only never panic).

use super::mutate::{Rng, mutated_capture, opts_each, print_captures};
use super::{Rec, assert_same, assert_same_recs, read_pcap, tmpdir, write_pcap};
use rfilter::LinkType;
use std::path::{Path, PathBuf};

/// Flags each capture is printed with.
pub const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nvX"],
    &["-nA"],
];

/// Flags for the truncated variants (each record cut at every length).
pub const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"], &["-nvvx"]];

/// A suite: its directory under tests/data/ and the captures mutated and
/// printed without -n.
pub struct Suite {
    pub dir: &'static str,
    pub names: &'static [&'static str],
}

impl Suite {
    pub fn data(&self, name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(self.dir)
            .join(format!("{name}.pcap"))
    }

    /// Every record of `name` cut to each length from the start of its payload to
    /// one byte short of complete.
    pub fn cut_variants(&self, name: &str) -> PathBuf {
        let file = format!("{name}-cut.pcap");
        cut_variants_of(&self.data(name), self.dir, &file, payload_start)
    }

    /// Every UDP record of `name` with its UDP length field lowered (see
    /// [`short_udp_variants_of`]).
    fn short_udp_variants(&self, name: &str) -> PathBuf {
        let file = format!("{name}-udplen.pcap");
        short_udp_variants_of(&self.data(name), self.dir, &file, udp_len_at)
    }

    /// Capture `name`, its cuts and its lowered UDP lengths against tcpdump.
    pub fn golden(&self, name: &str) {
        let (c1, m1) = assert_same(&self.data(name), FLAGS);
        let (c2, m2) = assert_same(&self.cut_variants(name), CUT_FLAGS);
        let (c3, m3) = assert_same(&self.short_udp_variants(name), CUT_FLAGS);
        eprintln!(
            "{name}: {} of {} lines identical to tcpdump",
            m1 + m2 + m3,
            c1 + c2 + c3
        );
    }

    /// Without -n: addresses and ports by name (tcpdump's resolver waits on DNS,
    /// so this is one run per capture).
    pub fn names_without_n(&self) {
        for name in self.names {
            assert_same(&self.data(name), &[&["-ttv"]]);
        }
    }

    /// Each record of every capture `copies` times with random byte changes past
    /// the transport header (the ports stay, so the packets stay with these
    /// printers), cut at a random length.
    fn mutated(&self, rng: &mut Rng, copies: usize) -> Vec<(LinkType, Vec<Rec>)> {
        self.names
            .iter()
            .map(|name| mutated_capture(rng, &self.data(name), copies, payload_start))
            .collect()
    }

    /// Mutated packets of the link types `lts` against tcpdump at `flags`: every
    /// line agrees.
    pub fn mutated_vs_tcpdump(&self, lts: &[LinkType], flags: &[&[&str]]) {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let all = self.mutated(&mut rng, 30);
        let (mut c, mut m) = (0, 0);
        for &lt in lts {
            let recs: Vec<Rec> = all
                .iter()
                .filter(|(l, _)| *l == lt)
                .flat_map(|(_, recs)| recs.iter().cloned())
                .collect();
            assert!(!recs.is_empty(), "no mutated {lt:?} records");
            let file = format!("mutated-{lt:?}.pcap");
            let (c1, m1) = assert_same_recs(self.dir, &file, lt, &recs, flags);
            c += c1;
            m += m1;
        }
        eprintln!("mutated: {m} of {c} lines identical to tcpdump");
    }

    /// Many more mutated packets, printed with each flag set: the printers must
    /// not panic.
    pub fn mutated_never_panic(&self) {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let printed = print_captures(self.mutated(&mut rng, 300), &opts_each(FLAGS));
        assert!(printed > 10000, "only {printed} packets printed");
    }
}

/// Every record of the capture at `path` cut to each length from
/// `from(link type, bytes)` to one byte short of complete, written to `file` in
/// the temporary directory `dir`.
pub fn cut_variants_of(
    path: &Path,
    dir: &str,
    file: &str,
    from: impl Fn(LinkType, &[u8]) -> usize,
) -> PathBuf {
    let (lt, recs) = read_pcap(path);
    let mut out = Vec::new();
    for r in &recs {
        for n in from(lt, &r.data)..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir(dir).join(file);
    write_pcap(&path, lt, &out, false);
    path
}

/// Every UDP record of the capture at `path` with its UDP length field (at
/// `len_at(bytes)`, `None` for other records) lowered to each value from 8 (no
/// payload) to one byte short of the payload it carries, written to `file` in
/// the temporary directory `dir`: the printers must stop at the UDP length, not
/// at the end of the capture.
pub fn short_udp_variants_of(
    path: &Path,
    dir: &str,
    file: &str,
    len_at: impl Fn(&[u8]) -> Option<usize>,
) -> PathBuf {
    let (lt, recs) = read_pcap(path);
    let mut out = Vec::new();
    for r in &recs {
        let Some(at) = len_at(&r.data) else {
            continue;
        };
        let end = at + 4;
        if end > r.data.len() {
            continue;
        }
        let ulen = usize::from(u16::from_be_bytes([r.data[at], r.data[at + 1]]));
        for new in 8..ulen.min(r.data.len() - end + 8) {
            let mut d = r.data.clone();
            d[at..at + 2].copy_from_slice(&(new as u16).to_be_bytes());
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: d,
            });
        }
    }
    let path = tmpdir(dir).join(file);
    write_pcap(&path, lt, &out, false);
    path
}

/// Where the application payload starts: past the UDP or TCP header of IPv4
/// or IPv6 (no extension headers) in an Ethernet frame, past the link header
/// otherwise; never past the frame's end.
fn payload_start(lt: LinkType, d: &[u8]) -> usize {
    let link = match lt {
        LinkType::LinuxSll => 16,
        LinkType::LinuxSll2 => 20,
        LinkType::Ppp => 4,
        _ => 14,
    };
    if lt != LinkType::En10mb {
        return link.min(d.len());
    }
    let (l4, proto) = match d.get(14) {
        Some(v) if v >> 4 == 4 => (14 + usize::from(v & 0xf) * 4, d.get(23).copied()),
        Some(v) if v >> 4 == 6 => (14 + 40, d.get(20).copied()),
        _ => (14, None),
    };
    let end = match proto {
        Some(17) => l4 + 8,
        Some(6) => l4 + d.get(l4 + 12).map_or(20, |v| usize::from(v >> 4) * 4),
        _ => l4,
    };
    end.min(d.len())
}

/// Offset of the UDP length field, if the frame is IPv4/IPv6 UDP.
fn udp_len_at(d: &[u8]) -> Option<usize> {
    match d.get(14) {
        Some(v) if v >> 4 == 4 && d.get(23) == Some(&17) => Some(14 + usize::from(v & 0xf) * 4 + 4),
        Some(v) if v >> 4 == 6 && d.get(20) == Some(&17) => Some(14 + 40 + 4),
        _ => None,
    }
}
