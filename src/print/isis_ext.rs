//! IS-IS extended TLV bodies as tcpdump 4.99.3 prints them (print-isoclns.c):
//! extended IS reachability (TLVs 22, 24, 222, with their traffic-engineering,
//! GMPLS, SPB and segment-routing sub-TLVs), the multi-topology ID, extended IP
//! reachability (TLVs 135, 235, 236, 237, with admin tags and prefix SIDs), the
//! router capability sub-TLVs (TLV 242) and the SPB sub-TLVs of TLVs 143/144.
//!
//! The TLV loop lives with the rest of OSI (`osi`); it calls these functions.
//! Every function takes `d` starting at the bytes to decode and running to the
//! end of the captured data (tcpdump's snapend, not the TLV's end: several of
//! tcpdump's decoders read past their TLV when its length lies). A read past the
//! capture is `Err(Trunc)` (tcpdump's longjmp to ` [|isis]`); tcpdump's own
//! "return 0" cases are `Ok(0)`.

// Until the OSI TLV loop (branch osi) calls these.
#![allow(dead_code)]

use super::{Ctx, R};

/// tcpdump's isis_print_ext_is_reach: one neighbor entry of TLV 22, 24 (IS
/// alias, no metric) or 222 (after its MT ID), `tlv_remaining` bytes left in
/// the TLV; returns the bytes processed, 0 when the caller should stop with
/// ` [|isis]`.
pub(crate) fn ext_is_reach(
    c: &mut Ctx,
    d: &[u8],
    ident: &str,
    tlv_type: u8,
    tlv_remaining: usize,
) -> R<usize> {
    let _ = (c, d, ident, tlv_type, tlv_remaining);
    Ok(0)
}

/// tcpdump's isis_print_mtid: the 2-byte multi-topology ID of TLVs 222, 229,
/// 235 and 237; returns 2, or 0 when fewer than 2 bytes remain in the TLV.
pub(crate) fn mtid(c: &mut Ctx, d: &[u8], ident: &str, tlv_remaining: usize) -> R<usize> {
    let _ = (c, d, ident, tlv_remaining);
    Ok(0)
}

/// tcpdump's isis_print_extd_ip_reach: one prefix entry of TLV 135/235
/// (`ipv6` false) or 236/237 (`ipv6` true); returns the bytes processed
/// (may exceed what is left of the TLV: the caller checks), 0 to stop.
pub(crate) fn extd_ip_reach(c: &mut Ctx, d: &[u8], ident: &str, ipv6: bool) -> R<usize> {
    let _ = (c, d, ident, ipv6);
    Ok(0)
}

/// tcpdump's isis_print_router_cap_subtlv: the sub-TLVs of TLV 242 after its
/// router ID and flags, `tlen` bytes of them.
pub(crate) fn router_cap_subtlv(c: &mut Ctx, d: &[u8], tlen: u8) -> R {
    let _ = (c, d, tlen);
    Ok(())
}

/// tcpdump's isis_print_mt_port_cap_subtlv: the SPB sub-TLVs of TLV 143 after
/// its MT ID, `len` bytes; Ok(true) where tcpdump returns 1 (an error it has
/// already printed), Ok(false) for 0.
pub(crate) fn mt_port_cap_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    let _ = (c, d, len);
    Ok(false)
}

/// tcpdump's isis_print_mt_capability_subtlv: the SPB sub-TLVs of TLV 144
/// after its flags and MT ID, `len` bytes; return as [`mt_port_cap_subtlv`].
pub(crate) fn mt_capability_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    let _ = (c, d, len);
    Ok(false)
}
