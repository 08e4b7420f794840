"""Every document for the terminal, drawn with rich. Text is always passed as Text, never
as markup, so nothing from a file can style or break the screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from intimacy_check.formats.screen import Columns, Grid, Heading, Lines, bar, indent
from intimacy_check.messages import _
from intimacy_check.messages import reports as m

if TYPE_CHECKING:
    from intimacy_check.documents.caseload import CaseloadDocument, CaseloadRow
    from intimacy_check.documents.comparison import ComparisonDocument, CoupleSummary
    from intimacy_check.documents.listing import ListingDocument
    from intimacy_check.documents.parts import (
        Advice,
        Closing,
        FindingGroup,
        Person,
        SafetyNote,
        StepItem,
    )
    from intimacy_check.documents.personal import PersonalDocument
    from intimacy_check.documents.progress import PersonProgress, ProgressDocument
    from intimacy_check.documents.report import ReportDocument
    from intimacy_check.documents.stats import StatsBlock
    from intimacy_check.documents.wishes import Wishes

NOTE_LINES = 3
SPARKS = "▁▂▃▄▅▆▇█"
CATEGORY_STYLES = {
    "shared-strength": "green",
    "shared-growth": "yellow",
    "gap": "magenta",
    "mixed": "",
    "skipped": "dim",
}
DIRECTION_STYLES = {"better": "green", "worse": "yellow", "same": "", "skipped": "dim"}


def _rule(title: str, *, centred: bool = False) -> Heading:
    return Heading(title, centred=centred)


def _closing(closing: Closing) -> list[RenderableType]:
    return [Lines().add(closing.disclaimer, style="dim").add(closing.safety, style="dim")]


def _safety(note: SafetyNote | None) -> list[RenderableType]:
    """The safety note first of all, where there is one: plain words, no alarm colours."""
    if note is None:
        return []
    return [
        _rule(note.heading),
        Lines().add(note.note).add("").add(note.support, style="bold"),
        Text(""),
    ]


def _scores_table(people: tuple[Person, ...]) -> Grid:
    table = Grid()
    table.add_row("", *(Text(person.name, style="bold") for person in people))
    table.add_row(
        Text(_(m.INTIMACY_INDEX), style="bold"),
        *(Text.assemble(bar(p.index.value, width=10), f" {p.index.label}") for p in people),
    )
    table.add_row(_(m.BAND), *(Text(person.band) for person in people))
    for number, section in enumerate(people[0].sections):
        table.add_row(
            Text(section.label),
            *(
                Text.assemble(
                    bar(p.sections[number].score.value, width=10),
                    f" {p.sections[number].score.label}",
                )
                for p in people
            ),
        )
    return table


def _couple(couple: CoupleSummary) -> list[RenderableType]:
    lines = Lines().add(couple.agreement_sentence)
    for section in couple.sections:
        lines.add(section.sentence)
    parts: list[RenderableType] = [lines]
    if couple.imbalance is not None:
        parts.append(Lines().add(" ".join(couple.imbalance.sentences), style="yellow"))
    return parts


def _step(step: StepItem, *, couple: bool) -> Lines:
    lines = Lines()
    lines.add(f"{step.number}. {step.title}", style="bold")
    lines.add(step.summary, indent=3)
    lines.add(step.reason if couple else step.because, indent=3, style="dim")
    lines.add(step.try_this, indent=3, label=_(m.TRY_THIS) + " ", label_style="bold green")
    for item in step.exercises:
        lines.add(item.how, indent=5, hang=7, label=f"• {item.name} – ")
    return lines.add("")


def _advice(advice: Advice, heading: str, *, couple: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [_rule(heading)]
    style = "green" if advice.kind == "none" else ""
    parts.append(Lines().add(advice.intro, style=style))
    parts += [_step(step, couple=couple) for step in advice.steps]
    return parts


def _findings(groups: tuple[FindingGroup, ...]) -> Lines:
    lines = Lines()
    for group in groups:
        lines.add(group.heading, style="bold")
        if not group.entries:
            lines.add(_(m.NONE_RIGHT_NOW), indent=2, style="dim")
        for entry in group.entries:
            who = f" ({', '.join(entry.who)})" if entry.who else ""
            lines.add(f"• {entry.title}{who}", indent=2, hang=4)
            if entry.discuss:
                lines.add(entry.discuss, indent=4, style="italic")
    return lines


def _wishes(wishes: Wishes | None) -> list[RenderableType]:
    """How each statement is wished to be, where anyone said: each person's largest
    wished-for changes, what is already close, and for a couple, side by side."""
    if wishes is None:
        return []
    lines = Lines().add(wishes.how_to_read, style="dim").add("")
    for person in wishes.people:
        lines.add(person.summary, style="bold")
        if person.largest:
            lines.add(wishes.largest_heading, indent=2)
        for wish in person.largest:
            lines.add(wish.line, indent=4, hang=6, label="• ", label_style="")
        if person.close:
            titles = "; ".join(wish.title for wish in person.close)
            lines.add(titles, indent=2, hang=4, label=f"{wishes.close_heading}: ", label_style="")
        lines.add("")
    if wishes.side_by_side:
        lines.add(wishes.side_by_side_heading, style="bold")
        for row in wishes.side_by_side:
            lines.add(f"• \u201c{row.statement}\u201d", indent=2, hang=4)
            for line in row.lines:
                lines.add(line, indent=4, style="italic")
        lines.add("")
    return [_rule(wishes.heading), lines]


def _response_notes(document: ReportDocument) -> list[RenderableType]:
    """How the answers were given: plain words, no alarm colours."""
    lines = Lines().add(document.notes_intro, style="dim")
    for note in document.notes:
        lines.add("").add(note.heading, style="bold").add(note.sentence, indent=2)
    return [_rule(document.notes_heading), lines]


# --- the personal summary ---------------------------------------------------------------------


def personal(document: PersonalDocument) -> RenderableType:
    person = document.person
    table = Table.grid(padding=(0, 2))
    table.add_column(min_width=22)
    table.add_column()
    table.add_column(justify="right")
    table.add_row(
        Text(_(m.INTIMACY_INDEX), style="bold"),
        bar(person.index.value),
        Text(person.index.label, style="bold"),
    )
    for section in person.sections:
        table.add_row(Text(section.label), bar(section.score.value), Text(section.score.label))
    band: RenderableType
    if person.missing_index:
        band = Text(person.missing_index)
    else:
        band = (
            Lines()
            .add(person.band, label=_(m.BAND_IS, band=""))
            .add(person.band_description, style="italic")
        )
    return Group(
        _rule(document.heading, centred=True),
        *_safety(document.safety),
        table,
        band,
        Text(""),
        _findings(document.findings),
        Text(""),
        *_wishes(document.wishes),
        *_advice(document.advice, _(m.STEPS_TO_TRY_FIRST), couple=False),
        *_closing(document.closing),
    )


# --- the counselor's report --------------------------------------------------------------------


def report(document: ReportDocument) -> RenderableType:
    """All parts of the counselor's report, readable in 80 columns."""
    header: list[RenderableType] = [_rule(document.heading, centred=True)]
    header += _safety(document.safety)
    header += [Text(f"{person.name}: {person.status_line}") for person in document.people]
    header.append(Text(document.questionnaire.line, style="dim"))
    bands = " · ".join(f"{band.min}+ {band.label}" for band in document.bands)
    how = Lines()
    for paragraph in document.how_to_read:
        how.add(paragraph).add("")
    scores: list[RenderableType] = [_rule(_(m.SCORES)), _scores_table(document.people)]
    scores += [Text(p.missing_index, style="dim") for p in document.people if p.missing_index]
    if document.couple is not None:
        scores += _couple(document.couple)
    if document.notes:
        scores += [Text(""), *_response_notes(document)]
    statements: list[RenderableType] = [_rule(_(m.STATEMENTS))]
    couple = document.is_couple
    widths = [16 if not couple else 14] * len(document.people) + ([16] if couple else [])
    for group in document.statement_groups:
        names = [person.name for person in document.people]
        table = Columns([group.title, *names, *([_(m.TOGETHER)] if couple else [])], widths)
        for row in group.rows:
            cells = [f"{cell.short} {cell.flag_label}" for cell in row.cells]
            table.add_row([row.title, *cells, *([row.category_label or ""] if couple else [])])
        if group.note:
            statements.append(Lines().add(group.note, style="dim"))
        statements += [table, Text("")]
    parts = [
        *header,
        Text(""),
        _rule(_(m.HOW_TO_READ)),
        how,
        Lines().add(f"{_(m.BANDS)}: {bands}", style="dim"),
        Text(""),
        *scores,
        Text(""),
        *statements,
        _rule(_(m.WHAT_THE_ANSWERS_SHOW)),
        _findings(document.findings),
        Text(""),
        *_wishes(document.wishes),
        *_advice(document.advice, _(m.RECOMMENDED_STEPS), couple=couple),
        _rule(_(m.NOTES)),
        *(Heading("") for _line in range(NOTE_LINES)),
        *_closing(document.closing),
    ]
    return Group(*parts)


