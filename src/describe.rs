//! A text alternative for the big picture, for people who cannot see it:
//! which class covers which part of the output grid ("blue covers the centre,
//! orange the outside"), found from each class's area share and centroid.
//!
//! The grid is n × n, row-major from the top-left (as `grid::evaluate` makes
//! it); a pixel's place is (x, y) in [−1, 1]², x to the right, y upwards.

/// A class must cover at least this share of the picture to be named.
pub const MIN_SHARE: f32 = 0.02;
/// A class covering this share of the picture covers all of it.
pub const WHOLE_SHARE: f32 = 0.97;
/// Pixels nearer the middle than this (in the [−1, 1] frame) are the centre;
/// pixels farther than `RIM` are the outside.
const CENTRE: f32 = 0.4;
const RIM: f32 = 0.75;
/// A centroid nearer the middle than this says "around the middle": the
/// class is the centre, the outside, two opposite corners, or patches.
const CENTRED: f32 = 0.25;

/// Where a class lies on the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Whole,
    Centre,
    Outside,
    Left,
    Right,
    Top,
    Bottom,
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
    /// The top-right and bottom-left quarters.
    RisingDiagonal,
    /// The top-left and bottom-right quarters.
    FallingDiagonal,
    Patches,
}

impl Region {
    /// The message key (`keys-region-<key>` in page.ftl).
    pub fn key(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Centre => "centre",
            Self::Outside => "outside",
            Self::Left => "left",
            Self::Right => "right",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::TopLeft => "top-left",
            Self::TopRight => "top-right",
            Self::BottomLeft => "bottom-left",
            Self::BottomRight => "bottom-right",
            Self::RisingDiagonal => "rising",
            Self::FallingDiagonal => "falling",
            Self::Patches => "patches",
        }
    }

    /// The side a centroid (x, y) points to: one of eight, 45° each
    /// (tan 22.5° ≈ 0.414 splits a side from a corner; no trigonometry, which
    /// would cost the page's download).
    fn toward(x: f32, y: f32) -> Self {
        const TAN: f32 = 0.414;
        let (right, up) = (x > 0.0, y > 0.0);
        if y.abs() < TAN * x.abs() {
            return if right { Self::Right } else { Self::Left };
        }
        if x.abs() < TAN * y.abs() {
            return if up { Self::Top } else { Self::Bottom };
        }
        match (up, right) {
            (true, true) => Self::TopRight,
            (true, false) => Self::TopLeft,
            (false, true) => Self::BottomRight,
            (false, false) => Self::BottomLeft,
        }
    }
}

/// One class's part of the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    pub class: usize,
    /// Its share of the picture's pixels.
    pub share: f32,
    pub region: Region,
}

/// The class of each pixel of an output grid with `channels` values per pixel:
/// one channel (two classes, or regression) is class 1 where positive (blue,
/// +1, high) and class 0 elsewhere (orange, −1, low); more channels are
/// classes, the largest value wins.
pub fn pixel_classes(output: &[f32], channels: usize) -> Vec<usize> {
    if channels <= 1 {
        return output.iter().map(|&v| usize::from(v > 0.0)).collect();
    }
    output
        .chunks_exact(channels)
        .map(|p| {
            p.iter()
                .enumerate()
                .fold(
                    (0, f32::NEG_INFINITY),
                    |best, (k, &v)| if v > best.1 { (k, v) } else { best },
                )
                .0
        })
        .collect()
}

/// Sums over one class's pixels.
#[derive(Clone, Copy, Default)]
struct Tally {
    count: f32,
    x: f32,
    y: f32,
    centre: f32,
    rim: f32,
    /// Pixels in the top-right and bottom-left quarters.
    rising: f32,
}

/// Which class covers which part of an n × n picture (`classes`: one class per
/// pixel, row-major from the top-left), largest first; classes under `MIN_SHARE` are left out.
pub fn regions(classes: &[usize], n: usize) -> Vec<Part> {
    let n = n.max(1);
    let k = classes.iter().max().map_or(0, |&c| c + 1);
    let mut t = vec![Tally::default(); k];
    let (mut centre, mut rim) = (0.0f32, 0.0f32);
    for (p, &c) in classes.iter().take(n * n).enumerate() {
        let x = ((p % n) as f32 + 0.5) / n as f32 * 2.0 - 1.0;
        let y = 1.0 - ((p / n) as f32 + 0.5) / n as f32 * 2.0;
        let r = (x * x + y * y).sqrt();
        let tc = &mut t[c];
        tc.count += 1.0;
        tc.x += x;
        tc.y += y;
        if r < CENTRE {
            tc.centre += 1.0;
            centre += 1.0;
        } else if r > RIM {
            tc.rim += 1.0;
            rim += 1.0;
        }
        if x * y > 0.0 {
            tc.rising += 1.0;
        }
    }
    let total = classes.len().min(n * n).max(1) as f32;
    let mut parts: Vec<Part> = Vec::new();
    for (class, s) in t.iter().enumerate() {
        let share = s.count / total;
        if share >= MIN_SHARE {
            // Largest first, by insertion (a few classes; a sort would cost the page's download).
            let at = parts.iter().position(|p| p.share < share).unwrap_or(parts.len());
            let region = region(s, share, centre.max(1.0), rim.max(1.0));
            parts.insert(at, Part { class, share, region });
        }
    }
    parts
}

