"""The alerts follow the client: the partial on every page about them, the alerts page, resolve and raise."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.alerts.models import AlertKind, ClientAlert
from tapestry.micro.alerts.tests.support import phq9
from tapestry.micro.casework.tests.factories import note_for
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for, grant, open_case

pytestmark = pytest.mark.django_db

ITEM_9 = "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered"


@pytest.fixture
def at_risk(cast):
    """A crisis case whose client answered PHQ-9 item 9, with a safety plan and a draft note."""
    case = crisis_case(cast.caseworker)
    phq9(cast.caseworker, case, item9=1)
    plan(cast.caseworker, case)
    note = note_for(cast.caseworker, case)
    return case, note


def pages(case, note) -> dict[str, str]:
    return {
        "person": reverse("people:person_detail", args=[case.person_id]),
        "case": reverse("cases:case_detail", args=[case.pk]),
        "note": reverse("casework:note_detail", args=[note.pk]),
        "new note": reverse("casework:note_create", args=[case.pk]),
        "draft note": reverse("casework:note_edit", args=[note.pk]),
        "safety plan": reverse("crisis:safety_plan", args=[case.pk]),
        "printed safety plan": reverse("crisis:safety_plan_print", args=[case.pk]),
    }


def test_the_alerts_show_on_every_page_about_the_client(cast, at_risk):
    case, note = at_risk
    client = client_for(cast.caseworker)
    missing = []
    for name, url in pages(case, note).items():
        page = client.get(url).content.decode()
        if "data-client-alerts" not in page or ITEM_9 not in page or "Safety plan in force" not in page:
            missing.append(name)
    assert missing == []


def test_the_printout_shows_the_alerts_without_links(cast, at_risk):
    case, _ = at_risk
    page = (
        client_for(cast.caseworker).get(reverse("crisis:safety_plan_print", args=[case.pk])).content.decode()
    )

    section = page[
        page.index("data-client-alerts") : page.index("</section>", page.index("data-client-alerts"))
    ]
    assert ITEM_9 in section
    assert "<a " not in section


def test_a_page_shows_no_alert_to_someone_not_granted_its_segment(cast):
    case = crisis_case(cast.caseworker, segment="substance_use")
    grant(cast.caseworker, "substance_use")
    phq9(cast.caseworker, case)

    page = (
        client_for(cast.teammate).get(reverse("people:person_detail", args=[case.person_id])).content.decode()
    )
    assert "data-client-alerts" not in page and ITEM_9 not in page
    assert "No alerts in force." in page


def test_the_alerts_page_lists_alerts_in_force_and_the_history(cast, at_risk):
    case, _ = at_risk
    old = ClientAlert.objects.get()
    old.resolved_at, old.resolved_by, old.resolution_reason = (
        old.raised_at,
        cast.caseworker,
        "Reviewed today.",
    )
    old.save()
    phq9(cast.caseworker, case, item9=3, total=12)

    page = (
        client_for(cast.caseworker)
        .get(reverse("alerts:person_alerts", args=[case.person_id]))
        .content.decode()
    )

    assert "Reviewed today." in page  # the resolved one stays in the history
    assert "Nearly every day" in page
    assert page.count('data-alert-kind="suicide_risk"') == 1  # only the open one is in force
    assert (
        reverse("alerts:alert_resolve", args=[ClientAlert.objects.get(resolved_at__isnull=True).pk]) in page
    )


def test_resolving_without_a_reason_shows_the_error_by_the_field(cast, at_risk):
    alert = ClientAlert.objects.get()
    url = reverse("alerts:alert_resolve", args=[alert.pk])

    response = client_for(cast.caseworker).post(url, {"reason": " "})

    assert response.status_code == 200
    assert "Say why the alert can be resolved." in response.content.decode()
    alert.refresh_from_db()
    assert alert.resolved_at is None


def test_resolving_with_a_reason_clears_the_alert_from_the_pages(cast, at_risk):
    case, _ = at_risk
    alert = ClientAlert.objects.get()
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("alerts:alert_resolve", args=[alert.pk]), {"reason": "Clinical review: low risk."}
    )

    assert response.status_code == 302
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert ITEM_9 not in page
    assert "Safety plan in force" in page  # the plan is still in force


def test_a_worker_raises_a_concern_from_the_alerts_page(cast):
    case = open_case(cast.caseworker)
    url = reverse("alerts:alert_raise", args=[case.person_id])
    client = client_for(cast.caseworker)

    refused = client.post(url, {"kind": AlertKind.LEGAL_HOLD, "reason": ""})
    assert refused.status_code == 200 and "Say why you raise this alert." in refused.content.decode()
    client.post(url, {"kind": AlertKind.LEGAL_HOLD, "reason": "Court order: no contact with the father."})

    page = client.get(reverse("people:person_detail", args=[case.person_id])).content.decode()
    assert "Legal hold" in page and "Court order: no contact with the father." in page
