"""One resource locator, from source and inside a PyInstaller bundle."""

from __future__ import annotations

import sys

from rasad_desktop import resources
from rasad_desktop.db import migrate


def test_from_source_the_resources_are_beside_the_package():
    fonts = resources.font_files()
    assert [p.name for p in fonts] == ["Vazirmatn-Bold.ttf", "Vazirmatn-Regular.ttf"]
    assert resources.resource("i18n", "rasad_fa.qm").is_file()
    assert resources.resource("icons", "rasad.png").is_file()
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()


def test_frozen_the_resources_are_under_meipass(tmp_path, monkeypatch):
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "X.ttf").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_dir() == tmp_path / "resources"
    assert resources.font_files() == [tmp_path / "resources" / "fonts" / "X.ttf"]
