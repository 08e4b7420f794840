"""Plain sentences about a couple, shared by every output format. Names come in raw and are
made inert here; each format escapes the sentence further for its own markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intimacy_check.questionnaire import PRESENCE, Questionnaire
from intimacy_check.render.inert import inert

if TYPE_CHECKING:
    from intimacy_check.couple import Imbalance, SectionComparison

# Keyed by category value, so that one-person reports need not import the couple module.

CATEGORY_LABELS = {
    "shared-strength": "shared strength",
    "shared-growth": "shared growth",
    "gap": "seen differently",
    "mixed": "mixed",
    "skipped": "skipped",
}


def section_sentence(
    questionnaire: Questionnaire, comparison: SectionComparison, names: tuple[str, str]
) -> str:
    """One sentence about how both partners see one section."""
    from intimacy_check.couple import SectionView

    section = next(item for item in questionnaire.sections if item.id == comparison.section_id)
    topic = inert(section.title[:1].lower() + section.title[1:])
    closeness = comparison.section_id == PRESENCE
    view = comparison.view
    if view is SectionView.INCOMPLETE:
        return f"One of you rated too few of the {topic} to compare them."
    if view is SectionView.DIFFERENT:
        assert comparison.closer is not None
        closer, further = inert(names[comparison.closer]), inert(names[1 - comparison.closer])
        if closeness:
            return f"{closer} rates the {topic} much higher than {further} does."
        return f"{further} rates the {topic} much higher than {closer} does."
    if view is SectionView.BOTH_STRONG:
        if closeness:
            return f"Both of you rate the {topic} as strong."
        return f"Both of you see few {topic}."
    if view is SectionView.BOTH_LOW:
        if closeness:
            return f"Both of you find the {topic} hard to see right now."
        return f"Both of you notice several {topic}."
    return f"You see the {topic} in much the same way."


def imbalance_sentences(imbalance: Imbalance, names: tuple[str, str]) -> list[str]:
    """Why the comparison thinks one partner may be opening up more than the other."""
    sentences = [
        "Your answers suggest that one of you may be sharing much more than the other. "
        "Closeness grows when both partners open up, so this is worth a gentle conversation."
    ]
    for person in imbalance.flagged_by:
        sentences.append(f"{inert(names[person])} feels that the sharing between you is uneven.")
    if imbalance.less_open is not None:
        sentences.append(
            f"{inert(names[imbalance.less_open])} rates the statements about opening up much "
            f"lower than {inert(names[1 - imbalance.less_open])} does."
        )
    return sentences


def drivers(needs: tuple[int, ...], names: tuple[str, ...]) -> str:
    """Whose answers call for a step: 'Alex', 'Sam' or 'both of you'."""
    people = [inert(name) for name, need in zip(names, needs, strict=True) if need > 0]
    if len(names) > 1 and len(people) == len(names):
        return "both of you"
    return " and ".join(people)
