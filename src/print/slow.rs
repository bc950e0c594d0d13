//! The IEEE "slow protocols" (Ethernet type 0x8809) as tcpdump 4.99 prints
//! them: LACP and Marker (802.3ad) TLVs, and OAM (802.3ah) information, event
//! notification and loopback control PDUs; with `-v` only, like tcpdump.

use super::ospf::bits;
use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const LACP: u8 = 1;
const MARKER: u8 = 2;
const OAM: u8 = 3;

const LACP_STATE: &[(u32, &str)] = &[
    (0x01, "Activity"),
    (0x02, "Timeout"),
    (0x04, "Aggregation"),
    (0x08, "Synchronization"),
    (0x10, "Collecting"),
    (0x20, "Distributing"),
    (0x40, "Default"),
    (0x80, "Expired"),
];

const OAM_FLAGS: &[(u32, &str)] = &[
    (0x0001, "Link Fault"),
    (0x0002, "Dying Gasp"),
    (0x0004, "Critical Event"),
    (0x0008, "Local Evaluating"),
    (0x0010, "Local Stable"),
    (0x0020, "Remote Evaluating"),
    (0x0040, "Remote Stable"),
];

const OAM_CONFIG: &[(u32, &str)] = &[
    (0x01, "Active"),
    (0x02, "Unidirectional"),
    (0x04, "Remote-Loopback"),
    (0x08, "Link-Events"),
    (0x10, "Variable-Retrieval"),
];

fn proto_name(c: &mut Ctx, subtype: u8) {
    match subtype {
        LACP => c.s("LACP"),
        MARKER => c.s("MARKER"),
        OAM => c.s("OAM"),
        _ => {
            c.s("unknown (");
            c.dec(subtype);
            c.s(")");
        }
    }
}

fn too_short(c: &mut Ctx) {
    c.s("\n\t\t packet is too short");
}

/// A slow-protocols PDU; `d` starts at the subtype byte.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "slow";
    let v = c.opts.verbose;
    let short = |c: &mut Ctx| {
        if v == 0 {
            c.s(" (packet is too short)");
        } else {
            too_short(c);
        }
    };
    if len < 1 {
        short(c);
        return Ok(());
    }
    let subtype = u8_at(d, 0)?;
    let versioned = matches!(subtype, LACP | MARKER);
    if versioned {
        if len < 2 {
            short(c);
            return Ok(());
        }
        let version = u8_at(d, 1)?;
        if version != 1 {
            proto_name(c, subtype);
            c.s(" version ");
            c.dec(version);
            c.s(" packet not supported");
            return Ok(());
        }
        proto_name(c, subtype);
        c.s("v1, length ");
    } else {
        proto_name(c, subtype);
        c.s(", length ");
    }
    c.dec(len as u64);
    if !versioned && subtype != OAM {
        unknown_data(c, d, 0, "\n\t", len);
        return Ok(());
    }
    if v == 0 {
        return Ok(());
    }
    if subtype == OAM {
        oam(c, d, 1, len - 1)
    } else {
        lacp_marker(c, d, 2, len - 2, subtype)
    }
}

fn tlv_name(subtype: u8, ty: u8) -> &'static str {
    match (subtype, ty) {
        (_, 0) => "Terminator",
        (LACP, 1) => "Actor Information",
        (LACP, 2) => "Partner Information",
        (LACP, 3) => "Collector Information",
        (MARKER, 1) => "Marker Information",
        _ => "Unknown",
    }
}

fn illegal(c: &mut Ctx, should: &str) {
    c.s("\n\t    ERROR: illegal length - should be ");
    c.s(should);
}

