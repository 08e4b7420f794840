"""The notes on how the answers were given, in one person's counselor's report, and the
errors of data/patterns.yaml, which holds when each note is given.

Each note says what was seen, what it may mean for reading the scores, and that it is not
a verdict. Entries are marked with `N_()` and translated where they are used, with `_()`.
"""

from __future__ import annotations

from intimacy_check.messages import N_

HOW_THE_ANSWERS_WERE_GIVEN = N_("How the answers were given")
INTRO = N_(
    "A few patterns in how the answers were given can make the scores less telling. They "
    "are noted here for you, the counselor, as something to ask about gently, not as a "
    "conclusion. Nothing else in this report changes because of them."
)

# --- the same rating -------------------------------------------------------------------------
SAME_RATING_MARKED = N_("The same rating throughout")
SAME_RATING_MARKED_SEEN = N_("All {count} statements answered were rated {rating}.")
SAME_RATING_MILD = N_("A long run of the same rating")
SAME_RATING_MILD_SEEN = N_(
    "Statements {first} to {last}, in the order they were asked, were all rated {rating}."
)
SAME_RATING_MEANING = N_(
    "When many statements in a row get one rating, those ratings may say less about each "
    "statement on its own."
)

# --- skipped ---------------------------------------------------------------------------------
SKIPPED_MARKED = N_("Many statements skipped")
SKIPPED_MILD = N_("Several statements skipped")
SKIPPED_SEEN = N_("{skipped} of the {statements} statements were skipped.")
SKIPPED_MEANING = N_(
    "The scores rest on fewer answers, and the statements passed over may be the ones "
    "that matter most; some may have felt hard to answer or not to fit."
)

# --- the most positive end -------------------------------------------------------------------
MOST_POSITIVE_MARKED = N_("Everything at the most positive end")
MOST_POSITIVE_MARKED_SEEN = N_(
    "All {rated} statements answered were rated at the end of the scale that means the "
    "most closeness."
)
MOST_POSITIVE_MILD = N_("Nearly everything at the most positive end")
MOST_POSITIVE_MILD_SEEN = N_(
    "{count} of the {rated} statements answered were rated at the end of the scale that "
    "means the most closeness."
)
MOST_POSITIVE_MEANING = N_(
    "That may be just how things are. It can also happen when someone answers for how "
    "they hope things are, so the scores may read a little brighter than daily life feels."
)

# --- a quick completion ----------------------------------------------------------------------
QUICK_MARKED = N_("A very quick completion")
QUICK_MILD = N_("A quick completion")
QUICK_SEEN = N_(
    "The quiz took {seconds} seconds from start to finish for {answered} statements, "
    "about {pace} seconds each."
)
QUICK_MEANING = N_(
    "Some statements may have been answered before they were fully read, so a few "
    "ratings may not say quite what was meant."
)

# How a number with one decimal is written: "2.5" in English; a translation may say ",".
DECIMAL_MARK = N_(".")

NOT_A_VERDICT = N_(
    "This is not a judgement of the answers; it may be worth asking how the quiz felt."
)

# --- data/patterns.yaml ----------------------------------------------------------------------
THRESHOLD_NOT_NUMBER = N_("{where}: {key} must be a number")
THRESHOLD_NEGATIVE = N_("{where}: {key} must be 0 or more, not {value}")
THRESHOLD_PERCENT = N_("{where}: {key} must be a percentage from 0 to 100, not {value}")
THRESHOLD_AT_LEAST = N_("{where}: {key} must be at least {minimum}, not {value}")
THRESHOLD_ORDER = N_("{where}: {larger} must be at least {smaller}")
