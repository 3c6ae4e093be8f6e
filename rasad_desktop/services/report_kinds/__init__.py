"""Report kinds, declared once: each kind is one module here with its ``KIND`` (key,
title, whether it needs a month or an agency, how its figures are gathered, which
builder draws it), named in ``REGISTERED``. The services, the command line's choices and
the interface's list of reports all read this registry; adding a kind means its module
(and, when it draws something new, its builder in ``reports/``) plus its name below.

The registry itself is light (the command line builds its parser from ``REGISTERED``): a
kind's module is imported when the kind is first asked for."""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from rasad_desktop.core.amounts import Unit
from rasad_desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rasad_desktop.reports.common import RenderOptions
    from rasad_desktop.reports.page import PageInfo

REGISTERED = ("monitoring", "agency", "letter", "circular", "comparison", "responses")


class Month(enum.Enum):
    """Whether a kind is "through a month" of the year."""

    REQUIRED = "required"  # monitoring: through month n
    OPTIONAL = "optional"  # a yearly report that may stop at a month
    NONE = "none"  # the whole year only


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    year: int
    through_month: int | None = None
    agency_code: str | None = None
    unit: Unit = Unit.MILLION

    def params(self) -> dict[str, Any]:
        return {"kind": self.kind, "year": self.year, "through_month": self.through_month,
                "agency": self.agency_code, "unit": self.unit.key}

    def check(self) -> ReportKind:
        """The request's kind, once the request has what that kind needs (else a Persian message)."""
        found = kind(self.kind)
        if found.month is Month.REQUIRED and self.through_month is None:
            raise ValidationError("برای این گزارش ماه پایان دوره (--through-month) لازم است.",
                                  "This report needs the last month of the period (--through-month).",
                                  code="month_required")
        if found.needs_agency and not self.agency_code:
            raise ValidationError("برای گزارش دستگاه، کد دستگاه (--agency) لازم است.",
                                  "The agency report needs an agency code (--agency).", code="agency_required")
        return found


@dataclass(frozen=True)
class ReportKind:
    key: str
    title_fa: str  # printed at the top of every page, and the name the interface shows
    title_en: str
    month: Month
    needs_agency: bool
    gather: Callable[[Session, ReportRequest], dict[str, Any]]  # the snapshot: plain JSON-able data
    render: Callable[[dict[str, Any], PageInfo, RenderOptions], bytes]

    def title(self, language: str = "fa") -> str:
        return self.title_en if language == "en" else self.title_fa


@cache
def kind(key: str) -> ReportKind:
    if key not in REGISTERED:
        raise ValidationError(
            f"نوع گزارش «{key}» شناخته نیست؛ یکی از {', '.join(REGISTERED)} را بخواهید.",
            f"Unknown report kind '{key}'; choose one of {', '.join(REGISTERED)}.",
            code="kind",
        )
    found: ReportKind = importlib.import_module(f"{__name__}.{key}").KIND
    return found


def kinds() -> list[ReportKind]:
    """Every kind, in the order the interface offers them."""
    return [kind(key) for key in REGISTERED]


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    """The snapshot of a request, once the request is complete."""
    return request.check().gather(session, request)