fn lacp_marker(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: usize, subtype: u8) -> R {
    while tlen > 0 {
        if tlen < 2 {
            too_short(c);
            return Ok(());
        }
        let ty = u8_at(d, p)?;
        let l = usize::from(u8_at(d, p + 1)?);
        c.s("\n\t");
        c.s(tlv_name(subtype, ty));
        c.s(" TLV (0x");
        c.o.hexw(u64::from(ty), 2);
        c.s("), length ");
        c.dec(l as u64);
        if ty == 0 {
            return Ok(());
        }
        if l < 2 {
            illegal(c, ">= 2");
            return Ok(());
        }
        if tlen < l {
            too_short(c);
            return Ok(());
        }
        bytes(d, p, l)?;
        let body = p + 2;
        let blen = l - 2;
        match (subtype, ty) {
            (LACP, 1 | 2) => {
                if blen != 18 {
                    illegal(c, "20");
                } else {
                    let sys_pri = be16(d, body)?;
                    let sys = bytes(d, body + 2, 6)?;
                    let key = be16(d, body + 8)?;
                    let port_pri = be16(d, body + 10)?;
                    let port = be16(d, body + 12)?;
                    let state = u8_at(d, body + 14)?;
                    c.s("\n\t  System ");
                    c.etheraddr(sys);
                    c.s(", System Priority ");
                    c.dec(sys_pri);
                    c.s(", Key ");
                    c.dec(key);
                    c.s(", Port ");
                    c.dec(port);
                    c.s(", Port Priority ");
                    c.dec(port_pri);
                    c.s("\n\t  State Flags [");
                    bits(c, LACP_STATE, u32::from(state), "none");
                    c.s("]");
                }
            }
            (LACP, 3) => {
                if blen != 14 {
                    illegal(c, "16");
                } else {
                    let delay = be16(d, body)?;
                    c.s("\n\t  Max Delay ");
                    c.dec(delay);
                }
            }
            (MARKER, 1) => {
                if blen != 14 {
                    illegal(c, "16");
                } else {
                    let port = be16(d, body)?;
                    let sys = bytes(d, body + 2, 6)?;
                    let id = be32(d, body + 8)?;
                    c.s("\n\t  Request System ");
                    c.etheraddr(sys);
                    c.s(", Request Port ");
                    c.dec(port);
                    c.s(", Request Transaction ID 0x");
                    c.o.hexw(u64::from(id), 8);
                }
            }
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, body, "\n\t  ", blen);
                }
            }
        }
        if c.opts.verbose > 1 {
            unknown_data(c, d, body, "\n\t  ", blen);
        }
        p += l;
        tlen -= l;
    }
    Ok(())
}

fn oam_code_name(c: &mut Ctx, code: u8) {
    match code {
        0x00 => c.s("Information"),
        0x01 => c.s("Event Notification"),
        0x02 => c.s("Variable Request"),
        0x03 => c.s("Variable Response"),
        0x04 => c.s("Loopback Control"),
        0xfe => c.s("Vendor Private"),
        _ => {
            c.s("Unknown (");
            c.dec(code);
            c.s(")");
        }
    }
}

