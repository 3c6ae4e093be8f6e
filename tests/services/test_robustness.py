"""Robustness: hypothesis drives every service input.

Random Unicode (surrogate-free), huge numbers and strings, empty and white-space strings,
control characters, Persian/Arabic-Indic/Latin digits mixed in one value. The property,
for every service: the call either succeeds and what the database then holds (re-read
through a new session) equals the validated, normalised input — as ``services.validate``,
``core.ids``, ``core.text`` and ``services.passwords`` say it should be — or it raises a
``RasadError`` whose Persian message has Persian letters and leaves no row behind. Any
other exception fails the test, and so does a refusal of an input the validators accept
(or an acceptance of one they refuse). Where a value's meaning is known independently
(a typed amount built from a number, a national ID built with its check digit), that
meaning is checked too.

Each example gets a fresh SQLite database: a small world (two fiscal years, agencies, an
approved amount with a monthly schedule, a collection, a registered request, a user) is
built once into a template file, which is copied per example. Password hashing uses a
cheap argon2 setting here, so a hundred sign-ins take milliseconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.classification import parent as parent_code
from rasad_desktop.core.digits import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS, to_latin_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.ids import (
    TrackingCode,
    national_id_check_digit,
    validate_mobile,
    validate_national_id,
)
from rasad_desktop.core.sealed_text import is_sealed
from rasad_desktop.core.text import normalize, search_key
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    Base,
    ClassificationNode,
    Collection,
    FiscalYear,
    MonthlySchedule,
    Notice,
    RequestEvent,
    ServiceRequest,
    User,
)
from rasad_desktop.services import accounts, budget, notices, passwords, personal, requests, validate
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.requests import MOVES, NewRequest
from rasad_desktop.services.roles import Actor, Role

ADMIN = Actor("admin-test", Role.ADMIN)
CLERK_NAME, CLERK_PASSWORD = "clerk.one", "old-secret-1"
REQUEST_MOBILE = "09141234567"
SCHEDULED = ("2", "140101", 600_000)  # agency, line, amount in force with a monthly schedule
COLLECTED = (1404, 5, "1", "110104", 100_000)  # the one collection in the world
LINES = [  # (code, title) of Table 5 in both years
    ("100000", "درآمدها"), ("110000", "درآمدهای مالیاتی"), ("110100", "مالیات اشخاص حقوقی"),
    ("110104", "مالیات شرکت‌ها"), ("140000", "فروش کالاها و خدمات"), ("140100", "فروش خدمات"),
    ("140101", "خدمات آموزشی"), ("200000", "واگذاری دارایی‌های سرمایه‌ای"),
    ("210000", "منابع واگذاری دارایی‌ها"), ("210100", "فروش اموال"), ("210101", "فروش ساختمان‌ها"),
]
ROW_CODES = [c for c, _ in LINES if not c.endswith("00")]

ROBUST = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
FEW = settings(ROBUST, max_examples=80)


# ------------------------------------------------------------------ the world
@dataclass(frozen=True)
class World:
    template: Path
    folder: Path
    tracking_code: str
    clerk: Actor
    counter: Iterator[int]

    @contextmanager
    def fresh(self) -> Iterator[Database]:
        """A new database copied from the template; removed afterwards."""
        path = self.folder / f"example-{next(self.counter)}.db"
        shutil.copyfile(self.template, path)
        db = Database.open(f"sqlite:///{path.as_posix()}")
        try:
            yield db
        finally:
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture(scope="module")
def cheap_hashing() -> Iterator[None]:
    """argon2id with tiny costs: the same code paths, a thousand times faster."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
        cheap = passwords.hash_password("dummy-password")  # what unknown users are checked against
        if hasattr(accounts, "_dummy_hash"):
            mp.setattr(accounts, "_dummy_hash", lambda: cheap)
        if hasattr(accounts, "_DUMMY_HASH"):
            mp.setattr(accounts, "_DUMMY_HASH", cheap)
        yield


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, cheap_hashing: None) -> Iterator[World]:
    # in memory where there is a tmpfs: each example's commit then costs no disk flush
    shm = Path("/dev/shm")
    in_memory = shm.is_dir() and os.access(shm, os.W_OK)
    folder = Path(tempfile.mkdtemp(prefix="rasad-robustness-", dir=shm)) if in_memory else \
        tmp_path_factory.mktemp("robustness")
    try:
        yield _build_world(folder)
    finally:
        if in_memory:
            shutil.rmtree(folder, ignore_errors=True)


