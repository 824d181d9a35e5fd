//! The search's workers: each runs the page's own module, already compiled
//! (nothing is downloaded or compiled again), one trial at a time. Which trial goes where is decided by the
//! page model (`page::search`); this only starts, feeds and ends them.

use super::dispatch;
use crate::protocol::ToWorker;
use crate::search::panel::SearchMsg;
use crate::web::app::worker_link::spawn_with;
use crate::web::wire::{self, Incoming};
use std::cell::RefCell;
use web_sys::Worker;

thread_local! {
    static POOL: RefCell<Vec<Option<Worker>>> = const { RefCell::new(Vec::new()) };
}

fn crashed(w: usize, reason: &str) {
    dispatch(SearchMsg::Crashed {
        w,
        reason: reason.to_string(),
    });
}

/// Starts worker `w`, ending the one in its place.
pub(super) fn spawn(w: usize, glue: &wasm_bindgen::JsValue, module: &wasm_bindgen::JsValue) {
    let worker = spawn_with(
        glue,
        module,
        move |data| match wire::incoming_from_js(data) {
            Ok(Incoming::Message(message)) => dispatch(SearchMsg::Worker { w, message }),
            Ok(Incoming::Snapshot(_)) => {}
            Err(e) => web_sys::console::error_1(&e.into()),
        },
        move |reason| crashed(w, reason),
    );
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() <= w {
            p.resize(w + 1, None);
        }
        if let Some(old) = p[w].replace(worker) {
            old.terminate();
        }
    });
}

fn with(w: usize, f: impl FnOnce(&Worker) -> Result<(), wasm_bindgen::JsValue>) {
    let failed = POOL.with(|p| {
        p.borrow()
            .get(w)
            .and_then(|o| o.as_ref())
            .map(|worker| f(worker).is_err())
    });
    if failed == Some(true) {
        crashed(w, "the page could not reach it");
    }
}

pub(super) fn post(w: usize, message: &ToWorker) {
    let (message, transfer) = wire::to_js(message);
    with(w, |worker| worker.post_message_with_transfer(&message, &transfer));
}

/// Posts a message made elsewhere (the page's Inspect of its imported file).
pub(super) fn post_raw(w: usize, message: &wasm_bindgen::JsValue, transfer: &js_sys::Array) {
    with(w, |worker| worker.post_message_with_transfer(message, transfer));
}

/// Ends every search worker.
pub(super) fn end_all() {
    POOL.with(|p| {
        for worker in p.borrow_mut().drain(..).flatten() {
            worker.terminate();
        }
    });
}
