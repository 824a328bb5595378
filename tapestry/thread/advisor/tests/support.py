"""A small local world for the advisor tests: a client with two open needs in a neighbourhood,
groups, services and campaigns on those needs, some near the client and some not."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

from django.utils import timezone

from tapestry.access.models import User
from tapestry.directory.models import Location, ServiceAtLocation
from tapestry.directory.tests.factories import service_at
from tapestry.macro.campaigns.models import Campaign
from tapestry.mezzo.groups.models import Group
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Address
from tapestry.places.models import Area, AreaPostcode
from tapestry.programs.models import Program
from tapestry.testing import PersonFactory, open_case

HOME = "19104"
_n = itertools.count(1)


def neighbourhood(postcode: str = HOME) -> Area:
    n = next(_n)
    area = Area.objects.create(kind=Area.Kind.NEIGHBOURHOOD, code=f"N{n}", name=f"Riverside {n}")
    AreaPostcode.objects.create(area=area, postcode=postcode)
    return area


def client_case(
    worker: User, *, needs: tuple[str, ...] = ("domestic-violence", "housing-instability"), **kw
) -> Case:
    person = PersonFactory()
    Address.objects.create(person=person, line1="1 Elm St", city="Philadelphia", postcode=HOME)
    case = open_case(worker, person=person, **kw)
    for code in needs:
        CaseNeed.objects.create(case=case, need=Need.objects.get(code=code))
    return case


def group_on(*needs: str, capacity: int = 8, area: Area | None = None, **fields) -> Group:
    group = Group.objects.create(
        name=fields.pop("name", f"Group {next(_n)}"),
        kind=Group.Kind.SUPPORT,
        purpose="Peer support.",
        capacity=capacity,
        first_session_on=timezone.localdate() + dt.timedelta(days=7),
        start_time=dt.time(18, 0),
        status=fields.pop("status", Group.Status.RUNNING),
        area=area,
        **fields,
    )
    group.focus_needs.set(Need.objects.filter(code__in=needs))
    return group


def service_on(*needs: str, postcode: str = "", name: str = "") -> object:
    service = service_at(40.0, -75.0, needs=needs, name=name or f"Service {next(_n)}")
    if postcode:
        location = Location.objects.create(hsds_id=uuid.uuid4(), name="Office", postal_code=postcode)
        ServiceAtLocation.objects.create(hsds_id=uuid.uuid4(), service=service, location=location)
    return service


def campaign_on(*needs: str, status: str = Campaign.Status.ACTIVE, title: str = "") -> Campaign:
    campaign = Campaign.objects.create(
        title=title or f"Campaign {next(_n)}",
        kind=Campaign.Kind.POLICY_ADVOCACY,
        status=status,
        summary="Safe homes for survivors.",
        goals="More safe housing.",
    )
    campaign.needs.set(Need.objects.filter(code__in=needs))
    return campaign


def program(name: str = "") -> Program:
    return Program.objects.create(name=name or f"Program {next(_n)}")
