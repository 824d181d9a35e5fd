//! A search as a user sets it up: strategy, budget, objective, pruner, seed and
//! the ticked settings with their values as typed. It travels in links
//! (`search=<strategy>&s_trials=…&s_lr=…`), and `check` names every problem
//! beside its field.

use super::objective::Objective;
use super::pruner::Pruner;
use super::setting::Setting;
use super::space::{Space, MAX_GRID};
use crate::config::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Every combination (ranges split into `GRID_POINTS`), in an order shuffled by the seed.
    Grid,
    /// Independent uniform draws (log-uniform on log ranges).
    Random,
    /// The tree-structured Parzen estimator after random start-up trials.
    Bayesian,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [Self::Grid, Self::Random, Self::Bayesian];

    pub fn key(self) -> &'static str {
        match self {
            Self::Grid => "grid",
            Self::Random => "random",
            Self::Bayesian => "bayes",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("strategy", self.key())
    }
}

/// Limits of the numeric fields (inclusive).
pub const TRIALS: (u32, u32) = (1, 2000);
pub const EPOCHS: (u32, u32) = (1, 100_000);
pub const REPEATS: (u32, u32) = (1, 20);

#[derive(Clone, Debug, PartialEq)]
pub struct SearchSpec {
    pub strategy: Strategy,
    /// Trials of a random or Bayesian search (a grid has as many as combinations).
    pub trials: u32,
    pub epochs: u32,
    pub repeats: u32,
    /// None: validation loss with a validation share, else test loss.
    pub objective: Option<Objective>,
    pub pruner: Pruner,
    pub seed: u32,
    /// Ticked settings with their values as typed, in `Setting::ALL` order.
    pub settings: Vec<(Setting, String)>,
}

impl Default for SearchSpec {
    fn default() -> Self {
        Self {
            strategy: Strategy::Grid,
            trials: 30,
            epochs: 200,
            repeats: 1,
            objective: None,
            pruner: Pruner::None,
            seed: 1,
            settings: [Setting::LearningRate, Setting::BatchSize, Setting::Dropout]
                .map(|s| (s, s.default_text().to_string()))
                .to_vec(),
        }
    }
}

/// Where a problem is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Strategy,
    Trials,
    Epochs,
    Repeats,
    Objective,
    Setting(Setting),
}

/// A checked spec: the space and trial count when every field is fine, and the problems.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub space: Option<Space>,
    pub total: u64,
    pub objective: Objective,
    pub problems: Vec<(Field, String)>,
}

