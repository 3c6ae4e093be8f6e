"""The signature block: the role, the signature, the name and the title, top to bottom and
never overlapping, whatever the scanned signature's proportions; the approver's box is
always there, with a line to sign and write on when the office has no name for it."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pdfgeom import IMAGE, PATH, Page, pages
from PIL import Image

from rasad_desktop.reports.common import APPROVER, APPROVER_TITLE, PREPARER, signatories
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

INFO = PageInfo("اداره کل", "آزمایش امضا", "۱۴۰۵/۰۹/۱۱", "1405/0001")
PREPARED = ("مریم احمدی", "کارشناس رصد منابع")
APPROVED = ("علی رضایی", "مدیرکل امور اقتصادی و دارایی استان آذربایجان شرقی")


def png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (20, 40, 160)).save(buf, "PNG")
    return buf.getvalue()


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u200c", "").replace(" ", "")


def one(page: Page, text: str):  # type: ignore[no-untyped-def]
    found = [o for o in page.texts() if plain(text) in plain(o.text)]
    assert len(found) == 1, (text, [o.text for o in page.texts()])
    return found[0]


def render(block: SignatureBlock, orientation: str = "portrait") -> Page:
    return pages(build_pdf([block], INFO, orientation=orientation))[0]


@pytest.mark.parametrize("size", [(900, 60), (60, 900), (300, 300), (420, 130), (1, 1)])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_role_signature_name_title_top_to_bottom_at_any_aspect_ratio(size, orientation):
    page = render(SignatureBlock(signatories(PREPARED, APPROVED, png(*size))), orientation)
    image = next(o for o in page.objects if o.kind == IMAGE)
    roles = one(page, APPROVER), one(page, PREPARER)
    names = one(page, APPROVED[0]), one(page, PREPARED[0])
    titles = one(page, APPROVED[1]), one(page, PREPARED[1])
    # the approver's box, on the left: role, then the image, then the name, then the title
    role, name, title = roles[0], names[0], titles[0]
    assert role.box.y0 > image.box.y1 > image.box.y0 > name.box.y1 > name.box.y0 > title.box.y1
    assert image.box.height > 5 or size == (900, 60)  # drawn at a size that can be seen
    assert image.box.width <= 151 and image.box.height <= 42
    # the image sits inside the approver's column, centred under its role
    assert abs(image.box.centre[0] - name.box.centre[0]) < 1 and image.box.x1 < page.width / 2
    # the preparer on the right, its rows level with the approver's
    assert roles[1].box.x0 > page.width / 2 and abs(roles[1].box.y0 - role.box.y0) < 0.5
    assert abs(names[1].box.y0 - name.box.y0) < 0.5
    drawn = [image, *roles, *names, *titles]
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            assert not a.box.overlaps(b.box), (a.text, b.text)


def test_an_approver_without_a_name_still_has_a_box_a_title_and_a_line_to_sign_on():
    block = signatories(("", ""), ("", ""))
    assert [(s.role, s.name, s.title) for s in block] == [(APPROVER, "", APPROVER_TITLE)]
    page = render(SignatureBlock(block))
    role, title = one(page, APPROVER), one(page, APPROVER_TITLE)
    assert role.box.x1 < page.width / 2  # the approver keeps the left half, even alone
    lines = [o for o in page.objects if o.kind == PATH and o.box.height < 2 and 40 < o.box.width < 200
             and title.box.y1 < o.box.y0 < role.box.y0]
    assert len(lines) == 1  # the blank line for the name, above the title
    assert lines[0].box.y0 < role.box.y0 - 40  # below the space kept for a wet signature
    assert abs(lines[0].box.centre[0] - title.box.centre[0]) < 1


def test_the_office_title_is_kept_and_the_scan_goes_to_the_approver():
    image = png(120, 40)
    block = signatories(PREPARED, ("", "معاون مالی"), image)
    assert [(s.role, s.name, s.title, s.image) for s in block] == [
        (PREPARER, *PREPARED, None), (APPROVER, "", "معاون مالی", image)]
    page = render(SignatureBlock(block))
    drawn = next(o for o in page.objects if o.kind == IMAGE)
    assert drawn.box.y0 > one(page, "معاون مالی").box.y1 and drawn.box.x1 < page.width / 2
