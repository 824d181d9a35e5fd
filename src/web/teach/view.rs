//! The lesson panel (a region named "Lesson": title, text, goal, progress,
//! success, hints, Next lesson) and the list of lessons, built by this module
//! beside the playground and drawn from the `LessonModel`.

use super::dispatch;
use crate::lesson::panel::LessonModel;
use crate::lesson::{builtin, markdown, words, GoalState};
use crate::t;
use crate::web::dom::{self, by_id, create, on_click, set_attr, set_hidden, set_text};
use web_sys::{Element, HtmlButtonElement};

/// What was last drawn, so a progress frame only touches the status line.
#[derive(Default)]
pub(super) struct Drawn {
    lesson: String,
    list: String,
    hints: String,
    pub(super) editor_open: bool,
    pub(super) qr_open: bool,
}

/// The panel's and the list's markup: structure only, every word set by `relabel`.
const PANEL: &str = r#"<nav id="lesson-list" class="lesson-list" hidden><h2 id="lesson-list-title"></h2><ol id="lesson-list-items"></ol></nav>
<section id="lesson-panel" class="lesson-panel" role="region" hidden>
<div id="lesson-notice" class="notice" data-testid="lesson-notice" role="alert" hidden><div><strong id="lesson-notice-title"></strong><ul id="lesson-notice-list"></ul></div></div>
<div id="lesson-body"><h2 id="lesson-title"></h2><div id="lesson-text" class="lesson-text"></div>
<p class="lesson-goal" data-testid="lesson-goal"><strong id="lesson-goal-label"></strong> <span id="lesson-goal-text"></span></p>
<p id="lesson-status" class="lesson-status" data-testid="lesson-status" role="status"></p>
<p id="lesson-success" class="lesson-success" role="alert" hidden></p>
<ol id="lesson-hints" class="lesson-hints"></ol>
<div class="lesson-buttons"><button type="button" id="lesson-hint" class="secondary"></button> <button type="button" id="lesson-next"></button></div></div>
</section>"#;

pub(super) fn init() {
    let holder: Element = create("div");
    holder.set_id("lesson-area");
    holder.set_inner_html(PANEL);
    let board = dom::document().query_selector("main.board").ok().flatten();
    let body = dom::document().body().expect("body");
    let _ = body.insert_before(&holder, board.as_ref().map(|b| b.as_ref()));
    relabel();
    on_click("lessons-toggle", || {
        dispatch(crate::lesson::panel::LessonMsg::ToggleList)
    });
    on_click("lesson-hint", || dispatch(crate::lesson::panel::LessonMsg::ShowHint));
    on_click("lesson-next", || dispatch(crate::lesson::panel::LessonMsg::Next));
}

/// Sets every fixed word of the panel and of the page's lesson buttons in the active language.
pub(super) fn relabel() {
    for (id, msg) in [
        ("lessons-toggle", "lessons-button"),
        ("make-lesson", "make-lesson-button"),
        ("qr-code", "qr-button"),
        ("lesson-list-title", "lessons-list-title"),
        ("lesson-notice-title", "lesson-notice-title"),
        ("lesson-goal-label", "lesson-goal-label"),
        ("lesson-next", "lesson-next"),
    ] {
        if let Some(el) = dom::document().get_element_by_id(id) {
            set_text(&el, &t!(msg));
        }
    }
    set_attr(&by_id::<Element>("lesson-panel"), "aria-label", &t!("lesson-region"));
    set_attr(
        &by_id::<Element>("lesson-list"),
        "aria-label",
        &t!("lessons-list-title"),
    );
    super::dialogs::relabel();
}

fn list_key(m: &LessonModel) -> String {
    format!("{}|{}|{}", m.list_open, m.done.join(","), crate::i18n::lang().code())
}

