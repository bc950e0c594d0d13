//! Payload printers for TCP services: telnet option negotiation (port 23), PPTP
//! control messages (port 1723) and RESP, the Redis protocol (port 6379), printed
//! as tcpdump 4.99 prints them.

use super::out::Put;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, u8_at};

// ---------------------------------------------------------------- telnet

const IAC: u8 = 255;
const SB: u8 = 250;
const SE: u8 = 240;
/// The lowest command code tcpdump names (EOF, 236).
const CMD_FIRST: u8 = 236;

/// Command names from EOF (236) to IAC (255).
const TELCMDS: [&str; 20] = [
    "EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO", "AYT", "EC", "EL",
    "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
];

/// Option names 0..=39.
const TELOPTS: [&str; 40] = [
    "BINARY",
    "ECHO",
    "RCP",
    "SUPPRESS GO AHEAD",
    "NAME",
    "STATUS",
    "TIMING MARK",
    "RCTE",
    "NAOL",
    "NAOP",
    "NAOCRD",
    "NAOHTS",
    "NAOHTD",
    "NAOFFD",
    "NAOVTS",
    "NAOVTD",
    "NAOLFD",
    "EXTEND ASCII",
    "LOGOUT",
    "BYTE MACRO",
    "DATA ENTRY TERMINAL",
    "SUPDUP",
    "SUPDUP OUTPUT",
    "SEND LOCATION",
    "TERMINAL TYPE",
    "END OF RECORD",
    "TACACS UID",
    "OUTPUT MARKING",
    "TTYLOC",
    "3270 REGIME",
    "X.3 PAD",
    "NAWS",
    "TSPEED",
    "LFLOW",
    "LINEMODE",
    "XDISPLOC",
    "OLD-ENVIRON",
    "AUTHENTICATION",
    "ENCRYPT",
    "NEW-ENVIRON",
];

const TELOPT_AUTHENTICATION: u8 = 37;
const TELOPT_ENCRYPT: u8 = 38;

/// Sub-negotiation qualifiers of most options.
const SUB_CMDS: &[Option<&str>] = &[Some("IS"), Some("SEND"), Some("INFO")];
const AUTH_CMDS: &[Option<&str>] = &[Some("IS"), Some("SEND"), Some("REPLY"), Some("NAME")];
const AUTH_TYPES: &[Option<&str>] = &[
    Some("NULL"),
    Some("KERBEROS_V4"),
    Some("KERBEROS_V5"),
    Some("SPX"),
    Some("MINK"),
    Some("SRP"),
    Some("RSA"),
    Some("SSL"),
    None,
    None,
    Some("LOKI"),
    Some("SSA"),
    Some("KEA_SJ"),
    Some("KEA_SJ_INTEG"),
    Some("DSS"),
    Some("NTLM"),
];
const ENC_CMDS: &[Option<&str>] = &[
    Some("IS"),
    Some("SUPPORT"),
    Some("REPLY"),
    Some("START"),
    Some("END"),
    Some("REQUEST-START"),
    Some("REQUEST-END"),
    Some("END_KEYID"),
    Some("DEC_KEYID"),
];
const ENC_TYPES: &[Option<&str>] = &[
    Some("NULL"),
    Some("DES_CFB64"),
    Some("DES_OFB64"),
    Some("DES3_CFB64"),
    Some("DES3_OFB64"),
    None,
    Some("CAST5_40_CFB64"),
    Some("CAST5_40_OFB64"),
    Some("CAST128_CFB64"),
    Some("CAST128_OFB64"),
];

/// C's `%#x`: `0` for zero, `0x…` otherwise.
fn alt_hex(o: &mut Vec<u8>, v: u8) {
    if v != 0 {
        o.s("0x");
    }
    o.hex(u64::from(v));
}

/// A name from `tab`, or the value as `%#x`.
fn name_or_hex(o: &mut Vec<u8>, tab: &[Option<&str>], v: u8) {
    match tab.get(usize::from(v)).copied().flatten() {
        Some(n) => o.s(n),
        None => alt_hex(o, v),
    }
}

