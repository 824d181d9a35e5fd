//! Golden strings, round trips and hostile hashes.

use super::*;

const DEFAULT_HASH: &str = "data=circle&problem=classification&noise=0&train=50&batch=10&lr=0.03&act=tanh&reg=none&rr=0&net=4,2&in=x1,x2&seed=1&test=0&disc=0";

#[test]
fn golden_default_string() {
    assert_eq!(encode(&Config::default()), DEFAULT_HASH);
}

#[test]
fn golden_custom_string() {
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Spiral);
    c.noise = 25;
    c.learning_rate = 0.003;
    c.hidden = vec![8, 8, 5];
    c.features = vec![Feature::X1, Feature::X2, Feature::SinX1];
    c.activation = Activation::Relu;
    c.regularization = Regularization::L2;
    c.regularization_rate = 0.001;
    c.seed = 4_000_000_000;
    c.show_test_data = true;
    c.set_hidden(Control::LearningRate, true);
    c.set_hidden(Control::Text, true);
    assert_eq!(
        encode(&c),
        "data=spiral&problem=classification&noise=25&train=50&batch=10&lr=0.003&act=relu&reg=l2&rr=0.001&net=8,8,5&in=x1,x2,sinx1&seed=4000000000&test=1&disc=0&lr_hide=1&text_hide=1"
    );
    let d = decode(&encode(&c));
    assert_eq!(d.config, c);
    assert!(d.warnings.is_empty());
}

#[test]
fn round_trips_every_dataset_and_feature() {
    for ds in DatasetKind::ALL {
        let mut c = Config::default();
        c.set_dataset(ds);
        c.features = Feature::ALL.to_vec();
        c.hidden = vec![];
        c.learning_rate = 0.000_01;
        c.discretize = true;
        let d = decode(&format!("#{}", encode(&c)));
        assert_eq!(d.config, c, "{ds:?}");
        assert!(d.warnings.is_empty() && d.has_seed);
    }
}

#[test]
fn empty_hash_is_the_default_without_warnings() {
    let d = decode("");
    assert_eq!(d.config, Config::default());
    assert!(d.warnings.is_empty());
    assert!(!d.has_seed);
}

#[test]
fn bad_values_keep_defaults_and_say_which_key() {
    let d = decode("data=moon&lr=fast&noise=90&net=4,x&bogus=1&act=softmax&seed=-3");
    let c = &d.config;
    assert_eq!(c.dataset, DatasetKind::Circle);
    assert_eq!(c.learning_rate, 0.03);
    assert_eq!(c.noise, 50);
    assert_eq!(c.hidden, vec![4, 2]);
    assert_eq!(c.activation, Activation::Tanh);
    let keys: Vec<&str> = d.warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["data", "lr", "noise", "net", "bogus", "act", "seed"]);
    assert_eq!(d.warnings[1].to_string(), "“lr=fast”: not a number; using 0.03");
    assert_eq!(d.warnings[2].to_string(), "“noise=90”: outside 0–50; using 50");
}

fn csv_setup(c: &Config) -> CsvSetup {
    CsvSetup {
        columns: vec!["area m²".into(), "rooms, total".into(), "a&b=c".into(), "price".into()],
        mapping: crate::importer::MappingRequest {
            features: vec![0, 1, 2],
            target: 3,
            task: crate::dataset::Problem::Regression,
            missing: crate::prep::Missing::Median,
            scaling: crate::prep::Scaling::MinMax,
            train_percent: c.train_ratio,
            seed: c.seed,
            clip_sigma: 3.0,
            validation_percent: 10,
            strays: crate::prep::Strays::Stop,
            kinds: vec![(1, crate::table::ColumnKind::Categorical)],
            row_names: Some(2),
        },
        inputs: 12,
        axes: (3, 7),
        hold_row: Some(41),
        outputs: 1,
        data: None,
    }
}

