//! The worker's state machine: owns the data, the network and the run, and
//! answers `ToWorker` messages. Time slicing and posting live in the glue;
//! everything that decides what happens lives here, so it is tested natively.
//! Imported (CSV) data has its own file, `imported.rs`.

mod climb;
mod extras;
mod imported;
mod measure;
mod snapshot;

use crate::activation::Activation;
use crate::config::Config;
use crate::dataset::{split3, Point};
use crate::epoch::{shuffled_order, train_epoch_planned, Buffers, EpochPlan};
use crate::error::Error;
use crate::features::compute_into;
use crate::grid;
use crate::health::{self, Fault};
use crate::history::LossHistory;
use crate::importer::Importer;
use crate::metrics::Metrics;
use crate::network::{Init, Network};
use crate::plane::Plane;
use crate::prep::Prepared;
use crate::protocol::{FromWorker, RunState, ToWorker};
use crate::rng::{Rng, Stream};
use crate::stopping::EarlyStopper;
use crate::url;
pub use extras::Extras;
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
    /// Validation rows (early stopping watches their loss): (n, n_features), (n, n_outputs).
    val_x: Vec<f32>,
    val_y: Vec<f32>,
    net: Network,
    /// Early stopping's memory, and the weights of the best epoch so far.
    stopper: EarlyStopper,
    best: Network,
    /// Metrics of the last record: (train, test).
    metrics: (Metrics, Metrics),
    /// The last network that passed the health checks, and its epoch.
    good: Network,
    good_epoch: u64,
    /// The optimizer's state after the good epoch (to replay a diverging epoch, `climb`).
    good_state: crate::optimizer::OptimizerState,
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
    /// The advanced module's pruning, quantisation and augmentation (None: the page's own worker).
    extras: Option<Box<dyn Extras>>,
}

/// Epoch `epoch`'s order of the `n` training rows (None: the data's order).
fn epoch_order(c: &Config, n: usize, epoch: u64) -> Option<Vec<u32>> {
    c.shuffle
        .then(|| shuffled_order(n, &mut Rng::for_epoch(c.seed, epoch, Stream::EpochOrder)))
}

/// Epoch `epoch`'s dropout rates and the stream of its masks, when a layer drops units.
fn epoch_dropout<'a>(c: &Config, rates: &'a [f32], epoch: u64) -> Option<(&'a [f32], Rng)> {
    crate::dropout::Dropout::active(rates).then(|| (rates, Rng::for_epoch(c.seed, epoch, Stream::Dropout)))
}

impl Trainer {
    pub fn new(config: Config) -> Self {
        Self::with_extras(config, None)
    }

    /// A trainer with the advanced module's work installed (`crate::advanced`).
    pub fn with_extras(config: Config, extras: Option<Box<dyn Extras>>) -> Self {
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
            good_state: Default::default(),
            net,
            config,
            train: Vec::new(),
            test: Vec::new(),
            train_x: Vec::new(),
            train_y: Vec::new(),
            test_x: Vec::new(),
            test_y: Vec::new(),
            val_x: Vec::new(),
            val_y: Vec::new(),
            stopper: EarlyStopper::default(),
            best: Network { layers: Vec::new() },
            metrics: (
                Metrics::Regression {
                    mse: 0.0,
                    mae: 0.0,
                    r2: 0.0,
                },
                Metrics::Regression {
                    mse: 0.0,
                    mae: 0.0,
                    r2: 0.0,
                },
            ),
            grid_inputs: Vec::new(),
            epoch: 0,
            history: LossHistory::default(),
            losses: (0.0, 0.0),
            state: RunState::Paused,
            run: 0,
            importer: Importer::default(),
            csv: None,
            pca: None,
            extras,
        };
        t.configure_extras();
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
    /// (train, test) metrics as of the last record.
    pub fn metrics(&self) -> &(Metrics, Metrics) {
        &self.metrics
    }
    pub fn train_points(&self) -> &[Point] {
        &self.train
    }
    pub fn test_points(&self) -> &[Point] {
        &self.test
    }
    /// The imported data in training and its picture plane (None: built-in data).
    pub fn imported(&self) -> Option<(&crate::prep::Prepared, &crate::plane::Plane)> {
        self.csv.as_ref().map(|(p, plane)| (p, plane))
    }

