"""What the advocacy log adds to a person's ecomap: the agencies worked with on their behalf."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.people.models import Person

# An agency that last refused or ignored the client is drawn as a strained connection.
STRAINED = (AdvocacyAction.Outcome.REFUSED, AdvocacyAction.Outcome.NO_RESPONSE)


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    """One link per agency contacted (newest action decides its strain), in one query."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        return []
    actions = (
        policy.visible(user, AdvocacyAction.objects.filter(case__person=person))
        .select_related("organisation")
        .order_by("-action_date", "-id")
    )
    grouped: dict[object, list[AdvocacyAction]] = {}
    for action in actions:
        key = action.organisation_id or action.agency.strip().lower()
        grouped.setdefault(key, []).append(action)
    links = []
    for group in grouped.values():
        latest = group[0]
        issues = sorted({action.get_issue_display() for action in group})
        count = ngettext("%(n)s contact", "%(n)s contacts", len(group)) % {"n": len(group)}
        links.append(
            EcomapLink(
                label=latest.organisation.name if latest.organisation_id else latest.agency,
                kind="organisation",
                detail=gettext("Advocacy: %(issues)s; %(count)s, latest %(outcome)s")
                % {
                    "issues": ", ".join(issues),
                    "count": count,
                    "outcome": latest.get_outcome_display().lower(),
                },
                url=reverse("people:organisation_detail", args=[latest.organisation_id])
                if latest.organisation_id
                else "",
                stressful=latest.outcome in STRAINED,
            )
        )
    return sorted(links, key=lambda link: link.label.lower())
