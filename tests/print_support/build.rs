//! Hand-built packets (normal and malformed) for the golden tests.
#![allow(dead_code)]

pub fn csum(parts: &[&[u8]]) -> u16 {
    let mut acc: u32 = 0;
    for p in parts {
        let mut it = p.chunks(2);
        for w in &mut it {
            let v = if w.len() == 2 {
                u16::from_be_bytes([w[0], w[1]])
            } else {
                u16::from(w[0]) << 8
            };
            acc += u32::from(v);
        }
        while acc >> 16 != 0 {
            acc = (acc & 0xffff) + (acc >> 16);
        }
    }
    !(acc as u16)
}

pub const MAC_A: [u8; 6] = [0x02, 0, 0, 0, 0, 1];
pub const MAC_B: [u8; 6] = [0x02, 0, 0, 0, 0, 2];

pub fn ether(dst: [u8; 6], src: [u8; 6], ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&dst);
    v.extend_from_slice(&src);
    v.extend_from_slice(&ty.to_be_bytes());
    v.extend_from_slice(payload);
    v
}

pub fn vlan(tci: u16, ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut v = tci.to_be_bytes().to_vec();
    v.extend_from_slice(&ty.to_be_bytes());
    v.extend_from_slice(payload);
    v
}

pub struct Ip4 {
    pub src: [u8; 4],
    pub dst: [u8; 4],
    pub proto: u8,
    pub ttl: u8,
    pub tos: u8,
    pub id: u16,
    pub off: u16,
    pub options: Vec<u8>,
    pub bad_sum: bool,
}

impl Ip4 {
    pub fn new(src: [u8; 4], dst: [u8; 4], proto: u8) -> Ip4 {
        Ip4 {
            src,
            dst,
            proto,
            ttl: 64,
            tos: 0,
            id: 1,
            off: 0,
            options: Vec::new(),
            bad_sum: false,
        }
    }
    pub fn build(&self, payload: &[u8]) -> Vec<u8> {
        let hlen = 20 + self.options.len();
        let total = hlen + payload.len();
        let mut h = vec![0x40 | (hlen / 4) as u8, self.tos];
        h.extend_from_slice(&(total as u16).to_be_bytes());
        h.extend_from_slice(&self.id.to_be_bytes());
        h.extend_from_slice(&self.off.to_be_bytes());
        h.push(self.ttl);
        h.push(self.proto);
        h.extend_from_slice(&[0, 0]);
        h.extend_from_slice(&self.src);
        h.extend_from_slice(&self.dst);
        h.extend_from_slice(&self.options);
        let mut s = csum(&[&h]);
        if self.bad_sum {
            s ^= 0x1234;
        }
        h[10..12].copy_from_slice(&s.to_be_bytes());
        h.extend_from_slice(payload);
        h
    }
}

/// Pseudo-header for a transport checksum.
fn pseudo4(src: &[u8; 4], dst: &[u8; 4], proto: u8, len: usize) -> Vec<u8> {
    let mut p = src.to_vec();
    p.extend_from_slice(dst);
    p.push(0);
    p.push(proto);
    p.extend_from_slice(&(len as u16).to_be_bytes());
    p
}

fn pseudo6(src: &[u8; 16], dst: &[u8; 16], proto: u8, len: usize) -> Vec<u8> {
    let mut p = src.to_vec();
    p.extend_from_slice(dst);
    p.extend_from_slice(&(len as u32).to_be_bytes());
    p.extend_from_slice(&[0, 0, 0, proto]);
    p
}

pub enum Pseudo {
    V4([u8; 4], [u8; 4]),
    V6([u8; 16], [u8; 16]),
    None,
}

impl Pseudo {
    fn bytes(&self, proto: u8, len: usize) -> Vec<u8> {
        match self {
            Pseudo::V4(s, d) => pseudo4(s, d, proto, len),
            Pseudo::V6(s, d) => pseudo6(s, d, proto, len),
            Pseudo::None => Vec::new(),
        }
    }
}

pub struct Tcp {
    pub sport: u16,
    pub dport: u16,
    pub seq: u32,
    pub ack: u32,
    pub flags: u8,
    pub win: u16,
    pub urp: u16,
    pub options: Vec<u8>,
    pub bad_sum: bool,
}

