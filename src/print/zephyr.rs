//! Zephyr notices (UDP ports 2103 and 2104) as tcpdump 4.99 prints them: the
//! NUL-terminated header fields, summarised by class and opcode.

use super::{Ctx, R, u8_at};
use std::fmt::Write;

/// tcpdump's fixed 256-byte buffer for formatted fields.
const BUF: usize = 255;

/// The NUL-terminated fields of a notice, read the way tcpdump reads them.
struct Fields<'a> {
    d: &'a [u8],
    at: usize,
    left: usize,
}

impl<'a> Fields<'a> {
    /// The next field without its NUL; None when the length ends first (the
    /// capture ending first is a truncation).
    fn next(&mut self) -> R<Option<&'a [u8]>> {
        let start = self.at;
        loop {
            if self.left == 0 {
                return Ok(None);
            }
            if u8_at(self.d, self.at)? == 0 {
                break;
            }
            self.at += 1;
            self.left -= 1;
        }
        let s = &self.d[start..self.at];
        self.at += 1;
        self.left -= 1;
        Ok(Some(s))
    }
}

/// C's strtol(s, NULL, 16) stored in an int.
fn hex_int(s: &[u8]) -> i32 {
    let mut i = 0;
    while s
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
    {
        i += 1;
    }
    let neg = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if s.get(i) == Some(&b'0')
        && matches!(s.get(i + 1), Some(b'x' | b'X'))
        && s.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        i += 2;
    }
    let mut v: u64 = 0;
    let mut overflow = false;
    while let Some(d) = s.get(i).and_then(|b| (*b as char).to_digit(16)) {
        match v.checked_mul(16).and_then(|x| x.checked_add(u64::from(d))) {
            Some(n) if n <= i64::MAX as u64 + u64::from(neg) => v = n,
            _ => overflow = true,
        }
        i += 1;
    }
    let l: i64 = if overflow {
        if neg { i64::MIN } else { i64::MAX }
    } else if neg {
        (v as i64).wrapping_neg()
    } else {
        v as i64
    };
    l as i32
}

/// tcpdump's fn_print_str.
fn text(c: &mut Ctx, s: &[u8]) {
    for &b in s {
        super::tcp::print_char(c, b);
    }
}

fn lower(c: &mut Ctx, s: &[u8]) {
    for &b in s.iter().take(BUF) {
        super::tcp::print_char(c, b.to_ascii_lowercase());
    }
}

/// `<class,inst,recipient>` as tcpdump formats it into its buffer.
fn triple(c: &mut Ctx, class: &[u8], inst: &[u8], recipient: &[u8]) {
    let recipient: &[u8] = if recipient.is_empty() {
        b"*"
    } else {
        recipient
    };
    let mut v = Vec::with_capacity(class.len() + inst.len() + recipient.len() + 4);
    v.push(b'<');
    v.extend_from_slice(class);
    v.push(b',');
    v.extend_from_slice(inst);
    v.push(b',');
    v.extend_from_slice(recipient);
    v.push(b'>');
    text(c, &v[..v.len().min(BUF)]);
}

fn kind_name(c: &mut Ctx, k: i32) {
    let name = match k {
        0 => "unsafe",
        1 => "unacked",
        2 => "acked",
        3 => "hm-ack",
        4 => "hm-ctl",
        5 => "serv-ack",
        6 => "serv-nak",
        7 => "client-ack",
        8 => "stat",
        _ => {
            let _ = write!(c, "type {k}");
            return;
        }
    };
    c.s(name);
}

