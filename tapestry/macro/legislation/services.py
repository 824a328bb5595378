"""Writes to legislation tracking: bills and their history, the agency's positions, papers, testimony,
contacts with legislators, hearings and their reminders, and the Open States import.

Every write needs POLICY_WORK; bills are agency facts (no client is named), so any holder may change
any bill. Each write and its audit entry commit together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_save, versioned_update
from tapestry.macro.legislation.importing import ParsedBill, Problem, bill_from_openstates, parse_json
from tapestry.macro.legislation.models import (
    Action,
    Bill,
    BillVersion,
    Hearing,
    HearingReminder,
    Legislator,
    LegislatorContact,
    PaperVersion,
    Position,
    PositionPaper,
    Sponsorship,
    Subject,
    Testimony,
    status_from_actions,
)
from tapestry.web.records import create_record, update_record

BILL_FIELDS = (
    "kind",
    "jurisdiction",
    "session",
    "identifier",
    "title",
    "classification",
    "abstract",
    "from_organization",
    "openstates_url",
)
ACTION_FIELDS = ("date", "description", "organization", "classification")
SPONSOR_FIELDS = ("name", "classification", "entity_type", "primary", "legislator")
VERSION_FIELDS = ("note", "date", "links")
LEGISLATOR_FIELDS = ("name", "office", "party", "email", "phone")
POSITION_FIELDS = ("stance", "rationale", "decided_by", "decided_on")
TESTIMONY_FIELDS = (
    "hearing",
    "hearing_date",
    "committee",
    "testified_by",
    "mode",
    "summary",
    "text",
    "document_url",
)
CONTACT_FIELDS = (
    "legislator",
    "legislator_name",
    "office",
    "staff_name",
    "contacted_on",
    "channel",
    "asked",
    "answer",
    "follow_up",
    "follow_up_by",
)
HEARING_FIELDS = ("starts_at", "committee", "location", "notes")
# How long before a hearing its followers are reminded.
REMINDER_LEAD = dt.timedelta(days=3)


def _require(actor: User) -> None:
    policy.require_capability(actor, Capability.POLICY_WORK)


def _strip(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


def _clean_subjects(subjects: list[str]) -> list[str]:
    names: list[str] = []
    for subject in subjects:
        subject = subject.strip()
        if len(subject) > 150:
            raise ValidationError({"subjects": [gettext("A subject has at most 150 characters.")]})
        if subject and subject.casefold() not in {name.casefold() for name in names}:
            names.append(subject)
    return names


def _check_key_free(jurisdiction: str, session: str, identifier: str, *, exclude_pk: int | None) -> None:
    taken = Bill.objects.filter(
        jurisdiction__iexact=jurisdiction, session__iexact=session, identifier__iexact=identifier
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(
            {
                "identifier": [
                    gettext("%(identifier)s of %(jurisdiction)s (%(session)s) is already tracked.")
                    % {
                        "identifier": identifier,
                        "jurisdiction": jurisdiction,
                        "session": session or gettext("no session"),
                    }
                ]
            }
        )


# Bills ---------------------------------------------------------------------------------------------


def bill_create(*, actor: User, subjects: list[str] | tuple[str, ...] = (), **values: Any) -> Bill:
    """Start tracking a bill or policy; whoever adds it follows it (hearing reminders)."""
    _require(actor)
    unknown = set(values) - set(BILL_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    values = _strip(values)
    bill = Bill(created_by=actor, **values)
    bill.full_clean(validate_constraints=False)
    _check_key_free(bill.jurisdiction, bill.session, bill.identifier, exclude_pk=None)
    names = _clean_subjects(list(subjects))
    with transaction.atomic():
        create_record(actor, bill, clean=False, fields=[*values, "subjects"], related={"followers": [actor]})
        Subject.objects.bulk_create(Subject(bill=bill, name=name) for name in names)
    return bill


def _set_subjects(bill: Bill, names: list[str]) -> list[str]:
    current = list(bill.subjects.values_list("name", flat=True))
    if sorted(current) == sorted(names):
        return []
    bill.subjects.all().delete()
    Subject.objects.bulk_create(Subject(bill=bill, name=name) for name in names)
    return ["subjects"]


def bill_update(*, actor: User, bill: Bill, version: int, changes: dict[str, Any]) -> Bill:
    """Change a bill's facts; the version must be the one the editor read (several people edit bills)."""
    _require(actor)
    changes = _strip(dict(changes))
    subjects = changes.pop("subjects", None)
    names = _clean_subjects(subjects) if subjects is not None else None
    key = {name: changes.get(name, getattr(bill, name)) for name in ("jurisdiction", "session", "identifier")}
    _check_key_free(key["jurisdiction"], key["session"], key["identifier"], exclude_pk=bill.pk)
    return versioned_update(
        actor=actor,
        instance=bill,
        version=version,
        changes=changes,
        editable=BILL_FIELDS,
        clean_exclude=["openstates_id"],
        related=(lambda current, _changed: _set_subjects(current, names)) if names is not None else None,
    )


