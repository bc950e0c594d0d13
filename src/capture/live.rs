//! Live capture: opening the interface, the capture thread, the output loop, and
//! tcpdump's start and end messages.
//!
//! Threads: the capture thread owns the socket and the ring; for each block the
//! kernel hands over it copies the wanted packets into a `Batch` and returns the
//! block at once. Batches travel over a bounded channel to the calling thread, which
//! runs the sink. When the sink is slow the channel fills, the capture thread waits,
//! the ring fills, and the kernel drops (and counts) — memory stays bounded.

use super::batch::{Batch, Framer, Framing};
use super::fixup;
use super::interfaces;
use super::ring::{self, Geometry, Ring};
use super::socket::{self, PacketSocket, Waker};
use crate::bpf::Insn;
use crate::bpf::insn::BPF_MAXINSNS;
use crate::cli::{Args, Direction};
use crate::filter::{self, CompileOptions};
use crate::linktype::LinkType;
use crate::packet::Sink;
use anyhow::{Context, anyhow, bail};
use crossbeam_channel::{Receiver, Sender, TrySendError};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

/// Kernel buffer when `-B` is not given: twice libpcap's 2 MiB, as headroom for
/// bursts while the output thread is descheduled on a busy machine.
const DEFAULT_BUFFER_KIB: u32 = 4096;
/// Block retire timeout: how long a partly filled block waits before being handed
/// over (bounds the display latency at low packet rates).
const RETIRE_MS: u32 = 100;
/// `--immediate-mode`: hand over blocks almost at once.
const IMMEDIATE_RETIRE_MS: u32 = 1;
/// Batches in flight between the threads (each at most one block's packets).
const CHANNEL_BATCHES: usize = 4;
/// Batches in existence: those in flight, one being filled, one being written.
const BATCH_POOL: usize = CHANNEL_BATCHES + 2;
/// Link type of `-i any` unless `-y` says otherwise (what tcpdump 4.99 picks).
const ANY_LINKTYPE: LinkType = LinkType::LinuxSll2;

const ARPHRD_ETHER: u16 = 1;
const ARPHRD_LOOPBACK: u16 = 772;
const ARPHRD_NONE: u16 = 0xfffe;
const ARPHRD_TUNNEL: u16 = 768;
const ARPHRD_TUNNEL6: u16 = 769;
const ARPHRD_SIT: u16 = 776;

/// Run state shared by the threads.
const RUNNING: u8 = 0;
/// Stop after handing over what the kernel already holds (signal).
const DRAIN: u8 = 1;
/// Stop now (the output side failed).
const ABORT: u8 = 2;

/// An opened, filtered, bound capture, ready for the capture thread.
struct Opened {
    device: String,
    /// The interface's own drop counter at the start (promiscuous captures only,
    /// as libpcap reports it).
    ifdrop_base: Option<u64>,
    ifindex: i32,
    linktype: LinkType,
    sock: PacketSocket,
    ring: Ring,
    framer: Framer,
}

/// How the socket is opened for a given device and `-y`.
fn choose_linktype(
    hwtype: Option<u16>,
    wanted: Option<LinkType>,
) -> anyhow::Result<(LinkType, bool)> {
    let native = match hwtype {
        None => ANY_LINKTYPE,
        Some(ARPHRD_ETHER | ARPHRD_LOOPBACK) => LinkType::En10mb,
        Some(ARPHRD_NONE | ARPHRD_TUNNEL | ARPHRD_TUNNEL6 | ARPHRD_SIT) => LinkType::Raw,
        Some(_) => LinkType::LinuxSll,
    };
    // As libpcap on Linux: a device offers its own type; `any` both cooked types.
    let lt = match wanted {
        None => native,
        Some(w) if w == native => w,
        Some(w @ (LinkType::LinuxSll | LinkType::LinuxSll2)) if hwtype.is_none() => w,
        Some(w) => bail!(
            "{} is not one of the DLTs supported by this device",
            w.name()
        ),
    };
    let cooked = matches!(lt, LinkType::LinuxSll | LinkType::LinuxSll2);
    Ok((lt, cooked))
}

