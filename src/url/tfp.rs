//! TensorFlow Playground links, translated into nnplay's.
//!
//! The Playground (tensorflow/playground, `src/state.ts`) keeps its state in the
//! hash: `activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&
//! learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.80948&
//! showTestData=false&discretize=false&percTrainData=50&x=true&y=true&
//! xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&
//! sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false`
//! plus `<control>_hide=true` for the controls a teacher hid. It reads them the
//! way `State.deserializeState` does: the last of a repeated key wins, an empty
//! value is no value, a boolean is false only when it reads "false", numbers
//! go through JavaScript's `+`, and a name outside a key map keeps the default.
//!
//! What nnplay has is carried over (`Translation::carried`); what it has not,
//! or a value it cannot read, is listed with the reason (`Translation::dropped`).
//! Its seed is a string that seeds its own generator, so nnplay derives a whole
//! number from it: the setup is the same, the points are not.

use crate::control::Control;

/// Every key of the Playground's state (`State.PROPS`), in its order.
pub const KEYS: [&str; 27] = [
    "activation",
    "regularization",
    "batchSize",
    "dataset",
    "regDataset",
    "learningRate",
    "regularizationRate",
    "noise",
    "networkShape",
    "seed",
    "showTestData",
    "discretize",
    "percTrainData",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "tutorial",
    "problem",
    "initZero",
    "hideText",
];

/// The controls the Playground can hide (`HIDABLE_CONTROLS` in `playground.ts`)
/// and nnplay's control for each.
pub const HIDABLE: [(&str, Control); 15] = [
    ("showTestData", Control::ShowTestData),
    ("discretize", Control::Discretize),
    ("playButton", Control::Play),
    ("stepButton", Control::Step),
    ("resetButton", Control::Reset),
    ("learningRate", Control::LearningRate),
    ("activation", Control::Activation),
    ("regularization", Control::Regularization),
    ("regularizationRate", Control::RegularizationRate),
    ("problem", Control::Problem),
    ("dataset", Control::Dataset),
    ("percTrainData", Control::TrainRatio),
    ("noise", Control::Noise),
    ("batchSize", Control::BatchSize),
    ("numHiddenLayers", Control::Layers),
];

/// The Playground's input features in its order, with nnplay's key (None: nnplay has none).
const FEATURES: [(&str, Option<&str>); 9] = [
    ("x", Some("x1")),
    ("y", Some("x2")),
    ("xSquared", Some("x1sq")),
    ("ySquared", Some("x2sq")),
    ("xTimesY", Some("x1x2")),
    ("sinX", Some("sinx1")),
    ("sinY", Some("sinx2")),
    ("cosX", None),
    ("cosY", None),
];

/// Why a key of a Playground link was not carried over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The Playground has no such key.
    UnknownKey,
    /// A value the Playground itself would not read (it keeps its default).
    BadValue,
    /// nnplay has no such thing (cos X, tutorials, the statistics switch).
    Unsupported,
    /// Its seed is a string for its own generator: the setup is kept, the points differ.
    Seed,
}

/// A key that could not be carried over as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub key: String,
    pub value: String,
    pub why: Why,
}

/// A Playground link read into an nnplay hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The nnplay hash (without '#').
    pub hash: String,
    /// (Playground key=value, nnplay key=value) of every key carried over.
    pub carried: Vec<(String, String)>,
    pub dropped: Vec<Dropped>,
}

/// Whether a link is a TensorFlow Playground link: its host, or (a bare hash)
/// its keys: one of the Playground's long names that nnplay does not use.
pub fn is_playground(link: &str) -> bool {
    let link = link.trim();
    if link.contains("playground.tensorflow.org") {
        return true;
    }
    if link.contains("://") {
        return false;
    }
    let hash = link.rsplit_once('#').map_or(link, |(_, h)| h);
    pairs(hash).any(|(k, _)| {
        matches!(
            k,
            "activation" | "networkShape" | "learningRate" | "batchSize" | "percTrainData" | "regDataset"
        )
    })
}

