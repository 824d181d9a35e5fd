//! The controls of the page by name: what a teacher can hide through a link
//! (`<key>_hide=1`), with each one's URL key, label and group, and the presets
//! of the hide dialog (a beginner view, an intermediate one, everything).

/// Controls a teacher can hide through the URL (`<key>_hide=1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    Dataset,
    Problem,
    Noise,
    TrainRatio,
    BatchSize,
    LearningRate,
    Optimizer,
    Schedule,
    Loss,
    Init,
    Activation,
    Regularization,
    RegularizationRate,
    /// Adding and removing layers and neurons.
    Layers,
    /// Turning input features on and off (the chosen ones stay, locked).
    Features,
    ShowTestData,
    Discretize,
    Regenerate,
    Play,
    Step,
    Reset,
    /// The explanatory text under the playground.
    Text,
    Speed,
    OutputActivation,
    Clip,
    Shuffle,
    EarlyStopping,
    /// Stop at an epoch, a loss or an accuracy.
    StopRules,
    Validation,
    Classes,
    Dropout,
    /// The "Your data" box (importing a CSV file).
    YourData,
    /// The whole training-options row.
    Options,
    /// The network diagram.
    Diagram,
    /// The accuracy / precision / recall (or MSE / MAE / R²) tables.
    Metrics,
    /// The metric, confusion-matrix and gradient cards under the playground.
    Charts,
    /// "Copy link" and "Hide controls…".
    Share,
    /// The Search button (and so the search panel).
    Search,
    /// The Lessons and Make a lesson buttons.
    Lessons,
    /// The Draw button (drawing your own points on the picture).
    Draw,
}

/// The hide dialog's groups, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Toolbar,
    TrainingOptions,
    Data,
    Network,
    YourData,
    Page,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Self::Toolbar,
        Self::TrainingOptions,
        Self::Data,
        Self::Network,
        Self::YourData,
        Self::Page,
    ];

    pub fn label(self) -> String {
        crate::t!(match self {
            Self::Toolbar => "group-toolbar",
            Self::TrainingOptions => "group-options",
            Self::Data => "group-data",
            Self::Network => "group-network",
            Self::YourData => "group-csv",
            Self::Page => "group-page",
        })
    }
}

/// The hide dialog's presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Play, Step, Reset, speed, learning rate, activation, the data set and its
    /// noise, the network (layers, neurons, features) and the picture.
    Beginner,
    /// Beginner plus the optimizer, regularisation, the problem type, batch
    /// size, training ratio, schedule, metrics and Regenerate.
    Intermediate,
    /// Nothing hidden.
    Everything,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Self::Beginner, Self::Intermediate, Self::Everything];

    /// The dialog's `data-preset` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Self::Beginner => "beginner",
            Self::Intermediate => "intermediate",
            Self::Everything => "everything",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("preset", self.key())
    }

    /// The controls this preset hides, sorted.
    pub fn hides(self) -> Vec<Control> {
        use Control::*;
        let intermediate_hides = [
            Loss,
            OutputActivation,
            Init,
            Clip,
            Shuffle,
            EarlyStopping,
            StopRules,
            Validation,
            Classes,
            Dropout,
            YourData,
            Charts,
            Discretize,
        ];
        let hidden: Vec<Control> = match self {
            Self::Everything => Vec::new(),
            Self::Intermediate => intermediate_hides.to_vec(),
            Self::Beginner => intermediate_hides
                .into_iter()
                .chain([
                    Optimizer,
                    Regularization,
                    RegularizationRate,
                    Problem,
                    BatchSize,
                    TrainRatio,
                    Schedule,
                    Options,
                    Metrics,
                    Regenerate,
                    Search,
                ])
                .collect(),
        };
        // In `Control::ALL` order, as `Config::hidden_controls` keeps them.
        Control::ALL.into_iter().filter(|c| hidden.contains(c)).collect()
    }
}

impl Control {
    pub const ALL: [Control; 40] = [
        Self::Dataset,
        Self::Problem,
        Self::Noise,
        Self::TrainRatio,
        Self::BatchSize,
        Self::LearningRate,
        Self::Optimizer,
        Self::Schedule,
        Self::Loss,
        Self::Init,
        Self::Activation,
        Self::Regularization,
        Self::RegularizationRate,
        Self::Layers,
        Self::Features,
        Self::ShowTestData,
        Self::Discretize,
        Self::Regenerate,
        Self::Play,
        Self::Step,
        Self::Reset,
        Self::Text,
        Self::Speed,
        Self::OutputActivation,
        Self::Clip,
        Self::Shuffle,
        Self::EarlyStopping,
        Self::StopRules,
        Self::Validation,
        Self::Classes,
        Self::Dropout,
        Self::YourData,
        Self::Options,
        Self::Diagram,
        Self::Metrics,
        Self::Charts,
        Self::Share,
        Self::Search,
        Self::Lessons,
        Self::Draw,
    ];

