"""A couple's side of the documents: how the partners compare, and the compare view.

Kept apart from `report.py` so that a one-person report never loads the couple code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.couple import Category, Comparison, SectionComparison, SectionView
from intimacy_check.documents.advice import advice
from intimacy_check.documents.parts import (
    CATEGORY_LABELS,
    Advice,
    Closing,
    Finding,
    Person,
    Score,
    StatementGroup,
    closing,
    person,
    score,
    title_for,
    topic,
    wishes_of,
)
from intimacy_check.documents.report import statement_groups
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import Report

if TYPE_CHECKING:
    from intimacy_check.documents.wishes import Wishes


@dataclass(frozen=True, eq=False)
class SectionSummary:
    """How both partners see one section, in one sentence."""

    id: str
    scores: tuple[Score, Score]
    view: str  # a SectionView value
    sentence: str


@dataclass(frozen=True, eq=False)
class Imbalance:
    flagged_by: tuple[str, ...]
    less_open: str | None
    sentences: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class CoupleSummary:
    agreement: Score  # a percentage; its label carries the % sign
    agreement_sentence: str  # the share, with what it means: never a bare percentage
    sections: tuple[SectionSummary, ...]
    imbalance: Imbalance | None
    discussion: tuple[Finding, ...]  # seen differently or shared growth: worth talking about


@dataclass(frozen=True, eq=False)
class ComparisonDocument:
    """A couple side by side: scores, statements, what to talk about, steps together."""

    heading: str
    people: tuple[Person, Person]
    couple: CoupleSummary
    statement_groups: tuple[StatementGroup, ...]
    discussion_empty: str
    wishes: Wishes | None  # where the quiz asked how each statement is wished to be
    advice: Advice
    closing: Closing


def comparison_document(report: Report, *, steps: int = 5) -> ComparisonDocument:
    couple = report.couple
    assert couple is not None, "a comparison needs two people"
    questionnaire = report.questionnaire
    first, second = (person(questionnaire, assessment) for assessment in report.assessments)
    groups = statement_groups(report)
    return ComparisonDocument(
        heading=_(m.NAMES_PAIR, first=first.name, second=second.name),
        people=(first, second),
        couple=couple_summary(report, couple),
        statement_groups=groups,
        discussion_empty=_(m.NOTHING_TO_TALK_THROUGH),
        wishes=wishes_of(questionnaire, report.assessments),
        advice=advice(report, limit=steps),
        closing=closing(),
    )


def couple_summary(report: Report, couple: Comparison) -> CoupleSummary:
    names = tuple(inert(name) for name in report.names)
    agreement = couple.agreement
    if agreement is None:
        shown, sentence = Score(None, _(m.INCOMPLETE)), _(m.AGREEMENT_NONE)
    else:
        shown = Score(agreement, f"{round(agreement)}%")
        rated = len(couple.signs) - len(couple.in_category(Category.SKIPPED))
        shared = len(couple.in_category(Category.SHARED_STRENGTH))
        sentence = _(m.AGREEMENT_SENTENCE, agreement=shown.label, shared=shared, rated=rated)
    return CoupleSummary(
        agreement=shown,
        agreement_sentence=sentence,
        sections=tuple(
            section_summary(report.questionnaire, item, (names[0], names[1]))
            for item in couple.sections
        ),
        imbalance=_imbalance(couple, (names[0], names[1])),
        discussion=tuple(
            Finding(
                id=item.sign.id,
                title=title_for(item.sign, item.category.value),
                who=(),
                discuss=inert(item.sign.discuss),
                label=_(CATEGORY_LABELS[item.category.value]),
                category=item.category.value,
            )
            for item in couple.in_category(Category.GAP, Category.SHARED_GROWTH)
        ),
    )


def section_summary(
    questionnaire: Questionnaire, comparison: SectionComparison, names: tuple[str, str]
) -> SectionSummary:
    """One graded sentence: much the same, somewhat higher, or much higher."""
    section = questionnaire.section(comparison.section_id)
    closer_when_agreed = section.closer_when_agreed
    view = comparison.view
    if view is SectionView.INCOMPLETE:
        sentence = _(m.SECTION_INCOMPLETE, topic=topic(section))
    elif view in (SectionView.DIFFERENT, SectionView.SOMEWHAT_DIFFERENT):
        assert comparison.closer is not None
        # The closer partner rates a section that points toward closeness higher, and one
        # that points away from it lower.
        higher = comparison.closer if closer_when_agreed else 1 - comparison.closer
        much = view is SectionView.DIFFERENT
        if closer_when_agreed:
            message = m.SECTION_MUCH_HIGHER if much else m.SECTION_SOMEWHAT_HIGHER
        else:  # "rates the warning signs higher" could read as a better score
            message = m.SECTION_NOTICES_MUCH_MORE if much else m.SECTION_NOTICES_SOMEWHAT_MORE
        sentence = _(message, higher=names[higher], lower=names[1 - higher], topic=topic(section))
    elif view is SectionView.BOTH_STRONG:
        message = (
            m.SECTION_BOTH_STRONG_CLOSER if closer_when_agreed else m.SECTION_BOTH_STRONG_FURTHER
        )
        sentence = _(message, topic=topic(section))
    elif view is SectionView.BOTH_LOW:
        message = m.SECTION_BOTH_LOW_CLOSER if closer_when_agreed else m.SECTION_BOTH_LOW_FURTHER
        sentence = _(message, topic=topic(section))
    else:
        sentence = _(m.SECTION_SAME, topic=topic(section))
    return SectionSummary(
        id=section.id,
        scores=(score(comparison.scores[0]), score(comparison.scores[1])),
        view=view.value,
        sentence=sentence,
    )


def _imbalance(couple: Comparison, names: tuple[str, str]) -> Imbalance | None:
    found = couple.imbalance
    if found is None:
        return None
    sentences = [_(m.IMBALANCE)]
    sentences += [_(m.IMBALANCE_FELT, name=names[person]) for person in found.flagged_by]
    less_open = None
    if found.less_open is not None:
        less_open = names[found.less_open]
        sentences.append(_(m.IMBALANCE_LESS_OPEN, less=less_open, more=names[1 - found.less_open]))
    return Imbalance(
        flagged_by=tuple(names[person] for person in found.flagged_by),
        less_open=less_open,
        sentences=tuple(sentences),
    )