/// `-L`: the link types a capture on `device` may ask for with `-y`, as libpcap
/// offers them on Linux: an Ethernet device also offers DOCSIS (which tcpdump
/// cannot print; rfilter cannot capture it either), `any` both cooked types.
pub fn list_data_link_types(device: &str) -> anyhow::Result<()> {
    let hwtype = if device == "any" {
        None
    } else {
        let info =
            socket::if_info(device).map_err(|_| anyhow!("{device}: No such device exists"))?;
        // libpcap activates the device before listing its types.
        if info.flags & libc::IFF_UP as u32 == 0 {
            bail!("{device}: That device is not up");
        }
        Some(info.hwtype)
    };
    let mut text = format!("Data link types for {device} (use option -y to set):\n");
    let types: &[LinkType] = match hwtype {
        None => &[LinkType::LinuxSll, LinkType::LinuxSll2],
        Some(hw) => &[choose_linktype(Some(hw), None)?.0],
    };
    for lt in types {
        text += &format!("  {} ({})\n", lt.name(), lt.description());
    }
    if hwtype == Some(ARPHRD_ETHER) {
        text += "  DOCSIS (DOCSIS) (printing not supported)\n";
    }
    eprint!("{text}");
    Ok(())
}

/// The link type a capture on `device` gets without `-y` (`any`: cooked v2), which
/// is what `-d -i DEVICE` compiles for. Needs no privileges.
pub fn native_linktype(device: &str) -> anyhow::Result<LinkType> {
    let hwtype = if device == "any" {
        None
    } else {
        let info =
            socket::if_info(device).map_err(|_| anyhow!("{device}: No such device exists"))?;
        // libpcap activates the device before listing its types.
        if info.flags & libc::IFF_UP as u32 == 0 {
            bail!("{device}: That device is not up");
        }
        Some(info.hwtype)
    };
    Ok(choose_linktype(hwtype, None)?.0)
}

fn permission_error(device: &str, what: &str, e: std::io::Error) -> anyhow::Error {
    match e.raw_os_error() {
        Some(libc::EPERM | libc::EACCES) => anyhow!(
            "{device}: You don't have permission to capture on that device ({what}: {e}); \
             capturing needs root or the CAP_NET_RAW capability"
        ),
        _ => anyhow!("{device}: {what}: {e}"),
    }
}

fn open(args: &Args, device: &str) -> anyhow::Result<Opened> {
    let (ifindex, hwtype) = if device == "any" {
        (0, None)
    } else {
        let info = socket::if_info(device).map_err(|e| match e.raw_os_error() {
            Some(libc::ENODEV | libc::ENXIO) => anyhow!("{device}: No such device exists"),
            _ => anyhow!("{device}: {e}"),
        })?;
        if info.flags & libc::IFF_UP as u32 == 0 {
            bail!("{device}: That device is not up");
        }
        (info.index, Some(info.hwtype))
    };
    let (linktype, cooked) = choose_linktype(hwtype, args.linktype)?;
    let snaplen = args.snaplen();

    let sock = PacketSocket::open(cooked).map_err(|e| permission_error(device, "socket", e))?;
    sock.set_tpacket_v3()
        .map_err(|e| anyhow!("{device}: can't use TPACKET_V3: {e}"))?;

    // The filter goes on before bind(), so no unfiltered packet is ever queued.
    let expr = args.filter_expression()?;
    let opts = CompileOptions {
        linktype,
        snaplen,
        optimize: !args.no_optimize,
        netmask: if device == "any" {
            0
        } else {
            interfaces::netmask(device)
        },
        linux_vlan_ancillary: true,
        for_kernel: true,
        savefile: None,
    };
    let prog = filter::compile(&expr, &opts).map_err(|e| anyhow!("{}", e.render(&expr)))?;
    let userspace_filter = attach(&sock, &prog, linktype, snaplen);

    let buffer_kib = args.buffer_kib.unwrap_or(DEFAULT_BUFFER_KIB).max(1);
    let retire = if args.immediate {
        IMMEDIATE_RETIRE_MS
    } else {
        RETIRE_MS
    };
    let geo = Geometry::for_buffer(u64::from(buffer_kib) * 1024, retire);
    let ring = Ring::new(&sock, geo)
        .map_err(|e| anyhow!("{device}: can't set up the receive ring: {e}"))?;

    if args.direction == Some(Direction::In) {
        // Best effort: the framer checks the direction anyway.
        let _ = sock.ignore_outgoing();
    }
    if !args.no_promisc && ifindex != 0 {
        sock.add_promisc(ifindex)
            .map_err(|e| anyhow!("{device}: can't enable promiscuous mode: {e}"))?;
    }
    sock.bind(ifindex).map_err(|e| match e.raw_os_error() {
        Some(libc::ENETDOWN) => anyhow!("{device}: That device is not up"),
        Some(libc::ENODEV | libc::ENXIO) => anyhow!("{device}: No such device exists"),
        _ => anyhow!("{device}: bind: {e}"),
    })?;

    let framing = match linktype {
        LinkType::LinuxSll => Framing::Sll,
        LinkType::LinuxSll2 => Framing::Sll2,
        LinkType::En10mb => Framing::AsIs {
            vlan_offset: Some(12),
        },
        _ => Framing::AsIs { vlan_offset: None },
    };
    let framer = Framer {
        framing,
        snaplen,
        direction: args.direction,
        lo_ifindex: socket::if_index("lo"),
        userspace_filter,
    };
    let promisc = !args.no_promisc && ifindex != 0;
    Ok(Opened {
        device: device.to_string(),
        ifdrop_base: promisc.then(|| interfaces::interface_drops(device)),
        ifindex,
        linktype,
        sock,
        ring,
        framer,
    })
}

