"""Reads for a person's timeline and ecomap and a household's genogram, all from the access policy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Assignment, Consent, User
from tapestry.extensions import app_modules
from tapestry.micro.cases.hooks import EcomapLink, TimelineEvent
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_visible
from tapestry.people import selectors as people
from tapestry.people.mentions import PersonMention, member_mention, mention, relative_label
from tapestry.people.models import Household, HouseholdMember, Person, Relationship

# Labels for the kinds this app and the other micro apps put on the timeline; others are titled.
KIND_LABELS = {
    "registered": gettext_lazy("Registered"),
    "household": gettext_lazy("Household"),
    "relationship": gettext_lazy("Relationship"),
    "consent": gettext_lazy("Consent"),
    "case": gettext_lazy("Case"),
    "need": gettext_lazy("Need"),
    "assessment": gettext_lazy("Assessment"),
    "plan": gettext_lazy("Care plan"),
    "review": gettext_lazy("Plan review"),
    "note": gettext_lazy("Note"),
    "service": gettext_lazy("Service"),
    "crisis": gettext_lazy("Crisis"),
    "referral": gettext_lazy("Referral"),
    "advocacy": gettext_lazy("Advocacy"),
    "child_welfare": gettext_lazy("Child welfare"),
    "school": gettext_lazy("School"),
    "treatment": gettext_lazy("Treatment"),
}

SEPARATOR = "; "


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind) or kind.replace("_", " ").capitalize())


def _providers(name: str) -> tuple:
    """Every app's provider module of this name (this app adds its own reads directly, not as one)."""
    return tuple(module for module in app_modules(name) if not module.__name__.startswith(__package__))


# Timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One event as the page and the API show it, with what sorting and grouping need."""

    event: TimelineEvent
    day: dt.date
    time: dt.time | None
    case_number: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.event.kind)

    @property
    def when_text(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.time:%H:%M}" if self.time else f"{self.day:%Y-%m-%d}"

    @property
    def sort_key(self) -> tuple[dt.date, bool, dt.time]:
        # Newest first, an event with only a date is listed below the timed events of its day: they
        # say when they happened, it says only which day (and one at 00:00 still ranks as timed).
        return (self.day, self.time is not None, self.time or dt.time.min)


@dataclass(frozen=True)
class TimelineMonth:
    first_day: dt.date
    rows: list[TimelineRow]


@dataclass
class PersonTimeline:
    """A person's timeline as one viewer may see it: every row, the chosen rows, and the filter choices."""

    person: Person
    rows: list[TimelineRow]
    cases: list[Case]
    kinds: list[tuple[str, str]] = field(default_factory=list)

    def filtered(self, *, kind: str = "", case_id: int | None = None) -> list[TimelineRow]:
        rows = self.rows
        if kind:
            rows = [row for row in rows if row.event.kind == kind]
        if case_id is not None:
            rows = [row for row in rows if row.event.case_id == case_id]
        return rows


def _day_and_time(when: dt.datetime | dt.date) -> tuple[dt.date, dt.time | None]:
    if isinstance(when, dt.datetime):
        if timezone.is_aware(when):
            when = timezone.localtime(when)
        return when.date(), when.time()
    return when, None


def _relationships(user: User, person: Person) -> QuerySet[Relationship]:
    """The person's relationships the user may see, with whether each end may be named."""
    return (
        policy.visible(user, Relationship.objects.filter(Q(from_person=person) | Q(to_person=person)))
        .select_related("from_person", "to_person")
        .annotate(
            from_visible=policy.nameable(user, "from_person"), to_visible=policy.nameable(user, "to_person")
        )
    )


def _other_end(relationship: Relationship, person: Person) -> PersonMention:
    """The other person of one of `person`'s relationships, as the viewer may see them."""
    mine = relationship.from_person_id == person.pk
    other = relationship.to_person if mine else relationship.from_person
    return mention(
        other,
        nameable=relationship.to_visible if mine else relationship.from_visible,
        relation=relative_label(relationship, other.pk),
    )