def _build_world(folder: Path) -> World:
    template = folder / "template.db"
    db = Database.open(f"sqlite:///{template.as_posix()}")
    with db.session() as s:
        for year in (1403, 1404):
            budget.create_year(s, ADMIN, year, note="سال")
            for code, title in LINES:
                budget.add_line(s, ADMIN, year, code, title)
        budget.save_agency(s, ADMIN, "1", "اداره کل الف")
        budget.save_agency(s, ADMIN, "2", "اداره کل ب")
        budget.set_approved(s, ADMIN, 1404, "1", "110104", 1_200_000)
        agency, line, amount = SCHEDULED
        budget.set_approved(s, ADMIN, 1404, agency, line, amount)
        budget.set_schedule(s, ADMIN, 1404, agency, line, [amount // 12] * 12)
        year, month, agency, line, amount = COLLECTED
        save_month(s, ADMIN, year, month, agency, [Entry(line, amount)])
        view = requests.register(s, ADMIN, NewRequest("complaint", "phone", "علی رضایی", "0013542419",
                                                      REQUEST_MOBILE, "تأخیر", "متن شکایت"), workstation=3)
        user, _ = accounts.create_user(s, ADMIN, CLERK_NAME, Role.DATA_ENTRY, CLERK_PASSWORD)
        clerk = Actor(CLERK_NAME, Role.DATA_ENTRY, user.id)
    db.close()
    assert not Path(f"{template}-wal").exists()  # the last close checkpointed the log
    return World(template, folder, view.tracking_code, clerk, itertools.count())


# ------------------------------------------------------------------ the property
REFUSED = object()


def persian(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def row_counts(session: Session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def expected(compute: Callable[[], Any]) -> Any:
    """What the validators say: the normalised value, or REFUSED."""
    try:
        return compute()
    except RasadError:
        return REFUSED


def check(world: World, call: Callable[[Session], Any], expect: Callable[[Session], Any],
          verify: Callable[[Session, Any, Any], None]) -> None:
    """Run ``call`` on a fresh database; it must agree with ``expect``; ``verify`` then
    compares what a new session reads back with the expected value."""
    with world.fresh() as db:
        with db.session() as s:
            want = expected(lambda: expect(s))
            s.rollback()
            before = row_counts(s)
            s.rollback()
            try:
                got = call(s)
            except RasadError as err:
                event(f"refused: {err.code or type(err).__name__}")
                assert persian(err.message_fa), f"not a Persian message: {err.message_fa!r}"
                assert want is REFUSED, f"a valid input was refused: {err.message_en}"
                s.rollback()
                assert row_counts(s) == before, "a refused call left rows behind"
                return
            event("accepted")
            assert want is not REFUSED, f"an input validation refuses was accepted, giving {got!r}"
        with db.session() as fresh:
            verify(fresh, want, got)


# ------------------------------------------------------------------ strategies
DIGIT_FORMS = (LATIN_DIGITS, PERSIAN_DIGITS, ARABIC_DIGITS)


@st.composite
def mixed_digits(draw: st.DrawFn, latin: str) -> str:
    """``latin`` with each digit in a Latin, Persian or Arabic-Indic form."""
    return "".join(DIGIT_FORMS[draw(st.integers(0, 2))][int(c)] if c in LATIN_DIGITS else c for c in latin)


TRICKY_CHARS = st.sampled_from(list(
    "يكى\u0640\u200c\u200d\u200e\u200f\u202b\u2067\u061c\ufeff\u00a0\u2003\u3000\t\n\r\x0b\x0c\x1f\x00\x07\x7f"
    "\u0085\u0301\u0654\u064b ٠١٢٣۴۵۶5e-,٬٫./()+ریال"))
TRICKY_WORDS = st.sampled_from(["ماليات", "می\u200cشود", "  ", "\u200c \u200c", "e\u0640\u0301", "ي\u0654",
                                "a\u200c \u200cb", "اداره كل", "١٢٣", "\r\n"])
HUGE_TEXT = st.builds(lambda piece, n: piece * n, st.sampled_from(["ا", "a ", "\u200c", "x\u0640", "۱", "\x01"]),
                      st.integers(90, 25_000))
TEXT = st.one_of(
    st.text(max_size=40),  # any surrogate-free Unicode
    st.text(alphabet=st.one_of(TRICKY_CHARS, st.characters(exclude_categories=("Cs",))), max_size=30),
    st.lists(TRICKY_WORDS | st.text(max_size=3), max_size=6).map("".join),
    st.sampled_from(["", " ", "\t\n", "\u200c", "\u00a0\u3000", "\u200f"]),
    HUGE_TEXT,
)
# text a person may well type: Persian and Arabic letters, digits of every form, ZWNJ,
# tatweel, direction marks and odd spaces that normalisation must handle
NICE_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىۀئأؤة ـ۰۱۲٠١٢012abcXYZ-.،؛()«»"
                                          "\u200c\u00a0\u200f\u0654\u064b\u0301  ")), min_size=1, max_size=60),
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30),
)


def mostly(valid: st.SearchStrategy[Any], junk: st.SearchStrategy[Any], weight: int = 6) -> st.SearchStrategy[Any]:
    """``valid`` weight times as often as ``junk``: each field is usually plausible, so
    that the fields checked after it are reached too."""
    return st.integers(0, weight).flatmap(lambda i: valid if i else junk)


ANY_TEXT = mostly(NICE_TEXT, TEXT, 3)
OPTIONAL_TEXT = st.one_of(st.just(""), ANY_TEXT)
HUGE_INTS = st.sampled_from([10**17, 10**17 + 1, -(10**17), -(10**17) - 1, 2**63 - 1, 2**63, -(2**63), 2**64,
                             10**40, -(10**40), 10**5000, -(10**5000)])  # the last: too long to print
INTS = st.one_of(st.integers(), st.integers(-(2**70), 2**70), HUGE_INTS)


