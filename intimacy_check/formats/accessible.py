"""Every document as plain lists, for a screen reader (`--accessible`, or ACCESSIBLE=1).

No bars, rules, boxes or tables: a score is a number in words ("Intimacy index: 72 out
of 100"), a table becomes one item per line, label then value, and a heading is its own
line with nothing drawn under it. Nothing is said only by colour or position, and no
line is broken in the middle of its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m

if TYPE_CHECKING:
    from intimacy_check.documents.caseload import CaseloadDocument, CaseloadRow
    from intimacy_check.documents.listing import ListingDocument
    from intimacy_check.documents.parts import Closing, FindingGroup, Score
    from intimacy_check.documents.progress import PersonProgress, ProgressDocument
    from intimacy_check.documents.report import ReportDocument
    from intimacy_check.documents.stats import StatsBlock
    from intimacy_check.questionnaire import Questionnaire, Sign


def wrap(text: str) -> list[str]:
    """One line for each item or paragraph, never broken: a screen reader reads a line as
    a whole, and a terminal shows it folded at its own width."""
    return [text]


def _heading(title: str) -> list[str]:
    return ["", title]


def item(label: str, value: str) -> str:
    """One line of a list: label, then value."""
    return _(m.LABEL_VALUE, label=label, value=value)


def score(label: str, value: Score) -> str:
    if value.value is None:
        return item(label, value.label)
    return _(m.SCORE_OUT_OF, label=label, score=value.label)


def _closing(closing: Closing) -> list[str]:
    return ["", *wrap(closing.disclaimer), *wrap(closing.safety)]


def _lines(lines: Iterable[str]) -> str:
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _scores(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.SCORES))
    for person in document.people:
        yield ""
        yield person.name
        yield score(_(m.INTIMACY_INDEX), person.index)
        for section in person.sections:
            yield score(section.label, section.score)
        yield from wrap(_(m.BAND_IS, band=person.band))
        if person.missing_index:
            yield from wrap(person.missing_index)
    if document.couple:
        yield ""
        yield from wrap(document.couple.agreement_sentence)
        for summary in document.couple.sections:
            yield from wrap(summary.sentence)
        if document.couple.imbalance:
            yield from wrap(" ".join(document.couple.imbalance.sentences))


def _response_notes(document: ReportDocument) -> Iterator[str]:
    if not document.notes:
        return
    yield from _heading(document.notes_heading)
    yield from wrap(document.notes_intro)
    for note in document.notes:
        yield ""
        yield note.heading
        yield from wrap(note.sentence)


def _statements(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.STATEMENTS))
    for group in document.statement_groups:
        yield ""
        yield group.title
        if group.note:
            yield from wrap(group.note)
        for row in group.rows:
            ratings = [
                item(
                    person.name,
                    f"{cell.label} ({cell.flag_label})" if cell.flag_label else cell.label,
                )
                for person, cell in zip(document.people, row.cells, strict=True)
            ]
            if document.is_couple and row.category_label:
                ratings.append(item(_(m.TOGETHER), row.category_label))
            yield from wrap(item(row.title, _(m.ITEM_SEPARATOR).join(ratings)))


def _findings(groups: tuple[FindingGroup, ...]) -> Iterator[str]:
    yield from _heading(_(m.WHAT_THE_ANSWERS_SHOW))
    for group in groups:
        yield ""
        yield group.heading
        if not group.entries:
            yield _(m.NONE_RIGHT_NOW)
        for entry in group.entries:
            who = f" ({', '.join(entry.who)})" if entry.who else ""
            yield from wrap(entry.title + who)
            if entry.discuss:
                yield from wrap(_(m.TO_TALK_ABOUT, question=entry.discuss))


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
            yield wishes.largest_heading
        for wish in person.largest:
            yield from wrap(wish.line)
        if person.close:
            yield from wrap(item(wishes.close_heading, "; ".join(w.title for w in person.close)))
    if wishes.side_by_side:
        yield ""
        yield wishes.side_by_side_heading
        for row in wishes.side_by_side:
            yield from wrap(item(f"\u201c{row.statement}\u201d", " ".join(row.lines)))


def _steps(document: ReportDocument) -> Iterator[str]:
    yield from _heading(_(m.RECOMMENDED_STEPS))
    yield from wrap(document.advice.intro)
    for step in document.advice.steps:
        yield ""
        yield from wrap(f"{step.number}. {step.title}")
        yield from wrap(step.summary)
        yield from wrap(step.reason)
        yield from wrap(f"{_(m.TRY_THIS)} {step.try_this}")
        for exercise in step.exercises:
            yield from wrap(item(exercise.name, exercise.how))


def report(document: ReportDocument) -> str:
    """The report, or a couple's comparison, as plain lists."""
    lines = [*wrap(document.heading)]
    if document.safety is not None:  # first, before any score
        lines += _heading(document.safety.heading)
        lines += [*wrap(document.safety.note), *wrap(document.safety.support), ""]
    for person in document.people:
        lines += wrap(item(person.name, person.status_line))
    lines.append(document.questionnaire.line)
    lines += _heading(_(m.HOW_TO_READ))
    for paragraph in document.how_to_read:
        lines += wrap(paragraph)
    lines += [_(m.BAND_FROM, band=band.label, minimum=band.min) for band in document.bands]
    lines += [*_scores(document), *_response_notes(document), *_statements(document)]
    lines += _findings(document.findings)
    lines += [*_wishes(document), *_steps(document), *_closing(document.closing)]
    return _lines(lines)


