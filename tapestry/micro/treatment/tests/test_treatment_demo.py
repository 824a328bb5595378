"""The demo gives the caseworker a mental-health case and a substance-use case with plans, check-ins
and team notes, and one release made under the written consent on file; a second run adds nothing."""

from __future__ import annotations

import pytest

from tapestry.access.models import AuditEntry, Segment
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.treatment import demo
from tapestry.micro.treatment.disclosure import REDISCLOSURE_NOTICE
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> str:
    demo_load()
    return demo.seed(DemoContext.load("treatment-2026"))


def test_a_mental_health_and_a_substance_use_case_get_plans_check_ins_and_notes(seeded):
    plans = TreatmentPlan.objects.select_related("case__worker")

    assert {plan.case.case_type for plan in plans} == {"mental_health", "substance_use"}
    assert {plan.case.worker.username for plan in plans} == {"caseworker"}
    for plan in plans:
        assert MedicationCheckin.objects.filter(case=plan.case).count() >= 3
        assert TeamNote.objects.filter(case=plan.case).values("discipline").distinct().count() >= 3
    assert "substance-use case with a release" in seeded


def test_the_release_goes_to_harbourview_under_the_written_consent_on_file(seeded):
    release = Release.objects.select_related("consent", "recipient", "case").get()

    assert release.recipient.name == "Harbourview Recovery Clinic"
    assert release.case.segment == Segment.SUBSTANCE_USE
    assert release.consent.written
    assert release.consent.segment == Segment.SUBSTANCE_USE
    assert release.consent.person_id == release.case.person_id
    assert release.redisclosure_notice == REDISCLOSURE_NOTICE
    assert AuditEntry.objects.filter(action="export", object_type="treatment.release").count() == 1


def test_a_second_run_adds_nothing(seeded):
    counts = TreatmentPlan.objects.count(), Release.objects.count(), TeamNote.objects.count()

    assert demo.seed(DemoContext.load("treatment-2026")) == ""
    assert (TreatmentPlan.objects.count(), Release.objects.count(), TeamNote.objects.count()) == counts
