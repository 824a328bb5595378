"""Pages of campaigns: the list, a campaign's page, petitions, supporters, and the forms of the work."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.directory.services import NewService
from tapestry.macro import choices
from tapestry.macro.campaigns import osdi, selectors, services
from tapestry.macro.campaigns.forms import (
    ActivityForm,
    AttendeeForm,
    CampaignForm,
    MilestoneForm,
    OsdiImportForm,
    OutreachForm,
    PetitionForm,
    SignatureForm,
    SupporterForm,
    TargetForm,
    WonServiceForm,
)
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.fundraising.selectors import campaign_revenue
from tapestry.web.pages import act, bound, save_page

TEMPLATE = "campaigns/form.html"


def _page(campaign_id: int) -> str:
    return reverse("campaigns:campaign_detail", args=[campaign_id])


def _may_change(request: HttpRequest) -> bool:
    return has_capability(request.user, Capability.POLICY_WORK)


def campaign_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in Campaign.Kind.values else ""
    status = request.GET.get("status", "")
    status = status if status in Campaign.Status.values else ""
    context = {
        "campaigns": selectors.campaign_list(user=request.user, kind=kind, status=status),
        "kinds": Campaign.Kind.choices,
        "statuses": Campaign.Status.choices,
        "kind": kind,
        "status": status,
        "can_change": _may_change(request),
    }
    return render(request, "campaigns/campaign_list.html", context)


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, campaign_id=pk)
    context = {
        "campaign": campaign,
        "can_change": _may_change(request) and not campaign.is_finished,
        "can_edit": _may_change(request),
        "can_add_won": _may_change(request) and campaign.status in services.WON,
        "revenue": campaign_revenue(campaign, campaign.revenue_raised, campaign.donor_count),
    }
    return render(request, "campaigns/campaign_detail.html", context)


def _campaign_form(request: HttpRequest, **kwargs: Any) -> CampaignForm:
    return CampaignForm(
        bound(request),
        needs=choices.need_choices(),
        organisations=choices.organisation_choices(),
        coalitions=selectors.coalition_choices(),
        staff=choices.staff_choices(),
        **kwargs,
    )


def campaign_create(request: HttpRequest) -> HttpResponse:
    form = _campaign_form(request, initial={"lead": request.user.pk})
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.campaign_create(
            actor=request.user,
            needs=form.cleaned_data["needs"],
            partners=form.cleaned_data["partners"],
            **form.fields_sent(),
        ),
        done=lambda campaign: gettext("%(title)s is recorded.") % {"title": campaign.title},
        then=lambda campaign: _page(campaign.pk),
        title=gettext("Start a campaign"),
    )


def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, campaign_id=pk)
    initial = model_to_dict(campaign, fields=[*services.CAMPAIGN_FIELDS, "version"])
    initial["needs"] = [need.pk for need in campaign.needs.all()]
    initial["partners"] = [organisation.pk for organisation in campaign.partners.all()]
    form = _campaign_form(request, initial=initial)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.campaign_update(
            actor=request.user,
            campaign=campaign,
            version=form.cleaned_data["version"] or 0,
            changes=form.fields_sent(),
            needs=form.cleaned_data["needs"],
            partners=form.cleaned_data["partners"],
        ),
        done=gettext("The campaign is saved."),
        then=_page(campaign.pk),
        title=gettext("Change %(title)s") % {"title": campaign.title},
        campaign=campaign,
    )


def won_service_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A won campaign's program into the directory, where workers find it and refer to it."""
    campaign = selectors.campaign_get(user=request.user, campaign_id=pk)
    form = WonServiceForm(
        bound(request),
        needs=choices.need_choices(),
        initial={"needs": [need.pk for need in campaign.needs.all()]},
    )
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.won_service_add(
            actor=request.user,
            campaign=campaign,
            new=NewService(**{**form.cleaned_data, "needs": list(form.cleaned_data["needs"])}),
        ),
        done=lambda service: gettext("%(service)s is in the directory, won by %(campaign)s.")
        % {"service": service.name, "campaign": campaign.title},
        then=lambda service: reverse("directory:service_detail", args=[service.pk]),
        title=gettext("Add the program it won to the directory: %(title)s") % {"title": campaign.title},
        intro=gettext(
            "Workers will find it in the directory and on a case's level advisor by the needs it meets "
            "and where it is, and refer clients to it."
        ),
        submit=gettext("Add to the directory"),
        campaign=campaign,
    )


def _part_page(
    request: HttpRequest, pk: int, form_class: type, service: Any, *, title: str, done: str
) -> HttpResponse:
    """The form of one part of a campaign (a target, milestone, activity, petition, outreach)."""
    campaign = selectors.campaign_get(user=request.user, campaign_id=pk)
    targets = campaign.targets.all()
    form_options = {
        name: value
        for name, value in {"targets": targets, "supporters": selectors.supporter_choices()}.items()
        if name in set(getattr(form_class, "choices_from", {}).values())
    }
    form = form_class(bound(request), **form_options)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: service(actor=request.user, campaign=campaign, **form.cleaned_data),
        done=done,
        then=_page(campaign.pk),
        title=title % {"campaign": campaign.title},
        campaign=campaign,
    )


def target_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _part_page(
        request,
        pk,
        TargetForm,
        services.target_add,
        title=gettext("Add a target: %(campaign)s"),
        done=gettext("The target is recorded."),
    )


def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _part_page(
        request,
        pk,
        MilestoneForm,
        services.milestone_add,
        title=gettext("Add a milestone: %(campaign)s"),
        done=gettext("The milestone is recorded."),
    )


