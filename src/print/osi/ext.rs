//! The IS-IS extended TLV bodies (branch isisext's `isis_ext`), behind one
//! seam so that the TLV loop can run before they are merged: `None` means
//! "not available", and the loop then prints the TLV as an unknown one.

use super::super::{Ctx, R};

pub(super) fn ext_is_reach(
    c: &mut Ctx,
    d: &[u8],
    ident: &str,
    tlv_type: u8,
    tlv_remaining: usize,
) -> Option<R<usize>> {
    let _ = (c, d, ident, tlv_type, tlv_remaining);
    None
}

pub(super) fn mtid(c: &mut Ctx, d: &[u8], ident: &str, tlv_remaining: usize) -> Option<R<usize>> {
    let _ = (c, d, ident, tlv_remaining);
    None
}

pub(super) fn extd_ip_reach(c: &mut Ctx, d: &[u8], ident: &str, ipv6: bool) -> Option<R<usize>> {
    let _ = (c, d, ident, ipv6);
    None
}

pub(super) fn router_cap_subtlv(c: &mut Ctx, d: &[u8], tlen: u8) -> Option<R> {
    let _ = (c, d, tlen);
    None
}

pub(super) fn mt_port_cap_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> Option<R<bool>> {
    let _ = (c, d, len);
    None
}

pub(super) fn mt_capability_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> Option<R<bool>> {
    let _ = (c, d, len);
    None
}

/// Whether the extended bodies are there at all.
pub(super) const AVAILABLE: bool = false;
