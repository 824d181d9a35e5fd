//! The search panel's loop without a browser: workers that say Ready, finish
//! trials, crash; Stop; the link; and trials kept in the browser.

use super::*;
use crate::search::trial::{run, TrialOutcome, TrialState};
use crate::trainer::Trainer;

const LINK: &str = "data=xor&net=3&seed=3&search=grid&s_epochs=20&s_lr=0.01,0.1,1&s_batch=5,20";

fn opened() -> Model {
    let mut m = Model::new();
    update(&mut m, Msg::Start { hash: LINK.into() });
    update(&mut m, Msg::Search(SearchMsg::Cores(2)));
    m
}

fn search(m: &mut Model, msg: SearchMsg) -> Vec<Effect> {
    update(m, Msg::Search(msg))
}

/// The trials posted to search workers, as (worker, job).
fn jobs(fx: &[Effect]) -> Vec<(usize, crate::search::trial::TrialJob)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::PostSearch {
                w,
                message: ToWorker::Trial { job },
            } => Some((*w, job.clone())),
            _ => None,
        })
        .collect()
}

fn ready(m: &mut Model, w: usize) -> Vec<Effect> {
    search(
        m,
        SearchMsg::Worker {
            w,
            message: FromWorker::Ready {
                protocol: PROTOCOL_VERSION,
            },
        },
    )
}

#[test]
fn a_link_with_a_search_opens_the_panel_with_its_search() {
    let m = opened();
    assert!(m.search.open);
    let spec = m.search.spec.as_ref().unwrap();
    assert_eq!(spec.epochs, 20);
    assert_eq!(m.search_checked().total, 6);
    // The page's link keeps the search.
    assert!(
        m.link().ends_with("&s_lr=0.01%2C0.1%2C1&s_batch=5%2C20"),
        "{}",
        m.link()
    );
}

#[test]
fn start_fills_every_worker_and_the_search_ends_when_every_trial_is_back() {
    let mut m = opened();
    let fx = search(&mut m, SearchMsg::Start { now: 1000.0 });
    assert_eq!(
        fx.iter().filter(|e| matches!(e, Effect::SpawnSearchWorker(_))).count(),
        2
    );
    assert!(m.search.running);
    let mut trainer = Trainer::new(Config::default());
    let mut pending = jobs(&ready(&mut m, 0));
    pending.extend(jobs(&ready(&mut m, 1)));
    assert_eq!(pending.len(), 2);
    let mut finished = 0;
    while let Some((w, job)) = pending.pop() {
        let outcome = run(&mut trainer, &job);
        let fx = search(
            &mut m,
            SearchMsg::Worker {
                w,
                message: FromWorker::TrialDone { outcome },
            },
        );
        finished += 1;
        assert!(fx.iter().any(|e| matches!(e, Effect::SaveSearch { .. })));
        pending.extend(jobs(&fx));
        if finished == 6 {
            assert!(fx.contains(&Effect::EndSearchWorkers));
        }
    }
    assert_eq!(finished, 6);
    assert!(!m.search.running);
    search(&mut m, SearchMsg::Clock { now: 5000.0 });
    assert!(m.search.progress().2.starts_with("6/6 trials"));
    // Apply best opens the best trial's setup in the playground.
    let r = m.search.run.clone().unwrap();
    let best = r.best().unwrap();
    search(&mut m, SearchMsg::ApplyBest);
    assert_eq!(Some(m.config.clone()), r.trial_config(best));
}

