"""A caseload as CSV, one row at a time so that it streams. CSV holds data only: the
disclaimer and safety line go with every other format of the caseload."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from intimacy_check.formats.json import caseload_row
from intimacy_check.inert import inert

if TYPE_CHECKING:
    from intimacy_check.documents.caseload import CaseloadDocument
    from intimacy_check.documents.stats import StatsBlock


def _field(text: str) -> str:
    """Quote as RFC 4180 does; inert() has already turned line breaks into spaces."""
    if "," in text or '"' in text or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def _line(values: Iterable[object]) -> str:
    return ",".join(_field(inert(str(value))) for value in values) + "\n"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run a cell starting with = + - @ as a formula.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


STATS_COLUMNS = ("scale", "statement", "n", "complete", "mean", "sd", "alpha", "item_rest")


def _number(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else ""


def _stats(block: StatsBlock) -> Iterator[str]:
    """One row per scale, then one per statement of it: a figure that cannot be computed
    is an empty cell (the JSON format says why)."""
    yield _line(STATS_COLUMNS)
    for scale in block.figures.scales:
        figures = (scale.mean, scale.sd, scale.alpha)
        yield _line((scale.id, "", scale.n, scale.complete, *map(_number, figures), ""))
        for item in scale.items:
            yield _line(
                (scale.id, item.sign_id, "", scale.complete, "", "", "", _number(item.correlation))
            )


def caseload(document: CaseloadDocument) -> Iterator[str]:
    """With items, a column per statement: its rating, empty when skipped or not reached.
    With stats, the table of figures instead of the rows: a CSV file holds one table."""
    if document.stats is not None:
        for _row in document.rows:  # read to the end, so that every bad file is said
            pass
        yield from _stats(document.stats)
        return
    yield _line((*document.columns, *document.items))
    for row in document.rows:
        fields = caseload_row(row)
        ratings = row.ratings
        yield _line(
            [_cell(fields[name]) for name in document.columns]
            + [
                "" if ratings is None else _cell(ratings.cell(position))
                for position in range(len(document.items))
            ]
        )


RENDERERS = {"CaseloadDocument": caseload}
