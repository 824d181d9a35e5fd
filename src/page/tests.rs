//! The page's loop without a browser: messages in, the model and the effects checked.

use super::*;
use crate::metrics::Metrics;
use crate::protocol::{RunState, SnapshotHeader};

fn started() -> (Model, Vec<Effect>) {
    let mut m = Model::new();
    let fx = update(&mut m, Msg::Start { hash: "seed=77".into() });
    (m, fx)
}

/// A page whose worker said Ready.
fn ready() -> Model {
    let (mut m, _) = started();
    update(
        &mut m,
        Msg::FromWorker(FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        }),
    );
    m
}

fn posts(fx: &[Effect]) -> Vec<ToWorker> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Post(m) => Some(m.clone()),
            _ => None,
        })
        .collect()
}

fn snapshot(m: &Model, run: u32, epoch: f64) -> Snapshot {
    let sizes: Vec<u32> = m.config.layer_sizes().iter().map(|&n| n as u32).collect();
    let usizes: Vec<usize> = sizes.iter().map(|&n| n as usize).collect();
    let n_params = crate::params::Layout::new(&usizes).len();
    let metrics = Metrics::Classification {
        accuracy: 0.5,
        precision: 0.5,
        recall: 0.5,
        f1: 0.5,
        confusion: vec![1, 1, 1, 1],
        k: 2,
    };
    Snapshot {
        header: SnapshotHeader {
            run,
            epoch,
            train_loss: 0.25,
            test_loss: 0.5,
            state: RunState::Playing,
            sizes,
            train_metrics: metrics.clone(),
            test_metrics: metrics,
            learning_rate: 0.03,
        },
        output: Vec::new(),
        neurons: Vec::new(),
        params: (0..n_params).map(|k| k as f32).collect(),
        history: Vec::new(),
    }
}

/// A ready page that has drawn one snapshot (whose parameters count up from 0).
fn drawn() -> Model {
    let mut m = ready();
    let s = snapshot(&m, m.run, 1.0);
    update(&mut m, Msg::Snapshot(s));
    update(&mut m, Msg::Frame { now: 0.0 });
    m
}

#[test]
fn a_link_starts_its_setup_and_a_bare_link_replays_with_seed_1() {
    let (m, fx) = started();
    assert_eq!(m.config.seed, 77);
    let mut bare = Model::new();
    update(&mut bare, Msg::Start { hash: String::new() });
    assert_eq!(bare.config, Config::default());
    assert_eq!(bare.config.seed, 1, "the README's default: a bare link is reproducible");
    assert_eq!(m.config.dataset, Config::default().dataset);
    assert!(fx.contains(&Effect::WriteHash(url::encode(&m.config))));
    assert!(posts(&fx).is_empty(), "nothing is posted before the worker is ready");
    assert_eq!(m.worker.queue.len(), 1, "the Configure waits");
    assert_eq!(m.run, 1);
}

#[test]
fn ready_sends_what_waited_in_order() {
    let (mut m, _) = started();
    update(&mut m, Msg::TogglePlay);
    let fx = update(
        &mut m,
        Msg::FromWorker(FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        }),
    );
    let sent = posts(&fx);
    assert!(matches!(sent[0], ToWorker::Configure { run: 1, .. }));
    assert_eq!(sent[1], ToWorker::Play);
    assert!(m.worker.queue.is_empty());
}

#[test]
fn a_learning_rate_edit_continues_the_run_and_a_layer_edit_starts_a_new_one() {
    let mut m = ready();
    let fx = update(&mut m, Msg::Edit(Edit::LearningRate(0.1)));
    assert_eq!(m.run, 1, "same run");
    assert!(matches!(posts(&fx)[..], [ToWorker::Configure { run: 1, .. }]));
    update(&mut m, Msg::TogglePlay);
    assert!(m.playing);
    let fx = update(&mut m, Msg::Edit(Edit::AddLayer));
    assert_eq!(m.run, 2, "a new network is a new run");
    assert!(!m.playing, "a new run waits for Play");
    assert!(matches!(posts(&fx)[..], [ToWorker::Configure { run: 2, .. }]));
    assert_eq!(m.config.hidden, [4, 2, 2]);
}

