"""Jinja2 rendering for the HTML and Markdown formats: a document's fields become the
template's variables, and the message catalogue is there as `m`, translated with `t()`.

The template modules are imported only when such a format is chosen, so other commands
never pay for Jinja2."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from intimacy_check.errors import ReportTemplateError
from intimacy_check.messages import _, reports
from intimacy_check.messages import commands as text
from intimacy_check.strict_yaml import ReadError, decode_text, read_limited

if TYPE_CHECKING:
    from intimacy_check.documents.progress import ProgressDocument
    from intimacy_check.documents.report import ReportDocument

TEMPLATE_LIMIT = 256 * 1024
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


def _environment(kind: str) -> SandboxedEnvironment:
    options: dict[str, Any] = {
        "loader": PackageLoader("intimacy_check", "templates"),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        # Every value from an answer file is escaped, whatever template prints it.
        environment = SandboxedEnvironment(autoescape=True, **options)
    else:
        # Markdown has no autoescape, so `finalize` escapes every printed value the same way.
        environment = SandboxedEnvironment(autoescape=False, finalize=markdown_escape, **options)
    environment.globals.update(t=_, m=reports)
    return environment


def render_template(
    kind: str,
    document: ReportDocument | ProgressDocument,
    *,
    template_path: Path | None = None,
    paper: str = "a4",
) -> str:
    """Render the shipped template of `kind` ('html' or 'markdown') for the document, or a
    counselor's own."""
    environment = _environment(kind)
    variables = {
        field.name: getattr(document, field.name) for field in dataclasses.fields(document)
    }
    if hasattr(document, "is_couple"):
        variables["is_couple"] = document.is_couple
    try:
        if template_path is None:
            template = environment.get_template(TEMPLATE_NAMES[type(document).__name__, kind])
        else:
            template = environment.from_string(_read_template(template_path))
        return str(template.render(**variables, paper=paper))
    except TemplateError as error:
        where = template_path or _(text.BUILT_IN_TEMPLATE, kind=kind)
        line = getattr(error, "lineno", None)
        place = _(text.TEMPLATE_LINE, line=line) if line else ""
        problem = error.message or error
        raise ReportTemplateError(
            _(text.TEMPLATE_PROBLEM, where=where, place=place, problem=problem)
        ) from None


def _read_template(path: Path) -> str:
    try:
        return decode_text(read_limited(path, limit=TEMPLATE_LIMIT), source=str(path))
    except ReadError as error:
        raise ReportTemplateError(str(error)) from None
