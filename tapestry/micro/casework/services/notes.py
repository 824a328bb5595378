"""Progress notes: drafts, changes by their author, signing (which locks them), addenda."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.versioning import versioned_update
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import Addendum, Goal, ProgressNote
from tapestry.micro.casework.services.access import CLOSED, audit_on_case
from tapestry.people.models import HouseholdMember, Person
from tapestry.web.records import create_record

NOTE_FIELDS = (
    "title",
    "contact_date",
    "duration_minutes",
    "contact_type",
    "location",
    "others_present",
    "segment",
    *ProgressNote.ALL_SECTIONS,
)
ATTESTATION_MISSING = gettext_lazy(
    "Tick the attestation to sign: you confirm the note is accurate and complete."
)


class NoteLocked(Exception):
    """A signed note cannot change; corrections go in an addendum."""

    def __init__(self, note: ProgressNote) -> None:
        self.note = note
        when = (
            timezone.localtime(note.signed_at).strftime("%Y-%m-%d %H:%M")
            if note.signed_at
            else gettext("earlier")
        )
        signer = (
            (note.signed_by.get_full_name() or note.signed_by.username)
            if note.signed_by
            else gettext("its author")
        )
        super().__init__(
            gettext(
                "This note was signed by %(signer)s on %(when)s and is locked, so it cannot be changed. "
                "Add an addendum to correct it or add to it."
            )
            % {"signer": signer, "when": when}
        )


SEGMENT_REFUSAL = gettext_lazy(
    "You are not granted the psychotherapy-notes segment, so you cannot write or move notes into it."
)


def _require_segment(actor: User, segment: str) -> None:
    if segment and not policy.can_view_segment(actor, segment):
        raise PermissionDenied(SEGMENT_REFUSAL)


def _check_present(case: Case, persons: Sequence[Person], on: date) -> list[Person]:
    """Family-session attendance: only members of the case's household on the day of the contact."""
    if not persons:
        return []
    if case.household_id is None:
        raise ValidationError(
            {
                "present": [
                    gettext("This case has no household, so no family members can be recorded as present.")
                ]
            }
        )
    members = set(
        HouseholdMember.objects.filter(household_id=case.household_id)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .values_list("person_id", flat=True)
    )
    strangers = [person for person in persons if person.pk not in members]
    if strangers:
        names = ", ".join(sorted(person.display_name for person in strangers))
        raise ValidationError(
            {"present": [gettext("Not a member of the case's household: %(names)s.") % {"names": names}]}
        )
    return list(persons)


def _check_goals(case: Case, goals: Sequence[Goal]) -> list[Goal]:
    """Linked goals: only goals of this case's care plan."""
    if not goals:
        return []
    ours = set(
        Goal.objects.filter(plan__case=case, pk__in=[goal.pk for goal in goals]).values_list("pk", flat=True)
    )
    if any(goal.pk not in ours for goal in goals):
        raise ValidationError(
            {"goals": [gettext("Only goals of this case's care plan can be linked to its notes.")]}
        )
    return list(goals)


def note_create(
    *,
    actor: User,
    case: Case,
    format: str,
    sections: dict[str, str],
    contact_date: date | None = None,
    duration_minutes: int | None = None,
    title: str = "",
    segment: str = "",
    present: Sequence[Person] = (),
    contact_type: str = "",
    location: str = "",
    others_present: str = "",
    goals: Sequence[Goal] = (),
) -> ProgressNote:
    """Write a draft note on the case; it stays editable by its author until it is signed."""
    require_case_write(actor, case, closed=CLOSED)
    _require_segment(actor, segment)
    unknown = set(sections) - set(ProgressNote.ALL_SECTIONS)
    if unknown:
        raise ValidationError({name: ["A note has no such section."] for name in unknown})
    note = ProgressNote(
        case=case,
        author=actor,
        format=format,
        title=title.strip(),
        contact_date=contact_date or timezone.localdate(),
        duration_minutes=duration_minutes,
        segment=segment,
        contact_type=contact_type,
        location=location.strip(),
        others_present=others_present.strip(),
        **{name: text.strip() for name, text in sections.items()},
    )
    note.full_clean()
    present = _check_present(case, present, note.contact_date)
    goals = _check_goals(case, goals)
    fields = ["format", "title", "contact_date", "duration_minutes", "segment", *sections]
    fields += [name for name in ("contact_type", "location", "others_present") if getattr(note, name)]
    return create_record(
        actor,
        note,
        clean=False,
        person_id=case.person_id,
        fields=[*fields, *(["present"] if present else []), *(["goals"] if goals else [])],
        related={"present": present, "goals": goals},
    )


