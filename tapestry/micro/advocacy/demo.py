"""Demo advocacy: calls, letters and appeals with agencies on clients' behalf, with mixed outcomes."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open

Issue, Outcome = AdvocacyAction.Issue, AdvocacyAction.Outcome

# (organisation name or "", free-text agency, issue, action, outcome, outcome note, rights information)
ACTIONS = (
    ("Riverton Housing Authority", "", Issue.HOUSING, "Called the voucher specialist to chase the housing voucher application lodged in March.", Outcome.RESOLVED, "Voucher issued; search period of 120 days starts now.", ""),
    ("Demo County Department of Human Services", "", Issue.BENEFITS, "Wrote to ask why food assistance stopped; enclosed the income evidence they said was missing.", Outcome.PARTLY_RESOLVED, "Benefits restored from this month; back payments refused.", "Right to a fair hearing within 90 days of the notice; leaflet given."),
    ("", "Harbor Property Management (landlord)", Issue.HOUSING, "Asked the landlord to repair the broken heating under the lease; followed up in writing.", Outcome.NO_RESPONSE, "No answer after two letters and a call.", "Tenant's right to repairs and to withhold rent only through the court escrow process; explained with the tenants' union leaflet."),
    ("Legal Aid of Demo County", "", Issue.LEGAL, "Referred for advice on the eviction notice and went with the client to the intake appointment.", Outcome.PENDING, "", ""),
    ("Riverton Community Health Centre", "", Issue.HEALTH_CARE, "Asked for an interpreter for appointments after the client was turned away.", Outcome.RESOLVED, "Interpreter booked for every appointment from now on.", "Right to a free interpreter for health care; explained in Spanish."),
    ("Greenleaf Grocers Cooperative", "", Issue.EMPLOYMENT, "Asked HR to reconsider the refusal of reduced hours while the client cares for her mother.", Outcome.REFUSED, "HR said no change is possible before the annual rota review.", "Right to request flexible working and to family and medical leave; written summary given."),
    ("", "State unemployment insurance office", Issue.BENEFITS, "Helped the client file an appeal against the denial of unemployment benefits.", Outcome.PENDING, "", "Right to appeal within 30 days and to have a representative at the hearing."),
    ("Eastfield Middle School", "", Issue.EDUCATION, "Met the assistant principal about the son's exclusion and asked for the behaviour support plan.", Outcome.PARTLY_RESOLVED, "Exclusion shortened to two days; support plan meeting set.", ""),
    ("", "Riverton Transit customer service", Issue.DISCRIMINATION, "Made a complaint after the driver refused to let the client board with her wheelchair.", Outcome.PENDING, "", "Rights under the disability discrimination law explained; complaint form copy given."),
)  # fmt: skip


def _cases(ctx: DemoContext) -> list[Case]:
    """Open, general cases of two caseworkers, as the cases demo made them, or new ones."""
    cases: list[Case] = []
    for username in ("caseworker", "amara.okafor"):
        worker = ctx.staff.get(username)
        if worker is None:
            continue
        found = list(
            Case.objects.filter(worker=worker, status=Case.Status.OPEN, segment="").order_by("pk")[:3]
        )
        if not found:
            found = [
                case_open(
                    actor=worker,
                    person=person,
                    case_type=Case.Type.CASE_MANAGEMENT,
                    presenting_problem="Struggling with landlord, benefits and work at once.",
                    referral_source="Self-referral",
                )
                for person in ctx.caseload(username)[:2]
            ]
        cases += found
    return cases


def seed(ctx: DemoContext) -> str:
    if AdvocacyAction.objects.exists():
        return ""
    cases = _cases(ctx)
    if not cases:
        return ""
    today = timezone.localdate()
    for number, (organisation, agency, issue, action, outcome, note, rights) in enumerate(ACTIONS):
        case = cases[number % len(cases)]
        acted = today - timedelta(days=ctx.rng.randint(10, 60))
        advocacy_action_record(
            actor=case.worker,
            case=case,
            organisation=ctx.organisations.get(organisation) if organisation else None,
            agency=agency,
            issue=issue,
            action_taken=action,
            action_date=acted,
            outcome=outcome,
            outcome_note=note,
            outcome_date=None
            if outcome == Outcome.PENDING
            else acted + timedelta(days=ctx.rng.randint(3, 9)),
            rights_information_given=bool(rights),
            rights_information=rights,
        )
    return f"{len(ACTIONS)} advocacy actions on {min(len(cases), len(ACTIONS))} cases"
