"""The counselor's report, the personal summary after a quiz, and a couple's comparison.

Each is built by one pure function from a scored `Report`, and makes every decision its
renderers would otherwise make: titles, wording, rounding, which steps, what to discuss.
"""

from __future__ import annotations

from dataclasses import dataclass

from intimacy_check.couple import Category, Comparison, SectionComparison, SectionView
from intimacy_check.documents.advice import advice
from intimacy_check.documents.parts import (
    Advice,
    BandRow,
    Closing,
    Finding,
    FindingGroup,
    Person,
    QuestionnaireLine,
    Score,
    StatementGroup,
    StatementRow,
    band_rows,
    cell,
    closing,
    names_list,
    person,
    questionnaire_line,
    score,
    title_for,
)
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Questionnaire, Section
from intimacy_check.report import Report
from intimacy_check.scoring import Flag

CATEGORY_LABELS = {
    Category.SHARED_STRENGTH: m.CATEGORY_SHARED_STRENGTH,
    Category.SHARED_GROWTH: m.CATEGORY_SHARED_GROWTH,
    Category.GAP: m.CATEGORY_GAP,
    Category.MIXED: m.CATEGORY_MIXED,
    Category.SKIPPED: m.CATEGORY_SKIPPED,
}
FLAG_GROUPS = (
    (Flag.STRENGTH, m.STRENGTHS),
    (Flag.GROWTH, m.GROWTH_AREAS),
    (Flag.WARNING, m.WARNING_SIGNS),
)


@dataclass(frozen=True)
class SectionSummary:
    """How both partners see one section, in one sentence."""

    id: str
    scores: tuple[Score, Score]
    view: str  # a SectionView value
    sentence: str


@dataclass(frozen=True)
class Imbalance:
    flagged_by: tuple[str, ...]
    less_open: str | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class CoupleSummary:
    agreement: Score  # a percentage; its label carries the % sign
    agreement_sentence: str  # the share, with what it means: never a bare percentage
    sections: tuple[SectionSummary, ...]
    imbalance: Imbalance | None
    discussion: tuple[Finding, ...]  # seen differently or shared growth: worth talking about


@dataclass(frozen=True)
class ReportDocument:
    """The counselor's report of one or two people."""

    title: str
    heading: str
    names: str
    questionnaire: QuestionnaireLine
    people: tuple[Person, ...]
    couple: CoupleSummary | None
    how_to_read: tuple[str, ...]
    bands: tuple[BandRow, ...]
    statement_groups: tuple[StatementGroup, ...]
    findings: tuple[FindingGroup, ...]
    advice: Advice
    closing: Closing

    @property
    def is_couple(self) -> bool:
        return self.couple is not None


@dataclass(frozen=True)
class PersonalDocument:
    """The summary a person sees after the quiz."""

    heading: str
    person: Person
    findings: tuple[FindingGroup, ...]
    advice: Advice
    closing: Closing


@dataclass(frozen=True)
class ComparisonDocument:
    """A couple side by side: scores, statements, what to talk about, steps together."""

    heading: str
    people: tuple[Person, Person]
    couple: CoupleSummary
    rows: tuple[StatementRow, ...]
    discussion_empty: str
    advice: Advice
    closing: Closing


# --- building --------------------------------------------------------------------------------


def report_document(report: Report, *, steps: int) -> ReportDocument:
    questionnaire = report.questionnaire
    people = tuple(person(questionnaire, assessment) for assessment in report.assessments)
    names = names_list([item.name for item in people])
    how_to_read = [
        _(
            m.READ_RATINGS,
            lowest=inert(questionnaire.scale[0]).lower(),
            highest=inert(questionnaire.scale[-1]).lower(),
        ),
        _(m.READ_INDEX, needed=questionnaire.min_answered),
        _(m.READ_BANDS),
    ]
    if report.couple is not None:
        how_to_read.append(_(m.READ_COUPLE))
    how_to_read.append(_(m.READ_NOT_A_DIAGNOSIS))
    title = _(m.REPORT_TITLE)
    return ReportDocument(
        title=title,
        heading=_(m.TITLE_WITH_NAMES, title=title, names=names),
        names=names,
        questionnaire=questionnaire_line(questionnaire),
        people=people,
        couple=couple_summary(report, report.couple) if report.couple else None,
        how_to_read=tuple(how_to_read),
        bands=band_rows(questionnaire),
        statement_groups=statement_groups(report),
        findings=findings(report),
        advice=advice(report, limit=steps),
        closing=closing(),
    )


