"""The story pages in Spanish, for people who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import PersonFactory, client_for
from tapestry.thread.stories.tests.helpers import case_with_consent, propose

pytestmark = pytest.mark.django_db


def _in_spanish(user):
    user.language = "es"
    user.save(update_fields=["language"])
    return client_for(user)


def test_the_story_pages_speak_spanish(cast):
    case = case_with_consent(cast.caseworker, PersonFactory(given_name="Philippa", family_name="Wexcombe"))
    told = propose(cast.caseworker, case, "Philippa slept on a sofa for a winter.")

    original = _in_spanish(cast.caseworker).get(reverse("stories:story_original", args=[told.pk]))
    page = original.content.decode()
    assert "Tal como lo leen los demás" in page and "Retirar el relato" in page
    assert "As others read it" not in page and "Withdraw the story" not in page

    queue = _in_spanish(cast.supervisor).get(reverse("stories:review_queue")).content.decode()
    assert "Relatos por revisar" in queue and "Propuesto, en espera de revisión" in queue
    assert "Stories to review" not in queue
