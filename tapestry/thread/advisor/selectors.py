"""Reads of the level advisor: for a case's open needs, work on three levels and the local options.

The case is read through the access policy (a case out of reach, a sensitive segment not granted,
answers as missing), and the read is audited. Every list below is read in one query for all the
case's needs together (and one prefetch where it needs one), so the page runs a fixed number of
queries however many needs, groups, services or campaigns there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils.translation import gettext, gettext_noop

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.directory.models import Service, ServiceAtLocation
from tapestry.macro.campaigns.models import Campaign
from tapestry.mezzo.groups.access import groups_run_by
from tapestry.mezzo.groups.availability import Band, group_availability
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.selectors import memberships_visible
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import case_get, cases_changeable
from tapestry.needs.models import InterventionType, Level, Need
from tapestry.places.models import Area, AreaPostcode
from tapestry.programs.models import Program

OPEN_NEEDS = (CaseNeed.Status.IDENTIFIED, CaseNeed.Status.BEING_ADDRESSED, CaseNeed.Status.UNMET)
CAMPAIGNS_WORKING = (Campaign.Status.ACTIVE, Campaign.Status.PLANNING)
# Directory services shown per need; the directory search finds the rest.
SERVICES_SHOWN = 5

# How near a directory service is to the client, best first.
IN_POSTCODE, IN_AREA, ELSEWHERE = 0, 1, 2
NEARNESS = {
    IN_POSTCODE: gettext_noop("In the client's postcode"),
    IN_AREA: gettext_noop("In the client's area"),
    ELSEWHERE: "",
}


@dataclass
class NeedAdvice:
    """What the advisor offers for one open need of the case."""

    case_need: CaseNeed
    interventions: list[tuple[str, str, list[InterventionType]]]  # (level, its name, kinds)
    groups: list[Group] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    @property
    def need(self) -> Need:
        return self.case_need.need


@dataclass
class Advice:
    case: Case
    postcode: str
    areas: list[Area]
    needs: list[NeedAdvice]
    sees_campaigns: bool


def case_advice(*, user: User, case_id: int, purpose: str = "level advisor") -> Advice:
    """The advice for a case the user may read; out of reach answers as missing. The read is audited."""
    case = case_get(user=user, case_id=case_id)
    case.can_change = cases_changeable(user).filter(pk=case.pk).exists()
    audit_view(user, obj=case, person_id=case.person_id, fields=["needs", "address"], purpose=purpose)
    case_needs = list(
        CaseNeed.objects.filter(case=case, status__in=OPEN_NEEDS)
        .select_related("need")
        .order_by("need__label")
    )
    postcode = _home_postcode(case)
    areas = (
        list(Area.objects.filter(postcodes__postcode=postcode).order_by("kind", "name")) if postcode else []
    )
    needs = [n.need for n in case_needs]
    need_ids = [n.pk for n in needs]
    kinds = list(
        InterventionType.objects.filter(is_active=True)
        .prefetch_related(Prefetch("needs", queryset=Need.objects.only("pk")))
        .order_by("name")
    )
    groups = _groups(user, case, need_ids, [a.pk for a in areas])
    services = _services(need_ids, postcode, [a.pk for a in areas])
    campaigns = list(
        Campaign.objects.filter(status__in=CAMPAIGNS_WORKING, needs__in=need_ids)
        .distinct()
        .prefetch_related(Prefetch("needs", queryset=Need.objects.filter(pk__in=need_ids).only("pk")))
        .order_by("-status", "title")
    )
    advice = []
    for case_need in case_needs:
        need = case_need.need
        by_level = [
            (level, label, [k for k in kinds if k.level == level and k.fits(need)])
            for level, label in Level.choices
        ]
        matched = [g for g in groups if any(n.pk == need.pk for n in g.focus_needs.all())]
        programs = {
            g.program_id: g.program
            for g in matched
            if g.program and g.program.status != Program.Status.CLOSED
        }
        advice.append(
            NeedAdvice(
                case_need=case_need,
                interventions=by_level,
                groups=matched,
                programs=sorted(programs.values(), key=lambda p: p.name),
                services=[s for s in services if any(n.pk == need.pk for n in s.needs.all())][
                    :SERVICES_SHOWN
                ],
                campaigns=[c for c in campaigns if any(n.pk == need.pk for n in c.needs.all())],
            )
        )
    return Advice(
        case=case,
        postcode=postcode,
        areas=areas,
        needs=advice,
        sees_campaigns=policy.has_capability(user, Capability.POLICY_WORK),
    )


def _home_postcode(case: Case) -> str:
    """The client's current postcode; a confidential address (a shelter, a safe house) is never used."""
    address = (
        case.person.addresses.filter(is_current=True, confidential=False)
        .exclude(postcode="")
        .order_by("-created_at")
        .first()
    )
    return address.postcode.strip().upper() if address else ""


