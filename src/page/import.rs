//! The import panel's state and steps: a file or pasted text is read by the
//! worker, the page shows the table and a proposed mapping, every change of
//! the mapping is checked by the worker, and "Train on this data" makes it the
//! data in training. A failed step shows its message and changes nothing else.

use super::{Effect, Model, Part};
use crate::config::CsvSetup;
use crate::dataset::Problem;
use crate::import_error::thousands;
use crate::importer::{Delimiter, FirstRow, MappingReport, MappingRequest, TableInfo};
use crate::prep::{Missing, Scaling, Strays};
use crate::protocol::ToWorker;
use crate::table::{ColumnKind, ReadOptions, MAX_BYTES};

/// Files with at least this many rows get `PROPOSED_VALIDATION` percent of them held out for validation.
pub const VALIDATION_FROM_ROWS: usize = 500;
pub const PROPOSED_VALIDATION: u32 = 10;

/// What a read of the same bytes with other choices is called in the status line.
const SAME_DATA: &str = "the same data";

/// An imported file as read and mapped: enough to rebuild the same training data.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvSource {
    pub bytes: Vec<u8>,
    pub options: ReadOptions,
    pub request: MappingRequest,
}

/// A read under way.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// What is read, for the status line ("“data.csv” (1,234 bytes)").
    pub what: String,
    /// How far the worker is (None: not reported yet).
    pub fraction: Option<f32>,
    /// A new file or paste (not the same bytes read again): bring the panel into view when read.
    pub fresh: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportModel {
    /// The bytes read last, to read again with other delimiter/header choices.
    pub bytes: Vec<u8>,
    /// The file those bytes came from (None: pasted text).
    pub file_name: Option<String>,
    pub delimiter: Delimiter,
    pub first_row: FirstRow,
    /// Leading lines to leave out (None: detected when the file is read).
    pub skip: Option<usize>,
    pub reading: Option<Reading>,
    /// The last import error, shown under the import box.
    pub error: Option<String>,
    /// The table read last and the mapping the controls show.
    pub info: Option<TableInfo>,
    /// Feature checkbox per column.
    pub features: Vec<bool>,
    pub target: usize,
    pub task: Problem,
    pub missing: Missing,
    pub strays: Strays,
    /// Columns read as another type than detected.
    pub kinds: Vec<(usize, ColumnKind)>,
    /// The column naming rows in the predictions (None: the row number).
    pub row_names: Option<usize>,
    pub scaling: Scaling,
    /// Outlier clipping in standard deviations (0: off).
    pub clip_sigma: f32,
    pub validation: u32,
    /// The worker's check of the mapping the controls show (None: being checked).
    pub report: Option<Result<MappingReport, String>>,
    /// "Train on this data" was pressed and the worker is preparing the data.
    pub preparing: bool,
    /// What the data in training was made from, to give a restarted worker the same data.
    pub in_training: Option<CsvSource>,
    /// A link's mapping waiting for its file (links to larger files do not carry the data).
    pub expected: Option<CsvSetup>,
}

impl Default for ImportModel {
    fn default() -> Self {
        Self {
            bytes: Vec::new(),
            file_name: None,
            delimiter: Delimiter::Detect,
            first_row: FirstRow::Detect,
            skip: None,
            reading: None,
            error: None,
            info: None,
            features: Vec::new(),
            target: 0,
            task: Problem::Classification,
            missing: Missing::ALL[0],
            strays: Strays::default(),
            kinds: Vec::new(),
            row_names: None,
            scaling: Scaling::ALL[0],
            clip_sigma: 0.0,
            validation: 0,
            report: None,
            preparing: false,
            in_training: None,
            expected: None,
        }
    }
}

