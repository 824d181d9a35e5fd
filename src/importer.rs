//! The worker's side of importing a CSV: reads the bytes into a `Table`
//! (kept until the next import), describes it for the page, and checks a
//! column mapping by running the whole preparation. Nothing here touches
//! the current dataset or run, so a failed import loses nothing.

use crate::config::limits;
use crate::dataset::Problem;
use crate::import_error::ImportError;
use crate::prep::{prepare, suggest_task, Mapping, Missing, Prepared, Scaling, StrayValues, Strays};
use crate::table::{ColumnKind, ReadOptions, Table};
use serde::{Deserialize, Serialize};

/// Levels listed per column in the description.
const LEVELS_SHOWN: usize = 12;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnInfo {
    pub name: String,
    pub kind: ColumnKind,
    pub min: f32,
    pub max: f32,
    pub mean: f32,
    pub missing: u32,
    pub distinct: u32,
    /// Up to `LEVELS_SHOWN` (level, rows) of a categorical column.
    pub levels: Vec<(String, u32)>,
    /// What the column suggests when used as the target.
    pub suggested_task: Problem,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableInfo {
    /// The delimiter found (or chosen): b',', b';' or b'\t'.
    pub delimiter: u8,
    pub has_header: bool,
    pub rows: u32,
    pub columns: Vec<ColumnInfo>,
    pub preview: Vec<Vec<String>>,
    /// The proposed target (`propose`) and why, in one line.
    pub suggested_target: u32,
    pub target_why: String,
    /// The column that identifies rows (`propose::identifier`), proposed to name them in downloads.
    #[serde(default)]
    pub identifier: Option<u32>,
    /// Columns left out of the features by default, with the reason.
    pub left_out: Vec<(u32, String)>,
    /// Leading lines left out before the table.
    pub skipped: u32,
}

impl TableInfo {
    /// The proposed target, within the columns.
    pub fn proposed_target(&self) -> usize {
        (self.suggested_target as usize).min(self.columns.len().saturating_sub(1))
    }

    /// Whether column k is a feature of the proposed mapping: not the target, not
    /// empty and not left out (`left_out`).
    pub fn proposed_feature(&self, k: usize) -> bool {
        k != self.proposed_target()
            && self.columns.get(k).is_some_and(|c| c.kind != ColumnKind::Empty)
            && !self.left_out.iter().any(|l| l.0 as usize == k)
    }

    /// The proposed mapping as a request (as "Train on this data" sends it
    /// untouched), split with `seed`.
    pub fn proposed_request(&self, seed: u32) -> MappingRequest {
        let target = self.proposed_target();
        let features = (0..self.columns.len())
            .filter(|&k| self.proposed_feature(k))
            .map(|k| k as u32)
            .collect();
        let task = self
            .columns
            .get(target)
            .map_or(Problem::Classification, |c| c.suggested_task);
        MappingRequest::new(features, target as u32, task, seed)
    }
}

/// A mapping as the page sends it (column numbers as u32 for the wire).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappingRequest {
    pub features: Vec<u32>,
    pub target: u32,
    pub task: Problem,
    pub missing: Missing,
    pub scaling: Scaling,
    pub train_percent: u32,
    pub seed: u32,
    /// Clip numeric features at mean ± this many standard deviations; 0 = off.
    #[serde(default)]
    pub clip_sigma: f32,
    /// Percent of rows held out for validation (neither trained on nor tested).
    #[serde(default)]
    pub validation_percent: u32,
    /// Stray values (text in a numeric column): missing, or an error.
    #[serde(default)]
    pub strays: Strays,
    /// Columns read as another type than detected: (column, kind).
    #[serde(default)]
    pub kinds: Vec<(u32, ColumnKind)>,
    /// The column whose values name the rows in the predictions (None: the row number).
    #[serde(default)]
    pub row_names: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappingReport {
    pub n_features: u32,
    pub feature_names: Vec<String>,
    pub train_rows: u32,
    pub test_rows: u32,
    /// (class, training rows) for classification.
    pub classes: Vec<(String, u32)>,
    pub dropped_missing_target: u32,
    pub dropped_missing_features: u32,
    pub imputed: Vec<(String, u32)>,
    pub clipped: u32,
    /// Stray values treated as missing, per column.
    pub strays: Vec<StrayValues>,
}

impl MappingRequest {
    /// `task` of column `target` from `features` with the panel's defaults
    /// (mean for missing values, z-scores, half the rows for training).
    pub fn new(features: Vec<u32>, target: u32, task: Problem, seed: u32) -> Self {
        Self {
            features,
            target,
            task,
            missing: Missing::ALL[0],
            scaling: Scaling::ALL[0],
            train_percent: 50,
            seed,
            clip_sigma: 0.0,
            validation_percent: 0,
            strays: Strays::default(),
            kinds: Vec::new(),
            row_names: None,
        }
    }
}

/// What the page needs to draw imported data in training: its feature names,
/// the plane's ranges and every point's place on the plane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvInfo {
    pub feature_names: Vec<String>,
    /// Class names (two), or empty for regression.
    pub classes: Vec<String>,
    pub axes: (u32, u32),
    pub x_range: (f32, f32),
    pub y_range: (f32, f32),
    /// The same ends in the axis features' own units (before scaling), for tick values.
    #[serde(default)]
    pub x_units: (f32, f32),
    #[serde(default)]
    pub y_units: (f32, f32),
    /// (points, 4): x, y, label (±1 or the scaled target), 1 for test points.
    /// Read it through `plane_points`.
    pub points: Vec<f32>,
}

