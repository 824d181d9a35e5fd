use super::goal::*;
use super::link::{self, LinkError, Problem, Written};
use super::panel::{self, Effect, LessonModel, LessonMsg};
use super::*;
use crate::i18n::{self, Catalog, Lang};

fn english() {
    let files: Vec<(&str, &str)> = i18n::EN_TEACH.to_vec();
    i18n::install(Catalog::parse(Lang::En, &files).unwrap(), None);
}

fn progress(epoch: u64, test_loss: f32, test_accuracy: f32, hidden: &[u32]) -> Progress {
    Progress {
        epoch,
        train_loss: test_loss,
        test_loss,
        train_accuracy: Some(test_accuracy),
        test_accuracy: Some(test_accuracy),
        hidden: hidden.to_vec(),
        ..Progress::default()
    }
}

fn small_goal() -> Goal {
    Goal {
        metric: Metric::TestLoss,
        comparison: Comparison::Below,
        threshold: 0.05,
        within: Some(300),
        max_neurons: Some(4),
        max_layers: None,
    }
}

fn written() -> Written {
    Written {
        title: "Circles & lines — 圆".into(),
        text: "# Try\n\nMake the *loss* small.\n\n- a\n- b & c = d\n".into(),
        goal: Some(small_goal()),
        hints: vec!["Use x1sq".into(), "多一点 & less".into()],
    }
}

#[test]
fn a_goal_is_pending_then_reached_at_its_epoch() {
    let g = small_goal();
    assert_eq!(
        g.check(&progress(0, 0.01, 0.5, &[4])),
        GoalState::Pending {
            epoch: 0,
            value: Some(0.01)
        },
        "epoch 0 never counts"
    );
    assert!(matches!(
        g.check(&progress(10, 0.2, 0.5, &[4])),
        GoalState::Pending { epoch: 10, .. }
    ));
    assert_eq!(
        g.check(&progress(137, 0.04, 0.9, &[2, 2])),
        GoalState::Reached {
            epoch: 137,
            value: Some(0.04)
        }
    );
    assert_eq!(
        g.check(&progress(301, 0.04, 0.9, &[4])),
        GoalState::OutOfEpochs {
            epoch: 301,
            within: 300
        }
    );
    assert_eq!(
        g.check(&progress(50, 0.01, 0.9, &[4, 1])),
        GoalState::TooBig {
            neurons: 5,
            layers: 2,
            max_neurons: Some(4),
            max_layers: None
        }
    );
}

#[test]
fn accuracy_goals_are_in_percent_and_divergence_is_a_stop() {
    let g = Goal {
        metric: Metric::TestAccuracy,
        comparison: Comparison::AtLeast,
        threshold: 95.0,
        within: None,
        max_neurons: None,
        max_layers: Some(0),
    };
    assert!(matches!(
        g.check(&progress(5, 0.3, 0.94, &[])),
        GoalState::Pending { .. }
    ));
    assert!(matches!(
        g.check(&progress(6, 0.3, 0.95, &[])),
        GoalState::Reached { epoch: 6, .. }
    ));
    assert!(matches!(
        g.check(&progress(6, 0.3, 0.99, &[3])),
        GoalState::TooBig { .. }
    ));
    let d = Goal {
        metric: Metric::Diverged,
        ..g
    };
    let mut p = progress(12, f32::NAN, 0.5, &[]);
    assert!(matches!(d.check(&p), GoalState::Pending { value: None, .. }));
    p.stopped = true;
    assert!(matches!(d.check(&p), GoalState::Reached { epoch: 12, .. }));
    // A missing or non-finite value never meets a goal.
    let mut q = progress(3, f32::NAN, 0.5, &[]);
    q.test_accuracy = None;
    assert!(matches!(g.check(&q), GoalState::Pending { value: None, .. }));
    assert!(matches!(small_goal().check(&q), GoalState::Pending { value: None, .. }));
}

