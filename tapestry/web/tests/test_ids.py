"""`picked`: the records a body's list of numbers names, or one error on the field."""

import pytest
from django.core.exceptions import ValidationError

from tapestry.access.models import User
from tapestry.web.ids import picked


@pytest.mark.django_db
def test_picked_gives_each_record_once_in_the_order_sent():
    first = User.objects.create_user(username="first")
    second = User.objects.create_user(username="second")
    ids = [second.pk, first.pk, second.pk]

    assert picked(User.objects.all(), ids, "staff_ids", "No staff member with number") == [second, first]


@pytest.mark.django_db
def test_picked_names_every_unknown_number_on_the_field():
    known = User.objects.create_user(username="known")

    with pytest.raises(ValidationError) as raised:
        picked(User.objects.all(), [known.pk, 9998, 9999], "staff_ids", "No staff member with number")

    assert raised.value.message_dict == {"staff_ids": ["No staff member with number 9998, 9999."]}


def test_picked_takes_records_already_found_by_number():
    found = {1: "one", 2: "two"}

    assert picked(found, [2, 1], "ids", "None with number") == ["two", "one"]
    with pytest.raises(ValidationError):
        picked(found, [3], "ids", "None with number")


def test_found_or_404_gives_the_record_and_a_404_with_the_message_for_none():
    from django.http import Http404

    from tapestry.web.ids import found_or_404

    record = object()
    assert found_or_404(record, "No such plan.") is record
    with pytest.raises(Http404, match="No such plan."):
        found_or_404(None, "No such plan.")


@pytest.mark.django_db
def test_one_or_404_finds_the_row_only_within_the_queryset_it_is_given():
    from django.http import Http404

    from tapestry.web.ids import one_or_404

    shown = User.objects.create_user(username="shown")
    hidden = User.objects.create_user(username="hidden")
    reach = User.objects.filter(username="shown")

    assert one_or_404(reach, shown.pk, "No staff member with this number.") == shown
    for pk in (hidden.pk, 9999):
        with pytest.raises(Http404, match="No staff member with this number."):
            one_or_404(reach, pk, "No staff member with this number.")
