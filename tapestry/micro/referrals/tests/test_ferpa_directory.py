"""FERPA directory information (34 CFR 99.3, 99.31(a)(11), 99.37): a referral from a school case
that sends only designated directory information, for a student who has not refused, may go
without written consent; anything else still needs the consent of 34 CFR 99.30."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.consent_rules import FERPA_NOTICE
from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.referrals import services
from tapestry.micro.referrals.disclosure import ConsentMissing
from tapestry.micro.referrals.disclosures import disclosures_for
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, recipient, record
from tapestry.micro.school.directory import LEGAL_BASIS, Category
from tapestry.micro.school.models import DirectoryNotice, Student
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def send(actor, referral):
    return services.referral_send(actor=actor, referral=referral, version=referral.version)


def notice(categories=tuple(Category.values), opt_out_by=None):
    opt_out_by = opt_out_by or today() - dt.timedelta(days=10)
    return DirectoryNotice.objects.create(
        published_on=today() - dt.timedelta(days=40), opt_out_by=opt_out_by, categories=list(categories)
    )


@pytest.fixture
def school_case(cast):
    case = a_case(cast.caseworker, segment=Segment.SCHOOL)
    school = OrganisationFactory(kind=Organisation.Kind.SCHOOL, name="Larkspur Middle School")
    Student.objects.create(
        case=case,
        person=case.person,
        school=school,
        grade="7",
        student_number="S-0042",
        enrolled_on=today() - dt.timedelta(days=200),
    )
    recipient()
    return case


def test_directory_information_goes_without_consent_and_is_accounted_for(cast, school_case):
    notice()
    referral = send(cast.caseworker, record(cast.caseworker, school_case, parts=["school_enrolment"]))

    assert referral.status == Referral.Status.SENT
    assert referral.consent_id is None
    assert referral.legal_basis == LEGAL_BASIS
    [row] = disclosures_for(user=cast.caseworker, person=school_case.person)
    assert "34 CFR 99.31(a)(11) and 99.37" in row.purpose
    export = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT, person_id=school_case.person_id).get()
    assert LEGAL_BASIS in export.purpose


def test_the_summary_sends_directory_information_only_and_no_consent_notice(cast, school_case):
    notice()
    referral = send(cast.caseworker, record(cast.caseworker, school_case, parts=["school_enrolment"]))

    page = client_for(cast.caseworker).get(reverse("referrals:referral_summary", args=[referral.pk]))
    text = page.content.decode()

    assert "Larkspur Middle School, grade 7" in text
    assert LEGAL_BASIS in text
    assert "S-0042" not in text  # the student number is never directory information here
    assert FERPA_NOTICE not in text


def test_refused_when_the_student_opted_out(cast, school_case):
    notice()
    Student.objects.filter(case=school_case).update(directory_opt_out=True, directory_opt_out_on=today())
    referral = record(cast.caseworker, school_case, parts=["school_enrolment"])

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "refused directory disclosure" in refused.value.text
    assert "34 CFR 99.30" in refused.value.text


def test_the_opt_out_holds_after_the_enrolment_ends(cast, school_case):
    notice()
    Student.objects.filter(case=school_case).update(
        directory_opt_out=True, directory_opt_out_on=today() - dt.timedelta(days=100), left_on=today()
    )
    # Enrolled again later, at another school, with no refusal on the new enrolment.
    Student.objects.create(
        case=school_case,
        person=school_case.person,
        grade="8",
        enrolled_on=today(),
        school=OrganisationFactory(kind=Organisation.Kind.SCHOOL),
    )

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, record(cast.caseworker, school_case, parts=["school_enrolment"]))

    assert "99.37(b)" in refused.value.text


def test_refused_when_a_part_is_not_directory_information(cast, school_case):
    notice()
    referral = record(cast.caseworker, school_case, parts=["school_enrolment", "identity"])

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "is not directory information" in refused.value.text


def test_refused_when_the_notice_does_not_designate_the_category(cast, school_case):
    notice(categories=[Category.NAME, Category.GRADE_LEVEL])
    referral = record(cast.caseworker, school_case, parts=["school_enrolment"])

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "does not designate" in refused.value.text
    assert "dates of attendance" in refused.value.text


def test_refused_without_a_notice_or_before_the_time_to_refuse_ends(cast, school_case):
    referral = record(cast.caseworker, school_case, parts=["school_enrolment"])
    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)
    assert "no FERPA directory-information notice" in refused.value.text

    notice(opt_out_by=today() + dt.timedelta(days=5))
    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)
    assert "to refuse directory disclosure" in refused.value.text


def test_the_api_answers_a_refusal_with_the_reason(cast, school_case):
    notice()
    Student.objects.filter(case=school_case).update(directory_opt_out=True, directory_opt_out_on=today())
    referral = record(cast.caseworker, school_case, parts=["school_enrolment"])

    answer = client_for(cast.caseworker).post(
        f"/api/v1/referrals/{referral.pk}/status",
        data={"status": "sent", "version": referral.version},
        content_type="application/json",
    )

    assert 400 <= answer.status_code < 500
    assert "refused directory disclosure" in answer.content.decode()


def test_the_school_enrolment_part_goes_only_from_a_school_case(cast):
    from django.core.exceptions import ValidationError

    case = a_case(cast.caseworker)
    with pytest.raises(ValidationError) as refused:
        record(cast.caseworker, case, parts=["school_enrolment"])
    assert "school case" in refused.value.message_dict["parts"][0]
