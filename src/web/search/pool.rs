//! The search's workers: each runs the page's own module, already compiled
//! //! (nothing is downloaded or compiled again), one trial at a time. Which
//! trial goes where is decided by the panel's model (`search::panel`); this
//! only starts, feeds and ends them.

use super::dispatch;
use crate::protocol::ToWorker;
use crate::search::panel::SearchMsg;
use crate::web::app::worker_link::spawn_with;
use crate::web::wire::{self, Incoming};
use web_sys::Worker;

/// The search workers by number (None: ended).
#[derive(Default)]
pub(super) struct Pool(Vec<Option<Worker>>);

fn crashed(w: usize, reason: &str) {
    dispatch(SearchMsg::Crashed {
        w,
        reason: reason.to_string(),
    });
}

impl Pool {
    /// Starts worker `w`, ending the one in its place.
    pub(super) fn spawn(&mut self, w: usize, glue: &wasm_bindgen::JsValue, module: &wasm_bindgen::JsValue) {
        let worker = spawn_with(
            glue,
            module,
            move |data| match wire::incoming_from_js(data) {
                Ok(Incoming::Message(message)) => dispatch(SearchMsg::Worker {
                    w,
                    message,
                    now: crate::web::dom::now_ms(),
                }),
                Ok(Incoming::Snapshot(_)) => {}
                Err(e) => web_sys::console::error_1(&e.into()),
            },
            move |reason| crashed(w, reason),
        );
        if self.0.len() <= w {
            self.0.resize(w + 1, None);
        }
        if let Some(old) = self.0[w].replace(worker) {
            old.terminate();
        }
    }

    fn with(&self, w: usize, f: impl FnOnce(&Worker) -> Result<(), wasm_bindgen::JsValue>) {
        let failed = self.0.get(w).and_then(|o| o.as_ref()).map(|worker| f(worker).is_err());
        if failed == Some(true) {
            crashed(w, &crate::t!("crash-unreachable"));
        }
    }

    pub(super) fn post(&self, w: usize, message: &ToWorker) {
        let (message, transfer) = wire::to_js(message);
        self.with(w, |worker| worker.post_message_with_transfer(&message, &transfer));
    }

    /// Posts a message made elsewhere (the page's Inspect of its imported file).
    pub(super) fn post_raw(&self, w: usize, message: &wasm_bindgen::JsValue, transfer: &js_sys::Array) {
        self.with(w, |worker| worker.post_message_with_transfer(message, transfer));
    }

    /// Ends every search worker.
    pub(super) fn end_all(&mut self) {
        for worker in self.0.drain(..).flatten() {
            worker.terminate();
        }
    }
}