@st.composite
def national_ids(draw: st.DrawFn) -> str:
    first = draw(st.text(LATIN_DIGITS, min_size=9, max_size=9))
    nid = first + str(national_id_check_digit(first))
    if draw(st.booleans()):
        nid = nid[:3] + draw(st.sampled_from(["-", " ", "\u200c", ""])) + nid[3:]
    return draw(st.sampled_from(["", " ", "\t"])) + draw(mixed_digits(nid)) + draw(st.sampled_from(["", " "]))


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    body = "9" + draw(st.text(LATIN_DIGITS, min_size=9, max_size=9))
    prefix = draw(st.sampled_from(["0", "+98", "0098", "98", "", "+۹۸"]))
    sep = draw(st.sampled_from(["", " ", "-"]))
    text = prefix + body[:3] + sep + body[3:6] + sep + body[6:]
    if draw(st.booleans()):
        text = f"({text[:4]}) {text[4:]}"
    return draw(mixed_digits(text))


ID_TEXT = st.one_of(national_ids(), mobiles(), TEXT, st.text(LATIN_DIGITS + PERSIAN_DIGITS + " -", max_size=14))

UNITS = [("", 0), (" ریال", 0), ("ریال", 0), (" rials", 0), (" میلیون", 6), (" میلیون ریال", 6),
         ("میلیونریال", 6), (" Million Rials", 6), (" میلیارد", 9), (" میليارد ريال", 9), (" billion", 9)]
GROUP_SEPS = ["", ",", "٬", "،", " ", "'"]


def _grouped(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def typed_amounts(draw: st.DrawFn, negative: bool = True) -> tuple[str, int]:
    """A well-formed typed amount and the rials it means (computed here, not by the parser)."""
    whole = draw(st.integers(0, 10**19))
    unit, exponent = draw(st.sampled_from(UNITS))
    places = draw(st.integers(0, exponent))
    frac = draw(st.text(LATIN_DIGITS, min_size=places, max_size=places))
    rials = whole * 10**exponent + (int(frac) * 10 ** (exponent - places) if frac else 0)
    number = _grouped(str(whole), draw(st.sampled_from(GROUP_SEPS)))
    if frac or draw(st.booleans()) and exponent:
        number += draw(st.sampled_from([".", "٫", "/"])) + frac
    sign = draw(st.sampled_from(["", "", "+", "-", "−", "trailing", "()", "(unit)"] if negative else ["", "+"]))
    if sign == "trailing":
        text, rials = number + "-" + unit, -rials
    elif sign == "()":
        text, rials = f"({number}){unit}", -rials
    elif sign == "(unit)":
        text, rials = f"({number}{unit})", -rials
    elif sign in ("-", "−"):
        text, rials = sign + number + unit, -rials
    else:
        text = sign + number + unit
    return draw(st.sampled_from(["", " ", "\u200f"])) + draw(mixed_digits(text)), rials


JUNK_AMOUNTS = st.one_of(
    TEXT,
    st.sampled_from(["1.5", "1e5", "1,5", "1,2345", "۱٫۵ میلیون", "0x10", "NaN", "inf", "--5", "(-5)", "5 تومان",
                     "12345678901234567890123", "۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸", "١٬٠٠٠", "1 000 000", "   ", "", "()",
                     "ریال", "-", "+", "1.0000001 میلیون", "(1,000 ریال)", "1,000 ریال-"]),
    st.text(alphabet=st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩,٬٫.-+() ")), max_size=30),
)


def amounts(negative: bool = True) -> st.SearchStrategy[Any]:
    """(value, rials or None): typed text with a known meaning, ints, floats, bools, junk."""
    return st.one_of(
        typed_amounts(negative),
        INTS.map(lambda v: (v, v)),
        JUNK_AMOUNTS.map(lambda v: (v, None)),
        st.floats(allow_nan=True).map(lambda v: (v, None)),
        st.booleans().map(lambda v: (v, None)),
    )


def expect_amount(value: Any, rials: int | None, what: str, *, negative: bool) -> int:
    """The validated amount; where the meaning is known independently, check it too: a
    well-formed amount within the bounds must be read as exactly what it means."""
    in_bounds = rials is not None and (negative or rials >= 0) and abs(rials) <= validate.MAX_BUDGET_AMOUNT
    try:
        got = validate.amount(value, what, what, allow_negative=negative)
    except RasadError as err:
        if in_bounds:
            raise AssertionError(f"{value!r} means {rials} but was refused: {err.message_en}") from err
        raise
    assert rials is None or got == rials, f"{value!r} read as {got}, means {rials}"
    return got


CODES = st.one_of(st.sampled_from([c for c, _ in LINES]).flatmap(mixed_digits),
                  st.text(LATIN_DIGITS, min_size=5, max_size=7).flatmap(mixed_digits), TEXT, INTS)
AGENCY_CODES = mostly(st.sampled_from(["1", "2", " 1 ", "3", "۲\u200f"]).flatmap(mixed_digits), TEXT, 3)
COLUMNS = mostly(st.sampled_from(["provincial", "national"]), TEXT)
AMOUNTS = mostly(st.one_of(typed_amounts(), st.integers(-(10**17), 10**17).map(lambda v: (v, v))), amounts(), 2)
PLAIN_AMOUNTS = mostly(st.one_of(typed_amounts(negative=False), st.integers(0, 10**17).map(lambda v: (v, v))),
                       amounts(negative=False), 2)


def expect_agency_code(session: Session, code: Any) -> str:
    """The stored code of the agency a typed code finds (NotFound: REFUSED)."""
    return budget.find_agency(session, code).code


# ------------------------------------------------------------------ requests
@ROBUST
@given(kind=mostly(st.sampled_from(list(requests.KINDS)), TEXT, 12),
       channel=mostly(st.sampled_from(list(requests.CHANNELS)), TEXT, 12),
       name=mostly(NICE_TEXT, TEXT, 10), national_id=mostly(national_ids(), ID_TEXT, 10),
       mobile=mostly(mobiles(), ID_TEXT, 10), subject=mostly(NICE_TEXT, TEXT, 10), body=mostly(NICE_TEXT, TEXT, 10),
       agency=mostly(st.one_of(st.none(), st.sampled_from(["1", "۲", " 2 "])), AGENCY_CODES, 8),
       workstation=mostly(st.integers(0, 99), INTS, 12))
def test_register(world, kind, channel, name, national_id, mobile, subject, body, agency, workstation):
    new = NewRequest(kind, channel, name, national_id, mobile, subject, body, agency)

    def expect(s: Session) -> dict[str, Any]:
        if kind not in requests.KINDS or channel not in requests.CHANNELS or not 0 <= workstation <= 99:
            raise RasadError("نامعتبر")
        return {
            "kind": kind, "channel": channel,
            "requester_name": validate.text(name, "نام", "name", max_len=200),
            "national_id": validate_national_id(national_id),
            "mobile": validate_mobile(mobile),
            "subject": validate.text(subject, "موضوع", "subject", max_len=300),
            "body": validate.text(body, "متن", "body", max_len=20_000, multiline=True),
            "agency": expect_agency_code(s, agency) if agency else None,
        }

    def verify(s: Session, want: dict[str, Any], view: requests.RequestView) -> None:
        row = s.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == view.tracking_code))
        agency_code = s.get(Agency, row.agency_id).code if row.agency_id else None
        got = {"kind": row.kind, "channel": row.channel, "requester_name": row.requester_name,
               "national_id": personal.reveal(s, row.national_id, personal.NATIONAL_ID),
               "mobile": personal.reveal(s, row.mobile, personal.MOBILE), "subject": row.subject, "body": row.body,
               "agency": agency_code}
        assert got == want
        assert is_sealed(row.national_id) and is_sealed(row.mobile)  # stored sealed, whatever was typed
        assert (view.national_id, view.mobile, view.subject) == (want["national_id"], want["mobile"], want["subject"])
        assert TrackingCode.parse(view.tracking_code).station == workstation
        assert s.scalar(select(func.count()).select_from(RequestEvent)
                        .where(RequestEvent.request_id == row.id, RequestEvent.action == "registered")) == 1

    check(world, lambda s: requests.register(s, ADMIN, new, workstation=workstation), expect, verify)


