//! How fast a playing run goes, so a class can watch it: from a few epochs a
//! second, through the Playground's pace (one epoch per displayed frame), to
//! full speed (as many epochs as the worker can train, a snapshot per frame).
//! The worker shell asks `plan` what to do next; the rule lives here so that
//! `cargo test` checks it. Step is always exactly one epoch, whatever the speed.

/// Training time per slice before the worker looks at its messages again.
pub const SLICE_MS: f64 = 12.0;
/// "Fast": at most this many epochs between two drawn frames.
pub const FAST_EPOCHS_PER_FRAME: u32 = 10;
/// Imported data with more training rows than this starts at full speed
/// (an epoch there takes long enough to watch).
pub const LARGE_DATA_ROWS: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// 2 epochs a second.
    Slow,
    /// 10 epochs a second.
    Steady,
    /// One epoch per displayed frame, as TensorFlow Playground (the default).
    Frame,
    /// Up to `FAST_EPOCHS_PER_FRAME` epochs per displayed frame.
    Fast,
    /// As fast as the worker trains; a snapshot per displayed frame.
    Full,
}

impl Speed {
    /// Slowest first, full speed last (the select's order).
    pub const ALL: [Speed; 5] = [Self::Slow, Self::Steady, Self::Frame, Self::Fast, Self::Full];

    /// The URL key (`speed=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Slow => "slow",
            Self::Steady => "steady",
            Self::Frame => "frame",
            Self::Fast => "fast",
            Self::Full => "full",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("speed", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.key() == s)
    }

    /// Epochs a second for the timed speeds.
    fn per_second(self) -> Option<f64> {
        match self {
            Self::Slow => Some(2.0),
            Self::Steady => Some(10.0),
            _ => None,
        }
    }
}

/// What a playing worker does next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Plan {
    /// Train epochs, at most `max_epochs` (None: no limit), for at most `ms`,
    /// then send a snapshot when the page has drawn the last one.
    Train { max_epochs: Option<u32>, ms: f64 },
    /// Nothing until the page has drawn the last snapshot (its Ack).
    WaitForAck,
    /// Nothing until this time (ms).
    WaitUntil(f64),
}

/// The next step of a playing run at `speed`, at `now` (ms); `awaiting_ack`:
/// the last snapshot is not drawn yet; `last_epoch_at`: when the last epoch was
/// trained (ms; −∞ before the first).
pub fn plan(speed: Speed, awaiting_ack: bool, now: f64, last_epoch_at: f64) -> Plan {
    if speed == Speed::Full {
        // Training never waits for the page; snapshots do.
        return Plan::Train {
            max_epochs: None,
            ms: SLICE_MS,
        };
    }
    // Every paced epoch is drawn: the next waits for the picture of the last.
    if awaiting_ack {
        return Plan::WaitForAck;
    }
    match speed.per_second() {
        Some(rate) => {
            let due = last_epoch_at + 1000.0 / rate;
            if now >= due {
                Plan::Train {
                    max_epochs: Some(1),
                    ms: SLICE_MS,
                }
            } else {
                Plan::WaitUntil(due)
            }
        }
        None => Plan::Train {
            max_epochs: Some(if speed == Speed::Fast { FAST_EPOCHS_PER_FRAME } else { 1 }),
            ms: SLICE_MS,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_speed_trains_whether_or_not_the_page_has_drawn() {
        let full = Plan::Train {
            max_epochs: None,
            ms: SLICE_MS,
        };
        assert_eq!(plan(Speed::Full, true, 0.0, 0.0), full);
        assert_eq!(plan(Speed::Full, false, 0.0, 0.0), full);
    }

    #[test]
    fn the_playground_pace_is_one_epoch_per_drawn_frame() {
        assert_eq!(plan(Speed::Frame, true, 5.0, 0.0), Plan::WaitForAck);
        assert_eq!(
            plan(Speed::Frame, false, 5.0, 0.0),
            Plan::Train {
                max_epochs: Some(1),
                ms: SLICE_MS
            }
        );
        assert!(matches!(
            plan(Speed::Fast, false, 5.0, 0.0),
            Plan::Train {
                max_epochs: Some(FAST_EPOCHS_PER_FRAME),
                ..
            }
        ));
    }

    #[test]
    fn slow_speeds_wait_for_the_clock_and_for_the_picture() {
        // Slow: an epoch every 500 ms.
        assert_eq!(plan(Speed::Slow, false, 1_200.0, 1_000.0), Plan::WaitUntil(1_500.0));
        assert!(matches!(plan(Speed::Slow, false, 1_500.0, 1_000.0), Plan::Train { .. }));
        assert_eq!(plan(Speed::Slow, true, 9_000.0, 1_000.0), Plan::WaitForAck);
        assert!(matches!(
            plan(Speed::Steady, false, 0.0, f64::NEG_INFINITY),
            Plan::Train { .. }
        ));
        assert_eq!(plan(Speed::Steady, false, 1_050.0, 1_000.0), Plan::WaitUntil(1_100.0));
    }

    #[test]
    fn the_select_lists_the_slowest_first_and_full_speed_last() {
        assert_eq!(Speed::ALL[0], Speed::Slow);
        assert_eq!(Speed::ALL[4], Speed::Full);
        for s in Speed::ALL {
            assert_eq!(Speed::from_key(s.key()), Some(s));
        }
    }
}
