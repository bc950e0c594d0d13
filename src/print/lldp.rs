//! LLDP (IEEE 802.1AB): the summary line (with the system name), and with `-v`
//! every TLV, including the IEEE 802.1, IEEE 802.3, TIA LLDP-MED, IANA and
//! DCBX organization-specific ones.

use super::af::af_name;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, u8_at};

/// tcpdump's bittok2str: the names of the set bits, in table order.
fn bits(c: &mut Ctx, table: &[(u32, &str)], none: &str, v: u32) {
    let mut first = true;
    for &(bit, name) in table {
        if bit != 0 && v & bit == bit && bit.is_power_of_two() {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s(none);
    }
}

fn tok<'a>(table: &[(u32, &'a str)], v: u32, dflt: &'a str) -> &'a str {
    table.iter().find(|t| t.0 == v).map_or(dflt, |t| t.1)
}

/// tcpdump's nd_printzp: up to `n` characters, stopping at a NUL.
fn printzp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

const TLV_NAMES: &[(u32, &str)] = &[
    (0, "End"),
    (1, "Chassis ID"),
    (2, "Port ID"),
    (3, "Time to Live"),
    (4, "Port Description"),
    (5, "System Name"),
    (6, "System Description"),
    (7, "System Capabilities"),
    (8, "Management Address"),
    (127, "Organization specific"),
];

const CHASSIS_SUBTYPES: &[(u32, &str)] = &[
    (1, "Chassis component"),
    (2, "Interface alias"),
    (3, "Port component"),
    (4, "MAC address"),
    (5, "Network address"),
    (6, "Interface name"),
    (7, "Local"),
];

const PORT_SUBTYPES: &[(u32, &str)] = &[
    (1, "Interface alias"),
    (2, "Port component"),
    (3, "MAC address"),
    (4, "Network Address"),
    (5, "Interface Name"),
    (6, "Agent circuit ID"),
    (7, "Local"),
];

const CAPS: &[(u32, &str)] = &[
    (1, "Other"),
    (2, "Repeater"),
    (4, "Bridge"),
    (8, "WLAN AP"),
    (16, "Router"),
    (32, "Telephone"),
    (64, "Docsis"),
    (128, "Station Only"),
];

/// The LLDP frame (Ethernet type 0x88cc).
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "lldp";
    c.s("LLDP, length ");
    c.dec(len as u64);
    let v = c.opts.verbose;
    let mut tlen = len;
    let mut p = 0usize;
    while tlen >= 2 {
        let Ok(tlv) = be16(d, p) else {
            c.trunc_mark();
            return Ok(());
        };
        let ty = u32::from(tlv >> 9);
        let l = usize::from(tlv & 0x1ff);
        tlen -= 2;
        p += 2;
        if v > 0 {
            c.s("\n\t");
            c.s(tok(TLV_NAMES, ty, "Unknown"));
            c.s(" TLV (");
            c.dec(ty);
            c.s("), length ");
            c.dec(l as u64);
        }
        if ty == 0 || l == 0 {
            break;
        }
        if d.len() < p + l || tlen < l {
            c.trunc_mark();
            return Ok(());
        }
        let t = &d[p..p + l];
        let hexdump = match tlv_body(c, ty, t, l)? {
            Some(h) => h,
            None => {
                c.trunc_mark();
                return Ok(());
            }
        };
        if v > 1 || (v > 0 && hexdump) {
            unknown_data(c, t, 0, "\n\t  ", l);
        }
        tlen -= l;
        p += l;
    }
    Ok(())
}

