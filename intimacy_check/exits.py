"""The program's name, its exit codes, and the one way a command stops with an error.

Kept apart from `commands/` and as light as `cli.py`, which imports it before any command
is loaded.
"""

from __future__ import annotations

from typing import NoReturn

import typer

from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text

PROG = "intimacy-check"
EXIT_INTERRUPTED = 130


def fail(message: str, *, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit."""
    typer.echo(_(quiz_text.ERROR_LINE, prog=PROG, message=inert(message)), err=True)
    raise typer.Exit(code)
