//! The lessons' module in the page (`src/bin/teach`): its own loop of messages
//! in, one `LessonModel`, effects out (`lesson::panel`). It hears the page's
//! progress (`nnplay-progress`, see `web::app::progress`), the link
//! (`hashchange`) and the language (`nnplay-lang`, `<html lang>`).

mod dialogs;
mod hide;
mod keys_help;
mod view;

use crate::lesson::panel::{self, Effect, LessonModel, LessonMsg};
use crate::lesson::Progress;
use crate::web::dom;
use crate::web::location;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent};

/// The panel: its loop's inbox and its one state (two cells, so that a
/// message can be queued while the loop holds the state).
struct Panel {
    inbox: RefCell<VecDeque<LessonMsg>>,
    state: RefCell<Option<(LessonModel, view::Drawn)>>,
}

thread_local! {
    static PANEL: Panel = const {
        Panel {
            inbox: RefCell::new(VecDeque::new()),
            state: RefCell::new(None),
        }
    };
}

/// Handles `msg` now, or after the message at hand when called from an effect.
pub fn dispatch(msg: LessonMsg) {
    PANEL.with(|p| {
        p.inbox.borrow_mut().push_back(msg);
        let Ok(mut guard) = p.state.try_borrow_mut() else {
            return;
        };
        let Some((model, drawn)) = guard.as_mut() else { return };
        loop {
            let Some(msg) = p.inbox.borrow_mut().pop_front() else {
                break;
            };
            for effect in panel::update(model, msg) {
                run(model, drawn, effect);
            }
        }
    });
}

/// Installs the lessons' catalog of the page's language (`<html lang>`).
fn install_language() {
    // The page's words too: the editor names the controls as the page does.
    crate::web::l10n::install_module(crate::i18n::EN_TEACH, crate::i18n::ZH_TEACH);
}

/// The page's progress event's detail (see `web::app::progress`).
fn progress(e: &Event) -> Option<Progress> {
    let detail = e.dyn_ref::<web_sys::CustomEvent>()?.detail();
    let v = detail.dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    if v.len() < 10 {
        return None;
    }
    let classification = v[5] == 1.0;
    let f = |x: f64| x as f32;
    let sizes = &v[8..];
    Some(Progress {
        epoch: v[0].max(0.0) as u64,
        train_loss: f(v[1]),
        test_loss: f(v[2]),
        train_accuracy: classification.then(|| f(v[3])),
        test_accuracy: classification.then(|| f(v[4])),
        test_f1: classification.then(|| f(v[6])),
        test_r2: (!classification).then(|| f(v[4])),
        stopped: v[7] == 1.0,
        hidden: sizes[1..sizes.len() - 1].iter().map(|&n| n as u32).collect(),
    })
}

pub fn start() {
    console_error_panic_hook::set_once();
    install_language();
    PANEL.with(|p| *p.state.borrow_mut() = Some((LessonModel::default(), view::Drawn::default())));
    dialogs::init(); // first: the panel's labels include the dialogs'
    hide::init();
    keys_help::init();
    view::init();
    let doc = dom::document();
    dom::on(&doc, "nnplay-progress", |e: Event| {
        if let Some(p) = progress(&e) {
            dispatch(LessonMsg::Progress(p));
        }
    });
    dom::on(&doc, "nnplay-lang", |_: Event| {
        install_language();
        view::relabel();
        hide::relabel();
        keys_help::relabel();
        dispatch(LessonMsg::Language {
            hash: location::read_hash(),
        });
    });
    dom::on(&dom::window(), "hashchange", |_: Event| {
        dispatch(LessonMsg::Link {
            hash: location::read_hash(),
        })
    });
    dom::on(&doc, "keydown", |e: KeyboardEvent| {
        if e.key() == "Escape" {
            dispatch(LessonMsg::CloseAll);
        }
    });
    run_load();
    dispatch(LessonMsg::Link {
        hash: location::read_hash(),
    });
    // The click that loaded this module.
    let first = js_sys::Reflect::get(&js_sys::global(), &"nnplayTeachBoot".into())
        .and_then(|b| js_sys::Reflect::get(&b, &"first".into()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match first.as_str() {
        "lessons-toggle" => dispatch(LessonMsg::ToggleList),
        "make-lesson" => dispatch(LessonMsg::OpenEditor),
        "qr-code" => dispatch(LessonMsg::OpenQr),
        "open-hide" => hide::open(),
        "keys-help" => keys_help::open(),
        _ => {}
    }
}

/// The reached lessons saved in this browser.
fn run_load() {
    let saved = dom::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(panel::REACHED_KEY).ok().flatten());
    if let Some(saved) = saved {
        dispatch(LessonMsg::Restore(saved));
    }
}

fn run(model: &LessonModel, drawn: &mut view::Drawn, effect: Effect) {
    match effect {
        Effect::Render => {
            view::render(drawn, model);
            dialogs::render(drawn, model);
        }
        Effect::Save { key, value } => {
            // A full or blocked storage only loses the record, not the lesson.
            if let Ok(Some(storage)) = dom::window().local_storage() {
                let _ = storage.set_item(&key, &value);
            }
        }
        Effect::Load { .. } => run_load(),
        Effect::Navigate(hash) => {
            let _ = dom::window().location().set_hash(&hash);
        }
    }
}
