//! The search panel's model: the form, the pool of search workers (one trial
//! each at a time), the results and how they are sorted. It runs in its own
//! wasm module, loaded when Search is first opened, so the page's first load
//! stays small; the playground's setup reaches it through the link, and a
//! trial reaches the playground the same way. The glue (`web::search`)
//! spawns and ends workers, stores and draws; every decision is here.

use super::objective::Objective;
use super::pruner::Pruner;
use super::setting::Setting;
use super::spec::{Checked, SearchSpec, Strategy};
use super::trial::TrialOutcome;
use super::Run;
use crate::config::Config;
use crate::protocol::{FromWorker, ToWorker};

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

/// What the glue does after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Starts search worker `w` (ending the one in its place, if any).
    SpawnWorker(usize),
    Post {
        w: usize,
        message: ToWorker,
    },
    /// Hands the playground's imported file to search worker `w`.
    Inspect(usize),
    EndWorkers,
    /// Keeps a search's finished trials in the browser (localStorage).
    Save {
        key: String,
        value: String,
    },
    /// Reads a search's kept trials; the glue answers with `SearchMsg::Restore`.
    Load {
        key: String,
    },
    /// Puts the search's part of the link (`&search=…`) after the setup's.
    WriteLink(String),
    /// Makes this setup (a link without the search) the playground's.
    OpenSetup(String),
    Download {
        name: String,
        text: String,
    },
    Render,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SearchMsg {
    /// The module started on a page with this link (with or without a search).
    Start {
        hash: String,
    },
    /// The Search button: show or hide the panel.
    Toggle,
    /// The page's language changed: draw everything again.
    Relabel,
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
    /// "Start search".
    Begin {
        now: f64,
    },
    Stop,
    /// Search worker `w` said something.
    Worker {
        w: usize,
        message: FromWorker,
        /// When it arrived (ms): a search's time ends with its last trial, not at a clock tick.
        now: f64,
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
    /// Trials came back since the browser's copy was last written (it is
    /// written on the clock, not per trial: the page's thread stays free).
    unsaved: bool,
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
            unsaved: false,
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
        let mut text = crate::t!(
            "search-progress",
            done = done.to_string(),
            total = total.to_string(),
            secs = format!("{secs:.1}")
        );
        if self.running && done > 0 && done < total {
            let left = secs / done as f64 * (total - done) as f64;
            text.push_str(&crate::t!("search-left", left = format!("{left:.0}")));
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
                    Some(super::setting::Value::Number(v)) => *v,
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
        super::order::sort(&mut order);
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

/// The results table's header cells: (sort key, label).
fn columns(r: &Run) -> Vec<(String, String)> {
    let mut cols: Vec<(String, String)> = vec![("trial".into(), crate::t!("col-trial"))];
    cols.extend(
        r.space
            .dims
            .iter()
            .enumerate()
            .map(|(i, (s, _))| (format!("s{i}"), s.label())),
    );
    let metric = if r.base.classes() > 0 {
        "metric-acc"
    } else {
        "metric-r2"
    };
    for k in ["objective", "train", "test", "metric", "epochs", "time", "state"] {
        let label = if k == "metric" {
            metric.to_string()
        } else {
            format!("col-{k}")
        };
        cols.push((k.into(), crate::t!(&label)));
    }
    cols
}

/// The sort key of a header cell's `data-col`.
pub fn column_of(key: &str) -> Option<Column> {
    Some(match key {
        "trial" => Column::Trial,
        "objective" => Column::Objective,
        "train" => Column::TrainLoss,
        "test" => Column::TestLoss,
        "metric" => Column::Metric,
        "epochs" => Column::Epochs,
        "time" => Column::Time,
        "state" => Column::State,
        _ => Column::Setting(key.strip_prefix('s')?.parse().ok()?),
    })
}

impl SearchModel {
    /// The results table as markup (header row cells, body rows); every text is escaped.
    pub fn table_html(&self) -> (String, String) {
        use super::charts::escape;
        use std::fmt::Write;
        let Some(r) = &self.run else {
            return (String::new(), String::new());
        };
        let mut head = String::new();
        for (key, label) in columns(r) {
            let sort = match (column_of(&key) == Some(self.sort.0), self.sort.1) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            let _ = write!(
                head,
                "<th scope=\"col\" aria-sort=\"{sort}\"><button type=\"button\" class=\"sort\" data-col=\"{key}\">{}</button></th>",
                escape(&label)
            );
        }
        let _ = write!(head, "<th scope=\"col\">{}</th>", escape(&crate::t!("open")));
        let (open, show, open_trial) = (crate::t!("open"), crate::t!("show-trial"), crate::t!("open-trial"));
        let best = r.best();
        let num = |v: f64| {
            if v.is_finite() {
                crate::page::fmt_number(v as f32, 4)
            } else {
                "–".into()
            }
        };
        let mut body = String::new();
        for k in self.sorted() {
            let t = &r.trials[k];
            let _ = write!(
                body,
                "<tr data-testid=\"trial-{k}\"{}><td><input type=\"checkbox\" data-show=\"{k}\" \
                 aria-label=\"{} {k}\"{}> {k}</td>",
                if best == Some(k) { " class=\"best\"" } else { "" },
                escape(&show),
                if self.shown.contains(&(k as u32)) {
                    " checked"
                } else {
                    ""
                }
            );
            for v in &t.values {
                let _ = write!(body, "<td>{}</td>", escape(&v.text()));
            }
            match &t.outcome {
                Some(o) => {
                    let objective = if o.spread > 0.0 {
                        format!("{} ± {}", num(o.objective), num(o.spread))
                    } else {
                        num(o.objective)
                    };
                    for cell in [
                        objective,
                        num(f64::from(o.train_loss)),
                        num(f64::from(o.test_loss)),
                        num(f64::from(o.test_metric)),
                        o.epochs.to_string(),
                        format!("{:.0}", o.wall_ms),
                    ] {
                        let _ = write!(body, "<td>{cell}</td>");
                    }
                    if o.message.is_empty() {
                        let _ = write!(body, "<td>{}</td>", escape(&o.state.label()));
                    } else {
                        let _ = write!(
                            body,
                            "<td class=\"state-message\">{}: {}</td>",
                            escape(&o.state.label()),
                            escape(&o.message)
                        );
                    }
                }
                None => {
                    body.push_str("<td></td><td></td><td></td><td></td><td></td><td></td><td>");
                    body.push_str(&escape(&crate::t!("running")));
                    body.push_str("</td>");
                }
            }
            // (Not "… in the playground": a name with "play" in it would compete with Play.)
            let _ = write!(
                body,
                "<td><button type=\"button\" class=\"secondary small-button\" data-open=\"{k}\" \
                 aria-label=\"{} {k}\">{}</button></td></tr>",
                escape(&open_trial),
                escape(&open)
            );
        }
        (head, body)
    }
}

/// The search's part of a link: `&search=…&s_…` (empty without a search).
pub fn link_part(spec: Option<&SearchSpec>) -> String {
    let mut s = String::new();
    if let Some(spec) = spec {
        spec.encode(&mut s);
    }
    s
}

/// Whether a link's key belongs to the search (`search`, `s_*`): the
/// playground's decoder leaves these to the panel.
pub fn is_search_key(k: &str) -> bool {
    k == "search" || k.starts_with("s_")
}

/// The `search` and `s_*` pairs of a link.
pub fn search_pairs(hash: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(hash.trim_start_matches('#').as_bytes())
        .filter(|(k, _)| is_search_key(k))
        .take(64)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A link as written, split into the setup's part and the search's part
/// (`&search=…&s_…`, empty without a search).
fn split_link(hash: &str) -> (String, String) {
    let (mut setup, mut search) = (Vec::new(), String::new());
    for pair in hash.trim_start_matches('#').split('&') {
        // The lesson rides with the search's part: kept when the page rewrites its setup.
        let key = pair.split('=').next().unwrap_or("");
        if is_search_key(key) || key == crate::lesson::KEY {
            search.push('&');
            search.push_str(pair);
        } else {
            setup.push(pair);
        }
    }
    (setup.join("&"), search)
}

/// The search's part of a link as written there (`&search=…&s_…`, empty without).
pub fn search_part(hash: &str) -> String {
    split_link(hash).1
}

/// A link without its search part.
pub fn setup_part(hash: &str) -> String {
    split_link(hash).0
}

/// The link `hash` with its search pairs replaced by `part` (`link_part`'s):
/// the setup and a lesson's pair stay.
pub fn with_search_part(hash: &str, part: &str) -> String {
    let (setup, rest) = split_link(hash);
    let lesson: String = rest
        .split('&')
        .filter(|p| p.split('=').next() == Some(crate::lesson::KEY))
        .map(|p| format!("&{p}"))
        .collect();
    format!("#{setup}{lesson}{part}")
}

impl SearchModel {
    /// The form's spec checked against the playground's setup.
    pub fn checked(&self, base: &Config) -> Checked {
        self.form().check(base)
    }
}

/// Changes the panel for one message, `base` being the playground's setup now;
/// returns what the glue must do.
pub fn update(s: &mut SearchModel, msg: SearchMsg, base: &Config) -> Vec<Effect> {
    let mut fx = Vec::new();
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
        SearchMsg::Start { hash } => {
            let (spec, _) = SearchSpec::decode(&search_pairs(&hash));
            s.open = true;
            if spec.is_some() {
                s.spec = spec;
                if let Some(space) = s.checked(base).space {
                    let checked = s.checked(base);
                    let r = Run::new(s.form(), space, base.clone(), checked.objective, checked.total);
                    fx.push(Effect::Load {
                        key: SearchModel::storage_key(&r),
                    });
                }
            } else {
                s.spec = Some(SearchSpec::default());
            }
            spec_changed = true;
        }
        SearchMsg::Toggle => s.open = !s.open,
        SearchMsg::Strategy(v) => edit(s, &|p| p.strategy = v),
        SearchMsg::Trials(v) => edit(s, &|p| p.trials = whole(v)),
        SearchMsg::Epochs(v) => edit(s, &|p| p.epochs = whole(v)),
        SearchMsg::Repeats(v) => edit(s, &|p| p.repeats = whole(v)),
        SearchMsg::Seed(v) => edit(s, &|p| p.seed = whole(v)),
        SearchMsg::Objective(v) => edit(s, &|p| p.objective = v),
        SearchMsg::Pruner(v) => edit(s, &|p| p.pruner = v),
        SearchMsg::Tick(setting, on) => edit(s, &|p| p.tick(setting, on, None)),
        SearchMsg::Text(setting, ref text) => edit(s, &|p| p.set_text(setting, text.clone())),
        SearchMsg::Workers(v) => s.workers = whole(v).clamp(1, s.cores.max(1)),
        SearchMsg::Cores(n) => {
            s.cores = n.clamp(1, 64);
            s.workers = s.cores;
        }
        SearchMsg::Begin { now } => start(s, base, now, &mut fx),
        SearchMsg::Stop => {
            stop(s, &mut fx);
            if let Some(r) = &s.run {
                s.note = crate::t!(
                    "search-stopped",
                    done = r.done().to_string(),
                    total = r.total.to_string()
                );
            }
        }
        SearchMsg::Worker { w, message, now } => {
            s.now = s.now.max(now);
            worker_said(s, base, w, message, &mut fx)
        }
        SearchMsg::Crashed { w, reason } => crashed(s, w, &reason, &mut fx),
        SearchMsg::Relabel => fx.push(Effect::Render),
        SearchMsg::Clock { now } => {
            s.now = now;
            if let (true, Some(r)) = (std::mem::take(&mut s.unsaved), &s.run) {
                fx.push(Effect::Save {
                    key: SearchModel::storage_key(r),
                    value: SearchModel::saved(r),
                });
            }
        }
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
        SearchMsg::Open(k) => open_trial(s, k as usize, &mut fx),
        SearchMsg::ApplyBest => {
            if let Some(k) = s.run.as_ref().and_then(Run::best) {
                open_trial(s, k, &mut fx);
            }
        }
        SearchMsg::Download { json } => {
            if let Some(r) = &s.run {
                let (name, text) = if json {
                    ("search.json", super::export::json(r))
                } else {
                    ("search.csv", super::export::csv(r))
                };
                fx.push(Effect::Download {
                    name: name.into(),
                    text,
                });
            }
        }
        SearchMsg::Restore(saved) => restore(s, base, &saved),
    }
    if spec_changed {
        fx.push(Effect::WriteLink(link_part(s.spec.as_ref())));
    }
    fx.push(Effect::Render);
    fx
}

/// Start search: goes on with the shown search if it is this one and unfinished, else starts a new one.
fn start(s: &mut SearchModel, base: &Config, now: f64, fx: &mut Vec<Effect>) {
    let checked = s.checked(base);
    let Some(space) = checked.space else {
        return; // Start is disabled while a field has a problem
    };
    let spec = s.form();
    let same = s
        .run
        .as_ref()
        .is_some_and(|r| r.spec == spec && r.base == *base && !r.is_complete());
    if !same {
        s.run = Some(Run::new(spec, space, base.clone(), checked.objective, checked.total));
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
        fx.push(Effect::SpawnWorker(w));
    }
}

fn stop(s: &mut SearchModel, fx: &mut Vec<Effect>) {
    if s.running {
        s.elapsed_before = s.elapsed();
    }
    s.running = false;
    s.slots.clear();
    s.retry.clear();
    s.unsaved = false;
    if let Some(r) = &mut s.run {
        // Trials handed out but not finished are dropped; a later Start runs them again.
        while r.trials.last().is_some_and(|t| t.outcome.is_none()) {
            r.trials.pop();
        }
        fx.push(Effect::Save {
            key: SearchModel::storage_key(r),
            value: SearchModel::saved(r),
        });
    }
    fx.push(Effect::EndWorkers);
}

fn worker_said(s: &mut SearchModel, base: &Config, w: usize, message: FromWorker, fx: &mut Vec<Effect>) {
    if !s.running || w >= s.slots.len() {
        return;
    }
    match message {
        FromWorker::Ready { .. } => {
            if base.csv.is_some() {
                // Each worker reads the same bytes the playground trains on.
                fx.push(Effect::Inspect(w));
            }
            s.slots[w] = Slot::Idle;
        }
        FromWorker::TrialDone { outcome } => {
            s.slots[w] = Slot::Idle;
            if let Some(r) = &mut s.run {
                r.finish(outcome);
                s.unsaved = true;
            }
        }
        _ => return,
    }
    fill(s, fx);
}

/// Hands trials to idle workers; ends the search when every trial is back.
fn fill(s: &mut SearchModel, fx: &mut Vec<Effect>) {
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
            fx.push(Effect::Post {
                w,
                message: ToWorker::Trial { job },
            });
        }
    }
    if r.is_complete() {
        s.note = if r.best().is_some() {
            String::new()
        } else {
            crate::t!("search-none-finished")
        };
        stop(s, fx);
    }
}

fn crashed(s: &mut SearchModel, w: usize, reason: &str, fx: &mut Vec<Effect>) {
    if !s.running || w >= s.slots.len() {
        return;
    }
    if let (Slot::Busy(k), Some(r)) = (s.slots[w], &mut s.run) {
        if r.trials[k as usize].tries < 2 {
            s.retry.push(k);
        } else {
            r.finish(TrialOutcome::failed(k, crate::t!("search-crashed", reason = reason)));
        }
    }
    s.slots[w] = Slot::Starting;
    fx.push(Effect::SpawnWorker(w));
    fill(s, fx);
}

/// Makes trial k's setup the playground's (its first repeat's seed): Play replays it.
fn open_trial(s: &SearchModel, k: usize, fx: &mut Vec<Effect>) {
    if let Some(c) = s.run.as_ref().and_then(|r| r.trial_config(k)) {
        fx.push(Effect::OpenSetup(crate::url::encode(&c)));
    }
}

/// Restores finished trials kept in the browser for the search in the link.
fn restore(s: &mut SearchModel, base: &Config, saved: &str) {
    let Some(bytes) = saved
        .strip_prefix(SAVE_VERSION)
        .and_then(|b| crate::embed::unpack(b).ok())
    else {
        return;
    };
    let Ok(outcomes) = postcard::from_bytes::<Vec<TrialOutcome>>(&bytes) else {
        return;
    };
    let checked = s.checked(base);
    let Some(space) = checked.space else { return };
    let mut r = Run::new(s.form(), space, base.clone(), checked.objective, checked.total);
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
        s.note = crate::t!(
            if r.is_complete() {
                "search-kept"
            } else {
                "search-kept-more"
            },
            n = r.done().to_string()
        );
        s.run = Some(r);
    }
}

#[cfg(test)]
#[path = "panel_tests.rs"]
mod tests;
