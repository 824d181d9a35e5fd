//! How a widget talks to the page: it sends a `page::Msg` and nothing else.
//! Widgets never see the app; the app's entry hands each one a `Dispatch`.

use crate::page::Msg;

#[derive(Clone, Copy)]
pub struct Dispatch(pub fn(Msg));

impl Dispatch {
    pub fn send(self, m: Msg) {
        (self.0)(m)
    }

    pub fn edit(self, e: crate::config::Edit) {
        (self.0)(Msg::Edit(e))
    }
}
