//! From a `Table` to training data: the user's column mapping, missing
//! values, one-hot encoding, outlier clipping, scaling and the
//! train / validation / test split. Everything that is fitted (means,
//! medians, scales) is fitted on the training rows only, so nothing leaks
//! from the test data into training.

use crate::dataset::Problem;
use crate::import_error::ImportError;
use crate::table::{Column, ColumnKind, Table, MISSING_CODE};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

mod fit;
mod fitted;
mod split;
mod target;
pub use fit::Affine;
use fit::{fill_value, fit, mean_std, most_frequent_code};
pub use fitted::{fitted, Fitted};
use split::split_rows;

/// The multi-class limit: more distinct target values than this are not classes.
pub const MAX_CLASSES: usize = 16;
/// A categorical feature with more levels than this is refused for one-hot encoding.
pub const ONE_HOT_MAX: usize = 50;

/// What to do with a stray value: a cell of a numeric column that is not a number ("forty").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strays {
    /// The cell counts as missing (then "Missing values" applies); the report names it.
    #[default]
    Missing,
    /// The mapping cannot be used until the file is fixed.
    Stop,
}

impl Strays {
    /// The import panel's order; the first is the default.
    pub const ALL: [Strays; 2] = [Self::Missing, Self::Stop];

    /// The URL key (`csvstray=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Stop => "stop",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("strays", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == s)
    }
}

/// What to do with a missing feature value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    DropRows,
    Mean,
    Median,
    MostFrequent,
}

impl Missing {
    /// The import panel's order; the first is the default.
    pub const ALL: [Missing; 4] = [Self::Mean, Self::Median, Self::MostFrequent, Self::DropRows];

    /// The URL key (`csvmissing=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::DropRows => "drop",
            Self::Mean => "mean",
            Self::Median => "median",
            Self::MostFrequent => "mode",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("missing", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == s)
    }
}

/// How numeric features are scaled (fitted on the training rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scaling {
    None,
    /// z = (x − mean) / std
    Standard,
    /// x ↦ −1 + 2 (x − min) / (max − min), so [min, max] becomes [−1, 1] (tanh's range).
    MinMax,
}

impl Scaling {
    /// The import panel's order; the first is the default.
    pub const ALL: [Scaling; 3] = [Self::Standard, Self::MinMax, Self::None];

    /// The URL key (`csvscale=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Standard => "standard",
            Self::MinMax => "minmax",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("scaling", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// Feature column indices, in the order the network sees them.
    pub features: Vec<usize>,
    pub target: usize,
    pub task: Problem,
    pub missing: Missing,
    pub scaling: Scaling,
    /// Clip numeric features at mean ± k·std (fitted on training rows).
    pub clip_sigma: Option<f32>,
    pub train_percent: u32,
    pub validation_percent: u32,
    pub seed: u32,
    pub strays: Strays,
    /// Columns read as another type than detected (column, kind).
    pub kinds: Vec<(usize, ColumnKind)>,
}

/// The task a target column suggests: text or a few whole numbers are classes.
pub fn suggest_task(c: &Column) -> Problem {
    match c.kind {
        ColumnKind::Numeric => {
            let s = c.summary();
            let whole = c.values.iter().filter(|v| v.is_finite()).all(|v| v.fract() == 0.0);
            if whole && s.distinct <= MAX_CLASSES {
                Problem::Classification
            } else {
                Problem::Regression
            }
        }
        _ => Problem::Classification,
    }
}

/// One split: x (n, n_features) row-major, y (n): class index or (scaled) value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    /// File row of each sample (1-based, as in error messages).
    pub rows: Vec<usize>,
}

impl Split {
    pub fn len(&self) -> usize {
        self.y.len()
    }
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }
}

/// What cleaning did, for the user to see.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub dropped_missing_target: usize,
    pub dropped_missing_features: usize,
    /// (column, cells filled in)
    pub imputed: Vec<(String, usize)>,
    pub clipped: usize,
    /// Stray values treated as missing, per column.
    pub strays: Vec<StrayValues>,
}

/// A column's stray values (text in a numeric column) that were treated as missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrayValues {
    pub column: String,
    pub count: usize,
    /// The first few as (file row, text).
    pub first: Vec<(usize, String)>,
}

