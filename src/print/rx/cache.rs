//! tcpdump's memory of recent rx calls: the first data packet of each call a
//! client starts is remembered (addresses, server port, call number, service
//! and opcode) so that the server's reply, which carries no opcode, can be
//! decoded by the call it answers. A ring of 64 entries, searched from where
//! the last match was found, as tcpdump does (which entry wins when several
//! match depends on that starting point).

const SIZE: usize = 64;

#[derive(Clone, Copy, Default)]
struct Call {
    callnum: u32,
    client: [u8; 4],
    server: [u8; 4],
    dport: u16,
    service: u16,
    opcode: u32,
}

/// The ring of remembered calls (per run, in `Ctx`).
pub(crate) struct CallCache {
    calls: [Call; SIZE],
    next: usize,
    hint: usize,
}

impl Default for CallCache {
    fn default() -> Self {
        CallCache {
            calls: [Call::default(); SIZE],
            next: 0,
            hint: 0,
        }
    }
}

/// The key of a call as seen on the wire.
pub(crate) struct Key {
    pub callnum: u32,
    pub service: u16,
    /// Source and destination addresses as tcpdump reads them: the IPv4
    /// header's address fields (for IPv6, the same header offsets, which fall
    /// inside the source address).
    pub src: [u8; 4],
    pub dst: [u8; 4],
}

impl CallCache {
    /// A client's call to server port `dport`.
    pub fn insert(&mut self, k: &Key, dport: u16, opcode: u32) {
        self.calls[self.next] = Call {
            callnum: k.callnum,
            client: k.src,
            server: k.dst,
            dport,
            service: k.service,
            opcode,
        };
        self.next = (self.next + 1) % SIZE;
    }

    /// The opcode of the call a packet from server port `sport` answers.
    pub fn find(&mut self, k: &Key, sport: u16) -> Option<u32> {
        let start = self.hint;
        let mut i = start;
        loop {
            let e = &self.calls[i];
            if e.callnum == k.callnum
                && e.client == k.dst
                && e.server == k.src
                && e.service == k.service
                && e.dport == sport
            {
                self.hint = i;
                return Some(e.opcode);
            }
            i = (i + 1) % SIZE;
            if i == start {
                return None;
            }
        }
    }
}
