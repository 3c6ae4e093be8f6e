"""The furniture every page carries (page.py): the draft stamp, the footer beside the QR code
and its quiet zone, and the file's metadata. Read back with PDFium: what is drawn where."""

from __future__ import annotations

import io

import pytest
from pdfgeom import PATH, Box, pages, render_page
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Spacer

from rasad_desktop.reports import qr
from rasad_desktop.reports.flowables import BODY, RTLParagraph, rtl_table
from rasad_desktop.reports.fonts import BOLD, register
from rasad_desktop.reports.outlines import draw_glyphs
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.rtl import visual

OFFICE = "اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی"
FINGERPRINT = "2d654e6ec850d4b456182574afa514f01d02dfbff2b98c5ba51e71eb96d802ed"
DRAFT = PageInfo(OFFICE, "گزارش رصد منابع", "۱۴۰۵/۰۹/۱۱", None)
ISSUED = PageInfo(OFFICE, "گزارش رصد منابع", "۱۴۰۵/۰۹/۱۱", "1405/0003", verification="2B48-F94C-5E91",
                  qr_payload=f"RASAD|1405/0003|v1|{'ab' * 32}", content_hash="ab" * 32,
                  signer_fingerprint=FINGERPRINT)


def story(rows: int = 70) -> list:
    """A table long enough for two pages, whose rows run down to the frame's bottom."""
    body = [[str(i), "اداره کل امور مالیاتی استان", "۱۲٬۳۴۵٬۶۷۸"] for i in range(rows)]
    return [RTLParagraph("عملکرد دستگاه‌های اجرایی", BODY), Spacer(1, 6),
            rtl_table(["ردیف", "دستگاه اجرایی", "وصولی"], body, [40, 300, 120])]


@pytest.fixture(scope="module", params=["portrait", "landscape"])
def orientation(request: pytest.FixtureRequest) -> str:
    return request.param


def stamps(page) -> list:  # type: ignore[no-untyped-def]
    """Light, transparent filled paths across the middle of the page: the draft stamp."""
    return [o for o in page.objects if o.kind == PATH and o.fill[3] < 64
            and o.box.width > page.width * 0.4 and o.box.height > page.height * 0.25
            and abs(o.box.centre[0] - page.width / 2) < 20 and abs(o.box.centre[1] - page.height / 2) < 20]


def test_every_page_of_a_draft_is_stamped_and_an_issued_report_never(orientation):
    draft = pages(build_pdf(story(), DRAFT, orientation=orientation))
    issued = pages(build_pdf(story(), ISSUED, orientation=orientation))
    assert len(draft) >= 2 and len(issued) >= 2
    for page in draft:
        assert len(stamps(page)) == 1, page.number
        stamp = stamps(page)[0]
        assert stamp.fill[3] / 255 <= 0.15  # light: the figures under it stay readable
        assert stamp.box.height > page.height * 0.4  # along the diagonal, not across
    for page in issued:
        assert stamps(page) == []


def test_the_stamp_is_lettering_not_text(orientation):
    """Text extraction must not read rotated letters into the body's lines (pdftotext and
    pdfminer did: the checker failed on every draft): every text object is upright."""
    for page in pages(build_pdf(story(), DRAFT, orientation=orientation)):
        for o in page.texts():
            a, b, c, d = o.matrix[:4]
            assert b == 0 and c == 0 and a > 0 and d > 0, o.text


def test_the_stamp_outlines_are_the_glyphs_drawString_draws():
    """The outlines read from the font cover the same pixels as the font's own rendering
    of the same shaped string: the stamp is shaped like any other text."""
    register()
    glyphs = visual("پیش‌نویس", BOLD)

    def draw(as_outline: bool) -> bytes:
        buf = io.BytesIO()
        c = rl_canvas.Canvas(buf, pagesize=(560, 200), initialFontName=BOLD)
        if as_outline:
            draw_glyphs(c, glyphs, BOLD, 90, 20, 60)
        else:
            c.setFont(BOLD, 90)
            c.drawString(20, 60, glyphs)
        c.save()
        return buf.getvalue()

    a, b = render_page(draw(True)), render_page(draw(False))
    both = sum(x and y for ra, rb in zip(a, b) for x, y in zip(ra, rb))
    either = sum(x or y for ra, rb in zip(a, b) for x, y in zip(ra, rb))
    assert either > 3000 and both / either > 0.95


