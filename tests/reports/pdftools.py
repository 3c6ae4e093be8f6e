"""Helpers for the report tests: PDF text as poppler reads it, and the Persian checker."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FONTS = [str(ROOT / "resources" / "fonts" / f) for f in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")]


def checker_path() -> Path | None:
    """The shared Persian-PDF checker: $RASAD_PDF_CHECKER, else ../shared/tools beside the
    repository (the workspace layout)."""
    for candidate in (os.environ.get("RASAD_PDF_CHECKER"), ROOT.parent / "shared" / "tools" / "check-persian-pdf"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def run_checker(checker: Path, pdf: Path, expect: list[str] | None = None,
                headers: list[str] = ()) -> subprocess.CompletedProcess[str]:  # type: ignore[assignment]
    args = [str(checker), str(pdf)]
    if expect:
        strings = pdf.with_suffix(".expect.txt")
        strings.write_text("\n".join(expect) + "\n", encoding="utf-8")
        args += ["--expect", str(strings)]
    for h in headers:
        args += ["--table-header", h]
    args += ["--font", *FONTS]
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT)


_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_BRACKETS = str.maketrans({")": "(", "]": "[", "}": "{", "»": "«"})


def pdf_text(pdf: bytes | Path, tmp: Path | None = None) -> str:
    """The logical text of a PDF as poppler rebuilds it, normalised for comparison:
    presentation forms to letters, bidi controls and combining marks removed, brackets
    folded (poppler returns the drawn, mirrored glyphs), spaces collapsed."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required")
    if isinstance(pdf, bytes):
        assert tmp is not None
        path = tmp / "doc.pdf"
        path.write_bytes(pdf)
    else:
        path = pdf
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return normalise(out)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", _CONTROLS.sub("", text)).replace("\u06c0", "\u0647")  # ۀ = هٔ
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").translate(_BRACKETS)
    return re.sub(r"[ \t]+", " ", text)


def persian_words(text: str) -> list[str]:
    """The Arabic-script words of a text, in order (numbers, Latin and punctuation left out)."""
    words = re.findall(r"[^\W\d_]+", normalise(text).replace("\u200c", ""))  # letters only: digits split words
    return [w for w in words if all(unicodedata.name(c, "").startswith("ARABIC LETTER") for c in w)]
