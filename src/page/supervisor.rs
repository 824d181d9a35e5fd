//! Watching the training worker: a Ping every heartbeat tick, a worker that
//! stays silent for `TIMEOUT_TICKS` is taken for dead, and a worker that dies
//! more than `MAX_CRASHES` times within `CRASH_WINDOW_MS` is not restarted again.
//! Ticks, not clock time, count the silence: a main thread that was busy
//! itself does not count against the worker.

/// A worker that has not answered a Ping for this many one-second ticks is taken for dead.
pub const TIMEOUT_TICKS: u32 = 5;
/// More crashes than this within `CRASH_WINDOW_MS` stop the automatic restarts.
pub const MAX_CRASHES: usize = 3;
pub const CRASH_WINDOW_MS: f64 = 20_000.0;
/// The page's heartbeat.
pub const TICK_MS: i32 = 1000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Supervisor {
    /// Ticks since the outstanding Ping was sent (None: no Ping outstanding).
    ping_ticks: Option<u32>,
    /// Times of recent crashes, in ms.
    crashes: Vec<f64>,
}

/// What a heartbeat tick asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    Nothing,
    Ping,
    /// The worker has been silent too long.
    Dead,
}

/// What to do about a crashed worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crash {
    Restart,
    /// It crashed this many times within the window: leave it.
    GiveUp(usize),
}

impl Supervisor {
    pub fn tick(&mut self) -> Tick {
        match self.ping_ticks {
            Some(n) if n + 1 >= TIMEOUT_TICKS => Tick::Dead,
            Some(n) => {
                self.ping_ticks = Some(n + 1);
                Tick::Nothing
            }
            None => {
                self.ping_ticks = Some(0);
                Tick::Ping
            }
        }
    }

    /// The worker answered.
    pub fn pong(&mut self) {
        self.ping_ticks = None;
    }

    /// The worker died at `now` (ms).
    pub fn crashed(&mut self, now: f64) -> Crash {
        self.ping_ticks = None;
        self.crashes.retain(|&t| now - t < CRASH_WINDOW_MS);
        self.crashes.push(now);
        if self.crashes.len() > MAX_CRASHES {
            Crash::GiveUp(self.crashes.len())
        } else {
            Crash::Restart
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_worker_is_dead_after_the_timeout_and_a_pong_resets_the_count() {
        let mut s = Supervisor::default();
        assert_eq!(s.tick(), Tick::Ping);
        for _ in 1..TIMEOUT_TICKS - 1 {
            assert_eq!(s.tick(), Tick::Nothing);
        }
        s.pong();
        assert_eq!(s.tick(), Tick::Ping, "answered: a new Ping");
        let ticks: Vec<Tick> = (0..TIMEOUT_TICKS).map(|_| s.tick()).collect();
        assert_eq!(ticks.last(), Some(&Tick::Dead));
        assert_eq!(ticks.iter().filter(|&&t| t == Tick::Dead).count(), 1);
    }

    #[test]
    fn more_than_three_crashes_in_twenty_seconds_give_up() {
        let mut s = Supervisor::default();
        assert_eq!(s.crashed(0.0), Crash::Restart);
        assert_eq!(s.crashed(5_000.0), Crash::Restart);
        assert_eq!(s.crashed(10_000.0), Crash::Restart);
        assert_eq!(s.crashed(15_000.0), Crash::GiveUp(4));
    }

    #[test]
    fn crashes_further_apart_than_the_window_keep_restarting() {
        let mut s = Supervisor::default();
        for k in 0..10 {
            assert_eq!(s.crashed(f64::from(k) * 7_000.0), Crash::Restart, "crash {k}");
        }
    }
}