/// One telnet command at `start` (which holds an IAC), with `length` bytes of the
/// segment left. Returns the bytes it takes (which can run past `length`, as in
/// tcpdump), or None when it is not a complete command. The text goes to `out`
/// when given; a byte beyond the capture is a truncation.
fn telnet_cmd(
    d: &[u8],
    start: usize,
    mut length: u32,
    mut out: Option<&mut Vec<u8>>,
) -> R<Option<usize>> {
    let mut sp = start;
    // tcpdump's FETCH: the next byte of the segment, if the segment has one.
    macro_rules! fetch {
        () => {{
            if length < 1 {
                return Ok(None);
            }
            let b = u8_at(d, sp)?;
            sp += 1;
            length -= 1;
            b
        }};
    }
    if fetch!() != IAC {
        return Ok(None);
    }
    let cmd = fetch!();
    if cmd == IAC {
        if let Some(o) = out.as_deref_mut() {
            o.s("IAC IAC");
        }
        return Ok(Some(sp - start));
    }
    if cmd < CMD_FIRST {
        return Ok(None);
    }
    let cmd_name = TELCMDS[usize::from(cmd - CMD_FIRST)];
    if !(SB..=254).contains(&cmd) {
        if let Some(o) = out.as_deref_mut() {
            o.s(cmd_name);
        }
        return Ok(Some(sp - start));
    }
    // DONT / DO / WONT / WILL / SB, then the option.
    let opt = fetch!();
    if let Some(o) = out.as_deref_mut() {
        o.s(cmd_name);
        o.s(" ");
        match TELOPTS.get(usize::from(opt)) {
            Some(n) => o.s(n),
            None => alt_hex(o, opt),
        }
    }
    if cmd != SB {
        return Ok(Some(sp - start));
    }
    // Sub-negotiation: find the IAC SE that ends it.
    let mut p = sp;
    while length as usize > p + 1 - sp {
        if u8_at(d, p)? == IAC && u8_at(d, p + 1)? == SE {
            break;
        }
        p += 1;
    }
    if u8_at(d, p)? != IAC {
        return Ok(None);
    }
    if p > sp {
        let (cmds, types) = match opt {
            TELOPT_AUTHENTICATION => (AUTH_CMDS, Some(AUTH_TYPES)),
            TELOPT_ENCRYPT => (ENC_CMDS, Some(ENC_TYPES)),
            _ => (SUB_CMDS, None),
        };
        let q = fetch!();
        if let Some(o) = out.as_deref_mut() {
            o.s(" ");
            name_or_hex(o, cmds, q);
        }
        if let Some(types) = types
            && p > sp
        {
            let t = fetch!();
            if let Some(o) = out.as_deref_mut() {
                o.s(" ");
                name_or_hex(o, types, t);
            }
        }
    }
    while p > sp {
        let x = fetch!();
        if let Some(o) = out.as_deref_mut() {
            o.s(" ");
            alt_hex(o, x);
        }
    }
    if let Some(o) = out {
        o.s(" SE");
    }
    sp += 2;
    Ok(Some(sp - start))
}

/// Telnet: the commands at the start of the segment, ` [telnet DO ECHO, …]`
/// (one hex line per command with `-X -vvv`).
pub(crate) fn telnet(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "telnet";
    let hex_mode = c.opts.hex_ascii > 0 && c.opts.verbose > 2;
    let mut length = length as u32;
    let mut sp = 0usize;
    let mut first = true;
    while length > 0 && u8_at(d, sp)? == IAC {
        let Some(l) = telnet_cmd(d, sp, length, None)? else {
            break;
        };
        if hex_mode {
            if first {
                c.s("\nTelnet:");
            }
            hex_with_offset(c, d, sp, l)?;
            if l > 8 {
                c.s("\n\t\t\t\t");
            } else {
                for _ in 0..(8 - l) * 3 {
                    c.o.push(b' ');
                }
                c.s("\t");
            }
        } else {
            c.s(if first { " [telnet " } else { ", " });
        }
        let mut text = Vec::new();
        telnet_cmd(d, sp, length, Some(&mut text))?;
        c.o.extend_from_slice(&text);
        first = false;
        sp += l;
        length = length.wrapping_sub(l as u32);
    }
    if !first {
        c.s(if hex_mode { "\n" } else { "]" });
    }
    Ok(())
}

