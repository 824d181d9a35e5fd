//! Page-wide events: the weight/bias editor, closing notices, a link pasted
//! into the address bar, and resizing.

use super::*;

pub(super) fn wire_page_events() {
    let form: HtmlFormElement = by_id("edit-param");
    on(&form, "submit", |e: Event| {
        e.prevent_default();
        let input: HtmlInputElement = by_id("edit-param-value");
        let Ok(value) = input.value().trim().parse::<f32>() else {
            input.set_custom_validity("Enter a number");
            input.report_validity();
            return;
        };
        if !value.is_finite() {
            return;
        }
        input.set_custom_validity("");
        with_app(|app| match app.editing.take() {
            Some(Editing::Weight { layer, to, from }) => app.post(ToWorker::SetWeight { layer, to, from, value }),
            Some(Editing::Bias { layer, neuron }) => app.post(ToWorker::SetBias { layer, neuron, value }),
            None => {}
        });
        set_hidden(&by_id::<Element>("edit-param"), true);
    });
    let doc = dom::document();
    on(&doc, "keydown", |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            set_hidden(&by_id::<Element>("edit-param"), true);
        }
    });
    on(&doc, "mousedown", |e: MouseEvent| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("#edit-param").ok().flatten())
            .is_some();
        if !inside {
            set_hidden(&by_id::<Element>("edit-param"), true);
        }
    });
    let close: HtmlElement = by_id("url-notice-close");
    on(&close, "click", |_: Event| {
        set_hidden(&by_id::<Element>("url-notice"), true)
    });
    // A link pasted into this tab's address bar: apply it as a whole.
    on(&dom::window(), "hashchange", |_: Event| {
        let decoded = url::decode(&location::read_hash());
        let current = config();
        if decoded.config != current {
            show_url_warnings(&decoded);
            let mut c = decoded.config;
            if !decoded.has_seed {
                c.seed = current.seed;
            }
            with_app(|app| app.apply(c, true));
        }
    });
    on(&dom::window(), "resize", |_: Event| {
        with_app(|app| {
            app.boundary.fit();
            app.draw_points();
            let names = app.csv_info.as_ref().map(|i| i.feature_names.clone());
            app.view.build(&app.config, names.as_deref());
            app.draw();
        });
    });
}