#[test]
fn the_mapping_of_imported_data_round_trips() {
    let mut c = Config::default();
    c.csv = Some(csv_setup(&c));
    c.problem = Problem::Regression;
    let h = encode(&c);
    assert!(h.starts_with("data=csv&problem=regression&"), "{h}");
    let tail = "&csvcol=area+m%C2%B2&csvcol=rooms%2C+total&csvcol=a%26b%3Dc&csvcol=price&csvfeat=0,1,2\
                &csvtarget=3&csvtask=regression&csvmissing=median&csvscale=minmax&csvclip=3&csvval=10\
                &csvin=12&axes=3,7&csvstray=stop&csvtype=1:category&csvid=2&csvrow=41";
    assert!(h.ends_with(tail), "{h}");
    let d = decode(&h);
    assert_eq!(d.config, c);
    assert!(d.warnings.is_empty());
    assert_eq!(decode("data=csv").config.csv, None);
    assert_eq!(decode("data=csv").warnings[0].key, "data");
    // A target that is also a feature, or out of range, is not a setup.
    assert_eq!(decode(&h.replace("csvtarget=3", "csvtarget=1")).config.csv, None);
    assert_eq!(decode(&h.replace("csvtarget=3", "csvtarget=9")).config.csv, None);
}

#[test]
fn embedded_data_links_round_trip() {
    let mut c = Config::default();
    let mut setup = csv_setup(&c);
    let file = b"area,rooms,x,price\n50,2,1,100\n80,3,0,160\n";
    setup.data = Some(crate::embed::pack(file));
    c.csv = Some(setup);
    c.problem = Problem::Regression;
    let d = decode(&encode(&c));
    assert_eq!(d.config, c);
    let data = d.config.csv.unwrap().data.unwrap();
    assert_eq!(crate::embed::unpack(&data).unwrap(), file);
}

#[test]
fn optimizers_and_their_settings_round_trip() {
    let mut c = Config::default();
    c.optimizer = Optimizer::from_key("adamw").unwrap();
    c.optimizer.set_param("wd", 0.05);
    let h = encode(&c);
    assert!(h.ends_with("&opt=adamw&b1=0.9&b2=0.999&eps=0.0000001&wd=0.05"), "{h}");
    assert_eq!(decode(&h).config, c);
    assert_eq!(encode(&Config::default()), DEFAULT_HASH, "SGD adds nothing to a link");
    let d = decode("mom=0.5&opt=momentum&b1=0.3&eps=-1");
    assert_eq!(d.config.optimizer, Optimizer::Momentum { momentum: 0.5 });
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
}