/// One imported sample on the picture plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanePoint {
    pub x: f32,
    pub y: f32,
    /// ±1 for two classes, the class index for more, or the scaled target.
    pub label: f32,
    pub test: bool,
}

impl CsvInfo {
    /// Every point of `points` by name.
    pub fn plane_points(&self) -> impl Iterator<Item = PlanePoint> + '_ {
        self.points.chunks_exact(4).map(|p| PlanePoint {
            x: p[0],
            y: p[1],
            label: p[2],
            test: p[3] != 0.0,
        })
    }
}

/// One imported sample on the first two principal components (`FromWorker::Projection`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProjectedPoint {
    pub pc1: f32,
    pub pc2: f32,
    /// The true label: ±1, a class index or the scaled target.
    pub label: f32,
    /// The network's output for it (the class index for more than two classes).
    pub output: f32,
}

/// The points of a projection message, (points, 4) row-major.
pub fn projected_points(flat: &[f32]) -> impl Iterator<Item = ProjectedPoint> + '_ {
    flat.chunks_exact(4).map(|p| ProjectedPoint {
        pc1: p[0],
        pc2: p[1],
        label: p[2],
        output: p[3],
    })
}

/// The import panel's delimiter choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delimiter {
    Detect,
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub const ALL: [Delimiter; 4] = [Self::Detect, Self::Comma, Self::Semicolon, Self::Tab];

    pub fn key(self) -> &'static str {
        match self {
            Self::Detect => "auto",
            Self::Comma => "comma",
            Self::Semicolon => "semicolon",
            Self::Tab => "tab",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("delimiter", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == s)
    }

    /// The byte to split on (None: detect it).
    pub fn byte(self) -> Option<u8> {
        match self {
            Self::Detect => None,
            Self::Comma => Some(b','),
            Self::Semicolon => Some(b';'),
            Self::Tab => Some(b'\t'),
        }
    }

    /// The name of a delimiter byte, for the summary ("semicolon-separated").
    pub fn name_of(d: u8) -> &'static str {
        match d {
            b';' => "semicolon",
            b'\t' => "tab",
            _ => "comma",
        }
    }
}

/// The import panel's choice for the file's first row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FirstRow {
    Detect,
    Names,
    Data,
}

impl FirstRow {
    pub const ALL: [FirstRow; 3] = [Self::Detect, Self::Names, Self::Data];

    pub fn key(self) -> &'static str {
        match self {
            Self::Detect => "auto",
            Self::Names => "header",
            Self::Data => "data",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("first-row", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == s)
    }

    /// Whether the first row holds names (None: detect it).
    pub fn has_header(self) -> Option<bool> {
        match self {
            Self::Detect => None,
            Self::Names => Some(true),
            Self::Data => Some(false),
        }
    }
}

#[derive(Default)]
pub struct Importer {
    table: Option<Table>,
    /// The file the table was read from (small ones travel in links).
    bytes: Vec<u8>,
}

impl Importer {
    /// Reads bytes into the table to map; on error the previous table stays.
    pub fn inspect(&mut self, bytes: &[u8], opts: ReadOptions) -> Result<TableInfo, ImportError> {
        self.inspect_with_progress(bytes, opts, &mut |_| {})
    }

