"""The group note: about the group, naming no one; member mentions seen only by who may see the member."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.models import GroupNote, NoteMention
from tapestry.mezzo.group_sessions.selectors import mentions_visible
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group
from tapestry.testing import PersonFactory, UserFactory, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


@pytest.fixture
def session_with_two_clients(cast, facilitator):
    """Mina is the caseworker's client, Tobias the outsider's; both are mentioned in the note."""
    group = make_group(facilitator)
    mina = enrol(group, PersonFactory(given_name="Mina", family_name="Okafor"))
    tobias = enrol(group, PersonFactory(given_name="Tobias", family_name="Lind"))
    open_case(cast.caseworker, mina.person)
    open_case(cast.outsider, tobias.person)
    session = hold_session(facilitator, group)
    services.note_save(
        actor=facilitator,
        session=session,
        version=0,
        dynamics="The group settled quickly.",
        themes="Isolation at weekends.",
        progress="Everyone named one coping strategy.",
        mentions={
            mina.pk: "Spoke about her sister for the first time.",
            tobias.pk: "Left early, seemed low.",
        },
    )
    return session, mina, tobias


def _note_url(session) -> str:
    return reverse("group_sessions:note_detail", kwargs={"pk": session.pk})


def test_the_facilitator_writes_the_note_with_mentions_in_one_form(facilitator):
    group = make_group(facilitator)
    member = enrol(group)
    session = hold_session(facilitator, group)

    response = client_for(facilitator).post(
        reverse("group_sessions:note_edit", kwargs={"pk": session.pk}),
        {
            "version": 0,
            "dynamics": "Lively.",
            "themes": "Money.",
            "progress": "",
            f"mention_{member.pk}": "Led the round.",
        },
    )

    note = GroupNote.objects.get()
    assert response.status_code == 302
    assert (note.dynamics, note.themes) == ("Lively.", "Money.")
    assert [(m.membership, m.text) for m in note.mentions.all()] == [(member, "Led the round.")]


def test_the_note_may_not_name_a_member(facilitator):
    group = make_group(facilitator)
    enrol(group, PersonFactory(given_name="Mina", family_name="Okafor"))
    session = hold_session(facilitator, group)

    response = client_for(facilitator).post(
        reverse("group_sessions:note_edit", kwargs={"pk": session.pk}),
        {"version": 0, "dynamics": "Mina dominated the discussion.", "themes": "", "progress": ""},
    )

    assert response.status_code == 400
    assert "must not name members (Mina)" in response.context["form"].errors["dynamics"][0]
    assert GroupNote.objects.count() == 0


def test_the_facilitator_sees_the_note_and_every_mention_and_the_open_is_audited(
    session_with_two_clients, facilitator
):
    session, mina, tobias = session_with_two_clients

    text = client_for(facilitator).get(_note_url(session)).content.decode()

    assert "Isolation at weekends." in text
    assert "Spoke about her sister" in text and "Left early" in text
    opened = AuditEntry.objects.filter(action="view", actor=facilitator)
    assert opened.filter(object_type="group_sessions.groupnote").count() == 1
    assert set(
        opened.filter(object_type="group_sessions.notemention").values_list("person_id", flat=True)
    ) == {
        mina.person_id,
        tobias.person_id,
    }


def test_a_members_caseworker_sees_only_their_own_clients_mention(cast, session_with_two_clients):
    session, mina, tobias = session_with_two_clients
    theirs = NoteMention.objects.get(membership=mina)
    other = NoteMention.objects.get(membership=tobias)
    client = client_for(cast.caseworker)

    own = client.get(reverse("group_sessions:mention_detail", kwargs={"pk": theirs.pk}))
    not_own = client.get(reverse("group_sessions:mention_detail", kwargs={"pk": other.pk}))
    note = client.get(_note_url(session))

    assert own.status_code == 200 and "Spoke about her sister" in own.content.decode()
    assert "The group settled" not in own.content.decode()
    assert not_own.status_code == 404
    assert note.status_code == 404  # the note itself is for those who run the group
    assert AuditEntry.objects.filter(action="view", actor=cast.caseworker, person_id=mina.person_id).exists()


def test_a_program_manager_sees_no_note_and_no_mention(cast, session_with_two_clients):
    session, mina, _ = session_with_two_clients
    manager = cast["program_manager"]
    mention = NoteMention.objects.get(membership=mina)

    assert client_for(manager).get(_note_url(session)).status_code == 403
    assert (
        client_for(manager)
        .get(reverse("group_sessions:mention_detail", kwargs={"pk": mention.pk}))
        .status_code
        == 403
    )
    assert list(mentions_visible(manager)) == []


def test_revising_replaces_the_mentions_and_a_stale_version_is_refused(session_with_two_clients, facilitator):
    session, mina, tobias = session_with_two_clients
    note = GroupNote.objects.get()

    services.note_save(
        actor=facilitator,
        session=session,
        version=note.version,
        dynamics="Calmer.",
        themes="",
        progress="",
        mentions={mina.pk: "Brought a friend along."},
    )
    with pytest.raises(StaleEdit):
        services.note_save(
            actor=facilitator,
            session=session,
            version=note.version,
            dynamics="Late edit.",
            themes="",
            progress="",
            mentions={},
        )

    note.refresh_from_db()
    assert note.dynamics == "Calmer." and note.version == 2
    assert list(note.mentions.values_list("membership_id", "text")) == [(mina.pk, "Brought a friend along.")]


def test_a_mention_of_someone_outside_the_session_is_refused(facilitator):
    group = make_group(facilitator)
    session = hold_session(facilitator, group)
    elsewhere = enrol(make_group(facilitator))

    with pytest.raises(ValidationError) as refused:
        services.note_save(
            actor=facilitator,
            session=session,
            version=0,
            dynamics="Fine.",
            themes="",
            progress="",
            mentions={elsewhere.pk: "x"},
        )

    assert "mentions" in refused.value.message_dict
