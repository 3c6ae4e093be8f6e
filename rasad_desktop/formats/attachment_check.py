"""What a file attached to a request must be, checked on its whole structure (an office
receives these from the public): a PDF that parses, has pages and runs nothing; an image
that decodes and is what its name says; a Word or Excel file that is a sound ZIP of the
right parts with no program, macro or embedded object inside; UTF-8 text.

``check`` raises ``Refused`` (Persian and English, a ``code`` per kind of refusal); every
failure of the parsers is a refusal, and the work is bounded (decoded bytes, pixels, parts,
objects) so a hostile file cannot hang or exhaust the program. No Qt here.
"""

from __future__ import annotations

import contextvars
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from rasad_desktop.core.errors import RasadError

# ------------------------------------------------------------------------------ limits
PDF_MAX_DECODED = 64 * 1024 * 1024  # the object and xref streams a PDF check may inflate, in all
PDF_MAX_OBJECTS = 200_000
IMAGE_MAX_PIXELS = 50_000_000  # an A4 page scanned at 600 dpi is 35 million
ZIP_MAX_TOTAL = 100 * 1024 * 1024  # a Word or Excel file's parts, unpacked
ZIP_MAX_RATIO = 100  # unpacked : packed, for a part over ZIP_RATIO_FROM
ZIP_RATIO_FROM = 1024 * 1024
ZIP_MAX_MEMBERS = 5_000
XML_PART_MAX = 2 * 1024 * 1024  # [Content_Types].xml and the .rels parts, which are read


class Refused(RasadError):
    """The file is not accepted; ``code`` says why (the services raise it as a ValidationError)."""


# ------------------------------------------------------------------------------ messages
def _not_sound(name: str, what_fa: str, what_en: str) -> Refused:
    return Refused(f"فایل «{name}» {what_fa} سالم نیست؛ پذیرفته نشد.",
                   f"'{name}' is not a sound {what_en}; it was not accepted.", code="attachment_content")


def _mismatch(name: str, ext: str) -> Refused:
    return Refused(f"محتوای فایل «{name}» با پسوند آن ({ext}) نمی‌خواند؛ فایل پذیرفته نشد.",
                   f"The content of '{name}' does not match its extension ({ext}); it was not accepted.",
                   code="attachment_content")


def _active(name: str, what_fa: str, what_en: str) -> Refused:
    return Refused(f"فایل «{name}» محتوای فعال دارد ({what_fa})؛ برای ایمنی پذیرفته نشد.",
                   f"'{name}' holds active content ({what_en}); for safety it was not accepted.",
                   code="attachment_active_content")


def _bomb(name: str) -> Refused:
    return Refused(f"فایل «{name}» پس از باز شدن بیش از اندازه بزرگ می‌شود؛ پذیرفته نشد.",
                   f"'{name}' grows too large when opened; it was not accepted.", code="attachment_bomb")


def _polyglot(name: str, what_fa: str, what_en: str) -> Refused:
    return Refused(f"فایل «{name}» افزون بر {what_fa} فایل دیگری (بایگانی ZIP یا صفحهٔ وب) در خود دارد؛ "
                   "پذیرفته نشد.",
                   f"'{name}' hides another file (a ZIP archive or a web page) besides the {what_en}; "
                   "it was not accepted.", code="attachment_polyglot")


def _encrypted(name: str) -> Refused:
    return Refused(f"فایل «{name}» با گذرواژه قفل شده است و بررسی نمی‌شود؛ نسخهٔ بی‌گذرواژهٔ آن را پیوست کنید.",
                   f"'{name}' is locked with a password and cannot be checked; attach a copy without one.",
                   code="attachment_encrypted")


def _bad_path(name: str) -> Refused:
    return Refused(f"فایل «{name}» بخشی با نام نامعتبر (مسیری بیرون از سند) دارد؛ پذیرفته نشد.",
                   f"'{name}' has a part with an invalid name (a path outside the document); it was not accepted.",
                   code="attachment_path")


# ------------------------------------------------------------------------------ entry point
def check(ext: str, name: str, data: bytes) -> None:
    """Refuse ``data`` (named ``name``, extension ``ext`` in lower case) unless it is a sound
    file of that type with nothing active in it."""
    checks: dict[str, Callable[[str, bytes], None]] = {
        ".pdf": check_pdf,
        ".png": lambda n, d: check_image(n, d, "PNG", ".png"),
        ".jpg": lambda n, d: check_image(n, d, "JPEG", ".jpg"),
        ".jpeg": lambda n, d: check_image(n, d, "JPEG", ".jpeg"),
        ".docx": lambda n, d: check_office(n, d, "docx"),
        ".xlsx": lambda n, d: check_office(n, d, "xlsx"),
        ".txt": check_text,
    }
    checks[ext](name, data)


