"""The strict YAML reader, run with libyaml and with PyYAML's pure-Python parser."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from helpers import run_unprivileged

import intimacy_check.strict_yaml as with_default_loader
from intimacy_check.strict_yaml import ReadError, decode_text, load_file, read_limited

SOURCE = "answers.yaml"


def _pure_python_copy(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """A second copy of the module built while libyaml's loader is hidden, so it falls back."""
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    spec = importlib.util.spec_from_file_location(
        "strict_yaml_pure_python", with_default_loader.__file__
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.undo()
    assert module._BaseLoader is yaml.SafeLoader
    return module


@pytest.fixture(scope="module", params=["libyaml", "pure-python"])
def strict(request: pytest.FixtureRequest) -> ModuleType:
    """The strict_yaml module, with its loader built on CSafeLoader or on SafeLoader."""
    if request.param == "libyaml":
        if not yaml.__with_libyaml__:
            pytest.skip("PyYAML was built without libyaml")
        assert with_default_loader._BaseLoader is yaml.CSafeLoader
        return with_default_loader
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _pure_python_copy(monkeypatch)


def _refused(strict: ModuleType, text: str) -> str:
    with pytest.raises(strict.ReadError) as caught:
        strict.parse_yaml(text, source=SOURCE)
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: ")
    return message


# --- keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "line 3, column 1: has the key 'a' twice"),
        ("top:\n  x: 1\n  y: 2\n  x: 3\n", "line 4, column 3: has the key 'x' twice"),
        ("- name: a\n  name: b\n", "line 2, column 3: has the key 'name' twice"),
        ("{a: 1, a: 2}", "line 1, column 8: has the key 'a' twice"),
        ("a: 1\n'a': 2\n", "line 2, column 1: has the key 'a' twice"),
    ],
    ids=["top", "nested", "in-a-list", "flow", "quoted"],
)
def test_duplicate_keys_are_refused(strict: ModuleType, text: str, message: str) -> None:
    assert _refused(strict, text) == f"{SOURCE}: {message}"


def test_keys_that_are_not_plain_text_are_refused(strict: ModuleType) -> None:
    message = _refused(strict, "? [a, b]\n: 1\n")
    assert message == f"{SOURCE}: line 1, column 3: has a key that is not plain text"


def test_merge_keys_are_refused(strict: ModuleType) -> None:
    message = _refused(strict, "a: {x: 1}\nb:\n  <<: {x: 2}\n")
    assert message == f"{SOURCE}: line 3, column 3: uses a merge key (<<), which is not allowed"


# --- aliases and tags ---------------------------------------------------------------------

ALIASES = "uses YAML anchors and aliases (& and *), which are not allowed"
LAUGHS = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
            for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a: &x 1\nb: *x\n", "line 1, column 4"),
        ("base: &base {x: 1}\nother: *base\n", "line 1, column 7"),
        (LAUGHS, "line 1, column 4"),
    ],
    ids=["scalar", "mapping", "billion-laughs"],
)
def test_aliases_are_refused(strict: ModuleType, text: str, place: str) -> None:
    # The place given is the anchored node that the alias would repeat.
    assert _refused(strict, text) == f"{SOURCE}: {place}: {ALIASES}"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a: &x 1\n", "line 1, column 4"),
        ("a: &x\n  b: 1\n", "line 1, column 4"),
        ("a:\n  - &x [1]\n", "line 2, column 5"),
        ("&x a: 1\n", "line 1, column 1"),
        ("&x\na: 1\n", "line 1, column 1"),
    ],
    ids=["scalar", "mapping", "sequence", "key", "document"],
)
def test_an_anchor_without_an_alias_is_refused(strict: ModuleType, text: str, place: str) -> None:
    assert _refused(strict, text) == f"{SOURCE}: {place}: {ALIASES}"


def test_an_undefined_alias_is_a_syntax_error(strict: ModuleType) -> None:
    assert _refused(strict, "a: *x\n").startswith(f"{SOURCE}: line 1, column 4: is not valid YAML")


