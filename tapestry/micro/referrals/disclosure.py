"""What may leave the agency with a referral: the consent check and the redisclosure notice."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from tapestry.access import consent_rules, policy
from tapestry.access.models import Consent, Segment
from tapestry.directory.models import Service
from tapestry.micro.referrals.models import Referral
from tapestry.micro.school import directory as school_directory
from tapestry.micro.school.directory import DirectoryDecision
from tapestry.people.models import Organisation

# Carried by every release of a substance-use referral: the 42 CFR 2.32 notice.
REDISCLOSURE_NOTICE = consent_rules.PART2_NOTICE


class ConsentMissing(ValidationError):
    """Sending refused: no consent in force lets this record go to this recipient for a referral."""

    def __init__(self, message: str, *, person_id: int) -> None:
        super().__init__({"consent": [message]})
        self.text = message
        self.person_id = person_id


def recipient_for(service: Service) -> Organisation | None:
    """The agency's own record of the organisation providing the service, matched by name."""
    return Organisation.objects.filter(name__iexact=service.organization.name.strip()).order_by("pk").first()


def consent_in_force(referral: Referral) -> Consent | None:
    case = referral.case
    return policy.consent_for_disclosure(
        person=case.person,
        segment=case.segment,
        purpose=Consent.Purpose.REFERRAL,
        recipient=referral.recipient_organisation,
        parts=referral.parts,
    )


def directory_decision(referral: Referral) -> DirectoryDecision | None:
    """For a school case: may the referral go as FERPA directory information? None for other cases."""
    if referral.case.segment != Segment.SCHOOL:
        return None
    return school_directory.directory_decision(person=referral.case.person, parts=referral.parts)


def goes_as_directory_information(referral: Referral) -> bool:
    """Sent (or to be sent) without consent, as directory information (34 CFR 99.31(a)(11))."""
    if referral.legal_basis:
        return referral.legal_basis == school_directory.LEGAL_BASIS
    decision = directory_decision(referral)
    return decision is not None and decision.allowed


def notice_for(referral: Referral) -> str:
    """The notice every release of this referral carries: 42 CFR 2.32 or FERPA's 34 CFR 99.33.

    Directory information carries none: 99.33(c) and (d) leave it out of the redisclosure limits.
    """
    if (
        referral.case.segment == Segment.SCHOOL
        and referral.consent_id is None
        and goes_as_directory_information(referral)
    ):
        return ""
    return consent_rules.notice_for(referral.case.segment)


def _gap(referral: Referral) -> str:
    case = referral.case
    on_file = Consent.objects.filter(person=case.person, segment=case.segment).select_related(
        "recipient_organisation", "person"
    )
    return consent_rules.consent_gap(
        candidates=on_file,
        segment=case.segment,
        purpose=Consent.Purpose.REFERRAL,
        recipient=referral.recipient_organisation,
        parts=referral.parts,
    )


def missing_consent_message(referral: Referral) -> str:
    """Says exactly which consent would let this referral go."""
    person = referral.case.person.display_name
    recipient = referral.recipient_organisation
    service_org = referral.service.organization.name
    if referral.case.segment == Segment.SUBSTANCE_USE:
        if recipient is None:
            return gettext(
                "This referral comes from a substance-use case, so it needs %(person)s's written consent naming "
                "the recipient, and %(organisation)s is not among the agency's organisations yet. Add it under "
                "Organisations, then record the written consent naming it."
            ) % {"person": person, "organisation": service_org}
        return " ".join(
            filter(
                None,
                [
                    gettext(
                        "%(person)s has no written consent in force that names %(recipient)s and allows sharing "
                        "their substance-use record for a referral."
                    )
                    % {"person": person, "recipient": recipient.name},
                    _gap(referral),
                    gettext(
                        "Record a written consent holding every element of 42 CFR 2.31 (purpose: referral to a "
                        "service, segment: substance use) naming %(recipient)s and the parts sent."
                    )
                    % {"recipient": recipient.name},
                ],
            )
        )
    if referral.case.segment == Segment.SCHOOL:
        decision = directory_decision(referral)
        why_not_directory = decision.reason if decision is not None else ""
        if recipient is None:
            return (
                gettext(
                    "This referral comes from a school case, so it needs signed, dated, written consent naming the "
                    "recipient (FERPA, 34 CFR 99.30), and %(organisation)s is not among the agency's organisations "
                    "yet. Add it under Organisations, then record the written consent naming it."
                )
                % {"organisation": service_org}
                + " "
                + why_not_directory
            ).strip()
        return " ".join(
            filter(
                None,
                [
                    gettext(
                        "%(person)s has no signed, dated, written consent in force that names %(recipient)s and "
                        "allows sharing their school records for a referral (FERPA, 34 CFR 99.30)."
                    )
                    % {"person": person, "recipient": recipient.name},
                    why_not_directory,
                    _gap(referral),
                    gettext(
                        "Record a written consent (purpose: referral to a service, segment: school records) naming "
                        "%(recipient)s and the parts sent, signed by the parent or the eligible student."
                    )
                    % {"recipient": recipient.name},
                ],
            )
        )
    named = recipient.name if recipient else service_org
    if referral.case.segment:
        return gettext(
            "%(person)s has no consent in force to share their %(segment)s record with %(named)s for a referral. "
            "Record a consent (purpose: referral to a service, segment: %(segment)s) that names %(named)s or any "
            "recipient."
        ) % {"person": person, "segment": Segment(referral.case.segment).label, "named": named}
    return gettext(
        "%(person)s has no consent in force to share their record with %(named)s for a referral. Record a "
        "consent (purpose: referral to a service) that names %(named)s or any recipient."
    ) % {"person": person, "named": named}


def consent_prefill(referral: Referral) -> dict[str, object]:
    """What the consent form may be filled with for this referral: its purpose, recipient and parts."""
    organisation = referral.service.organization.name
    fields: dict[str, object] = {
        "purpose": Consent.Purpose.REFERRAL,
        "segment": referral.case.segment,
        "record_parts": referral.parts,
        "information": (
            f"For the referral to {referral.service.name} ({organisation}): "
            + "; ".join(label for label in referral.part_labels)
            + "."
        ),
    }
    if referral.recipient_organisation_id:
        fields["recipient_organisation"] = referral.recipient_organisation_id
    else:
        fields["recipient_description"] = organisation
    return fields