/// The import panel's steps.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportMsg {
    /// A file was chosen or dropped; its bytes are being read.
    FileChosen {
        name: String,
        size: usize,
    },
    FileRead {
        name: String,
        bytes: Vec<u8>,
    },
    /// The browser could not read the file.
    FileFailed(String),
    /// "Import" with the paste box's text.
    Import {
        pasted: String,
    },
    Delimiter(Delimiter),
    FirstRow(FirstRow),
    /// "Skip first lines" (None: detect).
    Skip(Option<usize>),
    /// Column k is a feature (or not).
    Feature(usize, bool),
    Target(usize),
    Task(Problem),
    Missing(Missing),
    Strays(Strays),
    /// Column k read as this type (its detected type: the switch is undone).
    Kind(usize, ColumnKind),
    /// "Name rows by": a column, or None for the row number.
    RowNames(Option<usize>),
    Scaling(Scaling),
    Clip(f32),
    Validation(u32),
    /// "Train on this data".
    Use,
}

impl ImportModel {
    /// An import step failed: where it shows depends on the step.
    pub(super) fn failed(&mut self, message: &str) {
        self.preparing = false;
        // A failed mapping check (or preparation) shows next to the mapping and
        // "Train on this data"; a failed read in the import box.
        if self.info.is_some() && self.reading.is_none() {
            self.report = Some(Err(message.to_string()));
        } else {
            self.error = Some(message.to_string());
        }
        self.reading = None;
    }

    /// The mapping the controls show, if a table has been read.
    pub fn request(&self, train_percent: u32, seed: u32) -> Option<MappingRequest> {
        self.info.as_ref()?;
        Some(MappingRequest {
            features: (0..self.features.len())
                .filter(|&k| self.features[k])
                .map(|k| k as u32)
                .collect(),
            target: self.target as u32,
            task: self.task,
            missing: self.missing,
            scaling: self.scaling,
            train_percent,
            seed,
            clip_sigma: self.clip_sigma,
            validation_percent: self.validation,
            strays: self.strays,
            kinds: self.kinds.iter().map(|&(k, kind)| (k as u32, kind)).collect(),
            row_names: self.row_names.map(|k| k as u32),
        })
    }

    /// The type column k is read as.
    pub fn kind(&self, k: usize) -> Option<ColumnKind> {
        let detected = self.info.as_ref()?.columns.get(k)?.kind;
        Some(self.kinds.iter().find(|c| c.0 == k).map_or(detected, |c| c.1))
    }

    /// Why column k is left out of the features by default, if it is.
    pub fn left_out(&self, k: usize) -> Option<&str> {
        let info = self.info.as_ref()?;
        info.left_out.iter().find(|l| l.0 as usize == k).map(|l| l.1.as_str())
    }

    /// The proposal in one line: the target and why, and what is left out.
    pub fn proposal_text(&self) -> Option<String> {
        let info = self.info.as_ref()?;
        let name = |k: usize| info.columns.get(k).map_or("", |c| c.name.as_str());
        let mut text = crate::t!(
            "proposed-target",
            name = name(info.suggested_target as usize),
            why = info.target_why.as_str()
        );
        if !info.left_out.is_empty() {
            let out: Vec<String> = info
                .left_out
                .iter()
                .map(|(k, why)| crate::t!("named-why", name = name(*k as usize), why = why.as_str()))
                .collect();
            text.push_str(&crate::t!("not-ticked-features", out = out.join(", ")));
        }
        text.push_str(&crate::t!("change-below"));
        Some(text)
    }

    /// Sets the mapping controls to a link's mapping.
    fn apply_mapping(&mut self, setup: &CsvSetup) {
        let m = &setup.mapping;
        let n = self.features.len();
        self.features = (0..n).map(|k| m.features.contains(&(k as u32))).collect();
        self.target = m.target as usize;
        self.task = m.task;
        self.missing = m.missing;
        self.strays = m.strays;
        self.kinds = m.kinds.iter().map(|&(k, kind)| (k as usize, kind)).collect();
        self.row_names = m.row_names.map(|k| k as usize);
        self.scaling = m.scaling;
        self.clip_sigma = m.clip_sigma;
        self.validation = m.validation_percent;
    }