/// `k=v` pairs of a hash, split as the Playground splits them (no percent-decoding).
fn pairs(hash: &str) -> impl Iterator<Item = (&str, &str)> {
    hash.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// FNV-1a of the seed string: the same Playground link opens the same nnplay run.
pub fn seed_of(s: &str) -> u32 {
    s.bytes()
        .fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// JavaScript's `+value` for the Playground's numbers (None: NaN).
fn js_number(v: &str) -> Option<f64> {
    let t = v.trim();
    if t.is_empty() {
        return Some(0.0);
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A number as nnplay's link writes it (0.03, not 0.030000000000000002).
fn num(x: f64) -> String {
    format!("{}", x as f32)
}

/// Why a link could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing was pasted.
    Empty,
    /// No `key=value` in it (a page's address without a setup, a word).
    NoSetup,
}

/// The hash of what was pasted: a whole link (its part after '#'), or a hash with
/// or without its '#'.
pub fn hash_of(link: &str) -> Result<&str, LinkError> {
    let link = link.trim();
    if link.is_empty() {
        return Err(LinkError::Empty);
    }
    let hash = match link.split_once('#') {
        Some((_, h)) => h,
        None if link.contains("://") => return Err(LinkError::NoSetup),
        None => link,
    };
    if !pairs(hash).any(|(k, v)| !k.is_empty() && !v.is_empty()) {
        return Err(LinkError::NoSetup);
    }
    Ok(hash)
}

#[derive(Default)]
struct Acc {
    out: Vec<(String, String)>,
    carried: Vec<(String, String)>,
    dropped: Vec<Dropped>,
}

impl Acc {
    fn put(&mut self, tf: (&str, &str), key: &str, value: String) {
        self.carried
            .push((format!("{}={}", tf.0, tf.1), format!("{key}={value}")));
        self.out.push((key.to_string(), value));
    }
    fn drop(&mut self, key: &str, value: &str, why: Why) {
        self.dropped.push(Dropped {
            key: key.to_string(),
            value: value.to_string(),
            why,
        });
    }
}

/// Reads a Playground link (or its hash) into an nnplay hash.
pub fn translate(link: &str) -> Result<Translation, LinkError> {
    let hash = hash_of(link)?;
    // The last of a repeated key wins, as in the Playground's map.
    let mut map: Vec<(&str, &str)> = Vec::new();
    for (k, v) in pairs(hash) {
        match map.iter_mut().find(|e| e.0 == k) {
            Some(e) => e.1 = v,
            None => map.push((k, v)),
        }
    }
    let get = |k: &str| {
        map.iter()
            .find(|e| e.0 == k)
            .map(|e| e.1)
            .filter(|v| !v.trim().is_empty())
    };
    let mut acc = Acc::default();
    let truth = |v: &str| v != "false";

    // Problem and dataset together: the Playground keeps both datasets and shows one.
    let regression = match get("problem") {
        Some("regression") => true,
        Some("classification") | None => false,
        Some(v) => {
            acc.drop("problem", v, Why::BadValue);
            false
        }
    };
    if let Some(v) = get("problem").filter(|v| matches!(*v, "regression" | "classification")) {
        acc.put(("problem", v), "problem", v.to_string());
    }
    let (shown, other) = if regression {
        ("regDataset", "dataset")
    } else {
        ("dataset", "regDataset")
    };
    let data_key = |v: &str| match v {
        "circle" if !regression => Some("circle"),
        "xor" if !regression => Some("xor"),
        "gauss" if !regression => Some("gauss"),
        "spiral" if !regression => Some("spiral"),
        "reg-plane" if regression => Some("plane"),
        "reg-gauss" if regression => Some("multigauss"),
        _ => None,
    };
    match get(shown) {
        Some(v) => match data_key(v) {
            Some(d) => acc.put((shown, v), "data", d.to_string()),
            None => acc.drop(shown, v, Why::BadValue),
        },
        None if regression => acc.out.push(("data".into(), "plane".into())),
        None => {}
    }
    if let Some(v) = get(other) {
        // The other problem's dataset: read by the Playground, not shown; nothing to carry.
        let known = if regression {
            matches!(v, "circle" | "xor" | "gauss" | "spiral")
        } else {
            matches!(v, "reg-plane" | "reg-gauss")
        };
        if !known {
            acc.drop(other, v, Why::BadValue);
        }
    }

    if let Some(v) = get("activation") {
        match v {
            "relu" | "tanh" | "sigmoid" | "linear" => acc.put(("activation", v), "act", v.to_string()),
            _ => acc.drop("activation", v, Why::BadValue),
        }
    }
    if let Some(v) = get("regularization") {
        match v {
            "none" | "L1" | "L2" => acc.put(("regularization", v), "reg", v.to_lowercase()),
            _ => acc.drop("regularization", v, Why::BadValue),
        }
    }
    for (tf, ours) in [
        ("batchSize", "batch"),
        ("learningRate", "lr"),
        ("regularizationRate", "rr"),
        ("noise", "noise"),
        ("percTrainData", "train"),
    ] {
        if let Some(v) = get(tf) {
            match js_number(v) {
                Some(x) => acc.put((tf, v), ours, num(x)),
                None => acc.drop(tf, v, Why::BadValue),
            }
        }
    }
    // `networkShape=` (present, empty) is a network without hidden layers.
    if let Some(&(_, v)) = map.iter().find(|e| e.0 == "networkShape") {
        let sizes: Option<Vec<String>> = if v.trim().is_empty() {
            Some(Vec::new())
        } else {
            v.split(',')
                .map(|s| js_number(s).filter(|x| x.fract() == 0.0 && *x >= 0.0).map(num))
                .collect()
        };
        match sizes {
            Some(s) => acc.put(("networkShape", v), "net", s.join(",")),
            None => acc.drop("networkShape", v, Why::BadValue),
        }
    }
    if let Some(v) = get("seed") {
        let s = seed_of(v);
        acc.out.push(("seed".into(), s.to_string()));
        acc.drop("seed", v, Why::Seed);
    }
    for (tf, ours) in [("showTestData", "test"), ("discretize", "disc")] {
        if let Some(v) = get(tf) {
            acc.put((tf, v), ours, u8::from(truth(v)).to_string());
        }
    }
    // Features: the Playground's defaults are x and y on, the rest off.
    let on = |k: &str| get(k).map_or(matches!(k, "x" | "y"), truth);
    let mut ins = Vec::new();
    for (tf, ours) in FEATURES {
        match (on(tf), ours) {
            (true, Some(key)) => ins.push(key),
            (true, None) => acc.drop(tf, get(tf).unwrap_or("true"), Why::Unsupported),
            (false, _) => {}
        }
    }
    if FEATURES.iter().any(|(k, _)| get(k).is_some()) {
        // Every feature on in the Playground (given or by its default), as its link would say it.
        let given: Vec<String> = FEATURES
            .iter()
            .filter(|(k, _)| on(k))
            .map(|(k, _)| format!("{k}=true"))
            .collect();
        let value = ins.join(",");
        acc.carried.push((given.join("&"), format!("in={value}")));
        acc.out.push(("in".into(), value));
    }
    if let Some(v) = get("initZero") {
        let init = if truth(v) { "zeros" } else { "playground" };
        acc.put(("initZero", v), "init", init.to_string());
    }
    if let Some(v) = get("hideText") {
        if truth(v) {
            acc.put(("hideText", v), "text_hide", "1".into());
        }
    }
    if let Some(v) = get("collectStats").filter(|v| truth(v)) {
        acc.drop("collectStats", v, Why::Unsupported);
    }
    if let Some(v) = get("tutorial") {
        acc.drop("tutorial", v, Why::Unsupported);
    }
    // The Playground trains on its points in one fixed order every epoch.
    acc.out.push(("shuffle".into(), "0".into()));

    for &(k, v) in &map {
        if let Some(ctrl) = k.strip_suffix("_hide") {
            match HIDABLE.iter().find(|(name, _)| *name == ctrl) {
                Some((_, c)) if v == "true" => acc.put((k, v), &format!("{}_hide", c.key()), "1".into()),
                Some(_) => {} // shown: nothing to carry
                None => acc.drop(k, v, Why::UnknownKey),
            }
        } else if !KEYS.contains(&k) {
            acc.drop(k, v, Why::UnknownKey);
        }
    }
    let hash = acc
        .out
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    Ok(Translation {
        hash,
        carried: acc.carried,
        dropped: acc.dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::dataset::{DatasetKind, Problem};
    use crate::features::Feature;
    use crate::init::Init;
    use crate::regularization::Regularization;

    /// Every key the Playground knows, with values other than its defaults, and
    /// every control it can hide.
    const EVERY_KEY: &str = "https://playground.tensorflow.org/#activation=relu&batchSize=20\
        &dataset=spiral&regDataset=reg-gauss&learningRate=0.3&regularizationRate=0.001\
        &noise=15&networkShape=6,3,2&seed=0.80948&showTestData=true&discretize=true\
        &percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=true&cosX=true\
        &sinX=true&cosY=false&sinY=true&collectStats=true&problem=classification\
        &initZero=true&hideText=true&regularization=L2&tutorial=dataset\
        &showTestData_hide=true&discretize_hide=true&playButton_hide=true&stepButton_hide=true\
        &resetButton_hide=true&learningRate_hide=true&activation_hide=true\
        &regularization_hide=true&regularizationRate_hide=true&problem_hide=true\
        &dataset_hide=true&percTrainData_hide=true&noise_hide=true&batchSize_hide=true\
        &numHiddenLayers_hide=true&colour_hide=true&speed=9";

    #[test]
    fn a_link_with_every_key_gives_the_same_setup() {
        let t = translate(EVERY_KEY).unwrap();
        let d = crate::url::decode(&t.hash);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let c = d.config;
        assert_eq!(c.activation, Activation::Relu);
        assert_eq!(c.batch_size, 20);
        assert_eq!(c.dataset, DatasetKind::Spiral);
        assert_eq!(c.problem, Problem::Classification);
        assert_eq!(c.learning_rate, 0.3);
        assert_eq!(c.regularization, Regularization::L2);
        assert_eq!(c.regularization_rate, 0.001);
        assert_eq!(c.noise, 15);
        assert_eq!(c.hidden, vec![6, 3, 2]);
        assert_eq!(c.seed, seed_of("0.80948"));
        assert!(c.show_test_data && c.discretize);
        assert_eq!(c.train_ratio, 70);
        assert_eq!(
            c.features,
            vec![
                Feature::X1,
                Feature::X1Squared,
                Feature::X2Squared,
                Feature::X1X2,
                Feature::SinX1,
                Feature::SinX2
            ]
        );
        assert_eq!(c.init, Init::Zeros);
        assert!(!c.shuffle, "the Playground's fixed order");
        for control in HIDABLE.iter().map(|h| h.1).chain([Control::Text]) {
            assert!(c.hidden_controls.contains(&control), "{control:?} hidden");
        }
        let why = |k: &str| t.dropped.iter().find(|d| d.key == k).map(|d| d.why.clone());
        assert_eq!(why("seed"), Some(Why::Seed));
        assert_eq!(why("cosX"), Some(Why::Unsupported));
        assert_eq!(why("cosY"), None, "off: nothing lost");
        assert_eq!(why("collectStats"), Some(Why::Unsupported));
        assert_eq!(why("tutorial"), Some(Why::Unsupported));
        assert_eq!(why("colour_hide"), Some(Why::UnknownKey));
        assert_eq!(why("speed"), Some(Why::UnknownKey));
        assert_eq!(t.dropped.len(), 6, "{:?}", t.dropped);
        assert!(t.carried.contains(&("activation=relu".into(), "act=relu".into())));
        assert!(t
            .carried
            .contains(&("numHiddenLayers_hide=true".into(), "net_hide=1".into())));
    }

    #[test]
    fn the_playgrounds_own_default_link_is_nnplays_default_setup_in_fixed_order() {
        let t = translate(
            "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03\
             &regularizationRate=0&noise=0&networkShape=4,2&seed=0.80948&showTestData=false\
             &discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false\
             &ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false\
             &problem=classification&initZero=false&hideText=false",
        )
        .unwrap();
        let d = crate::url::decode(&t.hash);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let (want, _) = crate::config::Config {
            seed: seed_of("0.80948"),
            shuffle: false,
            ..Default::default()
        }
        .validate();
        assert_eq!(d.config.seed, want.seed);
        assert_eq!(crate::url::encode(&d.config), crate::url::encode(&want));
        assert_eq!(t.dropped.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(), ["seed"]);
    }

    #[test]
    fn regression_takes_the_regression_dataset() {
        let t = translate("problem=regression&regDataset=reg-gauss&dataset=xor&networkShape=").unwrap();
        let c = crate::url::decode(&t.hash).config;
        assert_eq!((c.problem, c.dataset), (Problem::Regression, DatasetKind::MultiGauss));
        assert!(c.hidden.is_empty());
        let t = translate("problem=regression&activation=tanh").unwrap();
        assert_eq!(crate::url::decode(&t.hash).config.dataset, DatasetKind::Plane);
    }

    #[test]
    fn values_the_playground_cannot_read_are_listed_and_keep_the_defaults() {
        let t = translate("activation=swish&learningRate=fast&dataset=moons&networkShape=4,x&problem=ranking").unwrap();
        let keys: Vec<&str> = t.dropped.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(
            keys,
            ["problem", "dataset", "activation", "learningRate", "networkShape"]
        );
        assert!(t.dropped.iter().all(|d| d.why == Why::BadValue));
        let c = crate::url::decode(&t.hash).config;
        assert_eq!(
            (c.activation, c.learning_rate, c.hidden.clone()),
            (Activation::Tanh, 0.03, vec![4, 2])
        );
    }

    #[test]
    fn booleans_read_as_the_playground_reads_them() {
        // Anything but "false" is true; the last of a repeated key wins.
        let t = translate("activation=tanh&showTestData=yes&discretize=true&discretize=false").unwrap();
        let c = crate::url::decode(&t.hash).config;
        assert!(c.show_test_data && !c.discretize);
    }

    #[test]
    fn links_are_told_apart_and_nothing_is_not_a_link() {
        assert!(is_playground("playground.tensorflow.org/#activation=tanh"));
        assert!(is_playground("#activation=tanh&networkShape=4"));
        assert!(!is_playground("https://example.org/nnplay/#data=spiral&net=4"));
        assert!(!is_playground("data=spiral&act=tanh"));
        assert_eq!(hash_of("  "), Err(LinkError::Empty));
        assert_eq!(hash_of("hello"), Err(LinkError::NoSetup));
        assert_eq!(hash_of("https://playground.tensorflow.org/"), Err(LinkError::NoSetup));
        assert_eq!(hash_of("https://x.org/#data=spiral"), Ok("data=spiral"));
        assert_eq!(
            translate("https://playground.tensorflow.org/#"),
            Err(LinkError::NoSetup)
        );
    }

    #[test]
    fn the_seed_is_a_fixed_whole_number_of_the_string() {
        assert_eq!(seed_of(""), 0x811c_9dc5);
        // FNV-1a("a") = 0xe40c292c (the published test vector).
        assert_eq!(seed_of("a"), 0xe40c_292c);
    }
}