impl Tcp {
    pub fn new(sport: u16, dport: u16, flags: u8, seq: u32, ack: u32) -> Tcp {
        Tcp {
            sport,
            dport,
            seq,
            ack,
            flags,
            win: 64240,
            urp: 0,
            options: Vec::new(),
            bad_sum: false,
        }
    }
    pub fn build(&self, ps: &Pseudo, payload: &[u8]) -> Vec<u8> {
        let hlen = 20 + self.options.len();
        let mut h = Vec::new();
        h.extend_from_slice(&self.sport.to_be_bytes());
        h.extend_from_slice(&self.dport.to_be_bytes());
        h.extend_from_slice(&self.seq.to_be_bytes());
        h.extend_from_slice(&self.ack.to_be_bytes());
        h.push(((hlen / 4) as u8) << 4);
        h.push(self.flags);
        h.extend_from_slice(&self.win.to_be_bytes());
        h.extend_from_slice(&[0, 0]);
        h.extend_from_slice(&self.urp.to_be_bytes());
        h.extend_from_slice(&self.options);
        h.extend_from_slice(payload);
        let mut s = csum(&[&ps.bytes(6, h.len()), &h]);
        if self.bad_sum {
            s ^= 0x0101;
        }
        h[16..18].copy_from_slice(&s.to_be_bytes());
        h
    }
}

pub fn udp(ps: &Pseudo, sport: u16, dport: u16, payload: &[u8], bad_sum: bool) -> Vec<u8> {
    let len = 8 + payload.len();
    let mut h = Vec::new();
    h.extend_from_slice(&sport.to_be_bytes());
    h.extend_from_slice(&dport.to_be_bytes());
    h.extend_from_slice(&(len as u16).to_be_bytes());
    h.extend_from_slice(&[0, 0]);
    h.extend_from_slice(payload);
    let mut s = csum(&[&ps.bytes(17, len), &h]);
    if bad_sum {
        s ^= 0x0f0f;
    }
    h[6..8].copy_from_slice(&s.to_be_bytes());
    h
}

/// ICMP/ICMPv6 message with checksum (ICMPv6 over the pseudo-header).
pub fn icmp(ps: &Pseudo, ty: u8, code: u8, rest: &[u8], body: &[u8]) -> Vec<u8> {
    let mut h = vec![ty, code, 0, 0];
    h.extend_from_slice(rest);
    h.extend_from_slice(body);
    let proto = if matches!(ps, Pseudo::V6(..)) { 58 } else { 1 };
    let s = csum(&[&ps.bytes(proto, h.len()), &h]);
    h[2..4].copy_from_slice(&s.to_be_bytes());
    h
}

pub fn ip6(src: [u8; 16], dst: [u8; 16], nh: u8, hlim: u8, payload: &[u8]) -> Vec<u8> {
    let mut h = vec![0x60, 0, 0, 0];
    h.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    h.push(nh);
    h.push(hlim);
    h.extend_from_slice(&src);
    h.extend_from_slice(&dst);
    h.extend_from_slice(payload);
    h
}

pub fn v6(s: &str) -> [u8; 16] {
    s.parse::<std::net::Ipv6Addr>().unwrap().octets()
}

/// DNS name in wire format.
pub fn qname(name: &str) -> Vec<u8> {
    let mut v = Vec::new();
    for l in name.split('.').filter(|l| !l.is_empty()) {
        v.push(l.len() as u8);
        v.extend_from_slice(l.as_bytes());
    }
    v.push(0);
    v
}

pub fn dns_query(id: u16, name: &str, qtype: u16, flags: u16, arcount: u16) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&flags.to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    v.extend_from_slice(&0u16.to_be_bytes());
    v.extend_from_slice(&0u16.to_be_bytes());
    v.extend_from_slice(&arcount.to_be_bytes());
    v.extend_from_slice(&qname(name));
    v.extend_from_slice(&qtype.to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    if arcount > 0 {
        // EDNS OPT record
        v.push(0);
        v.extend_from_slice(&41u16.to_be_bytes());
        v.extend_from_slice(&4096u16.to_be_bytes());
        v.extend_from_slice(&0x0000_8000u32.to_be_bytes());
        v.extend_from_slice(&0u16.to_be_bytes());
    }
    v
}

