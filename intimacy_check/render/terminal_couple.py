"""Rich renderables for a couple: both partners side by side."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check.couple import Category, Comparison
from intimacy_check.render.inert import inert, rounded
from intimacy_check.render.terminal import DISCLAIMER, bar, exercises, indent
from intimacy_check.render.wording import (
    CATEGORY_LABELS,
    drivers,
    imbalance_sentences,
    section_sentence,
)
from intimacy_check.report import Report

CATEGORY_STYLES = {
    Category.SHARED_STRENGTH: "green",
    Category.SHARED_GROWTH: "yellow",
    Category.GAP: "magenta",
    Category.MIXED: "",
    Category.SKIPPED: "dim",
}


def _names(report: Report) -> tuple[str, str]:
    return (report.names[0], report.names[1])


def couple_scores(report: Report, couple: Comparison) -> RenderableType:
    names = _names(report)
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2))
    table.add_column("")
    for name in names:
        table.add_column(Text(inert(name), style="bold"), overflow="fold")
    table.add_row(
        Text("Intimacy index", style="bold"),
        *(
            Text.assemble(bar(a.index, width=10), f" {rounded(a.index)}")
            for a in report.assessments
        ),
    )
    table.add_row(
        Text("Band"),
        *(Text(inert(a.band.label) if a.band else "incomplete") for a in report.assessments),
    )
    for section in report.questionnaire.sections:
        table.add_row(
            Text(inert(section.score_label)),
            *(
                Text.assemble(
                    bar(a.sections[section.id], width=10), f" {rounded(a.sections[section.id])}"
                )
                for a in report.assessments
            ),
        )
    agreement = (
        "no statement rated by both" if couple.agreement is None else f"{round(couple.agreement)}%"
    )
    sentences = [
        Text(section_sentence(report.questionnaire, item, names)) for item in couple.sections
    ]
    return Group(
        table,
        Text(""),
        Text.assemble(("Couple agreement: ", "bold"), agreement),
        Text(
            "The share of statements you both rated positively, out of those you both rated.",
            style="dim",
        ),
        Text(""),
        *sentences,
    )


def statements_table(report: Report, couple: Comparison) -> Table:
    names = _names(report)
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 1), expand=False)
    table.add_column("Statement", ratio=1, overflow="fold")
    table.add_column(Text(inert(names[0])), justify="center", max_width=10, overflow="ellipsis")
    table.add_column(Text(inert(names[1])), justify="center", max_width=10, overflow="ellipsis")
    table.add_column("Together", no_wrap=True)
    for item in couple.signs:
        table.add_row(
            Text(inert(item.sign.title)),
            *(Text("–" if rating is None else str(rating)) for rating in item.ratings),
            Text(CATEGORY_LABELS[item.category.value], style=CATEGORY_STYLES[item.category]),
        )
    return table


def discussion(couple: Comparison) -> list[RenderableType]:
    items = couple.in_category(Category.GAP, Category.SHARED_GROWTH)
    if not items:
        return [Text("No statement stands out as one to talk through right now.", style="green")]
    parts: list[RenderableType] = []
    for item in items:
        parts.append(
            Text.assemble(
                ("• ", ""),
                (inert(item.sign.title), "bold"),
                (f"  ({CATEGORY_LABELS[item.category.value]})", CATEGORY_STYLES[item.category]),
            )
        )
        parts.append(indent(Text(inert(item.sign.discuss), style="italic"), 2))
    return parts


def joint_steps(report: Report, *, limit: int) -> list[RenderableType]:
    if not report.steps:
        return [Text("None of your answers calls for a particular step right now.", style="green")]
    parts: list[RenderableType] = []
    for number, ranked in enumerate(report.steps[:limit], start=1):
        step = ranked.step
        parts += [
            Text.assemble(
                (f"{number}. {inert(step.title)}", "bold"),
                (f"  (from the answers of {drivers(ranked.needs_by_person, report.names)})", "dim"),
            ),
            indent(Text(inert(step.summary)), 3),
            indent(Text.assemble(("Try this: ", "bold green"), inert(step.try_this)), 3),
            *exercises(step, columns=5),
            Text(""),
        ]
    return parts


def couple_summary(report: Report, *, steps: int = 5) -> RenderableType:
    """The comparison shown by `compare` and by the couple quiz."""
    couple = report.couple
    assert couple is not None
    names = _names(report)
    parts: list[RenderableType] = [
        Rule(Text(f"{inert(names[0])} and {inert(names[1])}"), style="cyan"),
        couple_scores(report, couple),
    ]
    if couple.imbalance is not None:
        parts += [
            Text(""),
            Text(" ".join(imbalance_sentences(couple.imbalance, names)), style="yellow"),
        ]
    parts += [
        Text(""),
        Rule(Text("Statement by statement"), style="cyan", align="left"),
        statements_table(report, couple),
        Text(""),
        Rule(Text("Worth talking about"), style="cyan", align="left"),
        *discussion(couple),
        Text(""),
        Rule(Text("Steps to try together"), style="cyan", align="left"),
        *joint_steps(report, limit=steps),
        Text(DISCLAIMER, style="dim"),
    ]
    return Group(*parts)