def _progress_person(person: PersonProgress, heading: str) -> Iterator[str]:
    yield ""
    yield person.name
    for row in person.assessments:
        scores = [score(_(m.INDEX), row.index), item(_(m.BAND), row.band)]
        scores += [score(section.label, section.score) for section in row.sections]
        yield from wrap(item(row.date, _(m.ITEM_SEPARATOR).join(scores)))
    yield from wrap(
        _(
            m.CHANGES_LINE_LONG,
            since_first=person.since_first.label,
            since_previous=person.since_previous.label,
        )
    )
    if person.single:
        yield person.single
    if person.reliable_changes:
        yield heading
        for change in person.reliable_changes:
            yield from wrap(change.line)
    for title, items in (
        (_(m.RESOLVED), person.resolved),
        (_(m.NEW), person.new),
        (person.ongoing_heading, person.ongoing),
    ):
        yield from wrap(item(title, "; ".join(items) or _(m.NONE)))
    yield ""
    for sign in person.signs:
        moved = [
            item(_(m.FIRST), sign.first_label),
            item(_(m.LATEST), sign.latest_label),
            sign.direction_label,
        ]
        yield from wrap(item(sign.title, _(m.ITEM_SEPARATOR).join(moved)))


def progress(document: ProgressDocument) -> str:
    lines = [document.title, document.questionnaire.line]
    for paragraph in (*document.how_to_read, *document.reliability):
        lines += wrap(paragraph)
    for person in document.people:
        lines += list(_progress_person(person, document.reliable_heading))
    return _lines([*lines, *_closing(document.closing)])


def _caseload_row(row: CaseloadRow) -> list[str]:
    lines = ["", item(_(m.FILE), row.file)]
    if row.respondent is not None:
        lines.append(item(_(m.RESPONDENT), row.respondent))
    lines += [item(_(m.STATUS), row.status), item(_(m.COMPLETED), row.completed_on)]
    lines += [score(_(m.INDEX), row.index), item(_(m.BAND), row.band)]
    if row.top_concern:
        lines.append(_(m.TOP_CONCERN, title=row.top_concern))
    return lines


def caseload(document: CaseloadDocument) -> Iterator[str]:
    """A list per file, streamed as the files are read."""
    for row in document.rows:
        yield _lines(_caseload_row(row))
    if document.stats is not None:
        yield _lines(_stats(document.stats))
    yield _lines(_closing(document.closing))


def _stats(block: StatsBlock) -> list[str]:
    lines = ["", block.heading]
    for note in block.notes:
        lines += wrap(note)
    for scale in block.scales:
        lines += ["", *wrap(scale.line), *wrap(scale.alpha_line), block.items_heading]
        lines += [item(line.title, line.label) for line in scale.items]
    return lines


def listing(document: ListingDocument) -> str:
    lines = [document.title]
    for section in document.sections:
        lines += [*_heading(section.title), *wrap(section.intro)]
        for sign in section.signs:
            lines += wrap(f"{sign.number}. {item(sign.title, sign.statement)}")
    for group in document.step_groups:
        lines += _heading(group.heading)
        for step in group.steps:
            lines += wrap(f"{step.number}. {item(step.title, step.summary)}")
            lines += [
                line
                for exercise in step.exercises
                for line in wrap(item(exercise.name, exercise.how))
            ]
    return _lines([*lines, *_closing(document.closing)])


RENDERERS = {
    "ReportDocument": report,
    "ProgressDocument": progress,
    "CaseloadDocument": caseload,
    "ListingDocument": listing,
}


def quiz_statement(
    questionnaire: Questionnaire,
    sign: Sign,
    *,
    position: int,
    total: int,
    earlier: str | None,
    intro: bool,
) -> str:
    """One statement of the quiz: where it is in words, the statement, and the scale as a
    numbered list, one choice per line."""
    section = next(section for section in questionnaire.sections if section.id == sign.section)
    lines = [""]
    if intro:
        lines += [inert(section.title), *wrap(inert(section.intro)), ""]
    lines.append(_(m.STATEMENT_OF, section=inert(section.title), number=position + 1, total=total))
    lines += [*wrap(inert(sign.statement)), *wrap(inert(sign.about))]
    lines += [f"{rating}. {inert(label)}" for rating, label in enumerate(questionnaire.scale, 1)]
    if earlier:
        lines.append(earlier)
    return "\n".join(lines)


def keys(rows: Iterable[tuple[str, str]]) -> str:
    return "\n".join(item(key, meaning) for key, meaning in rows)
