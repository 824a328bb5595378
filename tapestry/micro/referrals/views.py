"""Pages of referrals: a case's referrals, a new referral from the directory, one referral, its summary."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from tapestry.access.audit import audit_form_open
from tapestry.access.errors import StaleEdit
from tapestry.access.policy import Capability, has_capability
from tapestry.directory import selectors as directory
from tapestry.directory.models import Service
from tapestry.directory.views import search_context
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get
from tapestry.micro.referrals import disclosure, selectors, services
from tapestry.micro.referrals.forms import ReferralForm, SendForm, StatusForm
from tapestry.micro.referrals.models import Referral
from tapestry.web.pages import bound, submit


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk)
    referrals = list(selectors.case_referral_list(user=request.user, case=case))
    context = {
        "case": case,
        "referrals": referrals,
        "can_change": has_capability(request.user, Capability.PERSON_WRITE),
    }
    return render(request, "referrals/case_index.html", context)


@vary_on_headers("HX-Request")
def referral_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    """Search the directory from the case, pick a service, then say why and what goes with it."""
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    here = reverse("referrals:referral_create", args=[case.pk])
    if request.method == "GET" and not request.GET:
        # Start with what is near the person's home, when we know where that is.
        postcode = selectors.home_postcode(case=case)
        if postcode:
            return redirect(f"{here}?near_postcode={postcode}")
    chosen_id = request.POST.get("service") or request.GET.get("service")
    service = None
    if chosen_id and chosen_id.isdigit():
        service = directory.service_get(user=request.user, service_id=int(chosen_id))
    case_needs = selectors.case_needs_of(case=case)
    audit_form_open(request, obj=case, fields=["case", "name", "needs"], purpose="form: refer to a service")
    form = ReferralForm(
        bound(request),
        case_needs=case_needs,
        initial={"service": service.pk if service else None, "needs": list(case_needs)},
    )
    referral = None
    if service is not None:
        referral, _ = submit(form, lambda: _create(request, case, service, form.cleaned_data))
    if referral is not None:
        messages.success(request, gettext("Referral to %(service)s recorded.") % {"service": service.name})
        if form.cleaned_data["send_now"]:
            _send(request, referral)
        return redirect("referrals:referral_detail", pk=referral.pk)
    context = search_context(request, results_base=here)
    filters = urlencode({k: v for k, v in request.GET.items() if k not in ("page", "service") and v})
    context.update(
        {
            "case": case,
            "service": service,
            "referral_form": form,
            "pick_prefix": f"{here}?{filters + '&' if filters else ''}service=",
            "search_action": here,
        }
    )
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "directory/_results.html", context)
    return render(request, "referrals/referral_create.html", context, status=400 if form.errors else 200)


def _create(request: HttpRequest, case: Case, service: Service, data: dict[str, Any]) -> Referral:
    chosen = {name: data[name] for name in ("reason", "urgency", "parts")}
    return services.referral_create(
        actor=request.user, case=case, service=service, case_needs=data["needs"], **chosen
    )


def _send(request: HttpRequest, referral: Referral) -> None:
    try:
        services.referral_send(actor=request.user, referral=referral, version=referral.version)
    except disclosure.ConsentMissing as missing:
        messages.error(request, gettext("Not sent: %(reason)s") % {"reason": missing.text})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except StaleEdit as stale:
        messages.error(request, str(stale))
    else:
        messages.success(
            request, gettext("Referral sent to %(service)s.") % {"service": referral.service.name}
        )


def _detail_context(request: HttpRequest, referral: Referral, status_form: StatusForm | None = None) -> dict:
    can_change = has_capability(request.user, Capability.PERSON_WRITE)
    consent = disclosure.consent_in_force(referral)
    consent_url = ""
    if not consent:
        here = reverse("referrals:referral_detail", args=[referral.pk])
        query = urlencode({**disclosure.consent_prefill(referral), "next": here}, doseq=True)
        consent_url = f"{reverse('people:consent_add', args=[referral.case.person_id])}?{query}"
    return {
        "consent_url": consent_url,
        "referral": referral,
        "case": referral.case,
        "can_change": can_change,
        "consent": consent,
        "missing_consent": "" if consent else disclosure.missing_consent_message(referral),
        "status_form": status_form or StatusForm(referral=referral),
        "send_form": SendForm(initial={"version": referral.version}),
        "redisclosure_notice": disclosure.notice_for(referral),
    }


def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_detail(user=request.user, referral_id=pk)
    return render(request, "referrals/referral_detail.html", _detail_context(request, referral))


@require_POST
def referral_send(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_get(user=request.user, referral_id=pk, for_change=True)
    form = SendForm(request.POST)
    if form.is_valid():
        referral.version = form.cleaned_data["version"]
        _send(request, referral)
    else:
        messages.error(request, gettext("The page was out of date; reload it and try again."))
    return redirect("referrals:referral_detail", pk=referral.pk)


@require_POST
def referral_status(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.referral_get(user=request.user, referral_id=pk, for_change=True)
    form = StatusForm(request.POST, referral=referral)
    changed, _ = submit(
        form,
        lambda: services.referral_status_change(actor=request.user, referral=referral, **form.cleaned_data),
    )
    if changed is not None:
        messages.success(
            request, gettext("Referral marked %(status)s.") % {"status": changed.get_status_display().lower()}
        )
        return redirect("referrals:referral_detail", pk=referral.pk)
    # Every refusal, a stale edit too, shows the referral again at 400.
    detailed = selectors.referral_detail(user=request.user, referral_id=pk)
    context = _detail_context(request, detailed, status_form=form)
    return render(request, "referrals/referral_detail.html", context, status=400)


def referral_summary(request: HttpRequest, pk: int) -> HttpResponse:
    summary = selectors.outgoing_summary(user=request.user, referral_id=pk)
    return render(
        request, "referrals/referral_summary.html", {"summary": summary, "referral": summary.referral}
    )
