"""`--format pdf`: which engine is used, what each PDF holds page by page, its metadata, and
that the file is written like every report. PDFs are read back with poppler's tools."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from html_checks import HANG_GUARD, page_count, parse_pgm, run_tool
from rendering import draw, example, report_of
from typer.testing import CliRunner

from intimacy_check import formats
from intimacy_check.cli import app
from intimacy_check.commands.report import choose_destination
from intimacy_check.errors import PdfEngineError, UsageError
from intimacy_check.formats import pdf
from intimacy_check.formats.templates import css_counters, css_string
from intimacy_check.versions import shipped_version

EXAMPLES = Path(__file__).parent.parent / "examples"
COUPLE = [str(EXAMPLES / "alex.yaml"), str(EXAMPLES / "sam.yaml")]
OVER_TIME = [str(EXAMPLES / name) for name in ("alex-september.yaml", "alex-october.yaml")]
OVER_TIME.append(str(EXAMPLES / "alex.yaml"))
POPPLER = [tool for tool in ("pdftotext", "pdfinfo", "pdftoppm") if shutil.which(tool) is None]
ENGINES = [
    pytest.param(
        pdf.WEASYPRINT,
        marks=pytest.mark.skipif(not pdf.weasyprint_loads(), reason="WeasyPrint cannot load"),
    ),
    pytest.param(
        pdf.CHROMIUM,
        marks=pytest.mark.skipif(
            pdf.find_browser() is None, reason="no chromium, chromium-browser or google-chrome"
        ),
    ),
]
needs_poppler = pytest.mark.skipif(
    bool(POPPLER), reason=f"reading PDFs needs {', '.join(POPPLER)} on PATH"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def page_text(path: Path, page: int) -> str:
    return run_tool("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-")


def dark_share(path: Path, page: int, folder: Path) -> tuple[float, float]:
    """A page at 30 dpi in grey: the share of dark pixels, and how far down the last is."""
    prefix = folder / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile"]
        + [str(path), str(prefix)],
        check=True,
        timeout=HANG_GUARD,
    )
    width, height, pixels = parse_pgm(prefix.with_suffix(".pgm").read_bytes())
    dark_rows = [row for row in range(height) if min(pixels[row * width : (row + 1) * width]) < 200]
    share = sum(1 for value in pixels if value < 200) / (width * height)
    return share, (dark_rows[-1] / height if dark_rows else 0.0)


def pdf_objects(path: Path) -> bytes:
    """The PDF's bytes followed by every stream that inflates, where object streams hide
    the catalog."""
    raw = path.read_bytes()
    inflated = []
    for found in re.finditer(rb"stream\r?\n(.*?)endstream", raw, flags=re.S):
        try:
            inflated.append(zlib.decompress(found.group(1)))
        except zlib.error:
            continue
    return b"\n".join([raw, *inflated])


def catalog(path: Path) -> bytes:
    found = re.search(rb"<<\s*/Type\s*/Catalog(?:[^<>]|<<[^<>]*>>)*>>", pdf_objects(path))
    assert found is not None, "no catalog"
    return found.group(0)


def make(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Report saved in {target}\n"
    return target


# --- choosing an engine: pure -------------------------------------------------------------


@pytest.mark.parametrize(
    "requested, weasyprint, browser, expected",
    [
        (None, True, "/usr/bin/chromium", "weasyprint"),
        (None, True, None, "weasyprint"),
        (None, False, "/usr/bin/chromium", "chromium"),
        ("chromium", True, "/usr/bin/chromium", "chromium"),
        ("weasyprint", True, None, "weasyprint"),
    ],
)
def test_the_engine_is_weasyprint_when_it_loads_else_chromium(
    requested: str | None, weasyprint: bool, browser: str | None, expected: str
) -> None:
    assert pdf.pick_engine(requested, weasyprint=weasyprint, browser=browser) == expected


@pytest.mark.parametrize(
    "requested, weasyprint, browser, message",
    [
        (
            None,
            False,
            None,
            "making a PDF needs WeasyPrint (pip install 'intimacy-check[pdf]') or Chromium on "
            "the PATH (chromium, chromium-browser or google-chrome)",
        ),
        (
            "chromium",
            True,
            None,
            "--pdf-engine chromium: none of chromium, chromium-browser or google-chrome is on "
            "the PATH",
        ),
        (
            "weasyprint",
            False,
            "/usr/bin/chromium",
            "--pdf-engine weasyprint: WeasyPrint is not installed or cannot load (pip install "
            "'intimacy-check[pdf]'; it needs Pango); or use --pdf-engine chromium",
        ),
    ],
)
def test_an_engine_that_cannot_be_had_says_how_to_get_one(
    requested: str | None, weasyprint: bool, browser: str | None, message: str
) -> None:
    with pytest.raises(PdfEngineError) as caught:
        pdf.pick_engine(requested, weasyprint=weasyprint, browser=browser)
    assert caught.value.message == message
    assert caught.value.exit_code == 1


def test_a_weasyprint_that_fails_to_load_its_libraries_is_not_available(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a wheel without Pango does on import: OSError from cffi, not ImportError.
    fake = tmp_path / "weasyprint"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    assert pdf.weasyprint_loads() is False
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # not installed: ImportError
    assert pdf.weasyprint_loads() is False


# --- the command line -----------------------------------------------------------------------


def test_pdf_engine_with_another_format_is_a_usage_error() -> None:
    result = run("report", *COUPLE, "--format", "html", "--pdf-engine", "chromium")
    assert result.exit_code == 2
    assert one_line(result) == (
        "intimacy-check: error: --pdf-engine works with --format pdf or an -o name ending in "
        ".pdf (see 'intimacy-check report --help')"
    )
    assert result.stdout == ""


def test_a_pdf_is_not_drawn_on_a_terminal() -> None:
    with pytest.raises(UsageError) as caught:
        choose_destination("pdf", None, template=None, stdout_is_terminal=True)
    assert caught.value.message == (
        "a PDF cannot be shown in a terminal; add -o FILE.pdf, or pipe it"
    )
    piped = choose_destination("pdf", None, template=None, stdout_is_terminal=False)
    assert (piped.format.name, piped.path) == ("pdf", None)
    named = choose_destination(None, Path("r.pdf"), template=None, stdout_is_terminal=True)
    assert (named.format.name, named.path) == ("pdf", Path("r.pdf"))


def test_chromium_asked_for_and_not_on_the_path_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run("report", *COUPLE, "--pdf-engine", "chromium", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 1
    assert one_line(result) == (
        "intimacy-check: error: --pdf-engine chromium: none of chromium, chromium-browser or "
        "google-chrome is on the PATH"
    )
    assert not (tmp_path / "r.pdf").exists()


def test_neither_engine_says_how_to_get_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = run("progress", *OVER_TIME, "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 1
    assert one_line(result) == (
        "intimacy-check: error: making a PDF needs WeasyPrint (pip install "
        "'intimacy-check[pdf]') or Chromium on the PATH (chromium, chromium-browser or "
        "google-chrome)"
    )


def test_the_pdf_refuses_an_existing_file_and_an_input_file(tmp_path: Path) -> None:
    existing = tmp_path / "r.pdf"
    existing.write_bytes(b"keep me")
    result = run("report", *COUPLE, "-o", str(existing))
    assert result.exit_code == 1
    assert one_line(result) == (
        f"intimacy-check: error: {existing}: already exists; use --force to replace it"
    )
    assert existing.read_bytes() == b"keep me"

    answers = tmp_path / "alex.yaml"
    answers.write_bytes((EXAMPLES / "alex.yaml").read_bytes())
    result = run("report", str(answers), "--format", "pdf", "-o", str(answers), "--force")
    assert result.exit_code == 2
    assert one_line(result) == (
        f"intimacy-check: error: {answers} is one of the answer files being read; choose "
        "another name for the report (see 'intimacy-check report --help')"
    )
    assert answers.read_bytes() == (EXAMPLES / "alex.yaml").read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_the_pdf_is_private_replaces_with_force_and_pipes(tmp_path: Path, engine: str) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    result = run("report", *COUPLE, "--pdf-engine", engine, "-o", str(target), "--force")
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["r.pdf"]  # no temporary left

    piped = run("report", *COUPLE, "--format", "pdf", "--pdf-engine", engine)
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout_bytes.startswith(b"%PDF-") and piped.stderr == ""


# --- the margin boxes in the stylesheet ------------------------------------------------------

CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)", flags=re.S)


def css_unquote(quoted: str) -> str:
    """Read a CSS string back as a browser would."""
    assert quoted[0] == quoted[-1] == '"'
    body = quoted[1:-1]
    assert '"' not in CSS_ESCAPE.sub("", body) and "\n" not in body and "<" not in body
    return CSS_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], body)


@pytest.mark.parametrize(
    "name",
    [
        'Al"ex',
        "back\\slash",
        "two\nlines",
        "</style><script>alert(1)</script>",
        "Zoë & Renée's",
        "\\22 ",
    ],
)
def test_a_name_becomes_one_css_string_that_reads_back_the_same(name: str) -> None:
    quoted = str(css_string(name))
    assert css_unquote(quoted) == name.replace("\n", " ")


def test_the_page_number_comes_from_the_catalogue_as_counters() -> None:
    assert str(css_counters("page {page} of {pages}")) == (
        '"page " counter(page) " of " counter(pages)'
    )
    assert str(css_counters("{page}/{pages}")) == 'counter(page) "\\2f " counter(pages)'


def style_of(html: str) -> str:
    return html[html.index("<style>") : html.index("</style>")]


def test_a_hostile_name_stays_inside_the_stylesheet_string() -> None:
    hostile = '</style><script>alert(1)</script>"\\'
    sheets = [replace(example("alex.yaml"), respondent=hostile), example("sam.yaml")]
    html = draw("html", report_of(shipped_version(1), sheets))
    assert html.count("</style>") == 1 and "<script>" not in html
    style = style_of(html)
    running = re.search(r"@bottom-left \{\n    content: (\"[^\"]*\");", style)
    assert running is not None, style
    assert css_unquote(running.group(1)) == f"{hostile} and Sam"
    assert '@bottom-right {\n    content: "page " counter(page) " of " counter(pages);' in style
    assert "@page :first { @bottom-left { content: none; } }" in style


# --- the PDFs themselves ----------------------------------------------------------------------


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("engine", ENGINES)
def test_the_couple_pdf_page_by_page(tmp_path: Path, engine: str) -> None:
    made = make(tmp_path, "couple.pdf", "report", *COUPLE, "--pdf-engine", engine)
    assert page_count(made) == 4

    first = page_text(made, 1)
    assert "Alex and Sam" in first and "Emotional intimacy report" in first
    # The index chart: each name with its intimacy index, on one line.
    assert re.search(r"^\s*Alex\s+72$", first, flags=re.M), first
    assert re.search(r"^\s*Sam\s+48$", first, flags=re.M), first
    assert "page 1 of 4" in first
    for page in (2, 3, 4):
        running = page_text(made, page).rstrip().splitlines()[-1].split()
        assert running == ["Alex", "and", "Sam", "page", str(page), "of", "4"], page

    for page in range(1, 5):
        share, _lowest = dark_share(made, page, tmp_path)
        assert share > 0.02, f"page {page} looks blank"
    # The first page is filled: its last ink (the page number aside) is in the bottom fifth.
    assert dark_share(made, 1, tmp_path)[1] > 0.8


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("engine", ENGINES)
def test_one_person_and_progress_pdfs(tmp_path: Path, engine: str) -> None:
    single = make(tmp_path, "alex.pdf", "report", COUPLE[0], "--pdf-engine", engine)
    pages = page_count(single)
    assert 2 <= pages <= 3
    first = page_text(single, 1)
    assert re.search(r"Intimacy index\s+Alex\s+72$", first, flags=re.M), first
    assert f"page 1 of {pages}" in first
    assert "Sam" not in first

    over_time = make(tmp_path, "progress.pdf", "progress", *OVER_TIME, "--pdf-engine", engine)
    assert page_count(over_time) == 2
    first = page_text(over_time, 1)
    assert "Progress over time" in first and "+24" in first and "page 1 of 2" in first
    assert page_text(over_time, 2).rstrip().splitlines()[-1].split() == [
        "Alex",
        "page",
        "2",
        "of",
        "2",
    ]
    for page in (1, 2):
        assert dark_share(over_time, page, tmp_path)[0] > 0.02, f"page {page} looks blank"


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("engine", ENGINES)
def test_the_pdf_has_a_title_and_a_language(tmp_path: Path, engine: str) -> None:
    made = make(
        tmp_path, "couple.pdf", "report", *COUPLE, "--pdf-engine", engine, "--paper", "letter"
    )
    info = run_tool("pdfinfo", str(made))
    assert re.search(r"^Title:\s+Emotional intimacy report: Alex and Sam$", info, flags=re.M)
    assert re.search(r"^Tagged:\s+yes$", info, flags=re.M)
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)$", info, flags=re.M), info
    assert re.search(rb"/Lang\s*\(en\)", catalog(made))


@pytest.mark.slow
@needs_poppler
@pytest.mark.skipif(not pdf.weasyprint_loads(), reason="WeasyPrint cannot load")
def test_weasyprint_makes_pdf_ua(tmp_path: Path) -> None:
    made = make(tmp_path, "couple.pdf", "report", *COUPLE, "--pdf-engine", "weasyprint")
    metadata = run_tool("pdfinfo", "-meta", str(made))
    assert 'pdfuaid:part="1"' in metadata
    assert b"/StructTreeRoot" in catalog(made)


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("engine", ENGINES)
def test_a_hostile_name_prints_as_text_in_the_margin(tmp_path: Path, engine: str) -> None:
    hostile = '</style>"Al\\ex'
    answers = tmp_path / "hostile.yaml"
    source = (EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    answers.write_text(
        re.sub(r"^respondent: .*$", "respondent: '</style>\"Al\\\\ex'", source, flags=re.M),
        encoding="utf-8",
    )
    made = make(tmp_path, "hostile.pdf", "report", str(answers), "--pdf-engine", engine)
    last_line = page_text(made, 2).rstrip().splitlines()[-1]
    assert last_line.split()[0] == hostile, last_line
    assert "alert" not in page_text(made, 1)


def test_pdf_is_a_binary_templated_format_after_html() -> None:
    row = formats.BY_NAME["pdf"]
    assert (row.extensions, row.binary, row.templated) == ((".pdf",), True, True)
    names = formats.choices(formats.REPORT)
    assert names.index("pdf") == names.index("html") + 1


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("engine", ENGINES)
def test_the_wishes_print_in_the_pdf(tmp_path: Path, engine: str) -> None:
    wishes = [str(EXAMPLES / "wishes" / name) for name in ("alex.yaml", "sam.yaml")]
    made = make(tmp_path, "wishes.pdf", "report", *wishes, "--pdf-engine", engine)
    text = " ".join(run_tool("pdftotext", str(made), "-").split())
    assert "How each statement is wished to be" in text
    assert "Side by side: what each partner wishes, and what the other sees now" in text
    # Alex's largest wish, as a row of the table: statement, now, wished for, gap.
    assert "Everyday affection 2 Disagree 5 Strongly agree +75" in text
    pages = page_count(made)
    for page in range(1, pages + 1):
        share, _lowest = dark_share(made, page, tmp_path)
        # The last page may hold only the closing lines.
        assert share > (0.02 if page < pages else 0.002), f"page {page} looks blank"