def personal_document(report: Report, *, steps: int = 5) -> PersonalDocument:
    questionnaire = report.questionnaire
    shown = person(questionnaire, report.assessments[0])
    return PersonalDocument(
        heading=_(m.YOUR_RESULTS, name=shown.name),
        person=shown,
        findings=findings(report, discuss=False),
        advice=advice(report, limit=steps),
        closing=closing(),
    )


def comparison_document(report: Report, *, steps: int = 5) -> ComparisonDocument:
    couple = report.couple
    assert couple is not None, "a comparison needs two people"
    questionnaire = report.questionnaire
    first, second = (person(questionnaire, assessment) for assessment in report.assessments)
    groups = statement_groups(report)
    return ComparisonDocument(
        heading=_(m.NAMES_PAIR, first=first.name, second=second.name),
        people=(first, second),
        couple=couple_summary(report, couple),
        rows=tuple(row for group in groups for row in group.rows),
        discussion_empty=_(m.NOTHING_TO_TALK_THROUGH),
        advice=advice(report, limit=steps),
        closing=closing(),
    )


def statement_groups(report: Report) -> tuple[StatementGroup, ...]:
    """Every statement with each person's rating; titles read right for the flag."""
    questionnaire = report.questionnaire
    categories = (
        {item.sign.id: item.category for item in report.couple.signs} if report.couple else {}
    )
    groups = []
    for section in questionnaire.sections:
        rows = []
        for sign in section.signs:
            cells = tuple(
                cell(questionnaire, assessment, sign.id) for assessment in report.assessments
            )
            category = categories.get(sign.id)
            if category is not None:
                title = title_for(sign, category.value)
            else:
                title = title_for(sign, cells[0].flag)
            rows.append(
                StatementRow(
                    id=sign.id,
                    section=section.id,
                    title=title,
                    statement=inert(sign.statement),
                    cells=cells,
                    category=category.value if category else None,
                    category_label=_(CATEGORY_LABELS[category]) if category else None,
                )
            )
        note = "" if section.closer_when_agreed else _(m.LOWER_IS_CLOSER, topic=topic(section))
        groups.append(StatementGroup(section.id, inert(section.title), note, tuple(rows)))
    return tuple(groups)


def findings(report: Report, *, discuss: bool = True) -> tuple[FindingGroup, ...]:
    """Strengths, growth areas, warning signs (and, for a couple, gaps): each statement once
    per group, with who flagged it; each discussion question once in the whole document."""
    questionnaire = report.questionnaire
    couple = len(report.assessments) > 1
    asked: set[str] = set()

    def question(sign_id: str) -> str | None:
        if not discuss or sign_id in asked:
            return None
        asked.add(sign_id)
        return inert(questionnaire.sign(sign_id).discuss)

    groups = []
    for flag, heading in FLAG_GROUPS:
        entries = []
        for sign in questionnaire.signs:
            who = tuple(
                inert(assessment.name)
                for assessment in report.assessments
                if any(r.sign.id == sign.id and r.flag is flag for r in assessment.signs)
            )
            if who:
                entries.append(
                    Finding(
                        id=sign.id,
                        title=title_for(sign, flag.value),
                        who=who if couple else (),
                        discuss=None if flag is Flag.STRENGTH else question(sign.id),
                    )
                )
        groups.append(FindingGroup(flag.value, _(heading), tuple(entries)))
    if report.couple is not None:
        gaps = tuple(
            Finding(
                id=item.sign.id,
                title=title_for(item.sign, None),
                who=(),
                discuss=question(item.sign.id),
            )
            for item in report.couple.in_category(Category.GAP)
        )
        groups.append(FindingGroup("gap", _(m.SEEN_DIFFERENTLY), gaps))
    return tuple(groups)