# --- the compare view --------------------------------------------------------------------------


def comparison(document: ComparisonDocument) -> RenderableType:
    names = [person.name for person in document.people]
    statements: list[RenderableType] = []
    for group in document.statement_groups:
        table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 1), expand=False)
        table.add_column(group.title, ratio=1, overflow="fold")
        for name in names:
            table.add_column(Text(name), justify="center", max_width=10, overflow="ellipsis")
        table.add_column(_(m.TOGETHER), no_wrap=True)
        for row in group.rows:
            table.add_row(
                Text(row.title),
                *(Text(cell.short) for cell in row.cells),
                Text(row.category_label or "", style=CATEGORY_STYLES.get(row.category or "", "")),
            )
        if group.note:
            statements.append(Lines().add(group.note, style="dim"))
        statements += [table, Text("")]
    talk: list[RenderableType] = []
    for item in document.couple.discussion:
        talk.append(
            Text.assemble(
                "• ",
                (item.title, "bold"),
                (f"  ({item.label})", CATEGORY_STYLES.get(item.category or "", "")),
            )
        )
        talk.append(Lines().add(item.discuss or "", indent=2, style="italic"))
    if not talk:
        talk = [Text(document.discussion_empty, style="green")]
    return Group(
        _rule(document.heading, centred=True),
        _scores_table(document.people),
        Text(""),
        *_couple(document.couple),
        Text(""),
        _rule(_(m.STATEMENT_BY_STATEMENT)),
        *statements,
        _rule(_(m.WORTH_TALKING_ABOUT)),
        *talk,
        Text(""),
        *_wishes(document.wishes),
        *_advice(document.advice, _(m.STEPS_TO_TRY_TOGETHER), couple=True),
        *_closing(document.closing),
    )