def _groups(user: User, case: Case, need_ids: list[int], area_ids: list[int]) -> list[Group]:
    """Groups taking members that address any of the needs, in segments the user is granted.

    Each carries `availability` (a band; numbers only for those who run it), `local` (it meets in an
    area that holds the client's postcode), `near` (it meets in an area inside one of those) and
    `member_status` (the client's place in it, if any). Local groups come first, then near ones;
    within each, those with a free place before full ones.
    """
    if not need_ids:
        return []
    granted = list(policy.segments_granted(user))
    runs = (
        Exists(groups_run_by(user).filter(pk=OuterRef("pk")))
        if policy.has_capability(user, Capability.GROUP_RUN)
        else Value(False)
    )
    live = memberships_visible(user).filter(person_id=case.person_id, group=OuterRef("pk"))
    groups = list(
        Group.objects.filter(
            status__in=(Group.Status.PLANNED, Group.Status.RUNNING), focus_needs__in=need_ids
        )
        .filter(Q(segment="") | Q(segment__in=granted))
        .distinct()
        .select_related("program", "area")
        .prefetch_related(Prefetch("focus_needs", queryset=Need.objects.filter(pk__in=need_ids).only("pk")))
        .annotate(
            enrolled_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ENROLLED), distinct=True
            ),
            waiting_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.WAITING), distinct=True
            ),
            runs=runs,
            is_member=Exists(live.filter(status=Membership.Status.ENROLLED)),
            is_waiting=Exists(live.filter(status=Membership.Status.WAITING)),
        )
        .order_by("name", "pk")
    )
    for group in groups:
        group.availability = group_availability(group)
        group.local = group.area_id in area_ids
        # Near: it meets in an area beside the client's, inside one of the areas that hold their postcode.
        group.near = not group.local and group.area is not None and group.area.parent_id in area_ids
        group.member_status = "enrolled" if group.is_member else "waiting" if group.is_waiting else ""
    groups.sort(
        key=lambda g: (not g.local, not g.near, g.availability.band in (Band.FULL, Band.WAITING), g.name)
    )
    return groups


def _services(need_ids: list[int], postcode: str, area_ids: list[int]) -> list[Service]:
    """Directory services meeting any of the needs, nearest the client first (see NEARNESS), with
    their locations; `nearness` says why a service is near."""
    if not need_ids:
        return []
    at = ServiceAtLocation.objects.filter(service=OuterRef("pk"))
    in_postcode = Exists(at.filter(location__postal_code__iexact=postcode)) if postcode else Value(False)
    held = AreaPostcode.objects.filter(area_id__in=area_ids).values("postcode")
    in_area = Exists(at.filter(location__postal_code__in=held)) if area_ids else Value(False)
    services = list(
        Service.objects.filter(status__in=Service.SEARCHABLE, service_needs__need_id__in=need_ids)
        .distinct()
        .select_related("organization")
        .prefetch_related(
            Prefetch("needs", queryset=Need.objects.filter(pk__in=need_ids).only("pk")),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").order_by("pk"),
            ),
        )
        .annotate(in_postcode=in_postcode, in_area=in_area)
        .order_by("name", "pk")
    )
    for service in services:
        rank = IN_POSTCODE if service.in_postcode else IN_AREA if service.in_area else ELSEWHERE
        service.nearness = gettext(NEARNESS[rank]) if NEARNESS[rank] else ""
        service.rank = rank
        service.places = [sal.location for sal in service.service_at_locations.all()]
    services.sort(key=lambda s: (s.rank, s.name))
    return services


def group_to_join(*, group_id: int) -> Group | None:
    """A group named by id for an enrolment (the groups service judges whether it takes members)."""
    return Group.objects.filter(pk=group_id).first()


def service_to_refer(*, service_id: int) -> Service | None:
    """A directory service named by id (the directory is no one's data)."""
    return Service.objects.filter(pk=service_id).first()


def campaign_working(*, campaign_id: int) -> Campaign | None:
    """A campaign still working (active or planning), named by id; a finished one is not offered."""
    return Campaign.objects.filter(pk=campaign_id, status__in=CAMPAIGNS_WORKING).first()


def case_need_of(*, case: Case, case_need_id: int) -> CaseNeed | None:
    """A need recorded on this case (a need of another case is None)."""
    return CaseNeed.objects.filter(case=case, pk=case_need_id).select_related("need").first()


def case_for_change(*, user: User, case_id: int) -> Case:
    """A case the user may change; out of reach answers as missing, emergency access as read-only."""
    return case_get(user=user, case_id=case_id, for_change=True)


def open_needs(*, case: Case) -> QuerySet[CaseNeed]:
    return CaseNeed.objects.filter(case=case, status__in=OPEN_NEEDS).select_related("need")
