"""One batch of persons and everything about them, written in one transaction."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from django.db import models, transaction

from tapestry.access.audit import entry_digest
from tapestry.access.models import Assignment, AuditChainHead, AuditEntry, Consent, User
from tapestry.demo import names
from tapestry.demo.scale.plan import (
    ATTENDANCE_MARKS,
    CASE_TYPES,
    DECLINE_REASONS,
    GROUP_KINDS,
    HOLD_REASONS,
    HOUSEHOLD_SIZES,
    HOUSEHOLD_WEIGHTS,
    MEAN_HOUSEHOLD,
    NEAR_DUPLICATE_SHARE,
    NOTE_NEXT,
    NOTE_SAID,
    NOTE_SEEN,
    NOTE_TITLES,
    NOTE_UNDERSTOOD,
    NOTES_CAP,
    OPEN_SHARE,
    PERSONS_PER_GROUP,
    PROBLEMS,
    PROGRAMS,
    REFERRAL_REASONS,
    REFERRERS,
    SECOND_CASE_SHARE,
    SESSION_TOPICS,
    AgencyPlan,
    StaffIds,
)
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.demo import spread_answers
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.services import scored
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.micro.casework.models import ProgressNote, ServiceRecord
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.people.models import (
    ContactPoint,
    Household,
    HouseholdMember,
    Person,
    PersonAlias,
    Relationship,
    normalise_contact,
    search_name_of,
)


def _audit_append(entries: list[AuditEntry]) -> None:
    """Chain `entries` after the head, in order, and move the head: the rules of audit_record, in bulk.

    The caller holds a transaction; the head row is locked until it commits, as for one entry.
    """
    if not entries:
        return
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    last_id, last_hash = head.last_id, head.last_hash
    for entry in entries:
        last_id += 1
        entry.id = last_id
        entry.prev_hash = last_hash
        entry.hash = last_hash = entry_digest(entry)
    AuditEntry.objects.bulk_create(entries)
    head.last_id, head.last_hash = last_id, last_hash
    head.save(update_fields=["last_id", "last_hash"])


# Chance that a person living alone is a second record of someone already on file (intake typos).
_DUPLICATE_CHANCE = NEAR_DUPLICATE_SHARE * MEAN_HOUSEHOLD / (HOUSEHOLD_WEIGHTS[0] / sum(HOUSEHOLD_WEIGHTS))
_GENDER_POOLS = (("woman", names.GIVEN_WOMEN), ("man", names.GIVEN_MEN), ("non-binary", names.GIVEN_NEUTRAL))


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=dt.UTC)


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _misspell(rng: random.Random, name: str) -> str:
    """A variant a hurried intake produces: a dropped, doubled or swapped letter."""
    if len(name) < 4:
        return name + name[-1]
    at = rng.randint(1, len(name) - 2)
    how = rng.randrange(3)
    if how == 0:
        return name[:at] + name[at + 1 :]
    if how == 1:
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


class Batch:
    """The rows of one batch, drawn from the batch's own generator and written in one transaction."""

    def __init__(self, plan: AgencyPlan, staff: StaffIds, usernames: dict[int, str], number: int) -> None:
        self.rng = random.Random(f"tapestry-agency:{plan.seed}:batch:{number}")
        self.plan = plan
        self.staff = staff
        self.usernames = usernames
        self.number = number
        self.first = number * plan.batch
        self.size = min(plan.batch, plan.clients - self.first)
        self.today = plan.today
        self.counts: Counter = Counter()
        self.audit: list[AuditEntry] = []
        self.cases: list[Case] = []

    def save(self, model: type[models.Model], rows: list) -> list:
        made = model.objects.bulk_create(rows)
        self.counts[model._meta.label_lower] += len(made)
        return made

    # persons ------------------------------------------------------------------------------
    def _given(self) -> tuple[str, str]:
        gender, pool = self.rng.choices(_GENDER_POOLS, weights=(47, 46, 7))[0]
        given = self.rng.choice(pool)
        if self.rng.random() < 0.15:
            given = f"{given} {self.rng.choice(pool)}"
        return given, gender

    def _family(self) -> str:
        family = self.rng.choice(names.FAMILY_NAMES)
        if self.rng.random() < 0.1:
            family = f"{family}-{self.rng.choice(names.FAMILY_NAMES)}"
        return family

    def _person(self, *, family: str, youngest: int, oldest: int, adult: bool) -> Person:
        given, gender = self._given()
        languages, interpreter = self.rng.choice(names.LANGUAGES)
        recorded = adult or self.rng.random() < 0.5
        identities = names.GENDER_IDENTITY if adult else names.CHILD_GENDER_IDENTITY
        preferred = names.NICKNAMES.get(given, "") if self.rng.random() < 0.6 else ""
        born = self.today - dt.timedelta(days=self.rng.randint(youngest * 365, oldest * 365 + 364))
        return Person(
            given_name=given,
            family_name=family,
            preferred_name=preferred,
            date_of_birth=born,
            gender_identity=identities[gender] if recorded else "",
            pronouns=names.PRONOUNS[gender] if recorded else "",
            languages=languages,
            needs_interpreter=interpreter and adult,
            notes=self.rng.choice(names.PRACTICAL_NOTES) if adult and self.rng.random() < 0.3 else "",
            search_name=search_name_of(given, preferred, family),
        )

    def _near_duplicate(self, original: Person) -> Person:
        given, family, born = original.given_name, original.family_name, original.date_of_birth
        if self.rng.random() < 0.5:
            family = _misspell(self.rng, family)
        else:
            given = _misspell(self.rng, given)
        if self.rng.random() < 0.2 and born.day <= 12:
            born = born.replace(month=born.day, day=born.month)  # day and month swapped on a form
        return Person(
            given_name=given,
            family_name=family,
            date_of_birth=born,
            languages=original.languages,
            search_name=search_name_of(given, family),
        )

    def make_people(self) -> list[tuple[int, list[int], int | None]]:
        """Persons, contacts, aliases, households and relationships; returns (head, children, household) ids."""
        rng = self.rng
        persons: list[Person] = []
        shapes: list[tuple[int, list[tuple[int, str]], str]] = []  # head index, (index, position), name
        shared_phone: dict[int, int] = {}  # duplicate index -> original index
        adults: list[int] = []
        while len(persons) < self.size:
            size = min(rng.choices(HOUSEHOLD_SIZES, weights=HOUSEHOLD_WEIGHTS)[0], self.size - len(persons))
            if size == 1 and adults and rng.random() < _DUPLICATE_CHANCE:
                original = rng.choice(adults)
                persons.append(self._near_duplicate(persons[original]))
                if rng.random() < 0.5:
                    shared_phone[len(persons) - 1] = original
                shapes.append((len(persons) - 1, [], ""))
                continue
            family = self._family()
            head = len(persons)
            persons.append(
                self._person(family=family, youngest=19, oldest=80 if size == 1 else 60, adult=True)
            )
            adults.append(head)
            members = [(head, HouseholdMember.Position.HEAD)]
            if size >= 2 and rng.random() < 0.6:
                partner_family = family if rng.random() < 0.5 else self._family()
                persons.append(self._person(family=partner_family, youngest=19, oldest=60, adult=True))
                adults.append(len(persons) - 1)
                members.append((len(persons) - 1, HouseholdMember.Position.PARTNER))
            while len(members) < size:
                persons.append(self._person(family=family, youngest=0, oldest=17, adult=False))
                members.append((len(persons) - 1, HouseholdMember.Position.CHILD))
            shapes.append((head, members if size > 1 else [], f"{family} household"))
        persons = self.save(Person, persons)

        contacts, aliases = [], []
        for index in adults + list(shared_phone):
            person = persons[index]
            number = self.first + index
            phone_of = self.first + shared_phone.get(index, index)
            phone = f"(555) {phone_of // 10_000 % 1000:03d}-{phone_of % 10_000:04d}"
            contacts.append(ContactPoint(person=person, kind=ContactPoint.Kind.PHONE, value=phone,
                                         normalised=normalise_contact(ContactPoint.Kind.PHONE, phone),
                                         safe_to_contact=rng.random() > 0.08))  # fmt: skip
            if rng.random() < 0.5:
                email = f"{search_name_of(person.given_name).replace(' ', '')}.{number}@example.org"
                contacts.append(
                    ContactPoint(
                        person=person,
                        kind=ContactPoint.Kind.EMAIL,
                        value=email,
                        normalised=normalise_contact(ContactPoint.Kind.EMAIL, email),
                    )
                )
            if rng.random() < 0.08:
                alias = f"{person.given_name} {_misspell(rng, person.family_name)}"
                aliases.append(PersonAlias(person=person, name=alias, search_name=search_name_of(alias)))
        self.save(ContactPoint, contacts)
        self.save(PersonAlias, aliases)

        households = self.save(Household, [Household(name=name) for _, members, name in shapes if members])
        rows, links = [], []
        found = iter(households)
        result = []
        for head, members, _ in shapes:
            if not members:
                result.append((persons[head].pk, [], None))
                continue
            household = next(found)
            for index, position in members:
                joined = self.today - dt.timedelta(days=rng.randint(30, 3000))
                rows.append(
                    HouseholdMember(
                        household=household, person=persons[index], position=position, joined_on=joined
                    )
                )
            parents = [persons[i] for i, p in members if p != HouseholdMember.Position.CHILD]
            children = [persons[i] for i, p in members if p == HouseholdMember.Position.CHILD]
            if len(parents) == 2:
                links.append(
                    Relationship(from_person=parents[0], to_person=parents[1], kind=Relationship.Kind.PARTNER)
                )
            links += [
                Relationship(from_person=p, to_person=c, kind=Relationship.Kind.PARENT)
                for p in parents
                for c in children
            ]
            links += [
                Relationship(from_person=a, to_person=b, kind=Relationship.Kind.SIBLING)
                for a, b in zip(children, children[1:], strict=False)
            ]
            result.append((persons[head].pk, [child.pk for child in children], household.pk))
        self.save(HouseholdMember, rows)
        self.save(Relationship, links)
        return result

    # cases and casework -------------------------------------------------------------------
    def _worker_for(self, case_type: str, role: str) -> int:
        if case_type == Case.Type.SUBSTANCE_USE:
            return self.rng.choice(self.staff.substance_use_workers)
        return self.rng.choice(self.staff.workers[role])

    def _program_for(self, case_type: str) -> int | None:
        if self.rng.random() < 0.3:
            return None
        return next((self.staff.programs[name] for name, _, types in PROGRAMS if case_type in types), None)

    def _case(self, *, person: int, household: int | None, case_type: str, worker: int,
              opened: dt.date, closed: dt.date | None, status: str) -> Case:  # fmt: skip
        rng = self.rng
        on_hold_since = _between(rng, opened, self.today) if status == Case.Status.ON_HOLD else None
        return Case(
            person_id=person,
            household_id=household
            if case_type in (Case.Type.FAMILY_THERAPY, Case.Type.CHILD_WELFARE)
            else None,
            program_id=self._program_for(case_type),
            case_type=case_type,
            segment=Case.SEGMENT_OF_TYPE.get(case_type, ""),
            presenting_problem=rng.choice(PROBLEMS),
            referral_source=rng.choice(REFERRERS),
            worker_id=worker,
            status=status,
            on_hold_since=on_hold_since,
            hold_reason=rng.choice(HOLD_REASONS) if on_hold_since else "",
            opened_on=opened,
            closed_on=closed,
            closing_reason=rng.choice(Case.ClosingReason.values) if closed else "",
        )

    def make_cases(self, households: list[tuple[int, list[int], int | None]]) -> list[tuple[int, int, int]]:
        """Cases for each household's head (or a child, for school work) and their caseload assignments.

        Returns (person id, case id, worker id) of current, open cases, for the groups.
        """
        rng, today = self.rng, self.today
        types = [row[0] for row in CASE_TYPES]
        weights = [row[1] for row in CASE_TYPES]
        roles = {row[0]: row[2] for row in CASE_TYPES}
        cases, assignments = [], []
        for head, children, household in households:
            case_type = rng.choices(types, weights=weights)[0]
            person = head
            if case_type == Case.Type.SCHOOL:
                if not children:
                    case_type = Case.Type.CASE_MANAGEMENT
                else:
                    person = rng.choice(children)
            worker = self._worker_for(case_type, roles[case_type])
            status = rng.choices(Case.Status.values, weights=(OPEN_SHARE * 100, 5, 95 - OPEN_SHARE * 100))[0]
            if status == Case.Status.CLOSED:
                opened = today - dt.timedelta(days=rng.randint(30, 1500))
                closed = min(today, opened + dt.timedelta(days=rng.randint(14, 400)))
            else:
                opened, closed = today - dt.timedelta(days=rng.randint(0, 720)), None
            started = opened
            if rng.random() < SECOND_CASE_SHARE and opened > today - dt.timedelta(days=1200):
                # A returning client: an earlier case with the same worker, closed before this one opened.
                earlier_closed = opened - dt.timedelta(days=rng.randint(30, 200))
                started = earlier_closed - dt.timedelta(days=rng.randint(30, 300))
                cases.append(self._case(person=person, household=household, case_type=case_type, worker=worker,
                                        opened=started, closed=earlier_closed, status=Case.Status.CLOSED))  # fmt: skip
            cases.append(self._case(person=person, household=household, case_type=case_type, worker=worker,
                                    opened=opened, closed=closed, status=status))  # fmt: skip
            assignments.append(
                Assignment(staff_id=worker, person_id=person, started_on=started, ended_on=closed)
            )
        cases = self.save(Case, cases)
        self.cases = cases
        self.save(Assignment, assignments)
        for case in cases:
            self.audit.append(self._entry(case.worker_id, AuditEntry.Action.CREATE, "cases.case", case.pk,
                                          case.person_id, case.opened_on, ["case_type", "presenting_problem", "worker"],
                                          "case opened"))  # fmt: skip
            if rng.random() < 0.6:
                day = _between(rng, case.opened_on, case.closed_on or today)
                self.audit.append(self._entry(case.worker_id, AuditEntry.Action.VIEW, "people.person", case.person_id,
                                              case.person_id, day, ["date_of_birth", "name"], "client record opened"))  # fmt: skip
        self.make_needs(cases)
        self.make_notes(cases)
        self.make_assessments(cases)
        return [
            (case.person_id, case.pk, case.worker_id) for case in cases if case.status == Case.Status.OPEN
        ]

    def _entry(self, actor: int, action: str, object_type: str, object_id: int, person: int,
               day: dt.date, fields: list[str], purpose: str) -> AuditEntry:  # fmt: skip
        return AuditEntry(at=_moment(day, self.rng), actor_id=actor, actor_username=self.usernames[actor],
                          action=action, object_type=object_type, object_id=str(object_id), person_id=person,
                          fields=sorted(fields), purpose=purpose)  # fmt: skip

    def make_needs(self, cases: list[Case]) -> None:
        rng = self.rng
        statuses = CaseNeed.Status.values
        needs = []
        for case in cases:
            for need in rng.sample(self.staff.needs, k=min(len(self.staff.needs), rng.randint(1, 4))):
                status = rng.choices(statuses, weights=(30, 35, 20, 15))[0]
                if case.status == Case.Status.CLOSED and status in (
                    CaseNeed.Status.IDENTIFIED,
                    CaseNeed.Status.BEING_ADDRESSED,
                ):
                    status = CaseNeed.Status.MET
                barrier = (
                    rng.choice(self.staff.barriers)
                    if status == CaseNeed.Status.UNMET and self.staff.barriers
                    else None
                )
                if status == CaseNeed.Status.UNMET and barrier is None:
                    status = CaseNeed.Status.IDENTIFIED
                needs.append(
                    CaseNeed(
                        case=case,
                        need_id=need,
                        status=status,
                        barrier_id=barrier,
                        identified_on=case.opened_on,
                    )
                )
        needs = self.save(CaseNeed, needs)
        changes = []
        for need in needs:
            case = need.case
            changes.append(CaseNeedChange(case_need=need, status=CaseNeed.Status.IDENTIFIED, changed_by_id=case.worker_id,
                                          changed_at=_moment(case.opened_on, rng)))  # fmt: skip
            if need.status != CaseNeed.Status.IDENTIFIED:
                day = _between(rng, case.opened_on, case.closed_on or self.today)
                changes.append(CaseNeedChange(case_need=need, status=need.status, barrier_id=need.barrier_id,
                                              changed_by_id=case.worker_id, changed_at=_moment(day, rng)))  # fmt: skip
        self.save(CaseNeedChange, changes)

    def _note(self, case: Case, day: dt.date) -> ProgressNote:
        rng = self.rng
        note_format = rng.choices(ProgressNote.Format.values, weights=(30, 20, 50))[0]
        sections: dict[str, str] = {}
        if note_format == ProgressNote.Format.DAP:
            sections = {
                "data": rng.choice(NOTE_SAID),
                "assessment": rng.choice(NOTE_UNDERSTOOD),
                "plan": rng.choice(NOTE_NEXT),
            }
        elif note_format == ProgressNote.Format.SOAP:
            sections = {"subjective": rng.choice(NOTE_SAID), "objective": rng.choice(NOTE_SEEN),
                        "assessment": rng.choice(NOTE_UNDERSTOOD), "plan": rng.choice(NOTE_NEXT)}  # fmt: skip
        else:
            sections = {"text": f"{rng.choice(NOTE_SAID)} {rng.choice(NOTE_NEXT)}"}
        signed = day < self.today - dt.timedelta(days=3) or rng.random() < 0.5
        contact_type = rng.choice(ProgressNote.ContactType.values[:4])
        return ProgressNote(
            case=case,
            author_id=case.worker_id,
            format=note_format,
            title=rng.choice(NOTE_TITLES),
            contact_date=day,
            duration_minutes=rng.choice((15, 30, 45, 60, 90)),
            contact_type=contact_type,
            effective_segment=case.segment,
            status=ProgressNote.Status.SIGNED if signed else ProgressNote.Status.DRAFT,
            signed_by_id=case.worker_id if signed else None,
            signed_at=_moment(day, rng) if signed else None,
            attestation=ProgressNote.ATTESTATION if signed else "",
            **sections,
        )

    def make_notes(self, cases: list[Case]) -> None:
        """Progress notes, skewed as real caseloads are: most cases few, a few cases hundreds."""
        rng = self.rng
        notes = []
        for case in cases:
            count = min(NOTES_CAP, int(rng.lognormvariate(0.2, 1.35)))
            end = case.closed_on or self.today
            notes += [self._note(case, _between(rng, case.opened_on, end)) for _ in range(count)]
        notes = self.save(ProgressNote, notes)
        modality = {"office": "in_person", "home_visit": "home_visit", "phone": "phone", "video": "video"}
        service_type = {Case.Type.CRISIS: "crisis_intervention", Case.Type.COUNSELLING: "counselling",
                        Case.Type.FAMILY_THERAPY: "family_session"}  # fmt: skip
        services = [
            ServiceRecord(
                case=note.case,
                delivered_on=note.contact_date,
                service_type=service_type.get(note.case.case_type, "case_management"),
                minutes=note.duration_minutes,
                modality=modality[note.contact_type],
                staff_id=note.author_id,
                note=note,
                recorded_by_id=note.author_id,
            )  # fmt: skip
            for note in notes
            if note.status == ProgressNote.Status.SIGNED and rng.random() < 0.5
        ]
        self.save(ServiceRecord, services)

    def make_assessments(self, cases: list[Case]) -> None:
        """PHQ-9 and GAD-7 about a month apart on counselling and mental-health cases, mostly improving."""
        rng = self.rng
        rows = []
        for case in cases:
            if case.case_type not in (Case.Type.COUNSELLING, Case.Type.MENTAL_HEALTH):
                continue
            worker = User(pk=case.worker_id)
            start, end = rng.randint(10, 21), rng.randint(2, 14)
            times = rng.randint(1, 5)
            for n in range(times):
                day = min(case.closed_on or self.today, case.opened_on + dt.timedelta(days=7 + 30 * n))
                phq = round(start + (end - start) * n / max(times - 1, 1))
                for code, items, total in (("phq-9", 8, phq), ("gad-7", 7, max(0, phq - 3))):
                    answers = spread_answers(rng, [f"q{i}" for i in range(1, items + 1)], total, 3)
                    if code == "phq-9":
                        answers["q9"] = "0"
                    rows.append(scored(case, INSTRUMENTS[code], None, answers, day, by=worker))
        self.save(Assessment, rows)

    # groups, sessions, attendance ---------------------------------------------------------
    def make_groups(self, open_cases: list[tuple[int, int, int]]) -> None:
        rng, today = self.rng, self.today
        if not open_cases:
            return
        count = max(1, round(self.size / PERSONS_PER_GROUP))
        groups, plans = [], []
        for index in range(count):
            kind, label = rng.choice(GROUP_KINDS)
            weeks = rng.randint(4, 30)
            first = today - dt.timedelta(days=7 * weeks)
            facilitator = rng.choice(self.staff.facilitators)
            members = rng.sample(open_cases, k=min(len(open_cases), rng.randint(6, 14)))
            groups.append(Group(
                name=f"{label} {self.number + 1}.{index + 1}",
                kind=kind,
                purpose=f"A {label.lower()} for clients of the agency.",
                program_id=self.staff.programs[rng.choice(PROGRAMS)[0]],
                location=f"{rng.choice(names.TOWNS)[0]} community room",
                capacity=15,
                first_session_on=first,
                start_time=dt.time(rng.choice((10, 14, 18))),
                session_count=weeks + rng.randint(0, 8),
                status=Group.Status.RUNNING,
                created_by_id=facilitator,
            ))  # fmt: skip
            plans.append((facilitator, members, weeks))
        groups = self.save(Group, groups)
        self.save(
            Group.facilitators.through,
            [Group.facilitators.through(group=g, user_id=p[0]) for g, p in zip(groups, plans, strict=True)],
        )
        focus = [
            Group.focus_needs.through(group=g, need_id=need)
            for g in groups
            for need in rng.sample(self.staff.needs, k=min(2, len(self.staff.needs)))
        ]
        self.save(Group.focus_needs.through, focus)

        memberships, sessions = [], []
        for group, (facilitator, members, weeks) in zip(groups, plans, strict=True):
            for person, case, _ in members:
                memberships.append(Membership(group=group, person_id=person, case_id=case, status=Membership.Status.ENROLLED,
                                              requested_at=_moment(group.first_session_on - dt.timedelta(days=7), rng),
                                              enrolled_on=group.first_session_on, added_by_id=facilitator))  # fmt: skip
            for week in range(weeks):
                held = rng.random() > 0.05
                sessions.append(Session(group=group, held_on=group.first_session_on + dt.timedelta(days=7 * week),
                                        start_time=group.start_time, topic=SESSION_TOPICS[week % len(SESSION_TOPICS)],
                                        status=Session.Status.HELD if held else Session.Status.CANCELLED,
                                        recorded_by_id=facilitator))  # fmt: skip
        memberships = self.save(Membership, memberships)
        sessions = self.save(Session, sessions)
        by_group: dict[int, list[Membership]] = {}
        for membership in memberships:
            by_group.setdefault(membership.group_id, []).append(membership)
        # Each member has their own habit: some come every week, some drift away.
        habit = {membership.pk: rng.uniform(0.45, 0.97) for membership in memberships}
        attendance = [
            Attendance(
                session=session,
                membership=membership,
                recorded_by_id=session.recorded_by_id,
                status=ATTENDANCE_MARKS[0]
                if rng.random() < habit[membership.pk]
                else rng.choice(ATTENDANCE_MARKS[1:]),
            )  # fmt: skip
            for session in sessions
            if session.status == Session.Status.HELD
            for membership in by_group[session.group_id]
        ]
        self.save(Attendance, attendance)

    # referrals ----------------------------------------------------------------------------
    def make_referrals(self, cases: list[Case]) -> None:
        """Referrals from general cases to directory services, each sent under a written consent."""
        rng = self.rng
        statuses = (Referral.Status.SENT, Referral.Status.RECEIVED, Referral.Status.ACCEPTED,
                    Referral.Status.DECLINED, Referral.Status.COMPLETED, Referral.Status.NO_RESPONSE)  # fmt: skip
        chosen = []
        for case in cases:
            if case.segment or rng.random() >= 0.2:
                continue
            index = rng.randrange(len(self.staff.services))
            day = _between(rng, case.opened_on, case.closed_on or self.today)
            status = rng.choices(statuses, weights=(10, 10, 25, 10, 35, 10))[0]
            urgency = rng.choices(Referral.Urgency.values, weights=(70, 20, 10))[0]
            chosen.append((case, index, day, status, urgency))
        consents = self.save(Consent, [
            Consent(person_id=case.person_id, purpose=Consent.Purpose.REFERRAL, written=True,
                    information="Name, contact details and the needs this referral is for",
                    recipient_organisation_id=self.staff.services[index][1], given_on=day,
                    expires_on=day + dt.timedelta(days=365), recorded_by_id=case.worker_id)
            for case, index, day, _, _ in chosen
        ])  # fmt: skip
        referrals = self.save(Referral, [
            Referral(case=case, service_id=self.staff.services[index][0],
                     recipient_organisation_id=self.staff.services[index][1], reason=REFERRAL_REASONS[index],
                     urgency=urgency, share_contact_details=True, share_needs=True, status=status,
                     decline_reason=rng.choice(DECLINE_REASONS) if status == Referral.Status.DECLINED else "",
                     sent_at=_moment(day, rng), response_due_on=day + dt.timedelta(days=Referral.RESPONSE_DAYS[urgency]),
                     consent=consent, created_by_id=case.worker_id)
            for (case, index, day, status, urgency), consent in zip(chosen, consents, strict=True)
        ])  # fmt: skip
        events = []
        for referral in referrals:
            events.append(ReferralEvent(referral=referral, status=Referral.Status.SENT, actor_id=referral.created_by_id,
                                        at=referral.sent_at))  # fmt: skip
            if referral.status != Referral.Status.SENT:
                later = min(
                    referral.sent_at + dt.timedelta(days=rng.randint(1, 20)), _moment(self.today, rng)
                )
                events.append(ReferralEvent(referral=referral, status=referral.status, actor_id=referral.created_by_id,
                                            at=max(later, referral.sent_at)))  # fmt: skip
        self.save(ReferralEvent, events)

    def run(self) -> Counter:
        with transaction.atomic():
            households = self.make_people()
            open_cases = self.make_cases(households)
            self.make_groups(open_cases)
            self.make_referrals(self.cases)
            _audit_append(self.audit)
            self.counts["access.auditentry"] += len(self.audit)
        return self.counts