/// One Zephyr notice.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "zephyr";
    let mut f = Fields {
        d,
        at: 0,
        left: length.min(i32::MAX as usize),
    };
    let Some(version) = f.next()? else {
        c.invalid();
        return Ok(());
    };
    if !version.starts_with(b"ZEPH") {
        return Ok(());
    }
    // numfields, kind, uid, port, auth, authlen, authdata, class, inst,
    // opcode, sender, recipient, format, cksum, multi, multi_uid.
    let mut h: [Option<&[u8]>; 16] = [None; 16];
    for slot in h.iter_mut() {
        *slot = f.next()?;
    }
    if h.iter().any(Option::is_none) {
        c.invalid();
        return Ok(());
    }
    let h = h.map(Option::unwrap_or_default);
    let kind = hex_int(h[1]);
    let (class, inst, opcode, sender, recipient) = (h[7], h[8], h[9], h[10], h[11]);
    c.s(" zephyr");
    if !version[4..].starts_with(b"0.2") {
        c.s(" v");
        text(c, &version[4..]);
        return Ok(());
    }
    c.s(" ");
    kind_name(c, kind);
    let mut lose = false;
    if kind == 5 {
        match f.next()? {
            Some(ack) if ack != b"SENT" => {
                c.s("/");
                lower(c, ack);
            }
            Some(_) => {}
            None => lose = true,
        }
    }
    if !sender.is_empty() {
        c.s(" ");
        text(c, sender);
    }
    match class {
        b"USER_LOCATE" => {
            match opcode {
                b"USER_HIDE" => c.s(" hide"),
                b"USER_UNHIDE" => c.s(" unhide"),
                _ => {
                    c.s(" locate ");
                    text(c, inst);
                }
            }
            return Ok(());
        }
        b"ZEPHYR_ADMIN" => {
            c.s(" zephyr-admin ");
            lower(c, opcode);
            return Ok(());
        }
        b"ZEPHYR_CTL" => match inst {
            b"CLIENT" => {
                match opcode {
                    b"SUBSCRIBE" | b"SUBSCRIBE_NODEFS" | b"UNSUBSCRIBE" => {
                        c.s(match opcode {
                            b"SUBSCRIBE" => " sub",
                            b"SUBSCRIBE_NODEFS" => " unsub-nodefs",
                            _ => " unsub",
                        });
                        if kind != 5 {
                            let cl = f.next()?;
                            let i = f.next()?;
                            let r = f.next()?;
                            if let (false, Some(cl), Some(i), Some(r)) = (lose, cl, i, r) {
                                c.s(" ");
                                triple(c, cl, i, r);
                            }
                        }
                    }
                    b"GIMME" => c.s(" ret"),
                    b"GIMMEDEFS" => c.s(" gimme-defs"),
                    b"CLEARSUB" => c.s(" clear-subs"),
                    _ => {
                        c.s(" ");
                        lower(c, opcode);
                    }
                }
                return Ok(());
            }
            b"HM" => {
                c.s(" ");
                lower(c, opcode);
                return Ok(());
            }
            b"REALM" => {
                match opcode {
                    b"ADD_SUBSCRIBE" => c.s(" realm add-subs"),
                    b"REQ_SUBSCRIBE" => c.s(" realm req-subs"),
                    b"RLM_SUBSCRIBE" => c.s(" realm rlm-sub"),
                    b"RLM_UNSUBSCRIBE" => c.s(" realm rlm-unsub"),
                    _ => {}
                }
                return Ok(());
            }
            _ => {}
        },
        b"HM_CTL" | b"WG_CTL" => {
            c.s(if class == b"HM_CTL" {
                " hm_ctl "
            } else {
                " wg_ctl "
            });
            lower(c, inst);
            c.s(" ");
            lower(c, opcode);
            return Ok(());
        }
        b"HM_STAT" if inst == b"HMST_CLIENT" && opcode == b"GIMMESTATS" => {
            c.s(" get-client-stats");
            return Ok(());
        }
        b"LOGIN" => match opcode {
            b"USER_FLUSH" => {
                c.s(" flush_locs");
                return Ok(());
            }
            b"NONE" | b"OPSTAFF" | b"REALM-VISIBLE" | b"REALM-ANNOUNCED" | b"NET-VISIBLE"
            | b"NET-ANNOUNCED" => {
                c.s(" set-exposure ");
                lower(c, opcode);
                return Ok(());
            }
            _ => {}
        },
        _ => {}
    }
    c.s(" to ");
    triple(c, class, inst, recipient);
    if !opcode.is_empty() {
        c.s(" op ");
        text(c, opcode);
    }
    Ok(())
}
