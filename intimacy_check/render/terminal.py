"""Rich renderables for the terminal. Text from files always goes in as Text, never markup."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check.questionnaire import Questionnaire, Sign, Step
from intimacy_check.render.inert import inert, rounded
from intimacy_check.report import Report
from intimacy_check.scoring import Assessment, Flag, RankedStep, SignResult

BAR_WIDTH = 20

DISCLAIMER = (
    "This is an aid to reflection and conversation, not a diagnosis. "
    "If you ever feel unsafe in your relationship, please contact local support services."
)


def indent(renderable: RenderableType, columns: int) -> Padding:
    # expand=False keeps piped output free of trailing spaces.
    return Padding(renderable, (0, 0, 0, columns), expand=False)


def bar(score: float | None, *, width: int = BAR_WIDTH) -> Text:
    """A 0-100 score as a bar of blocks, readable without colour."""
    if score is None:
        return Text("·" * width, style="dim")
    filled = round(score / 100 * width)
    return Text.assemble(("█" * filled, "cyan"), ("░" * (width - filled), "dim"))


def rating_words(questionnaire: Questionnaire, rating: int | None) -> str:
    """'4 – Agree', or 'skipped'."""
    if rating is None:
        return "skipped"
    return f"{rating} – {inert(questionnaire.scale[rating - 1])}"


def scores(report: Report, assessment: Assessment) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(min_width=22)
    table.add_column()
    table.add_column(justify="right")
    table.add_row(
        Text("Intimacy index", style="bold"),
        bar(assessment.index),
        Text(rounded(assessment.index), style="bold"),
    )
    for section in report.questionnaire.sections:
        score = assessment.sections[section.id]
        table.add_row(Text(inert(section.score_label)), bar(score), Text(rounded(score)))
    if assessment.band is None:
        band = Text("No band yet: at least 8 statements of each section need a rating.")
    else:
        band = Text.assemble(
            ("Band: ", "bold"),
            inert(assessment.band.label),
            "\n",
            (inert(assessment.band.description), "italic"),
        )
    return Group(table, band)


def flag_list(heading: str, results: Sequence[SignResult], *, strength: bool) -> RenderableType:
    lines: list[RenderableType] = [Text(heading, style="bold")]
    for result in results:
        title = result.sign.strength_title if strength else result.sign.concern_title
        lines.append(indent(Text(f"• {inert(title)}"), 2))
    if not results:
        lines.append(indent(Text("none", style="dim"), 2))
    return Group(*lines)


def flags(assessment: Assessment) -> RenderableType:
    return Group(
        flag_list("Strengths", assessment.with_flag(Flag.STRENGTH), strength=True),
        flag_list("Growth areas", assessment.with_flag(Flag.GROWTH), strength=False),
        flag_list("Warning signs", assessment.with_flag(Flag.WARNING), strength=False),
    )


def exercises(step: Step, *, columns: int) -> list[RenderableType]:
    return [
        indent(Text.assemble("• ", (inert(item.name), "bold"), " – ", inert(item.how)), columns)
        for item in step.exercises
    ]


def step_block(report: Report, ranked: RankedStep, number: int) -> RenderableType:
    """One recommended step, with the ratings that call for it and its try-this."""
    scale = report.questionnaire
    reasons = [
        f"\u201c{inert(result.sign.statement)}\u201d ({rating_words(scale, result.rating)})"
        for assessment in report.assessments
        for result in assessment.signs
        if result.sign.id in ranked.addresses and result.flag in (Flag.GROWTH, Flag.WARNING)
    ]
    step = ranked.step
    return Group(
        Text.assemble((f"{number}. ", "bold"), (inert(step.title), "bold")),
        indent(Text(inert(step.summary)), 3),
        indent(Text("Because you rated " + ", ".join(reasons), style="dim"), 3),
        indent(Text.assemble(("Try this: ", "bold green"), inert(step.try_this)), 3),
        *exercises(step, columns=5),
    )


def recommended_steps(report: Report, *, limit: int) -> Iterator[RenderableType]:
    if not report.steps:
        yield Text(
            "None of your answers calls for a particular step right now. "
            "Keep doing what brings you close.",
            style="green",
        )
        return
    yield Rule(Text("Steps to try first"), style="cyan", align="left")
    for number, ranked in enumerate(report.steps[:limit], start=1):
        yield step_block(report, ranked, number)
        yield Text("")


def personal_summary(report: Report, *, steps: int = 5) -> RenderableType:
    """The summary shown after the quiz and by `report` for one file."""
    assessment = report.assessments[0]
    return Group(
        Rule(Text(f"Your results, {inert(assessment.name)}"), style="cyan"),
        scores(report, assessment),
        Text(""),
        flags(assessment),
        Text(""),
        *recommended_steps(report, limit=steps),
        Text(DISCLAIMER, style="dim"),
    )


def quiz_screen(
    questionnaire: Questionnaire,
    sign: Sign,
    *,
    position: int,
    total: int,
    current: int | None,
    intro: bool = False,
) -> RenderableType:
    """One statement of the quiz: section, position, statement, explanation and scale;
    with `intro`, the section's introduction first."""
    section = next(section for section in questionnaire.sections if section.id == sign.section)
    done = round(position / total * BAR_WIDTH)
    header = Text.assemble(
        (inert(section.title), "bold cyan"),
        "  ",
        (f"{position + 1}/{total} ", "bold"),
        ("━" * done, "cyan"),
        ("─" * (BAR_WIDTH - done), "dim"),
    )
    scale = Text(" · ").join(
        Text.assemble((f"{rating} ", "bold"), inert(label))
        for rating, label in enumerate(questionnaire.scale, start=1)
    )
    parts: list[RenderableType] = [Text("")]
    if intro:
        parts += [
            Rule(Text(inert(section.title), style="bold"), style="cyan", align="left"),
            Text(inert(section.intro), style="italic"),
            Text(""),
        ]
    parts += [
        header,
        Text(inert(sign.statement), style="bold"),
        Text(inert(sign.about), style="dim"),
        scale,
    ]
    if current is not None:
        parts.append(Text(f"(your earlier answer: {current})", style="dim"))
    return Group(*parts)


def keys_help() -> RenderableType:
    from intimacy_check.quiz import KEYS_HELP

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key, meaning in KEYS_HELP:
        table.add_row(key, meaning)
    return table


def signs_listing(questionnaire: Questionnaire) -> RenderableType:
    """Every statement and every step, for browsing without taking the quiz."""
    parts: list[RenderableType] = [Text(inert(questionnaire.title), style="bold")]
    for section in questionnaire.sections:
        parts.append(Rule(Text(inert(section.title)), style="cyan", align="left"))
        parts.append(Text(inert(section.intro), style="italic"))
        for number, sign in enumerate(section.signs, start=1):
            parts.append(
                Text.assemble(
                    (f"{number:>2}. ", "bold"), (inert(sign.title), "bold"), f"  ({sign.id})"
                )
            )
            parts.append(indent(Text(inert(sign.statement)), 4))
    for kind, title in (
        ("restore", "Ways to restore closeness"),
        ("build", "Ways to build closeness"),
    ):
        parts.append(Rule(Text(title), style="cyan", align="left"))
        kind_steps = [step for step in questionnaire.steps if step.kind == kind]
        for number, step in enumerate(kind_steps, start=1):
            parts.append(
                Text.assemble(
                    (f"{number:>2}. ", "bold"),
                    (inert(step.title), "bold"),
                    " – ",
                    inert(step.summary),
                )
            )
            parts.extend(exercises(step, columns=4))
    return Group(*parts)
