"""Print the HTML report with headless Chromium and check the PDF a counselor would get."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from html_checks import HANG_GUARD, MISSING, page_count, parse_pgm, pdf_text, print_to_pdf
from rendering import draw, example, report_of

from intimacy_check.versions import shipped_version

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"printing the HTML report needs {', '.join(MISSING)} on PATH",
    ),
]


def write_report(folder: Path, *names: str, paper: str) -> Path:
    sheets = [example(f"{name}.yaml") for name in names]
    page = folder / "report.html"
    page.write_text(
        draw("html", report_of(shipped_version(1), sheets), paper=paper), encoding="utf-8"
    )
    return page


def first_page_pixels(pdf: Path, folder: Path) -> tuple[int, int, bytes]:
    """Page 1 in greyscale at 50 dpi, as width, height and one byte per pixel."""
    prefix = folder / "page"
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", "-singlefile", str(pdf)]
        + [str(prefix)],
        check=True,
        timeout=HANG_GUARD,
    )
    return parse_pgm(prefix.with_suffix(".pgm").read_bytes())


@pytest.mark.parametrize(
    "names, paper, most_pages",
    [
        (("alex", "sam"), "a4", 4),
        (("alex", "sam"), "letter", 4),
        (("alex",), "a4", 3),
    ],
    ids=["couple-a4", "couple-letter", "single-a4"],
)
def test_report_prints_on_few_pages_with_its_content(
    tmp_path: Path, names: tuple[str, ...], paper: str, most_pages: int
) -> None:
    pdf = print_to_pdf(write_report(tmp_path, *names, paper=paper), tmp_path / "report.pdf")

    assert 1 <= page_count(pdf) <= most_pages

    text = pdf_text(pdf)
    for expected in ("Alex", "72", "How to read this report", "Recommended steps", "Notes"):
        assert expected in text
    if "sam" in names:
        assert "Sam" in text and "48" in text and "35%" in text

    # The margin boxes print from the browser too: the page number, and the names from page 2.
    pages = text.split("\f")
    assert f"page 1 of {len(pages) - 1}" in pages[0]
    running = " and ".join(name.capitalize() for name in names)
    assert pages[1].rstrip().splitlines()[-1].split()[:-4] == running.split()

    width, height, pixels = first_page_pixels(pdf, tmp_path)
    dark = sum(1 for value in pixels if value < 200)
    assert dark / (width * height) > 0.01, "page 1 looks blank"


def test_parse_pgm_reads_header_comments_and_pixels() -> None:
    raw = b"P5\n# made by hand\n3 2\n255\n" + bytes([0, 128, 255, 10, 20, 30])
    assert parse_pgm(raw) == (3, 2, bytes([0, 128, 255, 10, 20, 30]))