# --- progress ----------------------------------------------------------------------------------


def sparkline(values: list[float | None]) -> str:
    """One block per assessment, higher for a higher index; a gap for an incomplete one."""
    return "".join(
        " " if value is None else SPARKS[min(int(value / 100 * len(SPARKS)), len(SPARKS) - 1)]
        for value in values
    )


def _progress_person(document: ProgressDocument, person: PersonProgress) -> list[RenderableType]:
    table = Table(box=None, pad_edge=False, padding=(0, 2))
    for heading in (_(m.DATE), _(m.INDEX), _(m.BAND)):
        table.add_column(heading, no_wrap=True)
    for section in person.assessments[0].sections:
        table.add_column(Text(section.label), justify="right")
    for row in person.assessments:
        table.add_row(
            row.date, row.index.label, Text(row.band), *(s.score.label for s in row.sections)
        )
    parts: list[RenderableType] = [
        _rule(_(m.TITLE_WITH_NAMES, title=document.title, names=person.name), centred=True),
        table,
        Text(""),
        Text.assemble((f"{_(m.INDEX_CHANGE)}: ", "bold"), person.changes_line),
        Text.assemble(
            (f"{_(m.TREND)}: ", "bold"),
            (sparkline([row.index.value for row in person.assessments]), "cyan"),
        ),
        Text(""),
    ]
    if person.single:
        parts.append(Text(person.single, style="italic"))
    if person.reliable_changes:
        parts.append(Text(document.reliable_heading, style="bold"))
        for change in person.reliable_changes:
            style = "bold" if change.reliable else "dim" if change.rci is None else ""
            parts.append(indent(Text("• " + change.line, style=style), 2))
        parts.append(Text(""))
    for title, items, style in (
        (_(m.RESOLVED), person.resolved, "green"),
        (_(m.NEW), person.new, "yellow"),
        (person.ongoing_heading, person.ongoing, ""),
    ):
        parts.append(Text.assemble((f"{title}: ", f"bold {style}"), "; ".join(items) or _(m.NONE)))
    parts.append(Text(""))
    if person.moved:
        moved = Table(box=None, pad_edge=False, padding=(0, 1))
        moved.add_column(_(m.STATEMENT), ratio=1)
        moved.add_column(_(m.FIRST), justify="center")
        moved.add_column(_(m.LATEST), justify="center")
        moved.add_column(_(m.DIRECTION))
        for sign in person.moved:
            moved.add_row(
                Text(sign.title),
                sign.first_label,
                sign.latest_label,
                Text(sign.direction_label, style=DIRECTION_STYLES.get(sign.direction, "")),
            )
        parts += [Text(_(m.STATEMENTS_THAT_MOVED), style="bold"), moved, Text("")]
    return parts


