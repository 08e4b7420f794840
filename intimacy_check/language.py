"""The language of a run: which one, and putting it to use.

One language serves a whole run: every prompt, message and report is in it, and so are
the statements and steps, whatever languages the answer files were given in (a file's
answers are ratings by statement id, the same in every language). The first of these
that is set decides: `--lang`, INTIMACY_CHECK_LANG, the locale variables in the order
the standard library's gettext reads them, then English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from intimacy_check import messages

ENGLISH = "en"
AVAILABLE = ("en", "es")  # English is the catalogue itself; the others have one in locale/
ENV = "INTIMACY_CHECK_LANG"
OPTION = "--lang"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "intimacy_check"
# gettext's own order (gettext.find), and the values that mean no language at all.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_NO_LANGUAGE = ("C", "POSIX")
_TAG = re.compile(r"[A-Za-z]{2,3}")

_current = ENGLISH


class UnknownLanguage(ValueError):
    """A language asked for by name (--lang or INTIMACY_CHECK_LANG) that is not shipped."""

    def __init__(self, asked: str, source: str) -> None:
        super().__init__(asked)
        self.asked = asked
        self.source = source


def tag(value: str) -> str:
    """'es' from 'es', 'es_MX.UTF-8', 'es-419' or 'ES'."""
    found = _TAG.match(value.strip())
    return found.group(0).lower() if found else value.strip().lower()


def choose(option: str | None, environ: Mapping[str, str]) -> str:
    """The run's language. A language named outright must exist (UnknownLanguage if not);
    a locale naming one we do not have falls through to English, as gettext would."""
    if option is not None:
        return _known(option, OPTION)
    if environ.get(ENV):
        return _known(environ[ENV], ENV)
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if not value:
            continue
        for entry in value.split(":"):  # LANGUAGE may list several, best first
            if entry.split(".")[0] in _NO_LANGUAGE:
                break  # gettext stops at C: no translation
            if entry and tag(entry) in AVAILABLE:
                return tag(entry)
        return ENGLISH  # the first variable set decides, as in gettext
    return ENGLISH


def _known(value: str, source: str) -> str:
    if tag(value) not in AVAILABLE:
        raise UnknownLanguage(value, source)
    return tag(value)


def use(language: str) -> None:
    """Speak `language` from now on: the message catalogue and, through `current()`, the
    content the commands load."""
    global _current
    if language == ENGLISH:
        messages.install(None)
    else:
        import gettext  # only a translated run pays for it

        messages.install(gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language]))
    _current = language


def current() -> str:
    return _current
