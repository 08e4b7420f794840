"""The counselor's report in the terminal: the same view as the file formats, drawn with rich."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from intimacy_check.render.terminal import bar, indent

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


def _how_to_read(view: dict[str, Any]) -> list[RenderableType]:
    bands = " · ".join(f"{band['min']}+ {band['label']}" for band in view["bands"])
    return [
        _rule("How to read this report"),
        *(Text(f"{paragraph}\n") for paragraph in view["how_to_read"]),
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
    for section in view["statement_sections"]:
        table = Table(box=None, pad_edge=False, padding=(0, 1), title_justify="left")
        table.add_column(section["title"], ratio=1, overflow="fold")
        for person in view["people"]:
            table.add_column(Text(person["name"]), max_width=12, overflow="ellipsis", no_wrap=True)
        if view["is_couple"]:
            table.add_column("Together", no_wrap=True)
        for row in section["rows"]:
            cells = [
                f"{rating.split(' ')[0]} {flag}"
                for rating, flag in zip(row["ratings"], row["flag_ids"], strict=True)
            ]
            if view["is_couple"]:
                cells.append(row["category"] or "")
            table.add_row(Text(row["title"]), *(Text(cell) for cell in cells))
        parts += [table, Text("")]
    return parts


def _findings(view: dict[str, Any]) -> list[RenderableType]:
    parts: list[RenderableType] = [_rule("What the answers show")]
    for group in view["findings"]:
        parts.append(Text(group["heading"], style="bold"))
        if not group["entries"]:
            parts.append(indent(Text("none right now", style="dim"), 2))
        for entry in group["entries"]:
            who = f" ({', '.join(entry['who'])})" if entry["who"] else ""
            parts.append(indent(Text(f"• {entry['title']}{who}"), 2))
            if entry["discuss"]:
                parts.append(indent(Text(entry["discuss"], style="italic"), 4))
    return parts


def _steps(view: dict[str, Any]) -> list[RenderableType]:
    parts: list[RenderableType] = [_rule("Recommended steps")]
    if not view["steps"]:
        parts.append(Text("None of the answers calls for a particular step right now."))
    for step in view["steps"]:
        drivers = f" (from the answers of {step['driven_by']})" if view["is_couple"] else ""
        parts += [
            Text(f"{step['number']}. {step['title']}", style="bold"),
            indent(Text(step["summary"]), 3),
            indent(Text(f"For: {'; '.join(step['addresses'])}{drivers}", style="dim"), 3),
            indent(Text.assemble(("Try this: ", "bold green"), step["try_this"]), 3),
            *(
                indent(Text.assemble("• ", (item["name"], "bold"), " – ", item["how"]), 5)
                for item in step["exercises"]
            ),
        ]
    return parts


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
