"""Grants the agency applies for: funders, opportunities, the pipeline of applications, proposals
with their versions, awards with the programs they fund, deliverables, reporting deadlines, the
reminders sent before each deadline, and the reports sent to funders."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.web.models import Authored, Versioned, optional_key, staff_column

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


def money(label: str, **options: object) -> models.DecimalField:
    """An amount of money: a Decimal with two places, never negative."""
    return models.DecimalField(label, **MONEY, **options)


class Funder(Versioned, Authored):
    """An organisation that gives grants, with what the agency knows of its giving."""

    class Kind(models.TextChoices):
        FOUNDATION = "foundation", gettext_lazy("Foundation or trust")
        GOVERNMENT = "government", gettext_lazy("Government")
        CORPORATE = "corporate", gettext_lazy("Corporate")
        COMMUNITY = "community", gettext_lazy("Community fund")
        INDIVIDUAL = "individual", gettext_lazy("Individual or family")
        OTHER = "other", gettext_lazy("Other")

    organisation = models.OneToOneField(
        "people.Organisation", on_delete=models.PROTECT, related_name="funder_profile"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    focus_needs = models.ManyToManyField("needs.Need", blank=True, related_name="+")
    focus = models.TextField("Focus areas in their words", blank=True)
    contact = optional_key("people.OrganisationContact")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return self.organisation.name

    def clean(self) -> None:
        if self.contact_id and self.organisation_id and self.contact.organisation_id != self.organisation_id:
            raise ValidationError({"contact": gettext("Choose a contact at this funder.")})


class Opportunity(Versioned, Authored):
    """A grant a funder offers that the agency could apply for."""

    class Fit(models.IntegerChoices):
        POOR = 1, gettext_lazy("1 – poor fit")
        WEAK = 2, gettext_lazy("2 – weak fit")
        FAIR = 3, gettext_lazy("3 – fair fit")
        GOOD = 4, gettext_lazy("4 – good fit")
        STRONG = 5, gettext_lazy("5 – strong fit")

    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="opportunities")
    title = models.CharField(max_length=200)
    amount_min = money("Smallest grant", null=True, blank=True)
    amount_max = money("Largest grant", null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    fit = models.PositiveSmallIntegerField(choices=Fit.choices, null=True, blank=True)
    fit_reason = models.TextField("Why this fit", blank=True)
    eligibility = models.TextField("Eligibility notes", blank=True)
    programs = models.ManyToManyField("mezzo.Program", blank=True, related_name="+")
    needs = models.ManyToManyField("needs.Need", blank=True, related_name="+")

    class Meta:
        ordering = ["deadline", "title"]
        verbose_name_plural = "opportunities"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.amount_min is not None and self.amount_max is not None and self.amount_max < self.amount_min:
            raise ValidationError(
                {"amount_max": gettext("The largest grant cannot be less than the smallest.")}
            )
        if self.fit is not None and not self.fit_reason.strip():
            raise ValidationError({"fit_reason": gettext("Say why you rate the fit this way.")})


class Stage(models.TextChoices):
    PROSPECT = "prospect", gettext_lazy("Prospect")
    DRAFTING = "drafting", gettext_lazy("Drafting")
    SUBMITTED = "submitted", gettext_lazy("Submitted")
    AWARDED = "awarded", gettext_lazy("Awarded")
    DECLINED = "declined", gettext_lazy("Declined")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


# The moves an application may make; awarded, declined and withdrawn are final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.PROSPECT: (Stage.DRAFTING, Stage.WITHDRAWN),
    Stage.DRAFTING: (Stage.SUBMITTED, Stage.PROSPECT, Stage.WITHDRAWN),
    Stage.SUBMITTED: (Stage.AWARDED, Stage.DECLINED, Stage.WITHDRAWN),
    Stage.AWARDED: (),
    Stage.DECLINED: (),
    Stage.WITHDRAWN: (),
}


class Application(Versioned, Authored):
    """The agency's application for an opportunity, moving through the pipeline."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="applications")
    title = models.CharField(max_length=200)
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.PROSPECT, editable=False)
    amount_requested = money("Amount requested", null=True, blank=True)
    lead = staff_column(blank=True)
    submitted_on = models.DateField(null=True, blank=True, editable=False)
    decided_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["stage"])]

    def __str__(self) -> str:
        return self.title

    @property
    def next_stages(self) -> tuple[str, ...]:
        return TRANSITIONS[self.stage]


class StageChange(models.Model):
    """One move of an application through the pipeline: from where, to where, who and when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=10, choices=Stage.choices)
    note = models.CharField(max_length=300, blank=True)
    changed_by = staff_column()
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_to_stage_display()}"


class ProposalVersion(models.Model):
    """One saved version of an application's proposal; every version is kept and stays readable."""

    SECTIONS = ("summary", "need_statement", "approach", "evaluation_plan", "budget_narrative")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="proposal_versions")
    number = models.PositiveIntegerField()
    summary = models.TextField("Summary", blank=True)
    need_statement = models.TextField("Statement of need", blank=True)
    approach = models.TextField("Goals and approach", blank=True)
    evaluation_plan = models.TextField("Evaluation plan", blank=True)
    budget_narrative = models.TextField("Budget narrative", blank=True)
    change_note = models.CharField("What changed", max_length=300, blank=True)
    author = staff_column()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="proposal_version_number_once")
        ]

    def __str__(self) -> str:
        return gettext("%(application)s, version %(number)s") % {
            "application": self.application,
            "number": self.number,
        }

    def clean(self) -> None:
        if not any(getattr(self, name).strip() for name in self.SECTIONS):
            raise ValidationError({"summary": gettext("Write at least one section of the proposal.")})


