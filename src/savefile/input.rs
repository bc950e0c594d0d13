//! A large read buffer that hands out slices of itself, so records are parsed in
//! place: no per-packet allocation and no copy between the file and the filter.

use std::io::{self, Read};

/// Default buffer size: big enough that a read system call moves many packets.
const DEFAULT_CAPACITY: usize = 1 << 20;

/// Buffered bytes from a file or a pipe. Callers ask for `n` bytes with
/// [`Input::fill`], look at them with [`Input::available`] and step past them
/// with [`Input::consume`].
pub struct Input {
    src: Box<dyn Read + Send>,
    buf: Vec<u8>,
    /// Start of the unconsumed bytes in `buf`.
    pos: usize,
    /// End of the valid bytes in `buf`.
    end: usize,
    /// Bytes consumed since the start of the stream (for error messages).
    offset: u64,
    eof: bool,
}

impl Input {
    /// Reads from `src` through a buffer of the default size.
    pub fn new(src: Box<dyn Read + Send>) -> Input {
        Input::with_capacity(src, DEFAULT_CAPACITY)
    }

    /// Reads from `src` through a buffer of `capacity` bytes (at least 64).
    fn with_capacity(src: Box<dyn Read + Send>, capacity: usize) -> Input {
        Input {
            src,
            buf: vec![0; capacity.max(64)],
            pos: 0,
            end: 0,
            offset: 0,
            eof: false,
        }
    }

    /// Makes at least `n` bytes available unless the stream ends first; returns
    /// how many are available (fewer than `n` only at the end of the stream).
    /// The caller bounds `n` (record sizes are checked before this is called), so
    /// the buffer never grows past the largest record allowed.
    #[inline]
    pub fn fill(&mut self, n: usize) -> io::Result<usize> {
        let have = self.end - self.pos;
        if have >= n {
            return Ok(have);
        }
        self.refill(n)
    }

    #[cold]
    fn refill(&mut self, n: usize) -> io::Result<usize> {
        // Move the unconsumed tail to the front, growing the buffer if one record
        // is larger than all of it.
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
        if n > self.buf.len() {
            self.buf.resize(n, 0);
        }
        while self.end < n && !self.eof {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(got) => self.end += got,
                // A signal interrupted the read: go on, unless it asked us to stop
                // (then the stream ends here, cleanly).
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    if crate::stop::requested() {
                        break;
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(self.end)
    }

    /// The bytes read but not yet consumed.
    #[inline]
    pub fn available(&self) -> &[u8] {
        &self.buf[self.pos..self.end]
    }

    /// Steps past `n` bytes (at most those available) and returns them.
    #[inline]
    pub fn consume(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.end - self.pos);
        let start = self.pos;
        self.pos += n;
        self.offset += n as u64;
        &self.buf[start..start + n]
    }

    /// Stream offset of the first unconsumed byte.
    pub fn offset(&self) -> u64 {
        self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that returns at most `chunk` bytes per call, as a pipe might.
    struct Trickle {
        data: Vec<u8>,
        at: usize,
        chunk: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(out.len()).min(self.data.len() - self.at);
            out[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn fills_across_short_reads_and_grows_for_large_records() {
        let data: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let src = Trickle {
            data: data.clone(),
            at: 0,
            chunk: 7,
        };
        let mut input = Input::with_capacity(Box::new(src), 64);
        // Reads stop as soon as enough is there.
        assert_eq!(input.fill(10).unwrap(), 14);
        assert_eq!(input.consume(10), &data[..10]);
        // Larger than the buffer: it grows.
        assert!(input.fill(500).unwrap() >= 500);
        assert_eq!(&input.available()[..500], &data[10..510]);
        input.consume(500);
        assert_eq!(input.offset(), 510);
        // Asking for more than remains returns what is left.
        assert_eq!(input.fill(1000).unwrap(), 490);
        assert_eq!(input.consume(1000), &data[510..]);
        assert_eq!(input.fill(1).unwrap(), 0);
    }
}