impl StrayValues {
    fn of(c: &Column) -> Self {
        Self {
            column: c.name.clone(),
            count: c.not_numbers,
            first: c.strays.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// After one-hot encoding: "city=Paris".
    pub feature_names: Vec<String>,
    pub task: Problem,
    /// Class names (classification), index = label.
    pub classes: Vec<String>,
    pub train: Split,
    pub validation: Split,
    pub test: Split,
    pub feature_scaling: Vec<Affine>,
    pub target_scaling: Affine,
    pub report: Report,
}

impl Prepared {
    pub fn n_features(&self) -> usize {
        self.feature_names.len()
    }
}

/// One feature column's contribution: a number, or one-hot over levels.
enum Source<'a> {
    Numeric(&'a Column),
    OneHot(&'a Column),
}

fn first_not_number(c: &Column) -> ImportError {
    let (row, value) = c.strays.first().cloned().unwrap_or((0, String::new()));
    ImportError::NotANumber {
        row,
        column: c.name.clone(),
        value,
    }
}

/// The table's columns as the mapping reads them (switched types applied).
pub fn columns<'t>(table: &'t Table, m: &Mapping) -> Vec<Cow<'t, Column>> {
    let file_row = |r: usize| table.file_row(r);
    table
        .columns
        .iter()
        .enumerate()
        .map(|(k, c)| match m.kinds.iter().find(|(i, _)| *i == k) {
            Some(&(_, kind)) if kind != c.kind => Cow::Owned(c.as_kind(kind, table.delimiter == b';', file_row)),
            _ => Cow::Borrowed(c),
        })
        .collect()
}

pub fn prepare(table: &Table, m: &Mapping) -> Result<Prepared, ImportError> {
    let columns = columns(table, m);
    let col = |i: usize| {
        columns.get(i).map(|c| &**c).ok_or(ImportError::NoSuchColumn {
            name: format!("#{}", i + 1),
        })
    };
    if m.features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    let target = col(m.target)?;
    if m.features.contains(&m.target) {
        return Err(ImportError::TargetIsFeature {
            column: target.name.clone(),
        });
    }
    if m.train_percent + m.validation_percent >= 100 || m.train_percent == 0 {
        return Err(ImportError::BadSplit {
            train: m.train_percent,
            validation: m.validation_percent,
        });
    }
    let file_row = |r: usize| table.file_row(r);
    let mut report = Report::default();

    // Features: numeric, or categorical for one-hot. Every column that blocks
    // the mapping is listed at once.
    let mut sources = Vec::new();
    let mut feature_names = Vec::new();
    let mut blockers = Vec::new();
    for &f in &m.features {
        let c = col(f)?;
        match c.kind {
            ColumnKind::Empty => blockers.push(ImportError::EmptyColumn { column: c.name.clone() }),
            ColumnKind::Numeric if c.not_numbers > 0 && m.strays == Strays::Stop => blockers.push(first_not_number(c)),
            ColumnKind::Numeric => {
                if c.not_numbers > 0 {
                    report.strays.push(StrayValues::of(c));
                }
                feature_names.push(c.name.clone());
                sources.push(Source::Numeric(c));
            }
            ColumnKind::Categorical if c.levels.len() > ONE_HOT_MAX => blockers.push(ImportError::TooManyLevels {
                column: c.name.clone(),
                distinct: c.levels.len(),
                limit: ONE_HOT_MAX,
            }),
            ColumnKind::Categorical => {
                feature_names.extend(c.levels.iter().map(|l| format!("{}={l}", c.name)));
                sources.push(Source::OneHot(c));
            }
        }
    }

    // Target: class index per row, or a number; None where missing.
    let labelled = target::labels(target, m.task, m.strays, file_row).and_then(|l| {
        if m.task == Problem::Classification && l.1.len() < 2 {
            Err(ImportError::TooFewClasses {
                column: target.name.clone(),
            })
        } else {
            Ok(l)
        }
    });
    let (labels, classes) = match labelled {
        Ok(l) if blockers.is_empty() => l,
        Ok(_) => return Err(ImportError::all(blockers)),
        Err(e) => {
            blockers.insert(0, e);
            return Err(ImportError::all(blockers));
        }
    };
    if target.kind == ColumnKind::Numeric && target.not_numbers > 0 {
        report.strays.push(StrayValues::of(target));
    }

    let rows: Vec<usize> = (0..table.rows).filter(|&r| labels[r].is_some()).collect();
    report.dropped_missing_target = table.rows - rows.len();

    let feature_missing = |r: usize| {
        sources.iter().any(|s| match s {
            Source::Numeric(c) => !c.values[r].is_finite(),
            Source::OneHot(c) => c.codes[r] == MISSING_CODE,
        })
    };
    let rows: Vec<usize> = if m.missing == Missing::DropRows {
        let kept: Vec<usize> = rows.iter().copied().filter(|&r| !feature_missing(r)).collect();
        report.dropped_missing_features = rows.len() - kept.len();
        kept
    } else {
        rows
    };
    if rows.is_empty() {
        return Err(ImportError::NoRowsLeft {
            dropped: report.dropped_missing_target + report.dropped_missing_features,
        });
    }

    // Split, stratified by class for classification.
    let (train_rows, val_rows, test_rows) = split_rows(&rows, &labels, m);

    // Fill-in values fitted on training rows.
    let fills: Vec<f32> = sources
        .iter()
        .map(|s| match s {
            Source::Numeric(c) => {
                let mut v: Vec<f32> = train_rows
                    .iter()
                    .map(|&r| c.values[r])
                    .filter(|v| v.is_finite())
                    .collect();
                fill_value(&mut v, m.missing)
            }
            Source::OneHot(c) => most_frequent_code(c, &train_rows) as f32,
        })
        .collect();
    if m.missing != Missing::DropRows {
        for (s, _) in sources.iter().zip(&fills) {
            let (name, n) = match s {
                Source::Numeric(c) => (&c.name, rows.iter().filter(|&&r| !c.values[r].is_finite()).count()),
                Source::OneHot(c) => (&c.name, rows.iter().filter(|&&r| c.codes[r] == MISSING_CODE).count()),
            };
            if n > 0 {
                report.imputed.push((name.clone(), n));
            }
        }
    }

    let n_features = feature_names.len();
    let build = |rows: &[usize]| -> Split {
        let mut x = Vec::with_capacity(rows.len() * n_features);
        for &r in rows {
            for (s, &fill) in sources.iter().zip(&fills) {
                match s {
                    Source::Numeric(c) => {
                        let v = c.values[r];
                        x.push(if v.is_finite() { v } else { fill });
                    }
                    Source::OneHot(c) => {
                        let code = if c.codes[r] == MISSING_CODE {
                            fill as u32
                        } else {
                            c.codes[r]
                        };
                        x.extend((0..c.levels.len()).map(|k| if k as u32 == code { 1.0 } else { 0.0 }));
                    }
                }
            }
        }
        let y = rows.iter().map(|&r| labels[r].unwrap_or(0.0)).collect();
        Split {
            x,
            y,
            rows: rows.iter().map(|&r| file_row(r)).collect(),
        }
    };
    let (mut train, mut validation, mut test) = (build(&train_rows), build(&val_rows), build(&test_rows));

    // Numeric feature positions in x (one-hot columns stay 0/1).
    let numeric: Vec<bool> = sources
        .iter()
        .flat_map(|s| match s {
            Source::Numeric(_) => vec![true],
            Source::OneHot(c) => vec![false; c.levels.len()],
        })
        .collect();

    if let Some(k) = m.clip_sigma {
        for (j, _) in numeric.iter().enumerate().filter(|(_, &n)| n) {
            let (mean, std) = mean_std(train.x.iter().skip(j).step_by(n_features).copied());
            let (lo, hi) = (mean - k * std, mean + k * std);
            for s in [&mut train, &mut validation, &mut test] {
                for v in s.x.iter_mut().skip(j).step_by(n_features) {
                    if *v < lo || *v > hi {
                        *v = v.clamp(lo, hi);
                        report.clipped += 1;
                    }
                }
            }
        }
    }

    let feature_scaling: Vec<Affine> = (0..n_features)
        .map(|j| {
            if numeric[j] {
                fit(train.x.iter().skip(j).step_by(n_features).copied(), m.scaling)
            } else {
                Affine::IDENTITY
            }
        })
        .collect();
    for s in [&mut train, &mut validation, &mut test] {
        for row in s.x.chunks_exact_mut(n_features) {
            for (v, a) in row.iter_mut().zip(&feature_scaling) {
                *v = a.apply(*v);
            }
        }
    }
    let target_scaling = match m.task {
        Problem::Regression => fit(
            train.y.iter().copied(),
            if m.scaling == Scaling::None {
                Scaling::None
            } else {
                Scaling::Standard
            },
        ),
        Problem::Classification => Affine::IDENTITY,
    };
    for s in [&mut train, &mut validation, &mut test] {
        s.y.iter_mut().for_each(|v| *v = target_scaling.apply(*v));
    }

    Ok(Prepared {
        feature_names,
        task: m.task,
        classes,
        train,
        validation,
        test,
        feature_scaling,
        target_scaling,
        report,
    })
}

/// Per network input, what `prepare` fitted besides the scaling: the value a
/// missing cell became (a one-hot column: 1 for the most frequent level, else
/// 0) and the clipping bounds in the file's units (None: not clipped). Derived
/// again from the table, the mapping and the training rows of `p` (in their
/// order, so the sums are the same), for model files and code exports; the
/// worker's `prepare` does not keep them.
pub type Fills = (Vec<f32>, Vec<Option<(f32, f32)>>);

pub fn fills_and_clips(table: &Table, m: &Mapping, p: &Prepared) -> Option<Fills> {
    // Per mapped column (`fitted`), spread over the network's inputs: a
    // category's fill-in is its most frequent level, one-hot; its inputs are not clipped.
    let f = fitted::fitted(table, m, p).ok()?;
    let columns = columns(table, m);
    let (mut fills, mut clips) = (Vec::new(), Vec::new());
    for (&col, &fill) in m.features.iter().zip(&f.fills) {
        let c = columns.get(col)?;
        if c.kind == ColumnKind::Categorical {
            fills.extend((0..c.levels.len()).map(|k| if k as f32 == fill { 1.0 } else { 0.0 }));
            clips.extend((0..c.levels.len()).map(|_| None));
        } else {
            clips.push(f.clips.as_ref().and_then(|cl| cl.get(fills.len()).copied()));
            fills.push(fill);
        }
    }
    (fills.len() == p.n_features()).then_some((fills, clips))
}

#[cfg(test)]
mod tests;
