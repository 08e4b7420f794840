"""Every sentence a person reads lives in the message catalogue (or a template), once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from intimacy_check import messages
from intimacy_check.messages import _, commands, errors, patterns, quiz, reports, sealing, stats

PACKAGE = Path(__file__).parent.parent / "intimacy_check"
CATALOGUE = (reports, errors, quiz, commands, sealing, patterns, stats)
# Two words in a row: a label or a sentence, not an id, a key or a format string.
WORDS = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")
# Strings that read like words but are read by programs, not people.
NOT_FOR_PEOPLE = (
    re.compile(r"(bold|dim|italic|cyan|green|yellow|magenta| )+"),  # rich styles
    re.compile(r"tag:yaml\.org,2002:\w+"),  # YAML's own tag names
    re.compile(r"another document"),  # matched in PyYAML's message, to replace it with ours
    re.compile(r"maximum nesting depth"),  # matched in libyaml's message
    re.compile(r"(Value error, |Input should be .*)"),  # matched in Typer's messages
    re.compile(r'<meta http-equiv="Content-Security-Policy" .*>'),  # for the browser
    re.compile(r"# public key: "),  # the comment age writes in an identity file
    re.compile(r"Decryption failed|No matching keys found"),  # matched in the age library's words
    re.compile(r"urn:[a-z0-9:.-]+"),  # FHIR names of our own
)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sentences_outside_the_catalogue(source: str) -> list[str]:
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:
            skipped.update(id(part) for part in ast.walk(node.msg))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and WORDS.search(node.value)
        and not any(allowed.fullmatch(node.value) for allowed in NOT_FOR_PEOPLE)
    ]


@pytest.mark.parametrize(
    "path",
    sorted(path for path in PACKAGE.rglob("*.py") if "messages" not in path.parts),
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_no_sentence_is_written_outside_the_catalogue(path: Path) -> None:
    assert sentences_outside_the_catalogue(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_sentence_added_in_code() -> None:
    code = '"""A docstring is fine."""\nfail("the file is broken")\nstyle = "bold cyan"\n'
    assert sentences_outside_the_catalogue(code) == ["the file is broken"]


def _entries() -> list[tuple[str, str]]:
    return [
        (f"{module.__name__.rsplit('.', 1)[1]}.{name}", value)
        for module in CATALOGUE
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str)
    ]


def test_no_sentence_is_written_twice() -> None:
    seen: dict[str, str] = {}
    for name, value in _entries():
        assert value not in seen, f"{name} repeats {seen.get(value)}"
        seen[value] = name


def test_counts_come_from_the_questionnaire_not_the_prose() -> None:
    """8 needed for a score, 10 per section, 20 statements, 30 steps: never baked in."""
    for name, value in _entries():
        assert not re.search(r"(?<![\w{-])(8|10|20|30)(?![\w}])", value), name


def test_a_translation_is_used_where_a_message_is_shown() -> None:
    class Spanish:
        def gettext(self, message: str) -> str:
            return {"Your results, {name}": "Tus resultados, {name}"}.get(message, message)

    messages.install(Spanish())
    try:
        assert _(reports.YOUR_RESULTS, name="Alex") == "Tus resultados, Alex"
    finally:
        messages.install(None)
    assert _(reports.YOUR_RESULTS, name="Alex") == "Your results, Alex"
