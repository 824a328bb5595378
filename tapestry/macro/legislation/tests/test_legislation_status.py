"""A bill's status is read from its latest classified actions (Open States' classifications)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import STATUS_OF_ACTION, Status, status_from_actions
from tapestry.macro.legislation.openstates import ACTION_CLASSIFICATION_NAMES
from tapestry.macro.legislation.tests.support import tracked_bill


def test_no_action_is_no_status():
    assert status_from_actions([]) == Status.NO_ACTION


@pytest.mark.parametrize(
    ("history", "status"),
    [
        ([["introduction", "reading-1"]], Status.INTRODUCED),
        ([["introduction"], ["referral-committee"]], Status.IN_COMMITTEE),
        ([["introduction"], ["referral-committee"], ["committee-failure"]], Status.FAILED_COMMITTEE),
        (
            [["introduction"], ["committee-passage-favorable"], ["reading-3", "passage"]],
            Status.PASSED_CHAMBER,
        ),
        ([["passage"], ["executive-receipt"], ["executive-signature"]], Status.SIGNED),
        ([["passage"], ["executive-signature"], ["became-law"]], Status.LAW),
        ([["passage"], ["executive-veto"]], Status.VETOED),
        ([["passage"], ["executive-veto"], ["veto-override-passage"]], Status.LAW),
        ([["introduction"], ["withdrawal"]], Status.WITHDRAWN),
        ([["introduction"], ["passage"], ["failure"]], Status.FAILED),
    ],
)
def test_the_latest_telling_action_sets_the_status(history, status):
    assert status_from_actions(history) == status


def test_amendments_and_deferrals_leave_the_status_as_it_was():
    history = [["referral-committee"], ["amendment-introduction"], ["amendment-passage"], ["deferral"]]
    assert status_from_actions(history) == Status.IN_COMMITTEE


def test_every_classification_the_table_reads_is_one_open_states_uses():
    assert set(STATUS_OF_ACTION) <= ACTION_CLASSIFICATION_NAMES


@pytest.mark.django_db
def test_adding_actions_moves_the_bill_along(cast):
    organiser = cast.by_role["community_organiser"]
    bill = tracked_bill(organiser)
    day = dt.date(2026, 1, 10)
    services.action_add(
        actor=organiser, bill=bill, date=day, description="Introduced", classification=["introduction"]
    )
    services.action_add(
        actor=organiser,
        bill=bill,
        date=day,
        description="Referred to Finance",
        classification=["referral-committee"],
    )
    bill.refresh_from_db()
    assert (bill.status, bill.status_date) == (Status.IN_COMMITTEE, day)
    assert list(bill.actions.values_list("order", flat=True)) == [0, 1]


@pytest.mark.django_db
def test_an_action_with_an_unknown_classification_is_refused(cast):
    organiser = cast.by_role["community_organiser"]
    bill = tracked_bill(organiser)
    with pytest.raises(ValidationError) as refused:
        services.action_add(
            actor=organiser,
            bill=bill,
            date=dt.date(2026, 1, 1),
            description="Passed",
            classification=["passed"],
        )
    assert "classification" in refused.value.message_dict
    assert not bill.actions.exists()
