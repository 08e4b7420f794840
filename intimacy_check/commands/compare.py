"""`intimacy-check compare`: two partners side by side in a terminal, and the counselor's
report of both in every other format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from intimacy_check.commands import DataDir
from intimacy_check.commands.passphrases import PassphraseFiles
from intimacy_check.commands.report import (
    AllowIncomplete,
    Force,
    Format,
    Output,
    Paper,
    PaperOption,
    PdfEngineOption,
    Steps,
    Template,
    run,
)
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.messages import _
from intimacy_check.messages import commands as text


def compare(
    first: Annotated[Path, typer.Argument(help=_(text.FIRST_PARTNER_HELP), readable=False)],
    second: Annotated[Path, typer.Argument(help=_(text.SECOND_PARTNER_HELP), readable=False)],
    format: Format = None,  # noqa: A002
    output: Output = None,
    force: Force = False,
    steps: Steps = 5,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    pdf_engine: PdfEngineOption = None,
    allow_incomplete: AllowIncomplete = False,
    passphrase_file: PassphraseFiles = None,
    data_dir: DataDir = None,
) -> None:
    """Compare two partners' answers side by side.

    Shows shared strengths, shared struggles and the places where you see things
    differently, with questions to talk through and steps to try together.
    """
    run(
        [first, second],
        side_by_side=comparison_document,
        fmt=format,
        output=output,
        force=force,
        steps=steps,
        template=template,
        paper=paper,
        pdf_engine=pdf_engine,
        allow_incomplete=allow_incomplete,
        data_dir=data_dir,
        passphrase_files=passphrase_file,
    )
