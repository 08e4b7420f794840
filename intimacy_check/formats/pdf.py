"""Reports as PDF: the printable HTML report, printed by WeasyPrint or by headless Chromium.

WeasyPrint is an optional extra (`pip install 'intimacy-check[pdf]'`) and is imported only
when a PDF is made, so that start-up never pays for it. Without it, a Chromium on the PATH
prints the same HTML. Which engine is used is decided once, before any answer file is read
(`find_engine`), and the renderer is told.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_check.errors import PdfEngineError
from intimacy_check.formats.templates import render_template
from intimacy_check.messages import _
from intimacy_check.messages import commands as text

if TYPE_CHECKING:
    from intimacy_check.documents.progress import ProgressDocument
    from intimacy_check.documents.report import ReportDocument

WEASYPRINT, CHROMIUM = "weasyprint", "chromium"
ENGINES = (WEASYPRINT, CHROMIUM)
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# A hang guard for a stuck browser: the example couple prints in about a second.
BROWSER_SECONDS = 60
# Without the networking flags Chromium waits for services it cannot reach offline; the
# throwaway profile keeps it from reading or writing the user's own.
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def pick_engine(requested: str | None, *, weasyprint: bool, browser: str | None) -> str:
    """The engine to use, given what is asked for and what is installed; PdfEngineError
    with the way to get one when none can be had."""
    if requested == WEASYPRINT and not weasyprint:
        raise PdfEngineError(_(text.PDF_NO_WEASYPRINT))
    if requested == CHROMIUM and browser is None:
        raise PdfEngineError(_(text.PDF_NO_BROWSER))
    if requested is not None:
        return requested
    if weasyprint:
        return WEASYPRINT
    if browser is not None:
        return CHROMIUM
    raise PdfEngineError(_(text.PDF_NO_ENGINE))


def find_engine(requested: str | None) -> str:
    """The engine this machine can use for the request (see `pick_engine`)."""
    loads = requested != CHROMIUM and weasyprint_loads()
    return pick_engine(requested, weasyprint=loads, browser=find_browser())


def weasyprint_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: installed, but Pango or its kin are missing
        return False
    return True


def find_browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    return None


def render(
    document: ReportDocument | ProgressDocument,
    *,
    template: Path | None = None,
    paper: str = "a4",
    engine: str | None = None,
) -> bytes:
    html = render_template("html", document, template_path=template, paper=paper)
    chosen = engine or find_engine(None)
    return weasyprint_pdf(html) if chosen == WEASYPRINT else browser_pdf(html)


def weasyprint_pdf(html: str) -> bytes:
    """The HTML as a tagged PDF (PDF/UA-1), fetching nothing but data: URLs."""
    import weasyprint

    # The Content-Security-Policy that keeps a browser from loading anything is not read
    # by WeasyPrint: a template's <img src="file:///..."> must not end up in the PDF.
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    try:
        pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
    except Exception as error:  # a third-party engine: whatever fails is one line
        raise PdfEngineError(_(text.PDF_WEASYPRINT_FAILED, reason=error)) from None
    assert isinstance(pdf, bytes)  # write_pdf returns bytes when given no target
    return pdf


def browser_pdf(html: str) -> bytes:
    """The HTML printed by headless Chromium, through a private folder removed afterwards."""
    browser = find_browser()
    if browser is None:
        raise PdfEngineError(_(text.PDF_NO_BROWSER))
    name = Path(browser).name
    with tempfile.TemporaryDirectory(prefix="intimacy-check-pdf-") as folder:  # mode 0700
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            *BROWSER_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=BROWSER_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise PdfEngineError(
                _(text.PDF_BROWSER_TOO_SLOW, browser=name, seconds=BROWSER_SECONDS)
            ) from None
        if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            reason = (
                _(text.PDF_BROWSER_EXIT, code=result.returncode)
                if result.returncode != 0
                else _(text.PDF_BROWSER_NO_FILE)
            )
            raise PdfEngineError(_(text.PDF_BROWSER_FAILED, browser=name, reason=reason))
        return pdf.read_bytes()


RENDERERS = {"ReportDocument": render, "ProgressDocument": render}
