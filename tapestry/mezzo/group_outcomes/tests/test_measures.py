"""Recording members' pre and post measures: scored by the micro instruments, once per phase, corrected openly."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.mezzo.group_outcomes import services
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.mezzo.group_outcomes.tests.factories import answers_for, enrol, make_group, measure
from tapestry.mezzo.groups.models import Membership
from tapestry.micro.assessments.instruments import PHQ9
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(cast):
    return cast["group_facilitator"]


@pytest.fixture
def group(facilitator):
    return make_group([facilitator], instruments=("phq-9", "gad-7"))


def record_url(group, membership, code="phq-9", phase="pre"):
    return reverse("group_outcomes:measure_record", args=[group.pk, membership.pk, code, phase])


def test_a_phq9_pre_measure_gets_the_micro_score_and_band(facilitator, group):
    member = enrol(group)
    answers = answers_for("phq-9", 16)

    result = measure(facilitator, member, "pre", 16)

    expected = PHQ9.score(answers)
    assert (result.total_score, result.severity_band) == (expected.total, expected.band)
    assert result.severity_band == "Moderately severe"
    assert result.answers == answers


def test_the_facilitator_records_a_measure_on_the_form(facilitator, group):
    member = enrol(group)
    data = {**answers_for("phq-9", 7), "administered_on": group.first_session_on.isoformat(), "note": ""}

    response = client_for(facilitator).post(record_url(group, member), data)

    assert response.status_code == 302
    saved = MemberMeasure.objects.get(membership=member)
    assert (saved.phase, saved.total_score, saved.severity_band) == ("pre", 7, "Mild")
    entry = AuditEntry.objects.filter(object_type="group_outcomes.membermeasure", action="create").get()
    assert entry.person_id == member.person_id and "answers" in entry.fields


def test_missing_and_unlisted_answers_are_reported_beside_each_item(facilitator, group):
    member = enrol(group)
    answers = answers_for("phq-9", 5)
    answers.pop("q2")
    answers["q4"] = "7"

    response = client_for(facilitator).post(
        record_url(group, member), {**answers, "administered_on": group.first_session_on.isoformat()}
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["q2"] == ["Choose an answer."]
    assert form.errors["q4"] == ["Select a valid choice. 7 is not one of the available choices."]
    assert not MemberMeasure.objects.exists()


def test_the_service_names_each_bad_item(facilitator, group):
    member = enrol(group)
    with pytest.raises(services.MeasureInvalid) as error:
        services.measure_record(
            actor=facilitator,
            membership=member,
            instrument="gad-7",
            phase="pre",
            answers={"q1": "9", "q99": "1"},
        )
    errors = error.value.message_dict
    assert errors["q1"] == ["Choose one of the listed answers."]
    assert errors["q99"] == ["This question is not part of the GAD-7."]
    assert errors["q2"] == ["Choose an answer."]


def test_a_second_measure_at_the_same_phase_is_refused_with_a_message(facilitator, group):
    member = enrol(group)
    first = measure(facilitator, member, "pre", 14)
    data = {**answers_for("phq-9", 3), "administered_on": group.first_session_on.isoformat()}

    response = client_for(facilitator).post(record_url(group, member), data, follow=True)

    assert response.redirect_chain[-1][0] == reverse("group_outcomes:measure_correct", args=[first.pk])
    assert "already recorded for this member" in response.content.decode()
    assert MemberMeasure.objects.get().total_score == 14
    # Another instrument, or the other phase, is a different measure.
    assert measure(facilitator, member, "post", 9).phase == "post"
    assert measure(facilitator, member, "pre", 6, code="gad-7").instrument == "gad-7"


def test_a_correction_replaces_the_score_and_keeps_the_reason(facilitator, group):
    member = enrol(group)
    first = measure(facilitator, member, "pre", 14)
    data = {
        **answers_for("phq-9", 11),
        "administered_on": group.first_session_on.isoformat(),
        "reason": "Questions 3 and 4 were swapped",
        "version": first.version,
    }

    response = client_for(facilitator).post(reverse("group_outcomes:measure_correct", args=[first.pk]), data)

    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.total_score, first.severity_band, first.version) == (11, "Moderate", 2)
    assert first.correction_reason == "Questions 3 and 4 were swapped"
    with pytest.raises(StaleEdit):
        services.measure_correct(
            actor=facilitator,
            measure=first,
            version=1,
            answers=answers_for("phq-9", 2),
            administered_on=first.administered_on,
            reason="again",
        )


def test_a_correction_needs_a_reason(facilitator, group):
    first = measure(facilitator, enrol(group), "pre", 14)
    with pytest.raises(services.MeasureInvalid) as error:
        services.measure_correct(
            actor=facilitator,
            measure=first,
            version=first.version,
            answers=answers_for("phq-9", 2),
            administered_on=first.administered_on,
            reason=" ",
        )
    assert error.value.message_dict == {"reason": ["Say why the measure is corrected."]}


def test_a_too_long_correction_reason_is_refused_not_cut_short(facilitator, group):
    first = measure(facilitator, enrol(group), "pre", 14)
    with pytest.raises(services.MeasureInvalid) as error:
        services.measure_correct(
            actor=facilitator,
            measure=first,
            version=first.version,
            answers=answers_for("phq-9", 2),
            administered_on=first.administered_on,
            reason="x" * 256,
        )
    assert error.value.message_dict == {"reason": ["Keep the reason to 255 characters."]}
    first.refresh_from_db()
    assert (first.total_score, first.version, first.correction_reason) == (14, 1, "")


def test_only_instruments_the_group_uses_and_only_members_not_waiting(facilitator, group):
    member = enrol(group)
    waiting = enrol(group, status=Membership.Status.WAITING, waiting_position=1)
    with pytest.raises(services.MeasureInvalid) as error:
        measure(facilitator, member, "pre", 2, code="audit-c")
    assert error.value.message_dict["instrument"] == [
        "This group does not use the AUDIT-C; add it to the group first."
    ]
    with pytest.raises(services.MeasureInvalid) as error:
        measure(facilitator, waiting, "pre", 2)
    assert "waiting list" in error.value.message_dict["membership"][0]


def test_a_future_date_is_refused(facilitator, group):
    with pytest.raises(services.MeasureInvalid) as error:
        measure(facilitator, enrol(group), "pre", 2, on=timezone.localdate() + timezone.timedelta(days=1))
    assert error.value.message_dict == {"administered_on": ["A measure cannot be dated in the future."]}


def test_someone_who_does_not_run_the_group_cannot_record(cast, group):
    member = enrol(group)
    other = cast["community_educator"]

    response = client_for(other).get(record_url(group, member))

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        measure(other, member, "pre", 3)


def test_the_measures_page_lists_members_and_opens_with_an_audit_entry(facilitator, group):
    member = enrol(group)
    measure(facilitator, member, "pre", 12)

    response = client_for(facilitator).get(reverse("group_outcomes:measures", args=[group.pk]))

    page = response.content.decode()
    assert member.person.display_name in page
    assert "12 (Moderate)" in page
    assert record_url(group, member, phase="post") in page
    assert AuditEntry.objects.filter(action="view", object_type="group_outcomes.membermeasure").exists()


def test_the_facilitator_adds_an_instrument(facilitator, group):
    url = reverse("group_outcomes:instrument_add", args=[group.pk])
    response = client_for(facilitator).post(url, {"instrument": "dast-10"}, follow=True)
    assert "The group now measures with this instrument." in response.content.decode()
    assert group.outcome_instruments.filter(instrument="dast-10").exists()
    # The C-SSRS screen is a risk triage, not an outcome measure: not offered.
    response = client_for(facilitator).post(url, {"instrument": "c-ssrs-screen"}, follow=True)
    assert "Choose one of the listed instruments." in response.content.decode()
