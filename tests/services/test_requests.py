"""The requests register at the service level: workflow, lookup by code, search."""

from __future__ import annotations

import pytest

from rasad_desktop.core.digits import to_persian_digits
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.services import requests as rq
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Role

MOBILE = "09141234567"


def _register(session, actor, subject="پرسش درباره سهم درآمد", name="علی رضایی", workstation=1):  # type: ignore[no-untyped-def]
    return rq.register(session, actor, rq.NewRequest(
        "request", "phone", name, "0499370899", MOBILE, subject, "متن درخواست"), workstation=workstation)


def test_the_workflow_refuses_moves_it_does_not_allow_and_keeps_each_step(session, admin):
    code = _register(session, admin).tracking_code
    with pytest.raises(ValidationError) as err:
        rq.move(session, admin, code, "answered")  # answering needs the answer's text
    assert err.value.code == "status_move"
    rq.move(session, admin, code, "in_review")
    rq.answer(session, admin, code, "پاسخ به متقاضی")
    rq.move(session, admin, code, "closed")
    with pytest.raises(ValidationError) as err:
        rq.answer(session, admin, code, "پاسخ دوم")
    assert err.value.code == "answer_closed" and "بازگشایی" in err.value.message_fa
    view = rq.move(session, admin, code, "in_review", text="پاسخ کامل نبود")
    assert view.status == "in_review" and view.answer == "پاسخ به متقاضی" and view.closed_at is None
    steps = [(e.action, e.from_status, e.to_status) for e in rq.history(session, admin, code)]
    assert steps == [("registered", "", "registered"), ("status", "registered", "in_review"),
                     ("answer", "in_review", "answered"), ("status", "answered", "closed"),
                     ("reopen", "closed", "in_review")]


def test_internal_notes_are_for_staff_only(session, admin, viewer):
    code = _register(session, admin).tracking_code
    rq.add_note(session, admin, code, "پیگیری تلفنی با دستگاه")
    assert [e.action for e in rq.history(session, admin, code)] == ["registered", "note"]
    assert [e.action for e in rq.history(session, viewer, code)] == ["registered"]
    assert rq.get(session, admin, code).answer == ""


def test_lookup_tells_only_the_status_without_the_second_factor(session, admin, viewer):
    code = _register(session, admin).tracking_code
    rq.answer(session, admin, code, "آقای رضایی، سهم شما ۱۲ میلیون ریال است.")
    spoken = to_persian_digits(TrackingCode.parse(code).format())  # as read over the phone
    public = rq.lookup(session, viewer, spoken)
    assert isinstance(public, rq.PublicStatus) and public.status == "answered"
    assert "رضایی" not in repr(public)  # neither the name nor the answer
    with pytest.raises(ValidationError) as err:
        rq.lookup(session, viewer, spoken, "4568")
    assert err.value.code == "second_factor"
    full = rq.lookup(session, viewer, spoken, "۴۵۶۷")
    assert isinstance(full, rq.RequestView) and full.answer.startswith("آقای رضایی")
    assert full.masked and full.mobile != MOBILE and full.national_id != "0499370899"



