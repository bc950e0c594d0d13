//! The IS-IS extended TLV bodies (`super::super::isis_ext`, written on branch
//! isisext) behind one seam: while [`AVAILABLE`] is false the TLV loop prints
//! those TLVs as tcpdump prints unknown ones.

use super::super::isis_ext;
use super::super::{Ctx, R};

/// Whether the extended bodies are implemented.
pub(super) const AVAILABLE: bool = false;

pub(super) fn ext_is_reach(
    c: &mut Ctx,
    d: &[u8],
    ident: &str,
    tlv_type: u8,
    tlv_remaining: usize,
) -> Option<R<usize>> {
    AVAILABLE.then(|| isis_ext::ext_is_reach(c, d, ident, tlv_type, tlv_remaining))
}

pub(super) fn mtid(c: &mut Ctx, d: &[u8], ident: &str, tlv_remaining: usize) -> Option<R<usize>> {
    AVAILABLE.then(|| isis_ext::mtid(c, d, ident, tlv_remaining))
}

pub(super) fn extd_ip_reach(c: &mut Ctx, d: &[u8], ident: &str, ipv6: bool) -> Option<R<usize>> {
    AVAILABLE.then(|| isis_ext::extd_ip_reach(c, d, ident, ipv6))
}

pub(super) fn router_cap_subtlv(c: &mut Ctx, d: &[u8], tlen: u8) -> Option<R> {
    AVAILABLE.then(|| isis_ext::router_cap_subtlv(c, d, tlen))
}

pub(super) fn mt_port_cap_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> Option<R<bool>> {
    AVAILABLE.then(|| isis_ext::mt_port_cap_subtlv(c, d, len))
}

pub(super) fn mt_capability_subtlv(c: &mut Ctx, d: &[u8], len: usize) -> Option<R<bool>> {
    AVAILABLE.then(|| isis_ext::mt_capability_subtlv(c, d, len))
}