    /// URL key; the hide key is `<key>_hide`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Dataset => "data",
            Self::Problem => "problem",
            Self::Noise => "noise",
            Self::TrainRatio => "train",
            Self::BatchSize => "batch",
            Self::LearningRate => "lr",
            Self::Optimizer => "opt",
            Self::Schedule => "sched",
            Self::Loss => "loss",
            Self::Init => "init",
            Self::Activation => "act",
            Self::Regularization => "reg",
            Self::RegularizationRate => "rr",
            Self::Layers => "net",
            Self::Features => "in",
            Self::ShowTestData => "test",
            Self::Discretize => "disc",
            Self::Regenerate => "regen",
            Self::Play => "play",
            Self::Step => "step",
            Self::Reset => "reset",
            Self::Text => "text",
            Self::Speed => "speed",
            Self::OutputActivation => "out",
            Self::Clip => "clip",
            Self::Shuffle => "shuffle",
            Self::EarlyStopping => "es",
            Self::StopRules => "stop",
            Self::Validation => "val",
            Self::Classes => "classes",
            Self::Dropout => "drop",
            Self::YourData => "csv",
            Self::Options => "opts",
            Self::Diagram => "diagram",
            Self::Metrics => "metrics",
            Self::Charts => "charts",
            Self::Share => "share",
            Self::Search => "search",
            Self::Lessons => "lessons",
            Self::Draw => "draw",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("ctl", self.key())
    }

    pub fn group(self) -> Group {
        use Control::*;
        match self {
            Play | Step | Reset | Speed | LearningRate | Optimizer | Activation | Regularization
            | RegularizationRate | Problem | Search | Lessons => Group::Toolbar,
            Options | Loss | OutputActivation | Init | Schedule | Clip | Shuffle | EarlyStopping | StopRules => {
                Group::TrainingOptions
            }
            Dataset | Classes | TrainRatio | Noise | Validation | BatchSize | Regenerate | ShowTestData
            | Discretize | Draw => Group::Data,
            Layers | Features | Dropout | Diagram => Group::Network,
            YourData => Group::YourData,
            Metrics | Charts | Share | Text => Group::Page,
        }
    }

    /// The Fluent id of this control's explanation for a learner (`i18n/*/help.ftl`),
    /// shown beside it on hover and keyboard focus.
    pub fn help_id(self) -> &'static str {
        match self {
            Self::Dataset => "help-data",
            Self::Problem => "help-problem",
            Self::Noise => "help-noise",
            Self::TrainRatio => "help-train",
            Self::BatchSize => "help-batch",
            Self::LearningRate => "help-lr",
            Self::Optimizer => "help-opt",
            Self::Schedule => "help-sched",
            Self::Loss => "help-loss",
            Self::Init => "help-init",
            Self::Activation => "help-act",
            Self::Regularization => "help-reg",
            Self::RegularizationRate => "help-rr",
            Self::Layers => "help-net",
            Self::Features => "help-in",
            Self::ShowTestData => "help-test",
            Self::Discretize => "help-disc",
            Self::Regenerate => "help-regen",
            Self::Play => "help-play",
            Self::Step => "help-step",
            Self::Reset => "help-reset",
            Self::Text => "help-text",
            Self::Speed => "help-speed",
            Self::OutputActivation => "help-out",
            Self::Clip => "help-clip",
            Self::Shuffle => "help-shuffle",
            Self::EarlyStopping => "help-es",
            Self::StopRules => "help-stop",
            Self::Validation => "help-val",
            Self::Classes => "help-classes",
            Self::Dropout => "help-drop",
            Self::YourData => "help-csv",
            Self::Options => "help-opts",
            Self::Diagram => "help-diagram",
            Self::Metrics => "help-metrics",
            Self::Charts => "help-charts",
            Self::Share => "help-share",
            Self::Search => "help-search",
            Self::Lessons => "help-lessons",
            Self::Draw => "help-draw",
        }
    }

    /// Whether hovering or focusing inside the control's element shows its
    /// explanation. Not for the big areas (the diagram has its own tooltip; the
    /// metric tables explain each metric; the share row holds other buttons).
    pub fn explained_on_hover(self) -> bool {
        !matches!(
            self,
            Self::Text | Self::Options | Self::Diagram | Self::Metrics | Self::Charts | Self::Share | Self::YourData
        )
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_round_trip() {
        for c in Control::ALL {
            assert_eq!(Control::from_key(c.key()), Some(c));
        }
        let mut keys: Vec<&str> = Control::ALL.iter().map(|c| c.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Control::ALL.len());
    }

    #[test]
    fn presets_grow_from_beginner_to_everything() {
        let beginner = Preset::Beginner.hides();
        let intermediate = Preset::Intermediate.hides();
        assert!(intermediate.iter().all(|c| beginner.contains(c)));
        assert!(Preset::Everything.hides().is_empty());
        for kept in [
            Control::Play,
            Control::Step,
            Control::Reset,
            Control::LearningRate,
            Control::Diagram,
        ] {
            assert!(!beginner.contains(&kept), "{kept:?}");
        }
    }
}
