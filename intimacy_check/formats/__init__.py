"""The formats registry: every output format, its file extensions, and its renderer.

Adding a format is one module in this package, with a `RENDERERS` table from the name of
a document class to its render function, and one row in `FORMATS`. The `--format`
choices, the rule that picks a format from an `-o` extension, the help text and the error
message all come from here, and `render()` refuses a pair that has no renderer in one
clear line. Renderers import the document classes for typing only, so that drawing one
kind of document never loads the others.

A renderer only lays a document out: it never imports scoring or couple, and every word it
shows comes from the document or the message catalogue.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from intimacy_check.errors import UsageError
from intimacy_check.messages import _, reports
from intimacy_check.messages import commands as wording


class Format(NamedTuple):
    """One row of the registry."""

    name: str
    extensions: tuple[str, ...]  # lower case, with the dot; none for the terminal
    module: str  # in this package, imported when the format is used
    documents: tuple[str, ...]  # the names of the document classes it renders
    terminal: bool = False  # drawn with rich on a console, never written to a file
    templated: bool = False  # takes --template and --paper
    binary: bool = False  # bytes, not text: never written to a terminal; takes --pdf-engine


REPORT, PROGRESS, CASELOAD = "ReportDocument", "ProgressDocument", "CaseloadDocument"
SCREEN_ONLY = ("PersonalDocument", "ComparisonDocument", "ListingDocument")

FORMATS = (
    Format("terminal", (), "terminal", (REPORT, PROGRESS, CASELOAD, *SCREEN_ONLY), terminal=True),
    Format("text", (".txt", ".text"), "text", (REPORT, PROGRESS)),
    Format("markdown", (".md", ".markdown"), "markdown", (REPORT, PROGRESS), templated=True),
    Format("html", (".html", ".htm"), "html", (REPORT, PROGRESS), templated=True),
    Format("pdf", (".pdf",), "pdf", (REPORT, PROGRESS), templated=True, binary=True),
    Format("json", (".json",), "json", (REPORT, PROGRESS, CASELOAD)),
    Format("fhir", (".fhir.json",), "fhir", (REPORT, PROGRESS)),
    Format("csv", (".csv",), "csv", (CASELOAD,)),
)
BY_NAME = {item.name: item for item in FORMATS}
# Not a --format choice: what the terminal becomes in accessible mode (plain lists).
ACCESSIBLE = Format("accessible", (), "accessible", (REPORT, PROGRESS, CASELOAD, "ListingDocument"))


def for_the_screen(chosen: Format) -> Format:
    """The terminal format, or in accessible mode the plain lists that stand in for it."""
    from intimacy_check import accessibility

    return ACCESSIBLE if chosen.terminal and accessibility.on() else chosen


def formats_for(document: str) -> tuple[Format, ...]:
    """The formats that render a kind of document, in registry order."""
    return tuple(item for item in FORMATS if document in item.documents)


def choices(document: str) -> list[str]:
    return [item.name for item in formats_for(document)]


def spoken(names: Iterable[str]) -> str:
    """'text, markdown, html, pdf or json'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return _(reports.LIST_SEPARATOR).join(names[:-1]) + _(wording.OR) + names[-1]


def from_extension(path: Path, document: str) -> Format:
    """The format a file name asks for, by its longest known ending (x.fhir.json is FHIR,
    x.json is JSON); UsageError when its extension names none."""
    name = path.name.lower()
    endings = [
        (len(ending), item)
        for item in formats_for(document)
        for ending in item.extensions
        if name.endswith(ending) and len(name) > len(ending)
    ]
    if endings:
        return max(endings, key=lambda found: found[0])[1]
    files = [item.name for item in formats_for(document) if not item.terminal]
    raise UsageError(_(wording.NO_FORMAT_FROM_NAME, name=repr(path.name), choices=spoken(files)))


def renderer(fmt: Format, document: object) -> Callable[..., Any]:
    """The function that lays out this document in this format."""
    table = importlib.import_module(f"intimacy_check.formats.{fmt.module}").RENDERERS
    found: Callable[..., Any] | None = table.get(type(document).__name__)
    if found is None:
        raise UsageError(
            _(
                wording.FORMAT_CANNOT_SHOW,
                format=fmt.name,
                choices=spoken(choices(type(document).__name__)),
            )
        )
    return found


def render(
    fmt: Format,
    document: object,
    *,
    template: Path | None = None,
    paper: str = "a4",
    engine: str | None = None,
) -> Any:
    """Text for a file format (a string, or chunks for a stream), bytes for a binary one,
    or rich renderables. `engine` is the PDF engine asked for, None to pick one."""
    draw = renderer(fmt, document)
    if fmt.binary:
        return draw(document, template=template, paper=paper, engine=engine)
    if fmt.templated:
        return draw(document, template=template, paper=paper)
    return draw(document)
