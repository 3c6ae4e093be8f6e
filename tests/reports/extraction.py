"""Text copied out of a PDF as a reader gets it: poppler (pdftotext) and PDFium (Chrome,
QtPdf; pypdfium2 here). Shared by the extraction tests and benchmarks/text_extraction.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2

# pdftotext wraps every right-to-left line in bidi controls; a reader's paste drops them
CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# a Persian word as a reader would search for it: letters, marks and ZWNJ
WORD = re.compile("[\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u06d5\u200c]+")


def poppler(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdfium(pdf: Path) -> str:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


ENGINES = {"poppler": poppler, "PDFium": pdfium}


def lines(text: str) -> set[str]:
    """The extracted lines, bidi controls removed."""
    return {ln.translate(CONTROLS).strip() for ln in re.split(r"[\r\n\f]+", text)}
