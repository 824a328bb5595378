"""Every write to treatment records: plans, medication check-ins, team notes and releases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import consent_rules, policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Consent, Segment, User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_plan_save, require_case_write
from tapestry.micro.treatment.disclosure import REDISCLOSURE_NOTICE, consent_problem
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.people.models import Organisation
from tapestry.web.records import create_record

PLAN_FIELDS = ("diagnosis", "problems", "goals", "interventions", "frequency", "review_on")


class ReleaseRefused(PermissionDenied):
    """No written consent lets these substance-use records go to this recipient for this purpose."""

    def __init__(self, reason: str, *, person_id: int) -> None:
        self.reason = reason
        self.consent_add_url = reverse("people:consent_add", args=[person_id])
        super().__init__(
            gettext("%(reason)s Record the signed consent first: %(url)s")
            % {"reason": reason, "url": self.consent_add_url}
        )


REFUSAL = gettext_lazy(
    "You may not add to this case: it is outside your caseload, or in a segment you are not granted."
)
CLOSED = gettext_lazy("This case is closed; treatment records cannot be added to it.")


def treatment_plan_save(*, actor: User, case: Case, version: int, changes: dict[str, Any]) -> TreatmentPlan:
    """Write the case's treatment plan: version 0 creates it, otherwise the version read must be current."""
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED, field="case")
    return case_plan_save(
        actor=actor, model=TreatmentPlan, case=case, version=version, changes=changes, editable=PLAN_FIELDS
    )


def checkin_record(
    *,
    actor: User,
    case: Case,
    medication: str,
    adherence: str,
    checked_on: dt.date | None = None,
    prescribed_by: str = "",
    side_effects: str = "",
    note: str = "",
) -> MedicationCheckin:
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED, field="case")
    checkin = MedicationCheckin(
        case=case,
        medication=medication.strip(),
        adherence=adherence,
        checked_on=checked_on or timezone.localdate(),
        prescribed_by=prescribed_by.strip(),
        side_effects=side_effects.strip(),
        note=note.strip(),
        recorded_by=actor,
    )
    return create_record(
        actor,
        checkin,
        exclude=["case", "recorded_by"],
        validate_constraints=False,
        person_id=case.person_id,
        fields=["checked_on", "medication", "prescribed_by", "adherence", "side_effects", "note"],
    )


def team_note_add(
    *,
    actor: User,
    case: Case,
    discipline: str,
    text: str,
    written_on: dt.date | None = None,
    counselling_note: bool = False,
) -> TeamNote:
    """Add a team note as the actor; notes are not edited afterwards (add another to correct one)."""
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED, field="case")
    note = TeamNote(
        case=case,
        discipline=discipline,
        text=text.strip(),
        written_on=written_on or timezone.localdate(),
        counselling_note=counselling_note,
        author=actor,
    )
    return create_record(
        actor,
        note,
        exclude=["case", "author"],
        validate_constraints=False,
        person_id=case.person_id,
        fields=["discipline", "written_on", "text", "counselling_note"],
    )