/// tcpdump's hex_print_with_offset over `l` bytes at `sp`, which stops at the
/// first 16-bit word past the capture.
fn hex_with_offset(c: &mut Ctx, d: &[u8], sp: usize, l: usize) -> R {
    let avail = d.len().saturating_sub(sp).min(l);
    let whole = avail & !1;
    super::hex::hex_only(&mut c.o, "\n", &d[sp..sp + whole], sp);
    if whole == l {
        return Ok(());
    }
    // A word cut short, or the odd last byte: tcpdump prints the line header and
    // the first byte before it reads the second.
    if (whole / 2).is_multiple_of(8) {
        c.s("\n0x");
        c.o.hexw((sp + whole) as u64, 4);
        c.s(": ");
    }
    let b = u8_at(d, sp + whole)?;
    c.s(" ");
    c.o.hexw(u64::from(b), 2);
    if whole < l & !1 {
        return Err(Trunc);
    }
    Ok(())
}

// ---------------------------------------------------------------- PPTP

const PPTP_MAGIC: u32 = 0x1a2b_3c4d;

const PPTP_TYPES: [&str; 16] = [
    "NOT_DEFINED",
    "SCCRQ",
    "SCCRP",
    "StopCCRQ",
    "StopCCRP",
    "ECHORQ",
    "ECHORP",
    "OCRQ",
    "OCRP",
    "ICRQ",
    "ICRP",
    "ICCN",
    "CCRQ",
    "CDN",
    "WEN",
    "SLI",
];

/// ` NAME(value)`: a PPTP number field.
fn pptp_num(c: &mut Ctx, name: &str, v: u64) {
    c.s(" ");
    c.s(name);
    c.s("(");
    c.dec(v);
    c.s(")");
}

/// tcpdump's complaint about a reserved PPTP field that is not zero.
fn pptp_reserved(c: &mut Ctx, v: u64) {
    if v != 0 {
        c.s(" [ERROR: reserved=");
        c.dec(v);
        c.s(" must be zero]");
    }
}

/// A PPTP field printer working at an offset of the message body.
struct Pptp<'a> {
    d: &'a [u8],
}

