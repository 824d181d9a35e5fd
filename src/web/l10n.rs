//! The page's language in the browser: which one (a link's `lang=`, then the
//! choice saved in this browser, then the browser's languages), the Chinese
//! files fetched on demand (`i18n/zh/*.ftl`; English is embedded), every
//! `data-l10n-id` element filled from the catalog, and the Language select.
//!
//! Contract with the lazily loaded modules (search, teach): `<html lang>` is
//! `en` or `zh-CN` before any of them loads, and after every switch the page
//! dispatches `nnplay-lang` on `document`; they re-render on it.

use crate::i18n::{self, Lang, MAIN_FILES};
use crate::web::dom::{self, by_id, document, window};
use crate::web::location;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlSelectElement};

/// Where the browser keeps the reader's choice.
const SAVED: &str = "nnplay-lang";

thread_local! {
    /// The Chinese files once fetched (a switch back and forth fetches once).
    static ZH_TEXT: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// What to do when the loader answers.
    static PENDING: RefCell<Option<Finish>> = const { RefCell::new(None) };
}

/// The language the page opens in: the link's, the saved one, the browser's.
pub fn chosen() -> Lang {
    if let Some(l) = i18n::link_lang(&location::read_hash()) {
        return l;
    }
    let saved = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(SAVED).ok().flatten());
    if let Some(l) = saved.as_deref().and_then(Lang::from_tag) {
        return l;
    }
    let preferred: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::from_browser(&preferred)
}

/// Opens the page in `lang`: `<html lang>` at once (lazy modules read it), the
/// catalog (Chinese fetched first), the page's text; then `ready(failure)`,
/// with a problem to show when Chinese could not be loaded (English stays).
pub fn open(lang: Lang, ready: impl FnOnce(Option<String>) + 'static) {
    set_html_lang(lang);
    wire_select();
    if lang == Lang::En {
        fill_page();
        ready(None);
        return;
    }
    load(lang, move |problem| {
        fill_page();
        ready(problem);
    });
}

/// Switches to `lang` without a reload: installs it, fills the page, tells the
/// lazy modules, and calls `relabel(problem)` so the page's loop re-renders
/// what it owns.
pub fn switch(lang: Lang, relabel: impl FnOnce(Option<String>) + 'static) {
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.set_item(SAVED, lang.code());
    }
    // A link that fixes a language now fixes this one.
    let hash = location::read_hash();
    if i18n::link_lang(&hash).is_some() {
        let url = format!("#{}", i18n::relink(&hash, lang));
        let _ = window()
            .history()
            .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
    }
    load(lang, move |problem| {
        fill_page();
        relabel(problem);
    });
}

/// Installs `lang` (fetching Chinese the first time), then calls `done` with
/// the problem if it failed (English is installed then).
fn load(lang: Lang, done: impl FnOnce(Option<String>) + 'static) {
    if lang == Lang::En {
        let _ = i18n::install_main(&[]);
        return announce(done, None);
    }
    let finish = move |texts: Result<Vec<String>, String>| {
        let problem = texts.and_then(|texts| {
            i18n::install_main(&texts)?;
            ZH_TEXT.with(|z| *z.borrow_mut() = Some(texts));
            Ok(())
        });
        announce(done, problem.err());
    };
    if let Some(texts) = ZH_TEXT.with(|z| z.borrow().clone()) {
        return finish(Ok(texts));
    }
    // www/i18n_loader.js fetches the files (loaded only when needed, it keeps
    // the fetching out of the page's first download) and answers through
    // `nnplayI18nDone`: the texts, or what failed.
    PENDING.with(|p| *p.borrow_mut() = Some(Box::new(finish)));
    let global = js_sys::global();
    if !js_sys::Reflect::has(&global, &"nnplayI18nDone".into()).unwrap_or(false) {
        let answer = Closure::<dyn FnMut(JsValue)>::new(|v: JsValue| {
            let result = match v.dyn_into::<js_sys::Array>() {
                Ok(texts) => Ok(texts.iter().map(|t| t.as_string().unwrap_or_default()).collect()),
                Err(why) => Err(why.as_string().unwrap_or_default()),
            };
            if let Some(f) = PENDING.with(|p| p.borrow_mut().take()) {
                f(result);
            }
        });
        let _ = js_sys::Reflect::set(&global, &"nnplayI18nDone".into(), answer.as_ref());
        answer.forget();
    }
    let script: Element = dom::create("script");
    dom::set_attr(&script, "src", "./i18n_loader.js");
    dom::set_attr(&script, "data-lang", lang.code());
    dom::set_attr(&script, "data-files", &MAIN_FILES.join(","));
    let _ = document().body().map(|b| b.append_child(&script));
}

