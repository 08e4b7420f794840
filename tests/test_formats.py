"""The formats registry and the shape of the output layer: every document renders in every
format that claims it, renderers only lay out, and JSON matches its shipped schema."""

from __future__ import annotations

import ast
import importlib
import json
from pathlib import Path

import jsonschema
import pytest
from rendering import ALEX_OVER_TIME, draw, every_document, example, progress_of, report_of

from intimacy_check import documents, formats
from intimacy_check.documents import caseload, comparison, listing, personal, progress, report
from intimacy_check.questionnaire import Questionnaire

PACKAGE = Path(__file__).parent.parent / "intimacy_check"
DOCUMENT_TYPES = {
    cls.__name__: cls
    for module in (report, personal, comparison, progress, caseload, listing)
    for cls in vars(module).values()
    if isinstance(cls, type)
    and cls.__name__.endswith("Document")
    and cls.__module__ == module.__name__
}


def test_every_document_kind_is_claimed_by_a_format() -> None:
    claimed = {name for fmt in formats.FORMATS for name in fmt.documents}
    assert claimed == set(DOCUMENT_TYPES)


@pytest.mark.parametrize("fmt", (*formats.FORMATS, formats.ACCESSIBLE), ids=lambda fmt: fmt.name)
def test_every_claimed_document_has_a_renderer(fmt: formats.Format) -> None:
    table = importlib.import_module(f"intimacy_check.formats.{fmt.module}").RENDERERS
    assert set(table) == set(fmt.documents)


@pytest.mark.parametrize("fmt", (*formats.FORMATS, formats.ACCESSIBLE), ids=lambda fmt: fmt.name)
@pytest.mark.parametrize("couple", [False, True], ids=["one", "two"])
def test_every_document_renders_in_every_format_it_claims(
    questionnaire: Questionnaire, fmt: formats.Format, couple: bool
) -> None:
    sheets = [example("alex.yaml"), example("sam.yaml")][: 2 if couple else 1]
    for document in every_document(questionnaire, sheets):
        if type(document).__name__ not in fmt.documents:
            with pytest.raises(formats.UsageError, match=f"the {fmt.name} format cannot show"):
                formats.render(fmt, document)
            continue
        shown = draw(fmt.name, document)
        assert "Alex" in shown or type(document).__name__ == "ListingDocument"
        if fmt.name != "csv":  # FHIR has it in the Questionnaire's description
            assert "please contact local support services" in " ".join(shown.split())


def test_a_format_is_found_from_its_extension_and_refused_with_the_choices() -> None:
    assert formats.from_extension(Path("r.HTM"), formats.REPORT).name == "html"
    assert formats.from_extension(Path("rows.csv"), formats.CASELOAD).name == "csv"
    with pytest.raises(formats.UsageError) as refused:
        formats.from_extension(Path("r.csv"), formats.REPORT)
    assert refused.value.message == (
        "cannot tell the format from 'r.csv'; add --format "
        "(text, markdown, html, pdf, json or fhir)"
    )
    # The longest ending a format has wins: a FHIR export is JSON too.
    assert formats.from_extension(Path("alex.FHIR.json"), formats.REPORT).name == "fhir"
    assert formats.from_extension(Path("alex.json"), formats.REPORT).name == "json"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "formats").glob("*.py")), ids=lambda path: path.name
)
def test_a_renderer_never_decides(path: Path) -> None:
    """Everything a format shows is in the document already: no scoring, no comparing."""
    deciding = {"intimacy_check.scoring", "intimacy_check.couple", "intimacy_check.progress"}
    deciding |= {"intimacy_check.caseload", "intimacy_check.report"}
    assert not _imports(path) & deciding


def test_documents_are_frozen() -> None:
    import dataclasses

    for name, cls in DOCUMENT_TYPES.items():
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, name  # type: ignore[attr-defined]
    assert documents.__doc__


# --- JSON and its schemas ---------------------------------------------------------------------


def _schema(name: str) -> dict:
    return json.loads((PACKAGE / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("couple", [False, True], ids=["one", "two"])
def test_report_json_matches_its_schema(questionnaire: Questionnaire, couple: bool) -> None:
    sheets = [example("alex.yaml"), example("sam.yaml")][: 2 if couple else 1]
    value = json.loads(draw("json", report_of(questionnaire, sheets)))
    jsonschema.validate(value, _schema("report"))
    assert ("couple" in value) is couple


def test_progress_and_summary_json_match_their_schemas(questionnaire: Questionnaire) -> None:
    dated = [(name, example(name)) for name in ALEX_OVER_TIME]
    jsonschema.validate(
        json.loads(draw("json", progress_of(questionnaire, dated))), _schema("progress")
    )
    summary = next(
        document
        for document in every_document(questionnaire, [example("alex.yaml")])
        if type(document).__name__ == "CaseloadDocument"
    )
    jsonschema.validate(json.loads(draw("json", summary)), _schema("summary"))


def test_the_schema_catches_a_wrong_value(questionnaire: Questionnaire) -> None:
    value = json.loads(draw("json", report_of(questionnaire, [example("alex.yaml")])))
    value["respondents"][0]["signs"][0]["rating"] = 6
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(value, _schema("report"))