def test_ampersands_and_exclamation_marks_in_text_are_text(strict: ModuleType) -> None:
    text = "name: Alex & Sam!\nnote: 'Hi! &x !!float'\n# !tag &anchor\n"
    assert strict.parse_yaml(text, source=SOURCE) == {
        "name": "Alex & Sam!",
        "note": "Hi! &x !!float",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '!!python/object/apply:os.system ["echo hi"]\n',
            "line 1, column 1: uses the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system', which is not allowed",
        ),
        (
            "run: !!python/name:os.system ''\n",
            "line 1, column 6: uses the tag "
            "'tag:yaml.org,2002:python/name:os.system', which is not allowed",
        ),
        (
            "x: !!binary aGVsbG8=\n",
            "line 1, column 4: uses the tag 'tag:yaml.org,2002:binary', which is not allowed",
        ),
        (
            "x: !!set {a, b}\n",
            "line 1, column 4: uses the tag 'tag:yaml.org,2002:set', which is not allowed",
        ),
        ("x: !foo bar\n", "line 1, column 4: uses the tag '!foo', which is not allowed"),
    ],
    ids=["python-apply", "python-name", "binary", "set", "local-tag"],
)
def test_unsafe_and_unknown_tags_are_refused(strict: ModuleType, text: str, message: str) -> None:
    assert _refused(strict, text) == f"{SOURCE}: {message}"


def _core(name: str) -> str:
    return f"uses the tag 'tag:yaml.org,2002:{name}', which is not allowed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("trust: !!float five\n", f"line 1, column 8: {_core('float')}"),
        ("trust: !!float ''\n", f"line 1, column 8: {_core('float')}"),
        ("trust: !!float 5\n", f"line 1, column 8: {_core('float')}"),
        ("ok: !!bool maybe\n", f"line 1, column 5: {_core('bool')}"),
        ("at: !!timestamp last tuesday\n", f"line 1, column 5: {_core('timestamp')}"),
        ("x: !!map y\n", f"line 1, column 4: {_core('map')}"),
        ("x: !!seq five\n", f"line 1, column 4: {_core('seq')}"),
        ("x: !!int 5\n", f"line 1, column 4: {_core('int')}"),
        ("x: !!str five\n", f"line 1, column 4: {_core('str')}"),
        ("x: !!null ''\n", f"line 1, column 4: {_core('null')}"),
        ("x: ! five\n", "line 1, column 4: uses the tag '!', which is not allowed"),
        ("!!str trust: 5\n", f"line 1, column 1: {_core('str')}"),
        ("{!!int 1: a}\n", f"line 1, column 2: {_core('int')}"),
        ("x: !!map {a: 1}\n", f"line 1, column 4: {_core('map')}"),
        ("x: !!seq\n  - 1\n", f"line 1, column 4: {_core('seq')}"),
        ("x: !list [1]\n", "line 1, column 4: uses the tag '!list', which is not allowed"),
        ("--- !!map\na: 1\n", f"line 1, column 5: {_core('map')}"),
        ("x: &a !!int 5\n", f"line 1, column 4: {_core('int')}"),
    ],
    ids=[
        "float-word",
        "float-empty",
        "float-number",
        "bool-word",
        "timestamp-words",
        "map-on-text",
        "seq-on-text",
        "int",
        "str",
        "null",
        "non-specific",
        "key",
        "flow-key",
        "mapping",
        "sequence",
        "local-on-a-list",
        "document",
        "with-an-anchor",
    ],
)
def test_every_explicit_tag_is_refused(strict: ModuleType, text: str, message: str) -> None:
    assert _refused(strict, text) == f"{SOURCE}: {message}"


def test_a_tag_is_refused_before_a_later_syntax_error_is_reached(strict: ModuleType) -> None:
    message = _refused(strict, "a: !!float five\nb: [1\n")
    assert message == f"{SOURCE}: line 1, column 4: {_core('float')}"


def test_a_syntax_error_before_a_tag_is_reported_first(strict: ModuleType) -> None:
    message = _refused(strict, "a: [1\nb: !!float five\n")
    assert message.startswith(f"{SOURCE}: line 2, column ")
    assert "is not valid YAML" in message


def test_a_tag_in_a_second_document_is_a_second_document(strict: ModuleType) -> None:
    message = _refused(strict, "a: 1\n--- !!float x\n")
    assert message == (
        f"{SOURCE}: line 2, column 1: is not valid YAML: it holds more than one YAML document"
    )


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["010", "0x10", "1_000", "0b11", "1:30", "+010", "+5", "+0"])
def test_numbers_that_are_not_plain_are_refused(strict: ModuleType, number: str) -> None:
    message = _refused(strict, f"x: {number}\n")
    assert message == (
        f"{SOURCE}: line 1, column 4: has {number!r}, which is not a plain whole number"
    )