def bill_follow(*, actor: User, bill: Bill, follow: bool) -> Bill:
    """Follow a bill (get reminders before its hearings) or stop following it."""
    policy.require_capability(actor, Capability.AGGREGATE_READ)
    with transaction.atomic():
        if follow:
            bill.followers.add(actor)
        else:
            bill.followers.remove(actor)
        update_record(actor, bill, columns=[], fields=["followers"])
    return bill


def _refresh_status(bill: Bill) -> None:
    """Derive the bill's status from its actions, oldest first (the caller holds the transaction)."""
    actions = list(
        Action.objects.filter(bill=bill).order_by("date", "order", "pk").values_list("date", "classification")
    )
    status = status_from_actions(classification for _, classification in actions)
    status_date = actions[-1][0] if actions else None
    if (bill.status, bill.status_date) != (status, status_date):
        bill.status, bill.status_date = status, status_date
        Bill.objects.filter(pk=bill.pk).update(status=status, status_date=status_date)


def action_add(
    *,
    actor: User,
    bill: Bill,
    date: dt.date,
    description: str,
    organization: str = "",
    classification: list[str],
) -> Action:
    """Add a step to the bill's history; its status follows its latest classified actions."""
    _require(actor)
    with transaction.atomic():
        last = Action.objects.select_for_update().filter(bill=bill).aggregate(last=Max("order"))["last"]
        action = Action(
            bill=bill,
            date=date,
            description=description.strip(),
            organization=organization.strip(),
            classification=list(dict.fromkeys(classification)),
            order=0 if last is None else last + 1,
        )
        create_record(actor, action, fields=ACTION_FIELDS)
        _refresh_status(bill)
    return action


def sponsorship_add(
    *,
    actor: User,
    bill: Bill,
    name: str,
    classification: str = Sponsorship.Classification.PRIMARY,
    entity_type: str = Sponsorship.EntityType.PERSON,
    legislator: Legislator | None = None,
) -> Sponsorship:
    _require(actor)
    name = name.strip() or (legislator.name if legislator else "")
    sponsorship = Sponsorship(
        bill=bill,
        name=name,
        classification=classification,
        entity_type=entity_type,
        primary=classification == Sponsorship.Classification.PRIMARY,
        legislator=legislator,
    )
    return create_record(actor, sponsorship, fields=SPONSOR_FIELDS)


def version_add(
    *, actor: User, bill: Bill, note: str, date: dt.date | None = None, links: list[dict[str, str]] = ()
) -> BillVersion:
    _require(actor)
    version = BillVersion(bill=bill, note=note.strip(), date=date, links=[dict(link) for link in links])
    return create_record(actor, version, fields=VERSION_FIELDS)


def legislator_create(*, actor: User, **values: Any) -> Legislator:
    _require(actor)
    legislator = Legislator(**_strip(values))
    return create_record(actor, legislator, fields=[name for name, value in values.items() if value])


# The agency's work on a bill -------------------------------------------------------------------------


