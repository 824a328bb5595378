"""The naming rule: a related person is named only if the viewer may open them, else by relationship."""

from __future__ import annotations

import pytest

from tapestry.access import policy
from tapestry.people.mentions import mention, relative_label
from tapestry.people.models import Person, Relationship
from tapestry.testing import PersonFactory, assign

pytestmark = pytest.mark.django_db


def test_nameable_follows_the_persons_the_viewer_may_open(cast):
    mine, theirs = PersonFactory(), PersonFactory()
    assign(cast.caseworker, mine)
    assign(cast.outsider, theirs)

    marked = dict(
        Person.objects.filter(pk__in=[mine.pk, theirs.pk])
        .annotate(ok=policy.nameable(cast.caseworker))
        .values_list("pk", "ok")
    )

    assert marked == {mine.pk: True, theirs.pk: False}
    # Roles that open no records name no one.
    assert not Person.objects.filter(policy.nameable(cast.by_role["evaluator"])).exists()


def test_someone_out_of_reach_is_their_relationship_only(cast):
    client, sister = PersonFactory(), PersonFactory(given_name="Quenby", family_name="Farthingdale")
    tie = Relationship.objects.create(from_person=client, to_person=sister, kind="sibling")

    hidden = mention(sister, nameable=False, relation=relative_label(tie, sister.pk))
    shown = mention(sister, nameable=True, relation=relative_label(tie, sister.pk))

    assert str(hidden) == "a sibling outside your caseload"
    assert hidden.__html__() == 'A sibling <span class="muted">(outside your caseload)</span>'
    assert "Quenby" not in hidden.__html__() and hidden.url == ""
    assert str(shown) == "Quenby Farthingdale" and f'href="/people/{sister.pk}/"' in shown.__html__()


def test_the_label_reads_from_the_other_persons_side(cast):
    client, grandma = PersonFactory(), PersonFactory()
    tie = Relationship.objects.create(from_person=client, to_person=grandma, kind="grandchild")

    assert str(mention(grandma, nameable=False, relation=relative_label(tie, grandma.pk))) == (
        "a grandparent outside your caseload"
    )
