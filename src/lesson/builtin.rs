//! The built-in lessons, in course order: each a setup link (with its hidden
//! controls), a goal checked live, and words from `i18n/*/lessons.ftl`
//! (`lesson-<id>-title`, `-text`, `-hint1` …). `student` is what a student is
//! asked to change (empty: just press Play); the tests train every lesson with
//! it and check that the goal is reached, and not reached without it.

use super::goal::{Comparison, Goal, Metric};

pub struct Builtin {
    pub id: &'static str,
    /// The setup as a link (without `lesson=`), seed included so the run replays.
    pub setup: &'static str,
    pub goal: Goal,
    pub hints: usize,
    /// The keys a scripted student changes to reach the goal (the tests'; the text says it in words).
    pub student: &'static str,
}

/// Controls hidden in every lesson: the ones no lesson is about.
const BASE_HIDE: &str = "&init_hide=1&clip_hide=1&shuffle_hide=1&val_hide=1&search_hide=1&out_hide=1&loss_hide=1";

const fn goal(metric: Metric, comparison: Comparison, threshold: f32, within: u64) -> Goal {
    Goal {
        metric,
        comparison,
        threshold,
        within: Some(within),
        max_neurons: None,
        max_layers: None,
    }
}

const fn limited(mut g: Goal, neurons: Option<u32>, layers: Option<u32>) -> Goal {
    g.max_neurons = neurons;
    g.max_layers = layers;
    g
}

use Comparison::*;
use Metric::*;

pub const LESSONS: &[Builtin] = &[
    Builtin {
        id: "neuron",
        setup: "data=gauss&noise=30&train=50&batch=10&lr=0.03&act=tanh&net=&in=x1,x2&seed=3&net_hide=1&in_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: limited(goal(TestLoss, Below, 0.05, 100), None, Some(0)),
        hints: 2,
        student: "",
    },
    Builtin {
        id: "xor",
        setup: "data=xor&noise=0&train=50&batch=10&lr=0.03&act=tanh&net=&in=x1,x2&seed=2&in_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: limited(goal(TestAccuracy, AtLeast, 90.0, 500), Some(8), None),
        hints: 3,
        student: "net=4",
    },
    Builtin {
        id: "features",
        setup: "data=circle&noise=0&train=50&batch=10&lr=0.03&act=tanh&net=&in=x1,x2&seed=4&net_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: limited(goal(TestLoss, Below, 0.1, 300), None, Some(0)),
        hints: 2,
        student: "in=x1,x2,x1sq,x2sq",
    },
    Builtin {
        id: "activations",
        setup: "data=circle&noise=0&train=50&batch=10&lr=0.03&act=linear&net=4,4&in=x1,x2&seed=5&in_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestAccuracy, AtLeast, 95.0, 400),
        hints: 2,
        student: "act=tanh",
    },
    Builtin {
        id: "lr-small",
        setup: "data=gauss&noise=10&train=50&batch=10&lr=0.0001&act=tanh&net=2&in=x1,x2&seed=6&net_hide=1&in_hide=1&act_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestLoss, Below, 0.1, 100),
        hints: 2,
        student: "lr=0.1",
    },
    Builtin {
        id: "lr-large",
        setup: "data=circle&noise=0&train=50&batch=10&lr=0.03&act=tanh&net=4,2&in=x1,x2&seed=7&in_hide=1&act_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(Diverged, AtLeast, 0.0, 100),
        hints: 2,
        student: "lr=10",
    },
    Builtin {
        id: "batch",
        setup: "data=circle&noise=0&train=50&batch=64&lr=0.03&act=tanh&net=4&in=x1,x2&seed=8&net_hide=1&in_hide=1&act_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestLoss, Below, 0.1, 150),
        hints: 2,
        student: "batch=4",
    },
    Builtin {
        id: "optimizers",
        setup: "data=spiral&noise=0&train=50&batch=10&lr=0.03&act=tanh&net=8,8,8&in=x1,x2&seed=9&net_hide=1&in_hide=1&act_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestAccuracy, AtLeast, 90.0, 400),
        hints: 3,
        student: "opt=adam&lr=0.01",
    },
    Builtin {
        id: "schedules",
        setup: "data=circle&noise=10&train=50&batch=10&lr=1&act=tanh&net=4,2&in=x1,x2&seed=10&net_hide=1&in_hide=1&act_hide=1&opt_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TrainLoss, Below, 0.045, 300),
        hints: 2,
        student: "sched=step&severy=50&sfactor=0.3",
    },
    Builtin {
        id: "overfitting",
        setup: "data=circle&noise=50&train=10&batch=1&lr=0.1&act=tanh&net=8,8,8&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&seed=11&test=1&act_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: limited(goal(TestLoss, Below, 0.36, 300), Some(4), None),
        hints: 3,
        student: "net=2&in=x1sq,x2sq",
    },
    Builtin {
        id: "regularization",
        setup: "data=circle&noise=50&train=10&batch=1&lr=0.1&act=tanh&net=8,8,8&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&seed=11&test=1&net_hide=1&in_hide=1&act_hide=1&opt_hide=1&sched_hide=1",
        goal: limited(goal(TestLoss, Below, 0.36, 300), Some(24), None),
        hints: 3,
        student: "reg=l2&rr=0.03",
    },
    Builtin {
        id: "classes",
        setup: "data=krings&classes=3&noise=10&train=50&batch=10&lr=0.03&act=tanh&net=&in=x1,x2&seed=12&in_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestAccuracy, AtLeast, 95.0, 300),
        hints: 3,
        student: "net=8,8",
    },
    Builtin {
        id: "csv",
        setup: "data=moons&noise=10&train=50&batch=10&lr=0.03&act=tanh&net=6,4&in=x1,x2&seed=13&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestAccuracy, AtLeast, 95.0, 500),
        hints: 3,
        student: "",
    },
    Builtin {
        id: "augmentation",
        setup: "data=circle&noise=50&train=10&batch=10&lr=0.03&act=tanh&net=8,8&in=x1,x2&seed=2&test=1&net_hide=1&in_hide=1&act_hide=1&opt_hide=1&sched_hide=1&reg_hide=1&rr_hide=1&drop_hide=1&es_hide=1&stop_hide=1",
        goal: goal(TestLoss, Below, 0.33, 400),
        hints: 3,
        student: "aug=jitter,flip",
    },
];

/// The lesson with this id.
pub fn find(id: &str) -> Option<(usize, &'static Builtin)> {
    LESSONS.iter().enumerate().find(|(_, l)| l.id == id)
}

impl Builtin {
    /// The lesson's link (without '#').
    pub fn link(&self) -> String {
        // The lesson about importing a file keeps its panel.
        let csv = if self.id == "csv" { "" } else { "&csv_hide=1" };
        format!("{}{BASE_HIDE}{csv}&{}={}", self.setup, super::KEY, self.id)
    }

    pub fn title_id(&self) -> String {
        format!("lesson-{}-title", self.id)
    }
    pub fn text_id(&self) -> String {
        format!("lesson-{}-text", self.id)
    }
    /// Hint `n`, from 1.
    pub fn hint_id(&self, n: usize) -> String {
        format!("lesson-{}-hint{n}", self.id)
    }
}
