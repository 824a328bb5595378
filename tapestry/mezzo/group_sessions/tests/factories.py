"""Small builders for group-session tests: groups and members straight through the ORM.

The groups app's own services are written alongside; these tests need only the rows.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.people.models import Person
from tapestry.testing import PersonFactory

_numbers = itertools.count(1)


def weeks_ago(weeks: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(weeks=weeks)


def make_group(*facilitators: User, **fields: object) -> Group:
    number = next(_numbers)
    values = {
        "name": f"Thursday support group {number}",
        "kind": Group.Kind.SUPPORT,
        "purpose": "Peer support for adults living alone.",
        "capacity": 60,
        "first_session_on": weeks_ago(20),
        "start_time": dt.time(18, 0),
        "missed_sessions_alert": 3,
        "status": Group.Status.RUNNING,
        **fields,
    }
    group = Group.objects.create(**values)
    group.facilitators.set(facilitators)
    return group


def enrol(
    group: Group,
    person: Person | None = None,
    *,
    case: object | None = None,
    enrolled_on: dt.date | None = None,
    **fields: object,
) -> Membership:
    return Membership.objects.create(
        group=group,
        person=person or PersonFactory(),
        case=case,
        status=fields.pop("status", Membership.Status.ENROLLED),
        enrolled_on=enrolled_on or weeks_ago(30),
        **fields,
    )


def enrol_many(group: Group, count: int) -> list[Membership]:
    return [enrol(group) for _ in range(count)]


def hold_session(actor: User, group: Group, held_on: dt.date | None = None, **fields: object) -> Session:
    return services.session_create(
        actor=actor,
        group=group,
        held_on=held_on or weeks_ago(1),
        start_time=fields.pop("start_time", group.start_time),
        topic=fields.pop("topic", "Coping with the holidays"),
        **fields,
    )


def mark_all(actor: User, session: Session, mark: str = Attendance.Mark.PRESENT, **marks: str) -> list:
    """Everyone `mark`, except memberships named as m<pk>=status."""
    members = services.members_on(session)
    chosen = {m.pk: marks.get(f"m{m.pk}", mark) for m in members}
    session.refresh_from_db()
    return services.attendance_record(actor=actor, session=session, version=session.version, marks=chosen)
