"""Every user-visible string of the interface has its Persian translation, and the
compiled catalogue shipped in resources/i18n is up to date."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QTranslator

from rasad_desktop.gui import translations


def test_no_string_is_left_untranslated_in_persian():
    assert translations.missing() == []


def test_the_shipped_catalogue_is_up_to_date(tmp_path):
    expected = translations.ts_text(translations.extract(), translations.catalogue())
    assert translations.TS.read_text(encoding="utf-8") == expected, "run: python -m rasad_desktop.gui.translations build"
    qm = tmp_path / "rasad_fa.qm"
    subprocess.run([translations._tool("lrelease"), str(translations.TS), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == translations.QM.read_bytes()


def test_the_catalogue_loads_and_translates(app):
    translator = QTranslator()
    assert translator.load(str(translations.QM))
    assert translator.translate("UnsavedChanges", "Save") == "ذخیره"
    assert translator.translate("SignInDialog", "Sign in") == "ورود"


def test_translations_keep_their_placeholders():
    for context, messages in translations.catalogue().items():
        for source, persian in messages.items():
            for i in range(5):
                assert (f"{{{i}}}" in source) == (f"{{{i}}}" in persian), (context, source)
