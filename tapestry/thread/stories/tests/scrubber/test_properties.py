"""Properties of every scrub, on generated text: spans sorted, disjoint, inside the input, and the
scrubbed text is the input with each span replaced by its kind."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tapestry.evidence.scrub import KINDS, Known, scrub

KNOWN = Known.from_dict(
    {
        "person": {
            "given": "José",
            "family": "Peña",
            "aliases": ["Hope"],
            "birth_date": "1990-05-01",
            "phones": ["312-555-0148"],
            "emails": ["jp@example.com"],
            "address": {"line1": "12 Oak St Apt 3", "city": "Mesa", "postcode": "85201"},
        },
        "household": [{"given": "Elizabeth", "family": "Peña", "relationship": "wife"}],
        "case_number": "AZ-2024-0001",
        "school": "Mesa High School",
        "employer": "Acme Foods Inc.",
    }
)

FRAGMENTS = [
    "José",
    "Jose\u0301",
    "PEÑA",
    "Liz",
    "hope",
    "Hope's",
    "Bob",
    "’s",
    "312-555-0148",
    "(312) 555 0148",
    "5/1/1990",
    "May 1st",
    "the 3rd of March",
    "12 Oak Street",
    "Apt 3",
    "PO Box 9",
    "85201",
    "85201-1234",
    "jp@example.com",
    "https://x.example.org/a",
    "10.0.0.1",
    "fe80::1",
    "SSN 123-45-6789",
    "MRN: 0045881",
    "AZ-2024-0001",
    "Mesa High",
    "Acme Foods",
    "Dr. Osei",
    "93 years old",
    "ﬁ",
    "\u00a0",
    "ß",
    "İ",
]
pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    st.sampled_from([" ", ", ", ". ", "-", "/", ":", "'", "\n", "@", "#", "1", "12", "2025"]),
)
stories = st.lists(pieces, max_size=25).map("".join)


def rebuild(text, spans):
    out, at = [], 0
    for span in spans:
        out += [text[at : span.start], f"[{span.kind.upper()}]"]
        at = span.end
    return "".join(out + [text[at:]])


@settings(max_examples=300, deadline=None)
@given(stories, st.booleans())
def test_spans_are_sorted_disjoint_inside_and_replaced(text, with_record):
    result = scrub(text, KNOWN if with_record else Known())
    at = 0
    for span in result.spans:
        assert at <= span.start < span.end <= len(text)
        assert span.kind in KINDS
        at = span.end
    assert result.text == rebuild(text, result.spans)


@settings(max_examples=100, deadline=None)
@given(stories)
def test_the_dict_form_matches_the_spans(text):
    result = scrub(text, KNOWN)
    assert result.as_dict() == {
        "text": result.text,
        "spans": [{"start": s.start, "end": s.end, "kind": s.kind} for s in result.spans],
    }
