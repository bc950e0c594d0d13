//! BEEP (TCP port 10288): tcpdump names the frame keyword only.

use super::Ctx;

/// tcpdump's l_strnstart: the first four bytes (all captured, within the
/// segment) compared with strncmp, so three-letter keywords need a NUL after.
fn starts(d: &[u8], len: usize, key: &[u8; 4]) -> bool {
    match d.get(..4) {
        Some(b) if len >= 4 => {
            for (x, y) in key.iter().zip(b) {
                if x != y {
                    return false;
                }
                if *x == 0 {
                    break;
                }
            }
            true
        }
        _ => false,
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) {
    c.proto = "beep";
    let kinds: [(&[u8; 4], &str); 7] = [
        (b"MSG\0", " BEEP MSG"),
        (b"RPY ", " BEEP RPY"),
        (b"ERR ", " BEEP ERR"),
        (b"ANS ", " BEEP ANS"),
        (b"NUL ", " BEEP NUL"),
        (b"SEQ ", " BEEP SEQ"),
        (b"END\0", " BEEP END"),
    ];
    for (key, text) in kinds {
        if starts(d, len, key) {
            c.s(text);
            return;
        }
    }
    c.s(" BEEP (payload or undecoded)");
}
