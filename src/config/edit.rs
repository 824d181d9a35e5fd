//! One change a user makes to the setup on the page, as data: the page's
//! controls send an `Edit`, the page's update applies it and validates the
//! result (`Config::validate`), and tests can replay a sequence of them.

use super::Config;
use crate::activation::Activation;
use crate::control::Control;
use crate::dataset::{DatasetKind, Problem};
use crate::features::Feature;
use crate::init::Init;
use crate::loss::Loss;
use crate::optimizer::Optimizer;
use crate::regularization::Regularization;
use crate::schedule::LrSchedule;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Dataset(DatasetKind),
    Problem(Problem),
    LearningRate(f32),
    Optimizer(Optimizer),
    /// One hyperparameter of the optimizer by its URL key (`b1`, `mom`, …).
    OptimizerParam(String, f32),
    /// The "all layers" activation.
    Activation(Activation),
    LayerActivation(usize, Activation),
    Dropout(usize, f32),
    Regularization(Regularization),
    RegularizationRate(f32),
    TrainRatio(u32),
    Noise(u32),
    BatchSize(u32),
    ShowTestData(bool),
    Discretize(bool),
    AddLayer,
    RemoveLayer,
    /// +1 or −1 neuron in a hidden layer.
    Neurons {
        layer: usize,
        delta: i32,
    },
    ToggleFeature(Feature),
    Seed(u32),
    /// The picture plane of imported data: which feature is on the x (or y) axis.
    Axis {
        x: bool,
        feature: usize,
    },
    /// The file row the other features of imported data are held at (None: their mean).
    HoldRow(Option<usize>),
    Loss(Loss),
    OutputActivation(Activation),
    Init(Init),
    Schedule(LrSchedule),
    /// One parameter of the schedule by its URL key.
    ScheduleParam(String, f32),
    ClipNorm(f32),
    Shuffle(bool),
    Patience(u32),
    MinDelta(f32),
    RestoreBest(bool),
    StopEpoch(u64),
    TargetLoss(f32),
    TargetAccuracy(f32),
    Validation(u32),
    Classes(usize),
    Hide(Control, bool),
    Speed(crate::pace::Speed),
    /// The training options row folded (true) or open.
    OptionsFolded(bool),
    /// Presenter view on or off.
    Present(bool),
    /// The advanced module's keys (`Config::advanced`), as its panel writes them.
    Advanced(String),
    Theme(crate::theme::Theme),
}

impl Edit {
    /// The control that makes this edit, where a link can hide it: a hidden
    /// control's edits are ignored (a diagram's locked features, for example).
    pub fn control(&self) -> Option<Control> {
        Some(match self {
            Edit::Dataset(_) => Control::Dataset,
            Edit::Problem(_) => Control::Problem,
            Edit::LearningRate(_) => Control::LearningRate,
            Edit::Optimizer(_) | Edit::OptimizerParam(..) => Control::Optimizer,
            Edit::Activation(_) | Edit::LayerActivation(..) => Control::Activation,
            Edit::Dropout(..) => Control::Dropout,
            Edit::Regularization(_) => Control::Regularization,
            Edit::RegularizationRate(_) => Control::RegularizationRate,
            Edit::TrainRatio(_) => Control::TrainRatio,
            Edit::Noise(_) => Control::Noise,
            Edit::BatchSize(_) => Control::BatchSize,
            Edit::ShowTestData(_) => Control::ShowTestData,
            Edit::Discretize(_) => Control::Discretize,
            Edit::AddLayer | Edit::RemoveLayer | Edit::Neurons { .. } => Control::Layers,
            Edit::ToggleFeature(_) => Control::Features,
            Edit::Seed(_) => Control::Regenerate,
            Edit::Loss(_) => Control::Loss,
            Edit::OutputActivation(_) => Control::OutputActivation,
            Edit::Init(_) => Control::Init,
            Edit::Schedule(_) | Edit::ScheduleParam(..) => Control::Schedule,
            Edit::ClipNorm(_) => Control::Clip,
            Edit::Shuffle(_) => Control::Shuffle,
            Edit::Patience(_) | Edit::MinDelta(_) | Edit::RestoreBest(_) => Control::EarlyStopping,
            Edit::StopEpoch(_) | Edit::TargetLoss(_) | Edit::TargetAccuracy(_) => Control::StopRules,
            Edit::Validation(_) => Control::Validation,
            Edit::Classes(_) => Control::Classes,
            Edit::Speed(_) => Control::Speed,
            Edit::Axis { .. }
            | Edit::HoldRow(_)
            | Edit::Hide(..)
            | Edit::OptionsFolded(_)
            | Edit::Present(_)
            | Edit::Advanced(_)
            | Edit::Theme(_) => return None,
        })
    }

