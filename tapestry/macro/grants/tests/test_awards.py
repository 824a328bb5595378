"""Awards: the amount and period granted, the programs funded (with their parts), deliverables and
reporting deadlines; money is never negative and the period ends after it starts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Role
from tapestry.macro.grants import services
from tapestry.macro.grants.models import Stage
from tapestry.macro.grants.tests.support import a_program, an_application, an_award

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


def test_an_award_is_recorded_only_on_an_awarded_application_and_once(officer):
    submitted = an_application(officer, Stage.SUBMITTED)
    with pytest.raises(ValidationError, match="Move the application to awarded"):
        services.award_create(
            actor=officer,
            application=submitted,
            amount=Decimal("100"),
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        )
    award = an_award(officer)
    with pytest.raises(ValidationError, match="already has its award"):
        services.award_create(
            actor=officer,
            application=award.application,
            amount=Decimal("100"),
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        )
    assert AuditEntry.objects.filter(object_type="grants.award", action="create").count() == 1


@pytest.mark.parametrize(
    ("amount", "starts", "ends", "field"),
    [
        ("0", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "amount"),
        ("-5", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "amount"),
        ("100", dt.date(2026, 1, 1), dt.date(2026, 1, 1), "ends_on"),
        ("100", dt.date(2026, 6, 1), dt.date(2026, 1, 1), "ends_on"),
    ],
)
def test_bad_awards_are_refused_by_the_field(officer, amount, starts, ends, field):
    application = an_application(officer, Stage.AWARDED)

    with pytest.raises(ValidationError) as refused:
        services.award_create(
            actor=officer, application=application, amount=Decimal(amount), starts_on=starts, ends_on=ends
        )

    assert list(refused.value.message_dict) == [field]


def test_programs_share_the_award_but_never_more_than_it(officer):
    award = an_award(officer, amount="10000")
    housing, family = a_program("Housing Stability"), a_program("Family Support")

    services.award_program_add(actor=officer, award=award, program=housing, amount=Decimal("7000"))
    with pytest.raises(ValidationError) as too_much:
        services.award_program_add(actor=officer, award=award, program=family, amount=Decimal("3500"))
    assert too_much.value.message_dict == {
        "amount": ["Only 3000.00 of the award is left to give to programs."]
    }
    with pytest.raises(ValidationError) as twice:
        services.award_program_add(actor=officer, award=award, program=housing)
    assert twice.value.message_dict == {"program": ["Housing Stability is already funded by this award."]}
    with pytest.raises(ValidationError) as shrink:
        services.award_update(
            actor=officer, award=award, version=award.version, changes={"amount": Decimal("5000")}
        )
    assert shrink.value.message_dict == {"amount": ["The programs already have 7000.00 of this award."]}

    services.award_program_add(actor=officer, award=award, program=family, amount=Decimal("3000"))
    assert [(a.program.name, a.amount) for a in award.allocations.order_by("program__name")] == [
        ("Family Support", Decimal("3000.00")),
        ("Housing Stability", Decimal("7000.00")),
    ]


def test_deliverables_and_reports_are_added_changed_and_versioned(officer):
    award = an_award(officer)
    due = award.starts_on + dt.timedelta(days=90)
    deliverable = services.deliverable_add(
        actor=officer, award=award, description=" Train two mentors ", due_on=due
    )
    report = services.report_add(actor=officer, award=award, kind="interim", due_on=due, owner=officer)

    done = services.deliverable_update(
        actor=officer, deliverable=deliverable, version=1, changes={"done_on": due - dt.timedelta(days=2)}
    )
    sent = services.report_update(actor=officer, report=report, version=1, changes={"submitted_on": due})

    assert (done.description, done.version, sent.version) == ("Train two mentors", 2, 2)
    with pytest.raises(StaleEdit):
        services.report_update(actor=officer, report=report, version=1, changes={"notes": "late"})
    assert set(
        AuditEntry.objects.filter(
            object_type__in=["grants.deliverable", "grants.reportingdeadline"]
        ).values_list("action", flat=True)
    ) == {"create", "update"}