def check_text(name: str, data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("فایل متنی باید با کدگذاری UTF-8 باشد.", "A text file must be UTF-8.",
                      code="attachment_text") from None
    if b"\x00" in data:
        raise Refused("این فایل متنی نیست.", "This is not a text file.", code="attachment_text")


def _is_zip(data: bytes) -> bool:
    try:
        return zipfile.is_zipfile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - a file that confuses the ZIP reader is no ZIP
        return False


# ------------------------------------------------------------------------------ PDF
# names that make a PDF do something beyond showing its pages: scripts, launching programs,
# files carried inside, rich media and XFA forms (which script)
PDF_ACTIVE = {
    "/JavaScript": ("اسکریپت", "a script"),
    "/JS": ("اسکریپت", "a script"),
    "/Launch": ("فرمان اجرای برنامه", "a command that launches a program"),
    "/EmbeddedFile": ("فایل جاسازی‌شده", "an embedded file"),
    "/EmbeddedFiles": ("فایل جاسازی‌شده", "an embedded file"),
    "/EF": ("فایل جاسازی‌شده", "an embedded file"),
    "/FileAttachment": ("فایل جاسازی‌شده", "an embedded file"),
    "/GoToE": ("فایل جاسازی‌شده", "an embedded file"),
    "/RichMedia": ("رسانهٔ فعال", "rich media"),
    "/XFA": ("فرم اسکریپت‌دار", "a scripted form"),
}
HTML_TAGS = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta)\b", re.IGNORECASE)
PDF_TRAILING_OK = b" \t\r\n\f\x00"

_inflate_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("_inflate_budget", default=None)
_real_decompress = zlib.decompress


def _bounded_decompress(data: Any, *args: Any, **kwargs: Any) -> bytes:
    """zlib.decompress, but inside a PDF check it inflates only what is left of the check's
    budget (a FlateDecode bomb is refused, not inflated). Outside a check: zlib's own."""
    budget = _inflate_budget.get()
    if budget is None or args or kwargs:
        return _real_decompress(data, *args, **kwargs)
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, budget[0] + 1)
    if len(out) > budget[0]:
        raise _TooLarge
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    budget[0] -= len(out)
    return out


class _TooLarge(Exception):
    pass


def _install_bounded_inflate() -> None:
    from pyhanko.pdf_utils import filters

    if getattr(filters, "decompress", None) is not _bounded_decompress:
        filters.decompress = _bounded_decompress


def check_pdf(name: str, data: bytes) -> None:
    """A PDF from its first byte, that pyHanko's strict reader opens (header, xref, trailer),
    with at least one page, nothing after its end, no other format inside, and no script,
    launch action, embedded file or automatic action other than going to a page."""
    what = ("یک PDF", "PDF")
    if not data.startswith(b"%PDF-"):
        raise _mismatch(name, ".pdf")
    if _is_zip(data) or HTML_TAGS.search(data[:1024]):
        raise _polyglot(name, "PDF", "PDF")
    end = data.rfind(b"%%EOF")
    if end < 0 or data[end + 5:].strip(PDF_TRAILING_OK):
        raise _not_sound(name, *what)
    try:
        _install_bounded_inflate()
    except Exception:  # noqa: BLE001 - without the reader no PDF can be vouched for
        raise _not_sound(name, *what) from None
    token = _inflate_budget.set([PDF_MAX_DECODED])
    try:
        found = _walk_pdf(data)
    except (_TooLarge, MemoryError):
        raise _bomb(name) from None
    except Exception:  # noqa: BLE001 - any failure of the parser is a refusal (RecursionError too)
        raise _not_sound(name, *what) from None
    finally:
        _inflate_budget.reset(token)
    if found == "encrypted":
        raise _encrypted(name)
    if found == "objects":
        raise _bomb(name)
    if found == "pages":
        raise _not_sound(name, *what)
    if found:
        raise _active(name, *PDF_ACTIVE.get(found, ("اجرای خودکار", "an automatic action")))


