"""The printable HTML progress report: self-contained, in time order, escaped, and printable."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from types import MappingProxyType

import pytest
from html_checks import (
    CONTROL,
    MISSING,
    Elements,
    assert_self_contained,
    page_count,
    pdf_text,
    print_to_pdf,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from rendering import draw, progress_of, report_of

from intimacy_check.answers import AnswerSheet, read_answer_sheet
from intimacy_check.questionnaire import Questionnaire

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
TEMPLATES = Path(__file__).parent.parent / "intimacy_check" / "templates"
# Sorted by file name, which is not the order the assessments were completed in.
ALEX_FILES = ("alex-october.yaml", "alex-september.yaml", "alex.yaml")
ALEX_DATES = ("2026-09-03", "2026-10-08", "2026-11-20")
# The chart's plot area in SVG units, as the template draws it: 100 at the top, 0 at the bottom.
PLOT_TOP, PLOT_BOTTOM = 10, 100


@pytest.fixture(scope="module")
def sheets() -> dict[str, AnswerSheet]:
    return {name: read_answer_sheet(V1_EXAMPLES / name) for name in (*ALEX_FILES, "sam.yaml")}


def html_of(
    questionnaire: Questionnaire, files: list[tuple[str, AnswerSheet]], *, paper: str = "a4"
) -> str:
    return draw("html", progress_of(questionnaire, files), paper=paper)


def alex_and_sam(sheets: dict[str, AnswerSheet]) -> list[tuple[str, AnswerSheet]]:
    return [(name, sheets[name]) for name in (*ALEX_FILES, "sam.yaml")]


def respondents(html: str) -> list[str]:
    """The HTML of each respondent's section, in order, up to the next one or the footer."""
    starts = [found.start() for found in re.finditer('<section class="respondent"', html)]
    ends = [*starts[1:], html.index('<footer class="report-footer">')]
    return [html[start:end] for start, end in zip(starts, ends, strict=True)]


