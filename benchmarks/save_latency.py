#!/usr/bin/env python3
"""Measure how soon the next statement appears after an answer, plain and sealed.

The quiz saves after every answer, and a sealed quiz seals every save. This drives
`intimacy-check quiz` in a pseudo-terminal, as a person at a keyboard would use it: for
each statement it sends a rating and Enter, and times until the next statement's rating
prompt has been drawn. The target is that a sealed save keeps every next statement
within 100 ms. The last answer has no next statement; the time until the results appear
(which, sealed, includes sealing with the passphrase) is shown for information.

    python benchmarks/save_latency.py --runs 5
    python benchmarks/save_latency.py --runs 5 --markdown

Needs only the standard library, and a POSIX system for the pseudo-terminal.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROMPT = b"Your rating:"
DONE = b"Your answers are"  # the closing line, plain or sealed
TARGET_MS = 100.0
TIMEOUT = 60.0


def _read_until(fd: int, marker: bytes, seen: bytearray) -> None:
    """Read the terminal until `marker` appears in what is new since the call began."""
    start = len(seen)
    deadline = time.monotonic() + TIMEOUT
    while marker not in seen[start:]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no {marker!r} within {TIMEOUT} s")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                piece = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                piece = b""
            if not piece:
                raise EOFError(f"the quiz ended before {marker!r}")
            seen.extend(piece)


def one_quiz(cli: str, folder: Path, *, sealed: bool) -> tuple[list[float], float]:
    """Milliseconds from each Enter to the next prompt, and from the last Enter to the end."""
    answers = folder / ("bench.yaml.age" if sealed else "bench.yaml")
    answers.unlink(missing_ok=True)
    command = [cli, "quiz", "--name", "Bench", "-o", str(answers)]
    if sealed:
        secret = folder / "passphrase"
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # never readable
        with os.fdopen(fd, "w") as stream:
            stream.write("benchmark passphrase\n")
        command += ["--seal", "--passphrase-file", str(secret)]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the quiz, at a terminal of 100 columns
        os.environ.update(COLUMNS="100", LINES="40", TERM="xterm")
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)  # not found: the parent sees the terminal close
    seen = bytearray()
    latencies = []
    try:
        _read_until(fd, PROMPT, seen)
        while True:
            began = time.perf_counter()
            os.write(fd, b"4\r")
            try:
                _read_until(fd, PROMPT, seen)
            except EOFError:
                break
            latencies.append((time.perf_counter() - began) * 1000)
            if DONE in seen:
                break
        last = (time.perf_counter() - began) * 1000
    finally:
        os.close(fd)
        os.waitpid(pid, 0)
    return latencies, last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="quizzes of each kind (5)")
    parser.add_argument("--cli", default=shutil.which("intimacy-check") or "intimacy-check")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    options = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for sealed in (False, True):
            steps: list[float] = []
            ends: list[float] = []
            for _ in range(options.runs):
                latencies, last = one_quiz(options.cli, folder, sealed=sealed)
                steps += latencies
                ends.append(last)
            rows.append((sealed, steps, ends))

    verdict = 0
    header = (
        "quiz",
        "answers timed",
        "median",
        "95th percentile",
        "slowest",
        "target",
        "to the results",
    )
    lines = [header]
    for sealed, steps, ends in rows:
        slowest = max(steps)
        passed = slowest <= TARGET_MS
        if sealed and not passed:
            verdict = 1
        p95 = statistics.quantiles(steps, n=20)[-1] if len(steps) >= 20 else slowest
        lines.append(
            (
                "sealed" if sealed else "plain",
                str(len(steps)),
                f"{statistics.median(steps):.1f} ms",
                f"{p95:.1f} ms",
                f"{slowest:.1f} ms",
                f"≤ {TARGET_MS:.0f} ms: {'PASS' if passed else 'FAIL'}",
                f"{statistics.median(ends):.0f} ms",
            )
        )
    if options.markdown:
        print("| " + " | ".join(lines[0]) + " |")
        print("|" + " --- |" * len(lines[0]))
        for line in lines[1:]:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
        for line in lines:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
    return verdict


if __name__ == "__main__":
    sys.exit(main())
