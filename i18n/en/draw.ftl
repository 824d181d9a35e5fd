# Draw your own data (src/drawn, src/page/draw.rs, src/web/draw_tool.rs).

draw-button = Draw
draw-button-title = Draw your own points on the output picture
draw-dataset = Drawn points
draw-class-group = Draw class
draw-class = Class { $n }
draw-value = Value to draw
draw-erase = Erase
draw-clear = Clear points
draw-status = { $count } of at most { $max } points. Click to add a point, drag to spray several.
draw-full = The set is full ({ $max } points): erase some to add more.

## Why a link's drawn points cannot be used (the default dataset is shown instead)

draw-error-missing = the drawn points (draw=…) are missing
draw-error-unpack = the drawn points are not valid (not base64url, or cannot be unpacked)
draw-error-version = the drawn points are written in an unknown format (version { $version })
draw-error-classes = the drawn points have { $classes } classes; 2 to { $max } are allowed, or 0 for regression
draw-error-too-many = the link has { $count } drawn points; at most { $max } are allowed
draw-error-length = the drawn points are cut or padded ({ $found } bytes where { $expected } were expected)
draw-error-position = drawn point { $point } lies outside the picture
draw-error-label = drawn point { $point } has label { $label }, which the set does not have
draw-error-fallback = { $problem }; using the default dataset