    /// The column names of the table read last.
    fn columns(&self) -> Vec<String> {
        self.info
            .as_ref()
            .map(|i| i.columns.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default()
    }

    /// The error line under the import box.
    pub fn error_text(&self) -> Option<String> {
        self.error.as_ref().map(|m| crate::t!("import-failed", m = m.as_str()))
    }

    /// The line under the mapping: what cleaning does, or why the mapping cannot be used.
    pub fn report_text(&self) -> Option<(String, bool)> {
        match self.report.as_ref()? {
            Ok(r) => Some((report_text(r), false)),
            Err(m) => Some((crate::t!("mapping-unusable", m = m.as_str()), true)),
        }
    }

    /// The reading choices the controls show.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            delimiter: self.delimiter.byte(),
            has_header: self.first_row.has_header(),
            skip: self.skip,
        }
    }

    /// The table's summary line.
    pub fn summary(&self) -> Option<String> {
        let info = self.info.as_ref()?;
        let skipped = match info.skipped {
            0 => String::new(),
            n => crate::t!("lines-skipped", n = n.to_string()),
        };
        Some(crate::t!(
            if info.has_header {
                "table-summary-header"
            } else {
                "table-summary-data"
            },
            rows = thousands(info.rows as usize),
            columns = info.columns.len().to_string(),
            sep = crate::i18n::keyed("sep", Delimiter::name_of(info.delimiter)),
            skipped = skipped
        ))
    }
}

/// What cleaning does with a mapping, in one line.
pub fn report_text(r: &MappingReport) -> String {
    let mut parts = vec![crate::t!(
        "report-features",
        n = r.n_features.to_string(),
        names = r.feature_names.join(", "),
        train = thousands(r.train_rows as usize),
        test = thousands(r.test_rows as usize)
    )];
    if !r.classes.is_empty() {
        let cls: Vec<String> = r.classes.iter().map(|(c, n)| format!("{c} ({n})")).collect();
        parts.push(crate::t!(
            "report-classes",
            n = r.classes.len().to_string(),
            classes = cls.join(", ")
        ));
    }
    if r.dropped_missing_target > 0 {
        parts.push(crate::t!(
            "report-no-target",
            n = thousands(r.dropped_missing_target as usize)
        ));
    }
    if r.dropped_missing_features > 0 {
        parts.push(crate::t!(
            "report-dropped",
            n = thousands(r.dropped_missing_features as usize)
        ));
    }
    if r.clipped > 0 {
        parts.push(crate::t!("report-clipped", n = thousands(r.clipped as usize)));
    }
    for s in &r.strays {
        let named: Vec<String> = s
            .first
            .iter()
            .map(|(row, t)| crate::t!("row-value", row = row.to_string(), t = t.as_str()))
            .collect();
        let more = if s.count > s.first.len() { ", …" } else { "" };
        parts.push(crate::t!(
            if s.count == 1 { "report-stray" } else { "report-strays" },
            n = thousands(s.count),
            column = s.column.as_str(),
            rows = format!("{}{more}", named.join(", "))
        ));
    }
    for (c, n) in &r.imputed {
        parts.push(crate::t!(
            "report-imputed",
            n = thousands(*n as usize),
            column = c.as_str()
        ));
    }
    crate::t!("report-ready", parts = parts.join(" · "))
}

impl Model {
    /// The line beside "Train on this data".
    pub fn csv_in_use_text(&self) -> String {
        if self.import.preparing {
            crate::t!("preparing")
        } else if let Some(shape) = &self.config.csv {
            let picture = if self.shows_pca() {
                crate::t!("in-use-pca")
            } else {
                String::new()
            };
            let stopping = if shape.mapping.validation_percent > 0 && self.config.stopping.patience == 0 {
                crate::t!("in-use-validation", p = shape.mapping.validation_percent.to_string())
            } else {
                String::new()
            };
            crate::t!(
                "in-use",
                n = shape.inputs.to_string(),
                picture = picture,
                stopping = stopping
            )
        } else if let Some(setup) = &self.import.expected {
            crate::t!("waiting-file", columns = setup.columns.join(", "))
        } else {
            String::new()
        }
    }

