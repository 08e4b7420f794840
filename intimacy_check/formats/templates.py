"""Jinja2 rendering for the HTML and Markdown formats: a document's fields become the
template's variables, and the message catalogue is there as `m`, translated with `t()`.

The template modules are imported only when such a format is chosen, so other commands
never pay for Jinja2."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import PackageLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from intimacy_check.errors import ReportTemplateError
from intimacy_check.inert import inert
from intimacy_check.messages import _, reports
from intimacy_check.messages import commands as text
from intimacy_check.strict_yaml import ReadError, decode_text, read_limited

if TYPE_CHECKING:
    from intimacy_check.documents.progress import ProgressDocument
    from intimacy_check.documents.report import ReportDocument

TEMPLATE_LIMIT = 256 * 1024
OUTPUT_LIMIT = 8 * 1024 * 1024  # characters: far beyond any report, far below a stuck loop
TIME_LIMIT = 10.0  # seconds
TIME_LIMIT_ENV = "INTIMACY_CHECK_TEMPLATE_SECONDS"
CONTENT_SECURITY_POLICY = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
    "form-action 'none'\">"
)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
TEMPLATE_NAMES = {
    ("ReportDocument", "html"): "report.html.j2",
    ("ReportDocument", "markdown"): "report.md.j2",
    ("ProgressDocument", "html"): "progress.html.j2",
    ("ProgressDocument", "markdown"): "progress.md.j2",
}
# Inline syntax anywhere in a value, and block syntax where a value would start a line.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^([-+#])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d+)([.)])")
# What may stand for itself in a CSS string; every other character is a hex escape.
_CSS_PLAIN = re.compile(r"[A-Za-z0-9 ,.]")
_PAGE_COUNTERS = re.compile(r"\{(page|pages)\}")


def markdown_escape(value: Any) -> str:
    """Make any value inert in Markdown: backslash-escape syntax, entity-encode HTML."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    # Viewers that auto-link bare addresses would make a name clickable.
    text = text.replace("://", ":\\/\\/").replace("www.", "www\\.")
    text = _MARKDOWN_NUMBERED.sub(r"\1\\\2", text)
    return _MARKDOWN_LINE_START.sub(r"\\\1", text)


def css_string(value: Any) -> Markup:
    """Any value as one quoted CSS string, for `content:` in a stylesheet.

    HTML templates see escaped text; inside <style> an entity is not decoded, so the text is
    unescaped first, then every character but letters, digits, spaces, commas and full stops
    is written as a hex escape: no quote, backslash, line break or `</style>` survives.
    """
    raw = value.unescape() if isinstance(value, Markup) else str(value)
    raw = inert(raw)
    escaped = "".join(char if _CSS_PLAIN.fullmatch(char) else f"\\{ord(char):x} " for char in raw)
    return Markup(f'"{escaped}"')


def css_counters(message: str) -> Markup:
    """A catalogue sentence as CSS `content`, its {page} and {pages} as the page counters."""
    pieces = _PAGE_COUNTERS.split(_(message))
    parts = [
        f"counter({piece})" if number % 2 else css_string(piece)
        for number, piece in enumerate(pieces)
        if number % 2 or piece
    ]
    return Markup(" ".join(parts))


class _LimitedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with limits on what one expression may build.

    The sandbox already refuses unsafe attributes and caps `range()`; this also refuses a
    power or a repetition whose result would be huge, so that `{{ 2 ** 100000 }}` or
    `{{ 'a' * 10**10 }}` is one line, not minutes of work or all the memory.
    """

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _big_power(left, right):
            raise SecurityError(_(text.TEMPLATE_NUMBER_TOO_BIG))
        if operator == "*" and _big_repeat(left, right):
            raise SecurityError(_(text.TEMPLATE_TEXT_TOO_LONG))
        return super().call_binop(context, operator, left, right)


def _big_power(base: Any, exponent: Any) -> bool:
    numbers = (int, float)
    if not (isinstance(base, numbers) and isinstance(exponent, numbers)):
        return False
    return abs(exponent) > 64 and abs(base) > 1


def _big_repeat(left: Any, right: Any) -> bool:
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
            return len(sequence) * count > OUTPUT_LIMIT
    return False


def _environment(kind: str) -> SandboxedEnvironment:
    options: dict[str, Any] = {
        "loader": PackageLoader("intimacy_check", "templates"),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        environment = _LimitedSandbox(autoescape=True, **options)
        # Values arrive escaped already (see _escaped), so `|safe` cannot unescape them.
        environment.filters["safe"] = escape
        environment.filters["css_string"] = css_string
        environment.globals["css_counters"] = css_counters
    else:
        # Markdown has no autoescape, so `finalize` escapes every printed value the same way.
        environment = _LimitedSandbox(autoescape=False, finalize=markdown_escape, **options)
    environment.globals.pop("lipsum", None)  # it can make megabytes from one call
    translate = _escaped_text if kind == "html" else _
    environment.globals.update(t=translate, m=reports)
    return environment


class Escaped:
    """A document part whose text reads as escaped HTML, whatever a template does with it.

    HTML templates get the document through this view, so that neither `|safe` nor
    `{% autoescape false %}` can put a name's markup into the page.
    """

    __slots__ = ("_wrapped",)

    def __init__(self, wrapped: Any) -> None:
        self._wrapped = wrapped

    def __getattr__(self, name: str) -> Any:
        return _escaped(getattr(self._wrapped, name))

    def __iter__(self) -> Any:
        return (_escaped(item) for item in self._wrapped)

    def __len__(self) -> int:
        return len(self._wrapped)

    def __getitem__(self, key: Any) -> Any:
        return _escaped(self._wrapped[key])

    def __bool__(self) -> bool:
        return bool(self._wrapped)


def _escaped(value: Any) -> Any:
    if isinstance(value, Markup) or value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (tuple, list)) or hasattr(value, "__dataclass_fields__"):
        return Escaped(value)
    return value


def _escaped_text(message: str, /, **params: object) -> Markup:
    """A catalogue sentence for HTML: the sentence is ours, its parameters are escaped."""
    return Markup(_(message, **{name: escape(value) for name, value in params.items()}))


def _with_policy(html: str) -> str:
    """Every HTML output carries the Content-Security-Policy, a counselor's too: a second
    policy can only narrow the first, so adding ours is always safe."""
    if CONTENT_SECURITY_POLICY in html:
        return html
    match = _HEAD.search(html)
    at = match.end() if match else 0
    return html[:at] + CONTENT_SECURITY_POLICY + "\n" + html[at:]


def render_template(
    kind: str,
    document: ReportDocument | ProgressDocument,
    *,
    template_path: Path | None = None,
    paper: str = "a4",
) -> str:
    """Render the shipped template of `kind` ('html' or 'markdown') for the document, or a
    counselor's own, within the limits of time, size and recursion."""
    environment = _environment(kind)
    wrap = _escaped if kind == "html" else (lambda value: value)
    variables = {
        field.name: wrap(getattr(document, field.name)) for field in dataclasses.fields(document)
    }
    if hasattr(document, "is_couple"):
        variables["is_couple"] = document.is_couple
    where = template_path or _(text.BUILT_IN_TEMPLATE, kind=kind)
    try:
        if template_path is None:
            template = environment.get_template(TEMPLATE_NAMES[type(document).__name__, kind])
        else:
            template = environment.from_string(_read_template(template_path))
        rendered = _render_within_limits(template, {**variables, "paper": paper})
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        place = _(text.TEMPLATE_LINE, line=line) if line else ""
        problem = error.message or error
        raise ReportTemplateError(
            _(text.TEMPLATE_PROBLEM, where=where, place=place, problem=problem)
        ) from None
    except _TooLong:
        raise ReportTemplateError(
            _(
                text.TEMPLATE_PROBLEM,
                where=where,
                place="",
                problem=_(text.TEMPLATE_TOO_LONG, limit=OUTPUT_LIMIT // 2**20),
            )
        ) from None
    except _TooSlow:
        seconds = template_seconds()
        problem = _(text.TEMPLATE_TOO_SLOW, seconds=seconds)
        raise ReportTemplateError(
            _(text.TEMPLATE_PROBLEM, where=where, place="", problem=problem)
        ) from None
    except RecursionError:
        problem = _(text.TEMPLATE_TOO_DEEP)
        raise ReportTemplateError(
            _(text.TEMPLATE_PROBLEM, where=where, place="", problem=problem)
        ) from None
    except (ArithmeticError, ValueError, TypeError, LookupError, MemoryError) as error:
        # A template is a counselor's own code: whatever goes wrong in it is one line.
        problem = f"{type(error).__name__}: {error}"
        raise ReportTemplateError(
            _(text.TEMPLATE_PROBLEM, where=where, place="", problem=problem)
        ) from None
    return _with_policy(rendered) if kind == "html" else rendered


class _TooLong(Exception):
    pass


class _TooSlow(Exception):
    pass


def template_seconds() -> float:
    """The time a template may take: 10 seconds, or INTIMACY_CHECK_TEMPLATE_SECONDS."""
    try:
        return max(float(os.environ.get(TIME_LIMIT_ENV, "")), 0.01)
    except ValueError:
        return TIME_LIMIT


def _render_within_limits(template: Any, variables: dict[str, Any]) -> str:
    """Render piece by piece, stopping past the output limit or the time limit."""
    deadline = time.monotonic() + template_seconds()
    use_alarm = threading.current_thread() is threading.main_thread()

    def expired(_signal: int, _frame: Any) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expired) if use_alarm else None
    if use_alarm:
        # The alarm stops a loop that prints nothing; the deadline check, one that does.
        signal.setitimer(signal.ITIMER_REAL, template_seconds())
    try:
        pieces: list[str] = []
        size = 0
        for piece in template.generate(**variables):
            pieces.append(piece)
            size += len(piece)
            if size > OUTPUT_LIMIT:
                raise _TooLong
            if time.monotonic() > deadline:
                raise _TooSlow
        return "".join(pieces)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _read_template(path: Path) -> str:
    try:
        return decode_text(read_limited(path, limit=TEMPLATE_LIMIT), source=str(path))
    except ReadError as error:
        raise ReportTemplateError(str(error)) from None
