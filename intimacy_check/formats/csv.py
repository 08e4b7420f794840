"""A caseload as CSV, one row at a time so that it streams. CSV holds data only: the
disclaimer and safety line go with every other format of the caseload."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from intimacy_check.formats.json import caseload_row
from intimacy_check.inert import inert

if TYPE_CHECKING:
    from intimacy_check.documents.caseload import CaseloadDocument


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


def caseload(document: CaseloadDocument) -> Iterator[str]:
    """With items, a column per statement: its rating, empty when skipped or not reached."""
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
