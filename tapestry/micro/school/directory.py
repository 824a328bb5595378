"""FERPA directory information: the one place that says which school record parts are directory
information (34 CFR 99.3), and whether a disclosure may go without written consent under
34 CFR 99.31(a)(11) and 99.37.

Directory information may be disclosed without consent only when (99.37(a)) the agency has given
public notice of the categories it designates, of the parent's or eligible student's right to
refuse, and of the time allowed to say so; and the student has not refused. A refusal made while
in attendance is honoured after the student leaves (99.37(b)). A Social Security number is never
directory information, and a student ID number is one only in the narrow case 99.3 allows; the
student number Tapestry holds is in no category here, so it never goes as directory information,
and no directory disclosure is made using one (99.37(d)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

LEGAL_BASIS = "directory information, 34 CFR 99.31(a)(11) and 99.37"


class Category(models.TextChoices):
    """The 99.3 directory-information categories among what the school app holds."""

    NAME = "name", gettext_lazy("Student's name")
    GRADE_LEVEL = "grade_level", gettext_lazy("Grade level")
    ENROLMENT_STATUS = "enrolment_status", gettext_lazy("Enrolment status (enrolled or left)")
    DATES_OF_ATTENDANCE = "dates_of_attendance", gettext_lazy("Dates of attendance (enrolled and left on)")
    SCHOOL_ATTENDED = "school_attended", gettext_lazy("Most recent school attended")


# The disclosure parts (Consent.RecordPart values) and the categories each reveals. A part missing
# here carries something that is not directory information (attendance detail, incidents, support
# plans, assessments, needs, pronouns and languages...) and always needs written consent.
DIRECTORY_PARTS: dict[str, frozenset[str]] = {
    "school_enrolment": frozenset(
        {
            Category.NAME,
            Category.GRADE_LEVEL,
            Category.ENROLMENT_STATUS,
            Category.DATES_OF_ATTENDANCE,
            Category.SCHOOL_ATTENDED,
        }
    ),
}


def is_directory_part(part: str) -> bool:
    return part in DIRECTORY_PARTS


@dataclass(frozen=True)
class DirectoryDecision:
    """Whether a disclosure may go as directory information and, if not, why in plain words."""

    allowed: bool
    reason: str = ""


def _labels(values: Iterable[str]) -> str:
    return ", ".join(str(Category(value).label).lower() for value in sorted(values))


def directory_decision(
    *, person: object, parts: Iterable[str], on: dt.date | None = None
) -> DirectoryDecision:
    """May these parts of this person's school record go without consent as directory information?"""
    from tapestry.micro.school.models import DirectoryNotice, Student

    day = on or timezone.localdate()
    parts = list(parts)
    if not parts:
        return DirectoryDecision(False, gettext("Nothing is chosen to send."))
    other = [part for part in parts if not is_directory_part(part)]
    if other:
        from tapestry.access.models import Consent

        named = ", ".join(
            str(Consent.RecordPart(p).label) if p in Consent.RecordPart.values else p for p in other
        )
        return DirectoryDecision(
            False,
            gettext(
                "It cannot go as directory information (34 CFR 99.3): %(named)s is not directory information."
            )
            % {"named": named},
        )
    notice = DirectoryNotice.in_force(day)
    if notice is None:
        return DirectoryDecision(
            False,
            gettext(
                "It cannot go as directory information: the agency has recorded no FERPA directory-information "
                "notice (34 CFR 99.37(a))."
            ),
        )
    if notice.opt_out_by >= day:
        return DirectoryDecision(
            False,
            gettext(
                "It cannot go as directory information yet: parents and eligible students have until "
                "%(until)s to refuse directory disclosure (34 CFR 99.37(a)(3))."
            )
            % {"until": f"{notice.opt_out_by:%Y-%m-%d}"},
        )
    wanted = set().union(*(DIRECTORY_PARTS[part] for part in parts))
    undesignated = wanted - set(notice.categories or [])
    if undesignated:
        return DirectoryDecision(
            False,
            gettext(
                "It cannot go as directory information: the agency's FERPA notice does not designate "
                "%(categories)s as directory information (34 CFR 99.37(a)(1))."
            )
            % {"categories": _labels(undesignated)},
        )
    enrolments = Student.objects.filter(person=person).order_by("-enrolled_on", "-pk")
    if not enrolments.exists():
        return DirectoryDecision(
            False, gettext("It cannot go as directory information: there is no school enrolment.")
        )
    # A refusal on any enrolment, current or ended, holds (34 CFR 99.37(b)).
    refused = enrolments.filter(directory_opt_out=True).first()
    if refused is not None:
        if refused.directory_opt_out_on:
            reason = gettext(
                "It cannot go as directory information: the parent or eligible student refused directory "
                "disclosure on %(on)s (34 CFR 99.37(a)(2)); the refusal holds after the student leaves (99.37(b))."
            ) % {"on": f"{refused.directory_opt_out_on:%Y-%m-%d}"}
        else:
            reason = gettext(
                "It cannot go as directory information: the parent or eligible student refused directory "
                "disclosure (34 CFR 99.37(a)(2)); the refusal holds after the student leaves (99.37(b))."
            )
        return DirectoryDecision(False, reason)
    return DirectoryDecision(True)
