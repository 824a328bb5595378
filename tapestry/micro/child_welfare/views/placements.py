"""Child-welfare pages of placements, court hearings and permanency."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    HearingForm,
    HearingOutcomeForm,
    PermanencyGoalForm,
    PlacementEndForm,
    PlacementForm,
    TerminationReviewForm,
)
from tapestry.micro.child_welfare.views.form import _index, _save_page, _when
from tapestry.web.pages import bound

# Placements and hearings ------------------------------------------------------------------------------


def placement_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = PlacementForm(
        bound(request),
        children=selectors.case_children(user=request.user, case=case),
        persons=selectors.person_choices(user=request.user),
        organisations=selectors.organisation_choices(),
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.placement_start(actor=request.user, case=case, **form.cleaned_data),
        done=lambda placement: f"Placement recorded: {placement}.",
        case=case,
        title="Record a placement",
        back=_index(case.pk),
        intro="A child has one placement at a time. When a child moves, tick 'End the current placement' and say why.",
    )


def placement_end(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_get(user=request.user, placement_id=pk, for_change=True)
    if not placement.is_open and request.method == "GET":
        messages.info(request, f"This placement already ended on {placement.ended_on:%Y-%m-%d}.")
        return redirect(_index(placement.case_id))
    form = PlacementEndForm(bound(request), instance=copy.copy(placement))
    return _save_page(
        request,
        form=form,
        call=lambda: services.placement_end(actor=request.user, placement=placement, **form.cleaned_data),
        done=lambda ended: f"The placement ended on {ended.ended_on:%Y-%m-%d}.",
        case=placement.case,
        title="End a placement",
        back=_index(placement.case_id),
        facts=lambda: [
            ("Child", placement.child),
            ("Placement", placement.get_placement_type_display()),
            ("Carer", selectors.placement_carer_text(placement)),
            ("Since", f"{placement.started_on:%Y-%m-%d}"),
        ],
    )


def hearing_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = HearingForm(
        bound(request),
        courts=selectors.court_choices(),
        children=selectors.case_children(user=request.user, case=case),
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.hearing_schedule(actor=request.user, case=case, **form.cleaned_data),
        done=lambda hearing: f"{hearing} is on the calendar.",
        case=case,
        title="Schedule a court hearing",
        back=_index(case.pk),
    )


def hearing_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = selectors.hearing_get(user=request.user, hearing_id=pk, for_change=True)
    form = HearingOutcomeForm(bound(request), instance=copy.copy(hearing))
    return _save_page(
        request,
        form=form,
        call=lambda: services.hearing_record_outcome(
            actor=request.user, hearing=hearing, **form.cleaned_data
        ),
        done="The hearing's outcome is recorded.",
        case=hearing.case,
        title="Record a hearing's outcome",
        back=_index(hearing.case_id),
        facts=lambda: [
            ("Hearing", hearing.get_hearing_type_display()),
            ("Court", hearing.court),
            ("When", _when(hearing.scheduled_at)),
            ("Child", hearing.child or "Every child on the case"),
        ],
    )


# Permanency ------------------------------------------------------------------------------------------------


def permanency_goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = PermanencyGoalForm(
        bound(request), children=selectors.case_children_placed(user=request.user, case=case)
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.permanency_goal_set(actor=request.user, case=case, **form.cleaned_data),
        done=lambda goal: f"{goal} recorded.",
        case=case,
        title="Set a permanency goal",
        back=_index(case.pk),
        intro=(
            "The goal and a different concurrent plan, worked on at the same time. Another planned "
            "permanent living arrangement (APPLA) is only for a young person aged 16 or over."
        ),
    )


def termination_review_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = TerminationReviewForm(
        bound(request), children=selectors.case_children_placed(user=request.user, case=case)
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.termination_review_record(actor=request.user, case=case, **form.cleaned_data),
        done=lambda review: f"{review} recorded.",
        case=case,
        title="Record the 15-of-22-months decision",
        back=_index(case.pk),
        intro=(
            "Once a child has been in foster care 15 of the most recent 22 months, the agency files or joins a "
            "petition to terminate parental rights, unless an exception applies (42 U.S.C. 675(5)(E))."
        ),
    )
