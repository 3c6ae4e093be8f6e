"""A tiny province whose figures are computed by hand in the tests that use it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rasad_desktop.services import budget
from rasad_desktop.services.collections import Entry, save_month

LINES = [
    ("100000", "درآمدها", False),
    ("110000", "درآمدهای مالیاتی", False),
    ("110100", "مالیات اشخاص حقوقی", False),
    ("110104", "مالیات شرکت‌ها", False),
    ("140000", "درآمدهای حاصل از فروش کالاها و خدمات", False),
    ("140100", "فروش خدمات", False),
    ("140101", "خدمات آموزشی", True),
    ("200000", "واگذاری دارایی‌های سرمایه‌ای", False),
    ("210000", "منابع حاصل از واگذاری دارایی‌های سرمایه‌ای", False),
    ("210100", "فروش اموال", False),
    ("210101", "فروش ساختمان‌ها", False),
]
SCHEDULE_1404 = [x * 1000 for x in (10, 20, 30, 40, 50, 50, 60, 60, 70, 70, 70, 70)]


@dataclass
class Tiny:
    agency_ids: dict[str, int]


@pytest.fixture
def tiny(session, admin) -> Tiny:  # type: ignore[no-untyped-def]
    for y in (1403, 1404):
        budget.create_year(session, admin, y)
        for code, title, earmarked in LINES:
            budget.add_line(session, admin, y, code, title, earmarked=earmarked)
    ids = {}
    for code, name in (("1", "اداره کل الف"), ("2", "اداره کل ب"), ("3", "اداره کل پ")):
        ids[code] = budget.save_agency(session, admin, code, name).id
    # 1404
    budget.set_approved(session, admin, 1404, "1", "110104", 1_200_000)
    budget.set_approved(session, admin, 1404, "1", "210101", 1_000_000, revised=1_200_000)
    budget.set_approved(session, admin, 1404, "2", "140101", 600_000)
    budget.set_schedule(session, admin, 1404, "2", "140101", SCHEDULE_1404)
    for m in range(1, 8):
        save_month(session, admin, 1404, m, "1", [Entry("110104", 100_000)])
    save_month(session, admin, 1404, 3, "1", [Entry("210101", 150_000)])
    save_month(session, admin, 1404, 2, "2", [Entry("140101", 50_000)])
    save_month(session, admin, 1404, 5, "2", [Entry("140101", 100_000)])
    save_month(session, admin, 1404, 4, "3", [Entry("110104", 30_000)])  # no approved amount
    # 1403 (a leap year)
    budget.set_approved(session, admin, 1403, "1", "110104", 1_000_000)
    budget.set_approved(session, admin, 1403, "2", "140101", 480_000)
    for m in range(1, 7):
        save_month(session, admin, 1403, m, "1", [Entry("110104", 75_000)])
    save_month(session, admin, 1403, 6, "2", [Entry("140101", 120_000)])
    return Tiny(ids)
