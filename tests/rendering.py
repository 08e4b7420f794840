"""Documents from the example answer files, and any document drawn in any format as text:
shared by the format, golden-file and hostile-text tests."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from intimacy_check import formats
from intimacy_check.answers import AnswerSheet, read_answer_sheet
from intimacy_check.caseload import summarize
from intimacy_check.documents.caseload import caseload_document
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.listing import listing_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.documents.progress import progress_document
from intimacy_check.documents.report import report_document
from intimacy_check.progress import group_progress
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
ALEX_OVER_TIME = ("alex-september.yaml", "alex-october.yaml", "alex.yaml")


def example(name: str) -> AnswerSheet:
    return read_answer_sheet(V1_EXAMPLES / name)


def report_of(
    questionnaire: Questionnaire, sheets: Sequence[AnswerSheet], *, steps: int = 5
) -> Any:
    return report_document(build_report(questionnaire, sheets), steps=steps)


def progress_of(questionnaire: Questionnaire, dated: Sequence[tuple[str, AnswerSheet]]) -> Any:
    return progress_document(
        questionnaire, group_progress([(file, sheet, questionnaire) for file, sheet in dated])
    )


def every_document(questionnaire: Questionnaire, sheets: Sequence[AnswerSheet]) -> list[Any]:
    """One document of each kind, from one or two sheets (a couple's parts need two)."""
    report = build_report(questionnaire, sheets)
    dated = [(f"file-{number}.yaml", sheet) for number, sheet in enumerate(sheets)]
    documents = [
        report_document(report, steps=5),
        personal_document(build_report(questionnaire, sheets[:1])),
        progress_of(questionnaire, dated),
        listing_document(questionnaire),
        caseload_document(summarize(questionnaire, sheet, file=file) for file, sheet in dated),
    ]
    if len(sheets) == 2:
        documents.append(comparison_document(report))
    return documents


def pdf_as_text(pdf: bytes) -> str:
    """A PDF's text as pdftotext reads it; the test is skipped where a PDF cannot be made."""
    if shutil.which("pdftotext") is None:
        pytest.skip("reading a PDF needs pdftotext on PATH")
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=120
    )
    return result.stdout.decode("utf-8")


def draw(fmt: str, document: Any, *, width: int = 80, **options: Any) -> str:
    """A document in a format, as the text a person or a program would get."""
    chosen = formats.ACCESSIBLE if fmt == formats.ACCESSIBLE.name else formats.BY_NAME[fmt]
    if chosen.binary:
        from intimacy_check.errors import PdfEngineError
        from intimacy_check.formats.pdf import find_engine

        try:
            find_engine(None)
        except PdfEngineError as missing:
            pytest.skip(missing.message)
        return pdf_as_text(formats.render(chosen, document, **options))
    drawn = formats.render(chosen, document, **options)
    if not chosen.terminal:
        return drawn if isinstance(drawn, str) else "".join(drawn)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    for part in drawn if not hasattr(drawn, "__rich_console__") else [drawn]:
        console.print(part)
    return out.getvalue()
