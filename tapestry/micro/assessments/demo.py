"""Demo assessments: PHQ-9 and GAD-7 series that improve over months, a recent high-risk C-SSRS,
social-needs screens with needs to add, substance-use screens, and one custom form.

A loader, not a user action: answers are scored by the same instrument definitions the app uses,
rows are written with the ORM, and one audit entry records the load.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.demo.context import DemoContext
from tapestry.micro.assessments import services
from tapestry.micro.assessments.instruments import INSTRUMENTS, Instrument, instrument_from_form
from tapestry.micro.assessments.models import Assessment, CustomBand, CustomChoice, CustomForm, CustomQuestion
from tapestry.micro.cases.models import Case

SERIES_TYPES = ("counselling", "mental_health", "case_management", "family_therapy")
SCREEN_TYPES = ("case_management", "family_therapy", "counselling")
CAREGIVER_FORM = "Caregiver strain check"
CAREGIVER_QUESTIONS = (
    (
        "How often do you feel worn out by caring for your family member?",
        (("Never", 0), ("Sometimes", 1), ("Often", 2), ("Nearly always", 3)),
    ),
    ("Do you get any time for yourself?", (("Enough", 0), ("A little", 1), ("None", 2))),
    ("Has caring affected your own health?", (("No", 0), ("A little", 1), ("A lot", 3))),
    (
        "Is there someone who could take over for a day if you needed it?",
        (("Yes", 0), ("Not sure", 1), ("No one", 2)),
    ),
)
CAREGIVER_BANDS = (
    (0, 3, "Coping", "Check in at the next review."),
    (4, 6, "Strained", "Talk about respite and carers' support groups."),
    (7, 10, "Overwhelmed", "Offer a carers' assessment and respite now; tell your supervisor."),
)
# (living, problems, food_worry, food_ran_out, transport, utilities, safety answers)
HRSN_STORIES = (
    ("worried", "no", "sometimes", "often", "yes", "yes", ("1", "2", "1", "2")),
    ("steady", "yes", "never", "never", "no", "no", ("1", "1", "1", "1")),
    ("none", "no", "often", "often", "yes", "shut_off", ("1", "2", "1", "1")),
    ("steady", "no", "sometimes", "never", "no", "no", ("3", "4", "3", "3")),
    ("steady", "no", "never", "never", "no", "no", ("1", "1", "1", "2")),
)


def spread_answers(rng: random.Random, codes: list[str], total: int, top: int) -> dict[str, str]:
    """Answers on a 0..top scale over `codes` that add up to `total`, spread at random."""
    points = dict.fromkeys(codes, 0)
    for _ in range(min(total, top * len(codes))):
        code = rng.choice([c for c in codes if points[c] < top])
        points[code] += 1
    return {code: str(value) for code, value in points.items()}


def _dates(rng: random.Random, case: Case, today: dt.date, count: int) -> list[dt.date]:
    """Up to `count` dates about a month apart, from soon after the case opened to this week."""
    first = max(case.opened_on + dt.timedelta(days=7), today - dt.timedelta(days=30 * (count - 1) + 10))
    span = max((today - dt.timedelta(days=3) - first).days, 0)
    steps = min(count, span // 21 + 1)
    if steps <= 1:
        return [first]
    return [
        first + dt.timedelta(days=span * n // (steps - 1) - rng.randint(0, 2) * (n > 0)) for n in range(steps)
    ]


class _Seeder:
    def __init__(self, ctx: DemoContext) -> None:
        self.rng = ctx.rng
        self.ctx = ctx
        self.today = timezone.localdate()
        self.rows: list[Assessment] = []

    def record(
        self,
        case: Case,
        definition: Instrument,
        answers: dict[str, str],
        day: dt.date,
        form: CustomForm | None = None,
    ) -> Assessment:
        assessment = services.scored(case, definition, form, answers, day, by=case.worker)
        self.rows.append(assessment)
        return assessment

    def improving_series(self, case: Case, *, worst_item_9: bool = False) -> None:
        """Monthly PHQ-9 and GAD-7 that start high and come down, with the noise real scores have."""
        days = _dates(self.rng, case, self.today, 6)
        phq_start, phq_end = self.rng.randint(15, 21), self.rng.randint(3, 8)
        gad_start, gad_end = self.rng.randint(12, 17), self.rng.randint(2, 7)
        last = len(days) - 1 or 1
        for n, day in enumerate(days):
            noise = self.rng.randint(-2, 2) if 0 < n < last else 0
            phq = max(0, min(24, round(phq_start + (phq_end - phq_start) * n / last) + noise))
            gad = max(0, min(21, round(gad_start + (gad_end - gad_start) * n / last) + noise))
            answers = spread_answers(self.rng, [f"q{i}" for i in range(1, 9)], phq, 3)
            # The first, worst month of one client carried passive thoughts of death (item 9).
            answers["q9"] = "1" if worst_item_9 and n == 0 else "0"
            self.record(case, INSTRUMENTS["phq-9"], answers, day)
            self.record(
                case,
                INSTRUMENTS["gad-7"],
                spread_answers(self.rng, [f"q{i}" for i in range(1, 8)], gad, 3),
                day,
            )

    def cssrs(self, case: Case) -> None:
        """A low-risk screen a month ago, and a high-risk one this week that opens the crisis workflow."""
        earlier = max(case.opened_on, self.today - dt.timedelta(days=30))
        self.record(case, INSTRUMENTS["c-ssrs-screen"], {"q1": "yes", "q2": "no", "q6": "no"}, earlier)
        high = {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes", "q5": "no", "q6": "yes_over_3_months"}
        self.record(case, INSTRUMENTS["c-ssrs-screen"], high, self.today - dt.timedelta(days=2))

    def hrsn(self, case: Case, story: tuple) -> None:
        living, problems, worry, ran_out, transport, utilities, safety = story
        answers = {
            "living": living,
            "problems": problems,
            "food_worry": worry,
            "food_ran_out": ran_out,
            "transport": transport,
            "utilities": utilities,
            **dict(zip(("s1", "s2", "s3", "s4"), safety, strict=True)),
        }
        day = min(case.opened_on + dt.timedelta(days=self.rng.randint(0, 10)), self.today)
        self.record(case, INSTRUMENTS["ahc-hrsn"], answers, day)

    def substance_use(self, case: Case) -> None:
        day = min(case.opened_on + dt.timedelta(days=3), self.today)
        audit_c = {"q1": "3", "q2": "2", "q3": "2", "cutoff": "not_stated"}
        self.record(case, INSTRUMENTS["audit-c"], audit_c, day)
        dast = {f"q{n}": "yes" if n in (1, 2, 5, 6, 9) else "no" for n in range(1, 11)}
        dast["q3"] = "no"  # not able to stop when wanted: scores a point
        self.record(case, INSTRUMENTS["dast-10"], dast, day)
        later = _dates(self.rng, case, self.today, 3)[-1]
        self.record(case, INSTRUMENTS["dast-10"], {**dast, "q2": "no", "q9": "no", "q3": "yes"}, later)

    def caregiver_form(self, administrator: User | None) -> CustomForm:
        form = CustomForm.objects.create(
            name=CAREGIVER_FORM,
            description="Four questions on how a family carer is coping; the agency's own form.",
            instructions="Ask the family member who does most of the caring, on their own if you can.",
            flag_at=7,
            created_by=administrator,
            version=1,
        )
        for position, (text, choices) in enumerate(CAREGIVER_QUESTIONS, start=1):
            question = CustomQuestion.objects.create(form=form, position=position, text=text)
            CustomChoice.objects.bulk_create(
                CustomChoice(question=question, position=n, label=label, points=points)
                for n, (label, points) in enumerate(choices, start=1)
            )
        CustomBand.objects.bulk_create(
            CustomBand(form=form, low=low, high=high, label=label, next_step=step)
            for low, high, label, step in CAREGIVER_BANDS
        )
        return CustomForm.objects.prefetch_related("questions__choices", "bands").get(pk=form.pk)

    def caregiver(self, case: Case, form: CustomForm) -> None:
        definition = instrument_from_form(form)
        for n, day in enumerate(_dates(self.rng, case, self.today, 3)):
            answers = {
                item.code: item.choices[max(0, len(item.choices) - 1 - n - self.rng.randint(0, 1))].value
                for item in definition.items
            }
            self.record(case, definition, answers, day, form)


def seed(ctx: DemoContext) -> str:
    if Assessment.objects.exists() or CustomForm.objects.filter(name=CAREGIVER_FORM).exists():
        return ""
    open_cases = list(
        Case.objects.filter(status=Case.Status.OPEN).select_related("worker", "person").order_by("pk")
    )
    if not open_cases:
        return ""
    seeder = _Seeder(ctx)
    general = [case for case in open_cases if not case.segment]
    mine = [
        case for case in general if case.worker.username == "caseworker" and case.case_type in SERIES_TYPES
    ]
    series = (mine or [case for case in general if case.case_type in SERIES_TYPES])[:4]
    for n, case in enumerate(series):
        seeder.improving_series(case, worst_item_9=n == 1)
    crisis = [case for case in general if case.case_type == "crisis"] or [
        c for c in general if c not in series
    ]
    if crisis:
        seeder.cssrs(crisis[0])
    screened = [case for case in general if case.case_type in SCREEN_TYPES and case not in series[:1]]
    for case, story in zip(screened, HRSN_STORIES, strict=False):
        seeder.hrsn(case, story)
    for case in [case for case in open_cases if case.case_type == "substance_use"][:1]:
        seeder.substance_use(case)
    form = seeder.caregiver_form(ctx.staff.get("administrator"))
    for case in [case for case in general if case.case_type == "family_therapy" or case.household_id][:2]:
        seeder.caregiver(case, form)
    Assessment.objects.bulk_create(seeder.rows)
    audit_record(
        actor=None,
        action=AuditEntry.Action.CREATE,
        object_type="demo.assessments",
        fields=["assessments", "custom_forms"],
        purpose="demo assessments loaded by seed_demo",
    )
    flagged = sum(1 for row in seeder.rows if row.flagged)
    return f"{len(seeder.rows)} assessments ({flagged} flagged) and 1 custom form"
