"""Terminal pieces drawn straight as segments: wrapped lines, columns, headings, bars."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

BAR_WIDTH = 20


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
        first = max(options.max_width - sum(self.widths) - len(self.widths), 12)
        yield Segment(self._line(self.header, first), console.get_style("bold"))
        yield Segment.line()
        for row in self.rows:
            yield Segment(self._line(row, first))
            yield Segment.line()


class Heading:
    """A title and a rule on one line, left or centred, or a plain faint rule without a
    title: what rich's Rule draws, at a fraction of its cost, drawn straight as segments."""

    def __init__(self, title: str, *, centred: bool = False) -> None:
        self.title = title
        self.centred = centred

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        title = self.title
        if not title:
            yield Segment("─" * width, console.get_style("dim"))
            yield Segment.line()
            return
        rule = console.get_style("cyan")
        if cell_len(title) > width - 6:  # a long name is wrapped, never cut
            for line in textwrap.wrap(title, width=width, break_on_hyphens=False):
                yield Segment(line, console.get_style("bold"))
                yield Segment.line()
            yield Segment("─" * width, rule)
            yield Segment.line()
            return
        if self.centred:
            left = (width - cell_len(title) - 2) // 2
            right = width - cell_len(title) - 2 - left
            yield Segment("─" * left, rule)
            yield Segment(f" {title} ")
            yield Segment("─" * right, rule)
        else:
            yield Segment(title, console.get_style("bold"))
            yield Segment(" " + "─" * (width - cell_len(title) - 1), rule)
        yield Segment.line()


class Grid:
    """Rows of styled cells in columns as wide as their widest cell, two spaces apart.

    Drawn straight as segments: a rich Table of the same scores took longer to lay out
    than the rest of the report together. Cells past the width are cut with an ellipsis.
    """

    GAP = 2

    def __init__(self) -> None:
        self.rows: list[list[Text]] = []

    def add_row(self, *cells: Text | str) -> None:
        self.rows.append([cell if isinstance(cell, Text) else Text(cell) for cell in cells])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        columns = max(len(row) for row in self.rows)
        widths = [
            max(cell_len(row[number].plain) for row in self.rows if len(row) > number)
            for number in range(columns)
        ]
        room = options.max_width - self.GAP * (columns - 1)
        while sum(widths) > room and max(widths) > 8:
            widths[widths.index(max(widths))] -= 1
        for row in self.rows:
            line = Text()
            for number, cell in enumerate(row):
                cell = cell.copy()
                cell.truncate(widths[number], overflow="ellipsis", pad=number < len(row) - 1)
                line.append_text(cell)
                if number < len(row) - 1:
                    line.append(" " * self.GAP)
            yield from line.render(console)
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
