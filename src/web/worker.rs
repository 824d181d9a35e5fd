//! The worker shell: owns one `Trainer`, trains in time slices and yields
//! between them (a MessageChannel, not setTimeout, so there is no 4 ms clamp)
//! so Pause and Tune get through. A snapshot is posted only when the page
//! has acknowledged the previous one, so at most one per drawn frame. How many
//! epochs a slice trains follows the run's speed (`pace::plan`): at full speed
//! training never waits for the page; at the slower speeds every epoch is drawn.

use crate::pace::{self, Plan};
use crate::protocol::{FromWorker, ToWorker, PROTOCOL_VERSION};
use crate::trainer::Trainer;
use crate::web::wire;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

struct Shell {
    trainer: Trainer,
    scope: DedicatedWorkerGlobalScope,
    /// Posting to this port runs the next slice.
    tick: MessagePort,
    scheduled: bool,
    awaiting_ack: bool,
    /// Something changed since the last snapshot.
    dirty: bool,
    /// When the last paced epoch was trained (ms).
    last_epoch_at: f64,
    /// A timer will run the next slice (slow speeds).
    timer_pending: bool,
}

thread_local! {
    static SHELL: RefCell<Option<Shell>> = const { RefCell::new(None) };
}

/// Runs `trainer` (the page's own, or the advanced module's with its extras) in this worker.
pub fn start(scope: DedicatedWorkerGlobalScope, trainer: Trainer) {
    console_error_panic_hook::set_once();
    let channel = MessageChannel::new().expect("MessageChannel");
    let on_tick = Closure::<dyn FnMut(MessageEvent)>::new(|_| slice());
    channel.port1().set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
    on_tick.forget();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| receive(e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    SHELL.with(|s| {
        *s.borrow_mut() = Some(Shell {
            trainer,
            scope: scope.clone(),
            tick: channel.port2(),
            scheduled: false,
            awaiting_ack: false,
            dirty: false,
            last_epoch_at: f64::NEG_INFINITY,
            timer_pending: false,
        })
    });
    post(
        &scope,
        &FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        },
    );
}

fn post(scope: &DedicatedWorkerGlobalScope, m: &FromWorker) {
    let (message, transfer) = wire::to_js(m);
    scope
        .post_message_with_transfer(&message, &transfer)
        .expect("postMessage");
}

fn with_shell(f: impl FnOnce(&mut Shell)) {
    SHELL.with(|s| {
        if let Some(shell) = s.borrow_mut().as_mut() {
            f(shell)
        }
    })
}

fn receive(data: JsValue) {
    with_shell(|sh| {
        let msg = match wire::to_worker_js(data) {
            Ok(wire::ToWorkerJs::Message(m)) => m,
            Ok(wire::ToWorkerJs::Inspect { bytes, options }) => {
                let scope = sh.scope.clone();
                let mut last = 0.0f64;
                let mut progress = |fraction: f32| {
                    // At most ten messages a second: the page only moves a bar.
                    let now = js_sys::Date::now();
                    if now - last >= 100.0 {
                        last = now;
                        post(&scope, &FromWorker::ImportProgress { fraction });
                    }
                };
                let reply = sh.trainer.inspect_with_progress(&bytes, options, &mut progress);
                return post(&sh.scope, &reply);
            }
            Err(message) => return post(&sh.scope, &FromWorker::Error { message }),
        };
        if msg == ToWorker::Ack {
            sh.awaiting_ack = false;
        }
        let started = js_sys::Date::now();
        let (mut replies, changed) = sh.trainer.handle(msg);
        for r in &mut replies {
            if let FromWorker::TrialDone { outcome } = r {
                outcome.wall_ms = js_sys::Date::now() - started;
            }
        }
        for r in &replies {
            post(&sh.scope, r);
        }
        sh.dirty |= changed;
        schedule(sh);
    });
}

fn schedule(sh: &mut Shell) {
    if !sh.scheduled {
        sh.scheduled = true;
        sh.tick.post_message(&JsValue::NULL).expect("port postMessage");
    }
}

fn slice() {
    with_shell(|sh| {
        sh.scheduled = false;
        let speed = sh.trainer.config().speed;
        if sh.trainer.is_playing() {
            let start = js_sys::Date::now();
            if let Plan::Train { max_epochs, ms } = pace::plan(speed, sh.awaiting_ack, start, sh.last_epoch_at) {
                let mut trained = 0;
                loop {
                    sh.dirty = true;
                    trained += 1;
                    if let Some(stop) = sh.trainer.train_epoch() {
                        post(&sh.scope, &stop);
                        break;
                    }
                    if max_epochs.is_some_and(|m| trained >= m) || js_sys::Date::now() - start >= ms {
                        break;
                    }
                }
                sh.last_epoch_at = start;
            }
        }
        if sh.dirty && !sh.awaiting_ack {
            let snap = sh.trainer.snapshot();
            let (msg, transfer) = wire::snapshot_to_js(&snap);
            sh.scope
                .post_message_with_transfer(&msg, &transfer)
                .expect("postMessage snapshot");
            sh.dirty = false;
            sh.awaiting_ack = true;
        }
        if sh.trainer.is_playing() {
            let now = js_sys::Date::now();
            match pace::plan(speed, sh.awaiting_ack, now, sh.last_epoch_at) {
                Plan::Train { .. } => schedule(sh),
                // The page's Ack schedules the next slice (`receive`).
                Plan::WaitForAck => {}
                Plan::WaitUntil(t) if !sh.timer_pending => {
                    sh.timer_pending = true;
                    let wake = Closure::once_into_js(|| {
                        with_shell(|sh| {
                            sh.timer_pending = false;
                            schedule(sh);
                        })
                    });
                    let _ = sh.scope.set_timeout_with_callback_and_timeout_and_arguments_0(
                        wake.unchecked_ref(),
                        (t - now).ceil() as i32,
                    );
                }
                Plan::WaitUntil(_) => {}
            }
        }
    });
}
