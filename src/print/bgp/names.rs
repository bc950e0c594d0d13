//! The names tcpdump gives BGP message types, address families, capabilities,
//! path attributes, notification codes and extended communities.

pub(super) fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Open",
        2 => "Update",
        3 => "Notification",
        4 => "Keepalive",
        5 => "Route Refresh",
        _ => return None,
    })
}

pub(super) fn safi_name(safi: u8) -> Option<&'static str> {
    Some(match safi {
        0 => "Reserved",
        1 => "Unicast",
        2 => "Multicast",
        3 => "Unicast+Multicast",
        4 => "labeled Unicast",
        5 => "Multicast VPN",
        64 => "Tunnel",
        65 => "VPLS",
        66 => "MDT",
        70 => "EVPN",
        128 => "labeled VPN Unicast",
        129 => "labeled VPN Multicast",
        130 => "labeled VPN Unicast+Multicast",
        132 => "Route Target Routing Information",
        _ => return None,
    })
}

pub(super) fn cap_name(code: u8) -> Option<&'static str> {
    Some(match code {
        1 => "Multiprotocol Extensions",
        2 => "Route Refresh",
        3 => "Cooperative Route Filtering",
        4 => "Multiple Routes to a Destination",
        5 => "Extended Next Hop Encoding",
        8 => "Multiple Labels",
        64 => "Graceful Restart",
        65 => "32-Bit AS Number",
        67 => "Dynamic Capability",
        68 => "Multisession BGP",
        69 => "Multiple Paths",
        70 => "Enhanced Route Refresh",
        71 => "Long-lived Graceful Restart",
        128 => "Route Refresh (Cisco)",
        _ => return None,
    })
}

pub(super) fn attr_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Origin",
        2 => "AS Path",
        3 => "Next Hop",
        4 => "Multi Exit Discriminator",
        5 => "Local Preference",
        6 => "Atomic Aggregate",
        7 => "Aggregator",
        8 => "Community",
        9 => "Originator ID",
        10 => "Cluster List",
        11 => "DPA",
        12 => "Advertisers",
        13 => "RCID Path / Cluster ID",
        14 => "Multi-Protocol Reach NLRI",
        15 => "Multi-Protocol Unreach NLRI",
        16 => "Extended Community",
        17 => "AS4 Path",
        18 => "Aggregator4",
        22 => "PMSI Tunnel",
        23 => "Tunnel Encapsulation",
        24 => "Traffic Engineering",
        25 => "IPv6 Extended Community",
        26 => "Accumulated IGP Metric",
        27 => "PE Distinguisher Label",
        28 => "Entropy Label",
        32 => "Large Community",
        128 => "Attribute Set",
        255 => "Reserved for development",
        _ => return None,
    })
}

/// Notification subcode names for the major codes that have them.
pub(super) fn minor_name(major: u8, minor: u8) -> Option<&'static str> {
    Some(match (major, minor) {
        (1, 1) => "Connection Not Synchronized",
        (1, 2) => "Bad Message Length",
        (1, 3) => "Bad Message Type",
        (2, 1) => "Unsupported Version Number",
        (2, 2) => "Bad Peer AS",
        (2, 3) => "Bad BGP Identifier",
        (2, 4) => "Unsupported Optional Parameter",
        (2, 5) => "Authentication Failure",
        (2, 6) => "Unacceptable Hold Time",
        (2, 7) => "Capability Message Error",
        (3, 1) => "Malformed Attribute List",
        (3, 2) => "Unrecognized Well-known Attribute",
        (3, 3) => "Missing Well-known Attribute",
        (3, 4) => "Attribute Flags Error",
        (3, 5) => "Attribute Length Error",
        (3, 6) => "Invalid ORIGIN Attribute",
        (3, 7) => "AS Routing Loop",
        (3, 8) => "Invalid NEXT_HOP Attribute",
        (3, 9) => "Optional Attribute Error",
        (3, 10) => "Invalid Network Field",
        (3, 11) => "Malformed AS_PATH",
        (5, 0) => "Unspecified Error",
        (5, 1) => "In OpenSent State",
        (5, 2) => "In OpenConfirm State",
        (5, 3) => "In Established State",
        (6, 1) => "Maximum Number of Prefixes Reached",
        (6, 2) => "Administrative Shutdown",
        (6, 3) => "Peer Unconfigured",
        (6, 4) => "Administrative Reset",
        (6, 5) => "Connection Rejected",
        (6, 6) => "Other Configuration Change",
        (6, 7) => "Connection Collision Resolution",
        (7, 1) => "Invalid Action Value",
        (7, 2) => "Invalid Capability Length",
        (7, 3) => "Malformed Capability Value",
        (7, 4) => "Unsupported Capability Code",
        _ => return None,
    })
}

