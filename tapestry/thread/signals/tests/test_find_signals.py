"""The scheduled run on the database: cases planted in one area this quarter raise that signal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from tapestry.access.models import Segment
from tapestry.micro.cases.models import CaseNeed, CaseNeedChange
from tapestry.needs.models import Barrier, Need
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.services import find_signals
from tapestry.thread.signals.tests.support import QUARTERS, TODAY, area, housing, plant

pytestmark = pytest.mark.django_db

NOW = dt.date(2026, 11, 10)


def _flat_baseline(need, postcodes=("62701", "62702", "62703")) -> None:
    for day in QUARTERS:
        for postcode in postcodes:
            plant(2, postcode, day, need)


def test_cases_planted_in_one_area_this_quarter_raise_exactly_that_signal():
    here, _, _ = area("A", "62701"), area("B", "62702"), area("C", "62703")
    need = housing()
    _flat_baseline(need)
    for postcode in ("62702", "62703"):
        plant(2, postcode, NOW, need)  # the others go on as before
    plant(15, "62701", NOW, need)

    run = find_signals(today=TODAY)

    (signal,) = Signal.objects.all()
    assert (signal.kind, signal.area, signal.need, signal.barrier) == (
        Signal.Kind.NEED_CLUSTER,
        here,
        need,
        None,
    )
    assert (signal.period_label, signal.observed, signal.expected) == ("2026-Q4", 15, 2.0)
    assert signal.q_value <= 0.05 and signal.p_value <= signal.q_value
    assert [n for _, n in signal.trend] == [2] * 8 and signal.trend[0][0] == "2024-Q4"
    assert (run.found, run.created) == (1, 1)


def test_a_second_run_for_the_period_updates_the_signal_and_keeps_its_decision():
    area("A", "62701")
    need = housing()
    _flat_baseline(need, ("62701",))
    plant(15, "62701", NOW, need)
    find_signals(today=TODAY)
    Signal.objects.update(status=Signal.Status.DISMISSED, dismiss_reason="Known: one landlord's evictions.")
    plant(3, "62701", NOW, need)

    run = find_signals(today=TODAY)

    (signal,) = Signal.objects.all()
    assert (run.created, run.updated, signal.observed) == (0, 1, 18)
    assert signal.status == Signal.Status.DISMISSED


def test_needs_met_in_time_sensitive_cases_and_safe_addresses_do_not_count():
    area("A", "62701")
    need = housing()
    _flat_baseline(need, ("62701",))
    plant(10, "62701", NOW, need)
    plant(5, "62701", NOW, need, segment=Segment.SUBSTANCE_USE)
    plant(5, "62701", NOW, need, confidential=True)
    plant(5, "62701", NOW, need, status=CaseNeed.Status.MET)

    find_signals(today=TODAY)

    assert not Signal.objects.exists()


def test_a_need_met_after_its_period_ended_counts_as_unmet_in_that_period():
    area("A", "62701")
    need = housing()
    _flat_baseline(need, ("62701",))
    plant(15, "62701", dt.date(2026, 8, 1), need, status=CaseNeed.Status.MET)
    for case_need in CaseNeed.objects.filter(identified_on=dt.date(2026, 8, 1)):
        met_at = dt.datetime(2026, 10, 20, tzinfo=dt.UTC)
        CaseNeedChange.objects.create(case_need=case_need, status=CaseNeed.Status.MET, changed_at=met_at)

    find_signals(period="2026-Q3", today=TODAY)

    (signal,) = Signal.objects.all()
    assert (signal.period_label, signal.observed) == ("2026-Q3", 15 + 2)  # with the usual two


def test_a_barrier_cluster_counts_each_case_once():
    area("A", "62701")
    barrier = Barrier.objects.first() or Barrier.objects.create(code="cost", label="Cost")
    other = Need.objects.exclude(pk=housing().pk).first()
    _flat_baseline(housing(), ("62701",))
    plant(12, "62701", NOW, housing(), status=CaseNeed.Status.UNMET, barrier=barrier)
    for case_need in list(CaseNeed.objects.filter(barrier=barrier)):
        CaseNeed.objects.create(
            case=case_need.case, need=other, identified_on=NOW, status=CaseNeed.Status.UNMET, barrier=barrier
        )

    find_signals(today=TODAY)

    by_barrier = Signal.objects.get(barrier=barrier)
    assert by_barrier.observed == 12


def test_the_command_names_a_period_and_refuses_a_bad_one(capsys):
    call_command("find_signals", "--period", "2026-Q3")
    assert "2026-Q3: 0 tested, 0 signals" in capsys.readouterr().out
    with pytest.raises(Exception, match="2026-Q4"):
        call_command("find_signals", "--period", "autumn")


def test_the_run_reads_a_fixed_number_of_queries(django_assert_num_queries):
    area("A", "62701")
    _flat_baseline(housing(), ("62701",))
    plant(15, "62701", NOW, housing())
    # needs (2: counts, the areas of their postcodes), barriers (1: no rows, no areas), referrals (1);
    # then the transaction and one update_or_create (a savepoint, a read, a write) per signal found.
    with django_assert_num_queries(12):
        find_signals(today=TODAY)


def test_referrals_to_one_service_type_going_unanswered_raise_a_signal():
    import uuid

    from tapestry.directory.models import Organization, Service, ServiceNeed
    from tapestry.micro.referrals.models import Referral
    from tapestry.testing import CaseFactory, PersonFactory, UserFactory

    provider = Organization.objects.create(hsds_id=uuid.uuid4(), name="Shelter Org")
    service = Service.objects.create(hsds_id=uuid.uuid4(), organization=provider, name="Emergency beds")
    ServiceNeed.objects.create(service=service, need=housing())
    case = CaseFactory(worker=UserFactory(username="referrer"), person=PersonFactory())

    def send(count, on, status):
        sent_at = dt.datetime.combine(on, dt.time(10), tzinfo=dt.UTC)
        for _ in range(count):
            Referral.objects.create(
                case=case,
                service=service,
                reason="r",
                status=status,
                sent_at=sent_at,
                response_due_on=on + dt.timedelta(days=10),
            )

    for day in QUARTERS:
        send(9, day, Referral.Status.ACCEPTED)
        send(1, day, Referral.Status.NO_RESPONSE)
    send(6, NOW, Referral.Status.ACCEPTED)
    send(14, NOW, Referral.Status.NO_RESPONSE)

    find_signals(today=TODAY)

    (signal,) = Signal.objects.all()
    assert (signal.kind, signal.need, signal.area, signal.observed, signal.sent) == (
        Signal.Kind.UNANSWERED,
        housing(),
        None,
        14,
        20,
    )
    assert signal.expected == pytest.approx(2.0) and [n for _, n in signal.trend] == [1] * 8
