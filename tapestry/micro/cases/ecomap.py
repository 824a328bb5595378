"""What cases add to a person's ecomap: the programs they are served in (open or on-hold cases)."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access.models import User
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_visible
from tapestry.people.models import Person


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    cases = (
        cases_visible(user)
        .filter(person=person, program__isnull=False)
        .exclude(status=Case.Status.CLOSED)
        .select_related("program", "worker")
        .order_by("program__name", "opened_on", "id")
    )
    links: dict[int, EcomapLink] = {}
    for case in cases:
        if case.program_id in links:
            continue
        worker = case.worker.get_full_name() or case.worker.username
        links[case.program_id] = EcomapLink(
            label=case.program.name,
            kind="service",
            detail=f"{case.get_case_type_display()} case {case.number}, with {worker}",
            url=reverse("cases:case_detail", args=[case.pk]),
        )
    return list(links.values())
