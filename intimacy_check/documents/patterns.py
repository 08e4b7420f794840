"""The notes on how the answers were given, worded for one person's counselor's report.

Pure: the core's PatternNote values in, one frozen ResponseNote each out, with what was
seen, what it may mean for reading the scores, and that it is not a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intimacy_check.messages import _
from intimacy_check.messages import patterns as m
from intimacy_check.patterns import (
    MARKED,
    MILD,
    MOST_POSITIVE,
    QUICK,
    SAME_RATING,
    SKIPPED,
    PatternNote,
)

# Each note's heading by grade, and what it may mean for reading the scores.
HEADINGS = {
    (SAME_RATING, MARKED): m.SAME_RATING_MARKED,
    (SAME_RATING, MILD): m.SAME_RATING_MILD,
    (SKIPPED, MARKED): m.SKIPPED_MARKED,
    (SKIPPED, MILD): m.SKIPPED_MILD,
    (MOST_POSITIVE, MARKED): m.MOST_POSITIVE_MARKED,
    (MOST_POSITIVE, MILD): m.MOST_POSITIVE_MILD,
    (QUICK, MARKED): m.QUICK_MARKED,
    (QUICK, MILD): m.QUICK_MILD,
}
MEANINGS = {
    SAME_RATING: m.SAME_RATING_MEANING,
    SKIPPED: m.SKIPPED_MEANING,
    MOST_POSITIVE: m.MOST_POSITIVE_MEANING,
    QUICK: m.QUICK_MEANING,
}


@dataclass(frozen=True, eq=False, repr=False)
class ResponseNote:
    """One note: a heading, then what was seen, what it may mean, and that it is no verdict."""

    id: str
    grade: str  # "mild" or "marked"
    heading: str
    seen: str
    meaning: str
    not_a_verdict: str
    values: tuple[tuple[str, int | float], ...]  # the numbers behind it, by name

    @property
    def sentence(self) -> str:
        """The note's three sentences as one paragraph."""
        return f"{self.seen} {self.meaning} {self.not_a_verdict}"


def response_notes(found: Sequence[PatternNote]) -> tuple[ResponseNote, ...]:
    """Each pattern found, worded."""
    return tuple(
        ResponseNote(
            id=note.id,
            grade=note.grade,
            heading=_(HEADINGS[note.id, note.grade]),
            seen=_seen(note),
            meaning=_(MEANINGS[note.id]),
            not_a_verdict=_(m.NOT_A_VERDICT),
            values=note.values,
        )
        for note in found
    )


def _seen(note: PatternNote) -> str:
    value = note.value
    if note.id == SAME_RATING and note.grade == MARKED:
        return _(m.SAME_RATING_MARKED_SEEN, count=value("count"), rating=value("rating"))
    if note.id == SAME_RATING:
        return _(
            m.SAME_RATING_MILD_SEEN,
            first=value("from"),
            last=value("to"),
            rating=value("rating"),
        )
    if note.id == SKIPPED:
        return _(m.SKIPPED_SEEN, skipped=value("skipped"), statements=value("statements"))
    if note.id == MOST_POSITIVE and note.grade == MARKED:
        return _(m.MOST_POSITIVE_MARKED_SEEN, rated=value("rated"))
    if note.id == MOST_POSITIVE:
        return _(m.MOST_POSITIVE_MILD_SEEN, count=value("at_most_positive"), rated=value("rated"))
    return _(
        m.QUICK_SEEN,
        seconds=value("seconds"),
        answered=value("answered"),
        pace=f"{value('seconds_per_statement'):.1f}".replace(".", _(m.DECIMAL_MARK)),
    )
