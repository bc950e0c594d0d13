complete -c rfilter -s i -l interface -d 'Capture on INTERFACE (\'any\' for all interfaces, cooked)' -r
complete -c rfilter -s Q -l direction -d 'Capture packets received (in), sent (out) or both (inout)' -r -f -a "in\t'Only packets received by this host'
out\t'Only packets sent by this host'
inout\t'Packets in both directions (the default)'"
complete -c rfilter -s B -l buffer-size -d 'Kernel capture buffer size, in KiB' -r
complete -c rfilter -s j -l time-stamp-type -d 'Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced (Linux interfaces offer host; others give a warning)' -r
complete -c rfilter -s c -d 'Exit after receiving COUNT packets' -r
complete -c rfilter -s s -l snapshot-length -d 'Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)' -r
complete -c rfilter -s Z -l relinquish-privileges -d 'Run as USER (when started as root) once the capture socket or file is open' -r
complete -c rfilter -s F -d 'Read the filter expression from FILE (the command-line expression is ignored)' -r -F
complete -c rfilter -s y -l linktype -d 'Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)' -r
complete -c rfilter -s E -d 'Decrypt IPsec ESP with SECRET: "SPI@ADDR ALGO:KEY" or "ALGO:KEY" (the default) items separated by commas, or "file NAME" (one item a line). ALGO: an OpenSSL name of AES or triple DES (3des-cbc, aes128-cbc, aes-256-ctr, aes-128-gcm, des-ede3-cfb, ...), with -hmac96 when a 12-byte ICV follows; KEY: 0x and hex digits, or the key itself' -r
complete -c rfilter -l time-stamp-precision -d 'Timestamp precision to print and to write with -w' -r -f -a "micro\t'Microseconds (the default)'
nano\t'Nanoseconds'"
complete -c rfilter -s T -d 'Interpret UDP and TCP payloads as TYPE whatever their ports: aodv, carp (IP protocol 112), cnfp, domain, lmp, pgm, pgm_zmtp1, ptp, radius, resp, rpc, rtcp, rtp, snmp, someip, tftp, vat, vxlan, wb, zmtp1' -r
complete -c rfilter -s r -d 'Read packets from FILE (pcap or pcapng; \'-\' for standard input)' -r -F
complete -c rfilter -s V -d 'Read packets from each savefile named in FILE, one name a line (\'-\' for standard input); -c counts per file' -r -F
complete -c rfilter -s w -d 'Write raw packets to FILE (pcap; \'-\' for standard output) instead of printing them' -r -F
complete -c rfilter -s C -d 'With -w, start a new file when the current one exceeds MB million bytes' -r
complete -c rfilter -s G -d 'With -w, start a new file every SECONDS seconds (strftime(3) in the file name)' -r
complete -c rfilter -s W -d 'With -C or -G, keep at most COUNT files' -r
complete -c rfilter -s z -d 'With -C or -G, run COMMAND FILE on each file a rotation closes (e.g. gzip)' -r
complete -c rfilter -s D -l list-interfaces -d 'List the interfaces available for capture and exit'
complete -c rfilter -s L -l list-data-link-types -d 'List the data link types the interface offers (for -y) and exit'
complete -c rfilter -s p -l no-promiscuous-mode -d 'Do not put the interface into promiscuous mode'
complete -c rfilter -s J -l list-time-stamp-types -d 'List the time stamp types the interface offers (for -j) and exit'
complete -c rfilter -s I -l monitor-mode -d 'Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it'
complete -c rfilter -l count -d 'Print only the number of packets that match, instead of the packets'
complete -c rfilter -l immediate-mode -d 'Deliver packets as soon as they arrive, without buffering'
complete -c rfilter -s d -d 'Dump the compiled filter program as text (-dd: as C, -ddd: as decimal) and exit'
complete -c rfilter -s O -l no-optimize -d 'Do not optimize the compiled filter program'
complete -c rfilter -s n -d 'Do not convert addresses, ports and protocols to names'
complete -c rfilter -s f -d 'With name resolution, print IPv4 addresses outside the capture interface\'s network ("foreign" ones) numerically; not with -r or -V'
complete -c rfilter -s N -d 'Print host names without their domain (\'nic\' for \'nic.ddn.mil\')'
complete -c rfilter -s e -d 'Print the link-level header on each line'
complete -c rfilter -s v -d 'More verbose output; -vv and -vvv for more still (checksums, options)'
complete -c rfilter -s q -d 'Quieter output: less protocol information'
complete -c rfilter -s t -d 'Timestamps: -t none, -tt seconds since the epoch, -ttt delta to the previous packet, -tttt date and time, -ttttt delta to the first packet'
complete -c rfilter -l micro -d 'Same as --time-stamp-precision=micro'
complete -c rfilter -l nano -d 'Same as --time-stamp-precision=nano'
complete -c rfilter -s x -d 'Print each packet in hex (-xx: including the link header)'
complete -c rfilter -s X -d 'Print each packet in hex and ASCII (-XX: including the link header)'
complete -c rfilter -s A -d 'Print each packet in ASCII (-AA: including the link header)'
complete -c rfilter -s # -l number -d 'Print a packet number at the start of each line'
complete -c rfilter -s b -d 'Print BGP AS numbers above 65535 in ASDOT notation (high.low)'
complete -c rfilter -s H -d 'Detect 802.11s mesh control headers in 802.11 QoS data frames'
complete -c rfilter -s u -d 'Print NFS file handles undecoded, in hex'
complete -c rfilter -s S -l absolute-tcp-sequence-numbers -d 'Print absolute TCP sequence numbers'
complete -c rfilter -s l -d 'Line-buffer standard output'
complete -c rfilter -s K -l dont-verify-checksums -d 'Do not verify IP, TCP or UDP checksums'
complete -c rfilter -l print -d 'With -w, also print packets'
complete -c rfilter -s U -l packet-buffered -d 'With -w, flush the file after each packet'
complete -c rfilter -l version -d 'Print version information and exit'
complete -c rfilter -s h -l help -d 'Print help (see more with \'--help\')'
