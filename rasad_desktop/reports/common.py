"""What every report shares: options, number formatting, colours, standard headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from rasad_desktop.core.amounts import Unit, format_amount, format_points, format_ratio
from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status, Thresholds
from rasad_desktop.core.tables import RankedTable, ranked_table
from rasad_desktop.reports.flowables import BODY, SMALL, TITLE, RTLParagraph, Signatory


@dataclass(frozen=True)
class RenderOptions:
    unit: Unit = Unit.MILLION
    thresholds: Thresholds = field(default_factory=Thresholds)
    office: str = "اداره کل امور اقتصادی و دارایی استان"
    province: str = ""
    signatories: tuple[Signatory, ...] = ()


def signatories(prepared: tuple[str, str], approved: tuple[str, str],
                image: bytes | None = None) -> tuple[Signatory, ...]:
    """The signature block: a box for whoever has a name, the scan in the approver's."""
    out = []
    if prepared[0]:
        out.append(Signatory("تهیه‌کننده", *prepared))
    if approved[0]:
        out.append(Signatory("تأییدکننده", *approved, image=image))
    return tuple(out)


def options_from_settings(settings, unit: Unit, *, prepared_by: tuple[str, str] | None = None,  # type: ignore[no-untyped-def]
                          approved_by: tuple[str, str] | None = None,
                          signature_image: str | None = None) -> RenderOptions:
    """Report options from a workstation's ``config.Settings`` (what an old settings.json
    holds), with overrides. Only the command line still uses it, until it reads the office
    settings (``services.reporting.render_options``); everything else prints those."""
    prepared = prepared_by or (settings.get("prepared_by_name"), settings.get("prepared_by_title"))
    approved = approved_by or (settings.get("approved_by_name"), settings.get("approved_by_title"))
    path = signature_image or settings.get("signature_image") or None
    image = None
    if path:
        try:
            image = Path(path).read_bytes()
        except OSError:
            image = None  # a moved scan leaves the block without it rather than failing the report
    return RenderOptions(
        unit=unit,
        thresholds=Thresholds(settings.get("status_good"), settings.get("status_watch")),
        office=settings.get("office_fa"),
        province=settings.get("province_fa"),
        signatories=signatories(prepared, approved, image),
    )


STATUS_FILL = {
    Status.GOOD: colors.HexColor("#dcefdc"),
    Status.WATCH: colors.HexColor("#fbefc6"),
    Status.LAGGING: colors.HexColor("#f6d5d5"),
}
STATUS_BAR = {
    Status.GOOD: colors.HexColor("#3c8d4f"),
    Status.WATCH: colors.HexColor("#d59b12"),
    Status.LAGGING: colors.HexColor("#b8423c"),
    Status.NONE: colors.HexColor("#9aa3ad"),
}


def amount(value: int, opts: RenderOptions) -> str:
    return format_amount(value, opts.unit)


def pct(value: Fraction | None) -> str:
    return format_ratio(value)


def points(value: Fraction | None) -> str:
    return format_points(value)


def title_block(title: str, period: Period | None, opts: RenderOptions, subtitle: str = "") -> list[Flowable]:
    story: list[Flowable] = [RTLParagraph(title, TITLE)]
    if subtitle:
        story.append(RTLParagraph(subtitle, BODY.aligned("center")))
    if period is not None:
        story.append(RTLParagraph(period.label(), BODY.bold().aligned("center")))
    story.append(RTLParagraph(f"ارقام: {opts.unit.label()}", SMALL.aligned("left")))
    return story


def rounding_note(opts: RenderOptions) -> Flowable:
    if opts.unit is Unit.RIAL:
        return Spacer(1, 4)
    return RTLParagraph(
        f"ارقام به {opts.unit.label()} و گرد شده‌اند (نیم به بالا)؛ جمع‌ها از ارقام دقیق ریالی محاسبه و سپس "
        "گرد شده‌اند، از این رو ممکن است با جمع ارقام گردشدهٔ سطرها یکی دو واحد تفاوت داشته باشند.",
        SMALL.sized(7.5, 11),
    )


def agency_ranking(agencies: list[dict], through_month: int, opts: RenderOptions) -> RankedTable:
    return ranked_table(
        [(a["code"], a["name"], Figures(**a["figures"])) for a in agencies],
        through_month,
        thresholds=opts.thresholds,
    )


def legend(opts: RenderOptions) -> Flowable:
    t = opts.thresholds
    return RTLParagraph(
        f"رنگ سطرها: سبز = تحقق {format_ratio(Fraction(t.good, 100), decimals=0)} سهم دوره و بیشتر (مطلوب)؛ "
        f"زرد = {format_ratio(Fraction(t.watch, 100), decimals=0)} تا کمتر از "
        f"{format_ratio(Fraction(t.good, 100), decimals=0)} (نیازمند پیگیری)؛ "
        f"قرمز = کمتر از {format_ratio(Fraction(t.watch, 100), decimals=0)} (عقب‌مانده).",
        SMALL.sized(7.5, 11),
    )
