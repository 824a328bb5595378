"""What a consent must hold to let records leave, why one does not, and the notices that go with them.

Substance-use records follow 42 CFR Part 2 as amended by the final rule of 16 February 2024
(89 FR 12472): every element of 42 CFR 2.31(a), a separate consent for SUD counselling notes
(2.31(b)), and the notice of 2.32. School records follow FERPA: signed, dated, written consent
naming the records, the purpose and the recipient (34 CFR 99.30) and the notice of 99.33.
The notices below are our own wording of the content the rules require.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import Consent, Segment

Part = Consent.RecordPart

# Segments whose disclosures need a complete written consent naming the recipient organisation.
STRICT_SEGMENTS = (Segment.SUBSTANCE_USE, Segment.SCHOOL)

# The purposes the 2024 single consent for all future treatment, payment and health-care
# operations covers (42 CFR 2.33(b)).
TPO_PURPOSES = (
    Consent.Purpose.TREATMENT,
    Consent.Purpose.CARE_COORDINATION,
    Consent.Purpose.PAYMENT,
    Consent.Purpose.HEALTH_CARE_OPERATIONS,
)

# Offered as the revocation statement on the consent form (42 CFR 2.31(a)(6)); workers may change it
# to match the agency's signed form.
REVOCATION_STATEMENT = (
    "You may revoke this consent at any time, in writing (a signed note or letter to your worker or the "
    "agency's front desk is enough), except where the agency has already acted in reliance on it."
)

# 42 CFR 2.32(a)(2) allows this short statement word for word; the paragraphs after it are our own
# wording of the fuller content of 2.32(a)(1) as amended in 2024.
PART2_NOTICE = (
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records. "
    "Notice to the recipient (42 CFR 2.32): these records come from substance use disorder treatment and "
    "were disclosed to you with the written consent of the patient. Federal confidentiality rules (42 CFR Part 2) "
    "forbid using them, or testimony describing what they contain, in any civil, criminal, administrative "
    "or legislative proceeding by a federal, state or local authority against the patient, unless the "
    "patient consents or a court orders it under 42 CFR 2.64 or 2.65 (or 42 CFR 2.12(c)(5) applies). "
    "You may not use or disclose them in any other way either, unless the written consent of the patient "
    "allows it, or you are a HIPAA covered entity or business associate who received them under a consent "
    "for treatment, payment and health-care operations and HIPAA allows the further disclosure, or 42 CFR "
    "Part 2 otherwise permits it. A general authorisation to release medical or other information is not "
    "enough."
)

# Our own wording of what 34 CFR 99.33(a) and (d) require the recipient to be told.
FERPA_NOTICE = (
    "Notice to the recipient (34 CFR 99.33): this information comes from the education records of a student, "
    "protected by the Family Educational Rights and Privacy Act (FERPA, 34 CFR Part 99). It was disclosed "
    "to you with the signed, dated, written consent of the parent or eligible student, for the purpose "
    "stated. You may use it only for that purpose, and you may not disclose it to anyone else without "
    "the prior written consent of the parent or eligible student, unless FERPA allows it."
)


def notice_for(segment: str) -> str:
    """The notice that must travel with a disclosure from this segment ("" for the general record)."""
    return {Segment.SUBSTANCE_USE: PART2_NOTICE, Segment.SCHOOL: FERPA_NOTICE}.get(segment, "")


def _part2_missing(consent: Consent) -> dict[str, str]:
    missing: dict[str, str] = {}
    if not consent.written:
        missing["written"] = gettext(
            "Substance-use records may be shared only with written consent (42 CFR 2.31(a)): tick that the signed form is on file."
        )
    if not consent.discloser.strip():
        missing["discloser"] = gettext(
            "42 CFR 2.31(a)(2): name the program or people allowed to make the disclosure."
        )
    parts = list(consent.record_parts or [])
    if not parts:
        missing["record_parts"] = gettext(
            "42 CFR 2.31(a)(3): choose the parts of the record the person agreed may be disclosed."
        )
    elif Part.COUNSELLING_NOTES in parts and (len(parts) > 1 or consent.is_tpo):
        missing["record_parts"] = gettext(
            "42 CFR 2.31(b): SUD counselling notes need a consent of their own, not combined with other parts or with the single consent for treatment, payment and health-care operations."
        )
    if consent.recipient_organisation_id is None:
        described = consent.recipient_description.strip()
        if not (consent.is_tpo and described):
            missing["recipient_organisation"] = (
                gettext(
                    "42 CFR 2.31(a)(4): a described recipient (“%(described)s”) can never authorise a release of substance-use records. Choose the recipient organisation (add it under Organisations first); only the single consent for treatment, payment and health-care operations may describe its recipients in general words."
                )
                % {"described": described}
                if described
                else gettext("42 CFR 2.31(a)(4): choose the recipient organisation.")
            )
    if not consent.purpose:
        missing["purpose"] = gettext("42 CFR 2.31(a)(5): choose the purpose of the disclosure.")
    if not consent.revocation_statement.strip():
        missing["revocation_statement"] = gettext(
            "42 CFR 2.31(a)(6): give the statement of the person's right to revoke in writing, and how."
        )
    if not consent.expires_on and not consent.expiry_event.strip():
        missing["expires_on"] = gettext(
            "42 CFR 2.31(a)(7): give the date or the event on which the consent ends (for the single TPO consent, 'end of treatment' or 'none' will do)."
        )
    missing.update(_signature_missing(consent, "42 CFR 2.31(a)(8)", "42 CFR 2.31(a)(9)"))
    if consent.is_tpo and not consent.hipaa_redisclosure_statement:
        missing["hipaa_redisclosure_statement"] = gettext(
            "42 CFR 2.31(a)(4)(iii): the single TPO consent must say that records given to a HIPAA covered entity or business associate may be redisclosed as HIPAA allows, except for use in proceedings against the person; confirm the signed form says so."
        )
    return missing


def _signature_missing(consent: Consent, signature_rule: str, date_rule: str) -> dict[str, str]:
    missing: dict[str, str] = {}
    if not consent.signed_by:
        missing["signed_by"] = gettext(
            "%(signature_rule)s: say who signed: the person, or an authorised representative."
        ) % {"signature_rule": signature_rule}
    elif consent.signed_by == Consent.Signer.REPRESENTATIVE:
        if not consent.representative_name.strip():
            missing["representative_name"] = gettext(
                "%(signature_rule)s: give the representative's name."
            ) % {"signature_rule": signature_rule}
        if not consent.representative_authority.strip():
            missing["representative_authority"] = gettext(
                "%(signature_rule)s: say what authority the representative has (parent of a minor, guardian...)."
            ) % {"signature_rule": signature_rule}
    if not consent.signed_on:
        missing["signed_on"] = gettext("%(date_rule)s: give the date the consent was signed.") % {
            "date_rule": date_rule
        }
    elif consent.signed_on > timezone.localdate():
        missing["signed_on"] = gettext("The date signed cannot be in the future.")
    return missing


def _ferpa_missing(consent: Consent) -> dict[str, str]:
    missing: dict[str, str] = {}
    if not consent.written:
        missing["written"] = gettext(
            "34 CFR 99.30(a): school records may be disclosed only with signed and dated written consent."
        )
    if not consent.record_parts:
        missing["record_parts"] = gettext("34 CFR 99.30(b)(1): choose the records that may be disclosed.")
    if not consent.purpose:
        missing["purpose"] = gettext("34 CFR 99.30(b)(2): choose the purpose of the disclosure.")
    if consent.recipient_organisation_id is None:
        missing["recipient_organisation"] = gettext(
            "34 CFR 99.30(b)(3): choose the organisation the records may go to; a consent naming no recipient, or one described only in words, cannot be checked against a disclosure."
        )
    missing.update(_signature_missing(consent, "34 CFR 99.30(a)", "34 CFR 99.30(a)"))
    return missing


def missing_elements(consent: Consent) -> dict[str, str]:
    """The required elements this consent lacks, by form field, each message naming its rule."""
    missing: dict[str, str] = {}
    unknown = sorted(set(consent.record_parts or []) - set(Part.values))
    if unknown:
        missing["record_parts"] = gettext("Unknown parts of the record: %(parts)s.") % {
            "parts": ", ".join(unknown)
        }
    if consent.is_tpo and consent.segment != Segment.SUBSTANCE_USE:
        missing["purpose"] = gettext(
            "The single consent for treatment, payment and health-care operations is a 42 CFR Part 2 consent: choose the substance-use part of the record."
        )
    if consent.segment == Segment.SUBSTANCE_USE:
        return {**_part2_missing(consent), **missing}
    if consent.segment == Segment.SCHOOL:
        return {**_ferpa_missing(consent), **missing}
    return missing


def uncovered_parts(consent: Consent, parts: Iterable[str]) -> list[str]:
    """The asked-for parts the consent does not name; a general consent naming none covers all."""
    named = set(consent.record_parts or [])
    if not named and consent.segment not in STRICT_SEGMENTS:
        return []
    return [part for part in parts if part not in named]


def purposes_covering(segment: str, purpose: str) -> list[str]:
    """Consent purposes that allow a disclosure for this purpose."""
    if segment == Segment.SUBSTANCE_USE and purpose in TPO_PURPOSES:
        return [purpose, Consent.Purpose.TPO]
    return [purpose]


def _labels(parts: Iterable[str]) -> str:
    return ", ".join(str(Part(part).label) if part in Part.values else part for part in parts)


def _purpose_label(purpose: str) -> str:
    return Consent.Purpose(purpose).label.lower() if purpose in Consent.Purpose.values else purpose


def consent_gap(
    *,
    candidates: Iterable[Consent],
    segment: str,
    purpose: str,
    recipient: object | None,
    parts: Iterable[str] = (),
    on: dt.date | None = None,
) -> str:
    """Why none of the person's consents for this segment allows the disclosure, in plain words.

    `candidates` are the person's consents about the segment; the nearest one that explains the
    refusal wins (same recipient and purpose first), so the worker knows what to record.
    """
    day = on or timezone.localdate()
    parts = list(parts)
    covering = purposes_covering(segment, purpose)
    consents = sorted(candidates, key=lambda c: (c.given_on, c.pk or 0), reverse=True)

    def names_recipient(consent: Consent) -> bool:
        return recipient is not None and consent.recipient_organisation_id == getattr(recipient, "pk", None)

    same = [c for c in consents if c.purpose in covering and (names_recipient(c) or c.is_tpo)]
    for consent in same:
        given = {"given": f"{consent.given_on:%Y-%m-%d}"}
        if consent.revoked_on and consent.revoked_on <= day:
            return gettext("The consent given on %(given)s was revoked on %(on)s.") % {
                **given,
                "on": f"{consent.revoked_on:%Y-%m-%d}",
            }
        if consent.expires_on and consent.expires_on < day:
            return gettext("The consent given on %(given)s expired on %(on)s.") % {
                **given,
                "on": f"{consent.expires_on:%Y-%m-%d}",
            }
        if consent.given_on > day:
            return gettext("The consent on file only starts on %(given)s.") % given
        missing = missing_elements(consent)
        if "written" in missing:
            return gettext("The consent given on %(given)s is not a signed, written consent.") % given
        if missing:
            return (
                gettext("The consent given on %(given)s is incomplete, so it cannot authorise a release:")
                % given
                + " "
                + " ".join(missing.values())
            )
        if consent.is_tpo and consent.recipient_organisation_id and not names_recipient(consent):
            continue
        left_out = uncovered_parts(consent, parts)
        if left_out:
            return gettext(
                "The consent given on %(given)s covers %(parts)s only; it does not cover %(left_out)s."
            ) % {
                **given,
                "parts": _labels(consent.record_parts),
                "left_out": _labels(left_out),
            }
    if segment in STRICT_SEGMENTS:
        described = [
            c for c in consents if c.purpose in covering and not c.recipient_organisation_id and not c.is_tpo
        ]
        if described:
            consent = described[0]
            given = {"given": f"{consent.given_on:%Y-%m-%d}"}
            what = (
                gettext("The consent given on %(given)s names “%(described)s” in words only.")
                % {**given, "described": consent.recipient_description}
                if consent.recipient_description
                else gettext("The consent given on %(given)s names no recipient.") % given
            )
            return (
                what
                + " "
                + gettext(
                    "A release of these records needs a consent that names the recipient organisation itself, "
                    "so this consent can never authorise one: record a new consent naming the organisation."
                )
            )
    if recipient is not None:
        other_purpose = next((c for c in consents if names_recipient(c) and c.purpose not in covering), None)
        if other_purpose is not None:
            return gettext("The consent on file for %(recipient)s covers %(purpose)s only.") % {
                "recipient": recipient,
                "purpose": other_purpose.get_purpose_display().lower(),
            }
    others = sorted({str(c.recipient_organisation) for c in consents if c.recipient_organisation_id})
    if others and recipient is not None:
        return gettext(
            "The consents on file for this part of the record name %(others)s, not %(recipient)s."
        ) % {
            "others": ", ".join(others),
            "recipient": recipient,
        }
    return ""


def consent_explanation(consent: Consent) -> str:
    """A plain account of a consent's scope, to go with each disclosure made under it (42 CFR 2.32(b))."""
    if consent.recipient_organisation_id:
        recipient = str(consent.recipient_organisation)
    else:
        recipient = consent.recipient_description or "any recipient"
    signer = "the person"
    if consent.signed_by == Consent.Signer.REPRESENTATIVE:
        signer = f"{consent.representative_name} ({consent.representative_authority}) for the person"
    ends = []
    if consent.expires_on:
        ends.append(f"on {consent.expires_on:%Y-%m-%d}")
    if consent.expiry_event:
        ends.append(f"at {consent.expiry_event}")
    parts = _labels(consent.record_parts) if consent.record_parts else consent.information or "as described"
    text = [
        f"Disclosed under the written consent of {consent.person.display_name}"
        + (f", signed by {signer} on {consent.signed_on:%Y-%m-%d}" if consent.signed_on else "")
        + ".",
        f"It allows {consent.discloser or 'the agency'} to disclose: {parts}",
        f"to {recipient}, for {_purpose_label(consent.purpose)}.",
        f"It is in force from {consent.given_on:%Y-%m-%d}"
        + (f" and ends {' or '.join(ends)}" if ends else "")
        + ".",
    ]
    if consent.revocation_statement:
        text.append(consent.revocation_statement)
    if consent.document_reference:
        text.append(f"The signed form is held as {consent.document_reference}.")
    return " ".join(text)


@dataclass(frozen=True)
class Disclosure:
    """One release of a person's records outside the agency, as their accounting of disclosures lists it
    (42 CFR 2.24 and 2.25). Apps that release records offer `disclosures_for(user=, person=)` in a
    `disclosures.py` module."""

    when: dt.datetime
    recipient: str
    purpose: str
    parts: list[str]
    segment: str
    consent_id: int | None
    made_by: str
    reference: str
    url: str = ""
