"""Where a sealed file's passphrase comes from: a --passphrase-file, or the terminal.

A passphrase is never taken from the command line or the environment, where other
programs can read it; it is typed with no echo, or read from a file only its owner can
read. It is never written, logged or shown: errors name the file it was for, or came from.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check.errors import PassphraseError, UsageError
from intimacy_check.messages import _
from intimacy_check.messages import sealing as text
from intimacy_check.strict_yaml import ReadError, read_limited

if TYPE_CHECKING:
    from intimacy_check.sealing import Checked, Opened

MIN_PASSPHRASE = 8
TRIES = 3
PASSPHRASE_FILE_LIMIT = 1024

PassphraseFiles = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--passphrase-file",
        help=_(text.PASSPHRASE_FILE_HELP),
        show_default=False,
        readable=False,  # refused in one line, with its reason, by read_passphrase_file
    ),
]


def _say(message: str) -> None:
    typer.echo(message, err=True)


class Keyring:
    """The passphrases of one run: each --passphrase-file in the order given, then, at a
    terminal, typed. Each sealed file, or each person choosing one, takes the next."""

    def __init__(self, files: list[Path] | None, *, say: Callable[[str], None] = _say) -> None:
        self._sources = list(files or [])
        self._given = [read_passphrase_file(path) for path in self._sources]
        self._say = say

    def __repr__(self) -> str:
        return "Keyring(...)"  # never a passphrase, in a traceback or a log

    def expect(self, needed: int, *, all_now: bool = False) -> None:
        """Refuse more passphrase files than sealed files or people that need one; with
        `all_now`, also fewer, where none can be typed (a piped couple quiz would
        otherwise find out only after the first partner's whole turn)."""
        given = len(self._given)
        if given > needed:
            raise UsageError(_(text.TOO_MANY_PASSPHRASE_FILES, given=given, needed=needed))
        if all_now and given < needed and not at_terminal():
            if given == 0:
                raise PassphraseError(_(text.NEEDS_NEW_PASSPHRASE))
            raise PassphraseError(_(text.PASSPHRASE_FILES_FEWER, given=given, needed=needed))

    def check_openable(self, path: Path, content: bytes) -> Checked:
        """Refuse, before any passphrase is asked for, a sealed file that cannot open."""
        from intimacy_check.sealing import check_openable  # only a sealed file loads age

        return check_openable(path, content)

    def open(self, path: Path, content: bytes) -> Opened:
        """Open a sealed file: with the next passphrase file (one try), or typed at the
        terminal (three tries). Raise PassphraseError, or AnswerFileError for a bad file.
        A file that fails still uses up its passphrase file, so the next file gets its own."""
        from intimacy_check.sealing import open_sealed  # only a sealed file loads age

        if self._given:
            self._sources.pop(0)
            passphrase = self._given.pop(0)
            checked = self.check_openable(path, content)
            return open_sealed(path, content, passphrase, checked)
        checked = self.check_openable(path, content)
        if not at_terminal():
            raise PassphraseError(_(text.NEEDS_PASSPHRASE, path=path))
        for attempt in range(1, TRIES + 1):
            typed = _ask(_(text.PASSPHRASE_FOR, path=path))
            try:
                return open_sealed(path, content, typed, checked)
            except PassphraseError:
                if attempt == TRIES:
                    raise
                self._say(_(text.TRY_AGAIN, path=path))
        raise AssertionError("unreachable")  # pragma: no cover

    def choose(self, *, name: str | None = None) -> str:
        """A new passphrase: the next passphrase file's, or chosen at the terminal, typed
        twice with no echo."""
        if self._given:
            source = self._sources.pop(0)
            passphrase = self._given.pop(0)
            if len(passphrase) < MIN_PASSPHRASE:
                raise PassphraseError(
                    _(text.PASSPHRASE_FILE_TOO_SHORT, path=source, minimum=MIN_PASSPHRASE)
                )
            return passphrase
        if not at_terminal():
            raise PassphraseError(_(text.NEEDS_NEW_PASSPHRASE))
        intro = _(text.CHOOSE_INTRO_FOR, name=name) if name else _(text.CHOOSE_INTRO)
        self._say(intro)
        while True:
            first = _ask(_(text.CHOOSE_PROMPT, minimum=MIN_PASSPHRASE))
            if len(first) < MIN_PASSPHRASE:
                self._say(_(text.TOO_SHORT, minimum=MIN_PASSPHRASE))
                continue
            if _ask(_(text.CONFIRM_PROMPT)) == first:
                return first
            self._say(_(text.MISMATCH))


def at_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    """Read a passphrase with no echo, from the terminal itself."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        sys.stderr.write("\n")  # Ctrl-D leaves the cursor after the prompt
        raise PassphraseError(_(text.NO_PASSPHRASE_GIVEN)) from None
    except UnicodeDecodeError:
        raise PassphraseError(_(text.TYPED_NOT_TEXT)) from None


def read_passphrase_file(path: Path) -> str:
    """The passphrase in a file only its owner can read: its one line, without the line
    break at its end."""
    if str(path) == "-":  # stdin holds answers or a report's input, and echoes at a terminal
        raise PassphraseError(_(text.PASSPHRASE_FILE_STDIN))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0  # let the read below name the problem
    if stat.S_ISREG(mode) and mode & (stat.S_IRGRP | stat.S_IROTH):
        raise PassphraseError(_(text.PASSPHRASE_FILE_READABLE, path=path))
    try:
        content = read_limited(path, limit=PASSPHRASE_FILE_LIMIT)
    except ReadError as error:
        raise PassphraseError(str(error)) from None
    try:
        passphrase = content.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError(_(text.PASSPHRASE_FILE_NOT_TEXT, path=path)) from None
    passphrase = passphrase.removesuffix("\n").removesuffix("\r")
    if "\n" in passphrase or "\r" in passphrase:
        raise PassphraseError(_(text.PASSPHRASE_FILE_LINES, path=path))
    if not passphrase:
        raise PassphraseError(_(text.PASSPHRASE_FILE_EMPTY, path=path))
    return passphrase
