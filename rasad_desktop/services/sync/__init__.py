"""Several workstations, one office.

A database is the office (the hub; a standalone install is one) or a workstation enrolled
in it (``node``). Every write through the service layer also records, in the same
transaction, what it changed, entity by entity and by each entity's natural key — the same
on every database — with the value before and after, who, where and when (``capture``,
``entities``, ``changelog``). Packages carry those changes between a workstation and the
office, signed by their sender and sealed for the recipient (``packages``); applying one
follows the merge rules (``merge``): a change applies where the value is still its
*before*, is already present where it equals its *after*, and is otherwise a conflict, kept
and shown to the administrator (``conflicts``). ``enrolment`` gives a workstation its
number, its keys and the office's data.
"""
