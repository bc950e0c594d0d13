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

/// The DLT values tcpdump 4.99 on Linux has a link-layer printer for (its
/// printer table, with the values libpcap's headers give them on Linux).
const TCPDUMP_DLTS: &[u32] = &[
    0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99, 104, 105, 107, 108, 109, 112, 113, 114,
    117, 119, 122, 123, 127, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 163, 164, 166, 167,
    168, 178, 179, 180, 181, 182, 189, 192, 195, 201, 220, 226, 228, 229, 230, 239, 240, 241, 242,
    258, 271, 276, 281, 282, 283, 284, 285,
];

/// The link type inside a PPI header, by its DLT value, when tcpdump has a
/// printer for it (tcpdump looks the DLT up in its printer table; any other
/// value gets the header and the bytes in hex).
fn inner_linktype(dlt: u32) -> Option<crate::linktype::LinkType> {
    if !TCPDUMP_DLTS.contains(&dlt) {
        return None;
    }
    let linktype = crate::linktype::linktype_of_dlt(i32::try_from(dlt).ok()?);
    crate::linktype::LinkType::from_value(u32::try_from(linktype).ok()?)
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
    let inner_length = (length as u32).wrapping_sub(len as u32) as usize;
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