def activity_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _part_page(
        request,
        pk,
        ActivityForm,
        services.activity_add,
        title=gettext("Record an activity: %(campaign)s"),
        done=gettext("The activity is recorded."),
    )


def petition_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _part_page(
        request,
        pk,
        PetitionForm,
        services.petition_add,
        title=gettext("Start a petition: %(campaign)s"),
        done=gettext("The petition is recorded."),
    )


def outreach_log(request: HttpRequest, pk: int) -> HttpResponse:
    return _part_page(
        request,
        pk,
        OutreachForm,
        services.outreach_log,
        title=gettext("Log an outreach: %(campaign)s"),
        done=gettext("The outreach is recorded."),
    )


@require_POST
def milestone_reached(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = selectors.milestone_get(user=request.user, milestone_id=pk)
    act(
        request,
        lambda: services.milestone_reached(actor=request.user, milestone=milestone),
        gettext("The milestone is marked reached."),
    )
    return redirect(_page(milestone.campaign_id))


def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_get(user=request.user, petition_id=pk)
    may_change = _may_change(request)
    context = {
        "petition": petition,
        "campaign": petition.campaign,
        "signatures": selectors.signatures(user=request.user, petition=petition) if may_change else None,
        "can_change": may_change and not petition.campaign.is_finished,
    }
    return render(request, "campaigns/petition_detail.html", context)


def signature_add(request: HttpRequest, pk: int) -> HttpResponse:
    petition = selectors.petition_get(user=request.user, petition_id=pk)
    form = SignatureForm(bound(request), supporters=selectors.supporter_choices())

    def sign() -> Any:
        data = form.cleaned_data
        if data["supporter"]:
            return services.signature_add(
                actor=request.user, petition=petition, supporter=data["supporter"], comments=data["comments"]
            )
        return services.sign_up(
            actor=request.user, petition=petition, supporter=form.new_supporter(), comments=data["comments"]
        )

    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=sign,
        done=lambda signature: gettext("%(supporter)s's signature is recorded.")
        % {"supporter": signature.supporter},
        then=reverse("campaigns:petition_detail", args=[petition.pk]),
        title=gettext("Add a signature: %(title)s") % {"title": petition.title},
        campaign=petition.campaign,
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(user=request.user, event_id=pk)
    may_change = _may_change(request)
    context = {
        "event": event,
        "campaign": event.campaign,
        "attendees": selectors.attendees(user=request.user, event=event) if may_change else None,
        "can_change": may_change and not event.campaign.is_finished,
        "held": event.held_on <= timezone.localdate(),
    }
    return render(request, "campaigns/event_detail.html", context)


def attendee_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(user=request.user, event_id=pk)
    form = AttendeeForm(bound(request), supporters=selectors.supporter_choices())

    def answer() -> Any:
        data = form.cleaned_data
        supporter = data["supporter"] or services.supporter_add(actor=request.user, **form.new_supporter())
        return services.attendee_add(
            actor=request.user,
            event=event,
            supporter=supporter,
            status=data["status"],
            attended=data["attended"],
            comment=data["comment"],
        )

    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: _atomic(answer),
        done=lambda attendee: gettext("%(supporter)s's answer is recorded.")
        % {"supporter": attendee.supporter},
        then=reverse("campaigns:event_detail", args=[event.pk]),
        title=gettext("Record an answer: %(title)s") % {"title": event.title},
        campaign=event.campaign,
    )


def _atomic(call: Any) -> Any:
    with transaction.atomic():
        return call()


@require_POST
def attendee_mark(request: HttpRequest, pk: int) -> HttpResponse:
    attendee = selectors.attendee_get(user=request.user, attendee_id=pk)
    came = request.POST.get("attended") == "true"
    act(
        request,
        lambda: services.attendee_mark(actor=request.user, attendee=attendee, attended=came),
        (
            gettext("%(supporter)s is marked as there.")
            if came
            else gettext("%(supporter)s is marked as not there.")
        )
        % {"supporter": attendee.supporter},
    )
    return redirect(reverse("campaigns:event_detail", args=[attendee.event_id]))


def supporter_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    context = {"supporters": selectors.supporter_list(user=request.user, query=query)[:200], "query": query}
    return render(request, "campaigns/supporter_list.html", context)


def supporter_add(request: HttpRequest) -> HttpResponse:
    form = SupporterForm(bound(request))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.supporter_add(actor=request.user, **form.cleaned_data),
        done=lambda supporter: gettext("%(supporter)s is recorded as a supporter.")
        % {"supporter": supporter},
        then=reverse("campaigns:supporter_list"),
        title=gettext("Record a supporter"),
        intro=gettext(
            "A supporter is a community member who takes part in our campaigns. Their record is kept "
            "apart from client records: nothing of any case is linked to it."
        ),
    )


def osdi_export(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(user=request.user, campaign_id=pk)
    response = JsonResponse(
        osdi.export_campaign(actor=request.user, campaign=campaign), json_dumps_params={"indent": 1}
    )
    response["Content-Disposition"] = f'attachment; filename="campaign-{campaign.pk}-osdi.json"'
    return response


def osdi_import(request: HttpRequest) -> HttpResponse:
    form = OsdiImportForm(bound(request), request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            campaign = osdi.import_campaign(
                actor=request.user, document=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
            )
        except osdi.ImportRefused as refused:
            problems = refused.report.problems
        else:
            messages.success(request, gettext("%(title)s is imported.") % {"title": campaign.title})
            return redirect(_page(campaign.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "campaigns/osdi_import.html", {"form": form, "problems": problems}, status=status)