@st.composite
def typed_codes(draw: st.DrawFn, real: str) -> str:
    """The request's own code as someone may type it, or one digit off."""
    code = TrackingCode.parse(real)
    shown = draw(st.sampled_from([code.digits, code.format(), code.format("fa"),
                                  f" {code.digits[:6]} {code.digits[6:]} ", code.digits[:-1] + "0"]))
    return draw(mixed_digits(shown))


def draw_code(world: World, data: st.DataObject) -> str:
    """The template's code depends on the day it was built, so it is drawn at run time."""
    strategy = mostly(typed_codes(world.tracking_code),
                      st.one_of(TEXT, st.text(LATIN_DIGITS + "-", min_size=13, max_size=15)), 8)
    return data.draw(strategy, label="tracking code")


def expect_found(typed: str, real: str) -> None:
    if TrackingCode.parse(typed).digits != real:
        raise RasadError("پیدا نشد")


@ROBUST
@given(data=st.data(), text=ANY_TEXT)
def test_answer(world, data, text):
    code = draw_code(world, data)

    def expect(s: Session) -> str:
        expect_found(code, world.tracking_code)
        return validate.text(text, "پاسخ", "answer", max_len=20_000, multiline=True)

    def verify(s: Session, want: str, view: requests.RequestView) -> None:
        row = s.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == world.tracking_code))
        assert (row.status, row.answer, view.answer) == ("answered", want, want)
        event = s.scalars(select(RequestEvent).order_by(RequestEvent.id.desc())).first()
        assert (event.action, event.text, event.internal) == ("answer", want, False)

    check(world, lambda s: requests.answer(s, world.clerk, code, text), expect, verify)


@ROBUST
@given(data=st.data(), text=ANY_TEXT)
def test_add_note(world, data, text):
    code = draw_code(world, data)

    def expect(s: Session) -> str:
        expect_found(code, world.tracking_code)
        return validate.text(text, "یادداشت", "note", max_len=5000, multiline=True)

    def verify(s: Session, want: str, _: None) -> None:
        event = s.scalars(select(RequestEvent).order_by(RequestEvent.id.desc())).first()
        assert (event.action, event.text, event.internal) == ("note", want, True)
        row = s.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == world.tracking_code))
        assert row.answer == "" and row.status == "registered"  # a note is never the answer

    check(world, lambda s: requests.add_note(s, world.clerk, code, text), expect, verify)


@ROBUST
@given(data=st.data(), to_status=mostly(st.sampled_from(list(requests.STATUSES)), TEXT),
       text=OPTIONAL_TEXT)
