//! Developer aid: compare rfilter's printer with tcpdump on any capture file.
//! `PRINT_PCAP=file.pcap PRINT_FLAGS="-nv" cargo test --test print_dev -- --ignored`
mod print_support;

#[test]
#[ignore = "needs PRINT_PCAP; a tool for comparing arbitrary captures"]
fn compare_file() {
    let path = std::env::var("PRINT_PCAP").expect("set PRINT_PCAP");
    let flags = std::env::var("PRINT_FLAGS").unwrap_or_else(|_| "-n".into());
    let flags: Vec<&str> = flags.split_whitespace().collect();
    let c = print_support::compare(std::path::Path::new(&path), &flags);
    for (i, t, m) in c.diffs.iter().take(40) {
        println!("line {i}:\n  tcpdump: {t}\n  rfilter: {m}");
    }
    println!("{}/{} lines identical", c.matched, c.compared);
}
