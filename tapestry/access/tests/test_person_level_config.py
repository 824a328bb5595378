"""The apps' person-level declarations (PersonLevelConfig) reach the access policy as PersonLinks."""

from __future__ import annotations

from django.apps import apps

from tapestry.access import policy
from tapestry.access.apps import PersonLevelConfig
from tapestry.mezzo.groups.access import THROUGH_MEMBERSHIP, groups_run_by


def test_in_record_links_go_through_the_record() -> None:
    assert policy.PERSON_LEVEL["casework.goalrating"] == policy.PersonLink(
        path="review__plan__case__person", segment_field="review__plan__case__segment"
    )


def test_person_links_build_or_import_the_link() -> None:
    assert policy.PERSON_LEVEL["groups.membership"] == policy.PersonLink(
        path="person", segment_field="group__segment", run_by=("group", groups_run_by)
    )
    assert policy.PERSON_LEVEL["group_sessions.attendance"] is THROUGH_MEMBERSHIP
    # A dotted name declares another app's model.
    assert policy.PERSON_LEVEL["access.consent"] == policy.PersonLink(path="person", segment_field="segment")


def test_each_app_gets_its_own_config_not_the_shared_base() -> None:
    config = apps.get_app_config("treatment")
    assert isinstance(config, PersonLevelConfig) and type(config) is not PersonLevelConfig
    assert type(apps.get_app_config("access")).__name__ == "AccessConfig"
