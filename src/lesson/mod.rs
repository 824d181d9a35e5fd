//! Lessons: a text, a goal the page checks live, hints, and a setup with some
//! controls hidden, all in one link. Built-in lessons are named by id
//! (`lesson=xor`, words in `i18n/*/lessons.ftl`); a teacher's lesson carries
//! its own words (`lesson=1.…`, see `link`). Pure; the teach module's glue
//! (`web::teach`) renders it.

pub mod builtin;
pub mod editor;
pub mod goal;
pub mod link;
pub mod markdown;
pub mod panel;
pub mod qr;
pub mod words;

pub use goal::{Comparison, Goal, GoalState, Metric, Progress};

use crate::control::Control;

/// The link key of a lesson.
pub const KEY: &str = "lesson";

/// A lesson as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// The built-in lesson's id; None for a teacher's lesson.
    pub id: Option<String>,
    pub title: String,
    /// Markdown (rendered by `markdown::to_html`, raw HTML shown as text).
    pub text: String,
    pub goal: Option<Goal>,
    pub hints: Vec<String>,
    /// The controls the link hides.
    pub hidden: Vec<Control>,
    /// The link without its `lesson=` pair.
    pub setup: String,
}

/// The `lesson=` value of a link, if it has one (the last one counts).
pub fn value_in(hash: &str) -> Option<String> {
    form_urlencoded::parse(hash.trim_start_matches('#').as_bytes())
        .filter(|(k, _)| k == KEY)
        .last()
        .map(|(_, v)| v.into_owned())
}

/// A link without its `lesson=` pairs (as written, no re-encoding).
pub fn setup_part(hash: &str) -> String {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| p.split('=').next() != Some(KEY) && !p.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// The link of a written lesson on top of a setup (hide keys included in `setup`).
pub fn link_for(setup: &str, written: &link::Written) -> String {
    let setup = setup_part(setup);
    let sep = if setup.is_empty() { "" } else { "&" };
    format!("{setup}{sep}{KEY}={}", link::encode(written))
}

/// The controls a link hides.
pub fn hidden_in(hash: &str) -> Vec<Control> {
    crate::url::decode(&setup_part(hash)).config.hidden_controls
}

/// What a link's lesson is: None without `lesson=`; a lesson with what was
/// ignored; or why the value is no lesson. Built-in words come from `words`.
pub fn from_hash(hash: &str) -> Option<Result<(Lesson, Vec<link::Problem>), link::LinkError>> {
    let value = value_in(hash)?;
    let setup = setup_part(hash);
    let hidden = hidden_in(&setup);
    if let Some((_, b)) = builtin::find(&value) {
        return Some(Ok((words::builtin_lesson(b, setup, hidden), Vec::new())));
    }
    Some(link::decode(&value).map(|(w, problems)| {
        (
            Lesson {
                id: None,
                title: w.title,
                text: w.text,
                goal: w.goal,
                hints: w.hints,
                hidden,
                setup,
            },
            problems,
        )
    }))
}

#[cfg(test)]
mod tests;
