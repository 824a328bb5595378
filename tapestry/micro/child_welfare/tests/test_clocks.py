"""The federal clocks (42 U.S.C. 675(5)(C), (E), (F)) computed from placements and hearings."""

from __future__ import annotations

import datetime as dt
from itertools import count

from django.utils import timezone

from tapestry.micro.child_welfare.clocks import TPR_DAYS, add_months, child_clocks
from tapestry.micro.child_welfare.models import Hearing, Placement, TerminationReview
from tapestry.people.models import Person

TODAY = dt.date(2026, 12, 5)
CHILD = Person(pk=7, given_name="Maya", family_name="Lindqvist", date_of_birth=dt.date(2018, 3, 1))
ids = count(1)


def stay(start: dt.date, end: dt.date | None = None, kind: str = Placement.Type.FOSTER) -> Placement:
    return Placement(
        pk=next(ids), case_id=1, child=CHILD, placement_type=kind, started_on=start, ended_on=end
    )


def hearing(kind: str, day: dt.date, outcome: str = "Decided.", child: Person | None = None) -> Hearing:
    moment = dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_current_timezone())
    return Hearing(
        pk=next(ids), case_id=1, child=child, hearing_type=kind, scheduled_at=moment, outcome=outcome
    )


def clock(placements, hearings=(), reviews=()):
    (found,) = child_clocks(placements=placements, hearings=hearings, reviews=reviews, today=TODAY)
    return found


def test_months_are_added_by_the_calendar():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 12, 5), -22) == dt.date(2025, 2, 5)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)


def test_without_adjudication_the_child_enters_care_60_days_after_removal():
    removed = TODAY - dt.timedelta(days=100)

    found = clock([stay(removed)])

    assert found.episode.entered_care_on == removed + dt.timedelta(days=60)
    assert found.permanency_hearing_due == add_months(removed + dt.timedelta(days=60), 12)


def test_an_earlier_adjudication_sets_the_date_entered_care():
    removed = TODAY - dt.timedelta(days=100)
    adjudicated = removed + dt.timedelta(days=25)

    found = clock(
        [stay(removed)],
        [
            hearing(Hearing.Type.ADJUDICATION, adjudicated),
            # Scheduled earlier but with no outcome: no judicial finding yet.
            hearing(Hearing.Type.ADJUDICATION, removed + dt.timedelta(days=10), outcome=""),
        ],
    )

    assert (found.episode.adjudicated_on, found.episode.entered_care_on) == (adjudicated, adjudicated)


def test_a_later_adjudication_does_not_move_the_60_day_date():
    removed = TODAY - dt.timedelta(days=200)

    found = clock([stay(removed)], [hearing(Hearing.Type.ADJUDICATION, removed + dt.timedelta(days=90))])

    assert found.episode.entered_care_on == removed + dt.timedelta(days=60)


def test_the_next_permanency_hearing_is_12_months_after_the_last_one_held():
    removed = TODAY - dt.timedelta(days=500)
    held = TODAY - dt.timedelta(days=50)

    found = clock([stay(removed)], [hearing(Hearing.Type.PERMANENCY, held)])

    assert found.last_permanency_hearing_on == held
    assert found.permanency_hearing_due == add_months(held, 12)
    assert found.permanency_status == ""


def test_a_permanency_hearing_past_12_months_is_overdue_and_near_is_due_soon():
    overdue = clock([stay(TODAY - dt.timedelta(days=60 + 400))])
    soon = clock([stay(TODAY - dt.timedelta(days=60 + 330))])

    assert overdue.permanency_status == "overdue"
    assert soon.permanency_status == "due_soon"


def test_15_of_22_months_counts_from_entering_care():
    removed = TODAY - dt.timedelta(days=600)

    found = clock([stay(removed)])

    assert found.days_in_care_last_22_months == 540
    assert found.tpr_reached
    assert found.tpr_due == removed + dt.timedelta(days=60 + TPR_DAYS)
    assert found.tpr_status == "overdue"


def test_trial_home_visits_do_not_count_and_an_earlier_stay_does():
    first = stay(TODAY - dt.timedelta(days=600), TODAY - dt.timedelta(days=300))
    visit = stay(
        TODAY - dt.timedelta(days=300), TODAY - dt.timedelta(days=200), Placement.Type.TRIAL_HOME_VISIT
    )
    # A gap at home, then a new stay in care.
    second = stay(TODAY - dt.timedelta(days=150))

    found = clock([first, visit, second])

    # 240 days of the first stay (after its 60 days), none of the visit, 90 of the second (after 60).
    assert found.days_in_care_last_22_months == 240 + 90
    assert found.episode.removed_on == TODAY - dt.timedelta(days=150)
    assert found.tpr_due == TODAY + dt.timedelta(days=TPR_DAYS - 330)


def test_a_recorded_petition_or_exception_stops_the_tpr_alert():
    removed = TODAY - dt.timedelta(days=600)
    review = TerminationReview(
        pk=1,
        case_id=1,
        child=CHILD,
        decision=TerminationReview.Decision.COMPELLING_REASON,
        decided_on=TODAY - dt.timedelta(days=10),
    )
    old = TerminationReview(
        pk=2,
        case_id=1,
        child=CHILD,
        decision=TerminationReview.Decision.PETITION_FILED,
        decided_on=removed - dt.timedelta(days=5),
    )

    assert clock([stay(removed)], reviews=[review]).tpr_status == ""
    # A decision from before this stay in care does not count for it.
    assert clock([stay(removed)], reviews=[old]).tpr_status == "overdue"


def test_only_children_in_care_have_clocks():
    ended = stay(TODAY - dt.timedelta(days=90), TODAY - dt.timedelta(days=2))

    assert child_clocks(placements=[ended], hearings=[], today=TODAY) == []


def test_a_hearing_about_another_child_does_not_count():
    removed = TODAY - dt.timedelta(days=100)
    sibling = Person(pk=8, given_name="Leo", family_name="Lindqvist")

    found = clock(
        [stay(removed)], [hearing(Hearing.Type.ADJUDICATION, removed + dt.timedelta(days=5), child=sibling)]
    )

    assert found.episode.adjudicated_on is None