impl Pptp<'_> {
    fn u8(&self, off: usize) -> R<u8> {
        u8_at(self.d, off)
    }
    fn u16(&self, off: usize) -> R<u16> {
        be16(self.d, off)
    }
    fn u32(&self, off: usize) -> R<u32> {
        be32(self.d, off)
    }

    /// ` NAME(value)` for a 16-bit field.
    fn n16(&self, c: &mut Ctx, name: &str, off: usize) -> R {
        pptp_num(c, name, self.u16(off)?.into());
        Ok(())
    }

    fn n32(&self, c: &mut Ctx, name: &str, off: usize) -> R {
        pptp_num(c, name, self.u32(off)?.into());
        Ok(())
    }

    fn reserved8(&self, c: &mut Ctx, off: usize) -> R {
        pptp_reserved(c, self.u8(off)?.into());
        Ok(())
    }

    fn reserved16(&self, c: &mut Ctx, off: usize) -> R {
        pptp_reserved(c, self.u16(off)?.into());
        Ok(())
    }

    /// ` NAME(text)`: at most `n` characters, up to a NUL.
    fn text(&self, c: &mut Ctx, name: &str, off: usize, n: usize) -> R {
        c.s(" ");
        c.s(name);
        c.s("(");
        for i in 0..n {
            let b = self.u8(off + i)?;
            if b == 0 {
                break;
            }
            print_char(c, b);
        }
        c.s(")");
        Ok(())
    }

    fn proto_ver(&self, c: &mut Ctx, off: usize) -> R {
        let v = self.u16(off)?;
        c.s(" PROTO_VER(");
        c.dec(v >> 8);
        c.s(".");
        c.dec(v & 0xff);
        c.s(")");
        Ok(())
    }

    fn framing_cap(&self, c: &mut Ctx, off: usize) -> R {
        c.s(" FRAME_CAP(");
        let v = self.u32(off)?;
        if v & 1 != 0 {
            c.s("A");
        }
        if v & 2 != 0 {
            c.s("S");
        }
        c.s(")");
        Ok(())
    }

    fn bearer_cap(&self, c: &mut Ctx, off: usize) -> R {
        let v = self.u32(off)?;
        c.s(" BEARER_CAP(");
        if v & 2 != 0 {
            c.s("D");
        }
        if v & 1 != 0 {
            c.s("A");
        }
        c.s(")");
        Ok(())
    }

    fn bearer_type(&self, c: &mut Ctx, off: usize) -> R {
        let v = self.u32(off)?;
        c.s(" BEARER_TYPE(");
        c.s(match v {
            1 => "A",
            2 => "D",
            3 => "Any",
            _ => "?",
        });
        c.s(")");
        Ok(())
    }

    fn framing_type(&self, c: &mut Ctx, off: usize) -> R {
        let v = self.u32(off)?;
        c.s(" FRAME_TYPE(");
        c.s(match v {
            1 => "A",
            2 => "S",
            3 => "E",
            _ => "?",
        });
        c.s(")");
        Ok(())
    }

    /// ` RESULT_CODE(n[:meaning])`, the meanings depending on the message type.
    fn result_code(&self, c: &mut Ctx, off: usize, msg: u16) -> R {
        let v = self.u8(off)?;
        c.s(" RESULT_CODE(");
        c.dec(v);
        if c.opts.verbose > 0 {
            let table: &[&str] = match msg {
                2 => &[
                    "Successful channel establishment",
                    "General error",
                    "Command channel already exists",
                    "Requester is not authorized to establish a command channel",
                    "The protocol version of the requester is not supported",
                ],
                4 | 6 => &["OK", "General Error"],
                8 => &[
                    "Connected",
                    "General Error",
                    "No Carrier",
                    "Busy",
                    "No Dial Tone",
                    "Time-out",
                    "Do Not Accept",
                ],
                10 => &["Connect", "General Error", "Do Not Accept"],
                _ => &["Lost Carrier", "General Error", "Admin Shutdown", "Request"],
            };
            c.s(":");
            let name = usize::from(v)
                .checked_sub(1)
                .and_then(|i| table.get(i))
                .copied()
                .unwrap_or("?");
            c.s(name);
        }
        c.s(")");
        Ok(())
    }

    fn err_code(&self, c: &mut Ctx, off: usize) -> R {
        let v = self.u8(off)?;
        c.s(" ERR_CODE(");
        c.dec(v);
        if c.opts.verbose > 0 {
            c.s(":");
            c.s(match v {
                0 => "None",
                1 => "Not-Connected",
                2 => "Bad-Format",
                3 => "Bad-Value",
                4 => "No-Resource",
                5 => "Bad-Call-ID",
                6 => "PAC-Error",
                _ => "?",
            });
        }
        c.s(")");
        Ok(())
    }

    /// ` NAME(…)` for a number field of up to 64 characters whose length is at
    /// `len_off`.
    fn number(&self, c: &mut Ctx, name: &str, off: usize, len_off: usize) -> R {
        let n = usize::from(self.u16(len_off)?).min(64);
        self.text(c, name, off, n)
    }
}

