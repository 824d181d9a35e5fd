//! A teacher's lesson inside a link: `lesson=1.<packed>`, where `<packed>` is
//! the lesson's compact text form, deflated and base64url-encoded like a small
//! CSV file (`crate::embed`). The compact form is itself form-encoded:
//!
//! `t=<title>&x=<Markdown text>&h=<hint>&h=<hint>&gm=testloss&gc=lt&gv=0.05&ge=300&gn=4&gl=1`
//!
//! (`gm` metric, `gc` comparison, `gv` threshold, `ge` within epochs, `gn` most
//! hidden neurons, `gl` most hidden layers). A built-in lesson is named instead
//! (`lesson=xor`). Decoding never panics: what cannot be read is dropped and
//! named in a `Problem`; only a value that is no lesson at all is an error.

use super::goal::{Comparison, Goal, Metric};
use std::fmt;

/// The version prefix of an encoded lesson ('.' is not in base64url nor in an id).
pub const PREFIX: &str = "1.";
/// Longer texts are cut here (characters), with a notice.
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_HINTS: usize = 20;
pub const MAX_HINT_CHARS: usize = 1_000;
/// At most this many unknown keys are named; the rest are counted in the last.
const MAX_NAMED: usize = 8;

/// The part of a lesson that travels in `lesson=`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    pub title: String,
    pub text: String,
    pub goal: Option<Goal>,
    pub hints: Vec<String>,
}

/// Something in a lesson link that was ignored or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    UnknownKey {
        key: String,
    },
    /// A goal field that does not read; the goal is dropped.
    BadGoal {
        key: String,
        value: String,
    },
    /// A goal without a metric (other goal fields given).
    GoalWithoutMetric,
    TextTruncated {
        chars: usize,
        limit: usize,
    },
    TitleTruncated {
        chars: usize,
        limit: usize,
    },
    HintTruncated {
        hint: usize,
        chars: usize,
        limit: usize,
    },
    TooManyHints {
        hints: usize,
        limit: usize,
    },
}

/// A `lesson=` value that is no lesson at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Neither a built-in lesson's id nor an encoded lesson.
    UnknownLesson { value: String },
    /// The packed part is not base64url or does not inflate.
    Unreadable { reason: String },
    /// The unpacked lesson is not text.
    NotText,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownKey { key } => write!(f, "unknown key “{key}” ignored"),
            Self::BadGoal { key, value } => write!(f, "goal field {key}=“{value}” is not valid; the goal was ignored"),
            Self::GoalWithoutMetric => write!(f, "the goal names no metric; it was ignored"),
            Self::TextTruncated { chars, limit } => {
                write!(f, "the text has {chars} characters; only the first {limit} are shown")
            }
            Self::TitleTruncated { chars, limit } => write!(f, "the title has {chars} characters; cut to {limit}"),
            Self::HintTruncated { hint, chars, limit } => {
                write!(f, "hint {hint} has {chars} characters; cut to {limit}")
            }
            Self::TooManyHints { hints, limit } => write!(f, "{hints} hints; only the first {limit} are kept"),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLesson { value } => write!(f, "“{value}” is not a lesson"),
            Self::Unreadable { reason } => write!(f, "the lesson cannot be read: {reason}"),
            Self::NotText => write!(f, "the lesson is not text"),
        }
    }
}

fn num(v: f32) -> String {
    format!("{v}")
}

/// The compact text form of a lesson (before packing).
pub fn compact(w: &Written) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    s.append_pair("t", &w.title);
    s.append_pair("x", &w.text);
    for h in &w.hints {
        s.append_pair("h", h);
    }
    if let Some(g) = &w.goal {
        s.append_pair("gm", g.metric.key());
        s.append_pair("gc", g.comparison.key());
        s.append_pair("gv", &num(g.threshold));
        if let Some(e) = g.within {
            s.append_pair("ge", &e.to_string());
        }
        if let Some(n) = g.max_neurons {
            s.append_pair("gn", &n.to_string());
        }
        if let Some(l) = g.max_layers {
            s.append_pair("gl", &l.to_string());
        }
    }
    s.finish()
}

/// The `lesson=` value of a written lesson.
pub fn encode(w: &Written) -> String {
    format!("{PREFIX}{}", crate::embed::pack(compact(w).as_bytes()))
}

/// Whether a `lesson=` value is an encoded lesson (else it names a built-in one).
pub fn is_encoded(value: &str) -> bool {
    value.starts_with(PREFIX)
}