    /// Hands bytes to the worker to read with the chosen delimiter and first-row options.
    fn inspect(&mut self, bytes: Vec<u8>, what: String, fx: &mut Vec<Effect>) {
        if !self.worker.ready {
            self.import.error = Some(crate::t!("worker-starting"));
            self.import.reading = None;
            return;
        }
        let fresh = what != SAME_DATA;
        self.import.reading = Some(Reading {
            what,
            fraction: None,
            fresh,
        });
        self.import.error = None;
        self.import.bytes = bytes.clone();
        fx.push(Effect::Inspect {
            bytes,
            options: self.import.read_options(),
        });
    }

    /// Asks the worker to prepare the data with the mapping the controls show.
    fn check_mapping(&mut self, fx: &mut Vec<Effect>) {
        self.import.report = None;
        if let Some(request) = self.import.request(self.config.train_ratio, self.config.seed) {
            self.post(ToWorker::CheckMapping { request }, fx);
        }
    }

    /// Trains on the imported table with the mapping the controls show.
    fn use_table(&mut self, axes: (usize, usize), fx: &mut Vec<Effect>) {
        let Some(request) = self.import.request(self.config.train_ratio, self.config.seed) else {
            return;
        };
        self.import.preparing = true;
        self.import.in_training = Some(CsvSource {
            bytes: self.import.bytes.clone(),
            options: self.import.read_options(),
            request: request.clone(),
        });
        self.post(
            ToWorker::UseCsv {
                request,
                axes: (axes.0 as u32, axes.1 as u32),
            },
            fx,
        );
    }

    /// The worker read the file: show it and propose a mapping.
    pub(super) fn table_read(&mut self, info: TableInfo, fx: &mut Vec<Effect>) {
        let im = &mut self.import;
        let reveal = im.reading.take().is_some_and(|r| r.fresh) && im.expected.is_none();
        im.error = None;
        let target = info.proposed_target();
        im.features = (0..info.columns.len()).map(|k| info.proposed_feature(k)).collect();
        im.kinds.clear();
        // Rows are named by the file's identifier in the predictions, when it has one.
        im.row_names = info.identifier.map(|k| k as usize);
        // Enough rows to spare some: a validation share for early stopping to watch.
        im.validation = if info.rows as usize >= VALIDATION_FROM_ROWS {
            PROPOSED_VALIDATION
        } else {
            0
        };
        im.target = target;
        if let Some(c) = info.columns.get(target) {
            im.task = c.suggested_task;
        }
        im.info = Some(info);
        fx.push(Effect::Render(Part::ImportTable));
        fx.push(Effect::Render(Part::Import));
        if let Some(setup) = self.import.expected.take() {
            let columns = self.import.columns();
            if columns == setup.columns {
                self.import.apply_mapping(&setup);
                self.check_mapping(fx);
                self.use_table(setup.axes, fx);
                return;
            }
            self.import.error = Some(crate::t!(
                "wrong-columns",
                file = columns.join(", "),
                link = setup.columns.join(", ")
            ));
            self.import.expected = Some(setup);
        }
        self.check_mapping(fx);
        if reveal {
            fx.push(Effect::RevealImport);
        }
    }