def test_move(world, data, to_status, text):
    code = draw_code(world, data)

    def expect(s: Session) -> tuple[str, str]:
        expect_found(code, world.tracking_code)
        if to_status not in MOVES["registered"] or to_status == "answered":
            raise RasadError("نامجاز")
        return to_status, validate.text(text, "توضیح", "comment", max_len=5000, required=False, multiline=True)

    def verify(s: Session, want: tuple[str, str], view: requests.RequestView) -> None:
        row = s.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == world.tracking_code))
        event = s.scalars(select(RequestEvent).order_by(RequestEvent.id.desc())).first()
        assert (row.status, view.status, event.to_status, event.text) == (want[0], want[0], want[0], want[1])
        assert (row.closed_at is not None) == (want[0] == "closed")

    check(world, lambda s: requests.move(s, world.clerk, code, to_status, text=text), expect, verify)


@ROBUST
@given(data=st.data(), last4=st.one_of(st.none(), st.just(REQUEST_MOBILE[-4:]).flatmap(mixed_digits),
                                       st.text(LATIN_DIGITS + PERSIAN_DIGITS, max_size=5), TEXT, st.integers()))
def test_lookup_and_search(world, data, last4):
    code = draw_code(world, data)
    right = last4 is not None and to_latin_digits(str(last4)).strip() == REQUEST_MOBILE[-4:]
    with world.fresh() as db, db.session() as s:
        before = row_counts(s)
        found = expected(lambda: expect_found(code, world.tracking_code)) is not REFUSED
        try:
            got = requests.lookup(s, Actor("v", Role.VIEWER), code, last4)
        except RasadError as err:
            event(f"refused: {err.code}")
            assert persian(err.message_fa)
            assert not found or (last4 is not None and not right)
        else:
            event("found")
            assert found
            if last4 is None:
                assert isinstance(got, requests.PublicStatus) and not hasattr(got, "answer")
            else:
                assert right and got.mobile == "0914•••••••" and got.masked  # a viewer sees it masked
                assert got.body == "" and "4567" not in repr(got)  # neither the text nor the factor
        needle = data.draw(TEXT, label="search text")
        status = data.draw(st.one_of(st.none(), st.sampled_from(list(requests.STATUSES)), TEXT), label="status")
        rows = requests.search(s, Actor("c", Role.DATA_ENTRY), text=needle, status=status)
        assert all(isinstance(r, requests.RequestView) for r in rows)
        after = row_counts(s)
        # a lookup of a request that exists is audited (one row), and writes nothing else
        assert after.pop("audit_log") - before.pop("audit_log") == (1 if found else 0)
        assert after == before


# ------------------------------------------------------------------ collections
ENTRY = st.tuples(mostly(st.sampled_from(ROW_CODES + ["110100"]).flatmap(mixed_digits), CODES, 8),
                  st.one_of(st.none(), AMOUNTS, AMOUNTS, AMOUNTS), COLUMNS, OPTIONAL_TEXT)


def month_cells(s: Session, year: int, month: int, agency: str) -> dict[tuple[str, str], tuple[int, str]]:
    rows = s.execute(select(ClassificationNode.code, Collection.budget_column, Collection.amount,
                            Collection.document_ref)
                     .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
                     .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id)
                     .join(Agency, Agency.id == Collection.agency_id)
                     .where(FiscalYear.year == year, Collection.month == month, Agency.code == agency)).all()
    return {(c, col): (a, r) for c, col, a, r in rows}


@ROBUST
@given(entries=st.lists(ENTRY, min_size=0, max_size=3),
       year=mostly(st.just(1404), INTS, 12), month=mostly(st.just(5), st.one_of(st.integers(-2, 14), INTS), 8),
       agency=mostly(st.sampled_from(["1", "۱"]), AGENCY_CODES, 8))
def test_save_month(world, entries, year, month, agency):
    typed = [Entry(code, None if amount is None else amount[0], column, ref) for code, amount, column, ref in entries]

    def expect(s: Session) -> tuple[tuple[int, int, str], dict[tuple[str, str], tuple[int, str]], int]:
        fy = budget.find_year(s, validate.year(year))
        m = validate.month(month)
        agency_code = expect_agency_code(s, agency)
        cells = month_cells(s, fy.year, m, agency_code)
        changed = 0
        seen = set()
        for code, amount, column, ref in entries:
            c = budget.find_line(s, fy.id, validate.code(code)).code
            col = validate.budget_column(column)
            if (c, col) in seen:
                raise RasadError("تکراری")
            seen.add((c, col))
            value = None if amount is None else expect_amount(*amount, "وصولی", negative=True)
            r = validate.text(ref, "سند", "ref", max_len=100, required=False)
            if value is None:
                changed += cells.pop((c, col), None) is not None
            else:
                changed += cells.get((c, col)) != (value, r)
                cells[(c, col)] = (value, r)
        return (fy.year, m, agency_code), cells, changed

    def verify(s: Session, want: tuple, changed: int) -> None:
        key, cells, count = want
        assert month_cells(s, *key) == cells
        assert changed == count
        # saving back exactly what is stored changes nothing (the normalisation is idempotent)
        again = [Entry(c, a, col, r) for (c, col), (a, r) in cells.items()]
        assert save_month(s, ADMIN, *key, again) == 0

    check(world, lambda s: save_month(s, world.clerk, year, month, agency, typed), expect, verify)


