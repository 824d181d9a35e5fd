//! The page's side of the worker: starting it, the heartbeat, and turning
//! what it sends into messages (the policy of pings and restarts lives in
//! `page::Supervisor`).

use super::dispatch;
use crate::page::{Msg, TICK_MS};
use crate::web::dom;
use crate::web::wire::{self, Incoming};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The heartbeat: a `Tick` every `TICK_MS`.
pub(super) fn start_heartbeat() {
    let tick = Closure::<dyn FnMut()>::new(|| dispatch(Msg::Tick { now: dom::now_ms() }));
    dom::window()
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), TICK_MS)
        .expect("setInterval");
    tick.forget();
}

/// The worker is gone or unreachable.
pub(super) fn report_crash(reason: &str) {
    dispatch(Msg::WorkerCrashed {
        reason: reason.to_string(),
        now: dom::now_ms(),
    });
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The URL of wasm-bindgen's glue module that loaded this wasm (its `import.meta.url`).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// Starts a worker that runs this very module: `worker_loader.js` imports the
/// same glue and instantiates the compiled module it is handed, so nothing is
/// downloaded or compiled twice.
pub(super) fn spawn_worker() -> Worker {
    let (glue, module) = own_module();
    spawn_with(&glue, &module, receive, report_crash)
}

/// This module as a worker needs it: its glue's URL and its compiled module.
pub(crate) fn own_module() -> (JsValue, JsValue) {
    (GLUE_URL.with(|url| JsValue::from_str(url)), wasm_bindgen::module())
}

/// A worker running the module of `glue` and `module`, whose messages go to
/// `on_data` and whose errors to `on_crash`.
pub(crate) fn spawn_with(
    glue: &JsValue,
    module: &JsValue,
    on_data: impl Fn(&JsValue) + 'static,
    on_crash: impl Fn(&str) + 'static,
) -> Worker {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    // Relative URL: the built site works from any folder of any static host.
    let worker = Worker::new_with_options("./worker_loader.js", &options).expect("new Worker");
    let boot = js_sys::Object::new();
    js_sys::Reflect::set(&boot, &JsValue::from_str("glue"), glue).expect("Reflect.set");
    js_sys::Reflect::set(&boot, &JsValue::from_str("module"), module).expect("Reflect.set");
    worker.post_message(&boot).expect("postMessage boot");
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| on_data(&e.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        on_crash(&e.message());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    worker
}

pub(super) fn receive(data: &JsValue) {
    match wire::incoming_from_js(data) {
        Ok(Incoming::Message(m)) => dispatch(Msg::FromWorker(m)),
        Ok(Incoming::Snapshot(s)) => dispatch(Msg::Snapshot(s)),
        Err(e) => web_sys::console::error_1(&e.into()),
    }
}
