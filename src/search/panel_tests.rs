//! The search panel's loop without a browser: workers that say Ready, finish
//! trials, crash; Stop; the link; and trials kept in the browser.

use super::{link_part, update, with_search_part, Column, Effect, SearchModel, SearchMsg};
use crate::config::Config;
use crate::protocol::{FromWorker, ToWorker, PROTOCOL_VERSION};
use crate::search::setting::Setting;
use crate::search::spec::Field;
use crate::search::trial::{run, TrialJob, TrialState};
use crate::trainer::Trainer;

const LINK: &str = "data=xor&net=3&seed=3&search=grid&s_epochs=20&s_lr=0.01,0.1,1&s_batch=5,20";

/// The playground's setup of a link.
fn base(link: &str) -> Config {
    crate::url::decode(link).config
}

/// The panel as its module starts on `LINK`, with two cores.
fn opened() -> (SearchModel, Vec<Effect>) {
    let mut s = SearchModel::default();
    let fx = update(&mut s, SearchMsg::Start { hash: LINK.into() }, &base(LINK));
    update(&mut s, SearchMsg::Cores(2), &base(LINK));
    (s, fx)
}

fn send(s: &mut SearchModel, msg: SearchMsg) -> Vec<Effect> {
    update(s, msg, &base(LINK))
}

/// The trials posted to search workers, as (worker, job).
fn jobs(fx: &[Effect]) -> Vec<(usize, TrialJob)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Post {
                w,
                message: ToWorker::Trial { job },
            } => Some((*w, job.clone())),
            _ => None,
        })
        .collect()
}

fn ready(s: &mut SearchModel, w: usize) -> Vec<Effect> {
    send(
        s,
        SearchMsg::Worker {
            w,
            message: FromWorker::Ready {
                protocol: PROTOCOL_VERSION,
            },
            now: 0.0,
        },
    )
}

fn done(s: &mut SearchModel, w: usize, job: &TrialJob) -> Vec<Effect> {
    let outcome = run(&mut Trainer::new(Config::default()), job);
    send(
        s,
        SearchMsg::Worker {
            w,
            message: FromWorker::TrialDone { outcome },
            now: 0.0,
        },
    )
}

#[test]
fn a_link_with_a_search_opens_the_panel_with_its_search_and_asks_for_its_kept_trials() {
    let (s, fx) = opened();
    assert!(s.open);
    assert_eq!(s.spec.as_ref().unwrap().epochs, 20);
    assert_eq!(s.checked(&base(LINK)).total, 6);
    assert!(fx.iter().any(|e| matches!(e, Effect::Load { .. })));
    // The link keeps the search, as the panel writes it.
    assert!(fx.contains(&Effect::WriteLink(link_part(s.spec.as_ref()))));
    assert!(link_part(s.spec.as_ref()).ends_with("&s_lr=0.01%2C0.1%2C1&s_batch=5%2C20"));
    // Opened on a page without a search: the course's example.
    let mut fresh = SearchModel::default();
    update(
        &mut fresh,
        SearchMsg::Start { hash: "seed=1".into() },
        &Config::default(),
    );
    assert_eq!(fresh.checked(&Config::default()).total, 36);
}

#[test]
fn start_fills_every_worker_and_the_search_ends_when_every_trial_is_back() {
    let (mut s, _) = opened();
    let fx = send(&mut s, SearchMsg::Begin { now: 1000.0 });
    assert_eq!(fx.iter().filter(|e| matches!(e, Effect::SpawnWorker(_))).count(), 2);
    assert!(s.running);
    let mut pending = jobs(&ready(&mut s, 0));
    pending.extend(jobs(&ready(&mut s, 1)));
    assert_eq!(pending.len(), 2);
    let mut finished = 0;
    while let Some((w, job)) = pending.pop() {
        let fx = done(&mut s, w, &job);
        finished += 1;
        pending.extend(jobs(&fx));
        if finished == 3 {
            // The browser's copy is written on the clock, not per trial.
            assert!(!fx.iter().any(|e| matches!(e, Effect::Save { .. })));
            let tick = send(&mut s, SearchMsg::Clock { now: 1500.0 });
            assert!(tick.iter().any(|e| matches!(e, Effect::Save { .. })));
            assert!(!send(&mut s, SearchMsg::Clock { now: 2000.0 })
                .iter()
                .any(|e| matches!(e, Effect::Save { .. })));
        }
        if finished == 6 {
            assert!(fx.contains(&Effect::EndWorkers));
        }
    }
    assert_eq!(finished, 6);
    assert!(!s.running);
    send(&mut s, SearchMsg::Clock { now: 5000.0 });
    assert!(s.progress().2.starts_with("6/6 trials"));
    // The table: one row per trial, sortable headers, markup in a message shown as text.
    let (head, body) = s.table_html();
    assert_eq!(head.matches("<th").count(), 11);
    assert!(head.contains("aria-sort=\"ascending\"><button type=\"button\" class=\"sort\" data-col=\"trial\">Trial"));
    for k in 0..6 {
        assert!(body.contains(&format!("data-testid=\"trial-{k}\"")));
    }
    send(&mut s, SearchMsg::Sort(Column::Objective));
    send(&mut s, SearchMsg::Sort(Column::Objective));
    let r = s.run.clone().unwrap();
    let values: Vec<f64> = s
        .sorted()
        .iter()
        .map(|&k| r.trials[k].outcome.as_ref().unwrap().objective)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "descending: {values:?}");
    s.run.as_mut().unwrap().trials[0].outcome.as_mut().unwrap().message = "<b>x</b>".into();
    assert!(s.table_html().1.contains("&lt;b&gt;x&lt;/b&gt;"));
    // Apply best opens the best trial's setup in the playground, through the link.
    let best = r.best().unwrap();
    let fx = send(&mut s, SearchMsg::ApplyBest);
    let want = crate::url::encode(&r.trial_config(best).unwrap());
    assert!(fx.contains(&Effect::OpenSetup(want)));
}