/// PPTP control connection messages (RFC 2637).
pub(crate) fn pptp(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "pptp";
    c.s(": pptp");
    let h = Pptp { d };
    let v = c.opts.verbose > 0;
    if v {
        let len = h.u16(0)?;
        c.s(" Length=");
        c.dec(len);
        c.s(match h.u16(2)? {
            1 => " CTRL-MSG",
            2 => " MGMT-MSG",
            _ => " UNKNOWN-MSG-TYPE",
        });
    }
    let mc = h.u32(4)?;
    if mc != PPTP_MAGIC {
        c.s(" UNEXPECTED Magic-Cookie!!(");
        c.o.hexw(u64::from(mc), 8);
        c.s(")");
    }
    if v || mc != PPTP_MAGIC {
        c.s(" Magic-Cookie=");
        c.o.hexw(u64::from(mc), 8);
    }
    let msg = h.u16(8)?;
    match PPTP_TYPES.get(usize::from(msg)) {
        Some(n) => {
            c.s(" CTRL_MSGTYPE=");
            c.s(n);
        }
        None => {
            c.s(" UNKNOWN_CTRL_MSGTYPE(");
            c.dec(msg);
            c.s(")");
        }
    }
    h.reserved16(c, 10)?;
    let b = 12; // the message body
    match msg {
        1 | 2 => {
            h.proto_ver(c, b)?;
            if msg == 1 {
                h.reserved16(c, b + 2)?;
            } else {
                h.result_code(c, b + 2, msg)?;
                h.err_code(c, b + 3)?;
            }
            h.framing_cap(c, b + 4)?;
            h.bearer_cap(c, b + 8)?;
            h.n16(c, "MAX_CHAN", b + 12)?;
            h.n16(c, "FIRM_REV", b + 14)?;
            h.text(c, "HOSTNAME", b + 16, 64)?;
            h.text(c, "VENDOR", b + 80, 64)?;
        }
        3 => {
            let r = h.u8(b)?;
            c.s(" REASON(");
            c.dec(r);
            if v {
                c.s(match r {
                    1 => ":None",
                    2 => ":Stop-Protocol",
                    3 => ":Stop-Local-Shutdown",
                    _ => ":?",
                });
            }
            c.s(")");
            h.reserved8(c, b + 1)?;
            h.reserved16(c, b + 2)?;
        }
        4 => {
            h.result_code(c, b, msg)?;
            h.err_code(c, b + 1)?;
            h.reserved16(c, b + 2)?;
        }
        5 => h.n32(c, "ID", b)?,
        6 => {
            h.n32(c, "ID", b)?;
            h.result_code(c, b + 4, msg)?;
            h.err_code(c, b + 5)?;
            h.reserved16(c, b + 6)?;
        }
        7 => {
            h.n16(c, "CALL_ID", b)?;
            h.n16(c, "CALL_SER_NUM", b + 2)?;
            h.n32(c, "MIN_BPS", b + 4)?;
            h.n32(c, "MAX_BPS", b + 8)?;
            h.bearer_type(c, b + 12)?;
            h.framing_type(c, b + 16)?;
            h.n16(c, "RECV_WIN", b + 20)?;
            h.n16(c, "PROC_DELAY", b + 22)?;
            h.n16(c, "PHONE_NO_LEN", b + 24)?;
            h.reserved16(c, b + 26)?;
            h.number(c, "PHONE_NO", b + 28, b + 24)?;
            h.text(c, "SUB_ADDR", b + 92, 64)?;
        }
        8 => {
            h.n16(c, "CALL_ID", b)?;
            h.n16(c, "PEER_CALL_ID", b + 2)?;
            h.result_code(c, b + 4, msg)?;
            h.err_code(c, b + 5)?;
            h.n16(c, "CAUSE_CODE", b + 6)?;
            h.n32(c, "CONN_SPEED", b + 8)?;
            h.n16(c, "RECV_WIN", b + 12)?;
            h.n16(c, "PROC_DELAY", b + 14)?;
            h.n32(c, "PHY_CHAN_ID", b + 16)?;
        }
        9 => {
            h.n16(c, "CALL_ID", b)?;
            h.n16(c, "CALL_SER_NUM", b + 2)?;
            h.bearer_type(c, b + 4)?;
            h.n32(c, "PHY_CHAN_ID", b + 8)?;
            h.n16(c, "DIALED_NO_LEN", b + 12)?;
            h.n16(c, "DIALING_NO_LEN", b + 14)?;
            h.number(c, "DIALED_NO", b + 16, b + 12)?;
            h.number(c, "DIALING_NO", b + 80, b + 14)?;
            h.text(c, "SUB_ADDR", b + 144, 64)?;
        }
        10 => {
            h.n16(c, "CALL_ID", b)?;
            h.n16(c, "PEER_CALL_ID", b + 2)?;
            h.result_code(c, b + 4, msg)?;
            h.err_code(c, b + 5)?;
            h.n16(c, "RECV_WIN", b + 6)?;
            h.n16(c, "PROC_DELAY", b + 8)?;
            h.reserved16(c, b + 10)?;
        }
        11 => {
            h.n16(c, "PEER_CALL_ID", b)?;
            h.reserved16(c, b + 2)?;
            h.n32(c, "CONN_SPEED", b + 4)?;
            h.n16(c, "RECV_WIN", b + 8)?;
            h.n16(c, "PROC_DELAY", b + 10)?;
            h.framing_type(c, b + 12)?;
        }
        12 => {
            h.n16(c, "CALL_ID", b)?;
            h.reserved16(c, b + 2)?;
        }
        13 => {
            h.n16(c, "CALL_ID", b)?;
            h.result_code(c, b + 2, msg)?;
            h.err_code(c, b + 3)?;
            h.n16(c, "CAUSE_CODE", b + 4)?;
            h.reserved16(c, b + 6)?;
            h.text(c, "CALL_STATS", b + 8, 128)?;
        }
        14 => {
            h.n16(c, "PEER_CALL_ID", b)?;
            h.reserved16(c, b + 2)?;
            for (i, name) in [
                "CRC_ERR",
                "FRAMING_ERR",
                "HARDWARE_OVERRUN",
                "BUFFER_OVERRUN",
                "TIMEOUT_ERR",
                "ALIGN_ERR",
            ]
            .iter()
            .enumerate()
            {
                h.n32(c, name, b + 4 + 4 * i)?;
            }
        }
        15 => {
            h.n16(c, "PEER_CALL_ID", b)?;
            h.reserved16(c, b + 2)?;
            for (name, off) in [("SEND_ACCM", b + 4), ("RECV_ACCM", b + 8)] {
                let v = h.u32(off)?;
                c.s(" ");
                c.s(name);
                c.s("(0x");
                c.o.hexw(u64::from(v), 8);
                c.s(")");
            }
        }
        _ => {}
    }
    Ok(())
}

