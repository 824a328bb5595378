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
from tapestry.micro.child_welfare.views.form import _form_page, _index, _when
from tapestry.web.pages import bound, submit

# Placements and hearings ------------------------------------------------------------------------------


def placement_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    persons = selectors.person_choices(user=request.user)
    form = PlacementForm(
        bound(request),
        children=selectors.case_children(user=request.user, case=case),
        persons=persons,
        organisations=selectors.organisation_choices(),
    )
    placement, status = submit(
        form,
        lambda: services.placement_start(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if placement is not None:
        messages.success(request, f"Placement recorded: {placement}.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record a placement",
        back=_index(case.pk),
        status=status,
        intro="A child has one placement at a time. When a child moves, tick 'End the current placement' and say why.",
    )


def placement_end(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_get(user=request.user, placement_id=pk, for_change=True)
    if not placement.is_open and request.method == "GET":
        messages.info(request, f"This placement already ended on {placement.ended_on:%Y-%m-%d}.")
        return redirect(_index(placement.case_id))
    form = PlacementEndForm(bound(request), instance=copy.copy(placement))
    ended, status = submit(
        form,
        lambda: services.placement_end(
            actor=request.user,
            placement=placement,
            version=form.cleaned_data["version"],
            ended_on=form.cleaned_data["ended_on"],
            end_reason=form.cleaned_data["end_reason"],
        ),
        invalid=200,
    )
    if ended is not None:
        messages.success(request, f"The placement ended on {ended.ended_on:%Y-%m-%d}.")
        return redirect(_index(placement.case_id))
    facts = [
        ("Child", placement.child),
        ("Placement", placement.get_placement_type_display()),
        ("Carer", selectors.placement_carer_text(placement)),
        ("Since", f"{placement.started_on:%Y-%m-%d}"),
    ]
    return _form_page(
        request,
        form=form,
        case=placement.case,
        title="End a placement",
        back=_index(placement.case_id),
        status=status,
        facts=facts,
    )


def hearing_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = HearingForm(
        bound(request),
        courts=selectors.court_choices(),
        children=selectors.case_children(user=request.user, case=case),
    )
    hearing, status = submit(
        form,
        lambda: services.hearing_schedule(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if hearing is not None:
        messages.success(request, f"{hearing} is on the calendar.")
        return redirect(_index(case.pk))
    return _form_page(
        request, form=form, case=case, title="Schedule a court hearing", back=_index(case.pk), status=status
    )


def hearing_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = selectors.hearing_get(user=request.user, hearing_id=pk, for_change=True)
    form = HearingOutcomeForm(bound(request), instance=copy.copy(hearing))
    saved, status = submit(
        form,
        lambda: services.hearing_record_outcome(
            actor=request.user,
            hearing=hearing,
            version=form.cleaned_data["version"],
            outcome=form.cleaned_data["outcome"],
            next_hearing_on=form.cleaned_data["next_hearing_on"],
        ),
        invalid=200,
    )
    if saved is not None:
        messages.success(request, "The hearing's outcome is recorded.")
        return redirect(_index(hearing.case_id))
    facts = [
        ("Hearing", hearing.get_hearing_type_display()),
        ("Court", hearing.court),
        ("When", _when(hearing.scheduled_at)),
        ("Child", hearing.child or "Every child on the case"),
    ]
    return _form_page(
        request,
        form=form,
        case=hearing.case,
        title="Record a hearing's outcome",
        back=_index(hearing.case_id),
        status=status,
        facts=facts,
    )


# Permanency ------------------------------------------------------------------------------------------------


def permanency_goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = PermanencyGoalForm(
        bound(request), children=selectors.case_children_placed(user=request.user, case=case)
    )
    goal, status = submit(
        form,
        lambda: services.permanency_goal_set(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if goal is not None:
        messages.success(request, f"{goal} recorded.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Set a permanency goal",
        back=_index(case.pk),
        status=status,
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
    review, status = submit(
        form,
        lambda: services.termination_review_record(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if review is not None:
        messages.success(request, f"{review} recorded.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record the 15-of-22-months decision",
        back=_index(case.pk),
        status=status,
        intro=(
            "Once a child has been in foster care 15 of the most recent 22 months, the agency files or joins a "
            "petition to terminate parental rights, unless an exception applies (42 U.S.C. 675(5)(E))."
        ),
    )