class Award(Versioned, Authored):
    """What a funder granted on an application: the amount and the period it covers."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    amount = money("Amount awarded")
    starts_on = models.DateField("Period starts")
    ends_on = models.DateField("Period ends")
    reference = models.CharField("Funder's grant number", max_length=80, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return gettext("Award on %(application)s") % {"application": self.application}

    def clean(self) -> None:
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": gettext("An award is more than nothing.")})
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": gettext("The period must end after it starts.")})


class AwardProgram(Versioned):
    """A program an award funds, with the part of the award it gets where the funder says."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="allocations")
    program = models.ForeignKey("mezzo.Program", on_delete=models.PROTECT, related_name="+")
    amount = money("Amount for this program", null=True, blank=True)

    class Meta:
        ordering = ["award", "program__name"]
        constraints = [models.UniqueConstraint(fields=["award", "program"], name="award_program_once")]

    def __str__(self) -> str:
        return gettext("%(program)s on %(award)s") % {"program": self.program, "award": self.award}


class Deliverable(Versioned):
    """Something the agency promised the funder, by a date, with someone answering for it."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="deliverables")
    description = models.CharField("What", max_length=300)
    due_on = models.DateField("Due")
    owner = staff_column(blank=True)
    done_on = models.DateField("Done on", null=True, blank=True)

    class Meta:
        ordering = ["award", "due_on", "pk"]

    def __str__(self) -> str:
        return self.description


class ReportingDeadline(Versioned):
    """A report owed to the funder: its kind, when it is due and when it went in."""

    class Kind(models.TextChoices):
        NARRATIVE = "narrative", gettext_lazy("Narrative report")
        FINANCIAL = "financial", gettext_lazy("Financial report")
        INTERIM = "interim", gettext_lazy("Interim report")
        FINAL = "final", gettext_lazy("Final report")

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField("Due")
    owner = staff_column(blank=True)
    submitted_on = models.DateField("Submitted on", null=True, blank=True)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["award", "due_on", "pk"]

    def __str__(self) -> str:
        return gettext("%(kind)s due %(date)s") % {
            "kind": self.get_kind_display(),
            "date": f"{self.due_on:%Y-%m-%d}",
        }


class DeadlineReminder(models.Model):
    """A reminder sent before (or on passing) a deadline: one per deadline and lead time."""

    deliverable = models.ForeignKey(
        Deliverable, null=True, on_delete=models.CASCADE, related_name="reminders"
    )
    report = models.ForeignKey(
        ReportingDeadline, null=True, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    recipient = staff_column()
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deliverable__isnull=True) ^ models.Q(report__isnull=True),
                name="reminder_for_one_deadline",
            ),
            models.UniqueConstraint(
                fields=["deliverable", "due_on", "days_before"], name="deliverable_reminded_once"
            ),
            models.UniqueConstraint(fields=["report", "due_on", "days_before"], name="report_reminded_once"),
        ]

    def __str__(self) -> str:
        return gettext("Reminder %(days)s days before %(date)s") % {
            "days": self.days_before,
            "date": f"{self.due_on:%Y-%m-%d}",
        }


class FunderReport(Versioned, Authored):
    """A report to the funder on an award: figures from evaluation indicators over a period, the award's
    deliverables, and a narrative. A draft's figures are computed when read; submitting stores them
    (`snapshot`), so the report stays what was sent whatever is recalculated later."""

    SECTIONS = ("summary", "activities", "challenges", "next_period")
    MAX_INDICATORS = 20

    class Status(models.TextChoices):
        DRAFT = "draft", gettext_lazy("Draft")
        SUBMITTED = "submitted", gettext_lazy("Submitted")

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="funder_reports")
    deadline = models.ForeignKey(
        ReportingDeadline,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funder_reports",
        verbose_name=gettext_lazy("Reporting deadline it answers"),
    )
    title = models.CharField(max_length=200)
    period_start = models.DateField("Period starts")
    period_end = models.DateField("Period ends")
    indicators = models.ManyToManyField("evaluation.Indicator", blank=True, related_name="+")
    summary = models.TextField("Summary", blank=True)
    activities = models.TextField("Activities", blank=True)
    challenges = models.TextField("Challenges", blank=True)
    next_period = models.TextField("Next period", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    submitted_on = models.DateField(null=True, blank=True, editable=False)
    submitted_by = staff_column(blank=True, editable=False)
    snapshot = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["award", "-period_end", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def frozen(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": gettext("The period must end on or after the day it starts.")}
            )
        if self.period_start and self.period_end and (self.period_end - self.period_start).days > 3660:
            raise ValidationError({"period_end": gettext("A report covers at most ten years.")})
        if self.deadline_id and self.award_id and self.deadline.award_id != self.award_id:
            raise ValidationError({"deadline": gettext("Choose a reporting deadline of this award.")})