#[test]
fn huge_shapes_are_clamped() {
    let d = decode("net=1000000000,3,0,1,1,1,1,1,1,1,1,1,1");
    assert_eq!(d.config.hidden, vec![64, 3, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(d.warnings.len(), 3);
}

#[test]
fn problem_follows_the_dataset() {
    let d = decode("data=plane&problem=classification");
    assert_eq!(d.config.problem, Problem::Regression);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(decode("problem=regression").config.problem, Problem::Classification);
}

#[test]
fn thousands_of_keys_give_bounded_warnings() {
    let hash: String = (0..1500).map(|i| format!("k{i}=v&")).collect();
    let d = decode(&hash);
    assert_eq!(d.warnings.len(), MAX_WARNINGS);
    assert_eq!(d.more_warnings, 1500 - MAX_WARNINGS);
}

#[test]
fn escapes_and_markup_are_plain_text() {
    let d = decode("data=%3Cscript%3Ealert(1)%3C%2Fscript%3E&%FF%FE=1&lr=%E0%A4");
    assert_eq!(d.warnings[0].value, "<script>alert(1)</script>");
    assert_eq!(d.config, Config::default());
    assert_eq!(d.warnings.len(), 3);
}

#[test]
fn overlong_hash_is_cut() {
    let hash = format!("lr=0.1&{}", "x".repeat(MAX_HASH_BYTES * 4));
    let d = decode(&hash);
    assert_eq!(d.config.learning_rate, 0.1);
    assert_eq!(d.warnings[0].key, "(link)");
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #[test]
    fn any_string_decodes(s in ".{0,300}") {
        let d = decode(&s);
        proptest::prop_assert!(d.config.hidden.len() <= MAX_HIDDEN_LAYERS);
        proptest::prop_assert!(d.config.hidden.iter().all(|&n| (1..=MAX_NEURONS).contains(&n)));
        proptest::prop_assert!(!d.config.features.is_empty());
    }

    #[test]
    fn encode_decode_is_identity(lr_i in 0usize..11, noise in 0u32..=50, seed: u32, layers in proptest::collection::vec(1usize..=16, 0..=8)) {
        let mut c = Config::default();
        c.learning_rate = LEARNING_RATES[lr_i];
        c.noise = noise;
        c.seed = seed;
        c.hidden = layers;
        let d = decode(&encode(&c));
        proptest::prop_assert_eq!(d.config, c);
    }

    /// Any `draw=` value gives points on the picture or a warning naming it, never a panic.
    #[test]
    fn any_draw_value_is_points_or_a_clear_error(s in "[A-Za-z0-9_-]{0,400}") {
        let d = decode(&format!("data=drawn&draw={s}"));
        match &d.config.drawn {
            Some(drawn) => proptest::prop_assert!(drawn.marks.len() <= crate::drawn::MAX_POINTS),
            None => proptest::prop_assert!(d.warnings.iter().any(|w| w.key == "draw" && !w.reason.is_empty())),
        }
    }

    /// A real set's bytes or text with some bytes changed and maybe cut: points
    /// within the picture and the set's labels, or a clear error.
    #[test]
    fn mutated_draw_values_are_points_or_a_clear_error(
        classes in proptest::sample::select(vec![0usize, 2, 3, 16]),
        marks in proptest::collection::vec((-6.0f32..=6.0, -6.0f32..=6.0, proptest::num::u8::ANY), 0..120),
        flips in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..6),
        cut in proptest::num::usize::ANY,
        in_text: bool,
    ) {
        use crate::drawn::{codec, Drawn, Stroke, EDGE};
        let mut drawn = Drawn::new(classes);
        for (x, y, label) in marks {
            drawn.update(Stroke::Add { x, y, label });
        }
        let text = codec::encode(&drawn);
        proptest::prop_assert_eq!(codec::decode(&text), Ok(drawn));
        let mutated = if in_text {
            let mut t = text.into_bytes();
            for (at, b) in flips {
                let n = t.len();
                t[at % n] = b"AZaz09-_"[usize::from(b) % 8];
            }
            t.truncate(cut % (t.len() + 1));
            String::from_utf8(t).expect("ascii")
        } else {
            let mut raw = crate::embed::unpack(&text).expect("own text");
            for (at, b) in flips {
                let n = raw.len();
                raw[at % n] ^= b;
            }
            raw.truncate(cut % (raw.len() + 1));
            crate::embed::pack(&raw)
        };
        match codec::decode(&mutated) {
            Ok(d) => {
                let max = d.max_label();
                proptest::prop_assert!(d.marks.iter().all(|m| m.x.abs() <= EDGE && m.y.abs() <= EDGE && m.label <= max));
            }
            Err(e) => proptest::prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn golden_training_options_string() {
    use crate::init::Init;
    use crate::loss::Loss;
    use crate::schedule::LrSchedule;
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Blobs);
    c.classes = 5;
    c.hidden = vec![6, 4];
    c.set_layer_activation(0, Activation::Gelu);
    c.loss = Some(Loss::HalfSquaredError);
    c.output_activation = Some(Activation::Linear);
    c.init = Init::HeNormal;
    c.set_dropout(1, 0.3);
    c.schedule = LrSchedule::from_key("restarts").unwrap();
    c.schedule.set_param("speriod", 50.0);
    c.schedule.set_param("swarm", 5.0);
    c.clip_norm = 2.5;
    c.shuffle = false;
    c.stopping.patience = 15;
    c.stopping.at_epoch = 900;
    c.stopping.target_accuracy = 97.5;
    c.validation = 20;
    c.regularization = Regularization::ElasticNet;
    let s = encode(&c);
    assert_eq!(
        s,
        "data=blobs&problem=classification&noise=0&train=50&batch=10&lr=0.03&act=tanh&reg=elastic&rr=0&net=6,4&in=x1,x2&seed=1&test=0&disc=0\
         &acts=gelu,tanh&out=linear&loss=mse&init=he_normal&drop=0,0.3&sched=restarts&speriod=50&smin=0.01&swarm=5\
         &clip=2.5&shuffle=0&es=15&esd=0.0001&esr=1&stop=900&tacc=97.5&val=20&classes=5"
    );
    let d = decode(&s);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.config, c);
    // Keys may come in any order: layers after their activations and rates.
    let reordered = "acts=relu,elu&drop=0.5,0&net=3,3&sched=step&severy=7&sfactor=0.25";
    let d = decode(reordered);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.config.hidden_activations(), vec![Activation::Relu, Activation::Elu]);
    assert_eq!(d.config.dropout_rates(), vec![0.5, 0.0]);
    assert_eq!(d.config.schedule.learning_rate(1.0, 7), 0.25);
}

#[test]
fn bad_training_options_fall_back_and_say_which_key() {
    let d = decode(
        "net=4,2&acts=relu,nope&drop=0.95,0&loss=cce&out=softmax&init=ones&sched=cosine&speriod=0&clip=-1\
         &shuffle=maybe&es=x&tacc=150&val=45&classes=20&data=arms",
    );
    let keys: Vec<&str> = d.warnings.iter().map(|w| w.key.as_str()).collect();
    for k in [
        "acts", "drop", "init", "speriod", "clip", "shuffle", "es", "tacc", "classes", "val",
    ] {
        assert!(keys.contains(&k), "no warning for {k}: {keys:?}");
    }
    let c = d.config;
    assert!(c.layer_activations.is_empty() && c.dropout.is_empty());
    assert_eq!(c.classes, crate::dataset::CLASSES_RANGE.1);
    // cce fits the K-class arms; softmax is its output, so `out=softmax` is accepted.
    assert_eq!(c.loss(), crate::loss::Loss::CategoricalCrossEntropy);
    assert_eq!(c.validation, 40);
    // On a regression dataset cross-entropy makes no sense.
    let r = decode("data=plane&loss=bce&out=sigmoid");
    let keys: Vec<&str> = r.warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["loss", "out"]);
    assert_eq!(r.config.loss, None);
    assert_eq!(r.config.output_activation, None);
}

