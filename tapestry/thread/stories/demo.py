"""Demo stories: two clients' stories for advocacy, each under a story consent in force; one approved."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.access.models import Consent
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import case_need_add, case_open
from tapestry.needs.models import Need
from tapestry.people.services import consent_record
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.services import story_approve, story_propose

# (title, the story with {given} for the client's name, the needs it speaks to, approved?)
STORIES = (
    (
        "Eleven weeks on a waiting list, four of them in a car",
        "{given} came to us after the landlord sold the building. The only emergency shelter in the county "
        "had no family rooms, so {given} and her two children slept in the car for four weeks while the "
        "housing list moved one place a week. 'I parked near the school so they would not be late,' she said.",
        ("housing-instability", "homelessness-unsheltered"),
        True,
    ),
    (
        "Leaving was the easy part",
        "When {given} left her partner she had a safety plan and a bag packed. What she did not have was "
        "anywhere to go that he did not know about. The refuge was full for a month; the housing office "
        "asked for a tenancy reference she could only get from him.",
        ("domestic-violence", "housing-instability"),
        False,
    ),
)


def _cases(ctx: DemoContext) -> list[Case]:
    """Open, general cases of the demo caseworker, as the cases demo made them, or new ones."""
    worker = ctx.staff.get("caseworker")
    if worker is None:
        return []
    found = Case.objects.filter(worker=worker, status=Case.Status.OPEN, segment="").order_by("pk")
    cases = list(found[: len(STORIES)])
    for person in ctx.caseload("caseworker")[len(cases) : len(STORIES)]:
        cases.append(
            case_open(
                actor=worker,
                person=person,
                case_type=Case.Type.CASE_MANAGEMENT,
                presenting_problem="Lost their home and is looking for a safe place to live.",
                referral_source="Self-referral",
            )
        )
    return cases


def seed(ctx: DemoContext) -> str:
    if Story.objects.exists():
        return ""
    cases = _cases(ctx)
    reviewer = ctx.staff.get("community_organiser")
    if len(cases) < len(STORIES) or reviewer is None:
        return ""
    today = timezone.localdate()
    for case, (title, text, codes, approved) in zip(cases, STORIES, strict=False):
        worker = case.worker
        needs = list(Need.objects.filter(code__in=codes))
        for need in needs:
            if not CaseNeed.objects.filter(case=case, need=need).exists():
                case_need_add(actor=worker, case=case, need=need)
        consent_record(
            actor=worker,
            person=case.person,
            purpose=Consent.Purpose.STORY,
            information="Their story, told without their name or anything that identifies them",
            recipient_description="The agency's advocacy and its partners in campaigns",
            given_on=today - timedelta(days=ctx.rng.randint(5, 30)),
            expires_on=today + timedelta(days=365),
            written=True,
            signed_by=Consent.Signer.PERSON,
            signed_on=today - timedelta(days=5),
        )
        story = story_propose(
            actor=worker, case=case, title=title, text=text.format(given=case.person.given_name), needs=needs
        )
        if approved:
            story_approve(actor=reviewer, story=story, version=story.version)
    return f"{len(STORIES)} client stories for advocacy, one approved"
