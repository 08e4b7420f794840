"""The report as plain text: no escape codes, ASCII bars, lines of at most 100 characters,
so that it reads well in a pipe, an email or on paper from `lpr`."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

WIDTH = 100
BAR = 20
NOTE_LINES = 8


def _wrap(text: str, *, indent: str = "", first: str | None = None) -> list[str]:
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


def _bar(value: float | None) -> str:
    if value is None:
        return "[" + " " * BAR + "]"
    filled = round(value / 100 * BAR)
    return "[" + "#" * filled + "-" * (BAR - filled) + "]"


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "~"


def _header(view: dict[str, Any]) -> Iterator[str]:
    yield from _wrap(f"{view['title']}: {view['names']}")
    yield "=" * WIDTH
    for person in view["people"]:
        yield from _wrap(
            f"{person['name']}: completed {person['completed']}", indent="  ", first="- "
        )
    questionnaire = view["questionnaire"]
    yield f"- Questionnaire: {questionnaire['id']}, version {questionnaire['version']}"


def _how_to_read(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("How to read this report")
    for paragraph in view["how_to_read"]:
        yield from _wrap(paragraph)
        yield ""
    for band in view["bands"]:
        yield f"  {band['min']:>3} and up  {band['label']}"


def _scores(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("Scores")
    for person in view["people"]:
        yield ""
        yield from _wrap(person["name"])
        yield f"  {'Intimacy index':<24}{_bar(person['index_value'])} {person['index']}"
        for section in person["sections"]:
            yield f"  {_cell(section['label'], 23):<24}{_bar(section['value'])} {section['score']}"
        yield from _wrap(f"Band: {person['band']}", indent="  ")
    couple = view["couple"]
    if couple:
        yield ""
        yield from _wrap(
            f"Couple agreement: {couple['agreement']} of the statements you both rated, "
            "you both rated positively."
        )
        for sentence in couple["sentences"]:
            yield from _wrap(sentence, indent="  ", first="- ")
        if couple["imbalance"]:
            yield ""
            yield from _wrap(" ".join(couple["imbalance"]), indent="  ", first="! ")


def _statements(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("Statements")
    people = view["people"]
    rating_width = max(12, *(len(person["name"]) + 2 for person in people))
    rating_width = min(rating_width, 20)
    title_width = WIDTH - rating_width * len(people) - (18 if view["is_couple"] else 0)
    for section in view["statement_sections"]:
        yield ""
        header = f"{_cell(section['title'], title_width - 1):<{title_width}}"
        header += "".join(f"{_cell(p['name'], rating_width - 1):<{rating_width}}" for p in people)
        if view["is_couple"]:
            header += "Together"
        yield header.rstrip()
        yield "-" * len(header.rstrip())
        for row in section["rows"]:
            line = f"{_cell(row['title'], title_width - 1):<{title_width}}"
            for rating, flag in zip(row["ratings"], row["flag_ids"], strict=True):
                line += f"{rating.split(' ')[0]} {flag:<{rating_width - 2}}"
            if view["is_couple"]:
                line += row["category"] or ""
            yield line.rstrip()


def _findings(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("What the answers show")
    for group in view["findings"]:
        yield ""
        yield group["heading"]
        if not group["entries"]:
            yield "  - none right now"
        for entry in group["entries"]:
            who = f" ({', '.join(entry['who'])})" if entry["who"] else ""
            yield from _wrap(entry["title"] + who, indent="    ", first="  - ")
            if entry["discuss"]:
                yield from _wrap(
                    f"To talk about: {entry['discuss']}", indent="      ", first="    "
                )


def _steps(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("Recommended steps")
    if not view["steps_total"]:
        yield "None of the answers calls for a particular step right now."
    for step in view["steps"]:
        yield ""
        yield from _wrap(f"{step['number']}. {step['title']}")
        yield from _wrap(step["summary"], indent="   ")
        drivers = f" (from the answers of {step['driven_by']})" if view["is_couple"] else ""
        yield from _wrap(
            f"For: {'; '.join(step['addresses'])}{drivers}", indent="     ", first="   "
        )
        yield from _wrap(f"Try this: {step['try_this']}", indent="     ", first="   ")
        for exercise in step["exercises"]:
            yield from _wrap(
                f"{exercise['name']}: {exercise['how']}", indent="       ", first="   - "
            )


def _notes_and_footer(view: dict[str, Any]) -> Iterator[str]:
    yield from _heading("Notes")
    for _ in range(NOTE_LINES):
        yield ""
        yield "_" * 80
    yield ""
    yield "-" * WIDTH
    yield from _wrap(view["disclaimer"])
    yield from _wrap(view["safety"])


def render_text(view: dict[str, Any]) -> str:
    """The whole report as plain text ending in a newline."""
    parts = (_header, _how_to_read, _scores, _statements, _findings, _steps, _notes_and_footer)
    lines = [line.rstrip() for part in parts for line in part(view)]
    return "\n".join(lines) + "\n"
