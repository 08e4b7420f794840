"""Which steps a document shows, and the one sentence that goes with them. Pure."""

from __future__ import annotations

from intimacy_check.documents.parts import Advice, names_list, step_items, title_for
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.report import Report
from intimacy_check.scoring import choose_steps, gentle_starts, rank_steps


def advice(report: Report, *, limit: int) -> Advice:
    """The steps to show, so that the advice never contradicts itself.

    Flagged statements call for steps first. When nothing is flagged but someone's index is
    below the top band, their lowest-scoring statements are offered as gentle places to
    start. For a couple, every shared growth area gets a step when the limit allows.
    """
    questionnaire = report.questionnaire
    ranked, kind = report.steps, "flagged"
    gentle_titles: tuple[str, ...] = ()
    if not ranked:
        top = questionnaire.bands[0]
        # Only a complete index can invite steps; a band below the top one does.
        starts = [
            gentle_starts(assessment) if assessment.band not in (None, top) else ()
            for assessment in report.assessments
        ]
        if any(starts):
            weights = [{result.sign.id: 1 for result in chosen} for chosen in starts]
            ranked = rank_steps(
                questionnaire, report.assessments, weights=weights, leave_out=report.held_back
            )
            kind = "gentle-start"
            seen = dict.fromkeys(result.sign.id for chosen in starts for result in chosen)
            gentle_titles = tuple(title_for(questionnaire.sign(sign_id), None) for sign_id in seen)
        else:
            kind = "none"
    cover: tuple[str, ...] = ()
    if report.couple is not None:
        cover = report.couple.shared_growth
    chosen = choose_steps(ranked, limit=limit, must_cover=cover)
    couple = report.couple is not None
    shown = step_items(questionnaire, report.assessments, chosen, couple=couple)
    every = step_items(questionnaire, report.assessments, ranked, couple=couple)
    if limit == 0:
        kind, intro = ("hidden" if ranked else "none"), _(m.STEPS_HIDDEN)
    elif kind == "none":
        intro = _(m.STEPS_NONE_NEEDED)
    elif kind == "gentle-start":
        intro = _(m.STEPS_GENTLE, titles=names_list(gentle_titles))
    elif len(ranked) == 1:
        intro = _(m.STEPS_INTRO_ONLY)
    elif len(shown) == 1:
        intro = _(m.STEPS_INTRO_ONE, total=len(ranked))
    elif len(ranked) > len(shown):
        intro = _(m.STEPS_INTRO_OUT_OF, shown=len(shown), total=len(ranked))
    else:
        intro = _(m.STEPS_INTRO, shown=len(shown))
    ranked_by = "ratings"
    if kind == "flagged" and any(assessment.has_ideal for assessment in report.assessments):
        ranked_by = "wishes"  # the core's weights are the wished-for changes then
        intro = f"{intro} {_(m.STEPS_BY_WISHES)}"
    return Advice(
        kind=kind, intro=intro, steps=shown, ranked=every, total=len(ranked), ranked_by=ranked_by
    )
