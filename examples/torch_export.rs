//! The four setups `scripts/verify-pytorch.sh` checks against PyTorch, exported
//! with the page's generator (`export::pytorch`) and trained by the core, so the
//! two trainings can be compared epoch by epoch. For each setup it writes
//! OUT_DIR/NAME.py (and NAME-data.csv when the data goes beside the script),
//! OUT_DIR/NAME-core.txt (the training loss after each of EPOCHS epochs, the
//! setup as it is) and OUT_DIR/NAME-core-noshuffle.txt (the same without
//! shuffling), and OUT_DIR/NAME-optuna.py for the setup with a search.
//!
//!   cargo run --release --example torch_export -- OUT_DIR EPOCHS

use nnplay::export::optuna::optuna;
use nnplay::export::pytorch::{pytorch, Options};
use nnplay::protocol::{FromWorker, ToWorker};
use nnplay::table::ReadOptions;
use nnplay::trainer::Trainer;
use std::fmt::Write as _;
use std::path::Path;

/// (name, link, imported file). The first is the page's default circle.
const SETUPS: [(&str, &str, Option<&str>); 4] = [
    ("circle", "data=circle", None),
    (
        "spiral",
        "data=spiral&opt=adam&lr=0.01&sched=cosine&speriod=100&net=8,8&in=x1,x2,x1sq,x2sq,sinx1,sinx2",
        None,
    ),
    (
        "classes",
        "data=blobs&classes=3&net=8,6&act=relu&drop=0.2,0.1&lr=0.03",
        None,
    ),
    (
        "houses",
        "net=6,4&act=tanh&lr=0.01&batch=16",
        Some("www/samples/houses.csv"),
    ),
];

/// More setups, trained without shuffling only: every optimizer, regularisation, clipping,
/// schedule, loss and output layer, initialisation, and early stopping, each compared epoch
/// by epoch (listed in OUT_DIR/exact.txt).
const EXACT: [&str; 12] = [
    "data=circle&reg=l1&rr=0.003&clip=0.5",
    "data=circle&opt=momentum&lr=0.01&reg=l2&rr=0.01&sched=step&severy=20",
    "data=circle&opt=nesterov&lr=0.01&reg=elastic&rr=0.003&sched=warmup",
    "data=circle&opt=adagrad&lr=0.03&sched=exp&sfactor=0.98",
    "data=circle&opt=rmsprop&lr=0.001&sched=restarts&speriod=30&swarm=5",
    "data=circle&opt=adamw&lr=0.003&clip=1&act=leaky",
    "data=circle&opt=adadelta&lr=1&act=sigmoid",
    "data=xor&opt=adam&lr=0.003&loss=bce&act=relu&net=6,3&init=he_uniform",
    "data=gauss&loss=cce&act=gelu&init=glorot_normal&net=5",
    "data=plane&act=elu&loss=huber&init=he_normal&net=3,3",
    "data=circle&act=softplus&init=glorot_uniform&out=sigmoid&batch=7",
    "data=xor&es=5&esd=0.001&val=20&lr=0.1&net=3",
];

/// The search the circle's Optuna study runs (two processes share it in the check).
const SEARCH: &str =
    "&search=random&s_trials=6&s_epochs=20&s_obj=test&s_prune=median&s_seed=3&s_lr=0.003..0.3&s_act=tanh,relu";

fn trainer(link: &str, file: Option<&str>) -> Trainer {
    let config = nnplay::url::decode(link).config;
    let mut t = Trainer::new(config.clone());
    if let Some(file) = file {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let info = match t.inspect(&bytes, ReadOptions::default()) {
            FromWorker::TableRead { info } => info,
            other => panic!("{file}: {other:?}"),
        };
        let mut request = info.proposed_request(config.seed);
        request.train_percent = config.train_ratio;
        let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
        if let Some(FromWorker::ImportFailed { message }) = out.first() {
            panic!("{file}: {message}");
        }
    } else {
        t.handle(ToWorker::Configure {
            hash: link.into(),
            run: 0,
        });
    }
    t
}

/// The training loss after each epoch, one per line, until the epochs or a stopping rule end the run.
fn losses(mut t: Trainer, epochs: u32) -> String {
    let mut s = String::new();
    for _ in 0..epochs {
        let stop = t.train_epoch();
        writeln!(s, "{}", t.scores().train_loss).unwrap();
        match stop {
            None => {}
            Some(FromWorker::Finished { .. }) => break,
            Some(other) => panic!("the core stopped: {other:?}"),
        }
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, out, epochs] = &args[..] else {
        eprintln!("usage: torch_export OUT_DIR EPOCHS");
        std::process::exit(2);
    };
    let epochs: u32 = epochs.parse().expect("EPOCHS is a number");
    let out = Path::new(out);
    std::fs::create_dir_all(out).unwrap();
    let write = |name: &str, text: &str| std::fs::write(out.join(name), text).unwrap();
    for (name, link, file) in SETUPS {
        let t = trainer(link, file);
        let page_link = format!("#{}", nnplay::url::encode(t.config()));
        // The imported set goes to a CSV file beside its script (the large-data route).
        let opts = Options {
            stem: name.into(),
            embed_limit: if file.is_some() {
                0
            } else {
                nnplay::export::pytorch::EMBED_LIMIT
            },
        };
        let script = pytorch(&t, &page_link, &opts).expect("exports");
        write(&script.name, &script.text);
        if let Some((data, text)) = &script.data {
            write(data, text);
        }
        if name == "circle" {
            let study = optuna(&t, &format!("{page_link}{SEARCH}"), &opts).expect("the search exports");
            write(&study.name, &study.text);
        }
        write(&format!("{name}-core.txt"), &losses(t, epochs));
        let still = trainer(&format!("{link}&shuffle=0"), file);
        write(&format!("{name}-core-noshuffle.txt"), &losses(still, epochs));
        println!("{name}: {page_link}");
    }
    let mut list = String::new();
    for (k, link) in EXACT.iter().enumerate() {
        let link = format!("{link}&shuffle=0");
        let t = trainer(&link, None);
        let name = format!("exact{k}");
        let script = pytorch(
            &t,
            &format!("#{link}"),
            &Options {
                stem: name.clone(),
                ..Options::default()
            },
        )
        .expect("exports");
        write(&script.name, &script.text);
        write(&format!("{name}-core-noshuffle.txt"), &losses(t, epochs));
        writeln!(list, "{name} {link}").unwrap();
    }
    write("exact.txt", &list);
}
