"""`submit`: the status of a form page after a stale edit, and `case_page_url`'s fallbacks."""

from types import SimpleNamespace

from django import forms

from tapestry.access.errors import StaleEdit
from tapestry.web.forms import ServiceForm
from tapestry.web.pages import case_page_url, submit


class NameForm(ServiceForm):
    name = forms.CharField()


def _stale() -> None:
    raise StaleEdit(current_version=2)


def test_a_stale_edit_answers_409_and_shows_the_conflict():
    form = NameForm({"name": "Ada"})

    assert submit(form, _stale) == (None, 409)
    assert "Someone else changed this record" in form.non_field_errors()[0]


def test_a_page_may_answer_a_stale_edit_with_400():
    assert submit(NameForm({"name": "Ada"}), _stale, stale=400) == (None, 400)


def test_case_page_url_falls_back_to_the_person_only_when_asked(settings):
    settings.ROOT_URLCONF = "tapestry.web.tests.people_urls"
    case = SimpleNamespace(pk=3, person_id=7)

    assert case_page_url(case) == ""
    assert case_page_url(case, or_person=True) == "/people/7/"