#[test]
fn the_playgrounds_links_keep_their_meaning_but_shuffle() {
    // A link without the new keys is the Playground's setup, shuffled each epoch.
    let d = decode(DEFAULT_HASH);
    assert_eq!(d.config, Config::default());
    assert!(d.config.shuffle);
    assert!(!decode(&format!("{DEFAULT_HASH}&shuffle=0")).config.shuffle);
}

#[test]
fn presenter_and_embed_views_round_trip_and_stay_out_of_default_links() {
    let mut c = Config::default();
    c.present = true;
    c.embed = true;
    let hash = encode(&c);
    assert_eq!(hash, format!("{DEFAULT_HASH}&present=1&embed=1"));
    let d = decode(&hash);
    assert_eq!(d.config, c);
    assert!(d.warnings.is_empty());
    let d = decode("present=0&embed=yes");
    assert!(!d.config.present && !d.config.embed);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].key, "embed");
}

#[test]
fn the_advanced_modules_keys_ride_along_unread() {
    let d = decode("data=spiral&prune=90&prune-by=layer&quant=2&aug=jitter,flip&seed=3");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.config.advanced, "prune=90&prune-by=layer&quant=2&aug=jitter,flip");
    let again = encode(&d.config);
    assert!(
        again.ends_with("&prune=90&prune-by=layer&quant=2&aug=jitter,flip"),
        "{again}"
    );
    assert_eq!(decode(&again).config, d.config);
    // A value that would change the link's shape is left out, and said so.
    let d = decode("prune=9%260%26net%3D8");
    assert!(d.config.advanced.is_empty());
    assert_eq!(d.warnings[0].key, "prune");
    // A link without them encodes as before.
    assert!(!encode(&decode("data=xor&seed=2").config).contains("prune"));
}

#[test]
fn the_theme_round_trips_and_a_bad_one_is_the_systems_with_a_notice() {
    use crate::theme::Theme;
    assert_eq!(encode(&Config::default()), DEFAULT_HASH);
    for (t, tail) in [(Theme::Light, "&theme=light"), (Theme::Dark, "&theme=dark")] {
        let c = Config {
            theme: t,
            ..Config::default()
        };
        let hash = encode(&c);
        assert_eq!(hash, format!("{DEFAULT_HASH}{tail}"));
        let d = decode(&hash);
        assert_eq!((d.config, d.warnings.len()), (c, 0));
    }
    // The system's is the default and writes nothing.
    let d = decode("theme=system");
    assert_eq!(
        (d.config.theme, d.warnings.len(), encode(&d.config)),
        (Theme::System, 0, DEFAULT_HASH.to_string())
    );
    let d = decode("theme=purple");
    assert_eq!(d.config.theme, Theme::System);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].key, "theme");
    assert_eq!(d.warnings[0].value, "purple");
}
