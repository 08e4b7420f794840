"""A counselor's caseload: one summary row per answer file, and their ordering. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from intimacy_check.answers import SEALED, AnswerSheet
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import assess, flag_weight

SORT_KEYS = ("index", "name", "date", "path")
SKIPPED = 0  # in Ratings.values: a statement skipped
UNREACHED = 255  # in Ratings.values: a statement the file has no answer for


@dataclass(frozen=True, slots=True)
class Ratings:
    """One file's ratings in the order of the caseload's item columns, one byte each, so
    that a caseload sorted in memory holds ten thousand of them in little space."""

    values: bytes  # 1-5, SKIPPED or UNREACHED

    def cell(self, position: int) -> int | None:
        value = self.values[position]
        return None if value in (SKIPPED, UNREACHED) else value

    def answers(self, columns: Sequence[str]) -> dict[str, int | None]:
        """The file's own answers by statement id, None for a skipped one."""
        return {
            sign_id: self.cell(position)
            for position, sign_id in enumerate(columns)
            if self.values[position] != UNREACHED
        }


def ratings(sheet: AnswerSheet, columns: Sequence[str]) -> Ratings:
    answers = sheet.answers
    return Ratings(
        bytes(
            UNREACHED
            if sign_id not in answers
            else SKIPPED
            if answers[sign_id] is None
            else answers[sign_id]  # type: ignore[misc]
            for sign_id in columns
        )
    )


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
    ratings: Ratings | None = None  # with item columns; None for a sealed file

    @property
    def when(self) -> datetime | None:
        return self.completed_at


def summarize(
    questionnaire: Questionnaire, sheet: AnswerSheet, *, file: str, items: Sequence[str] = ()
) -> SummaryRow:
    """Score one sheet down to the few facts a caseload overview shows, and its ratings
    in the order of the item columns, where there are any."""
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
        ratings=ratings(sheet, items) if items else None,
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
