# Draw your own data (src/drawn, src/web/draw_tool.rs).

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
draw-error-missing = the drawn points (draw=…) are missing
draw-error-unpack = the drawn points are not valid (not base64url, or cannot be unpacked)
draw-error-format = the drawn points are not in nnplay's format (up to { $max } points of 2 to 16 classes or values)
draw-error-point = drawn point { $point } lies outside the picture or has a class the set does not have
# Why a link's drawn points cannot be used.
draw-error-fallback = { $problem }; using the default dataset
