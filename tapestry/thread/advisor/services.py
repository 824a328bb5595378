"""The level advisor's three one-step actions, each written through the level's own service.

Enrolling goes through the groups service (which checks the worker may change the case, the group
takes members, its segment is granted, and waiting-lists a full group); referring through the
referrals service (the referral is recorded, and its consent gate runs when it is sent); telling the
client about a campaign is an advocacy-log entry of rights information given, through the advocacy
service. The client is never added to a campaign's supporters: supporters are community members
kept apart from client records.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.macro.campaigns.models import Campaign
from tapestry.mezzo.groups.models import Membership
from tapestry.mezzo.groups.services import membership_enrol_from_case
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.services import referral_create
from tapestry.needs.models import Domain
from tapestry.thread.advisor import selectors

# The advocacy log's issue for a need of each domain; any other domain is "other".
ISSUE_OF_DOMAIN = {
    Domain.HOUSING: AdvocacyAction.Issue.HOUSING,
    Domain.INCOME: AdvocacyAction.Issue.BENEFITS,
    Domain.FOOD: AdvocacyAction.Issue.BENEFITS,
    Domain.UTILITIES: AdvocacyAction.Issue.BENEFITS,
    Domain.HEALTH: AdvocacyAction.Issue.HEALTH_CARE,
    Domain.SUBSTANCE_USE: AdvocacyAction.Issue.HEALTH_CARE,
    Domain.EDUCATION: AdvocacyAction.Issue.EDUCATION,
    Domain.EMPLOYMENT: AdvocacyAction.Issue.EMPLOYMENT,
    Domain.LEGAL: AdvocacyAction.Issue.LEGAL,
}


def _case_need(case: Case, case_need_id: int | None, *, required: bool) -> CaseNeed | None:
    if case_need_id is None:
        if required:
            raise ValidationError({"need": [gettext("Choose the need this is for.")]})
        return None
    case_need = selectors.case_need_of(case=case, case_need_id=case_need_id)
    if case_need is None:
        raise ValidationError({"need": [gettext("Choose a need recorded on this case.")]})
    return case_need


def advice_enrol(*, actor: User, case: Case, group_id: int, wait_list: bool = True) -> Membership:
    """Enrol the client in a group (or put them on its waiting list when it is full and `wait_list`)."""
    group = selectors.group_to_join(group_id=group_id)
    if group is None:
        raise ValidationError({"group": [gettext("There is no such group.")]})
    return membership_enrol_from_case(actor=actor, group=group, case=case, wait_list=wait_list)


def advice_refer(
    *, actor: User, case: Case, service_id: int, case_need_id: int, reason: str = ""
) -> Referral:
    """Record a referral to a directory service for one of the case's needs; it is sent (after the
    consent check) from the referral's own page."""
    case_need = _case_need(case, case_need_id, required=True)
    service = selectors.service_to_refer(service_id=service_id)
    if service is None:
        raise ValidationError({"service": [gettext("There is no such service in the directory.")]})
    reason = reason.strip() or f"Help with {case_need.need.label.lower()}."
    return referral_create(actor=actor, case=case, service=service, reason=reason, case_needs=[case_need])


def _told(campaign: Campaign, case_need: CaseNeed, note: str) -> tuple[str, str]:
    action = (
        f"Told the client about the campaign “{campaign.title}”, which works on "
        f"{case_need.need.label.lower()}. The client was not signed up: whether to take part is theirs to decide."
    )
    information = campaign.summary or campaign.goals
    if note.strip():
        information = f"{information}\n\n{note.strip()}"
    return action, information


def advice_tell_campaign(
    *, actor: User, case: Case, campaign_id: int, case_need_id: int, note: str = ""
) -> AdvocacyAction:
    """Record in the case's advocacy log that the client was told about a campaign on their need."""
    case_need = _case_need(case, case_need_id, required=True)
    campaign = selectors.campaign_working(campaign_id=campaign_id)
    if campaign is None:
        raise ValidationError({"campaign": [gettext("Choose a campaign that is active or being planned.")]})
    action_taken, information = _told(campaign, case_need, note)
    today = timezone.localdate()
    return advocacy_action_record(
        actor=actor,
        case=case,
        issue=ISSUE_OF_DOMAIN.get(case_need.need.domain, AdvocacyAction.Issue.OTHER),
        agency=f"Campaign: {campaign.title}"[:200],
        action_taken=action_taken,
        action_date=today,
        outcome=AdvocacyAction.Outcome.RESOLVED,
        outcome_date=today,
        outcome_note="Information given to the client.",
        rights_information_given=True,
        rights_information=information,
    )