    pub(super) fn import_msg(&mut self, msg: ImportMsg, fx: &mut Vec<Effect>) {
        fx.push(Effect::Render(Part::Import));
        let mapping_changed = match msg {
            ImportMsg::FileChosen { name, size } => {
                if size > MAX_BYTES {
                    self.import.error = Some(crate::t!(
                        "file-too-large",
                        name = name.as_str(),
                        n = thousands(size),
                        mb = (MAX_BYTES / (1024 * 1024)).to_string()
                    ));
                } else {
                    self.import.error = None;
                    self.import.reading = Some(Reading {
                        what: crate::t!("file-bytes", name = name.as_str(), n = thousands(size)),
                        fraction: None,
                        fresh: true,
                    });
                }
                false
            }
            ImportMsg::FileRead { name, bytes } => {
                self.import.file_name = Some(name.clone());
                self.inspect(bytes, format!("“{name}”"), fx);
                false
            }
            ImportMsg::FileFailed(reason) => {
                self.import.reading = None;
                self.import.error = Some(crate::t!("file-unreadable", reason = reason.as_str()));
                false
            }
            ImportMsg::Import { pasted } => {
                if !pasted.trim().is_empty() {
                    self.import.file_name = None;
                    self.inspect(pasted.into_bytes(), crate::t!("pasted-text"), fx);
                } else if let (Some(name), false) = (self.import.file_name.clone(), self.import.bytes.is_empty()) {
                    // The box is empty but a file was chosen: import that file (again).
                    let bytes = self.import.bytes.clone();
                    self.inspect(bytes, format!("“{name}”"), fx);
                } else {
                    self.import.error = Some(crate::t!("nothing-to-import"));
                }
                false
            }
            ImportMsg::Delimiter(d) => {
                self.import.delimiter = d;
                self.reread(fx);
                false
            }
            ImportMsg::FirstRow(r) => {
                self.import.first_row = r;
                self.reread(fx);
                false
            }
            ImportMsg::Skip(n) => {
                self.import.skip = n.map(|n| n.min(crate::table::MAX_SKIP));
                self.reread(fx);
                false
            }
            ImportMsg::Feature(k, on) => {
                let is_target = k == self.import.target;
                if let Some(f) = self.import.features.get_mut(k) {
                    *f = on && !is_target;
                }
                fx.push(Effect::Render(Part::ImportTable));
                true
            }
            ImportMsg::Target(k) => {
                self.import.target = k;
                if let Some(f) = self.import.features.get_mut(k) {
                    *f = false;
                }
                if let Some(c) = self.import.info.as_ref().and_then(|i| i.columns.get(k)) {
                    self.import.task = c.suggested_task;
                }
                fx.push(Effect::Render(Part::ImportTable));
                true
            }
            ImportMsg::Task(t) => {
                self.import.task = t;
                true
            }
            ImportMsg::Missing(m) => {
                self.import.missing = m;
                true
            }
            ImportMsg::Strays(s) => {
                self.import.strays = s;
                true
            }
            ImportMsg::Kind(k, kind) => {
                let im = &mut self.import;
                let detected = im.info.as_ref().and_then(|i| i.columns.get(k)).map(|c| c.kind);
                im.kinds.retain(|c| c.0 != k);
                if detected.is_some_and(|d| d != kind && d != ColumnKind::Empty) {
                    im.kinds.push((k, kind));
                    // A column switched on purpose is meant to be used.
                    if k != im.target {
                        if let Some(f) = im.features.get_mut(k) {
                            *f = true;
                        }
                    }
                }
                if k == im.target {
                    im.task = match kind {
                        ColumnKind::Numeric => Problem::Regression,
                        _ => Problem::Classification,
                    };
                }
                fx.push(Effect::Render(Part::ImportTable));
                true
            }
            ImportMsg::RowNames(k) => {
                self.import.row_names = k;
                true
            }
            ImportMsg::Scaling(s) => {
                self.import.scaling = s;
                true
            }
            ImportMsg::Clip(x) => {
                self.import.clip_sigma = if x.is_finite() { x.max(0.0) } else { 0.0 };
                true
            }
            ImportMsg::Validation(v) => {
                self.import.validation = crate::config::limits::csv_validation(v, self.config.train_ratio);
                true
            }
            ImportMsg::Use => {
                self.use_table((0, 1), fx);
                false
            }
        };
        if mapping_changed {
            self.check_mapping(fx);
        }
    }

    /// The same bytes read again with other delimiter or first-row choices.
    fn reread(&mut self, fx: &mut Vec<Effect>) {
        if !self.import.bytes.is_empty() {
            let bytes = self.import.bytes.clone();
            self.inspect(bytes, SAME_DATA.into(), fx);
        }
    }
}
