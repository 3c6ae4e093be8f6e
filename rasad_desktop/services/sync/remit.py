"""What a workstation may change: the one home of that rule.

A package's signature proves which workstation sent it, not who sat at it; whoever can
write to a workstation's database file can put any change in its log. So the office takes
from a workstation only what a workstation is for: figures for its own agencies (or
unassigned ones), requests with its own tracking codes, their events and attachments.
Anything else it brings (accounts, roles, settings, approved amounts, locks, holidays,
notices, reports) is kept as a conflict for the administrator, never applied. On a
workstation the same rule refuses such writes at entry, and the office's values of
those kinds always apply there: the office is their only author."""

from __future__ import annotations

from sqlalchemy import select

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import Agency
from rasad_desktop.services import validate
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.sync.entities import Key, Refs, Values

FROM_WORKSTATION = frozenset({"collection", "request", "request_event", "attachment"})
# a password changed on a workstation (or a hash renewed at sign-in there) stays on it;
# the administrator's reset at the office replaces it everywhere
LOCAL_PASSWORD = frozenset({"password_hash", "must_change_password"})

# why the office did not take a change (``SyncChange.problem``), in both languages
PROBLEMS = {
    "office_only": ("این نوع تغییر را فقط دفتر انجام می‌دهد؛ از ایستگاه کاری پذیرفته نمی‌شود",
                    "only the office makes this kind of change; it is not taken from a workstation"),
    "agency_owner": ("ارقام این دستگاه را ایستگاه کاری دیگری وارد می‌کند",
                     "this agency's figures are entered at another workstation"),
    "invalid": ("مقدار این تغییر با قاعده‌های ورود ارقام جور نیست (مبلغ، ستون، ماه یا شمارهٔ سند نادرست)",
                "its value breaks the rules of entering figures (a wrong amount, column, month or document number)"),
    "foreign_code": ("کد رهگیری این درخواست شمارهٔ ایستگاه دیگری را دارد",
                     "this request's tracking code carries another workstation's number"),
}


def office_authored(kind: str) -> bool:
    """Kinds only the office writes: at a workstation its values always apply."""
    return kind not in FROM_WORKSTATION


def problem(refs: Refs, origin: int, kind: str, key: Key, before: Values | None, after: Values | None) -> str | None:
    """At the office: why a change from workstation ``origin`` is outside what it may
    change (a ``PROBLEMS`` code), or None."""
    if kind not in FROM_WORKSTATION:
        return "office_only"
    if kind == "collection":
        owner = refs.s.scalar(select(Agency.owner_station).where(Agency.code == key[1]))
        if owner not in (None, origin):
            return "agency_owner"
        return None if after is None or _valid_figure(key, after) else "invalid"
    if kind == "request" and before is None and after is not None and after.get("workstation") != origin:
        return "foreign_code"
    return None


def problem_text(code: str, lang: str = "fa") -> str | None:
    found = PROBLEMS.get(code)
    return None if found is None else found[0 if lang == "fa" else 1]


def check_entry(changes: list[tuple[str, Key, Values | None, Values | None]], station: int
                ) -> list[tuple[str, Key, Values | None, Values | None]]:
    """On workstation ``station``: the changes of a write that go to the office; a write
    that changes what only the office may is refused whole."""
    for kind, _key, before, after in changes:
        if kind not in FROM_WORKSTATION and not _own_password(kind, before, after):
            n = localize_digits(str(station))
            raise PermissionDenied(
                f"این تغییر را فقط دفتر انجام می‌دهد؛ در ایستگاه کاری {n} ثبت نمی‌شود. ارقام وصول و درخواست‌ها "
                "را این‌جا وارد کنید؛ بقیه را در دفتر.",
                f"Only the office makes this change; it is not recorded at workstation {station}. Enter collected "
                "figures and requests here; everything else at the office.", code="office_only")
    return [c for c in changes if c[0] in FROM_WORKSTATION]



def _own_password(kind: str, before: Values | None, after: Values | None) -> bool:
    """A change of an account's password only (not its role, name or lock)."""
    return kind == "user" and before is not None and after is not None and \
        all(before.get(f) == after.get(f) for f in set(before) | set(after) if f not in LOCAL_PASSWORD)


def _valid_figure(key: Key, after: Values) -> bool:
    """The rules a figure typed at the office passes (``validate``), for one that arrives."""
    try:
        validate.month(key[4])
        validate.budget_column(key[3])
        validate.amount(after.get("amount"), "مبلغ", "Amount", allow_negative=True)
        validate.text(after.get("document_ref"), "شمارهٔ سند", "Document reference", max_len=100, required=False)
    except (ValidationError, TypeError, IndexError):
        return False
    return not isinstance(after.get("amount"), str)  # text is parsed at entry; a change carries the int
