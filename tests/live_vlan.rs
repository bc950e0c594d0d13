//! `vlan` on a live Linux capture, against libpcap's live programs.
//!
//! On a live Linux handle the kernel strips the outermost 802.1Q/802.1ad tag and
//! reports it as ancillary data, so libpcap compiles `vlan` to `ld vlan_avail` /
//! `ld vlan_tci` loads (its `BPF_SPECIAL_VLAN_HANDLING`), and rfilter does the same
//! with `CompileOptions::linux_vlan_ancillary`. Here libpcap's programs come from a
//! live handle on `lo` (Ethernet on Linux; opening it needs root, which CI has: the
//! test fails, never skips, when it cannot), and both compilers' programs run in
//! rfilter's interpreter with the ancillary values the kernel would give, over
//! frames as the kernel delivers them: outer tag stripped and reported, untagged,
//! QinQ with the inner tag still inline, tags the kernel leaves inline (0x9100),
//! priority and DEI bits, VLAN 0, truncated captures.
//!
//! libpcap 1.10.3 gets some of these programs wrong, and rfilter does not follow:
//! - its optimizer mangles the VID test after another test (`ip and vlan 10`
//!   compares the VID with 1; `ip and vlan 0` fails to compile) and moves offset
//!   bumps (`X or (vlan and X)`, libpcap issue #1513): where its optimized verdict
//!   is none its unoptimized program gives, only the unoptimized one counts;
//! - its VLAN offset registers may be registers an earlier arithmetic expression
//!   stored to (`len > 100 and vlan and tcp`): the reference is then its program
//!   with them kept apart, and an independent check compares with the reordered
//!   filter;
//! - after `vlan and pppoes` it leaves an offset register unzeroed, and the kernel
//!   refuses the program.
//!
//! The tests also attach every rfilter program to the kernel and capture on a veth
//! next to tcpdump. Run: `cargo test --test live_vlan -- --nocapture` (as root).

mod common;
mod live_support;

use common::corpus::{self, Sample};
use common::examples;
use rfilter::bpf::insn::{SKF_AD_OFF, SKF_AD_VLAN_TAG, SKF_AD_VLAN_TAG_PRESENT};
use rfilter::bpf::vm::{self, Ancillary};
use rfilter::bpf::{Insn, dump, verify};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::fmt::Write;
use std::sync::Mutex;

/// libpcap's default snapshot length for live captures, which rfilter uses too:
/// programs accept with `ret #262144`.
const LIVE_SNAPLEN: u32 = 262_144;

/// The pcap crate passes netmask 0 to `pcap_compile`.
const NETMASK: u32 = 0;

/// How libpcap reports any syntax error.
const SYNTAX_ERROR: &str = "can't parse filter expression";

/// libpcap's message when its optimizer proves a filter never matches.
const REJECTS_ALL: &str = "expression rejects all packets";

/// libpcap compiles one filter at a time (its error buffer lives in the handle).
static LIBPCAP: Mutex<()> = Mutex::new(());

/// A live libpcap handle on `lo`, as `tcpdump -i lo` opens it.
fn live_handle() -> pcap::Capture<pcap::Active> {
    let cap = pcap::Capture::from_device("lo")
        .and_then(|c| c.snaplen(LIVE_SNAPLEN as i32).open())
        .unwrap_or_else(|e| {
            panic!("cannot open a live libpcap handle on lo (this test needs root): {e}")
        });
    assert_eq!(
        cap.get_datalink(),
        pcap::Linktype(LinkType::En10mb.dlt()),
        "lo is not Ethernet on this system"
    );
    cap
}

/// The pcap crate only shows instructions as "code jt jf k".
fn parse_insn(text: &str) -> Option<Insn> {
    let mut it = text.split_whitespace();
    Some(Insn {
        code: it.next()?.parse().ok()?,
        jt: it.next()?.parse().ok()?,
        jf: it.next()?.parse().ok()?,
        k: it.next()?.parse().ok()?,
    })
}

/// libpcap's live program for `expr`, or its error message.
fn libpcap_live(
    cap: &pcap::Capture<pcap::Active>,
    expr: &str,
    optimize: bool,
) -> Result<Vec<Insn>, String> {
    let _guard = LIBPCAP.lock().unwrap_or_else(|p| p.into_inner());
    let prog = cap.compile(expr, optimize).map_err(|e| match e {
        pcap::Error::PcapError(msg) => msg,
        other => other.to_string(),
    })?;
    prog.get_instructions()
        .iter()
        .map(|i| parse_insn(&i.to_string()))
        .collect::<Option<Vec<Insn>>>()
        .ok_or_else(|| "cannot read libpcap's instructions".to_string())
}

fn rfilter_live(expr: &str, optimize: bool) -> Result<Vec<Insn>, filter::FilterError> {
    let opts = CompileOptions {
        linktype: LinkType::En10mb,
        snaplen: LIVE_SNAPLEN,
        optimize,
        netmask: NETMASK,
        linux_vlan_ancillary: true,
        // As live capture compiles: the program goes to the kernel.
        for_kernel: true,
        savefile: None,
    };
    filter::compile(expr, &opts)
}

fn uses_vlan_ancillary(prog: &[Insn]) -> bool {
    prog.iter().any(|i| {
        i.code == 0x30 /* ldb [k] */ && i.k == SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT
    })
}

// ---------------------------------------------------------------------------
// Frames as the kernel hands them to a packet socket's filter.