impl Checked {
    /// The first problem of `field`, shown beside it.
    pub fn problem(&self, field: Field) -> Option<&str> {
        self.problems.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

impl SearchSpec {
    pub fn text(&self, s: Setting) -> Option<&str> {
        self.settings.iter().find(|(t, _)| *t == s).map(|(_, v)| v.as_str())
    }

    /// Ticks (with its default values, or the ones typed before) or unticks a setting.
    pub fn tick(&mut self, s: Setting, on: bool, text: Option<String>) {
        self.settings.retain(|(t, _)| *t != s);
        if on {
            let text = text.unwrap_or_else(|| s.default_text().to_string());
            self.settings.push((s, text));
            let mut order: Vec<(f64, u32)> = self
                .settings
                .iter()
                .enumerate()
                .map(|(i, (t, _))| (*t as u8 as f64, i as u32))
                .collect();
            super::order::sort(&mut order);
            let old = std::mem::take(&mut self.settings);
            self.settings = order.iter().map(|&(_, i)| old[i as usize].clone()).collect();
        }
    }

    pub fn set_text(&mut self, s: Setting, text: String) {
        if let Some(entry) = self.settings.iter_mut().find(|(t, _)| *t == s) {
            entry.1 = text;
        }
    }

    /// The objective in use for the base setup.
    pub fn objective_for(&self, base: &Config) -> Objective {
        self.objective.unwrap_or(if has_validation(base) {
            Objective::ValidationLoss
        } else {
            Objective::TestLoss
        })
    }

    /// Every problem, beside its field; the space when there is none.
    pub fn check(&self, base: &Config) -> Checked {
        let mut problems = Vec::new();
        let mut dims = Vec::new();
        for (s, text) in &self.settings {
            match s.parse(text) {
                Ok(v) => dims.push((*s, v)),
                Err(e) => problems.push((Field::Setting(*s), e)),
            }
        }
        let ticked = |s| self.text(s).is_some();
        if ticked(Setting::Shape) && (ticked(Setting::HiddenLayers) || ticked(Setting::Neurons)) {
            problems.push((Field::Setting(Setting::Shape), crate::t!("bad-shape-and-layers")));
        }
        if ticked(Setting::Features) && base.csv.is_some() {
            problems.push((Field::Setting(Setting::Features), crate::t!("bad-features-csv")));
        }
        if self.settings.is_empty() {
            problems.push((Field::Strategy, crate::t!("bad-no-setting")));
        }
        let (lo, hi) = TRIALS;
        if !(lo..=hi).contains(&self.trials) && self.strategy != Strategy::Grid {
            problems.push((
                Field::Trials,
                crate::t!(
                    "bad-trials",
                    n = self.trials.to_string(),
                    lo = lo.to_string(),
                    hi = hi.to_string()
                ),
            ));
        }
        let (lo, hi) = EPOCHS;
        if !(lo..=hi).contains(&self.epochs) {
            problems.push((
                Field::Epochs,
                crate::t!(
                    "bad-epochs",
                    n = self.epochs.to_string(),
                    lo = lo.to_string(),
                    hi = hi.to_string()
                ),
            ));
        }
        let (lo, hi) = REPEATS;
        if !(lo..=hi).contains(&self.repeats) {
            problems.push((
                Field::Repeats,
                crate::t!(
                    "bad-repeats",
                    n = self.repeats.to_string(),
                    lo = lo.to_string(),
                    hi = hi.to_string()
                ),
            ));
        }
        let objective = self.objective_for(base);
        if let Some(why) = objective.unfit(base.classes() > 0, has_validation(base)) {
            problems.push((Field::Objective, format!("{} {why}", objective.label())));
        }
        let space = Space { dims };
        let total = match self.strategy {
            Strategy::Grid => space.grid_size(),
            _ => u64::from(self.trials),
        };
        if self.strategy == Strategy::Grid && total > MAX_GRID {
            problems.push((
                Field::Strategy,
                crate::t!("bad-grid", total = total.to_string(), max = MAX_GRID.to_string()),
            ));
        }
        Checked {
            space: problems.is_empty().then_some(space),
            total,
            objective,
            problems,
        }
    }

    /// The link keys, after the setup's: `&search=grid&s_trials=30&…&s_lr=0.01,0.1`.
    pub fn encode(&self, out: &mut String) {
        let mut pair = |k: &str, v: &str| {
            out.push('&');
            out.push_str(k);
            out.push('=');
            out.extend(form_urlencoded::byte_serialize(v.as_bytes()));
        };
        pair("search", self.strategy.key());
        pair("s_trials", &self.trials.to_string());
        pair("s_epochs", &self.epochs.to_string());
        pair("s_repeats", &self.repeats.to_string());
        if let Some(o) = self.objective {
            pair("s_obj", o.key());
        }
        if self.pruner != Pruner::None {
            pair("s_prune", self.pruner.key());
        }
        pair("s_seed", &self.seed.to_string());
        for (s, text) in &self.settings {
            // Spaces only help reading; links stay short without them.
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            pair(&format!("s_{}", s.key()), &compact);
        }
    }

    /// The search of a link's `search` and `s_*` pairs (None without `search`);
    /// unknown keys and values are returned as (key, reason).
    pub fn decode(pairs: &[(String, String)]) -> (Option<SearchSpec>, Vec<(String, String)>) {
        let mut bad = Vec::new();
        let Some((_, strategy)) = pairs.iter().find(|(k, _)| k == "search") else {
            return (None, bad);
        };
        let mut spec = SearchSpec {
            settings: Vec::new(),
            ..SearchSpec::default()
        };
        match Strategy::from_key(strategy) {
            Some(s) => spec.strategy = s,
            None => bad.push(("search".into(), "expected grid, random or bayes; using grid".into())),
        }
        let num = |v: &str, lo: u32, hi: u32| v.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n));
        for (k, v) in pairs.iter().filter(|(k, _)| k != "search") {
            let key = k.strip_prefix("s_").unwrap_or(k);
            let ok = match key {
                "trials" => num(v, TRIALS.0, TRIALS.1).map(|n| spec.trials = n).is_some(),
                "epochs" => num(v, EPOCHS.0, EPOCHS.1).map(|n| spec.epochs = n).is_some(),
                "repeats" => num(v, REPEATS.0, REPEATS.1).map(|n| spec.repeats = n).is_some(),
                "seed" => num(v, 0, u32::MAX).map(|n| spec.seed = n).is_some(),
                "obj" => Objective::from_key(v).map(|o| spec.objective = Some(o)).is_some(),
                "prune" => Pruner::from_key(v).map(|p| spec.pruner = p).is_some(),
                _ => match Setting::from_key(key) {
                    // The values stay as typed: a wrong one is shown beside its field.
                    Some(s) => {
                        spec.tick(s, true, Some(v.replace(',', ", ").replace('|', " | ")));
                        true
                    }
                    None => false,
                },
            };
            if !ok {
                bad.push((k.clone(), "not a search setting or value; ignored".into()));
            }
        }
        (Some(spec), bad)
    }
}

fn has_validation(c: &Config) -> bool {
    match &c.csv {
        Some(s) => s.mapping.validation_percent > 0,
        None => c.validation > 0,
    }
}
