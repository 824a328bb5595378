"""The measures programs offer (the contract: tapestry/evidence/measures.py): every program's reach
in one query, counted from the `SERVED` sources of the apps that serve people (cases, groups)."""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, OuterRef, Subquery
from django.utils.translation import gettext_noop

from tapestry.access.policy import Capability
from tapestry.evidence.measures import Rows, RowsHiding, any_of, measure, served
from tapestry.evidence.suppression import hidden_together
from tapestry.people.models import Person
from tapestry.programs.models import Program


@measure(
    "programs.people_served",
    gettext_noop("People served by program"),
    # Agency-wide figures for leadership: a program manager sees only their own programs' reach.
    capability=Capability.AGENCY_LEAD,
    note=(
        gettext_noop(
            "Distinct people with a case or a group place in the program, at any time. Someone served by "
            "two programs counts in each; the total counts people per program, not people. A program "
            "with few people is hidden, with the next smallest while the hidden ones together are few."
        )
    ),
)
def people_served() -> Rows:
    program = OuterRef(OuterRef("pk"))
    people = (
        Person.objects.filter(any_of(source.people(program) for source in served()))
        .order_by()
        # COUNT without GROUP BY: one number per program, computed in the database.
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    found = (
        Program.objects.annotate(people=Subquery(people, output_field=IntegerField()))
        .order_by("-people", "name")
        .values_list("name", "people")
    )
    rows = [(name, n or 0) for name, n in found]
    return RowsHiding(rows, hidden_together(rows))


def programs_for_need(need: object) -> list[tuple[int, str, str]]:
    """(id, name, status) of the programs not closed that run a planned or running group focused on
    the need: programs have no needs of their own, their groups do. One query, no counts."""
    return [
        (pk, name, Program.Status(status).label)
        for pk, name, status in Program.objects.filter(
            groups__focus_needs=need, groups__status__in=("planned", "running")
        )
        .exclude(status=Program.Status.CLOSED)
        .distinct()
        .order_by("name")
        .values_list("pk", "name", "status")
    ]