#[test]
fn an_edit_that_changes_nothing_posts_nothing() {
    let mut m = ready();
    let same = m.config.learning_rate;
    let fx = update(&mut m, Msg::Edit(Edit::LearningRate(same)));
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn a_refused_hyperparameter_changes_nothing_and_says_so() {
    let mut m = ready();
    update(
        &mut m,
        Msg::Edit(Edit::Optimizer(crate::optimizer::Optimizer::from_key("adam").unwrap())),
    );
    let before = m.config.clone();
    let e = Edit::OptimizerParam("b1".into(), 1.5);
    let fx = update(&mut m, Msg::Edit(e.clone()));
    assert_eq!(fx, vec![Effect::Refused(e)]);
    assert_eq!(m.config, before);
}

#[test]
fn edits_are_validated_with_the_same_limits_as_links() {
    let mut m = ready();
    update(&mut m, Msg::Edit(Edit::Validation(40)));
    assert_eq!(m.config.validation, 40);
    update(&mut m, Msg::Edit(Edit::TrainRatio(30)));
    assert_eq!(m.config.validation, 20, "train=30 leaves at most 20 % for validation");
    let (title, lines) = m.notices.settings.clone().expect("the page says what changed");
    assert_eq!(title, "Some settings were changed to fit.");
    assert!(lines[0].contains("at most 20 percent"), "{lines:?}");
    update(&mut m, Msg::Edit(Edit::BatchSize(500)));
    assert_eq!(m.config.batch_size, crate::config::MAX_BATCH);
}

#[test]
fn the_tooltip_under_the_pointer_follows_the_value_in_each_new_snapshot() {
    let mut m = drawn();
    let link = Target::Link {
        layer: 0,
        to: 0,
        from: 1,
    };
    let fx = update(
        &mut m,
        Msg::Hover {
            target: Some(link),
            x: 5.0,
            y: 6.0,
        },
    );
    assert!(matches!(&fx[0], Effect::Tooltip(Some((t, 5.0, 6.0))) if t.starts_with("Weight 1.000 ")));
    // The same values again: nothing to redraw.
    let same = snapshot(&m, m.run, 2.0);
    update(&mut m, Msg::Snapshot(same.clone()));
    let fx = update(&mut m, Msg::Frame { now: 16.0 });
    assert!(!fx.iter().any(|e| matches!(e, Effect::Tooltip(_))));
    // The weight was edited: the tooltip reads the new value where the pointer is.
    let mut edited = same;
    edited.params[1] = 2.5;
    update(&mut m, Msg::Snapshot(edited));
    let fx = update(&mut m, Msg::Frame { now: 32.0 });
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::Tooltip(Some((t, 5.0, 6.0))) if t.starts_with("Weight 2.500 "))));
    update(&mut m, Msg::Leave);
    let later = snapshot(&m, m.run, 3.0);
    update(&mut m, Msg::Snapshot(later));
    let fx = update(&mut m, Msg::Frame { now: 48.0 });
    assert!(!fx.iter().any(|e| matches!(e, Effect::Tooltip(_))));
}

#[test]
fn snapshots_of_an_older_run_are_acknowledged_but_not_drawn() {
    let mut m = ready();
    let old = snapshot(&m, m.run, 3.0);
    update(&mut m, Msg::Reset);
    let fx = update(&mut m, Msg::Snapshot(old));
    assert_eq!(fx, vec![Effect::RequestFrame]);
    let fx = update(&mut m, Msg::Frame { now: 0.0 });
    assert!(m.last.is_none(), "dropped");
    assert_eq!(fx, vec![Effect::Post(ToWorker::Ack)], "but acknowledged");
    let current = snapshot(&m, m.run, 4.0);
    update(&mut m, Msg::Snapshot(current.clone()));
    let fx = update(&mut m, Msg::Frame { now: 16.0 });
    assert_eq!(m.last.as_ref(), Some(&current));
    // Drawn, spoken (the live region, `keys::Pacer`), acknowledged.
    assert!(
        matches!(
            &fx[..],
            [Effect::Draw, Effect::Announce { .. }, Effect::Post(ToWorker::Ack)]
        ),
        "{fx:?}"
    );
}

#[test]
fn only_the_newest_snapshot_is_drawn_in_a_frame() {
    let mut m = ready();
    let (a, b) = (snapshot(&m, m.run, 1.0), snapshot(&m, m.run, 2.0));
    assert_eq!(update(&mut m, Msg::Snapshot(a)), vec![Effect::RequestFrame]);
    assert!(update(&mut m, Msg::Snapshot(b.clone())).is_empty(), "one frame request");
    update(&mut m, Msg::Frame { now: 0.0 });
    assert_eq!(m.last, Some(b));
}

#[test]
fn a_silent_worker_is_restarted_with_the_setup_and_the_last_weights() {
    let mut m = ready();
    let s = snapshot(&m, m.run, 120.0);
    update(&mut m, Msg::Snapshot(s.clone()));
    update(&mut m, Msg::Frame { now: 0.0 });
    let fx = update(&mut m, Msg::Tick { now: 1000.0 });
    assert_eq!(posts(&fx), vec![ToWorker::Ping]);
    let mut restarted = false;
    for k in 2..=supervisor::TIMEOUT_TICKS + 1 {
        let fx = update(
            &mut m,
            Msg::Tick {
                now: f64::from(k) * 1000.0,
            },
        );
        restarted |= fx.contains(&Effect::RestartWorker);
    }
    assert!(restarted);
    assert!(!m.worker.ready);
    assert!(m
        .notices
        .worker
        .as_deref()
        .unwrap()
        .contains("continuing from epoch 120"));
    assert!(matches!(m.worker.queue[0], ToWorker::Configure { .. }));
    assert_eq!(
        m.worker.queue[1],
        ToWorker::Resume {
            params: s.params,
            epoch: 120.0
        }
    );
}

