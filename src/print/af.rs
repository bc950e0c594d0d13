//! Address family numbers and their names, as tcpdump's af_values and
//! bsd_af_values tables give them to the printers that show them.

/// tcpdump's af_values: the IANA address family numbers (LDP, BGP, RSVP,
/// LLDP and CFM carry them).
pub(crate) fn af_name(af: u16) -> Option<&'static str> {
    Some(match af {
        0 => "Reserved",
        1 => "IPv4",
        2 => "IPv6",
        3 => "NSAP",
        4 => "HDLC",
        5 => "BBN 1822",
        6 => "802",
        7 => "E.163",
        8 => "E.164",
        9 => "F.69",
        10 => "X.121",
        11 => "Novell IPX",
        12 => "Appletalk",
        13 => "Decnet IV",
        14 => "Banyan Vines",
        15 => "E.164 with NSAP subaddress",
        25 => "VPLS",
        196 => "Layer-2 VPN",
        _ => return None,
    })
}

/// tcpdump's bsd_af_values: address families as the BSDs number them (RIP
/// and the null/loopback link types carry them; IPv6 has three numbers).
pub(crate) fn bsd_af_name(af: u32) -> Option<&'static str> {
    Some(match af {
        2 => "IPv4",
        6 => "NS",
        7 => "ISO",
        16 => "Appletalk",
        23 => "IPX",
        24 | 28 | 30 => "IPv6",
        _ => return None,
    })
}
