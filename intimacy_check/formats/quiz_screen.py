"""The quiz's screen: one statement with its section, position and scale, and the keys."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check import accessibility
from intimacy_check.formats.screen import BAR_WIDTH
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.questionnaire import Questionnaire, Sign
from intimacy_check.quiz import KEYS_HELP, KEYS_HELP_IDEAL


def quiz_screen(
    questionnaire: Questionnaire,
    sign: Sign,
    *,
    position: int,
    total: int,
    current: int | None,
    answered: bool = False,
    intro: bool = False,
) -> RenderableType:
    """One statement of the quiz: section, position, statement, explanation and scale;
    with `intro`, the section's introduction first. `current` is an earlier rating, and
    `answered` says the statement was reached before (a skip has no rating)."""
    earlier = None
    if current is not None:
        earlier = _(quiz_text.EARLIER_ANSWER, rating=current)
    elif answered:  # reached before, and skipped
        earlier = _(quiz_text.EARLIER_SKIPPED)
    if accessibility.on():
        from intimacy_check.formats.accessible import quiz_statement

        drawn = quiz_statement(
            questionnaire, sign, position=position, total=total, earlier=earlier, intro=intro
        )
        return Text(drawn)
    section = next(section for section in questionnaire.sections if section.id == sign.section)
    done = round(position / total * BAR_WIDTH)
    header = Text.assemble(
        (inert(section.title), "bold cyan"),
        "  ",
        (f"{position + 1}/{total} ", "bold"),
        ("━" * done, "cyan"),
        ("─" * (BAR_WIDTH - done), "dim"),
    )
    scale = _Scale(
        [
            Text.assemble((f"{rating} ", "bold"), inert(label))
            for rating, label in enumerate(questionnaire.scale, start=1)
        ]
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
    if earlier:
        parts.append(Text(earlier, style="dim"))
    return Group(*parts)


def ideal_screen(
    questionnaire: Questionnaire,
    sign: Sign,
    *,
    rating: int,
    earlier: int | None,
    answered: bool,
) -> RenderableType:
    """The second question of a statement in a quiz with wished-for ratings: how it is
    wished to be, on the same scale, naming the statement (it may be reached by going
    back, or on resuming) and the rating given. `earlier` is an earlier wished-for
    rating, and `answered` says the question was reached before."""
    asked = f"\u201c{inert(sign.statement)}\u201d {_(quiz_text.IDEAL_QUESTION)}"
    lines = [asked, _(quiz_text.IDEAL_NOW, rating=rating)]
    if earlier is not None:
        lines.append(_(quiz_text.EARLIER_ANSWER, rating=earlier))
    elif answered:
        lines.append(_(quiz_text.IDEAL_EARLIER_SKIPPED))
    labels = [(rating, inert(label)) for rating, label in enumerate(questionnaire.scale, 1)]
    if accessibility.on():  # a numbered list, one choice per line, as for the rating
        return Text(
            "\n".join([lines[0], lines[1], *(f"{n}. {label}" for n, label in labels), *lines[2:]])
        )
    scale = _Scale([Text.assemble((f"{n} ", "bold"), label) for n, label in labels])
    parts: list[RenderableType] = [Text(lines[0], style="bold"), Text(lines[1], style="dim"), scale]
    parts += [Text(line, style="dim") for line in lines[2:]]
    return Group(*parts)


class _Scale:
    """The rating scale on as few lines as fit, broken only between two ratings, so that
    a longer scale (Spanish's is 83 columns) never starts a line with a separator."""

    def __init__(self, ratings: list[Text]) -> None:
        self.ratings = ratings

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line: Text | None = None
        for rating in self.ratings:
            if line is None:
                line = rating.copy()
            elif line.cell_len + len(SEPARATOR) + rating.cell_len > options.max_width:
                yield line
                line = rating.copy()
            else:
                line = Text.assemble(line, SEPARATOR, rating)
        if line is not None:
            yield line


SEPARATOR = " · "


def keys_help(*, ideal: bool = False) -> RenderableType:
    """The keys and what they do; `ideal`: at the question of how a statement is wished."""
    rows = KEYS_HELP_IDEAL if ideal else KEYS_HELP
    if accessibility.on():
        from intimacy_check.formats.accessible import keys

        return Text(keys((key, _(meaning)) for key, meaning in rows))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key, meaning in rows:
        table.add_row(key, _(meaning))
    return table
