"""Make text from files inert: no control characters can reach a terminal or a report."""

from __future__ import annotations

import math
import re

# C0 and C1 controls, DEL, the bidirectional overrides that can reorder what is shown,
# and lone surrogates, which cannot be written as UTF-8 at all.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")


def inert(text: str) -> str:
    """One line of plain text: line breaks become spaces, control characters are dropped."""
    if text.isprintable():  # the common case: nothing to remove (all of the above is unprintable)
        return text
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


def rounded(score: float | None) -> str:
    """A 0-100 score for display, or 'incomplete' when there is none.

    Rounded down, so a score never shows a band's threshold that it has not reached:
    59.7 reads 59, under "60 and up".
    """
    return "incomplete" if score is None else str(math.floor(score))
