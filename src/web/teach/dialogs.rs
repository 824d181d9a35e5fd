//! The lesson editor ("Make a lesson": title, text, goal, hints, controls to
//! hide, and the finished "Lesson link") and the QR code of the page's link.
//! Both are modal dialogs: Escape closes them and focus goes back to the
//! button that opened them.

use super::{dispatch, view::Drawn};
use crate::control::Control;
use crate::lesson::editor::Form;
use crate::lesson::goal::{Comparison, Metric};
use crate::lesson::panel::{LessonModel, LessonMsg};
use crate::lesson::{qr, words};
use crate::t;
use crate::web::dom::{self, by_id, create, on, on_click, set_attr, set_text};
use crate::web::location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, HtmlDialogElement, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

const DIALOGS: &str = r##"<dialog id="lesson-editor" class="lesson-editor" aria-labelledby="le-heading"><form method="dialog" id="le-form">
<h2 id="le-heading"></h2><p id="le-intro" class="hint"></p>
<div class="stack"><label for="le-title" id="le-title-label"></label><input id="le-title" type="text" maxlength="200"></div>
<div class="stack"><label for="le-text" id="le-text-label"></label><textarea id="le-text" rows="6"></textarea></div>
<p id="le-text-help" class="hint"></p>
<fieldset class="le-goal"><legend id="le-goal-legend"></legend>
<span class="le-field"><label for="le-metric" id="le-metric-label"></label> <select id="le-metric"></select></span>
<span class="le-field"><label for="le-cmp" id="le-cmp-label"></label> <select id="le-cmp"></select></span>
<span class="le-field"><label for="le-threshold" id="le-threshold-label"></label> <input id="le-threshold" type="number" step="any"></span>
<span class="le-field"><label for="le-within" id="le-within-label"></label> <input id="le-within" type="number" min="1" step="1"></span>
<span class="le-field"><label for="le-neurons" id="le-neurons-label"></label> <input id="le-neurons" type="number" min="0" step="1"></span>
<span class="le-field"><label for="le-layers" id="le-layers-label"></label> <input id="le-layers" type="number" min="0" step="1"></span>
<p id="le-goal-words" class="hint" role="status"></p></fieldset>
<div class="stack"><label for="le-hints" id="le-hints-label"></label><textarea id="le-hints" rows="3"></textarea></div>
<fieldset><legend id="le-hide-legend"></legend><div id="le-hide" class="hide-options"></div></fieldset>
<div class="stack"><label for="le-link" id="le-link-label"></label><input id="le-link" type="text" readonly></div>
<div class="dialog-buttons"><button type="button" id="le-copy"></button> <span id="le-copy-status" role="status"></span> <a id="le-open" href="#" target="_blank" rel="noopener"></a> <button type="submit" id="le-close" class="secondary"></button></div>
</form></dialog>
<dialog id="qr-dialog" class="qr-dialog" aria-labelledby="qr-heading"><form method="dialog">
<h2 id="qr-heading"></h2><div id="qr-svg" class="qr-svg" data-testid="qr-code"></div><p id="qr-link" class="qr-link"></p>
<div class="dialog-buttons"><button type="submit" id="qr-close" class="secondary"></button></div></form></dialog>"##;

/// The fields that change the link as they are typed in.
const FIELDS: [&str; 9] = [
    "le-title",
    "le-text",
    "le-metric",
    "le-cmp",
    "le-threshold",
    "le-within",
    "le-neurons",
    "le-layers",
    "le-hints",
];

pub(super) fn init() {
    let holder: Element = create("div");
    holder.set_inner_html(DIALOGS);
    let _ = dom::document().body().expect("body").append_child(&holder);
    on_click("make-lesson", || dispatch(LessonMsg::OpenEditor));
    on_click("qr-code", || dispatch(LessonMsg::OpenQr));
    on_click("le-copy", copy_link);
    for id in FIELDS {
        let el: HtmlElement = by_id(id);
        on(&el, "input", |_: Event| update_link());
    }
    let hide: Element = by_id("le-hide");
    on(&hide, "change", |_: Event| update_link());
    for id in ["lesson-editor", "qr-dialog"] {
        let d: HtmlElement = by_id(id);
        on(&d, "close", |_: Event| closed());
    }
}

