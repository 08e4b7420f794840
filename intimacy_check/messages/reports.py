"""Every sentence and label of the output documents: reports, comparison, progress, caseload.

Entries are marked with `N_()` and translated where they are used, with `_()`.
"""

from __future__ import annotations

from intimacy_check.messages import N_

LANGUAGE = N_("en")  # the language of this catalogue, as HTML's lang attribute names it
# In the margin of every printed page; {page} and {pages} become the page counters.
PAGE_NUMBER = N_("page {page} of {pages}")

# --- titles and headings ---------------------------------------------------------------------
REPORT_TITLE = N_("Emotional intimacy report")
PROGRESS_TITLE = N_("Progress over time")
YOUR_RESULTS = N_("Your results, {name}")
TITLE_WITH_NAMES = N_("{title}: {names}")
NAMES_PAIR = N_("{first} and {second}")
HOW_TO_READ = N_("How to read this report")
SCORES = N_("Scores")
STATEMENTS = N_("Statements")
STATEMENTS_ONE_BY_ONE = N_("Your answers, statement by statement")
STATEMENT_BY_STATEMENT = N_("Statement by statement")
WHAT_THE_ANSWERS_SHOW = N_("What the answers show")
RECOMMENDED_STEPS = N_("Recommended steps")
STEPS_TO_TRY_FIRST = N_("Steps to try first")
STEPS_TO_TRY_TOGETHER = N_("Steps to try together")
WORTH_TALKING_ABOUT = N_("Worth talking about")
NOTES = N_("Notes")
STRENGTHS = N_("Strengths")
GROWTH_AREAS = N_("Growth areas")
WARNING_SIGNS = N_("Warning signs")
SEEN_DIFFERENTLY = N_("Seen differently")
BANDS = N_("Bands")
BAND = N_("Band")
BAND_IS = N_("Band: {band}")
INDEX_FROM = N_("Index from")
FROM = N_("From")
INTIMACY_INDEX = N_("Intimacy index")
COUPLE_AGREEMENT = N_("Couple agreement")
TOGETHER = N_("Together")
STATEMENT = N_("Statement")
QUESTIONNAIRE = N_("Questionnaire")
QUESTIONNAIRE_LINE = N_("Questionnaire: {id}, version {version}")
QUESTIONNAIRE_ID_VERSION = N_("{id}, version {version}")
TO_TALK_ABOUT = N_("To talk about: {question}")
TRY_THIS = N_("Try this:")
FOR = N_("For:")
DATE = N_("Date")
INDEX = N_("Index")
FIRST = N_("First")
LATEST = N_("Latest")
RATING = N_("Rating")
DIRECTION = N_("Direction")
RESOLVED = N_("Resolved")
NEW = N_("New")
STILL_OPEN = N_("Still open")
FLAGGED_NOW = N_("Flagged now")
TREND = N_("Trend")
INDEX_CHANGE = N_("Index change")
STATEMENTS_THAT_MOVED = N_("Statements that moved since the first time")
GROWTH_AND_WARNING = N_("Growth areas and warning signs")
THE_INDEX_OVER_TIME = N_("The index over time")
SINCE_THE_FIRST = N_("Since the first")
SINCE_THE_PREVIOUS = N_("Since the previous")
OF_100 = N_("of 100")
RESTORE_STEPS = N_("Ways to restore closeness")
BUILD_STEPS = N_("Ways to build closeness")

# --- people and scores -------------------------------------------------------------------------
COMPLETED_ON = N_("completed {date}")
IN_PROGRESS = N_("in progress: {answered} of {total} answered")
INCOMPLETE = N_("incomplete")
NO_INDEX = N_(
    "No index yet: each section needs at least {needed} of its {per_section} statements rated."
)
INDEX_OUT_OF_100 = N_("{label}: {value} out of 100")
NONE_RIGHT_NOW = N_("None right now.")

# --- ratings and flags ------------------------------------------------------------------------
RATING_WITH_LABEL = N_("{rating} {label}")
LOWER_IS_CLOSER = N_(
    "Here agreeing means the pattern shows up for you, so a low rating points to closeness."
)
NOT_ANSWERED_YET = N_("not answered yet")
FLAG_STRENGTH = N_("strength")
FLAG_GROWTH = N_("growth area")
FLAG_WARNING = N_("warning sign")
FLAG_NEUTRAL = N_("neutral")
FLAG_SKIPPED = N_("skipped")
CATEGORY_SHARED_STRENGTH = N_("shared strength")
CATEGORY_SHARED_GROWTH = N_("shared growth")
CATEGORY_GAP = N_("seen differently")
CATEGORY_MIXED = N_("mixed")
CATEGORY_SKIPPED = N_("not rated by both")
DIRECTION_BETTER = N_("better")
DIRECTION_WORSE = N_("worse")
DIRECTION_SAME = N_("same")
DIRECTION_SKIPPED = N_("not rated both times")
DIRECTION_REWORDED = N_("reworded, not compared")
LIST_SEPARATOR = N_(", ")
LAST_SEPARATOR = N_(" and ")
DATE_RANGE_TO = N_(" to {last}")  # after the first date: "2026-09-03 to 2026-11-20"

