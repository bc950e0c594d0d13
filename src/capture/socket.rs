//! The AF_PACKET socket and the interface ioctls: the one place (with [`super::ring`])
//! where rfilter talks to the kernel through raw `libc` calls.
//!
//! Every `unsafe` block here is a single system call whose pointer arguments point
//! at live, correctly sized Rust values.

use crate::bpf::Insn;
use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// `ETH_P_ALL` in network byte order, as `socket()`/`bind()` want it.
const ETH_P_ALL_BE: u16 = (libc::ETH_P_ALL as u16).to_be();

/// `setsockopt` with a plain value.
fn set_opt<T>(fd: RawFd, level: i32, name: i32, value: &T) -> io::Result<()> {
    // SAFETY: `value` is a live `T` and we pass its exact size.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (value as *const T).cast(),
            std::mem::size_of::<T>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// An `AF_PACKET` socket, not yet bound (so it receives nothing until [`bind`]).
///
/// [`bind`]: PacketSocket::bind
#[derive(Debug)]
pub struct PacketSocket {
    fd: OwnedFd,
}

impl PacketSocket {
    /// Opens a socket: `SOCK_RAW` (link-layer header included) or `SOCK_DGRAM`
    /// (cooked: the kernel strips the link-layer header). Protocol 0, so that no
    /// packet is queued before the filter and the ring are in place.
    pub fn open(cooked: bool) -> io::Result<PacketSocket> {
        let ty = if cooked {
            libc::SOCK_DGRAM
        } else {
            libc::SOCK_RAW
        };
        // SAFETY: plain system call without pointers.
        let fd = unsafe { libc::socket(libc::AF_PACKET, ty | libc::SOCK_CLOEXEC, 0) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is a fresh descriptor that nothing else owns.
        Ok(PacketSocket {
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
        })
    }

    /// The socket's descriptor, for `poll` and `mmap`; still owned here.
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Selects the ring layout (`TPACKET_V3`).
    pub fn set_tpacket_v3(&self) -> io::Result<()> {
        let v: libc::c_int = libc::tpacket_versions::TPACKET_V3 as libc::c_int;
        set_opt(self.fd(), libc::SOL_PACKET, libc::PACKET_VERSION, &v)
    }

    /// Asks the kernel for the receive ring (`PACKET_RX_RING`).
    pub fn set_rx_ring(&self, req: &libc::tpacket_req3) -> io::Result<()> {
        set_opt(self.fd(), libc::SOL_PACKET, libc::PACKET_RX_RING, req)
    }

    /// Attaches a classic BPF program (`SO_ATTACH_FILTER`).
    pub fn attach_filter(&self, prog: &[Insn]) -> io::Result<()> {
        let mut raw: Vec<libc::sock_filter> = prog
            .iter()
            .map(|i| libc::sock_filter {
                code: i.code,
                jt: i.jt,
                jf: i.jf,
                k: i.k,
            })
            .collect();
        let len =
            u16::try_from(raw.len()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        let fprog = libc::sock_fprog {
            len,
            filter: raw.as_mut_ptr(),
        };
        set_opt(self.fd(), libc::SOL_SOCKET, libc::SO_ATTACH_FILTER, &fprog)
    }

    /// Turns on promiscuous mode for `ifindex` for as long as the socket lives.
    pub fn add_promisc(&self, ifindex: i32) -> io::Result<()> {
        let mreq = libc::packet_mreq {
            mr_ifindex: ifindex,
            mr_type: libc::PACKET_MR_PROMISC as u16,
            mr_alen: 0,
            mr_address: [0; 8],
        };
        set_opt(
            self.fd(),
            libc::SOL_PACKET,
            libc::PACKET_ADD_MEMBERSHIP,
            &mreq,
        )
    }

    /// Stops the kernel from looping outgoing packets back to this socket
    /// (`-Q in`; Linux 4.20 and later).
    pub fn ignore_outgoing(&self) -> io::Result<()> {
        let one: libc::c_int = 1;
        set_opt(
            self.fd(),
            libc::SOL_PACKET,
            libc::PACKET_IGNORE_OUTGOING,
            &one,
        )
    }

    /// Binds to `ifindex` (0: every interface) for all protocols; packets start
    /// arriving from here on.
    pub fn bind(&self, ifindex: i32) -> io::Result<()> {
        // SAFETY: all-zero is a valid sockaddr_ll.
        let mut sll: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
        sll.sll_family = libc::AF_PACKET as u16;
        sll.sll_protocol = ETH_P_ALL_BE;
        sll.sll_ifindex = ifindex;
        // SAFETY: `sll` is a live sockaddr_ll and we pass its size.
        let rc = unsafe {
            libc::bind(
                self.fd(),
                (&sll as *const libc::sockaddr_ll).cast(),
                std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Reads and resets the kernel's counters (`PACKET_STATISTICS`): packets that
    /// passed the filter (dropped ones included) and packets dropped for lack of room.
    pub fn take_stats(&self) -> io::Result<(u32, u32)> {
        let mut st = libc::tpacket_stats_v3 {
            tp_packets: 0,
            tp_drops: 0,
            tp_freeze_q_cnt: 0,
        };
        let mut len = std::mem::size_of::<libc::tpacket_stats_v3>() as libc::socklen_t;
        // SAFETY: `st` and `len` are live and `len` holds the size of `st`.
        let rc = unsafe {
            libc::getsockopt(
                self.fd(),
                libc::SOL_PACKET,
                libc::PACKET_STATISTICS,
                (&mut st as *mut libc::tpacket_stats_v3).cast(),
                &mut len,
            )
        };
        if rc == 0 {
            Ok((st.tp_packets, st.tp_drops))
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// The pending socket error (`SO_ERROR`), cleared by reading it.
    pub fn take_error(&self) -> i32 {
        let mut err: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: `err` and `len` are live and `len` holds the size of `err`.
        let rc = unsafe {
            libc::getsockopt(
                self.fd(),
                libc::SOL_SOCKET,
                libc::SO_ERROR,
                (&mut err as *mut libc::c_int).cast(),
                &mut len,
            )
        };
        if rc == 0 {
            err
        } else {
            io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EIO)
        }
    }
}

/// What the interface ioctls tell about a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IfInfo {
    /// Interface index (`SIOCGIFINDEX`).
    pub index: i32,
    /// `IFF_*` flags.
    pub flags: u32,
    /// `ARPHRD_*` hardware type.
    pub hwtype: u16,
}

fn ifreq_for(name: &str) -> io::Result<libc::ifreq> {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes.len() >= libc::IFNAMSIZ || bytes.contains(&0) {
        return Err(io::Error::from_raw_os_error(libc::ENODEV));
    }
    // SAFETY: all-zero is a valid ifreq.
    let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, &src) in ifr.ifr_name.iter_mut().zip(bytes) {
        *dst = src as libc::c_char;
    }
    Ok(ifr)
}

/// One interface ioctl on a throwaway datagram socket.
fn if_ioctl(name: &str, req: libc::Ioctl) -> io::Result<libc::ifreq> {
    let mut ifr = ifreq_for(name)?;
    // SAFETY: plain system call without pointers.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is fresh and owned here only.
    let sock = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: `ifr` is a live ifreq, as these SIOCGIF* requests expect.
    let rc = unsafe { libc::ioctl(sock.as_raw_fd(), req, &mut ifr as *mut libc::ifreq) };
    if rc < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ifr)
    }
}

/// Index, flags and hardware type of interface `name`.
pub fn if_info(name: &str) -> io::Result<IfInfo> {
    let hw = if_ioctl(name, libc::SIOCGIFHWADDR)?;
    let fl = if_ioctl(name, libc::SIOCGIFFLAGS)?;
    let ix = if_ioctl(name, libc::SIOCGIFINDEX)?;
    // SAFETY: each request filled the union member we read.
    unsafe {
        Ok(IfInfo {
            index: ix.ifr_ifru.ifru_ifindex,
            flags: fl.ifr_ifru.ifru_flags as u16 as u32,
            hwtype: hw.ifr_ifru.ifru_hwaddr.sa_family,
        })
    }
}

/// IPv4 netmask of interface `name` (`SIOCGIFNETMASK`, as `pcap_lookupnet`), host
/// order; `None` when it has no IPv4 address.
pub fn if_ipv4_netmask(name: &str) -> Option<u32> {
    let ifr = if_ioctl(name, libc::SIOCGIFNETMASK).ok()?;
    // SAFETY: SIOCGIFNETMASK filled the address member with a sockaddr_in.
    let sa = unsafe { ifr.ifr_ifru.ifru_netmask };
    if i32::from(sa.sa_family) != libc::AF_INET {
        return None;
    }
    // sockaddr_in: port in sa_data[0..2], address in sa_data[2..6].
    let d = sa.sa_data;
    Some(u32::from_be_bytes([
        d[2] as u8, d[3] as u8, d[4] as u8, d[5] as u8,
    ]))
}

/// Whether an interface with index `ifindex` still exists.
pub fn if_index_exists(ifindex: i32) -> bool {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: `buf` has the IF_NAMESIZE bytes if_indextoname may write.
    !unsafe { libc::if_indextoname(ifindex as u32, buf.as_mut_ptr()) }.is_null()
}

/// Index of interface `name`, if it exists.
pub fn if_index(name: &str) -> Option<i32> {
    let c = CString::new(name).ok()?;
    // SAFETY: `c` is a NUL-terminated string.
    let ix = unsafe { libc::if_nametoindex(c.as_ptr()) };
    (ix != 0).then_some(ix as i32)
}

/// An eventfd that wakes the capture thread's `poll` (written from a signal handler
/// or from the output thread).
#[derive(Debug)]
pub struct Waker {
    fd: OwnedFd,
}

impl Waker {
    /// A fresh non-blocking eventfd.
    pub fn new() -> io::Result<Waker> {
        // SAFETY: plain system call without pointers.
        let fd = unsafe { libc::eventfd(0, libc::EFD_NONBLOCK | libc::EFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is fresh and owned here only.
        Ok(Waker {
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
        })
    }

    /// The eventfd's descriptor, for `poll` and for [`wake_fd`] from a signal handler.
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Async-signal-safe: one `write` of 8 bytes.
    pub fn wake(&self) {
        wake_fd(self.fd());
    }

    /// Clears the pending count.
    pub fn drain(&self) {
        let mut v: u64 = 0;
        // SAFETY: reads 8 bytes into a live u64.
        let _ = unsafe { libc::read(self.fd(), (&mut v as *mut u64).cast(), 8) };
    }
}

/// Writes 1 to an eventfd; async-signal-safe (used from the signal handler).
pub fn wake_fd(fd: RawFd) {
    let one: u64 = 1;
    // SAFETY: writes 8 bytes from a live u64.
    let _ = unsafe { libc::write(fd, (&one as *const u64).cast(), 8) };
}

/// Readiness of the socket and the waker after [`poll2`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Ready {
    /// The socket's `revents` (`POLLIN`, `POLLERR`, …); 0 on timeout.
    pub sock: i16,
    /// Whether the waker was signalled.
    pub waker: bool,
}

/// Waits up to `timeout_ms` for the socket or the waker. EINTR counts as a timeout.
pub fn poll2(sock: RawFd, waker: RawFd, timeout_ms: i32) -> io::Result<Ready> {
    let mut fds = [
        libc::pollfd {
            fd: sock,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: waker,
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: `fds` is a live array of two pollfd.
    let rc = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout_ms) };
    if rc < 0 {
        let e = io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EINTR) {
            return Ok(Ready::default());
        }
        return Err(e);
    }
    Ok(Ready {
        sock: fds[0].revents,
        waker: fds[1].revents & libc::POLLIN != 0,
    })
}

/// Eventfd the signal handler writes to (-1: none).
static SIGNAL_WAKE_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);
/// Set by the SIGINT/SIGTERM handler.
pub static SIGNALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_stop_signal(_sig: libc::c_int) {
    // Only async-signal-safe work: an atomic store and one write(2).
    SIGNALLED.store(true, std::sync::atomic::Ordering::SeqCst);
    // The program-wide stop flag too, for code that watches only that one.
    crate::stop::request();
    let fd = SIGNAL_WAKE_FD.load(std::sync::atomic::Ordering::SeqCst);
    if fd >= 0 {
        wake_fd(fd);
    }
}

/// Routes SIGINT and SIGTERM to [`SIGNALLED`] and a write to `wake_fd`. The handler
/// is one-shot (`SA_RESETHAND`): a second Ctrl-C kills the process the usual way.
pub fn install_stop_signals(wake_fd: RawFd) -> io::Result<()> {
    SIGNAL_WAKE_FD.store(wake_fd, std::sync::atomic::Ordering::SeqCst);
    for sig in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: all-zero is a valid sigaction; we fill the handler and flags and
        // pass live pointers.
        let rc = unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_stop_signal as *const () as libc::sighandler_t;
            sa.sa_flags = libc::SA_RESETHAND | libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut())
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Stops routing signals to the waker (before the waker is closed).
pub fn forget_wake_fd() {
    SIGNAL_WAKE_FD.store(-1, std::sync::atomic::Ordering::SeqCst);
}

/// `-Z USER`, as tcpdump takes it: when running as root, switches to `user`'s
/// uid, gid and supplementary groups; otherwise does nothing. Called once the
/// capture socket or savefile is open and the filter compiled, before any
/// output file is created.
pub fn relinquish_privileges(user: &str) -> anyhow::Result<()> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(());
    }
    drop_privileges(user).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => anyhow::anyhow!("Couldn't find user '{user}'"),
        _ => anyhow::anyhow!("Couldn't change to '{user}': {e}"),
    })
}

/// Switches to `user`'s uid, gid and supplementary groups.
fn drop_privileges(user: &str) -> io::Result<()> {
    let cname = CString::new(user).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: getpwnam with a NUL-terminated name; the result is read before any
    // other passwd call.
    let pw = unsafe { libc::getpwnam(cname.as_ptr()) };
    if pw.is_null() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("unknown user '{user}'"),
        ));
    }
    // SAFETY: `pw` is non-null and points at libc's static passwd entry.
    let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
    // SAFETY: plain system calls with a NUL-terminated name.
    unsafe {
        if libc::initgroups(cname.as_ptr(), gid) != 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::setgid(gid) != 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::setuid(uid) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}