/// Puts the program in the kernel if it can run there; otherwise warns once,
/// attaches an accept-all program that still cuts at the snapshot length, and
/// returns the program for userspace filtering.
fn attach(
    sock: &PacketSocket,
    prog: &[Insn],
    linktype: LinkType,
    snaplen: u32,
) -> Option<Vec<Insn>> {
    let accept_all = [Insn::stmt(
        crate::bpf::insn::BPF_RET | crate::bpf::insn::BPF_K,
        snaplen,
    )];
    match fixup::for_cooked_socket(prog, linktype) {
        None => {
            // Uses cooked-header fields the kernel cannot see: silently userspace,
            // as libpcap does.
            let _ = sock.attach_filter(&accept_all);
            Some(prog.to_vec())
        }
        Some(kprog) => {
            let result = if kprog.len() > BPF_MAXINSNS {
                Err(std::io::Error::from_raw_os_error(libc::EINVAL))
            } else {
                sock.attach_filter(&kprog)
            };
            match result {
                Ok(()) => None,
                Err(e) => {
                    eprintln!(
                        "rfilter: warning: the kernel refused the filter program ({} instructions: {e}); \
                         filtering in userspace",
                        kprog.len()
                    );
                    let _ = sock.attach_filter(&accept_all);
                    Some(prog.to_vec())
                }
            }
        }
    }
}

/// The last block to hand over after a stop signal, seen from `cur` (the next block
/// to hand over; `handed_seq` is the number of the block handed over before it): the
/// blocks the kernel has retired, plus the one it is filling if it holds packets.
/// `None` when there is nothing left at all.
fn drain_target(ring: &Ring, cur: u32, handed_seq: u64) -> Option<u32> {
    let nr = ring.geometry().block_nr;
    let mut open = cur;
    let mut ready = 0;
    while ready < nr && ring.is_ours(open) {
        open = (open + 1) % nr;
        ready += 1;
    }
    let prev = (open + nr - 1) % nr;
    let open_seq = if ready > 0 {
        ring.seq(prev)
    } else {
        handed_seq
    } + 1;
    if ready < nr && ring.kernel_block_has_packets(open, open_seq) {
        Some(open)
    } else if ready > 0 {
        Some(prev)
    } else {
        None
    }
}

/// How the capture thread ended.
struct CaptureEnd {
    received: u64,
    dropped: u64,
    /// Dropped by the interface during the capture.
    if_dropped: u64,
    error: Option<String>,
}

