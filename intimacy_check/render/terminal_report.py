"""The counselor's report in the terminal: the same view as the file formats, drawn with rich."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check.render.terminal import Columns, Lines, bar

NOTE_LINES = 3


def _rule(title: str) -> Rule:
    return Rule(Text(title, style="bold"), style="cyan", align="left")


def _header(view: dict[str, Any]) -> list[RenderableType]:
    lines: list[RenderableType] = [Rule(Text(f"{view['title']}: {view['names']}"), style="cyan")]
    for person in view["people"]:
        lines.append(Text(f"{person['name']}: completed {person['completed']}"))
    questionnaire = view["questionnaire"]
    lines.append(
        Text(f"Questionnaire: {questionnaire['id']}, version {questionnaire['version']}", "dim")
    )
    return lines


def _paragraphs(paragraphs: list[str]) -> Lines:
    lines = Lines()
    for paragraph in paragraphs:
        lines.add(paragraph).add("")
    return lines


def _how_to_read(view: dict[str, Any]) -> list[RenderableType]:
    bands = " · ".join(f"{band['min']}+ {band['label']}" for band in view["bands"])
    return [
        _rule("How to read this report"),
        _paragraphs(view["how_to_read"]),
        Text(f"Bands: {bands}", style="dim"),
    ]


def _scores(view: dict[str, Any]) -> list[RenderableType]:
    table = Table(box=None, pad_edge=False, padding=(0, 2))
    table.add_column("")
    for person in view["people"]:
        table.add_column(Text(person["name"], style="bold"), overflow="fold")
    table.add_row(
        Text("Intimacy index", style="bold"),
        *(Text.assemble(bar(p["index_value"], width=10), f" {p['index']}") for p in view["people"]),
    )
    table.add_row("Band", *(Text(person["band"]) for person in view["people"]))
    for number, section in enumerate(view["people"][0]["sections"]):
        table.add_row(
            Text(section["label"]),
            *(
                Text.assemble(
                    bar(p["sections"][number]["value"], width=10),
                    f" {p['sections'][number]['score']}",
                )
                for p in view["people"]
            ),
        )
    parts: list[RenderableType] = [_rule("Scores"), table]
    couple = view["couple"]
    if couple:
        parts.append(Text.assemble(("Couple agreement: ", "bold"), couple["agreement"]))
        parts += [Text(sentence) for sentence in couple["sentences"]]
        if couple["imbalance"]:
            parts.append(Text(" ".join(couple["imbalance"]), style="yellow"))
    return parts


def _statements(view: dict[str, Any]) -> list[RenderableType]:
    parts: list[RenderableType] = [_rule("Statements")]
    widths = [12] * len(view["people"]) + ([16] if view["is_couple"] else [])
    for section in view["statement_sections"]:
        names = [person["name"] for person in view["people"]]
        table = Columns(
            [section["title"], *names, *(["Together"] if view["is_couple"] else [])], widths
        )
        for row in section["rows"]:
            cells = [
                f"{rating.split(' ')[0]} {flag}"
                for rating, flag in zip(row["ratings"], row["flag_ids"], strict=True)
            ]
            if view["is_couple"]:
                cells.append(row["category"] or "")
            table.add_row([row["title"], *cells])
        parts += [table, Text("")]
    return parts


def _findings(view: dict[str, Any]) -> list[RenderableType]:
    lines = Lines()
    for group in view["findings"]:
        lines.add(group["heading"], style="bold")
        if not group["entries"]:
            lines.add("none right now", indent=2, style="dim")
        for entry in group["entries"]:
            who = f" ({', '.join(entry['who'])})" if entry["who"] else ""
            lines.add(f"• {entry['title']}{who}", indent=2, hang=4)
            if entry["discuss"]:
                lines.add(entry["discuss"], indent=4, style="italic")
    return [_rule("What the answers show"), lines]


def _steps(view: dict[str, Any]) -> list[RenderableType]:
    lines = Lines()
    if not view["steps_total"]:
        lines.add("None of the answers calls for a particular step right now.")
    for step in view["steps"]:
        drivers = f" (from the answers of {step['driven_by']})" if view["is_couple"] else ""
        lines.add(f"{step['number']}. {step['title']}", style="bold")
        lines.add(step["summary"], indent=3)
        lines.add(f"For: {'; '.join(step['addresses'])}{drivers}", indent=3, style="dim")
        lines.add(step["try_this"], indent=3, label="Try this: ", label_style="bold green")
        for item in step["exercises"]:
            lines.add(f"{item['how']}", indent=5, hang=7, label=f"• {item['name']} – ")
        lines.add("")
    return [_rule("Recommended steps"), lines]


def _notes_and_footer(view: dict[str, Any]) -> list[RenderableType]:
    return [
        _rule("Notes"),
        *(Rule(style="dim") for _ in range(NOTE_LINES)),
        Text(view["disclaimer"], style="dim"),
        Text(view["safety"], style="dim"),
    ]


def terminal_report(view: dict[str, Any]) -> RenderableType:
    """All eight parts of the counselor's report, readable in 80 columns."""
    parts: list[RenderableType] = []
    for build in (
        _header,
        _how_to_read,
        _scores,
        _statements,
        _findings,
        _steps,
        _notes_and_footer,
    ):
        parts += build(view)
        parts.append(Text(""))
    return Group(*parts)
