"""Progress over time: what changed between a respondent's assessments. Pure.

Built on `scoring.assess`, so an assessment here is scored exactly as in a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import Questionnaire, Sign
from intimacy_check.scoring import Assessment, Flag, assess, sign_score

if TYPE_CHECKING:
    from intimacy_check.scoring import Pointing

CONCERNS = (Flag.GROWTH, Flag.WARNING)


class Direction(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    SKIPPED = "skipped"


class Change(str, Enum):
    """What happened to a growth area or warning sign between the first and latest time."""

    RESOLVED = "resolved"
    NEW = "new"
    ONGOING = "ongoing"
    NONE = "none"


@dataclass(frozen=True)
class Point:
    """One dated assessment and the file it came from."""

    file: str
    assessment: Assessment


@dataclass(frozen=True)
class SignProgress:
    sign: Sign
    first: int | None
    latest: int | None
    direction: Direction
    change: Change


@dataclass(frozen=True)
class RespondentProgress:
    name: str
    points: tuple[Point, ...]  # oldest first
    signs: tuple[SignProgress, ...]

    @property
    def first(self) -> Assessment:
        return self.points[0].assessment

    @property
    def latest(self) -> Assessment:
        return self.points[-1].assessment

    def index_change(self, *, since: int) -> float | None:
        """Latest index minus the index of point `since` (0 first, -2 previous)."""
        if len(self.points) < 2:
            return None
        return difference(self.points[since].assessment.index, self.latest.index)

    def with_change(self, change: Change) -> tuple[SignProgress, ...]:
        return tuple(item for item in self.signs if item.change is change)


def difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def direction(sign: Pointing, first: int | None, latest: int | None) -> Direction:
    """In intimacy terms: better when the rating's closeness score went up."""
    if first is None or latest is None:
        return Direction.SKIPPED
    before, after = sign_score(sign, first), sign_score(sign, latest)
    if after > before:
        return Direction.BETTER
    if after < before:
        return Direction.WORSE
    return Direction.SAME


def concern_change(first: Flag, latest: Flag) -> Change:
    if latest is Flag.SKIPPED or first is Flag.SKIPPED:
        return Change.NONE
    was, now = first in CONCERNS, latest in CONCERNS
    if was and not now:
        return Change.RESOLVED
    if now and not was:
        return Change.NEW
    return Change.ONGOING if now else Change.NONE


def respondent_progress(
    questionnaire: Questionnaire, dated: Sequence[tuple[str, AnswerSheet]]
) -> RespondentProgress:
    """One respondent's assessments in time order (by completed_at, never by file name)."""
    ordered = sorted(dated, key=lambda item: _moment(item[1]))
    points = tuple(
        Point(file=file, assessment=assess(questionnaire, sheet)) for file, sheet in ordered
    )
    first, latest = points[0].assessment, points[-1].assessment
    signs = tuple(
        SignProgress(
            sign=start.sign,
            first=start.rating,
            latest=end.rating,
            direction=direction(start.sign, start.rating, end.rating),
            change=concern_change(start.flag, end.flag),
        )
        for start, end in zip(first.signs, latest.signs, strict=True)
    )
    return RespondentProgress(name=latest.name, points=points, signs=signs)


def _moment(sheet: AnswerSheet) -> float:
    """When a sheet was completed, as a number that sorts across time zones."""
    moment = sheet.completed_at or sheet.started_at
    return moment.timestamp()


def group_progress(
    questionnaire: Questionnaire, dated: Sequence[tuple[str, AnswerSheet]]
) -> tuple[RespondentProgress, ...]:
    """Group completed sheets by respondent (names compared without case), in name order."""
    groups: dict[str, list[tuple[str, AnswerSheet]]] = {}
    for file, sheet in dated:
        groups.setdefault(sheet.respondent.casefold(), []).append((file, sheet))
    return tuple(respondent_progress(questionnaire, groups[key]) for key in sorted(groups))
