"""Apps whose Spanish is still being written (issue 12, item 10)."""

# An app leaves the list when its templates are all marked and its Spanish catalog is complete; the
# list only shrinks, and is empty when the issue is done.
PENDING = {
    "macro/coalitions",
    "macro/community",
    "macro/evaluation",
    "macro/fundraising",
}
