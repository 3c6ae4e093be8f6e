"""Real small files of each attachment type, and builders for hostile ones (tests only)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

# ------------------------------------------------------------------------------ PDF


def pdf(pages: int = 1) -> bytes:
    """A real PDF, as ReportLab draws one."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n in range(pages):
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def raw_pdf(catalog_extra: bytes = b"", objects: tuple[bytes, ...] = (), *, count: int = 1,
            kids: bytes = b"3 0 R") -> bytes:
    """A PDF written by hand (objects 1–3: catalog, pages, page; ``objects`` numbered from 4),
    with a correct cross-reference table, so only what is put in it is wrong."""
    bodies = [b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
              b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(count).encode() + b" >>",
              b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", *objects]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def object_stream_pdf(script: bool, *, owner_password: str | None = None) -> bytes:
    """A PDF whose objects sit in a compressed object stream (pyHanko's writer): a script in
    there is in no byte of the file as written. ``owner_password``: encrypted too (no user
    password, so it opens for anyone)."""
    from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject, NumberObject, pdf_name, pdf_string
    from pyhanko.pdf_utils.writer import PdfFileWriter

    w = PdfFileWriter(stream_xrefs=True)
    packed = w.prepare_object_stream()
    w.insert_page(DictionaryObject({pdf_name("/Type"): pdf_name("/Page"),
                                    pdf_name("/MediaBox"): ArrayObject([NumberObject(v) for v in (0, 0, 200, 200)])}))
    if script:
        action = DictionaryObject({pdf_name("/S"): pdf_name("/JavaScript"), pdf_name("/JS"): pdf_string("app.alert(1)")})
        w.root["/OpenAction"] = w.add_object(action, obj_stream=packed)
        w.update_root()
    if owner_password is not None:
        w.encrypt(owner_password, "")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def xref_stream_bomb(unpacked_mb: int = 80) -> bytes:
    """A PDF whose cross-reference stream inflates to ``unpacked_mb`` MB (a FlateDecode bomb)."""
    head = bytearray(b"%PDF-1.5\n")
    offsets = []
    for n, body in enumerate([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                              b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"], start=1):
        offsets.append(len(head))
        head += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref_at = len(head)
    entries = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(b"\x01" + struct.pack(">IH", o, 0) for o in offsets)
    entries += b"\x01" + struct.pack(">IH", xref_at, 0)
    packer = zlib.compressobj(9)
    packed = packer.compress(entries)
    zeros = bytes(1024 * 1024)
    for _ in range(unpacked_mb):
        packed += packer.compress(zeros)
    packed += packer.flush()
    head += (b"4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
             % len(packed)) + packed + b"\nendstream\nendobj\n"
    head += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(head)


# ------------------------------------------------------------------------------ images


def image(fmt: str = "PNG", size: tuple[int, int] = (40, 20)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_of_size(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels in a few hundred bytes (one IDAT row)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(bytes(width + 1)))
            + png_chunk(b"IEND", b""))


# ------------------------------------------------------------------------------ Word and Excel
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>{extra}</Types>'
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body><w:p><w:r><w:t>نامهٔ متقاضی</w:t></w:r></w:p></w:body></w:document>'
)


def docx(extra: dict[str, bytes] | None = None, *, main: str = DOCX_MAIN, types_extra: str = "",
         drop: tuple[str, ...] = ()) -> bytes:
    """A minimal Word document, as zipfile writes it; ``extra`` parts are added, ``drop``
    parts left out."""
    parts: dict[str, bytes] = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main, extra=types_extra).encode(),
        "_rels/.rels": PACKAGE_RELS.encode(),
        "word/document.xml": DOCUMENT.encode(),
        **(extra or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            if name not in drop:
                zf.writestr(name, body)
    return out.getvalue()


def xlsx() -> bytes:
    """A real workbook, as openpyxl writes one."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"], ws["B1"] = "ردیف", 1200
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