def position_set(*, actor: User, bill: Bill, version: int, **values: Any) -> Position:
    """Take or change the agency's position; version 0 takes the first one, any other must be current."""
    _require(actor)
    return versioned_save(
        actor=actor,
        model=Position,
        lookup={"bill": bill},
        version=version,
        changes=_strip(values),
        editable=POSITION_FIELDS,
        created_with={"recorded_by": actor},
    )


def paper_create(*, actor: User, bill: Bill, title: str, text: str, note: str = "") -> PositionPaper:
    """Start a position paper with its first version."""
    _require(actor)
    paper = PositionPaper(bill=bill, title=title.strip(), created_by=actor)
    first = PaperVersion(number=1, text=text.strip(), note=note.strip() or "First version", written_by=actor)
    first.paper = paper
    errors = {**_errors(paper), **_errors(first, exclude=["paper"])}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        create_record(actor, paper, clean=False, fields=["title"])
        first.paper = paper
        create_record(actor, first, clean=False, fields=["number", "text", "note"])
    return paper


def _errors(record: Any, exclude: list[str] | None = None) -> dict[str, list[str]]:
    try:
        record.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        return error.message_dict
    return {}


def paper_revise(
    *, actor: User, paper: PositionPaper, version: int, text: str, note: str = ""
) -> PositionPaper:
    """Write a new version of a paper; every earlier version is kept. Refused if someone revised it since."""
    _require(actor)
    text = text.strip()
    if not text:
        raise ValidationError({"text": [gettext("Write the paper's text.")]})

    def add_version(current: PositionPaper, _changed: list[str]) -> list[str]:
        number = current.revisions.aggregate(last=Max("number"))["last"] or 0
        revision = PaperVersion(
            paper=current, number=number + 1, text=text, note=note.strip(), written_by=actor
        )
        create_record(actor, revision, validate_constraints=False, fields=["number", "text", "note"])
        return ["revisions"]

    return versioned_update(
        actor=actor, instance=paper, version=version, changes={}, editable=(), related=add_version
    )


def testimony_record(*, actor: User, bill: Bill, **values: Any) -> Testimony:
    _require(actor)
    hearing = values.get("hearing")
    if hearing is not None and hearing.bill_id != bill.pk:
        raise ValidationError({"hearing": [gettext("That hearing is on another bill.")]})
    testimony = Testimony(bill=bill, recorded_by=actor, **_strip(values))
    return create_record(
        actor, testimony, fields=[name for name, value in values.items() if value not in ("", None)]
    )


def contact_record(*, actor: User, bill: Bill, **values: Any) -> LegislatorContact:
    """Log a contact with a legislator or their staff: who, when, how, what was asked and the answer."""
    _require(actor)
    contact = LegislatorContact(bill=bill, recorded_by=actor, **_strip(values))
    return create_record(
        actor, contact, fields=[name for name, value in values.items() if value not in ("", None)]
    )


def hearing_schedule(*, actor: User, bill: Bill, **values: Any) -> Hearing:
    """Put a hearing on the calendar; the task queue reminds the bill's followers before it."""
    _require(actor)
    hearing = Hearing(bill=bill, **_strip(values))
    create_record(actor, hearing, fields=[name for name, value in values.items() if value])
    transaction.on_commit(lambda: _schedule_reminders(hearing.starts_at))
    return hearing


def _schedule_reminders(starts_at: dt.datetime) -> None:
    """Ask the worker to send reminders when the hearing comes within reach, or now if it already has.

    A backend that cannot defer (the tests' immediate one) runs the send at once, which reminds only for
    hearings already within `REMINDER_LEAD`; `manage.py send_hearing_reminders` (daily) covers the rest.
    """
    from tapestry.macro.legislation.tasks import send_hearing_reminders

    remind_at = starts_at - REMINDER_LEAD
    if remind_at > timezone.now() and send_hearing_reminders.get_backend().supports_defer:
        send_hearing_reminders.using(run_after=remind_at).enqueue()
    else:
        send_hearing_reminders.enqueue()