#[test]
fn a_worker_that_keeps_crashing_is_left_stopped_with_a_message() {
    let mut m = ready();
    for k in 0..3 {
        let fx = update(
            &mut m,
            Msg::WorkerCrashed {
                reason: "boom".into(),
                now: f64::from(k) * 100.0,
            },
        );
        assert!(fx.contains(&Effect::RestartWorker));
    }
    let fx = update(
        &mut m,
        Msg::WorkerCrashed {
            reason: "boom".into(),
            now: 400.0,
        },
    );
    assert!(!fx.contains(&Effect::RestartWorker));
    assert!(m.notices.worker.as_deref().unwrap().contains("4 times in a row"));
    assert!(m.worker.given_up);
}

/// A runner whose worker cannot be reached: its first postMessage fails, as
/// `Worker.postMessage` throws for a closed or broken worker.
#[derive(Default)]
struct BrokenPost {
    failures_left: u32,
    posted: Vec<ToWorker>,
    restarts: u32,
}

impl Runner for BrokenPost {
    fn run(&mut self, _model: &Model, effect: Effect, inbox: &RefCell<VecDeque<Msg>>) {
        match effect {
            Effect::Post(m) if self.failures_left > 0 => {
                self.failures_left -= 1;
                let _ = m;
                inbox.borrow_mut().push_back(Msg::WorkerCrashed {
                    reason: "the page could not reach it".into(),
                    now: 0.0,
                });
            }
            Effect::Post(m) => self.posted.push(m),
            Effect::RestartWorker => {
                self.restarts += 1;
                // The new worker says Ready as soon as it runs.
                inbox.borrow_mut().push_back(Msg::FromWorker(FromWorker::Ready {
                    protocol: PROTOCOL_VERSION,
                }));
            }
            _ => {}
        }
    }
}

#[test]
fn a_failing_post_while_effects_run_is_a_crash_handled_by_the_loop_not_a_panic() {
    let inbox = RefCell::new(VecDeque::new());
    let mut m = Model::new();
    let mut runner = BrokenPost {
        failures_left: 1,
        ..Default::default()
    };
    inbox.borrow_mut().push_back(Msg::Start { hash: String::new() });
    inbox.borrow_mut().push_back(Msg::FromWorker(FromWorker::Ready {
        protocol: PROTOCOL_VERSION,
    }));
    inbox.borrow_mut().push_back(Msg::TogglePlay);
    drain(&mut m, &inbox, &mut runner);
    assert!(inbox.borrow().is_empty());
    assert_eq!(runner.restarts, 1, "the worker was replaced once");
    assert!(m.worker.ready, "and the new one is in use");
    assert!(m.notices.worker.is_some());
    // The Configure that failed is sent again, to the new worker; the run waits for Play.
    assert!(
        matches!(runner.posted.last(), Some(ToWorker::Configure { run: 1, .. })),
        "{:?}",
        runner.posted
    );
    assert!(!m.playing);
}

fn table_info() -> crate::importer::TableInfo {
    let mut imp = crate::importer::Importer::default();
    imp.inspect(b"a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n", Default::default())
        .unwrap()
}

/// "d.csv" chosen in the file input, then its bytes read by the browser.
fn choose_file() -> Msg {
    Msg::Import(ImportMsg::FileChosen {
        name: "d.csv".into(),
        size: 40,
    })
}

fn read_file() -> Msg {
    Msg::Import(ImportMsg::FileRead {
        name: "d.csv".into(),
        bytes: b"a,b\n".to_vec(),
    })
}

#[test]
fn a_file_is_read_by_the_worker_and_its_mapping_checked() {
    let mut m = ready();
    update(&mut m, choose_file());
    assert!(m.import.reading.is_some());
    let fx = update(&mut m, read_file());
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::Inspect { bytes, .. } if bytes == b"a,b\n")));
    let fx = update(&mut m, Msg::FromWorker(FromWorker::TableRead { info: table_info() }));
    assert_eq!(m.import.target, 2, "the last column is the proposed target");
    assert_eq!(m.import.features, [true, true, false]);
    assert!(matches!(&posts(&fx)[..], [ToWorker::CheckMapping { request }] if request.features == [0, 1]));
    let fx = update(&mut m, Msg::Import(ImportMsg::Feature(1, false)));
    assert!(matches!(&posts(&fx)[..], [ToWorker::CheckMapping { request }] if request.features == [0]));
}

