"""Checks shared by the HTML report tests: self-containment, and printing to PDF in a browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "style-src 'unsafe-inline'; img-src data:; script-src 'none'"
)
# C0 controls other than tab and newline, DEL, and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Elements(HTMLParser):
    """Every start tag with its attributes, as the browser's tokenizer would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def with_class(self, css_class: str) -> list[tuple[str, dict[str, str | None]]]:
        return [
            (name, attrs)
            for name, attrs in self.tags
            if css_class in (attrs.get("class") or "").split()
        ]


def assert_self_contained(html: str) -> None:
    lowered = html.lower()
    assert lowered.count("<style") == 1
    assert "<script" not in lowered
    assert CSP in html
    assert "http://" not in lowered and "https://" not in lowered
    elements = Elements(html)
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form", "a"):
        assert elements.named(tag) == [], tag
    for name, attrs in elements.tags:
        for attribute, value in attrs.items():
            assert not attribute.startswith("on"), (name, attribute)
            if attribute in ("src", "href", "xlink:href", "action", "srcset"):
                assert (value or "").startswith(("data:", "#")), (name, attribute, value)
    assert not CONTROL.search(html)


# --- printed in a browser ---------------------------------------------------------------

# pdftoppm is only for the report's first-page pixels; the progress test does not need it.
TOOLS = ("chromium", "pdftotext", "pdfinfo", "pdftoppm")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
# A hang guard for a stuck browser, not a timing assertion.
HANG_GUARD = 120


def print_to_pdf(page: Path, pdf: Path) -> Path:
    """Print page with headless Chromium to pdf, keeping its profile beside the pdf."""
    from intimacy_check.formats.pdf import BROWSER_FLAGS  # the flags the PDF format uses

    command = [
        "chromium",
        *BROWSER_FLAGS,
        f"--user-data-dir={pdf.parent / 'profile'}",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD)
    assert pdf.exists() and pdf.stat().st_size > 0, result.stderr[-2000:]
    return pdf


def parse_pgm(raw: bytes) -> tuple[int, int, bytes]:
    """Read a binary PGM (P5): magic, width, height and maxval, then the pixel bytes."""
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:
        while raw[position : position + 1].isspace():
            position += 1
        if raw[position : position + 1] == b"#":
            position = raw.index(b"\n", position) + 1
            continue
        end = position
        while not raw[end : end + 1].isspace():
            end += 1
        fields.append(raw[position:end])
        position = end
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    assert magic == b"P5" and maxval == 255, (magic, maxval)
    pixels = raw[position + 1 : position + 1 + width * height]
    assert len(pixels) == width * height
    return width, height, pixels


def run_tool(*command: str) -> str:
    return subprocess.run(
        list(command), capture_output=True, text=True, check=True, timeout=HANG_GUARD
    ).stdout


def page_count(pdf: Path) -> int:
    info = run_tool("pdfinfo", str(pdf))
    found = re.search(r"^Pages:\s+(\d+)$", info, flags=re.M)
    assert found is not None, info
    return int(found.group(1))


def pdf_text(pdf: Path) -> str:
    return run_tool("pdftotext", "-layout", str(pdf), "-")