def progress(document: ProgressDocument) -> RenderableType:
    parts: list[RenderableType] = []
    for person in document.people:
        parts += _progress_person(document, person)
    # How reliable change was told, or why it was not: once, after everyone's changes.
    parts += [Text(line, style="italic") for line in document.reliability]
    parts += [Text("")] if document.reliability else []
    return Group(*parts, *_closing(document.closing))


# --- signs and the caseload --------------------------------------------------------------------


def listing(document: ListingDocument) -> RenderableType:
    parts: list[RenderableType] = [Text(document.title, style="bold")]
    for section in document.sections:
        parts += [_rule(section.title), Text(section.intro, style="italic")]
        for sign in section.signs:
            parts.append(
                Text.assemble(
                    (f"{sign.number:>2}. ", "bold"), (sign.title, "bold"), f"  ({sign.id})"
                )
            )
            parts.append(indent(Text(sign.statement), 4))
    for group in document.step_groups:
        parts.append(_rule(group.heading))
        for step in group.steps:
            parts.append(
                Text.assemble(
                    (f"{step.number:>2}. ", "bold"), (step.title, "bold"), " – ", step.summary
                )
            )
            parts += [
                indent(Text.assemble("• ", (item.name, "bold"), " – ", item.how), 4)
                for item in step.exercises
            ]
    return Group(*parts, Text(""), *_closing(document.closing))


class _CaseloadRow:
    """Two lines per file: the scores, then the file and its most pressing concern. Where
    the screen is too narrow for the band at the end of the first line, it gets a line of
    its own; any line still too long ends in an ellipsis, never wrapped to column 0."""

    def __init__(self, row: CaseloadRow) -> None:
        name = row.respondent or "–"
        name = name if len(name) <= 16 else name[:15] + "…"
        self.scores = f"{row.index.label:>5}  {name:<16}  {row.status:<11}  {row.completed_on:<10}"
        self.band = row.band
        concern = f"  ·  {_(m.TOP_CONCERN, title=row.top_concern)}" if row.top_concern else ""
        self.where = f"       {row.file}{concern}"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        first = f"{self.scores}  {self.band}"
        lines = [first] if len(first) <= options.max_width else [self.scores, f"       {self.band}"]
        for line in lines:
            yield Text(line, no_wrap=True, overflow="ellipsis")
        yield Text(self.where, style="dim", no_wrap=True, overflow="ellipsis")


def caseload(document: CaseloadDocument) -> Iterator[RenderableType]:
    heading = f"{_(m.INDEX):>5}  {_(m.RESPONDENT):<16}  {_(m.STATUS):<11}  {_(m.COMPLETED):<10}  "
    yield Group(Text(heading + _(m.BAND), style="bold", no_wrap=True, overflow="ellipsis"))
    for row in document.rows:
        yield _CaseloadRow(row)
    if document.stats is not None:
        yield Group(*_stats(document.stats))
    yield Group(Text(""), *_closing(document.closing))


def _stats(block: StatsBlock) -> list[RenderableType]:
    parts: list[RenderableType] = [_rule(block.heading)]
    for note in block.notes:
        style = "bold" if note == block.unstable_note else "italic"
        parts.append(Text(note, style=style))
    for scale in block.scales:
        parts += [Text(""), Text(scale.line, style="bold"), indent(Text(scale.alpha_line), 2)]
        parts.append(indent(Text(block.items_heading), 2))
        width = max((len(item.title) for item in scale.items), default=0)
        parts += [indent(Text(f"{item.title:<{width}}  {item.label}"), 4) for item in scale.items]
    return parts


RENDERERS = {
    "PersonalDocument": personal,
    "ReportDocument": report,
    "ComparisonDocument": comparison,
    "ProgressDocument": progress,
    "ListingDocument": listing,
    "CaseloadDocument": caseload,
}
