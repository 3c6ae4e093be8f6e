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
