"""What every report shares: options, number formatting, colours, standard headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit, format_amount, format_points, format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import Period, month_name
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.core.tables import RankedTable, ranked_table
from rasad_desktop.reports.flowables import BODY, SMALL, TITLE, RTLParagraph, Signatory


@dataclass(frozen=True)
class RenderOptions:
    unit: Unit = Unit.MILLION
    thresholds: Thresholds = field(default_factory=Thresholds)
    office: str = "اداره کل امور اقتصادی و دارایی استان"
    province: str = ""
    signatories: tuple[Signatory, ...] = ()
    office_id: str = ""  # the issuing office's identity, in the file's keywords for `verify`


PREPARER = "تهیه‌کننده"
APPROVER = "تأییدکننده"
APPROVER_TITLE = "مدیرکل"  # when the office has not set one


def signatories(prepared: tuple[str, str], approved: tuple[str, str],
                image: bytes | None = None) -> tuple[Signatory, ...]:
    """The signature block: the preparer's box when there is a name for it, and always
    the approver's, with the scan (without a name: its title over a line to sign on)."""
    out = []
    if prepared[0]:
        out.append(Signatory(PREPARER, *prepared))
    out.append(Signatory(APPROVER, approved[0], approved[1] or APPROVER_TITLE, image=image))
    return tuple(out)


def approver(opts: RenderOptions) -> Signatory:
    """Who signs a letter: the approver of the signature block (else an unnamed «مدیرکل»)."""
    found = [s for s in opts.signatories if s.role == APPROVER] or [s for s in opts.signatories if s.role != PREPARER]
    return found[-1] if found else Signatory(APPROVER, "", APPROVER_TITLE)


STATUS_FILL = {status: colors.HexColor(hex_) for status, hex_ in palette.STATUS_FILL.items()}
STATUS_BAR = {status: colors.HexColor(hex_) for status, hex_ in palette.STATUS_MARK.items()}


def amount(value: int, opts: RenderOptions) -> str:
    return format_amount(value, opts.unit)


def pct(value: Fraction | None) -> str:
    return format_ratio(value)


def points(value: Fraction | None) -> str:
    return format_points(value)


def during(period: Period) -> str:
    """The period as running text opens a sentence with it: «از ابتدای فروردین تا پایان
    شهریور ۱۴۰۵» (never «در دورهٔ از ابتدای …»), «در فروردین ۱۴۰۵», «در سال ۱۴۰۵»."""
    year = localize_digits(str(period.year))
    if period.through_month == 12:
        return f"در سال {year}"
    if period.through_month == 1:
        return f"در {month_name(1)} {year}"
    return period.label()


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