def _hearing_message(hearing: Hearing) -> str:
    """The reminder's words, in the language active where it is called (the follower's)."""
    when = timezone.localtime(hearing.starts_at)
    names = {
        "identifier": hearing.bill.identifier,
        "jurisdiction": hearing.bill.jurisdiction,
        "committee": hearing.committee,
        "day": date_format(when, "l d F"),
        "time": date_format(when, "H:i"),
        "location": hearing.location,
    }
    if hearing.location:
        message = gettext(
            "%(identifier)s (%(jurisdiction)s) is heard by %(committee)s on %(day)s at %(time)s, %(location)s."
        )
    else:
        message = gettext(
            "%(identifier)s (%(jurisdiction)s) is heard by %(committee)s on %(day)s at %(time)s."
        )
    return (message % names)[:400]


def hearing_reminders_send(*, now: dt.datetime | None = None) -> list[HearingReminder]:
    """Remind each follower of each bill whose hearing starts within `REMINDER_LEAD` (once per hearing
    and follower). Run by the task worker; the inner write of a job, so it asks no capability."""
    now = now or timezone.now()
    due = (
        Hearing.objects.filter(starts_at__gt=now, starts_at__lte=now + REMINDER_LEAD)
        .select_related("bill")
        .prefetch_related("bill__followers", "reminders")
    )
    sent: list[HearingReminder] = []
    with transaction.atomic():
        for hearing in due:
            already = {reminder.recipient_id for reminder in hearing.reminders.all()}
            for follower in hearing.bill.followers.all():
                if follower.pk not in already and follower.is_active:
                    with translation.override(follower.language or settings.LANGUAGE_CODE):
                        message = _hearing_message(hearing)
                    reminder = HearingReminder(hearing=hearing, recipient=follower, message=message)
                    sent.append(create_record(None, reminder, clean=False, fields=["recipient", "message"]))
            if hearing.reminded_at is None:
                hearing.reminded_at = now
                update_record(None, hearing, columns=["reminded_at"])
    return sent


# Import ----------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did, or every problem that stopped it (then nothing was stored)."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    unkept: list[str] = field(default_factory=list)
    bill: Bill | None = None
    created: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if not self.ok:
            count = len(self.problems)
            return ngettext(
                "%(source)s: nothing was imported; %(count)s problem to fix.",
                "%(source)s: nothing was imported; %(count)s problems to fix.",
                count,
            ) % {"source": self.source, "count": count}
        bill = self.bill
        counts = {key: len(bill.import_counts[key]) for key in ("actions", "sponsorships", "versions")}
        names = {
            "source": self.source,
            "bill": f"{bill.identifier} ({bill.session})",
            "actions": ngettext("%(count)s action", "%(count)s actions", counts["actions"])
            % {"count": counts["actions"]},
            "sponsors": ngettext("%(count)s sponsor", "%(count)s sponsors", counts["sponsorships"])
            % {"count": counts["sponsorships"]},
            "versions": ngettext("%(count)s version", "%(count)s versions", counts["versions"])
            % {"count": counts["versions"]},
        }
        if self.created:
            return (
                gettext("%(source)s: %(bill)s added, with %(actions)s, %(sponsors)s and %(versions)s.")
                % names
            )
        return (
            gettext("%(source)s: %(bill)s updated, with %(actions)s, %(sponsors)s and %(versions)s.") % names
        )

    def errors(self) -> dict[str, list[str]]:
        """The problems by where they are, for the API's error body."""
        found: dict[str, list[str]] = {}
        for problem in self.problems:
            found.setdefault(problem.where, []).append(problem.message)
        return found


def bill_import_file(*, actor: User, content: bytes, source: str) -> ImportReport:
    """Import one Open States bill file: all of it, or nothing and every problem."""
    _require(actor)
    data, problems = parse_json(content)
    if problems:
        return ImportReport(source=source, problems=problems)
    return bill_import(actor=actor, data=data, source=source)


def bill_import(*, actor: User, data: Any, source: str = "The bill") -> ImportReport:
    """Import an Open States bill (API v3 shape). The same bill again (its Open States id, or its
    jurisdiction, session and identifier) updates the record: the legislature's part (title, subjects,
    sponsors, versions, actions) is replaced, the agency's own work on it is kept."""
    _require(actor)
    parsed, problems, unkept = bill_from_openstates(data)
    report = ImportReport(source=source, problems=problems, unkept=unkept)
    if problems:
        return report
    with transaction.atomic():
        existing = _matching_bill(parsed, report)
        if report.problems:
            return report
        report.created = existing is None
        report.bill = _store(actor, parsed, existing)
    return report


