#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/, not committed) from the repository:
# every expression of grammar/examples/ for `compile` (first byte 0: EN10MB),
# the test pcap files for `savefile`, and their packets for `print`.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/compile corpus/savefile corpus/print
n=0
cat ../grammar/examples/*.txt | grep -v '^#' | grep -v '^[[:space:]]*$' | while IFS= read -r expr; do
    n=$((n + 1))
    printf '\000%s' "$expr" > "corpus/compile/example-$n"
done
for f in ../tests/data/*.pcap; do
    cp "$f" "corpus/savefile/$(basename "$f")"
    # pcapng and nanosecond pcap versions, when Wireshark's editcap is there.
    if command -v editcap >/dev/null; then
        editcap -F pcapng "$f" "corpus/savefile/$(basename "$f" .pcap).pcapng"
        editcap -F nsecpcap "$f" "corpus/savefile/$(basename "$f" .pcap).nsec.pcap"
    fi
done
# print: byte 0 = link type (low 3 bits, and bit 5 of byte 1, index LinkType::ALL: 0 is EN10MB)
# and flags, byte 1 = extra wire length; then the packet. Take the packets of sample.pcap
# (EN10MB) and of the serial-link captures.
python3 - <<'PY'
import struct
data = open('../tests/data/sample.pcap', 'rb').read()
off, i = 24, 0
while off + 16 <= len(data):
    caplen = struct.unpack_from('<I', data, off + 8)[0]
    pkt = data[off + 16: off + 16 + caplen]
    open(f'corpus/print/sample-{i}', 'wb').write(bytes([0, 0]) + pkt)
    off += 16 + caplen
    i += 1
# The serial link types are LinkType::ALL[8..13]: low 3 bits of byte 0 plus bit 5
# of byte 1.
for name, index in [('ppp', 8), ('ppp_serial', 9), ('ppp_ether', 10), ('c_hdlc', 11),
                    ('ppp_pppd', 12)]:
    data = open(f'../tests/data/linkppp/{name}.pcap', 'rb').read()
    off, i = 24, 0
    while off + 16 <= len(data):
        caplen = struct.unpack_from('<I', data, off + 8)[0]
        pkt = data[off + 16: off + 16 + caplen]
        open(f'corpus/print/{name}-{i}', 'wb').write(bytes([index & 7, 0x20]) + pkt)
        off += 16 + caplen
        i += 1
PY
echo "seeded: $(ls corpus/compile | wc -l) expressions, $(ls corpus/savefile | wc -l) files, $(ls corpus/print | wc -l) packets"