# --- how to read -------------------------------------------------------------------------------
READ_RATINGS = N_(
    "Each statement was rated from 1 ({lowest}) to 5 ({highest}). Every rating is turned into "
    "a score where higher always means more closeness: for statements where agreeing means "
    "less closeness, such as the warning signs, disagreeing scores high."
)
READ_INDEX = N_(
    "The intimacy index is the average of those scores on a scale of 0 to 100; each section "
    "has its own score the same way. A section with fewer than {needed} rated statements has "
    "no score, and the index is then shown as incomplete."
)
READ_BANDS = N_(
    "The band is a gentle summary of the index; each band is listed with the index it starts from."
)
READ_COUPLE = N_(
    "Couple agreement counts only the statements both partners rate positively, so two people "
    "who both rate trust low are not counted as agreeing; that is shared growth instead. "
    "Statements rated two or more points apart, or on opposite sides, are seen differently: "
    "good places to start talking. Mixed means neither: one or both of you answered in the "
    "middle."
)
READ_NOT_A_DIAGNOSIS = N_(
    "This report is an aid to conversation, not a diagnosis. It reflects how each person felt "
    "on the day they answered, and it is a starting point for talking, nothing more."
)
READ_NOT_A_DIAGNOSIS_ONE = N_(
    "This report is an aid to conversation, not a diagnosis. It reflects how {name} felt on "
    "the day of answering, and it is a starting point for talking, nothing more."
)
READ_PROGRESS_ROWS = N_(
    "Each row is one completed questionnaire, in the order they were completed. The index and "
    "section scores run from 0 to 100, and higher always means more closeness."
)
READ_PROGRESS_DIRECTION = N_(
    "For each statement, better means the latest rating points to more closeness than the "
    "first one. Resolved growth areas and warning signs were flagged the first time and are "
    "not any more; new ones were not flagged the first time."
)
READ_PROGRESS_VERSIONS = N_(
    "Some assessments answered an earlier version of the questionnaire. Their index and "
    "section scores are compared as they are; a statement is compared only where its meaning "
    'stayed the same, and the others read "reworded, not compared".'
)
READ_PROGRESS_SMALL_CHANGES = N_(
    "Small changes of a few points are normal from week to week. Look for the direction over "
    "several assessments rather than a single number."
)
CHART_CAPTION = N_(
    "Scores from 0 to 100; a longer bar means more closeness. The dashed marks show where each "
    "band begins ({starts})."
)
CHART_TITLE = N_("Intimacy index of {name} over time: {points}.")
CHART_POINT = N_("{index} on {date}")
UNKNOWN_DATE = N_("an unknown date")
TREND_CAPTION = N_(
    "The intimacy index at each assessment, from 0 to 100. The dashed lines show where the "
    "bands begin ({starts})."
)

# --- a couple ----------------------------------------------------------------------------------
AGREEMENT_SENTENCE = N_(
    "Couple agreement: {agreement}. {shared} of the {rated} statements you both rated are a "
    "strength for both of you."
)
AGREEMENT_NONE = N_("Couple agreement: none yet, as there is no statement that both of you rated.")
SECTION_INCOMPLETE = N_("One of you rated too few of the {topic} to compare them.")
SECTION_MUCH_HIGHER = N_("{higher} rates the {topic} much higher than {lower} does.")
SECTION_SOMEWHAT_HIGHER = N_("{higher} rates the {topic} somewhat higher than {lower} does.")
SECTION_NOTICES_MUCH_MORE = N_("{higher} notices the {topic} much more than {lower} does.")
SECTION_NOTICES_SOMEWHAT_MORE = N_("{higher} notices the {topic} somewhat more than {lower} does.")
SECTION_BOTH_STRONG_CLOSER = N_("Both of you rate the {topic} as strong.")
SECTION_BOTH_STRONG_FURTHER = N_("Both of you see few {topic}.")
SECTION_BOTH_LOW_CLOSER = N_("Both of you find the {topic} hard to see right now.")
SECTION_BOTH_LOW_FURTHER = N_("Both of you notice several {topic}.")
SECTION_SAME = N_("You see the {topic} in much the same way.")
IMBALANCE = N_(
    "Your answers suggest that one of you may be sharing much more than the other. Closeness "
    "grows when both partners open up, so this is worth a gentle conversation."
)
IMBALANCE_FELT = N_("{name} feels that the sharing between you is uneven.")
IMBALANCE_LESS_OPEN = N_(
    "{less} rates the statements about opening up much lower than {more} does."
)
NOTHING_TO_TALK_THROUGH = N_("No statement stands out as one to talk through right now.")