fn fill(select: &HtmlSelectElement, options: &[(String, String)]) {
    let value = select.value();
    select.set_text_content(None);
    for (v, label) in options {
        dom::add_option(select, v, label);
    }
    select.set_value(&value);
}

pub(super) fn relabel() {
    for (id, msg) in [
        ("le-heading", "editor-title"),
        ("le-intro", "editor-intro"),
        ("le-title-label", "editor-field-title"),
        ("le-text-label", "editor-field-text"),
        ("le-text-help", "editor-text-help"),
        ("le-goal-legend", "editor-goal"),
        ("le-metric-label", "editor-metric"),
        ("le-cmp-label", "editor-comparison"),
        ("le-threshold-label", "editor-threshold"),
        ("le-within-label", "editor-within"),
        ("le-neurons-label", "editor-max-neurons"),
        ("le-layers-label", "editor-max-layers"),
        ("le-hints-label", "editor-hints"),
        ("le-hide-legend", "editor-hide"),
        ("le-link-label", "editor-link"),
        ("le-copy", "editor-copy"),
        ("le-open", "editor-open"),
        ("le-close", "lesson-close"),
        ("qr-heading", "qr-title"),
        ("qr-close", "lesson-close"),
    ] {
        set_text(&by_id::<Element>(id), &t!(msg));
    }
    let mut metrics = vec![(String::new(), t!("editor-metric-none"))];
    metrics.extend(
        Metric::ALL
            .iter()
            .map(|m| (m.key().to_string(), words::metric_name(*m))),
    );
    fill(&by_id("le-metric"), &metrics);
    let cmps: Vec<(String, String)> = Comparison::ALL
        .iter()
        .map(|c| (c.key().to_string(), words::comparison_name(*c)))
        .collect();
    fill(&by_id("le-cmp"), &cmps);
}

fn value(id: &str) -> String {
    let el: JsValue = by_id::<Element>(id).into();
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

fn set_value(id: &str, v: &str) {
    let el: JsValue = by_id::<Element>(id).into();
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(v);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(v);
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_value(v);
    }
}

/// The form as typed.
fn form() -> Form {
    let boxes = by_id::<Element>("le-hide")
        .query_selector_all("input[data-hide]")
        .expect("qsa");
    let mut hidden = Vec::new();
    for i in 0..boxes.length() {
        if let Some(cb) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            if let Some(c) = cb.get_attribute("data-hide").as_deref().and_then(Control::from_key) {
                if cb.checked() {
                    hidden.push(c);
                }
            }
        }
    }
    Form {
        title: value("le-title"),
        text: value("le-text"),
        metric: value("le-metric"),
        comparison: value("le-cmp"),
        threshold: value("le-threshold"),
        within: value("le-within"),
        max_neurons: value("le-neurons"),
        max_layers: value("le-layers"),
        hints: value("le-hints"),
        hidden,
    }
}

/// Fills the editor from a form (the open lesson's, or the link's hidden controls).
fn show_form(f: &Form) {
    for (id, v) in [
        ("le-title", &f.title),
        ("le-text", &f.text),
        ("le-metric", &f.metric),
        ("le-cmp", &f.comparison),
        ("le-threshold", &f.threshold),
        ("le-within", &f.within),
        ("le-neurons", &f.max_neurons),
        ("le-layers", &f.max_layers),
        ("le-hints", &f.hints),
    ] {
        set_value(id, v);
    }
    let hide: Element = by_id("le-hide");
    hide.set_text_content(None);
    for ctrl in Control::ALL {
        let label: Element = create("label");
        label.set_class_name("check");
        let cb: HtmlInputElement = create("input");
        cb.set_type("checkbox");
        cb.set_checked(f.hidden.contains(&ctrl));
        set_attr(&cb, "data-hide", ctrl.key());
        let _ = label.append_child(&cb);
        let _ = label.append_child(&dom::document().create_text_node(&ctrl.label()));
        let _ = hide.append_child(&label);
    }
    update_link();
}

