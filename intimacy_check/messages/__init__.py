"""The message catalogue: every sentence a person reads, in one place.

Messages are marked the stdlib gettext way. `N_()` marks a catalogue entry for extraction
without translating it, so that the language can be chosen per run; `_()` translates an
entry when it is used and fills in its {named} parameters. English is the only language
for now, so a translation is the identity until `install()` is given one.

The entries live in the modules beside this one, grouped by who reads them:
`reports` (every output document), `errors` (one-line errors of the loaders and answer
files) and `quiz` (the quiz's prompts and the command line's own lines).
"""

from __future__ import annotations

from typing import Protocol


class Translations(Protocol):
    """What `gettext.GNUTranslations` offers and `_()` uses."""

    def gettext(self, message: str, /) -> str: ...


_translations: Translations | None = None


def install(translations: Translations | None) -> None:
    """Translate every message from now on with `translations` (None: back to English)."""
    global _translations
    _translations = translations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a catalogue entry for translation; it is translated where `_()` uses it."""
    return message


def _(message: str, /, **params: object) -> str:
    """A catalogue entry in the current language, with its {named} parameters filled in."""
    text = message if _translations is None else _translations.gettext(message)
    return text.format(**params) if params else text
