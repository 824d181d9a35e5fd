//! The page's side of the worker: starting it, the heartbeat, restarts after a
//! crash, and routing what it sends (snapshots are drawn once per frame).

use super::*;
use web_sys::{WorkerOptions, WorkerType};

/// Pings the worker every second; one that stays silent is restarted.
pub(super) fn start_heartbeat() {
    let tick = Closure::<dyn FnMut()>::new(|| {
        let dead = with_app(|app| {
            if !app.ready {
                return false;
            }
            match app.ping_ticks {
                Some(n) if n + 1 >= WORKER_TIMEOUT_TICKS => true,
                Some(n) => {
                    app.ping_ticks = Some(n + 1);
                    false
                }
                None => {
                    app.ping_ticks = Some(0);
                    app.post(ToWorker::Ping);
                    false
                }
            }
        });
        if dead == Some(true) {
            crashed("it stopped responding");
        }
    });
    dom::window()
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000)
        .expect("setInterval");
    tick.forget();
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
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    // Relative URL: the built site works from any folder of any static host.
    let worker = Worker::new_with_options("./worker_loader.js", &options).expect("new Worker");
    let boot = js_sys::Object::new();
    let glue = GLUE_URL.with(|url| JsValue::from_str(url));
    js_sys::Reflect::set(&boot, &JsValue::from_str("glue"), &glue).expect("Reflect.set");
    js_sys::Reflect::set(&boot, &JsValue::from_str("module"), &wasm_bindgen::module()).expect("Reflect.set");
    worker.post_message(&boot).expect("postMessage boot");
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| receive(e.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        crashed(&e.message());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    worker
}

/// The worker died: say so, start a new one, and give it the current setup.
pub(super) fn crashed(message: &str) {
    with_app(|app| {
        app.worker.terminate();
        app.ready = false;
        app.ping_ticks = None;
        app.playing = false;
        app.pending = None;
        app.unacked = false;
        controls::set_playing(false);
        let now = dom::now_ms();
        app.crashes.retain(|&t| now - t < CRASH_WINDOW_MS);
        app.crashes.push(now);
        let notice: Element = by_id("worker-notice");
        let what = if message.is_empty() {
            "an unknown error"
        } else {
            message
        };
        set_hidden(&notice, false);
        if app.crashes.len() > MAX_CRASHES {
            let n = app.crashes.len();
            set_text(
                &notice,
                &format!(
                    "The training worker stopped ({what}) {n} times in a row, so it was not restarted again. \
                     Your setup is still in the address bar: reload the page to try again."
                ),
            );
            return;
        }
        // Continue from the last drawn weights, so no training is lost either.
        let resume = app.last.as_ref().map(|s| ToWorker::Resume {
            params: s.params.clone(),
            epoch: s.header.epoch,
        });
        let at = app.last.as_ref().map_or(0, |s| s.header.epoch as u64);
        set_text(
            &notice,
            &format!(
                "The training worker stopped ({what}). A new one was started with your setup and data, \
                 continuing from epoch {at}. Press Play to go on."
            ),
        );
        app.worker = spawn_worker();
        app.recover_csv = app
            .config
            .csv
            .as_ref()
            .and_then(|_| crate::web::import_view::source_in_training());
        let hash = url::encode(&app.config);
        app.queue = vec![ToWorker::Configure { hash, run: app.run }];
        app.queue.extend(resume);
    });
}

pub(super) fn receive(data: JsValue) {
    let incoming = match wire::incoming_from_js(&data) {
        Ok(i) => i,
        Err(e) => {
            web_sys::console::error_1(&e.into());
            return;
        }
    };
    // Import replies go to the import view, which calls back into the app:
    // handle them outside the app's borrow.
    let incoming = match incoming {
        Incoming::Message(FromWorker::TableRead { info }) => return crate::web::import_view::on_table(info),
        Incoming::Message(FromWorker::ImportProgress { fraction }) => {
            return crate::web::import_view::on_progress(fraction)
        }
        Incoming::Message(FromWorker::ImportFailed { message }) => return crate::web::import_view::on_failed(&message),
        Incoming::Message(FromWorker::MappingChecked { report }) => return crate::web::import_view::on_report(report),
        other => other,
    };
    with_app(|app| match incoming {
        Incoming::Message(FromWorker::CsvInUse { info, hash }) => app.csv_in_use(info, &hash),
        Incoming::Message(FromWorker::Download { name, text }) => crate::web::import_view::download(&name, &text),
        Incoming::Message(FromWorker::Projection { points }) => {
            app.pca_points = points;
            app.draw_points();
        }
        Incoming::Message(FromWorker::Pong) => app.ping_ticks = None,
        Incoming::Message(FromWorker::TableRead { .. })
        | Incoming::Message(FromWorker::ImportProgress { .. })
        | Incoming::Message(FromWorker::ImportFailed { .. })
        | Incoming::Message(FromWorker::MappingChecked { .. }) => unreachable!("handled above"),
        Incoming::Message(FromWorker::Ready { protocol }) => {
            if protocol != PROTOCOL_VERSION {
                web_sys::console::warn_1(&format!("worker protocol {protocol}, page {PROTOCOL_VERSION}").into());
            }
            app.ready = true;
            if let (Some(src), Some(shape)) = (app.recover_csv.take(), app.config.csv.clone()) {
                // Same bytes, same mapping: the same prepared data as before the crash.
                let bytes = js_sys::Uint8Array::from(src.bytes.as_slice());
                let (msg, transfer) = wire::inspect_to_js(&bytes, src.delimiter, src.header);
                let _ = app.worker.post_message_with_transfer(&msg, &transfer);
                let axes = (shape.axes.0 as u32, shape.axes.1 as u32);
                app.post(ToWorker::UseCsv {
                    request: src.request,
                    axes,
                });
            }
            for m in std::mem::take(&mut app.queue) {
                app.post(m);
            }
        }
        Incoming::Message(FromWorker::Stopped { message }) => {
            app.playing = false;
            controls::set_playing(false);
            let notice: Element = by_id("loss-notice");
            set_text(&notice, &message);
            set_hidden(&notice, false);
        }
        Incoming::Message(FromWorker::Finished { message }) => {
            app.playing = false;
            controls::set_playing(false);
            let notice: Element = by_id("run-notice");
            set_text(&notice, &message);
            set_hidden(&notice, false);
        }
        Incoming::Message(FromWorker::Error { message }) => {
            let notice: Element = by_id("loss-notice");
            set_text(&notice, &message);
            set_hidden(&notice, false);
        }
        Incoming::Snapshot(s) => {
            app.pending = Some(s);
            app.unacked = true;
            if !app.frame_requested {
                app.frame_requested = true;
                request_frame(frame);
            }
        }
    });
}

/// Draws the newest snapshot, then lets the worker send the next one.
pub(super) fn frame() {
    with_app(|app| {
        app.frame_requested = false;
        if let Some(s) = app.pending.take() {
            let expected: Vec<u32> = app.config.layer_sizes().iter().map(|&n| n as u32).collect();
            if s.header.run == app.run && s.header.sizes == expected {
                app.last = Some(s);
                app.draw();
            }
        }
        if std::mem::take(&mut app.unacked) {
            app.post(ToWorker::Ack);
        }
    });
}