# --- steps -------------------------------------------------------------------------------------
STEPS_INTRO_ONLY = N_("One step fits your answers. Give it a try.")
STEPS_INTRO_ONE = N_(
    "Of the {total} steps that match your answers, this one fits best. Give it a try."
)
STEPS_INTRO = N_("These {shown} steps fit your answers. Pick one or two to try.")
STEPS_INTRO_OUT_OF = N_(
    "Of the {total} steps that match your answers, these {shown} fit best. Pick one or two to try."
)
STEPS_GENTLE = N_(
    "None of the answers points to a particular problem, so here are some gentle places to "
    "start: {titles}."
)
STEPS_NONE_NEEDED = N_(
    "None of the answers calls for a particular step right now. Keep doing what brings you close."
)
STEPS_HIDDEN = N_("Steps are left out of this report (--steps 0).")
STEP_FOR = N_("For: {titles}")
STEP_FOR_COUPLE = N_("For: {titles} (from {whose})")
FROM_BOTH = N_("both of your answers")
FROM_ONE = N_("{name}'s answers")
BECAUSE_YOU_RATED = N_("Because you rated {ratings}")
QUOTED_RATING = N_("\u201c{statement}\u201d ({rating})")

# --- progress ----------------------------------------------------------------------------------
CHANGES_LINE = N_("{since_first} since the first, {since_previous} since the previous")
CHANGES_LINE_LONG = N_(
    "Index change: {since_first} since the first assessment, {since_previous} since the "
    "previous one"
)
TREND_LINE = N_("Trend (first to latest): {scores}")
ONE_ASSESSMENT = N_("Only one assessment so far: changes show from the next one on.")
FIRST_ASSESSMENT = N_(
    "This is the first assessment of {name} here, so there is nothing to compare yet."
)
ASSESSMENT_COUNT = N_("{count} assessments")
ASSESSMENT_ONE = N_("1 assessment")
NONE = N_("none")
NO_CHANGE = N_("–")

# --- caseload ----------------------------------------------------------------------------------
RESPONDENT = N_("Respondent")
STATUS = N_("Status")
COMPLETED = N_("Completed")
TOP_CONCERN = N_("top concern: {title}")
FILE = N_("File")

# --- accessible mode: lists, label then value --------------------------------------------------
LABEL_VALUE = N_("{label}: {value}")
ITEM_SEPARATOR = N_("; ")  # between the items of one line: band labels hold commas
SCORE_OUT_OF = N_("{label}: {score} out of 100")
BAND_FROM = N_("{band}: from an index of {minimum}")
STATEMENT_OF = N_("Statement {number} of {total}, in {section}")

# --- on every document -------------------------------------------------------------------------
DISCLAIMER = N_(
    "intimacy-check is an aid to reflection and conversation. It is not a clinical assessment "
    "or a diagnosis, and it does not replace professional help."
)
SAFETY = N_(
    "If you or your partner ever feel unsafe in your relationship, please contact local support "
    "services or emergency services."
)

# --- how each statement is wished to be (quiz --ideal) ----------------------------------------

WISHES_HEADING = N_("How each statement is wished to be")
WISHES_HOW_TO_READ = N_(
    "After each rating came a second question: how would you like it to be? A gap is the "
    "distance between the two answers in points of the 0-100 score, where one step of the "
    "scale is {step} points, and a plus means more closeness is wished for. Gaps of "
    "{threshold} points (two steps) or more are listed as wished-for changes; smaller ones "
    "count as already close. A wish is a place to start talking, not a verdict."
)
WISHES_LARGEST = N_("Largest wished-for changes")
WISHES_CLOSE = N_("Already close to how it is wished to be")
WISHES_SUMMARY = N_(
    "{name} said how {asked} of the statements are wished to be. Wished-for changes worth "
    "talking about: {large}. Already close to the wish: {close}."
)
WISHES_SUMMARY_OWN = N_(
    "You said how {asked} of the statements are wished to be. Wished-for changes worth "
    "talking about: {large}. Already close to the wish: {close}."
)
WISHES_NONE_GIVEN = N_("{name} gave no wished-for ratings.")
WISHES_NONE_GIVEN_OWN = N_("You gave no wished-for ratings.")
# The statement itself, not its short title: a warning sign's title names what is
# hoped for, its ratings agree or disagree with what is lacking.
WISHES_GAP = N_("\u201c{statement}\u201d now {now}, wished for {ideal} (gap {gap})")
WISHES_SIDE_BY_SIDE = N_("Side by side: what each partner wishes, and what the other sees now")
WISHES_PAIR = N_("{name} wishes for {wishes}; {other}'s own answer now: {now}.")
WISHES_ONE_SIDE = N_("{name} wishes for {wishes}.")
WISHES_NOW = N_("{name}'s answer now")
WISH_NOW = N_("Now")
WISH_WISHED = N_("Wished for")
WISH_GAP = N_("Gap")
WISHES_WISHED = N_("{name} wishes")
STEPS_BY_WISHES = N_(
    "Where a wished-for rating was given, the steps are ranked by the wished-for changes, "
    "largest first."
)
