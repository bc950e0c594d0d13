//! `-T rpc`: a Sun RPC call as tcpdump's portmapper printer shows it, anything
//! else as an NFS reply; each prints its own address line, with the transaction
//! id where the port would be.

use super::super::ip::IpInfo;
use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be32};
use super::NFS_PORT;
use super::reply::reply;

/// tcpdump's portmapper procedure names.
const PROCS: [&str; 6] = ["null", "set", "unset", "getport", "dump", "call"];

/// The portmapper's port, where tcpdump says calls go.
const SUNRPC_PORT: u32 = 111;

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    if be32(d, 4)? == 0 {
        call(c, d, length, ip)
    } else {
        reply_with_addresses(c, d, length, ip)
    }
}

/// `SRC.0xXID > DST.sunrpc: LEN PROC [rpcver N] [PROG.VERS]`.
fn call(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "sunrpc";
    // tcpdump needs the call header through the credentials' length before
    // printing anything.
    if d.len() < 32 {
        return Err(Trunc);
    }
    let xid = be32(d, 0)?;
    let mut src = String::from("0x");
    let mut dst = String::new();
    push_hex(&mut src, xid);
    if c.opts.numeric {
        dst.push_str("0x");
        push_hex(&mut dst, SUNRPC_PORT);
    } else {
        dst.push_str("sunrpc");
    }
    addresses(c, ip, &src, &dst);
    c.dec(length as u64);
    let proc_ = be32(d, 20)?;
    c.s(" ");
    match PROCS.get(proc_ as usize) {
        Some(name) => c.s(name),
        None => {
            c.s(" proc #");
            c.dec(proc_);
        }
    }
    let rpcvers = be32(d, 8)?;
    if rpcvers != 2 {
        c.s(" [rpcver ");
        c.dec(rpcvers);
        c.s("]");
    }
    if (1..=3).contains(&proc_) || proc_ == 5 {
        let prog = be32(d, 12)?;
        c.s(" ");
        // tcpdump 4.99 as shipped has no getrpcbynumber: numbers, never names.
        if !c.opts.numeric {
            c.s("#");
        }
        c.dec(prog);
        c.s(".");
        c.dec(be32(d, 16)?);
    }
    Ok(())
}

/// `SRC.nfs > DST.XID: ` then the reply as NFS replies print.
fn reply_with_addresses(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "nfs";
    let xid = be32(d, 0)?;
    let src = if c.opts.numeric {
        NFS_PORT.to_string()
    } else {
        "nfs".to_string()
    };
    addresses(c, ip, &src, &xid.to_string());
    reply(c, d, length, ip)
}

/// `SRC.SRCID > DST.DSTID: `
fn addresses(c: &mut Ctx, ip: &IpInfo<'_>, src: &str, dst: &str) {
    if ip.v6 {
        c.ip6addr(ip.src);
    } else {
        c.ipaddr(ip.src);
    }
    c.s(".");
    c.s(src);
    c.s(" > ");
    if ip.v6 {
        c.ip6addr(ip.dst);
    } else {
        c.ipaddr(ip.dst);
    }
    c.s(".");
    c.s(dst);
    c.s(": ");
}

fn push_hex(s: &mut String, v: u32) {
    let mut o = Vec::new();
    o.hex(u64::from(v));
    s.push_str(&String::from_utf8_lossy(&o));
}