type Finish = Box<dyn FnOnce(Result<Vec<String>, String>)>;

/// The installed language's files for the worker (empty: English).
pub fn texts() -> Vec<String> {
    if i18n::lang() == Lang::En {
        return Vec::new();
    }
    ZH_TEXT.with(|z| z.borrow().clone()).unwrap_or_default()
}

/// Sets `<html lang>` to the installed language, calls `done`, and tells the
/// lazy modules (`nnplay-lang`) to re-render in it.
fn announce(done: impl FnOnce(Option<String>), problem: Option<String>) {
    set_html_lang(i18n::lang());
    done(problem);
    let _ = document().dispatch_event(&Event::new("nnplay-lang").expect("event"));
}

fn set_html_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        dom::set_attr(&html, "lang", lang.tag());
    }
}

/// Fills every `data-l10n-id` element of the page: its text from the
/// message's value (markup allowed only where the element says
/// `data-l10n-html`: the explanation's emphasis; the files are the page's
/// own), its attributes from the message's attributes.
pub fn fill_page() {
    let nodes = document().query_selector_all("[data-l10n-id]").expect("selector");
    i18n::with(|current, english| {
        for k in 0..nodes.length() {
            let Some(el) = nodes.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let id = el.get_attribute("data-l10n-id").unwrap_or_default();
            let cat = if current.has(&id) {
                current
            } else {
                english.unwrap_or(current)
            };
            if let Some(text) = cat.message(&id, None) {
                if el.has_attribute("data-l10n-html") {
                    el.set_inner_html(&text);
                } else {
                    el.set_text_content(Some(&text));
                }
            }
            for attr in cat.attributes(&id) {
                if let Some(v) = cat.attribute(&id, &attr) {
                    dom::set_attr(&el, &attr, &v);
                }
            }
        }
    });
    let select: HtmlSelectElement = by_id("lang");
    dom::set_value(&select, i18n::lang().code());
}

/// The header's Language select: a change switches the page.
fn wire_select() {
    dom::on_change("lang", "change", |value| {
        if let Some(lang) = Lang::from_tag(&value) {
            switch(lang, crate::web::app::relabel);
        }
    });
}

/// For a module loaded after the page (search, lessons, export): installs the
/// catalog of the page's language (`<html lang>`), the page's words with the
/// module's own files (`en`, `zh`; embedded in the module, tested to parse).
pub fn install_module(en: &[(&'static str, &'static str)], zh: &[(&'static str, &'static str)]) {
    use crate::i18n::{self, Catalog, Lang};
    let tag = dom::document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let with = |main: &[(&'static str, &'static str)], own: &[(&'static str, &'static str)]| {
        let mut all = main.to_vec();
        all.extend_from_slice(own);
        all
    };
    let english = Catalog::parse(Lang::En, &with(i18n::EN_MAIN, en))
        .unwrap_or_else(|_| unreachable!("a module's English catalog parses (tested)"));
    let current = match Lang::from_tag(&tag) {
        Some(Lang::Zh) => Catalog::parse(Lang::Zh, &with(i18n::ZH_MAIN, zh)).ok(),
        _ => None,
    };
    i18n::install(english, current);
}