#[test]
fn a_crashed_workers_trial_is_retried_once_then_failed_with_the_reason() {
    let mut m = opened();
    search(&mut m, SearchMsg::Workers(1.0));
    search(&mut m, SearchMsg::Start { now: 0.0 });
    let first = jobs(&ready(&mut m, 0));
    assert_eq!(first[0].1.k, 0);
    let crash = |m: &mut Model| {
        search(
            m,
            SearchMsg::Crashed {
                w: 0,
                reason: "out of memory".into(),
            },
        )
    };
    let fx = crash(&mut m);
    assert!(fx.contains(&Effect::SpawnSearchWorker(0)));
    // The new worker gets the same trial again.
    assert_eq!(jobs(&ready(&mut m, 0))[0].1, first[0].1);
    crash(&mut m);
    let o = m.search.run.as_ref().unwrap().trials[0].outcome.clone().unwrap();
    assert_eq!(o.state, TrialState::Failed);
    assert_eq!(o.message, "its worker crashed twice (out of memory)");
    // The search goes on with the next trial.
    assert_eq!(jobs(&ready(&mut m, 0))[0].1.k, 1);
}

#[test]
fn stop_keeps_finished_trials_and_they_come_back_after_a_reload() {
    let mut m = opened();
    search(&mut m, SearchMsg::Workers(1.0));
    search(&mut m, SearchMsg::Start { now: 0.0 });
    let (_, job) = jobs(&ready(&mut m, 0)).remove(0);
    let outcome = run(&mut Trainer::new(Config::default()), &job);
    search(
        &mut m,
        SearchMsg::Worker {
            w: 0,
            message: FromWorker::TrialDone { outcome },
        },
    );
    let fx = search(&mut m, SearchMsg::Stop);
    assert!(fx.contains(&Effect::EndSearchWorkers));
    let (key, value) = fx
        .iter()
        .find_map(|e| match e {
            Effect::SaveSearch { key, value } => Some((key.clone(), value.clone())),
            _ => None,
        })
        .unwrap();
    let r = m.search.run.clone().unwrap();
    assert_eq!(r.done(), 1);
    assert_eq!(r.trials.len(), 1, "the unfinished trial is dropped");
    assert_eq!(m.search.note, "Stopped: 1 of 6 trials finished and kept.");
    // A reload of the same link asks for the kept trials and gets the same ones back.
    let mut again = Model::new();
    let fx = update(&mut again, Msg::Start { hash: LINK.into() });
    assert!(fx.contains(&Effect::LoadSearch { key }));
    search(&mut again, SearchMsg::Restore(value));
    assert_eq!(again.search.run.as_ref().unwrap().trials, r.trials);
    // A damaged copy is ignored.
    let mut third = Model::new();
    update(&mut third, Msg::Start { hash: LINK.into() });
    search(&mut third, SearchMsg::Restore("nnplay-search-1:%%%".into()));
    assert!(third.search.run.is_none());
}

#[test]
fn start_waits_while_a_field_has_a_problem_and_the_problem_is_named() {
    let mut m = opened();
    search(&mut m, SearchMsg::Text(Setting::LearningRate, "0.1 .. 0.01".into()));
    assert_eq!(
        m.search_problem(Field::Setting(Setting::LearningRate)).as_deref(),
        Some("the minimum 0.1 is not below the maximum 0.01")
    );
    let fx = search(&mut m, SearchMsg::Start { now: 0.0 });
    assert!(!m.search.running);
    assert!(!fx.iter().any(|e| matches!(e, Effect::SpawnSearchWorker(_))));
    // Editing the form writes the link.
    assert!(fx.iter().any(|e| matches!(e, Effect::WriteHash(_))) || m.link().contains("s_lr=0.1..0.01"));
}

#[test]
fn a_diverging_trial_is_recorded_with_the_playgrounds_explanation() {
    let mut m = opened();
    search(&mut m, SearchMsg::Text(Setting::LearningRate, "1000".into()));
    search(&mut m, SearchMsg::Workers(1.0));
    search(&mut m, SearchMsg::Start { now: 0.0 });
    let (_, job) = jobs(&ready(&mut m, 0)).remove(0);
    let o: TrialOutcome = run(&mut Trainer::new(Config::default()), &job);
    assert_eq!(o.state, TrialState::Diverged, "{o:?}");
    assert!(o.message.contains("learning rate"), "{}", o.message);
    assert!(o.objective.is_nan());
}
