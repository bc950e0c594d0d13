#!/bin/sh
# Printing throughput side by side with tcpdump: CPU seconds (user+sys) for
# `-n -r` of the first 100k and of all 1M packets of the gen_bigpcap.py capture,
# output to /dev/null. Two measurements:
#   printer: rfilter's Printer alone (tests/print_bench.rs driver, no file reading)
#   binary:  the whole `rfilter -n -r FILE` command
# usage: benches/print_bench.sh [BIG.pcap]
set -e
cd "$(dirname "$0")/.."
PCAP=${1:-/tmp/rfilter-bigpcap-1m.pcap}
if [ ! -f "$PCAP" ]; then
    python3 /work/shared/bench/gen_bigpcap.py "$PCAP" 1000000
fi
command -v /usr/bin/time >/dev/null || { echo "need /usr/bin/time (apt-get install time)"; exit 1; }
cargo build --release -q --bin rfilter
cargo test --release -q --test print_bench --no-run
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1+$2}'; }
for count in 100000 1000000; do
    echo "== first $count packets, -n"
    PRINT_BENCH_PCAP="$PCAP" PRINT_BENCH_FLAGS=-n PRINT_BENCH_COUNT=$count \
        cargo test --release -q --test print_bench -- --ignored --nocapture 2>/dev/null | grep packets | sed 's/^/printer: /'
    ours=$(TZ=UTC cpu target/release/rfilter -n -c $count -r "$PCAP")
    theirs=$(TZ=UTC cpu tcpdump -n -c $count -r "$PCAP")
    echo "binary:  rfilter $ours s CPU  tcpdump $theirs s CPU  ratio $(echo "$ours $theirs" | awk '{printf "%.3f", $1/$2}')"
done
