"""Accessible mode: `--accessible`, or the environment variable ACCESSIBLE set to anything
but empty or 0 (the convention of charmbracelet/huh and slack-cli).

In it, every command's terminal output is plain lists for a screen reader: no bars, boxes
or rules, scores in words, one choice per line, no colour that means anything on its own,
nothing redrawn in place, and no screen cleared but the privacy clear between partners,
which is announced first.
"""

from __future__ import annotations

import os

ENVIRONMENT = "ACCESSIBLE"
OPTION = "--accessible"
_asked = False


def ask() -> None:
    """Turn accessible mode on for this run (the --accessible option)."""
    global _asked
    _asked = True


def on() -> bool:
    return _asked or os.environ.get(ENVIRONMENT, "") not in ("", "0")
