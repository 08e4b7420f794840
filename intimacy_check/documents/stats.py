"""A caseload's figures as a part of the summary document: words for people, values for JSON."""

from __future__ import annotations

from dataclasses import dataclass

from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.messages import stats as text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.stats import (
    INDEX,
    STABLE_FROM,
    CaseloadStats,
    Figure,
    Missing,
    Reason,
    ScaleStats,
)

REASONS = {
    Reason.TOO_FEW: text.REASON_TOO_FEW,
    Reason.NO_SPREAD: text.REASON_NO_SPREAD,
}


@dataclass(frozen=True, slots=True)
class ItemLine:
    sign_id: str
    title: str
    label: str  # "0.52", or "cannot be computed (…)"


@dataclass(frozen=True, slots=True)
class ScaleBlock:
    id: str
    label: str
    line: str  # files, mean and SD
    alpha_line: str
    items: tuple[ItemLine, ...]
    figures: ScaleStats


@dataclass(frozen=True, slots=True)
class StatsBlock:
    heading: str
    notes: tuple[str, ...]
    items_heading: str
    scales: tuple[ScaleBlock, ...]
    figures: CaseloadStats
    unstable_note: str | None  # said where the figures are unstable, None where they are not


def figure_label(value: Figure, *, places: int) -> str:
    """A figure as shown: rounded, or why it cannot be computed."""
    if isinstance(value, Missing):
        return _(text.CANNOT_BE_COMPUTED, reason=_(REASONS[value.reason]))
    return f"{value:.{places}f}"


def reason_id(value: Figure) -> str | None:
    return value.reason.value if isinstance(value, Missing) else None


def stats_block(questionnaire: Questionnaire, figures: CaseloadStats) -> StatsBlock:
    """`questionnaire` is the one the figures are over: it names the parts and statements."""
    unstable = _(text.STATS_UNSTABLE, minimum=STABLE_FROM) if figures.unstable else None
    notes = [
        _(text.STATS_FOR, id=inert(figures.questionnaire_id), version=figures.questionnaire_version)
    ]
    if unstable:
        notes.append(unstable)
    if figures.left_out:
        notes.append(_(text.STATS_LEFT_OUT, count=figures.left_out))
    if figures.sealed:
        notes.append(_(text.STATS_SEALED_LEFT_OUT, count=figures.sealed))
    notes += [_(text.STATS_HOW_COUNTED), _(text.STATS_HOW_TO_READ)]
    labels = {INDEX: _(m.INTIMACY_INDEX)}
    labels.update({section.id: inert(section.score_label) for section in questionnaire.sections})
    titles = {sign.id: inert(sign.title) for sign in questionnaire.signs}
    return StatsBlock(
        heading=_(text.STATS_HEADING, count=figures.n),
        notes=tuple(notes),
        items_heading=_(text.STATS_ITEMS_HEADING),
        scales=tuple(
            ScaleBlock(
                id=scale.id,
                label=labels[scale.id],
                line=_(
                    text.STATS_SCALE_LINE,
                    scale=labels[scale.id],
                    count=scale.n,
                    mean=figure_label(scale.mean, places=1),
                    sd=figure_label(scale.sd, places=1),
                ),
                alpha_line=_(
                    text.STATS_ALPHA_LINE,
                    alpha=figure_label(scale.alpha, places=2),
                    count=scale.complete,
                ),
                items=tuple(
                    ItemLine(
                        item.sign_id, titles[item.sign_id], figure_label(item.correlation, places=2)
                    )
                    for item in scale.items
                ),
                figures=scale,
            )
            for scale in figures.scales
        ),
        figures=figures,
        unstable_note=unstable,
    )
