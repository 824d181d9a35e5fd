//! The page's colour theme (`theme=light|dark` in a link; absent: the
//! system's `prefers-color-scheme`) and the colours the pictures drawn in
//! Rust take from it. The class colours and the weight ramp's ends are the
//! same in both themes (a picture keeps its meaning); what changes is the
//! ramp's middle (`heatmap::neutral`, the pictures' background) and the ink
//! around the data: chart paper, grid, axes, labels, the points' rims.

/// Which theme a link asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the system's light or dark setting, live.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The link's value (and the select's option value).
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == s)
    }

    /// Whether the page is dark, given whether the system prefers dark.
    pub fn dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// The colours around the data in one theme, as sRGB bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ink {
    /// A chart's paper.
    pub paper: [u8; 3],
    /// The chart's grid, axis lines, axis labels.
    pub grid: [u8; 3],
    pub axis: [u8; 3],
    pub label: [u8; 3],
    /// The test loss/metric line (the training line is mid grey in both).
    pub test_line: [u8; 3],
    /// Rims of training points and of test points on the boundary picture.
    pub rim: [u8; 3],
    pub test_rim: [u8; 3],
    /// The boundary picture's axis text.
    pub text: [u8; 3],
}

/// The light theme: the page's colours before themes existed (its pixels unchanged).
pub const LIGHT: Ink = Ink {
    paper: [255, 255, 255],
    grid: [225, 228, 232],
    axis: [170, 178, 186],
    label: [95, 107, 118],
    test_line: [31, 41, 51],
    rim: [255, 255, 255],
    test_rim: [31, 41, 51],
    text: [31, 41, 51],
};

/// The dark theme: the page's dark panel colours, light ink.
pub const DARK: Ink = Ink {
    paper: [0x1b, 0x20, 0x25],
    grid: [52, 60, 68],
    axis: [105, 115, 125],
    label: [176, 186, 195],
    test_line: [232, 236, 239],
    rim: [0x12, 0x16, 0x1a],
    test_rim: [232, 236, 239],
    text: [232, 236, 239],
};

/// The ink of a light or dark page.
pub fn ink(dark: bool) -> &'static Ink {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

/// `#rrggbb` of a colour.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::{contrast, delta_e, lab};

    #[test]
    fn keys_round_trip_and_system_follows_the_room() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_key(t.key()), Some(t));
        }
        assert_eq!(Theme::from_key("Dark"), None);
        assert!(Theme::System.dark(true) && !Theme::System.dark(false));
        assert!(Theme::Dark.dark(false) && !Theme::Light.dark(true));
        assert_eq!(hex(ink(false).test_line), "#1f2933");
    }

    /// The words on a chart and the test line read against its paper
    /// (WCAG 2 contrast: 4.5 for text, 3 for lines), in both themes.
    #[test]
    fn chart_ink_reads_against_its_paper() {
        for ink in [&LIGHT, &DARK] {
            assert!(contrast(ink.label, ink.paper) >= 4.5, "{ink:?}");
            assert!(contrast(ink.text, ink.paper) >= 4.5, "{ink:?}");
            assert!(contrast(ink.test_line, ink.paper) >= 3.0, "{ink:?}");
            // The grid is faint but there.
            assert!(delta_e(lab(ink.grid), lab(ink.paper)) > 5.0, "{ink:?}");
        }
    }
}
