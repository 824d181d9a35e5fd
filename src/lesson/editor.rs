//! The lesson editor's form as plain data, and the lesson link it makes: the
//! playground's setup with the chosen controls hidden, then `lesson=…`.

use super::goal::{Comparison, Goal, Metric};
use super::link::{self, Written};
use crate::control::Control;

/// What the editor's fields hold, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    pub title: String,
    pub text: String,
    /// A metric's key, or empty for no goal.
    pub metric: String,
    pub comparison: String,
    pub threshold: String,
    pub within: String,
    pub max_neurons: String,
    pub max_layers: String,
    /// One hint per line.
    pub hints: String,
    pub hidden: Vec<Control>,
}

/// A goal field that does not read: which field (its label's message id).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError(pub &'static str);

fn whole(v: &str, field: &'static str) -> Result<Option<u64>, FieldError> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u64>() {
        Ok(n) if n >= 1 || field != "editor-within" => Ok(Some(n)),
        _ => Err(FieldError(field)),
    }
}

impl Form {
    /// The form of an open lesson (to edit it), with the link's hidden controls.
    pub fn of(lesson: &super::Lesson) -> Form {
        let g = lesson.goal.as_ref();
        let opt = |v: Option<String>| v.unwrap_or_default();
        Form {
            title: lesson.title.clone(),
            text: lesson.text.clone(),
            metric: opt(g.map(|g| g.metric.key().to_string())),
            comparison: opt(g.map(|g| g.comparison.key().to_string())),
            threshold: opt(g.map(|g| format!("{}", g.threshold))),
            within: opt(g.and_then(|g| g.within).map(|n| n.to_string())),
            max_neurons: opt(g.and_then(|g| g.max_neurons).map(|n| n.to_string())),
            max_layers: opt(g.and_then(|g| g.max_layers).map(|n| n.to_string())),
            hints: lesson.hints.join("\n"),
            hidden: lesson.hidden.clone(),
        }
    }

    /// The goal the fields describe (None: no metric chosen).
    pub fn goal(&self) -> Result<Option<Goal>, FieldError> {
        let Some(metric) = Metric::from_key(&self.metric) else {
            return Ok(None);
        };
        let comparison = Comparison::from_key(&self.comparison).unwrap_or(Comparison::Below);
        let threshold = match metric {
            Metric::Diverged => 0.0,
            _ => self
                .threshold
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or(FieldError("editor-threshold"))?,
        };
        Ok(Some(Goal {
            metric,
            comparison,
            threshold,
            within: whole(&self.within, "editor-within")?,
            max_neurons: whole(&self.max_neurons, "editor-max-neurons")?.map(|n| n.min(100_000) as u32),
            max_layers: whole(&self.max_layers, "editor-max-layers")?.map(|n| n.min(1_000) as u32),
        }))
    }

    /// The lesson's own part (a goal field that does not read drops the goal).
    pub fn written(&self) -> Written {
        Written {
            title: self.title.trim().to_string(),
            text: self.text.clone(),
            goal: self.goal().ok().flatten(),
            hints: self
                .hints
                .lines()
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    /// The finished link (without '#'): `setup` with exactly the chosen
    /// controls hidden, then the lesson.
    pub fn link(&self, setup: &str) -> String {
        let mut c = crate::url::decode(&super::setup_part(setup)).config;
        for ctrl in Control::ALL {
            c.set_hidden(ctrl, self.hidden.contains(&ctrl));
        }
        format!(
            "{}&{}={}",
            crate::url::encode(&c),
            super::KEY,
            link::encode(&self.written())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_makes_a_link_that_opens_the_same_lesson() {
        let form = Form {
            title: " Bend it ".into(),
            text: "Use **one** layer.".into(),
            metric: "testacc".into(),
            comparison: "ge".into(),
            threshold: "90".into(),
            within: "200".into(),
            max_neurons: "4".into(),
            max_layers: "".into(),
            hints: "first\n\n  second \n".into(),
            hidden: vec![Control::LearningRate, Control::Features],
        };
        let link = form.link("data=xor&net=4&seed=9&opt_hide=1&lesson=xor");
        assert!(
            link.contains("lr_hide=1") && link.contains("in_hide=1") && !link.contains("opt_hide"),
            "{link}"
        );
        assert_eq!(link.matches("lesson=").count(), 1, "{link}");
        let (lesson, problems) = super::super::from_hash(&link).unwrap().unwrap();
        assert!(problems.is_empty());
        assert_eq!(lesson.title, "Bend it");
        assert_eq!(lesson.hints, vec!["first", "second"]);
        assert_eq!(lesson.hidden, vec![Control::LearningRate, Control::Features]);
        let g = lesson.goal.clone().unwrap();
        assert_eq!(
            (g.metric, g.threshold, g.within, g.max_neurons),
            (Metric::TestAccuracy, 90.0, Some(200), Some(4))
        );
        let again = Form::of(&lesson);
        assert_eq!(again.written(), form.written());
    }

    #[test]
    fn goal_fields_that_do_not_read_are_named() {
        let mut f = Form {
            metric: "testloss".into(),
            threshold: "abc".into(),
            ..Form::default()
        };
        assert_eq!(f.goal(), Err(FieldError("editor-threshold")));
        assert_eq!(f.written().goal, None);
        f.threshold = "0.1".into();
        f.within = "0".into();
        assert_eq!(f.goal(), Err(FieldError("editor-within")));
        f.within = "x".into();
        assert_eq!(f.goal(), Err(FieldError("editor-within")));
        f.within = String::new();
        f.max_layers = "-1".into();
        assert_eq!(f.goal(), Err(FieldError("editor-max-layers")));
        f.metric = String::new();
        assert_eq!(f.goal(), Ok(None));
    }
}
