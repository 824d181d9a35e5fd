//! A lesson's words in the active language (`i18n/*/lessons.ftl`): a built-in
//! lesson's title, text and hints, a goal as a sentence, a goal's state.

use super::builtin::Builtin;
use super::goal::{Comparison, Goal, GoalState, Metric};
use super::Lesson;
use crate::control::Control;
use crate::page::fmt_plain;
use crate::t;

pub fn builtin_lesson(b: &Builtin, setup: String, hidden: Vec<Control>) -> Lesson {
    Lesson {
        id: Some(b.id.to_string()),
        title: t!(&b.title_id()),
        text: t!(&b.text_id()),
        goal: Some(b.goal.clone()),
        hints: (1..=b.hints).map(|n| t!(&b.hint_id(n))).collect(),
        hidden,
        setup,
    }
}

pub fn metric_name(m: Metric) -> String {
    t!(&format!("lesson-metric-{}", m.key()))
}

pub fn comparison_name(c: Comparison) -> String {
    t!(&format!("lesson-cmp-{}", c.key()))
}

/// A threshold or value as shown: percentages with " %".
fn value_text(m: Metric, v: f32) -> String {
    if m.is_percent() {
        t!("lesson-percent", value = fmt_plain(v))
    } else {
        fmt_plain(v)
    }
}

/// "Test loss below 0.05 with at most 4 hidden neurons within 300 epochs".
pub fn goal_sentence(g: &Goal) -> String {
    let mut s = if g.metric == Metric::Diverged {
        t!("lesson-goal-diverge")
    } else {
        t!(
            "lesson-goal-metric",
            metric = metric_name(g.metric),
            cmp = comparison_name(g.comparison),
            value = value_text(g.metric, g.threshold)
        )
    };
    if let Some(n) = g.max_neurons {
        s.push_str(&t!("lesson-goal-neurons", n = n.to_string()));
    }
    if let Some(l) = g.max_layers {
        s.push_str(&if l == 0 {
            t!("lesson-goal-no-layers")
        } else {
            t!("lesson-goal-layers", n = l.to_string())
        });
    }
    if let Some(e) = g.within {
        s.push_str(&t!("lesson-goal-within", n = e.to_string()));
    }
    s
}

/// The progress line: "Epoch 42: test loss 0.231", "Goal reached at epoch 137" …
pub fn state_sentence(g: &Goal, s: &GoalState) -> String {
    match s {
        GoalState::Pending { epoch, value } => match value {
            Some(v) => t!(
                "lesson-status-pending",
                epoch = epoch.to_string(),
                metric = metric_name(g.metric),
                value = value_text(g.metric, *v)
            ),
            None if *epoch == 0 => t!("lesson-status-waiting", epoch = "0"),
            None => t!("lesson-status-not-yet", epoch = epoch.to_string()),
        },
        GoalState::Reached { epoch, .. } => t!("lesson-status-reached", epoch = epoch.to_string()),
        GoalState::OutOfEpochs { within, .. } => t!("lesson-status-out", n = within.to_string()),
        GoalState::TooBig { neurons, layers, .. } => t!(
            "lesson-status-too-big",
            neurons = neurons.to_string(),
            layers = layers.to_string()
        ),
    }
}

/// What a lesson link lost, in words.
pub fn problem_text(p: &super::link::Problem) -> String {
    use super::link::Problem::*;
    match p {
        UnknownKey { key } => t!("lesson-problem-unknown-key", key = key.as_str()),
        BadGoal { key, value } => t!("lesson-problem-bad-goal", key = key.as_str(), value = value.as_str()),
        GoalWithoutMetric => t!("lesson-problem-goal-metric"),
        TextTruncated { chars, limit } => t!(
            "lesson-problem-text-long",
            chars = chars.to_string(),
            limit = limit.to_string()
        ),
        TitleTruncated { chars, limit } => t!(
            "lesson-problem-title-long",
            chars = chars.to_string(),
            limit = limit.to_string()
        ),
        HintTruncated { hint, chars, limit } => t!(
            "lesson-problem-hint-long",
            hint = hint.to_string(),
            chars = chars.to_string(),
            limit = limit.to_string()
        ),
        TooManyHints { hints, limit } => t!(
            "lesson-problem-hints",
            hints = hints.to_string(),
            limit = limit.to_string()
        ),
    }
}

/// Why a `lesson=` value is no lesson, in words.
pub fn error_text(e: &super::link::LinkError) -> String {
    use super::link::LinkError::*;
    match e {
        UnknownLesson { value } => t!("lesson-error-unknown", value = value.as_str()),
        Unreadable { reason } => t!("lesson-error-unreadable", reason = reason.as_str()),
        NotText => t!("lesson-error-not-text"),
    }
}
