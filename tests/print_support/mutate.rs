//! Mutated packets for the printer tests: the deterministic generators, random
//! byte changes and cuts of captured records, and printing every mutant with
//! every flag set (where the printers must never panic).
//!
//! The order in which these helpers draw from a generator is part of every
//! test's data: drawing differently changes each mutant the tests compare.

use super::{Rec, opts, read_pcap};
use rfilter::LinkType;
use rfilter::packet::PacketRef;
use rfilter::print::{PrintOptions, format_one};
use std::path::Path;

/// A small deterministic generator for the mutation tests (xorshift).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// xorshift64*: deterministic, no dependency (the generator of the tests that
/// build random frames).
pub struct Xorshift64Star(pub u64);

impl Xorshift64Star {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A new value for a mutated byte: 0 or 0xff (a quarter of the time each), or
/// any value.
pub fn random_byte(rng: &mut Rng) -> u8 {
    match rng.next() % 4 {
        0 => 0,
        1 => 0xff,
        _ => rng.next() as u8,
    }
}

/// One to four bytes of `d[start..start + span]` (`span` > 0) changed to a
/// [`random_byte`].
pub fn change_bytes(rng: &mut Rng, d: &mut [u8], start: usize, span: usize) {
    for _ in 0..1 + rng.next() % 4 {
        let i = start + (rng.next() as usize % span);
        d[i] = random_byte(rng);
    }
}

/// `d` cut at a random length from `from` (at most its length) to all of it.
pub fn cut(rng: &mut Rng, d: &mut Vec<u8>, from: usize) {
    let len = from + rng.next() as usize % (d.len() - from + 1);
    d.truncate(len);
}

/// Bytes past `start` (at most `d`'s length) changed, then `d` cut at a random
/// length past `start`. False, and nothing drawn from `rng`, when nothing
/// follows `start`.
pub fn mutate_past(rng: &mut Rng, d: &mut Vec<u8>, start: usize) -> bool {
    let span = d.len() - start;
    if span == 0 {
        return false;
    }
    change_bytes(rng, d, start, span);
    cut(rng, d, start);
    true
}

/// `copies` mutants of each record, in order: `mutate` changes a copy of the
/// record's bytes and says whether to keep it.
pub fn mutants(
    recs: &[Rec],
    copies: usize,
    mut mutate: impl FnMut(&mut Vec<u8>) -> bool,
) -> Vec<Rec> {
    let mut out = Vec::new();
    for r in recs {
        for _ in 0..copies {
            let mut d = r.data.clone();
            if mutate(&mut d) {
                out.push(Rec {
                    ts: r.ts,
                    wire_len: r.wire_len,
                    data: d,
                });
            }
        }
    }
    out
}

/// The capture at `path` with each record `copies` times, mutated by
/// [`mutate_past`] from `start(link type, bytes)` on.
pub fn mutated_capture(
    rng: &mut Rng,
    path: &Path,
    copies: usize,
    start: impl Fn(LinkType, &[u8]) -> usize,
) -> (LinkType, Vec<Rec>) {
    let (lt, recs) = read_pcap(path);
    let out = mutants(&recs, copies, |d| {
        let from = start(lt, d);
        mutate_past(rng, d, from)
    });
    (lt, out)
}

/// The options rfilter prints with for each flag set.
pub fn opts_each(flag_sets: &[&[&str]]) -> Vec<PrintOptions> {
    flag_sets.iter().map(|f| opts(f)).collect()
}

/// Every record formatted with each of `opts` (records in order, all options
/// for each): every output ends with a newline. Returns how many were printed.
pub fn print_all(lt: LinkType, recs: &[Rec], opts: &[PrintOptions]) -> usize {
    let mut printed = 0;
    for r in recs {
        for o in opts {
            let pkt = PacketRef {
                ts: r.ts,
                wire_len: r.wire_len,
                data: &r.data,
            };
            let s = format_one(o.clone(), lt, &pkt);
            assert!(s.ends_with('\n'));
            printed += 1;
        }
    }
    printed
}

/// [`print_all`] over each capture in turn; returns how many were printed.
pub fn print_captures(
    captures: impl IntoIterator<Item = (LinkType, Vec<Rec>)>,
    opts: &[PrintOptions],
) -> usize {
    captures
        .into_iter()
        .map(|(lt, recs)| print_all(lt, &recs, opts))
        .sum()
}

/// One to four random changes to a frame: a byte past the first `from`
/// replaced, a bit past them flipped, the frame cut anywhere (header too), or
/// nothing. Returns the frame and its wire length: a third of the time the
/// original length (as if the capture were cut short), else the new one.
pub fn mutate_frame(mut p: Vec<u8>, r: &mut Xorshift64Star, from: usize) -> (Vec<u8>, u32) {
    let wire = p.len() as u32;
    for _ in 0..1 + r.below(4) {
        match r.below(5) {
            0 | 1 if p.len() > from => {
                let i = from + r.below(p.len() - from);
                p[i] = r.next() as u8;
            }
            2 if p.len() > from => {
                let i = from + r.below(p.len() - from);
                p[i] ^= 1 << r.below(8);
            }
            3 => {
                let n = r.below(p.len() + 1);
                p.truncate(n);
            }
            _ => {}
        }
    }
    let wire = if r.below(3) == 0 {
        wire.max(p.len() as u32)
    } else {
        p.len() as u32
    };
    (p, wire)
}
