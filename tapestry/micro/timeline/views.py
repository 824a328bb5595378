"""Pages of a person's timeline and ecomap and a household's genogram: parse, read, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from tapestry.micro.cases.selectors import case_get
from tapestry.micro.timeline import diagrams, selectors
from tapestry.micro.timeline.forms import TimelineFilterForm
from tapestry.people.mentions import member_mention


def person_timeline(request: HttpRequest, person_pk: int) -> HttpResponse:
    timeline = selectors.person_timeline(user=request.user, person_id=person_pk)
    if timeline.person.pk != person_pk:
        return redirect(
            f"{reverse('timeline:person_timeline', args=[timeline.person.pk])}?{request.GET.urlencode()}"
        )
    filtering = "kind" in request.GET or "case" in request.GET
    form = TimelineFilterForm(request.GET if filtering else None, kinds=timeline.kinds, cases=timeline.cases)
    kind, case_id = form.chosen()
    rows = timeline.filtered(kind=kind, case_id=case_id)
    context = {
        "person": timeline.person,
        "form": form,
        "months": selectors.timeline_months(rows),
        "shown": len(rows),
        "total": len(timeline.rows),
        "filtered": bool(kind or case_id),
    }
    return render(request, "timeline/person_timeline.html", context)


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    """A case's events: the person's timeline filtered to the case."""
    case = case_get(user=request.user, case_id=case_pk)
    address = reverse("timeline:person_timeline", args=[case.person_id])
    return redirect(f"{address}?{urlencode({'case': case.pk})}")


def person_ecomap(request: HttpRequest, person_pk: int) -> HttpResponse:
    ecomap = selectors.person_ecomap(user=request.user, person_id=person_pk)
    if ecomap.person.pk != person_pk:
        return redirect("timeline:person_ecomap", person_pk=ecomap.person.pk)
    context = {
        "person": ecomap.person,
        "links": [(link, diagrams.ecomap_kind_label(link.kind)) for link in ecomap.links],
        "drawing": diagrams.ecomap_drawing(ecomap.person, ecomap.links),
    }
    return render(request, "timeline/person_ecomap.html", context)


def household_genogram(request: HttpRequest, household_pk: int) -> HttpResponse:
    genogram = selectors.household_genogram(user=request.user, household_id=household_pk)
    ties = diagrams.household_ties(genogram.relationships)
    rows = diagrams.generations(genogram.members, ties)
    names = {member.person_id: str(member_mention(member)) for member in genogram.members}
    members = sorted(genogram.members, key=lambda m: (rows[m.person_id], names[m.person_id]))
    context = {
        "household": genogram.household,
        "drawing": diagrams.genogram_drawing(genogram.household.name, genogram.members, ties, rows),
        "members": [(member, rows[member.person_id] + 1) for member in members],
        "ties": [(tie, names[tie.first], names[tie.second]) for tie in ties],
    }
    return render(request, "timeline/household_genogram.html", context)