@pytest.mark.parametrize(("text", "value"), [("4", 4), ("-1", -1), ("0", 0), ("-0", 0)])
def test_plain_whole_numbers_are_ints(strict: ModuleType, text: str, value: int) -> None:
    parsed = strict.parse_yaml(f"x: {text}\n", source=SOURCE)
    assert parsed == {"x": value}
    assert type(parsed["x"]) is int


def test_quoted_number_stays_text(strict: ModuleType) -> None:
    assert strict.parse_yaml("x: '010'\n", source=SOURCE) == {"x": "010"}


# --- nesting ------------------------------------------------------------------------------


@pytest.mark.parametrize("opener", ["[", "{"])
def test_deep_flow_nesting_is_refused(strict: ModuleType, opener: str) -> None:
    message = _refused(strict, opener * 5000)
    assert message.startswith(f"{SOURCE}: ")
    assert "nest" in message


def test_moderate_nesting_parses_and_deep_nesting_is_a_read_error(strict: ModuleType) -> None:
    parsed = strict.parse_yaml("[" * 32 + "]" * 32, source=SOURCE)
    depth = 0
    while isinstance(parsed, list):
        depth += 1
        parsed = parsed[0] if parsed else None
    assert depth == 32
    # Deeper than Python's recursion allows: a ReadError, never a RecursionError.
    message = _refused(strict, "[" * 900 + "]" * 900)
    assert "nest" in message


def test_deep_block_nesting_is_refused(strict: ModuleType) -> None:
    # No brackets, so the cheap pre-check does not see it; the parser must stop it instead.
    message = _refused(strict, "- " * 5000 + "x\n")
    assert "nested" in message or "nesting" in message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('name: "' + "[" * 40 + '"\n', {"name": "[" * 40}),
        ("# " + "{" * 40 + "\na: 1\n", {"a": 1}),
    ],
    ids=["quoted-text", "comment"],
)
def test_brackets_in_text_are_not_nesting(strict: ModuleType, text: str, value: object) -> None:
    # A name or comment full of brackets is plain text, not 40 levels of nesting.
    assert strict.parse_yaml(text, source=SOURCE) == value


# --- characters and layout ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [("a:\n\tb: 1\n", "line 2, column 1"), ("a: 1\n\tb: 2\n", "line 2, column 1")],
    ids=["tab-indented-child", "tab-indented-sibling"],
)
def test_tabs_are_explained_with_line_and_column(strict: ModuleType, text: str, place: str) -> None:
    message = _refused(strict, text)
    assert message.startswith(f"{SOURCE}: {place}: is not valid YAML: ")
    assert "tab" in message


@pytest.mark.parametrize("character", ["\x7f", "\ufffe"], ids=["delete", "non-character"])
def test_control_characters_are_refused(strict: ModuleType, character: str) -> None:
    # YAML forbids these characters anywhere in a stream; the refusal must still be a ReadError.
    message = _refused(strict, f'a: "x{character}y"\n')
    assert message == (
        f"{SOURCE}: holds the character U+{ord(character):04X} at position 5, "
        "which is not allowed in YAML"
    )


def test_control_character_message_is_one_line(strict: ModuleType) -> None:
    message = _refused(strict, 'a: "x\x7fy"\n')
    assert "\n" not in message


def test_syntax_error_gives_line_and_column(strict: ModuleType) -> None:
    message = _refused(strict, "a: [1, 2\nb: 3\n")
    assert re.fullmatch(
        re.escape(SOURCE) + r": line 2, column 2: is not valid YAML: .*',' or '\]'.*", message
    )


def test_two_documents_are_refused(strict: ModuleType) -> None:
    message = _refused(strict, "a: 1\n---\nb: 2\n")
    assert message == (
        f"{SOURCE}: line 2, column 1: is not valid YAML: it holds more than one YAML document"
    )


def test_crlf_line_endings(strict: ModuleType) -> None:
    assert strict.parse_yaml("a: 1\r\nb: two\r\nc:\r\n  - x\r\n", source=SOURCE) == {
        "a": 1,
        "b": "two",
        "c": ["x"],
    }


