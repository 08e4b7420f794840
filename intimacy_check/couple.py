"""Pure comparison of two partners' assessments.

Agreement counts only statements both partners rate positively: two partners who both
rate trust 1 out of 5 agree, but about a problem, so that is shared growth instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from intimacy_check.answers import COMPLETED, AnswerSheet
from intimacy_check.errors import CompareError
from intimacy_check.inert import inert
from intimacy_check.messages import _, errors
from intimacy_check.questionnaire import Questionnaire, Sign
from intimacy_check.scoring import Assessment, sign_score

if TYPE_CHECKING:
    from intimacy_check.scoring import Pointing

# Section scores this far apart (a whole rating point on average) are seen much differently,
# and this far apart (under half a point) somewhat differently.
SECTION_DIFFERENCE = 25.0
SECTION_SOMEWHAT = 10.0
STRONG_SECTION = 75.0
LOW_SECTION = 50.0
# Sharing scores this far apart (two rating points on average) suggest one partner opens up more.
SHARING_DIFFERENCE = 0.5
SHARING_TAG = "sharing"
BALANCE_TAG = "balance"


class Category(str, Enum):
    SKIPPED = "skipped"
    SHARED_STRENGTH = "shared-strength"
    SHARED_GROWTH = "shared-growth"
    GAP = "gap"
    MIXED = "mixed"


class Leaning(Enum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"


class SectionView(str, Enum):
    """How the two partners' scores for one section relate."""

    INCOMPLETE = "incomplete"
    BOTH_STRONG = "both-strong"
    BOTH_LOW = "both-low"
    DIFFERENT = "different"
    SOMEWHAT_DIFFERENT = "somewhat-different"
    SIMILAR = "similar"


@dataclass(frozen=True)
class SignComparison:
    sign: Sign
    ratings: tuple[int | None, int | None]
    category: Category


@dataclass(frozen=True)
class SectionComparison:
    section_id: str
    scores: tuple[float | None, float | None]
    view: SectionView
    closer: int | None  # 0 or 1: the partner whose score is higher, when (somewhat) different


@dataclass(frozen=True)
class Imbalance:
    """Signs that one partner may share much more than the other."""

    flagged_by: tuple[int, ...]  # partners who rated a balance sign negatively
    less_open: int | None  # the partner whose sharing ratings are much lower, if any


@dataclass(frozen=True)
class Comparison:
    signs: tuple[SignComparison, ...]
    agreement: float | None  # 0-100, None when no statement was rated by both
    sections: tuple[SectionComparison, ...]
    imbalance: Imbalance | None

    def in_category(self, *categories: Category) -> tuple[SignComparison, ...]:
        return tuple(item for item in self.signs if item.category in categories)

    @property
    def gaps(self) -> tuple[SignComparison, ...]:
        """The statements the partners see differently."""
        return self.in_category(Category.GAP)

    @property
    def shared_growth(self) -> tuple[str, ...]:
        """The ids of the statements both partners rate as a concern."""
        return tuple(item.sign.id for item in self.in_category(Category.SHARED_GROWTH))


def leaning(sign: Pointing, rating: int) -> Leaning:
    """Positive means the rating speaks for closeness, whichever way its section points."""
    score = sign_score(sign, rating)
    if score == 0.5:
        return Leaning.NEUTRAL
    return Leaning.POSITIVE if score > 0.5 else Leaning.NEGATIVE


def categorize(sign: Pointing, first: int | None, second: int | None) -> Category:
    if first is None or second is None:
        return Category.SKIPPED
    leanings = {leaning(sign, first), leaning(sign, second)}
    if leanings == {Leaning.POSITIVE}:
        return Category.SHARED_STRENGTH
    if leanings == {Leaning.NEGATIVE}:
        return Category.SHARED_GROWTH
    if abs(first - second) >= 2 or leanings == {Leaning.POSITIVE, Leaning.NEGATIVE}:
        return Category.GAP
    return Category.MIXED


def agreement(signs: tuple[SignComparison, ...]) -> float | None:
    rated = [item for item in signs if item.category is not Category.SKIPPED]
    if not rated:
        return None
    shared = sum(item.category is Category.SHARED_STRENGTH for item in rated)
    return 100 * shared / len(rated)


