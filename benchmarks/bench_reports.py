"""Report benchmark: time the monitoring report (A4 landscape PDF) for the demo province and
for the large benchmark province, split into gathering the figures and rendering the PDF,
and, in the same run, the same content rendered by WeasyPrint from equivalent HTML (a peer
that shapes with HarfBuzz through Pango). Prints figures; asserts nothing.

    python benchmarks/bench_reports.py [--keep DIR] [--repeat N] [--large-years N]

Targets: demo report ≤ 0.5 s; the 120-agency report ≤ 2 s; rendering at least 5× faster
than WeasyPrint. WeasyPrint is not a dependency of Rasad: without it only Rasad's figures
are printed (install it with ``pip install weasyprint``; on Debian/Ubuntu it also needs
``apt-get install libpango-1.0-0 libpangoft2-1.0-0``). ``--keep DIR`` also writes every
PDF there, to compare them side by side.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_province  # noqa: E402
from reportlab.graphics.barcode import qrencoder  # noqa: E402

from rasad_desktop.core.amounts import format_ratio  # noqa: E402
from rasad_desktop.core.classification import RowKind  # noqa: E402
from rasad_desktop.core.digits import localize_digits  # noqa: E402
from rasad_desktop.core.figures import Figures  # noqa: E402
from rasad_desktop.core.jalali import Period, format_jalali  # noqa: E402
from rasad_desktop.core.metrics import Status, compute  # noqa: E402
from rasad_desktop.core.tables import RankedTable  # noqa: E402
from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.reports import monitoring  # noqa: E402
from rasad_desktop.reports.chart import Bar, BarChart  # noqa: E402
from rasad_desktop.reports.common import (  # noqa: E402
    STATUS_BAR,
    STATUS_FILL,
    RenderOptions,
    agency_ranking,
    amount,
    legend,
    pct,
    rounding_note,
)
from rasad_desktop.reports.page import PageInfo  # noqa: E402
from rasad_desktop.resources import resource  # noqa: E402
from rasad_desktop.services import report_kinds, reporting  # noqa: E402
from rasad_desktop.services.demo import load_demo  # noqa: E402
from rasad_desktop.services.reporting import ReportRequest  # noqa: E402
from rasad_desktop.services.roles import Actor, Role  # noqa: E402

try:
    import weasyprint
except (ImportError, OSError) as e:  # OSError: installed, but Pango is missing
    weasyprint = None
    WEASYPRINT_MISSING = f"{type(e).__name__}: {e}".splitlines()[0]
else:
    WEASYPRINT_MISSING = ""

YEAR, THROUGH_MONTH = 1405, 6
TODAY = dt.date(2026, 11, 25)  # a fixed issue date, so every run draws the same page furniture
OPTS = RenderOptions(office="اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی", province="آذربایجان شرقی")
REQUEST = ReportRequest("monitoring", YEAR, THROUGH_MONTH)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(first call, median of all calls) in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return times[0], statistics.median(times), result


def page_count(pdf: bytes) -> int:
    """Pages of a ReportLab PDF (its page dictionaries are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


# --- the WeasyPrint peer: the same report as HTML ---------------------------------------

def page_info(request: ReportRequest, snapshot: dict[str, Any], opts: RenderOptions) -> PageInfo:
    """What ``reporting.render`` puts on every page of a draft (same hash, same code)."""
    digest = reporting.content_hash(request.params(), snapshot, None, 1)
    return PageInfo(office=opts.office, title=report_kinds.kind(request.kind).title_fa, issue_date=format_jalali(TODAY),
                    number=None, version=1, verification=reporting.verification_code(digest),
                    qr_payload=f"RASAD|DRAFT|v1|{digest}", content_hash=digest)


def qr_svg(payload: str, size_mm: float = 15) -> str:
    """The page's QR code as an SVG data URL: one path of the same modules ReportLab draws."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    n = qr.getModuleCount()
    d = "".join(f"M{c + 1} {r + 1}h1v1h-1z" for r, row in enumerate(qr.modules) for c, dark in enumerate(row) if dark)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_mm}mm" height="{size_mm}mm" '
           f'viewBox="0 0 {n + 2} {n + 2}" shape-rendering="crispEdges"><path d="{d}" fill="#000"/></svg>')
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _hex(color: Any) -> str:
    return "#" + color.hexval()[2:]


def _table(header: list[str], rows: list[list[str]], widths: list[float], *, classes: dict[int, str] | None = None,
           bold: set[int] | frozenset[int] = frozenset()) -> str:
    cols = "".join(f'<col style="width:{w}pt">' for w in widths)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = " ".join(c for c in ((classes or {}).get(i, ""), "b" if i in bold else "") if c)
        attr = f' class="{cls}"' if cls else ""
        body.append(f"<tr{attr}>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>")
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def classification_rows(data: dict[str, Any], opts: RenderOptions) -> tuple[list[list[str]], set[int]]:
    """The rows of ``monitoring.classification_table``, as text."""
    n = data["through_month"]
    rows, bold = [], set()
    for i, r in enumerate(data["classification"]):
        kind = RowKind(r["kind"])
        f = Figures(**r["figures"])
        m = compute(f, n, thresholds=opts.thresholds)
        title = monitoring.ROW_TITLES.get(kind, r["title"])
        if kind is RowKind.PART_TOTAL:
            title = f"جمع {r['title']}"
        if kind is not RowKind.SECTION:
            bold.add(i)
        rows.append([localize_digits(r["code"] or ""), title, amount(f.annual, opts), amount(f.share, opts),
                     amount(f.collected, opts), pct(m.pct_share), pct(m.pct_annual),
                     amount(f.collected_last, opts), pct(m.growth)])
    return rows, bold


def exception_rows(data: dict[str, Any], table: RankedTable, opts: RenderOptions) -> list[list[str]]:
    """The rows of ``monitoring.exceptions_table``, as text."""
    ex = data["exceptions"]
    rows = [["وصول بدون مصوب", r["agency"], localize_digits(r["code"]), r["title"], amount(r["collected"], opts)]
            for r in ex["unapproved"]]
    rows += [["بدون وصول در دوره", r["agency"], localize_digits(r["code"]), r["title"], amount(r["annual"], opts)]
             for r in ex["nothing_collected"]]
    rows += [["کمتر از آستانهٔ تحقق", r.title, "", f"تحقق سهم دوره: {pct(r.metrics.pct_share)}",
              amount(r.figures.collected, opts)] for r in table.rows if r.metrics.status is Status.LAGGING]
    rows += [["درآمد اختصاصی", "", localize_digits(r["code"]), r["title"], amount(r["figures"]["collected"], opts)]
             for r in ex["earmarked"]]
    return rows


def bar_chart(table: RankedTable) -> str:
    """Labels on the right, bars growing leftwards, a dashed line at 100 %, an axis below."""
    bars = [Bar(r.title, r.metrics.pct_share, r.metrics.status) for r in table.rows]
    scale = BarChart(bars).scale_max
    out = ['<div class="chart">']
    for b in bars:
        if b.value is None:
            bar = '<span class="val">—</span>'
        else:
            width = 100 * float(min(b.value, scale) / scale)
            bar = (f'<span class="bar" style="width:{width:.2f}%;background:{_hex(STATUS_BAR[b.status])}"></span>'
                   f'<span class="val">{html.escape(pct(b.value))}</span>')
        out.append(f'<div class="row"><div class="label">{html.escape(b.label)}</div>'
                   f'<div class="track"><div class="hundred" style="right:{100 / float(scale):.2f}%"></div>'
                   f"{bar}</div></div>")
    ticks, tick = [], Fraction(0)
    while tick <= scale:  # every 50 %
        ticks.append(f'<span style="right:{100 * float(tick / scale):.2f}%">'
                     f"{html.escape(format_ratio(tick, decimals=0))}</span>")
        tick += Fraction(1, 2)
    out.append(f'<div class="axis"><div class="ticks">{"".join(ticks)}</div></div></div>')
    return "".join(out)


def html_for(data: dict[str, Any], opts: RenderOptions, info: PageInfo | None = None) -> str:
    """The monitoring report as one HTML document: the same text, tables, colours and page
    furniture as ``reports.monitoring.render``, formatted by the same functions."""
    info = info or page_info(REQUEST, data, opts)
    period = Period(data["year"], data["through_month"])
    table = agency_ranking(data["agencies"], period.through_month, opts)
    regular = resource("fonts", "Vazirmatn-Regular.ttf").resolve().as_uri()
    bold = resource("fonts", "Vazirmatn-Bold.ttf").resolve().as_uri()
    status_css = "".join(f"tr.{s.value} td{{background:{_hex(c)}}}" for s, c in STATUS_FILL.items())
    css = f"""
@font-face {{ font-family: Vazirmatn; font-weight: 400; src: url("{regular}"); }}
@font-face {{ font-family: Vazirmatn; font-weight: 700; src: url("{bold}"); }}
@page {{
  size: A4 landscape; margin: 24mm 14mm 22mm 14mm;
  @top-right {{ content: {_css_string(info.office + chr(10) + info.title)}; white-space: pre; font: 700 9pt/12pt
    Vazirmatn; color: #1f3b57; vertical-align: bottom; padding-bottom: 5pt; border-bottom: .5pt solid #8a8f98; }}
  @top-left {{ content: {_css_string(f"تاریخ صدور: {info.issue_date}" + chr(10) + f"شمارهٔ گزارش: {info.number_label}")};
    white-space: pre; font: 8pt/12pt Vazirmatn; color: #1f3b57; direction: rtl; text-align: right;
    vertical-align: bottom; padding-bottom: 5pt; border-bottom: .5pt solid #8a8f98; }}
  @bottom-right {{ content: {_css_string(info.confidentiality)}; font: 700 8pt Vazirmatn; color: #9b1c1c;
    vertical-align: top; padding-top: 4pt; border-top: .5pt solid #8a8f98; }}
  @bottom-center {{ content: "صفحه " counter(page, persian) " از " counter(pages, persian); font: 8pt Vazirmatn;
    vertical-align: top; padding-top: 4pt; border-top: .5pt solid #8a8f98; }}
  @bottom-left {{ content: url("{qr_svg(info.qr_payload)}") "   " {_css_string(f"کد تصدیق: {info.verification}")};
    font: 8pt Vazirmatn; vertical-align: top; padding-top: 1pt; border-top: .5pt solid #8a8f98; }}
}}
html {{ font: 10pt/15pt Vazirmatn; }}
body {{ margin: 0; text-align: right; }}
h1 {{ font-size: 15pt; line-height: 22pt; text-align: center; margin: 0 0 4pt; }}
h2 {{ font-size: 11.5pt; line-height: 17pt; margin: 0 0 3pt; break-after: avoid; }}
p {{ margin: 0; }}
.center {{ text-align: center; }} .bold {{ font-weight: 700; }}
.small {{ font-size: 8pt; line-height: 11pt; }} .note {{ font-size: 7.5pt; line-height: 11pt; }}
.unit {{ font-size: 8pt; line-height: 11pt; text-align: left; }}
.summary {{ font-size: 10pt; line-height: 16pt; margin-bottom: 6pt; }}
section {{ margin-bottom: 8pt; }}
table {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto; font-size: 8pt; line-height: 11pt; }}
th, td {{ border: .4pt solid #8a8f98; padding: 1.5pt 3pt; vertical-align: middle; text-align: right; }}
th {{ background: #dfe6ee; font-weight: 700; text-align: center; }}
tr {{ break-inside: avoid; }} tr.b td {{ font-weight: 700; }}
{status_css}
.chart {{ font-size: 7.5pt; line-height: 12pt; }}
.chart .row {{ display: flex; height: 12pt; break-inside: avoid; }}
.chart .label {{ width: 190pt; flex: none; margin-left: 6pt; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }}
.chart .track, .chart .ticks {{ position: relative; flex: 1; margin-left: 40pt; }}
.chart .bar {{ display: inline-block; height: 8pt; vertical-align: middle; }}
.chart .val {{ font-size: 7pt; margin-right: 3pt; }}
.chart .hundred {{ position: absolute; top: 0; bottom: 0; border-left: .6pt dashed #1f3b57; }}
.chart .axis {{ display: flex; height: 14pt; padding-right: 196pt; }}
.chart .ticks {{ border-top: .4pt solid #555; font-size: 6.5pt; }}
.chart .ticks span {{ position: absolute; top: 2pt; transform: translateX(50%); }}
"""
    subtitle = f"عملکرد تحقق منابع بودجهٔ دستگاه‌های اجرایی استان {opts.province}".strip()
    fills = {i: r.metrics.status.value for i, r in enumerate(table.rows) if r.metrics.status in STATUS_FILL}
    class_rows, class_bold = classification_rows(data, opts)
    exceptions = exception_rows(data, table, opts)
    note = getattr(rounding_note(opts), "text", "")
    e = html.escape
    body = [
        f"<h1>{e(monitoring.TITLE)}</h1>",
        f'<p class="center">{e(subtitle)}</p>' if subtitle else "",
        f'<p class="center bold">{e(period.label())}</p>',
        f'<p class="unit">{e(f"ارقام: {opts.unit.label()}")}</p>',
        f'<h2>خلاصه</h2><p class="summary">{e(monitoring.summary_text(data, table, opts))}</p>',
        "<section><h2>۱. عملکرد دستگاه‌های اجرایی</h2>",
        _table(monitoring.AGENCY_HEADER, monitoring.agency_rows(table, opts), monitoring.AGENCY_WIDTHS,
               classes=fills, bold={len(table.rows)}),
        f'<p class="note">{e(legend(opts).text)}</p><p class="note">{e(note)}</p></section>',
        "<section><h2>۲. عملکرد به تفکیک طبقه‌بندی اقتصادی</h2>",
        _table(monitoring.CLASS_HEADER, class_rows, monitoring.CLASS_WIDTHS, bold=class_bold),
        f'<p class="note">{e(note)}</p></section>',
        "<section><h2>۳. موارد استثنا</h2>",
        _table(["نوع", "دستگاه اجرایی", "ردیف", "شرح", "مبلغ"], exceptions, [110, 220, 48, 250, 90])
        if exceptions else "<p>موردی برای گزارش وجود ندارد.</p>",
        "</section>",
        f"<section><h2>۴. درصد تحقق سهم دوره به تفکیک دستگاه</h2>{bar_chart(table)}</section>",
        '<p class="small center">این گزارش با سامانهٔ رصد منابع تهیه شده است.</p>',
    ]
    return (f'<!DOCTYPE html><html dir="rtl" lang="fa"><head><meta charset="utf-8">'
            f"<title>{e(info.title)}</title><style>{css}</style></head><body>{''.join(body)}</body></html>")


def weasy_pdf(snapshot: dict[str, Any]) -> bytes:
    """The peer's whole render step, snapshot → PDF, like ``reporting.render``."""
    assert weasyprint is not None
    return weasyprint.HTML(string=html_for(snapshot, OPTS, page_info(REQUEST, snapshot, OPTS))).write_pdf()


# --- the run --------------------------------------------------------------------------

@dataclass
class Result:
    name: str
    agencies: int
    setup_s: float
    draft: tuple[float, float]
    gather: tuple[float, float]
    render: tuple[float, float]
    pages: int
    size_kb: float
    peer: tuple[float, float] | None = None
    peer_html: tuple[float, float] | None = None
    signing: dict[str, tuple[float, float]] | None = None  # draft, issue and the parts: (min, median) ms
    peer_pages: int = 0
    peer_size_kb: float = 0.0


def measure(name: str, db: Database, setup_s: float, repeat: int, keep: Path | None) -> Result:
    with db.session() as s:
        d_first, d_median, pdf = timed(lambda: reporting.draft(s, REQUEST, OPTS, today=TODAY), repeat)

        def gather() -> dict[str, Any]:
            data = report_kinds.gather(s, REQUEST)
            s.rollback()
            return data

        g_first, g_median, snapshot = timed(gather, repeat)
    r_first, r_median, pdf = timed(lambda: reporting.render(REQUEST, snapshot, OPTS, issued_on=TODAY), repeat)
    result = Result(name, len(snapshot["agencies"]), setup_s, (d_first, d_median), (g_first, g_median),
                    (r_first, r_median), page_count(pdf), len(pdf) / 1024)
    result.signing = signing_cost(db, snapshot, repeat)
    if keep:
        (keep / f"{name}-rasad.pdf").write_bytes(pdf)
    if weasyprint is not None:
        h_first, h_median, _ = timed(lambda: html_for(snapshot, OPTS, page_info(REQUEST, snapshot, OPTS)), repeat)
        w_first, w_median, wpdf = timed(lambda: weasy_pdf(snapshot), repeat)
        result.peer, result.peer_html = (w_first, w_median), (h_first, h_median)
        result.peer_pages = len(weasyprint.HTML(string=html_for(snapshot, OPTS)).render().pages)
        result.peer_size_kb = len(wpdf) / 1024
        if keep:
            (keep / f"{name}-weasyprint.pdf").write_bytes(wpdf)
            (keep / f"{name}-weasyprint.html").write_text(html_for(snapshot, OPTS), encoding="utf-8")
    return result


def signing_cost(db: Database, snapshot: dict[str, Any], repeat: int) -> dict[str, tuple[float, float]]:
    """What issuing costs beside a draft, interleaved (min, median) in ms: ``draft`` and
    ``issue`` end to end (the issue numbers, signs, stores and audits; its office key opens
    on a thread while the report renders), and the parts alone: the render, opening the
    sealed key (scrypt) and the PAdES signature."""
    from rasad_desktop.formats import backup_container
    from rasad_desktop.reports import signature
    from rasad_desktop.services.signing import Credentials

    sign_in = Credentials("bench signing passphrase")
    actor = Actor("bench", Role.ADMIN)
    sealed = backup_container.encrypt(signature.new_certificate(OPTS.office), sign_in.passphrase, compress=False)
    times: dict[str, list[float]] = {"draft": [], "issue": [], "render": [], "unseal": [], "sign": []}
    with db.session() as s:
        reporting.issue(s, actor, REQUEST, OPTS, today=TODAY, credentials=sign_in)  # makes the office certificate
        for _ in range(repeat):
            t = time.perf_counter()
            reporting.draft(s, REQUEST, OPTS, today=TODAY)
            times["draft"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            reporting.issue(s, actor, REQUEST, OPTS, today=TODAY, credentials=sign_in)
            times["issue"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            pdf = reporting.render(REQUEST, snapshot, OPTS, number="1405/0001", issued_on=TODAY,
                                   signer_fingerprint="0" * 64, audit_anchor="1:" + "0" * 64)
            times["render"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            ident = signature.open_bundle(backup_container.decrypt(sealed, sign_in.passphrase)[1])
            times["unseal"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            signature.sign(pdf, ident, reason="bench")
            times["sign"].append((time.perf_counter() - t) * 1000)
    return {k: (min(v), statistics.median(v)) for k, v in times.items()}


def report(r: Result) -> None:
    def ms(pair: tuple[float, float]) -> str:
        return f"first {pair[0]:7.0f} ms, median {pair[1]:7.0f} ms"

    print(f"\n{r.name} province: {r.agencies} agencies (built in {r.setup_s:.1f} s)")
    print(f"  Rasad draft       {ms(r.draft)}   ({r.pages} pages, {r.size_kb:.0f} KB)")
    print(f"    gather          {ms(r.gather)}")
    print(f"    render          {ms(r.render)}")
    if r.signing:
        c = r.signing

        def pair(key: str) -> str:
            return f"{c[key][0]:5.0f} / {c[key][1]:5.0f} ms"

        added = 100 * (c["issue"][1] - c["draft"][1]) / c["draft"][1]
        print(f"  issuing, interleaved (min / median): draft {pair('draft')}, issue {pair('issue')}: "
              f"issuing adds {added:.0f} % to the draft (target < 100 %)")
        print(f"    the parts alone: render {pair('render')}, open the key {pair('unseal')}, sign {pair('sign')}")
    if r.peer and r.peer_html:
        print(f"  WeasyPrint        {ms(r.peer)}   ({r.peer_pages} pages, {r.peer_size_kb:.0f} KB)")
        print(f"    of which HTML   {ms(r.peer_html)}")


def summary(results: list[Result]) -> None:
    demo, large = results
    print("\nsummary (medians)")
    for r, target in ((demo, 500), (large, 2000)):
        total = r.draft[1]
        verdict = "meets" if total <= target else "MISSES"
        print(f"  {r.name:<6} report   {total / 1000:5.2f} s   (target ≤ {target / 1000:g} s: {verdict})")
    for r in results:
        if r.peer is None:
            continue
        render_x = r.peer[1] / r.render[1]
        whole_x = (r.gather[1] + r.peer[1]) / r.draft[1]
        verdict = "meets" if render_x >= 5 else "MISSES"
        print(f"  {r.name:<6} vs WeasyPrint   render {render_x:4.1f}×, whole report {whole_x:4.1f}×   "
              f"(target ≥ 5×, on render: {verdict})")
    if weasyprint is None:
        print("  vs WeasyPrint     not measured (WeasyPrint is not installed)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="build the databases (and write the PDFs) in this folder and keep them")
    parser.add_argument("--repeat", type=int, default=5, help="timed calls of each step (default 5)")
    parser.add_argument("--large-years", type=int, default=2, help="fiscal years in the large province (default 2)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rasad-bench-reports-"))
    folder.mkdir(parents=True, exist_ok=True)
    keep = folder if args.keep else None

    if weasyprint is None:
        print(f"WeasyPrint is not available ({WEASYPRINT_MISSING}); only Rasad's figures are printed.\n"
              "To compare: pip install weasyprint   (Debian/Ubuntu also: "
              "apt-get install libpango-1.0-0 libpangoft2-1.0-0)")
    else:
        print(f"WeasyPrint {weasyprint.__version__}")

    results = []
    for name in ("demo", "large"):
        path = folder / f"{name}.db"
        path.unlink(missing_ok=True)
        db = Database.open(f"sqlite:///{path.as_posix()}")
        t = time.perf_counter()
        if name == "demo":
            with db.session() as s:
                load_demo(s, Actor("bench", Role.ADMIN), YEAR, 8)
        else:
            large_province.build(db, first_year=YEAR + 1 - args.large_years, years=args.large_years,
                                 agencies=120, line_count=80)
        setup_s = time.perf_counter() - t
        results.append(measure(name, db, setup_s, args.repeat, keep))
        db.close()
        report(results[-1])
    summary(results)
    if keep:
        print(f"\nPDFs and databases kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
