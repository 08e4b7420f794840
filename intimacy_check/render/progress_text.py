"""Progress in the terminal (rich) and as plain text, both drawn from the progress view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check.render.text import WIDTH, _wrap

DIRECTION_STYLES = {"better": "green", "worse": "yellow", "same": "", "skipped": "dim"}


def _assessments_table(person: dict[str, Any]) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 2))
    for heading in ("Date", "Index", "Band"):
        table.add_column(heading, no_wrap=True)
    for section in person["assessments"][0]["sections"]:
        table.add_column(Text(section["label"]), justify="right")
    for row in person["assessments"]:
        table.add_row(
            row["date"],
            row["index"],
            Text(row["band"]),
            *(section["score"] for section in row["sections"]),
        )
    return table


def _changed_signs(person: dict[str, Any]) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1))
    table.add_column("Statement", ratio=1)
    table.add_column("First", justify="center")
    table.add_column("Latest", justify="center")
    table.add_column("Direction")
    for row in person["signs"]:
        if row["direction"] in ("better", "worse"):
            table.add_row(
                Text(row["title"]),
                row["first"],
                row["latest"],
                Text(row["direction"], style=DIRECTION_STYLES[row["direction"]]),
            )
    return table


def _names(title: str, items: list[str], style: str) -> Text:
    shown = "; ".join(items) if items else "none"
    return Text.assemble((f"{title}: ", f"bold {style}"), shown)


def terminal_progress(view: dict[str, Any]) -> RenderableType:
    """Each respondent: assessments, changes, a trend line and what resolved or appeared."""
    parts: list[RenderableType] = []
    for person in view["people"]:
        parts += [
            Rule(Text(f"{view['title']}: {person['name']}"), style="cyan"),
            _assessments_table(person),
            Text(""),
            Text.assemble(
                ("Index change: ", "bold"),
                f"{person['since_first']} since the first, "
                f"{person['since_previous']} since the previous",
            ),
            Text.assemble(("Trend: ", "bold"), (person["trend"], "cyan")),
            Text(""),
            *(
                [Text("Only one assessment so far: changes show from the next one on.", "italic")]
                if person["count"] == 1
                else []
            ),
            _names("Resolved", person["resolved"], "green"),
            _names("New", person["new"], "yellow"),
            _names("Still open", person["ongoing"], ""),
            Text(""),
        ]
        if person["better"] or person["worse"]:
            parts += [
                Text("Statements that moved since the first time", style="bold"),
                _changed_signs(person),
                Text(""),
            ]
    parts.append(Text(view["disclaimer"], style="dim"))
    return Group(*parts)


def _text_person(person: dict[str, Any]) -> Iterator[str]:
    yield ""
    yield from _wrap(person["name"])
    yield "=" * min(len(person["name"]), WIDTH)
    labels = [section["label"] for section in person["assessments"][0]["sections"]]
    header = f"{'Date':<12}{'Index':>6}  {'Band':<28}" + "".join(
        f"{label[:22]:>24}" for label in labels
    )
    yield header
    yield "-" * len(header)
    for row in person["assessments"]:
        scores = "".join(f"{section['score']:>24}" for section in row["sections"])
        yield f"{row['date']:<12}{row['index']:>6}  {row['band'][:27]:<28}{scores}"
    yield ""
    yield (
        f"Index change: {person['since_first']} since the first assessment, "
        f"{person['since_previous']} since the previous one"
    )
    yield f"Trend (first to latest): {' '.join(row['index'] for row in person['assessments'])}"
    if person["count"] == 1:
        yield "Only one assessment so far: changes show from the next one on."
    yield ""
    for title, key in (("Resolved", "resolved"), ("New", "new"), ("Still open", "ongoing")):
        yield from _wrap(f"{title}: {'; '.join(person[key]) or 'none'}", indent="  ")
    yield ""
    yield "Statement                                          First  Latest  Direction"
    for row in person["signs"]:
        yield f"{row['title'][:50]:<50}{row['first']:>6}{row['latest']:>8}  {row['direction']}"


def render_progress_text(view: dict[str, Any]) -> str:
    """Plain text, lines of at most 100 characters, no escape codes."""
    lines = [view["title"], "=" * len(view["title"])]
    questionnaire = view["questionnaire"]
    lines.append(f"Questionnaire: {questionnaire['id']}, version {questionnaire['version']}")
    lines.append("")
    for paragraph in view["how_to_read"]:
        lines += _wrap(paragraph) + [""]
    for person in view["people"]:
        lines += list(_text_person(person))
    lines += ["", "-" * WIDTH, *_wrap(view["disclaimer"]), *_wrap(view["safety"])]
    return "\n".join(line.rstrip() for line in lines) + "\n"
