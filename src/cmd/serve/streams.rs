//! The preview's open event streams, bounded: each holds a thread, so at most [`MAX_STREAMS`]
//! are kept and a new one drops the oldest (a browser tab left open the longest; it is told
//! so and stops asking for updates). A stream whose client went away is noticed by the write
//! its thread makes every [`POLL`], so its thread ends within about a second.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Event streams kept at once. A preview tab holds one; browsers keep at most six HTTP/1.1
/// connections per host, so eight leaves room for a few tabs and their requests.
pub const MAX_STREAMS: usize = 8;

/// How often a stream's thread wakes to write (a comment line when nothing changed): the
/// second write to a closed connection fails, so a client that left is noticed within two.
pub const POLL: Duration = Duration::from_millis(400);

/// The open streams, oldest first.
#[derive(Default)]
pub struct Streams {
    open: Mutex<VecDeque<(u64, Arc<AtomicBool>)>>,
    next: AtomicU64,
}

/// One open stream; it leaves the list when dropped.
pub struct Ticket {
    streams: Arc<Streams>,
    id: u64,
    dropped: Arc<AtomicBool>,
}

impl Streams {
    /// Registers a new stream, dropping the oldest beyond [`MAX_STREAMS`].
    pub fn join(self: &Arc<Self>) -> Ticket {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let dropped = Arc::new(AtomicBool::new(false));
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        open.push_back((id, dropped.clone()));
        while open.len() > MAX_STREAMS {
            if let Some((_, oldest)) = open.pop_front() {
                oldest.store(true, Ordering::Relaxed);
            }
        }
        Ticket {
            streams: self.clone(),
            id,
            dropped,
        }
    }

    /// How many streams are open.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.open.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

impl Ticket {
    /// Whether a newer stream took this one's place.
    pub fn dropped(&self) -> bool {
        self.dropped.load(Ordering::Relaxed)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut open = self.streams.open.lock().unwrap_or_else(|p| p.into_inner());
        open.retain(|(id, _)| *id != self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_streams_are_dropped_first() {
        let streams = Arc::new(Streams::default());
        let tickets: Vec<Ticket> = (0..MAX_STREAMS + 2).map(|_| streams.join()).collect();
        let dropped: Vec<bool> = tickets.iter().map(Ticket::dropped).collect();
        assert_eq!(dropped[..2], [true, true]);
        assert!(dropped[2..].iter().all(|d| !d));
        assert_eq!(streams.len(), MAX_STREAMS);
        drop(tickets);
        assert_eq!(streams.len(), 0);
    }
}
