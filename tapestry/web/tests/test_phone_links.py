"""Phone numbers dial from a phone: the `tel` filter and the pages that show numbers."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for
from tapestry.web.templatetags.phone import tel_uri


@pytest.mark.parametrize(
    ("written", "uri"),
    [
        ("555-0142", "tel:5550142"),
        ("(555) 010-0123", "tel:5550100123"),
        ("+1 555 010 0123", "tel:+15550100123"),
        ("988", "tel:988"),
        ("555-0100 ext. 12", "tel:5550100;ext=12"),
        ("555-0100 x 7", "tel:5550100;ext=7"),
    ],
)
def test_a_number_as_written_becomes_its_dialling_form(written, uri):
    assert tel_uri(written) == uri


@pytest.mark.parametrize("written", ["", "ask at the front desk", "12"])
def test_text_without_a_number_is_not_linked(written):
    assert tel_uri(written) == ""
    assert "<a" not in Template("{% load phone %}{{ n|tel }}").render(Context({"n": written}))


def test_the_filter_links_the_number_and_escapes_what_is_written():
    html = Template("{% load phone %}{{ n|tel }}").render(Context({"n": "555-0142 <b>"}))
    assert html == '<a class="tel nowrap" href="tel:5550142">555-0142 &lt;b&gt;</a>'


@pytest.mark.django_db
def test_the_safety_plan_and_its_printout_link_every_number(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    client = client_for(cast.caseworker)

    for name in ("crisis:safety_plan", "crisis:safety_plan_print"):
        page = client.get(reverse(name, kwargs={"case_pk": case.pk})).content.decode()
        assert 'href="tel:5550142">555-0142</a>' in page
        assert 'href="tel:988">988</a>' in page


@pytest.mark.django_db
def test_a_persons_phone_is_linked_and_their_email_is_not(cast):
    from tapestry.people.models import ContactPoint

    case = crisis_case(cast.caseworker)
    ContactPoint.objects.create(person=case.person, kind="phone", value="555-0199")
    ContactPoint.objects.create(person=case.person, kind="email", value="client@example.org")

    page = client_for(cast.caseworker).get(reverse("people:person_detail", args=[case.person_id]))

    html = page.content.decode()
    assert 'href="tel:5550199">555-0199</a>' in html
    assert "tel:client" not in html and "client@example.org" in html
