//! Export → Optuna: the page's search as an Optuna study around the PyTorch
//! training (`pytorch.rs`'s preamble and library, embedded): the same settings
//! and ranges (log scale where the search uses one), the sampler of the
//! search's strategy (grid, random, TPE with the search's defaults), the
//! pruner of its early stopping of poor trials (median rule, successive
//! halving) at the same check epochs, the same objective and direction, the
//! trial count and epochs; `--storage` (an RDB URL, SQLite by default) and
//! `--study-name` let many processes or machines share one study.

use super::pytorch::{preamble, py_str, ExportError, Options, Script, LIBRARY};
use crate::search::pruner::Pruner;
use crate::search::setting::{Kind, Setting, Values};
use crate::search::spec::{SearchSpec, Strategy};
use crate::search::Domain;
use crate::trainer::Trainer;
use std::fmt::Write as _;

const MAIN: &str = include_str!("optuna_main.py");

/// Why there is no study to write.
#[derive(Clone, Debug, PartialEq)]
pub enum OptunaError {
    /// The link has no search (`search=…`).
    NoSearch,
    /// The search's fields have problems (each in words).
    BadSearch(Vec<String>),
    Export(ExportError),
}

impl std::fmt::Display for OptunaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoSearch => f.write_str(&crate::t!("torch-no-search")),
            Self::BadSearch(p) => f.write_str(&p.join("; ")),
            Self::Export(e) => e.fmt(f),
        }
    }
}

/// The search of a link (its `search` and `s_*` pairs).
pub fn search_of(link: &str) -> Option<SearchSpec> {
    SearchSpec::decode(&crate::search::panel::search_pairs(link)).0
}

fn value_text(setting: Setting, v: f64) -> String {
    match setting.kind() {
        Kind::Number { int: true, .. } => format!("{}", v.round() as i64),
        _ => format!("{v:?}"),
    }
}

/// SPACE (one entry per Optuna parameter) and GRID (the grid's values of each).
fn space_text(spec: &SearchSpec, space: &crate::search::space::Space) -> (String, String) {
    let domains = space.domains();
    let axes = space.grid_axes();
    let mut d = 0;
    let (mut entries, mut grid) = (Vec::new(), Vec::new());
    for (setting, values) in &space.dims {
        let key = setting.key();
        let strs = |v: &[&str]| v.iter().map(|k| py_str(k)).collect::<Vec<_>>().join(", ");
        match values {
            Values::Keys(keys) if *setting == Setting::Features => {
                for k in keys {
                    let name = format!("in_{k}");
                    entries.push(format!(
                        "    {{\"name\": {}, \"setting\": \"in\", \"feature\": {}, \"type\": \"categorical\", \"choices\": [False, True]}},",
                        py_str(&name),
                        py_str(k)
                    ));
                    grid.push(format!("    {}: [False, True],", py_str(&name)));
                    d += 1;
                }
                continue;
            }
            Values::Keys(keys) => {
                entries.push(format!(
                    "    {{\"name\": \"{key}\", \"setting\": \"{key}\", \"type\": \"categorical\", \"choices\": [{}]}},",
                    strs(keys)
                ));
                grid.push(format!("    \"{key}\": [{}],", strs(keys)));
            }
            Values::Shapes(shapes) => {
                let texts: Vec<String> = shapes
                    .iter()
                    .map(|s| py_str(&s.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",")))
                    .collect();
                entries.push(format!(
                    "    {{\"name\": \"{key}\", \"setting\": \"{key}\", \"type\": \"categorical\", \"choices\": [{}]}},",
                    texts.join(", ")
                ));
                grid.push(format!("    \"{key}\": [{}],", texts.join(", ")));
            }
            Values::Numbers(v) => {
                let texts: Vec<String> = v.iter().map(|&x| value_text(*setting, x)).collect();
                entries.push(format!(
                    "    {{\"name\": \"{key}\", \"setting\": \"{key}\", \"type\": \"categorical\", \"choices\": [{}]}},",
                    texts.join(", ")
                ));
                grid.push(format!("    \"{key}\": [{}],", texts.join(", ")));
            }
            Values::Range(..) => {
                let (kind, lo, hi, log) = match domains[d] {
                    Domain::Int { lo, hi, log } => ("int", lo.to_string(), hi.to_string(), log),
                    Domain::Real { lo, hi, log } => ("float", format!("{lo:?}"), format!("{hi:?}"), log),
                    Domain::Choice { .. } => unreachable!("a range is a number domain"),
                };
                entries.push(format!(
                    "    {{\"name\": \"{key}\", \"setting\": \"{key}\", \"type\": \"{kind}\", \"low\": {lo}, \"high\": {hi}, \"log\": {}}},",
                    if log { "True" } else { "False" }
                ));
                let texts: Vec<String> = axes[d].iter().map(|&x| value_text(*setting, x)).collect();
                grid.push(format!("    \"{key}\": [{}],", texts.join(", ")));
            }
        }
        d += 1;
    }
    let _ = spec;
    (
        format!("SPACE = [\n{}\n]\n", entries.join("\n")),
        format!("GRID = {{\n{}\n}}\n", grid.join("\n")),
    )
}