def test_json_document(strict: ModuleType) -> None:
    text = '{"a": [1, 2.5, true, null], "b": {"c": "d"}, "e": "x: y # z"}'
    assert strict.parse_yaml(text, source=SOURCE) == {
        "a": [1, 2.5, True, None],
        "b": {"c": "d"},
        "e": "x: y # z",
    }


def test_empty_document_is_none(strict: ModuleType) -> None:
    assert strict.parse_yaml("# nothing here\n", source=SOURCE) is None


# --- files: size, kind and encoding ---------------------------------------------------------


def _file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / SOURCE
    path.write_bytes(content)
    return path


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    content = b"a: " + b"x" * 1020 + b"\n"
    assert len(content) == 1024
    assert read_limited(_file(tmp_path, content), limit=1024) == content


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a: " + b"x" * 1021 + b"\n")
    with pytest.raises(ReadError) as caught:
        read_limited(path, limit=1024)
    assert str(caught.value) == f"{path}: is larger than 1 KiB, too large to be read"


def test_endless_device_is_refused() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("this system has no /dev/zero")
    with pytest.raises(ReadError) as caught:
        load_file(zero, limit=64 * 1024)
    assert str(caught.value) == "/dev/zero: is not a regular file"


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a: 1\n")))
    assert read_limited(Path("-"), limit=1024) == b"a: 1\n"


def test_standard_input_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x" * 1025)))
    with pytest.raises(ReadError) as caught:
        read_limited(Path("-"), limit=1024)
    assert str(caught.value) == "-: is larger than 1 KiB, too large to be read"


def test_a_file_named_dash_in_a_folder_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "-"
    path.write_bytes(b"a: 1\n")
    assert read_limited(path, limit=1024) == b"a: 1\n"


def test_character_device_is_refused() -> None:
    null = Path("/dev/null")
    if not null.exists():
        pytest.skip("this system has no /dev/null")
    with pytest.raises(ReadError) as caught:
        read_limited(null, limit=1024)
    assert str(caught.value) == "/dev/null: is not a regular file"


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        load_file(tmp_path, limit=1024)
    assert str(caught.value) == f"{tmp_path}: is a folder, not a file"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(ReadError) as caught:
        load_file(path, limit=1024)
    assert str(caught.value) == f"{path}: no such file"


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a: 1\n")
    path.chmod(0)
    probe = (
        "from intimacy_check.strict_yaml import ReadError, load_file\n"
        "try:\n"
        f"    load_file(__import__('pathlib').Path({str(path)!r}), limit=1024)\n"
        "except ReadError as error:\n"
        "    print(error)\n"
    )
    assert run_unprivileged(probe) == f"{path}: permission denied"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a: 1\n\x00\x01\x02")
    with pytest.raises(ReadError) as caught:
        load_file(path, limit=1024)
    assert str(caught.value) == f"{path}: holds binary data, not text"


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a: caf\xe9\n")
    with pytest.raises(ReadError) as caught:
        load_file(path, limit=1024)
    assert str(caught.value) == f"{path}: is not UTF-8 text (bad byte at offset 6)"


def test_broken_utf16_is_refused() -> None:
    with pytest.raises(ReadError) as caught:
        decode_text(b"\xff\xfea\x00:", source=SOURCE)
    assert str(caught.value) == f"{SOURCE}: is marked as UTF-16 but is not valid UTF-16"


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbfname: Zo\xc3\xab\n",
        "name: Zoë\n".encode("utf-16"),
        b"\xfe\xff" + "name: Zoë\n".encode("utf-16-be"),
        b"\xff\xfe" + "name: Zoë\n".encode("utf-16-le"),
        b"name: Zo\xc3\xab\r\n",
    ],
    ids=["utf-8-bom", "utf-16-native", "utf-16-be", "utf-16-le", "utf-8-crlf"],
)
def test_encodings_with_a_byte_order_mark(tmp_path: Path, content: bytes) -> None:
    assert load_file(_file(tmp_path, content), limit=1024) == {"name": "Zoë"}


def test_load_file_names_the_file_in_parse_errors(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a: 1\na: 2\n")
    with pytest.raises(ReadError) as caught:
        load_file(path, limit=1024)
    assert str(caught.value) == f"{path}: line 2, column 1: has the key 'a' twice"
