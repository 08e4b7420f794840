"""Jinja2 rendering for the HTML and Markdown formats. Jinja2 is imported only here, so
commands that do not render a template never pay for it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from intimacy_check.errors import ReportTemplateError

TEMPLATE_LIMIT = 256 * 1024
TEMPLATE_NAMES = {
    ("report", "html"): "report.html.j2",
    ("report", "markdown"): "report.md.j2",
    ("progress", "html"): "progress.html.j2",
    ("progress", "markdown"): "progress.md.j2",
}
# Inline syntax anywhere in a value, and block syntax where a value would start a line.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^([-+#])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d+)([.)])")


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


def _environment(kind: str) -> Any:
    from jinja2 import PackageLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    options: dict[str, Any] = {
        "loader": PackageLoader("intimacy_check", "templates"),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        # Every value from an answer file is escaped, whatever template prints it.
        return SandboxedEnvironment(autoescape=True, **options)
    # Markdown has no autoescape, so `finalize` escapes every printed value the same way.
    return SandboxedEnvironment(autoescape=False, finalize=markdown_escape, **options)


def render_template(
    kind: str,
    view: dict[str, Any],
    *,
    template_path: Path | None = None,
    paper: str = "a4",
    document: str = "report",
) -> str:
    """Render the shipped `document` template for `kind` ('html' or 'markdown'), or a
    counselor's own."""
    from jinja2 import TemplateError

    environment = _environment(kind)
    try:
        if template_path is None:
            template = environment.get_template(TEMPLATE_NAMES[document, kind])
        else:
            template = environment.from_string(_read_template(template_path))
        return str(template.render(**view, paper=paper))
    except TemplateError as error:
        where = template_path or f"the built-in {kind} template"
        line = getattr(error, "lineno", None)
        place = f" (line {line})" if line else ""
        raise ReportTemplateError(f"{where}{place}: {error.message or error}") from None


def _read_template(path: Path) -> str:
    from intimacy_check.strict_yaml import ReadError, decode_text, read_limited

    try:
        return decode_text(read_limited(path, limit=TEMPLATE_LIMIT), source=str(path))
    except ReadError as error:
        raise ReportTemplateError(str(error)) from None
