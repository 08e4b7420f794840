"""Caseload rows as CSV, JSON or terminal lines, one row at a time so output can stream."""

from __future__ import annotations

import json
from typing import Any

from intimacy_check.caseload import SummaryRow
from intimacy_check.render.inert import inert, rounded

COLUMNS = ("file", "respondent", "status", "completed_at", "index", "band", "top_concern")


def row_fields(row: SummaryRow) -> dict[str, Any]:
    return {
        "file": row.file,
        "respondent": row.respondent,
        "status": row.status,
        "completed_at": row.completed_at.isoformat() if row.completed_at else None,
        "index": None if row.index is None else round(row.index, 1),
        "band": row.band,
        "top_concern": row.top_concern,
    }


def csv_header() -> str:
    return _csv_line(COLUMNS)


def csv_row(row: SummaryRow) -> str:
    fields = row_fields(row)
    values = ["" if fields[name] is None else str(fields[name]) for name in COLUMNS]
    # A spreadsheet would run a cell starting with = + - @ as a formula.
    return _csv_line(
        [f"'{value}" if value[:1] in ("=", "+", "-", "@") else value for value in values]
    )


def _csv_line(values: Any) -> str:
    return ",".join(_csv_field(inert(str(value))) for value in values) + "\n"


def _csv_field(text: str) -> str:
    """Quote as RFC 4180 does; inert() has already turned line breaks into spaces."""
    if "," in text or '"' in text or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def json_row(row: SummaryRow) -> str:
    return json.dumps(row_fields(row), ensure_ascii=True)


def terminal_header() -> Any:
    from rich.text import Text

    return Text(
        f"{'Index':>5}  {'Respondent':<16}  {'Status':<11}  {'Completed':<10}  Band", style="bold"
    )


def terminal_row(row: SummaryRow) -> Any:
    """Two lines per file: the scores, then the file and its most pressing concern."""
    from rich.text import Text

    name = inert(row.respondent)
    name = name if len(name) <= 16 else name[:15] + "…"
    completed = row.completed_at.date().isoformat() if row.completed_at else "–"
    band = inert(row.band_label or "incomplete")
    first = f"{rounded(row.index):>5}  {name:<16}  {row.status:<11}  {completed:<10}  {band}"
    concern = f"  ·  top concern: {inert(row.top_concern)}" if row.top_concern else ""
    return Text.assemble(first, "\n", (f"       {inert(row.file)}{concern}", "dim"))
