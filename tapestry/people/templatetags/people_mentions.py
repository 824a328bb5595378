"""Template filters that show a related person by name only where the viewer may open them."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from tapestry.people.mentions import PersonMention, field_mention, member_mention, mention
from tapestry.people.models import HouseholdMember, Person

register = template.Library()


@register.filter
def person_ref(value: PersonMention) -> SafeString:
    """The linked name, or the relationship alone ("A sibling (outside your caseload)")."""
    return SafeString(value.__html__())


@register.filter
def related_person(person: Person, relation: str) -> SafeString:
    """A related person annotated with `nameable` (policy.nameable), e.g. `member|related_person:"household member"`."""
    return person_ref(mention(person, nameable=getattr(person, "nameable", False), relation=relation))


@register.filter
def person_in(obj: object, field: str) -> SafeString:
    """The person in a record's field, e.g. `allegation|person_in:"alleged_perpetrator"`; empty if none."""
    shown = field_mention(obj, field)
    return person_ref(shown) if shown else SafeString("")


@register.filter
def household_member(membership: HouseholdMember) -> SafeString:
    """A household member, from a membership annotated with `person_visible` (policy.nameable)."""
    return person_ref(member_mention(membership))
