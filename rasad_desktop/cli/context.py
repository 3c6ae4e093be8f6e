"""What every subcommand is given: the data folder, settings, language and database; and
the error a command raises for a command line argparse could not judge alone."""

from __future__ import annotations

import argparse
from pathlib import Path

from rasad_desktop.config import Settings, database_url, default_data_dir
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.db.database import Database


class Context:
    """What every subcommand needs: the data folder, settings, language, database."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
        self.settings = Settings(self.data_dir)
        self.lang = args.lang or self.settings.get("language")
        self.url = args.database_url or database_url(self.data_dir, self.settings)
        self.no_dialogs = bool(getattr(args, "no_dialogs", False))

    def t(self, fa: str, en: str) -> str:
        return en if self.lang == "en" else fa

    def digits(self, text: str) -> str:
        return text if self.lang == "en" else localize_digits(text)

    def open_db(self) -> Database:
        """The database, brought up to date; office settings an older ``settings.json`` of
        this data folder held are adopted into it once; a workstation's database found in a
        data folder it was not enrolled in is marked a copy; what a killed backup or restore
        left beside the database is deleted (the GUI and every command go here)."""
        from rasad_desktop.services.office import adopt_settings_file
        from rasad_desktop.services.personal import seal_written_before
        from rasad_desktop.services.roles import Actor, Role
        from rasad_desktop.services.sync.node import check_copy

        self.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database.open(self.url, backup_dir=self.data_dir / "backups")
        if db.file is not None:  # decrypted copies a killed backup or restore left behind
            from rasad_desktop.services.backup import remove_leftovers

            remove_leftovers(db.file.parent, self.data_dir / "backups")
        if db.per_user:  # nothing can be read before someone signs in with their own login
            return db
        adopt_settings_file(db, self.settings)
        with db.session() as session:
            check_copy(session, self.data_dir)  # a workstation's database restored or copied elsewhere
        with db.session() as session:
            seal_written_before(session, Actor("system:rasad", Role.ADMIN))  # IDs an older version left in clear
        return db


class UsageError(RasadError):
    """The command line itself is wrong (a required option missing, an option without the one
    it needs): shown under the command's usage line, exit status 2, like argparse's own."""
