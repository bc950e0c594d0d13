//! Per-Packet Information headers (DLT_PPI) as tcpdump 4.99 prints them: the
//! header with -e, then the packet of the link type it names (or, for a link
//! type without a printer, the header and the bytes in hex).

use crate::print::{Ctx, R};

use super::{le16, le32};

const PPI_HDRLEN: usize = 8;

/// libpcap's name of a DLT value (pcap_datalink_val_to_name), as tcpdump shows
/// it in a PPI header.
fn dlt_name(dlt: u32) -> Option<String> {
    pcap::Linktype(dlt as i32).get_name().ok()
}

/// `V.0 DLT IEEE802_11 (105) len 32, length 120: ` (with -q, just the name).
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let len = le16(d, 2)?;
    let dlt = le32(d, 4)?;
    let name = dlt_name(dlt);
    let name = name.as_deref().unwrap_or("UNKNOWN");
    if !c.opts.quiet {
        c.s("V.");
        c.dec(d.first().copied().unwrap_or(0));
        c.s(" DLT ");
        c.s(name);
        c.s(" (");
        c.dec(dlt);
        c.s(") len ");
        c.dec(len);
    } else {
        c.s(name);
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

/// The link types inside a PPI header that rfilter and tcpdump both print, by
/// their DLT value.
fn inner_linktype(dlt: u32) -> Option<crate::linktype::LinkType> {
    use crate::linktype::LinkType;
    Some(match dlt {
        0 => LinkType::Null,
        1 => LinkType::En10mb,
        9 => LinkType::Ppp,
        12 => LinkType::Raw,
        50 => LinkType::PppSerial,
        51 => LinkType::PppEther,
        104 => LinkType::CHdlc,
        108 => LinkType::Loop,
        113 => LinkType::LinuxSll,
        166 => LinkType::PppPppd,
        228 => LinkType::Ipv4,
        229 => LinkType::Ipv6,
        276 => LinkType::LinuxSll2,
        105 | 119 | 127 | 163 | 192 => LinkType::Other(dlt as u16),
        _ => return None,
    })
}

/// DLT_PPI. Returns what tcpdump counts as link header: the PPI header plus
/// twice the inner link header (tcpdump adds the inner printer's count again).
pub(crate) fn ppi(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ppi";
    let caplen = d.len();
    if caplen < PPI_HDRLEN {
        c.trunc_mark();
        return Ok(caplen);
    }
    let len = usize::from(le16(d, 2)?);
    if !(PPI_HDRLEN..=65532).contains(&len) {
        c.s(" [length ");
        c.dec(len as u64);
        c.s(" < 8 or > 65532]");
        c.invalid();
        return Ok(caplen);
    }
    if caplen < len {
        c.trunc_mark();
        return Ok(caplen);
    }
    let dlt = le32(d, 4)?;
    if c.opts.link_header {
        header(c, d, length)?;
    }
    let p = &d[len..];
    let inner_length = length - len;
    match inner_linktype(dlt) {
        Some(lt) if c.depth < crate::print::MAX_DEPTH => {
            c.depth += 1;
            let r = crate::print::link::print(c, lt, p, inner_length);
            c.depth -= 1;
            let h = r?;
            Ok(len + 2 * h)
        }
        Some(_) => {
            c.trunc_mark();
            Ok(len)
        }
        None => {
            if !c.opts.link_header {
                header(c, d, length)?;
            }
            c.default_print(p);
            Ok(len)
        }
    }
}
