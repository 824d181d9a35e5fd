//! The Draw mode of the big picture: which label a click draws, whether it
//! erases, and the pointer's strokes turned into changes of the drawn set.
//! Every change is a new setup (`Model::apply`): the run pauses, the points
//! redraw at once and the worker trains on the new set.

use super::{Effect, Model, Part};
use crate::control::Control;
use crate::drawn::{Drawn, Stroke};

/// The drawing tool: on or off, the label drawn, erasing, and whether the pointer is down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tool {
    pub on: bool,
    /// A class index, or a regression value as `drawn::value_label` codes it.
    pub label: u8,
    pub erase: bool,
    pub down: bool,
    /// Where the pointer last drew: a drag sprays again after `SPRAY_STEP`, so the
    /// points follow the path, not the speed of the hand.
    pub last: (f32, f32),
}

/// A drag sprays once per this distance on the picture.
pub const SPRAY_STEP: f32 = 0.3;

/// What the user does with the tool; positions on the picture's −6…6 frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DrawMsg {
    /// The Draw button.
    Toggle,
    /// A class (or value) chosen: drawing, not erasing.
    Label(u8),
    /// The Erase button.
    Erase,
    Clear,
    Down {
        x: f32,
        y: f32,
    },
    Move {
        x: f32,
        y: f32,
    },
    Up,
}