/// One TLV's value; Some(hexdump wanted), or None for tcpdump's "goto trunc".
fn tlv_body(c: &mut Ctx, ty: u32, t: &[u8], l: usize) -> R<Option<bool>> {
    let v = c.opts.verbose > 0;
    match ty {
        1 | 2 => {
            if !v {
                return Ok(Some(false));
            }
            if l < 2 {
                return Ok(None);
            }
            let st = u32::from(u8_at(t, 0)?);
            let (table, mac, net) = if ty == 1 {
                (CHASSIS_SUBTYPES, 4, 5)
            } else {
                (PORT_SUBTYPES, 3, 4)
            };
            c.s("\n\t  Subtype ");
            c.s(tok(table, st, "Unknown"));
            c.s(" (");
            c.dec(st);
            c.s("): ");
            if st == mac {
                if l < 7 {
                    return Ok(None);
                }
                c.etheraddr(&t[1..7]);
            } else if st == net {
                if !network_addr(c, &t[1..], l - 1)? {
                    return Ok(None);
                }
            } else if (1..=7).contains(&st) {
                printzp(c, t, 1, l - 1)?;
            } else {
                return Ok(Some(true));
            }
        }
        3 => {
            if v {
                if l < 2 {
                    return Ok(None);
                }
                c.s(": TTL ");
                c.dec(be16(t, 0)?);
                c.s("s");
            }
        }
        4 => {
            if v {
                c.s(": ");
                printzp(c, t, 0, l)?;
            }
        }
        5 => {
            c.s(": ");
            printzp(c, t, 0, l)?;
        }
        6 => {
            if v {
                c.s("\n\t  ");
                printzp(c, t, 0, l)?;
            }
        }
        7 => {
            if v {
                if l < 4 {
                    return Ok(None);
                }
                let cap = u32::from(be16(t, 0)?);
                let ena = u32::from(be16(t, 2)?);
                c.s("\n\t  System  Capabilities [");
                bits(c, CAPS, "none", cap);
                c.s("] (0x");
                c.o.hexw(u64::from(cap), 4);
                c.s(")\n\t  Enabled Capabilities [");
                bits(c, CAPS, "none", ena);
                c.s("] (0x");
                c.o.hexw(u64::from(ena), 4);
                c.s(")");
            }
        }
        8 => {
            if v && !mgmt_addr(c, t, l)? {
                return Ok(None);
            }
        }
        127 => {
            if v {
                if l < 3 {
                    return Ok(None);
                }
                let oui = (u32::from(t[0]) << 16) | (u32::from(t[1]) << 8) | u32::from(t[2]);
                c.s(": OUI ");
                c.s(super::names::oui_lookup(oui).unwrap_or("Unknown"));
                c.s(" (0x");
                c.o.hexw(u64::from(oui), 6);
                c.s(")");
                return Ok(Some(match oui {
                    0x0080c2 => private_8021(c, t, l)?,
                    0x00120f => private_8023(c, t, l)?,
                    0x00005e => private_iana(c, t, l)?,
                    0x0012bb => private_tia(c, t, l)?,
                    0x001b21 => private_dcbx(c, t, l)?,
                    _ => true,
                }));
            }
        }
        _ => return Ok(Some(true)),
    }
    Ok(Some(false))
}

/// "AFI name (n): address"; false when the address is too short.
fn network_addr(c: &mut Ctx, t: &[u8], len: usize) -> R<bool> {
    if len < 1 {
        return Ok(false);
    }
    let af = u8_at(t, 0)?;
    let need = match af {
        1 => 4,
        2 => 16,
        6 => 6,
        _ => 0,
    };
    if len - 1 < need {
        return Ok(false);
    }
    c.s("AFI ");
    c.s(af_name(af.into()).unwrap_or("Unknown"));
    c.s(" (");
    c.dec(af);
    c.s(")");
    match af {
        1 => {
            let a = super::bytes(t, 1, 4)?;
            c.s(": ");
            c.ipaddr(a);
        }
        2 => {
            let a = super::bytes(t, 1, 16)?;
            c.s(": ");
            c.ip6addr(a);
        }
        6 => {
            let a = super::bytes(t, 1, 6)?;
            c.s(": ");
            c.etheraddr(a);
        }
        _ => c.s(", no AF printer !"),
    }
    Ok(true)
}

fn mgmt_addr(c: &mut Ctx, t: &[u8], len: usize) -> R<bool> {
    if len < 1 {
        return Ok(false);
    }
    let alen = usize::from(u8_at(t, 0)?);
    let mut tlen = len - 1;
    if tlen < alen {
        return Ok(false);
    }
    // The address string is built before anything is printed.
    let mark = c.o.len();
    c.s("\n\t  Management Address length ");
    c.dec(alen as u64);
    c.s(", ");
    if !network_addr(c, &t[1..], alen)? {
        c.o.truncate(mark);
        return Ok(false);
    }
    let mut p = 1 + alen;
    tlen -= alen;
    if tlen < 5 {
        return Ok(false);
    }
    let st = u8_at(t, p)?;
    let n = be32(t, p + 1)?;
    c.s("\n\t  ");
    c.s(match st {
        2 => "Interface Index",
        3 => "System Port Number",
        _ => "Unknown",
    });
    c.s(" Interface Numbering (");
    c.dec(st);
    c.s("): ");
    c.dec(n);
    p += 5;
    tlen -= 5;
    if tlen > 0 {
        let oid_len = usize::from(u8_at(t, p)?);
        if tlen < 1 + oid_len {
            return Ok(false);
        }
        if oid_len > 0 {
            c.s("\n\t  OID length ");
            c.dec(oid_len as u64);
            printzp(c, t, p + 1, oid_len)?;
        }
    }
    Ok(true)
}

fn subtype_head(c: &mut Ctx, table: &[(u32, &str)], st: u8) {
    c.s("\n\t  ");
    c.s(tok(table, u32::from(st), "unknown"));
    c.s(" Subtype (");
    c.dec(st);
    c.s(")");
}

