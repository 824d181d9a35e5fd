//! From a `Table` to training data: the user's column mapping, missing
//! values, one-hot encoding, outlier clipping, scaling and the
//! train / validation / test split. Everything that is fitted (means,
//! medians, scales) is fitted on the training rows only, so nothing leaks
//! from the test data into training.

use crate::import_error::ImportError;
use crate::rng::{Rng, Stream};
use crate::table::{Column, ColumnKind, Table, MISSING_CODE};

/// The multi-class limit: more distinct target values than this are not classes.
pub const MAX_CLASSES: usize = 8;
/// A categorical feature with more levels than this is refused for one-hot encoding.
pub const ONE_HOT_MAX: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    Regression,
    Classification,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    DropRows,
    Mean,
    Median,
    MostFrequent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scaling {
    None,
    /// z = (x − mean) / std
    Standard,
    /// x ↦ −1 + 2 (x − min) / (max − min), so [min, max] becomes [−1, 1] (tanh's range).
    MinMax,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// Feature column indices, in the order the network sees them.
    pub features: Vec<usize>,
    pub target: usize,
    pub task: Task,
    pub missing: Missing,
    pub scaling: Scaling,
    /// Clip numeric features at mean ± k·std (fitted on training rows).
    pub clip_sigma: Option<f32>,
    pub train_percent: u32,
    pub validation_percent: u32,
    pub seed: u32,
}