    /// `inspect`, reporting the fraction read now and then.
    pub fn inspect_with_progress(
        &mut self,
        bytes: &[u8],
        opts: ReadOptions,
        progress: &mut dyn FnMut(f32),
    ) -> Result<TableInfo, ImportError> {
        let table = crate::table::read_with_progress(bytes, opts, progress)?;
        let info = describe(&table);
        self.table = Some(table);
        self.bytes = bytes.to_vec();
        Ok(info)
    }

    /// The table read last.
    pub fn table(&self) -> Option<&Table> {
        self.table.as_ref()
    }

    /// Column names of the table read last.
    pub fn columns(&self) -> Option<Vec<String>> {
        self.table
            .as_ref()
            .map(|t| t.columns.iter().map(|c| c.name.clone()).collect())
    }

    /// Column `column` of the table read last (if that table has `columns`) as row
    /// names: its name and each row's value by file row (sorted), for downloads.
    pub fn row_ids(&self, columns: &[String], column: usize) -> Option<(String, Vec<(usize, String)>)> {
        let t = self
            .table
            .as_ref()
            .filter(|_| self.columns().as_deref() == Some(columns))?;
        let c = t.columns.get(column)?;
        let text = |r: usize| match c.kind {
            ColumnKind::Numeric => c.values[r].to_string(),
            ColumnKind::Categorical => c.levels.get(c.codes[r] as usize).cloned().unwrap_or_default(),
            ColumnKind::Empty => String::new(),
        };
        Some((c.name.clone(), (0..t.rows).map(|r| (t.file_row(r), text(r))).collect()))
    }

    /// The file packed for a link, if it is small enough to travel in one.
    pub fn embeddable(&self) -> Option<String> {
        let t = self.table.as_ref()?;
        (t.rows * t.columns.len() <= crate::embed::MAX_EMBED_CELLS).then(|| crate::embed::pack(&self.bytes))
    }

    /// The prepared data for `req`, ready to train on.
    pub fn prepare(&self, req: &MappingRequest) -> Result<Prepared, String> {
        let table = self.table.as_ref().ok_or_else(|| crate::t!("import-first"))?;
        let mapping = to_mapping(req)?;
        prepare(table, &mapping).map_err(|e| e.to_string())
    }

    /// The fill-in values and clipping bounds behind `p`, prepared from this table with `req`.
    pub fn fills_and_clips(&self, req: &MappingRequest, p: &Prepared) -> Option<crate::prep::Fills> {
        crate::prep::fills_and_clips(self.table.as_ref()?, &to_mapping(req).ok()?, p)
    }

    /// Runs the whole preparation for `req` and reports what it did.
    pub fn check(&self, req: &MappingRequest) -> Result<MappingReport, String> {
        let p = self.prepare(req)?;
        let classes = p
            .classes
            .iter()
            .enumerate()
            .map(|(k, name)| {
                (
                    name.clone(),
                    p.train.y.iter().filter(|&&y| y as usize == k).count() as u32,
                )
            })
            .collect();
        Ok(MappingReport {
            n_features: p.n_features() as u32,
            feature_names: p.feature_names.clone(),
            train_rows: p.train.len() as u32,
            test_rows: (p.test.len() + p.validation.len()) as u32,
            classes,
            dropped_missing_target: p.report.dropped_missing_target as u32,
            dropped_missing_features: p.report.dropped_missing_features as u32,
            imputed: p.report.imputed.iter().map(|(c, n)| (c.clone(), *n as u32)).collect(),
            clipped: p.report.clipped as u32,
            strays: p.report.strays.clone(),
        })
    }
}

/// The mapping a request stands for (limits applied).
pub fn to_mapping(r: &MappingRequest) -> Result<Mapping, String> {
    let train_percent = limits::train_ratio(r.train_percent);
    Ok(Mapping {
        features: r.features.iter().map(|&f| f as usize).collect(),
        target: r.target as usize,
        task: r.task,
        missing: r.missing,
        scaling: r.scaling,
        clip_sigma: (r.clip_sigma > 0.0 && r.clip_sigma.is_finite()).then_some(r.clip_sigma),
        train_percent,
        validation_percent: limits::validation(r.validation_percent, train_percent),
        seed: r.seed,
        strays: r.strays,
        kinds: r.kinds.iter().map(|&(k, kind)| (k as usize, kind)).collect(),
    })
}

