"""Alerts are raised from their sources, say why, and stay until a clinician resolves them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.models import AuditEntry, Role, Segment
from tapestry.micro.alerts.models import AlertKind, AlertSource, ClientAlert
from tapestry.micro.alerts.selectors import alerts_for
from tapestry.micro.alerts.services import alert_raise, alert_resolve
from tapestry.micro.alerts.tests.support import cssrs, phq9
from tapestry.micro.assessments.services import assessment_mark_in_error
from tapestry.micro.cases.services import case_close
from tapestry.micro.crisis.tests.factories import assess, crisis_case, plan
from tapestry.testing import UserFactory, assign, grant, open_case

pytestmark = pytest.mark.django_db


def kinds(user, person) -> list[str]:
    return [alert.kind for alert in alerts_for(user=user, person=person)]


# Raised from each source ---------------------------------------------------------------------


def test_a_phq9_with_item_9_answered_raises_a_suicide_risk_alert_naming_item_9(cast):
    case = open_case(cast.caseworker)
    screen = phq9(cast.caseworker, case, item9=2, total=16)

    alert = ClientAlert.objects.get()
    assert (alert.kind, alert.source, alert.source_id) == (
        AlertKind.SUICIDE_RISK,
        AlertSource.SCREEN,
        screen.pk,
    )
    assert "item 9" in alert.reason and "'More than half the days' (2)" in alert.reason
    # Depression severity is a separate finding, never the reason for a suicide-risk alert.
    assert "16" not in alert.reason and "at or above" not in alert.reason
    assert alert.raised_by == cast.caseworker and alert.person_id == case.person_id
    assert AuditEntry.objects.filter(object_type="alerts.clientalert", action="create").exists()


def test_a_high_phq9_total_without_item_9_raises_no_alert(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case, item9=0, total=20)

    assert not ClientAlert.objects.exists()


def test_a_c_ssrs_with_ideation_raises_an_alert_with_its_items(cast):
    case = open_case(cast.caseworker)
    cssrs(cast.caseworker, case, q1="yes", q2="yes", q3="yes", q4="no", q5="no")

    alert = ClientAlert.objects.get()
    assert "C-SSRS screener: moderate risk." in alert.reason
    assert "Yes to item 3 (thoughts of a method)." in alert.reason


def test_a_c_ssrs_with_behaviour_only_raises_an_alert(cast):
    case = open_case(cast.caseworker)
    cssrs(cast.caseworker, case, q6="yes_over_3_months")

    assert "suicidal behaviour more than 3 months ago" in ClientAlert.objects.get().reason


def test_a_clean_c_ssrs_raises_nothing(cast):
    cssrs(cast.caseworker, open_case(cast.caseworker))

    assert not ClientAlert.objects.exists()


def test_a_risk_assessment_at_moderate_suicide_risk_raises_an_alert(cast):
    case = crisis_case(cast.caseworker)
    assessment = assess(cast.caseworker, case, suicide="moderate")

    alert = ClientAlert.objects.get()
    assert (alert.source, alert.source_id) == (AlertSource.RISK_ASSESSMENT, assessment.pk)
    assert "suicide risk moderate" in alert.reason and "Seen at interview." in alert.reason


def test_a_risk_assessment_at_low_suicide_risk_or_other_risks_raises_nothing(cast):
    case = crisis_case(cast.caseworker)
    assess(cast.caseworker, case, suicide="low", violence="high")

    assert not ClientAlert.objects.exists()


# Stays until resolved with a reason ----------------------------------------------------------


def test_a_later_clean_phq9_does_not_clear_the_alert(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case, item9=1)
    phq9(cast.caseworker, case, item9=0, total=2)

    assert kinds(cast.caseworker, case.person) == [AlertKind.SUICIDE_RISK]


def test_a_clinician_resolves_the_alert_with_a_reason(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)
    alert = ClientAlert.objects.get()

    alert_resolve(actor=cast.caseworker, alert=alert, reason="Risk assessment found low risk; plan agreed.")

    alert.refresh_from_db()
    assert alert.resolved_by == cast.caseworker and alert.resolved_at is not None
    assert alert.resolution_reason == "Risk assessment found low risk; plan agreed."
    assert kinds(cast.caseworker, case.person) == []


def test_resolving_without_a_reason_is_refused_and_changes_nothing(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)
    alert = ClientAlert.objects.get()

    with pytest.raises(ValidationError) as refused:
        alert_resolve(actor=cast.caseworker, alert=alert, reason="   ")

    assert "reason" in refused.value.message_dict
    alert.refresh_from_db()
    assert alert.resolved_at is None


def test_an_alert_is_resolved_once(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)
    alert = ClientAlert.objects.get()
    alert_resolve(actor=cast.caseworker, alert=alert, reason="Reviewed.")

    with pytest.raises(ValidationError):
        alert_resolve(actor=cast.caseworker, alert=ClientAlert.objects.get(), reason="Again.")


def test_a_role_without_the_capability_may_not_resolve(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)
    outreach = UserFactory(role=Role.OUTREACH_WORKER)
    assign(outreach, case.person)

    with pytest.raises(PermissionDenied):
        alert_resolve(actor=outreach, alert=ClientAlert.objects.get(), reason="Looks fine to me.")


def test_a_clinician_outside_the_caseload_may_not_resolve(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)

    with pytest.raises(PermissionDenied):
        alert_resolve(actor=cast.outsider, alert=ClientAlert.objects.get(), reason="Reviewed.")


def test_a_screen_marked_in_error_resolves_its_alert_saying_so(cast):
    case = open_case(cast.caseworker)
    screen = phq9(cast.caseworker, case)

    assessment_mark_in_error(
        actor=cast.caseworker, assessment=screen, version=screen.version, reason="Wrong client"
    )

    alert = ClientAlert.objects.get()
    assert alert.resolved_at is not None
    assert alert.resolution_reason.startswith("The screen that raised it was marked as entered in error")


# Raised by hand --------------------------------------------------------------------------------


def test_a_worker_raises_a_home_visit_concern_with_a_reason(cast):
    case = open_case(cast.caseworker)

    alert_raise(
        actor=cast.caseworker, person=case.person, kind=AlertKind.HOME_VISIT_SAFETY, reason="Dog at the door."
    )

    assert kinds(cast.caseworker, case.person) == [AlertKind.HOME_VISIT_SAFETY]


def test_a_hand_raised_alert_needs_a_reason_and_a_hand_kind(cast):
    case = open_case(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        alert_raise(actor=cast.caseworker, person=case.person, kind=AlertKind.SUICIDE_RISK, reason="")

    assert set(refused.value.message_dict) == {"kind", "reason"}
    assert not ClientAlert.objects.exists()


# Alerts read from live records ------------------------------------------------------------------


def test_a_safety_plan_in_force_shows_and_closes_with_its_case(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    assert kinds(cast.caseworker, case.person) == [AlertKind.SAFETY_PLAN]

    case_close(actor=cast.caseworker, case=case, version=case.version, reason="goals_met", note="")

    assert kinds(cast.caseworker, case.person) == []


def test_an_interpreter_need_shows_the_preferred_language(cast):
    case = open_case(cast.caseworker)
    case.person.needs_interpreter = True
    case.person.languages = "Spanish, English"
    case.person.save()

    (alert,) = alerts_for(user=cast.caseworker, person=case.person)
    assert alert.kind == AlertKind.INTERPRETER
    assert alert.reason == "Preferred language: Spanish."


# Segments ---------------------------------------------------------------------------------------


def test_an_alert_from_a_part2_case_shows_only_to_users_granted_the_segment(cast):
    case = open_case(cast.caseworker, case_type="substance_use", segment=Segment.SUBSTANCE_USE)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    phq9(cast.caseworker, case)
    assert ClientAlert.objects.get().segment == Segment.SUBSTANCE_USE

    assert kinds(cast.caseworker, case.person) == [AlertKind.SUICIDE_RISK, AlertKind.PART2]
    # A team-mate sees the person but not the Part 2 record: neither its alert nor the segment's.
    assert kinds(cast.teammate, case.person) == []
    grant(cast.teammate, Segment.SUBSTANCE_USE)
    assert kinds(cast.teammate, case.person) == [AlertKind.SUICIDE_RISK, AlertKind.PART2]


def test_a_school_case_shows_a_ferpa_alert_only_with_the_grant(cast):
    case = open_case(cast.caseworker, case_type="school", segment=Segment.SCHOOL)

    assert kinds(cast.caseworker, case.person) == []
    grant(cast.caseworker, Segment.SCHOOL)
    assert kinds(cast.caseworker, case.person) == [AlertKind.SCHOOL]


def test_no_alert_about_someone_out_of_reach(cast):
    case = open_case(cast.caseworker)
    phq9(cast.caseworker, case)

    assert kinds(cast.outsider, case.person) == []
    assert kinds(cast["group_facilitator"], case.person) == []