/// A response with the question and the given answers (type, rdata); names point
/// back to the question by compression.
pub fn dns_response(
    id: u16,
    name: &str,
    qtype: u16,
    rcode: u16,
    answers: &[(u16, Vec<u8>)],
) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&(0x8180u16 | rcode).to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    v.extend_from_slice(&(answers.len() as u16).to_be_bytes());
    v.extend_from_slice(&0u16.to_be_bytes());
    v.extend_from_slice(&0u16.to_be_bytes());
    v.extend_from_slice(&qname(name));
    v.extend_from_slice(&qtype.to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    for (t, rdata) in answers {
        v.extend_from_slice(&[0xc0, 12]);
        v.extend_from_slice(&t.to_be_bytes());
        v.extend_from_slice(&1u16.to_be_bytes());
        v.extend_from_slice(&3600u32.to_be_bytes());
        v.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        v.extend_from_slice(rdata);
    }
    v
}

pub fn arp(op: u16, sha: [u8; 6], spa: [u8; 4], tha: [u8; 6], tpa: [u8; 4]) -> Vec<u8> {
    let mut v = vec![0, 1, 0x08, 0, 6, 4];
    v.extend_from_slice(&op.to_be_bytes());
    v.extend_from_slice(&sha);
    v.extend_from_slice(&spa);
    v.extend_from_slice(&tha);
    v.extend_from_slice(&tpa);
    v
}

pub fn sll(pkttype: u16, proto: u16, payload: &[u8]) -> Vec<u8> {
    let mut v = pkttype.to_be_bytes().to_vec();
    v.extend_from_slice(&1u16.to_be_bytes());
    v.extend_from_slice(&6u16.to_be_bytes());
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&[0, 0]);
    v.extend_from_slice(&proto.to_be_bytes());
    v.extend_from_slice(payload);
    v
}

pub fn sll2(pkttype: u8, proto: u16, ifindex: u32, payload: &[u8]) -> Vec<u8> {
    let mut v = proto.to_be_bytes().to_vec();
    v.extend_from_slice(&[0, 0]);
    v.extend_from_slice(&ifindex.to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    v.push(pkttype);
    v.push(6);
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&[0, 0]);
    v.extend_from_slice(payload);
    v
}

/// A query whose OPT record carries the given EDNS options (code, data).
pub fn dns_query_edns(id: u16, name: &str, opts: &[(u16, &[u8])]) -> Vec<u8> {
    let mut v = dns_query(id, name, 1, 0x0100, 0);
    v[10..12].copy_from_slice(&1u16.to_be_bytes());
    let mut rdata = Vec::new();
    for (code, data) in opts {
        rdata.extend_from_slice(&code.to_be_bytes());
        rdata.extend_from_slice(&(data.len() as u16).to_be_bytes());
        rdata.extend_from_slice(data);
    }
    v.push(0);
    v.extend_from_slice(&41u16.to_be_bytes());
    v.extend_from_slice(&1232u16.to_be_bytes());
    v.extend_from_slice(&0u32.to_be_bytes());
    v.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
    v.extend_from_slice(&rdata);
    v
}

/// NXDOMAIN with an SOA record in the authority section.
pub fn dns_nxdomain_soa(id: u16, name: &str) -> Vec<u8> {
    let mut v = dns_response(id, name, 1, 3, &[]);
    v[8..10].copy_from_slice(&1u16.to_be_bytes());
    v.extend_from_slice(&[0xc0, 12]);
    v.extend_from_slice(&6u16.to_be_bytes());
    v.extend_from_slice(&1u16.to_be_bytes());
    v.extend_from_slice(&900u32.to_be_bytes());
    let mut rd = qname("ns.example.com");
    rd.extend_from_slice(&qname("admin.example.com"));
    for x in [2024u32, 7200, 3600, 1209600, 3600] {
        rd.extend_from_slice(&x.to_be_bytes());
    }
    v.extend_from_slice(&(rd.len() as u16).to_be_bytes());
    v.extend_from_slice(&rd);
    v
}
