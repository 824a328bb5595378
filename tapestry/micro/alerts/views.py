"""Pages of client alerts: a person's alerts with their history, resolve one, raise a concern."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability
from tapestry.micro.alerts import selectors, services
from tapestry.micro.alerts.forms import AlertRaiseForm, AlertResolveForm
from tapestry.people.selectors import person_get
from tapestry.web.pages import bound, save_page


def person_alerts(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = person_get(user=request.user, person_id=person_pk)
    context = {
        "person": person,
        "in_force": selectors.alerts_for(user=request.user, person=person),
        "history": selectors.alert_history(user=request.user, person=person),
        "can_resolve": policy.has_capability(request.user, Capability.ALERT_RESOLVE),
        "can_raise": policy.can_change_person(request.user, person),
    }
    return render(request, "alerts/person_alerts.html", context)


def alert_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, alert_id=pk, for_change=True)
    audit_form_open(request, obj=alert, person_id=alert.person_id, purpose="form: resolve a client alert")
    form = AlertResolveForm(bound(request))
    return save_page(
        request,
        "alerts/alert_resolve.html",
        form=form,
        call=lambda: services.alert_resolve(
            actor=request.user, alert=alert, reason=form.cleaned_data["reason"]
        ),
        done=lambda saved: gettext("Alert resolved: %(kind)s.") % {"kind": saved.get_kind_display()},
        then=reverse("alerts:person_alerts", kwargs={"person_pk": alert.person_id}),
        invalid=200,
        alert=alert,
        person=alert.person,
        source_url=selectors.source_url(alert),
    )


def alert_raise(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = person_get(user=request.user, person_id=person_pk)
    audit_form_open(request, obj=person, person_id=person.pk, purpose="form: raise a client alert")
    form = AlertRaiseForm(bound(request))
    return save_page(
        request,
        "alerts/alert_raise.html",
        form=form,
        call=lambda: services.alert_raise(
            actor=request.user,
            person=person,
            kind=form.cleaned_data["kind"],
            reason=form.cleaned_data["reason"],
        ),
        done=lambda saved: gettext("Alert raised: %(kind)s.") % {"kind": saved.get_kind_display()},
        then=reverse("alerts:person_alerts", kwargs={"person_pk": person.pk}),
        invalid=200,
        person=person,
    )