    /// Applies the edit; `false` when the value is refused (a hyperparameter out
    /// of its range), in which case `c` is unchanged.
    pub fn apply(&self, c: &mut Config) -> bool {
        match self.clone() {
            Edit::Dataset(d) => c.set_dataset(d),
            Edit::Problem(p) => c.set_problem(p),
            Edit::LearningRate(x) => c.learning_rate = x,
            Edit::Optimizer(o) => {
                // The rate follows the optimizer while it is the old one's suggestion;
                // a rate the user chose stays (and the page hints at the new suggestion).
                if c.learning_rate == c.optimizer.suggested_learning_rate() {
                    c.learning_rate = o.suggested_learning_rate();
                }
                c.optimizer = o;
            }
            Edit::OptimizerParam(k, v) => {
                let mut o = c.optimizer;
                if !o.set_param(&k, v) {
                    return false;
                }
                c.optimizer = o;
            }
            Edit::Activation(a) => c.set_all_activations(a),
            Edit::LayerActivation(l, a) => c.set_layer_activation(l, a),
            Edit::Dropout(l, r) => c.set_dropout(l, r),
            Edit::Regularization(r) => c.regularization = r,
            Edit::RegularizationRate(x) => c.regularization_rate = x,
            Edit::TrainRatio(x) => c.train_ratio = x,
            Edit::Noise(x) => c.noise = x,
            Edit::BatchSize(x) => c.batch_size = x,
            Edit::ShowTestData(b) => c.show_test_data = b,
            Edit::Discretize(b) => c.discretize = b,
            Edit::AddLayer => {
                c.add_layer();
            }
            Edit::RemoveLayer => {
                c.remove_layer();
            }
            Edit::Neurons { layer, delta } => {
                c.change_neurons(layer, delta);
            }
            Edit::ToggleFeature(f) => {
                c.toggle_feature(f);
            }
            Edit::Seed(s) => c.seed = s,
            Edit::Axis { x, feature } => {
                if let Some(s) = &mut c.csv {
                    if x {
                        s.axes.0 = feature;
                    } else {
                        s.axes.1 = feature;
                    }
                }
            }
            Edit::HoldRow(row) => {
                if let Some(s) = &mut c.csv {
                    s.hold_row = row.filter(|&r| r >= 1);
                }
            }
            // The default stays implicit (`None`), so the link stays clean.
            Edit::Loss(l) => c.loss = (l != c.task().losses()[0]).then_some(l),
            Edit::OutputActivation(a) => c.output_activation = (a != c.task().outputs_for(c.loss())[0]).then_some(a),
            Edit::Init(i) => c.init = i,
            Edit::Schedule(s) => c.schedule = s,
            Edit::ScheduleParam(k, v) => {
                let mut s = c.schedule;
                if !s.set_param(&k, v) {
                    return false;
                }
                c.schedule = s;
            }
            Edit::ClipNorm(x) => c.clip_norm = x,
            Edit::Shuffle(b) => c.shuffle = b,
            Edit::Patience(p) => c.stopping.patience = p,
            Edit::MinDelta(x) => c.stopping.min_delta = x,
            Edit::RestoreBest(b) => c.stopping.restore_best = b,
            Edit::StopEpoch(e) => c.stopping.at_epoch = e,
            Edit::TargetLoss(x) => c.stopping.target_loss = x,
            Edit::TargetAccuracy(x) => c.stopping.target_accuracy = x,
            Edit::Validation(v) => c.validation = v,
            Edit::Classes(k) => c.classes = k,
            Edit::Hide(ctrl, hide) => c.set_hidden(ctrl, hide),
            Edit::Speed(s) => c.speed = s,
            Edit::OptionsFolded(f) => c.options_folded = f,
            Edit::Present(p) => c.present = p,
            // What a link may carry (`url::decode`'s rule).
            Edit::Advanced(a) => {
                let fits = a.len() < 256 && a.bytes().all(|b| b.is_ascii_alphanumeric() || b"=&.,_-".contains(&b));
                if !fits {
                    return false;
                }
                c.advanced = a
            }
            Edit::Theme(t) => c.theme = t,
        }
        true
    }
}