#[test]
fn import_with_an_empty_box_imports_the_chosen_file() {
    let mut m = ready();
    update(
        &mut m,
        Msg::Import(ImportMsg::FileRead {
            name: "d.csv".into(),
            bytes: b"x,y\n1,2\n".to_vec(),
        }),
    );
    let fx = update(&mut m, Msg::Import(ImportMsg::Import { pasted: "  ".into() }));
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::Inspect { bytes, .. } if bytes == b"x,y\n1,2\n")));
    assert_eq!(m.import.error, None);
    let mut fresh = ready();
    let fx = update(&mut fresh, Msg::Import(ImportMsg::Import { pasted: String::new() }));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Inspect { .. })));
    assert!(fresh.import.error_text().unwrap().contains("choose a CSV file"));
}

#[test]
fn a_file_too_large_is_refused_before_reading() {
    let mut m = ready();
    update(
        &mut m,
        Msg::Import(ImportMsg::FileChosen {
            name: "big.csv".into(),
            size: crate::table::MAX_BYTES + 1,
        }),
    );
    assert!(m.import.reading.is_none());
    assert!(m.import.error_text().unwrap().contains("at most"));
}

#[test]
fn a_link_waiting_for_its_file_trains_on_it_once_the_columns_match() {
    let mut m = Model::new();
    let hash = "data=csv&csvcol=a&csvcol=b&csvcol=label&csvfeat=0,1&csvtarget=2&csvtask=classification\
                &csvmissing=median&csvscale=minmax&csvclip=0&csvval=0&csvin=2&axes=1,0";
    update(&mut m, Msg::Start { hash: hash.into() });
    assert!(m.config.csv.is_none(), "the default data meanwhile");
    assert!(m.csv_in_use_text().starts_with("Waiting for the link's file"));
    update(
        &mut m,
        Msg::FromWorker(FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        }),
    );
    let fx = update(&mut m, Msg::FromWorker(FromWorker::TableRead { info: table_info() }));
    let use_csv = posts(&fx)
        .into_iter()
        .find_map(|p| match p {
            ToWorker::UseCsv { request, axes } => Some((request, axes)),
            _ => None,
        })
        .expect("UseCsv");
    assert_eq!(use_csv.1, (1, 0));
    assert_eq!(use_csv.0.missing, crate::prep::Missing::Median);
    assert_eq!(use_csv.0.scaling, crate::prep::Scaling::MinMax);
    assert!(m.import.preparing);
}

#[test]
fn hovering_a_link_names_its_weight_and_a_neuron_enlarges_it() {
    let mut m = drawn();
    let fx = update(
        &mut m,
        Msg::Hover {
            target: Some(Target::Link {
                layer: 0,
                to: 1,
                from: 0,
            }),
            x: 5.0,
            y: 6.0,
        },
    );
    // Weights count up from 0 in the fake snapshot: w[1][0] of layer 0 is at index 2.
    assert_eq!(
        fx,
        vec![Effect::Tooltip(Some((
            "Weight 2.000 (from X1 to neuron 1.2). Click to change.".into(),
            5.0,
            6.0
        )))]
    );
    let fx = update(
        &mut m,
        Msg::Hover {
            target: Some(Target::Neuron { layer: 1, n: 1 }),
            x: 0.0,
            y: 0.0,
        },
    );
    assert_eq!(
        m.focus,
        Focus::Neuron(5),
        "4 neurons in layer 1, then the second of layer 2"
    );
    assert_eq!(m.focused_neuron(), Some((1, 1)));
    assert!(fx.contains(&Effect::Draw));
    update(&mut m, Msg::Leave);
    assert_eq!(m.focus, Focus::Output);
}

#[test]
fn a_clicked_weight_opens_the_editor_and_its_value_goes_to_the_worker() {
    let mut m = drawn();
    let fx = update(
        &mut m,
        Msg::Click {
            target: Target::Bias { layer: 2, n: 0 },
            x: 1.0,
            y: 2.0,
        },
    );
    assert!(fx.contains(&Effect::OpenEditor {
        label: "bias",
        value: 24.0,
        x: 1.0,
        y: 2.0
    }));
    let fx = update(&mut m, Msg::SubmitParam(0.5));
    assert_eq!(
        posts(&fx),
        vec![ToWorker::SetBias {
            layer: 2,
            neuron: 0,
            value: 0.5
        }]
    );
    assert!(m.editing.is_none());
}

#[test]
fn a_pasted_link_replaces_the_setup() {
    let mut m = ready();
    let fx = update(&mut m, Msg::HashChanged("data=xor&net=3".into()));
    assert_eq!(m.config.hidden, [3]);
    assert_eq!(m.config.seed, 1, "a link without a seed means seed 1");
    assert!(!posts(&fx).is_empty());
    let same = url::encode(&m.config);
    assert!(
        update(&mut m, Msg::HashChanged(same)).is_empty(),
        "our own hash write changes nothing"
    );
}

#[test]
fn numbers_read_in_plain_notation_where_they_fit() {
    assert_eq!(fmt_plain(0.03), "0.03");
    assert_eq!(fmt_plain(0.000_25), "0.00025");
    assert_eq!(fmt_plain(12.5), "12.5");
    assert_eq!(fmt_plain(1.0), "1");
    assert_eq!(fmt_plain(1.2e-7), "1.20e-7");
    assert_eq!(fmt_plain(0.0), "0");
}

