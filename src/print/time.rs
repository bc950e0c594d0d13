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

    fn frac(&self, o: &mut Vec<u8>, nsec: u32) {
        o.push(b'.');
        if self.nano {
            o.decw(u64::from(nsec), 9);
        } else {
            o.decw(u64::from(nsec / 1000), 6);
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

    /// A duration as tcpdump's "HH:MM:SS.frac" (with a leading '-' if negative).
    fn delta(&self, o: &mut Vec<u8>, a: Timestamp, b: Timestamp) {
        let an = i128::from(a.sec) * 1_000_000_000 + i128::from(a.nsec);
        let bn = i128::from(b.sec) * 1_000_000_000 + i128::from(b.nsec);
        let mut d = an - bn;
        if d < 0 {
            o.push(b'-');
            d = -d;
        } else {
            o.push(b' ');
        }
        let sec = (d / 1_000_000_000) as u64;
        let nsec = (d % 1_000_000_000) as u32;
        // tcpdump shows only the time of day of the difference (hours wrap at 24).
        o.decw((sec % 86400) / 3600, 2);
        o.push(b':');
        o.decw((sec % 3600) / 60, 2);
        o.push(b':');
        o.decw(sec % 60, 2);
        self.frac(o, nsec);
    }

    pub fn print(&mut self, o: &mut Vec<u8>, ts: Timestamp) {
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
                o.dec_i(ts.sec);
                self.frac(o, ts.nsec);
                o.push(b' ');
            }
            3 => {
                let prev = self.prev.unwrap_or(ts);
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
                let first = *self.first.get_or_insert(ts);
                self.delta(o, ts, first);
                o.push(b' ');
            }
        }
    }
}
