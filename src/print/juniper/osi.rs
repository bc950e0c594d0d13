//! tcpdump's isoclns_print as the Juniper printers reach it: a payload that
//! starts with an NLPID (Cisco-style ATM and Frame Relay encapsulations,
//! multilink bundles). IPv4, IPv6, PPP, Q.933 and the null layer are decoded
//! here; CLNP, ES-IS and IS-IS PDUs go to [`osi_pdu`].

use super::super::out::Put;
use super::super::{Ctx, R, u8_at};

const NLPID_NULLNS: u8 = 0x00;
const NLPID_Q933: u8 = 0x08;
const NLPID_CLNP: u8 = 0x81;
const NLPID_ESIS: u8 = 0x82;
const NLPID_ISIS: u8 = 0x83;
const NLPID_IP6: u8 = 0x8e;
const NLPID_IP: u8 = 0xcc;
const NLPID_PPP: u8 = 0xcf;

fn nlpid_name(n: u8) -> &'static str {
    match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x09 => "LMI",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x84 => "CONS",
        0x85 => "IDRP",
        0xc1 => "ISIS_SPB",
        0xb1 => "FRF.15",
        0xcc => "IPv4",
        0xcf => "PPP",
        0x8a => "X25 ES-IS",
        0x8e => "IPv6",
        _ => "Unknown",
    }
}

/// "length: N", after ", " unless -e printed the NLPID first.
fn length_note(c: &mut Ctx, length: usize) {
    if !c.opts.link_header {
        c.s(", ");
    }
    c.s("length: ");
    c.dec(length as u64);
}

/// A frame of `length` bytes starting at its NLPID.
pub(super) fn isoclns(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "isoclns";
    let nlpid = u8_at(d, 0)?;
    if c.opts.link_header {
        c.s("OSI NLPID ");
        c.s(nlpid_name(nlpid));
        c.s(" (0x");
        c.o.hexw(u64::from(nlpid), 2);
        c.s("): ");
    }
    let rest = &d[1..];
    let rest_len = length.saturating_sub(1);
    match nlpid {
        NLPID_CLNP | NLPID_ESIS | NLPID_ISIS => osi_pdu(c, d, length),
        NLPID_NULLNS => {
            length_note(c, length);
            Ok(())
        }
        NLPID_Q933 => super::super::linkmore::q933_print(c, rest, rest_len),
        NLPID_IP => super::super::ip::print(c, rest, rest_len),
        NLPID_IP6 => super::super::ip6::print(c, rest, rest_len),
        NLPID_PPP => super::super::ppp::print(c, rest, rest_len).map(|_| ()),
        _ => {
            if !c.opts.link_header {
                c.s("OSI NLPID 0x");
                c.o.hexw(u64::from(nlpid), 2);
                c.s(" unknown");
            }
            length_note(c, length);
            if length > 1 {
                super::super::ppp::unknown_data(c, d, 0, "\n\t", length);
            }
            Ok(())
        }
    }
}

/// A CLNP, ES-IS or IS-IS PDU. rfilter has no OSI decoder yet, so the PDU is
/// shown the way tcpdump shows one its decoder rejects: in hex.
fn osi_pdu(c: &mut Ctx, d: &[u8], length: usize) -> R {
    super::super::ppp::unknown_data(c, d, 0, "\n\t", length);
    Ok(())
}