/// One frame as a socket filter sees it: the bytes after the kernel's VLAN
/// stripping, the length on the wire (after stripping too: `len` loads
/// `skb->len`) and the ancillary values.
struct LiveFrame {
    label: String,
    data: Vec<u8>,
    wire_len: u32,
    anc: Ancillary,
}

fn no_tag() -> Ancillary {
    Ancillary {
        protocol: 0x0800,
        hatype: 1,
        ..Ancillary::default()
    }
}

fn stripped(tpid: u16, tci: u16) -> Ancillary {
    Ancillary {
        vlan_tci: Some(tci),
        vlan_tpid: tpid,
        ..no_tag()
    }
}

fn is_tag_type(t: u16) -> bool {
    matches!(t, 0x8100 | 0x88a8 | 0x9100)
}

fn ethertype(data: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(12)?, *data.get(13)?]))
}

/// Tags the kernel may report for a frame that had none inline (VLAN 0, priority
/// and DEI bits, the largest VID, the VIDs expressions name).
const STRIPPED_TAGS: [(u16, u16); 9] = [
    (0x8100, 10),
    (0x8100, 20 | 0xa000),
    (0x8100, 0),
    (0x8100, 4095 | 0x1000),
    (0x88a8, 100),
    (0x8100, 200),
    (0x88a8, 300 | 0xe000),
    (0x8100, 20),
    (0x8100, 10 | 0x2000),
];

