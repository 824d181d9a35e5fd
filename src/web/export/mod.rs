//! The export module in the page (`src/bin/export`, loaded by
//! `www/export_loader.js` on the first click of Save model, Open model, Export
//! or Open link). It reads the page's run through `nnplayExportBoot.state()`
//! (see `web::app::run_state`), rebuilds it natively (`export::run::Run`) and
//! turns it into files: a model file (`model`), NumPy, PyTorch and Optuna code
//! (`numpy`, `pytorch`), pictures and numbers (`pictures`); and opens model
//! files and TensorFlow Playground links (`model`, `link`).

mod link;
mod menu;
mod model;
mod numpy;
mod pictures;
mod pytorch;

use crate::export::run::{CsvInput, Run};
use crate::web::dom;
use crate::web::wire::{self, Incoming, ToWorkerJs};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Event;

/// What the page put in `globalThis.nnplayExportBoot`.
pub(super) fn boot() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"nnplayExportBoot".into()).unwrap_or(JsValue::UNDEFINED)
}

/// Installs the module's catalog of the page's language: the page's words
/// with the module's own (`i18n/*/export.ftl`).
fn install_language() {
    crate::web::l10n::install_module(crate::i18n::EN_EXPORT, crate::i18n::ZH_EXPORT);
}

/// The page's run as the page holds it now (its last drawn snapshot),
/// rebuilt here. Errors are in words, for a notice.
pub fn page_run() -> Result<Run, String> {
    page_state().map(|(run, _)| run)
}

/// The page's run and the imported file in training (its bytes, how they were read and mapped).
pub fn page_state() -> Result<(Run, Option<CsvInput>), String> {
    page_state_of(&boot())
}

/// `page_state` through the `state()` of a module's boot object (the export
/// module's, the advanced module's).
pub fn page_state_of(boot: &JsValue) -> Result<(Run, Option<CsvInput>), String> {
    let state = js_sys::Reflect::get(boot, &"state".into()).map_err(|_| crate::t!("export-no-page"))?;
    let state: js_sys::Function = state.dyn_into().map_err(|_| crate::t!("export-no-page"))?;
    let parts = state.call0(&JsValue::NULL).map_err(|_| crate::t!("export-no-page"))?;
    let parts: js_sys::Array = parts.dyn_into().map_err(|_| crate::t!("export-no-page"))?;
    let hash = parts.get(0).as_string().unwrap_or_default();
    let (params, epoch, history) = match parts.get(1) {
        v if v.is_null() => (Vec::new(), 0.0, Vec::new()),
        v => match wire::incoming_from_js(&v) {
            Ok(Incoming::Snapshot(s)) => (s.params, s.header.epoch, s.history),
            _ => return Err(crate::t!("export-no-page")),
        },
    };
    let csv = match (parts.get(2), parts.get(3)) {
        (i, u) if !i.is_null() && !u.is_null() => {
            let (
                Ok(ToWorkerJs::Inspect { bytes, options }),
                Ok(ToWorkerJs::Message(crate::protocol::ToWorker::UseCsv { request, axes })),
            ) = (wire::to_worker_js(i), wire::to_worker_js(u))
            else {
                return Err(crate::t!("export-no-page"));
            };
            Some(CsvInput {
                bytes,
                options,
                request,
                axes,
            })
        }
        _ => None,
    };
    let run = Run::rebuild(&hash, csv.as_ref(), &params, epoch, history).map_err(|e| e.to_string())?;
    Ok((run, csv))
}

pub use crate::web::dom::download;

/// The module's notice under the page's own (`data-testid="export-notice"`):
/// a heading and one line each (what went wrong and where, or what a link
/// carried over); `None` hides it.
pub fn notice(content: Option<(&str, &[String])>) {
    let doc = dom::document();
    let el = match doc.get_element_by_id("export-notice") {
        Some(el) => el,
        None => {
            let el: web_sys::Element = dom::create("div");
            el.set_id("export-notice");
            el.set_class_name("notice");
            dom::set_attr(&el, "data-testid", "export-notice");
            dom::set_attr(&el, "role", "alert");
            if let Some(anchor) = doc.get_element_by_id("worker-notice") {
                let _ = anchor.after_with_node_1(&el);
            }
            el
        }
    };
    el.set_inner_html("");
    if let Some((title, lines)) = content {
        let body: web_sys::Element = dom::create("div");
        let strong: web_sys::Element = dom::create("strong");
        dom::set_text(&strong, title);
        let _ = body.append_child(&strong);
        if !lines.is_empty() {
            let ul: web_sys::Element = dom::create("ul");
            for line in lines {
                let li: web_sys::Element = dom::create("li");
                dom::set_text(&li, line);
                let _ = ul.append_child(&li);
            }
            let _ = body.append_child(&ul);
        }
        let _ = el.append_child(&body);
        let close: web_sys::HtmlElement = dom::create("button");
        dom::set_attr(&close, "type", "button");
        close.set_class_name("icon-button");
        dom::set_attr(&close, "aria-label", &crate::t!("dismiss"));
        dom::set_text(&close, "×");
        dom::on(&close, "click", |_: Event| notice(None));
        let _ = el.append_child(&close);
    }
    dom::set_hidden(&el, content.is_none());
}

/// What the page put in `nnplayExportBoot` under `key`.
pub fn boot_value(key: &str) -> JsValue {
    js_sys::Reflect::get(&boot(), &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// What a button or menu item of the module does.
pub fn act(id: &str) {
    match id {
        "save-model" => model::save(),
        "open-model" => model::open(),
        "open-link" => link::open(),
        "export-button" => menu::toggle(),
        "numpy" => numpy::download(),
        "pytorch" => pytorch::download_pytorch(),
        "optuna" => pytorch::download_optuna(),
        "boundary-png" => pictures::boundary_png(),
        "charts" => pictures::charts(),
        "network-svg" => pictures::network_svg(),
        "history-csv" => pictures::history_csv(),
        "download-data" => imported_csv(false),
        "download-predictions" => imported_csv(true),
        _ => {}
    }
}

/// The import panel's downloads: the cleaned data or the predictions for every row.
fn imported_csv(predictions: bool) {
    match page_run() {
        Ok(run) => {
            if let Some((name, text)) = run.trainer.imported_csv(predictions) {
                dom::download(name, "text/csv", text.as_bytes());
            }
        }
        Err(message) => notice(Some((&crate::t!("export-no-page"), &[message]))),
    }
}

pub fn start() {
    console_error_panic_hook::set_once();
    install_language();
    menu::init();
    for id in crate::web::app::EXPORT_BUTTONS {
        dom::on_click(id, move || act(id));
    }
    model::init();
    dom::on(&dom::document(), "nnplay-lang", |_: Event| {
        install_language();
        menu::relabel();
        link::relabel();
    });
    let first = js_sys::Reflect::get(&boot(), &"first".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    act(&first);
}
