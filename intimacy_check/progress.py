"""Progress over time: what changed between a respondent's assessments. Pure.

Built on `scoring.assess`, so an assessment here is scored exactly as in a report. The
assessments may answer different versions of the questionnaire: their index and section
scores are compared all the same, and a statement only where the newer version says its
meaning was kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from intimacy_check.answers import AnswerSheet
from intimacy_check.errors import ContentError
from intimacy_check.messages import _, errors
from intimacy_check.questionnaire import Changes, Questionnaire, Sign
from intimacy_check.scoring import Assessment, Flag, SignResult, assess, sign_score

if TYPE_CHECKING:
    from intimacy_check.scoring import Pointing

CONCERNS = (Flag.GROWTH, Flag.WARNING)


class Direction(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    SKIPPED = "skipped"
    REWORDED = "reworded"  # the statement changed meaning between the two versions


class Change(str, Enum):
    """What happened to a growth area or warning sign between the first and latest time."""

    RESOLVED = "resolved"
    NEW = "new"
    ONGOING = "ongoing"
    NONE = "none"


@dataclass(frozen=True)
class Point:
    """One dated assessment, the file it came from, and the questionnaire it answered."""

    file: str
    assessment: Assessment
    questionnaire: Questionnaire


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

    @property
    def versions(self) -> tuple[int, ...]:
        """The questionnaire versions answered, oldest assessment first, each once."""
        return tuple(dict.fromkeys(point.questionnaire.version for point in self.points))


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
    dated: Sequence[tuple[str, AnswerSheet, Questionnaire]],
) -> RespondentProgress:
    """One respondent's assessments in time order (by completed_at, never by file name)."""
    ordered = sorted(dated, key=lambda item: _moment(item[1]))
    points = tuple(
        Point(file=file, assessment=assess(questionnaire, sheet), questionnaire=questionnaire)
        for file, sheet, questionnaire in ordered
    )
    signs = []
    for start, end in _statement_pairs(points[0], points[-1]):
        if start is None:
            signs.append(SignProgress(end.sign, None, end.rating, Direction.REWORDED, Change.NONE))
            continue
        signs.append(
            SignProgress(
                sign=end.sign,
                first=start.rating,
                latest=end.rating,
                direction=direction(end.sign, start.rating, end.rating),
                change=concern_change(start.flag, end.flag),
            )
        )
    return RespondentProgress(name=points[-1].assessment.name, points=points, signs=tuple(signs))


def _statement_pairs(first: Point, latest: Point) -> Iterator[tuple[SignResult | None, SignResult]]:
    """Each statement of the latest assessment, with its first rating where the two can be
    compared: the same questionnaire, or one whose meaning the newer version says was kept."""
    older, newer = first.questionnaire, latest.questionnaire
    if (older.id, older.version) == (newer.id, newer.version):
        yield from zip(first.assessment.signs, latest.assessment.signs, strict=True)
        return
    changes = changes_between(older, newer)
    earlier_id = {new: old for old, new in changes.kept.items()} if changes else {}
    started = {result.sign.id: result for result in first.assessment.signs}
    for end in latest.assessment.signs:
        yield started.get(earlier_id.get(end.sign.id, "")), end


def changes_between(older: Questionnaire, newer: Questionnaire) -> Changes | None:
    """What `newer` says of `older`'s statements, checked to name every one of them; None
    where it says nothing, and then no statement is compared across the two."""
    changes = newer.changes
    if changes is None or changes.from_version != older.version or older.id != newer.id:
        return None
    for sign in older.signs:
        if sign.id not in changes.kept and sign.id not in changes.reworded:
            raise ContentError(
                _(
                    errors.CHANGES_DO_NOT_COVER,
                    where=f"{newer.id} version {newer.version}",
                    version=older.version,
                    sign=repr(sign.id),
                )
            )
    return changes


def _moment(sheet: AnswerSheet) -> float:
    """When a sheet was completed, as a number that sorts across time zones."""
    moment = sheet.completed_at or sheet.started_at
    return moment.timestamp()


def group_progress(
    dated: Sequence[tuple[str, AnswerSheet, Questionnaire]],
) -> tuple[RespondentProgress, ...]:
    """Group completed sheets by respondent (names compared without case), in name order."""
    groups: dict[str, list[tuple[str, AnswerSheet, Questionnaire]]] = {}
    for item in dated:
        groups.setdefault(item[1].respondent.casefold(), []).append(item)
    return tuple(respondent_progress(groups[key]) for key in sorted(groups))