pub fn describe(t: &Table) -> TableInfo {
    let columns: Vec<ColumnInfo> = t
        .columns
        .iter()
        .map(|c| {
            let s = c.summary();
            ColumnInfo {
                name: c.name.clone(),
                kind: c.kind,
                min: s.min,
                max: s.max,
                mean: s.mean,
                missing: s.missing as u32,
                distinct: s.distinct as u32,
                levels: c
                    .level_counts()
                    .into_iter()
                    .take(LEVELS_SHOWN)
                    .map(|(l, n)| (l, n as u32))
                    .collect(),
                suggested_task: suggest_task(c),
            }
        })
        .collect();
    let proposal = crate::propose::propose(t);
    TableInfo {
        delimiter: t.delimiter,
        has_header: t.has_header,
        rows: t.rows as u32,
        columns,
        preview: t.preview.clone(),
        suggested_target: proposal.target as u32,
        target_why: proposal.why,
        identifier: crate::propose::identifier(t).map(|k| k as u32),
        left_out: proposal.left_out.into_iter().map(|(k, why)| (k as u32, why)).collect(),
        skipped: t.skipped as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(features: Vec<u32>, target: u32, task: Problem) -> MappingRequest {
        MappingRequest::new(features, target, task, 3)
    }

    #[test]
    fn inspect_describes_and_check_reports() {
        let mut imp = Importer::default();
        let info = imp
            .inspect(
                b"sepal;petal;species\n5,1;1,4;setosa\n7,0;4,7;versicolor\n6,3;NA;setosa\n5,8;5,1;versicolor\n",
                ReadOptions::default(),
            )
            .unwrap();
        assert_eq!(info.delimiter, b';');
        assert_eq!(info.columns[0].kind, ColumnKind::Numeric);
        assert_eq!(info.rows, 4);
        assert_eq!(info.suggested_target, 2);
        assert_eq!(
            info.columns[2].levels,
            vec![("setosa".to_string(), 2), ("versicolor".to_string(), 2)]
        );
        assert_eq!(info.columns[1].missing, 1);
        let report = imp.check(&request(vec![0, 1], 2, Problem::Classification)).unwrap();
        assert_eq!(report.feature_names, ["sepal", "petal"]);
        assert_eq!(report.train_rows + report.test_rows, 4);
        assert_eq!(report.imputed, vec![("petal".to_string(), 1)]);
        assert_eq!(report.classes.len(), 2);
        let err = imp.check(&request(vec![0], 0, Problem::Classification)).unwrap_err();
        assert_eq!(err, "column 'sepal' cannot be both the target and a feature");
    }

    #[test]
    fn a_failed_import_keeps_the_previous_table() {
        let mut imp = Importer::default();
        imp.inspect(b"a,b\n1,2\n3,4\n", ReadOptions::default()).unwrap();
        assert!(imp.inspect(b"a,b\n1,2\n3\n", ReadOptions::default()).is_err());
        assert!(imp.check(&request(vec![0], 1, Problem::Regression)).is_ok());
    }

    #[test]
    fn rows_are_named_by_the_identifier_column_when_the_file_has_one() {
        let mut csv = String::from("id,x,label\n");
        for r in 0..12 {
            csv.push_str(&format!("{},{},{}\n", 101 + r, r % 3, r % 2));
        }
        let mut imp = Importer::default();
        imp.inspect(csv.as_bytes(), ReadOptions::default()).unwrap();
        let columns = imp.columns().unwrap();
        assert_eq!(describe(imp.table.as_ref().unwrap()).identifier, Some(0));
        let (name, ids) = imp.row_ids(&columns, 0).unwrap();
        assert_eq!(name, "id");
        assert_eq!(ids[0], (2, "101".to_string()));
        assert_eq!(ids[11], (13, "112".to_string()));
        // Another file's columns: no names for its rows.
        assert!(imp.row_ids(&["a".to_string()], 0).is_none());
        let p = imp.prepare(&request(vec![1], 2, Problem::Classification)).unwrap();
        let net = crate::network::Network::new(
            &[1, 1],
            crate::activation::Activation::Linear,
            crate::activation::Activation::Tanh,
            crate::network::Init::PlaygroundUniform,
            1,
        );
        let head = crate::head::Task::Classes(2).head(None, None);
        let text = crate::export::predictions_csv(&p, &net, &head, "label", Some(&(name, ids)));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("id,split,label,prediction,p(0),p(1)"));
        assert!(lines.all(|l| l.starts_with("1")), "{text}");
    }
}
