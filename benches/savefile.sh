#!/usr/bin/env bash
# Savefile benchmark (issue 6): read a 1M-packet capture, filter, write a copy —
# rfilter and tcpdump side by side, CPU time (user+sys) and peak memory.
#
# usage: benches/savefile.sh [BIG.pcap] [RUNS]
#   BIG.pcap defaults to target/bench/big.pcap, generated with
#   ../shared/bench/gen_bigpcap.py (needs: pip install scapy) when missing.
#   Set RFILTER_BENCH_FILTER to change the filter expression.
#
# Target: rfilter's CPU time ≤ 0.8 × tcpdump's, memory flat whatever the file size.
# Each tool runs RUNS times (default 5); the best CPU time of each is compared, so
# other load on the machine counts as little as possible.
set -euo pipefail
cd "$(dirname "$0")/.."

big=${1:-target/bench/big.pcap}
runs=${2:-5}
filter=${RFILTER_BENCH_FILTER-tcp port 80 or udp port 53}
gen=${RFILTER_GEN_BIGPCAP:-../shared/bench/gen_bigpcap.py}

for tool in tcpdump /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "savefile.sh: $tool is not installed" >&2; exit 1; }
done
if [ ! -f "$big" ]; then
  [ -f "$gen" ] || { echo "savefile.sh: no $big and no generator at $gen" >&2; exit 1; }
  mkdir -p "$(dirname "$big")"
  echo "generating $big with $gen …" >&2
  python3 "$gen" "$big"
fi
cargo build --release --quiet
rfilter=target/release/rfilter

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run CMD… : prints "cpu_seconds max_rss_kb" of the best run.
run() {
  local best_cpu="" best_rss=0
  if ! "$@" 2>"$out/stderr" >/dev/null; then
    echo "savefile.sh: failed: $*" >&2
    cat "$out/stderr" >&2
    exit 1
  fi
  for _ in $(seq "$runs"); do
    local line
    line=$(/usr/bin/time -f '%U %S %M' "$@" 2>&1 >/dev/null | tail -n 1)
    read -r user sys rss <<<"$line"
    local cpu
    cpu=$(echo "$user + $sys" | bc -l)
    if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc -l)" = 1 ]; then best_cpu=$cpu; fi
    if [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
  done
  echo "$best_cpu $best_rss"
}

tcpdump_z=()
[ "$(id -u)" = 0 ] && tcpdump_z=(-Z root)

read -r t_cpu t_rss < <(run tcpdump "${tcpdump_z[@]}" -r "$big" -w "$out/tcpdump.pcap" "$filter")
read -r r_cpu r_rss < <(run "$rfilter" -r "$big" -w "$out/rfilter.pcap" "$filter")

if cmp -s "$out/tcpdump.pcap" "$out/rfilter.pcap"; then same=identical; else same=DIFFERENT; fi
packets=$(capinfos -M -c "$out/rfilter.pcap" 2>/dev/null | awk -F: '/Number of packets/ {gsub(/ /, "", $2); print $2}')

printf 'input:   %s (%s bytes)\n' "$big" "$(stat -c %s "$big")"
printf 'command: -r %s -w OUT %q   (best of %s runs)\n' "$big" "$filter" "$runs"
printf '%-8s %10s %12s\n' tool 'cpu (s)' 'max RSS (KB)'
printf '%-8s %10.3f %12s\n' tcpdump "$t_cpu" "$t_rss" rfilter "$r_cpu" "$r_rss"
printf 'ratio rfilter/tcpdump CPU: %.2f (target ≤ 0.80)\n' "$(echo "$r_cpu / $t_cpu" | bc -l)"
printf 'outputs: %s (%s packets accepted)\n' "$same" "${packets:-?}"
