# The playground page. Ids: lower-case words joined by hyphens, grouped by area.

## Header

language-label = Language
