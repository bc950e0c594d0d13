//! tcpdump's `-J`, `-j` and `-I`: what it does with them before opening the
//! capture device.
//!
//! On Linux, libpcap offers time stamp type `host` only, unless the driver
//! reports hardware time stamping (not so for lo, veth, virtio and the like);
//! rfilter stamps in the kernel, so it offers `host` alone. A type libpcap knows
//! but the device does not offer is a warning, and the capture goes on with
//! `host`. Monitor mode (`-I`) is refused, as libpcap refuses it on every
//! interface that is not 802.11.

use crate::capture::interfaces;
use crate::cli::Args;
use anyhow::{Result, bail};
use std::process::ExitCode;

/// libpcap's time stamp types: name (matched case-insensitively) and description.
const TSTAMP_TYPES: [(&str, &str); 6] = [
    ("host", "Host"),
    ("host_lowprec", "Host, low precision"),
    ("host_hiprec", "Host, high precision"),
    ("adapter", "Adapter"),
    ("adapter_unsynced", "Adapter, not synced with system time"),
    (
        "host_hiprec_unsynced",
        "Host, high precision, not synced with system time",
    ),
];

/// The time stamp types a device offers (see the module comment).
const OFFERED: [&str; 1] = ["host"];

/// The canonical name of `-j TYPE`, or tcpdump's error for a name libpcap does not
/// know. Checked first, as tcpdump checks it while it reads its options.
pub fn tstamp_type(args: &Args) -> Result<Option<&'static str>> {
    let Some(given) = &args.tstamp_type else {
        return Ok(None);
    };
    match TSTAMP_TYPES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(given))
    {
        Some((name, _)) => Ok(Some(name)),
        None => bail!("invalid time stamp type {given}"),
    }
}

/// Whether a run with these options opens a capture device (not reading files,
/// not `-d` without `-i`); only then do `-J`, `-j` and `-I` apply.
pub fn opens_device(args: &Args) -> bool {
    args.read.is_none() && args.read_list.is_none() && !(args.dump > 0 && args.interface.is_none())
}

/// tcpdump's steps between creating the capture handle and activating it: `-J`
/// lists the time stamp types and ends the run (`Some(status)`); `-j` warns of a
/// type the device does not offer; `-I` fails where monitor mode is impossible.
pub fn before_activation(args: &Args) -> Result<Option<ExitCode>> {
    let wanted = tstamp_type(args)?;
    if !(args.list_tstamp_types || wanted.is_some() || args.monitor_mode) {
        return Ok(None);
    }
    let device = match &args.interface {
        Some(name) => interfaces::resolve(name)?,
        None => interfaces::default_interface()?,
    };
    if args.list_tstamp_types {
        eprintln!("Time stamp types for {device} (use option -j to set):");
        for (name, description) in TSTAMP_TYPES.iter().filter(|(n, _)| OFFERED.contains(n)) {
            eprintln!("  {name} ({description})");
        }
        return Ok(Some(ExitCode::SUCCESS));
    }
    if let Some(name) = wanted.filter(|n| !OFFERED.contains(n)) {
        eprintln!(
            "rfilter: WARNING: When trying to set timestamp type '{name}' on {device}: \
             That type of time stamp is not supported by that device"
        );
    }
    if args.monitor_mode {
        let wireless = std::path::Path::new("/sys/class/net")
            .join(&device)
            .join("phy80211")
            .exists();
        if wireless {
            bail!(
                "{device}: rfilter cannot put an 802.11 interface into monitor mode; \
                 create a monitor interface (iw dev {device} interface add mon0 type monitor) \
                 and capture on it"
            );
        }
        bail!("{device}: That device doesn't support monitor mode");
    }
    Ok(None)
}