/// `s` cut to `limit` characters; the count of characters it had when cut.
fn cut(s: &str, limit: usize) -> (String, Option<usize>) {
    match s.char_indices().nth(limit) {
        Some((end, _)) => (s[..end].to_string(), Some(s.chars().count())),
        None => (s.to_string(), None),
    }
}

/// `s` cut to `limit` characters, noting the cut in `problems`.
fn cut_noting(s: &str, limit: usize, problems: &mut Vec<Problem>, problem: impl Fn(usize, usize) -> Problem) -> String {
    let (t, over) = cut(s, limit);
    if let Some(chars) = over {
        problems.push(problem(chars, limit));
    }
    t
}

/// An encoded lesson (`1.…`) read back: the lesson, and what was ignored or cut.
pub fn decode(value: &str) -> Result<(Written, Vec<Problem>), LinkError> {
    let Some(packed) = value.strip_prefix(PREFIX) else {
        return Err(LinkError::UnknownLesson {
            value: cut(value, 40).0,
        });
    };
    let bytes = crate::embed::unpack(packed).map_err(|reason| LinkError::Unreadable { reason })?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::NotText)?;
    Ok(parse_compact(&text))
}

/// Reads the compact form (never fails: see `Problem`).
pub fn parse_compact(text: &str) -> (Written, Vec<Problem>) {
    let mut w = Written::default();
    let mut problems = Vec::new();
    let mut unknown = 0usize;
    let mut goal: Vec<(String, String)> = Vec::new();
    let mut hints = 0usize;
    for (k, v) in form_urlencoded::parse(text.as_bytes()) {
        match k.as_ref() {
            "t" => {
                w.title = cut_noting(&v, MAX_TITLE_CHARS, &mut problems, |chars, limit| {
                    Problem::TitleTruncated { chars, limit }
                })
            }
            "x" => {
                w.text = cut_noting(&v, MAX_TEXT_CHARS, &mut problems, |chars, limit| {
                    Problem::TextTruncated { chars, limit }
                })
            }
            "h" => {
                hints += 1;
                if w.hints.len() < MAX_HINTS {
                    let hint = cut_noting(&v, MAX_HINT_CHARS, &mut problems, |chars, limit| {
                        Problem::HintTruncated {
                            hint: hints,
                            chars,
                            limit,
                        }
                    });
                    w.hints.push(hint);
                }
            }
            "gm" | "gc" | "gv" | "ge" | "gn" | "gl" => goal.push((k.into_owned(), v.into_owned())),
            other => {
                unknown += 1;
                if unknown <= MAX_NAMED {
                    problems.push(Problem::UnknownKey { key: cut(other, 40).0 });
                }
            }
        }
    }
    if hints > MAX_HINTS {
        problems.push(Problem::TooManyHints {
            hints,
            limit: MAX_HINTS,
        });
    }
    if !goal.is_empty() {
        match parse_goal(&goal) {
            Ok(g) => w.goal = Some(g),
            Err(p) => problems.push(p),
        }
    }
    (w, problems)
}

fn parse_goal(fields: &[(String, String)]) -> Result<Goal, Problem> {
    let get = |key: &str| fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let bad = |key: &str, value: &str| Problem::BadGoal {
        key: key.into(),
        value: cut(value, 40).0,
    };
    let metric = match get("gm") {
        Some(v) => Metric::from_key(v).ok_or_else(|| bad("gm", v))?,
        None => return Err(Problem::GoalWithoutMetric),
    };
    let comparison = match get("gc") {
        Some(v) => Comparison::from_key(v).ok_or_else(|| bad("gc", v))?,
        None if metric == Metric::Diverged => Comparison::AtLeast,
        None => return Err(bad("gc", "")),
    };
    let threshold = match get("gv") {
        Some(v) => v
            .trim()
            .parse::<f32>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| bad("gv", v))?,
        None if metric == Metric::Diverged => 0.0,
        None => return Err(bad("gv", "")),
    };
    let whole = |key: &str, max: u64| -> Result<Option<u64>, Problem> {
        match get(key) {
            None => Ok(None),
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) if (1..=max).contains(&n) => Ok(Some(n)),
                _ => Err(bad(key, v)),
            },
        }
    };
    Ok(Goal {
        metric,
        comparison,
        threshold,
        within: whole("ge", 1_000_000_000)?,
        max_neurons: whole("gn", 100_000)?.map(|n| n as u32),
        max_layers: whole("gl", 1_000)?.map(|n| n as u32),
    })
}
