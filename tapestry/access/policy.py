"""The access policy: the one place that says who may see and change what.

Two layers. Capabilities say what kind of work a role does (hold a caseload, review
break-glass, read the audit log). Record rules say which persons a user may open: their
caseload, their team's and their supervisees' caseloads, and any live emergency access.
Sensitive segments need an explicit, unexpired grant on top of that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import consent_rules
from tapestry.access.errors import OutOfReach
from tapestry.access.models import (
    Assignment,
    BreakGlass,
    Consent,
    Role,
    SegmentGrant,
    TeamMembership,
    User,
)
from tapestry.people.models import Organisation, Person


class Capability(models.TextChoices):
    PERSON_READ = "person.read", gettext_lazy("Open client records in one's caseload, team or supervision")
    PERSON_WRITE = "person.write", gettext_lazy("Register people and change their records")
    PERSON_MERGE = "person.merge", gettext_lazy("Merge duplicate person records")
    BREAK_GLASS = "break_glass.open", gettext_lazy("Open a record in an emergency")
    BREAK_GLASS_REVIEW = "break_glass.review", gettext_lazy("Review emergency accesses")
    # Counts of supervisees' work (cases, overdue items, drafts) and their supervision sessions.
    SUPERVISE = "team.supervise", gettext_lazy("See supervisees' workload and record their supervision")
    ORGANISATION_READ = "organisation.read", gettext_lazy("See organisations and their contacts")
    ORGANISATION_WRITE = "organisation.write", gettext_lazy("Add and change organisations")
    AGGREGATE_READ = "aggregate.read", gettext_lazy("See counts that identify no one")
    AUDIT_READ = "audit.read", gettext_lazy("Search the audit log")
    GROUP_RUN = (
        "group.run",
        gettext_lazy("Run groups and mediations: their rosters, sessions, attendance and notes"),
    )
    PROGRAM_MANAGE = (
        "program.manage",
        gettext_lazy("Design and run programs: logic models, budgets, staff, prevention work"),
    )
    STAFF_MANAGE = "staff.manage", gettext_lazy("Manage staff accounts, teams, caseloads and grants")
    # Macro practice: records about communities, policy and funding; none names a client.
    AREA_MANAGE = (
        "area.manage",
        gettext_lazy("Define the areas the agency works in and import their boundaries"),
    )
    POLICY_WORK = (
        "policy.work",
        gettext_lazy("Track legislation, take positions, run campaigns and coalitions"),
    )
    GRANT_MANAGE = (
        "grant.manage",
        gettext_lazy("Apply for grants and keep funders, awards, donors and donations"),
    )
    EVALUATION_MANAGE = "evaluation.manage", gettext_lazy("Define indicators and evaluate programs")
    AGENCY_LEAD = "agency.lead", gettext_lazy("See the agency dashboard and keep compliance items")
    # The thread: a client's story, scrubbed of identifiers, read and approved outside the case.
    STORY_REVIEW = "story.review", gettext_lazy("Review client stories for advocacy, scrubbed of identifiers")
    # The thread: answer an escalation signal with a draft group or a planning campaign, or dismiss it.
    SIGNAL_RESPOND = "signal.respond", gettext_lazy("Accept or dismiss escalation signals")
    # The thread: de-identified, k-anonymous research data sets (evaluators only; see docs/thread-datasets.md).
    RESEARCH_EXPORT = (
        "research.export",
        gettext_lazy("Define research data sets and export them de-identified"),
    )
    # Client alerts: a suicide-risk alert is closed only by a clinician's judgement, with a reason.
    ALERT_RESOLVE = "alert.resolve", gettext_lazy("Resolve a client's alerts, with the reason")


C = Capability
_CLIENT_FACING = {C.PERSON_READ, C.PERSON_WRITE, C.BREAK_GLASS, C.ORGANISATION_READ, C.ORGANISATION_WRITE}
_COMMUNITY = {C.ORGANISATION_READ, C.ORGANISATION_WRITE, C.AGGREGATE_READ}

ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.CASEWORKER: frozenset(_CLIENT_FACING | {C.GROUP_RUN, C.ALERT_RESOLVE}),
    Role.CRISIS_WORKER: frozenset(_CLIENT_FACING | {C.GROUP_RUN, C.ALERT_RESOLVE}),
    Role.CHILD_WELFARE_WORKER: frozenset(_CLIENT_FACING | {C.GROUP_RUN}),
    Role.SCHOOL_SOCIAL_WORKER: frozenset(_CLIENT_FACING | {C.GROUP_RUN}),
    Role.OUTREACH_WORKER: frozenset(_CLIENT_FACING | {C.GROUP_RUN}),
    Role.SUPERVISOR: frozenset(
        _CLIENT_FACING
        | {C.PERSON_MERGE, C.BREAK_GLASS_REVIEW, C.AGGREGATE_READ, C.GROUP_RUN, C.PROGRAM_MANAGE}
        | {C.SUPERVISE}
        | {C.STORY_REVIEW, C.SIGNAL_RESPOND, C.ALERT_RESOLVE}
    ),
    # Facilitators reach members through their groups (mezzo), never through the caseload.
    Role.GROUP_FACILITATOR: frozenset({C.ORGANISATION_READ, C.GROUP_RUN}),
    Role.COMMUNITY_EDUCATOR: frozenset(_COMMUNITY | {C.GROUP_RUN, C.PROGRAM_MANAGE}),
    # Program managers design programs and see their aggregates, never a roster or a case.
    Role.PROGRAM_MANAGER: frozenset(
        _COMMUNITY | {C.PROGRAM_MANAGE, C.AREA_MANAGE, C.EVALUATION_MANAGE, C.SIGNAL_RESPOND}
    ),
    Role.COMMUNITY_ORGANISER: frozenset(_COMMUNITY | {C.AREA_MANAGE, C.POLICY_WORK, C.STORY_REVIEW}),
    Role.GRANTS_OFFICER: frozenset(_COMMUNITY | {C.GRANT_MANAGE}),
    Role.EVALUATOR: frozenset(
        {C.ORGANISATION_READ, C.AGGREGATE_READ, C.AREA_MANAGE, C.EVALUATION_MANAGE, C.RESEARCH_EXPORT}
    ),
    # Leadership sees the agency's figures and keeps its compliance items; never a case.
    Role.AGENCY_DIRECTOR: frozenset({C.ORGANISATION_READ, C.AGGREGATE_READ, C.AGENCY_LEAD}),
    # The administrator keeps compliance items (licences, audits, trainings) beside staff accounts,
    # but reads no practice figures: their dashboard shows the compliance part only.
    Role.ADMINISTRATOR: frozenset(
        {C.STAFF_MANAGE, C.ORGANISATION_READ, C.ORGANISATION_WRITE, C.AREA_MANAGE, C.AGENCY_LEAD}
    ),
    Role.AUDITOR: frozenset({C.AUDIT_READ}),
}

# Whose caseloads a role may open besides the user's own.
_SEES_TEAM = {
    Role.CASEWORKER,
    Role.CRISIS_WORKER,
    Role.CHILD_WELFARE_WORKER,
    Role.SCHOOL_SOCIAL_WORKER,
    Role.OUTREACH_WORKER,
    Role.SUPERVISOR,
}
_SEES_SUPERVISEES = {Role.SUPERVISOR}


def capabilities_of(user: User) -> frozenset[Capability]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return ROLE_CAPABILITIES.get(user.role, frozenset())


def has_capability(user: User, capability: Capability) -> bool:
    return capability in capabilities_of(user)


def require_capability(user: User, capability: Capability) -> None:
    if not has_capability(user, capability):
        raise PermissionDenied(
            gettext("Your role may not: %(capability)s.") % {"capability": capability.label.lower()}
        )


def refuse_out_of_reach(user: User, *, missing: str, detail: str, person_id: int | None) -> NoReturn:
    """Rule 9, one answer for missing and forbidden: every object getter refuses through here.

    A record out of reach answers exactly as a number that does not exist (`Http404(missing)`, the
    getter's own not-found sentence), so numbers cannot be probed. The exception is a role that may
    break glass, refused a record that breaking glass would open (one person's, `person_id`): it
    gets the refusal with the reason (`detail`) and the emergency-access offer.
    """
    if person_id is not None and has_capability(user, C.BREAK_GLASS):
        raise OutOfReach(detail, person_id=person_id)
    raise Http404(missing)


def person_of(model: type[models.Model], pk: int) -> int | None:
    """The person a person-level record belongs to (its `PersonLink.path`), for the break-glass offer."""
    link = PERSON_LEVEL.get(model._meta.label_lower)
    if link is None:
        return None
    return model.objects.filter(pk=pk).values_list(link.path, flat=True).first()


def one_in_reach(
    user: User,
    queryset: QuerySet,
    pk: int,
    *,
    missing: str,
    detail: str,
    for_change: bool = False,
    read_only: str = "",
    require: Callable[[User], None] | None = None,
) -> models.Model:
    """The one record of a person-level `queryset` with this pk that the user may see (or change).

    Every getter of one person-level record answers through here: no such row is `Http404(missing)`;
    a row out of reach is refused by `refuse_out_of_reach` (the same 404, or the break-glass offer
    with `detail`); with `for_change`, a row the user may only read (emergency access) is refused
    with `read_only` when given. `require(user)`, when given, runs once the row is known to exist
    and may refuse on its own (a segment not granted, say). One query finds whether the row exists
    and whose it is, one reads it.
    """
    model = queryset.model
    link = PERSON_LEVEL[model._meta.label_lower]
    row = model.objects.filter(pk=pk).values_list("pk", link.path).first()
    if row is None:
        raise Http404(missing)
    if require is not None:
        require(user)
    found = visible(user, queryset, for_change=for_change).filter(pk=pk).first()
    if found is None:
        if for_change and read_only and visible(user, model.objects.filter(pk=pk)).exists():
            raise PermissionDenied(read_only)
        refuse_out_of_reach(user, missing=missing, detail=detail, person_id=row[1])
    return found


def _active_assignments() -> QuerySet[Assignment]:
    today = timezone.localdate()
    return Assignment.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today), started_on__lte=today)


def _caseload_staff(user: User) -> QuerySet[User]:
    """The staff whose caseloads this user may open: self, team-mates, supervisees.

    One `IN (... UNION ...)` of user ids, never an OR of a join and a subquery: PostgreSQL turns the
    union into a semi-join it can drive from the indexes on team membership and supervisor."""
    ids = User.objects.filter(pk=user.pk).order_by().values("pk")
    if user.role in _SEES_TEAM:
        teams = TeamMembership.objects.filter(user=user).values("team_id")
        ids = ids.union(TeamMembership.objects.filter(team_id__in=teams).order_by().values("user_id"))
    if user.role in _SEES_SUPERVISEES:
        ids = ids.union(User.objects.filter(supervisor=user).order_by().values("pk"))
    return User.objects.filter(pk__in=ids, is_active=True).values("pk")


def persons_visible(user: User) -> QuerySet[Person]:
    """Every person the user may open, as one queryset: the persons in the caseloads the user may open
    and those opened in an emergency, as one `pk IN (... UNION ...)` semi-join (no OR of subqueries,
    which PostgreSQL can only check row by row over every person)."""
    if not has_capability(user, C.PERSON_READ):
        return Person.objects.none()
    caseload = _active_assignments().filter(staff_id__in=_caseload_staff(user)).order_by().values("person_id")
    emergency = (
        BreakGlass.objects.filter(user=user, expires_at__gt=timezone.now()).order_by().values("person_id")
    )
    return Person.objects.active().filter(pk__in=caseload.union(emergency))


def nameable(user: User, path: str = "pk") -> Q:
    """Whether the person at `path` may be shown to the user by name, as a condition for `annotate`.

    The one rule for naming related people (relatives, household members, carers, parties): only
    someone the user may open is named; anyone else appears as their relationship only. As a
    subquery it adds no query to the page that annotates with it.
    """
    return Q(**{f"{path}__in": persons_visible(user).values("pk")})


def persons_changeable(user: User) -> QuerySet[Person]:
    """Persons the user may change: as visible, but emergency access is read-only."""
    if not has_capability(user, C.PERSON_WRITE):
        return Person.objects.none()
    caseload = _active_assignments().filter(staff_id__in=_caseload_staff(user)).values("person_id")
    return Person.objects.active().filter(pk__in=caseload)


def can_view_person(user: User, person: Person) -> bool:
    return persons_visible(user).filter(pk=person.pk).exists()


def can_change_person(user: User, person: Person) -> bool:
    return persons_changeable(user).filter(pk=person.pk).exists()


def emergency_access(user: User, person: Person) -> BreakGlass | None:
    """The user's live break-glass access to this person, if any."""
    return BreakGlass.objects.filter(user=user, person=person, expires_at__gt=timezone.now()).first()


@dataclass(frozen=True)
class PersonLink:
    """How a person-level model reaches its person, and which segment its rows belong to.

    `run_by` opens rows through the work a user runs rather than through their caseload: a
    path from the row to a group (or a mediation) and a function giving the pks of the
    groups that user runs. A facilitator so sees their roster and attendance, and nothing
    else of the members' records.
    """

    path: str
    also: str | None = None
    segment_field: str | None = None
    run_by: tuple[str, Callable[[User], QuerySet]] | None = None


# Every model that holds person-level data is declared here; `visible` refuses any other.
PERSON_LEVEL: dict[str, PersonLink] = {}


def register_person_level(label: str, link: PersonLink) -> None:
    PERSON_LEVEL[label] = link


def _reach(user: User, model: type[models.Model], link: PersonLink, persons: QuerySet) -> Q:
    """The condition for rows of `model` within reach: its person among `persons`, or (when the link
    says so) its other person, or its group run by the user.

    A single path is one `IN` the planner makes a semi-join. Several ways in are one
    `pk IN (... UNION ...)` of the model's own rows, never an OR of subqueries: PostgreSQL can only
    test such an OR row by row over the whole table (a "hashed SubPlan" filter), while each branch
    of the union is a semi-join driven by the index on its foreign key.
    """
    ways = [Q(**{f"{link.path}__in": persons})]
    if link.also:
        ways.append(Q(**{f"{link.also}__in": persons}))
    if link.run_by is not None and has_capability(user, C.GROUP_RUN):
        path, runs = link.run_by
        ways.append(Q(**{f"{path}__in": runs(user)}))
    if len(ways) == 1:
        return ways[0]
    first, *rest = (model._base_manager.filter(way).order_by().values("pk") for way in ways)
    return Q(pk__in=first.union(*rest))


def visible(user: User, queryset: QuerySet, *, for_change: bool = False) -> QuerySet:
    """Filter a queryset of a person-level model to the rows the user may see (or change)."""
    label = queryset.model._meta.label_lower
    if label not in PERSON_LEVEL:
        raise LookupError(f"{label} is not declared as person-level data in the access policy.")
    link = PERSON_LEVEL[label]
    persons = (persons_changeable(user) if for_change else persons_visible(user)).values("pk")
    queryset = queryset.filter(_reach(user, queryset.model, link, persons))
    if link.segment_field:
        queryset = queryset.filter(
            Q(**{link.segment_field: ""}) | Q(**{f"{link.segment_field}__in": list(segments_granted(user))})
        )
    return queryset


def segments_granted(user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    now = timezone.now()
    grants = SegmentGrant.objects.filter(user=user, revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )
    return set(grants.values_list("segment", flat=True))


def can_view_segment(user: User, segment: str) -> bool:
    if not segment:
        return True
    return has_capability(user, C.PERSON_READ) and segment in segments_granted(user)


def consent_for_disclosure(
    *,
    person: Person,
    segment: str,
    purpose: str,
    recipient: Organisation | None,
    parts: Iterable[str] = (),
    on: date | None = None,
) -> Consent | None:
    """The consent in force that lets these parts of the record go to this recipient, or None.

    Substance-use records (42 CFR Part 2) and school records (FERPA) need a complete written
    consent naming the recipient organisation and every part released (only the 2024 single
    consent for treatment, payment and health-care operations may describe its recipients in
    general words); other segments accept a consent naming the recipient or open to any recipient.
    tapestry.access.consent_rules says why none fits.
    """
    day = on or timezone.localdate()
    parts = list(parts)
    candidates = Consent.objects.filter(
        person=person,
        segment=segment,
        purpose__in=consent_rules.purposes_covering(segment, purpose),
        given_on__lte=day,
    )
    candidates = candidates.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))
    candidates = candidates.filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=day))
    if segment in consent_rules.STRICT_SEGMENTS:
        if recipient is None:
            return None
        candidates = candidates.filter(written=True).filter(
            Q(recipient_organisation=recipient)
            | Q(purpose=Consent.Purpose.TPO, recipient_organisation__isnull=True)
        )
    elif recipient is not None:
        candidates = candidates.filter(
            Q(recipient_organisation=recipient) | Q(recipient_organisation__isnull=True)
        )
    for consent in candidates.select_related("person").order_by("-given_on", "-id"):
        if consent_rules.missing_elements(consent) or consent_rules.uncovered_parts(consent, parts):
            continue
        return consent
    return None


