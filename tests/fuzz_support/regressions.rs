//! tests/data/fuzz_regressions.txt: expressions (and packets) on which rfilter once
//! disagreed with libpcap, as the shrinker printed them. Replayed by every test
//! run over the whole corpus plus the recorded packet.

use crate::common::corpus::Sample;
use rfilter::linktype::LinkType;
use std::path::PathBuf;

pub struct Regression {
    /// `file:line`, for reports.
    pub origin: String,
    pub linktype: LinkType,
    pub expr: String,
    pub packet: Option<Sample>,
}

pub fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz_regressions.txt")
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Parses one line: `LINKTYPE<TAB>expression[<TAB>hex/wire_len]`.
pub fn parse_line(line: &str, origin: String) -> Result<Regression, String> {
    let mut fields = line.split('\t');
    let lt_name = fields.next().unwrap_or_default();
    let linktype: LinkType = lt_name
        .parse()
        .map_err(|_| format!("{origin}: unknown link type {lt_name:?}"))?;
    let expr = fields
        .next()
        .ok_or_else(|| format!("{origin}: no expression"))?
        .to_string();
    let packet = match fields.next() {
        None => None,
        Some(p) => {
            let (h, wire) = p
                .split_once('/')
                .ok_or_else(|| format!("{origin}: packet is not hex/wire_len"))?;
            let data = unhex(h).ok_or_else(|| format!("{origin}: bad hex"))?;
            let wire_len = wire
                .parse()
                .map_err(|_| format!("{origin}: bad wire length"))?;
            Some(Sample {
                label: format!("{origin} packet"),
                data,
                wire_len,
            })
        }
    };
    Ok(Regression {
        origin,
        linktype,
        expr,
        packet,
    })
}

pub fn load() -> Result<Vec<Regression>, String> {
    let p = path();
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| parse_line(l, format!("fuzz_regressions.txt:{}", i + 1)))
        .collect()
}
