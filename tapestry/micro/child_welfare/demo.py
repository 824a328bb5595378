"""Demo child welfare on the child-welfare worker's caseload: one family's whole story and a screened-out report.

Family A: a teacher's report, screened in, investigated with contacts and findings; a safety plan
that broke down; a kinship placement under emergency custody, then foster care under the shelter
order; a permanency goal with a concurrent plan; a shelter hearing and one coming up.
Family B: a relative's report screened out, and a neighbour's report awaiting screening.
A loader, not a user action: rows are written with the ORM and one audit entry records the load.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    InvestigationContact,
    PermanencyGoal,
    Placement,
    Report,
    ReportParticipant,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.people.models import HouseholdMember, Organisation, Person, Relationship

WORKER = "child_welfare_worker"
FOSTER_CARERS = (("Marguerite", "Okonkwo-Hale"), ("Bernard", "Ashdown"), ("Ines", "Carvalho"))
Threat = SafetyAssessment.Threat


def _age(person: Person, today: dt.date) -> int:
    born = person.date_of_birth or dt.date(1980, 1, 1)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class _Seeder:
    def __init__(self, ctx: DemoContext, worker: User) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.worker = worker
        self.today = timezone.localdate()
        self.counts = {"reports": 0, "placements": 0, "hearings": 0}

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())

    # ---- who is who ---------------------------------------------------------------------------
    def cases(self) -> list[Case]:
        """The worker's open child-welfare cases about a child; the cases app seeds them, else we open two."""
        found = [
            case
            for case in Case.objects.filter(
                worker=self.worker, case_type=Case.Type.CHILD_WELFARE, status=Case.Status.OPEN
            )
            .select_related("person", "household")
            .order_by("pk")
            if _age(case.person, self.today) < 18
        ]
        # The family whose case began with bruises tells the fullest story; a neighbour's worry the other.
        found.sort(key=lambda case: ("bruise" not in case.presenting_problem, case.pk))
        if found:
            # The second family is another household than the first, where the demo has one.
            first = found[0]
            others = [case for case in found[1:] if case.person.family_name != first.person.family_name]
            found = [first, *(others or found[1:])]
        if len(found) >= 2:
            return found[:2]
        taken = {case.person_id for case in found}
        children = [p for p in self.ctx.caseload(WORKER) if _age(p, self.today) < 18 and p.pk not in taken]
        for child in children[: 2 - len(found)]:
            found.append(
                Case.objects.create(
                    person=child,
                    case_type=Case.Type.CHILD_WELFARE,
                    segment=Segment.CHILD_WELFARE,
                    presenting_problem="Report of suspected abuse or neglect.",
                    referral_source="Child-welfare report",
                    worker=self.worker,
                    opened_on=self.today - dt.timedelta(days=90),
                )
            )
        return found

    def parents(self, child: Person) -> list[Person]:
        named = Relationship.objects.filter(to_person=child, kind=Relationship.Kind.PARENT).select_related(
            "from_person"
        )
        parents = [link.from_person for link in named]
        if parents:
            return parents
        households = HouseholdMember.objects.filter(person=child).values("household_id")
        heads = HouseholdMember.objects.filter(
            household_id__in=households,
            position__in=[HouseholdMember.Position.HEAD, HouseholdMember.Position.PARTNER],
        ).select_related("person")
        return [member.person for member in heads if member.person_id != child.pk]

    def kin(self, child: Person) -> Person:
        grandparent = (
            Relationship.objects.filter(to_person=child, kind=Relationship.Kind.GRANDPARENT)
            .select_related("from_person")
            .first()
        )
        if grandparent is not None:
            return grandparent.from_person
        aunt = Person.objects.create(
            given_name="Rosa",
            family_name=child.family_name,
            date_of_birth=dt.date(1968, 5, 14),
            languages=child.languages or "English",
            notes="The child's aunt; offered to care for the child.",
        )
        Relationship.objects.create(
            from_person=aunt, to_person=child, kind=Relationship.Kind.OTHER, notes="Aunt"
        )
        return aunt

    def organisation(self, name: str, kind: str) -> Organisation:
        found = (
            self.ctx.organisations.get(name) or Organisation.objects.filter(kind=kind).order_by("pk").first()
        )
        if found is None:
            found = Organisation.objects.create(name=name, kind=kind)
        return found

    # ---- records --------------------------------------------------------------------------------
    def report(
        self, case: Case, *, allegations: list[tuple[Person, str, Person | None, str]], **fields: object
    ) -> Report:
        report = Report.objects.create(case=case, created_by=self.worker, **fields)
        for child, maltreatment, perpetrator, description in allegations:
            Allegation.objects.create(
                report=report,
                child=child,
                maltreatment=maltreatment,
                alleged_perpetrator=perpetrator,
                description=description,
            )
        self.counts["reports"] += 1
        return report

    def involve(self, report: Report, child: Person, parents: list[Person]) -> None:
        ReportParticipant.objects.create(report=report, person=child, role=ReportParticipant.Role.CHILD)
        for parent in parents:
            ReportParticipant.objects.create(report=report, person=parent, role=ReportParticipant.Role.PARENT)

    def family_a(self, case: Case) -> None:
        child = case.person
        parents = self.parents(child)
        parent = parents[0] if parents else None
        other = parents[1] if len(parents) > 1 else None
        school = self.organisation("Riverton Elementary School", Organisation.Kind.SCHOOL)
        court = self.organisation("Demo County Family Court", Organisation.Kind.COURT)
        start = case.opened_on
        report = self.report(
            case,
            allegations=[
                (
                    child,
                    Allegation.Maltreatment.PHYSICAL,
                    parent,
                    "Fingertip bruises on both upper arms, seen when changing for PE on Monday.",
                ),
                (
                    child,
                    Allegation.Maltreatment.EMOTIONAL,
                    parent,
                    "Says they are shouted at and called stupid most evenings; afraid to go home.",
                ),
            ],
            received_at=self.at(start, 8, 40),
            received_via=Report.ReceivedVia.PHONE,
            reporter_type=Report.ReporterType.TEACHER,
            reporter_name="Beverly Ansah",
            reporter_relationship=f"Principal, {school.name}",
            reporter_contact="(555) 020-1001",
            reporter_confidential=True,
            concerns=(
                f"{child.given_name} arrived with bruises on both upper arms and flinched when touched. "
                "Said they did not want to go home tonight because of what happens there when there has been drinking."
            ),
            response_priority=Report.Priority.HOURS_24,
            screening=Report.Screening.SCREENED_IN,
            screened_by=self.worker,
            screened_at=self.at(start, 10, 15),
        )
        self.involve(report, child, parents)
        investigation = Investigation.objects.create(
            report=report,
            worker=self.worker,
            started_on=start,
            closed_on=start + dt.timedelta(days=30),
            conclusion=(
                "Physical abuse substantiated on the child's account, the bruising pattern and the medical "
                "opinion; emotional abuse inconclusive. The family stays open for protective services."
            ),
            version=2,
        )
        contacts = (
            (self.at(start, 13, 0), child, "", InvestigationContact.Method.SCHOOL_VISIT,
             "Seen alone at school with the counsellor present. Repeated the account; bruises photographed."),
            (self.at(start, 14, 30), None, "Beverly Ansah, principal", InvestigationContact.Method.PHONE,
             "Confirmed two earlier occasions of bruising this term, not reported at the time."),
            (self.at(start + dt.timedelta(days=1), 10, 0), parent, "", InvestigationContact.Method.HOME_VISIT,
             "Home visit. Denied causing the bruises; said the child falls a lot. Agreed to a safety plan."),
            (self.at(start + dt.timedelta(days=3), 11, 0), None, "Dr Iris Novak, Riverton Community Health Centre",
             InvestigationContact.Method.PHONE, "Examination: bruising consistent with being gripped hard, not with falls."),
        )  # fmt: skip
        for moment, person, collateral, method, summary in contacts:
            if collateral == "" and person is None:
                continue
            InvestigationContact.objects.create(
                investigation=investigation,
                contacted_at=moment,
                person=person,
                collateral_name=collateral,
                method=method,
                summary=summary,
                recorded_by=self.worker,
            )
        found_on = start + dt.timedelta(days=28)
        for allegation, finding, note in zip(
            report.allegations.order_by("pk"),
            (Allegation.Finding.SUBSTANTIATED, Allegation.Finding.INCONCLUSIVE),
            (
                "Child's consistent account, the pattern of bruising and the medical opinion.",
                "The child's account is credible but no one else witnessed it; monitored under the plan.",
            ),
            strict=False,
        ):
            Allegation.objects.filter(pk=allegation.pk).update(
                finding=finding, finding_note=note, found_on=found_on, found_by=self.worker, version=2
            )

        who = parent.given_name if parent else "the parent"
        kin = self.kin(child)
        first = SafetyAssessment.objects.create(
            case=case,
            report=report,
            assessed_on=start + dt.timedelta(days=1),
            assessed_by=self.worker,
            threats=[Threat.HARM_NOW, Threat.CHILD_FEARFUL],
            threats_note=f"The threats come from {who}'s drinking in the evenings.",
            protective_capacities=(
                f"{other.given_name if other else 'The other parent'} believes the child and wants to protect them; "
                f"{kin} lives nearby and can stay at the house."
            ),
            decision=SafetyAssessment.Decision.CONDITIONALLY_SAFE,
            created_by=self.worker,
        )
        plan = SafetyPlan.objects.create(
            assessment=first,
            monitoring="Unannounced home visits twice a week; the school checks in with the child every morning.",
            review_on=start + dt.timedelta(days=8),
            created_by=self.worker,
        )
        actions = (
            ("Stays with relatives and does not come to the house while the plan is in place", parent, ""),
            ("Stays at the house every evening and overnight", kin, ""),
            ("Sees the child each morning and calls the worker with any concern", None, "Tom Reyburn, school counsellor"),
        )  # fmt: skip
        for action, person, name in actions:
            if person is None and not name:
                continue
            SafetyPlanAction.objects.create(
                plan=plan,
                action=action,
                responsible_person=person,
                responsible_name=name,
                when="Until review",
            )
        removal = start + dt.timedelta(days=12)
        SafetyAssessment.objects.create(
            case=case,
            report=report,
            assessed_on=removal,
            assessed_by=self.worker,
            threats=[Threat.HARM_NOW, Threat.NO_PROTECTION, Threat.SUBSTANCE_IMPAIRED],
            threats_note=f"{who[:1].upper()}{who[1:]} came back to the house drunk two nights running; the plan did not hold.",
            protective_capacities=f"The household could not keep {who} away; {kin} can take the child in.",
            decision=SafetyAssessment.Decision.UNSAFE,
            created_by=self.worker,
        )

        move = max(removal + dt.timedelta(days=20), self.today - dt.timedelta(days=21))
        Placement.objects.create(
            case=case,
            child=child,
            placement_type=Placement.Type.KINSHIP,
            carer_person=kin,
            started_on=removal,
            reason="Unsafe at home after the safety plan broke down; family member able to care.",
            legal_authority=Placement.Authority.EMERGENCY_CUSTODY,
            authority_on=removal,
            authority_reference="Protective custody taken by the on-call worker with police",
            ended_on=move,
            end_reason=f"{kin.given_name} went into hospital and can no longer care for the child.",
            version=2,
            created_by=self.worker,
        )
        given, family = self.rng.choice(FOSTER_CARERS)
        foster = Person.objects.create(
            given_name=given,
            family_name=family,
            date_of_birth=dt.date(1974, 9, 2),
            languages="English",
            notes="Approved foster carer with Northside Family Services.",
        )
        Placement.objects.create(
            case=case,
            child=child,
            placement_type=Placement.Type.FOSTER,
            carer_person=foster,
            carer_organisation=self.organisation("Northside Family Services", Organisation.Kind.AGENCY),
            started_on=move,
            reason="No other family member able to care; close to the child's school.",
            legal_authority=Placement.Authority.COURT_ORDER,
            authority_on=removal + dt.timedelta(days=2),
            authority_reference="Shelter order, Demo County Family Court",
            created_by=self.worker,
        )
        self.counts["placements"] += 2
        PermanencyGoal.objects.create(
            case=case,
            child=child,
            goal=PermanencyGoal.Goal.REUNIFICATION,
            concurrent_goal=PermanencyGoal.Goal.RELATIVE,
            set_on=removal + dt.timedelta(days=2),
            reason="The parents are attending classes and treatment; family members have come forward.",
            created_by=self.worker,
        )

        upcoming_on = self.today + dt.timedelta(days=9)
        Hearing.objects.create(
            case=case,
            child=child,
            court=court,
            hearing_type=Hearing.Type.SHELTER,
            scheduled_at=self.at(removal + dt.timedelta(days=2), 10, 0),
            outcome=(
                "Emergency removal upheld; the child stays in the agency's care in kinship placement. "
                f"Parents to attend parenting classes; {who} to be assessed for alcohol treatment."
            ),
            next_hearing_on=upcoming_on,
            version=2,
            created_by=self.worker,
        )
        open_days = (self.today - start).days
        kind = (
            Hearing.Type.PERMANENCY
            if open_days > 300
            else Hearing.Type.REVIEW
            if open_days > 120
            else Hearing.Type.ADJUDICATION
        )
        Hearing.objects.create(
            case=case,
            child=child,
            court=court,
            hearing_type=kind,
            scheduled_at=self.at(upcoming_on, 9, 30),
            created_by=self.worker,
        )
        self.counts["hearings"] += 2

    def family_b(self, case: Case) -> None:
        child = case.person
        parents = self.parents(child)
        earlier = max(case.opened_on, self.today - dt.timedelta(days=40))
        out = self.report(
            case,
            allegations=[
                (
                    child,
                    Allegation.Maltreatment.NEGLECT,
                    None,
                    "Children up late and eating takeaway most nights while their mother works evenings.",
                )
            ],
            received_at=self.at(earlier, 11, 20),
            received_via=Report.ReceivedVia.PHONE,
            reporter_type=Report.ReporterType.RELATIVE,
            reporter_name="Dolores " + (parents[0].family_name if parents else child.family_name),
            reporter_relationship="Paternal aunt",
            concerns="Worried the children stay up late and eat takeaway while their mother works evening shifts.",
            response_priority=Report.Priority.DAYS_10,
            screening=Report.Screening.SCREENED_OUT,
            screening_reason=(
                "No allegation that meets the threshold for maltreatment: an adult neighbour supervises the "
                "children in the evenings and their needs are met. The mother was offered Family Support."
            ),
            screened_by=self.worker,
            screened_at=self.at(earlier, 15, 5),
        )
        self.involve(out, child, parents)
        awaiting = self.report(
            case,
            allegations=[
                (
                    child,
                    Allegation.Maltreatment.NEGLECT,
                    None,
                    "No adult seen at the flat overnight on Friday or Saturday; the children called out of the window.",
                )
            ],
            received_at=timezone.now() - dt.timedelta(hours=20),
            received_via=Report.ReceivedVia.ONLINE,
            reporter_type=Report.ReporterType.ANONYMOUS,
            concerns="The children have been left alone overnight at least twice in the last week.",
            response_priority=Report.Priority.HOURS_24,
        )
        self.involve(awaiting, child, [])


def seed(ctx: DemoContext) -> str:
    if Report.objects.exists():
        return ""
    worker = ctx.staff.get(WORKER)
    if worker is None:
        return ""
    seeder = _Seeder(ctx, worker)
    cases = seeder.cases()
    if not cases:
        return ""
    seeder.family_a(cases[0])
    if len(cases) > 1:
        seeder.family_b(cases[1])
    audit_record(
        actor=None,
        action=AuditEntry.Action.CREATE,
        object_type="demo.child_welfare",
        fields=["reports", "investigations", "safety_assessments", "placements", "hearings"],
        purpose="demo child welfare loaded by seed_demo",
    )
    counts = seeder.counts
    return (
        f"{counts['reports']} reports, {counts['placements']} placements, {counts['hearings']} court hearings"
    )