def source_of(template: str) -> str:
    """A shipped template's source without its Jinja comments."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return re.sub(r"\{#.*?#\}\n?", "", text, flags=re.S)


def change_card(since: str, change: str) -> str:
    return f'{since}</span></p>\n<div class="headline"><p class="big">{change}</p>'


def chart_of(section: str) -> str:
    return section[section.index("<svg") : section.index("</svg>")]


def polylines(chart: str) -> list[list[tuple[float, float]]]:
    return [
        [(float(x), float(y)) for x, y in (pair.split(",") for pair in points.split())]
        for points in re.findall(r'<polyline class="trend" points="([^"]*)"', chart)
    ]


def y_for(index: float) -> float:
    return PLOT_BOTTOM - index * (PLOT_BOTTOM - PLOT_TOP) / 100


# --- structure ----------------------------------------------------------------------------


def test_progress_is_self_contained_with_a_section_per_respondent(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    html = html_of(questionnaire, alex_and_sam(sheets))
    assert_self_contained(html)
    sections = respondents(html)
    assert len(sections) == 2
    assert '<h2 class="respondent-name" id="respondent-1">Alex</h2>' in sections[0]
    assert '<h2 class="respondent-name" id="respondent-2">Sam</h2>' in sections[1]
    assert len(Elements(html).named("svg")) == 2
    assert html.index("<h2>How to read this report</h2>") < html.index(sections[0])
    assert html.index(sections[1]) < html.index('<footer class="report-footer">')


@pytest.mark.parametrize("paper, size", [("a4", "size: A4;"), ("letter", "size: letter;")])
def test_page_size_follows_the_paper(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet], paper: str, size: str
) -> None:
    html = html_of(questionnaire, alex_and_sam(sheets), paper=paper)
    page_rules = re.findall(r"@page \{[^}]*\}", html)
    assert len(page_rules) == 1 and size in page_rules[0]


def test_header_has_title_names_and_questionnaire(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    html = html_of(questionnaire, alex_and_sam(sheets))
    header = html[html.index("<header") : html.index("</header>")]
    assert "<h1>Progress over time</h1>" in header
    assert '<p class="names">Alex and Sam</p>' in header
    assert "<dt>Alex</dt><dd>3 assessments, 2026-09-03 to 2026-11-20</dd>" in header
    assert "<dt>Sam</dt><dd>1 assessment, 2026-11-21</dd>" in header
    assert f"{questionnaire.id}, version {questionnaire.version}" in header
    assert "<title>Progress over time: Alex and Sam</title>" in html


def test_how_to_read_and_the_footer(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    document = progress_of(questionnaire, alex_and_sam(sheets))
    html = draw("html", document)
    assert len(document.how_to_read) == 3
    for paragraph in document.how_to_read:
        assert f"<p>{escape(paragraph)}</p>" in html
    footer = html[html.index('<footer class="report-footer">') :]
    assert document.closing.disclaimer.startswith("intimacy-check is an aid to reflection")
    assert f"<p>{escape(document.closing.disclaimer)}</p>" in footer
    assert f'<p class="safety">{escape(document.closing.safety)}</p>' in footer
    assert "please contact local support services or emergency services." in footer


def test_assessments_are_in_time_order_whatever_the_file_names(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex = respondents(html_of(questionnaire, alex_and_sam(sheets)))[0]
    table = alex[alex.index('<table class="assessments">') :]
    rows = re.findall(r'<th scope="row">([^<]*)</th>\n<td class="number">(\d+)</td>', table)
    assert rows == [("2026-09-03", "48"), ("2026-10-08", "65"), ("2026-11-20", "72")]
    chart = chart_of(alex)
    places = [chart.index(f">{date}</text>") for date in ALEX_DATES]
    assert places == sorted(places)


def test_assessment_rows_show_band_and_both_section_scores(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex = respondents(html_of(questionnaire, alex_and_sam(sheets)))[0]
    for section in questionnaire.sections:
        assert f'<th scope="col" class="number">{escape(section.score_label)}</th>' in alex
    assert (
        '<th scope="row">2026-11-20</th>\n<td class="number">72</td>\n'
        "<td>Close, with room to grow</td>\n"
        '<td class="number">70</td>\n<td class="number">75</td>'
    ) in alex


def test_the_line_chart_rises_with_the_index(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex, sam = respondents(html_of(questionnaire, alex_and_sam(sheets)))
    chart = chart_of(alex)
    [line] = polylines(chart)
    assert [round(y, 1) for _, y in line] == [round(y_for(v), 1) for v in (48.75, 65.0, 72.5)]
    assert [x for x, _ in line] == sorted(x for x, _ in line)
    assert chart.count('<circle class="point"') == 3
    for value in ("48", "65", "72"):
        assert f'text-anchor="middle">{value}</text>' in chart
    grid = re.findall(r'<line class="grid" [^>]*y1="([\d.]+)"', chart)
    assert [float(y) for y in grid] == [round(y_for(v), 1) for v in (40, 60, 80)]
    assert "Intimacy index of Alex over time: 48 on 2026-09-03, 65 on 2026-10-08, 72 on" in chart
    # A single assessment is a point with no line.
    assert polylines(chart_of(sam)) == []
    assert chart_of(sam).count('<circle class="point"') == 1


def test_an_incomplete_index_is_a_gap_not_a_zero(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    october = sheets["alex-october.yaml"]
    assert october.completed_at is not None
    skipped = replace(
        october,
        completed_at=october.completed_at + timedelta(days=14),
        answers=MappingProxyType(dict.fromkeys(october.answers)),
    )
    files = [*alex_and_sam(sheets)[:3], ("alex-skipped.yaml", skipped)]
    alex = respondents(html_of(questionnaire, files))[0]
    chart = chart_of(alex)
    # 48, 65, then the gap, then 72: a line of two points and a lone point after the gap.
    [line] = polylines(chart)
    assert [round(y, 1) for _, y in line] == [round(y_for(v), 1) for v in (48.75, 65.0)]
    assert chart.count('<circle class="point"') == 3
    assert f'cy="{float(PLOT_BOTTOM)}"' not in chart
    assert ">incomplete</text>" in chart
    assert '<td class="number incomplete">incomplete</td>' in alex


def test_changes_since_the_first_and_the_previous(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex, sam = respondents(html_of(questionnaire, alex_and_sam(sheets)))
    assert '<p class="big">72<span class="of"> of 100</span></p>' in alex
    assert change_card("2026-09-03", "+24") in alex
    assert change_card("2026-10-08", "+7") in alex
    assert "<li>Signs of closeness +23</li>" in alex
    assert "<li>Free of warning signs +25</li>" in alex
    assert "so there is nothing to compare yet." not in alex
    assert "This is the first assessment of Sam here, so there is nothing to compare yet." in sam
    assert "Since the first" not in sam and "Since the previous" not in sam


def test_resolved_new_and_still_open_with_none_when_empty(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex, sam = respondents(html_of(questionnaire, alex_and_sam(sheets)))

    def group(section: str, css_class: str) -> str:
        start = section.index(f'<section class="concern-group concern-{css_class}">')
        return section[start : section.index("</section>", start)]

    resolved = group(alex, "resolved")
    assert 'Resolved <span class="count">(3)</span>' in resolved
    for title in ("Disagreeing with respect", "Opening up to each other"):
        assert f"<li>{title}</li>" in resolved
    assert '<p class="none">none</p>' in group(alex, "new")
    assert "<li>You hold on to grudges</li>" in group(alex, "ongoing")
    assert '<p class="none">none</p>' in group(sam, "resolved")
    # A first assessment has nothing still open: what is flagged is flagged now.
    assert 'Flagged now <span class="count">(9)</span>' in group(sam, "ongoing")


def test_statement_directions_read_without_colour(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    alex, sam = respondents(html_of(questionnaire, alex_and_sam(sheets)))
    for sign in questionnaire.signs:
        assert f'<th scope="row">{escape(sign.topic)}</th>' in alex
    assert alex.count('<span aria-hidden="true">▲</span> better</span>') == 19
    assert alex.count('<span aria-hidden="true">=</span> same</span>') == 1
    assert '<td class="rating-cell">5</td>\n<td class="rating-cell">4</td>' in alex  # grudges
    # One assessment: its ratings, a table per section side by side, with no direction.
    assert sam.count('<th scope="col" class="rating-cell">Rating</th>') == 2
    assert "Direction" not in sam
    columns = sam[sam.index('<div class="statement-columns">') :].split("</table>")[:2]
    for table, section in zip(columns, questionnaire.sections, strict=True):
        titles = re.findall(r'<th scope="row">([^<]*)</th>', table)
        expected = [sign.topic for sign in questionnaire.signs if sign.section == section.id]
        assert titles == [str(escape(title)) for title in expected]


def test_getting_worse_is_marked_with_a_word_and_a_symbol(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    november, september = sheets["alex.yaml"], sheets["alex-september.yaml"]
    assert september.completed_at is not None
    earlier = replace(november, completed_at=september.completed_at - timedelta(days=30))
    html = html_of(questionnaire, [("before.yaml", earlier), ("after.yaml", september)])
    worse = '<span class="direction direction-worse"><span aria-hidden="true">▼</span> worse</span>'
    assert html.count(worse) == 19
    assert '<p class="big">-24</p>' in html


def test_print_rules_keep_items_whole_and_start_each_respondent_on_a_page(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    html = html_of(questionnaire, alex_and_sam(sheets))
    style = html[html.index("<style>") : html.index("</style>")]
    assert ".respondent + .respondent { break-before: page; page-break-before: always; }" in style
    avoid = re.search(r"\n([^{}\n]+)\{ break-inside: avoid; page-break-inside: avoid; \}", style)
    assert avoid is not None
    selectors = avoid.group(1).replace(" ", "").split(",")
    for selector in ("tr", "figure", ".card", ".concern-group", ".report-footer"):
        assert selector in selectors
    assert "thead { display: table-header-group; }" in style
    assert "@media print {" in style


def test_report_and_progress_share_the_styles(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet]
) -> None:
    report = draw("html", report_of(questionnaire, [sheets["alex.yaml"], sheets["sam.yaml"]]))
    progress = html_of(questionnaire, alex_and_sam(sheets))
    source = source_of("_styles.css.j2")
    plain = [
        line
        for line in source.splitlines()
        if line.strip() and "{" + "{" not in line and "{" + "%" not in line
    ]
    assert len(plain) > 100
    for document in (report, progress):
        style = document[document.index("<style>") : document.index("</style>")]
        missing = [line for line in plain if line not in style.splitlines()]
        assert missing == []
    for template in ("report.html.j2", "progress.html.j2"):
        assert '<style>\n{% include "_styles.css.j2" %}\n' in source_of(template)


@pytest.mark.parametrize("template", ["progress.html.j2", "_styles.css.j2"])
def test_templates_never_mark_view_data_safe(template: str) -> None:
    source = source_of(template)
    assert not re.search(r"\|\s*safe\b", source)
    assert "autoescape" not in source


# --- hostile names ----------------------------------------------------------------------


def renamed(sheets: dict[str, AnswerSheet], name: str) -> list[tuple[str, AnswerSheet]]:
    """Alex's three assessments under another name, and Sam's."""
    files = alex_and_sam(sheets)
    return [(file, replace(sheet, respondent=name)) for file, sheet in files[:3]] + files[3:]


@pytest.mark.parametrize(
    "name, absent, present",
    [
        ("<script>alert(1)</script>", "<script>alert", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "<img src=x", "&lt;img src=x onerror=alert(1)&gt;"),
        ("\x1b]52;c;aGk=\x07", "\x1b", "]52;c;aGk="),
        ("Al\x1b[2J\x07ex", "\x07", "Al[2Jex"),
        ("[link=file:///etc/passwd]x[/link]", "<a ", "[link=file:///etc/passwd]x[/link]"),
        ("</style><script>x</script>", "</style><script>", "&lt;/style&gt;&lt;script&gt;"),
        ("</title><svg onload=x>", "<svg onload", "&lt;/title&gt;&lt;svg onload=x&gt;"),
        ("\"quotes\" & 'apos'", "\"quotes\" & 'apos'", "&#34;quotes&#34; &amp; &#39;apos&#39;"),
    ],
)
def test_hostile_names_are_text(
    questionnaire: Questionnaire,
    sheets: dict[str, AnswerSheet],
    name: str,
    absent: str,
    present: str,
) -> None:
    html = html_of(questionnaire, renamed(sheets, name))
    assert absent not in html
    assert present in html
    assert "\x1b" not in html and "\x07" not in html
    assert_self_contained(html)
    elements = Elements(html)
    assert elements.named("style") == [{}]
    assert len(elements.named("svg")) == 2
    assert len(respondents(html)) == 2
    # Joined with another name, and in the chart's accessible title, it is escaped once.
    names = html[html.index('<p class="names">') : html.index("</p>", html.index('class="names"'))]
    assert present in names and names.endswith(" and Sam")
    assert f"Intimacy index of {present}" in html


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1))
def test_any_name_leaves_no_script_and_no_control_character(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet], name: str
) -> None:
    html = html_of(questionnaire, renamed(sheets, name))
    assert "<script" not in html.lower()
    assert not CONTROL.search(html)
    assert len(Elements(html).named("svg")) >= 1


# --- printed in a browser ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(
    bool(MISSING),
    reason=f"printing the HTML progress report needs {', '.join(MISSING)} on PATH",
)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_progress_prints_on_few_pages_with_each_respondent_on_a_new_page(
    questionnaire: Questionnaire, sheets: dict[str, AnswerSheet], tmp_path: Path, paper: str
) -> None:
    page = tmp_path / "progress.html"
    page.write_text(html_of(questionnaire, alex_and_sam(sheets), paper=paper), encoding="utf-8")
    pdf = print_to_pdf(page, tmp_path / "progress.pdf")

    assert 1 <= page_count(pdf) <= 4

    text = pdf_text(pdf)
    for expected in ("Alex", "Sam", "72", "How to read this report", "2026-10-08"):
        assert expected in text
    pages = [sheet.strip() for sheet in text.split("\f") if sheet.strip()]
    assert pages[0].startswith("HOW CLOSE DO WE FEEL?")
    assert any(sheet.startswith("Sam\n") for sheet in pages[1:]), "Sam does not start a page"