impl Model {
    pub(super) fn draw(&mut self, msg: DrawMsg, fx: &mut Vec<Effect>) {
        if self.config.is_hidden(Control::Draw) {
            return;
        }
        let t = &mut self.tool;
        let stroke = match msg {
            DrawMsg::Toggle => {
                (t.on, t.down) = (!t.on, false);
                // While drawing, the test points show too.
                fx.push(Effect::DrawPoints);
                None
            }
            DrawMsg::Label(label) => {
                (t.label, t.erase) = (label, false);
                None
            }
            DrawMsg::Erase => {
                t.erase = !t.erase;
                None
            }
            DrawMsg::Up => {
                t.down = false;
                return;
            }
            DrawMsg::Clear => Some(Stroke::Clear),
            _ if !t.on => return,
            DrawMsg::Down { x, y } => {
                (t.down, t.last) = (true, (x, y));
                Some(if t.erase {
                    Stroke::Erase { x, y }
                } else {
                    Stroke::Add { x, y, label: t.label }
                })
            }
            DrawMsg::Move { x, y } if t.down && t.erase => Some(Stroke::Erase { x, y }),
            DrawMsg::Move { x, y } if t.down && (x - t.last.0).hypot(y - t.last.1) >= SPRAY_STEP => {
                t.last = (x, y);
                Some(Stroke::Spray { x, y, label: t.label })
            }
            DrawMsg::Move { .. } => return,
        };
        let mut c = self.config.clone();
        let changed = match (stroke, &mut c.drawn) {
            (Some(s), Some(d)) => d.update(s),
            (None, None) if self.tool.on => {
                // A fresh set with the current task's classes (or values).
                let drawn = Drawn::new(self.config.classes());
                c.set_dataset(drawn.problem().default_dataset());
                c.classes = crate::dataset::DEFAULT_CLASSES;
                c.problem = drawn.problem();
                self.tool.label = if drawn.classes == 0 {
                    crate::drawn::value_label(1.0)
                } else {
                    0
                };
                c.drawn = Some(drawn);
                true
            }
            _ => false,
        };
        if changed {
            self.apply(c, false, fx);
        }
        // The tools, the count and, at the limit, the notice.
        fx.push(Effect::Render(Part::Setup));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{update, Msg};
    use crate::protocol::ToWorker;

    fn opened(hash: &str) -> Model {
        let mut m = Model::new();
        update(&mut m, Msg::Start { hash: hash.into() });
        m
    }

    fn count(m: &Model) -> usize {
        m.config.drawn.as_ref().map_or(0, |d| d.marks.len())
    }

    #[test]
    fn draw_mode_starts_an_empty_set_and_a_click_adds_a_point_the_worker_trains_on() {
        let mut m = opened("data=xor&seed=4");
        update(&mut m, Msg::Draw(DrawMsg::Toggle));
        assert!(m.tool.on);
        assert_eq!(m.config.drawn, Some(Drawn::new(2)));
        update(&mut m, Msg::Draw(DrawMsg::Label(1)));
        let fx = update(&mut m, Msg::Draw(DrawMsg::Down { x: 2.0, y: -1.0 }));
        assert_eq!(count(&m), 1);
        assert_eq!(m.train.len() + m.test.len(), 1);
        assert!(fx.contains(&Effect::DrawPoints));
        assert!(fx
            .iter()
            .any(|e| matches!(e, Effect::WriteHash(h) if h.contains("data=drawn&") && h.contains("seed=4"))));
        // The worker (not ready in a test: its queue) gets the new set.
        assert!(m
            .worker
            .queue
            .iter()
            .any(|q| matches!(q, ToWorker::Configure { hash, .. } if hash.contains("&draw="))));
        // A drag sprays; moving with the button up does nothing.
        update(&mut m, Msg::Draw(DrawMsg::Move { x: 2.1, y: -1.0 }));
        assert_eq!(count(&m), 1, "too close to spray again");
        update(&mut m, Msg::Draw(DrawMsg::Move { x: 2.4, y: -1.0 }));
        assert_eq!(count(&m), 1 + crate::drawn::SPRAY_POINTS);
        update(&mut m, Msg::Draw(DrawMsg::Up));
        update(&mut m, Msg::Draw(DrawMsg::Move { x: -4.0, y: 4.0 }));
        assert_eq!(count(&m), 1 + crate::drawn::SPRAY_POINTS);
        assert!(m
            .config
            .drawn
            .as_ref()
            .expect("drawn")
            .marks
            .iter()
            .all(|p| p.label == 1));
        // Erasing near the points removes them; Clear removes all.
        update(&mut m, Msg::Draw(DrawMsg::Erase));
        update(&mut m, Msg::Draw(DrawMsg::Down { x: -4.0, y: 4.0 }));
        update(&mut m, Msg::Draw(DrawMsg::Up));
        assert_eq!(count(&m), 1 + crate::drawn::SPRAY_POINTS);
        update(&mut m, Msg::Draw(DrawMsg::Down { x: 2.1, y: -1.0 }));
        assert!(count(&m) < 1 + crate::drawn::SPRAY_POINTS);
        update(&mut m, Msg::Draw(DrawMsg::Clear));
        assert_eq!(count(&m), 0);
        // Leaving Draw mode keeps the set; the pointer no longer draws.
        update(&mut m, Msg::Draw(DrawMsg::Toggle));
        update(&mut m, Msg::Draw(DrawMsg::Down { x: 0.0, y: 0.0 }));
        assert_eq!((m.tool.on, count(&m)), (false, 0));
        assert!(m.config.drawn.is_some());
    }

    #[test]
    fn regression_draws_values_and_many_classes_keep_their_count() {
        let mut m = opened("data=plane");
        update(&mut m, Msg::Draw(DrawMsg::Toggle));
        assert_eq!(m.config.classes(), 0);
        update(&mut m, Msg::Draw(DrawMsg::Down { x: 0.0, y: 0.0 }));
        assert_eq!(
            m.train.iter().chain(&m.test).map(|p| p.label).collect::<Vec<_>>(),
            [1.0]
        );
        let mut k = opened("data=blobs&classes=5");
        update(&mut k, Msg::Draw(DrawMsg::Toggle));
        assert_eq!(k.config.classes(), 5);
    }

    #[test]
    fn a_hidden_draw_control_draws_nothing() {
        let mut m = opened("draw_hide=1");
        update(&mut m, Msg::Draw(DrawMsg::Toggle));
        assert!(!m.tool.on);
        assert_eq!(m.config.drawn, None);
    }
}
