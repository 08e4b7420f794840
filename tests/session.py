"""intimacy-check in a real pseudo-terminal, and an emulated terminal that shows what a
person could see there, on the screen or by scrolling back. Shared by the pty tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pexpect
import pyte
from helpers import spawn_cli

GUARD = 60  # seconds: guards a hang, times nothing


class Terminal(pyte.HistoryScreen):
    """A terminal emulator that, like xterm, forgets its scrollback on "erase saved lines"."""

    def erase_in_display(self, how: int = 0, *args: Any, **kwargs: Any) -> None:
        super().erase_in_display(how, *args, **kwargs)
        if how == 3:
            self.history.top.clear()
            self.history.bottom.clear()

    def everything(self) -> str:
        """What a person could see now, on the screen or by scrolling back."""
        scrolled = [
            "".join(line[column].data for column in sorted(line)) for line in self.history.top
        ]
        return "\n".join([*scrolled, *self.display])


class Session:
    """intimacy-check in a pseudo-terminal, with everything it writes kept, and fed on
    demand to an emulated terminal (with scrollback) to see what a person could see."""

    def __init__(self, *args: str, cwd: Path, history: int = 2000) -> None:
        self.child = spawn_cli(*args, cwd=cwd, timeout=GUARD)
        self.log = io.StringIO()
        self.child.logfile_read = self.log
        self.terminal = Terminal(100, 40, history=history)
        self.stream = pyte.Stream(self.terminal)
        self.fed = 0

    def expect(self, pattern: str) -> str:
        """Wait for `pattern` (plain text); return what came before it."""
        self.child.expect_exact(pattern)
        return self.child.before

    def send(self, line: str) -> None:
        self.child.sendline(line)

    @property
    def written(self) -> str:
        return self.log.getvalue()

    def seen(self) -> str:
        """What a person could see now, on the screen or by scrolling back."""
        text = self.written
        self.stream.feed(text[self.fed :])
        self.fed = len(text)
        return self.terminal.everything()

    def end(self) -> int | None:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus
