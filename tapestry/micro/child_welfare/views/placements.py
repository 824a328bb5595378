"""Child-welfare pages of placements, court hearings and permanency."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext

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
        done=lambda placement: gettext("Placement recorded: %(placement)s.") % {"placement": placement},
        case=case,
        title=gettext("Record a placement"),
        back=_index(case.pk),
        intro=gettext(
            "A child has one placement at a time. When a child moves, tick 'End the current placement' and say why."
        ),
    )


def placement_end(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_get(user=request.user, placement_id=pk, for_change=True)
    if not placement.is_open and request.method == "GET":
        messages.info(
            request,
            gettext("This placement already ended on %(ended_on)s.")
            % {"ended_on": format(placement.ended_on, "%Y-%m-%d")},
        )
        return redirect(_index(placement.case_id))
    form = PlacementEndForm(bound(request), instance=copy.copy(placement))
    return _save_page(
        request,
        form=form,
        call=lambda: services.placement_end(actor=request.user, placement=placement, **form.cleaned_data),
        done=lambda ended: gettext("The placement ended on %(ended_on)s.")
        % {"ended_on": format(ended.ended_on, "%Y-%m-%d")},
        case=placement.case,
        title=gettext("End a placement"),
        back=_index(placement.case_id),
        facts=lambda: [
            (gettext("Child"), placement.child),
            (gettext("Placement"), placement.get_placement_type_display()),
            (gettext("Carer"), selectors.placement_carer_text(placement)),
            (gettext("Since"), f"{placement.started_on:%Y-%m-%d}"),
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
        done=lambda hearing: gettext("%(hearing)s is on the calendar.") % {"hearing": hearing},
        case=case,
        title=gettext("Schedule a court hearing"),
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
        done=gettext("The hearing's outcome is recorded."),
        case=hearing.case,
        title=gettext("Record a hearing's outcome"),
        back=_index(hearing.case_id),
        facts=lambda: [
            (gettext("Hearing"), hearing.get_hearing_type_display()),
            (gettext("Court"), hearing.court),
            (gettext("When"), _when(hearing.scheduled_at)),
            (gettext("Child"), hearing.child or gettext("Every child on the case")),
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
        done=lambda goal: gettext("%(goal)s recorded.") % {"goal": goal},
        case=case,
        title=gettext("Set a permanency goal"),
        back=_index(case.pk),
        intro=(
            gettext(
                "The goal and a different concurrent plan, worked on at the same time. Another planned permanent living arrangement (APPLA) is only for a young person aged 16 or over."
            )
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
        done=lambda review: gettext("%(review)s recorded.") % {"review": review},
        case=case,
        title=gettext("Record the 15-of-22-months decision"),
        back=_index(case.pk),
        intro=(
            gettext(
                "Once a child has been in foster care 15 of the most recent 22 months, the agency files or joins a petition to terminate parental rights, unless an exception applies (42 U.S.C. 675(5)(E))."
            )
        ),
    )