def couple_summary(report: Report, couple: Comparison) -> CoupleSummary:
    names = tuple(inert(name) for name in report.names)
    agreement = couple.agreement
    if agreement is None:
        shown, sentence = Score(None, _(m.INCOMPLETE)), _(m.AGREEMENT_NONE)
    else:
        shown = Score(agreement, f"{round(agreement)}%")
        sentence = _(m.AGREEMENT_SENTENCE, agreement=shown.label)
    return CoupleSummary(
        agreement=shown,
        agreement_sentence=sentence,
        sections=tuple(
            section_summary(report.questionnaire, item, (names[0], names[1]))
            for item in couple.sections
        ),
        imbalance=_imbalance(couple, (names[0], names[1])),
        discussion=tuple(
            Finding(
                id=item.sign.id,
                title=title_for(item.sign, item.category.value),
                who=(),
                discuss=inert(item.sign.discuss),
                label=_(CATEGORY_LABELS[item.category]),
                category=item.category.value,
            )
            for item in couple.in_category(Category.GAP, Category.SHARED_GROWTH)
        ),
    )


def topic(section: Section) -> str:
    """A section's title as it reads inside a sentence: 'the warning signs'."""
    return inert(section.title[:1].lower() + section.title[1:])


def section_summary(
    questionnaire: Questionnaire, comparison: SectionComparison, names: tuple[str, str]
) -> SectionSummary:
    """One graded sentence: much the same, somewhat higher, or much higher."""
    section = questionnaire.section(comparison.section_id)
    closer_when_agreed = section.closer_when_agreed
    view = comparison.view
    if view is SectionView.INCOMPLETE:
        sentence = _(m.SECTION_INCOMPLETE, topic=topic(section))
    elif view in (SectionView.DIFFERENT, SectionView.SOMEWHAT_DIFFERENT):
        assert comparison.closer is not None
        # The closer partner rates a section that points toward closeness higher, and one
        # that points away from it lower.
        higher = comparison.closer if closer_when_agreed else 1 - comparison.closer
        message = (
            m.SECTION_MUCH_HIGHER if view is SectionView.DIFFERENT else m.SECTION_SOMEWHAT_HIGHER
        )
        sentence = _(message, higher=names[higher], lower=names[1 - higher], topic=topic(section))
    elif view is SectionView.BOTH_STRONG:
        message = (
            m.SECTION_BOTH_STRONG_CLOSER if closer_when_agreed else m.SECTION_BOTH_STRONG_FURTHER
        )
        sentence = _(message, topic=topic(section))
    elif view is SectionView.BOTH_LOW:
        message = m.SECTION_BOTH_LOW_CLOSER if closer_when_agreed else m.SECTION_BOTH_LOW_FURTHER
        sentence = _(message, topic=topic(section))
    else:
        sentence = _(m.SECTION_SAME, topic=topic(section))
    return SectionSummary(
        id=section.id,
        scores=(score(comparison.scores[0]), score(comparison.scores[1])),
        view=view.value,
        sentence=sentence,
    )


def _imbalance(couple: Comparison, names: tuple[str, str]) -> Imbalance | None:
    found = couple.imbalance
    if found is None:
        return None
    sentences = [_(m.IMBALANCE)]
    sentences += [_(m.IMBALANCE_FELT, name=names[person]) for person in found.flagged_by]
    less_open = None
    if found.less_open is not None:
        less_open = names[found.less_open]
        sentences.append(_(m.IMBALANCE_LESS_OPEN, less=less_open, more=names[1 - found.less_open]))
    return Imbalance(
        flagged_by=tuple(names[person] for person in found.flagged_by),
        less_open=less_open,
        sentences=tuple(sentences),
    )
