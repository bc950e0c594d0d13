//! Novell IPX (Ethernet II type 0x8137, raw 802.3, 802.2 LLC SAP 0xe0 and
//! SNAP): addresses and sockets, and the SAP, RIP, NetBIOS, NCP, diagnostics
//! and EIGRP sockets as tcpdump 4.99 prints them.

use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};
use std::fmt::Write as _;

const HDR_LEN: usize = 30;

/// `net.node` as tcpdump's ipxaddr_string: eight hex digits, a dot, the node
/// address with colons.
fn ipx_addr(c: &mut Ctx, d: &[u8], net_at: usize, node_at: usize) -> R {
    let net = be32(d, net_at)?;
    let node = bytes(d, node_at, 6)?;
    let _ = write!(
        c,
        "{net:08x}.{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        node[0], node[1], node[2], node[3], node[4], node[5]
    );
    Ok(())
}

/// An IPX packet. The length its link layer gives is not used: the IPX header
/// has its own, which tcpdump trusts.
pub(crate) fn print(c: &mut Ctx, d: &[u8], _link_length: usize) -> R {
    c.proto = "ipx";
    if !c.opts.link_header {
        c.s("IPX ");
    }
    // Each endpoint is printed whole or not at all, as tcpdump reads all the
    // fields of a line before printing it.
    bytes(d, 18, 12)?;
    ipx_addr(c, d, 18, 22)?;
    let _ = write!(c, ".{:04x} > ", be16(d, 28)?);
    bytes(d, 6, 12)?;
    ipx_addr(c, d, 6, 10)?;
    let dst_skt = be16(d, 16)?;
    let _ = write!(c, ".{dst_skt:04x}: ");
    let len = usize::from(be16(d, 2)?);
    if len < HDR_LEN {
        let _ = write!(c, "[length {len} < {HDR_LEN}]");
        c.invalid();
        return Ok(());
    }
    let body = d.get(HDR_LEN..).unwrap_or(&[]);
    let len = len - HDR_LEN;
    match dst_skt {
        0x0451 => {
            let _ = write!(c, "ipx-ncp {len}");
        }
        0x0452 => sap(c, body, len)?,
        0x0453 => rip(c, body, len)?,
        0x0455 => {
            let _ = write!(c, "ipx-netbios {len}");
        }
        0x0456 => {
            let _ = write!(c, "ipx-diags {len}");
        }
        0x0553 => {
            let _ = write!(c, "ipx-nwlink-dgm {len}");
        }
        0x85be => super::eigrp::print(c, body, len)?,
        _ => {
            let _ = write!(c, "ipx-#{dst_skt:x} {len}");
        }
    }
    Ok(())
}

/// A SAP service type: its name (unless `-n`) or four hex digits.
fn sap_type(c: &mut Ctx, t: u16) {
    match (c.opts.numeric, sap_name(t)) {
        (false, Some(n)) => c.s(n),
        _ => {
            let _ = write!(c, "{t:04x}");
        }
    }
}

/// tcpdump's ND_ICHECK_U: `[what value < min] (invalid)`.
fn too_short(c: &mut Ctx, what: &str, v: usize, min: usize) -> bool {
    if v < min {
        let _ = write!(c, " [{what} {v} < {min}]");
        c.invalid();
        return true;
    }
    false
}

/// Service advertising: requests name a service type, responses list up to
/// eight servers with name and address.
fn sap(c: &mut Ctx, d: &[u8], mut len: usize) -> R {
    let command = be16(d, 0)?;
    if too_short(c, "length", len, 2) {
        return Ok(());
    }
    let mut p = 2;
    len -= 2;
    match command {
        1 | 3 => {
            c.s(if command == 1 {
                "ipx-sap-req"
            } else {
                "ipx-sap-nearest-req"
            });
            let t = be16(d, p)?;
            c.s(" ");
            sap_type(c, t);
        }
        2 | 4 => {
            c.s(if command == 2 {
                "ipx-sap-resp"
            } else {
                "ipx-sap-nearest-resp"
            });
            for _ in 0..8 {
                if len == 0 {
                    break;
                }
                bytes(d, p, 2)?;
                if len < 2 {
                    c.invalid();
                    return Ok(());
                }
                let t = be16(d, p)?;
                c.s(" ");
                sap_type(c, t);
                c.s(" '");
                p += 2;
                len -= 2;
                if len < 48 {
                    c.s("'");
                    c.invalid();
                    return Ok(());
                }
                for i in 0..48 {
                    let b = u8_at(d, p + i)?;
                    if b == 0 {
                        break;
                    }
                    print_char(c, b);
                }
                c.s("'");
                p += 48;
                len -= 48;
                bytes(d, p, 10)?;
                if len < 10 {
                    c.invalid();
                    return Ok(());
                }
                c.s(" addr ");
                ipx_addr(c, d, p, p + 4)?;
                p += 10;
                len -= 10;
                bytes(d, p, 4)?;
                if len < 4 {
                    c.invalid();
                    return Ok(());
                }
                p += 4;
                len -= 4;
            }
        }
        _ => {
            let _ = write!(c, "ipx-sap-?{command:x}");
        }
    }
    Ok(())
}

