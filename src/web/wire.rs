//! Messages as JS values. Small fields go through serde-wasm-bindgen; the
//! bulk vectors of a snapshot become Float32Arrays whose buffers are
//! transferred, not copied, to the page.

use crate::protocol::{FromWorker, Snapshot, SnapshotHeader, ToWorker};
use js_sys::{Array, Float32Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const SNAPSHOT: &str = "Snapshot";
const INSPECT: &str = "Inspect";

fn set(obj: &Object, key: &str, v: &JsValue) {
    Reflect::set(obj, &JsValue::from_str(key), v).expect("Reflect.set");
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub fn to_js<T: serde::Serialize>(v: &T) -> JsValue {
    serde_wasm_bindgen::to_value(v).expect("serialize message")
}

/// (message, transfer list)
pub fn snapshot_to_js(s: &Snapshot) -> (JsValue, Array) {
    let obj = Object::new();
    let transfer = Array::new();
    set(&obj, "type", &JsValue::from_str(SNAPSHOT));
    set(&obj, "header", &to_js(&s.header));
    for (key, v) in [
        ("output", &s.output),
        ("neurons", &s.neurons),
        ("params", &s.params),
        ("history", &s.history),
    ] {
        let arr = Float32Array::from(v.as_slice());
        transfer.push(&arr.buffer());
        set(&obj, key, &arr);
    }
    (obj.into(), transfer)
}

/// What the page receives from the worker.
pub enum Incoming {
    Snapshot(Snapshot),
    Message(FromWorker),
}

pub fn incoming_from_js(v: &JsValue) -> Result<Incoming, String> {
    if get(v, "type").as_string().as_deref() == Some(SNAPSHOT) {
        let header: SnapshotHeader =
            serde_wasm_bindgen::from_value(get(v, "header")).map_err(|e| format!("bad snapshot header: {e}"))?;
        let vec = |key: &str| -> Result<Vec<f32>, String> {
            get(v, key)
                .dyn_into::<Float32Array>()
                .map(|a| a.to_vec())
                .map_err(|_| format!("snapshot field {key} is not a Float32Array"))
        };
        Ok(Incoming::Snapshot(Snapshot {
            header,
            output: vec("output")?,
            neurons: vec("neurons")?,
            params: vec("params")?,
            history: vec("history")?,
        }))
    } else {
        serde_wasm_bindgen::from_value(v.clone())
            .map(Incoming::Message)
            .map_err(|e| format!("unknown message from the worker: {e}"))
    }
}

/// An imported file's bytes (transferred) with the reading options.
pub fn inspect_to_js(bytes: &js_sys::Uint8Array, delimiter: Option<u8>, has_header: Option<bool>) -> (JsValue, Array) {
    let obj = Object::new();
    set(&obj, "type", &JsValue::from_str(INSPECT));
    set(&obj, "bytes", bytes);
    set(&obj, "delimiter", &delimiter.map_or(JsValue::NULL, JsValue::from));
    set(&obj, "header", &has_header.map_or(JsValue::NULL, JsValue::from_bool));
    let transfer = Array::of1(&bytes.buffer());
    (obj.into(), transfer)
}

/// What the worker receives: an import's bytes, or a serde message.
pub enum ToWorkerJs {
    Inspect {
        bytes: Vec<u8>,
        options: crate::table::ReadOptions,
    },
    Message(ToWorker),
}

pub fn to_worker_js(v: JsValue) -> Result<ToWorkerJs, String> {
    if get(&v, "type").as_string().as_deref() == Some(INSPECT) {
        let bytes = get(&v, "bytes")
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| "Inspect without bytes".to_string())?
            .to_vec();
        let delimiter = get(&v, "delimiter").as_f64().map(|d| d as u8);
        let has_header = get(&v, "header").as_bool();
        return Ok(ToWorkerJs::Inspect {
            bytes,
            options: crate::table::ReadOptions { delimiter, has_header },
        });
    }
    to_worker_from_js(v).map(ToWorkerJs::Message)
}

pub fn to_worker_from_js(v: JsValue) -> Result<ToWorker, String> {
    serde_wasm_bindgen::from_value(v).map_err(|e| format!("unknown message for the worker: {e}"))
}