def _person_events(user: User, person: Person) -> list[TimelineEvent]:
    """What the people and access areas know: registration, households, relationships, consents."""
    record = reverse("people:person_detail", args=[person.pk])
    events = [
        TimelineEvent(when=person.created_at, kind="registered", title=gettext("Registered"), url=record)
    ]
    memberships = policy.visible(user, HouseholdMember.objects.filter(person=person)).select_related(
        "household"
    )
    for membership in memberships:
        household_url = reverse("people:household_detail", args=[membership.household_id])
        position = membership.get_position_display().lower()
        events.append(
            TimelineEvent(
                when=membership.joined_on or membership.created_at,
                kind="household",
                title=gettext("Joined %(household)s") % {"household": membership.household.name},
                detail=gettext("As %(position)s") % {"position": position},
                url=household_url,
            )
        )
        if membership.left_on:
            events.append(
                TimelineEvent(
                    when=membership.left_on,
                    kind="household",
                    title=gettext("Left %(household)s") % {"household": membership.household.name},
                    url=household_url,
                )
            )
    for relationship in _relationships(user, person):
        shown = _other_end(relationship, person)
        label = relationship.kind_from(person.pk).lower()
        about = (
            gettext("%(relationship)s of %(name)s") % {"relationship": label, "name": shown.name}
            if shown.shown
            else shown.hidden_label
        )
        notes = [gettext("No contact") if relationship.no_contact else "", relationship.notes]
        events.append(
            TimelineEvent(
                when=relationship.created_at,
                kind="relationship",
                title=gettext("Relationship recorded: %(about)s") % {"about": about},
                detail=SEPARATOR.join(part for part in notes if part),
                url=record,
            )
        )
    consents = policy.visible(user, Consent.objects.filter(person=person)).select_related(
        "recipient_organisation"
    )
    for consent in consents:
        recipient = (
            consent.recipient_organisation.name
            if consent.recipient_organisation
            else consent.recipient_description or gettext("any recipient")
        )
        purpose = {"purpose": consent.get_purpose_display().lower(), "recipient": recipient}
        events.append(
            TimelineEvent(
                when=consent.given_on,
                kind="consent",
                title=gettext("Consent given for %(purpose)s to %(recipient)s") % purpose,
                detail=consent.information,
                url=record,
            )
        )
        if consent.revoked_on:
            events.append(
                TimelineEvent(
                    when=consent.revoked_on,
                    kind="consent",
                    title=gettext("Consent revoked for %(purpose)s to %(recipient)s") % purpose,
                    url=record,
                )
            )
    return events


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """Every event about the person the user may see: this app's reads plus every app's provider."""
    events = _person_events(user, person)
    for module in _providers("timeline"):
        events.extend(module.timeline_events(user=user, person=person))
    return events


def _person_in_reach(user: User, person_id: int) -> Person:
    """The person (403/404 otherwise); a merged record stands for the record it was merged into."""
    person = people.person_get(user=user, person_id=person_id)
    if person.merged_into_id:
        person = people.person_get(user=user, person_id=person.merged_into_id)
    return person


def person_timeline(*, user: User, person_id: int, purpose: str = "timeline") -> PersonTimeline:
    """A person's timeline, newest first, in a fixed number of queries; the open is audited.

    Events that name a case the viewer may not see (a segment they are not granted) are left
    out here as well as by each provider, so a careless provider cannot leak one.
    """
    person = _person_in_reach(user, person_id)
    audit_view(user, obj=person, fields=["timeline"], purpose=purpose)
    events = timeline_events(user=user, person=person)
    named_cases = {event.case_id for event in events if event.case_id is not None}
    cases = list(
        cases_visible(user)
        .filter(Q(person=person) | Q(pk__in=named_cases))
        .order_by("-opened_on", "-pk")
        .only("pk", "case_type", "opened_on", "status")
    )
    numbers = {case.pk: case.number for case in cases}
    rows = [
        TimelineRow(event, *_day_and_time(event.when), case_number=numbers.get(event.case_id, ""))
        for event in events
        if event.case_id is None or event.case_id in numbers
    ]
    # Newest first; events at the same moment in the reverse of the order they were given, since
    # each area lists its own events oldest first (a case's closing after its opening).
    order = sorted(range(len(rows)), key=lambda index: (rows[index].sort_key, index), reverse=True)
    rows = [rows[index] for index in order]
    kinds = sorted({(row.event.kind, row.kind_label) for row in rows}, key=lambda pair: pair[1])
    return PersonTimeline(person=person, rows=rows, cases=cases, kinds=kinds)


def timeline_months(rows: Iterable[TimelineRow]) -> list[TimelineMonth]:
    """Rows (already in order) grouped by calendar month."""
    months: list[TimelineMonth] = []
    for row in rows:
        first_day = row.day.replace(day=1)
        if not months or months[-1].first_day != first_day:
            months.append(TimelineMonth(first_day, []))
        months[-1].rows.append(row)
    return months


# Ecomap -------------------------------------------------------------------------------------


@dataclass
class Ecomap:
    person: Person
    links: list[EcomapLink]


def _active_assignments(person: Person) -> QuerySet[Assignment]:
    today = timezone.localdate()
    return (
        Assignment.objects.filter(person=person, started_on__lte=today)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
        .select_related("staff")
        .order_by("kind", "started_on")
    )


