"""Reports as Markdown, from the shipped templates or a counselor's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_check.formats.templates import render_template

if TYPE_CHECKING:
    from intimacy_check.documents.progress import ProgressDocument
    from intimacy_check.documents.report import ReportDocument


def render(
    document: ReportDocument | ProgressDocument, *, template: Path | None = None, paper: str = "a4"
) -> str:
    return render_template("markdown", document, template_path=template, paper=paper)


RENDERERS = {"ReportDocument": render, "ProgressDocument": render}