/// The task a target column suggests: text or a few whole numbers are classes.
pub fn suggest_task(c: &Column) -> Task {
    match c.kind {
        ColumnKind::Numeric => {
            let s = c.summary();
            let whole = c.values.iter().filter(|v| v.is_finite()).all(|v| v.fract() == 0.0);
            if whole && s.distinct <= MAX_CLASSES {
                Task::Classification
            } else {
                Task::Regression
            }
        }
        _ => Task::Classification,
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
}

/// x' = (x − offset) · scale, per feature; y likewise for regression.
#[derive(Clone, Debug, PartialEq)]
pub struct Affine {
    pub offset: f32,
    pub scale: f32,
}

impl Affine {
    pub const IDENTITY: Affine = Affine {
        offset: 0.0,
        scale: 1.0,
    };
    pub fn apply(&self, v: f32) -> f32 {
        (v - self.offset) * self.scale
    }
    pub fn invert(&self, v: f32) -> f32 {
        v / self.scale + self.offset
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// After one-hot encoding: "city=Paris".
    pub feature_names: Vec<String>,
    pub task: Task,
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
    let (row, value) = c.first_not_number.clone().unwrap_or((0, String::new()));
    ImportError::NotANumber {
        row,
        column: c.name.clone(),
        value,
    }
}

pub fn prepare(table: &Table, m: &Mapping) -> Result<Prepared, ImportError> {
    let col = |i: usize| {
        table.columns.get(i).ok_or(ImportError::NoSuchColumn {
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
    // Header row offset: file row of data row r.
    let file_row = |r: usize| r + 1 + usize::from(table.has_header);

    // Features: numeric, or categorical for one-hot.
    let mut sources = Vec::new();
    let mut feature_names = Vec::new();
    for &f in &m.features {
        let c = col(f)?;
        match c.kind {
            ColumnKind::Empty => return Err(ImportError::EmptyColumn { column: c.name.clone() }),
            ColumnKind::Numeric if c.not_numbers > 0 => return Err(first_not_number(c)),
            ColumnKind::Numeric => {
                feature_names.push(c.name.clone());
                sources.push(Source::Numeric(c));
            }
            ColumnKind::Categorical => {
                if c.levels.len() > ONE_HOT_MAX {
                    return Err(ImportError::TooManyLevels {
                        column: c.name.clone(),
                        distinct: c.levels.len(),
                        limit: ONE_HOT_MAX,
                    });
                }
                feature_names.extend(c.levels.iter().map(|l| format!("{}={l}", c.name)));
                sources.push(Source::OneHot(c));
            }
        }
    }

    // Target: class index per row, or a number; None where missing.
    let (labels, classes): (Vec<Option<f32>>, Vec<String>) = match (m.task, target.kind) {
        (_, ColumnKind::Empty) => {
            return Err(ImportError::EmptyColumn {
                column: target.name.clone(),
            })
        }
        (Task::Regression, ColumnKind::Numeric) if target.not_numbers > 0 => return Err(first_not_number(target)),
        (Task::Regression, ColumnKind::Numeric) => (
            target.values.iter().map(|v| v.is_finite().then_some(*v)).collect(),
            Vec::new(),
        ),
        (Task::Regression, ColumnKind::Categorical) => {
            let (row, value) = target
                .codes
                .iter()
                .enumerate()
                .find(|(_, &c)| c != MISSING_CODE)
                .map(|(r, &c)| (file_row(r), target.levels[c as usize].clone()))
                .unwrap_or_default();
            return Err(ImportError::NotANumber {
                row,
                column: target.name.clone(),
                value,
            });
        }
        (Task::Classification, ColumnKind::Numeric) => {
            let mut distinct: Vec<f32> = target.values.iter().copied().filter(|v| v.is_finite()).collect();
            distinct.sort_by(f32::total_cmp);
            distinct.dedup();
            if distinct.len() > MAX_CLASSES {
                return Err(ImportError::TooManyClasses {
                    column: target.name.clone(),
                    distinct: target.summary().distinct,
                    limit: MAX_CLASSES,
                });
            }
            let labels = target
                .values
                .iter()
                .map(|v| {
                    v.is_finite()
                        .then(|| distinct.iter().position(|d| d == v).unwrap_or(0) as f32)
                })
                .collect();
            (labels, distinct.iter().map(|d| d.to_string()).collect())
        }
        (Task::Classification, ColumnKind::Categorical) => {
            if target.levels.len() > MAX_CLASSES {
                return Err(ImportError::TooManyClasses {
                    column: target.name.clone(),
                    distinct: target.levels.len(),
                    limit: MAX_CLASSES,
                });
            }
            (
                target
                    .codes
                    .iter()
                    .map(|&c| (c != MISSING_CODE).then_some(c as f32))
                    .collect(),
                target.levels.clone(),
            )
        }
    };
    if m.task == Task::Classification && classes.len() < 2 {
        return Err(ImportError::TooFewClasses {
            column: target.name.clone(),
        });
    }

    let mut report = Report::default();
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
        Task::Regression => fit(
            train.y.iter().copied(),
            if m.scaling == Scaling::None {
                Scaling::None
            } else {
                Scaling::Standard
            },
        ),
        Task::Classification => Affine::IDENTITY,
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

fn mean_std(values: impl Iterator<Item = f32>) -> (f32, f32) {
    let (mut n, mut sum, mut sq) = (0usize, 0.0f64, 0.0f64);
    for v in values {
        n += 1;
        sum += f64::from(v);
        sq += f64::from(v) * f64::from(v);
    }
    if n == 0 {
        return (0.0, 1.0);
    }
    let mean = sum / n as f64;
    let var = (sq / n as f64 - mean * mean).max(0.0);
    (mean as f32, var.sqrt() as f32)
}

/// The affine map of `scaling`, fitted on `values` (training rows).
fn fit(values: impl Iterator<Item = f32> + Clone, scaling: Scaling) -> Affine {
    match scaling {
        Scaling::None => Affine::IDENTITY,
        Scaling::Standard => {
            let (mean, std) = mean_std(values);
            Affine {
                offset: mean,
                scale: if std > 0.0 { 1.0 / std } else { 1.0 },
            }
        }
        Scaling::MinMax => {
            let (lo, hi) = values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
            if hi > lo {
                Affine {
                    offset: (lo + hi) / 2.0,
                    scale: 2.0 / (hi - lo),
                }
            } else {
                Affine { offset: lo, scale: 1.0 }
            }
        }
    }
}

fn fill_value(v: &mut [f32], strategy: Missing) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    match strategy {
        Missing::Mean | Missing::DropRows => v.iter().map(|&x| f64::from(x)).sum::<f64>() as f32 / v.len() as f32,
        Missing::Median => {
            v.sort_by(f32::total_cmp);
            let n = v.len();
            if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]) / 2.0
            }
        }
        Missing::MostFrequent => {
            v.sort_by(f32::total_cmp);
            let mut best = (v[0], 0usize);
            let mut run = (v[0], 0usize);
            for &x in v.iter() {
                run = if x == run.0 { (x, run.1 + 1) } else { (x, 1) };
                if run.1 > best.1 {
                    best = run;
                }
            }
            best.0
        }
    }
}

fn most_frequent_code(c: &Column, rows: &[usize]) -> u32 {
    let mut counts = vec![0usize; c.levels.len()];
    for &r in rows {
        if let Some(n) = counts.get_mut(c.codes[r] as usize) {
            *n += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))
        .map_or(0, |(k, _)| k as u32)
}

/// Shuffled with the seed; for classification each class is split in the same proportions.
fn split_rows(rows: &[usize], labels: &[Option<f32>], m: &Mapping) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let mut rng = Rng::new(m.seed, Stream::Shuffle);
    let groups: Vec<Vec<usize>> = match m.task {
        Task::Regression => vec![rows.to_vec()],
        Task::Classification => {
            let k = rows.iter().filter_map(|&r| labels[r]).fold(0.0f32, f32::max) as usize + 1;
            let mut g = vec![Vec::new(); k];
            for &r in rows {
                g[labels[r].unwrap_or(0.0) as usize].push(r);
            }
            g
        }
    };
    let (mut train, mut val, mut test) = (Vec::new(), Vec::new(), Vec::new());
    for mut g in groups {
        rng.shuffle(&mut g);
        let n_train = (g.len() * m.train_percent as usize).div_ceil(100);
        let n_val = g.len() * m.validation_percent as usize / 100;
        let n_val = n_val.min(g.len() - n_train);
        test.extend_from_slice(&g[n_train + n_val..]);
        val.extend_from_slice(&g[n_train..n_train + n_val]);
        train.extend_from_slice(&g[..n_train]);
    }
    rng.shuffle(&mut train);
    rng.shuffle(&mut val);
    rng.shuffle(&mut test);
    (train, val, test)
}

#[cfg(test)]
mod tests;
