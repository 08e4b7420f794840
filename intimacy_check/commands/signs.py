"""`intimacy-check signs`: browse the statements and steps without taking the quiz."""

from __future__ import annotations

from intimacy_check.commands import DataDir, console, load
from intimacy_check.documents.listing import listing_document
from intimacy_check.formats.terminal import listing


def signs(data_dir: DataDir = None) -> None:
    """List every statement and every step, without taking the quiz."""
    console().print(listing(listing_document(load(data_dir))))
