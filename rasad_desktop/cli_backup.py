"""``rasad-desktop backup`` and ``restore`` (being built)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad_desktop.cli import Context


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    raise NotImplementedError


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    raise NotImplementedError