def _released_content(case: Case, parts: list[str]) -> dict[str, Any]:
    """The parts of the record as they stand now, in a form that keeps (JSON)."""
    person = case.person
    content: dict[str, Any] = {
        "person": {
            "name": person.display_name,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
        },
        "case": {"number": case.number, "type": case.get_case_type_display()},
    }
    errors: dict[str, list[str]] = {}
    if Release.Part.TREATMENT_PLAN in parts:
        plan = TreatmentPlan.objects.filter(case=case).first()
        if plan is None:
            errors.setdefault("parts", []).append(gettext("This case has no treatment plan to release."))
        else:
            content["treatment_plan"] = {
                **{name: str(getattr(plan, name)) for name in PLAN_FIELDS},
                "version": plan.version,
            }
    if Release.Part.MEDICATION in parts:
        checkins = list(case.medication_checkins.all())
        if not checkins:
            errors.setdefault("parts", []).append(
                gettext("This case has no medication check-ins to release.")
            )
        content["medication"] = [
            {
                "checked_on": c.checked_on.isoformat(),
                "medication": c.medication,
                "prescribed_by": c.prescribed_by,
                "adherence": c.get_adherence_display(),
                "side_effects": c.side_effects,
                "note": c.note,
            }
            for c in checkins
        ]
    for part, counselling, empty in (
        (Release.Part.TEAM_NOTES, False, gettext("This case has no team notes to release.")),
        (Release.Part.COUNSELLING_NOTES, True, gettext("This case has no SUD counselling notes to release.")),
    ):
        if part not in parts:
            continue
        notes = list(case.team_notes.filter(counselling_note=counselling).select_related("author"))
        if not notes:
            errors.setdefault("parts", []).append(empty)
        content[part] = [
            {
                "written_on": n.written_on.isoformat(),
                "discipline": n.get_discipline_display(),
                "author": n.author.get_full_name() or n.author.username,
                "text": n.text,
            }
            for n in notes
        ]
    if errors:
        raise ValidationError(errors)
    return content


def release_make(
    *, actor: User, case: Case, recipient: Organisation, purpose: str, parts: list[str]
) -> Release:
    """Release parts of a substance-use record to an organisation, only under written consent.

    The consent must be in force today, complete (every element of 42 CFR 2.31(a)), for this
    purpose, name this recipient (or be the single TPO consent) and name every part released
    (tapestry.access.policy.consent_for_disclosure). Otherwise ReleaseRefused says what is
    missing. An allowed release keeps what went out, the 42 CFR 2.32 notice and an account of
    the consent's scope, and is audited as an export.
    """
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED, field="case")
    if case.segment != Segment.SUBSTANCE_USE:
        raise ValidationError(
            {
                "case": [
                    gettext(
                        "Releases here are of substance-use records, and this case is not in that segment. "
                        "Share general records through a referral with the person's consent."
                    )
                ]
            }
        )
    errors: dict[str, list[str]] = {}
    if purpose not in Consent.Purpose.values:
        errors["purpose"] = [gettext("“%(purpose)s” is not a purpose of disclosure.") % {"purpose": purpose}]
    elif purpose == Consent.Purpose.TPO:
        errors["purpose"] = [
            gettext("Say what this release is for: treatment, payment or health-care operations.")
        ]
    chosen = list(dict.fromkeys(parts))
    if not chosen:
        errors["parts"] = [gettext("Choose at least one part of the record to release.")]
    elif set(chosen) - set(Release.Part.values):
        errors["parts"] = [f"Unknown parts: {', '.join(sorted(set(chosen) - set(Release.Part.values)))}."]
    elif Release.Part.COUNSELLING_NOTES in chosen and len(chosen) > 1:
        errors["parts"] = [
            gettext(
                "SUD counselling notes go out on their own, under their own consent (42 CFR 2.31(b)): "
                "release them separately."
            )
        ]
    if errors:
        raise ValidationError(errors)
    consent = policy.consent_for_disclosure(
        person=case.person, segment=Segment.SUBSTANCE_USE, purpose=purpose, recipient=recipient, parts=chosen
    )
    if consent is None:
        reason = consent_problem(person=case.person, recipient=recipient, purpose=purpose, parts=chosen)
        raise ReleaseRefused(reason, person_id=case.person_id)
    content = _released_content(case, chosen)
    release = Release(
        case=case,
        recipient=recipient,
        purpose=purpose,
        parts=chosen,
        consent=consent,
        content=content,
        redisclosure_notice=REDISCLOSURE_NOTICE,
        consent_explanation=consent_rules.consent_explanation(consent),
        released_by=actor,
    )
    with transaction.atomic():
        release.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.EXPORT,
            obj=release,
            person_id=case.person_id,
            fields=chosen,
            purpose=f"release to {recipient} for {release.get_purpose_display().lower()} under consent {consent.pk}",
        )
    return release
