"""Malformed files, generated: random bytes, truncated and damaged workbooks, huge row
numbers and sizes, stray quotes and direction marks in CSV. Each is refused in Persian with
nothing written, or imported exactly (the figures of the rows it did not damage unchanged),
within bounded time and memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import hostile_sheets as h
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_exchange_helpers import amounts

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.text import BIDI_CONTROLS
from rasad_desktop.exchange.collections_file import import_collections

ROWS = [("1", "110104", m, 1_000 * m + 7) for m in range(1, 9)] + [("3", "110104", 4, 30_000)]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SECONDS, MEGABYTES = 2.0, 200  # the bound per 10,000 rows; these files are far smaller


def _csv(rows: list[list[str]]) -> str:
    return "\n".join(",".join(r) for r in [list(h.HEADINGS), *rows]) + "\n"


def _original() -> list[list[str]]:
    return [[a, line, str(m), str(v)] for a, line, m, v in ROWS]


def _workbook(path: Path) -> bytes:
    return h.one_sheet(path, [h.row(n, [a, line, m, v]) for n, (a, line, m, v) in enumerate(ROWS, start=2)]) \
        .read_bytes()


def _expected() -> dict[tuple[str, str, int], int]:
    return {(a, line, m): v for a, line, m, v in ROWS}


def _outcome(session, clerk, path: Path) -> RasadError | None:
    """Import ``path``: within the bounds; refused in Persian with nothing written, or read.
    Timed on its own, then again under tracemalloc for the memory (it slows a run severalfold)."""
    before = amounts(session)
    failure = None
    started = time.perf_counter()
    try:
        import_collections(session, clerk, 1404, path)
    except RasadError as err:
        failure = err
    took = time.perf_counter() - started
    tracemalloc.start()
    try:
        import_collections(session, clerk, 1404, path)  # the same outcome: read again, or refused again
    except RasadError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert took < SECONDS and peak < MEGABYTES, (took, peak)
    if failure is not None:
        assert any("\u0600" <= ch <= "\u06ff" for ch in failure.message("fa")), failure.message("fa")
        assert "Traceback" not in failure.message("fa")
        assert amounts(session) == before
    return failure


@pytest.fixture
def baseline(session, tiny, clerk, tmp_path):
    """The database holding the original file's figures: what every outcome is compared with."""
    path = tmp_path / "original.csv"
    path.write_text(_csv(_original()), encoding="utf-8")
    import_collections(session, clerk, 1404, path)

    def restore() -> dict[tuple[str, str, int], int]:
        import_collections(session, clerk, 1404, path)
        return amounts(session)
    return restore


@FUZZ
@given(data=st.binary(max_size=4_000), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_random_bytes(session, clerk, tmp_path, baseline, data, suffix):
    before = amounts(session)
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _outcome(session, clerk, path)
    assert amounts(session) == before  # bytes at random hold no figure: read, they change nothing
    baseline()


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10_000), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=255)), max_size=3))
def test_truncated_or_damaged_workbooks(session, clerk, tmp_path, baseline, cut, flips):
    before = amounts(session)
    data = bytearray(_workbook(tmp_path / "w.xlsx"))
    for at, xor in flips:
        data[at % len(data)] ^= xor
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data[: max(cut, 1)] if cut < len(data) else data))
    _outcome(session, clerk, path)
    # the archive's checksums guard the cells: a file that still reads holds the original figures
    assert amounts(session) == before
    baseline()


@FUZZ
@given(number=st.integers(min_value=1, max_value=2**40), column=st.integers(min_value=1, max_value=16_384),
       declared=st.booleans())
def test_huge_row_numbers_and_sizes(session, clerk, tmp_path, baseline, number, column, declared):
    from openpyxl.utils import get_column_letter

    before = amounts(session)
    far = f'<row r="{number + 1}"><c r="{get_column_letter(column)}{number + 1}"><v>5</v></c></row>'
    rows = [h.row(n, [a, line, m, v]) for n, (a, line, m, v) in enumerate(ROWS, start=2) if n < number + 1]
    path = h.one_sheet(tmp_path / "far.xlsx", [*rows, far],
                       dimension=f"A1:{get_column_letter(column)}{number + 1}" if declared else None)
    _outcome(session, clerk, path)
    assert amounts(session) == before  # refused, or a lone 5 in a column no heading names, not read


@FUZZ
@given(row=st.integers(min_value=0, max_value=len(ROWS) - 1), column=st.integers(min_value=0, max_value=3),
       at=st.integers(min_value=0, max_value=8), mark=st.sampled_from(sorted(BIDI_CONTROLS)))
def test_a_direction_mark_in_any_cell_read_is_refused(session, clerk, tmp_path, baseline, row, column, at, mark):
    table = _original()
    cell = table[row][column]
    table[row][column] = cell[: at % (len(cell) + 1)] + mark + cell[at % (len(cell) + 1):]
    path = tmp_path / "bidi.csv"
    path.write_text(_csv(table), encoding="utf-8")
    assert _outcome(session, clerk, path) is not None, table[row]


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0, max_value=400), st.sampled_from(['"', '""', ",", "\n", "\r",
                                                                                            "'", "،", "؛", "\t"])),
                      min_size=1, max_size=3))
def test_odd_quoting_and_separators_import_exactly_or_refuse(session, clerk, tmp_path, baseline, edits):
    before = amounts(session)
    text = _csv(_original())
    heading_end = text.index("\n") + 1
    for at, piece in edits:  # below the heading: a damaged heading is refused as columns not found
        at = heading_end + at % (len(text) - heading_end)
        text = text[:at] + piece + text[at:]
    path = tmp_path / "odd.csv"
    path.write_text(text, encoding="utf-8")
    if _outcome(session, clerk, path) is not None:
        return
    # read: every original row whose line of text survived intact keeps its figure exactly
    after = amounts(session)
    intact = {tuple(line.split(",")) for line in text.splitlines()}
    for a, line, m, v in ROWS:
        if (a, line, str(m), str(v)) in intact:
            assert after[(a, line, m)] == v
    lost = {k for k in before if k not in after}
    assert not lost, lost  # an import adds or changes figures, never deletes them