/// The finished link from the form and the playground's setup now.
fn update_link() {
    let f = form();
    let link = format!("{}#{}", location::base_url(), f.link(&location::read_hash()));
    by_id::<HtmlInputElement>("le-link").set_value(&link);
    set_attr(&by_id::<Element>("le-open"), "href", &link);
    let words = match f.goal() {
        Ok(Some(g)) => words::goal_sentence(&g),
        Ok(None) => t!("lesson-no-goal"),
        Err(e) => t!("lesson-problem-bad-goal", key = t!(e.0), value = ""),
    };
    set_text(&by_id::<Element>("le-goal-words"), &words);
}

fn copy_link() {
    let text = by_id::<HtmlInputElement>("le-link").value();
    let status: Element = by_id("le-copy-status");
    let promise = dom::window().navigator().clipboard().write_text(&text);
    let ok = Closure::once(move |_: JsValue| set_text(&status, &t!("editor-copied")));
    let _ = promise.then(&ok);
    ok.forget();
    let input: HtmlInputElement = by_id("le-link");
    input.select();
}

/// Opens or closes each dialog as the model says, and fills it when it opens.
pub(super) fn render(drawn: &mut Drawn, m: &LessonModel) {
    let editor: HtmlDialogElement = by_id("lesson-editor");
    if m.editor_open && !drawn.editor_open {
        let hash = location::read_hash();
        let f = match &m.lesson {
            Some(lesson) => Form::of(lesson),
            None => Form {
                hidden: crate::lesson::hidden_in(&hash),
                metric: Metric::TestLoss.key().into(),
                comparison: Comparison::Below.key().into(),
                threshold: "0.1".into(),
                within: "300".into(),
                ..Form::default()
            },
        };
        set_text(&by_id::<Element>("le-copy-status"), "");
        show_form(&f);
        show(&editor);
    } else if !m.editor_open && editor.open() {
        editor.close();
    }
    drawn.editor_open = m.editor_open;
    let qr_dialog: HtmlDialogElement = by_id("qr-dialog");
    if m.qr_open && !drawn.qr_open {
        let link = dom::window().location().href().unwrap_or_default();
        let holder: Element = by_id("qr-svg");
        match qr::svg(&link) {
            // The SVG is the encoder's own drawing (rectangles), no text of the link in markup.
            Some(svg) => holder.set_inner_html(&svg),
            None => set_text(&holder, &t!("qr-too-long", n = link.chars().count().to_string())),
        }
        set_text(&by_id::<Element>("qr-link"), &link);
        show(&qr_dialog);
    } else if !m.qr_open && qr_dialog.open() {
        qr_dialog.close();
    }
    drawn.qr_open = m.qr_open;
}

thread_local! {
    /// What had the focus when a dialog opened: it gets it back when the dialog closes.
    static OPENER: std::cell::RefCell<Option<HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Opens `d` as a modal dialog, remembering what had the focus.
pub(super) fn show(d: &HtmlDialogElement) {
    if d.open() {
        return;
    }
    let active = dom::document()
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    OPENER.with(|o| *o.borrow_mut() = active);
    let _ = d.show_modal();
}

fn closed() {
    give_back_focus();
    dispatch(LessonMsg::CloseAll);
}

/// A dialog closed: what had the focus when it opened has it again.
pub(super) fn give_back_focus() {
    if let Some(el) = OPENER.with(|o| o.borrow_mut().take()) {
        let _ = el.focus();
    }
}
