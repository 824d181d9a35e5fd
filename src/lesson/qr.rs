//! The QR code of a link, as SVG (the `qrcode` crate), for students to open
//! the page on their phones.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of `text`'s QR code (error correction level L: the densest code a
/// projector shows), or None when the text is too long for any QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(320, 320)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_becomes_an_svg_and_a_huge_one_does_not() {
        let s = super::svg("https://example.org/nnplay/#data=xor&lesson=xor").unwrap();
        assert!(s.starts_with("<?xml") || s.contains("<svg"), "{}", &s[..80]);
        assert!(s.contains("<svg") && s.contains("</svg>"));
        assert!(super::svg(&"x".repeat(10_000)).is_none());
    }
}