/// Routing information: network, hops and ticks of each entry.
fn rip(c: &mut Ctx, d: &[u8], mut len: usize) -> R {
    let command = be16(d, 0)?;
    if too_short(c, "length", len, 2) {
        return Ok(());
    }
    let mut p = 2;
    len -= 2;
    let entry = |c: &mut Ctx, p: usize| -> R {
        let (net, hops, ticks) = (be32(d, p)?, be16(d, p + 4)?, be16(d, p + 6)?);
        let _ = write!(c, " {net:08x}/{hops}.{ticks}");
        Ok(())
    };
    match command {
        1 => {
            c.s("ipx-rip-req");
            if len != 0 {
                if len < 8 {
                    c.invalid();
                    return Ok(());
                }
                entry(c, p)?;
            }
        }
        2 => {
            c.s("ipx-rip-resp");
            for _ in 0..50 {
                if len == 0 {
                    break;
                }
                if len < 8 {
                    c.invalid();
                    return Ok(());
                }
                entry(c, p)?;
                p += 8;
                len -= 8;
            }
        }
        _ => {
            let _ = write!(c, "ipx-rip-?{command:x}");
        }
    }
    Ok(())
}

/// tcpdump's names for SAP service types.
fn sap_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0000 => "Unknown",
        0x0001 => "User",
        0x0002 => "User Group",
        0x0003 => "PrintQueue",
        0x0004 => "FileServer",
        0x0005 => "JobServer",
        0x0006 => "Gateway",
        0x0007 => "PrintServer",
        0x0008 => "ArchiveQueue",
        0x0009 => "ArchiveServer",
        0x000a => "JobQueue",
        0x000b => "Administration",
        0x000f => "Novell TI-RPC",
        0x0017 => "Diagnostics",
        0x0020 => "NetBIOS",
        0x0021 => "NAS SNA Gateway",
        0x0023 => "NACS AsyncGateway",
        0x0024 => "RemoteBridge/RoutingService",
        0x0026 => "BridgeServer",
        0x0027 => "TCP/IP Gateway",
        0x0028 => "Point-to-point X.25 BridgeServer",
        0x0029 => "3270 Gateway",
        0x002a => "CHI Corp",
        0x002c => "PC Chalkboard",
        0x002d => "TimeSynchServer",
        0x002e => "ARCserve5.0/PalindromeBackup",
        0x0045 => "DI3270 Gateway",
        0x0047 => "AdvertisingPrintServer",
        0x004a => "NetBlazerModems",
        0x004b => "BtrieveVAP",
        0x004c => "NetwareSQL",
        0x004d => "XtreeNetwork",
        0x0050 => "BtrieveVAP4.11",
        0x0052 => "QuickLink",
        0x0053 => "PrintQueueUser",
        0x0058 => "Multipoint X.25 Router",
        0x0060 => "STLB/NLM",
        0x0064 => "ARCserve",
        0x0066 => "ARCserve3.0",
        0x0072 => "WAN CopyUtility",
        0x007a => "TES-NetwareVMS",
        0x0092 => "WATCOM Debugger/EmeraldTapeBackupServer",
        0x0095 => "DDA OBGYN",
        0x0098 => "NetwareAccessServer",
        0x009a => "Netware for VMS II/NamedPipeServer",
        0x009b => "NetwareAccessServer",
        0x009e => "PortableNetwareServer/SunLinkNVT",
        0x00a1 => "PowerchuteAPC UPS",
        0x00aa => "LAWserve",
        0x00ac => "CompaqIDA StatusMonitor",
        0x0100 => "PIPE STAIL",
        0x0102 => "LAN ProtectBindery",
        0x0103 => "OracleDataBaseServer",
        0x0107 => "Netware386/RSPX RemoteConsole",
        0x010f => "NovellSNA Gateway",
        0x0111 => "TestServer",
        0x0112 => "HP PrintServer",
        0x0114 => "CSA MUX",
        0x0115 => "CSA LCA",
        0x0116 => "CSA CM",
        0x0117 => "CSA SMA",
        0x0118 => "CSA DBA",
        0x0119 => "CSA NMA",
        0x011a => "CSA SSA",
        0x011b => "CSA STATUS",
        0x011e => "CSA APPC",
        0x0126 => "SNA TEST SSA Profile",
        0x012a => "CSA TRACE",
        0x012b => "NetwareSAA",
        0x012e => "IKARUS VirusScan",
        0x0130 => "CommunicationsExecutive",
        0x0133 => "NNS DomainServer/NetwareNamingServicesDomain",
        0x0135 => "NetwareNamingServicesProfile",
        0x0137 => "Netware386 PrintQueue/NNS PrintQueue",
        0x0141 => "LAN SpoolServer",
        0x0152 => "IRMALAN Gateway",
        0x0154 => "NamedPipeServer",
        0x0166 => "NetWareManagement",
        0x0168 => "Intel PICKIT CommServer/Intel CAS TalkServer",
        0x0173 => "Compaq",
        0x0174 => "Compaq SNMP Agent",
        0x0175 => "Compaq",
        0x0180 => "XTreeServer/XTreeTools",
        0x018a => "NASI ServicesBroadcastServer",
        0x01b0 => "GARP Gateway",
        0x01b1 => "Binfview",
        0x01bf => "IntelLanDeskManager",
        0x01ca => "AXTEC",
        0x01cb => "ShivaNetModem/E",
        0x01cc => "ShivaLanRover/E",
        0x01cd => "ShivaLanRover/T",
        0x01ce => "ShivaUniversal",
        0x01d8 => "CastelleFAXPressServer",
        0x01da => "CastelleLANPressPrintServer",
        0x01dc => "CastelleFAX/Xerox7033 FaxServer/ExcelLanFax",
        0x01f0 => "LEGATO",
        0x01f5 => "LEGATO",
        0x0233 => "NMS Agent/NetwareManagementAgent",
        0x0237 => "NMS IPX Discovery/LANternReadWriteChannel",
        0x0238 => "NMS IP Discovery/LANternTrapAlarmChannel",
        0x023a => "LANtern",
        0x023c => "MAVERICK",
        0x023f => "NovellSMDR",
        0x024e => "NetwareConnect",
        0x024f => "NASI ServerBroadcast Cisco",
        0x026a => "NMS ServiceConsole",
        0x026b => "TimeSynchronizationServer Netware 4.x",
        0x0278 => "DirectoryServer Netware 4.x",
        0x027b => "NetwareManagementAgent",
        0x0280 => "Novell File and Printer Sharing Service for PC",
        0x0304 => "NovellSAA Gateway",
        0x0308 => "COM/VERMED",
        0x030a => "GalacticommWorldgroupServer",
        0x030c => "IntelNetport2/HP JetDirect/HP Quicksilver",
        0x0320 => "AttachmateGateway",
        0x0327 => "MicrosoftDiagnostiocs",
        0x0328 => "WATCOM SQL Server",
        0x0335 => "MultiTechSystems MultisynchCommServer",
        0x0343 => "Xylogics RemoteAccessServer/LANModem",
        0x0355 => "ArcadaBackupExec",
        0x0358 => "MSLCD1",
        0x0361 => "NETINELO",
        0x037e => "Powerchute UPS Monitoring",
        0x037f => "ViruSafeNotify",
        0x0386 => "HP Bridge",
        0x0387 => "HP Hub",
        0x0394 => "NetWare SAA Gateway",
        0x039b => "LotusNotes",
        0x03b7 => "CertusAntiVirus",
        0x03c4 => "ARCserve4.0",
        0x03c7 => "LANspool3.5",
        0x03d7 => "LexmarkPrinterServer",
        0x03d8 => "LexmarkXLE PrinterServer",
        0x03dd => "BanyanENS NetwareClient",
        0x03de => "GuptaSequelBaseServer/NetWareSQL",
        0x03e1 => "UnivelUnixware",
        0x03e4 => "UnivelUnixware",
        0x03fc => "IntelNetport",
        0x03fd => "PrintServerQueue",
        0x040a => "ipnServer",
        0x040d => "LVERRMAN",
        0x040e => "LVLIC",
        0x0414 => "NET Silicon (DPI)/Kyocera",
        0x0429 => "SiteLockVirus",
        0x0432 => "UFHELPR???",
        0x0433 => "Synoptics281xAdvancedSNMPAgent",
        0x0444 => "MicrosoftNT SNA Server",
        0x0448 => "Oracle",
        0x044c => "ARCserve5.01",
        0x0457 => "CanonGP55",
        0x045a => "QMS Printers",
        0x045b => "DellSCSI Array",
        0x0491 => "NetBlazerModems",
        0x04ac => "OnTimeScheduler",
        0x04b0 => "CD-Net",
        0x0513 => "EmulexNQA",
        0x0520 => "SiteLockChecks",
        0x0529 => "SiteLockChecks",
        0x052d => "CitrixOS2 AppServer",
        0x0535 => "Tektronix",
        0x0536 => "Milan",
        0x055d => "Attachmate SNA gateway",
        0x056b => "IBM8235 ModemServer",
        0x056c => "ShivaLanRover/E PLUS",
        0x056d => "ShivaLanRover/T PLUS",
        0x0580 => "McAfeeNetShield",
        0x05b8 => "NLM to workstation communication (Revelation Software)",
        0x05ba => "CompatibleSystemsRouters",
        0x05be => "CheyenneHierarchicalStorageManager",
        0x0606 => "JCWatermarkImaging",
        0x060c => "AXISNetworkPrinter",
        0x0610 => "AdaptecSCSIManagement",
        0x0621 => "IBM AntiVirus",
        0x0640 => "Windows95 RemoteRegistryService",
        0x064e => "MicrosoftIIS",
        0x067b => "Microsoft Win95/98 File and Print Sharing for NetWare",
        0x067c => "Microsoft Win95/98 File and Print Sharing for NetWare",
        0x076c => "Xerox",
        0x079b => "ShivaLanRover/E 115",
        0x079c => "ShivaLanRover/T 115",
        0x07b4 => "CubixWorldDesk",
        0x07c2 => "Quarterdeck IWare Connect V2.x NLM",
        0x07c1 => "Quarterdeck IWare Connect V3.x NLM",
        0x0810 => "ELAN License Server Demo",
        0x0824 => "ShivaLanRoverAccessSwitch/E",
        0x086a => "ISSC Collector",
        0x087f => "ISSC DAS AgentAIX",
        0x0880 => "Intel Netport PRO",
        0x0881 => "Intel Netport PRO",
        0x0b29 => "SiteLock",
        0x0c29 => "SiteLockApplications",
        0x0c2c => "LicensingServer",
        0x2101 => "PerformanceTechnologyInstantInternet",
        0x2380 => "LAI SiteLock",
        0x238c => "MeetingMaker",
        0x4808 => "SiteLockServer/SiteLockMetering",
        0x5555 => "SiteLockUser",
        0x6312 => "Tapeware",
        0x6f00 => "RabbitGateway",
        0x7703 => "MODEM",
        0x8002 => "NetPortPrinters",
        0x8008 => "WordPerfectNetworkVersion",
        0x85be => "Cisco EIGRP",
        0x8888 => "WordPerfectNetworkVersion/QuickNetworkManagement",
        0x9000 => "McAfeeNetShield",
        0x9604 => "CSA-NT_MON",
        0xb6a8 => "OceanIsleReachoutRemoteControl",
        0xf11f => "SiteLockMetering",
        0xf1ff => "SiteLock",
        0xf503 => "Microsoft SQL Server",
        0xf905 => "IBM TimeAndPlace",
        0xfbfb => "TopCallIII FaxServer",
        0xffff => "AnyService/Wildcard",
        _ => return None,
    })
}