fn be64(d: &[u8], off: usize) -> R<u64> {
    let b = bytes(d, off, 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(u64::from_be_bytes(a))
}

/// One OAM TLV header: prints it and says whether to go on (`Some(length)`),
/// stop (`None`).
fn oam_tlv_head(
    c: &mut Ctx,
    d: &[u8],
    p: usize,
    tlen: usize,
    what: &str,
    name: &str,
) -> R<Option<usize>> {
    let ty = u8_at(d, p)?;
    let l = usize::from(u8_at(d, p + 1)?);
    c.s("\n\t  ");
    c.s(name);
    c.s(" ");
    c.s(what);
    c.s(" Type (");
    c.dec(ty);
    c.s("), length ");
    c.dec(l as u64);
    if ty == 0 {
        return Ok(None);
    }
    if l < 2 {
        illegal(c, ">= 2");
        return Ok(None);
    }
    if tlen < l {
        too_short(c);
        return Ok(None);
    }
    bytes(d, p, l)?;
    Ok(Some(l))
}

fn oam(c: &mut Ctx, d: &[u8], mut p: usize, mut tlen: usize) -> R {
    if tlen < 3 {
        too_short(c);
        return Ok(());
    }
    bytes(d, p, 3)?;
    let flags = be16(d, p)?;
    let code = u8_at(d, p + 2)?;
    p += 3;
    tlen -= 3;
    c.s("\n\tCode ");
    oam_code_name(c, code);
    c.s(" OAM PDU, Flags [");
    bits(c, OAM_FLAGS, u32::from(flags), "none");
    c.s("]");
    match code {
        0x00 => {
            while tlen > 0 {
                if tlen < 2 {
                    too_short(c);
                    return Ok(());
                }
                let ty = u8_at(d, p)?;
                let name = match ty {
                    0x00 => "End of TLV marker",
                    0x01 => "Local",
                    0x02 => "Remote",
                    0xfe => "Organization specific",
                    _ => "Reserved",
                };
                let Some(l) = oam_tlv_head(c, d, p, tlen, "Information", name)? else {
                    return Ok(());
                };
                let mut hexdump = true;
                if ty == 1 || ty == 2 {
                    if u8_at(d, p + 1)? != 16 {
                        illegal(c, "16");
                    } else {
                        hexdump = false;
                        info_tlv(c, d, p)?;
                    }
                }
                if c.opts.verbose > 1 || hexdump {
                    unknown_data(c, d, p, "\n\t  ", l);
                }
                tlen -= l;
                p += l;
            }
        }
        0x01 => {
            if tlen < 2 {
                too_short(c);
                return Ok(());
            }
            let seq = be16(d, p)?;
            c.s("\n\t  Sequence Number ");
            c.dec(seq);
            tlen -= 2;
            p += 2;
            while tlen > 0 {
                if tlen < 2 {
                    too_short(c);
                    return Ok(());
                }
                let ty = u8_at(d, p)?;
                let name = match ty {
                    0x00 => "End of TLV marker",
                    0x01 => "Errored Symbol Period Event",
                    0x02 => "Errored Frame Event",
                    0x03 => "Errored Frame Period Event",
                    0x04 => "Errored Frame Seconds Summary Event",
                    0xfe => "Organization specific",
                    _ => "Reserved",
                };
                let Some(l) = oam_tlv_head(c, d, p, tlen, "Link Event", name)? else {
                    return Ok(());
                };
                let mut hexdump = true;
                if (1..=4).contains(&ty) {
                    if u8_at(d, p + 1)? != 40 {
                        illegal(c, "40");
                    } else {
                        hexdump = false;
                        let ts = u32::from(be16(d, p + 2)?) * 100;
                        let window = be64(d, p + 4)?;
                        let threshold = be64(d, p + 12)?;
                        let errors = be64(d, p + 20)?;
                        let total = be64(d, p + 28)?;
                        let events = be32(d, p + 36)?;
                        c.s("\n\t    Timestamp ");
                        c.dec(ts);
                        c.s(" ms, Errored Window ");
                        c.dec(window);
                        c.s("\n\t    Errored Threshold ");
                        c.dec(threshold);
                        c.s("\n\t    Errors ");
                        c.dec(errors);
                        c.s("\n\t    Error Running Total ");
                        c.dec(total);
                        c.s("\n\t    Event Running Total ");
                        c.dec(events);
                    }
                }
                if c.opts.verbose > 1 || hexdump {
                    unknown_data(c, d, p, "\n\t  ", l);
                }
                tlen -= l;
                p += l;
            }
        }
        0x04 => {
            if tlen < 1 {
                too_short(c);
                return Ok(());
            }
            let cmd = u8_at(d, p)?;
            c.s("\n\t  Command ");
            c.s(match cmd {
                1 => "Enable OAM Remote Loopback",
                2 => "Disable OAM Remote Loopback",
                _ => "Unknown",
            });
            c.s(" (");
            c.dec(cmd);
            c.s(")");
        }
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, p, "\n\t  ", tlen);
            }
        }
    }
    Ok(())
}

/// The Local and Remote Information TLVs (16 bytes, header included).
fn info_tlv(c: &mut Ctx, d: &[u8], p: usize) -> R {
    let version = u8_at(d, p + 2)?;
    let revision = be16(d, p + 3)?;
    c.s("\n\t    OAM-Version ");
    c.dec(version);
    c.s(", Revision ");
    c.dec(revision);
    let state = u8_at(d, p + 5)?;
    c.s("\n\t    State-Parser-Action ");
    c.s(match state & 3 {
        0 => "forwarding",
        1 => "looping back",
        2 => "discarding",
        _ => "reserved",
    });
    c.s(", State-MUX-Action ");
    c.s(if state & 4 == 0 {
        "forwarding"
    } else {
        "discarding"
    });
    let config = u8_at(d, p + 6)?;
    let pdu = be16(d, p + 7)?;
    c.s("\n\t    OAM-Config Flags [");
    bits(c, OAM_CONFIG, u32::from(config), "none");
    c.s("], OAM-PDU-Config max-PDU size ");
    c.dec(pdu & 0x7ff);
    let oui_b = bytes(d, p + 9, 3)?;
    let oui = (u32::from(oui_b[0]) << 16) | (u32::from(oui_b[1]) << 8) | u32::from(oui_b[2]);
    let private = be32(d, p + 12)?;
    c.s("\n\t    OUI ");
    c.s(super::names::oui_lookup(oui).unwrap_or("Unknown"));
    c.s(" (0x");
    c.o.hexw(u64::from(oui), 6);
    c.s("), Vendor-Private 0x");
    c.o.hexw(u64::from(private), 8);
    Ok(())
}
