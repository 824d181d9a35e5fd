//! The trainer with imported CSV data: switching to it, loading it from a
//! link, its picture plane, its PCA view and what the page needs to draw it.

use super::Trainer;
use crate::config::CsvSetup;
use crate::dataset::Problem;
use crate::importer::{CsvInfo, MappingRequest};
use crate::plane::Plane;
use crate::prep::Prepared;
use crate::protocol::FromWorker;
use crate::table::ReadOptions;
use crate::url;

/// The picture plane of imported data: its two axes over their training range,
/// the other features at their training mean or at the chosen file row's values.
pub(super) fn plane_for(p: &Prepared, setup: &CsvSetup) -> Plane {
    let n = p.n_features();
    let mut plane = Plane::fit(&p.train.x, n, setup.axes);
    if let Some(row) = setup.hold_row {
        for s in [&p.train, &p.validation, &p.test] {
            if let Some(k) = s.rows.iter().position(|&r| r == row) {
                plane.hold(&s.x[k * n..(k + 1) * n]);
                break;
            }
        }
    }
    plane
}

impl Trainer {
    /// The imported data in training (prepared: mapping applied, cleaning and scaling fitted).
    pub fn prepared(&self) -> Option<&Prepared> {
        self.csv.as_ref().map(|(p, _)| p)
    }

    /// The table read last (the imported file in training, once `use_csv` or a link loaded it).
    pub fn table(&self) -> Option<&crate::table::Table> {
        self.importer.table()
    }

    /// Switches training to the imported table under `request`; on error nothing changes.
    pub(super) fn use_csv(&mut self, request: &MappingRequest, axes: (u32, u32)) -> Result<(), String> {
        let p = self.importer.prepare(request)?;
        let columns = self.importer.columns().unwrap_or_default();
        let n = p.n_features();
        let setup = CsvSetup {
            columns,
            mapping: request.clone(),
            inputs: n,
            outputs: if p.task == Problem::Classification && p.classes.len() > 2 {
                p.classes.len()
            } else {
                1
            },
            axes: ((axes.0 as usize).min(n - 1), (axes.1 as usize).min(n - 1)),
            hold_row: None,
            data: self.importer.embeddable(),
        };
        self.load_csv(p, &setup)?;
        self.config.problem = setup.mapping.task;
        self.config.train_ratio = request.train_percent;
        self.config.seed = request.seed;
        self.config.csv = Some(setup);
        self.regenerate();
        Ok(())
    }

    /// Makes sure the data of `setup` is loaded: already in training, or from the
    /// table read last when its columns match, or from the link's embedded copy.
    pub(super) fn ensure_csv(&mut self, setup: &CsvSetup) -> Result<(), String> {
        if self.config.csv.as_ref().is_some_and(|s| s.same_data(setup)) && self.csv.is_some() {
            return Ok(());
        }
        if self.importer.columns().as_ref() != Some(&setup.columns) {
            let Some(data) = &setup.data else {
                return Err("this link trains on a CSV file that is not loaded: import it again".into());
            };
            let bytes = crate::embed::unpack(data)?;
            self.importer
                .inspect(&bytes, ReadOptions::default())
                .map_err(|e| e.to_string())?;
            if self.importer.columns().as_ref() != Some(&setup.columns) {
                return Err("the link's embedded data does not have the link's columns".into());
            }
        }
        let p = self.importer.prepare(&setup.mapping)?;
        if p.n_features() != setup.inputs {
            return Err(format!(
                "this mapping gives {} inputs, the link expects {}",
                p.n_features(),
                setup.inputs
            ));
        }
        self.load_csv(p, setup)
    }

    pub(super) fn load_csv(&mut self, p: Prepared, setup: &CsvSetup) -> Result<(), String> {
        let expected = if p.task == Problem::Classification && p.classes.len() > 2 {
            p.classes.len()
        } else {
            1
        };
        if expected != setup.outputs {
            return Err(format!(
                "this mapping gives {expected} outputs, the link expects {}",
                setup.outputs
            ));
        }
        let plane = plane_for(&p, setup);
        self.csv = Some((p, plane));
        self.pca = None;
        Ok(())
    }

