"""Roles, what each may do, and the acting user."""

from __future__ import annotations

import enum
import getpass
from dataclasses import dataclass

from rasad_desktop.services.errors import PermissionDenied


class Role(enum.Enum):
    ADMIN = "admin"
    DATA_ENTRY = "data_entry"
    REPORT_OFFICER = "report_officer"
    VIEWER = "viewer"

    def label(self, language: str = "fa") -> str:
        fa = {"admin": "مدیر سامانه", "data_entry": "کارشناس ورود اطلاعات",
              "report_officer": "کارشناس گزارش", "viewer": "بیننده"}
        en = {"admin": "Administrator", "data_entry": "Data entry",
              "report_officer": "Report officer", "viewer": "Viewer"}
        return (en if language == "en" else fa)[self.value]


class Permission(enum.Enum):
    SIGN_IN = ("sign_in", "ورود به سامانه", "sign in")
    VIEW = ("view", "مشاهدهٔ اطلاعات", "view data")
    ENTER_COLLECTIONS = ("enter_collections", "ثبت وصولی دستگاه‌ها", "enter collections")
    MANAGE_BUDGET = ("manage_budget", "ویرایش بودجه و ردیف‌ها", "edit the budget")
    LOCK_PERIODS = ("lock_periods", "بستن و بازکردن دوره‌ها", "lock and unlock periods")
    ISSUE_REPORTS = ("issue_reports", "صدور گزارش", "issue reports")
    MANAGE_USERS = ("manage_users", "مدیریت کاربران", "manage users")
    POST_NOTICES = ("post_notices", "انتشار اطلاعیه", "post notices")
    MANAGE_SETTINGS = ("manage_settings", "تغییر تنظیمات اداره", "change the office settings")
    VIEW_REQUESTS = ("view_requests", "مشاهدهٔ درخواست‌ها و شکایت‌ها", "view requests and complaints")
    MANAGE_REQUESTS = ("manage_requests", "ثبت و رسیدگی به درخواست‌ها و شکایت‌ها",
                       "register and handle requests and complaints")
    VIEW_PERSONAL_DATA = ("view_personal_data", "دیدن کد ملی و شمارهٔ همراه متقاضیان",
                          "see requesters' national IDs and mobile numbers")
    VIEW_AUDIT = ("view_audit", "مشاهدهٔ گزارش رویدادها", "view the audit trail")
    BACKUP = ("backup", "پشتیبان‌گیری و بازگردانی", "back up and restore")
    LOAD_DEMO = ("load_demo", "بارگذاری دادهٔ نمونه", "load demo data")
    SYNC = ("sync", "فرستادن و دریافت بستهٔ همگام‌سازی", "export and import synchronisation packages")
    MANAGE_WORKSTATIONS = ("manage_workstations", "عضو کردن ایستگاه‌های کاری و حل تعارض‌ها",
                           "enrol workstations and resolve conflicts")

    @property
    def label_fa(self) -> str:
        return self.value[1]

    @property
    def label_en(self) -> str:
        return self.value[2]


_ALL = frozenset(Permission)
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    # data-entry staff also take requests and complaints at the counter and answer them
    Role.DATA_ENTRY: frozenset({Permission.SIGN_IN, Permission.VIEW, Permission.ENTER_COLLECTIONS,
                                Permission.VIEW_REQUESTS, Permission.MANAGE_REQUESTS,
                                Permission.VIEW_PERSONAL_DATA, Permission.SYNC}),
    # report officers and viewers see requests, but national IDs and mobiles masked
    Role.REPORT_OFFICER: frozenset({Permission.SIGN_IN, Permission.VIEW, Permission.ISSUE_REPORTS,
                                    Permission.VIEW_REQUESTS}),
    Role.VIEWER: frozenset({Permission.SIGN_IN, Permission.VIEW, Permission.VIEW_REQUESTS}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user, or the local command line (as administrator)."""

    username: str
    role: Role
    user_id: int | None = None

    @classmethod
    def console(cls) -> Actor:
        """The person at this computer's command line, who already controls the data
        folder; recorded in the audit log under their operating-system login."""
        try:
            login = getpass.getuser()
        except Exception:  # no login name on some service accounts
            login = "unknown"
        return cls(username=f"cli:{login}", role=Role.ADMIN)

    def can(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]


def require(actor: Actor, permission: Permission) -> None:
    if not isinstance(actor, Actor) or not actor.can(permission):
        role = actor.role.label() if isinstance(actor, Actor) else "—"
        role_en = actor.role.label("en") if isinstance(actor, Actor) else "-"
        raise PermissionDenied(
            f"نقش «{role}» اجازهٔ «{permission.label_fa}» را ندارد.",
            f"The role '{role_en}' may not {permission.label_en}.",
            code="permission",
        )
