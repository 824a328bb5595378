"""Pages of coalitions: the list, a coalition's page, and the forms of its work."""

from __future__ import annotations

from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.macro import choices
from tapestry.macro.coalitions import selectors, services
from tapestry.macro.coalitions.forms import (
    ActionForm,
    CoalitionForm,
    GoalForm,
    GoalStatusForm,
    MeetingForm,
    MemberForm,
)
from tapestry.macro.coalitions.models import Coalition
from tapestry.web.pages import act, bound, save_page

TEMPLATE = "coalitions/form.html"


def _page(coalition_id: int) -> str:
    return reverse("coalitions:coalition_detail", args=[coalition_id])


def coalition_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Coalition.Status.values else ""
    context = {
        "coalitions": selectors.coalition_list(user=request.user, status=status),
        "statuses": Coalition.Status.choices,
        "status": status,
        "can_change": has_capability(request.user, Capability.POLICY_WORK),
    }
    return render(request, "coalitions/coalition_list.html", context)


def coalition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.coalition_get(user=request.user, coalition_id=pk)
    items = list(coalition.action_items.all())
    context = {
        "coalition": coalition,
        "members": [member for member in coalition.memberships.all() if member.left_on is None],
        "former_members": [member for member in coalition.memberships.all() if member.left_on is not None],
        "open_actions": [item for item in items if item.done_on is None],
        "done_actions": [item for item in items if item.done_on is not None],
        "goal_statuses": GoalStatusForm.base_fields["status"].choices,
        "can_change": has_capability(request.user, Capability.POLICY_WORK),
    }
    return render(request, "coalitions/coalition_detail.html", context)


def _coalition_form(request: HttpRequest, **kwargs: object) -> CoalitionForm:
    return CoalitionForm(
        bound(request), needs=choices.need_choices(), staff=choices.staff_choices(), **kwargs
    )


def coalition_create(request: HttpRequest) -> HttpResponse:
    form = _coalition_form(request, initial={"our_lead": request.user.pk})
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.coalition_create(
            actor=request.user, needs=form.cleaned_data["needs"], **form.fields_sent()
        ),
        done=lambda coalition: gettext("%(name)s is recorded.") % {"name": coalition.name},
        then=lambda coalition: _page(coalition.pk),
        title=gettext("Record a coalition"),
    )


def coalition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.coalition_get(user=request.user, coalition_id=pk)
    initial = model_to_dict(coalition, fields=[*services.COALITION_FIELDS, "version"])
    initial["needs"] = [need.pk for need in coalition.needs.all()]
    form = _coalition_form(request, initial=initial)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.coalition_update(
            actor=request.user,
            coalition=coalition,
            version=form.cleaned_data["version"] or 0,
            changes=form.fields_sent(),
            needs=form.cleaned_data["needs"],
        ),
        done=gettext("The coalition is saved."),
        then=_page(coalition.pk),
        title=gettext("Change %(name)s") % {"name": coalition.name},
        coalition=coalition,
    )


def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.coalition_get(user=request.user, coalition_id=pk)
    form = MemberForm(bound(request), organisations=choices.organisation_choices())
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.member_add(actor=request.user, coalition=coalition, **form.cleaned_data),
        done=lambda member: gettext("%(organisation)s is added to %(name)s.")
        % {"organisation": member.organisation, "name": coalition.name},
        then=_page(coalition.pk),
        title=gettext("Add a member organisation to %(name)s") % {"name": coalition.name},
        coalition=coalition,
    )


@require_POST
def member_leave(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.membership_get(user=request.user, membership_id=pk)
    act(
        request,
        lambda: services.member_leave(actor=request.user, membership=member),
        gettext("%(organisation)s has left the coalition.") % {"organisation": member.organisation},
    )
    return redirect(_page(member.coalition_id))


def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.coalition_get(user=request.user, coalition_id=pk)
    form = GoalForm(bound(request))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.goal_add(actor=request.user, coalition=coalition, **form.cleaned_data),
        done=gettext("The shared goal is added."),
        then=_page(coalition.pk),
        title=gettext("Add a shared goal of %(name)s") % {"name": coalition.name},
        coalition=coalition,
    )


@require_POST
def goal_status(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_get(user=request.user, goal_id=pk)
    form = GoalStatusForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: services.goal_set_status(actor=request.user, goal=goal, **form.cleaned_data),
            lambda saved: gettext("The goal is now: %(status)s.")
            % {"status": saved.get_status_display().lower()},
        )
    return redirect(_page(goal.coalition_id))


def meeting_record(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.coalition_get(user=request.user, coalition_id=pk)
    form = MeetingForm(
        bound(request), members=selectors.current_members(coalition), staff=choices.staff_choices()
    )
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.meeting_record(actor=request.user, coalition=coalition, **form.meeting()),
        done=gettext("The meeting is recorded."),
        then=_page(coalition.pk),
        title=gettext("Record a meeting of %(name)s") % {"name": coalition.name},
        coalition=coalition,
    )


def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.action_get(user=request.user, action_id=pk)
    coalition = item.coalition
    initial = model_to_dict(item, fields=["action", "owner", "our_owner", "due_on", "done_on", "version"])
    form = ActionForm(
        bound(request),
        initial=initial,
        members=selectors.current_members(coalition),
        staff=choices.staff_choices(),
    )
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.action_update(
            actor=request.user, item=item, version=form.cleaned_data["version"] or 0, changes=form.changes()
        ),
        done=gettext("The action item is saved."),
        then=_page(coalition.pk),
        title=gettext("Change an action item"),
        coalition=coalition,
    )
