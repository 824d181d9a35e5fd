//! Save model and Open model (and model files dropped on the page): the file
//! is written and checked by `export::model_file`; an opened file that passes
//! every check goes to the page (`nnplayExportBoot.open`: `page::Msg::OpenModel`),
//! a bad one is named in the module's notice and the page is left as it was.

use super::{boot_value, download, notice, page_state};
use crate::export::model_file::{self, FILE_NAME};
use crate::web::dom;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, File, HtmlInputElement};

/// The hidden file picker of Open model.
const INPUT_ID: &str = "model-file";

pub fn init() {
    let input: HtmlInputElement = dom::create("input");
    input.set_type("file");
    input.set_id(INPUT_ID);
    input.set_accept(".json,application/json");
    dom::set_attr(&input, "data-testid", "model-file");
    dom::set_hidden(&input, true);
    let picked = input.clone();
    dom::on(&input, "change", move |_: Event| {
        if let Some(f) = picked.files().and_then(|l| l.get(0)) {
            read(f);
        }
        picked.set_value(""); // the same file chosen again is read again
    });
    if let Some(body) = dom::document().body() {
        let _ = body.append_child(&input);
    }
    // A file dropped on the page: now, or before this module had loaded.
    dom::on(&dom::document(), "nnplay-model-file", |_: Event| dropped());
    dropped();
}

/// Opens the file the page left in `nnplayExportBoot.file`, if any.
fn dropped() {
    if let Ok(f) = boot_value("file").dyn_into::<File>() {
        let _ = js_sys::Reflect::set(&super::boot(), &"file".into(), &JsValue::UNDEFINED);
        read(f);
    }
}

pub fn save() {
    match page_state() {
        Ok((run, csv)) => {
            let file = csv.as_ref().map(|c| ("data.csv", c.bytes.as_slice()));
            let text = model_file::write(&run, file);
            download(FILE_NAME, "application/json", text.as_bytes());
            // Normalisation layers' γ, β and statistics live in the advanced worker only.
            let normed = crate::advanced::parse(&run.trainer.config().advanced).0.norm.is_some();
            if normed {
                notice(Some((&crate::t!("model-norm-title"), &[crate::t!("model-no-norm")])));
            }
        }
        Err(e) => notice(Some((&crate::t!("export-no-page"), &[e]))),
    }
}

pub fn open() {
    if let Some(input) = dom::document()
        .get_element_by_id(INPUT_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        input.click();
    }
}

/// Reads a chosen or dropped file, then opens it.
fn read(f: File) {
    let name = f.name();
    let failed_name = name.clone();
    let done = Closure::once(move |buf: JsValue| {
        open_bytes(&name, &js_sys::Uint8Array::new(&buf).to_vec());
    });
    let failed = Closure::once(move |e: JsValue| {
        let reason = e.as_string().unwrap_or_else(|| format!("{e:?}"));
        notice(Some((
            &crate::t!("model-open-failed", name = failed_name.as_str()),
            &[crate::t!("model-unreadable", reason = reason)],
        )));
    });
    let _ = f.array_buffer().then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// Checks a model file completely; only a good one reaches the page.
fn open_bytes(name: &str, bytes: &[u8]) {
    let opened = match model_file::read(bytes) {
        Ok(o) => o,
        Err(e) => {
            notice(Some((&crate::t!("model-open-failed", name = name), &[e.to_string()])));
            return;
        }
    };
    let Ok(open) = boot_value("open").dyn_into::<js_sys::Function>() else {
        notice(Some((&crate::t!("export-no-page"), &[])));
        return;
    };
    notice(None);
    let (file_name, file_bytes) = match &opened.file {
        Some((n, b)) => (JsValue::from_str(n), js_sys::Uint8Array::from(b.as_slice()).into()),
        None => (JsValue::NULL, JsValue::NULL),
    };
    let opening = js_sys::Array::of5(
        &opened.hash.into(),
        &js_sys::Float32Array::from(opened.params.as_slice()),
        &opened.epoch.into(),
        &file_name,
        &file_bytes,
    );
    let _ = js_sys::Reflect::set(&super::boot(), &"opening".into(), &opening);
    let _ = open.call0(&JsValue::NULL);
}
