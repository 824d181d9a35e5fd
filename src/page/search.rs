//! The search panel's side of the page model: the form, the pool of search
//! workers (one trial each at a time), the results and how they are sorted.
//! The glue spawns and ends workers and draws; every decision is here.

#[cfg(test)]
use super::{update, Config, Msg, PROTOCOL_VERSION};
use super::{Effect, Model, Part};
use crate::protocol::{FromWorker, ToWorker};
use crate::search::objective::Objective;
use crate::search::pruner::Pruner;
use crate::search::setting::Setting;
use crate::search::spec::{Checked, Field, SearchSpec, Strategy};
use crate::search::trial::{TrialOutcome, TrialState};
use crate::search::Run;

/// A search worker's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Spawned; waiting for its Ready.
    Starting,
    Idle,
    /// Running trial k.
    Busy(u32),
}

/// A column of the results table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Trial,
    /// The i-th varied setting.
    Setting(usize),
    Objective,
    TrainLoss,
    TestLoss,
    Metric,
    Epochs,
    Time,
    State,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SearchMsg {
    /// The Search button: show or hide the panel.
    Toggle,
    Strategy(Strategy),
    Trials(f64),
    Epochs(f64),
    Repeats(f64),
    Seed(f64),
    Workers(f64),
    /// None: the default for the data.
    Objective(Option<Objective>),
    Pruner(Pruner),
    Tick(Setting, bool),
    Text(Setting, String),
    Start {
        now: f64,
    },
    Stop,
    /// Search worker `w` said something.
    Worker {
        w: usize,
        message: FromWorker,
    },
    Crashed {
        w: usize,
        reason: String,
    },
    /// The clock, for the elapsed time (every tick while running).
    Clock {
        now: f64,
    },
    Sort(Column),
    /// Shows or hides trial k's curves in the overlay.
    Show(u32),
    /// Opens trial k in the playground.
    Open(u32),
    ApplyBest,
    Download {
        json: bool,
    },
    /// The browser's hardware concurrency (at start): the default and largest worker count.
    Cores(u32),
    /// Finished trials of this very search kept in the browser (`storage_key`), as saved.
    Restore(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchModel {
    pub open: bool,
    /// The search being set up (in the link once used).
    pub spec: Option<SearchSpec>,
    /// Workers wanted, 1 ..= `cores`.
    pub workers: u32,
    /// The browser's hardware concurrency.
    pub cores: u32,
    pub run: Option<Run>,
    pub running: bool,
    pub slots: Vec<Slot>,
    /// Trials whose worker crashed, to try once more.
    retry: Vec<u32>,
    /// ms: when the current stretch of running started, and the time run before it.
    pub started: f64,
    pub elapsed_before: f64,
    pub now: f64,
    /// Sorted by this column, descending when true.
    pub sort: (Column, bool),
    /// Trials whose curves are overlaid.
    pub shown: Vec<u32>,
    /// A line under the progress bar (restored trials, a stop).
    pub note: String,
}

impl Default for SearchModel {
    fn default() -> Self {
        Self {
            open: false,
            spec: None,
            workers: 2,
            cores: 2,
            run: None,
            running: false,
            slots: Vec::new(),
            retry: Vec::new(),
            started: 0.0,
            elapsed_before: 0.0,
            now: 0.0,
            sort: (Column::Trial, false),
            shown: Vec::new(),
            note: String::new(),
        }
    }
}

/// Saved trials start with this (a new layout gets a new version and old saves are ignored).
const SAVE_VERSION: &str = "nnplay-search-1:";

impl SearchModel {
    /// The spec shown in the form (the default until the user or a link sets one).
    pub fn form(&self) -> SearchSpec {
        self.spec.clone().unwrap_or_default()
    }

    /// Elapsed running time (ms).
    pub fn elapsed(&self) -> f64 {
        self.elapsed_before
            + if self.running {
                (self.now - self.started).max(0.0)
            } else {
                0.0
            }
    }

    /// "12/48" with the time so far and an estimate of what is left.
    pub fn progress(&self) -> (usize, usize, String) {
        let Some(r) = &self.run else {
            return (0, 0, String::new());
        };
        let (done, total) = (r.done(), r.total as usize);
        let secs = self.elapsed() / 1000.0;
        let mut text = format!("{done}/{total} trials · {secs:.1} s");
        if self.running && done > 0 && done < total {
            let left = secs / done as f64 * (total - done) as f64;
            text.push_str(&format!(" · about {left:.0} s left"));
        }
        (done, total, text)
    }

    /// Trial numbers in the table's order.
    pub fn sorted(&self) -> Vec<usize> {
        let Some(r) = &self.run else {
            return Vec::new();
        };
        let ks: Vec<usize> = (0..r.trials.len()).collect();
        let key = |k: &usize| -> f64 {
            let t = &r.trials[*k];
            let o = t.outcome.as_ref();
            let num = |f: fn(&TrialOutcome) -> f64| o.map_or(f64::NAN, f);
            match self.sort.0 {
                Column::Trial => *k as f64,
                Column::Setting(i) => match &t.values.get(i) {
                    Some(crate::search::setting::Value::Number(v)) => *v,
                    _ => r.trials[*k].x.get(i).copied().unwrap_or(0.0),
                },
                Column::Objective => o.map_or(f64::NAN, |o| r.cost(o)),
                Column::TrainLoss => num(|o| f64::from(o.train_loss)),
                Column::TestLoss => num(|o| f64::from(o.test_loss)),
                Column::Metric => num(|o| f64::from(o.test_metric)),
                Column::Epochs => num(|o| f64::from(o.epochs)),
                Column::Time => num(|o| o.wall_ms),
                Column::State => o.map_or(9.0, |o| o.state.clone() as u8 as f64),
            }
        };
        // Missing numbers sort last either way.
        let mut order: Vec<(f64, u32)> = ks
            .iter()
            .map(|k| (if self.sort.1 { -key(k) } else { key(k) }, *k as u32))
            .collect();
        crate::search::order::sort(&mut order);
        order.into_iter().map(|(_, k)| k as usize).collect()
    }

    /// The key finished trials are kept under in the browser: the base setup and the search.
    pub fn storage_key(r: &Run) -> String {
        let mut key = crate::url::encode(&r.base);
        r.spec.encode(&mut key);
        format!("nnplay-search:{key}")
    }

    /// The finished trials in order from trial 0 up to the first unfinished one, for the browser's storage.
    pub fn saved(r: &Run) -> String {
        let outcomes: Vec<&TrialOutcome> = r.trials.iter().map_while(|t| t.outcome.as_ref()).collect();
        let bytes = postcard::to_allocvec(&outcomes).unwrap_or_default();
        format!("{SAVE_VERSION}{}", crate::embed::pack(&bytes))
    }
}

impl Model {
    /// The link of the page: the setup, then the search if one is set up.
    pub fn link(&self) -> String {
        let mut s = crate::url::encode(&self.config);
        if let Some(spec) = &self.search.spec {
            spec.encode(&mut s);
        }
        s
    }

    /// The form's spec checked against the current setup.
    pub fn search_checked(&self) -> Checked {
        self.search.form().check(&self.config)
    }

    pub(super) fn search_msg(&mut self, msg: SearchMsg, fx: &mut Vec<Effect>) {
        let s = &mut self.search;
        let mut spec_changed = false;
        let mut edit = |s: &mut SearchModel, f: &dyn Fn(&mut SearchSpec)| {
            let mut spec = s.form();
            f(&mut spec);
            s.spec = Some(spec);
            spec_changed = true;
        };
        let whole = |v: f64| {
            if v.is_finite() && v >= 0.0 {
                v.min(f64::from(u32::MAX)) as u32
            } else {
                0
            }
        };
        match msg {
            SearchMsg::Toggle => {
                s.open = !s.open;
                if s.open && s.spec.is_none() {
                    s.spec = Some(SearchSpec::default());
                    spec_changed = true;
                }
            }
            SearchMsg::Strategy(v) => edit(s, &|p| p.strategy = v),
            SearchMsg::Trials(v) => edit(s, &|p| p.trials = whole(v)),
            SearchMsg::Epochs(v) => edit(s, &|p| p.epochs = whole(v)),
            SearchMsg::Repeats(v) => edit(s, &|p| p.repeats = whole(v)),
            SearchMsg::Seed(v) => edit(s, &|p| p.seed = whole(v)),
            SearchMsg::Objective(v) => edit(s, &|p| p.objective = v),
            SearchMsg::Pruner(v) => edit(s, &|p| p.pruner = v),
            SearchMsg::Tick(setting, on) => edit(s, &|p| p.tick(setting, on, None)),
            SearchMsg::Text(setting, ref text) => edit(s, &|p| p.set_text(setting, text.clone())),
            SearchMsg::Workers(v) => s.workers = (whole(v)).clamp(1, s.cores.max(1)),
            SearchMsg::Cores(n) => {
                s.cores = n.clamp(1, 64);
                s.workers = s.cores;
            }
            SearchMsg::Start { now } => self.start_search(now, fx),
            SearchMsg::Stop => {
                self.stop_search(fx);
                if let Some(r) = &self.search.run {
                    self.search.note = format!("Stopped: {} of {} trials finished and kept.", r.done(), r.total);
                }
            }
            SearchMsg::Worker { w, message } => self.search_worker_said(w, message, fx),
            SearchMsg::Crashed { w, reason } => self.search_worker_crashed(w, &reason, fx),
            SearchMsg::Clock { now } => s.now = now,
            SearchMsg::Sort(c) => {
                s.sort = if s.sort.0 == c { (c, !s.sort.1) } else { (c, false) };
            }
            SearchMsg::Show(k) => {
                if let Some(i) = s.shown.iter().position(|&j| j == k) {
                    s.shown.remove(i);
                } else {
                    s.shown.push(k);
                }
            }
            SearchMsg::Open(k) => self.open_trial(k as usize, fx),
            SearchMsg::ApplyBest => {
                if let Some(k) = self.search.run.as_ref().and_then(Run::best) {
                    self.open_trial(k, fx);
                }
            }
            SearchMsg::Download { json } => {
                if let Some(r) = &self.search.run {
                    let (name, text) = if json {
                        ("search.json", crate::search::export::json(r))
                    } else {
                        ("search.csv", crate::search::export::csv(r))
                    };
                    fx.push(Effect::Download {
                        name: name.into(),
                        text,
                    });
                }
            }
            SearchMsg::Restore(saved) => self.restore_search(&saved),
        }
        if spec_changed {
            fx.push(Effect::WriteHash(self.link()));
        }
        fx.push(Effect::Render(Part::Search));
    }

    /// Start search: continues the shown search if it is this one and unfinished, else a new one.
    fn start_search(&mut self, now: f64, fx: &mut Vec<Effect>) {
        let checked = self.search_checked();
        let Some(space) = checked.space else {
            return; // Start is disabled while a field has a problem
        };
        let spec = self.search.form();
        let s = &mut self.search;
        let same = s
            .run
            .as_ref()
            .is_some_and(|r| r.spec == spec && r.base == self.config && !r.is_complete());
        if !same {
            s.run = Some(Run::new(
                spec,
                space,
                self.config.clone(),
                checked.objective,
                checked.total,
            ));
            s.elapsed_before = 0.0;
            s.shown.clear();
        }
        s.running = true;
        s.started = now;
        s.now = now;
        s.note.clear();
        s.retry.clear();
        let n = s.workers.clamp(1, s.cores.max(1)) as usize;
        s.slots = vec![Slot::Starting; n];
        for w in 0..n {
            fx.push(Effect::SpawnSearchWorker(w));
        }
    }

    fn stop_search(&mut self, fx: &mut Vec<Effect>) {
        let s = &mut self.search;
        if s.running {
            s.elapsed_before = s.elapsed();
        }
        s.running = false;
        s.slots.clear();
        s.retry.clear();
        if let Some(r) = &mut s.run {
            // Trials handed out but not finished are dropped; a later Start runs them again.
            while r.trials.last().is_some_and(|t| t.outcome.is_none()) {
                r.trials.pop();
            }
            fx.push(Effect::SaveSearch {
                key: SearchModel::storage_key(r),
                value: SearchModel::saved(r),
            });
        }
        fx.push(Effect::EndSearchWorkers);
    }

    fn search_worker_said(&mut self, w: usize, message: FromWorker, fx: &mut Vec<Effect>) {
        if !self.search.running || w >= self.search.slots.len() {
            return;
        }
        match message {
            FromWorker::Ready { .. } => {
                if let (Some(source), true) = (&self.import.in_training, self.config.csv.is_some()) {
                    // Each worker reads the same bytes the playground trains on.
                    fx.push(Effect::SearchInspect {
                        w,
                        bytes: source.bytes.clone(),
                        options: source.options,
                    });
                }
                self.search.slots[w] = Slot::Idle;
            }
            FromWorker::TrialDone { outcome } => {
                self.search.slots[w] = Slot::Idle;
                if let Some(r) = &mut self.search.run {
                    r.finish(outcome);
                    fx.push(Effect::SaveSearch {
                        key: SearchModel::storage_key(r),
                        value: SearchModel::saved(r),
                    });
                }
            }
            _ => return,
        }
        self.fill_workers(fx);
    }

    /// Hands trials to idle workers; ends the search when every trial is back.
    fn fill_workers(&mut self, fx: &mut Vec<Effect>) {
        let s = &mut self.search;
        let Some(r) = &mut s.run else { return };
        for w in 0..s.slots.len() {
            if s.slots[w] != Slot::Idle {
                continue;
            }
            let job = match s.retry.pop() {
                Some(k) => r.job(k as usize),
                None => r.next_job(),
            };
            if let Some(job) = job {
                s.slots[w] = Slot::Busy(job.k);
                fx.push(Effect::PostSearch {
                    w,
                    message: ToWorker::Trial { job },
                });
            }
        }
        if r.is_complete() {
            let best = r.best().map(|k| k + 1);
            s.note = match best {
                Some(_) => String::new(),
                None => "No trial ran to the end: see each trial's state.".into(),
            };
            self.stop_search(fx);
        }
    }

    fn search_worker_crashed(&mut self, w: usize, reason: &str, fx: &mut Vec<Effect>) {
        let s = &mut self.search;
        if !s.running || w >= s.slots.len() {
            return;
        }
        if let (Slot::Busy(k), Some(r)) = (s.slots[w], &mut s.run) {
            if r.trials[k as usize].tries < 2 {
                s.retry.push(k);
            } else {
                r.finish(TrialOutcome::failed(k, format!("its worker crashed twice ({reason})")));
            }
        }
        s.slots[w] = Slot::Starting;
        fx.push(Effect::SpawnSearchWorker(w));
        self.fill_workers(fx);
    }

    /// Makes trial k's setup the playground's (its first repeat's seed): Play replays it.
    fn open_trial(&mut self, k: usize, fx: &mut Vec<Effect>) {
        let Some(c) = self.search.run.as_ref().and_then(|r| r.trial_config(k)) else {
            return;
        };
        if c != self.config {
            self.apply(c, false, fx);
        }
    }

    /// A link's search: shown in an open panel, with its trials kept in this browser if any.
    pub(super) fn open_search_link(&mut self, spec: Option<SearchSpec>, fx: &mut Vec<Effect>) {
        if spec.is_none() || spec == self.search.spec {
            return;
        }
        if self.search.running {
            self.stop_search(fx);
        }
        self.search.spec = spec;
        self.search.open = true;
        self.search.run = None;
        fx.push(Effect::WriteHash(self.link()));
        let checked = self.search_checked();
        if let Some(space) = checked.space {
            let r = Run::new(
                self.search.form(),
                space,
                self.config.clone(),
                checked.objective,
                checked.total,
            );
            fx.push(Effect::LoadSearch {
                key: SearchModel::storage_key(&r),
            });
        }
        fx.push(Effect::Render(Part::Search));
    }

    /// Restores finished trials kept in the browser for the search in the link.
    fn restore_search(&mut self, saved: &str) {
        let Some(bytes) = saved
            .strip_prefix(SAVE_VERSION)
            .and_then(|b| crate::embed::unpack(b).ok())
        else {
            return;
        };
        let Ok(outcomes) = postcard::from_bytes::<Vec<TrialOutcome>>(&bytes) else {
            return;
        };
        let checked = self.search_checked();
        let Some(space) = checked.space else { return };
        let mut r = Run::new(
            self.search.form(),
            space,
            self.config.clone(),
            checked.objective,
            checked.total,
        );
        for o in outcomes {
            // Trials are drawn in order, each from the ones before: the same draws as when they ran.
            match r.next_job() {
                Some(job) if job.k == o.k => r.finish(o),
                _ => break,
            }
        }
        while r.trials.last().is_some_and(|t| t.outcome.is_none()) {
            r.trials.pop();
        }
        if r.done() > 0 {
            self.search.note = format!(
                "{} finished trials of this search were kept in this browser{}",
                r.done(),
                if r.is_complete() {
                    "."
                } else {
                    ": Start search goes on from there."
                }
            );
            self.search.run = Some(r);
        }
    }

    /// The problem shown beside a field of the form.
    pub fn search_problem(&self, field: Field) -> Option<String> {
        self.search_checked()
            .problems
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }

    /// Whether a search trial failed or diverged, for the table's state column.
    pub fn trial_state(o: &TrialOutcome) -> &'static str {
        if o.state == TrialState::Done {
            "done"
        } else {
            o.state.label()
        }
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