// ---------------------------------------------------------------- RESP

/// Why RESP printing stopped: tcpdump's own length and capture checks (`Short`,
/// which end the line with the mark), or a read past the capture (`Trunc`, which
/// unwinds as every printer's truncation does and dumps the whole packet with -x).
enum Stop {
    Short,
    Trunc,
}

impl From<Trunc> for Stop {
    fn from(_: Trunc) -> Stop {
        Stop::Trunc
    }
}

type Parse<T> = Result<T, Stop>;

/// A cursor over the segment: the position and the bytes the segment has left.
struct Cur<'a> {
    d: &'a [u8],
    pos: usize,
    rem: i64,
}

impl Cur<'_> {
    fn byte_at(&self, off: usize) -> Parse<u8> {
        Ok(u8_at(self.d, self.pos + off)?)
    }

    fn captured(&self, off: usize, n: usize) -> bool {
        self.pos + off + n <= self.d.len()
    }

    fn advance(&mut self, n: usize) {
        self.pos += n;
        self.rem -= n as i64;
    }

    /// Bytes up to the next CRLF (not consumed).
    fn find_crlf(&self) -> Parse<usize> {
        let mut i = 0usize;
        loop {
            if self.rem - (i as i64) < 2 || !self.captured(i, 2) {
                return Err(Stop::Short);
            }
            if self.byte_at(i)? == b'\r' && self.byte_at(i + 1)? == b'\n' {
                return Ok(i);
            }
            i += 1;
        }
    }

    /// Skips a run of CR and LF; running out of data before any is a truncation.
    fn consume_cr_lf(&mut self) -> Parse<()> {
        let mut found = false;
        loop {
            let b = if self.rem == 0 {
                None
            } else {
                self.d.get(self.pos).copied()
            };
            match b {
                None if found => return Ok(()),
                None => return Err(Stop::Short),
                Some(b'\r' | b'\n') => {
                    found = true;
                    self.advance(1);
                }
                Some(_) => return Ok(()),
            }
        }
    }

    /// ` "text"` for `n` bytes at the cursor (not consumed).
    fn segment(&self, c: &mut Ctx, n: usize) -> Parse<()> {
        c.s(" \"");
        for i in 0..n {
            match self.d.get(self.pos + i) {
                Some(&b) => print_char(c, b),
                None => return Err(Stop::Short),
            }
        }
        c.s("\"");
        Ok(())
    }

    /// A bulk string or array length and its CRLF: the value, -1 for null, or
    /// the error printed for a bad one.
    fn length(&mut self) -> Parse<Length> {
        if self.rem == 0 {
            return Err(Stop::Short);
        }
        let neg = self.byte_at(0)? == b'-';
        if neg {
            self.advance(1);
        }
        let (mut v, mut too_large, mut digits) = (0i64, false, false);
        loop {
            if self.rem == 0 {
                return Err(Stop::Short);
            }
            let ch = self.byte_at(0)?;
            if !ch.is_ascii_digit() {
                if !digits {
                    self.advance(1);
                    return Ok(Length::Invalid);
                }
                break;
            }
            let dgt = i64::from(ch - b'0');
            if v > i64::from(i32::MAX / 10) {
                too_large = true;
            } else {
                v *= 10;
                if v == i64::from((i32::MAX / 10) * 10) && dgt > i64::from(i32::MAX % 10) {
                    too_large = true;
                } else {
                    v += dgt;
                }
            }
            self.advance(1);
            digits = true;
        }
        if self.byte_at(0)? != b'\r' {
            self.advance(1);
            return Ok(Length::Invalid);
        }
        self.advance(1);
        if self.rem == 0 {
            return Err(Stop::Short);
        }
        if self.byte_at(0)? != b'\n' {
            self.advance(1);
            return Ok(Length::Invalid);
        }
        self.advance(1);
        Ok(if neg {
            if too_large || v != 1 {
                Length::Negative
            } else {
                Length::Null
            }
        } else if too_large {
            Length::TooLarge
        } else {
            Length::Value(v)
        })
    }

    /// One item; for an array with elements, their count (the caller parses them).
    fn item(&mut self, c: &mut Ctx) -> Parse<Option<i64>> {
        if self.rem < 1 {
            return Err(Stop::Short);
        }
        match self.byte_at(0)? {
            b'+' | b'-' | b':' => {
                self.advance(1);
                let n = self.find_crlf()?;
                self.segment(c, n)?;
                self.advance(n + 2);
            }
            b'$' => {
                self.advance(1);
                match self.length()? {
                    Length::Value(n) => {
                        if n == 0 {
                            c.s(" empty");
                        } else {
                            let n = n as usize;
                            if self.rem < n as i64 || !self.captured(0, n) {
                                return Err(Stop::Short);
                            }
                            self.segment(c, n)?;
                            self.advance(n);
                        }
                        let k = self.find_crlf()?;
                        self.advance(k + 2);
                    }
                    other => other.print(c),
                }
            }
            b'*' => {
                self.advance(1);
                match self.length()? {
                    Length::Value(n) if n > 0 => return Ok(Some(n)),
                    Length::Value(_) => c.s(" empty"),
                    other => other.print(c),
                }
            }
            _ => {
                // An inline command: a line ended by CR, LF or both.
                self.consume_cr_lf()?;
                let mut n = 0usize;
                loop {
                    if self.rem - (n as i64) < 1 {
                        return Err(Stop::Short);
                    }
                    if matches!(self.byte_at(n)?, b'\r' | b'\n') {
                        break;
                    }
                    n += 1;
                }
                self.segment(c, n)?;
                self.advance(n);
                self.consume_cr_lf()?;
            }
        }
        Ok(None)
    }
}