pub(super) fn render(drawn: &mut Drawn, m: &LessonModel) {
    let toggle: Element = by_id("lessons-toggle");
    set_attr(&toggle, "aria-expanded", if m.list_open { "true" } else { "false" });
    let key = list_key(m);
    if key != drawn.list {
        drawn.list = key;
        render_list(m);
    }
    let panel: Element = by_id("lesson-panel");
    set_hidden(&panel, m.lesson.is_none() && m.notices.is_empty());
    set_hidden(&by_id::<Element>("lesson-body"), m.lesson.is_none());
    let notice: Element = by_id("lesson-notice");
    set_hidden(&notice, m.notices.is_empty());
    let list: Element = by_id("lesson-notice-list");
    list.set_text_content(None);
    for n in &m.notices {
        let li: Element = create("li");
        li.set_text_content(Some(n));
        let _ = list.append_child(&li);
    }
    let Some(lesson) = &m.lesson else {
        drawn.lesson.clear();
        return;
    };
    let key = format!("{:?}|{}|{}", m.value, crate::i18n::lang().code(), lesson.title);
    if key != drawn.lesson {
        drawn.lesson = key;
        set_text(&by_id::<Element>("lesson-title"), &lesson.title);
        // Markdown with raw HTML escaped and only web links (`lesson::markdown`).
        by_id::<Element>("lesson-text").set_inner_html(&markdown::to_html(&lesson.text));
        let goal = lesson
            .goal
            .as_ref()
            .map_or_else(|| t!("lesson-no-goal"), words::goal_sentence);
        set_text(&by_id::<Element>("lesson-goal-text"), &goal);
    }
    let status = match (&lesson.goal, &m.state, m.reached_at) {
        (None, _, _) => String::new(),
        (Some(g), _, Some(epoch)) => words::state_sentence(g, &GoalState::Reached { epoch, value: None }),
        (Some(g), Some(s), None) => words::state_sentence(g, s),
        (Some(_), None, None) => t!("lesson-status-waiting", epoch = "0"),
    };
    set_text(&by_id::<Element>("lesson-status"), &status);
    let success: Element = by_id("lesson-success");
    if let Some(epoch) = m.reached_at {
        set_text(&success, &t!("lesson-success", epoch = epoch.to_string()));
    }
    set_hidden(&success, m.reached_at.is_none());
    let hints: Element = by_id("lesson-hints");
    let hints_key = format!("{}|{}", drawn.lesson, m.hints_shown);
    if hints_key != drawn.hints {
        drawn.hints = hints_key;
        hints.set_text_content(None);
        for (i, h) in lesson.hints.iter().take(m.hints_shown).enumerate() {
            let li: Element = create("li");
            let label: Element = create("strong");
            label.set_text_content(Some(&t!("lesson-hint-label", n = (i + 1).to_string())));
            let _ = li.append_child(&label);
            let _ = li.append_child(&dom::document().create_text_node(&format!(" {h}")));
            let _ = hints.append_child(&li);
        }
    }
    let hint: HtmlButtonElement = by_id("lesson-hint");
    let more = m.hints_shown < lesson.hints.len();
    hint.set_disabled(!more);
    set_text(
        &hint,
        &if more || lesson.hints.is_empty() {
            t!("lesson-show-hint")
        } else {
            t!("lesson-no-more-hints")
        },
    );
    set_hidden(&hint, lesson.hints.is_empty());
    set_hidden(&by_id::<Element>("lesson-next"), m.next().is_none());
}

/// The list of built-in lessons, each a link, marked when reached here.
fn render_list(m: &LessonModel) {
    let nav: Element = by_id("lesson-list");
    set_hidden(&nav, !m.list_open);
    let items: Element = by_id("lesson-list-items");
    items.set_text_content(None);
    if !m.list_open {
        return;
    }
    for b in builtin::LESSONS {
        let li: Element = create("li");
        let a: Element = create("a");
        set_attr(&a, "href", &format!("#{}", b.link()));
        a.set_text_content(Some(&t!(&b.title_id())));
        let _ = li.append_child(&a);
        let mark: Element = create("span");
        let done = m.is_done(b.id);
        mark.set_class_name(if done { "lesson-mark done" } else { "lesson-mark" });
        mark.set_text_content(Some(&if done {
            t!("lessons-list-reached")
        } else {
            t!("lessons-list-not-reached")
        }));
        let _ = li.append_child(&dom::document().create_text_node(" "));
        let _ = li.append_child(&mark);
        let _ = items.append_child(&li);
    }
}
