"""The one way the GUI works on data, in the spirit of Anki's ``CollectionOp``/``QueryOp``.

    ReadOp(self, ctx, lambda s, actor: service.list_things(s, actor)).success(self.show).run()
    WriteOp(self, ctx, lambda s, actor: service.save(s, actor, …), Changes.BUDGET).success(…).run()

An operation opens its own database session, passes the signed-in user, runs off the UI
thread (``run``; ``run_now`` for quick work that must finish before the user may go on),
sends a failure to one place (the application's handler, or a message line given with
``messages_to``) and, after a write, tells every screen which kinds of data changed.
``Task`` is the same for slow work without the database (printing, writing a file);
``StartOp`` for the sign-in screens, before there is a signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from PySide6.QtWidgets import QWidget

from rasad_desktop.db.database import Database, Session
from rasad_desktop.gui.context import AppContext, AppServices, Changes
from rasad_desktop.gui.errors import known_message
from rasad_desktop.gui.signals import emit
from rasad_desktop.services.errors import SessionEnded
from rasad_desktop.services.roles import Actor
from rasad_desktop.services.session_check import check_current

T = TypeVar("T")

__all__ = ["Database", "DatabaseOp", "ReadOp", "Session", "StartOp", "Task", "WriteOp"]


class Task(Generic[T]):
    """Work without the database; the base of every operation."""

    def __init__(self, parent: QWidget | None, services: AppServices, work: Callable[[], T], *,
                 label: str = "", changes: Changes = Changes.NONE) -> None:
        self.parent = parent
        self.services = services
        self.label = label
        self.changes = changes  # what the work changed (e.g. a restore, which opens its own sessions)
        self._work = work
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._show_message: Callable[[str], Any] | None = None
        self._after_message: Callable[[BaseException], Any] | None = None
        self._on_busy: Callable[[bool], Any] | None = None
        self.result: T | None = None  # what the work returned, once it succeeded

    # ------------------------------------------------------------- callbacks
    def success(self, fn: Callable[[T], Any]) -> Self:
        """Called on the UI thread with the result."""
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> Self:
        """Called on the UI thread with any failure, instead of the default handling."""
        self._on_failure = fn
        return self

    def messages_to(self, show: Callable[[str], Any], then: Callable[[BaseException], Any] | None = None) -> Self:
        """A failure the user can act on goes to ``show`` as its message (e.g. a dialog's
        message line), then to ``then`` (to put the cursor on the field at fault …); anything
        else still goes to the crash handler."""
        self._show_message = show
        self._after_message = then
        return self

    def while_busy(self, fn: Callable[[bool], Any]) -> Self:
        """``fn(True)`` before the work starts, ``fn(False)`` once it ended either way."""
        self._on_busy = fn
        return self

    # --------------------------------------------------------------- running
    def run(self) -> None:
        """Off the UI thread, with progress when slow; the callbacks come back on it."""
        self._busy(True)
        self.services.runner.run(self.parent, self._work, self._succeeded, label=self.label,
                                 on_error=self._failed)

    def run_now(self) -> bool:
        """On the UI thread, before returning (quick work the next step depends on).
        True when it succeeded."""
        self._busy(True)
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - every failure goes to one handler
            self._failed(exc)
            return False
        self._succeeded(result)
        return True

    def fetch(self) -> T | None:
        """``run_now`` for a read the next line needs: its result, or None after a failure
        (which went where failures go)."""
        return self.result if self.run_now() else None

    def _busy(self, busy: bool) -> None:
        if self._on_busy is not None:
            self._on_busy(busy)

    def _succeeded(self, result: T) -> None:
        self.result = result
        self._busy(False)
        if self.changes:  # screens refresh first, so the success callback sees fresh views (Anki's order)
            emit(self.services.events.data_changed, self.changes)
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, SessionEnded):  # never a dialog's message line: the session is over
            self.services.runner.on_error(self.parent, exc)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        if self._show_message is not None:
            message = known_message(exc, self.services.language)
            if message is not None:
                self._show_message(message)
                if self._after_message is not None:
                    self._after_message(exc)
                return
        self.services.runner.on_error(self.parent, exc)


class StartOp(Task[T]):
    """Database work before anyone has signed in (first start, sign-in)."""

    def __init__(self, parent: QWidget | None, services: AppServices, work: Callable[[Session], T], *,
                 changes: Changes = Changes.NONE, label: str = "") -> None:
        super().__init__(parent, services, lambda: _in_session(services, work), label=label, changes=changes)


class DatabaseOp(Task[T]):
    """A service that works on the whole database rather than in a session (a backup, a
    restore): ``work(database, actor)``; afterwards every screen hears ``changes``."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, work: Callable[[Database, Actor], T],
                 changes: Changes, *, label: str = "") -> None:
        actor, db = ctx.actor, ctx.db
        super().__init__(parent, ctx, lambda: work(db, _checked(ctx, actor)), label=label,
                         changes=changes | Changes.AUDIT)


class ReadOp(Task[T]):
    """Reads for the signed-in user: ``query(session, actor)``."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, query: Callable[[Session, Actor], T], *,
                 label: str = "") -> None:
        actor = ctx.actor
        super().__init__(parent, ctx, lambda: _in_session(ctx, lambda s: query(s, check_current(s, actor))),
                         label=label)


class WriteOp(ReadOp[T]):
    """A change through the services: ``op(session, actor)``; afterwards every screen hears
    ``changes`` (and the audit trail, which every write adds to)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, op: Callable[[Session, Actor], T],
                 changes: Changes, *, label: str = "") -> None:
        super().__init__(parent, ctx, op, label=label)
        self.changes = changes | Changes.AUDIT


def _in_session(services: AppServices, work: Callable[[Session], T]) -> T:
    with services.db.session() as session:
        return work(session)



def _checked(services: AppServices, actor: Actor) -> Actor:
    return _in_session(services, lambda s: check_current(s, actor))
