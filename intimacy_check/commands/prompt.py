"""A line read at one of the quiz's prompts, in a way that no stopping signal can miss.

Python runs a signal handler between bytecodes, or when a blocking read is interrupted.
A Ctrl-C or SIGTERM that lands after the prompt is written but before the read begins
only sets a flag, and the read then waits for the next line: the quiz would not stop
until Enter. So while the quiz runs at a terminal, every signal also writes a byte to a
pipe (`signal.set_wakeup_fd`), and a prompt waits on the terminal and that pipe together.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

_wakeup: int | None = None  # the read end of the pipe that signals write to


@contextmanager
def signals_wake_the_prompt() -> Iterator[None]:
    """While the quiz runs at a terminal, let every signal wake a waiting prompt."""
    global _wakeup
    if threading.current_thread() is not threading.main_thread() or not sys.stdin.isatty():
        yield  # piped input is there already; and only the main thread may set this
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    _wakeup = read_end
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous)
        _wakeup = None
        os.close(read_end)
        os.close(write_end)


def read_line(screen: Console, prompt: str) -> str:
    """Show `prompt` and read one line, as `Console.input` does; a signal that arrives
    while it waits is handled at once (its handler raises, and the quiz stops)."""
    if _wakeup is None:
        return screen.input(prompt)
    screen.print(prompt, end="")
    while True:
        ready, _, _ = select.select([sys.stdin, _wakeup], [], [])
        if _wakeup in ready:
            try:
                os.read(_wakeup, 512)
            except BlockingIOError:
                pass
            continue  # the signal's handler runs here, between bytecodes, and raises
        return input()
