"""Demo mediations: a neighbour dispute and a family mediation, with parties from the caseloads.

A loader, not a user action: it writes with the ORM (dates in the past) and leaves the audit log
to the demo loader's single entry.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, MediationSession, Party
from tapestry.people.models import HouseholdMember, Organisation, Person


def seed(ctx: DemoContext) -> str:
    if Dispute.objects.exists():
        return ""
    caseload = ctx.caseload("caseworker")
    mediator, colleague = ctx.staff.get("caseworker"), ctx.staff.get("outreach_worker")
    if len(caseload) < 4 or mediator is None:
        return ""
    today = timezone.localdate()
    family = _family(caseload)
    neighbours = [person for person in caseload if person not in family]
    first, second = ctx.rng.sample(neighbours, 2)
    landlord = (
        ctx.organisations.get("Riverton Housing Authority") or Organisation.objects.order_by("pk").first()
    )
    _neighbour_dispute(today, [mediator, colleague], first, second, landlord)
    made = 1
    if len(family) >= 2:
        mentoring = ctx.organisations.get("Eastfield Youth Mentoring")
        _family_mediation(today, [mediator], family[0], family[1], mentoring)
        made += 1
    return f"{made} disputes in mediation"


def _family(caseload: list[Person]) -> list[Person]:
    """Two members of one household on the caseload, the adult first, if there are any."""
    members = (
        HouseholdMember.objects.filter(person__in=caseload)
        .select_related("person")
        .order_by("household_id", "position", "person_id")
    )
    households: dict[int, list[Person]] = {}
    for member in members:
        households.setdefault(member.household_id, []).append(member.person)
    return next((people[:2] for people in households.values() if len(people) >= 2), [])


def _dispute(title: str, kind: str, description: str, opened_on: dt.date, mediators: list) -> Dispute:
    dispute = Dispute.objects.create(title=title, kind=kind, description=description, opened_on=opened_on)
    dispute.mediators.set([user for user in mediators if user is not None])
    return dispute


def _neighbour_dispute(
    today: dt.date, mediators: list, first: Person, second: Person, landlord: Organisation | None
) -> None:
    dispute = _dispute(
        f"Noise and shared yard: {first.family_name} and {second.family_name}",
        Dispute.Kind.NEIGHBOUR,
        "Neighbours in the same block disagree about late-night noise and use of the shared yard.",
        today - dt.timedelta(days=40),
        mediators,
    )
    a = Party.objects.create(dispute=dispute, person=first)
    b = Party.objects.create(dispute=dispute, person=second)
    parties = [a, b]
    if landlord is not None:
        parties.append(
            Party.objects.create(dispute=dispute, organisation=landlord, role=Party.Role.REPRESENTATIVE)
        )
    noise = Issue.objects.create(dispute=dispute, description="Music and voices after 11pm on weeknights")
    yard = Issue.objects.create(dispute=dispute, description="Bins and bicycles left in the shared yard")
    Issue.objects.create(
        dispute=dispute, description="Who pays for the broken gate", status=Issue.Status.UNRESOLVED
    )
    first_session = MediationSession.objects.create(
        dispute=dispute,
        held_on=today - dt.timedelta(days=33),
        summary="Each neighbour described the problem in turn; both want to stay in the block.",
        next_steps="Each to note the nights the noise is a problem, for the next session.",
    )
    first_session.present.set([a, b])
    second_session = MediationSession.objects.create(
        dispute=dispute,
        held_on=today - dt.timedelta(days=19),
        summary="Went through the notes together; agreed quiet hours and a plan for the yard.",
        next_steps="Write up the agreement; housing authority to check the yard in a month.",
    )
    second_session.present.set(parties)
    agreement = Agreement.objects.create(
        dispute=dispute,
        terms="Quiet after 10pm Sunday to Thursday; bins back in the bin store on collection day; "
        "bicycles in the rack the housing authority will put up.",
        reached_on=today - dt.timedelta(days=19),
        follow_up_on=today + dt.timedelta(days=3),
    )
    agreement.issues.set([noise, yard])
    Issue.objects.filter(pk__in=[noise.pk, yard.pk]).update(status=Issue.Status.RESOLVED)


def _family_mediation(
    today: dt.date, mediators: list, parent: Person, young: Person, support: Organisation | None
) -> None:
    dispute = _dispute(
        f"{parent.family_name} family: house rules and curfew",
        Dispute.Kind.FAMILY,
        "Parent and teenager in conflict over curfew, chores and screen time; both asked for help.",
        today - dt.timedelta(days=21),
        mediators,
    )
    a = Party.objects.create(dispute=dispute, person=parent)
    b = Party.objects.create(dispute=dispute, person=young)
    if support is not None:
        Party.objects.create(dispute=dispute, organisation=support, role=Party.Role.SUPPORT)
    curfew = Issue.objects.create(dispute=dispute, description="Time to be home on school nights")
    Issue.objects.create(dispute=dispute, description="Sharing chores")
    session = MediationSession.objects.create(
        dispute=dispute,
        held_on=today - dt.timedelta(days=14),
        summary="Both spoke about what a fair week looks like; agreed to try a curfew for a month.",
        next_steps="Meet again after the trial month to talk about chores.",
    )
    session.present.set([a, b])
    agreement = Agreement.objects.create(
        dispute=dispute,
        terms="Home by 9pm on school nights, 11pm on Fridays and Saturdays; a text if running late.",
        reached_on=today - dt.timedelta(days=14),
        follow_up_on=today - dt.timedelta(days=1),
    )
    agreement.issues.set([curfew])
    curfew.status = Issue.Status.RESOLVED
    curfew.save(update_fields=["status"])
