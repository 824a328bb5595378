"""Apps whose Spanish is still being written (issue 12, item 10)."""

# An app leaves the list when its templates are all marked and its Spanish catalog is complete; the
# list only shrinks, and is empty when the issue is done.
PENDING = {}

# Texts the Spanish browser check (tests/browser/test_spanish.py) still finds in English, to be
# translated; the check fails on any other, and on a listed text it no longer finds.
SHOWN_IN_ENGLISH: set[str] = set()
