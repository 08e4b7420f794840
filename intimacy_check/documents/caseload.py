"""A counselor's caseload as a document: a row per answer file, streamed as it is read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.answers import SEALED
from intimacy_check.caseload import Ratings, SummaryRow
from intimacy_check.documents.parts import Closing, Score, closing, score
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m

if TYPE_CHECKING:
    from intimacy_check.documents.stats import StatsBlock

SCHEMA_COLUMNS = (
    "file",
    "respondent",
    "status",
    "completed_at",
    "index",
    "band",
    "band_label",
    "top_concern",
)


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    file: str
    respondent: str | None  # None for a sealed file
    status: str
    completed_at: str | None
    completed_on: str  # the date, or "–"
    index: Score
    band_id: str | None
    band_label: str | None  # the band's label, where there is a band
    band: str  # the label, or "incomplete"
    top_concern: str | None
    ratings: Ratings | None  # in the order of the document's items; None for a sealed file


@dataclass(frozen=True, eq=False)
class CaseloadDocument:
    """The rows are an iterator, so that a caseload of any size streams row by row."""

    columns: tuple[str, ...]
    rows: Iterator[CaseloadRow]
    closing: Closing
    items: tuple[str, ...] = ()  # with --items: a column per statement id, after `columns`
    stats: StatsBlock | None = None  # with --stats: the figures over the completed files


def caseload_row(row: SummaryRow) -> CaseloadRow:
    moment = row.completed_at
    return CaseloadRow(
        file=inert(row.file),
        respondent=inert(row.respondent) if row.respondent is not None else None,
        status=row.status,
        completed_at=moment.isoformat() if moment else None,
        completed_on=moment.date().isoformat() if moment else "–",
        # A dash where there is no index: the band column says why, and the columns stay aligned.
        index=Score(None, "–") if row.index is None else score(row.index),
        band_id=row.band,
        band_label=inert(row.band_label) if row.band_label else None,
        band=_band(row),
        top_concern=inert(row.top_concern) if row.top_concern else None,
        ratings=row.ratings,
    )


def _band(row: SummaryRow) -> str:
    if row.band_label:
        return inert(row.band_label)
    return "–" if row.status == SEALED else _(m.INCOMPLETE)


def caseload_document(
    rows: Iterable[SummaryRow],
    *,
    items: tuple[str, ...] = (),
    stats: StatsBlock | None = None,
) -> CaseloadDocument:
    return CaseloadDocument(
        columns=SCHEMA_COLUMNS,
        rows=(caseload_row(row) for row in rows),
        closing=closing(),
        items=items,
        stats=stats,
    )