/// Where one class lies, from its tally (`centre`, `rim`: the picture's pixels there).
fn region(s: &Tally, share: f32, centre: f32, rim: f32) -> Region {
    if share >= WHOLE_SHARE {
        return Region::Whole;
    }
    let (cx, cy) = (s.x / s.count, s.y / s.count);
    if cx * cx + cy * cy >= CENTRED * CENTRED {
        return Region::toward(cx, cy);
    }
    let (in_centre, on_rim) = (s.centre / centre, s.rim / rim);
    let rising = s.rising / s.count;
    if in_centre > 0.6 && on_rim < 0.4 {
        Region::Centre
    } else if in_centre < 0.4 && on_rim > 0.6 {
        Region::Outside
    } else if rising > 0.75 {
        Region::RisingDiagonal
    } else if rising < 0.25 {
        Region::FallingDiagonal
    } else {
        Region::Patches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: usize = 40;

    /// An n × n picture whose pixel at (x, y) (in [−1, 1]², y up) is `f(x, y)`.
    fn picture(f: impl Fn(f32, f32) -> usize) -> Vec<usize> {
        (0..N * N)
            .map(|p| {
                let x = ((p % N) as f32 + 0.5) / N as f32 * 2.0 - 1.0;
                let y = 1.0 - ((p / N) as f32 + 0.5) / N as f32 * 2.0;
                f(x, y)
            })
            .collect()
    }

    fn said(parts: &[Part]) -> Vec<(usize, Region)> {
        parts.iter().map(|p| (p.class, p.region)).collect()
    }

    #[test]
    fn a_disc_in_the_middle_is_the_centre_and_the_rest_the_outside() {
        // The circle dataset's answer: blue (1) inside, orange (0) around it.
        let p = picture(|x, y| usize::from(x.hypot(y) < 0.6));
        assert_eq!(said(&regions(&p, N)), vec![(0, Region::Outside), (1, Region::Centre)]);
    }

    #[test]
    fn halves_are_named_by_their_side() {
        let left_right = picture(|x, _| usize::from(x > 0.0));
        let parts = regions(&left_right, N);
        assert_eq!(said(&parts), vec![(0, Region::Left), (1, Region::Right)]);
        assert!((parts[0].share - 0.5).abs() < 1e-6);
        let top_bottom = picture(|_, y| usize::from(y > 0.0));
        let mut got = said(&regions(&top_bottom, N));
        got.sort_by_key(|p| p.0);
        assert_eq!(got, vec![(0, Region::Bottom), (1, Region::Top)]);
    }

    #[test]
    fn a_corner_and_a_diagonal_split() {
        // Class 1 in the top-right corner only.
        let corner = picture(|x, y| usize::from(x > 0.3 && y > 0.3));
        assert_eq!(said(&regions(&corner, N))[1], (1, Region::TopRight));
        // Split along the falling diagonal: class 1 above and left of it.
        let diagonal = picture(|x, y| usize::from(y > x));
        let mut got = said(&regions(&diagonal, N));
        got.sort_by_key(|p| p.0);
        assert_eq!(got, vec![(0, Region::BottomRight), (1, Region::TopLeft)]);
    }

    #[test]
    fn xor_quarters_are_opposite_corners() {
        let xor = picture(|x, y| usize::from(x * y > 0.0));
        let mut got = said(&regions(&xor, N));
        got.sort_by_key(|p| p.0);
        assert_eq!(got, vec![(0, Region::FallingDiagonal), (1, Region::RisingDiagonal)]);
    }

    #[test]
    fn one_class_everywhere_is_the_whole_picture_and_specks_are_not_named() {
        // One pixel of class 1 in 1600: under MIN_SHARE.
        let p = picture(|x, y| usize::from(x.abs() < 0.05 && y.abs() < 0.05));
        assert_eq!(said(&regions(&p, N)), vec![(0, Region::Whole)]);
    }

    #[test]
    fn a_checkerboard_is_patches() {
        // 4 × 4 squares, like a spiral's arms: neither side, centre nor outside.
        let p = picture(|x, y| ((x * 2.0 + 2.0).floor() as usize + (y * 2.0 + 2.0).floor() as usize) % 2);
        assert_eq!(said(&regions(&p, N)), vec![(0, Region::Patches), (1, Region::Patches)]);
    }

    #[test]
    fn three_classes_are_told_apart_largest_first() {
        let p = picture(|x, y| {
            if y > 0.0 {
                2
            } else if x < 0.0 {
                0
            } else {
                1
            }
        });
        let parts = regions(&p, N);
        assert_eq!(
            said(&parts),
            vec![(2, Region::Top), (0, Region::BottomLeft), (1, Region::BottomRight)]
        );
    }

    #[test]
    fn pixels_take_the_sign_or_the_largest_channel() {
        assert_eq!(pixel_classes(&[-0.5, 0.0, 0.7], 1), vec![0, 0, 1]);
        assert_eq!(pixel_classes(&[0.1, 0.7, 0.2, 0.6, 0.3, 0.1], 3), vec![1, 0]);
    }
}