enum Length {
    Value(i64),
    Null,
    TooLarge,
    Negative,
    Invalid,
}

impl Length {
    fn print(&self, c: &mut Ctx) {
        c.s(match self {
            Length::Value(_) => "",
            Length::Null => " null",
            Length::TooLarge => " length too large",
            Length::Negative => " length negative and not -1",
            Length::Invalid => " invalid",
        });
    }
}

/// RESP (Redis): every item of the segment, pipelined commands included. Nested
/// arrays are walked with an explicit stack so that deep nesting cannot
/// exhaust ours.
pub(crate) fn resp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "resp";
    c.s(": RESP");
    let mut cur = Cur {
        d,
        pos: 0,
        rem: i64::from(length as u32 as i32),
    };
    match resp_items(c, &mut cur) {
        Ok(()) => Ok(()),
        Err(Stop::Short) => {
            c.trunc_mark();
            Ok(())
        }
        Err(Stop::Trunc) => Err(Trunc),
    }
}

fn resp_items(c: &mut Ctx, cur: &mut Cur<'_>) -> Parse<()> {
    while cur.rem > 0 {
        let mut open: Vec<i64> = Vec::new();
        if let Some(n) = cur.item(c)? {
            open.push(n);
        }
        while let Some(left) = open.last_mut() {
            if *left == 0 {
                open.pop();
                continue;
            }
            *left -= 1;
            if let Some(n) = cur.item(c)? {
                open.push(n);
            }
        }
    }
    Ok(())
}