def _walk_pdf(data: bytes) -> str | None:
    """None for a sound, inert PDF; otherwise what is wrong: an active name from
    ``PDF_ACTIVE``, "/OpenAction", "encrypted", "pages" or "objects" (too many)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.crypt import AuthStatus
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=True)
    if reader.encrypted and reader.decrypt("").status == AuthStatus.FAILED:
        return "encrypted"  # a user password: its objects cannot be read, so nor vouched for
    root = reader.root
    count = root["/Pages"]["/Count"]
    if not isinstance(count, int) or count < 1:
        return "pages"
    pages = 0
    seen: set[tuple[int, int]] = set()
    containers = (generic.IndirectObject, generic.DictionaryObject, generic.ArrayObject)
    stack: list[Any] = [root]
    if "/Info" in reader.trailer.keys():
        stack.append(reader.trailer.raw_get("/Info"))
    visited = 0
    automatic = False
    while stack:
        obj = stack.pop()
        visited += 1
        if visited > PDF_MAX_OBJECTS:
            return "objects"
        if isinstance(obj, generic.IndirectObject):
            key = (obj.idnum, obj.generation)
            if key not in seen:
                seen.add(key)
                target = _plain(obj.get_object(), generic)
                if isinstance(target, generic.NameObject) and target in PDF_ACTIVE:
                    return str(target)
                if isinstance(target, containers):
                    stack.append(target)
            continue
        if isinstance(obj, generic.DictionaryObject):  # a stream's dictionary too
            if dict.get(obj, "/Type") == "/Page":
                pages += 1
            action = dict.get(obj, "/OpenAction")
            if action is not None and _launches(action, generic):
                automatic = True  # told as such unless the walk finds what it runs (a script…)
            values = []
            for k, v in dict.items(obj):
                if k in PDF_ACTIVE:
                    return str(k)
                values.append(v)
        else:
            values = list(list.__iter__(obj))
        for v in values:
            v = _plain(v, generic)
            if isinstance(v, generic.NameObject) and v in PDF_ACTIVE:
                return str(v)
            if isinstance(v, containers):
                stack.append(v)
    if automatic:
        return "/OpenAction"
    return None if pages else "pages"


def _plain(obj: Any, generic: Any) -> Any:
    """An object of an encrypted PDF as parsed: names and structure are never encrypted, and
    pyHanko's decrypting proxy is no dictionary or array to the walk."""
    return obj.raw_object if isinstance(obj, generic.DecryptedObjectProxy) else obj


def _launches(action: Any, generic: Any) -> bool:
    """An /OpenAction that is anything but going to a page of this document."""
    action = _plain(action.get_object() if isinstance(action, generic.IndirectObject) else action, generic)
    if isinstance(action, generic.ArrayObject):
        return False  # an explicit destination
    if isinstance(action, generic.DictionaryObject):
        return bool(action.get("/S") != "/GoTo" or "/Next" in action)
    return True


# ------------------------------------------------------------------------------ images
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def check_image(name: str, data: bytes, expected: str, ext: str) -> None:
    """A PNG or JPEG that Pillow verifies and decodes whole, of the type its extension says,
    of at most IMAGE_MAX_PIXELS pixels, with nothing after a PNG's end and no ZIP inside."""
    from PIL import Image  # ReportLab's own dependency; imported only here

    what = (f"تصویر {expected}", f"{expected} image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=("PNG", "JPEG", "MPO")) as img:
                fmt = "JPEG" if img.format == "MPO" else img.format  # a phone's multi-picture JPEG
                width, height = img.size
                if fmt == expected and width * height <= IMAGE_MAX_PIXELS:
                    img.verify()
            if fmt == expected and width * height <= IMAGE_MAX_PIXELS:
                with Image.open(io.BytesIO(data), formats=(expected, "MPO")) as img:
                    img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError):
        raise _bomb(name) from None
    except Exception:  # noqa: BLE001 - any failure to decode is a refusal
        raise _not_sound(name, *what) from None
    if fmt != expected:
        raise _mismatch(name, ext)
    if width * height > IMAGE_MAX_PIXELS:
        raise _bomb(name)
    if expected == "PNG" and not data.endswith(PNG_END):
        raise _polyglot(name, what[0], what[1])
    if _is_zip(data):
        raise _polyglot(name, what[0], what[1])


