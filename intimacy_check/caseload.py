"""A counselor's caseload: one summary row per answer file, and their ordering. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from intimacy_check.answers import SEALED, AnswerSheet
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import assess, flag_weight

SORT_KEYS = ("index", "name", "date", "path")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    file: str
    respondent: str | None  # None for a sealed file: nothing of it is known
    status: str
    completed_at: datetime | None
    index: float | None
    band: str | None  # band id
    band_label: str | None
    top_concern: str | None  # the most pressing growth area or warning sign, by title
    answers: Mapping[str, int | None] | None = None  # each rating, where they were asked for

    @property
    def when(self) -> datetime | None:
        return self.completed_at


def summarize(
    questionnaire: Questionnaire, sheet: AnswerSheet, *, file: str, items: bool = False
) -> SummaryRow:
    """Score one sheet down to the few facts a caseload overview shows, and with `items`
    its ratings too."""
    assessment = assess(questionnaire, sheet)
    weighted = [
        (flag_weight(result.sign, result.rating), position, result)
        for position, result in enumerate(assessment.signs)
    ]
    concerns = [item for item in weighted if item[0] > 0]
    # Heaviest first; among equals the first in questionnaire order.
    top = min(concerns, key=lambda item: (-item[0], item[1]))[2] if concerns else None
    return SummaryRow(
        file=file,
        respondent=sheet.respondent,
        status=sheet.status,
        completed_at=sheet.completed_at,
        index=assessment.index,
        band=assessment.band.id if assessment.band else None,
        band_label=assessment.band.label if assessment.band else None,
        top_concern=top.sign.concern_title if top else None,
        answers=dict(sheet.answers) if items else None,
    )


def sealed_row(*, file: str) -> SummaryRow:
    """A sealed file's row: its name and status, and nothing of what it holds."""
    return SummaryRow(
        file=file,
        respondent=None,
        status=SEALED,
        completed_at=None,
        index=None,
        band=None,
        band_label=None,
        top_concern=None,
    )


def sort_rows(rows: Iterable[SummaryRow], *, key: str) -> list[SummaryRow]:
    """Order rows: by index (lowest, most in need, first; incomplete last), name, date or path."""
    if key == "index":
        return sorted(rows, key=lambda row: (row.index is None, row.index or 0.0, row.file))
    if key == "name":
        return sorted(
            rows,
            key=lambda row: (row.respondent is None, (row.respondent or "").casefold(), row.file),
        )
    if key == "date":
        return sorted(
            rows,
            key=lambda row: (
                row.completed_at is None,
                row.completed_at.timestamp() if row.completed_at else 0.0,
                row.file,
            ),
        )
    return list(rows)


def streams(key: str) -> bool:
    """Whether rows can be written as they come: only in the order the files are found."""
    return key == "path"
