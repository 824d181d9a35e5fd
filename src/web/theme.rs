//! The Theme select and the page's dark theme: the root element's `dark`
//! class (the styles of `www/dark.css`, fetched the first time the page goes
//! dark, so the first load carries none of them), and the colours the
//! pictures take from it (`crate::theme`). "System" follows the browser's
//! `prefers-color-scheme`, live.

use crate::config::{Config, Edit};
use crate::theme::{Ink, Theme};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{document, on, on_change, select, stylesheet, window};
use std::cell::Cell;
use web_sys::{Event, MediaQueryList};

thread_local! {
    /// The page is dark now.
    static DARK: Cell<bool> = const { Cell::new(false) };
    /// What the setup asks for.
    static CHOSEN: Cell<Theme> = const { Cell::new(Theme::System) };
}

/// Whether the page is dark now.
pub fn dark() -> bool {
    DARK.get()
}

/// The middle of the pictures' colour ramps now.
pub fn mid() -> [u8; 3] {
    crate::heatmap::neutral(dark())
}

/// The ink around the data now.
pub fn ink() -> &'static Ink {
    crate::theme::ink(dark())
}

fn system() -> Option<MediaQueryList> {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten()
}

pub fn init(d: Dispatch) {
    on_change("theme", "change", move |v| {
        if let Some(t) = Theme::from_key(&v) {
            d.edit(Edit::Theme(t));
        }
    });
    if let Some(m) = system() {
        on(&m, "change", |_: Event| apply());
    }
}

/// Shows the theme the setup asks for.
pub fn sync(c: &Config) {
    select("theme").set_value(c.theme.key());
    CHOSEN.set(c.theme);
    apply();
}

/// Goes dark or light as the choice and the system say; the pictures are
/// drawn again in the new colours when that changed.
fn apply() {
    let dark = CHOSEN.get().dark(system().is_some_and(|m| m.matches()));
    if DARK.replace(dark) == dark {
        return;
    }
    let doc = document();
    if dark {
        stylesheet("dark.css");
    }
    let _ = doc
        .document_element()
        .expect("html")
        .class_list()
        .toggle_with_force("dark", dark);
    crate::web::app::dispatch(crate::page::Msg::Resize);
}