#[test]
fn switching_to_adam_offers_its_rate_unless_the_user_chose_one() {
    let adam = crate::optimizer::Optimizer::from_key("adam").unwrap();
    let mut m = ready();
    update(&mut m, Msg::Edit(Edit::Optimizer(adam)));
    assert_eq!(m.config.learning_rate, 0.001, "SGD's suggestion becomes Adam's");
    assert_eq!(m.config.learning_rate_hint(), None);
    let mut chosen = ready();
    update(&mut chosen, Msg::Edit(Edit::LearningRate(0.3)));
    update(&mut chosen, Msg::Edit(Edit::Optimizer(adam)));
    assert_eq!(chosen.config.learning_rate, 0.3, "a chosen rate stays");
    let hint = chosen.config.learning_rate_hint().expect("a hint");
    assert!(
        hint.starts_with("Adam usually trains best near a learning rate of 0.001"),
        "{hint}"
    );
}

#[test]
fn controls_a_link_hides_cannot_be_used() {
    let mut m = Model::new();
    update(
        &mut m,
        Msg::Start {
            hash: "in_hide=1&net_hide=1".into(),
        },
    );
    update(
        &mut m,
        Msg::FromWorker(FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        }),
    );
    let before = m.config.clone();
    update(
        &mut m,
        Msg::Edit(Edit::ToggleFeature(crate::features::Feature::X1Squared)),
    );
    update(&mut m, Msg::Edit(Edit::Neurons { layer: 0, delta: 1 }));
    update(&mut m, Msg::Edit(Edit::AddLayer));
    assert_eq!(m.config, before);
    update(&mut m, Msg::Edit(Edit::LearningRate(0.1)));
    assert_eq!(m.config.learning_rate, 0.1, "what the link shows still works");
}

/// A page training on imported data with `inputs` numeric columns and one hidden layer of 3.
fn imported(inputs: usize) -> Model {
    let mut m = ready();
    let names: Vec<String> = (0..inputs).map(|k| format!("pixel_{k}")).collect();
    let mut columns = names.clone();
    columns.push("label".into());
    m.config.hidden = vec![3];
    m.config.csv = Some(crate::config::CsvSetup {
        columns,
        mapping: crate::importer::MappingRequest::new(
            (0..inputs as u32).collect(),
            inputs as u32,
            crate::dataset::Problem::Classification,
            1,
        ),
        inputs,
        outputs: 1,
        axes: (0, 1),
        hold_row: None,
        data: None,
    });
    m.csv_info = Some(crate::importer::CsvInfo {
        feature_names: names,
        classes: vec!["a".into(), "b".into()],
        axes: (0, 1),
        x_range: (0.0, 1.0),
        y_range: (0.0, 1.0),
        x_units: (1.0, 2.0),
        y_units: (3.0, 4.0),
        points: vec![0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0],
    });
    let s = snapshot(&m, m.run, 1.0);
    m.last = Some(s);
    m
}

#[test]
fn a_first_layer_neuron_over_pixel_inputs_shows_its_weights_as_an_image() {
    let mut m = imported(16);
    assert_eq!(m.image_side(), Some(4));
    m.focus = Focus::Neuron(1);
    // Parameters are 0, 1, 2, …: neuron 1's weights are 16 … 31, scaled by the largest.
    let (w, side, caption) = m.receptive_field().unwrap();
    assert_eq!(side, 4);
    assert_eq!(w.len(), 16);
    assert_eq!((w[0], w[15]), (16.0 / 31.0, 1.0));
    assert!(
        caption.starts_with("Neuron 1.2: its weights from the 4 × 4 pixels"),
        "{caption}"
    );
    // Not pixels: 15 inputs, or a neuron of a later layer.
    assert_eq!(imported(15).image_side(), None);
    m.focus = Focus::Output;
    assert!(m.receptive_field().is_none());
    // The baseline: one training row of each class, the test row is class b.
    assert_eq!(
        m.baseline_text().unwrap(),
        "Baseline: always guessing the most frequent class, ‘a’, is right for 0.0% of the test rows."
    );
}

#[test]
fn a_file_with_rows_to_spare_gets_a_validation_share_proposed_and_brought_into_view() {
    let mut m = ready();
    update(&mut m, choose_file());
    update(&mut m, read_file());
    let mut info = table_info();
    let fx = update(&mut m, Msg::FromWorker(FromWorker::TableRead { info: info.clone() }));
    assert_eq!(m.import.validation, 0, "4 rows: none to spare");
    assert!(fx.contains(&Effect::RevealImport), "a new file's panel comes into view");
    info.rows = crate::page::import::VALIDATION_FROM_ROWS as u32;
    let fx = update(&mut m, Msg::FromWorker(FromWorker::TableRead { info }));
    assert_eq!(m.import.validation, crate::page::import::PROPOSED_VALIDATION);
    assert!(
        !fx.contains(&Effect::RevealImport),
        "read again: the panel is where it was"
    );
}