    /// New data from the config (dataset, noise, ratio, seed), then new weights.
    fn regenerate(&mut self) {
        if self.config.csv.is_none() {
            self.csv = None;
        }
        let head = self.config.head();
        let encode = |ys: &[f32]| {
            let mut out = Vec::with_capacity(ys.len() * head.outputs);
            ys.iter().for_each(|&y| head.encode(y, &mut out));
            out
        };
        if let Some((p, plane)) = &self.csv {
            // Class indices (classification) or numbers (regression), coded for the head.
            self.train_x = p.train.x.clone();
            self.train_y = encode(&p.train.y);
            self.val_x = p.validation.x.clone();
            self.val_y = encode(&p.validation.y);
            self.test_x = p.test.x.clone();
            self.test_y = encode(&p.test.y);
            self.train.clear();
            self.test.clear();
            self.grid_inputs = plane.inputs();
            self.reset_weights();
            return;
        }
        let c = &self.config;
        let points = c.points();
        let (train, validation, test) = split3(&points, c.train_ratio, c.validation);
        let feats = c.features.clone();
        let classes = c.classes();
        let to_xy = |pts: &[Point]| {
            let mut x = vec![0.0; pts.len() * feats.len()];
            for (p, row) in pts.iter().zip(x.chunks_exact_mut(feats.len())) {
                compute_into(&feats, p.x1, p.x2, row);
            }
            // Two built-in classes are labelled ±1: class 1 is +1.
            let labels: Vec<f32> = pts
                .iter()
                .map(|p| {
                    if classes == 2 {
                        f32::from(p.label > 0.0)
                    } else {
                        p.label
                    }
                })
                .collect();
            (x, encode(&labels))
        };
        (self.train_x, self.train_y) = to_xy(&train);
        (self.val_x, self.val_y) = to_xy(&validation);
        (self.test_x, self.test_y) = to_xy(&test);
        self.train = train;
        self.test = test;
        self.grid_inputs = grid::inputs(&feats);
        self.reset_weights();
    }

    /// New weights from the seed; epoch 0; the run is paused.
    fn reset_weights(&mut self) {
        let c = &self.config;
        self.net = Network::with_activations(
            &c.layer_sizes(),
            &c.hidden_activations(),
            c.output_activation(),
            c.init,
            c.seed,
        );
        self.good = self.net.clone();
        self.good_epoch = 0;
        self.best = self.net.clone();
        self.stopper.reset();
        self.buf = Buffers::new(&self.net);
        self.good_state.clone_from(&self.buf.state);
        self.epoch = 0;
        self.history.clear();
        self.state = RunState::Paused;
        self.settle();
        self.record();
    }

    /// Stops the run for `fault`, going back to the last good weights when the
    /// current ones are broken, and says why.
    fn stop(&mut self, fault: Fault) -> FromWorker {
        let failed_epoch = self.epoch;
        let broken = matches!(fault, Fault::NotFinite | Fault::Exploding { .. });
        let climb = if broken { self.climb(failed_epoch) } else { Vec::new() };
        // Dead ReLUs and saturated outputs are numbers and stay; broken weights go
        // back to the last good ones. The history keeps the climb that led here (the
        // restored weights are measured, not recorded), so the chart shows the divergence.
        if !matches!(fault, Fault::DeadLayer { .. } | Fault::Saturated { .. }) {
            self.net.copy_params_from(&self.good);
            self.epoch = self.good_epoch;
            self.buf.state.reset();
            self.measure();
        }
        self.state = RunState::Paused;
        let mut message = fault.message(failed_epoch, self.good_epoch, self.config.learning_rate);
        if climb.len() > 2 {
            message.push_str(&format!(
                " Within epoch {failed_epoch} the training loss went {} in its first {} minibatch steps.",
                climb::climb_text(&climb),
                climb.len() - 1
            ));
        }
        FromWorker::Stopped { message }
    }

