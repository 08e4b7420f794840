"""Pure statistics over a caseload, and reliable change between two assessments. No I/O.

Every figure is built on per-statement scores on the 0-100 closeness scale
(`scoring.sign_score` x 100), so that a "lacking" statement, whose agreement means less
closeness, points the same way as the others. A scale is the whole index or one section.

Skipped statements: the mean and SD of a scale are over the files that have its score (as
`scoring.assess` gives it: at most two statements of a section skipped); Cronbach's alpha
and the item-rest correlations are over the files that answered every statement of the
scale, because both compare statements within one person's answers. A figure that cannot
be computed is a `Missing` with its reason, never a number made up to fill the cell.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from intimacy_check.answers import COMPLETED, AnswerSheet
from intimacy_check.questionnaire import Questionnaire, Sign
from intimacy_check.scoring import assess, sign_score

STABLE_FROM = 30  # completed files; with fewer, the figures are shown but called unstable
RELIABLE_Z = 1.96  # |RCI| beyond this: p < .05 that measurement noise alone explains it
INDEX = "index"  # the scale id of the whole index, beside the section ids
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # a sheet built only to be scored


class Reason(str, Enum):
    """Why a figure cannot be computed."""

    TOO_FEW = "too-few"  # fewer than two files (or statements) to compute it from
    NO_SPREAD = "no-spread"  # every value the same: a variance of zero


@dataclass(frozen=True, slots=True)
class Missing:
    reason: Reason


Figure = float | Missing


@dataclass(frozen=True, slots=True)
class ItemRest:
    sign_id: str
    correlation: Figure


@dataclass(frozen=True, slots=True)
class ScaleStats:
    """One scale's figures: `n` files with its score, `complete` with every statement."""

    id: str
    n: int
    mean: Figure
    sd: Figure
    complete: int
    alpha: Figure
    items: tuple[ItemRest, ...]


@dataclass(frozen=True, slots=True)
class CaseloadStats:
    questionnaire_id: str
    questionnaire_version: int
    n: int  # completed files of this questionnaire and version
    left_out: int  # completed files of other questionnaires or versions
    scales: tuple[ScaleStats, ...]  # the index first, then each section in quiz order
    sealed: int = 0  # sealed files, which a caseload cannot open (it asks no passphrase)

    @property
    def unstable(self) -> bool:
        return self.n < STABLE_FROM

    def scale(self, scale_id: str) -> ScaleStats:
        return next(scale for scale in self.scales if scale.id == scale_id)


# --- the figures ------------------------------------------------------------------------------


def mean(values: Sequence[float]) -> Figure:
    return statistics.fmean(values) if values else Missing(Reason.TOO_FEW)


def sample_sd(values: Sequence[float]) -> Figure:
    """The sample standard deviation (n - 1); Missing for fewer than two values."""
    if len(values) < 2:
        return Missing(Reason.TOO_FEW)
    return statistics.stdev(values)


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> Figure:
    """alpha = k / (k - 1) * (1 - sum of item variances / variance of the totals), one row
    per person and one column per statement, sample variances throughout."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return Missing(Reason.TOO_FEW)
    k = len(rows[0])
    totals = [sum(row) for row in rows]
    total_variance = statistics.variance(totals)
    if total_variance == 0:
        return Missing(Reason.NO_SPREAD)
    item_variances = sum(statistics.variance(column) for column in zip(*rows, strict=True))
    return float(k / (k - 1) * (1 - item_variances / total_variance))


def item_rest(rows: Sequence[Sequence[float]], position: int) -> Figure:
    """Pearson's r between one statement and the sum of the scale's other statements."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return Missing(Reason.TOO_FEW)
    item = [row[position] for row in rows]
    rest = [sum(row) - row[position] for row in rows]
    if statistics.pvariance(item) == 0 or statistics.pvariance(rest) == 0:
        return Missing(Reason.NO_SPREAD)
    return float(statistics.correlation(item, rest))


def standard_error_of_difference(sd: float, alpha: float) -> float:
    """Jacobson & Truax (1991): S_diff = sqrt(2 * SE^2), with SE = SD * sqrt(1 - r_xx)."""
    return math.sqrt(2 * (sd * math.sqrt(1 - alpha)) ** 2)


def reliable_change_index(before: float, after: float, *, sd: float, alpha: float) -> float:
    """RCI = (x2 - x1) / S_diff; `sd` > 0 and 0 <= `alpha` < 1, as a norms file holds them."""
    return (after - before) / standard_error_of_difference(sd, alpha)


def is_reliable(rci: float) -> bool:
    """Whether a change goes beyond what measurement noise alone would explain (p < .05)."""
    return abs(rci) > RELIABLE_Z


# --- a caseload -------------------------------------------------------------------------------

Answers = Mapping[str, int | None]


def _scores(signs: Sequence[Sign], answers: Answers) -> list[float] | None:
    """Each statement's 0-100 score, or None where one was skipped."""
    scores = []
    for sign in signs:
        rating = answers.get(sign.id)
        if rating is None:
            return None
        scores.append(100 * sign_score(sign, rating))
    return scores


def scale_stats(
    scale_id: str,
    signs: Sequence[Sign],
    *,
    scores: Sequence[float],
    rows: Sequence[Sequence[float]],
) -> ScaleStats:
    """One scale from its scores (one per file that has it) and its complete rows."""
    return ScaleStats(
        id=scale_id,
        n=len(scores),
        mean=mean(scores),
        sd=sample_sd(scores),
        complete=len(rows),
        alpha=cronbach_alpha(rows),
        items=tuple(
            ItemRest(sign.id, item_rest(rows, position)) for position, sign in enumerate(signs)
        ),
    )


def caseload_stats(
    questionnaire: Questionnaire,
    answered: Sequence[Answers],
    *,
    left_out: int = 0,
    sealed: int = 0,
) -> CaseloadStats:
    """The figures over completed answer files of `questionnaire` (their answers only)."""
    scales: list[tuple[str, tuple[Sign, ...]]] = [(INDEX, questionnaire.signs)]
    scales += [(section.id, section.signs) for section in questionnaire.sections]
    scores: dict[str, list[float]] = {scale_id: [] for scale_id, _signs in scales}
    rows: dict[str, list[list[float]]] = {scale_id: [] for scale_id, _signs in scales}
    for answers in answered:
        sheet = AnswerSheet(
            respondent="",
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            started_at=_EPOCH,
            status=COMPLETED,
            answers=answers,
        )
        assessment = assess(questionnaire, sheet)
        found = {INDEX: assessment.index, **assessment.sections}
        for scale_id, signs in scales:
            value = found.get(scale_id)
            if value is not None:
                scores[scale_id].append(value)
            complete = _scores(signs, answers)
            if complete is not None:
                rows[scale_id].append(complete)
    return CaseloadStats(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        n=len(answered),
        left_out=left_out,
        sealed=sealed,
        scales=tuple(
            scale_stats(scale_id, signs, scores=scores[scale_id], rows=rows[scale_id])
            for scale_id, signs in scales
        ),
    )