#[test]
fn a_crashed_workers_trial_is_retried_once_then_failed_with_the_reason() {
    let (mut s, _) = opened();
    send(&mut s, SearchMsg::Workers(1.0));
    send(&mut s, SearchMsg::Begin { now: 0.0 });
    let first = jobs(&ready(&mut s, 0));
    assert_eq!(first[0].1.k, 0);
    let crash = |s: &mut SearchModel| {
        send(
            s,
            SearchMsg::Crashed {
                w: 0,
                reason: "out of memory".into(),
            },
        )
    };
    assert!(crash(&mut s).contains(&Effect::SpawnWorker(0)));
    // The new worker gets the same trial again.
    assert_eq!(jobs(&ready(&mut s, 0))[0].1, first[0].1);
    crash(&mut s);
    let o = s.run.as_ref().unwrap().trials[0].outcome.clone().unwrap();
    assert_eq!(o.state, TrialState::Failed);
    assert_eq!(o.message, "its worker crashed twice (out of memory)");
    // The search goes on with the next trial.
    assert_eq!(jobs(&ready(&mut s, 0))[0].1.k, 1);
}

#[test]
fn stop_keeps_finished_trials_and_they_come_back_after_a_reload() {
    let (mut s, _) = opened();
    send(&mut s, SearchMsg::Workers(1.0));
    send(&mut s, SearchMsg::Begin { now: 0.0 });
    let (_, job) = jobs(&ready(&mut s, 0)).remove(0);
    done(&mut s, 0, &job);
    let fx = send(&mut s, SearchMsg::Stop);
    assert!(fx.contains(&Effect::EndWorkers));
    let (key, value) = fx
        .iter()
        .find_map(|e| match e {
            Effect::Save { key, value } => Some((key.clone(), value.clone())),
            _ => None,
        })
        .unwrap();
    let r = s.run.clone().unwrap();
    assert_eq!(r.done(), 1);
    assert_eq!(r.trials.len(), 1, "the unfinished trial is dropped");
    assert_eq!(s.note, "Stopped: 1 of 6 trials finished and kept.");
    // A reload of the same link asks for the kept trials and gets the same ones back.
    let (mut again, fx) = opened();
    assert!(fx.contains(&Effect::Load { key }));
    send(&mut again, SearchMsg::Restore(value));
    assert_eq!(again.run.as_ref().unwrap().trials, r.trials);
    assert!(again.note.starts_with("1 finished trials of this search were kept"));
    // A damaged copy is ignored.
    let (mut third, _) = opened();
    send(&mut third, SearchMsg::Restore("nnplay-search-1:%%%".into()));
    assert!(third.run.is_none());
}

#[test]
fn start_waits_while_a_field_has_a_problem_and_the_problem_is_named() {
    let (mut s, _) = opened();
    let fx = send(&mut s, SearchMsg::Text(Setting::LearningRate, "0.1 .. 0.01".into()));
    assert!(fx.contains(&Effect::WriteLink(link_part(s.spec.as_ref()))));
    assert_eq!(
        s.checked(&base(LINK)).problem(Field::Setting(Setting::LearningRate)),
        Some("the minimum 0.1 is not below the maximum 0.01")
    );
    let fx = send(&mut s, SearchMsg::Begin { now: 0.0 });
    assert!(!s.running);
    assert!(!fx.iter().any(|e| matches!(e, Effect::SpawnWorker(_))));
}

#[test]
fn a_diverging_trial_is_recorded_with_the_playgrounds_explanation() {
    let (mut s, _) = opened();
    send(&mut s, SearchMsg::Text(Setting::LearningRate, "1000".into()));
    send(&mut s, SearchMsg::Workers(1.0));
    send(&mut s, SearchMsg::Begin { now: 0.0 });
    let (_, job) = jobs(&ready(&mut s, 0)).remove(0);
    let o = run(&mut Trainer::new(Config::default()), &job);
    assert_eq!(o.state, TrialState::Diverged, "{o:?}");
    assert!(o.message.contains("learning rate"), "{}", o.message);
    assert!(o.objective.is_nan());
}

/// A search writing its part of the link keeps the setup and a lesson's pair.
#[test]
fn the_search_part_replaces_the_search_pairs_and_keeps_a_lesson() {
    let hash = "#data=xor&seed=2&lesson=xor&search=grid&s_lr=0.1%2C1";
    assert_eq!(
        with_search_part(hash, "&search=random&s_trials=5"),
        "#data=xor&seed=2&lesson=xor&search=random&s_trials=5"
    );
    assert_eq!(with_search_part("data=xor&search=grid", ""), "#data=xor");
}