    /// An even sample of the imported points (training then test) on the first two
    /// principal components, with labels and the network's current outputs.
    pub(super) fn projection(&mut self) -> Option<Vec<f32>> {
        const MAX_POINTS: usize = 4000;
        let (p, _) = self.csv.as_ref()?;
        let n = p.n_features();
        let pca = self.pca.get_or_insert_with(|| crate::pca::Pca::fit(&p.train.x, n));
        let x: Vec<f32> = p.train.x.iter().chain(&p.test.x).copied().collect();
        let y: Vec<f32> = p.train.y.iter().chain(&p.test.y).copied().collect();
        let step = y.len().div_ceil(MAX_POINTS).max(1);
        let binary = p.task == Problem::Classification && p.classes.len() <= 2;
        let mut points = Vec::with_capacity(y.len().div_ceil(step) * 4);
        let head = self.config.head();
        self.buf.ws.prepare(&self.net);
        for (row, &label) in x.chunks_exact(n).step_by(step).zip(y.iter().step_by(step)) {
            let (a, b) = pca.project(row);
            // Two classes: ±1 and the output as a signed value; more: the class index and the most likely class.
            let out = self.net.forward_prepared(row, &mut self.buf.ws);
            let predicted = if binary {
                head.signed(out)
            } else if out.len() > 1 {
                crate::export::argmax(out) as f32
            } else {
                out[0]
            };
            let label = if binary { 2.0 * label - 1.0 } else { label };
            points.extend_from_slice(&[a, b, label, predicted]);
        }
        Some(points)
    }

    /// The message that tells the page the imported data in training.
    pub(super) fn csv_in_use(&self) -> Option<FromWorker> {
        self.csv_info().map(|info| FromWorker::CsvInUse {
            info,
            hash: url::encode(&self.config),
        })
    }

    /// The fill-in values and clipping bounds of the imported data in training
    /// (`prep::fills_and_clips`), while the table read last is the one in training.
    pub fn fills_and_clips(&self) -> Option<crate::prep::Fills> {
        let setup = self.config.csv.as_ref()?;
        if self.importer.columns().as_ref() != Some(&setup.columns) {
            return None;
        }
        self.importer.fills_and_clips(&setup.mapping, self.prepared()?)
    }

    /// The imported data's names, plane and points, for the page.
    pub(super) fn csv_info(&self) -> Option<CsvInfo> {
        let (p, plane) = self.csv.as_ref()?;
        let n = p.n_features();
        let mut points = Vec::with_capacity((p.train.len() + p.test.len()) * 4);
        // The label drawn: ±1 for two classes, the class index for more, the scaled value for regression.
        let multi = self.config.classes() > 2;
        let shown = |y: f32| match p.task {
            Problem::Classification if !multi => 2.0 * y - 1.0,
            _ => y,
        };
        for (s, test) in [(&p.train, 0.0), (&p.test, 1.0)] {
            for (row, &y) in s.x.chunks_exact(n).zip(&s.y) {
                points.extend_from_slice(&[row[plane.axes.0], row[plane.axes.1], shown(y), test]);
            }
        }
        let units = |k: usize, (lo, hi): (f32, f32)| match p.feature_scaling.get(k) {
            Some(a) => (a.invert(lo), a.invert(hi)),
            None => (lo, hi),
        };
        Some(CsvInfo {
            feature_names: p.feature_names.clone(),
            classes: p.classes.clone(),
            axes: (plane.axes.0 as u32, plane.axes.1 as u32),
            x_range: plane.x_range,
            y_range: plane.y_range,
            x_units: units(plane.axes.0, plane.x_range),
            y_units: units(plane.axes.1, plane.y_range),
            points,
        })
    }

    /// Reads an imported file for mapping. The data in training stays as it is.
    pub fn inspect(&mut self, bytes: &[u8], opts: ReadOptions) -> FromWorker {
        self.inspect_with_progress(bytes, opts, &mut |_| {})
    }

    /// `inspect`, reporting the fraction read now and then (the worker posts it).
    pub fn inspect_with_progress(
        &mut self,
        bytes: &[u8],
        opts: ReadOptions,
        progress: &mut dyn FnMut(f32),
    ) -> FromWorker {
        match self.importer.inspect_with_progress(bytes, opts, progress) {
            Ok(info) => FromWorker::TableRead { info },
            Err(e) => FromWorker::ImportFailed { message: e.to_string() },
        }
    }
}