/// "%-2d " for each of the 8 bits, lowest first.
fn bit_row(c: &mut Ctx, v: u8) {
    for i in 0..8 {
        c.dec((v >> i) & 1);
        c.s("  ");
    }
}

/// "%-3d" for each value.
fn col3(c: &mut Ctx, vals: &[u8]) {
    for (i, &v) in vals.iter().enumerate() {
        if i > 0 {
            c.s(" ");
        }
        let start = c.o.len();
        c.dec(v);
        let w = c.o.len() - start;
        for _ in w..3 {
            c.s(" ");
        }
    }
}

fn ets_tables(c: &mut Ctx, t: &[u8]) -> R {
    let pa = super::bytes(t, 5, 4)?;
    let mut vals = Vec::with_capacity(8);
    for b in pa {
        vals.push(b >> 4);
        vals.push(b & 0xf);
    }
    c.s("\n\t    Priority Assignment Table");
    c.s("\n\t     Priority : 0   1   2   3   4   5   6   7");
    c.s("\n\t     Value    : ");
    col3(c, &vals);
    let bw = super::bytes(t, 9, 8)?;
    c.s("\n\t    TC Bandwidth Table");
    c.s("\n\t     TC%   : 0   1   2   3   4   5   6   7");
    c.s("\n\t     Value : ");
    col3(c, bw);
    let tsa = super::bytes(t, 17, 8)?;
    c.s("\n\t    TSA Assignment Table");
    c.s("\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
    c.s("\n\t     Value        : ");
    col3(c, tsa);
    Ok(())
}

const SUB_8021: &[(u32, &str)] = &[
    (1, "Port VLAN Id"),
    (2, "Port and Protocol VLAN ID"),
    (3, "VLAN name"),
    (4, "Protocol Identity"),
    (7, "Link aggregation"),
    (8, "Congestion Notification"),
    (9, "ETS Configuration"),
    (10, "ETS Recommendation"),
    (11, "Priority Flow Control Configuration"),
    (12, "Application Priority"),
    (13, "EVB"),
    (14, "CDCP"),
];

fn private_8021(c: &mut Ctx, t: &[u8], l: usize) -> R<bool> {
    if l < 4 {
        return Ok(false);
    }
    let st = u8_at(t, 3)?;
    subtype_head(c, SUB_8021, st);
    match st {
        1 => {
            if l < 6 {
                return Ok(false);
            }
            c.s("\n\t    port vlan id (PVID): ");
            c.dec(be16(t, 4)?);
        }
        2 => {
            if l < 7 {
                return Ok(false);
            }
            let f = u8_at(t, 4)?;
            c.s("\n\t    port and protocol vlan id (PPVID): ");
            c.dec(be16(t, 5)?);
            c.s(", flags [");
            bits(c, &[(2, "supported"), (4, "enabled")], "none", u32::from(f));
            c.s("] (0x");
            c.o.hexw(u64::from(f), 2);
            c.s(")");
        }
        3 => {
            if l < 6 {
                return Ok(false);
            }
            c.s("\n\t    vlan id (VID): ");
            c.dec(be16(t, 4)?);
            if l < 7 {
                return Ok(false);
            }
            let sl = usize::from(u8_at(t, 6)?);
            if l < 7 + sl {
                return Ok(false);
            }
            c.s("\n\t    vlan name: ");
            printzp(c, t, 7, sl)?;
        }
        4 => {
            if l < 5 {
                return Ok(false);
            }
            let sl = usize::from(u8_at(t, 4)?);
            if l < 5 + sl {
                return Ok(false);
            }
            c.s("\n\t    protocol identity: ");
            printzp(c, t, 5, sl)?;
        }
        7 => return link_aggr(c, t, l),
        8 => {
            if l < 6 {
                return Ok(false);
            }
            for (i, title) in [
                "Pre-Priority CNPV Indicator",
                "Pre-Priority Ready Indicator",
            ]
            .iter()
            .enumerate()
            {
                let tv = u8_at(t, 4 + i)?;
                c.s("\n\t    ");
                c.s(title);
                c.s("\n\t     Priority : 0  1  2  3  4  5  6  7");
                c.s("\n\t     Value    : ");
                bit_row(c, tv);
            }
        }
        9 => {
            if l < 25 {
                return Ok(false);
            }
            let tv = u8_at(t, 4)?;
            c.s("\n\t    Willing:");
            c.dec(tv >> 7);
            c.s(", CBS:");
            c.dec((tv >> 6) & 0x02);
            c.s(", RES:");
            c.dec((tv >> 3) & 0x07);
            c.s(", Max TCs:");
            c.dec(tv & 0x07);
            ets_tables(c, t)?;
        }
        10 => {
            if l < 25 {
                return Ok(false);
            }
            c.s("\n\t    RES: ");
            c.dec(u8_at(t, 4)?);
            ets_tables(c, t)?;
        }
        11 => {
            if l < 6 {
                return Ok(false);
            }
            let tv = u8_at(t, 4)?;
            c.s("\n\t    Willing: ");
            c.dec(tv >> 7);
            c.s(", MBC: ");
            c.dec((tv >> 6) & 1);
            c.s(", RES: ");
            c.dec((tv >> 4) & 3);
            c.s(", PFC cap:");
            c.dec(tv & 0x0f);
            c.s(" ");
            c.s("\n\t    PFC Enable");
            let tv = u8_at(t, 5)?;
            c.s("\n\t     Priority : 0  1  2  3  4  5  6  7");
            c.s("\n\t     Value    : ");
            bit_row(c, tv);
        }
        12 => {
            if l < 5 {
                return Ok(false);
            }
            c.s("\n\t    RES: ");
            c.dec(u8_at(t, 4)?);
            if l <= 5 {
                return Ok(false);
            }
            let sl = l - 5;
            if !sl.is_multiple_of(3) {
                return Ok(false);
            }
            c.s("\n\t    Application Priority Table");
            let mut i = 0;
            while i < sl {
                let tv = u8_at(t, i + 5)?;
                c.s("\n\t      Priority: ");
                c.dec(tv >> 5);
                c.s(", RES: ");
                c.dec((tv >> 3) & 3);
                c.s(", Sel: ");
                c.dec(tv & 7);
                c.s(", Protocol ID: ");
                c.dec(be16(t, i + 6)?);
                i += 3;
            }
        }
        13 => {
            if l < 9 {
                return Ok(false);
            }
            c.s("\n\t    EVB Bridge Status");
            let tv = u8_at(t, 4)?;
            c.s("\n\t      RES: ");
            c.dec(tv >> 3);
            c.s(", BGID: ");
            c.dec((tv >> 2) & 1);
            c.s(", RRCAP: ");
            c.dec((tv >> 1) & 1);
            c.s(", RRCTR: ");
            c.dec(tv & 1);
            c.s("\n\t    EVB Station Status");
            let tv = u8_at(t, 5)?;
            c.s("\n\t      RES: ");
            c.dec(tv >> 4);
            c.s(", SGID: ");
            c.dec((tv >> 3) & 1);
            c.s(", RRREQ: ");
            c.dec((tv >> 2) & 1);
            c.s(",RRSTAT: ");
            c.dec(tv & 3);
            let tv = u8_at(t, 6)?;
            c.s("\n\t    R: ");
            c.dec(tv >> 5);
            c.s(", RTE: ");
            c.dec(tv & 0x1f);
            c.s(", ");
            let tv = u8_at(t, 7)?;
            c.s("EVB Mode: ");
            c.s(match tv >> 6 {
                0 => "Not Supported",
                1 => "EVB Bridge",
                2 => "EVB Station",
                _ => "Reserved for future Standardization",
            });
            c.s(" [");
            c.dec(tv >> 6);
            c.s("]");
            c.s("\n\t    ROL: ");
            c.dec((tv >> 5) & 1);
            c.s(", RWD: ");
            c.dec(tv & 0x1f);
            c.s(", ");
            let tv = u8_at(t, 8)?;
            c.s("RES: ");
            c.dec(tv >> 6);
            c.s(", ROL: ");
            c.dec((tv >> 5) & 1);
            c.s(", RKA: ");
            c.dec(tv & 0x1f);
        }
        14 => {
            if l < 8 {
                return Ok(false);
            }
            let tv = u8_at(t, 4)?;
            c.s("\n\t    Role: ");
            c.dec(tv >> 7);
            c.s(", RES: ");
            c.dec((tv >> 4) & 7);
            c.s(", Scomp: ");
            c.dec((tv >> 3) & 1);
            c.s(" ");
            c.s("ChnCap: ");
            c.dec(be16(t, 6)? & 0x0fff);
            let sl = l - 8;
            if !sl.is_multiple_of(3) {
                return Ok(false);
            }
            let mut i = 0;
            while i < sl {
                let b = super::bytes(t, i + 8, 3)?;
                let tv = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                c.s("\n\t    SCID: ");
                c.dec(tv >> 12);
                c.s(", SVID: ");
                c.dec(tv & 0xfff);
                i += 3;
            }
        }
        _ => return Ok(true),
    }
    Ok(false)
}

const MAU_TYPES: [&str; 41] = [
    "Unknown",
    "AUI",
    "10BASE_5",
    "FOIRL",
    "10BASE2",
    "10BASET duplex mode unknown",
    "10BASEFP",
    "10BASEFB",
    "10BASEFL duplex mode unknown",
    "10BROAD36",
    "10BASET hdx",
    "10BASET fdx",
    "10BASEFL hdx",
    "10BASEFL fdx",
    "100BASET4",
    "100BASETX hdx",
    "100BASETX fdx",
    "100BASEFX hdx",
    "100BASEFX fdx",
    "100BASET2 hdx",
    "100BASET2 fdx",
    "1000BASEX hdx",
    "1000BASEX fdx",
    "1000BASELX hdx",
    "1000BASELX fdx",
    "1000BASESX hdx",
    "1000BASESX fdx",
    "1000BASECX hdx",
    "1000BASECX fdx",
    "1000BASET hdx",
    "1000BASET fdx",
    "10GBASEX",
    "10GBASELX4",
    "10GBASER",
    "10GBASEER",
    "10GBASELR",
    "10GBASESR",
    "10GBASEW",
    "10GBASEEW",
    "10GBASELW",
    "10GBASESW",
];

const PMD_CAPS: &[(u32, &str)] = &[
    (1 << 14, "10BASE-T hdx"),
    (1 << 13, "10BASE-T fdx"),
    (1 << 12, "100BASE-T4"),
    (1 << 11, "100BASE-TX hdx"),
    (1 << 10, "100BASE-TX fdx"),
    (1 << 9, "100BASE-T2 hdx"),
    (1 << 8, "100BASE-T2 fdx"),
    (1 << 7, "Pause for fdx links"),
    (1 << 6, "Asym PAUSE for fdx"),
    (1 << 5, "Sym PAUSE for fdx"),
    (1 << 4, "Asym and Sym PAUSE for fdx"),
    (1 << 3, "1000BASE-{X LX SX CX} hdx"),
    (1 << 2, "1000BASE-{X LX SX CX} fdx"),
    (1 << 1, "1000BASE-T hdx"),
    (1, "1000BASE-T fdx"),
];

fn private_8023(c: &mut Ctx, t: &[u8], l: usize) -> R<bool> {
    if l < 4 {
        return Ok(false);
    }
    let st = u8_at(t, 3)?;
    subtype_head(
        c,
        &[
            (1, "MAC/PHY configuration/status"),
            (2, "Power via MDI"),
            (3, "Link aggregation"),
            (4, "Max frame size"),
        ],
        st,
    );
    match st {
        1 => {
            if l < 9 {
                return Ok(false);
            }
            let an = u8_at(t, 4)?;
            c.s("\n\t    autonegotiation [");
            bits(
                c,
                &[(1, "supported"), (2, "enabled")],
                "none",
                u32::from(an),
            );
            c.s("] (0x");
            c.o.hexw(u64::from(an), 2);
            c.s(")");
            let pmd = be16(t, 5)?;
            c.s("\n\t    PMD autoneg capability [");
            bits(c, PMD_CAPS, "unknown", u32::from(pmd));
            c.s("] (0x");
            c.o.hexw(u64::from(pmd), 4);
            c.s(")");
            let mau = be16(t, 7)?;
            c.s("\n\t    MAU type ");
            c.s(MAU_TYPES
                .get(usize::from(mau))
                .copied()
                .unwrap_or("unknown"));
            c.s(" (0x");
            c.o.hexw(u64::from(mau), 4);
            c.s(")");
        }
        2 => {
            if l < 7 {
                return Ok(false);
            }
            let (a, b, cl) = (u8_at(t, 4)?, u8_at(t, 5)?, u8_at(t, 6)?);
            c.s("\n\t    MDI power support [");
            bits(
                c,
                &[
                    (1, "PSE"),
                    (2, "supported"),
                    (4, "enabled"),
                    (8, "can be controlled"),
                ],
                "none",
                u32::from(a),
            );
            c.s("], power pair ");
            c.s(match b {
                1 => "signal",
                2 => "spare",
                _ => "unknown",
            });
            c.s(", power class ");
            c.s(match cl {
                1 => "class0",
                2 => "class1",
                3 => "class2",
                4 => "class3",
                5 => "class4",
                _ => "unknown",
            });
        }
        3 => return link_aggr(c, t, l),
        4 => {
            if l < 6 {
                return Ok(false);
            }
            c.s("\n\t    MTU size ");
            c.dec(be16(t, 4)?);
        }
        _ => return Ok(true),
    }
    Ok(false)
}

/// The link aggregation subtype (same layout under the 802.1 and 802.3 OUIs).
fn link_aggr(c: &mut Ctx, t: &[u8], l: usize) -> R<bool> {
    if l < 9 {
        return Ok(false);
    }
    let a = u8_at(t, 4)?;
    let id = be32(t, 5)?;
    c.s("\n\t    aggregation status [");
    bits(c, &[(1, "supported"), (2, "enabled")], "none", u32::from(a));
    c.s("], aggregation port ID ");
    c.dec(id);
    Ok(false)
}

fn private_iana(c: &mut Ctx, t: &[u8], l: usize) -> R<bool> {
    if l < 8 {
        return Ok(false);
    }
    let st = u8_at(t, 3)?;
    subtype_head(c, &[(1, "MUD-URL")], st);
    if st == 1 {
        c.s("\n\t  MUD-URL=");
        for i in 4..l {
            print_char(c, u8_at(t, i)?);
        }
        return Ok(false);
    }
    Ok(true)
}

const TIA_SUBTYPES: &[(u32, &str)] = &[
    (1, "LLDP-MED Capabilities"),
    (2, "Network policy"),
    (3, "Location identification"),
    (4, "Extended power-via-MDI"),
    (5, "Inventory - hardware revision"),
    (6, "Inventory - firmware revision"),
    (7, "Inventory - software revision"),
    (8, "Inventory - serial number"),
    (9, "Inventory - manufacturer name"),
    (10, "Inventory - model name"),
    (11, "Inventory - asset ID"),
];

fn private_tia(c: &mut Ctx, t: &[u8], l: usize) -> R<bool> {
    if l < 4 {
        return Ok(false);
    }
    let st = u8_at(t, 3)?;
    subtype_head(c, TIA_SUBTYPES, st);
    match st {
        1 => {
            if l < 7 {
                return Ok(false);
            }
            let caps = be16(t, 4)?;
            c.s("\n\t    Media capabilities [");
            bits(
                c,
                &[
                    (1, "LLDP-MED capabilities"),
                    (2, "network policy"),
                    (4, "location identification"),
                    (8, "extended power via MDI-PSE"),
                    (16, "extended power via MDI-PD"),
                    (32, "Inventory"),
                ],
                "none",
                u32::from(caps),
            );
            c.s("] (0x");
            c.o.hexw(u64::from(caps), 4);
            c.s(")");
            let dt = u8_at(t, 6)?;
            c.s("\n\t    Device type [");
            c.s(match dt {
                1 => "endpoint class 1",
                2 => "endpoint class 2",
                3 => "endpoint class 3",
                4 => "network connectivity",
                _ => "unknown",
            });
            c.s("] (0x");
            c.o.hexw(u64::from(dt), 2);
            c.s(")");
        }
        2 => {
            if l < 8 {
                return Ok(false);
            }
            let app = u8_at(t, 4)?;
            c.s("\n\t    Application type [");
            c.s(match app {
                1 => "voice",
                2 => "voice signaling",
                3 => "guest voice",
                4 => "guest voice signaling",
                5 => "softphone voice",
                6 => "video conferencing",
                7 => "streaming video",
                8 => "video signaling",
                _ => "none",
            });
            c.s("] (0x");
            c.o.hexw(u64::from(app), 2);
            c.s(")");
            let f = u8_at(t, 5)?;
            c.s(", Flags [");
            bits(
                c,
                &[(0x80, "Unknown"), (0x40, "Tagged"), (0x20, "reserved")],
                "none",
                u32::from(f),
            );
            c.s("]");
            let w1 = be16(t, 5)?;
            let w2 = be16(t, 6)?;
            c.s("\n\t    Vlan id ");
            c.dec((w1 & 0x1ffe) >> 1);
            c.s(", L2 priority ");
            c.dec((w2 & 0x01ff) >> 6);
            c.s(", DSCP value ");
            c.dec(w2 & 0x3f);
        }
        3 => {
            if l < 5 {
                return Ok(false);
            }
            let fmt = u8_at(t, 4)?;
            c.s("\n\t    Location data format ");
            c.s(match fmt {
                1 => "coordinate-based LCI",
                2 => "civic address LCI",
                3 => "ECS ELIN",
                _ => "unknown",
            });
            c.s(" (0x");
            c.o.hexw(u64::from(fmt), 2);
            c.s(")");
            match fmt {
                1 => {
                    if l < 21 {
                        return Ok(false);
                    }
                    let latlon = |o: usize| -> R<u64> {
                        Ok((u64::from(u8_at(t, o)? & 3) << 32) | u64::from(be32(t, o + 1)?))
                    };
                    c.s("\n\t    Latitude resolution ");
                    c.dec(u8_at(t, 5)? >> 2);
                    c.s(", latitude value ");
                    c.dec(latlon(5)?);
                    c.s("\n\t    Longitude resolution ");
                    c.dec(u8_at(t, 10)? >> 2);
                    c.s(", longitude value ");
                    c.dec(latlon(10)?);
                    let at = u8_at(t, 15)? >> 4;
                    c.s("\n\t    Altitude type ");
                    c.s(match at {
                        1 => "meters",
                        2 => "floors",
                        _ => "unknown",
                    });
                    c.s(" (");
                    c.dec(at);
                    c.s(")");
                    c.s("\n\t    Altitude resolution ");
                    c.dec((be16(t, 15)? >> 6) & 0x3f);
                    c.s(", altitude value 0x");
                    c.o.hex(u64::from(be32(t, 16)? & 0x3fff_ffff));
                    let datum = u8_at(t, 20)?;
                    c.s("\n\t    Datum ");
                    c.s(match datum {
                        1 => "World Geodesic System 1984",
                        2 => "North American Datum 1983 (NAVD88)",
                        3 => "North American Datum 1983 (MLLW)",
                        _ => "unknown",
                    });
                    c.s(" (0x");
                    c.o.hexw(u64::from(datum), 2);
                    c.s(")");
                }
                2 => {
                    if l < 6 {
                        return Ok(false);
                    }
                    let mut lci = usize::from(u8_at(t, 5)?);
                    if lci < 3 || l < 7 + lci {
                        return Ok(false);
                    }
                    let what = u8_at(t, 6)?;
                    c.s("\n\t    LCI length ");
                    c.dec(lci as u64);
                    c.s(", LCI what ");
                    c.s(match what {
                        0 => "location of DHCP server",
                        1 => "location of the network element believed to be closest to the client",
                        2 => "location of the client",
                        _ => "unknown",
                    });
                    c.s(" (0x");
                    c.o.hexw(u64::from(what), 2);
                    c.s("), Country-code ");
                    printzp(c, t, 7, 2)?;
                    lci -= 3;
                    let mut p = 9;
                    while lci > 0 {
                        if lci < 2 {
                            return Ok(false);
                        }
                        let ca_type = u8_at(t, p)?;
                        let ca_len = usize::from(u8_at(t, p + 1)?);
                        p += 2;
                        lci -= 2;
                        c.s("\n\t      CA type '");
                        c.s(match ca_type {
                            1 => "national subdivisions (state,canton,region,province,prefecture)",
                            2 => "county, parish, gun, district",
                            3 => "city, township, shi",
                            4 => "city division, borough, city district, ward chou",
                            5 => "neighborhood, block",
                            6 => "street",
                            _ => "unknown",
                        });
                        c.s("' (");
                        c.dec(ca_type);
                        c.s("), length ");
                        c.dec(ca_len as u64);
                        c.s(": ");
                        if ca_type == 0 || ca_len == 0 || lci < ca_len {
                            return Ok(false);
                        }
                        printzp(c, t, p, ca_len)?;
                        p += ca_len;
                        lci -= ca_len;
                    }
                }
                3 => {
                    c.s("\n\t    ECS ELIN id ");
                    printzp(c, t, 5, l - 5)?;
                }
                _ => {
                    c.s("\n\t    Location ID ");
                    unknown_data(c, t, 5, "\n\t      ", l - 5);
                }
            }
        }
        4 => {
            if l < 7 {
                return Ok(false);
            }
            let b = u8_at(t, 4)?;
            c.s("\n\t    Power type [");
            // tcpdump's operator precedence makes this test b & 0x03.
            c.s(if b & 0x03 != 0 {
                "PD device"
            } else {
                "PSE device"
            });
            c.s("], Power source [");
            c.s(match (b & 0x30) >> 4 {
                1 => "PSE - primary power source",
                2 => "local - backup power source",
                3 => "PSE+local - reserved",
                _ => "none",
            });
            c.s("]\n\t    Power priority [");
            c.s(match b & 0x0f {
                1 => "critical",
                2 => "high",
                3 => "low",
                _ => "none",
            });
            c.s("] (0x");
            c.o.hexw(u64::from(b & 0x0f), 2);
            c.s(")");
            let pv = be16(t, 5)?;
            if pv < 1024 {
                c.s(", Power ");
                c.dec(pv / 10);
                c.s(".");
                c.dec(pv % 10);
                c.s(" Watts");
            } else {
                c.s(", Power ");
                c.dec(pv);
                c.s(" (Reserved)");
            }
        }
        5..=11 => {
            c.s("\n\t  ");
            c.s(match st {
                5 => "Hardware revision",
                6 => "Firmware revision",
                7 => "Software revision",
                8 => "Serial number",
                9 => "Manufacturer name",
                10 => "Model name",
                _ => "Asset ID",
            });
            c.s(" ");
            printzp(c, t, 4, l - 4)?;
        }
        _ => return Ok(true),
    }
    Ok(false)
}

fn private_dcbx(c: &mut Ctx, t: &[u8], len: usize) -> R<bool> {
    if len < 4 {
        return Ok(false);
    }
    let st = u8_at(t, 3)?;
    subtype_head(
        c,
        &[
            (1, "DCB Capability Exchange Protocol Rev 1"),
            (2, "DCB Capability Exchange Protocol Rev 1.01"),
        ],
        st,
    );
    if st == 1 {
        return Ok(true);
    }
    let mut p = 4usize;
    let mut tlen = len - 4;
    let mut hexdump = false;
    while tlen >= 2 {
        let tlv = be16(t, p)?;
        let ty = tlv >> 9;
        let l = usize::from(tlv & 0x1ff);
        hexdump = false;
        tlen -= 2;
        p += 2;
        if ty == 0 || l == 0 || tlen < l {
            break;
        }
        let s = &t[p..p + l];
        let head = |c: &mut Ctx, s: &[u8]| -> R {
            c.s("\n\t      Oper_Version: ");
            c.dec(u8_at(s, 0)?);
            c.s("\n\t      Max_Version: ");
            c.dec(u8_at(s, 1)?);
            Ok(())
        };
        let info = |c: &mut Ctx, s: &[u8]| -> R {
            let tv = u8_at(s, 2)?;
            c.s("\n\t      Info block(0x");
            c.s(&format!("{tv:02X}"));
            c.s("): Enable bit: ");
            c.dec(tv >> 7);
            c.s(", Willing bit: ");
            c.dec((tv >> 6) & 1);
            c.s(", Error Bit: ");
            c.dec((tv >> 5) & 1);
            c.s("\n\t      SubType: ");
            c.dec(u8_at(s, 3)?);
            Ok(())
        };
        match ty {
            1 => {
                if l < 10 {
                    break;
                }
                c.s("\n\t    Control - Protocol Control (type 0x1, length ");
                c.dec(l as u64);
                c.s(")");
                head(c, s)?;
                c.s("\n\t      Sequence Number: ");
                c.dec(be32(s, 2)?);
                c.s("\n\t      Acknowledgement Number: ");
                c.dec(be32(s, 6)?);
            }
            2 => {
                if l < 17 {
                    break;
                }
                c.s("\n\t    Feature - Priority Group (type 0x2, length ");
                c.dec(l as u64);
                c.s(")");
                head(c, s)?;
                info(c, s)?;
                c.s("\n\t      Priority Allocation");
                let pg = be32(s, 4)?;
                for i in 0..8u32 {
                    c.s("\n\t          PgId_");
                    c.dec(i);
                    c.s(": ");
                    c.dec((pg >> (28 - 4 * i)) & 0xf);
                }
                c.s("\n\t      Priority Group Allocation");
                for i in 0..8usize {
                    c.s("\n\t          Pg percentage[");
                    c.dec(i as u64);
                    c.s("]: ");
                    c.dec(u8_at(s, 8 + i)?);
                }
                c.s("\n\t      NumTCsSupported: ");
                c.dec(u8_at(s, 16)?);
            }
            3 => {
                if l < 6 {
                    break;
                }
                c.s("\n\t    Feature - Priority Flow Control (type 0x3, length ");
                c.dec(l as u64);
                c.s(")");
                head(c, s)?;
                info(c, s)?;
                let tv = u8_at(s, 4)?;
                c.s("\n\t      PFC Config (0x");
                c.s(&format!("{tv:02X}"));
                c.s(")");
                for i in 0..8u32 {
                    c.s("\n\t          Priority Bit ");
                    c.dec(i);
                    c.s(": ");
                    c.s(if tv & (1 << i) != 0 {
                        "Enabled"
                    } else {
                        "Disabled"
                    });
                }
                c.s("\n\t      NumTCPFCSupported: ");
                c.dec(u8_at(s, 5)?);
            }
            4 => {
                if l < 4 {
                    break;
                }
                c.s("\n\t    Feature - Application (type 0x4, length ");
                c.dec(l as u64);
                c.s(")");
                head(c, s)?;
                info(c, s)?;
                let mut tv = l - 4;
                let mut m = 4usize;
                while tv >= 6 {
                    c.s("\n\t      Application Value");
                    c.s("\n\t          Application Protocol ID: 0x");
                    c.o.hexw(u64::from(be16(s, m)?), 4);
                    let b = super::bytes(s, m + 2, 3)?;
                    let uval = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                    c.s("\n\t          SF (0x");
                    c.o.hex(u64::from(uval >> 22));
                    c.s(") Application Protocol ID is ");
                    c.s(if uval >> 22 != 0 {
                        "Socket Number"
                    } else {
                        "L2 EtherType"
                    });
                    c.s("\n\t          OUI: 0x");
                    c.o.hexw(u64::from(uval & 0x3f_ffff), 6);
                    c.s("\n\t          User Priority Map: 0x");
                    c.o.hexw(u64::from(u8_at(s, m + 5)?), 2);
                    tv -= 6;
                    m += 6;
                }
            }
            _ => hexdump = true,
        }
        let v = c.opts.verbose;
        if v > 1 || (v > 0 && hexdump) {
            unknown_data(c, s, 0, "\n\t    ", l);
        }
        tlen -= l;
        p += l;
    }
    Ok(hexdump)
}