# ------------------------------------------------------------------ budget
@ROBUST
@given(year=mostly(st.integers(1295, 1505),
                  st.one_of(INTS, st.booleans(), st.sampled_from(["1405", "۱۴۰۵", None, 1405.0]))),
       note=OPTIONAL_TEXT)
@example(year=10**5000, note="")  # too long to print: the message used to raise ValueError
def test_create_year(world, year, note):
    def expect(s: Session) -> tuple[int, str]:
        y = validate.year(year)
        assert isinstance(y, int) and not isinstance(y, bool) and 1300 <= y <= 1500
        if y in (1403, 1404):
            raise RasadError("هست")
        return y, validate.text(note, "یادداشت", "note", max_len=500, required=False)

    def verify(s: Session, want: tuple[int, str], _: FiscalYear) -> None:
        stored = s.scalar(select(FiscalYear).where(FiscalYear.year == want[0]))
        assert (stored.year, stored.note) == want

    check(world, lambda s: budget.create_year(s, ADMIN, year, note), expect, verify)


@ROBUST
@given(code=mostly(st.text(LATIN_DIGITS + PERSIAN_DIGITS + ARABIC_DIGITS + " \u200f", min_size=1, max_size=22),
                  st.one_of(AGENCY_CODES, NICE_TEXT), 2),
       name=ANY_TEXT, active=st.booleans())
@example(code="۳", name="اداره", active=True)  # stored with Persian digits, not found by «3»
@example(code="ى", name="اداره", active=True)  # stored as «ی», not found again by the code typed
def test_save_agency(world, code, name, active):
    def expect(s: Session) -> tuple[str, str]:
        c = to_latin_digits(validate.text(code, "کد", "code", max_len=20))
        return c, validate.text(name, "نام", "name", max_len=300)

    def verify(s: Session, want: tuple[str, str], _: Agency) -> None:
        agency = s.scalar(select(Agency).where(Agency.code == want[0]))
        assert (agency.code, agency.name, agency.search_key, agency.active) == (*want, search_key(want[1]), active)
        assert budget.find_agency(s, code).id == agency.id  # the code as typed finds it again
        assert s.scalar(select(func.count()).select_from(Agency)) == 2 + (want[0] not in ("1", "2"))

    check(world, lambda s: budget.save_agency(s, ADMIN, code, name, active=active), expect, verify)


@ROBUST
@given(year=mostly(st.just(1404), INTS, 10),
       code=mostly(st.sampled_from(["110105", "110199", "110200", "120000", "140102", "300000", "310000",
                                    "110104", "150101"]).flatmap(mixed_digits), CODES),
       title=ANY_TEXT, earmarked=st.booleans(), table_no=mostly(st.just(5), st.one_of(st.integers(-3, 120), INTS)))
@example(year=1404, code="300000", title="ردیف", earmarked=False, table_no=2**63)  # OverflowError
@example(year=1404, code="300000", title="ردیف", earmarked=False, table_no=0)
@example(year=1404, code=-(10**5000), title="ردیف", earmarked=False, table_no=5)
def test_add_line(world, year, code, title, earmarked, table_no):
    def expect(s: Session) -> tuple[int, str, str]:
        fy = budget.find_year(s, validate.year(year))
        c = validate.code(code)
        t = validate.text(title, "عنوان", "title", max_len=300)
        if isinstance(table_no, bool) or not isinstance(table_no, int) or not 1 <= table_no <= 99:
            raise RasadError("جدول")
        existing = {(5, line) for line, _ in LINES}
        above = parent_code(c)
        if (above and (table_no, above) not in existing) or (table_no, c) in existing:
            raise RasadError("گروه بالاتر نیست یا کد تکراری است")
        return fy.year, c, t

    def verify(s: Session, want: tuple[int, str, str], _: ClassificationNode) -> None:
        node = s.scalar(select(ClassificationNode).join(FiscalYear).where(
            FiscalYear.year == want[0], ClassificationNode.table_no == table_no, ClassificationNode.code == want[1]))
        assert (node.code, node.title, node.earmarked, node.table_no) == (*want[1:], earmarked, table_no)

    check(world, lambda s: budget.add_line(s, ADMIN, year, code, title, earmarked=earmarked, table_no=table_no),
          expect, verify)


@ROBUST
@given(agency=mostly(st.sampled_from(["1", "2"]).flatmap(mixed_digits), AGENCY_CODES, 10),
       line=mostly(st.sampled_from(["110104", "140101", "210101", "110100"]).flatmap(mixed_digits), CODES, 10),
       approved=PLAIN_AMOUNTS, revised=st.one_of(st.none(), st.none(), PLAIN_AMOUNTS),
       column=mostly(st.just("provincial"), COLUMNS), note=OPTIONAL_TEXT)