#[test]
fn a_lesson_round_trips_through_its_link() {
    let w = written();
    let value = link::encode(&w);
    assert!(value.starts_with(link::PREFIX));
    assert!(value[2..]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(link::decode(&value), Ok((w.clone(), Vec::new())));
    let no_goal = Written { goal: None, ..w };
    assert_eq!(link::decode(&link::encode(&no_goal)), Ok((no_goal, Vec::new())));
    let full = Written {
        goal: Some(Goal {
            metric: Metric::Diverged,
            comparison: Comparison::AtLeast,
            threshold: 0.0,
            within: Some(50),
            max_neurons: None,
            max_layers: Some(2),
        }),
        ..Written::default()
    };
    assert_eq!(link::decode(&link::encode(&full)).unwrap().0, full);
}

#[test]
fn a_lesson_link_carries_setup_hide_keys_and_lesson() {
    english();
    let setup = "data=xor&net=4&lr=0.03&seed=2&lr_hide=1&opt_hide=1";
    let l = link_for(setup, &written());
    assert!(l.starts_with(setup) && l.contains("&lesson=1."), "{l}");
    let (lesson, problems) = from_hash(&format!("#{l}")).unwrap().unwrap();
    assert!(problems.is_empty());
    assert_eq!(lesson.title, written().title);
    assert_eq!(lesson.hints, written().hints);
    assert_eq!(lesson.goal, Some(small_goal()));
    assert_eq!(lesson.setup, setup);
    assert_eq!(
        lesson.hidden,
        vec![
            crate::control::Control::LearningRate,
            crate::control::Control::Optimizer
        ]
    );
    // The page's own decoder skips the key (no warning about it).
    let d = crate::url::decode(&l);
    assert!(d.warnings.iter().all(|w| w.key != "lesson"), "{:?}", d.warnings);
}

fn pack(compact: &str) -> String {
    format!("{}{}", link::PREFIX, crate::embed::pack(compact.as_bytes()))
}

#[test]
fn every_problem_is_named_and_the_rest_kept() {
    let (w, p) = link::decode(&pack("t=T&x=hello&zz=1&h=a&gm=testloss&gc=lt&gv=abc")).unwrap();
    assert_eq!((w.title.as_str(), w.text.as_str(), w.hints.len()), ("T", "hello", 1));
    assert_eq!(w.goal, None);
    assert_eq!(
        p,
        vec![
            Problem::UnknownKey { key: "zz".into() },
            Problem::BadGoal {
                key: "gv".into(),
                value: "abc".into()
            }
        ]
    );
    let (_, p) = link::decode(&pack("t=T&gm=nope")).unwrap();
    assert_eq!(
        p,
        vec![Problem::BadGoal {
            key: "gm".into(),
            value: "nope".into()
        }]
    );
    let (_, p) = link::decode(&pack("gv=3")).unwrap();
    assert_eq!(p, vec![Problem::GoalWithoutMetric]);
    let (_, p) = link::decode(&pack("gm=testacc&gc=ge&gv=90&ge=0")).unwrap();
    assert!(matches!(&p[0], Problem::BadGoal { key, .. } if key == "ge"), "{p:?}");
    let long = format!("x={}&t={}", "a".repeat(100_000), "b".repeat(500));
    let (w, p) = link::decode(&pack(&long)).unwrap();
    assert_eq!(w.text.chars().count(), link::MAX_TEXT_CHARS);
    assert!(p.contains(&Problem::TextTruncated {
        chars: 100_000,
        limit: link::MAX_TEXT_CHARS
    }));
    assert!(p.contains(&Problem::TitleTruncated {
        chars: 500,
        limit: link::MAX_TITLE_CHARS
    }));
    let many: Vec<String> = (0..30).map(|i| format!("h=hint{i}")).collect();
    let (w, p) = link::decode(&pack(&many.join("&"))).unwrap();
    assert_eq!(w.hints.len(), link::MAX_HINTS);
    assert_eq!(p, vec![Problem::TooManyHints { hints: 30, limit: 20 }]);
    let (_, p) = link::decode(&pack(&format!("h={}", "é".repeat(1500)))).unwrap();
    assert_eq!(
        p,
        vec![Problem::HintTruncated {
            hint: 1,
            chars: 1500,
            limit: link::MAX_HINT_CHARS
        }]
    );
}

#[test]
fn values_that_are_no_lesson_are_errors() {
    assert!(matches!(link::decode("1.!!!"), Err(LinkError::Unreadable { .. })));
    assert!(matches!(link::decode("1.AAAA"), Err(LinkError::Unreadable { .. })));
    let not_utf8 = format!("{}{}", link::PREFIX, crate::embed::pack(&[0xff, 0xfe, 0x00]));
    assert_eq!(link::decode(&not_utf8), Err(LinkError::NotText));
    assert_eq!(
        link::decode("nosuchlesson"),
        Err(LinkError::UnknownLesson {
            value: "nosuchlesson".into()
        })
    );
    english();
    assert!(matches!(
        from_hash("#data=xor&lesson=zzz"),
        Some(Err(LinkError::UnknownLesson { .. }))
    ));
    assert_eq!(from_hash("#data=xor"), None);
}

#[test]
fn goals_read_as_sentences() {
    english();
    assert_eq!(
        words::goal_sentence(&small_goal()),
        "Test loss below 0.05 with at most 4 hidden neurons within 300 epochs"
    );
    let b = builtin::find("neuron").unwrap().1;
    assert_eq!(
        words::goal_sentence(&b.goal),
        "Test loss below 0.05 with no hidden layer within 100 epochs"
    );
    assert_eq!(
        words::state_sentence(
            &small_goal(),
            &GoalState::Reached {
                epoch: 137,
                value: None
            }
        ),
        "Goal reached at epoch 137"
    );
    assert_eq!(
        words::state_sentence(
            &small_goal(),
            &GoalState::Pending {
                epoch: 42,
                value: Some(0.231)
            }
        ),
        "Epoch 42: Test loss 0.231"
    );
    let diverge = &builtin::find("lr-large").unwrap().1.goal;
    let pending = |epoch| words::state_sentence(diverge, &GoalState::Pending { epoch, value: None });
    assert_eq!(
        (pending(0).as_str(), pending(7).as_str()),
        ("Epoch 0: press Play.", "Epoch 7: not yet.")
    );
    let out = words::state_sentence(
        &small_goal(),
        &GoalState::OutOfEpochs {
            epoch: 301,
            within: 300,
        },
    );
    assert!(
        out.contains("not met within 300 epochs") && !out.contains("reached"),
        "{out}"
    );
}

#[test]
fn the_panel_opens_a_lesson_shows_hints_one_at_a_time_and_remembers_reaching_it() {
    english();
    let mut m = LessonModel::default();
    let xor = builtin::find("xor").unwrap().1;
    panel::update(&mut m, LessonMsg::Link { hash: xor.link() });
    let lesson = m.lesson.clone().unwrap();
    assert_eq!(lesson.title, "2. Why hidden layers: XOR");
    assert_eq!(lesson.hints.len(), 3);
    assert!(lesson.hidden.contains(&crate::control::Control::Features));
    for shown in [1, 2, 3, 3] {
        panel::update(&mut m, LessonMsg::ShowHint);
        assert_eq!(m.hints_shown, shown);
    }
    panel::update(&mut m, LessonMsg::Progress(progress(40, 0.3, 0.6, &[4])));
    assert!(matches!(m.state, Some(GoalState::Pending { epoch: 40, .. })));
    let fx = panel::update(&mut m, LessonMsg::Progress(progress(120, 0.1, 0.95, &[4])));
    assert_eq!(m.reached_at, Some(120));
    assert!(fx.contains(&Effect::Save {
        key: panel::REACHED_KEY.into(),
        value: "xor".into()
    }));
    // Reset (epoch 0) keeps the success.
    panel::update(&mut m, LessonMsg::Progress(progress(0, 0.7, 0.5, &[4])));
    assert_eq!(m.reached_at, Some(120));
    let fx = panel::update(&mut m, LessonMsg::Next);
    let next = builtin::LESSONS[2].link();
    assert!(fx.contains(&Effect::Navigate(next.clone())));
    panel::update(&mut m, LessonMsg::Link { hash: next });
    assert_eq!(m.lesson.as_ref().unwrap().id.as_deref(), Some("features"));
    assert_eq!((m.hints_shown, m.reached_at), (0, None));
    panel::update(&mut m, LessonMsg::Restore("neuron,bogus,xor".into()));
    assert_eq!(m.done, vec!["xor".to_string(), "neuron".to_string()]);
}

#[test]
fn a_hostile_lesson_link_opens_with_notices() {
    english();
    let mut m = LessonModel::default();
    let hostile = pack(&format!(
        "t=<script>alert(1)</script>&x={}<img src=x onerror=alert(1)>&gm=oops&evil=1",
        "a".repeat(30_000)
    ));
    panel::update(
        &mut m,
        LessonMsg::Link {
            hash: format!("#data=xor&lesson={hostile}"),
        },
    );
    let lesson = m.lesson.as_ref().unwrap();
    assert_eq!(lesson.goal, None);
    assert_eq!(m.notices.len(), 3, "{:?}", m.notices);
    assert!(m.notices.iter().any(|n| n.contains("evil")));
    let html = markdown::to_html(&lesson.title);
    assert!(!html.contains("<script"), "{html}");
    panel::update(
        &mut m,
        LessonMsg::Link {
            hash: "#data=xor&lesson=1.zzzz".into(),
        },
    );
    assert!(m.lesson.is_none() && m.notices.len() == 1, "{:?}", m.notices);
}

/// Every built-in lesson: its words exist, its link loads without warnings,
/// its goal is not met by the untouched setup, and a student who changes
/// what the text asks for reaches it within the epochs.
#[test]
fn every_builtin_lesson_is_reachable_and_not_trivial() {
    english();
    assert!(builtin::LESSONS.len() >= 12);
    let mut failures = Vec::new();
    for b in builtin::LESSONS {
        let d = crate::url::decode(&b.link());
        assert!(d.warnings.is_empty(), "{}: {:?}", b.id, d.warnings);
        assert!(d.has_seed, "{}", b.id);
        let (lesson, _) = from_hash(&b.link()).unwrap().unwrap();
        assert!(
            !lesson.title.starts_with("lesson-") && !lesson.text.starts_with("lesson-"),
            "{}",
            b.id
        );
        assert!(lesson.hints.iter().all(|h| !h.starts_with("lesson-")), "{}", b.id);
        let within = b.goal.within.unwrap_or(500);
        let run = |hash: &str| -> Option<u64> {
            let config = crate::url::decode(hash).config;
            // The advanced module's trainer, as the page uses once a lesson sets its keys.
            let extras = Box::new(crate::advanced::extras::Advanced::default());
            let mut t = crate::trainer::Trainer::with_extras(config, Some(extras));
            for _ in 0..within {
                let stopped = t.train_epoch().is_some();
                let (train_loss, test_loss) = t.losses();
                let (train, test) = t.metrics();
                let acc = |m: &crate::metrics::Metrics| match m {
                    crate::metrics::Metrics::Classification { accuracy, .. } => Some(*accuracy),
                    _ => None,
                };
                let p = Progress {
                    epoch: t.epoch(),
                    train_loss,
                    test_loss,
                    train_accuracy: acc(train),
                    test_accuracy: acc(test),
                    test_f1: None,
                    test_r2: None,
                    stopped,
                    hidden: t.config().hidden.iter().map(|&n| n as u32).collect(),
                };
                if let GoalState::Reached { epoch, .. } = b.goal.check(&p) {
                    return Some(epoch);
                }
                if stopped {
                    return None;
                }
            }
            None
        };
        let student = format!("{}&{}", b.setup, b.student);
        let reached = run(&student);
        println!("{}: student reaches at {reached:?}", b.id);
        if reached.is_none() {
            failures.push(format!("{}: the student does not reach the goal", b.id));
        }
        if !b.student.is_empty() {
            let untouched = run(b.setup);
            println!("{}: untouched reaches at {untouched:?}", b.id);
            if untouched.is_some() {
                failures.push(format!("{}: reached without the change at {untouched:?}", b.id));
            }
        } else if reached.is_some_and(|e| e <= 3) {
            failures.push(format!("{}: reached at once", b.id));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[cfg(not(target_arch = "wasm32"))]
fn arbitrary_goal_fields() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let key = prop_oneof![
        Just("t"),
        Just("x"),
        Just("h"),
        Just("gm"),
        Just("gc"),
        Just("gv"),
        Just("ge"),
        Just("gn"),
        Just("gl"),
        Just("zz"),
    ];
    let value = prop_oneof![
        Just("testloss".to_string()),
        Just("diverged".to_string()),
        Just("lt".to_string()),
        Just("ge".to_string()),
        Just("0.05".to_string()),
        Just("-1e40".to_string()),
        Just("NaN".to_string()),
        Just("300".to_string()),
        Just("99999999999999999999".to_string()),
        ".{0,40}",
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|pairs| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            s.append_pair(k, &v);
        }
        s.finish()
    })
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Random `lesson=` values: a lesson with its problems, or an error; never a panic.
    #[test]
    fn any_lesson_value_decodes_or_errs(s in ".{0,200}") {
        let _ = link::decode(&s);
        let _ = link::decode(&format!("{}{s}", link::PREFIX));
        let _ = from_hash(&format!("data=xor&lesson={s}"));
    }

    /// Random compact forms, packed as a teacher's link would be: a lesson whose
    /// fields keep their limits, and a goal only when every goal field reads.
    #[test]
    fn any_packed_lesson_gives_a_lesson_within_limits(compact in arbitrary_goal_fields()) {
        let (w, _) = link::decode(&pack(&compact)).expect("packed text always unpacks");
        proptest::prop_assert!(w.text.chars().count() <= link::MAX_TEXT_CHARS);
        proptest::prop_assert!(w.hints.len() <= link::MAX_HINTS);
        if let Some(g) = &w.goal {
            proptest::prop_assert!(g.threshold.is_finite());
        }
    }

    /// A real lesson link with bytes changed, cut or inserted: a lesson or an error.
    #[test]
    fn mutated_lesson_links_never_panic(at in 0usize..400, byte in 0u8..128, cut in proptest::bool::ANY) {
        let value = link::encode(&written());
        let mut bytes = value.into_bytes();
        let i = at % bytes.len();
        if cut {
            bytes.truncate(i);
        } else {
            bytes[i] = byte;
        }
        let mutated = String::from_utf8_lossy(&bytes).into_owned();
        if let Ok((w, _)) = link::decode(&mutated) {
            proptest::prop_assert!(w.text.chars().count() <= link::MAX_TEXT_CHARS);
        }
    }
}
