//! The body of an rx acknowledgement: buffer space and skew (-vvv), the first
//! packet of the window, the serial that prompted it, the reason, the acked
//! and nacked packets as ranges, and (-vv) the MTU and window fields newer
//! peers append.

use super::super::Ctx;
use super::read::*;

const REASONS: &[(u32, &str)] = &[
    (1, "ack requested"),
    (2, "duplicate packet"),
    (3, "out of sequence"),
    (4, "exceeds window"),
    (5, "no buffer space"),
    (6, "ping"),
    (7, "ping response"),
    (8, "delay"),
    (9, "idle"),
];

/// Fixed part of the ack body.
const FIXED: usize = 18;

pub(crate) fn print(c: &mut Ctx, r: &mut Rd<'_>, length: usize) -> F {
    if length < HDR {
        return Ok(());
    }
    r.check(FIXED)?;
    let b = r.bytes(FIXED);
    let word = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let first = word(4);
    let serial = word(12);
    let (reason, n_acks) = (b[16], b[17]);
    if c.opts.verbose > 2 {
        c.s(" bufspace ");
        c.dec(u16::from_be_bytes([b[0], b[1]]));
        c.s(" maxskew ");
        c.dec(u16::from_be_bytes([b[2], b[3]]));
    }
    c.s(" first ");
    c.dec(first);
    c.s(" serial ");
    c.dec(serial);
    c.s(" reason ");
    match name_of(REASONS, u32::from(reason)) {
        Some(n) => c.s(n),
        None => {
            c.s("#");
            c.dec(reason);
        }
    }
    r.skip(FIXED);
    if n_acks != 0 {
        let n = usize::from(n_acks);
        r.check(n)?;
        let acks = r.bytes(n);
        ranges(c, acks, first, 1, " acked ");
        ranges(c, acks, first, 0, " nacked ");
        r.skip(n);
    }
    // Three bytes of padding, then the optional trailer.
    r.skip(3);
    if c.opts.verbose > 1 {
        for label in [" ifmtu", " maxmtu", " rwind", " maxpackets"] {
            if r.left() < 4 {
                return Ok(());
            }
            uints(c, r, &[label])?;
        }
    }
    Ok(())
}

/// The packets whose ack byte is `want`, numbered from `first`, with runs
/// collapsed to `A-B` and separated by commas, after `label`.
fn ranges(c: &mut Ctx, acks: &[u8], first: u32, want: u8, label: &str) {
    // Start and end index of the run being printed.
    let mut run: Option<(usize, usize)> = None;
    let seq = |i: usize| first.wrapping_add(i as u32);
    for (i, &a) in acks.iter().enumerate() {
        if a == want {
            match run {
                None => {
                    c.s(label);
                    c.dec(seq(i));
                    run = Some((i, i));
                }
                Some((_, last)) if last + 1 != i => {
                    c.s(",");
                    c.dec(seq(i));
                    run = Some((i, i));
                }
                Some((start, _)) => run = Some((start, i)),
            }
        } else if let Some((start, last)) = run
            && last + 1 == i
            && start != last
        {
            c.s("-");
            c.dec(seq(last));
        }
    }
    if let Some((start, last)) = run
        && last + 1 == acks.len()
        && start != last
    {
        c.s("-");
        c.dec(seq(last));
    }
}