def compare_section(
    section_id: str, first: float | None, second: float | None
) -> SectionComparison:
    scores = (first, second)
    if first is None or second is None:
        return SectionComparison(section_id, scores, SectionView.INCOMPLETE, None)
    closer = 0 if first > second else 1
    if abs(first - second) >= SECTION_DIFFERENCE:
        return SectionComparison(section_id, scores, SectionView.DIFFERENT, closer)
    if abs(first - second) >= SECTION_SOMEWHAT:
        return SectionComparison(section_id, scores, SectionView.SOMEWHAT_DIFFERENT, closer)
    if min(first, second) >= STRONG_SECTION:
        view = SectionView.BOTH_STRONG
    elif max(first, second) < LOW_SECTION:
        view = SectionView.BOTH_LOW
    else:
        view = SectionView.SIMILAR
    return SectionComparison(section_id, scores, view, None)


def find_imbalance(
    questionnaire: Questionnaire, ratings: tuple[Mapping[str, int | None], Mapping[str, int | None]]
) -> Imbalance | None:
    """Point out uneven sharing: a partner says so, or their sharing ratings differ a lot."""
    flagged_by = tuple(
        person
        for person, answers in enumerate(ratings)
        if any(
            BALANCE_TAG in sign.tags
            and answers.get(sign.id) is not None
            and leaning(sign, answers[sign.id]) is Leaning.NEGATIVE  # type: ignore[arg-type]
            for sign in questionnaire.signs
        )
    )
    sharing = [sign for sign in questionnaire.signs if SHARING_TAG in sign.tags]
    openness = []
    for answers in ratings:
        scores = [
            sign_score(sign, rating)
            for sign in sharing
            if (rating := answers.get(sign.id)) is not None
        ]
        openness.append(sum(scores) / len(scores) if scores else None)
    less_open = None
    if None not in openness and abs(openness[0] - openness[1]) >= SHARING_DIFFERENCE:  # type: ignore[operator]
        less_open = 0 if openness[0] < openness[1] else 1  # type: ignore[operator]
    if not flagged_by and less_open is None:
        return None
    return Imbalance(flagged_by=flagged_by, less_open=less_open)


def compare(questionnaire: Questionnaire, first: Assessment, second: Assessment) -> Comparison:
    """Compare two partners, statement by statement and section by section."""
    answers = (first.sheet.answers, second.sheet.answers)
    signs = tuple(
        SignComparison(
            sign=sign,
            ratings=(answers[0].get(sign.id), answers[1].get(sign.id)),
            category=categorize(sign, answers[0].get(sign.id), answers[1].get(sign.id)),
        )
        for sign in questionnaire.signs
    )
    sections = tuple(
        compare_section(section.id, first.sections[section.id], second.sections[section.id])
        for section in questionnaire.sections
    )
    return Comparison(
        signs=signs,
        agreement=agreement(signs),
        sections=sections,
        imbalance=find_imbalance(questionnaire, answers),
    )


def same_file_twice(source: str) -> CompareError:
    return CompareError(_(errors.SAME_FILE_TWICE, source=source))


def check_pair(
    first: AnswerSheet,
    second: AnswerSheet,
    *,
    sources: tuple[str, str],
    same_file: bool,
    allow_incomplete: bool,
) -> None:
    """Refuse a pair that should not be compared; raise CompareError saying why."""
    if same_file:
        raise same_file_twice(sources[0])
    # Names are compared as a person sees them: "Sam" and "Sam" with a hidden character are
    # one person.
    names = [" ".join(inert(sheet.respondent).split()) for sheet in (first, second)]
    if names[0].casefold() == names[1].casefold():
        raise CompareError(
            _(
                errors.SAME_PERSON,
                first=sources[0],
                second=sources[1],
                name=repr(names[0]),
            )
        )
    ids = [(sheet.questionnaire_id, sheet.questionnaire_version) for sheet in (first, second)]
    if ids[0][0] == ids[1][0] and ids[0][1] != ids[1][1]:
        raise CompareError(
            _(
                errors.DIFFERENT_VERSIONS,
                first=sources[0],
                first_version=ids[0][1],
                second=sources[1],
                second_version=ids[1][1],
            )
        )
    if ids[0] != ids[1]:
        raise CompareError(
            _(
                errors.DIFFERENT_QUESTIONNAIRES,
                first=sources[0],
                first_id=repr(ids[0][0]),
                first_version=ids[0][1],
                second=sources[1],
                second_id=repr(ids[1][0]),
                second_version=ids[1][1],
            )
        )
    if not allow_incomplete:
        for sheet, source in zip((first, second), sources, strict=True):
            if sheet.status != COMPLETED:
                raise CompareError(_(errors.NOT_FINISHED, name=sheet.respondent, source=source))
