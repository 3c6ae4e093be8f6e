"""Copying a prepared database for a test as IT would move one: with the key file beside
it (formats.key_file), without which its sealed IDs and keyed audit chain do not open."""

from __future__ import annotations

import shutil
from pathlib import Path

from rasad_desktop.formats import key_file


def copy_database(source: Path, target: Path) -> Path:
    """Copy the database file ``source`` to ``target`` (a file path) and its key, if any."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    key = key_file.path_for(source.parent)
    if key.exists() and key_file.path_for(target.parent) != key:
        shutil.copyfile(key, key_file.path_for(target.parent))
    return target
