#!/usr/bin/env bash
# Live-capture benchmark: rfilter against tcpdump on the same veth pair.
#
# A burst of FRAMES UDP frames (trafgen, netsniff-ng) goes from namespace A to
# namespace B; the capture runs in B. For each tool and mode it prints the frames
# lost (sent - captured), the kernel's drop count and the capture process's CPU time
# (user + system, from GNU time).
#
# Usage (root): benches/live.sh [FRAMES] [FRAME_BYTES]
#   RFILTER=path/to/rfilter to use another binary (default: target/release/rfilter,
#   built if missing). Modes: "-w FILE" and "-n" printing to a file.
# Needs: iproute2, netsniff-ng (trafgen), tcpdump, time (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."

FRAMES=${1:-300000}
FRAME_BYTES=${2:-128}
RFILTER=${RFILTER:-target/release/rfilter}
RUNS=${RUNS:-3}

for tool in ip trafgen tcpdump /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "live.sh: $tool is missing (bash .ci/install-deps)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "live.sh: needs root" >&2; exit 1; }
if [ ! -x "$RFILTER" ]; then cargo build --release --quiet; fi
RFILTER=$(realpath "$RFILTER")

tag=$$
NSA=rflb-$tag-a NSB=rflb-$tag-b IFA=rlba$tag IFB=rlbb$tag
WORK=$(mktemp -d /tmp/rfilter-bench.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  ip netns del "$NSA" 2>/dev/null || true
  ip netns del "$NSB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ip netns add "$NSA"
ip netns add "$NSB"
for ns in "$NSA" "$NSB"; do
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
ip -n "$NSA" link add "$IFA" address 02:00:00:00:00:0a type veth peer name "$IFB" address 02:00:00:00:00:0b netns "$NSB"
ip -n "$NSA" link set "$IFA" up
ip -n "$NSB" link set "$IFB" up
sleep 0.5

# One UDP/IPv4 frame of FRAME_BYTES bytes to B's MAC.
payload=$((FRAME_BYTES - 42))
iplen=$((FRAME_BYTES - 14))
udplen=$((FRAME_BYTES - 34))
cat >"$WORK/frame.cfg" <<CFG
{
  0x02, 0x00, 0x00, 0x00, 0x00, 0x0b,  0x02, 0x00, 0x00, 0x00, 0x00, 0x0a,  0x08, 0x00,
  0x45, 0x00, c16($iplen), 0x00, 0x01, 0x40, 0x00, 0x40, 0x11, csumip(14, 33),
  10, 0, 0, 1,  10, 0, 0, 2,
  c16(4000), c16(9000), c16($udplen), 0x00, 0x00,
  fill(0x41, $payload)
}
CFG

# run_capture LABEL OUTFILE CMD...: runs CMD in B under GNU time, sends the burst,
# stops CMD with SIGINT, prints one result line.
run_capture() {
  local label=$1 out=$2; shift 2
  local err="$WORK/err" tf="$WORK/time"
  rm -f "$err" "$tf" "$WORK/out.pcap" "$WORK/print.txt"
  ip netns exec "$NSB" /usr/bin/time -o "$tf" -f '%U %S %M' "$@" >"$out" 2>"$err" &
  local tpid=$!
  for _ in $(seq 200); do grep -q "listening on" "$err" 2>/dev/null && break; sleep 0.05; done
  grep -q "listening on" "$err" || { echo "$label: did not start:"; cat "$err"; kill "$tpid"; return 1; }
  local cpid
  cpid=$(pgrep -P "$tpid" | head -1)
  sleep 0.3
  ip netns exec "$NSA" trafgen -o "$IFA" -i "$WORK/frame.cfg" -n "$FRAMES" -P 1 -Q -C >/dev/null 2>&1
  # Let the capture catch up (its ring may hold the tail of the burst).
  sleep 2
  kill -INT "$cpid"
  wait "$tpid" || true
  local captured dropped user sys maxrss
  captured=$(awk '/packets? captured/ {print $1}' "$err")
  dropped=$(awk '/dropped by kernel/ {print $1}' "$err")
  read -r user sys maxrss <"$tf"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  printf '%-20s sent %7d  captured %7d  lost %7d  kernel-dropped %7d  cpu %5.2fs (user %5.2f sys %5.2f)  maxrss %6d KiB\n' \
    "$label" "$FRAMES" "$captured" $((FRAMES - captured)) "$dropped" "$cpu" "$user" "$sys" "$maxrss"
  echo "$label|$((FRAMES - captured))|$cpu" >>"$WORK/results"
}

# Median over the runs of one label: "lost cpu".
median() {
  grep "^$1|" "$WORK/results" | cut -d'|' -f2- | tr '|' ' ' |
    sort -n -k2 | awk '{l[NR]=$1; c[NR]=$2} END {m=int((NR+1)/2); print l[m], c[m]}'
}

echo "burst: $FRAMES frames of $FRAME_BYTES bytes over veth, $RUNS runs; rfilter: $RFILTER"
for run in $(seq "$RUNS"); do
  run_capture "tcpdump -w FILE" /dev/null tcpdump -Z root -i "$IFB" -w "$WORK/out.pcap"
  run_capture "rfilter -w FILE" /dev/null "$RFILTER" -i "$IFB" -w "$WORK/out.pcap"
  run_capture "tcpdump -n > FILE" "$WORK/print.txt" tcpdump -Z root -n -i "$IFB"
  run_capture "rfilter -n > FILE" "$WORK/print.txt" "$RFILTER" -n -i "$IFB"
done

echo
echo "median over $RUNS runs (lost frames, capture-process CPU seconds):"
for mode in "-w FILE" "-n > FILE"; do
  read -r tl tc <<<"$(median "tcpdump $mode")"
  read -r rl rc <<<"$(median "rfilter $mode")"
  ratio=$(awk -v r="$rc" -v t="$tc" 'BEGIN {if (t > 0) printf "%.2f", r / t; else print "n/a"}')
  printf '  %-10s tcpdump: lost %7d cpu %5.2fs   rfilter: lost %7d cpu %5.2fs   cpu ratio rfilter/tcpdump %s\n' \
    "$mode" "$tl" "$tc" "$rl" "$rc" "$ratio"
done