def _matching_bill(parsed: ParsedBill, report: ImportReport) -> Bill | None:
    by_id = None
    if parsed.openstates_id:
        by_id = Bill.objects.select_for_update().filter(openstates_id=parsed.openstates_id).first()
    by_key = (
        Bill.objects.select_for_update()
        .filter(
            jurisdiction__iexact=parsed.jurisdiction,
            session__iexact=parsed.session,
            identifier__iexact=parsed.identifier,
        )
        .first()
    )
    if by_id and by_key and by_id.pk != by_key.pk:
        report.problems.append(
            Problem(
                "identifier",
                f"Another tracked bill already is {parsed.identifier} of {parsed.jurisdiction} ({parsed.session}).",
            )
        )
    if by_key and not by_id and by_key.openstates_id:
        report.problems.append(
            Problem(
                "id", f"{by_key.identifier} is tracked with another Open States id ({by_key.openstates_id})."
            )
        )
    return by_id or by_key


def _legislator_for(actor: User, sponsor: dict[str, Any], known: dict[str, Legislator]) -> Legislator | None:
    person_id = sponsor["person_id"]
    if not person_id:
        return None
    if person_id not in known:
        legislator = Legislator(
            name=sponsor["name"],
            office=sponsor["person_office"][:150],
            party=sponsor["person_party"],
            openstates_id=person_id,
        )
        known[person_id] = create_record(
            actor, legislator, clean=False, fields=["name", "office", "party", "openstates_id"]
        )
    return known[person_id]


def _store(actor: User, parsed: ParsedBill, bill: Bill | None) -> Bill:
    values = {
        "jurisdiction": parsed.jurisdiction,
        "jurisdiction_ocd_id": parsed.jurisdiction_ocd_id,
        "jurisdiction_classification": parsed.jurisdiction_classification,
        "session": parsed.session,
        "identifier": parsed.identifier,
        "title": parsed.title,
        "classification": parsed.classification,
        "abstract": parsed.abstract,
        "from_organization": parsed.from_organization,
        "openstates_id": parsed.openstates_id or (bill.openstates_id if bill else None),
        "openstates_url": parsed.openstates_url,
        "sources": parsed.sources,
    }
    fields = [*values, "subjects", "sponsorships", "actions", "versions"]
    if bill is None:
        bill = Bill(kind=Bill.Kind.BILL, created_by=actor, **values)
        create_record(actor, bill, clean=False, fields=fields, related={"followers": [actor]})
    else:
        for name, value in values.items():
            setattr(bill, name, value)
        bill.version += 1
        update_record(actor, bill, columns=[*values, "version"], fields=fields)
        for related in (bill.subjects, bill.sponsorships, bill.actions, bill.versions):
            related.all().delete()
    Subject.objects.bulk_create(Subject(bill=bill, name=name) for name in _clean_subjects(parsed.subjects))
    known = {
        legislator.openstates_id: legislator
        for legislator in Legislator.objects.filter(
            openstates_id__in=[s["person_id"] for s in parsed.sponsorships if s["person_id"]]
        )
    }
    sponsorships = Sponsorship.objects.bulk_create(
        Sponsorship(
            bill=bill,
            name=s["name"],
            classification=s["classification"],
            entity_type=s["entity_type"],
            primary=s["primary"],
            legislator=_legislator_for(actor, s, known),
        )
        for s in parsed.sponsorships
    )
    actions = Action.objects.bulk_create(Action(bill=bill, **action) for action in parsed.actions)
    versions = BillVersion.objects.bulk_create(
        BillVersion(bill=bill, **version) for version in parsed.versions
    )
    _refresh_status(bill)
    bill.import_counts = {"actions": actions, "sponsorships": sponsorships, "versions": versions}
    return bill