/// The Ethernet corpus turned into what a live socket sees:
/// - every frame as captured, no tag reported (untagged frames; tagged frames whose
///   tag the kernel left inline, as it does for 0x9100 and without offload);
/// - every frame with an outer tag, stripped: the tag removed from the bytes and
///   reported (QinQ keeps the inner tag inline), including truncated captures, as
///   the kernel strips before the snapshot length applies;
/// - every untagged frame with a tag reported, as if the kernel had stripped one.
fn live_frames() -> Vec<LiveFrame> {
    let samples: Vec<Sample> = corpus::samples(LinkType::En10mb);
    let mut out = Vec::new();
    for (i, s) in samples.iter().enumerate() {
        out.push(LiveFrame {
            label: format!("{} / no tag reported", s.label),
            data: s.data.clone(),
            wire_len: s.wire_len,
            anc: no_tag(),
        });
        match ethertype(&s.data) {
            Some(t) if is_tag_type(t) && s.data.len() >= 16 => {
                let tci = u16::from_be_bytes([s.data[14], s.data[15]]);
                let mut data = s.data[..12].to_vec();
                data.extend_from_slice(&s.data[16..]);
                out.push(LiveFrame {
                    label: format!("{} / outer tag {t:#x} {tci:#x} stripped", s.label),
                    data,
                    wire_len: s.wire_len - 4,
                    anc: stripped(t, tci),
                });
            }
            _ => {
                let (tpid, tci) = STRIPPED_TAGS[i % STRIPPED_TAGS.len()];
                out.push(LiveFrame {
                    label: format!("{} / tag {tpid:#x} {tci:#x} reported", s.label),
                    data: s.data.clone(),
                    wire_len: s.wire_len,
                    anc: stripped(tpid, tci),
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Comparison.

fn run(prog: &[Insn], f: &LiveFrame) -> u32 {
    vm::run_with_ancillary(prog, &f.data, f.wire_len, &f.anc)
}

/// libpcap's and rfilter's optimizers drop loads whose values cannot change the
/// outcome, so on a short frame an optimized program may accept where the
/// unoptimized one runs off the end: accept the unoptimized verdict on the frame
/// completed with zeros or 0xff bytes (as tests/common/compare.rs does).
fn completed_verdict_matches(unoptimized: &[Insn], f: &LiveFrame, verdict: u32) -> bool {
    [0u8, 0xff].iter().any(|&fill| {
        let mut d = f.data.clone();
        d.resize(d.len().max(65536), fill);
        vm::run_with_ancillary(unoptimized, &d, f.wire_len, &f.anc) == verdict
    })
}

fn hex(data: &[u8]) -> String {
    data.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("      {l}\n")).collect()
}

#[derive(Default)]
struct Tally {
    verdicts: usize,
    accepted: usize,
    /// Frames where libpcap's optimized and unoptimized programs disagree.
    libpcap_opt_unopt_differ: usize,
    /// Expressions libpcap's optimizer gets wrong (or refuses with an internal error).
    libpcap_opt_wrong: Vec<String>,
    /// Expressions where libpcap's VLAN offset registers collide with arithmetic
    /// temporaries (see [`repair_offset_registers`]).
    libpcap_registers_repaired: Vec<String>,
    /// Of those, expressions whose libpcap program uses every register, so that
    /// the collision cannot be repaired: not compared.
    unrepairable: Vec<String>,
}

/// Why there is no reference for an expression.
enum Skip {
    /// libpcap refuses the filter, with this message.
    Refused(String),
    /// See [`Tally::unrepairable`].
    Unrepairable,
}

/// libpcap's live programs for one expression and their verdicts on every frame.
struct Reference {
    optimized: Vec<Insn>,
    unoptimized: Vec<Insn>,
    opt_verdicts: Vec<u32>,
    unopt_verdicts: Vec<u32>,
    /// libpcap's optimizer refused the filter as rejecting everything.
    rejects_all: bool,
    /// Frames (sorted) where libpcap's optimized verdict is none its unoptimized
    /// program gives on the frame or its completions: libpcap optimizer bugs;
    /// there only the unoptimized verdict counts.
    opt_wrong_on: Vec<usize>,
}

/// libpcap's unoptimized live program with its VLAN offset registers kept apart
/// from arithmetic temporaries: `None` when they already are, `Some(None)` when
/// they are not and the program leaves no register free to move them to.
///
/// libpcap zeroes the offset registers at entry (`ld #0; st M[a]; st M[b]`), bumps
/// them (`ld M[r]; add #4; st M[r]`) when the tag is inline and adds them to later
/// loads, trusting them to be 0 otherwise. But it allocates them after an earlier
/// arithmetic expression freed its temporaries, and may pick one of those, which
/// that expression overwrote (`len > 100 and vlan and tcp`: M[1] holds 100). Code
/// built before `vlan` runs before it and is not reachable from its first
/// `ldb [vlanp]`; code built after cannot use the registers. So every access
/// reachable from that load, and the zeroing at entry, is an offset access: moved
/// to registers the program does not use, it gives the intended program.
fn repair_offset_registers(prog: &[Insn]) -> Option<Option<Vec<Insn>>> {
    const LD_IMM: u16 = 0x00;
    const ST: u16 = 0x02;
    const STX: u16 = 0x03;
    const LD_MEM: u16 = 0x60;
    const LDX_MEM: u16 = 0x61;
    const ADD_K: u16 = 0x04;
    const JA: u16 = 0x05;
    let first = prog.first()?;
    if first.code != LD_IMM || first.k != 0 {
        return None;
    }
    let zeroed: Vec<u32> = prog[1..]
        .iter()
        .take_while(|i| i.code == ST)
        .map(|i| i.k)
        .collect();
    let prologue = 1 + zeroed.len();
    // The first VLAN test: `ldb [vlanp]; jeq #1` whose false branch bumps.
    let head = (prologue..prog.len()).find(|&i| {
        let (Some(ld), Some(jeq)) = (prog.get(i), prog.get(i + 1)) else {
            return false;
        };
        let bump_at = i + 2 + usize::from(jeq.jf);
        ld.code == 0x30
            && ld.k == SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT
            && jeq.code == 0x15
            && prog.get(bump_at).is_some_and(|b| {
                b.code == LD_MEM
                    && zeroed.contains(&b.k)
                    && prog.get(bump_at + 1) == Some(&Insn::stmt(ADD_K, 4))
            })
    })?;
    // Instructions reachable from the head (every jump goes forward).
    let mut reach = vec![false; prog.len()];
    reach[head] = true;
    for i in head..prog.len() {
        if !reach[i] {
            continue;
        }
        let insn = prog[i];
        let next: Vec<usize> = match insn.code & 0x07 {
            0x06 => vec![],
            0x05 if insn.code == JA => vec![i + 1 + insn.k as usize],
            0x05 => vec![i + 1 + usize::from(insn.jt), i + 1 + usize::from(insn.jf)],
            _ => vec![i + 1],
        };
        for n in next {
            if let Some(r) = reach.get_mut(n) {
                *r = true;
            }
        }
    }
    let is_mem = |i: &Insn| matches!(i.code, ST | STX | LD_MEM | LDX_MEM);
    // A store to an offset register before the head, other than the zeroing: the
    // collision.
    let clobbered = (prologue..head).any(|i| {
        let insn = prog[i];
        !reach[i] && matches!(insn.code, ST | STX) && zeroed.contains(&insn.k)
    });
    if !clobbered {
        return None;
    }
    let used: Vec<u32> = prog.iter().filter(|i| is_mem(i)).map(|i| i.k).collect();
    let fresh: Vec<u32> = (0..16).rev().filter(|r| !used.contains(r)).collect();
    if fresh.len() < zeroed.len() {
        // Every register is taken: no repair, no reference.
        return Some(None);
    }
    let rename = |k: u32| -> u32 {
        zeroed
            .iter()
            .position(|&z| z == k)
            .and_then(|p| fresh.get(p).copied())
            .unwrap_or(k)
    };
    let mut out = prog.to_vec();
    for (i, insn) in out.iter_mut().enumerate() {
        if is_mem(insn) && (reach[i] || (1..prologue).contains(&i)) {
            insn.k = rename(insn.k);
        }
    }
    Some(Some(out))
}

/// libpcap's live programs for `expr`, or its message when it refuses the filter.
fn reference(
    cap: &pcap::Capture<pcap::Active>,
    expr: &str,
    frames: &[LiveFrame],
    tally: &mut Tally,
) -> Result<Result<Reference, Skip>, String> {
    let unoptimized = match libpcap_live(cap, expr, false) {
        Ok(p) => p,
        Err(e) => return Ok(Err(Skip::Refused(e))),
    };
    // Where libpcap's VLAN offset registers collide with an earlier arithmetic
    // temporary, its programs are wrong; the reference is then its unoptimized
    // program with the registers kept apart (rfilter keeps them apart).
    if let Some(repaired) = repair_offset_registers(&unoptimized) {
        let Some(repaired) = repaired else {
            tally.unrepairable.push(expr.to_string());
            return Ok(Err(Skip::Unrepairable));
        };
        tally.libpcap_registers_repaired.push(expr.to_string());
        let verdicts: Vec<u32> = frames.iter().map(|f| run(&repaired, f)).collect();
        return Ok(Ok(Reference {
            optimized: repaired.clone(),
            unoptimized: repaired,
            opt_verdicts: verdicts.clone(),
            unopt_verdicts: verdicts,
            rejects_all: false,
            opt_wrong_on: Vec::new(),
        }));
    }
    let (optimized, rejects_all) = match libpcap_live(cap, expr, true) {
        Ok(p) => (p, false),
        Err(e) if e.contains(REJECTS_ALL) => (vec![Insn::stmt(0x06, 0)], true),
        // libpcap's optimizer fails on some live VLAN programs ("no destination
        // found for block-local relative jump"): only the unoptimized one counts.
        Err(e) => {
            tally
                .libpcap_opt_wrong
                .push(format!("`{expr}`: libpcap -O refuses: {e}"));
            (unoptimized.clone(), false)
        }
    };
    let unopt_verdicts: Vec<u32> = frames.iter().map(|f| run(&unoptimized, f)).collect();
    let opt_verdicts: Vec<u32> = frames.iter().map(|f| run(&optimized, f)).collect();
    let mut opt_wrong_on = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        if opt_verdicts[i] != unopt_verdicts[i] {
            tally.libpcap_opt_unopt_differ += 1;
            // Dropping dead loads legitimately changes verdicts on short frames;
            // a verdict no completion of the frame gives is a libpcap bug.
            if !completed_verdict_matches(&unoptimized, f, opt_verdicts[i]) {
                opt_wrong_on.push(i);
            }
        }
    }
    if let Some(&i) = opt_wrong_on.first() {
        tally.libpcap_opt_wrong.push(format!(
            "`{expr}`: libpcap -O {} where libpcap {} on {} frames, e.g. {}",
            opt_verdicts[i],
            unopt_verdicts[i],
            opt_wrong_on.len(),
            frames[i].label
        ));
    }
    Ok(Ok(Reference {
        optimized,
        unoptimized,
        opt_verdicts,
        unopt_verdicts,
        rejects_all,
        opt_wrong_on,
    }))
}

/// Checks `ours` (named `what`) against libpcap's programs on every frame: its
/// verdict must be libpcap's optimized or unoptimized one (only the unoptimized
/// one where libpcap's optimized verdict is none the frame could get), or the
/// unoptimized one's on the completed frame. Returns a report of the
/// mismatches, if any.
fn compare(
    expr: &str,
    what: &str,
    ours: &[Insn],
    r: &Reference,
    frames: &[LiveFrame],
    tally: &mut Tally,
) -> Result<(), String> {
    let mut bad = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        let v = run(ours, f);
        tally.verdicts += 1;
        if v != 0 {
            tally.accepted += 1;
        }
        let opt_ok = v == r.opt_verdicts[i] && r.opt_wrong_on.binary_search(&i).is_err();
        if !opt_ok && v != r.unopt_verdicts[i] && !completed_verdict_matches(&r.unoptimized, f, v) {
            bad.push((i, v));
        }
    }
    if bad.is_empty() {
        return Ok(());
    }
    let mut report = format!(
        "MISMATCH: {what}, `{expr}`: {} of {} frames differ\n",
        bad.len(),
        frames.len()
    );
    for &(i, v) in bad.iter().take(4) {
        let f = &frames[i];
        let _ = writeln!(
            report,
            "  frame {i}: {} (captured {}, wire {}, vlan_tci {:x?})\n    hex: {}\n    \
             {what}: {v}   libpcap -O: {}   libpcap: {}",
            f.label,
            f.data.len(),
            f.wire_len,
            f.anc.vlan_tci,
            hex(&f.data),
            r.opt_verdicts[i],
            r.unopt_verdicts[i]
        );
    }
    let _ = writeln!(
        report,
        "  {what} program:\n{}  libpcap optimized:\n{}  libpcap unoptimized:\n{}",
        indent(&dump::dump(ours, 1)),
        indent(&dump::dump(&r.optimized, 1)),
        indent(&dump::dump(&r.unoptimized, 1))
    );
    Err(report)
}

/// rfilter's optimized and unoptimized live programs for `expr` against
/// libpcap's; when libpcap refuses the filter rfilter must refuse it too.
fn check(
    cap: &pcap::Capture<pcap::Active>,
    expr: &str,
    frames: &[LiveFrame],
    tally: &mut Tally,
) -> Result<(), String> {
    let r = match reference(cap, expr, frames, tally)? {
        Ok(r) => r,
        Err(Skip::Unrepairable) => return Ok(()),
        Err(Skip::Refused(e)) => {
            for optimize in [false, true] {
                match rfilter_live(expr, optimize) {
                    Ok(p) => {
                        return Err(format!(
                            "`{expr}`: libpcap refuses ({e}), rfilter (optimize {optimize}) accepts:\n{}",
                            indent(&dump::dump(&p, 1))
                        ));
                    }
                    // rfilter words syntax errors its own way (it says what it
                    // expected); semantic errors must be libpcap's.
                    Err(ours) if ours.message != e && !e.starts_with(SYNTAX_ERROR) => {
                        return Err(format!(
                            "`{expr}`: libpcap says \"{e}\", rfilter \"{}\"",
                            ours.message
                        ));
                    }
                    Err(_) => {}
                }
            }
            return Ok(());
        }
    };
    let mut report = String::new();
    for optimize in [true, false] {
        let what = if optimize { "rfilter" } else { "rfilter -O" };
        let ours = match rfilter_live(expr, optimize) {
            Ok(p) => p,
            // Refusing a never-matching filter when optimizing is what libpcap does.
            Err(e) if optimize && r.rejects_all && e.message.contains(REJECTS_ALL) => continue,
            Err(e) => {
                let _ = writeln!(
                    report,
                    "`{expr}`: {what} refuses what libpcap accepts: {}",
                    e.message
                );
                continue;
            }
        };
        if let Err(e) = verify::verify(&ours) {
            let _ = writeln!(report, "`{expr}`: {what} program fails verify: {e}");
        }
        if let Err(e) = compare(expr, what, &ours, &r, frames, tally) {
            report.push_str(&e);
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

fn summarize(failures: &[String]) -> String {
    let mut text: String = failures
        .iter()
        .take(12)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if failures.len() > 12 {
        let _ = write!(text, "\n... and {} more", failures.len() - 12);
    }
    format!("{} failures:\n{text}", failures.len())
}

/// Expressions around gencode.c's VLAN handling: the ancillary test only for the
/// outermost tag (first `vlan`, link header not moved), inline tests for later
/// ones; `vlan` after other protocols, twice, in `or` and `not`; with MPLS, PPPoE
/// and Geneve, which move the link header or forbid VLAN.
const VLAN_EXPRESSIONS: &[&str] = &[
    "vlan",
    "vlan 10",
    "vlan 20",
    "vlan 0",
    "vlan 4095",
    "vlan 300",
    "vlan 4096",
    "vlan 10 and ip",
    "vlan and ip",
    "vlan and ip6",
    "vlan and arp",
    "vlan and not ip",
    "vlan and vlan",
    "vlan and vlan 20",
    "vlan 100 and vlan 10",
    "vlan 100 and vlan 200 and udp",
    "vlan and vlan and vlan",
    "vlan and vlan and vlan 300",
    "vlan and vlan and ip",
    "vlan 10 and vlan 20 or vlan 30",
    "vlan 10 or vlan 20",
    "vlan or vlan",
    "vlan or ip",
    "ip or vlan",
    "(vlan 10 or vlan 20) and ip",
    "vlan 10 or vlan 20 and ip",
    "not vlan",
    "not vlan 10",
    "not vlan and ip",
    "not vlan and udp port 53",
    "not vlan or ip",
    "not (vlan and ip)",
    "not vlan and not vlan",
    "vlan and tcp port 80",
    "vlan and udp port 53",
    "vlan 10 and host 10.0.0.1",
    "vlan and (tcp or udp)",
    "vlan and ip[9] = 6",
    "vlan and ip6 and tcp",
    "vlan and icmp",
    "vlan and ip proto \\udp",
    "vlan and ether broadcast",
    "vlan and ether multicast",
    "vlan and ether host 00:00:00:00:00:00",
    "vlan and ether[12:2] = 0x800",
    "vlan and link[12:2] = 0x800",
    "ether[12:2] = 0x8100 and vlan",
    "vlan and ether proto 0x8100",
    "vlan and ether proto \\ip",
    "vlan and portrange 50-60",
    "vlan and tcp[tcpflags] & tcp-syn != 0",
    "vlan and ip[2:2] > 100",
    "vlan and len > 100",
    "vlan and len <= 64",
    "vlan and greater 60",
    "vlan and llc",
    "vlan and stp",
    "vlan and ip broadcast",
    "vlan and ip multicast",
    "vlan and net 10.0.0.0/8",
    "vlan and ip6 host 2001:db8::1",
    "vlan and protochain 6",
    "vlan and ip and ip6",
    "ip and vlan 20",
    "ip and vlan 0",
    "ip6 and vlan 10",
    "ether proto 0x8892 or (vlan and ether proto 0x8892)",
    "ip or (vlan and ip)",
    "tcp or (vlan 10 and tcp)",
    "(vlan 10 and ip src 10.0.0.1) or (vlan 20 and ip src 10.0.0.2)",
    "ip and vlan",
    "ip and vlan 10",
    "tcp and vlan",
    "tcp port 80 and vlan",
    "ether host 00:00:00:00:00:00 and vlan",
    "arp or vlan 10 and ip",
    "mpls and vlan",
    "mpls 100 and vlan 10",
    "vlan and mpls",
    "vlan and mpls 100",
    "vlan 10 and mpls 100 and ip",
    "vlan and mpls and vlan",
    "vlan and pppoes",
    "vlan and pppoes and ip",
    "vlan and pppoes 0x1234 and udp",
    "pppoes and vlan",
    "vlan and pppoed",
    "geneve and vlan",
    "vlan and geneve",
    "vlan and geneve and vlan",
    "vlan 10 and geneve 100 and ip",
    "vlan and inbound",
    "vlan and outbound",
    "inbound and vlan 10",
    "vlan and ifindex 1",
    "vlan[0] = 1",
];

fn report(name: &str, exprs: usize, frames: &[LiveFrame], tally: &Tally, failures: &[String]) {
    println!(
        "{name}: {exprs} expressions, {} frames, {} rfilter verdicts compared ({} accepts), \
         {} frames where libpcap -O and libpcap differ, {} expressions libpcap's optimizer \
         gets wrong, {} failures",
        frames.len(),
        tally.verdicts,
        tally.accepted,
        tally.libpcap_opt_unopt_differ,
        tally.libpcap_opt_wrong.len(),
        failures.len()
    );
    for w in &tally.libpcap_opt_wrong {
        println!("  libpcap optimizer bug: {w}");
    }
    println!(
        "  {} expressions where libpcap's VLAN offset registers collide with arithmetic \
         temporaries (reference: libpcap's program with them kept apart)",
        tally.libpcap_registers_repaired.len()
    );
    for e in &tally.libpcap_registers_repaired {
        println!("  libpcap register collision: `{e}`");
    }
    for e in &tally.unrepairable {
        println!("  libpcap register collision, all registers used, not compared: `{e}`");
    }
}

#[test]
fn live_handle_compiles_vlan_to_ancillary_loads() {
    let cap = live_handle();
    let prog = libpcap_live(&cap, "vlan", true).expect("libpcap compiles `vlan`");
    assert!(
        uses_vlan_ancillary(&prog),
        "libpcap's live program for `vlan` on lo has no `ldb [vlanp]`; the kernel or \
         libpcap lacks BPF_SPECIAL_VLAN_HANDLING:\n{}",
        dump::dump(&prog, 1)
    );
    let ours = rfilter_live("vlan", true).expect("rfilter compiles `vlan`");
    assert!(uses_vlan_ancillary(&ours), "{}", dump::dump(&ours, 1));
    // And the VID comes from the reported tag.
    let ours = rfilter_live("vlan 10", true).expect("rfilter compiles `vlan 10`");
    assert!(
        ours.iter()
            .any(|i| i.code & 0x07 == 0 && i.k == SKF_AD_OFF + SKF_AD_VLAN_TAG),
        "{}",
        dump::dump(&ours, 1)
    );
}

#[test]
fn vlan_expressions_match_libpcap_live() {
    let cap = live_handle();
    let frames = live_frames();
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for expr in VLAN_EXPRESSIONS {
        if let Err(r) = check(&cap, expr, &frames, &mut tally) {
            failures.push(r);
        }
    }
    report(
        "live vlan",
        VLAN_EXPRESSIONS.len(),
        &frames,
        &tally,
        &failures,
    );
    assert!(tally.accepted > 0 && tally.accepted < tally.verdicts);
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Every Ethernet expression of grammar/examples/ with `vlan` before and after it,
/// and in libpcap issue #1513's shape `X or (vlan and X)`: the VLAN offsets
/// (registers shifted at run time) reach every primitive.
#[test]
fn corpus_expressions_inside_vlan_match_libpcap_live() {
    let cap = live_handle();
    let frames = live_frames();
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    let mut exprs = 0;
    for ex in examples::valid()
        .into_iter()
        .filter(|e| e.linktypes.contains(&LinkType::En10mb))
    {
        for expr in [
            format!("vlan and ({})", ex.expr),
            format!("vlan 10 and ({})", ex.expr),
            format!("({}) and vlan 10", ex.expr),
            format!("({0}) or (vlan and ({0}))", ex.expr),
        ] {
            exprs += 1;
            if let Err(r) = check(&cap, &expr, &frames, &mut tally) {
                failures.push(format!("{}: {r}", ex.origin));
            }
        }
    }
    report("live vlan x corpus", exprs, &frames, &tally, &failures);
    assert!(exprs >= 1600, "only {exprs} expressions");
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// The program without the scratch-register zeroing at entry (`ld #0; st M[a]…`).
fn without_register_init(prog: &[Insn]) -> &[Insn] {
    match prog.first() {
        Some(first) if first.code == 0x00 && first.k == 0 => {
            let stores = prog[1..].iter().take_while(|i| i.code == 0x02).count();
            if stores > 0 {
                &prog[1 + stores..]
            } else {
                prog
            }
        }
        _ => prog,
    }
}

/// Equal but for the numbering of scratch registers (one consistent renaming).
fn same_modulo_registers(a: &[Insn], b: &[Insn]) -> bool {
    let mut map: Vec<(u32, u32)> = Vec::new();
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            if (x.code, x.jt, x.jf) != (y.code, y.jt, y.jf) {
                return false;
            }
            if !matches!(x.code, 0x02 | 0x03 | 0x60 | 0x61) {
                return x.k == y.k;
            }
            match map.iter().find(|(p, q)| *p == x.k || *q == y.k) {
                Some(&(p, q)) => p == x.k && q == y.k,
                None => {
                    map.push((x.k, y.k));
                    true
                }
            }
        })
}

/// Without the optimizer rfilter's live programs are libpcap's instruction for
/// instruction (what `rfilter -O -d -i lo EXPR` and `tcpdump -O -d -i lo EXPR`
/// list), except where rfilter deliberately differs:
/// - the scratch registers zeroed at entry: rfilter zeroes those some path reads
///   before storing; libpcap zeroes its VLAN offset registers as they stand at the
///   end, so after `vlan and pppoes` it zeroes one twice and leaves the other
///   unset (the kernel refuses such a program);
/// - where libpcap's VLAN offset registers collide with arithmetic temporaries
///   (see [`repair_offset_registers`]), rfilter's program is the repaired one up
///   to register numbers;
/// - `protochain` (libpcap loops backwards; rfilter unrolls).
#[test]
fn unoptimized_live_programs_are_libpcaps() {
    let cap = live_handle();
    let mut exprs: Vec<String> = VLAN_EXPRESSIONS.iter().map(|e| e.to_string()).collect();
    for ex in examples::valid()
        .into_iter()
        .filter(|e| e.linktypes.contains(&LinkType::En10mb))
    {
        exprs.push(format!("vlan and ({})", ex.expr));
        exprs.push(format!("vlan 10 and ({})", ex.expr));
        exprs.push(format!("({}) and vlan 10", ex.expr));
        exprs.push(format!("({0}) or (vlan and ({0}))", ex.expr));
    }
    let (mut compared, mut same, mut init_differs, mut repaired, mut unrepairable) =
        (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for expr in &exprs {
        if expr.contains("protochain") {
            continue;
        }
        let Ok(theirs) = libpcap_live(&cap, expr, false) else {
            continue;
        };
        let Ok(ours) = rfilter_live(expr, false) else {
            continue; // reported by the verdict tests
        };
        compared += 1;
        if ours == theirs {
            same += 1;
            continue;
        }
        let body = without_register_init(&ours);
        if body == without_register_init(&theirs) {
            init_differs += 1;
            continue;
        }
        match repair_offset_registers(&theirs) {
            Some(Some(fixed)) if same_modulo_registers(body, without_register_init(&fixed)) => {
                repaired += 1;
                continue;
            }
            Some(None) => {
                unrepairable += 1;
                continue;
            }
            _ => {}
        }
        failures.push(format!(
            "`{expr}`:\n  rfilter -O:\n{}  libpcap unoptimized:\n{}",
            indent(&dump::dump(&ours, 1)),
            indent(&dump::dump(&theirs, 1))
        ));
    }
    println!(
        "{compared} unoptimized live programs: {same} identical to libpcap's, {init_differs} \
         but for the registers zeroed at entry, {repaired} libpcap's with its offset \
         registers kept apart from arithmetic, {unrepairable} not comparable (libpcap's \
         offset registers collide and it uses all 16), {} differ",
        failures.len()
    );
    assert!(compared > 3000, "only {compared} programs compared");
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// libpcap's live programs for `X and vlan and Y` are wrong when X is arithmetic
/// (its VLAN offset registers collide with X's temporaries, see
/// [`repair_offset_registers`]); rfilter's are right. Checked here without the
/// repair, against a libpcap program that has no collision: when X reads only the
/// link header or the length (which `vlan` does not move), `X and vlan and Y`
/// means `vlan and Y and X`, where libpcap allocates X's temporaries after the
/// offset registers.
#[test]
fn arithmetic_before_vlan_keeps_the_offsets() {
    let cap = live_handle();
    let frames = live_frames();
    let xs = [
        "len > 100",
        "len - 14 > 40",
        "len * 2 > 200",
        "ether[12:2] = 0x800",
        "ether[0] & 1 = 0",
        "ether[6:4] + 1 > 0",
        "ether[12:2] - 0x800 = 0",
    ];
    let ys = [
        "ip",
        "tcp port 80",
        "ip host 10.0.0.2",
        "udp and ip src 10.0.0.1",
        "ip6",
        "tcp[13] & 2 != 0",
        "ip[9] = 6",
        "vlan",
    ];
    let (mut compared, mut differs_from_libpcap) = (0usize, 0usize);
    let mut failures = Vec::new();
    for x in xs {
        for y in ys {
            let expr = format!("{x} and vlan and {y}");
            let oracle_expr = format!("vlan and {y} and {x}");
            let oracle = libpcap_live(&cap, &oracle_expr, false).expect("libpcap compiles it");
            assert!(
                repair_offset_registers(&oracle).is_none(),
                "`{oracle_expr}`: libpcap's offset registers collide"
            );
            let theirs = libpcap_live(&cap, &expr, false).expect("libpcap compiles it");
            for optimize in [false, true] {
                let ours = rfilter_live(&expr, optimize).expect("rfilter compiles it");
                for f in &frames {
                    compared += 1;
                    let want = run(&oracle, f);
                    let got = run(&ours, f);
                    if got != want && !completed_verdict_matches(&oracle, f, got) {
                        failures.push(format!(
                            "`{expr}` (optimize {optimize}) on {}: rfilter {got}, \
                             libpcap's `{oracle_expr}` {want}",
                            f.label
                        ));
                    }
                    if !optimize && run(&theirs, f) != want {
                        differs_from_libpcap += 1;
                    }
                }
            }
        }
    }
    println!(
        "arithmetic before vlan: {compared} verdicts compared with the reordered filter, \
         {differs_from_libpcap} frames where libpcap's own `X and vlan and Y` is wrong, {} failures",
        failures.len()
    );
    // libpcap's bug is real on this corpus (else this test proves nothing).
    assert!(differs_from_libpcap > 0);
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Attaches `prog` to a UDP socket, which runs the kernel's classic-BPF checks
/// (the same as on a packet socket, without privileges): `Ok` if the kernel
/// accepts it, the error (EINVAL when the checker refuses) otherwise.
fn kernel_accepts(prog: &[Insn]) -> std::io::Result<()> {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    // SAFETY: socket(2) with constant arguments; checked before use and owned (closed
    // on drop) by the OwnedFd.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0) };
    assert!(fd >= 0, "socket: {}", std::io::Error::last_os_error());
    // SAFETY: a freshly opened descriptor nothing else owns.
    let sock = unsafe { OwnedFd::from_raw_fd(fd) };
    let mut filter: Vec<libc::sock_filter> = prog
        .iter()
        .map(|i| libc::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect();
    let fprog = libc::sock_fprog {
        len: u16::try_from(filter.len()).expect("program length fits in u16"),
        filter: filter.as_mut_ptr(),
    };
    // SAFETY: fprog points at `filter`, which outlives the call; the kernel copies
    // the instructions.
    let rc = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_ATTACH_FILTER,
            (&fprog as *const libc::sock_fprog).cast(),
            std::mem::size_of::<libc::sock_fprog>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The kernel accepts every live `vlan` program rfilter makes (optimized and not),
/// including the VID test's `ldb [vlan_tci]` and the zeroed offset registers. It
/// refuses libpcap's for `vlan and pppoes …`, which reads an offset register it
/// never zeroes (libpcap then filters in userspace).
#[test]
fn kernel_accepts_rfilters_live_vlan_programs() {
    let cap = live_handle();
    let mut exprs: Vec<String> = VLAN_EXPRESSIONS.iter().map(|e| e.to_string()).collect();
    for ex in examples::valid()
        .into_iter()
        .filter(|e| e.linktypes.contains(&LinkType::En10mb))
    {
        exprs.push(format!("vlan and ({})", ex.expr));
        exprs.push(format!("({}) and vlan and ip", ex.expr));
    }
    let mut attached = 0;
    let mut failures = Vec::new();
    for expr in &exprs {
        for optimize in [false, true] {
            let Ok(prog) = rfilter_live(expr, optimize) else {
                continue;
            };
            match kernel_accepts(&prog) {
                Ok(()) => attached += 1,
                Err(e) => failures.push(format!(
                    "`{expr}` (optimize {optimize}): the kernel refuses it: {e}\n{}",
                    indent(&dump::dump(&prog, 1))
                )),
            }
        }
    }
    let theirs = libpcap_live(&cap, "vlan and pppoes and ip", false).expect("libpcap compiles it");
    let refused = kernel_accepts(&theirs).expect_err("the kernel refuses libpcap's program");
    println!(
        "kernel: {attached} rfilter live vlan programs attached, {} refused; libpcap's \
         `vlan and pppoes and ip`: {refused}",
        failures.len()
    );
    assert!(attached > 2000, "only {attached} programs attached");
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// End to end on a real kernel: rfilter and tcpdump capture side by side on a veth
/// (whose receive path strips the 802.1Q tag and reports it as ancillary data)
/// while tagged and untagged frames arrive. rfilter must capture exactly the
/// frames each filter means; what tcpdump (libpcap 1.10) captures is reported:
/// for `ip and vlan 100` its optimizer breaks the VID test, for `len > 100 and vlan
/// and udp dst port 9001` its offset register holds the 100.
#[test]
fn kernel_end_to_end_against_tcpdump() {
    use live_support::{MAC_B, Rfilter, VethPair, read_pcap, temp_dir, udp_frame};
    use std::process::Command;
    use std::time::Duration;
    let net = VethPair::new();
    let mut sent = Vec::new();
    for i in 0..4 {
        for len in [40, 200] {
            sent.push(udp_frame(MAC_B, i, len, Some(100), 9001));
            sent.push(udp_frame(MAC_B, i, len, Some(100), 9000));
            sent.push(udp_frame(MAC_B, i, len, Some(200), 9001));
            sent.push(udp_frame(MAC_B, i, len, None, 9001));
        }
    }
    // Sent frames: dst, src, [tag,] type 0x0800, IPv4, UDP.
    let tag =
        |f: &[u8]| (f[12..14] == [0x81, 0x00]).then(|| u16::from_be_bytes([f[14], f[15]]) & 0xfff);
    let vlan100 = |f: &Vec<u8>| tag(f) == Some(100);
    // The kernel's `len` excludes the stripped tag.
    let long_9001 =
        |f: &Vec<u8>| tag(f).is_some() && f.len() - 4 > 100 && f[40..42] == [0x23, 0x29];
    // (expression, the frames it means, whether libpcap 1.10 gets it right).
    type Means<'a> = &'a dyn Fn(&Vec<u8>) -> bool;
    let cases: [(&str, Means, bool); 5] = [
        ("vlan 100", &vlan100, true),
        ("vlan 100 and ip", &vlan100, true),
        ("ip and vlan 100", &vlan100, false),
        ("vlan and udp dst port 9001 and len > 100", &long_9001, true),
        (
            "len > 100 and vlan and udp dst port 9001",
            &long_9001,
            false,
        ),
    ];
    let mut report = Vec::new();
    for (expr, keep, libpcap_right) in cases {
        let dir = temp_dir("vlanlive");
        let ours = dir.join("rfilter.pcap").to_string_lossy().into_owned();
        let theirs = dir.join("tcpdump.pcap").to_string_lossy().into_owned();
        let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-w", &ours, expr]);
        let mut cmd = Command::new("ip");
        cmd.args([
            "netns",
            "exec",
            &net.ns_b,
            "tcpdump",
            "--immediate-mode",
            "-i",
            &net.if_b,
            "-w",
            &theirs,
            expr,
        ]);
        let mut t = Rfilter::spawn(cmd, true);
        net.send_from_a(&sent);
        std::thread::sleep(Duration::from_millis(200));
        r.signal("INT");
        t.signal("INT");
        let rf = r.finish_within(Duration::from_secs(10));
        let tf = t.finish_within(Duration::from_secs(10));
        assert_eq!(rf.code, Some(0), "{expr}: {rf:?}");
        assert_eq!(tf.code, Some(0), "{expr}: tcpdump: {tf:?}");
        let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| keep(f)).cloned().collect();
        let got: Vec<Vec<u8>> = read_pcap(std::path::Path::new(&ours))
            .1
            .into_iter()
            .map(|r| r.data)
            .collect();
        let tcpdump_got = read_pcap(std::path::Path::new(&theirs)).1.len();
        assert!(
            !wanted.is_empty(),
            "{expr}: the frames do not exercise the filter"
        );
        assert_eq!(
            got, wanted,
            "{expr}: rfilter captured other frames than the filter means"
        );
        assert!(!rf.stderr.contains("warning"), "{expr}: {}", rf.stderr);
        // Where libpcap is right tcpdump must agree, or the setup is broken.
        if libpcap_right {
            assert_eq!(tcpdump_got, wanted.len(), "{expr}: tcpdump: {}", tf.stderr);
        }
        report.push(format!(
            "`{expr}`: {} frames meant, rfilter {}, tcpdump {tcpdump_got}",
            wanted.len(),
            got.len()
        ));
    }
    println!(
        "kernel end to end ({} frames sent):\n  {}",
        sent.len(),
        report.join("\n  ")
    );
}
