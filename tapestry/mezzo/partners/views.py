"""Pages of partnerships: the partner list, the partner page, agreements, contacts, incoming referrals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.partners import selectors, services
from tapestry.mezzo.partners.forms import ContactForm, IncomingReferralForm, PartnershipForm
from tapestry.people.models import Organisation
from tapestry.web.pages import bound, form_page, submit


def _form_page(
    request: HttpRequest, form: forms.BaseForm, *, status: int = 200, **context: Any
) -> HttpResponse:
    """The partners form page; an invalid form or a refusal answers 400 (a stale edit keeps its 409)."""
    if status == 200 and form.errors:
        status = 400
    return form_page(request, "partners/form.html", form=form, status=status, **context)


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
    partnership, _ = submit(
        form,
        lambda: services.partnership_create(
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            programs=form.cleaned_data["programs"],
            contacts=form.cleaned_data["contacts"],
            **form.changes(),
        ),
    )
    if partnership is not None:
        messages.success(request, f"The {partnership.get_agreement_type_display().lower()} is recorded.")
        return redirect("partners:partner_detail", pk=partnership.organisation_id)
    return _form_page(request, form, title="Record a partnership", organisation=organisation)


def partnership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.partnership_get(user=request.user, partnership_id=pk)
    initial = {
        "agreement_type": partnership.agreement_type,
        "status": partnership.status,
        "signed_on": partnership.signed_on,
        "starts_on": partnership.starts_on,
        "ends_on": partnership.ends_on,
        "lead": partnership.lead_id,
        "notes": partnership.notes,
        "programs": [p.pk for p in partnership.programs.all()],
        "contacts": [c.pk for c in partnership.contacts.all()],
        "version": partnership.version,
    }
    form = _partnership_form(request, organisation=partnership.organisation, initial=initial, editing=True)
    updated, status = submit(
        form,
        lambda: services.partnership_update(
            actor=request.user,
            partnership=partnership,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            programs=form.cleaned_data["programs"],
            contacts=form.cleaned_data["contacts"],
        ),
    )
    if updated is not None:
        messages.success(request, "The partnership is saved.")
        return redirect("partners:partner_detail", pk=partnership.organisation_id)
    return _form_page(
        request,
        form,
        status=status,
        title=f"Change the {partnership.get_agreement_type_display().lower()}",
        organisation=partnership.organisation,
    )


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.partner_organisation(user=request.user, organisation_id=pk)
    form = ContactForm(bound(request), partnerships=selectors.live_partnerships(organisation=organisation))
    contact, _ = submit(
        form,
        lambda: services.partner_contact_add(
            actor=request.user,
            organisation=organisation,
            partnership=form.cleaned_data["partnership"],
            **form.contact_fields(),
        ),
    )
    if contact is not None:
        messages.success(request, f"{contact.name} is added as a contact.")
        return redirect("partners:partner_detail", pk=organisation.pk)
    return _form_page(request, form, title=f"Add a contact at {organisation}", organisation=organisation)


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
    referral, _ = submit(
        form,
        lambda: services.incoming_referral_record(
            actor=request.user,
            partnership=partnership,
            case=form.cleaned_data["case"],
            reason=form.cleaned_data["reason"],
            received_on=form.cleaned_data["received_on"],
            need=form.cleaned_data["need"],
        ),
    )
    if referral is not None:
        messages.success(request, f"The referral from {partnership.organisation} is recorded.")
        return redirect("partners:partner_detail", pk=partnership.organisation_id)
    return _form_page(
        request,
        form,
        title=f"Record a referral from {partnership.organisation}",
        organisation=partnership.organisation,
        intro=f"Under the {partnership.get_agreement_type_display().lower()}. "
        "The referral is kept on the case; only staff who may open the case see it.",
    )
