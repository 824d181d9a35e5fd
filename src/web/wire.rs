//! Messages as JS values. A message is its postcard bytes (`protocol::to_bytes`)
//! in a Uint8Array whose buffer is transferred. Two kinds are objects instead:
//! a snapshot (its header as bytes, its bulk vectors as transferred
//! Float32Arrays) and an imported file (its bytes, transferred, with the
//! reading options).

use crate::protocol::{self, FromWorker, Snapshot, SnapshotHeader, ToWorker};
use js_sys::{Array, Float32Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

const SNAPSHOT: &str = "Snapshot";
const INSPECT: &str = "Inspect";

fn set(obj: &Object, key: &str, v: &JsValue) {
    Reflect::set(obj, &JsValue::from_str(key), v).expect("Reflect.set");
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn bytes_of(m: &impl Serialize) -> Uint8Array {
    Uint8Array::from(protocol::to_bytes(m).as_slice())
}

/// (message, transfer list)
pub fn to_js(m: &impl Serialize) -> (JsValue, Array) {
    let bytes = bytes_of(m);
    let transfer = Array::of1(&bytes.buffer());
    (bytes.into(), transfer)
}

/// (message, transfer list)
pub fn snapshot_to_js(s: &Snapshot) -> (JsValue, Array) {
    let obj = Object::new();
    let header = bytes_of(&s.header);
    let transfer = Array::of1(&header.buffer());
    set(&obj, "type", &JsValue::from_str(SNAPSHOT));
    set(&obj, "header", &header);
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

fn message_bytes(v: &JsValue, what: &str) -> Result<Vec<u8>, String> {
    v.dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| format!("{what} is not a Uint8Array"))
}

pub fn incoming_from_js(v: &JsValue) -> Result<Incoming, String> {
    if get(v, "type").as_string().as_deref() == Some(SNAPSHOT) {
        let header: SnapshotHeader = protocol::from_bytes(&message_bytes(&get(v, "header"), "snapshot header")?)
            .map_err(|_| "bad snapshot header".to_string())?;
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
        protocol::from_bytes(&message_bytes(v, "a message from the worker")?)
            .map(Incoming::Message)
            .map_err(|_| "unknown message from the worker".to_string())
    }
}

/// An imported file's bytes (transferred) with the reading options.
pub fn inspect_to_js(bytes: &Uint8Array, options: crate::table::ReadOptions) -> (JsValue, Array) {
    let obj = Object::new();
    set(&obj, "type", &JsValue::from_str(INSPECT));
    set(&obj, "bytes", bytes);
    set(
        &obj,
        "delimiter",
        &options.delimiter.map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &obj,
        "header",
        &options.has_header.map_or(JsValue::NULL, JsValue::from_bool),
    );
    set(
        &obj,
        "skip",
        &options.skip.map_or(JsValue::NULL, |n| JsValue::from(n as u32)),
    );
    let transfer = Array::of1(&bytes.buffer());
    (obj.into(), transfer)
}

/// What the worker receives: an import's bytes, or a message.
pub enum ToWorkerJs {
    Inspect {
        bytes: Vec<u8>,
        options: crate::table::ReadOptions,
    },
    Message(ToWorker),
}

pub fn to_worker_js(v: JsValue) -> Result<ToWorkerJs, String> {
    if get(&v, "type").as_string().as_deref() == Some(INSPECT) {
        let bytes = message_bytes(&get(&v, "bytes"), "an import's bytes")?;
        let delimiter = get(&v, "delimiter").as_f64().map(|d| d as u8);
        let has_header = get(&v, "header").as_bool();
        let skip = get(&v, "skip").as_f64().map(|n| n as usize);
        return Ok(ToWorkerJs::Inspect {
            bytes,
            options: crate::table::ReadOptions {
                delimiter,
                has_header,
                skip,
            },
        });
    }
    protocol::from_bytes(&message_bytes(&v, "a message for the worker")?)
        .map(ToWorkerJs::Message)
        .map_err(|_| "unknown message for the worker".to_string())
}
