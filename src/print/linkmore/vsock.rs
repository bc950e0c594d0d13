//! DLT_VSOCK (271): Linux vsock traffic as the vsockmon device reports it. A
//! 32-byte af_vsockmon header (little-endian: source and destination context
//! ids and ports, operation, transport, transport header size), the transport's
//! header (virtio's is 44 bytes), then the payload. tcpdump shows the
//! transport header with -v and dumps payloads with -vv.

use super::super::out::Put;
use super::super::{Ctx, R, bytes};

pub(super) const DLT: u32 = 271;

const HDR_LEN: usize = 32;
const VIRTIO_HDR_LEN: usize = 44;
const TRANSPORT_VIRTIO: u16 = 2;
const OP_PAYLOAD: u16 = 4;

fn le16(d: &[u8], off: usize) -> R<u16> {
    let b = bytes(d, off, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn le32(d: &[u8], off: usize) -> R<u32> {
    let b = bytes(d, off, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn le64(d: &[u8], off: usize) -> R<u64> {
    let b = bytes(d, off, 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(u64::from_le_bytes(a))
}

fn transport_hdr_len(transport: u16) -> usize {
    if transport == TRANSPORT_VIRTIO {
        VIRTIO_HDR_LEN
    } else {
        0
    }
}

/// The virtio transport header, in parentheses.
fn virtio(c: &mut Ctx, h: &[u8]) -> R {
    c.s(" (len ");
    c.dec(le32(h, 24)?);
    c.s(", type ");
    let t = le16(h, 28)?;
    match t {
        1 => c.s("STREAM"),
        _ => {
            c.s("Invalid type (");
            c.dec(t);
            c.s(")");
        }
    }
    c.s(", op ");
    let op = le16(h, 30)?;
    let name = match op {
        0 => "INVALID",
        1 => "REQUEST",
        2 => "RESPONSE",
        3 => "RST",
        4 => "SHUTDOWN",
        5 => "RW",
        6 => "CREDIT UPDATE",
        7 => "CREDIT REQUEST",
        _ => "",
    };
    if name.is_empty() {
        c.s("Invalid op (");
        c.dec(op);
        c.s(")");
    } else {
        c.s(name);
    }
    c.s(", flags ");
    c.o.hex(u64::from(le32(h, 32)?));
    c.s(", buf_alloc ");
    c.dec(le32(h, 36)?);
    c.s(", fwd_cnt ");
    c.dec(le32(h, 40)?);
    c.s(")");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], _length: usize) -> R<usize> {
    c.proto = "vsock";
    // tcpdump reports the captured length, not the length on the wire.
    let len = d.len();
    if len < HDR_LEN {
        // The whole capture counts as link header: -x shows nothing.
        c.trunc_mark();
        return Ok(len);
    }
    let transport = le16(d, 26)?;
    match transport {
        0 => c.s("UNKNOWN"),
        1 => c.s("NO_INFO"),
        TRANSPORT_VIRTIO => c.s("VIRTIO"),
        _ => {
            c.s("Invalid transport (");
            c.dec(transport);
            c.s(")");
        }
    }
    let total = HDR_LEN + transport_hdr_len(transport);
    // The transport header needs to be all there, or the line ends truncated.
    let whole = len >= total;
    if c.opts.verbose > 0 {
        if whole {
            if transport == TRANSPORT_VIRTIO {
                virtio(c, &d[HDR_LEN..])?;
            }
            c.s("\n\t");
        }
    } else {
        c.s(" ");
    }
    c.dec(le64(d, 0)?);
    c.s(".");
    c.dec(le32(d, 16)?);
    c.s(" > ");
    c.dec(le64(d, 8)?);
    c.s(".");
    c.dec(le32(d, 20)?);
    c.s(" ");
    let op = le16(d, 24)?;
    match op {
        0 => c.s("UNKNOWN"),
        1 => c.s("CONNECT"),
        2 => c.s("DISCONNECT"),
        3 => c.s("CONTROL"),
        OP_PAYLOAD => c.s("PAYLOAD"),
        _ => {
            c.s(" invalid op (");
            c.dec(op);
            c.s(")");
        }
    }
    c.s(", length ");
    c.dec(len as u64);
    if c.opts.verbose > 0 && !whole {
        c.trunc_mark();
        return Ok(HDR_LEN);
    }
    if c.opts.verbose > 1 && op == OP_PAYLOAD {
        if len > total {
            c.s("\n");
            super::super::ppp::unknown_data(c, d, total, "\t", len - total);
        } else {
            c.trunc_mark();
        }
    }
    Ok(HDR_LEN)
}
