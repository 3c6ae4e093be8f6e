"""Copying text out of a PDF: Rasad against a LibreOffice-made PDF of the same lines.

    python benchmarks/text_extraction.py [STRINGS.txt] [--keep DIR] [--repeat N]

Each line of the strings file (default: tests/reports/copy_strings.txt) is drawn on a line
of its own, by Rasad and, when LibreOffice is installed (``soffice``), by LibreOffice
Writer from HTML with the same Vazirmatn font. Both PDFs are read back by poppler
(``pdftotext``) and PDFium (pypdfium2). Printed per engine: lines that come back exactly as
typed (bidi controls removed), Persian words found by a search, presentation-form code
points left. Then the cost of the text layer: the same PDF rendered with it and with plain
``drawString`` (glyphs only), interleaved, min and median. Asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad_desktop.reports import flowables, page  # noqa: E402
from rasad_desktop.reports.flowables import BODY, RTLParagraph  # noqa: E402
from rasad_desktop.reports.page import PageInfo, build_pdf  # noqa: E402
from tests.reports.extraction import CONTROLS, ENGINES, PRESENTATION_FORMS, WORD, lines  # noqa: E402

FONTS = [ROOT / "resources" / "fonts" / f for f in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")]


def rasad_pdf(strings: list[str]) -> bytes:
    return build_pdf([RTLParagraph(s, BODY) for s in strings], PageInfo("دفتر آزمون", "متن‌های دشوار",
                                                                        "۱۴۰۵/۰۹/۱۱", None))


def glyphs_only_pdf(strings: list[str]) -> bytes:
    """The same PDF drawn as before the text layer: the glyphs alone (for the cost)."""
    def plain(c, x, y, logical, glyphs, font, size, h_scale=None, *, line_rtl=None):  # type: ignore[no-untyped-def]
        c.setFont(font, size)
        c.drawString(x, y, glyphs)

    saved = flowables.draw_line, page.draw_line
    flowables.draw_line = page.draw_line = plain
    try:
        return rasad_pdf(strings)
    finally:
        flowables.draw_line, page.draw_line = saved


def libreoffice_pdf(strings: list[str], folder: Path) -> Path | None:
    if shutil.which("soffice") is None:
        return None
    fonts = Path.home() / ".fonts"
    fonts.mkdir(exist_ok=True)
    for f in FONTS:
        if not (fonts / f.name).exists():
            shutil.copy(f, fonts / f.name)
    subprocess.run(["fc-cache", "-f", str(fonts)], capture_output=True)
    body = "".join(f'<p dir="rtl" align="right" style="margin:0 0 4pt 0">{html.escape(s)}</p>' for s in strings)
    src = folder / "libreoffice.html"
    src.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{font-family:Vazirmatn;"
                   f"font-size:11pt}}</style></head><body dir='rtl'>{body}</body></html>", encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(folder),
                    str(src)], capture_output=True, timeout=300, env=dict(os.environ))
    out = folder / "libreoffice.pdf"
    return out if out.exists() else None


def score(text: str, strings: list[str]) -> tuple[int, int, int, int]:
    """(exact lines, Persian words found, words in all, presentation forms left)."""
    got = lines(text)
    flat = text.translate(CONTROLS)
    words = [w for s in strings for w in WORD.findall(s)]
    return (sum(s in got for s in strings), sum(w in flat for w in words), len(words),
            len(PRESENTATION_FORMS.findall(text)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("strings", nargs="?", default=str(ROOT / "tests" / "reports" / "copy_strings.txt"))
    parser.add_argument("--keep", help="write the PDFs to this folder")
    parser.add_argument("--repeat", type=int, default=15, help="timed renders of each kind (default 15)")
    args = parser.parse_args()
    strings = [ln.strip() for ln in Path(args.strings).read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.startswith("#")]
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rasad-copy-"))
    folder.mkdir(parents=True, exist_ok=True)
    pdfs = {"Rasad": folder / "rasad.pdf", "Rasad, glyphs only": folder / "glyphs-only.pdf"}
    pdfs["Rasad"].write_bytes(rasad_pdf(strings))
    pdfs["Rasad, glyphs only"].write_bytes(glyphs_only_pdf(strings))
    lo = libreoffice_pdf(strings, folder)
    if lo is not None:
        pdfs["LibreOffice"] = lo
    print(f"{len(strings)} lines from {args.strings}")
    print(f"{'PDF':<20} {'engine':<8} {'exact lines':>12} {'words found':>12} {'pres. forms':>12}")
    for name, path in pdfs.items():
        for engine, extract in ENGINES.items():
            exact, found, total, forms = score(extract(path), strings)
            print(f"{name:<20} {engine:<8} {exact:>7}/{len(strings):<4} {found:>7}/{total:<4} {forms:>12}")
    if lo is None:
        print("LibreOffice is not installed (soffice): no side-by-side figures (Debian: apt-get install "
              "libreoffice-writer)")
    times: dict[str, list[float]] = {"with the text layer": [], "glyphs only": []}
    for _ in range(args.repeat):  # interleaved, so both see the same machine state
        for label, fn in (("with the text layer", rasad_pdf), ("glyphs only", glyphs_only_pdf)):
            t = time.perf_counter()
            fn(strings)
            times[label].append((time.perf_counter() - t) * 1000)
    print(f"\nrender of the {len(strings)}-line PDF, {args.repeat} interleaved runs")
    for label, values in times.items():
        print(f"  {label:<20} min {min(values):6.1f} ms   median {statistics.median(values):6.1f} ms")
    print(f"  (text_layer.draw_line is used for every line; sizes {pdfs['Rasad'].stat().st_size} vs "
          f"{pdfs['Rasad, glyphs only'].stat().st_size} bytes)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