#[test]
fn rows_are_named_by_the_detected_identifier_unless_the_user_chooses_otherwise() {
    let mut m = ready();
    let mut info = table_info();
    assert_eq!(
        info.identifier, None,
        "four rows: too few to call a column an identifier"
    );
    update(&mut m, Msg::FromWorker(FromWorker::TableRead { info: info.clone() }));
    assert_eq!(m.import.row_names, None);
    info.identifier = Some(0);
    update(&mut m, Msg::FromWorker(FromWorker::TableRead { info }));
    assert_eq!(m.import.row_names, Some(0));
    let fx = update(&mut m, Msg::Import(ImportMsg::RowNames(None)));
    let request = m.import.request(50, 1).unwrap();
    assert_eq!(request.row_names, None);
    assert!(posts(&fx).iter().any(|p| matches!(p, ToWorker::CheckMapping { .. })));
    update(&mut m, Msg::Import(ImportMsg::RowNames(Some(1))));
    assert_eq!(m.import.request(50, 1).unwrap().row_names, Some(1));
}

fn resumes(fx: &[Effect]) -> Vec<(Vec<f32>, f64)> {
    posts(fx)
        .into_iter()
        .filter_map(|p| match p {
            ToWorker::Resume { params, epoch } => Some((params, epoch)),
            _ => None,
        })
        .collect()
}

#[test]
fn an_opened_model_resumes_from_its_weights_once_its_setup_is_drawn() {
    let mut m = drawn();
    let old_run = m.run;
    let hash = "data=spiral&net=5&act=relu&seed=9";
    let n = crate::params::Layout::new(&[2, 5, 1]).len();
    let params: Vec<f32> = (0..n).map(|k| k as f32 * 0.25).collect();
    let fx = update(
        &mut m,
        Msg::OpenModel {
            hash: hash.into(),
            params: params.clone(),
            epoch: 42.0,
            file: None,
        },
    );
    assert_eq!(m.config.hidden, vec![5]);
    assert_eq!(m.config.seed, 9);
    assert!(m.last.is_none(), "the old run's picture goes");
    assert!(matches!(&posts(&fx)[..], [ToWorker::Configure { run, .. }] if *run == m.run && *run != old_run));
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::WriteHash(h) if h.contains("net=5"))));
    // A late snapshot of the old run: not the opened network.
    let late = snapshot(&m, old_run, 7.0);
    update(&mut m, Msg::Snapshot(late));
    let fx = update(&mut m, Msg::Frame { now: 1.0 });
    assert!(resumes(&fx).is_empty());
    // The opened setup's first snapshot: its weights go to the worker, not to the picture.
    let first = snapshot(&m, m.run, 0.0);
    update(&mut m, Msg::Snapshot(first));
    let fx = update(&mut m, Msg::Frame { now: 2.0 });
    assert_eq!(resumes(&fx), vec![(params, 42.0)]);
    assert!(matches!(posts(&fx).last(), Some(ToWorker::Ack)));
    assert!(m.last.is_none());
    // The snapshot after Resume is drawn as usual.
    let resumed = snapshot(&m, m.run, 42.0);
    update(&mut m, Msg::Snapshot(resumed));
    let fx = update(&mut m, Msg::Frame { now: 3.0 });
    assert!(resumes(&fx).is_empty());
    assert_eq!(m.last.as_ref().map(|s| s.header.epoch), Some(42.0));
}