# ------------------------------------------------------------------------------ Word and Excel
OFFICE = {
    # extension: (the main part, its content types, what it is in Persian and English)
    "docx": ("word/document.xml",
             {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"},
             "یک سند Word (docx)", "Word document (docx)"),
    "xlsx": ("xl/workbook.xml",
             {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"},
             "یک کاربرگ Excel (xlsx)", "Excel workbook (xlsx)"),
}
EXECUTABLE_NAMES = (".exe", ".dll", ".com", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf",
                    ".jar", ".msi", ".scr", ".lnk", ".hta", ".cpl", ".pif", ".sys")
MACRO_NAMES = (".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".xlsb", ".pptm", ".potm", ".ppsm", ".ppam",
               ".sldm")
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# relationships that fetch something from outside the file when it opens (a remote template
# or object: how documents pull in macros)
EXTERNAL_FETCH = ("/attachedTemplate", "/oleObject", "/subDocument", "/frame", "/package")
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_office(name: str, data: bytes, kind: str) -> None:
    """A ZIP that opens and whose every part unpacks with a right checksum, within the size
    and ratio limits, under a name inside the document, holding [Content_Types].xml, the
    package relationships and the main part with its own (not macro-enabled) content type,
    and no program, macro, OLE object, ActiveX control or remotely fetched template."""
    main, main_types, what_fa, what_en = OFFICE[kind]
    try:
        _check_office(name, data, main, main_types, what_fa, what_en)
    except Refused:
        raise
    except MemoryError:
        raise _bomb(name) from None
    except Exception:  # noqa: BLE001 - any failure to read the ZIP or its XML is a refusal
        raise _not_sound(name, what_fa, what_en) from None


def _check_office(name: str, data: bytes, main: str, main_types: set[str], what_fa: str, what_en: str) -> None:
    from defusedxml import ElementTree  # refuses entity declarations (an XML bomb)

    if not data.startswith(b"PK\x03\x04"):
        raise _mismatch(name, PurePosixPath(name).suffix.lower())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = zf.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            raise _bomb(name)
        names: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for m in members:
            _check_member_name(name, m.filename)
            key = m.filename.lower()
            if key in names:
                raise _not_sound(name, what_fa, what_en)  # two parts of one name: readers disagree
            names[key] = m
            if m.flag_bits & 0x1:
                raise _encrypted(name)
            total += m.file_size
            if total > ZIP_MAX_TOTAL or m.file_size > ZIP_RATIO_FROM and (
                    m.compress_size == 0 or m.file_size > ZIP_MAX_RATIO * m.compress_size):
                raise _bomb(name)
            _check_member_kind(name, key)
        for m in members:
            if not m.is_dir():
                _check_member_bytes(name, zf, m)
        for required in ("[content_types].xml", "_rels/.rels", main):
            if required not in names or names[required].is_dir():
                raise _not_sound(name, what_fa, what_en)
        types = ElementTree.fromstring(_read_small(zf, names["[content_types].xml"]))
        main_type = None
        for el in types:
            content_type = el.get("ContentType", "")
            lowered = content_type.lower()
            if "macroenabled" in lowered or "vbaproject" in lowered or "activex" in lowered:
                raise _active(name, "ماکرو", "a macro")
            if el.tag == f"{CT_NS}Override" and el.get("PartName", "").lower().lstrip("/") == main:
                main_type = content_type
        if main_type not in main_types:
            raise _not_sound(name, what_fa, what_en)
        for key, m in names.items():
            if key.endswith(".rels") and not m.is_dir():
                for rel in ElementTree.fromstring(_read_small(zf, m)):
                    if rel.tag == f"{REL_NS}Relationship" and rel.get("TargetMode", "") == "External" \
                            and rel.get("Type", "").endswith(EXTERNAL_FETCH):
                        raise _active(name, "الگو یا شیء بیرونی", "a template or object fetched from outside")


def _check_member_name(name: str, member: str) -> None:
    if not member or "\\" in member or "\x00" in member or member.startswith("/") or ".." in member.split("/") \
            or re.match(r"^[A-Za-z]:", member):
        raise _bad_path(name)


def _check_member_kind(name: str, key: str) -> None:
    """Refuse a part that is, by its name, a program, a macro or an embedded/ActiveX object."""
    base = key.rsplit("/", 1)[-1]
    if base.endswith(EXECUTABLE_NAMES):
        raise _active(name, "فایل اجرایی", "a program")
    if base.endswith(MACRO_NAMES) or base == "vbaproject.bin" or base.startswith("vbaproject"):
        raise _active(name, "ماکرو", "a macro")
    folders = key.split("/")[:-1]
    if "activex" in folders or base.endswith(".bin") and "embeddings" in folders:
        raise _active(name, "شیء جاسازی‌شده", "an embedded object")


def _check_member_bytes(name: str, zf: zipfile.ZipFile, m: zipfile.ZipInfo) -> None:
    """Read the part whole (zipfile checks its CRC at the end and never gives more than its
    declared size); refuse it if it begins as a program or an OLE compound file."""
    with zf.open(m) as f:
        head = f.read(8)
        if head.startswith(EXECUTABLE_MAGIC):
            raise _active(name, "فایل اجرایی", "a program")
        if head.startswith(OLE_MAGIC):
            raise _active(name, "شیء جاسازی‌شده", "an embedded object")
        while f.read(1024 * 1024):
            pass


def _read_small(zf: zipfile.ZipFile, m: zipfile.ZipInfo) -> bytes:
    if m.file_size > XML_PART_MAX:
        raise ValueError("an XML part too large to read")
    with zf.open(m) as f:
        return f.read(XML_PART_MAX + 1)