def _family_links(user: User, person: Person) -> list[EcomapLink]:
    """Relatives and household members, one link per other person, with every tie in its detail."""
    ties: dict[int, list[str]] = {}
    others: dict[int, PersonMention] = {}
    strained: set[int] = set()
    for relationship in _relationships(user, person).order_by("pk"):
        shown = _other_end(relationship, person)
        others.setdefault(shown.person_id, shown)
        tie = relationship.kind_from(person.pk)
        if not relationship.is_current:
            tie = gettext("%(relationship)s (past)") % {"relationship": tie}
        if relationship.no_contact:
            tie = gettext("%(relationship)s, no contact") % {"relationship": tie}
            strained.add(shown.person_id)
        ties.setdefault(shown.person_id, []).append(tie)
    own_households = policy.visible(
        user, HouseholdMember.objects.filter(person=person, left_on__isnull=True)
    ).values("household_id")
    # Co-members outside the viewer's caseload appear as household members only, never by name.
    members = (
        HouseholdMember.objects.filter(household__in=own_households, left_on__isnull=True)
        .exclude(person=person)
        .select_related("person", "household")
        .annotate(person_visible=policy.nameable(user, "person"))
        .order_by("household__name", "pk")
    )
    for member in members:
        others.setdefault(member.person_id, member_mention(member))
        position = member.get_position_display().lower()
        ties.setdefault(member.person_id, []).append(
            gettext("Lives in %(household)s (%(position)s)")
            % {"household": member.household.name, "position": position}
        )
    links = [
        EcomapLink(
            label=str(shown),
            kind="family",
            detail=SEPARATOR.join(ties[other_id]),
            url=shown.url,
            stressful=other_id in strained,
            person_id=other_id,
        )
        for other_id, shown in others.items()
    ]
    return sorted(links, key=lambda link: (link.stressful, link.label))


def _worker_links(person: Person) -> list[EcomapLink]:
    return [
        EcomapLink(
            label=assignment.staff.get_full_name() or assignment.staff.username,
            kind="worker",
            detail=gettext("%(kind)s since %(since)s")
            % {"kind": assignment.get_kind_display(), "since": f"{assignment.started_on:%Y-%m-%d}"},
        )
        for assignment in _active_assignments(person)
    ]


def _consent_links(user: User, person: Person) -> list[EcomapLink]:
    """Organisations the person has agreed their information may go to (consents in force)."""
    today = timezone.localdate()
    consents = (
        policy.visible(user, Consent.objects.filter(person=person, recipient_organisation__isnull=False))
        .filter(given_on__lte=today)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=today))
        .select_related("recipient_organisation")
    )
    return [
        EcomapLink(
            label=consent.recipient_organisation.name,
            kind="school" if consent.recipient_organisation.kind == "school" else "organisation",
            detail=gettext("Consent to share for %(purpose)s")
            % {"purpose": consent.get_purpose_display().lower()},
            url=reverse("people:organisation_detail", args=[consent.recipient_organisation_id]),
        )
        for consent in consents
    ]


def _merged(links: Iterable[EcomapLink]) -> list[EcomapLink]:
    """One link per (kind, name, address): two apps naming the same service become one connection."""
    merged: dict[tuple[str, str, str, int | None], EcomapLink] = {}
    for link in links:
        key = (link.kind, link.label, link.url, link.person_id)
        if key not in merged:
            merged[key] = link
            continue
        seen = merged[key]
        details = [part for part in (seen.detail, link.detail) if part]
        detail = SEPARATOR.join(dict.fromkeys(details))
        merged[key] = replace(seen, detail=detail, stressful=seen.stressful or link.stressful)
    return list(merged.values())


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    """Every connection of the person the user may see: family, workers, organisations, then each app's."""
    links = [*_family_links(user, person), *_worker_links(person), *_consent_links(user, person)]
    for module in _providers("ecomap"):
        links.extend(module.ecomap_links(user=user, person=person))
    return _merged(links)


def person_ecomap(*, user: User, person_id: int, purpose: str = "ecomap") -> Ecomap:
    """A person's connections, in a fixed number of queries; the open is audited."""
    person = _person_in_reach(user, person_id)
    audit_view(
        user, obj=person, fields=["relationships", "households", "workers", "connections"], purpose=purpose
    )
    return Ecomap(person=person, links=ecomap_links(user=user, person=person))


# Genogram -----------------------------------------------------------------------------------


@dataclass
class Genogram:
    household: Household
    members: list[HouseholdMember]
    relationships: list[Relationship]


def household_genogram(*, user: User, household_id: int) -> Genogram:
    """A household's members and the relationships among them that the user may see (audited)."""
    household = people.household_detail(user=user, household_id=household_id)
    members = list(household.memberships.all())
    member_ids = [member.person_id for member in members]
    audit_view(
        user,
        object_type="people.relationship",
        object_id=household.pk,
        fields=["kind", "from_person", "to_person"],
        purpose="genogram",
    )
    relationships = list(
        policy.visible(
            user, Relationship.objects.filter(from_person__in=member_ids, to_person__in=member_ids)
        ).order_by("pk")
    )
    return Genogram(household=household, members=members, relationships=relationships)
