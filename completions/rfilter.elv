
use builtin;
use str;

set edit:completion:arg-completer[rfilter] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rfilter'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rfilter'= {
            cand -i 'Capture on INTERFACE (''any'' for all interfaces, cooked)'
            cand --interface 'Capture on INTERFACE (''any'' for all interfaces, cooked)'
            cand -Q 'Capture packets received (in), sent (out) or both (inout)'
            cand --direction 'Capture packets received (in), sent (out) or both (inout)'
            cand -B 'Kernel capture buffer size, in KiB'
            cand --buffer-size 'Kernel capture buffer size, in KiB'
            cand -j 'Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced (Linux interfaces offer host; others give a warning)'
            cand --time-stamp-type 'Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced (Linux interfaces offer host; others give a warning)'
            cand -c 'Exit after receiving COUNT packets'
            cand -s 'Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)'
            cand --snapshot-length 'Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)'
            cand -Z 'Run as USER (when started as root) once the capture socket or file is open'
            cand --relinquish-privileges 'Run as USER (when started as root) once the capture socket or file is open'
            cand -F 'Read the filter expression from FILE (the command-line expression is ignored)'
            cand -y 'Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)'
            cand --linktype 'Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)'
            cand -E 'Decrypt IPsec ESP with SECRET: "SPI@ADDR ALGO:KEY" or "ALGO:KEY" (the default) items separated by commas, or "file NAME" (one item a line). ALGO: an OpenSSL name of AES or triple DES (3des-cbc, aes128-cbc, aes-256-ctr, aes-128-gcm, des-ede3-cfb, ...), with -hmac96 when a 12-byte ICV follows; KEY: 0x and hex digits, or the key itself'
            cand --time-stamp-precision 'Timestamp precision to print and to write with -w'
            cand -T 'Interpret UDP and TCP payloads as TYPE whatever their ports: aodv, carp (IP protocol 112), cnfp, domain, lmp, pgm, pgm_zmtp1, ptp, radius, resp, rpc, rtcp, rtp, snmp, someip, tftp, vat, vxlan, wb, zmtp1'
            cand -r 'Read packets from FILE (pcap or pcapng; ''-'' for standard input)'
            cand -V 'Read packets from each savefile named in FILE, one name a line (''-'' for standard input); -c counts per file'
            cand -w 'Write raw packets to FILE (pcap; ''-'' for standard output) instead of printing them'
            cand -C 'With -w, start a new file when the current one exceeds MB million bytes'
            cand -G 'With -w, start a new file every SECONDS seconds (strftime(3) in the file name)'
            cand -W 'With -C or -G, keep at most COUNT files'
            cand -z 'With -C or -G, run COMMAND FILE on each file a rotation closes (e.g. gzip)'
            cand -D 'List the interfaces available for capture and exit'
            cand --list-interfaces 'List the interfaces available for capture and exit'
            cand -L 'List the data link types the interface offers (for -y) and exit'
            cand --list-data-link-types 'List the data link types the interface offers (for -y) and exit'
            cand -p 'Do not put the interface into promiscuous mode'
            cand --no-promiscuous-mode 'Do not put the interface into promiscuous mode'
            cand -J 'List the time stamp types the interface offers (for -j) and exit'
            cand --list-time-stamp-types 'List the time stamp types the interface offers (for -j) and exit'
            cand -I 'Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it'
            cand --monitor-mode 'Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it'
            cand --count 'Print only the number of packets that match, instead of the packets'
            cand --immediate-mode 'Deliver packets as soon as they arrive, without buffering'
            cand -d 'Dump the compiled filter program as text (-dd: as C, -ddd: as decimal) and exit'
            cand -O 'Do not optimize the compiled filter program'
            cand --no-optimize 'Do not optimize the compiled filter program'
            cand -n 'Do not convert addresses, ports and protocols to names'
            cand -f 'With name resolution, print IPv4 addresses outside the capture interface''s network ("foreign" ones) numerically; not with -r or -V'
            cand -N 'Print host names without their domain (''nic'' for ''nic.ddn.mil'')'
            cand -e 'Print the link-level header on each line'
            cand -v 'More verbose output; -vv and -vvv for more still (checksums, options)'
            cand -q 'Quieter output: less protocol information'
            cand -t 'Timestamps: -t none, -tt seconds since the epoch, -ttt delta to the previous packet, -tttt date and time, -ttttt delta to the first packet'
            cand --micro 'Same as --time-stamp-precision=micro'
            cand --nano 'Same as --time-stamp-precision=nano'
            cand -x 'Print each packet in hex (-xx: including the link header)'
            cand -X 'Print each packet in hex and ASCII (-XX: including the link header)'
            cand -A 'Print each packet in ASCII (-AA: including the link header)'
            cand -# 'Print a packet number at the start of each line'
            cand --number 'Print a packet number at the start of each line'
            cand -b 'Print BGP AS numbers above 65535 in ASDOT notation (high.low)'
            cand -H 'Detect 802.11s mesh control headers in 802.11 QoS data frames'
            cand -u 'Print NFS file handles undecoded, in hex'
            cand -S 'Print absolute TCP sequence numbers'
            cand --absolute-tcp-sequence-numbers 'Print absolute TCP sequence numbers'
            cand -l 'Line-buffer standard output'
            cand -K 'Do not verify IP, TCP or UDP checksums'
            cand --dont-verify-checksums 'Do not verify IP, TCP or UDP checksums'
            cand --print 'With -w, also print packets'
            cand -U 'With -w, flush the file after each packet'
            cand --packet-buffered 'With -w, flush the file after each packet'
            cand --version 'Print version information and exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
    ]
    $completions[$command]
}
