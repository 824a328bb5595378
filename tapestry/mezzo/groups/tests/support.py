"""Helpers for the groups tests: a group run by given staff, members enrolled through the services."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.test import Client
from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.groups import services
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.testing import PersonFactory, open_case

_names = itertools.count(1)


def make_group(*facilitators: User, **fields: Any) -> Group:
    """A group (open, weekly, starting next week) run by these staff, written without the service."""
    defaults: dict[str, Any] = {
        "name": f"Test group {next(_names)}",
        "kind": Group.Kind.SUPPORT,
        "purpose": "Peer support for people who feel alone.",
        "capacity": 10,
        "first_session_on": timezone.localdate() + dt.timedelta(days=7),
        "start_time": dt.time(18, 0),
        "status": Group.Status.RUNNING,
    }
    group = Group.objects.create(**{**defaults, **fields})
    group.facilitators.set(facilitators)
    return group


def community(
    actor: User, group: Group, given: str = "Sam", family: str | None = None, **kw: Any
) -> Membership:
    member = services.CommunityMember(given_name=given, family_name=family or f"Member{next(_names)}")
    return services.community_member_register(actor=actor, group=group, member=member, **kw)


def client_member(worker: User, group: Group, **kw: Any) -> Membership:
    """A client of `worker` enrolled from a new case."""
    case = open_case(worker, person=PersonFactory())
    return services.membership_enrol_from_case(actor=worker, group=group, case=case, **kw)


def fill(group: Group, actor: User, count: int) -> list[Membership]:
    return [community(actor, group) for _ in range(count)]


def api_client(user: User) -> Client:
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


def refreshed(member: Membership) -> Membership:
    return Membership.objects.get(pk=member.pk)
