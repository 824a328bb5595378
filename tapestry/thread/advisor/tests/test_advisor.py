"""The level advisor: what a worker sees for a case's needs, and the three one-step actions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.models import AuditEntry, Segment
from tapestry.access.services import break_glass_open
from tapestry.macro.campaigns.models import Campaign, Supporter
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals import services as referral_services
from tapestry.micro.referrals.models import Referral
from tapestry.places.models import Area, AreaPostcode
from tapestry.testing import PersonFactory, client_for, grant
from tapestry.thread.advisor import selectors
from tapestry.thread.advisor.tests.support import (
    campaign_on,
    client_case,
    group_on,
    neighbourhood,
    program,
    service_on,
)

pytestmark = pytest.mark.django_db


def advice_page(user, case) -> str:
    response = client_for(user).get(reverse("advisor:case_index", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def dv_need(case):
    return case.needs.get(need__code="domestic-violence")


# What the advisor shows ---------------------------------------------------------------------


def test_the_case_page_links_to_the_advisor(cast):
    case = client_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    assert reverse("advisor:case_index", args=[case.pk]) in page


def test_each_open_need_gets_interventions_on_all_three_levels(cast):
    case = client_case(cast.caseworker)
    case.needs.filter(need__code="housing-instability").update(status="met")

    advice = selectors.case_advice(user=cast.caseworker, case_id=case.pk)

    assert [item.need.code for item in advice.needs] == ["domestic-violence"]
    levels = {level: [k.code for k in kinds] for level, _, kinds in advice.needs[0].interventions}
    assert "crisis-intervention" in levels["micro"]
    assert "support-group" in levels["mezzo"]
    assert "community-organising" in levels["macro"]
    assert "family-therapy" not in levels["micro"]  # fits family needs, not safety


def test_local_options_for_the_need_local_first(cast):
    here = neighbourhood()
    elsewhere = neighbourhood("19999")
    case = client_case(cast.caseworker)
    far = group_on(
        "domestic-violence", name="Survivors far away", area=elsewhere, program=program("Safe lives")
    )
    near = group_on("domestic-violence", name="Survivors nearby", area=here)
    group_on("domestic-violence", name="Survivors ended", status=Group.Status.ENDED)
    group_on("food-insecurity", name="Food club")
    distant = service_on("domestic-violence", postcode="19999", name="Distant shelter line")
    local = service_on("domestic-violence", postcode="19104", name="Local shelter line")
    active = campaign_on("domestic-violence", title="Safe housing now")
    planned = campaign_on("domestic-violence", status=Campaign.Status.PLANNING, title="Survivor leave law")
    campaign_on("domestic-violence", status=Campaign.Status.WON, title="Won already")

    advice = selectors.case_advice(user=cast.caseworker, case_id=case.pk)
    dv = next(item for item in advice.needs if item.need.code == "domestic-violence")

    assert [g.pk for g in dv.groups] == [near.pk, far.pk]
    assert dv.groups[0].local and not dv.groups[1].local
    assert [p.name for p in dv.programs] == ["Safe lives"]
    assert [s.pk for s in dv.services][:2] == [local.pk, distant.pk]
    assert dv.services[0].nearness == "In the client's postcode"
    assert {c.pk for c in dv.campaigns} == {active.pk, planned.pk}
    assert [a.pk for a in advice.areas] == [here.pk]


def test_a_group_next_door_comes_before_one_far_away(cast):
    county = Area.objects.create(kind=Area.Kind.COUNTY, code="C1", name="Delaware County")
    here = neighbourhood()
    here.parent = county
    here.save()
    AreaPostcode.objects.create(area=county, postcode="19104", given=False)
    next_door = Area.objects.create(kind=Area.Kind.NEIGHBOURHOOD, code="N99", name="Hillside", parent=county)
    far = group_on("domestic-violence", name="A far group", area=neighbourhood("19999"))
    near = group_on("domestic-violence", name="Z next door", area=next_door)
    case = client_case(cast.caseworker)

    dv = selectors.case_advice(user=cast.caseworker, case_id=case.pk).needs[0]

    assert [g.pk for g in dv.groups] == [near.pk, far.pk]
    assert dv.groups[0].near and not dv.groups[1].near


def test_a_confidential_address_does_not_place_the_client(cast):
    neighbourhood()
    case = client_case(cast.caseworker)
    case.person.addresses.update(confidential=True)

    advice = selectors.case_advice(user=cast.caseworker, case_id=case.pk)

    assert advice.postcode == "" and advice.areas == []
    assert "confidential addresses are not used" in advice_page(cast.caseworker, case)


def test_a_full_group_shows_no_numbers_and_offers_the_waiting_list(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", capacity=1, name="Tiny group")
    Membership.objects.create(group=group, person=PersonFactory(), status=Membership.Status.ENROLLED)

    page = advice_page(cast.caseworker, case)

    assert "Tiny group" in page and "Add to the waiting list" in page
    assert "1 place" not in page  # a worker who does not run it sees the band only


def test_reading_the_advice_is_audited(cast):
    case = client_case(cast.caseworker)

    advice_page(cast.caseworker, case)

    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, person_id=case.person_id, purpose="level advisor"
    ).exists()


# Access -------------------------------------------------------------------------------------


def test_a_case_out_of_reach_is_refused_with_the_emergency_offer_only(cast):
    case = client_case(cast.caseworker)

    response = client_for(cast.outsider).get(reverse("advisor:case_index", args=[case.pk]))

    # A caseworker may break glass: the refusal offers emergency access and shows nothing of the case.
    assert response.status_code == 403
    assert "Domestic" not in response.content.decode()


def test_a_segment_case_needs_the_grant(cast):
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    case = client_case(cast.caseworker, needs=("substance-use",), segment=Segment.SUBSTANCE_USE)
    client = client_for(cast.teammate)  # same team, no substance-use grant

    page = client.get(reverse("advisor:case_index", args=[case.pk]))
    assert page.status_code in (403, 404) and "Substance use treatment" not in page.content.decode()
    answer = client.get(f"/api/v1/advisor/cases/{case.pk}")
    assert answer.status_code in (403, 404) and "Substance" not in answer.content.decode()
    assert "Substance use treatment" in advice_page(cast.caseworker, case)


def test_segment_groups_are_offered_only_to_those_granted(cast):
    case = client_case(cast.caseworker)
    group_on("domestic-violence", name="Recovery and safety", segment=Segment.SUBSTANCE_USE)

    assert "Recovery and safety" not in advice_page(cast.caseworker, case)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    assert "Recovery and safety" in advice_page(cast.caseworker, case)


# Enrol ----------------------------------------------------------------------------------------


def post(user, case, action: str, data: dict):
    return client_for(user).post(reverse(f"advisor:{action}", args=[case.pk]), data, follow=True)


def test_enrol_in_one_step(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", name="Survivors circle")

    page = post(cast.caseworker, case, "enrol", {"group": group.pk, "wait_list": "on"}).content.decode()

    member = Membership.objects.get(group=group, person=case.person)
    assert member.status == Membership.Status.ENROLLED and member.case == case
    assert "Enrolled in Survivors circle." in page
    assert "Already a member" in page


def test_a_full_group_puts_the_client_on_its_waiting_list(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", capacity=1)
    Membership.objects.create(group=group, person=PersonFactory(), status=Membership.Status.ENROLLED)

    page = post(cast.caseworker, case, "enrol", {"group": group.pk, "wait_list": "on"}).content.decode()

    member = Membership.objects.get(group=group, person=case.person)
    assert member.status == Membership.Status.WAITING and member.waiting_position == 1
    assert "number 1 on its waiting list" in page


def test_a_full_group_without_the_waiting_list_is_refused(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", capacity=1)
    Membership.objects.create(group=group, person=PersonFactory(), status=Membership.Status.ENROLLED)

    page = post(cast.caseworker, case, "enrol", {"group": group.pk}).content.decode()

    assert "The group is full" in page
    assert not Membership.objects.filter(person=case.person).exists()


def test_enrolling_a_case_out_of_reach_is_refused(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence")

    response = client_for(cast.outsider).post(reverse("advisor:enrol", args=[case.pk]), {"group": group.pk})

    assert response.status_code == 403
    assert not Membership.objects.exists()


def test_a_segment_group_not_granted_is_refused(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", segment=Segment.SUBSTANCE_USE)

    page = post(cast.caseworker, case, "enrol", {"group": group.pk, "wait_list": "on"}).content.decode()

    assert "which you are not granted" in page
    assert not Membership.objects.exists()


def test_a_closed_case_takes_no_enrolment(cast):
    case = client_case(cast.caseworker)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    group = group_on("domestic-violence")

    page = post(cast.caseworker, case, "enrol", {"group": group.pk}).content.decode()

    assert "This case is closed" in page
    assert not Membership.objects.exists()


def test_an_unreadable_suggestion_writes_nothing(cast):
    case = client_case(cast.caseworker)

    page = post(cast.caseworker, case, "enrol", {"group": "abc"}).content.decode()

    assert "could not be read" in page
    assert not Membership.objects.exists()


# Refer ----------------------------------------------------------------------------------------


def test_refer_lands_on_the_new_referral_with_the_need_linked(cast):
    case = client_case(cast.caseworker)
    service = service_on("domestic-violence", name="Shelter line")

    response = post(
        cast.caseworker, case, "refer", {"service": service.pk, "need": dv_need(case).pk, "reason": ""}
    )

    referral = Referral.objects.get(case=case)
    assert response.redirect_chain[-1][0] == reverse("referrals:referral_detail", args=[referral.pk])
    assert list(referral.needs.all()) == [dv_need(case)]
    assert referral.service == service and referral.status == Referral.Status.DRAFT
    assert referral.reason == "Help with domestic or intimate partner violence."


def test_the_referral_still_passes_the_consent_gate_when_sent(cast):
    case = client_case(cast.caseworker)
    service = service_on("domestic-violence")
    post(cast.caseworker, case, "refer", {"service": service.pk, "need": dv_need(case).pk})
    referral = Referral.objects.get(case=case)

    with pytest.raises(ValidationError) as refused:
        referral_services.referral_send(actor=cast.caseworker, referral=referral, version=referral.version)

    assert "consent" in refused.value.message_dict
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.DRAFT


def test_refer_for_another_cases_need_is_refused(cast):
    case = client_case(cast.caseworker)
    other = client_case(cast.caseworker)
    service = service_on("domestic-violence")

    page = post(
        cast.caseworker, case, "refer", {"service": service.pk, "need": dv_need(other).pk}
    ).content.decode()

    assert "Choose a need recorded on this case." in page
    assert not Referral.objects.exists()


def test_refer_out_of_reach_is_refused(cast):
    case = client_case(cast.caseworker)
    service = service_on("domestic-violence")

    response = client_for(cast.outsider).post(
        reverse("advisor:refer", args=[case.pk]), {"service": service.pk, "need": dv_need(case).pk}
    )

    assert response.status_code == 403
    assert not Referral.objects.exists()


# Tell about a campaign ------------------------------------------------------------------------


def test_telling_the_client_about_a_campaign_is_logged_not_signed_up(cast):
    case = client_case(cast.caseworker)
    campaign = campaign_on("domestic-violence", title="Safe housing now")

    page = post(
        cast.caseworker, case, "tell", {"campaign": campaign.pk, "need": dv_need(case).pk}
    ).content.decode()

    action = AdvocacyAction.objects.get(case=case)
    assert action.rights_information_given and "Safe housing now" in action.action_taken
    assert action.issue == AdvocacyAction.Issue.OTHER  # safety has no advocacy issue of its own
    assert "the client was told about the campaign" in page
    assert not Supporter.objects.exists()


def test_a_finished_campaign_is_not_told(cast):
    case = client_case(cast.caseworker)
    campaign = campaign_on("domestic-violence", status=Campaign.Status.WON)

    page = post(
        cast.caseworker, case, "tell", {"campaign": campaign.pk, "need": dv_need(case).pk}
    ).content.decode()

    assert "active or being planned" in page
    assert not AdvocacyAction.objects.exists()


def test_telling_out_of_reach_is_refused(cast):
    case = client_case(cast.caseworker)
    campaign = campaign_on("domestic-violence")

    response = client_for(cast.outsider).post(
        reverse("advisor:tell", args=[case.pk]), {"campaign": campaign.pk, "need": dv_need(case).pk}
    )

    assert response.status_code == 403
    assert not AdvocacyAction.objects.exists()


# API ------------------------------------------------------------------------------------------


def test_api_gives_the_advice(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", name="Survivors circle")
    campaign_on("housing-instability", title="Safe housing now")

    body = client_for(cast.caseworker).get(f"/api/v1/advisor/cases/{case.pk}").json()

    dv = next(item for item in body["needs"] if item["need"] == "domestic-violence")
    assert [level["level"] for level in dv["levels"]] == ["micro", "mezzo", "macro"]
    assert dv["groups"][0]["id"] == group.pk and dv["groups"][0]["availability"] == "places_available"
    housing = next(item for item in body["needs"] if item["need"] == "housing-instability")
    assert [c["title"] for c in housing["campaigns"]] == ["Safe housing now"]


def test_api_campaign_notice(cast):
    case = client_case(cast.caseworker)
    campaign = campaign_on("domestic-violence")
    client = client_for(cast.caseworker)
    url = f"/api/v1/advisor/cases/{case.pk}/campaign-notices"

    made = client.post(
        url, {"campaign_id": campaign.pk, "case_need_id": dv_need(case).pk}, content_type="application/json"
    )
    assert made.status_code == 201
    assert AdvocacyAction.objects.filter(pk=made.json()["advocacy_action_id"]).exists()

    wrong = client.post(
        url, {"campaign_id": 999999, "case_need_id": dv_need(case).pk}, content_type="application/json"
    )
    assert wrong.status_code == 400 and "campaign_id" in wrong.json()["errors"]
    assert AdvocacyAction.objects.count() == 1

    outsider = client_for(cast.outsider).post(
        url, {"campaign_id": campaign.pk, "case_need_id": dv_need(case).pk}, content_type="application/json"
    )
    assert outsider.status_code == 403
    assert AdvocacyAction.objects.count() == 1


def test_emergency_access_reads_the_advice_but_cannot_act(cast):
    case = client_case(cast.caseworker)
    group = group_on("domestic-violence", name="Survivors circle")
    break_glass_open(
        actor=cast.outsider, person=case.person, reason="Client missing; checking her safety plan now."
    )

    page = advice_page(cast.outsider, case)
    response = client_for(cast.outsider).post(reverse("advisor:enrol", args=[case.pk]), {"group": group.pk})

    assert "Survivors circle" in page and reverse("advisor:enrol", args=[case.pk]) not in page
    assert response.status_code in (403, 404)
    assert not Membership.objects.exists()
