
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rfilter' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rfilter'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rfilter' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Capture on INTERFACE (''any'' for all interfaces, cooked)')
            [CompletionResult]::new('--interface', '--interface', [CompletionResultType]::ParameterName, 'Capture on INTERFACE (''any'' for all interfaces, cooked)')
            [CompletionResult]::new('-Q', '-Q ', [CompletionResultType]::ParameterName, 'Capture packets received (in), sent (out) or both (inout)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'Capture packets received (in), sent (out) or both (inout)')
            [CompletionResult]::new('-B', '-B ', [CompletionResultType]::ParameterName, 'Kernel capture buffer size, in KiB')
            [CompletionResult]::new('--buffer-size', '--buffer-size', [CompletionResultType]::ParameterName, 'Kernel capture buffer size, in KiB')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced (Linux interfaces offer host; others give a warning)')
            [CompletionResult]::new('--time-stamp-type', '--time-stamp-type', [CompletionResultType]::ParameterName, 'Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced (Linux interfaces offer host; others give a warning)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Exit after receiving COUNT packets')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)')
            [CompletionResult]::new('--snapshot-length', '--snapshot-length', [CompletionResultType]::ParameterName, 'Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'Run as USER (when started as root) once the capture socket or file is open')
            [CompletionResult]::new('--relinquish-privileges', '--relinquish-privileges', [CompletionResultType]::ParameterName, 'Run as USER (when started as root) once the capture socket or file is open')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the filter expression from FILE (the command-line expression is ignored)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)')
            [CompletionResult]::new('--linktype', '--linktype', [CompletionResultType]::ParameterName, 'Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'Decrypt IPsec ESP with SECRET: "SPI@ADDR ALGO:KEY" or "ALGO:KEY" (the default) items separated by commas, or "file NAME" (one item a line). ALGO: an OpenSSL name of AES or triple DES (3des-cbc, aes128-cbc, aes-256-ctr, aes-128-gcm, des-ede3-cfb, ...), with -hmac96 when a 12-byte ICV follows; KEY: 0x and hex digits, or the key itself')
            [CompletionResult]::new('--time-stamp-precision', '--time-stamp-precision', [CompletionResultType]::ParameterName, 'Timestamp precision to print and to write with -w')
            [CompletionResult]::new('-T', '-T ', [CompletionResultType]::ParameterName, 'Interpret UDP and TCP payloads as TYPE whatever their ports: aodv, carp (IP protocol 112), cnfp, domain, lmp, pgm, pgm_zmtp1, ptp, radius, resp, rpc, rtcp, rtp, snmp, someip, tftp, vat, vxlan, wb, zmtp1')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Read packets from FILE (pcap or pcapng; ''-'' for standard input)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Read packets from each savefile named in FILE, one name a line (''-'' for standard input); -c counts per file')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Write raw packets to FILE (pcap; ''-'' for standard output) instead of printing them')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'With -w, start a new file when the current one exceeds MB million bytes')
            [CompletionResult]::new('-G', '-G ', [CompletionResultType]::ParameterName, 'With -w, start a new file every SECONDS seconds (strftime(3) in the file name)')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'With -C or -G, keep at most COUNT files')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'With -C or -G, run COMMAND FILE on each file a rotation closes (e.g. gzip)')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'List the interfaces available for capture and exit')
            [CompletionResult]::new('--list-interfaces', '--list-interfaces', [CompletionResultType]::ParameterName, 'List the interfaces available for capture and exit')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'List the data link types the interface offers (for -y) and exit')
            [CompletionResult]::new('--list-data-link-types', '--list-data-link-types', [CompletionResultType]::ParameterName, 'List the data link types the interface offers (for -y) and exit')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Do not put the interface into promiscuous mode')
            [CompletionResult]::new('--no-promiscuous-mode', '--no-promiscuous-mode', [CompletionResultType]::ParameterName, 'Do not put the interface into promiscuous mode')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'List the time stamp types the interface offers (for -j) and exit')
            [CompletionResult]::new('--list-time-stamp-types', '--list-time-stamp-types', [CompletionResultType]::ParameterName, 'List the time stamp types the interface offers (for -j) and exit')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it')
            [CompletionResult]::new('--monitor-mode', '--monitor-mode', [CompletionResultType]::ParameterName, 'Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only the number of packets that match, instead of the packets')
            [CompletionResult]::new('--immediate-mode', '--immediate-mode', [CompletionResultType]::ParameterName, 'Deliver packets as soon as they arrive, without buffering')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dump the compiled filter program as text (-dd: as C, -ddd: as decimal) and exit')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Do not optimize the compiled filter program')
            [CompletionResult]::new('--no-optimize', '--no-optimize', [CompletionResultType]::ParameterName, 'Do not optimize the compiled filter program')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Do not convert addresses, ports and protocols to names')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'With name resolution, print IPv4 addresses outside the capture interface''s network ("foreign" ones) numerically; not with -r or -V')
            [CompletionResult]::new('-N', '-N ', [CompletionResultType]::ParameterName, 'Print host names without their domain (''nic'' for ''nic.ddn.mil'')')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Print the link-level header on each line')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More verbose output; -vv and -vvv for more still (checksums, options)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter output: less protocol information')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Timestamps: -t none, -tt seconds since the epoch, -ttt delta to the previous packet, -tttt date and time, -ttttt delta to the first packet')
            [CompletionResult]::new('--micro', '--micro', [CompletionResultType]::ParameterName, 'Same as --time-stamp-precision=micro')
            [CompletionResult]::new('--nano', '--nano', [CompletionResultType]::ParameterName, 'Same as --time-stamp-precision=nano')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Print each packet in hex (-xx: including the link header)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Print each packet in hex and ASCII (-XX: including the link header)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Print each packet in ASCII (-AA: including the link header)')
            [CompletionResult]::new('-#', '-#', [CompletionResultType]::ParameterName, 'Print a packet number at the start of each line')
            [CompletionResult]::new('--number', '--number', [CompletionResultType]::ParameterName, 'Print a packet number at the start of each line')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Print BGP AS numbers above 65535 in ASDOT notation (high.low)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Detect 802.11s mesh control headers in 802.11 QoS data frames')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Print NFS file handles undecoded, in hex')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Print absolute TCP sequence numbers')
            [CompletionResult]::new('--absolute-tcp-sequence-numbers', '--absolute-tcp-sequence-numbers', [CompletionResultType]::ParameterName, 'Print absolute TCP sequence numbers')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Line-buffer standard output')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Do not verify IP, TCP or UDP checksums')
            [CompletionResult]::new('--dont-verify-checksums', '--dont-verify-checksums', [CompletionResultType]::ParameterName, 'Do not verify IP, TCP or UDP checksums')
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'With -w, also print packets')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'With -w, flush the file after each packet')
            [CompletionResult]::new('--packet-buffered', '--packet-buffered', [CompletionResultType]::ParameterName, 'With -w, flush the file after each packet')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version information and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
