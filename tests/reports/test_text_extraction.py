"""Copying text out of the reports, as poppler (pdftotext) and PDFium (Chrome, QtPdf;
pypdfium2 here) extract it: base letters, never presentation forms; ZWNJ, digits and
brackets as typed; every Persian word that was drawn found by a search in both engines;
whole lines exactly as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad_desktop.core.amounts import Unit
from rasad_desktop.reports import flowables, page, text_layer
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.reports.flowables import BODY, RTLParagraph
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.services import reporting
from rasad_desktop.services.reporting import ReportRequest
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.signing import Credentials
from tests.reports.extraction import CONTROLS, ENGINES, PRESENTATION_FORMS, WORD, lines

HERE = Path(__file__).parent
OPTS = RenderOptions(unit=Unit.MILLION, office="اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی",
                     province="آذربایجان شرقی")
KINDS = {
    "monitoring": ReportRequest("monitoring", 1405, 6),
    "agency": ReportRequest("agency", 1405, 6, "106"),
    "letter": ReportRequest("letter", 1405, 8, unit=Unit.BILLION),
    "circular": ReportRequest("circular", 1405),
    "comparison": ReportRequest("comparison", 1405, unit=Unit.RIAL),
    "responses": ReportRequest("responses", 1405),
}


@pytest.fixture(scope="module")
def drawn(monkeypatch_module) -> list[str]:  # type: ignore[no-untyped-def]
    """Every logical text drawn while the fixtures below render, in order."""
    seen: list[str] = []
    original = text_layer.draw_line

    def recording(c, x, y, logical, glyphs, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(logical)
        original(c, x, y, logical, glyphs, *args, **kwargs)

    for module in (flowables, page):
        monkeypatch_module.setattr(module, "draw_line", recording)
    return seen


@pytest.fixture(scope="module")
def monkeypatch_module():  # type: ignore[no-untyped-def]
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def rendered(demo_db, drawn, tmp_path_factory) -> dict[str, tuple[Path, list[str]]]:  # type: ignore[no-untyped-def]
    """Each kind as a draft, and the monitoring report issued (signed): its file and the
    texts drawn in it."""
    folder = tmp_path_factory.mktemp("copy")
    out = {}
    with demo_db.session() as s:
        for kind, request in KINDS.items():
            start = len(drawn)
            path = folder / f"{kind}.pdf"
            path.write_bytes(reporting.draft(s, request, OPTS))
            out[kind] = (path, drawn[start:])
        start = len(drawn)
        issued = reporting.issue(s, Actor("officer", Role.REPORT_OFFICER), KINDS["monitoring"], OPTS,
                                 credentials=Credentials("copy test passphrase"))
        path = folder / "issued.pdf"
        path.write_bytes(issued.pdf)
        out["issued"] = (path, drawn[start:])
    return out


@pytest.mark.parametrize("engine", list(ENGINES))
@pytest.mark.parametrize("kind", [*KINDS, "issued"])
def test_every_drawn_persian_word_is_found_and_no_presentation_form_is_left(rendered, kind, engine):
    path, texts = rendered[kind]
    extracted = ENGINES[engine](path)
    assert not PRESENTATION_FORMS.findall(extracted), PRESENTATION_FORMS.findall(extracted)[:10]
    searchable = extracted.translate(CONTROLS)
    words = {w for t in texts for w in WORD.findall(t)}
    assert len(words) > 30  # the report really drew Persian
    missing = sorted(w for w in words if w not in searchable)
    assert not missing, f"{len(missing)} of {len(words)} words not found by {engine}: {missing[:15]}"


@pytest.mark.parametrize("engine", list(ENGINES))
def test_the_hard_strings_copy_back_exactly_line_by_line(tmp_path, engine):
    strings = [ln.strip() for ln in (HERE / "copy_strings.txt").read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.startswith("#")]
    story = [RTLParagraph(s, BODY) for s in strings]
    path = tmp_path / "hard.pdf"
    path.write_bytes(build_pdf(story, PageInfo("دفتر آزمون", "متن‌های دشوار", "۱۴۰۵/۰۹/۱۱", None)))
    got = lines(ENGINES[engine](path))
    exact = [s for s in strings if s in got]
    missing = [s for s in strings if s not in got]
    # a LibreOffice-made PDF of the same lines gives 5 (poppler) and 5 (PDFium) of 32 exact
    # (benchmarks/text_extraction.py measures it side by side where LibreOffice is installed)
    assert len(exact) == len(strings), f"{engine}: {len(exact)}/{len(strings)} exact; not: {missing[:6]}"


@pytest.mark.parametrize("engine", list(ENGINES))
def test_zwnj_digits_and_brackets_survive_in_both_engines(tmp_path, engine):
    text = "گزارش‌های «رصد منابع» (میلیون ریال): ۱۲٬۴۵۰٫۷۵ و ۸۵٫۳٪ در 1405/0012"
    path = tmp_path / "mixed.pdf"
    path.write_bytes(build_pdf([RTLParagraph(text, BODY)], PageInfo("دفتر", "آزمون", "۱۴۰۵/۰۹/۱۱", None)))
    got = ENGINES[engine](path).translate(CONTROLS)
    assert text in got, got
