"""The Qt layer: the only place PySide6 is imported."""

# before any widget exists: PySide6 6.12.0's reference-count fix (see signals.py)
from rasad_desktop.gui import signals as _signals  # noqa: F401
