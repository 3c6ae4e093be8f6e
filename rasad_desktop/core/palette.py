"""Rasad's colours, defined once for the interface and the PDFs (hex strings: neither Qt
nor ReportLab here). Status bands use revenue semantics: reaching the target is green."""

from __future__ import annotations

from rasad_desktop.core.metrics import Status

# status bands of a realization rate: the row fill, and the bar or mark drawn in full colour
STATUS_FILL = {Status.GOOD: "#dcefdc", Status.WATCH: "#fbefc6", Status.LAGGING: "#f6d5d5"}
STATUS_MARK = {Status.GOOD: "#3c8d4f", Status.WATCH: "#d59b12", Status.LAGGING: "#b8423c", Status.NONE: "#9aa3ad"}

INK = "#1a1a1a"  # dark text on the light fills, whatever the system palette
NAVY = "#1f3b57"  # navigation, headings, the tracking code
NAVY_SELECTED = "#2f6690"
ERROR = "#9b1c1c"  # a refusal, an overdue request, a locked account
ERROR_FILL = "#fde2e1"  # a locked month, an overdue row
ERROR_FILL_INK = "#7a1c1c"
INVALID_FILL = "#f6d5d5"  # a cell that is not a valid amount
EDITED_FILL = "#fff6d6"  # a cell changed and not yet saved; a draft
WARNED_FILL = "#ffd8a8"  # a typed figure with plausibility warnings, to be confirmed with a reason
DONE = "#1d5e2c"  # "saved", "intact"
DONE_FILL = "#dcefdc"
DONE_INK = "#1d4a27"
NOTICE_FILL = "#fff3c4"  # notices, warnings, internal notes
NOTICE_INK = "#5b4300"
NOTICE_BORDER = "#e0c060"
MUTED = "#7a7a7a"  # implied (not stored) values
CAPTION = "#4a5561"
HINT = "#555555"  # what to do next, before anything is chosen
FRAME = "#c9d1da"
RULE = "#8a8f98"  # table grids in the PDFs
HEADER_FILL = "#dfe6ee"  # table headings
PANEL_FILL = "#eef3f8"
TOTAL_FILL = "#eef1f5"
EARMARKED_FILL = "#e3f1ec"
THIS_YEAR = "#1f5f8b"  # the monthly chart's two series
LAST_YEAR = "#b9c4cf"
CHART_GRID = "#d8dde3"
CHART_AXIS = "#555555"
VIEWER_BACKGROUND = "#8a939c"
