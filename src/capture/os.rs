//! The libc calls outside the socket and ring that need `unsafe`: broken-down
//! time (for printed timestamps and `-G` file names), reverse name lookups,
//! interface names, and the stop-signal handlers. Each is wrapped in a safe
//! function here so that the rest of the crate (printers, savefiles) has no
//! `unsafe` of its own.

use std::ffi::{CStr, CString};
use std::net::IpAddr;

/// A calendar time, as `struct tm` gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarTime {
    /// Full year (e.g. 2026).
    pub year: i64,
    /// Month, 0 = January.
    pub month: i32,
    /// Day of the month, 1..=31.
    pub day: i32,
    /// Hour, 0..=23.
    pub hour: i32,
    /// Minute, 0..=59.
    pub minute: i32,
    /// Second, 0..=60 (60 for a leap second).
    pub second: i32,
    /// Day of the week, 0 = Sunday.
    pub weekday: i32,
}

impl CalendarTime {
    fn from_tm(tm: &libc::tm) -> CalendarTime {
        CalendarTime {
            year: i64::from(tm.tm_year) + 1900,
            month: tm.tm_mon,
            day: tm.tm_mday,
            hour: tm.tm_hour,
            minute: tm.tm_min,
            second: tm.tm_sec,
            weekday: tm.tm_wday,
        }
    }
}

/// `secs` since the epoch in UTC (gmtime_r); None when it does not fit.
pub fn utc_time(secs: i64) -> Option<CalendarTime> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: gmtime_r only writes the tm we pass, which is plain data we own.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return None;
    }
    Some(CalendarTime::from_tm(&tm))
}

/// `secs` since the epoch in the local time zone (localtime_r); None when it
/// does not fit.
pub fn local_time(secs: i64) -> Option<CalendarTime> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: localtime_r only writes the tm we pass, which is plain data we own.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return None;
    }
    Some(CalendarTime::from_tm(&tm))
}

/// strftime(3) of `secs` in the local time zone, into at most `max` bytes;
/// None when the time does not convert or the result does not fit.
pub fn strftime_local(format: &CString, secs: i64, max: usize) -> Option<Vec<u8>> {
    let t = libc::time_t::try_from(secs).ok()?;
    let mut out = vec![0u8; max];
    // SAFETY: localtime_r fills the zeroed `tm` we own; strftime writes at most
    // `out.len()` bytes into `out` and returns how many (0 if they did not fit).
    let written = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        libc::strftime(out.as_mut_ptr().cast(), out.len(), format.as_ptr(), &tm)
    };
    out.truncate(written);
    Some(out)
}

/// The name of interface `index` on this host (if_indextoname).
pub fn interface_name(index: u32) -> Option<String> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE + 1];
    // SAFETY: buf has room for IF_NAMESIZE bytes plus NUL as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success buf holds a NUL-terminated name.
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}

/// Reverse lookup of `ip` through the system resolver (getnameinfo with
/// NI_NAMEREQD: None when the address has no name).
pub fn reverse_lookup(ip: IpAddr) -> Option<String> {
    let mut host = [0 as libc::c_char; 1025];
    let host_len = host.len() as libc::socklen_t;
    // SAFETY: each sockaddr is fully initialised and sized for its family; host
    // is a writable buffer of the length we pass.
    let rc = unsafe {
        match ip {
            IpAddr::V4(a) => {
                let mut sa: libc::sockaddr_in = std::mem::zeroed();
                sa.sin_family = libc::AF_INET as libc::sa_family_t;
                sa.sin_addr.s_addr = u32::from_ne_bytes(a.octets());
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host_len,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
            IpAddr::V6(a) => {
                let mut sa: libc::sockaddr_in6 = std::mem::zeroed();
                sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sa.sin6_addr.s6_addr = a.octets();
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host_len,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
        }
    };
    if rc != 0 {
        return None;
    }
    // SAFETY: on success getnameinfo leaves a NUL-terminated name in host.
    let name = unsafe { CStr::from_ptr(host.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}

/// Runs `handler` on SIGINT and SIGTERM, once: the disposition resets itself
/// (SA_RESETHAND), so a second signal ends the process the default way. No
/// SA_RESTART, so a blocking read returns EINTR. `handler` must be
/// async-signal-safe (touch only atomics).
pub fn on_stop_signals(handler: extern "C" fn(libc::c_int)) {
    // SAFETY: sigaction with a zeroed struct, an empty mask and the caller's
    // async-signal-safe handler. Failures leave the default dispositions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler as libc::sighandler_t;
        action.sa_flags = libc::SA_RESETHAND;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_time_of_known_instants() {
        let t = utc_time(0).unwrap();
        assert_eq!((t.year, t.month, t.day, t.weekday), (1970, 0, 1, 4));
        // 2026-11-27 11:53:46 UTC, a Friday.
        let t = utc_time(1_795_780_426).unwrap();
        assert_eq!(
            (
                t.year, t.month, t.day, t.hour, t.minute, t.second, t.weekday
            ),
            (2026, 10, 27, 11, 53, 46, 5)
        );
    }

    #[test]
    fn strftime_fits_or_says_so() {
        let f = CString::new("%Y").unwrap();
        let year = strftime_local(&f, 1_795_780_426, 64).unwrap();
        assert!(year == b"2026" || year == b"2027", "{year:?}");
        assert_eq!(strftime_local(&f, 0, 2).unwrap(), b"");
    }

    #[test]
    fn loopback_interface_has_a_name() {
        // Index 1 is the loopback device on Linux.
        assert_eq!(interface_name(1).as_deref(), Some("lo"));
        assert_eq!(interface_name(u32::MAX), None);
    }
}
