"""What the record knows about a case's client, for the scrubber; the story scrubbed with it; its marks.

`known_for_case(case)` gives the scrubber's KNOWN shape (one address, one school, one case number);
`also_known_for_case(case)` gives what does not fit that shape (past addresses, other schools, the
client's other case numbers), each as a KNOWN of its own. `scrub_for_case` runs the scrubber with the
first, then with each of the others on what is left, and carries every replacement back to offsets
into the story as written. Callers have already checked that the actor may change the case: these
read the whole record, since anything the record knows may identify the client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from tapestry.evidence.scrub import Known, Scrubbed, Span, scrub
from tapestry.micro.cases.models import Case
from tapestry.micro.school.models import Student
from tapestry.people.models import Address, ContactPoint, HouseholdMember, Person, Relationship


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


def _address(address: Address) -> dict[str, str]:
    line = ", ".join(part for part in (address.line1, address.line2) if part)
    return {"line1": line, "city": address.city, "state": address.region, "postcode": address.postcode}


def _relatives(person: Person) -> list[dict[str, str]]:
    """Everyone the record ties to the client: household members (past ones too) and relations."""
    found: dict[int, dict[str, str]] = {}
    links = Relationship.objects.filter(Q(from_person=person) | Q(to_person=person)).select_related(
        "from_person", "to_person"
    )
    for link in links:
        # "<from> is <kind> of <to>": what the other person is to the client.
        if link.from_person_id == person.pk:
            other, kind = link.to_person, Relationship.INVERSE[link.kind]
        else:
            other, kind = link.from_person, link.kind
        found[other.pk] = _relative(other, Relationship.Kind(kind).label.lower())
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    members = HouseholdMember.objects.filter(household_id__in=households).exclude(person=person)
    for member in members.select_related("person"):
        found.setdefault(member.person_id, _relative(member.person, member.get_position_display().lower()))
    return list(found.values())


def _relative(person: Person, relationship: str) -> dict[str, str]:
    return {
        "given": person.preferred_name or person.given_name,
        "family": person.family_name,
        "relationship": relationship,
        "birth_date": _day(person.date_of_birth),
        # Not in the scrubber's shape: the given name behind a preferred one, taken up below.
        "other_given": person.given_name if person.preferred_name else "",
    }


@dataclass(frozen=True)
class CaseKnown:
    """Everything the record knows about a case's client, gathered in a fixed number of queries."""

    main: dict[str, Any]
    more: list[dict[str, Any]]


def case_known(case: Case) -> CaseKnown:
    person = case.person
    aliases = list(person.aliases.values_list("name", flat=True))
    if person.preferred_name:
        aliases.append(person.preferred_name)
    contacts = list(person.contacts.values_list("kind", "value"))
    addresses = list(Address.objects.filter(person=person).order_by("-is_current", "-created_at", "-id"))
    schools = list(
        Student.objects.filter(person=person)
        .order_by("left_on", "-enrolled_on")
        .values_list("school__name", flat=True)
        .distinct()
    )
    case_numbers = [f"C-{pk:06d}" for pk in Case.objects.filter(person=person).values_list("pk", flat=True)]
    relatives = _relatives(person)
    main = {
        "person": {
            "given": person.given_name,
            "family": person.family_name,
            "aliases": aliases,
            "birth_date": _day(person.date_of_birth),
            "phones": [value for kind, value in contacts if kind == ContactPoint.Kind.PHONE],
            "emails": [value for kind, value in contacts if kind == ContactPoint.Kind.EMAIL],
            "address": _address(addresses[0]) if addresses else {},
        },
        "household": [{key: value for key, value in r.items() if key != "other_given"} for r in relatives],
        "case_number": case.number,
        "school": schools[0] if schools else "",
        # No record of the agency holds a client's employer; the shape keeps the place for one.
        "employer": "",
    }
    more = [{"person": {"address": _address(address)}} for address in addresses[1:]]
    more += [{"school": school} for school in schools[1:]]
    more += [{"case_number": number} for number in case_numbers if number != case.number]
    more += [
        {"household": [{"given": r["other_given"], "relationship": r["relationship"]}]}
        for r in relatives
        if r["other_given"]
    ]
    return CaseKnown(main=main, more=more)


def known_for_case(case: Case) -> dict[str, Any]:
    """The scrubber's KNOWN for this case (the shape `manage.py scrub_story --known` reads)."""
    return case_known(case).main


def also_known_for_case(case: Case) -> list[dict[str, Any]]:
    """What the record knows beyond that shape's single slots, each as a KNOWN of its own."""
    return case_known(case).more


def _carry_back(earlier: list[Span], text: str, later: list[Span]) -> list[Span]:
    """The spans of a later pass (offsets into the `text` an earlier pass left) as offsets into the
    earlier pass's input; a later span that swallows an earlier replacement takes its place."""
    placed = list(zip(_token_places(text, earlier), earlier, strict=True))

    def back(position: int, *, is_end: bool) -> int:
        delta = 0
        for (start, end), span in placed:
            if position <= start:
                break
            if position < end:
                return span.end if is_end else span.start
            delta = span.end - end
        return position + delta

    carried = [Span(back(s.start, is_end=False), back(s.end, is_end=True), s.kind) for s in later]
    kept = [s for s in earlier if not any(c.start <= s.start and s.end <= c.end for c in carried)]
    return sorted(kept + carried, key=lambda span: span.start)


TOKEN = re.compile(r"\[[^\[\]]*\]")


def _token_places(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Where each replacement of `spans` (in order) stands in the scrubbed `text`.

    Text between replacements is unchanged, so its length carries the offsets; each replacement is
    the scrubber's `[KIND]` token, found at the place the offsets give.
    """
    places, cursor, previous_end = [], 0, 0
    for span in spans:
        cursor += span.start - previous_end
        match = TOKEN.match(text, cursor)
        end = match.end() if match else cursor
        places.append((cursor, end))
        cursor, previous_end = end, span.end
    return places


def scrub_for_case(text: str, case: Case) -> Scrubbed:
    """The story scrubbed of everything the record knows, with every span in offsets into `text`."""
    known = case_known(case)
    result = scrub(text, Known.from_dict(known.main))
    spans = list(result.spans)
    for extra in known.more:
        again = scrub(result.text, Known.from_dict(extra))
        if again.spans:
            spans = _carry_back(spans, result.text, list(again.spans))
            result = Scrubbed(again.text, spans)
    return Scrubbed(result.text, spans)


def marks_of(scrubbed: Scrubbed) -> list[dict[str, Any]]:
    """The replacements as offsets into the scrubbed text, for marking them on the page."""
    places = _token_places(scrubbed.text, list(scrubbed.spans))
    return [
        {"start": start, "end": end, "kind": span.kind}
        for (start, end), span in zip(places, scrubbed.spans, strict=True)
    ]


def marked_html(text: str, marks: list[dict[str, Any]]) -> SafeString:
    """The scrubbed text, escaped, with each replacement in a `<mark class="scrubbed">` naming its kind."""
    parts, at = [], 0
    for mark in sorted(marks, key=lambda m: m["start"]):
        start, end = mark["start"], mark["end"]
        if start < at or end > len(text):
            continue
        parts.append(conditional_escape(text[at:start]))
        parts.append(
            format_html('<mark class="scrubbed" title="{}">{}</mark>', mark["kind"], text[start:end])
        )
        at = end
    parts.append(conditional_escape(text[at:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308  (every part is escaped above)
