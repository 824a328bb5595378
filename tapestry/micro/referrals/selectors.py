"""Reads of referrals, starting from the access policy; opens and outgoing summaries are audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import consent_rules, policy
from tapestry.access.audit import audit_record, audit_view
from tapestry.access.models import AuditEntry, Consent, User
from tapestry.extensions import app_modules
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import case_read_audit
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.micro.school import directory as school_directory
from tapestry.micro.school.models import Student
from tapestry.people.models import Address, ContactPoint
from tapestry.places.models import PostcodeCentroid

# The assessments app's timeline entries are the assessment summary: scores and bands, never notes.
ASSESSMENTS_TIMELINE = "tapestry.micro.assessments.timeline"


def referrals_visible(user: User) -> QuerySet[Referral]:
    return policy.visible(user, Referral.objects.all())


def case_referral_list(*, user: User, case: Case, purpose: str = "case work") -> QuerySet[Referral]:
    """The referrals of a case the user opened (`case_get`), newest first; the read is audited."""
    audit_view(
        user,
        object_type="referrals.referral",
        person_id=case.person_id,
        fields=["referrals"],
        purpose=purpose,
    )
    return (
        referrals_visible(user)
        .filter(case_id=case.pk)
        .select_related("service__organization", "case")
        .prefetch_related(Prefetch("needs", queryset=CaseNeed.objects.select_related("need")))
    )


def case_needs_of(*, case: Case) -> QuerySet[CaseNeed]:
    """The needs recorded on a case the user opened (`case_get`), to pick what a referral is for."""
    return CaseNeed.objects.filter(case=case).select_related("need")


def case_needs_named(*, case: Case, ids: list[int]) -> list[CaseNeed]:
    """The needs of this case a request body names (an id of another case's need is left out)."""
    return list(case_needs_of(case=case).filter(pk__in=ids))


def home_postcode(*, case: Case) -> str:
    """The person's current postcode, if the directory knows where it is (never a confidential address)."""
    address = case.person.addresses.filter(is_current=True, confidential=False).exclude(postcode="").first()
    if address and PostcodeCentroid.objects.filter(postcode=address.postcode.strip().upper()).exists():
        return address.postcode.strip().upper()
    return ""


def _one(queryset: QuerySet[Referral], *, user: User, referral_id: int, for_change: bool) -> Referral:
    """404 if there is no such referral, 403 if it is out of the user's reach."""
    return policy.one_in_reach(
        user,
        queryset.select_related(
            "case__person", "case__worker", "service__organization", "recipient_organisation", "consent"
        ),
        referral_id,
        for_change=for_change,
        missing=gettext("No referral with this number."),
        detail=gettext("This referral's case is outside your caseload, or in a segment you are not granted."),
    )


def referral_get(*, user: User, referral_id: int, for_change: bool = False) -> Referral:
    """One referral the user may see (or change)."""
    return _one(Referral.objects.all(), user=user, referral_id=referral_id, for_change=for_change)


def _with_history(*, user: User, referral_id: int) -> Referral:
    queryset = Referral.objects.prefetch_related(
        Prefetch("events", queryset=ReferralEvent.objects.select_related("actor")),
        Prefetch("needs", queryset=CaseNeed.objects.select_related("need")),
    )
    return _one(queryset, user=user, referral_id=referral_id, for_change=False)


def referral_detail(*, user: User, referral_id: int, purpose: str = "case work") -> Referral:
    """A referral with its history and needs, as its page shows it; the open is audited."""
    referral = _with_history(user=user, referral_id=referral_id)
    case_read_audit(user, referral.case, ["referral", "events"], purpose=purpose, obj=referral)
    return referral


@dataclass
class OutgoingSummary:
    """What goes to the service with a referral, and the rules it travels under."""

    referral: Referral
    consent: Consent | None
    missing_consent: str = ""
    identity: dict[str, object] = field(default_factory=dict)
    contacts: list[ContactPoint] = field(default_factory=list)
    address: Address | None = None
    needs: list[CaseNeed] = field(default_factory=list)
    assessments: list[TimelineEvent] = field(default_factory=list)
    enrolments: list[object] = field(default_factory=list)
    redisclosure_notice: str = ""
    # Set when the referral goes without consent as FERPA directory information.
    legal_basis: str = ""
    prepared_at: datetime = field(default_factory=timezone.now)

    @property
    def releases_person_data(self) -> bool:
        return self.consent is not None or bool(self.legal_basis)

    @property
    def consent_explanation(self) -> str:
        """The consent's scope, sent with a Part 2 or FERPA disclosure (42 CFR 2.32(b))."""
        if self.consent is None or not self.redisclosure_notice:
            return ""
        return consent_rules.consent_explanation(self.consent)


def outgoing_summary(*, user: User, referral_id: int) -> OutgoingSummary:
    """The printable summary of what would be sent; producing it is audited as an export.

    Consent is checked now, not when the referral was sent: a revoked consent stops any further
    release, and the summary then carries the request alone (the audit entry lists what went).
    """
    referral = _with_history(user=user, referral_id=referral_id)
    notice = disclosure.notice_for(referral)
    consent = disclosure.consent_in_force(referral)
    summary = OutgoingSummary(referral=referral, consent=consent, redisclosure_notice=notice)
    # Checked now too: a refusal of directory disclosure made since sending stops any further release.
    directory = disclosure.directory_decision(referral) if consent is None else None
    if directory is not None and directory.allowed:
        summary.legal_basis = school_directory.LEGAL_BASIS
        summary.redisclosure_notice = ""
    if consent is None and not summary.legal_basis:
        summary.missing_consent = disclosure.missing_consent_message(referral)
    else:
        _fill_person_parts(user, summary)
    released = referral.parts if summary.releases_person_data else []
    if consent is not None:
        under = f"under consent {consent.pk}"
    elif summary.legal_basis:
        under = f"as {summary.legal_basis}"
    else:
        under = "person data withheld: no consent in force"
    audit_record(
        actor=user,
        action=AuditEntry.Action.EXPORT,
        obj=referral,
        person_id=referral.case.person_id,
        fields=["reason", *released],
        purpose=f"outgoing referral summary for {referral.service.name}, {under}"[:255],
    )
    return summary


def _fill_person_parts(user: User, summary: OutgoingSummary) -> None:
    referral = summary.referral
    person = referral.case.person
    if referral.share_identity:
        summary.identity = {
            gettext("Name"): person.display_name,
            gettext("Legal name"): f"{person.given_name} {person.family_name}",
            gettext("Date of birth"): person.date_of_birth,
            gettext("Pronouns"): person.pronouns,
            gettext("Languages"): person.languages,
            gettext("Needs an interpreter"): gettext("Yes") if person.needs_interpreter else gettext("No"),
        }
    if referral.share_contact_details:
        # Only what is safe to use: a number flagged unsafe or a confidential address never leaves.
        summary.contacts = list(person.contacts.filter(safe_to_contact=True))
        summary.address = person.addresses.filter(is_current=True, confidential=False).first()
    if referral.share_needs:
        summary.needs = list(referral.needs.all())
    if referral.share_assessment_summary:
        summary.assessments = _assessment_results(user, referral.case)
    if referral.share_school_enrolment:
        # Name, school, grade and dates only: never the student number (34 CFR 99.3, 99.37(d)).
        summary.enrolments = list(
            Student.objects.filter(case_id=referral.case_id)
            .select_related("person", "school")
            .order_by("-enrolled_on", "-pk")
        )


def _assessment_results(user: User, case: Case) -> list[TimelineEvent]:
    for module in app_modules("timeline"):
        if module.__name__ == ASSESSMENTS_TIMELINE:
            events = module.timeline_events(user=user, person=case.person)
            return [event for event in events if event.case_id == case.pk]
    return []
