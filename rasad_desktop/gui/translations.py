"""The Persian catalogue of the interface and the Qt Linguist files built from it.

Every user-visible string in ``gui/`` goes through ``tr()`` (or
``QCoreApplication.translate``) in English. The Persian translations live in
``resources/i18n/fa/*.json`` (``{"Context": {"English": "فارسی"}}``, one file per part of
the interface, so several people can add strings without touching one file), from which
``rasad_fa.ts`` and the compiled ``rasad_fa.qm`` are built:

    python -m rasad_desktop.gui.translations missing   # strings without Persian
    python -m rasad_desktop.gui.translations build     # write rasad_fa.ts and rasad_fa.qm
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

from rasad_desktop.resources import resource

GUI = Path(__file__).resolve().parent
I18N = resource("i18n")
TS, QM = I18N / "rasad_fa.ts", I18N / "rasad_fa.qm"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if not found:
        raise RuntimeError(f"pyside6-{name} not found (it comes with PySide6-Essentials)")
    return found


def extract() -> dict[str, list[str]]:
    """context → source strings found by lupdate in the GUI's Python files."""
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "extract.ts"
        subprocess.run([_tool("lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                       check=True, capture_output=True)
        root = ET.parse(ts).getroot()
    found: dict[str, list[str]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        found[name] = [m.findtext("source") or "" for m in context.iter("message")]
    return found


def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((I18N / "fa").glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(messages)
    return merged


def missing() -> list[tuple[str, str]]:
    cat = catalogue()
    return [(ctx, src) for ctx, sources in extract().items() for src in sources
            if not cat.get(ctx, {}).get(src, "").strip()]


def ts_text(found: dict[str, list[str]], cat: dict[str, dict[str, str]]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="fa_IR" sourcelanguage="en">']
    for context in sorted(found):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source in sorted(set(found[context])):
            translation = cat.get(context, {}).get(source, "")
            unfinished = "" if translation else ' type="unfinished"'
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation{unfinished}>{escape(translation)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def build() -> None:
    TS.write_text(ts_text(extract(), catalogue()), encoding="utf-8")
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["missing"]:
        for context, source in missing():
            print(f"{context}\t{source}")
        return 0
    if argv[:1] == ["build"]:
        build()
        gaps = missing()
        print(f"wrote {TS.name} and {QM.name}; {len(gaps)} strings without Persian")
        return 1 if gaps else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
