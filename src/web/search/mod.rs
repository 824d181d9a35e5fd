//! The search panel's module in the page (`src/bin/search`): its own loop of
//! messages in, one `SearchModel`, effects out (`search::panel`). The
//! playground's setup is read from the link at every message; a trial opened
//! in the playground is written to the link, which the playground follows.

mod pool;
mod view;

use crate::config::Config;
use crate::search::panel::{self, Effect, SearchModel, SearchMsg};
use crate::web::dom;
use crate::web::location;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The glue's own parts: what effects act on.
#[derive(Default)]
struct Glue {
    pool: pool::Pool,
    drawn: view::Drawn,
}

/// The panel: its loop's inbox and its one state. Two cells, so that a message
/// can be queued while the loop holds the state.
struct Panel {
    inbox: RefCell<VecDeque<SearchMsg>>,
    state: RefCell<Option<(SearchModel, Glue)>>,
}

thread_local! {
    static PANEL: Panel = const {
        Panel {
            inbox: RefCell::new(VecDeque::new()),
            state: RefCell::new(None),
        }
    };
}

/// What the page handed over (`nnplaySearchBoot`, see `web::app::load_search`).
fn boot(key: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"nnplaySearchBoot".into())
        .and_then(|b| js_sys::Reflect::get(&b, &key.into()))
        .unwrap_or(JsValue::UNDEFINED)
}

/// The playground's setup, as its link says.
fn base() -> Config {
    crate::url::decode(&location::read_hash()).config
}

/// Handles `msg` now, or after the message at hand when called from an effect.
pub fn dispatch(msg: SearchMsg) {
    PANEL.with(|p| {
        p.inbox.borrow_mut().push_back(msg);
        let Ok(mut guard) = p.state.try_borrow_mut() else {
            return;
        };
        let Some((model, glue)) = guard.as_mut() else { return };
        loop {
            let Some(msg) = p.inbox.borrow_mut().pop_front() else {
                break;
            };
            let base = base();
            for effect in panel::update(model, msg, &base) {
                run(glue, model, &base, effect);
            }
        }
    });
}

/// Installs the panel's words in the page's language (`<html lang>`: the
/// page sets it before loading this module), fills the page's `data-l10n-id`
/// elements (the panel's among them) and labels the panel's selects.
fn install_language() {
    crate::web::l10n::install_module(crate::i18n::EN_SEARCH, crate::i18n::ZH_SEARCH);
    crate::web::l10n::fill_page();
    PANEL.with(|p| {
        if let Ok(mut s) = p.state.try_borrow_mut() {
            if let Some((_, glue)) = s.as_mut() {
                view::relabel(&mut glue.drawn);
            }
        }
    });
}

pub fn start() {
    console_error_panic_hook::set_once();
    PANEL.with(|p| *p.state.borrow_mut() = Some((SearchModel::default(), Glue::default())));
    install_language();
    // The page switched its language: so does the panel.
    dom::on(&dom::document(), "nnplay-lang", |_: web_sys::Event| {
        install_language();
        dispatch(SearchMsg::Relabel);
    });
    view::init();
    let cores = dom::window().navigator().hardware_concurrency();
    dispatch(SearchMsg::Cores(if cores.is_finite() && cores >= 1.0 {
        cores as u32
    } else {
        2
    }));
    dispatch(SearchMsg::Start {
        hash: location::read_hash(),
    });
    // The clock of the progress line while a search runs.
    let tick = Closure::<dyn FnMut()>::new(|| {
        let running = PANEL.with(|p| {
            p.state
                .try_borrow()
                .ok()
                .and_then(|s| s.as_ref().map(|(m, _)| m.running))
        });
        if running == Some(true) {
            dispatch(SearchMsg::Clock { now: dom::now_ms() });
        }
    });
    dom::window()
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 500)
        .expect("setInterval");
    tick.forget();
}

fn run(glue: &mut Glue, model: &SearchModel, base: &Config, effect: Effect) {
    match effect {
        Effect::SpawnWorker(w) => glue.pool.spawn(w, &boot("glue"), &boot("module")),
        Effect::Post { w, message } => glue.pool.post(w, &message),
        Effect::Inspect(w) => {
            let csv = boot("csv");
            let message = csv
                .dyn_ref::<js_sys::Function>()
                .and_then(|f| f.call0(&JsValue::NULL).ok())
                .filter(|m| !m.is_null() && !m.is_undefined());
            if let Some(m) = message.and_then(|m| m.dyn_into::<js_sys::Array>().ok()) {
                glue.pool.post_raw(w, &m.get(0), &m.get(1).unchecked_into());
            }
        }
        Effect::EndWorkers => glue.pool.end_all(),
        Effect::Save { key, value } => {
            // A full or blocked storage only loses the copy: the results stay on the page.
            if let Ok(Some(storage)) = dom::window().local_storage() {
                let _ = storage.set_item(&key, &value);
            }
        }
        Effect::Load { key } => {
            let saved = dom::window()
                .local_storage()
                .ok()
                .flatten()
                .and_then(|s| s.get_item(&key).ok().flatten());
            if let Some(saved) = saved {
                dispatch(SearchMsg::Restore(saved));
            }
        }
        Effect::WriteLink(part) => {
            let url = panel::with_search_part(&location::read_hash(), &part);
            if location::read_hash() != url {
                let _ = dom::window()
                    .history()
                    .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
            }
        }
        Effect::OpenSetup(hash) => {
            // Setting the hash fires hashchange: the playground opens the setup.
            let part = panel::search_part(&location::read_hash());
            let _ = dom::window().location().set_hash(&format!("{hash}{part}"));
        }
        Effect::Download { name, text } => crate::web::dom::download(&name, "text/csv", text.as_bytes()),
        Effect::Render => view::render(&mut glue.drawn, model, base),
    }
}
