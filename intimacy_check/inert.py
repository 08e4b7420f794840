"""Make text from files inert: no control characters can reach a terminal or a report."""

from __future__ import annotations

import functools
import re


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use, since most runs never meet a character to remove."""
    # C0 and C1 controls, DEL, the bidirectional marks and overrides that can reorder what
    # is shown, zero-width and invisible characters that can hide text or make two names
    # look alike, and lone surrogates, which cannot be written as UTF-8 at all.
    control = re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
        "\u2066-\u2069\ufeff\ud800-\udfff]"
    )
    breaks = re.compile("[\t\n\r\u2028\u2029]+")
    return control, breaks


def inert(text: str) -> str:
    """One line of plain text: line breaks become spaces, control characters are dropped."""
    if text.isprintable():  # the common case: nothing to remove (all of the above is unprintable)
        return text
    control, breaks = _patterns()
    return control.sub("", breaks.sub(" ", text))
