"""Pages of partnerships: the partner list, the partner page, agreements, contacts, incoming referrals."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.partners import selectors, services
from tapestry.mezzo.partners.forms import ContactForm, IncomingReferralForm, PartnershipForm
from tapestry.people.models import Organisation
from tapestry.web.pages import bound, save_page

TEMPLATE = "partners/form.html"


def _partner_page(organisation_id: int) -> str:
    return reverse("partners:partner_detail", args=[organisation_id])


def partner_list(request: HttpRequest) -> HttpResponse:
    partnerships = list(
        selectors.partnership_list(user=request.user, renewal_due=request.GET.get("renewal") == "due")
    )
    context = {
        "partnerships": partnerships,
        "renewal_filter": request.GET.get("renewal") == "due",
        "can_change": has_capability(request.user, Capability.ORGANISATION_WRITE),
    }
    return render(request, "partners/partner_list.html", context)


def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.partner_page(user=request.user, organisation_id=pk)
    context = {
        "page": page,
        "organisation": page.organisation,
        "can_change": has_capability(request.user, Capability.ORGANISATION_WRITE),
        "can_record_incoming": has_capability(request.user, Capability.PERSON_WRITE),
    }
    return render(request, "partners/partner_detail.html", context)


def _partnership_form(
    request: HttpRequest, *, organisation: Organisation | None, **kwargs: Any
) -> PartnershipForm:
    return PartnershipForm(
        bound(request),
        organisations=selectors.organisation_choices(),
        staff=selectors.staff_choices(),
        programs=selectors.program_choices(),
        contacts=selectors.contact_choices(organisation=organisation),
        **kwargs,
    )


def partnership_create(request: HttpRequest) -> HttpResponse:
    organisation = None
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    # isdecimal, not isdigit: "²" is a digit that int() refuses, which would be a 500.
    if chosen and chosen.isdecimal():
        organisation = selectors.organisation_by_id(int(chosen))
    form = _partnership_form(
        request,
        organisation=organisation,
        initial={"organisation": organisation.pk if organisation else None, "lead": request.user.pk},
    )
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.partnership_create(
            actor=request.user,
            **{name: value for name, value in form.cleaned_data.items() if name != "version"},
        ),
        done=lambda partnership: gettext("The %(agreement)s is recorded.")
        % {"agreement": partnership.get_agreement_type_display().lower()},
        then=lambda partnership: _partner_page(partnership.organisation_id),
        title=gettext("Record a partnership"),
        organisation=organisation,
    )


def partnership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_get(user=request.user, partnership_id=pk)
    initial = model_to_dict(
        partnership, fields=[*services.PARTNERSHIP_FIELDS, "programs", "contacts", "version"]
    )
    form = _partnership_form(request, organisation=partnership.organisation, initial=initial, editing=True)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.partnership_update(
            actor=request.user,
            partnership=partnership,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            programs=form.cleaned_data["programs"],
            contacts=form.cleaned_data["contacts"],
        ),
        done=gettext("The partnership is saved."),
        then=_partner_page(partnership.organisation_id),
        title=gettext("Change the %(agreement)s")
        % {"agreement": partnership.get_agreement_type_display().lower()},
        organisation=partnership.organisation,
    )


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.partner_organisation(user=request.user, organisation_id=pk)
    form = ContactForm(bound(request), partnerships=selectors.live_partnerships(organisation=organisation))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.partner_contact_add(
            actor=request.user, organisation=organisation, **form.cleaned_data
        ),
        done=lambda contact: gettext("%(name)s is added as a contact.") % {"name": contact.name},
        then=_partner_page(organisation.pk),
        title=gettext("Add a contact at %(partner)s") % {"partner": organisation},
        organisation=organisation,
    )


def incoming_referral_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_get(user=request.user, partnership_id=pk)
    # The form lists the cases a referral may land on, by the person's name: a read of those cases.
    audit_form_open(
        request,
        object_type="cases.case",
        fields=["person", "number"],
        purpose="form: record an incoming referral",
    )
    form = IncomingReferralForm(
        bound(request),
        cases=selectors.cases_for_incoming(user=request.user),
        needs=selectors.need_choices(),
    )
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.incoming_referral_record(
            actor=request.user, partnership=partnership, **form.cleaned_data
        ),
        done=gettext("The referral from %(partner)s is recorded.") % {"partner": partnership.organisation},
        then=_partner_page(partnership.organisation_id),
        title=gettext("Record a referral from %(partner)s") % {"partner": partnership.organisation},
        organisation=partnership.organisation,
        intro=gettext(
            "Under the %(agreement)s. The referral is kept on the case; only staff who may open the case see it."
        )
        % {"agreement": partnership.get_agreement_type_display().lower()},
    )
