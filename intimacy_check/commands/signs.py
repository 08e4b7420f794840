"""`intimacy-check signs`: browse the statements and steps without taking the quiz."""

from __future__ import annotations

from intimacy_check.commands import DataDir, console, load


def signs(data_dir: DataDir = None) -> None:
    """List every statement and every step, without taking the quiz."""
    from intimacy_check.render.terminal import signs_listing

    console().print(signs_listing(load(data_dir)))