def _lookups(session, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    import json

    from sqlalchemy import select

    from rasad_desktop.db.models import AuditLog

    return [json.loads(a)["factor"] for a in session.scalars(
        select(AuditLog.after).where(AuditLog.action == "request.lookup", AuditLog.entity_id == code)
        .order_by(AuditLog.id))]


def test_wrong_second_factors_are_limited_per_code_and_every_lookup_is_audited(session, admin, viewer):
    import datetime as dt

    from rasad_desktop.db.models import utcnow

    code = _register(session, admin).tracking_code
    now = utcnow()
    rq.lookup(session, viewer, code, now=now)
    for guess in range(rq.LOOKUP_LIMITS["per_code"]):
        with pytest.raises(ValidationError) as err:
            rq.lookup(session, viewer, code, f"{guess:04d}", now=now)
        assert err.value.code == "second_factor"
    with pytest.raises(ValidationError) as err:  # the right digits no longer help: guessing stops here
        rq.lookup(session, viewer, code, MOBILE[-4:], now=now)
    assert err.value.code == "lookup_limited" and "۲۴ ساعت" in err.value.message_fa
    clerk = Actor("counter", Role.DATA_ENTRY)  # another user is refused too: the limit is the code's
    with pytest.raises(ValidationError):
        rq.lookup(session, clerk, code, MOBILE[-4:], now=now)
    assert _lookups(session, code) == ["none"] + ["wrong"] * 5 + ["limited", "limited"]
    later = now + rq.LOOKUP_WINDOW + dt.timedelta(hours=1)
    assert rq.lookup(session, viewer, code, MOBILE[-4:], now=later).tracking_code == code
    assert _lookups(session, code)[-1] == "right"


def test_wrong_second_factors_are_limited_per_user_across_codes(session, admin):
    codes = [_register(session, admin, subject=f"موضوع {i}").tracking_code for i in range(5)]
    guesser = Actor("guesser", Role.VIEWER)
    tries = 0
    for code in codes:  # four wrong tries on each code: under the code's limit every time
        for guess in range(4):
            try:
                rq.lookup(session, guesser, code, f"{guess:04d}")
            except ValidationError as err:
                assert err.code == "second_factor"
                tries += 1
    assert tries == rq.LOOKUP_LIMITS["per_user"]
    with pytest.raises(ValidationError) as err:
        rq.lookup(session, guesser, codes[0], MOBILE[-4:])
    assert err.value.code == "lookup_limited"
    assert rq.lookup(session, Actor("other", Role.VIEWER), codes[0], MOBILE[-4:]).tracking_code == codes[0]


def test_no_service_call_shows_a_viewer_the_personal_data_the_texts_or_the_factor(session, admin, viewer):
    code = _register(session, admin).tracking_code
    rq.answer(session, admin, code, "آقای رضایی، سهم شما ۱۲ میلیون ریال است.")
    views = [rq.get(session, viewer, code), *rq.search(session, viewer), *rq.overdue(session, viewer, dt_today())]
    for view in views:
        shown = repr(view)
        assert "0499370899" not in shown and MOBILE not in shown and MOBILE[-4:] not in shown
        assert view.body == "" and view.answer == "" and view.masked
    assert all(e.text == "" for e in rq.history(session, viewer, code))
    staff = rq.get(session, admin, code)
    assert staff.body == "متن درخواست" and staff.mobile == MOBILE and not staff.masked
    assert any(e.text.startswith("آقای رضایی") for e in rq.history(session, admin, code))


def dt_today():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.today() + dt.timedelta(days=400)  # every request is overdue by then


def test_codes_from_two_workstations_at_the_same_moment_differ(session, admin):
    a, b = _register(session, admin, workstation=1), _register(session, admin, workstation=2)
    c = _register(session, admin, workstation=1)
    assert len({a.tracking_code, b.tracking_code, c.tracking_code}) == 3


def test_search_matches_text_as_stored_and_takes_wildcards_literally(session, admin):
    _register(session, admin, subject="سهم ۵۰% درآمد", name="علی رضایی")
    _register(session, admin, subject="سهم 5_0 درآمد", name="مریم احمدی")
    _register(session, admin, subject="پرسش دیگر", name="حسین کاظمی")
    clerk = Actor("clerk", Role.DATA_ENTRY)

    def found(text: str) -> list[str]:
        return sorted(r.requester_name for r in rq.search(session, clerk, text=text))

    assert found("علي") == ["علی رضایی"]  # Arabic yeh typed, Persian yeh stored
    assert found("%") == ["علی رضایی"]
    assert found("_") == ["مریم احمدی"]
    assert found("  سهم  ") == ["علی رضایی", "مریم احمدی"]
    assert found("") == ["حسین کاظمی", "علی رضایی", "مریم احمدی"]
    assert found("س" * 5000) == []  # longer than any subject: nothing, and no database error


def test_search_finds_digits_whichever_way_they_were_typed(session, admin):
    _register(session, admin, subject="نامهٔ شمارهٔ 1405/12", name="علی رضایی")
    _register(session, admin, subject="نامهٔ شمارهٔ ۷۷۸", name="مریم احمدی")
    clerk = Actor("clerk", Role.DATA_ENTRY)

    def found(text: str) -> list[str]:
        return sorted(r.requester_name for r in rq.search(session, clerk, text=text))

    assert found("۱۴۰۵/۱۲") == ["علی رضایی"]  # Persian digits typed, Latin stored
    assert found("٧٧٨") == ["مریم احمدی"]  # Arabic-Indic typed, Persian stored
    assert found("778") == ["مریم احمدی"]
    assert found("779") == []
