"""`intimacy-check signs`: browse the statements and steps without taking the quiz."""

from __future__ import annotations

import sys

from intimacy_check import accessibility
from intimacy_check.commands import DataDir, console, load
from intimacy_check.documents.listing import listing_document
from intimacy_check.formats.terminal import listing


def signs(data_dir: DataDir = None) -> None:
    """List every statement and every step, without taking the quiz."""
    document = listing_document(load(data_dir).current)
    if accessibility.on():
        from intimacy_check.formats import accessible  # plain lists, only when asked for

        sys.stdout.write(accessible.listing(document))
        return
    console().print(listing(document))