/// A setup on a file its link does not carry: the weights wait until the file
/// is read, mapped and in training (the default data meanwhile has the same sizes).
#[test]
fn an_opened_model_on_a_larger_imported_file_resumes_once_the_file_is_in_training() {
    let mut m = ready();
    let hash = "data=csv&csvcol=a&csvcol=b&csvcol=label&csvfeat=0,1&csvtarget=2&csvtask=classification\
                &csvmissing=median&csvscale=minmax&csvclip=0&csvval=0&csvin=2&axes=0,1&seed=3";
    let sizes = crate::url::decode(hash).config.layer_sizes();
    let params = vec![0.5; crate::params::Layout::new(&sizes).len()];
    update(
        &mut m,
        Msg::OpenModel {
            hash: hash.into(),
            params: params.clone(),
            epoch: 12.0,
            file: Some(("d.csv".into(), b"a,b,label\n".to_vec())),
        },
    );
    assert!(
        m.config.csv.is_none() && m.import.expected.is_some(),
        "waiting for the file"
    );
    assert_eq!(m.config.layer_sizes(), sizes, "the default data has the same sizes");
    let s = snapshot(&m, m.run, 0.0);
    update(&mut m, Msg::Snapshot(s));
    let fx = update(&mut m, Msg::Frame { now: 1.0 });
    assert!(resumes(&fx).is_empty(), "not the default data's network");
    assert_eq!(
        m.import.bytes, b"a,b,label\n",
        "the file the model embeds is being read"
    );
    // Read, then mapped as the link says.
    let fx = update(&mut m, Msg::FromWorker(FromWorker::TableRead { info: table_info() }));
    assert!(posts(&fx).iter().any(|p| matches!(p, ToWorker::UseCsv { .. })));
    let info = crate::importer::CsvInfo {
        feature_names: vec!["a".into(), "b".into()],
        classes: vec!["x".into(), "y".into()],
        axes: (0, 1),
        x_range: (0.0, 1.0),
        y_range: (0.0, 1.0),
        x_units: (1.0, 2.0),
        y_units: (3.0, 4.0),
        points: vec![0.0, 0.0, -1.0, 0.0],
    };
    let fx = update(
        &mut m,
        Msg::FromWorker(FromWorker::CsvInUse {
            info,
            hash: hash.into(),
        }),
    );
    assert!(m.config.csv.is_some());
    assert!(posts(&fx)
        .iter()
        .any(|p| matches!(p, ToWorker::Configure { run, .. } if *run == m.run)));
    let s = snapshot(&m, m.run, 0.0);
    update(&mut m, Msg::Snapshot(s));
    let fx = update(&mut m, Msg::Frame { now: 2.0 });
    assert_eq!(resumes(&fx), vec![(params, 12.0)]);
}

#[test]
fn a_pasted_link_cancels_an_opened_model_still_waiting() {
    let mut m = ready();
    let hash = "data=csv&csvcol=a&csvcol=b&csvcol=label&csvfeat=0,1&csvtarget=2&csvtask=classification\
                &csvmissing=median&csvscale=minmax&csvclip=0&csvval=0&csvin=2&axes=0,1";
    update(
        &mut m,
        Msg::OpenModel {
            hash: hash.into(),
            params: vec![0.0; 4],
            epoch: 1.0,
            file: None,
        },
    );
    assert!(m.opened.is_some());
    update(&mut m, Msg::HashChanged("data=xor&seed=4".into()));
    assert!(m.opened.is_none());
}

#[test]
fn a_setup_with_advanced_keys_moves_the_run_to_the_advanced_worker() {
    let mut m = ready();
    // The page's own worker trains while nothing asks for more.
    let fx = update(&mut m, Msg::Edit(Edit::Speed(crate::pace::Speed::Fast)));
    assert!(!fx.contains(&Effect::LoadAdvanced));
    // Pruning asked for: the module is loaded once, the run stays where it is meanwhile.
    let fx = update(&mut m, Msg::Edit(Edit::Advanced("prune=90&prune-from=3".into())));
    assert!(fx.contains(&Effect::LoadAdvanced));
    assert!(posts(&fx)
        .iter()
        .any(|p| matches!(p, ToWorker::Configure { hash, .. } if hash.contains("&prune=90&prune-from=3"))));
    let fx = update(&mut m, Msg::Edit(Edit::Advanced("prune=50".into())));
    assert!(!fx.contains(&Effect::LoadAdvanced));
    // Loaded: its worker takes the run with the setup (and the weights, once drawn).
    let fx = update(&mut m, Msg::AdvancedLoaded);
    assert_eq!(m.worker.advanced, Advanced::Running);
    let use_at = fx.iter().position(|e| *e == Effect::UseAdvanced).expect("UseAdvanced");
    let restart_at = fx
        .iter()
        .position(|e| *e == Effect::RestartWorker)
        .expect("RestartWorker");
    assert!(use_at < restart_at);
    assert!(!m.worker.ready);
    assert!(matches!(&m.worker.queue[0], ToWorker::Configure { hash, .. } if hash.ends_with("&prune=50")));
    // Further edits go to that worker; no more restarts.
    let fx = update(&mut m, Msg::Edit(Edit::Advanced(String::new())));
    assert!(!fx.contains(&Effect::RestartWorker));
}

#[test]
fn advanced_keys_that_could_change_the_links_shape_are_refused() {
    let mut m = ready();
    let fx = update(&mut m, Msg::Edit(Edit::Advanced("prune=90#x".into())));
    assert!(fx.contains(&Effect::Refused(Edit::Advanced("prune=90#x".into()))));
    assert!(m.config.advanced.is_empty());
}

#[test]
fn choosing_a_theme_keeps_the_run_playing_and_writes_the_link() {
    let mut m = ready();
    update(&mut m, Msg::TogglePlay);
    let fx = update(&mut m, Msg::Edit(Edit::Theme(crate::theme::Theme::Dark)));
    assert_eq!(m.run, 1, "same run");
    assert!(m.playing, "still playing");
    let hash = fx.iter().find_map(|e| match e {
        Effect::WriteHash(h) => Some(h.clone()),
        _ => None,
    });
    assert!(hash.is_some_and(|h| h.ends_with("&theme=dark")));
}
// Keyboard shortcuts and the live region (`keys`).

