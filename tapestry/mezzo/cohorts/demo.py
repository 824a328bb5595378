"""Demo cohort: a refugee resettlement intake on the caseworker's caseload, with bulk actions already run.

Written through the cohort services (so each member is checked, each write audited, and the
history rows exist): a shared goal (members without a care plan are skipped), a shared task,
and a bulk referral where some members had no consent on file and were not sent.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access import policy
from tapestry.access.consent_rules import REVOCATION_STATEMENT
from tapestry.access.models import Consent
from tapestry.demo.context import DemoContext
from tapestry.directory.models import Service
from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import Cohort, CohortAction
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import CarePlan
from tapestry.micro.referrals import disclosure

NAME = "Refugee resettlement spring intake"
WORKER = "caseworker"
MAX_MEMBERS = 8


def seed(ctx: DemoContext) -> str:
    if Cohort.objects.filter(name=NAME).exists():
        return ""
    worker = ctx.staff.get(WORKER)
    if worker is None:
        return ""
    persons = [person.pk for person in ctx.caseload(WORKER)]
    cases = list(
        Case.objects.filter(person_id__in=persons, worker=worker, status=Case.Status.OPEN, segment="")
        .select_related("person", "worker")
        .order_by("pk")
    )
    # One case per person: a cohort is about people sharing a situation.
    by_person = {}
    for case in cases:
        by_person.setdefault(case.person_id, case)
    # Cases with a care plan first, so the shared goal shows both outcomes: added, and "no care plan".
    planned = set(CarePlan.objects.filter(case__in=by_person.values()).values_list("case_id", flat=True))
    cases = sorted(by_person.values(), key=lambda case: (case.pk not in planned, case.pk))[:MAX_MEMBERS]
    if len(cases) < 2:
        return ""
    cohort = services.cohort_create(
        actor=worker,
        name=NAME,
        situation=Cohort.Situation.REFUGEES,
        description=(
            "Families who arrived this spring through the resettlement program: registering with a doctor, "
            "school places, English classes and a first job, worked on together."
        ),
    )
    for case in cases:
        services.member_add(actor=worker, cohort=cohort, case=case)
    members = list(cohort.members.select_related("case", "case__person", "case__worker").order_by("pk"))
    today = timezone.localdate()

    def run(item: services.BulkItem) -> CohortAction:
        return services.cohort_action_run(actor=worker, cohort=cohort, members=members, item=item).action

    goal = run(
        services.GoalItem(
            description="Register with a family doctor",
            measure="Registered with a practice near home",
            target="Registered",
            target_date=today + dt.timedelta(weeks=6),
        )
    )
    task = run(
        services.TaskItem(
            title="Book a place at the newcomers' orientation session",
            due_on=today + dt.timedelta(days=ctx.rng.randint(7, 14)),
        )
    )
    summary = [f"1 cohort of {len(members)} cases", f"shared goal {goal.done} done"]
    summary.append(f"shared task {task.done} done")
    service = _service(ctx)
    if service is not None:
        _consents_for_some(ctx, members, service)
        referral = run(
            services.BulkReferral(
                service=service,
                reason="Newly arrived this spring; please offer a place in English classes and an intake appointment.",
                parts=("identity", "contact_details"),
            )
        )
        summary.append(f"bulk referral {referral.done} sent, {referral.skipped} without consent")
    return ", ".join(summary)


def _service(ctx: DemoContext) -> Service | None:
    """A searchable service, preferably one about language or employment, known to the agency by name."""
    searchable = Service.objects.filter(status__in=Service.SEARCHABLE).select_related("organization")
    preferred = searchable.filter(needs__code__in=["language", "literacy", "unemployment"]).distinct()
    for candidates in (preferred.order_by("pk"), searchable.order_by("pk")):
        known = [s for s in candidates[:50] if disclosure.recipient_for(s) is not None]
        if known:
            return ctx.rng.choice(known)
    return searchable.order_by("pk").first()


def _consents_for_some(ctx: DemoContext, members: list, service: Service) -> None:
    """Two in three members have signed a referral consent naming the provider; the rest have not."""
    recipient = disclosure.recipient_for(service)
    given = timezone.localdate() - dt.timedelta(days=ctx.rng.randint(3, 10))
    for index, member in enumerate(members):
        case = member.case
        covered = policy.consent_for_disclosure(
            person=case.person, segment=case.segment, purpose=Consent.Purpose.REFERRAL, recipient=recipient
        )
        if covered is not None or index % 3 == 2:
            continue
        Consent.objects.create(
            person=case.person,
            segment=case.segment,
            information="Name and contact details, for a place in English classes",
            record_parts=[Consent.RecordPart.IDENTITY, Consent.RecordPart.CONTACT_DETAILS],
            discloser="Tapestry demo agency",
            recipient_organisation=recipient,
            recipient_description="" if recipient else service.organization.name,
            purpose=Consent.Purpose.REFERRAL,
            written=True,
            document_reference=f"Signed at the intake session, case {case.number}",
            revocation_statement=REVOCATION_STATEMENT,
            signed_by=Consent.Signer.PERSON,
            signed_on=given,
            given_on=given,
            expires_on=given + dt.timedelta(days=365),
            recorded_by=case.worker,
        )
