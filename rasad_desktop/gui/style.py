"""The interface's colours and the few style sheets pages share, built from the one
palette the PDFs use too (``core.palette``)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from rasad_desktop.core import palette

STATUS_COLOURS = {status: QColor(hex_) for status, hex_ in palette.STATUS_FILL.items()}


ERROR_STYLE = f"color: {palette.ERROR};"
ERROR_BOLD_STYLE = f"color: {palette.ERROR}; font-weight: bold;"
DONE_STYLE = f"color: {palette.DONE};"
DONE_BOLD_STYLE = f"color: {palette.DONE}; font-weight: bold;"
NOTICE_STYLE = f"background: {palette.NOTICE_FILL}; color: {palette.NOTICE_INK}; padding: 6px;"
LOCKED_STYLE = f"background: {palette.ERROR_FILL}; color: {palette.ERROR_FILL_INK}; padding: 6px;"
CAPTION_STYLE = f"color: {palette.CAPTION};"


