"""The pipeline: an application moves prospect → drafting → submitted → awarded or declined (or is
withdrawn), only by the moves allowed, each move recorded with who and when; proposals keep every version."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Role
from tapestry.macro.grants import selectors, services
from tapestry.macro.grants.models import Stage
from tapestry.macro.grants.tests.support import a_program, an_application, an_award, an_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


def test_a_new_application_is_a_prospect_led_by_whoever_started_it(officer):
    application = an_application(officer)

    assert (application.stage, application.lead, application.title) == (
        "prospect",
        officer,
        "Family Futures Fund",
    )
    (change,) = application.stage_changes.all()
    assert (change.from_stage, change.to_stage, change.changed_by) == ("", "prospect", officer)


def test_an_application_walks_the_pipeline_and_each_move_is_recorded(officer):
    application = an_application(officer, Stage.DRAFTING)
    services.proposal_save(actor=officer, application=application, summary="Our plan.")

    moved = services.application_move(
        actor=officer,
        application=application,
        version=application.version,
        stage="submitted",
        note="Sent through the portal",
        on=dt.date(2026, 3, 2),
    )
    moved = services.application_move(
        actor=officer, application=moved, version=moved.version, stage="awarded"
    )

    assert moved.stage == "awarded"
    assert moved.submitted_on == dt.date(2026, 3, 2)
    assert moved.decided_on is not None
    history = [(c.from_stage, c.to_stage, c.changed_by) for c in moved.stage_changes.all()]
    assert history == [
        ("", "prospect", officer),
        ("prospect", "drafting", officer),
        ("drafting", "submitted", officer),
        ("submitted", "awarded", officer),
    ]
    assert moved.stage_changes.get(to_stage="submitted").note == "Sent through the portal"
    assert AuditEntry.objects.filter(object_type="grants.application", action="update").count() == 3


@pytest.mark.parametrize(
    ("stage", "to", "message"),
    [
        (
            "prospect",
            "awarded",
            "An application that is prospect cannot move to awarded; it may move to drafting, withdrawn.",
        ),
        (
            "declined",
            "submitted",
            "An application that is declined cannot move to submitted; it may move to nowhere: it is final.",
        ),
        (
            "withdrawn",
            "drafting",
            "An application that is withdrawn cannot move to drafting; it may move to nowhere: it is final.",
        ),
        (
            "awarded",
            "declined",
            "An application that is awarded cannot move to declined; it may move to nowhere: it is final.",
        ),
    ],
)
def test_a_move_the_pipeline_does_not_allow_is_refused_with_the_moves_it_does(officer, stage, to, message):
    application = an_application(officer, stage)
    moves = application.stage_changes.count()

    with pytest.raises(ValidationError) as refused:
        services.application_move(
            actor=officer, application=application, version=application.version, stage=to
        )

    assert refused.value.message_dict == {"stage": [message]}
    application.refresh_from_db()
    assert application.stage == stage
    assert application.stage_changes.count() == moves


def test_an_application_is_submitted_only_with_a_proposal(officer):
    application = an_application(officer, Stage.DRAFTING)

    with pytest.raises(ValidationError) as refused:
        services.application_move(
            actor=officer, application=application, version=application.version, stage="submitted"
        )

    assert refused.value.message_dict == {"stage": ["Save a version of the proposal before you submit it."]}


def test_a_stale_move_is_refused_and_changes_nothing(officer):
    application = an_application(officer)
    services.application_update(
        actor=officer, application=application, version=1, changes={"title": "Renamed"}
    )

    with pytest.raises(StaleEdit):
        services.application_move(actor=officer, application=application, version=1, stage="drafting")

    application.refresh_from_db()
    assert application.stage == "prospect"


def test_every_proposal_version_is_kept_and_numbered(officer):
    application = an_application(officer, Stage.DRAFTING)
    first = services.proposal_save(
        actor=officer, application=application, summary="First try.", change_note="Draft"
    )
    second = services.proposal_save(
        actor=officer,
        application=application,
        summary="Better.",
        budget_narrative="Two workers.",
        change_note="After the funder's call",
    )

    versions = selectors.proposal_versions(application)
    assert [(v.number, v.summary) for v in versions] == [(2, "Better."), (1, "First try.")]
    assert (first.author, second.author) == (officer, officer)
    first.refresh_from_db()
    assert first.summary == "First try."


def test_an_empty_proposal_and_one_after_submission_are_refused(officer):
    drafting = an_application(officer, Stage.DRAFTING)
    with pytest.raises(ValidationError) as empty:
        services.proposal_save(actor=officer, application=drafting, summary="  ")
    assert empty.value.message_dict == {"summary": ["Write at least one section of the proposal."]}

    submitted = an_application(officer, Stage.SUBMITTED)
    with pytest.raises(ValidationError, match="is final"):
        services.proposal_save(actor=officer, application=submitted, summary="Too late.")


def test_only_the_grants_officer_writes(cast):
    officer = cast[Role.GRANTS_OFFICER]
    application = an_application(officer)
    for role in (Role.PROGRAM_MANAGER, Role.SUPERVISOR, Role.CASEWORKER, Role.EVALUATOR):
        with pytest.raises(PermissionDenied):
            services.application_move(actor=cast[role], application=application, version=1, stage="drafting")
        with pytest.raises(PermissionDenied):
            selectors.application_page(user=cast[role], application_id=application.pk)


def test_opportunity_rules_are_checked_by_the_field(officer):
    with pytest.raises(ValidationError) as refused:
        an_opportunity(officer, amount_min=Decimal("5000"), amount_max=Decimal("1000"))
    assert refused.value.message_dict == {
        "amount_max": ["The largest grant cannot be less than the smallest."]
    }

    with pytest.raises(ValidationError) as no_reason:
        an_opportunity(officer, fit=4)
    assert no_reason.value.message_dict == {"fit_reason": ["Say why you rate the fit this way."]}

    with pytest.raises(ValidationError) as negative:
        an_opportunity(officer, amount_min=Decimal("-1"))
    assert "amount_min" in negative.value.message_dict


def test_an_opportunity_names_the_programs_it_would_fund_and_its_edit_is_versioned(officer):
    housing, family = a_program("Housing Stability"), a_program("Family Support")
    opportunity = an_opportunity(officer, programs=[housing])

    changed = services.opportunity_update(
        actor=officer,
        opportunity=opportunity,
        version=1,
        changes={"programs": [housing, family], "title": "New"},
    )

    assert changed.version == 2
    assert set(changed.programs.all()) == {housing, family}
    entry = AuditEntry.objects.filter(object_type="grants.opportunity", action="update").get()
    assert set(entry.fields) == {"programs", "title"}
    with pytest.raises(StaleEdit):
        services.opportunity_update(
            actor=officer, opportunity=opportunity, version=1, changes={"title": "Old"}
        )


def test_the_pipeline_groups_by_stage_with_totals(cast, officer):
    for stage, amount in (
        ("prospect", "1000"),
        ("prospect", "2500"),
        ("drafting", "4000"),
        ("declined", "700"),
    ):
        an_application(officer, stage, amount=amount)
    award = an_award(officer, amount="9000")

    board = selectors.pipeline(user=cast[Role.PROGRAM_MANAGER])

    columns = {c.stage: c for c in board.columns}
    assert [c.stage for c in board.columns] == list(Stage.values)
    assert columns["prospect"].requested == Decimal("3500")
    assert [a.pk for a in columns["awarded"].applications] == [award.application_id]
    assert (columns["awarded"].requested, columns["awarded"].awarded) == (Decimal("20000"), Decimal("9000"))
    assert (board.requested, board.awarded) == (Decimal("28200"), Decimal("9000"))
