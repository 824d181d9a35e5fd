//! The lessons panel as one state and a pure update (Elm shape, like
//! `search::panel`): the list, the lesson open, its hints, its goal's state,
//! the lessons reached (kept in the browser), the editor and the QR dialog.

use super::goal::{GoalState, Progress};
use super::{builtin, words, Lesson};

/// The browser storage key of the reached lessons (ids, comma-separated).
pub const REACHED_KEY: &str = "nnplay-lessons-reached";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonModel {
    pub list_open: bool,
    pub lesson: Option<Lesson>,
    /// The `lesson=` value the lesson came from.
    pub value: Option<String>,
    /// What the lesson link lost, in words.
    pub notices: Vec<String>,
    pub hints_shown: usize,
    pub state: Option<GoalState>,
    /// The epoch the goal was reached at (it stays reached).
    pub reached_at: Option<u64>,
    /// Built-in lessons reached in this browser.
    pub done: Vec<String>,
    pub editor_open: bool,
    pub qr_open: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LessonMsg {
    /// The page's link, at start and whenever it changes.
    Link {
        hash: String,
    },
    /// The language changed: the words are read again.
    Language {
        hash: String,
    },
    ToggleList,
    /// Escape or a click outside.
    CloseAll,
    ShowHint,
    Next,
    Progress(Progress),
    /// The saved list of reached lessons.
    Restore(String),
    OpenEditor,
    OpenQr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Render,
    Save {
        key: String,
        value: String,
    },
    Load {
        key: String,
    },
    /// Sets the page's hash (the playground follows it, and so does the panel).
    Navigate(String),
}

impl LessonModel {
    /// Whether a built-in lesson was reached in this browser.
    pub fn is_done(&self, id: &str) -> bool {
        self.done.iter().any(|d| d == id)
    }

    /// The built-in lesson after the open one.
    pub fn next(&self) -> Option<&'static builtin::Builtin> {
        let id = self.lesson.as_ref()?.id.as_deref()?;
        let (i, _) = builtin::find(id)?;
        builtin::LESSONS.get(i + 1)
    }

    fn open(&mut self, hash: &str, keep_progress: bool) {
        let value = super::value_in(hash);
        if keep_progress && value == self.value {
            // Same lesson: only its words (another language) change.
            if let Some(Ok((lesson, _))) = super::from_hash(hash) {
                if let Some(old) = &mut self.lesson {
                    old.title = lesson.title;
                    old.text = lesson.text;
                    old.hints = lesson.hints;
                }
            }
            return;
        }
        self.value = value;
        self.hints_shown = 0;
        self.state = None;
        self.reached_at = None;
        self.notices.clear();
        self.lesson = match super::from_hash(hash) {
            None => None,
            Some(Ok((lesson, problems))) => {
                self.notices = problems.iter().map(words::problem_text).collect();
                Some(lesson)
            }
            Some(Err(e)) => {
                self.notices.push(words::error_text(&e));
                None
            }
        };
    }
}

pub fn update(m: &mut LessonModel, msg: LessonMsg) -> Vec<Effect> {
    let mut fx = vec![Effect::Render];
    match msg {
        LessonMsg::Link { hash } => {
            if super::value_in(&hash) != m.value || m.lesson.is_none() && m.notices.is_empty() {
                m.open(&hash, false);
                if m.lesson.is_some() {
                    m.list_open = false;
                }
            }
        }
        LessonMsg::Language { hash } => {
            m.open(&hash, true);
        }
        LessonMsg::ToggleList => {
            m.list_open = !m.list_open;
            if m.list_open {
                fx.push(Effect::Load {
                    key: REACHED_KEY.into(),
                });
            }
        }
        LessonMsg::CloseAll => {
            m.list_open = false;
            m.editor_open = false;
            m.qr_open = false;
        }
        LessonMsg::ShowHint => {
            let n = m.lesson.as_ref().map_or(0, |l| l.hints.len());
            m.hints_shown = (m.hints_shown + 1).min(n);
        }
        LessonMsg::Next => {
            if let Some(b) = m.next() {
                fx.push(Effect::Navigate(b.link()));
            }
        }
        LessonMsg::Progress(p) => {
            let Some(goal) = m.lesson.as_ref().and_then(|l| l.goal.as_ref()) else {
                return Vec::new();
            };
            if m.reached_at.is_some() {
                return Vec::new();
            }
            let state = goal.check(&p);
            if let GoalState::Reached { epoch, .. } = state {
                m.reached_at = Some(epoch);
                if let Some(id) = m.lesson.as_ref().and_then(|l| l.id.clone()) {
                    if !m.is_done(&id) {
                        m.done.push(id);
                        fx.push(Effect::Save {
                            key: REACHED_KEY.into(),
                            value: m.done.join(","),
                        });
                    }
                }
            }
            if m.state.as_ref() == Some(&state) {
                fx.retain(|e| *e != Effect::Render);
            }
            m.state = Some(state);
        }
        LessonMsg::Restore(saved) => {
            for id in saved.split(',').filter(|id| builtin::find(id).is_some()) {
                if !m.is_done(id) {
                    m.done.push(id.to_string());
                }
            }
        }
        LessonMsg::OpenEditor => {
            m.editor_open = true;
            m.list_open = false;
        }
        LessonMsg::OpenQr => {
            m.qr_open = true;
            m.list_open = false;
        }
    }
    fx
}
