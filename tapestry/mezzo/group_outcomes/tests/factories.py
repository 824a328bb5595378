"""Small factories for group outcome tests: a group run by a facilitator, members, answers for a score."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.group_outcomes import services
from tapestry.mezzo.group_outcomes.models import MemberMeasure, OutcomeInstrument
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.people.models import Person
from tapestry.testing import PersonFactory


def make_group(
    facilitators: list[User],
    *,
    name: str = "Thursday support group",
    instruments: tuple[str, ...] = ("phq-9",),
    **fields: object,
) -> Group:
    today = timezone.localdate()
    values = {
        "kind": Group.Kind.SUPPORT,
        "purpose": "Peer support after a loss.",
        "capacity": 60,
        "first_session_on": today - timedelta(days=70),
        "start_time": time(18, 0),
        "session_count": 8,
        "status": Group.Status.RUNNING,
        **fields,
    }
    group = Group.objects.create(name=name, **values)
    group.facilitators.set(facilitators)
    for code in instruments:
        OutcomeInstrument.objects.create(group=group, instrument=code)
    return group


def enrol(group: Group, person: Person | None = None, **fields: object) -> Membership:
    return Membership.objects.create(
        group=group,
        person=person or PersonFactory(),
        status=fields.pop("status", Membership.Status.ENROLLED),
        enrolled_on=group.first_session_on,
        **fields,
    )


def answers_for(code: str, total: int) -> dict[str, str]:
    """Answers that sum to `total` (points spread from the first item on; never the PHQ-9 item 9)."""
    instrument = INSTRUMENTS[code]
    answers, left = {}, total
    for item in instrument.items:
        if code == "phq-9" and item.code == "q9":
            answers[item.code] = "0"
            continue
        choice = max((c for c in item.choices if c.points <= left), key=lambda c: c.points)
        answers[item.code] = choice.value
        left -= choice.points
    assert left == 0, f"cannot reach {total} on {code}"
    return answers


def measure(
    actor: User, membership: Membership, phase: str, total: int, code: str = "phq-9", on: date | None = None
) -> MemberMeasure:
    group = membership.group
    day = on or (group.first_session_on if phase == "pre" else timezone.localdate())
    return services.measure_record(
        actor=actor,
        membership=membership,
        instrument=code,
        phase=phase,
        answers=answers_for(code, total),
        administered_on=day,
    )