pub(super) fn ext_comm_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0002 | 0x0102 | 0x0202 => "target",
        0x0003 | 0x0103 | 0x0203 => "origin",
        0x4004 => "link-BW",
        0x0005 | 0x0105 | 0x0205 | 0x8005 => "ospf-domain",
        0x0306 | 0x8000 => "ospf-route-type",
        0x030c => "encapsulation",
        0x0107 | 0x8001 => "ospf-router-id",
        0x800a => "layer2-info",
        0x8800 => "eigrp-general-route (flag, tag)",
        0x8801 => "eigrp-route-metric (AS, delay)",
        0x8802 => "eigrp-route-metric (reliability, nexthop, bandwidth)",
        0x8803 => "eigrp-route-metric (load, MTU)",
        0x8804 => "eigrp-external-route (remote-AS, remote-ID)",
        0x8805 => "eigrp-external-route (remote-proto, remote-metric)",
        0x0009 => "source-AS",
        0x010b => "vrf-route-import",
        0x000a | 0xf10a => "l2vpn-id",
        _ => return None,
    })
}

/// RFC 6624 layer-2 encapsulation types, in tcpdump's words (its
/// l2vpn_encaps_values, not the pseudowire type names).
pub(super) fn l2_encaps_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "Reserved",
        1 => "Frame Relay",
        2 => "ATM AAL5 SDU VCC transport",
        3 => "ATM transparent cell transport",
        4 => "Ethernet (VLAN) Tagged Mode",
        5 => "Ethernet Raw Mode",
        6 => "Cisco HDLC",
        7 => "PPP",
        8 => "SONET/SDH Circuit Emulation Service over MPLS",
        9 => "ATM n-to-one VCC cell transport",
        10 => "ATM n-to-one VPC cell transport",
        11 => "IP layer 2 transport",
        15 => "Frame Relay Port mode",
        17 => "Structure-agnostic E1 over packet",
        18 => "Structure-agnostic T1 (DS1) over packet",
        19 => "VPLS",
        20 => "Structure-agnostic T3 (DS3) over packet",
        21 => "Nx64kbit/s Basic Service using Structure-aware",
        25 => "Frame Relay DLCI",
        40 => "Structure-agnostic E3 over packet",
        41 => "Octet-aligned playload for Structure-agnostic DS1 circuits",
        42 => "E1 Nx64kbit/s with CAS using Structure-aware",
        43 => "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware",
        44 => "DS1 (SF) Nx64kbit/s with CAS using Structure-aware",
        _ => return None,
    })
}

pub(super) fn tunnel_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "L2TPv3 over IP",
        2 => "GRE",
        3 => "Transmit Tunnel",
        4 => "IPsec",
        5 => "IP in IP with IPsec",
        6 => "MPLS in IP with IPsec",
        7 => "IP in IP",
        8 => "VXLAN",
        9 => "NVGRE",
        10 => "MPLS",
        11 => "MPLS in GRE",
        12 => "VXLAN GPE",
        13 => "MPLS in UDP",
        14 => "IPv6",
        15 => "SR TE",
        16 => "Bare",
        17 => "SR",
        _ => return None,
    })
}

pub(super) fn ospf_rtype_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Router",
        2 => "Network",
        3 => "Summary",
        5 => "External",
        7 => "NSSA External",
        129 => "MPLS-VPN Sham",
        _ => return None,
    })
}
