#!/bin/bash
# Sweeps tcpdump's own test captures (target/tcpdump-src/tests, fetched by
# .ci/install-deps) with flag sets and filters their suite does not use, and
# compares rfilter's output with tcpdump's byte for byte.
#
#   bash benches/suite_sweep.sh            # both sweeps
#   bash benches/suite_sweep.sh print      # printing flags only
#   bash benches/suite_sweep.sh filter     # filters only
#
# Prints one line per run that differs, then the counts. Outputs of differing
# runs are kept under $OUT (default /tmp/rfilter-sweep). Exit status 1 if any
# run differs.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
RF=${RF:-$ROOT/target/release/rfilter}
OUT=${OUT:-/tmp/rfilter-sweep}
CAPS=$ROOT/target/tcpdump-src/tests
what=${1:-all}

[ -x "$RF" ] || cargo build --release --quiet
[ -d "$CAPS" ] || { echo "no $CAPS: run .ci/install-deps" >&2; exit 2; }
command -v tcpdump >/dev/null || { echo "tcpdump not installed" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT"

PRINT_FLAGS=("-v" "-vv" "-e" "-q" "-X" "-vvv -e" "-A" "-tttt" "-S" "-xx" "-XX" "-q -e"
    "-ttt" "-vvv -x" "-K -v" "-nn -e" "-ttttt" "-tt -q" "-AA" "-T vxlan" "-c 3 -v")
FILTERS=("tcp" "udp" "ip6" "not ip" "vlan" "greater 200" "icmp or arp" "port 53"
    "ip and arp" "net 10.0.0.0/8" "ether multicast" "llc")

same=0 differ=0 bothfail=0
# compare TAG CAPTURE ARGS...: runs both tools with -n -r CAPTURE ARGS.
compare() {
    local tag=$1 cap=$2; shift 2
    local base=$OUT/$tag-$(basename "$cap")
    TZ=GMT0 timeout 30 tcpdump -# -n -r "$cap" "$@" >"$base.td" 2>"$base.tde"; local a=$?
    TZ=GMT0 timeout 30 "$RF" -# -n -r "$cap" "$@" >"$base.rf" 2>"$base.rfe"; local r=$?
    if [ $a -ne 0 ] && [ $r -ne 0 ]; then
        bothfail=$((bothfail + 1)); rm -f "$base".*
    elif [ $a -eq $r ] && cmp -s "$base.td" "$base.rf"; then
        same=$((same + 1)); rm -f "$base".*
    else
        differ=$((differ + 1)); echo "DIFF ($tag) $(basename "$cap") $* : status $a/$r"
    fi
}

cd "$CAPS"
n=0
if [ "$what" = all ] || [ "$what" = print ]; then
    for flags in "${PRINT_FLAGS[@]}"; do
        n=$((n + 1))
        for cap in *.pcap *.pcapng; do
            # shellcheck disable=SC2086 # the flag sets split into words
            compare "p$n" "$cap" $flags
        done
    done
fi
if [ "$what" = all ] || [ "$what" = filter ]; then
    for filter in "${FILTERS[@]}"; do
        n=$((n + 1))
        for cap in *.pcap *.pcapng; do
            compare "f$n" "$cap" "$filter"
        done
    done
fi
echo "identical: $same  refused by both: $bothfail  different: $differ"
[ "$differ" -eq 0 ]