/// The Optuna script of the search in `link` around the trainer's setup.
pub fn optuna(t: &Trainer, link: &str, opts: &Options) -> Result<Script, OptunaError> {
    let spec = search_of(link).ok_or(OptunaError::NoSearch)?;
    let base = t.config();
    let checked = spec.check(base);
    let space = checked
        .space
        .as_ref()
        .ok_or_else(|| OptunaError::BadSearch(checked.problems.iter().map(|(_, m)| m.clone()).collect()))?;
    let (head, data) = preamble(t, link, opts).map_err(OptunaError::Export)?;
    let (space_py, grid_py) = space_text(&spec, space);
    let objective = checked.objective;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n# The search (its part of the link: {}).",
        py_str(&crate::search::panel::search_part(link))
    );
    let _ = writeln!(
        s,
        "STRATEGY = {}  # grid, random or bayes (TPE)",
        py_str(spec.strategy.key())
    );
    let _ = writeln!(
        s,
        "TRIALS = {}  # in the whole study, over every process",
        checked.total
    );
    let _ = writeln!(s, "TRIAL_EPOCHS = {}", spec.epochs);
    let _ = writeln!(
        s,
        "REPEATS = {}  # seeds seed, seed + 1, …; the objective is their mean",
        spec.repeats
    );
    let _ = writeln!(s, "SEARCH_SEED = {}", spec.seed);
    let _ = writeln!(
        s,
        "OBJECTIVE = {}  # val: validation loss, test: test loss, acc: test accuracy, f1: test macro F1, r2: test R²",
        py_str(objective.key())
    );
    let _ = writeln!(
        s,
        "DIRECTION = {}",
        py_str(if objective.maximise() { "maximize" } else { "minimize" })
    );
    let _ = writeln!(s, "PRUNER = {}  # none, median or halving", py_str(spec.pruner.key()));
    let checks: Vec<String> = spec.pruner.checks(spec.epochs).iter().map(|e| e.to_string()).collect();
    let _ = writeln!(
        s,
        "CHECKS = [{}]  # the epochs at which a trial reports to the pruner",
        checks.join(", ")
    );
    s.push_str(&space_py);
    s.push_str(&grid_py);
    let name = format!("{}-optuna.py", opts.stem);
    let study = format!("nnplay-{}-{}", spec.strategy.key(), spec.seed);
    let _ = writeln!(s, "STUDY_NAME = {}", py_str(&study));
    let sampler = match spec.strategy {
        Strategy::Grid => "GridSampler over GRID (ranges split into 5 points)",
        Strategy::Random => "RandomSampler",
        Strategy::Bayesian => "TPESampler (10 random start-up trials, 24 candidates, constant liar)",
    };
    let pruner = match spec.pruner {
        Pruner::None => "no pruning",
        Pruner::Median => "MedianPruner (from 5 finished trials, at every tenth of the epochs)",
        Pruner::Halving => "SuccessiveHalvingPruner (reduction factor 3, rungs at 1/27, 1/9, 1/3 of the epochs)",
    };
    let doc = format!(
        "\"\"\"nnplay's search as an Optuna study: {sampler}, {pruner}, {dir} the {obj}.\n\
         Each trial trains the playground's setup with the trial's settings in PyTorch\n\
         (fresh weights of the setup's scheme) for {epochs} epochs.\n\n\
         \x20   python {name}                                    # one process, SQLite storage\n\
         \x20   python {name} --seed 2 &                         # more processes share the study\n\
         \x20   python {name} --storage postgresql://host/db     # or any RDB URL: many machines\n\n\
         Needs torch and optuna (pip install torch optuna).{csv}\n\"\"\"\n",
        dir = if objective.maximise() {
            "maximising"
        } else {
            "minimising"
        },
        obj = objective.key(),
        epochs = spec.epochs,
        csv = data
            .as_ref()
            .map(|(f, _)| format!(" Reads its data from {f} next to it."))
            .unwrap_or_default(),
    );
    Ok(Script {
        text: format!("#!/usr/bin/env python3\n{doc}\n{head}{s}{LIBRARY}{MAIN}"),
        name,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ToWorker;

    fn trainer(link: &str) -> Trainer {
        let mut t = Trainer::new(crate::config::Config::default());
        t.handle(ToWorker::Configure {
            hash: link.into(),
            run: 0,
        });
        t
    }

    #[test]
    fn a_bayesian_search_becomes_a_tpe_study_with_its_space_and_pruner() {
        let link = "#data=circle&seed=1&net=4,2&search=bayes&s_trials=40&s_epochs=270&s_prune=halving&s_seed=7\
                    &s_lr=0.001..0.1&s_batch=1..30&s_net=4|8,8&s_drop=0,0.2&s_in=x1sq,sinx1&s_opt=sgd,adam";
        let t = trainer(link);
        let s = optuna(&t, link, &Options::default()).unwrap();
        assert_eq!(s.name, "nnplay-run-optuna.py");
        for want in [
            "STRATEGY = \"bayes\"",
            "TRIALS = 40",
            "TRIAL_EPOCHS = 270",
            "SEARCH_SEED = 7",
            "OBJECTIVE = \"test\"",
            "DIRECTION = \"minimize\"",
            "PRUNER = \"halving\"",
            "CHECKS = [10, 30, 90]",
            "{\"name\": \"lr\", \"setting\": \"lr\", \"type\": \"float\", \"low\": 0.001, \"high\": 0.1, \"log\": True},",
            "{\"name\": \"batch\", \"setting\": \"batch\", \"type\": \"int\", \"low\": 1, \"high\": 30, \"log\": True},",
            "{\"name\": \"net\", \"setting\": \"net\", \"type\": \"categorical\", \"choices\": [\"4\", \"8,8\"]},",
            "{\"name\": \"drop\", \"setting\": \"drop\", \"type\": \"categorical\", \"choices\": [0.0, 0.2]},",
            "{\"name\": \"in_sinx1\", \"setting\": \"in\", \"feature\": \"sinx1\", \"type\": \"categorical\", \"choices\": [False, True]},",
            "{\"name\": \"opt\", \"setting\": \"opt\", \"type\": \"categorical\", \"choices\": [\"sgd\", \"adam\"]},",
            // The grid's values of a log range: 5 points from lo to hi; of an integer range, rounded.
            "\"lr\": [0.001, 0.0031622776601683794, 0.01, 0.03162277660168379, 0.1],",
            "\"batch\": [1, 2, 5, 13, 30],",

            "TPESampler(n_startup_trials=10, n_ei_candidates=24, seed=seed, constant_liar=True)",
            "SuccessiveHalvingPruner(",
            "load_if_exists=True",
        ] {
            assert!(s.text.contains(want), "missing {want}");
        }
        crate::export::pytorch::tests::compiles("study.py", &s.text);
    }

    #[test]
    fn a_grid_counts_its_combinations_and_a_metric_is_maximised() {
        let link = "#data=xor&seed=2&search=grid&s_epochs=30&s_obj=acc&s_lr=0.01,0.03,0.1&s_act=tanh,relu";
        let s = optuna(&trainer(link), link, &Options::default()).unwrap();
        for want in [
            "STRATEGY = \"grid\"",
            "TRIALS = 6",
            "DIRECTION = \"maximize\"",
            "PRUNER = \"none\"",
            "CHECKS = []",
        ] {
            assert!(s.text.contains(want), "missing {want}");
        }
        assert!(s.text.contains("\"lr\": [0.01, 0.03, 0.1],"));
    }

    #[test]
    fn without_a_search_or_with_a_broken_one_there_is_no_study() {
        let t = trainer("data=circle");
        assert_eq!(
            optuna(&t, "#data=circle", &Options::default()),
            Err(OptunaError::NoSearch)
        );
        let bad = "#data=circle&search=random&s_lr=5..1";
        match optuna(&t, bad, &Options::default()) {
            Err(OptunaError::BadSearch(p)) => assert!(!p.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}
