"""What groups add to a person's ecomap: a link to each group they are in now."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.mezzo.groups.models import Membership
from tapestry.mezzo.groups.schedule import schedule_in_words
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.people.models import Person


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    members = (
        policy.visible(user, Membership.objects.filter(person=person, status=Membership.Status.ENROLLED))
        .select_related("group")
        .order_by("group__name", "pk")
    )
    return [
        EcomapLink(
            label=member.group.name,
            kind="group",
            detail=f"{member.group.get_kind_display()}: {schedule_in_words(member.group)}",
            url=reverse("groups:group_detail", args=[member.group_id]),
        )
        for member in members
    ]