def may_disclose(
    user: User,
    *,
    person: Person,
    segment: str,
    purpose: str,
    recipient: Organisation | None,
    parts: Iterable[str] = (),
) -> bool:
    """Whether the user may send these parts of the person's record outside the agency."""
    if not can_view_person(user, person) or not can_view_segment(user, segment):
        return False
    consent = consent_for_disclosure(
        person=person, segment=segment, purpose=purpose, recipient=recipient, parts=parts
    )
    return consent is not None


def can_review_break_glass(user: User, entry: BreakGlass) -> bool:
    if not has_capability(user, C.BREAK_GLASS_REVIEW) or entry.user_id == user.pk:
        return False
    opener_supervisor = entry.user.supervisor_id
    return opener_supervisor is None or opener_supervisor == user.pk


def break_glass_review_queue(user: User) -> QuerySet[BreakGlass]:
    """Unreviewed emergency accesses by the user's supervisees (or by staff with no supervisor)."""
    if not has_capability(user, C.BREAK_GLASS_REVIEW):
        return BreakGlass.objects.none()
    return (
        BreakGlass.objects.filter(outcome=BreakGlass.Outcome.PENDING)
        .filter(Q(user__supervisor=user) | Q(user__supervisor__isnull=True))
        .exclude(user=user)
        .select_related("user", "person")
    )
