"""Pure response-pattern notes: what in how one person answered may make the scores less telling.

No I/O and no wording here: the thresholds come in as a value (see `thresholds.py` for
reading them from data/patterns.yaml), and each note is a frozen value with its id, its
grade and the numbers behind it. A note never changes a score, a flag or a step.
"""

from __future__ import annotations

from typing import NamedTuple

from intimacy_check.answers import COMPLETED
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import Assessment, sign_score

SAME_RATING = "same-rating"
SKIPPED = "skipped"
MOST_POSITIVE = "most-positive"
QUICK = "quick"
NOTE_IDS = (SAME_RATING, SKIPPED, MOST_POSITIVE, QUICK)  # the order a report shows them in

MILD = "mild"  # worth a look
MARKED = "marked"  # the same pattern, more strongly


# NamedTuples rather than dataclasses: as immutable, and a one-person report's start-up
# pays less for creating the classes.
class Thresholds(NamedTuple):
    """When each note is given; data/patterns.yaml holds them, docs/reports.md says why."""

    run: int  # this many statements in a row, in the order asked, rated the same
    skipped_some: int
    skipped_many: int
    positive_answered: int  # rated statements needed before the most-positive note
    positive_nearly_percent: int  # of the rated ones at the most positive end: mild
    quick_seconds: float  # per statement answered, under this: mild
    very_quick_seconds: float  # under this: marked


class PatternNote(NamedTuple):
    """One pattern seen in how the answers were given, and the values behind it."""

    id: str
    grade: str  # MILD or MARKED
    values: tuple[tuple[str, int | float], ...]

    def value(self, name: str) -> int | float:
        return dict(self.values)[name]


def response_patterns(
    questionnaire: Questionnaire, assessment: Assessment, *, thresholds: Thresholds
) -> tuple[PatternNote, ...]:
    """Every note that applies to one person's answers, in NOTE_IDS order."""
    found = (
        same_rating(questionnaire, assessment, thresholds=thresholds),
        skipped(assessment, thresholds=thresholds),
        most_positive(assessment, thresholds=thresholds),
        quick(questionnaire, assessment, thresholds=thresholds),
    )
    return tuple(note for note in found if note is not None)


def _in_quiz_order(questionnaire: Questionnaire, assessment: Assessment) -> list[int | None]:
    """Each statement's rating in the order the quiz asks them (questionnaire order);
    None for one skipped or not reached yet."""
    ratings = {result.sign.id: result.rating for result in assessment.signs}
    return [ratings.get(sign.id) for sign in questionnaire.signs]


def same_rating(
    questionnaire: Questionnaire, assessment: Assessment, *, thresholds: Thresholds
) -> PatternNote | None:
    """Marked: every rated statement has one rating, with at least `run` rated. Mild: a run
    of at least `run` statements in a row, in the order asked, with one rating; a skipped
    statement ends a run. The longest run is the one named, the first of equals."""
    ratings = _in_quiz_order(questionnaire, assessment)
    rated = [rating for rating in ratings if rating is not None]
    if len(rated) >= thresholds.run and len(set(rated)) == 1:
        return PatternNote(SAME_RATING, MARKED, (("rating", rated[0]), ("count", len(rated))))
    best = (0, 0)  # length, start
    start = 0
    for position, rating in enumerate(ratings):
        if rating is None or rating != ratings[start]:
            start = position
        if rating is not None and position - start + 1 > best[0]:
            best = (position - start + 1, start)
    length, first = best
    if length < thresholds.run:
        return None
    return PatternNote(
        SAME_RATING,
        MILD,
        (
            ("rating", ratings[first] or 0),
            ("length", length),
            ("from", first + 1),  # positions in the order asked, from 1
            ("to", first + length),
        ),
    )


def skipped(assessment: Assessment, *, thresholds: Thresholds) -> PatternNote | None:
    """Statements passed over with skip (not those an unfinished quiz has not reached)."""
    answers = assessment.sheet.answers
    count = sum(
        1 for result in assessment.signs if result.sign.id in answers and result.rating is None
    )
    if count < thresholds.skipped_some:
        return None
    grade = MARKED if count >= thresholds.skipped_many else MILD
    return PatternNote(SKIPPED, grade, (("skipped", count), ("statements", len(assessment.signs))))


def most_positive(assessment: Assessment, *, thresholds: Thresholds) -> PatternNote | None:
    """Ratings at the end of the scale that means most closeness, each for its statement's
    direction (5 where agreeing is closer, 1 where it is not). Marked: all of them; mild:
    at least `positive_nearly_percent` of them. Either needs `positive_answered` rated."""
    rated = [result for result in assessment.signs if result.rating is not None]
    if not rated or len(rated) < thresholds.positive_answered:
        return None
    at_end = sum(1 for result in rated if sign_score(result.sign, result.rating or 0) == 1)
    values = (("at_most_positive", at_end), ("rated", len(rated)))
    if at_end == len(rated):
        return PatternNote(MOST_POSITIVE, MARKED, values)
    if at_end * 100 >= thresholds.positive_nearly_percent * len(rated):
        return PatternNote(MOST_POSITIVE, MILD, values)
    return None


def quick(
    questionnaire: Questionnaire, assessment: Assessment, *, thresholds: Thresholds
) -> PatternNote | None:
    """A completed quiz whose time from start to completion, per statement answered (rated
    or skipped), is under `quick_seconds` (mild) or `very_quick_seconds` (marked).

    A time of zero means no start was recorded (a FHIR response read back without its
    start gives both times as `authored`), so it gives no note."""
    sheet = assessment.sheet
    if sheet.status != COMPLETED or sheet.completed_at is None:
        return None
    seconds = (sheet.completed_at - sheet.started_at).total_seconds()
    answered = sum(1 for sign in questionnaire.signs if sign.id in sheet.answers)
    if seconds <= 0 or answered == 0:
        return None
    pace = seconds / answered
    if pace >= thresholds.quick_seconds:
        return None
    grade = MARKED if pace < thresholds.very_quick_seconds else MILD
    return PatternNote(
        QUICK,
        grade,
        (
            ("seconds", round(seconds)),
            ("answered", answered),
            ("seconds_per_statement", round(pace, 1)),
        ),
    )
