"""Reports as plain text: no escape codes, ASCII bars, lines of at most 100 characters, so
that they read well in a pipe, an email or on paper from `lpr`."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

from intimacy_check.messages import _
from intimacy_check.messages import reports as m

if TYPE_CHECKING:
    from intimacy_check.documents.parts import Closing, FindingGroup, SafetyNote, Score
    from intimacy_check.documents.progress import PersonProgress, ProgressDocument
    from intimacy_check.documents.report import ReportDocument

WIDTH = 100
BAR = 20
NOTE_LINES = 8


def wrap(text: str, *, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [first or indent]


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "=" * min(len(title), WIDTH)]


def _bar(score: Score) -> str:
    if score.value is None:
        return "[" + " " * BAR + "]"
    filled = round(score.value / 100 * BAR)
    return "[" + "#" * filled + "-" * (BAR - filled) + "]"


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "~"


def _closing(closing: Closing) -> list[str]:
    return ["", "-" * WIDTH, *wrap(closing.disclaimer), *wrap(closing.safety)]


def _header(document: ReportDocument) -> Iterator[str]:
    yield from wrap(document.heading)
    yield "=" * WIDTH
    if document.safety is not None:
        yield from _safety(document.safety)
        yield ""
    for person in document.people:
        yield from wrap(f"{person.name}: {person.status_line}", indent="  ", first="- ")
    yield f"- {document.questionnaire.line}"


def _safety(note: SafetyNote) -> Iterator[str]:
    yield ""
    yield from wrap(note.heading.upper())
    yield from wrap(note.note)
    yield ""
    yield from wrap(note.support)


def _how_to_read(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.HOW_TO_READ))
    for paragraph in document.how_to_read:
        yield from wrap(paragraph)
        yield ""
    for band in document.bands:
        yield f"  {band.min:>3}+  {band.label}"


def _scores(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.SCORES))
    for person in document.people:
        yield ""
        yield from wrap(person.name)
        yield f"  {_cell(_(m.INTIMACY_INDEX), 23):<24}{_bar(person.index)} {person.index.label}"
        for section in person.sections:
            yield f"  {_cell(section.label, 23):<24}{_bar(section.score)} {section.score.label}"
        yield from wrap(_(m.BAND_IS, band=person.band), indent="  ")
        if person.missing_index:
            yield from wrap(person.missing_index, indent="  ")
    couple = document.couple
    if couple:
        yield ""
        yield from wrap(couple.agreement_sentence)
        for summary in couple.sections:
            yield from wrap(summary.sentence, indent="  ", first="- ")
        if couple.imbalance:
            yield ""
            yield from wrap(" ".join(couple.imbalance.sentences), indent="  ", first="! ")


def _response_notes(document: ReportDocument) -> Iterator[str]:
    """How the answers were given, when a pattern was seen; nothing otherwise."""
    if not document.notes:
        return
    yield from _heading(document.notes_heading)
    yield from wrap(document.notes_intro)
    for note in document.notes:
        yield ""
        yield from wrap(note.heading)
        yield from wrap(note.sentence, indent="  ")


def _statements(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.STATEMENTS))
    people = document.people
    couple = document.is_couple
    rating_width = min(max(20, *(len(person.name) + 2 for person in people)), 22)
    title_width = WIDTH - rating_width * len(people) - (18 if couple else 0)
    for group in document.statement_groups:
        yield ""
        header = f"{_cell(group.title, title_width - 1):<{title_width}}"
        header += "".join(f"{_cell(p.name, rating_width - 1):<{rating_width}}" for p in people)
        if couple:
            header += _(m.TOGETHER)
        if group.note:
            yield from wrap(group.note)
        yield header.rstrip()
        yield "-" * len(header.rstrip())
        for row in group.rows:
            line = f"{_cell(row.title, title_width - 1):<{title_width}}"
            for cell in row.cells:
                line += (
                    f"{_cell(f'{cell.short} {cell.flag_label}', rating_width - 1):<{rating_width}}"
                )
            if couple:
                line += row.category_label or ""
            yield line.rstrip()


def _findings(groups: tuple[FindingGroup, ...]) -> Iterator[str]:
    yield from _heading(_(m.WHAT_THE_ANSWERS_SHOW))
    for group in groups:
        yield ""
        yield group.heading
        if not group.entries:
            yield f"  - {_(m.NONE_RIGHT_NOW)}"
        for entry in group.entries:
            who = f" ({', '.join(entry.who)})" if entry.who else ""
            yield from wrap(entry.title + who, indent="    ", first="  - ")
            if entry.discuss:
                yield from wrap(
                    _(m.TO_TALK_ABOUT, question=entry.discuss), indent="      ", first="    "
                )


def _steps(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.RECOMMENDED_STEPS))
    yield from wrap(document.advice.intro)
    for step in document.advice.steps:
        yield ""
        yield from wrap(f"{step.number}. {step.title}")
        yield from wrap(step.summary, indent="   ")
        yield from wrap(step.reason, indent="     ", first="   ")
        yield from wrap(f"{_(m.TRY_THIS)} {step.try_this}", indent="     ", first="   ")
        for exercise in step.exercises:
            yield from wrap(f"{exercise.name}: {exercise.how}", indent="       ", first="   - ")


def _wishes(document: ReportDocument) -> Iterator[str]:
    wishes = document.wishes
    if wishes is None:
        return
    yield from _heading(wishes.heading)
    yield from wrap(wishes.how_to_read)
    for person in wishes.people:
        yield ""
        yield from wrap(person.summary)
        if person.largest:
            yield f"  {wishes.largest_heading}"
        for wish in person.largest:
            yield from wrap(wish.line, indent="      ", first="    - ")
        if person.close:
            titles = "; ".join(wish.title for wish in person.close)
            yield from wrap(f"{wishes.close_heading}: {titles}", indent="    ", first="  ")
    if wishes.side_by_side:
        yield ""
        yield from wrap(wishes.side_by_side_heading)
        for row in wishes.side_by_side:
            yield from wrap(f"\u201c{row.statement}\u201d", indent="    ", first="  - ")
            for line in row.lines:
                yield from wrap(line, indent="      ", first="    ")


def _notes() -> Iterator[str]:
    yield from _heading(_(m.NOTES))
    for _line in range(NOTE_LINES):
        yield ""
        yield "_" * 80


def report(document: ReportDocument) -> str:
    """The whole report as plain text ending in a newline."""
    lines = [
        *_header(document),
        *_how_to_read(document),
        *_scores(document),
        *_response_notes(document),
        *_statements(document),
        *_findings(document.findings),
        *_wishes(document),
        *_steps(document),
        *_notes(),
        *_closing(document.closing),
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _progress_person(person: PersonProgress, heading: str) -> Iterator[str]:
    yield ""
    yield from wrap(person.name)
    yield "=" * min(len(person.name), WIDTH)
    labels = [section.label for section in person.assessments[0].sections]
    header = f"{_(m.DATE):<12}{_(m.INDEX):>6}  {_(m.BAND):<28}" + "".join(
        f"{label[:22]:>24}" for label in labels
    )
    yield header
    yield "-" * len(header)
    for row in person.assessments:
        scores = "".join(f"{section.score.label:>24}" for section in row.sections)
        yield f"{row.date:<12}{row.index.label:>6}  {row.band[:27]:<28}{scores}"
    yield ""
    yield from wrap(
        _(
            m.CHANGES_LINE_LONG,
            since_first=person.since_first.label,
            since_previous=person.since_previous.label,
        )
    )
    yield from wrap(_(m.TREND_LINE, scores=" ".join(row.index.label for row in person.assessments)))
    if person.single:
        yield person.single
    if person.reliable_changes:
        yield ""
        yield heading
        for change in person.reliable_changes:
            yield from wrap(change.line, first="  - ", indent="    ")
    yield ""
    for title, items in (
        (_(m.RESOLVED), person.resolved),
        (_(m.NEW), person.new),
        (person.ongoing_heading, person.ongoing),
    ):
        yield from wrap(f"{title}: {'; '.join(items) or _(m.NONE)}", indent="  ")
    yield ""
    yield f"{_(m.STATEMENT):<50}{_(m.FIRST):>7}{_(m.LATEST):>8}  {_(m.DIRECTION)}"
    for sign in person.signs:
        yield (
            f"{_cell(sign.title, 49):<50}{sign.first_label:>7}{sign.latest_label:>8}  "
            f"{sign.direction_label}"
        )


def progress(document: ProgressDocument) -> str:
    """Plain text, lines of at most 100 characters, no escape codes."""
    lines = [document.title, "=" * len(document.title), document.questionnaire.line, ""]
    for paragraph in (*document.how_to_read, *document.reliability):
        lines += [*wrap(paragraph), ""]
    for person in document.people:
        lines += list(_progress_person(person, document.reliable_heading))
    lines += _closing(document.closing)
    return "\n".join(line.rstrip() for line in lines) + "\n"


RENDERERS = {"ReportDocument": report, "ProgressDocument": progress}
