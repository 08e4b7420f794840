"""Pure: core values in, one frozen, typed document per output out.

Every decision a reader sees (wording, rounding, titles, which steps and why) is made here,
so that the formats in `intimacy_check.formats` only lay a document out.
"""
