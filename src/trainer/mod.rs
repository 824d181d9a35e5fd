//! The worker's state machine: owns the data, the network and the run, and
//! answers `ToWorker` messages. Time slicing and posting live in the glue;
//! everything that decides what happens lives here, so it is tested natively.
//! Imported (CSV) data has its own file, `imported.rs`.

mod imported;

use crate::activation::Activation;
use crate::config::Config;
use crate::dataset::{split, Point};
use crate::epoch::{mean_loss, train_epoch, Buffers};
use crate::error::Error;
use crate::features::compute_into;
use crate::grid::{self, DENSITY, THUMB};
use crate::health::{self, Fault};
use crate::history::{LossHistory, LossPoint};
use crate::importer::Importer;
use crate::network::{Init, Network};
use crate::plane::Plane;
use crate::prep::{Prepared, Task};
use crate::protocol::{FromWorker, RunState, Snapshot, SnapshotHeader, ToWorker};
use crate::url;
use imported::plane_for;

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
                if std::mem::discriminant(&new.optimizer) != std::mem::discriminant(&self.config.optimizer) {
                    // Another optimizer keeps the weights but not the old one's memory.
                    self.buf.state.reset();
                }
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
mod tests;
