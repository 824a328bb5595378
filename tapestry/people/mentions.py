"""How a related person is shown: by linked name if the viewer may open them, else by relationship only.

Pages and API answers name a relative, household member, carer or party only when the access
policy says the viewer may open that person (`policy.nameable`, a subquery for `annotate`). Anyone
else appears as "a sibling outside your caseload", never by name, initials, birth date or link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, gettext_lazy, gettext_noop

from tapestry.people.models import HouseholdMember, Person, Relationship

OUTSIDE = gettext_lazy("outside your caseload")


def with_article(label: str) -> str:
    """'sibling' -> 'a sibling', 'other adult' -> 'an other adult'; labels already led by 'the' stay."""
    label = label.strip().lower()
    if not (get_language() or "en").startswith("en"):
        return label  # the article is English grammar; other languages show the label alone
    if label.startswith(("the ", "a ", "an ", "someone")):
        return label
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"


@dataclass(frozen=True)
class PersonMention:
    """A person as the viewer may see them: the name and a link, or the relationship alone."""

    person_id: int
    name: str
    relation: str
    url: str

    @property
    def shown(self) -> bool:
        return bool(self.name)

    @property
    def hidden_label(self) -> str:
        return f"{self.relation} {OUTSIDE}"

    def __str__(self) -> str:
        return self.name if self.shown else self.hidden_label

    def __html__(self) -> str:
        if self.shown:
            return format_html('<a href="{}">{}</a>', self.url, self.name)
        return format_html('{} <span class="muted">({})</span>', self.relation.capitalize(), OUTSIDE)


def mention(person: Person, *, nameable: bool, relation: str) -> PersonMention:
    """The display value of `person`; `relation` is who they are to the client ('sibling', 'carer')."""
    relation = with_article(relation)
    if not nameable:
        return PersonMention(person_id=person.pk, name="", relation=relation, url="")
    url = reverse("people:person_detail", args=[person.pk])
    return PersonMention(person_id=person.pk, name=person.display_name, relation=relation, url=url)


def member_mention(membership: HouseholdMember) -> PersonMention:
    """A household member, from a membership annotated with `person_visible` (policy.nameable)."""
    nameable = getattr(membership, "person_visible", False)
    return mention(membership.person, nameable=nameable, relation=gettext("household member"))


def carer_label(placement_type: str) -> str:
    """Who a placement's carer is to the child: 'foster carer', 'kinship carer', 'carer'."""
    return {
        "foster": gettext("the foster carer"),
        "kinship": gettext("the kinship carer"),
        "adoption": gettext("the adoptive carer"),
    }.get(placement_type) or gettext("the carer")


def relative_label(relationship: Relationship, other_id: int) -> str:
    """Who `other_id` is to the person at the other end: 'sibling', 'grandparent', 'relative or contact'."""
    if relationship.kind == Relationship.Kind.OTHER:
        return gettext("relative or contact")
    if relationship.kind_from(other_id) == Relationship.Kind.CARED_FOR.label:
        return gettext("person they care for")
    return relationship.kind_from(other_id)


# Who a person named in a record's field is, for fields that say nothing more specific (in English;
# translated when shown).
FIELD_RELATIONS = {
    "child": gettext_noop("child"),
    "alleged_perpetrator": gettext_noop("alleged perpetrator"),
    "responsible_person": gettext_noop("person responsible"),
    "carer_person": gettext_noop("carer"),
    "person": gettext_noop("person involved"),
}


def field_mention(obj: object, field: str, relation: str = "") -> PersonMention | None:
    """The person in `obj.<field>`, named only if `obj.<field>_nameable` (annotated with policy.nameable)."""
    person = getattr(obj, field)
    if person is None:
        return None
    if not relation:
        role = getattr(obj, "get_role_display", None)
        relation = role() if role else gettext(FIELD_RELATIONS.get(field, "person involved"))
    return mention(person, nameable=getattr(obj, f"{field}_nameable", False), relation=relation)


def ref_or_none(person: Person | None, nameable: bool) -> Person | None:
    """For API schemas: the person to put in a `PersonRef`, or None (serialised as null) out of reach."""
    return person if person is not None and nameable else None