def test_set_approved(world, agency, line, approved, revised, column, note):
    def expect(s: Session) -> tuple[str, str, str, int, int | None, str]:
        fy, a, node, col = budget._cell(s, 1404, agency, line, column)
        if node.level != 4:
            raise RasadError("بند")
        value = expect_amount(*approved, "مصوب", negative=False)
        rev = None if revised is None else expect_amount(*revised, "اصلاحی", negative=False)
        n = validate.text(note, "یادداشت", "note", max_len=500, required=False)
        in_force = rev if rev is not None else value
        if (a.code, node.code, col) == (*SCHEDULED[:2], "provincial") and in_force != SCHEDULED[2]:
            raise RasadError("برنامهٔ ماهانه")
        return a.code, node.code, col, value, rev, n

    def verify(s: Session, want: tuple, _: Assignment) -> None:
        row = s.execute(select(Agency.code, ClassificationNode.code, Assignment.budget_column, Assignment.approved,
                               Assignment.revised, Assignment.note)
                        .join(Agency, Agency.id == Assignment.agency_id)
                        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
                        .where(Agency.code == want[0], ClassificationNode.code == want[1],
                               Assignment.budget_column == want[2])).one()
        assert tuple(row) == want

    check(world, lambda s: budget.set_approved(s, ADMIN, 1404, agency, line, approved[0],
                                               revised=None if revised is None else revised[0],
                                               budget_column=column, note=note), expect, verify)


@st.composite
def schedules(draw: st.DrawFn) -> list[tuple[Any, int | None]]:
    """Twelve typed amounts adding up to the amount in force, or anything else."""
    if draw(st.booleans()):
        cuts = sorted(draw(st.lists(st.integers(0, SCHEDULED[2]), min_size=11, max_size=11)))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, SCHEDULED[2]])]
        out = []
        for p in parts:
            if draw(st.booleans()):
                out.append((p, p))
            else:
                out.append((draw(mixed_digits(_grouped(str(p), draw(st.sampled_from(GROUP_SEPS))))), p))
        return out
    return draw(st.lists(amounts(negative=False), min_size=0, max_size=14))


@ROBUST
@given(typed=st.one_of(st.none(), schedules()))
def test_set_schedule(world, typed):
    values = None if typed is None else [v for v, _ in typed]

    def expect(s: Session) -> list[int] | None:
        if typed is None:
            return None
        if len(typed) != 12:
            raise RasadError("دوازده")
        amounts_ = [expect_amount(v, r, "برنامه", negative=False) for v, r in typed]
        if sum(amounts_) != SCHEDULED[2]:
            raise RasadError("جمع")
        return amounts_

    def verify(s: Session, want: list[int] | None, _: None) -> None:
        assert s.scalars(select(MonthlySchedule.amount).order_by(MonthlySchedule.month)).all() == (want or [])

    agency, line, _ = SCHEDULED
    check(world, lambda s: budget.set_schedule(s, ADMIN, 1404, agency, line, values), expect, verify)


# ------------------------------------------------------------------ accounts
VALID_USERNAMES = st.from_regex(r"[a-z][a-z0-9._-]{1,20}", fullmatch=True)
USERNAMES = st.one_of(
    st.from_regex(r"[A-Za-z][A-Za-z0-9._-]{0,70}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9._-]{1,20}", fullmatch=True),
    st.sampled_from([CLERK_NAME, " Clerk.One ", "\u212aelvin", "ali", "a", "علی", "x" * 64, "x" * 65]),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(["", " ", "\t"]),
              st.from_regex(r"[a-z][a-z0-9]{1,8}", fullmatch=True), st.sampled_from(["", " ", "\n"])),
    TEXT,
)
PASSWORDS = st.one_of(st.text(min_size=8, max_size=40), st.text(min_size=8, max_size=40), st.text(max_size=9), TEXT,
                      st.sampled_from(["aaaaaaaa", "        ", "x" * 128, "x" * 129 + "y", "clerk.one", "CLERK.ONE",
                                       CLERK_PASSWORD, "pass\x00word!", "گذرواژه‌ی خوب ۱۲۳"]))
USERNAME_RE = re.compile(r"[a-z][a-z0-9._-]{1,63}")


@FEW
@given(username=mostly(VALID_USERNAMES, USERNAMES, 3), role=mostly(st.sampled_from(list(Role)),
                                                                   st.sampled_from(["admin", None, 1])),
       password=mostly(st.one_of(st.none(), st.text(min_size=8, max_size=40)), PASSWORDS, 3),
       full_name=OPTIONAL_TEXT)
@example(username="ali.r", role=Role.VIEWER, password=None, full_name="\x1b")  # stored a control character
@example(username="ali.r", role=Role.VIEWER, password=None, full_name="ن" * 201)  # longer than the column
def test_create_user_then_sign_in(world, username, role, password, full_name):
    def expect(s: Session) -> tuple[str, str, str]:
        name = (username or "").strip().lower()
        if not USERNAME_RE.fullmatch(name) or not isinstance(role, Role) or name == CLERK_NAME:
            raise RasadError("نام یا نقش")
        if password is not None:
            passwords.check_policy(password, name)
        return name, role.value, validate.text(full_name, "نام", "name", max_len=200, required=False)

    def verify(s: Session, want: tuple[str, str, str], got: tuple[User, str | None]) -> None:
        user = s.scalar(select(User).where(User.username == want[0]))
        assert (user.username, user.role, user.full_name) == want
        generated = got[1]
        assert (generated is None) == (password is not None) and user.must_change_password == (password is None)
        signed = accounts.sign_in(s, username, password if password is not None else generated)
        assert (signed.actor.username, signed.actor.role.value) == want[:2]

    check(world, lambda s: accounts.create_user(s, ADMIN, username, role, password, full_name=full_name),
          expect, verify)


@FEW
@given(old=mostly(st.just(CLERK_PASSWORD), st.one_of(st.none(), PASSWORDS), 3),
       new=mostly(st.text(min_size=8, max_size=40), st.one_of(PASSWORDS, st.none()), 2))
