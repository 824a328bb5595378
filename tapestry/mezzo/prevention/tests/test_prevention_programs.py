"""Prevention programs: who they are for, activities counted (never named), and what changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.mezzo.prevention import services
from tapestry.mezzo.prevention.models import Activity, PreventionProgram
from tapestry.mezzo.prevention.tests.helpers import a_measure, a_program, an_activity, days_ago
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_community_educator_adds_a_program_with_its_factors(cast):
    educator = cast.by_role["community_educator"]

    page = client_for(educator).post(
        reverse("prevention:program_create"),
        {
            "name": "Clear Choices",
            "focus": "substance_use",
            "target_population": "Young people aged 13 to 17",
            "setting": "community",
            "risk_factors": "Easy access to vapes\n\nPeers who use\nPeers who use",
            "protective_factors": "Refusal skills",
            "starts_on": days_ago(30).isoformat(),
            "lead": educator.pk,
        },
    )

    record = PreventionProgram.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse(
        "prevention:program_detail", args=[record.pk]
    )
    assert record.risk_factors == ["Easy access to vapes", "Peers who use"]
    assert record.protective_factors == ["Refusal skills"]
    assert AuditEntry.objects.filter(action="create", object_type="prevention.preventionprogram").exists()


def test_program_rules_give_clear_errors(cast):
    educator = cast.by_role["community_educator"]
    a_program(educator)

    with pytest.raises(ValidationError) as refused:
        services.prevention_program_create(
            actor=educator,
            name="kind classrooms",
            focus="bullying",
            target_population="Pupils",
            setting="school",
            starts_on=days_ago(10),
            ends_on=days_ago(20),
            lead=cast.caseworker,
        )

    errors = refused.value.message_dict
    assert errors["name"] == ["A prevention program with this name already exists."]
    assert "does not design or run programs" in errors["lead"][0]
    assert errors["ends_on"] == ["The program cannot end before it starts."]


def test_age_bands_may_not_add_up_to_more_than_the_headcount(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator)

    page = client_for(educator).post(
        reverse("prevention:activity_add", args=[record.pk]),
        {
            "kind": "workshop",
            "held_on": days_ago(3).isoformat(),
            "title": "Upstanders",
            "delivered_by": "Samir",
            "headcount": 20,
            "children": 15,
            "youth": 10,
        },
    )

    assert page.status_code == 400
    assert "The age bands add up to 25, more than the headcount of 20." in page.content.decode()
    assert not Activity.objects.exists()


def test_a_headcount_is_a_whole_number_not_below_zero(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator)

    page = client_for(educator).post(
        reverse("prevention:activity_add", args=[record.pk]),
        {
            "kind": "workshop",
            "held_on": days_ago(3).isoformat(),
            "title": "x",
            "delivered_by": "S",
            "headcount": -4,
        },
    )

    assert page.status_code == 400
    assert "Ensure this value is greater than or equal to 0." in page.content.decode()


def test_activities_fall_within_the_program_and_are_recorded_once_delivered(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator, starts_on=days_ago(30))

    def record_on(day: dt.date) -> list[str]:
        with pytest.raises(ValidationError) as refused:
            services.activity_record(
                actor=educator,
                record=record,
                kind="workshop",
                held_on=day,
                title="x",
                delivered_by="S",
                headcount=3,
            )
        return refused.value.message_dict["held_on"]

    assert "outside it" in record_on(days_ago(31))[0]
    assert "cannot be in the future" in record_on(timezone.localdate() + dt.timedelta(days=1))[0]


def test_the_program_page_shows_reach_and_before_after_with_chart_and_table(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator)
    today = timezone.localdate()
    an_activity(record, held_on=today.replace(day=1) - dt.timedelta(days=1), headcount=24)
    an_activity(record, held_on=today.replace(day=1), headcount=26)
    an_activity(record, held_on=today.replace(day=1), headcount=18, kind="training")
    a_measure(record)
    a_measure(
        record,
        "Pupils bullied this term",
        direction="lower",
        before_value=Decimal("24.0"),
        after_value=Decimal("17.5"),
    )
    a_measure(
        record,
        "Incidents reported",
        unit="incidents",
        direction="lower",
        before_value=Decimal("20"),
        after_value=Decimal("22"),
    )

    page = (
        client_for(cast.by_role["evaluator"])
        .get(reverse("prevention:program_detail", args=[record.pk]))
        .content.decode()
    )

    assert "<strong>3</strong> activities reaching <strong>68</strong> participants" in page
    assert "<td>Classroom session</td><td>2</td><td>50</td>" in page
    assert f"<td>{today:%Y-%m}</td><td>2</td><td>44</td>" in page
    assert page.count("<svg") == 2 and "style=" not in page.split("<main", 1)[1]
    assert "+9 % of pupils (better)" in page
    assert "-6.5 % of pupils (better)" in page
    assert "+2 incidents (worse)" in page
    assert "Outcome measures before and after" in page and '<th scope="col">Before</th>' in page


def test_measure_after_cannot_come_before_before(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator)

    with pytest.raises(ValidationError) as refused:
        services.measure_record(
            actor=educator,
            record=record,
            name="Safe",
            unit="%",
            direction="higher",
            before_value=Decimal("1"),
            before_n=10,
            before_on=days_ago(5),
            after_value=Decimal("2"),
            after_n=10,
            after_on=days_ago(10),
            source="survey",
        )

    assert refused.value.message_dict["after_on"] == [
        "The 'after' measurement cannot come before the 'before' one."
    ]


def test_reading_is_for_organisation_access_and_writing_for_program_managers(cast):
    record = a_program(cast.by_role["community_educator"])
    detail = reverse("prevention:program_detail", args=[record.pk])

    for role in ("caseworker", "evaluator", "program_manager", "group_facilitator"):
        assert client_for(cast.by_role[role]).get(detail).status_code == 200, role
    assert client_for(cast.by_role["auditor"]).get(detail).status_code == 403
    assert (
        client_for(cast.caseworker).get(reverse("prevention:activity_add", args=[record.pk])).status_code
        == 403
    )
    assert (
        client_for(cast.by_role["program_manager"])
        .get(reverse("prevention:activity_add", args=[record.pk]))
        .status_code
        == 200
    )
    with pytest.raises(Exception, match="may not"):
        services.activity_record(
            actor=cast.by_role["evaluator"],
            record=record,
            kind="workshop",
            held_on=days_ago(1),
            title="x",
            delivered_by="S",
            headcount=1,
        )


def test_a_stale_edit_is_refused_with_a_message(cast):
    educator = cast.by_role["community_educator"]
    record = a_program(educator)
    services.prevention_program_update(
        actor=educator, record=record, version=1, changes={"target_population": "Grade 6"}
    )

    page = client_for(educator).post(
        reverse("prevention:program_edit", args=[record.pk]),
        {
            "name": record.name,
            "focus": "bullying",
            "target_population": "Grade 7",
            "setting": "school",
            "starts_on": record.starts_on.isoformat(),
            "lead": educator.pk,
            "version": 1,
        },
    )

    assert page.status_code == 400 and "Someone else changed this record" in page.content.decode()
    record.refresh_from_db()
    assert record.target_population == "Grade 6"
