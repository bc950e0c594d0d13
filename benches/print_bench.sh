#!/bin/sh
# Printer throughput, side by side with tcpdump (CPU seconds, output to /dev/null).
# usage: benches/print_bench.sh [BIG.pcap]   (default: generates ../shared/bench big.pcap
# with gen_bigpcap.py, which needs scapy)
set -e
cd "$(dirname "$0")/.."
PCAP=${1:-/tmp/rfilter-bigpcap-1m.pcap}
if [ ! -f "$PCAP" ]; then
    python3 /work/shared/bench/gen_bigpcap.py "$PCAP" 1000000
fi
command -v /usr/bin/time >/dev/null || { echo "need /usr/bin/time (apt-get install time)"; exit 1; }
cargo test --release -q --test print_bench --no-run
for count in 100000 1000000; do
    echo "== first $count packets, -n"
    PRINT_BENCH_PCAP="$PCAP" PRINT_BENCH_FLAGS=-n PRINT_BENCH_COUNT=$count \
        cargo test --release -q --test print_bench -- --ignored --nocapture 2>/dev/null | grep packets
done
