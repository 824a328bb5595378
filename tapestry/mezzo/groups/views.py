"""Pages for groups: the catalogue, my groups, a group's page, create and edit, members, calendars."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.groups import ical, selectors, services
from tapestry.mezzo.groups.availability import group_availability
from tapestry.mezzo.groups.forms import CommunityMemberForm, EnrolFromCaseForm, ExitForm, GroupForm
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.schedule import next_session_on, schedule_in_words, session_dates
from tapestry.micro.cases.selectors import need_choices
from tapestry.places.selectors import area_choices
from tapestry.programs import selectors as program_selectors
from tapestry.web.pages import bound, save_page, submit

PAGE_SIZE = 50


def _describe(groups: list[Group]) -> list[Group]:
    today = timezone.localdate()
    for group in groups:
        group.schedule_words = schedule_in_words(group)
        group.availability = group_availability(group)
        group.next_session = next_session_on(group, today=today)
    return groups


def _int_or_none(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def group_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in Group.Kind.values else ""
    need = request.GET.get("need", "")[:80]
    program_id = _int_or_none(request.GET.get("program"))
    area_id = _int_or_none(request.GET.get("area"))
    found = selectors.group_list(
        user=request.user, kind=kind, need=need, program_id=program_id, area_id=area_id
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = {"kind": kind, "need": need, "program": program_id or "", "area": area_id or ""}
    context = {
        "page": page,
        "groups": _describe(list(page.object_list)),
        "kinds": Group.Kind.choices,
        "needs": need_choices(),
        "programs": program_selectors.program_list(user=request.user),
        "areas": area_choices(),
        "filters": filters,
        "filter_query": urlencode({k: v for k, v in filters.items() if v}),
        "can_run": has_capability(request.user, Capability.GROUP_RUN),
    }
    return render(request, "groups/group_list.html", context)


def my_groups(request: HttpRequest) -> HttpResponse:
    groups = _describe(list(selectors.groups_run(user=request.user)))
    return render(request, "groups/my_groups.html", {"groups": groups})


def _group_page(
    request: HttpRequest,
    group: Group | None,
    save: Callable[[GroupForm], Group],
    done: str | Callable[[Group], str],
) -> HttpResponse:
    """The group's form, new or to edit; once saved, the group's page."""
    form = GroupForm(
        bound(request),
        instance=group,
        facilitators=selectors.facilitator_choices(),
        needs=need_choices(),
        programs=selectors.program_choices(group=group),
        areas=area_choices(),
    )
    if group is None and not form.is_bound:
        form.initial.setdefault("facilitators", [request.user.pk])
    return save_page(
        request,
        "groups/group_form.html",
        form=form,
        call=lambda: save(form),
        done=done,
        then=lambda saved: reverse("groups:group_detail", args=[saved.pk]),
        invalid=200,
        group=group,
    )


def group_create(request: HttpRequest) -> HttpResponse:
    return _group_page(
        request,
        None,
        lambda form: services.group_create(actor=request.user, **form.relations(), **form.facts()),
        done=lambda group: gettext("The group “%(name)s” is set up.") % {"name": group.name},
    )


def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.group_get_run(user=request.user, group_id=pk)
    return _group_page(
        request,
        group,
        lambda form: services.group_update(
            actor=request.user,
            group=group,
            version=form.cleaned_data["version"] or 0,
            changes=form.facts(),
            **form.relations(),
        ),
        done=gettext("Changes saved."),
    )


def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = _describe([selectors.group_get(user=request.user, group_id=pk)])[0]
    roster = selectors.group_roster(user=request.user, group=group)
    context = {
        "group": group,
        "roster": roster,
        "upcoming": session_dates(group, limit=6, on_or_after=timezone.localdate()),
        "register_form": CommunityMemberForm() if group.runs else None,
        # Readers of aggregates (program managers, evaluators) get the outcome summary, never rows.
        "sees_summary": has_capability(request.user, Capability.AGGREGATE_READ),
    }
    return render(request, "groups/group_detail.html", context)


def member_register(request: HttpRequest, pk: int) -> HttpResponse:
    group = _describe([selectors.group_get_run(user=request.user, group_id=pk)])[0]
    form = CommunityMemberForm(bound(request))

    def register() -> Membership:
        data = form.cleaned_data
        return services.community_member_register(
            actor=request.user,
            group=group,
            member=services.CommunityMember(**{name: data[name] for name in services.MEMBER_FIELDS}),
            wait_list=data["wait_list"],
            joined_on=data["joined_on"],
        )

    return save_page(
        request,
        "groups/member_register.html",
        form=form,
        call=register,
        done=_joined_message,
        then=reverse("groups:group_detail", args=[group.pk]),
        invalid=200,
        group=group,
    )


def _joined_message(membership: Membership) -> str:
    name = membership.person.display_name
    if membership.status == Membership.Status.WAITING:
        return gettext(
            "The group is full: %(name)s is number %(position)s on the waiting list "
            "and moves in when a place frees up."
        ) % {"name": name, "position": membership.waiting_position}
    return gettext("%(name)s is enrolled in %(group)s.") % {"name": name, "group": membership.group.name}


def membership_exit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_get(user=request.user, membership_id=pk, for_change=True)
    if membership.status == Membership.Status.EXITED:
        messages.info(request, gettext("This person has already left the group."))
        return redirect("groups:group_detail", pk=membership.group_id)
    audit_form_open(request, obj=membership, fields=["name", "group"], purpose="form: exit a member")
    form = ExitForm(bound(request), initial={"version": membership.version})
    waiting = membership.status == Membership.Status.WAITING
    what = (
        gettext("%(name)s is off the waiting list.") if waiting else gettext("%(name)s has left the group.")
    )
    return save_page(
        request,
        "groups/membership_exit.html",
        form=form,
        call=lambda: services.membership_exit(actor=request.user, membership=membership, **form.cleaned_data),
        done=what % {"name": membership.person.display_name},
        then=reverse("groups:group_detail", args=[membership.group_id]),
        invalid=200,
        membership=membership,
    )


# From a client's case -----------------------------------------------------------------------


def _case_page(
    request: HttpRequest, case_pk: int, form: EnrolFromCaseForm | None = None, status: int = 200
) -> HttpResponse:
    case = selectors.case_for_groups(user=request.user, case_id=case_pk)
    memberships = selectors.person_memberships(user=request.user, case=case)
    offer = _describe(selectors.groups_on_offer(user=request.user, case=case)) if case.can_change else []
    if form is None and case.can_change and case.status != case.Status.CLOSED:
        form = EnrolFromCaseForm(groups=selectors.groups_by_ids([g.pk for g in offer]))
    context = {"case": case, "memberships": memberships, "offer": offer, "form": form}
    return render(request, "groups/case_index.html", context, status=status)


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    return _case_page(request, case_pk)


def case_enrol(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_changeable_for_groups(user=request.user, case_id=case_pk)
    if request.method != "POST":
        return redirect("groups:case_index", case_pk=case.pk)
    form = EnrolFromCaseForm(request.POST, groups=selectors.groups_not_ended())
    membership, _ = submit(
        form, lambda: services.membership_enrol_from_case(actor=request.user, case=case, **form.cleaned_data)
    )
    if membership is not None:
        messages.success(request, _joined_message(membership))
        return redirect("groups:case_index", case_pk=case.pk)
    return _case_page(request, case_pk, form, status=422)


# Calendars ----------------------------------------------------------------------------------


def group_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.group_get(user=request.user, group_id=pk)
    return ical.ics_response([group], f"group-{group.pk}.ics")


def my_calendar(request: HttpRequest) -> HttpResponse:
    return ical.ics_response(list(selectors.groups_run(user=request.user)), "my-groups.ics")
