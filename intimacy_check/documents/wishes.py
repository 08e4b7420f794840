"""How each person wishes things were: the part a document shows when someone gave
wished-for ratings (quiz --ideal). Pure, like the rest of the document model.

A gap is the wished-for score minus the current one, in points of the 0-100 score: the
core computes it (`scoring.gap_points`); this module decides which gaps are shown, in
what order, and in what words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import (
    STEP_POINTS,
    WORTH_TALKING_ABOUT,
    Assessment,
    SignResult,
    worth_talking_about,
)


@dataclass(frozen=True, eq=False, repr=False)
class Wish:
    """One statement as one person rates it now and wishes it were."""

    id: str
    title: str  # the statement's topic, which reads right whatever the ratings
    statement: str
    now: int
    now_label: str  # "2 Disagree"
    ideal: int
    ideal_label: str
    gap: float  # points, positive where more closeness is wished for
    gap_label: str  # "+75"
    line: str  # "now 2 Disagree, wished for 5 Strongly agree (gap +75)"


@dataclass(frozen=True, eq=False, repr=False)
class PersonWishes:
    name: str
    asked: int  # statements with both a rating and a wished-for rating
    summary: str  # one sentence: how many wished-for changes, how many already close
    largest: tuple[Wish, ...]  # gaps worth talking about, largest first
    close: tuple[Wish, ...]  # gaps under that, in questionnaire order


@dataclass(frozen=True, eq=False, repr=False)
class SideBySide:
    """For a couple, one statement where a partner wishes for a change: what each partner
    wishes, beside what the other sees now."""

    id: str
    title: str
    statement: str
    wishes: tuple[str, ...]  # per partner, their wished-for rating's label, or "–"
    now: tuple[str, ...]  # per partner, their current rating's label, or "–"
    lines: tuple[str, ...]  # "Alex wishes 5 Strongly agree; Sam sees it now as 2 Disagree."


@dataclass(frozen=True, eq=False, repr=False)
class Wishes:
    heading: str
    how_to_read: str
    threshold: int  # the smallest gap listed as a wished-for change, in points
    largest_heading: str
    close_heading: str
    people: tuple[PersonWishes, ...]
    side_by_side_heading: str
    side_by_side: tuple[SideBySide, ...]  # a couple's, else empty


def wishes(
    questionnaire: Questionnaire, assessments: Sequence[Assessment], *, own: bool = False
) -> Wishes | None:
    """The part for these people, or None when nobody gave a wished-for rating; `own`
    speaks to the one person whose results these are."""
    if not any(assessment.has_ideal for assessment in assessments):
        return None
    people = tuple(_person(questionnaire, assessment, own=own) for assessment in assessments)
    couple = len(assessments) == 2
    return Wishes(
        heading=_(m.WISHES_HEADING),
        how_to_read=_(m.WISHES_HOW_TO_READ, step=STEP_POINTS, threshold=WORTH_TALKING_ABOUT),
        threshold=WORTH_TALKING_ABOUT,
        largest_heading=_(m.WISHES_LARGEST),
        close_heading=_(m.WISHES_CLOSE),
        people=people,
        side_by_side_heading=_(m.WISHES_SIDE_BY_SIDE) if couple else "",
        side_by_side=_side_by_side(questionnaire, assessments) if couple else (),
    )


def _label(questionnaire: Questionnaire, rating: int) -> str:
    return _(m.RATING_WITH_LABEL, rating=rating, label=inert(questionnaire.scale[rating - 1]))


def _wish(questionnaire: Questionnaire, result: SignResult) -> Wish:
    assert result.rating is not None and result.ideal is not None and result.gap is not None
    return Wish(
        id=result.sign.id,
        title=inert(result.sign.topic),
        statement=inert(result.sign.statement),
        now=result.rating,
        now_label=_label(questionnaire, result.rating),
        ideal=result.ideal,
        ideal_label=_label(questionnaire, result.ideal),
        gap=result.gap,
        gap_label=gap_label(result.gap),
        line=_(
            m.WISHES_GAP,
            statement=inert(result.sign.statement),
            now=_label(questionnaire, result.rating),
            ideal=_label(questionnaire, result.ideal),
            gap=gap_label(result.gap),
        ),
    )


def gap_label(gap: float) -> str:
    """'+75', '0', '−25': a gap always says which way it points."""
    points = round(gap)
    return f"+{points}" if points > 0 else ("0" if points == 0 else f"−{-points}")


def _person(questionnaire: Questionnaire, assessment: Assessment, *, own: bool) -> PersonWishes:
    given = [(n, r) for n, r in enumerate(assessment.signs) if r.gap is not None]
    large = sorted(
        (item for item in given if worth_talking_about(item[1].gap)),
        key=lambda item: (-abs(item[1].gap or 0), item[0]),  # ties in questionnaire order
    )
    close = [result for _number, result in given if not worth_talking_about(result.gap)]
    name = inert(assessment.name)
    if not given:
        summary = _(m.WISHES_NONE_GIVEN_OWN if own else m.WISHES_NONE_GIVEN, name=name)
    else:
        summary = _(
            m.WISHES_SUMMARY_OWN if own else m.WISHES_SUMMARY,
            name=name,
            asked=len(given),
            large=len(large),
            close=len(close),
        )
    return PersonWishes(
        name=name,
        asked=len(given),
        summary=summary,
        largest=tuple(_wish(questionnaire, result) for _number, result in large),
        close=tuple(_wish(questionnaire, result) for result in close),
    )


def _side_by_side(
    questionnaire: Questionnaire, assessments: Sequence[Assessment]
) -> tuple[SideBySide, ...]:
    first, second = assessments
    rows = []
    for mine, theirs in zip(first.signs, second.signs, strict=True):
        if not (worth_talking_about(mine.gap) or worth_talking_about(theirs.gap)):
            continue
        pair = (mine, theirs)
        names = (inert(first.name), inert(second.name))
        wishes = tuple("–" if r.ideal is None else _label(questionnaire, r.ideal) for r in pair)
        now = tuple("–" if r.rating is None else _label(questionnaire, r.rating) for r in pair)
        lines = []
        for me, other in ((0, 1), (1, 0)):
            if pair[me].ideal is None:
                continue
            if pair[other].rating is None:
                line = _(m.WISHES_ONE_SIDE, name=names[me], wishes=wishes[me])
            else:
                line = _(
                    m.WISHES_PAIR,
                    name=names[me],
                    wishes=wishes[me],
                    other=names[other],
                    now=now[other],
                )
            lines.append(line)
        rows.append(
            SideBySide(
                id=mine.sign.id,
                title=inert(mine.sign.topic),
                statement=inert(mine.sign.statement),
                wishes=wishes,
                now=now,
                lines=tuple(lines),
            )
        )
    return tuple(rows)