/// The capture thread's loop: hand over every block the kernel retires until told
/// to stop, the packet count is reached, or the interface goes away.
fn capture_loop(
    mut cap: Opened,
    waker: Arc<Waker>,
    state: Arc<AtomicU8>,
    count: Option<u64>,
    tx: Sender<Batch>,
    recycled: Receiver<Batch>,
) -> CaptureEnd {
    let geo = cap.ring.geometry();
    let mut cur = 0u32;
    let mut sent = 0u64;
    let mut error = None;
    let mut netdown = false;
    let mut gone = false;
    // Number of the last block handed over (the kernel numbers blocks from 1).
    let mut handed_seq = 0u64;
    // After a stop signal: the last block to hand over, and a deadline in case the
    // kernel never retires it.
    let mut drain: Option<(u32, Instant)> = None;
    let drain_wait = Duration::from_millis(2 * u64::from(geo.retire_ms) + 1000);
    let (mut received, mut dropped) = (0u64, 0u64);
    // A fixed pool of batches circulates between the threads: no allocation (and no
    // page faults) per block, and a hard bound on memory.
    let mut allocated = 0usize;
    let mut spare: Option<Batch> = None;
    let mut next_batch = |spare: &mut Option<Batch>| -> Option<Batch> {
        let mut b = match spare.take() {
            Some(b) => b,
            None => match recycled.try_recv() {
                Ok(b) => b,
                Err(_) if allocated < BATCH_POOL => {
                    allocated += 1;
                    Batch::with_capacity(geo.block_size as usize)
                }
                // All batches are with the output thread: wait for one back.
                Err(_) => recycled.recv().ok()?,
            },
        };
        b.clear();
        Some(b)
    };
    'outer: loop {
        // Hand over every block we own, in ring order.
        while cap.ring.is_ours(cur) {
            netdown = false;
            let Some(mut batch) = next_batch(&mut spare) else {
                break 'outer;
            };
            let mut limit_hit = false;
            for p in ring::packets(cap.ring.block(cur)) {
                if cap.framer.push(&p, &mut batch)
                    && count.is_some_and(|c| sent + batch.len() as u64 >= c)
                {
                    limit_hit = true;
                    break;
                }
            }
            handed_seq = cap.ring.seq(cur);
            cap.ring.release(cur);
            let handed = cur;
            cur = (cur + 1) % geo.block_nr;
            if batch.is_empty() {
                spare = Some(batch);
            } else {
                sent += batch.len() as u64;
                if tx.send(batch).is_err() {
                    break 'outer;
                }
            }
            let drained = drain.is_some_and(|(last, _)| last == handed);
            if limit_hit || drained || state.load(Ordering::Acquire) == ABORT {
                break 'outer;
            }
            // A signal during a flood: fix the last block now, or a ring that
            // never runs dry would keep this loop going.
            if drain.is_none() && socket::SIGNALLED.load(Ordering::Relaxed) {
                let _ = state.compare_exchange(RUNNING, DRAIN, Ordering::AcqRel, Ordering::Acquire);
                match drain_target(&cap.ring, cur, handed_seq) {
                    Some(last) => drain = Some((last, Instant::now() + drain_wait)),
                    None => break 'outer,
                }
            }
        }
        if gone {
            break;
        }
        if socket::SIGNALLED.load(Ordering::Relaxed) {
            let _ = state.compare_exchange(RUNNING, DRAIN, Ordering::AcqRel, Ordering::Acquire);
        }
        let timeout = match state.load(Ordering::Acquire) {
            ABORT => break,
            DRAIN => {
                // What the kernel received before the signal is in the block it is
                // filling; that block comes out at the next retire timeout. Hand it
                // over, then stop (at once if it is empty).
                let (_, deadline) = match drain {
                    Some(d) => d,
                    None => match drain_target(&cap.ring, cur, handed_seq) {
                        Some(last) => *drain.insert((last, Instant::now() + drain_wait)),
                        None => break,
                    },
                };
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                left.as_millis().clamp(1, i32::MAX as u128) as i32
            }
            _ if netdown => 100,
            _ => -1,
        };
        let ready = match socket::poll2(cap.sock.fd(), waker.fd(), timeout) {
            Ok(r) => r,
            Err(e) => {
                error = Some(format!("can't poll on packet socket: {e}"));
                break;
            }
        };
        if ready.waker {
            waker.drain();
        }
        if ready.sock & libc::POLLERR != 0 {
            match cap.sock.take_error() {
                0 => {}
                libc::ENETDOWN => netdown = true,
                e => {
                    error = Some(format!(
                        "Error condition on packet socket: {}",
                        std::io::Error::from_raw_os_error(e)
                    ));
                    break;
                }
            }
        }
        if netdown && cap.ifindex != 0 {
            if !socket::if_index_exists(cap.ifindex) {
                error = Some(format!("{}: The interface disappeared", cap.device));
                // Hand over what is left (the loop's top does it), then stop.
                gone = true;
                continue;
            }
            if socket::if_info(&cap.device).is_ok_and(|i| i.flags & libc::IFF_UP as u32 != 0) {
                netdown = false;
            }
        } else if ready.sock & (libc::POLLHUP | libc::POLLNVAL) != 0 {
            error = Some("Hangup on packet socket".to_string());
            break;
        }
    }
    if let Ok((r, d)) = cap.sock.take_stats() {
        received += u64::from(r);
        dropped += u64::from(d);
    }
    let if_dropped = cap.ifdrop_base.map_or(0, |base| {
        interfaces::interface_drops(&cap.device).saturating_sub(base)
    });
    CaptureEnd {
        received,
        dropped,
        if_dropped,
        error,
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Captures on `args.interface` (or the default interface) until `-c`, a signal or
/// an error; hands every packet to the sink `make_sink` builds for the link type.
pub fn run_live(
    args: &Args,
    make_sink: &mut dyn FnMut(LinkType) -> anyhow::Result<Box<dyn Sink + Send>>,
) -> anyhow::Result<ExitCode> {
    let device = match &args.interface {
        Some(d) => interfaces::resolve(d)?,
        None => interfaces::default_interface()?,
    };
    let cap = open(args, &device)?;
    if let Some(user) = &args.user {
        socket::relinquish_privileges(user)?;
    }
    let linktype = cap.linktype;
    let mut sink = make_sink(linktype)?;

    // Signals go to the capture thread's waker from here on; one that came earlier
    // (caught by main's handler) counts as well.
    let waker = Arc::new(Waker::new().context("eventfd")?);
    let state = Arc::new(AtomicU8::new(RUNNING));
    socket::install_stop_signals(waker.fd()).context("sigaction")?;
    if crate::stop::requested() {
        socket::SIGNALLED.store(true, Ordering::SeqCst);
    }
    print_start(args, &device, linktype);

    let (tx, rx) = crossbeam_channel::bounded::<Batch>(CHANNEL_BATCHES);
    let (recycle_tx, recycle_rx) = crossbeam_channel::bounded::<Batch>(BATCH_POOL);
    let capture = {
        // -c 0 means no limit, as pcap_loop's count.
        let count = args.count.filter(|&c| c > 0);
        let (waker, state) = (Arc::clone(&waker), Arc::clone(&state));
        std::thread::Builder::new()
            .name("rfilter-capture".into())
            .spawn(move || capture_loop(cap, waker, state, count, tx, recycle_rx))
            .context("can't start the capture thread")?
    };
    let (captured, sink_error) = output_loop(&rx, &recycle_tx, sink.as_mut(), || {
        state.store(ABORT, Ordering::Release);
        waker.wake();
    });
    // Disconnect both channels so that a capture thread waiting to send, or
    // waiting for a free batch, wakes up and ends.
    drop(rx);
    drop(recycle_tx);
    let finish = sink.finish();
    let end = capture.join().unwrap_or(CaptureEnd {
        received: 0,
        dropped: 0,
        if_dropped: 0,
        error: Some("the capture thread panicked".into()),
    });
    socket::forget_wake_fd();

    if socket::SIGNALLED.load(Ordering::Relaxed) && args.write.is_none() {
        // tcpdump ends an interrupted printing run with a newline on stdout.
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(b"\n");
        let _ = out.flush();
    }
    let mut failed = false;
    if let Some(e) = &end.error {
        eprintln!("rfilter: {e}");
        failed = true;
    }
    if let Some(e) = sink_error.as_ref().or(finish.as_ref().err()) {
        if let Some(code) = crate::output::write_failure_exit(args, e) {
            // tcpdump ends a failed print at once; a savefile whose reader went
            // away is a normal end, with the counts.
            if code == ExitCode::SUCCESS {
                print_end(captured, &end);
            }
            return Ok(code);
        }
        eprintln!("rfilter: {}", crate::savefile::io_message(e));
        failed = true;
    }
    print_end(captured, &end);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the sink over every batch until the channel closes, the sink fails, or the
/// sink itself asks to stop (`-W` file limit); `abort` tells the capture thread.
/// Returns the packets taken and the sink's error.
fn output_loop(
    rx: &Receiver<Batch>,
    recycle: &Sender<Batch>,
    sink: &mut (dyn Sink + Send),
    abort: impl Fn(),
) -> (u64, Option<std::io::Error>) {
    let mut captured = 0u64;
    for batch in rx.iter() {
        for p in batch.iter() {
            if let Err(e) = sink.packet(&p) {
                abort();
                return (captured, Some(e));
            }
            captured += 1;
            // A signal also sets the program-wide flag, but then what was received
            // is drained rather than cut short.
            if crate::stop::requested() && !socket::SIGNALLED.load(Ordering::SeqCst) {
                abort();
                return (captured, None);
            }
        }
        // The pool has room for every batch, so this never drops one.
        match recycle.try_send(batch) {
            Ok(()) | Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {}
        }
    }
    (captured, None)
}

/// tcpdump's start lines on stderr, with rfilter's name.
fn print_start(args: &Args, device: &str, linktype: LinkType) {
    if args.linktype.is_some() || device == "any" {
        eprintln!("rfilter: data link type {}", linktype.name());
    }
    let prefix = if args.verbose == 0 && args.write.is_none() {
        "rfilter: verbose output suppressed, use -v[v]... for full protocol decode\n"
    } else {
        "rfilter: "
    };
    eprintln!(
        "{prefix}listening on {device}, link-type {}, snapshot length {} bytes",
        linktype.header_text(),
        args.snaplen()
    );
}

/// tcpdump's end-of-run counters on stderr (the interface's own drops only when
/// there were some, as tcpdump), written at once.
fn print_end(captured: u64, end: &CaptureEnd) {
    let line = |n: u64, what: &str| format!("{n} packet{} {what}\n", plural(n));
    let mut text = line(captured, "captured");
    text += &line(end.received, "received by filter");
    text += &line(end.dropped, "dropped by kernel");
    if end.if_dropped != 0 {
        text += &line(end.if_dropped, "dropped by interface");
    }
    eprint!("{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_types_per_device_kind() {
        assert_eq!(
            choose_linktype(Some(ARPHRD_ETHER), None).unwrap(),
            (LinkType::En10mb, false)
        );
        assert_eq!(
            choose_linktype(Some(ARPHRD_LOOPBACK), None).unwrap(),
            (LinkType::En10mb, false)
        );
        assert_eq!(
            choose_linktype(Some(ARPHRD_NONE), None).unwrap(),
            (LinkType::Raw, false)
        );
        assert_eq!(
            choose_linktype(Some(512), None).unwrap(),
            (LinkType::LinuxSll, true)
        );
        assert_eq!(choose_linktype(None, None).unwrap(), (ANY_LINKTYPE, true));
        assert_eq!(
            choose_linktype(None, Some(LinkType::LinuxSll)).unwrap(),
            (LinkType::LinuxSll, true)
        );
        assert!(choose_linktype(Some(ARPHRD_ETHER), Some(LinkType::LinuxSll2)).is_err());
        assert!(choose_linktype(Some(ARPHRD_ETHER), Some(LinkType::Raw)).is_err());
    }
}
