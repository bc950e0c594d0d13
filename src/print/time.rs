//! Timestamps as tcpdump prints them (`-t` … `-ttttt`), in local time.

use super::out::Put;
use crate::packet::Timestamp;

/// Formats packet times; remembers the previous and first packet (for `-ttt` and
/// `-ttttt`) and the broken-down local time of the current minute, so that
/// `localtime_r` runs once a minute rather than once a packet.
pub(crate) struct Clock {
    mode: u8,
    nano: bool,
    first: Option<Timestamp>,
    prev: Option<Timestamp>,
    /// Start (epoch seconds) of the cached local minute, and its text:
    /// "YYYY-MM-DD HH:MM" (the date part is used only by `-tttt`).
    minute_start: i64,
    minute_text: [u8; 16],
    minute_valid: bool,
}

impl Clock {
    pub fn new(mode: u8, nano: bool) -> Clock {
        Clock {
            mode,
            nano,
            first: None,
            prev: None,
            minute_start: 0,
            minute_text: [0; 16],
            minute_valid: false,
        }
    }

    /// The fraction as tcpdump prints it: the value in the output's units as
    /// a C `unsigned` (a damaged savefile's out-of-range or negative fraction
    /// shows its low 32 bits).
    fn frac(&self, o: &mut Vec<u8>, nsec: i64) {
        o.push(b'.');
        if self.nano {
            o.decw(u64::from(nsec as u32), 9);
        } else {
            o.decw(u64::from((nsec / 1000) as u32), 6);
        }
    }

    /// Local broken-down time of `sec` for the minute cache; returns seconds in minute.
    #[allow(clippy::needless_late_init)]
    fn local(&mut self, sec: i64) -> u32 {
        if self.minute_valid && sec >= self.minute_start && sec < self.minute_start + 60 {
            return (sec - self.minute_start) as u32;
        }
        let mut txt = Vec::with_capacity(16);
        let s;
        if let Some(tm) = crate::capture::os::local_time(sec) {
            txt.decw(tm.year.max(0) as u64, 4);
            txt.push(b'-');
            txt.decw((tm.month + 1) as u64, 2);
            txt.push(b'-');
            txt.decw(tm.day as u64, 2);
            txt.push(b' ');
            txt.decw(tm.hour as u64, 2);
            txt.push(b':');
            txt.decw(tm.minute as u64, 2);
            s = tm.second.clamp(0, 60) as u32;
        } else {
            txt.extend_from_slice(b"0000-00-00 00:00");
            s = 0;
        }
        let n = txt.len().min(16);
        self.minute_text = [b'0'; 16];
        self.minute_text[16 - n..].copy_from_slice(&txt[txt.len() - n..]);
        // A leap second (tm_sec 60) is not cached.
        if s < 60 {
            self.minute_start = sec - i64::from(s);
            self.minute_valid = true;
        } else {
            self.minute_valid = false;
        }
        s
    }

    /// A duration as tcpdump's "HH:MM:SS.frac" (with a leading '-' if negative),
    /// worked out as tcpdump does: in the units of the output precision, with
    /// one borrow from the seconds. Fractions a savefile left out of range stay
    /// out of range, and the printed fraction is that of a C `unsigned`.
    fn delta(&self, o: &mut Vec<u8>, a: Timestamp, b: Timestamp) {
        let per: i64 = if self.nano { 1_000_000_000 } else { 1_000_000 };
        // The seconds and fraction are as libpcap hands them over (a damaged
        // pcap file's may be out of range or negative), and worked with in
        // full, as tcpdump's `long`s.
        let units = |t: Timestamp| -> (i64, i64) {
            (t.sec, if self.nano { t.nsec } else { t.nsec / 1000 })
        };
        let (a, b) = (units(a), units(b));
        let negative = a < b;
        let (x, y) = if negative { (b, a) } else { (a, b) };
        let mut sec = x.0 - y.0;
        let mut frac = x.1 - y.1;
        if frac < 0 {
            sec -= 1;
            frac += per;
        }
        o.push(if negative { b'-' } else { b' ' });
        if (sec as u32) & 0x8000_0000 != 0 {
            o.extend_from_slice(b"[Error converting time]");
            return;
        }
        // tcpdump shows only the time of day of the difference (hours wrap at 24).
        let sec = sec as u64;
        o.decw((sec % 86400) / 3600, 2);
        o.push(b':');
        o.decw((sec % 3600) / 60, 2);
        o.push(b':');
        o.decw(sec % 60, 2);
        o.push(b'.');
        o.decw(u64::from(frac as u32), if self.nano { 9 } else { 6 });
    }

    pub fn print(&mut self, o: &mut Vec<u8>, ts: Timestamp) {
        // tcpdump refuses seconds whose 32-bit form has the sign bit set (a
        // damaged savefile, or after 2038) in every absolute format.
        if matches!(self.mode, 0 | 2 | 4) && (ts.sec as u32) & 0x8000_0000 != 0 {
            o.extend_from_slice(b"[Error converting time] ");
            return;
        }
        match self.mode {
            0 => {
                let s = self.local(ts.sec);
                o.extend_from_slice(&self.minute_text[11..16]);
                o.push(b':');
                o.decw(u64::from(s), 2);
                self.frac(o, ts.nsec);
                o.push(b' ');
            }
            1 => {}
            2 => {
                // tcpdump prints the seconds as a C `unsigned`: a pcapng time
                // past 2106 shows only its low 32 bits.
                o.dec(u64::from(ts.sec as u32));
                self.frac(o, ts.nsec);
                o.push(b' ');
            }
            3 => {
                // tcpdump takes an all-zero reference time as "not set yet".
                let prev = self
                    .prev
                    .filter(|p| *p != Timestamp::default())
                    .unwrap_or(ts);
                self.delta(o, ts, prev);
                o.push(b' ');
                self.prev = Some(ts);
            }
            4 => {
                let s = self.local(ts.sec);
                o.extend_from_slice(&self.minute_text);
                o.push(b':');
                o.decw(u64::from(s), 2);
                self.frac(o, ts.nsec);
                o.push(b' ');
            }
            _ => {
                let first = match self.first {
                    Some(f) if f != Timestamp::default() => f,
                    _ => *self.first.insert(ts),
                };
                self.delta(o, ts, first);
                o.push(b' ');
            }
        }
    }
}

/// A time (seconds since 1970) as local `YYYY/MM/DD HH:MM:SS`, tcpdump's
/// strftime of localtime() in the ZEP and AFS printers, or its note where
/// localtime() fails.
pub(crate) fn local_date(o: &mut Vec<u8>, secs: i64) {
    match crate::capture::os::local_time(secs) {
        Some(tm) => {
            o.decw(tm.year.max(0) as u64, 4);
            o.s("/");
            o.decw((tm.month + 1) as u64, 2);
            o.s("/");
            o.decw(tm.day as u64, 2);
            o.s(" ");
            o.decw(tm.hour as u64, 2);
            o.s(":");
            o.decw(tm.minute as u64, 2);
            o.s(":");
            o.decw(tm.second as u64, 2);
        }
        None => o.s("[localtime() failed]"),
    }
}
