use super::*;
use crate::protocol::ToWorker;

fn trainer(link: &str) -> Trainer {
    let mut t = Trainer::new(Config::default());
    t.handle(ToWorker::Configure {
        hash: link.into(),
        run: 0,
    });
    t
}

/// Python's byte-compiler accepts `text` (skipped without python3).
pub(crate) fn compiles(name: &str, text: &str) {
    let dir = std::env::temp_dir().join(format!("nnplay-export-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    match std::process::Command::new("python3")
        .args(["-m", "py_compile"])
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{name} does not compile: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("python3 not found: {name} not compiled"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_default_circle_script_has_the_setup_its_weights_and_its_points() {
    let t = trainer("data=circle&seed=1");
    let s = pytorch(&t, "#data=circle&seed=1", &Options::default()).unwrap();
    assert_eq!(s.name, "nnplay-run.py");
    assert!(s.data.is_none(), "500 points are embedded");
    for want in [
        "\"hidden\": [4, 2],",
        "\"features\": [\"x1\", \"x2\"],",
        "\"learning_rate\": 0.03,",
        "\"batch_size\": 10,",
        "\"optimizer\": \"sgd\",",
        "\"loss\": \"mse\",",
        "\"coding\": \"plusminus\",",
        "\"output_activation\": \"tanh\",",
        "\"shuffle\": True,",
        "\"init\": \"playground\",",
        "EPOCHS = 100",
        "class PlaygroundOptimizer(torch.optim.Optimizer):",
        "DistributedSampler(",
    ] {
        assert!(s.text.contains(want), "missing {want}");
    }
    // The first layer's weights are the trainer's, in the order Python reads them.
    let w = &t.network().layers[0].weights;
    let first = format!("START_WEIGHTS = [\n    ([[{:?}, {:?}], ", w[0], w[1]);
    assert!(s.text.contains(&first), "{first}");
    // 50 % of 500 points train, each (x1, x2, label 0 or 1).
    let data = s.text.split("DATA = {").nth(1).unwrap();
    let train = data.split("\"validation\"").next().unwrap();
    assert_eq!(train.matches("\n        [").count(), 250);
    let p = &t.train_points()[0];
    let row = format!("[{:?}, {:?}, {:?}],", p.x1, p.x2, f32::from(p.label > 0.0));
    assert!(train.contains(&row), "{row}");
    compiles("circle.py", &s.text);
}

#[test]
fn adam_a_cosine_schedule_dropout_and_softmax_are_written_out() {
    let link = "data=spiral&opt=adam&lr=0.003&sched=cosine&speriod=50&smin=0.1&net=8,8&drop=0.2,0.1\
                &loss=cce&reg=l1&rr=0.001&clip=2&es=20&val=10&stop=300";
    let t = trainer(link);
    let s = pytorch(&t, link, &Options::default()).unwrap();
    for want in [
        "\"optimizer\": \"adam\",",
        "\"optimizer_params\": {\"beta1\": 0.9, \"beta2\": 0.999, \"epsilon\": 1e-7},",
        "\"schedule\": {\"kind\": \"cosine\", \"period\": 50, \"min_ratio\": 0.1, \"restarts\": False, \"warmup\": 0},",
        "\"dropout\": [0.2, 0.1],",
        "\"loss\": \"cce\",",
        "\"output_activation\": \"softmax\",",
        "\"outputs\": 2,",
        "\"regularization\": \"l1\",",
        "\"regularization_rate\": 0.001,",
        "\"clip_norm\": 2.0,",
        "\"patience\": 20,",
        "EPOCHS = 300",
    ] {
        assert!(s.text.contains(want), "missing {want}");
    }
    // 10 % of the points validate early stopping.
    let data = s.text.split("\"validation\": [").nth(1).unwrap();
    let val = data.split("\"test\"").next().unwrap();
    assert_eq!(val.matches("\n        [").count(), 50);
    compiles("spiral.py", &s.text);
}

#[test]
fn data_too_large_to_embed_goes_to_a_csv_file_beside_the_script() {
    let t = trainer("data=xor&seed=3&in=x1,x2,sinx1");
    let opts = Options {
        stem: "xor".into(),
        embed_limit: 100,
    };
    let s = pytorch(&t, "data=xor", &opts).unwrap();
    let (name, csv) = s.data.clone().unwrap();
    assert_eq!(name, "xor-data.csv");
    assert!(s.text.contains("DATA_FILE = \"xor-data.csv\""));
    assert!(s.text.contains("\"features\": [\"x1\", \"x2\", \"sinx1\"],"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "split,x1,x2,label");
    assert_eq!(lines.len(), 501);
    assert_eq!(lines.iter().filter(|l| l.starts_with("train,")).count(), 250);
    compiles("xor.py", &s.text);
}

#[test]
fn every_optimizer_and_schedule_is_known_to_the_script() {
    for opt in Optimizer::KEYS {
        for sched in Schedule::KEYS {
            let link = format!("data=gauss&opt={opt}&sched={sched}");
            let t = trainer(&link);
            let s = pytorch(&t, &link, &Options::default()).unwrap();
            assert!(s.text.contains(&format!("\"optimizer\": \"{opt}\",")), "{link}");
            assert!(
                LIBRARY.contains(&format!("\"{opt}\": {{")),
                "{opt} has no defaults in the library"
            );
            assert!(
                LIBRARY.contains(&format!("\"{sched}\": {{\"kind\"")),
                "{sched} has no defaults"
            );
        }
    }
}

#[test]
fn python_strings_are_escaped() {
    assert_eq!(py_str("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
}
