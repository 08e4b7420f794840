"""Rich renderables for the terminal. Text from files always goes in as Text, never markup."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment
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


class Lines:
    """Wrapped, indented lines drawn straight as segments.

    A long report built from one Padding per paragraph spends most of its time in rich's
    layout; plain textwrap does the same job here for a fraction of the cost.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, str, int, int, str, str]] = []

    def add(
        self,
        text: str,
        *,
        indent: int = 0,
        hang: int | None = None,
        style: str = "",
        label: str = "",
        label_style: str = "bold",
    ) -> Lines:
        """A paragraph; `label` starts it in its own style, `hang` indents the lines after."""
        self._items.append(
            (label, text, indent, indent if hang is None else hang, style, label_style)
        )
        return self

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        import textwrap

        from rich.segment import Segment

        width = max(options.max_width, 20)
        for label, text, first, rest, style, label_style in self._items:
            wrapped = textwrap.wrap(
                label + text,
                width=width,
                initial_indent=" " * first,
                subsequent_indent=" " * rest,
                break_on_hyphens=False,
            ) or [""]
            for number, line in enumerate(wrapped):
                if number == 0 and label and line[first:].startswith(label):
                    yield Segment(line[: first + len(label)], console.get_style(label_style))
                    line = line[first + len(label) :]
                    yield Segment(line, console.get_style(style) if style else None)
                else:
                    yield Segment(line, console.get_style(style) if style else None)
                yield Segment.line()


class Columns:
    """A light table: fixed-width columns after a first column that takes the rest.

    Drawn straight as segments, like Lines; a long first cell is cut with an ellipsis.
    """

    def __init__(self, header: list[str], widths: list[int]) -> None:
        self.header = header
        self.widths = widths
        self.rows: list[list[str]] = []

    def add_row(self, cells: list[str]) -> None:
        self.rows.append(cells)

    def _line(self, cells: list[str], first_width: int) -> str:
        def fit(text: str, width: int) -> str:
            return text if len(text) <= width else text[: width - 1] + "…"

        parts = [fit(cells[0], first_width).ljust(first_width)]
        parts += [
            fit(cell, width).ljust(width)
            for cell, width in zip(cells[1:], self.widths, strict=True)
        ]
        return " ".join(parts).rstrip()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        first = max(options.max_width - sum(self.widths) - len(self.widths), 12)
        yield Segment(self._line(self.header, first), console.get_style("bold"))
        yield Segment.line()
        for row in self.rows:
            yield Segment(self._line(row, first))
            yield Segment.line()


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
