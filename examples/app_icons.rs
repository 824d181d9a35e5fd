//! The app icons of the web app manifest (www/manifest.webmanifest), drawn
//! from the page's logo (`.logo` in www/style.css): a square with rounded
//! corners (radius 9/40 of its side) filled by
//! `linear-gradient(135deg, --neg 0 45%, --mid 45% 55%, --pos 55%)`.
//! A 135° CSS gradient on a square runs from the top-left corner to the
//! bottom-right one, so a pixel's position along it is t = (x + y) / (2·side).
//! Each pixel averages 4 × 4 samples, which smooths the band edges and the
//! corners. The maskable icon fills its whole square (the launcher cuts its
//! own shape; the band crosses the centre, inside the safe zone). Writes
//! icon-192.png, icon-512.png and maskable-512.png into OUT_DIR.
//!
//!   cargo run --release --example app_icons -- www/icons

use std::io::BufWriter;

/// The logo's colours (www/style.css :root): --neg, --mid, --pos.
const NEG: [f64; 3] = [245.0, 147.0, 34.0];
const MID: [f64; 3] = [232.0, 234.0, 235.0];
const POS: [f64; 3] = [8.0, 119.0, 189.0];
/// Samples per pixel along each axis.
const SS: usize = 4;

/// The gradient's colour at position t ∈ [0, 1] along it (hard stops at 45 % and 55 %).
fn band(t: f64) -> [f64; 3] {
    if t < 0.45 {
        NEG
    } else if t < 0.55 {
        MID
    } else {
        POS
    }
}

/// Whether (x, y) lies inside the square of `side` with corners of `radius`.
fn inside(x: f64, y: f64, side: f64, radius: f64) -> bool {
    let cx = x.clamp(radius, side - radius);
    let cy = y.clamp(radius, side - radius);
    (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
}

/// RGBA pixels, row by row, of the logo at `side` pixels (`rounded`: the page's corners).
fn logo(side: usize, rounded: bool) -> Vec<u8> {
    let s = side as f64;
    let radius = if rounded { s * 9.0 / 40.0 } else { 0.0 };
    let mut rgba = Vec::with_capacity(side * side * 4);
    for py in 0..side {
        for px in 0..side {
            let (mut sum, mut covered) = ([0.0; 3], 0usize);
            for sy in 0..SS {
                for sx in 0..SS {
                    let x = px as f64 + (sx as f64 + 0.5) / SS as f64;
                    let y = py as f64 + (sy as f64 + 0.5) / SS as f64;
                    if inside(x, y, s, radius) {
                        let c = band((x + y) / (2.0 * s));
                        (0..3).for_each(|k| sum[k] += c[k]);
                        covered += 1;
                    }
                }
            }
            // Colour averaged over the covered samples; coverage is the alpha.
            let n = covered.max(1) as f64;
            rgba.extend(sum.map(|v| (v / n).round() as u8));
            rgba.push((covered as f64 * 255.0 / (SS * SS) as f64).round() as u8);
        }
    }
    rgba
}

fn write_png(path: &std::path::Path, side: usize, rgba: &[u8]) {
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut encoder = png::Encoder::new(BufWriter::new(file), side as u32, side as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().expect("PNG header");
    writer.write_image_data(rgba).expect("PNG data");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, out] = &args[..] else {
        eprintln!("usage: app_icons OUT_DIR");
        std::process::exit(2);
    };
    let out = std::path::Path::new(out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    for (name, side, rounded) in [
        ("icon-192.png", 192, true),
        ("icon-512.png", 512, true),
        ("maskable-512.png", 512, false),
    ] {
        write_png(&out.join(name), side, &logo(side, rounded));
        println!("{}", out.join(name).display());
    }
}