def test_change_password(world, old, new):
    def expect(s: Session) -> str:
        if old != CLERK_PASSWORD:
            raise RasadError("فعلی نادرست")
        passwords.check_policy(new, CLERK_NAME)
        if new == CLERK_PASSWORD:
            raise RasadError("تکراری")
        return new

    def verify(s: Session, want: str, _: None) -> None:
        assert accounts.sign_in(s, CLERK_NAME, want).actor.username == CLERK_NAME
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(s, CLERK_NAME, CLERK_PASSWORD)

    check(world, lambda s: accounts.change_password(s, world.clerk, old, new), expect, verify)


@FEW
@given(username=mostly(st.sampled_from([CLERK_NAME, " CLERK.one\t"]), USERNAMES, 1),
       password=mostly(st.just(CLERK_PASSWORD), st.one_of(st.none(), PASSWORDS), 1))
def test_sign_in(world, username, password):
    known = (username or "").strip().lower() == CLERK_NAME
    right = known and password == CLERK_PASSWORD
    with world.fresh() as db:
        with db.session() as s:
            try:
                signed = accounts.sign_in(s, username, password)
            except RasadError as err:
                event(f"refused: {err.code}")
                assert persian(err.message_fa)
                assert not right, "the right password was refused"
            else:
                event("signed in")
                assert right
                assert signed.actor.username == CLERK_NAME and signed.actor.role is Role.DATA_ENTRY
        with db.session() as s:
            user = s.scalar(select(User).where(User.username == CLERK_NAME))
            assert user.failed_attempts == (1 if known and not right else 0)


# ------------------------------------------------------------------ notices
OFFSETS = st.timedeltas(min_value=-dt.timedelta(hours=23, minutes=59), max_value=dt.timedelta(hours=23, minutes=59))
DATETIMES = st.one_of(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2040, 1, 1)),
    st.datetimes(),
    st.datetimes(timezones=st.builds(dt.timezone, OFFSETS)),
    st.sampled_from([dt.datetime.min, dt.datetime.max, dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5))),
                     dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
                     dt.date(2030, 1, 1), "1404-01-01", None]),
)


def as_naive_utc(value: Any) -> dt.datetime:
    """Notices keep naive UTC; an aware time is converted, one that cannot be is refused."""
    if not isinstance(value, dt.datetime):
        raise RasadError("تاریخ")
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    except OverflowError:
        raise RasadError("بیرون از بازه") from None


@st.composite
def windows(draw: st.DrawFn) -> tuple[Any, Any]:
    """A start and an end: usually a window, each end naive UTC or the same instant with a
    time-zone offset; sometimes any two values."""
    if draw(st.integers(0, 3)) == 0:
        return draw(DATETIMES), draw(DATETIMES)
    start = draw(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1)))
    end = start + draw(st.one_of(st.just(dt.timedelta(microseconds=1)),
                                 st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400))))

    def shown(moment: dt.datetime) -> dt.datetime:
        if draw(st.booleans()):
            return moment
        offset = draw(OFFSETS)
        return (moment + offset).replace(tzinfo=dt.timezone(offset))

    return shown(start), shown(end)


@ROBUST
@given(title=ANY_TEXT, body=OPTIONAL_TEXT, window=windows(), kind=mostly(st.sampled_from(list(notices.KINDS)), TEXT))
@example(title="نگهداری", body="", kind="info",  # naive start, aware end: compared, not a TypeError
         window=(dt.datetime(2030, 1, 1), dt.datetime(2030, 1, 2, tzinfo=dt.UTC)))
@example(title="نگهداری", body="", kind="info",  # an aware start is stored as naive UTC, not as its wall time
         window=(dt.datetime(1999, 1, 1, tzinfo=dt.timezone(dt.timedelta(microseconds=1))),
                 dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
@example(title="نگهداری", body="", kind="info",
         window=(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5))), dt.datetime(2000, 1, 1)))
def test_post_notice(world, title, body, window, kind):
    starts, ends = window

    def expect(s: Session) -> tuple:
        t = validate.text(title, "عنوان", "title", max_len=200)
        b = validate.text(body, "متن", "body", max_len=4000, required=False, multiline=True)
        if kind not in notices.KINDS:
            raise RasadError("نوع")
        start, end = as_naive_utc(starts), as_naive_utc(ends)
        if end <= start:
            raise RasadError("بازه")
        return t, b, kind, start, end

    def verify(s: Session, want: tuple, notice: Notice) -> None:
        row = s.get(Notice, notice.id)
        assert (row.title, row.body, row.kind, row.starts_at, row.ends_at) == want

    check(world, lambda s: notices.post_notice(s, ADMIN, title, body, starts, ends, kind=kind), expect, verify)


# ------------------------------------------------------------------ the normalisation the services rely on
@settings(ROBUST, max_examples=400)
@given(text=TEXT)
@example("A\u0640\u0300")  # tatweel between a letter and its mark: À after one pass, not two
@example("a\u200c \u200cb")  # a ZWNJ beside a space survived one pass
@example("a \u200c \u200c b")  # two spaces were left
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "  " not in once and once == once.strip(" \u200c")
    assert not re.search(" \u200c|\u200c ", once)  # no stray ZWNJ beside a space
