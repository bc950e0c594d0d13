//! SIP (UDP port 5060) as tcpdump 4.99 prints it: the generic text-protocol printer
//! with SIP's request methods (first line by default, every line with -v).
//! tcpdump 4.99 does not decode SIP over TCP.

use super::{Ctx, R};

/// Request methods that mark a SIP request line (a response is recognised by the
/// three-digit status code in its second token).
const SIP_CMDS: &[&str] = &[
    "ACK",
    "BYE",
    "CANCEL",
    "DO",
    "INFO",
    "INVITE",
    "MESSAGE",
    "NOTIFY",
    "OPTIONS",
    "PRACK",
    "QAUTH",
    "REFER",
    "REGISTER",
    "SPRACK",
    "SUBSCRIBE",
    "UPDATE",
    "PUBLISH",
];

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "sip";
    super::tcp::txt_protocol(c, d, length, "SIP", Some(SIP_CMDS))
}