    /// One epoch, then the health checks. Returns a `Stopped` message if the run had to stop.
    pub fn train_epoch(&mut self) -> Option<FromWorker> {
        let rows = (&self.train_x[..], &self.train_y[..]);
        let augmented = (self.extras.as_mut()).and_then(|e| e.epoch_rows(&self.train, rows, &self.config, self.epoch));
        let c = &self.config;
        let settings = c.step_settings(self.epoch);
        let batch = c.batch_size as usize;
        let loss = c.loss();
        let n = self.train_y.len() / c.outputs().max(1);
        let order = epoch_order(c, n, self.epoch);
        let rates = c.dropout_rates();
        let (x, y) = augmented
            .as_ref()
            .map_or((&self.train_x, &self.train_y), |(x, y)| (x, y));
        let dropout = epoch_dropout(c, &rates, self.epoch);
        // Normalisation layers: the advanced trainer's own epoch.
        let own = self.extras.as_mut().filter(|e| e.trains_epochs());
        let mut own_fault = None;
        if let Some(e) = own {
            let order = order.as_deref();
            own_fault = e.train_epoch(
                &mut self.net,
                &mut self.buf,
                x,
                y,
                batch,
                loss,
                &settings,
                order,
                dropout,
            );
        } else {
            let plan = EpochPlan {
                order: order.as_deref(),
                dropout,
                track_gradients: true,
                hook: self.extras.as_mut().and_then(|e| e.hook()),
            };
            train_epoch_planned(&mut self.net, &mut self.buf, x, y, batch, loss, &settings, plan);
        }
        self.epoch += 1;
        self.settle();
        let broken = health::check_params(&self.net).or(own_fault);
        if self.history.wants(self.epoch) || broken.is_some() {
            // Recorded even when the epoch ends the run: the climbing loss is what to see.
            self.record();
        }
        if let Some(fault) = broken {
            return Some(self.stop(fault));
        }
        if self.history.wants(self.epoch) {
            if !self.losses.0.is_finite() || !self.losses.1.is_finite() {
                return Some(self.stop(Fault::NotFinite));
            }
            // The plain network's checks (normalisation changes what is dead or saturated).
            let plain = !self.extras.as_ref().is_some_and(|e| e.trains_epochs());
            if plain && self.config.hidden_activations().contains(&Activation::Relu) {
                if let Some(layer) = health::dead_layer(&self.net, &mut self.buf.ws, &self.train_x) {
                    return Some(self.stop(Fault::DeadLayer { layer }));
                }
            }
            if let Some(fault) = self.saturation().filter(|_| plain) {
                return Some(self.stop(fault));
            }
        }
        self.good.copy_params_from(&self.net);
        self.good_epoch = self.epoch;
        self.good_state.clone_from(&self.buf.state);
        if let Some(reason) = self.stopping_reason() {
            return Some(self.finish(reason));
        }
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
                out.extend(self.configure_extras());
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
                // The extras' settings may change the weights (pruning) or what is
                // measured (quantisation): measured again at once.
                if !reset && self.extras.is_some() {
                    self.settle();
                    self.record();
                }
                true
            }
            ToWorker::Trial { job } => {
                let outcome = crate::search::trial::run(self, &job);
                out.push(FromWorker::TrialDone { outcome });
                false
            }
            ToWorker::Projection => {
                out.extend(self.projection().map(|points| FromWorker::Projection { points }));
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
            ToWorker::Language { texts } => {
                // The page checked these files; English stays if they fail here.
                let _ = crate::i18n::install_main(&texts);
                false
            }
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
                        self.epoch = epoch.max(0.0) as u64;
                        self.settle();
                        self.good.copy_params_from(&self.net);
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

    /// The imported data after cleaning (`predictions: false`) or the network's
    /// predictions for every row, as a CSV file: (name, text). The export
    /// module makes it from the page's run rebuilt (`export::run::Run`).
    pub fn imported_csv(&self, predictions: bool) -> Option<(&'static str, String)> {
        let ((p, _), setup) = (self.csv.as_ref()?, self.config.csv.as_ref()?);
        let target = setup
            .columns
            .get(setup.mapping.target as usize)
            .cloned()
            .unwrap_or_default();
        Some(if predictions {
            let rows = (setup.mapping.row_names).and_then(|k| self.importer.row_ids(&setup.columns, k as usize));
            let head = self.config.head();
            let text = crate::export::predictions_csv(p, &self.net, &head, &target, rows.as_ref());
            ("predictions.csv", text)
        } else {
            ("cleaned-data.csv", crate::export::dataset_csv(p, &target))
        })
    }

    /// Tells the extras the setup's advanced keys; what they could not use, as an error to show.
    fn configure_extras(&mut self) -> Option<FromWorker> {
        let message = self.extras.as_mut()?.configure(&self.config)?;
        Some(FromWorker::Error { message })
    }

    /// Lets the extras bring the weights to what their settings ask now
    /// (pruning); true when they may have changed.
    fn settle(&mut self) -> bool {
        self.extras
            .as_mut()
            .is_some_and(|e| e.settle(&mut self.net, self.epoch))
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
        self.settle();
        self.good.copy_params_from(&self.net);
        self.record();
        Ok(())
    }
}

#[cfg(test)]
mod tests;