def _require_author(actor: User, note: ProgressNote, doing: str) -> None:
    if note.author_id != actor.pk:
        author = note.author.get_full_name() or note.author.username
        message = (
            gettext("Only %(author)s, who wrote this note, can sign it.")
            if doing == "sign"
            else gettext("Only %(author)s, who wrote this note, can change it.")
        )
        raise PermissionDenied(message % {"author": author})


def _locked_note(note: ProgressNote, version: int) -> ProgressNote:
    """The note's row, locked; a signed note or a stale version is refused."""
    current = (
        ProgressNote.objects.select_for_update(of=("self",))
        .select_related("case", "signed_by")
        .get(pk=note.pk)
    )
    if current.is_signed:
        raise NoteLocked(current)
    if current.version != version:
        raise StaleEdit(current.version)
    return current


def note_update(
    *,
    actor: User,
    note: ProgressNote,
    version: int,
    changes: dict[str, Any],
    present: Sequence[Person] | None = None,
    goals: Sequence[Goal] | None = None,
) -> ProgressNote:
    """Change a draft (author only). Signed notes are locked; a stale version is refused.

    Autosave comes through here too, so it is audited, versioned and refused on a signed note alike.
    """
    if note.is_signed:
        raise NoteLocked(note)
    require_case_write(actor, note.case, open=False)
    _require_author(actor, note, "change")
    if "segment" in changes:
        _require_segment(actor, changes["segment"])
    case = note.case

    def refuse_signed(current: ProgressNote) -> None:
        if current.is_signed:
            raise NoteLocked(current)

    def set_present(current: ProgressNote, changed: list[str]) -> list[str]:
        if present is None:
            if "contact_date" in changed:
                _check_present(case, list(current.present.all()), current.contact_date)
            return []
        wanted = _check_present(case, present, current.contact_date)
        if {p.pk for p in wanted} == set(current.present.values_list("pk", flat=True)):
            return []
        current.present.set(wanted)
        return ["present"]

    def set_related(current: ProgressNote, changed: list[str]) -> list[str]:
        done = set_present(current, changed)
        if goals is not None:
            linked = _check_goals(case, goals)
            if {g.pk for g in linked} != set(current.goals.values_list("pk", flat=True)):
                current.goals.set(linked)
                done.append("goals")
        return done

    return versioned_update(
        actor=actor,
        instance=note,
        version=version,
        changes=changes,
        editable=NOTE_FIELDS,
        person_id=case.person_id,
        refuse=refuse_signed,
        related=set_related,
    )


def note_sign(*, actor: User, note: ProgressNote, version: int, attested: bool) -> ProgressNote:
    """Sign a complete draft (author only) who attests it is accurate and complete; from then on it is
    locked and corrected by addenda. The attestation's words are kept with the signer and the time, in
    the language the signer read them in (the API's are English)."""
    if note.is_signed:
        raise NoteLocked(note)
    require_case_write(actor, note.case, open=False)
    _require_author(actor, note, "sign")
    if not attested:
        raise ValidationError({"attested": [ATTESTATION_MISSING]})
    with transaction.atomic():
        current = _locked_note(note, version)
        current.status = ProgressNote.Status.SIGNED
        current.signed_by = actor
        current.signed_at = timezone.now()
        current.attestation = gettext(ProgressNote.ATTESTATION)
        current.full_clean()
        current.version += 1
        current.save()
        audit_on_case(
            actor,
            AuditEntry.Action.UPDATE,
            current,
            current.case,
            ["status", "signed_by", "signed_at", "attestation"],
        )
    return current


def addendum_add(*, actor: User, note: ProgressNote, text: str) -> Addendum:
    """Add a dated correction or addition under a signed note."""
    require_case_write(actor, note.case, open=False, segment=note.segment, segment_refusal=SEGMENT_REFUSAL)
    if not note.is_signed:
        raise ValidationError(
            {
                "__all__": [
                    gettext(
                        "This note is still a draft: change the draft itself instead of adding an addendum."
                    )
                ]
            }
        )
    addendum = Addendum(note=note, text=text.strip(), author=actor)
    return create_record(actor, addendum, person_id=note.case.person_id, fields=["text"])