def _qr_symbol(page) -> Box:  # type: ignore[no-untyped-def]
    """The QR modules: small black squares at the lower left."""
    squares = [o.box for o in page.objects if o.kind == PATH and o.fill[:3] == (0, 0, 0)
               and o.box.x1 < 140 and o.box.y1 < 80 and 0.5 < o.box.width < 2 and abs(o.box.width - o.box.height) < 0.1]
    assert len(squares) > 100
    return Box(min(b.x0 for b in squares), min(b.y0 for b in squares), max(b.x1 for b in squares),
               max(b.y1 for b in squares))


def test_nothing_is_drawn_in_the_qr_codes_quiet_zone(orientation):
    modules = len(qr.modules(ISSUED.qr_payload))
    for page in pages(build_pdf(story(), ISSUED, orientation=orientation)):
        symbol = _qr_symbol(page)
        module = symbol.width / modules
        zone = symbol.grown(qr.QUIET_MODULES * module)
        assert zone.x0 >= 0 and zone.y0 >= 0
        for o in page.objects:
            inside = symbol.x0 - 0.01 <= o.box.x0 and o.box.x1 <= symbol.x1 + 0.01 and \
                symbol.y0 - 0.01 <= o.box.y0 and o.box.y1 <= symbol.y1 + 0.01
            if not inside:  # anything but the modules themselves stays out of the zone
                assert not o.box.overlaps(zone), (page.number, o.kind, o.box, o.text)


def test_the_footer_rule_stops_before_the_qr_code(orientation):
    for page in pages(build_pdf(story(), ISSUED, orientation=orientation)):
        symbol = _qr_symbol(page)
        rules = [o.box for o in page.objects if o.kind == PATH and o.box.height < 1.5 and o.box.width > 200
                 and o.box.y1 < 45]
        assert len(rules) == 1
        assert rules[0].x0 > symbol.x1 and symbol.y0 < rules[0].y0 < symbol.y1  # beside it, not through it


def test_footer_lines_fit_without_overlapping(orientation):
    for page in pages(build_pdf(story(), ISSUED, orientation=orientation)):
        footer = [o for o in page.texts() if o.box.y1 < 45]
        labels = {"confidential": "فقط", "page": "صفحه", "code": "تصدیق",
                  "fingerprint": "2D65 4E6E"}
        found = {k: [o for o in footer if v in o.text or v in o.text.replace("\u200c", "")] for k, v in labels.items()}
        assert all(found.values()), {k: [o.text for o in v] for k, v in found.items()}
        fingerprint = found["fingerprint"][0]
        assert fingerprint.box.x1 <= page.width - 14 * 72 / 25.4 + 0.5  # inside the right margin
        assert fingerprint.box.y0 > 8  # on the paper, above a printer's unprintable edge
        for i, a in enumerate(footer):
            for b in footer[i + 1:]:
                assert not a.box.overlaps(b.box), (a.text, b.text)
        assert "2D65 4E6E" in fingerprint.text and "96D8 02ED" in fingerprint.text  # all of it, in groups


def test_metadata_names_the_office_the_language_and_the_claim():
    pdf = build_pdf(story(5), ISSUED, title="گزارش عملکرد دستگاه اجرایی — اداره کل امور مالیاتی استان")
    assert b"/Lang (fa-IR)" in pdf
    import pypdfium2 as pdfium

    meta = pdfium.PdfDocument(pdf).get_metadata_dict()
    assert meta["Author"] == OFFICE
    assert meta["Title"] == "گزارش عملکرد دستگاه اجرایی — اداره کل امور مالیاتی استان"
    assert meta["Keywords"] == ISSUED.claim  # read back by verify: exactly as it was
    default = pdfium.PdfDocument(build_pdf(story(5), DRAFT)).get_metadata_dict()
    assert default["Title"] == DRAFT.title and default["Author"] == OFFICE
