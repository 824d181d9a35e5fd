//! The page's keyboard shortcuts and its spoken status, as pure rules:
//! which key does what where (`shortcut`), and when the live region speaks
//! (`Pacer`). The glue describes the key and the focus; the page's loop acts.

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Space: play or pause.
    TogglePlay,
    /// → : train exactly one epoch.
    Step,
    /// R: back to epoch 0.
    Reset,
    /// ?: the help dialog.
    Help,
}

/// Where the keyboard's focus is when a key goes down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFocus {
    /// The page itself, or an element that does nothing with keys (a heading,
    /// a table cell, a picture): every shortcut applies.
    Page,
    /// A button, link, summary or other control that Space presses: Space
    /// keeps doing that, the other shortcuts apply.
    Control,
    /// A text field, number box, slider, select, check box, editable text or
    /// a focused scroller, or anything while a dialog is open: keys are the
    /// control's, no shortcut applies.
    Typing,
}

/// The shortcut for `key` (the DOM's `KeyboardEvent.key`) pressed with focus
/// on `focus`; `modified`: Ctrl, Alt or Meta was held (those keys belong to
/// the browser and the system). Shift is allowed: "?" and "R" need it.
pub fn shortcut(key: &str, focus: KeyFocus, modified: bool) -> Option<Shortcut> {
    if modified || focus == KeyFocus::Typing {
        return None;
    }
    match key {
        " " | "Spacebar" if focus == KeyFocus::Page => Some(Shortcut::TogglePlay),
        "ArrowRight" => Some(Shortcut::Step),
        "r" | "R" => Some(Shortcut::Reset),
        "?" => Some(Shortcut::Help),
        _ => None,
    }
}

/// While training, the live region speaks at most this often (ms).
pub const ANNOUNCE_MS: f64 = 5000.0;

/// When the live region speaks: while training at most every `ANNOUNCE_MS`;
/// a paused run's snapshot (after Pause, a step, a reset, an edit) at once,
/// unless it would say what it said last.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacer {
    /// When it last spoke (ms).
    at: f64,
    said: String,
}

impl Default for Pacer {
    fn default() -> Self {
        Self {
            at: f64::NEG_INFINITY,
            said: String::new(),
        }
    }
}

impl Pacer {
    /// Whether a snapshot drawn at `now` may be spoken (its words are made only then).
    pub fn ready(&self, now: f64, training: bool) -> bool {
        !training || now - self.at >= ANNOUNCE_MS
    }

    /// Speaks `text` at `now` (None: the same news in new words, which keeps
    /// the pace), unless it repeats the last words: returns what to say.
    pub fn say(&mut self, now: Option<f64>, text: String) -> Option<String> {
        if text == self.said {
            return None;
        }
        if let Some(now) = now {
            self.at = now;
        }
        self.said.clone_from(&text);
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyFocus::*;

    #[test]
    fn the_four_shortcuts_on_the_page() {
        assert_eq!(shortcut(" ", Page, false), Some(Shortcut::TogglePlay));
        assert_eq!(shortcut("ArrowRight", Page, false), Some(Shortcut::Step));
        assert_eq!(shortcut("r", Page, false), Some(Shortcut::Reset));
        assert_eq!(shortcut("R", Page, false), Some(Shortcut::Reset));
        assert_eq!(shortcut("?", Page, false), Some(Shortcut::Help));
        assert_eq!(shortcut("a", Page, false), None);
        assert_eq!(shortcut("ArrowLeft", Page, false), None);
    }

    #[test]
    fn space_on_a_button_presses_the_button_but_the_other_keys_still_work() {
        assert_eq!(shortcut(" ", Control, false), None);
        assert_eq!(shortcut("ArrowRight", Control, false), Some(Shortcut::Step));
        assert_eq!(shortcut("?", Control, false), Some(Shortcut::Help));
    }

    #[test]
    fn no_shortcut_while_typing_or_with_ctrl_alt_or_meta() {
        for key in [" ", "ArrowRight", "r", "?"] {
            assert_eq!(shortcut(key, Typing, false), None, "{key:?} while typing");
            assert_eq!(shortcut(key, Page, true), None, "{key:?} with a modifier");
        }
    }

    #[test]
    fn training_speaks_at_most_every_five_seconds() {
        let mut p = Pacer::default();
        // One snapshot per 16 ms frame for 12 s of training.
        let mut spoken = Vec::new();
        for frame in 0..750 {
            let now = 1000.0 + frame as f64 * 16.0;
            if p.ready(now, true) {
                if let Some(text) = p.say(Some(now), format!("Epoch {frame}")) {
                    spoken.push((now, text));
                }
            }
        }
        assert_eq!(spoken.len(), 3, "{spoken:?}");
        assert_eq!(spoken[0], (1000.0, "Epoch 0".to_string()));
        for w in spoken.windows(2) {
            assert!(w[1].0 - w[0].0 >= ANNOUNCE_MS);
        }
    }

    #[test]
    fn a_pause_speaks_at_once_but_never_repeats_itself() {
        let mut p = Pacer::default();
        assert!(p.ready(0.0, true));
        assert_eq!(p.say(Some(0.0), "Epoch 3".into()).as_deref(), Some("Epoch 3"));
        // Paused one second later: spoken although five seconds have not passed.
        assert!(p.ready(1000.0, false));
        assert_eq!(p.say(Some(1000.0), "Epoch 40".into()).as_deref(), Some("Epoch 40"));
        // A redraw of the same paused run says nothing new.
        assert_eq!(p.say(Some(1100.0), "Epoch 40".into()), None);
        // A step does.
        assert_eq!(p.say(Some(1200.0), "Epoch 41".into()).as_deref(), Some("Epoch 41"));
        // Training again right after: waits for its five seconds.
        assert!(!p.ready(3000.0, true));
        assert!(p.ready(6200.0, true));
        // The language changed: the same news in new words at once, the pace unchanged.
        assert_eq!(p.say(None, "第 41 轮".into()).as_deref(), Some("第 41 轮"));
        assert!(!p.ready(6100.0, true));
        assert!(p.ready(6200.0, true));
    }
}
