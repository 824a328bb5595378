"""Custom assessment forms: an administrator builds one without code, clinicians give it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.assessments import services
from tapestry.micro.assessments.models import Assessment, CustomForm
from tapestry.micro.assessments.tests.factories import custom_form
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(cast):
    return cast["administrator"]


def edit_url(form: CustomForm) -> str:
    return reverse("assessments:custom_form_edit", args=[form.pk])


def test_an_administrator_builds_a_form_question_by_question(admin):
    client = client_for(admin)

    created = client.post(
        reverse("assessments:custom_form_create"),
        {
            "name": "Loneliness check",
            "description": "Three quick questions",
            "instructions": "",
            "flag_at": "3",
        },
    )
    form = CustomForm.objects.get(name="Loneliness check")
    client.post(
        reverse("assessments:custom_question_add", args=[form.pk]),
        {
            "text": "How often do you feel alone?",
            "help": "",
            "choices": "Hardly ever = 0\nSome of the time = 1\nOften = 2",
        },
    )
    question = form.questions.get()
    client.post(
        reverse("assessments:custom_choice_add", args=[question.pk]),
        {f"q{question.pk}-label": "Always", f"q{question.pk}-points": "3"},
    )
    client.post(
        reverse("assessments:custom_band_add", args=[form.pk]),
        {"low": "0", "high": "1", "label": "Low", "next_step": ""},
    )
    page = client.get(edit_url(form)).content.decode()

    assert created.status_code == 302 and created["Location"] == edit_url(form)
    assert [(c.label, c.points) for c in question.choices.all()] == [
        ("Hardly ever", 0),
        ("Some of the time", 1),
        ("Often", 2),
        ("Always", 3),
    ]
    assert "How often do you feel alone?" in page and "Always" in page and "Low" in page
    form.refresh_from_db()
    assert form.version == 4  # the question, the choice and the band each moved it on
    assert (
        AuditEntry.objects.filter(
            actor=admin, action="create", object_type__startswith="assessments.custom"
        ).count()
        == 4
    )


def test_answer_choices_with_bad_points_are_an_error_by_the_field(admin):
    form = custom_form(admin)

    response = client_for(admin).post(
        reverse("assessments:custom_question_add", args=[form.pk]),
        {"text": "Sleep?", "help": "", "choices": "Well = 0\nBadly = lots"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_choices_error"' in page
    assert "Line 2: the points after" in page
    assert form.questions.count() == 2


def test_a_question_needs_two_choices(admin):
    form = custom_form(admin)

    response = client_for(admin).post(
        reverse("assessments:custom_question_add", args=[form.pk]),
        {"text": "Sleep?", "help": "", "choices": "Yes = 1"},
    )

    assert "Give at least two answer choices." in response.content.decode()


def test_an_overlapping_band_is_refused_with_a_clear_message(admin):
    form = custom_form(admin)

    response = client_for(admin).post(
        reverse("assessments:custom_band_add", args=[form.pk]), {"low": "2", "high": "4", "label": "Middle"}
    )

    assert response.status_code == 400
    assert "Overlaps the band" in response.content.decode()
    assert form.bands.count() == 2


def test_a_duplicate_name_is_an_error_by_the_name_field(admin):
    custom_form(admin)

    response = client_for(admin).post(
        reverse("assessments:custom_form_create"), {"name": "Caregiver strain check"}
    )

    assert 'id="id_name_error"' in response.content.decode()
    assert "A form with this name already exists." in response.content.decode()


def test_settings_saved_from_a_stale_page_are_refused(admin):
    form = custom_form(admin)
    data = {
        "name": "Renamed",
        "description": "",
        "instructions": "",
        "flag_at": "4",
        "is_active": "on",
        "version": form.version,
    }
    services.custom_question_add(
        actor=admin, form=form, spec=services.QuestionSpec("New?", [("No", 0), ("Yes", 1)])
    )

    response = client_for(admin).post(edit_url(form), data)

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    assert CustomForm.objects.get(pk=form.pk).name == "Caregiver strain check"


def test_retiring_a_form_takes_it_off_the_case_page_but_keeps_past_results(cast, admin):
    form = custom_form(admin)
    case = open_case(cast.caseworker)
    give_url = reverse("assessments:assessment_new_custom", args=[case.pk, form.pk])
    first, second = form.questions.all()
    client_for(cast.caseworker).post(
        give_url,
        {
            f"q{first.pk}": f"c{first.choices.first().pk}",
            f"q{second.pk}": f"c{second.choices.last().pk}",
            "administered_on": "2026-01-05",
        },
    )

    retired = client_for(admin).post(
        edit_url(form),
        {"name": form.name, "description": "", "instructions": "", "flag_at": "4", "version": form.version},
    )
    assert retired.status_code == 302
    page = client_for(cast.caseworker).get(reverse("assessments:case_index", args=[case.pk])).content.decode()

    assert Assessment.objects.get().total_score == 2
    assert give_url not in page
    assert "Caregiver strain check" in page  # the past result is still listed and charted
    assert client_for(cast.caseworker).get(give_url).status_code == 404


def test_a_caseworker_gives_a_custom_form_and_sees_its_band_and_next_step(cast, admin):
    form = custom_form(admin)
    case = open_case(cast.caseworker)
    first, second = form.questions.all()

    response = client_for(cast.caseworker).post(
        reverse("assessments:assessment_new_custom", args=[case.pk, form.pk]),
        {
            f"q{first.pk}": f"c{first.choices.get(label='Often').pk}",
            f"q{second.pk}": f"c{second.choices.get(label='None').pk}",
            "administered_on": "2026-01-05",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "5" in page and "High" in page and "Offer a carers&#x27; assessment." in page
    assert "Flagged" in page


def test_the_editor_is_for_administrators_only(cast, admin):
    form = custom_form(admin)

    assert client_for(cast.caseworker).get(reverse("assessments:custom_form_list")).status_code == 403
    assert client_for(cast.caseworker).get(edit_url(form)).status_code == 403
    assert client_for(admin).get(reverse("assessments:custom_form_list")).status_code == 200


def test_an_administrator_cannot_open_client_assessments(cast, admin):
    case = open_case(cast.caseworker)

    assert client_for(admin).get(reverse("assessments:case_index", args=[case.pk])).status_code == 403
