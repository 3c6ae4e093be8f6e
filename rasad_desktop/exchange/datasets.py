"""The datasets Rasad writes to and reads from spreadsheets, declared once.

Each declaration drives the command line (``export``/``import`` choices and messages), the
interface's Excel buttons (titles, who may import, what an import changes) and the calls
to its module. Adding a dataset means one module with an ``export_<key>`` and an
``import_<key>`` function, plus its declaration below. This module stays light (the
command line builds its parser from it): a dataset's module is imported when it is used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasad_desktop.services.roles import Permission

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rasad_desktop.exchange.columns import ImportResult
    from rasad_desktop.services.roles import Actor


@dataclass(frozen=True)
class Dataset:
    key: str  # the command line's word and the function names' suffix
    module: str  # where export_<key> and import_<key> live
    title_fa: str  # what the file holds, e.g. «وصولی‌ها»
    title_en: str
    items_fa: str  # what a count of its rows is, e.g. «رقم وصولی»
    items_en: str
    import_permission: Permission  # the services check it too
    changes: str  # the kind of data an import changes (the interface refreshes it)
    by_month: bool = False  # the export can stop at a month (``--through-month``)
    warns: bool = False  # its figures get plausibility warnings, confirmed with a reason

    def title(self, language: str = "fa") -> str:
        return self.title_en if language == "en" else self.title_fa

    def _function(self, verb: str) -> Any:
        return getattr(importlib.import_module(self.module), f"{verb}_{self.key}")

    def export(self, session: Session, actor: Actor, year: int, path: Path, *,
               through_month: int | None = None) -> int:
        """Write the year's rows to ``path`` (.xlsx or .csv); returns how many."""
        if self.by_month:
            return self._function("export")(session, actor, year, path, through_month=through_month)
        return self._function("export")(session, actor, year, path)

    def import_file(self, session: Session, actor: Actor, year: int, path: Path, *,
                    dry_run: bool = False, reason: str = "") -> ImportResult:
        """Check every row of ``path``, then save all of it in one transaction (unless
        ``dry_run``); every bad row is listed and nothing is written then. ``reason``
        confirms the figures with plausibility warnings (datasets that ``warns``)."""
        if self.warns:
            return self._function("import")(session, actor, year, path, dry_run=dry_run, reason=reason)
        return self._function("import")(session, actor, year, path, dry_run=dry_run)


DATASETS: dict[str, Dataset] = {d.key: d for d in (
    Dataset("collections", "rasad_desktop.exchange.collections_file", "وصولی‌ها", "collections",
            "رقم وصولی", "collection figures", Permission.ENTER_COLLECTIONS, "collections", by_month=True,
            warns=True),
    Dataset("approved", "rasad_desktop.exchange.approved_file", "مبالغ مصوب", "approved amounts",
            "مبلغ مصوب", "approved amounts", Permission.MANAGE_BUDGET, "budget"),
)}
