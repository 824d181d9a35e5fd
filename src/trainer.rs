//! The worker's state machine: owns the data, the network and the run, and
//! answers `ToWorker` messages. Time slicing and posting live in the glue;
//! everything that decides what happens lives here, so it is tested natively.

use crate::activation::Activation;
use crate::config::Config;
use crate::config::CsvSetup;
use crate::dataset::Problem;
use crate::dataset::{split, Point};
use crate::epoch::{mean_loss, train_epoch, Buffers};
use crate::error::Error;
use crate::features::compute_into;
use crate::grid::{self, DENSITY, THUMB};
use crate::health::{self, Fault};
use crate::history::{LossHistory, LossPoint};
use crate::importer::{CsvInfo, Importer};
use crate::network::{Init, Network};
use crate::plane::Plane;
use crate::prep::{Prepared, Task};
use crate::protocol::{FromWorker, RunState, Snapshot, SnapshotHeader, ToWorker};
use crate::table::ReadOptions;
use crate::url;

/// The picture plane of imported data: its two axes over their training range,
/// the other features at their training mean or at the chosen file row's values.
fn plane_for(p: &Prepared, setup: &CsvSetup) -> Plane {
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

pub struct Trainer {
    config: Config,
    /// Data points after the train/test split, in training order.
    train: Vec<Point>,
    test: Vec<Point>,
    /// (n, n_features) features of the points; y: (n) labels.
    train_x: Vec<f32>,
    train_y: Vec<f32>,
    test_x: Vec<f32>,
    test_y: Vec<f32>,
    net: Network,
    /// The last network that passed the health checks, and its epoch.
    good: Network,
    good_epoch: u64,
    buf: Buffers,
    grid_inputs: Vec<f32>,
    epoch: u64,
    history: LossHistory,
    losses: (f32, f32),
    state: RunState,
    run: u32,
    /// The imported table being mapped; separate from the data in training.
    importer: Importer,
    /// Imported data in training (with `config.csv`), and its picture plane.
    csv: Option<(Prepared, Plane)>,
    /// Principal components of the imported training inputs, fitted on first use.
    pca: Option<crate::pca::Pca>,
}

impl Trainer {
    pub fn new(config: Config) -> Self {
        let net = Network::new(
            &[1, 1],
            config.activation,
            config.activation,
            Init::PlaygroundUniform,
            0,
        );
        let mut t = Self {
            buf: Buffers::new(&net),
            good: net.clone(),
            good_epoch: 0,
            net,
            config,
            train: Vec::new(),
            test: Vec::new(),
            train_x: Vec::new(),
            train_y: Vec::new(),
            test_x: Vec::new(),
            test_y: Vec::new(),
            grid_inputs: Vec::new(),
            epoch: 0,
            history: LossHistory::default(),
            losses: (0.0, 0.0),
            state: RunState::Paused,
            run: 0,
            importer: Importer::default(),
            csv: None,
            pca: None,
        };
        t.regenerate();
        t
    }

    pub fn config(&self) -> &Config {
        &self.config
    }
    pub fn network(&self) -> &Network {
        &self.net
    }
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    pub fn state(&self) -> RunState {
        self.state
    }
    pub fn is_playing(&self) -> bool {
        self.state == RunState::Playing
    }
    pub fn losses(&self) -> (f32, f32) {
        self.losses
    }
    pub fn train_points(&self) -> &[Point] {
        &self.train
    }
    pub fn test_points(&self) -> &[Point] {
        &self.test
    }

    /// New data from the config (dataset, noise, ratio, seed), then new weights.
    fn regenerate(&mut self) {
        if self.config.csv.is_none() {
            self.csv = None;
        }
        if let Some((p, plane)) = &self.csv {
            // Two classes train as −1 / +1 through tanh, K classes as one-hot rows
            // through softmax, regression targets as they are.
            let k = self.config.outputs();
            let targets = |ys: &mut dyn Iterator<Item = &f32>| -> Vec<f32> {
                ys.flat_map(|&y| match (p.task, k) {
                    (Task::Classification, 1) => vec![2.0 * y - 1.0],
                    (Task::Classification, k) => (0..k).map(|c| if c == y as usize { 1.0 } else { 0.0 }).collect(),
                    (Task::Regression, _) => vec![y],
                })
                .collect()
            };
            self.train_x = p.train.x.clone();
            self.train_y = targets(&mut p.train.y.iter());
            // Validation rows are held out: neither trained on nor tested.
            self.test_x = p.test.x.clone();
            self.test_y = targets(&mut p.test.y.iter());
            self.train.clear();
            self.test.clear();
            self.grid_inputs = plane.inputs();
            self.reset_weights();
            return;
        }
        let c = &self.config;
        let points = c.dataset.generate(c.noise, c.seed);
        let (train, test) = split(&points, c.train_ratio);
        let feats = c.features.clone();
        let to_xy = |pts: &[Point]| {
            let mut x = vec![0.0; pts.len() * feats.len()];
            for (p, row) in pts.iter().zip(x.chunks_exact_mut(feats.len())) {
                compute_into(&feats, p.x1, p.x2, row);
            }
            (x, pts.iter().map(|p| p.label).collect::<Vec<f32>>())
        };
        (self.train_x, self.train_y) = to_xy(&train);
        (self.test_x, self.test_y) = to_xy(&test);
        self.train = train;
        self.test = test;
        self.grid_inputs = grid::inputs(&feats);
        self.reset_weights();
    }

    /// New weights from the seed; epoch 0; the run is paused.
    fn reset_weights(&mut self) {
        let c = &self.config;
        self.net = Network::new(
            &c.layer_sizes(),
            c.activation,
            c.output_activation(),
            Init::PlaygroundUniform,
            c.seed,
        );
        self.good = self.net.clone();
        self.good_epoch = 0;
        self.buf = Buffers::new(&self.net);
        self.epoch = 0;
        self.history.clear();
        self.state = RunState::Paused;
        self.record();
    }

    /// Computes both losses and keeps them in the history if it wants this epoch.
    fn record(&mut self) {
        let loss = self.config.loss();
        let train = mean_loss(&self.net, &mut self.buf.ws, &self.train_x, &self.train_y, loss);
        let test = mean_loss(&self.net, &mut self.buf.ws, &self.test_x, &self.test_y, loss);
        self.losses = (train, test);
        self.history.push(LossPoint {
            epoch: self.epoch,
            train,
            test,
        });
    }

    /// Stops the run for `fault`, going back to the last good weights when the
    /// current ones are broken, and says why.
    fn stop(&mut self, fault: Fault) -> FromWorker {
        let failed_epoch = self.epoch;
        // Dead ReLUs are numbers and stay; broken weights go back to the last good ones.
        if !matches!(fault, Fault::DeadLayer { .. }) {
            self.net.copy_params_from(&self.good);
            self.epoch = self.good_epoch;
            self.buf.state.reset();
            self.record();
        }
        self.state = RunState::Paused;
        FromWorker::Stopped {
            message: fault.message(failed_epoch, self.good_epoch, self.config.learning_rate),
        }
    }

    /// One epoch, then the health checks. Returns a `Stopped` message if the run had to stop.
    pub fn train_epoch(&mut self) -> Option<FromWorker> {
        let settings = self.config.step_settings();
        let batch = self.config.batch_size as usize;
        let loss = self.config.loss();
        train_epoch(
            &mut self.net,
            &mut self.buf,
            &self.train_x,
            &self.train_y,
            batch,
            loss,
            &settings,
        );
        self.epoch += 1;
        if let Some(fault) = health::check_params(&self.net) {
            return Some(self.stop(fault));
        }
        if self.history.wants(self.epoch) {
            self.record();
            if !self.losses.0.is_finite() || !self.losses.1.is_finite() {
                return Some(self.stop(Fault::NotFinite));
            }
            if self.config.activation == Activation::Relu {
                if let Some(layer) = health::dead_layer(&self.net, &mut self.buf.ws, &self.train_x) {
                    return Some(self.stop(Fault::DeadLayer { layer }));
                }
            }
        }
        self.good.copy_params_from(&self.net);
        self.good_epoch = self.epoch;
        None
    }

    /// Applies a message; returns replies to post and whether a snapshot is due.
    pub fn handle(&mut self, msg: ToWorker) -> (Vec<FromWorker>, bool) {
        let mut out = Vec::new();
        let snapshot = match msg {
            ToWorker::Configure { hash, run } => {
                let mut new = url::decode(&hash).config;
                if let Some(setup) = new.csv.clone() {
                    if let Err(message) = self.ensure_csv(&setup) {
                        out.push(FromWorker::ImportFailed { message });
                        new.set_dataset(crate::dataset::DatasetKind::Circle);
                    }
                }
                let reset = self.config.needs_reset(&new);
                let plane_of = |c: &Config| c.csv.as_ref().map(|s| (s.axes, s.hold_row));
                let axes_moved = plane_of(&new) != plane_of(&self.config);
                self.config = new;
                self.run = run;
                if reset {
                    self.regenerate();
                } else if axes_moved {
                    if let (Some((p, plane)), Some(setup)) = (self.csv.as_mut(), self.config.csv.as_ref()) {
                        *plane = plane_for(p, setup);
                        self.grid_inputs = plane.inputs();
                    }
                }
                if axes_moved || reset {
                    out.extend(self.csv_in_use());
                }
                true
            }
            ToWorker::Projection => {
                out.extend(self.projection().map(|points| FromWorker::Projection { points }));
                false
            }
            ToWorker::Export { predictions } => {
                match (&self.csv, &self.config.csv) {
                    (Some((p, _)), Some(setup)) => {
                        let target = setup
                            .columns
                            .get(setup.mapping.target as usize)
                            .cloned()
                            .unwrap_or_default();
                        let (name, text) = if predictions {
                            ("predictions.csv", crate::export::predictions_csv(p, &self.net, &target))
                        } else {
                            ("cleaned-data.csv", crate::export::dataset_csv(p, &target))
                        };
                        out.push(FromWorker::Download {
                            name: name.into(),
                            text,
                        });
                    }
                    _ => out.push(FromWorker::ImportFailed {
                        message: "no imported data is in training".into(),
                    }),
                }
                false
            }
            ToWorker::UseCsv { request, axes } => {
                match self.use_csv(&request, axes) {
                    Ok(()) => out.extend(self.csv_in_use()),
                    Err(message) => out.push(FromWorker::ImportFailed { message }),
                }
                true
            }
            ToWorker::Reset { run } => {
                self.run = run;
                self.reset_weights();
                true
            }
            ToWorker::Play => {
                self.state = RunState::Playing;
                false
            }
            ToWorker::Pause => {
                self.state = RunState::Paused;
                true
            }
            ToWorker::Step => {
                self.state = RunState::Paused;
                out.extend(self.train_epoch());
                // A step is looked at closely: always show its exact losses.
                self.record();
                true
            }
            ToWorker::Ack => false,
            ToWorker::Ping => {
                out.push(FromWorker::Pong);
                false
            }
            ToWorker::SetWeight { layer, to, from, value } => {
                if let Err(e) = self.set_param(layer, to, Some(from), value) {
                    out.push(FromWorker::Error { message: e.to_string() });
                }
                true
            }
            ToWorker::SetBias { layer, neuron, value } => {
                if let Err(e) = self.set_param(layer, neuron, None, value) {
                    out.push(FromWorker::Error { message: e.to_string() });
                }
                true
            }
            ToWorker::CheckMapping { request } => {
                out.push(match self.importer.check(&request) {
                    Ok(report) => FromWorker::MappingChecked { report },
                    Err(message) => FromWorker::ImportFailed { message },
                });
                false
            }
            ToWorker::Resume { params, epoch } => {
                match self.net.set_params(&params) {
                    Ok(()) if health::check_params(&self.net).is_none() => {
                        self.good.copy_params_from(&self.net);
                        self.epoch = epoch.max(0.0) as u64;
                        self.good_epoch = self.epoch;
                        self.record();
                    }
                    Ok(()) => {
                        self.net.copy_params_from(&self.good);
                        out.push(FromWorker::Error {
                            message: "the saved weights were not finite; starting over".into(),
                        });
                    }
                    Err(e) => out.push(FromWorker::Error { message: e.to_string() }),
                }
                true
            }
        };
        (out, snapshot)
    }

    fn set_param(&mut self, layer: u32, to: u32, from: Option<u32>, value: f32) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(Error::NotFinite { what: "a weight" });
        }
        if value.abs() > health::EXPLODING {
            return Err(Error::OutOfRange {
                value,
                limit: health::EXPLODING,
            });
        }
        let err = || Error::NoSuchParameter {
            layer,
            to,
            from,
            sizes: self.net.sizes(),
        };
        let l = self.net.layers.get(layer as usize).ok_or_else(err)?;
        let (n_in, n_out) = (l.n_in, l.n_out);
        if to as usize >= n_out || from.is_some_and(|f| f as usize >= n_in) {
            return Err(err());
        }
        let l = &mut self.net.layers[layer as usize];
        match from {
            Some(f) => l.weights[to as usize * n_in + f as usize] = value,
            None => l.biases[to as usize] = value,
        }
        self.good.copy_params_from(&self.net);
        self.record();
        Ok(())
    }

    /// Switches training to the imported table under `request`; on error nothing changes.
    fn use_csv(&mut self, request: &crate::importer::MappingRequest, axes: (u32, u32)) -> Result<(), String> {
        let p = self.importer.prepare(request)?;
        let columns = self.importer.columns().unwrap_or_default();
        let n = p.n_features();
        let setup = CsvSetup {
            columns,
            mapping: request.clone(),
            inputs: n,
            outputs: if p.task == Task::Classification && p.classes.len() > 2 {
                p.classes.len()
            } else {
                1
            },
            axes: ((axes.0 as usize).min(n - 1), (axes.1 as usize).min(n - 1)),
            hold_row: None,
            data: self.importer.embeddable(),
        };
        self.load_csv(p, &setup)?;
        self.config.problem = match setup.mapping.task.as_str() {
            "regression" => Problem::Regression,
            _ => Problem::Classification,
        };
        self.config.train_ratio = request.train_percent;
        self.config.seed = request.seed;
        self.config.csv = Some(setup);
        self.regenerate();
        Ok(())
    }

    /// Makes sure the data of `setup` is loaded: already in training, or from the
    /// table read last when its columns match, or from the link's embedded copy.
    fn ensure_csv(&mut self, setup: &CsvSetup) -> Result<(), String> {
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

    fn load_csv(&mut self, p: Prepared, setup: &CsvSetup) -> Result<(), String> {
        let expected = if p.task == Task::Classification && p.classes.len() > 2 {
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
    fn projection(&mut self) -> Option<Vec<f32>> {
        const MAX_POINTS: usize = 4000;
        let (p, _) = self.csv.as_ref()?;
        let n = p.n_features();
        let pca = self.pca.get_or_insert_with(|| crate::pca::Pca::fit(&p.train.x, n));
        let x: Vec<f32> = p.train.x.iter().chain(&p.test.x).copied().collect();
        let y: Vec<f32> = p.train.y.iter().chain(&p.test.y).copied().collect();
        let step = y.len().div_ceil(MAX_POINTS).max(1);
        let binary = p.task == Task::Classification && p.classes.len() <= 2;
        let mut points = Vec::with_capacity(y.len().div_ceil(step) * 4);
        self.buf.ws.prepare(&self.net);
        for (row, &label) in x.chunks_exact(n).step_by(step).zip(y.iter().step_by(step)) {
            let (a, b) = pca.project(row);
            // Two classes: ±1 and the tanh output; more: the class index and the most likely class.
            let out = self.net.forward_prepared(row, &mut self.buf.ws);
            let predicted = if out.len() > 1 {
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
    fn csv_in_use(&self) -> Option<FromWorker> {
        self.csv_info().map(|info| FromWorker::CsvInUse {
            info,
            hash: url::encode(&self.config),
        })
    }

    /// The imported data's names, plane and points, for the page.
    fn csv_info(&self) -> Option<CsvInfo> {
        let (p, plane) = self.csv.as_ref()?;
        let n = p.n_features();
        let mut points = Vec::with_capacity((p.train.len() + p.test.len()) * 4);
        // The label drawn: ±1 for two classes, the class index for more, the scaled value for regression.
        let multi = self.config.outputs() > 1;
        let shown = |y: f32| match p.task {
            Task::Classification if !multi => 2.0 * y - 1.0,
            _ => y,
        };
        for (s, test) in [(&p.train, 0.0), (&p.test, 1.0)] {
            for (row, &y) in s.x.chunks_exact(n).zip(&s.y) {
                points.extend_from_slice(&[row[plane.axes.0], row[plane.axes.1], shown(y), test]);
            }
        }
        Some(CsvInfo {
            feature_names: p.feature_names.clone(),
            classes: p.classes.clone(),
            axes: (plane.axes.0 as u32, plane.axes.1 as u32),
            x_range: plane.x_range,
            y_range: plane.y_range,
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

    /// Everything the page draws, computed now.
    pub fn snapshot(&mut self) -> Snapshot {
        let sizes = self.net.sizes();
        let hidden_neurons: usize = sizes[1..sizes.len() - 1].iter().sum();
        let mut output = vec![0.0; DENSITY * DENSITY * self.net.n_outputs()];
        let mut neurons = vec![0.0; hidden_neurons * THUMB * THUMB];
        grid::evaluate(
            &self.net,
            &self.grid_inputs,
            &mut self.buf.ws,
            &mut output,
            &mut neurons,
        );
        let history = self
            .history
            .points()
            .iter()
            .flat_map(|p| [p.epoch as f32, p.train, p.test])
            .collect();
        Snapshot {
            header: SnapshotHeader {
                run: self.run,
                epoch: self.epoch as f64,
                train_loss: self.losses.0,
                test_loss: self.losses.1,
                state: self.state,
                sizes: sizes.iter().map(|&s| s as u32).collect(),
            },
            output,
            neurons,
            params: self.net.params(),
            history,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DatasetKind;

    /// Classification of column `target` from `features`, standardised, half for training.
    fn classes_of(features: Vec<u32>, target: u32) -> crate::importer::MappingRequest {
        crate::importer::MappingRequest {
            features,
            target,
            task: "classification".into(),
            missing: "mean".into(),
            scaling: "standard".into(),
            train_percent: 50,
            seed: 1,
            clip_sigma: 0.0,
            validation_percent: 0,
        }
    }

    fn configure(c: &Config) -> ToWorker {
        ToWorker::Configure {
            hash: url::encode(c),
            run: 1,
        }
    }

    #[test]
    fn step_is_exactly_one_epoch_and_pauses() {
        let mut t = Trainer::new(Config::default());
        t.handle(ToWorker::Play);
        assert!(t.is_playing());
        let (_, snap) = t.handle(ToWorker::Step);
        assert!(snap);
        assert_eq!(t.epoch(), 1);
        assert!(!t.is_playing());
    }

    #[test]
    fn tuning_continues_and_shape_change_resets() {
        let mut c = Config::default();
        let mut t = Trainer::new(c.clone());
        for _ in 0..5 {
            t.train_epoch();
        }
        c.learning_rate = 0.1;
        t.handle(configure(&c));
        assert_eq!(t.epoch(), 5);
        assert_eq!(t.config().learning_rate, 0.1);
        c.hidden = vec![3];
        t.handle(configure(&c));
        assert_eq!(t.epoch(), 0);
        assert_eq!(t.network().sizes(), vec![2, 3, 1]);
    }

    #[test]
    fn a_huge_learning_rate_stops_with_an_explanation_and_keeps_the_last_good_weights() {
        let mut c = Config::default();
        c.set_dataset(DatasetKind::Plane);
        c.learning_rate = 1000.0;
        c.hidden = vec![8, 8, 8];
        let mut t = Trainer::new(c.clone());
        t.handle(ToWorker::Play);
        let mut stopped = None;
        for _ in 0..200 {
            if let Some(m) = t.train_epoch() {
                stopped = Some(m);
                break;
            }
        }
        match stopped {
            Some(FromWorker::Stopped { message }) => assert!(message.contains("lower learning rate"), "{message}"),
            other => panic!("expected a stop, got {other:?}"),
        }
        assert_eq!(t.state(), RunState::Paused);
        assert!(
            health::check_params(t.network()).is_none(),
            "the shown network is the last good one"
        );
        assert!(t.losses().0.is_finite() && t.losses().1.is_finite());
        // A lower learning rate continues from there.
        let e = t.epoch();
        c.learning_rate = 0.001;
        t.handle(configure(&c));
        assert!(t.train_epoch().is_none());
        assert_eq!(t.epoch(), e + 1);
        t.handle(ToWorker::Reset { run: 2 });
        assert_eq!(t.epoch(), 0);
    }

    #[test]
    fn dead_relus_stop_the_run_with_an_explanation() {
        let mut c = Config::default();
        c.activation = Activation::Relu;
        c.hidden = vec![3, 3];
        let mut t = Trainer::new(c);
        for b in &mut t.net.layers[1].biases {
            *b = -1000.0;
        }
        let msg = t.train_epoch();
        match msg {
            Some(FromWorker::Stopped { message }) => assert!(message.contains("hidden layer 2"), "{message}"),
            other => panic!("expected a stop, got {other:?}"),
        }
    }

    #[test]
    fn set_weight_applies_and_bad_indices_are_errors() {
        let mut t = Trainer::new(Config::default());
        let (out, _) = t.handle(ToWorker::SetWeight {
            layer: 1,
            to: 1,
            from: 3,
            value: 2.5,
        });
        assert!(out.is_empty());
        assert_eq!(t.network().layers[1].weights[3 + 4], 2.5);
        t.handle(ToWorker::SetBias {
            layer: 2,
            neuron: 0,
            value: -0.7,
        });
        assert_eq!(t.network().layers[2].biases[0], -0.7);
        let (out, _) = t.handle(ToWorker::SetWeight {
            layer: 1,
            to: 2,
            from: 0,
            value: 1.0,
        });
        assert_eq!(
            out,
            vec![FromWorker::Error {
                message: "there is no weight 0→2 of layer 1 in a network of sizes [2, 4, 2, 1]".into()
            }]
        );
    }

    #[test]
    fn resume_continues_from_saved_parameters() {
        let mut a = Trainer::new(Config::default());
        for _ in 0..7 {
            a.train_epoch();
        }
        let saved = a.snapshot();
        let mut b = Trainer::new(Config::default());
        b.handle(ToWorker::Resume {
            params: saved.params.clone(),
            epoch: saved.header.epoch,
        });
        assert_eq!(b.epoch(), 7);
        assert_eq!(b.network(), a.network());
        a.train_epoch();
        b.train_epoch();
        assert_eq!(a.losses(), b.losses());
        let (out, _) = b.handle(ToWorker::Resume {
            params: vec![1.0; 3],
            epoch: 1.0,
        });
        assert!(matches!(&out[..], [FromWorker::Error { .. }]));
    }

    #[test]
    fn imported_data_trains_and_a_bad_mapping_changes_nothing() {
        // Two classes split by x + y > 0, plus a useless categorical column.
        let mut csv = String::from("x,y,colour,label\n");
        let mut rng = crate::rng::Rng::new(5, crate::rng::Stream::Data);
        for i in 0..200 {
            let (x, y) = (rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0));
            let label = if x + y > 0.0 { "pos" } else { "neg" };
            csv.push_str(&format!("{x:.3},{y:.3},{},{label}\n", ["red", "blue"][i % 2]));
        }
        let mut t = Trainer::new(Config::default());
        assert!(matches!(
            t.inspect(csv.as_bytes(), ReadOptions::default()),
            FromWorker::TableRead { .. }
        ));
        let request = classes_of(vec![0, 1, 2], 3);
        // A mapping that cannot work leaves the built-in run as it was.
        let mut bad = request.clone();
        bad.features = vec![3];
        let (out, _) = t.handle(ToWorker::UseCsv {
            request: bad,
            axes: (0, 1),
        });
        assert!(matches!(&out[..], [FromWorker::ImportFailed { .. }]));
        assert_eq!(t.network().sizes(), vec![2, 4, 2, 1]);

        let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
        let Some(FromWorker::CsvInUse { info, hash }) = out.first() else {
            panic!("{out:?}")
        };
        // Small files travel in the link: a fresh worker loads the same data from it alone.
        let linked = url::decode(hash).config;
        assert!(linked.csv.as_ref().is_some_and(|s| s.data.is_some() && s.inputs == 4));
        let mut fresh = Trainer::new(Config::default());
        let (out2, _) = fresh.handle(ToWorker::Configure {
            hash: hash.clone(),
            run: 1,
        });
        assert!(matches!(&out2[..], [FromWorker::CsvInUse { .. }]), "{out2:?}");
        assert_eq!(fresh.network().sizes(), vec![4, 4, 2, 1]);
        assert_eq!(info.feature_names, ["x", "y", "colour=red", "colour=blue"]);
        let (proj, _) = t.handle(ToWorker::Projection);
        let Some(FromWorker::Projection { points }) = proj.first() else {
            panic!("{proj:?}")
        };
        assert_eq!(points.len(), 200 * 4);
        assert!(points.iter().all(|v| v.is_finite()));
        assert_eq!(info.points.len(), 200 * 4);
        assert_eq!(t.network().sizes(), vec![4, 4, 2, 1]);
        let before = t.losses().1;
        for _ in 0..60 {
            assert!(t.train_epoch().is_none());
        }
        assert!(t.losses().1 < before * 0.5, "test loss {} -> {}", before, t.losses().1);
        let s = t.snapshot();
        assert_eq!(s.header.sizes, vec![4, 4, 2, 1]);
        // The page's hash for this setup keeps the data; new axes only move the plane.
        let mut c = t.config().clone();
        c.csv.as_mut().unwrap().axes = (1, 0);
        let e = t.epoch();
        let (out, _) = t.handle(configure(&c));
        assert_eq!(t.epoch(), e);
        assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]));
        // Off-axis features at their mean: the one-hot colour sits between 0 and 1.
        assert!(t.grid_inputs[2] > 0.2 && t.grid_inputs[2] < 0.8, "{}", t.grid_inputs[2]);
        // ... or at one file row's values: exactly 0 or 1.
        c.csv.as_mut().unwrap().hold_row = Some(5);
        let (out, _) = t.handle(configure(&c));
        assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]));
        assert!(
            t.grid_inputs[2] == 0.0 || t.grid_inputs[2] == 1.0,
            "{}",
            t.grid_inputs[2]
        );
        assert_eq!(t.epoch(), e);
        // Choosing a built-in dataset leaves the imported data.
        c.set_dataset(DatasetKind::Xor);
        t.handle(configure(&c));
        assert_eq!(t.network().sizes(), vec![2, 4, 2, 1]);
        assert!(t.config().csv.is_none());
    }

    #[test]
    fn three_classes_train_through_softmax() {
        let mut csv = String::from("a,b,kind\n");
        let mut rng = crate::rng::Rng::new(8, crate::rng::Stream::Data);
        for i in 0..300 {
            let (cx, cy, name) = [(-2.0, 0.0, "left"), (2.0, 0.0, "right"), (0.0, 3.0, "top")][i % 3];
            csv.push_str(&format!(
                "{:.3},{:.3},{name}\n",
                rng.normal(cx, 0.5),
                rng.normal(cy, 0.5)
            ));
        }
        let mut c = Config::default();
        c.hidden = vec![6];
        let mut t = Trainer::new(c);
        t.inspect(csv.as_bytes(), ReadOptions::default());
        let request = classes_of(vec![0, 1], 2);
        let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
        assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]), "{out:?}");
        assert_eq!(t.network().sizes(), vec![2, 6, 3]);
        assert_eq!(t.config().loss(), crate::loss::Loss::CategoricalCrossEntropy);
        let start = t.losses().1;
        for _ in 0..100 {
            assert!(t.train_epoch().is_none());
        }
        // Cross-entropy of a uniform guess over 3 classes is ln 3 ≈ 1.1.
        assert!(
            start > 0.9 && t.losses().1 < 0.15,
            "test loss {start} -> {}",
            t.losses().1
        );
        let s = t.snapshot();
        assert_eq!(s.output.len(), 100 * 100 * 3);
        let sum: f32 = s.output[..3].iter().sum();
        assert!((sum - 1.0).abs() < 1e-5, "each picture cell holds 3 probabilities");
        let (proj, _) = t.handle(ToWorker::Projection);
        let Some(FromWorker::Projection { points }) = proj.first() else {
            panic!()
        };
        assert!(points
            .chunks_exact(4)
            .all(|p| [0.0, 1.0, 2.0].contains(&p[2]) && [0.0, 1.0, 2.0].contains(&p[3])));
        let hash = url::encode(t.config());
        assert!(hash.contains("&csvout=3"), "{hash}");
    }

    #[test]
    fn ping_is_answered_without_a_snapshot() {
        let mut t = Trainer::new(Config::default());
        assert_eq!(t.handle(ToWorker::Ping), (vec![FromWorker::Pong], false));
    }

    #[test]
    fn snapshot_has_every_picture() {
        let mut c = Config::default();
        c.hidden = vec![8, 8, 8, 8, 8, 8];
        let mut t = Trainer::new(c);
        let s = t.snapshot();
        assert_eq!(s.output.len(), 100 * 100);
        assert_eq!(s.neurons.len(), 48 * 50 * 50);
        assert_eq!(s.params.len(), t.network().param_count());
        assert_eq!(s.history.len(), 3);
        assert_eq!(s.header.sizes, vec![2, 8, 8, 8, 8, 8, 8, 1]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any sequence of messages, with any values, leaves a trainer that answers and is finite.
        #[test]
        fn any_message_sequence_is_survived(ops in proptest::collection::vec((0u8..9, proptest::num::u32::ANY, proptest::num::f32::ANY, ".{0,40}"), 0..40)) {
            let mut t = Trainer::new(Config::default());
            for (kind, n, v, s) in ops {
                let msg = match kind {
                    0 => ToWorker::Configure { hash: s, run: n },
                    1 => ToWorker::Reset { run: n },
                    2 => ToWorker::Step,
                    3 => ToWorker::SetWeight { layer: n % 4, to: n % 9, from: n % 7, value: v },
                    4 => ToWorker::SetBias { layer: n % 4, neuron: n % 9, value: v },
                    5 => ToWorker::Resume { params: vec![v; (n % 40) as usize], epoch: f64::from(v) },
                    6 => ToWorker::Play,
                    7 => ToWorker::Pause,
                    _ => ToWorker::Ping,
                };
                t.handle(msg);
                t.train_epoch();
            }
            proptest::prop_assert!(health::check_params(t.network()).is_none());
            let s = t.snapshot();
            proptest::prop_assert_eq!(s.params.len(), t.network().param_count());
        }
    }
}