fn announced(fx: &[Effect]) -> Vec<String> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Announce { status, .. } => Some(status.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn shortcuts_play_step_reset_and_open_help_through_the_loop() {
    let mut m = drawn();
    update(&mut m, Msg::Shortcut(Shortcut::TogglePlay));
    assert!(m.playing);
    let fx = update(&mut m, Msg::Shortcut(Shortcut::Step));
    assert!(!m.playing);
    assert_eq!(posts(&fx), vec![ToWorker::Step]);
    let run = m.run;
    let fx = update(&mut m, Msg::Shortcut(Shortcut::Reset));
    assert_eq!(posts(&fx), vec![ToWorker::Reset { run: run + 1 }]);
    assert_eq!(update(&mut m, Msg::Shortcut(Shortcut::Help)), vec![Effect::OpenHelp]);
}

#[test]
fn a_control_the_link_hides_has_no_shortcut() {
    let mut m = ready();
    update(&mut m, Msg::HashChanged("seed=77&play_hide=1".into()));
    assert!(m.config.is_hidden(Control::Play));
    assert!(update(&mut m, Msg::Shortcut(Shortcut::TogglePlay)).is_empty());
    assert!(!m.playing);
}

#[test]
fn the_live_region_speaks_every_five_seconds_while_training_and_once_on_pause() {
    let mut m = ready();
    let mut spoken = Vec::new();
    // 12 s of training, a snapshot every 20 ms.
    for k in 0..600 {
        let s = snapshot(&m, m.run, f64::from(k));
        update(&mut m, Msg::Snapshot(s));
        spoken.extend(announced(&update(
            &mut m,
            Msg::Frame {
                now: 20.0 * f64::from(k),
            },
        )));
    }
    assert_eq!(spoken.len(), 3, "{spoken:?}");
    assert_eq!(
        spoken[0],
        "Epoch 0. Training loss 0.250, test loss 0.500. Test accuracy 50 %."
    );
    // Paused: the worker's last snapshot is spoken at once, and only once.
    let mut s = snapshot(&m, m.run, 600.0);
    s.header.state = RunState::Paused;
    for now in [12_010.0, 12_030.0] {
        update(&mut m, Msg::Snapshot(s.clone()));
        spoken.extend(announced(&update(&mut m, Msg::Frame { now })));
    }
    assert_eq!(spoken.len(), 4, "{spoken:?}");
    assert!(spoken[3].starts_with("Epoch 600."), "{}", spoken[3]);
}

#[test]
fn the_picture_in_words_names_the_accuracy_and_the_sides() {
    let mut m = ready();
    let n = crate::grid::DENSITY;
    let mut s = snapshot(&m, m.run, 5.0);
    // Blue (+1) on the right half, orange on the left.
    s.output = (0..n * n).map(|p| if p % n >= n / 2 { 0.8 } else { -0.8 }).collect();
    s.header.state = RunState::Paused;
    update(&mut m, Msg::Snapshot(s));
    let fx = update(&mut m, Msg::Frame { now: 0.0 });
    let picture = fx.iter().find_map(|e| match e {
        Effect::Announce { picture, .. } => picture.clone(),
        _ => None,
    });
    assert_eq!(
        picture.as_deref(),
        Some("Test accuracy 50 %. Orange covers the left, blue the right.")
    );
}

#[test]
fn the_picture_in_words_names_classes_and_high_and_low_values() {
    let n = crate::grid::DENSITY;
    // Three classes: class 3 on top, class 1 bottom left, class 2 bottom right.
    let mut m = ready();
    update(&mut m, Msg::HashChanged("seed=77&data=blobs&classes=3".into()));
    assert_eq!(m.config.picture_channels(), 3);
    let mut s = snapshot(&m, m.run, 5.0);
    s.output = (0..n * n)
        .flat_map(|p| {
            let (x, y) = (p % n, p / n);
            let k = if y < n / 2 { 2 } else { usize::from(x >= n / 2) };
            (0..3).map(move |c| if c == k { 0.9 } else { 0.05 })
        })
        .collect();
    m.last = Some(s);
    assert_eq!(
        m.picture_text("Test accuracy 50 %.").as_deref(),
        Some("Test accuracy 50 %. Class 3 covers the top, Class 1 the bottom left, Class 2 the bottom right.")
    );
    // Regression: high values (blue) in the top 60 %.
    let mut m = ready();
    update(&mut m, Msg::HashChanged("seed=77&data=plane&problem=regression".into()));
    let mut s = snapshot(&m, m.run, 5.0);
    s.output = (0..n * n).map(|p| if p / n < n * 3 / 5 { 0.5 } else { -0.5 }).collect();
    m.last = Some(s);
    let text = m.picture_text("Test R² 0.90.").unwrap();
    assert_eq!(
        text,
        "Test R² 0.90. Blue (high values) covers the top, orange (low values) the bottom."
    );
}
