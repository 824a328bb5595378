"""Child welfare: reports of suspected abuse or neglect, investigations, safety, placements, court."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tapestry.micro.child_welfare.models.base import SegmentedRecord
from tapestry.micro.child_welfare.models.permanency import PermanencyGoal, TerminationReview
from tapestry.people.models import Organisation

__all__ = [
    "Allegation",
    "Hearing",
    "Investigation",
    "InvestigationContact",
    "PermanencyGoal",
    "Placement",
    "Report",
    "ReportParticipant",
    "SafetyAssessment",
    "SafetyPlan",
    "SafetyPlanAction",
    "SegmentedRecord",
    "TerminationReview",
]


class Report(SegmentedRecord):
    """An intake of suspected abuse or neglect, and the decision whether to investigate it."""

    class ReceivedVia(models.TextChoices):
        PHONE = "phone", "Phone (hotline)"
        ONLINE = "online", "Online form"
        IN_PERSON = "in_person", "In person"
        WRITTEN = "written", "Letter or e-mail"

    class ReporterType(models.TextChoices):
        TEACHER = "teacher", "Teacher or school staff"
        HEALTH = "health", "Health professional"
        POLICE = "police", "Police"
        SOCIAL_SERVICES = "social_services", "Social-services professional"
        CHILDCARE = "childcare", "Childcare provider"
        RELATIVE = "relative", "Relative"
        NEIGHBOUR = "neighbour", "Neighbour or friend"
        PARENT = "parent", "Parent or caregiver"
        CHILD = "child", "The child"
        ANONYMOUS = "anonymous", "Anonymous"
        OTHER = "other", "Other"

    # Reporters whose profession obliges them to report (mandated reporters).
    MANDATED = {
        ReporterType.TEACHER,
        ReporterType.HEALTH,
        ReporterType.POLICE,
        ReporterType.SOCIAL_SERVICES,
        ReporterType.CHILDCARE,
    }

    class Screening(models.TextChoices):
        AWAITING = "awaiting", "Awaiting screening"
        SCREENED_IN = "screened_in", "Screened in"
        SCREENED_OUT = "screened_out", "Screened out"
        REFERRED = "referred", "Referred elsewhere"

    class Priority(models.TextChoices):
        HOURS_24 = "24h", "Respond within 24 hours"
        HOURS_72 = "72h", "Respond within 72 hours"
        DAYS_10 = "10d", "Respond within 10 days"

    PRIORITY_HOURS = {Priority.HOURS_24: 24, Priority.HOURS_72: 72, Priority.DAYS_10: 240}

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="child_welfare_reports")
    received_at = models.DateTimeField(default=timezone.now)
    received_via = models.CharField(max_length=16, choices=ReceivedVia.choices)
    reporter_type = models.CharField(max_length=20, choices=ReporterType.choices)
    reporter_name = models.CharField(max_length=150, blank=True)
    reporter_relationship = models.CharField(
        "reporter's relationship to the child",
        max_length=150,
        blank=True,
        help_text="For example: class teacher, family doctor, maternal aunt.",
    )
    reporter_contact = models.CharField(max_length=150, blank=True, help_text="Phone or e-mail, if given.")
    reporter_confidential = models.BooleanField(
        "keep the reporter's identity confidential",
        default=False,
        help_text="The family is never told who reported; the name is shown only on this record.",
    )
    concerns = models.TextField("what was reported", help_text="The reporter's account, in their words.")
    response_priority = models.CharField(max_length=4, choices=Priority.choices, default=Priority.HOURS_72)
    screening = models.CharField(max_length=16, choices=Screening.choices, default=Screening.AWAITING)
    screening_reason = models.TextField(blank=True)
    referred_to = models.ForeignKey(
        "people.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["screening", "received_at"])]

    def __str__(self) -> str:
        return f"{self.number} received {timezone.localtime(self.received_at):%Y-%m-%d}"

    @property
    def number(self) -> str:
        return f"R-{self.pk:06d}" if self.pk else "R-new"

    @property
    def is_mandated_reporter(self) -> bool:
        return self.reporter_type in self.MANDATED

    @property
    def respond_by(self) -> datetime:
        return self.received_at + timedelta(hours=self.PRIORITY_HOURS[self.response_priority])

    @property
    def is_overdue(self) -> bool:
        return self.screening == self.Screening.AWAITING and self.respond_by < timezone.now()

    def clean(self) -> None:
        if self.received_at and self.received_at > timezone.now() + timedelta(minutes=5):
            raise ValidationError({"received_at": "A report cannot be received in the future."})
        if self.reporter_type == self.ReporterType.ANONYMOUS and self.reporter_name:
            raise ValidationError({"reporter_name": "Leave the name empty for an anonymous reporter."})
        errors: dict[str, str] = {}
        if self.screening == self.Screening.SCREENED_OUT and not self.screening_reason.strip():
            errors["screening_reason"] = "Say why the report is screened out."
        if self.screening == self.Screening.REFERRED:
            if not self.referred_to_id:
                errors["referred_to"] = "Choose the organisation the report is referred to."
            if not self.screening_reason.strip():
                errors["screening_reason"] = "Say why the report goes to another organisation."
        if self.screening != self.Screening.REFERRED and self.referred_to_id:
            errors["referred_to"] = "Only a report referred elsewhere names an organisation."
        if errors:
            raise ValidationError(errors)


class ReportParticipant(models.Model):
    """A child or adult involved in a report, and their part in it."""

    class Role(models.TextChoices):
        CHILD = "child", "Child"
        PARENT = "parent", "Parent"
        CAREGIVER = "caregiver", "Other caregiver"
        HOUSEHOLD_MEMBER = "household_member", "Other household member"
        OTHER = "other", "Other person involved"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="cw_one_role_per_person_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Allegation(models.Model):
    """One alleged maltreatment of one child, and what the investigation found."""

    class Maltreatment(models.TextChoices):
        PHYSICAL = "physical", "Physical abuse"
        SEXUAL = "sexual", "Sexual abuse"
        EMOTIONAL = "emotional", "Emotional abuse"
        NEGLECT = "neglect", "Neglect"
        DOMESTIC_VIOLENCE = "domestic_violence", "Exposure to domestic violence"

    class Finding(models.TextChoices):
        PENDING = "", "No finding yet"
        SUBSTANTIATED = "substantiated", "Substantiated"
        UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
        INCONCLUSIVE = "inconclusive", "Inconclusive"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="allegations")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    maltreatment = models.CharField("alleged maltreatment", max_length=20, choices=Maltreatment.choices)
    alleged_perpetrator = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(help_text="What is alleged to have happened, when and where.")
    finding = models.CharField(max_length=16, choices=Finding.choices, blank=True)
    finding_note = models.TextField("basis for the finding", blank=True)
    found_on = models.DateField(null=True, blank=True)
    found_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_maltreatment_display()} of {self.child}"

    def clean(self) -> None:
        if self.alleged_perpetrator_id and self.alleged_perpetrator_id == self.child_id:
            raise ValidationError(
                {"alleged_perpetrator": "The child cannot be their own alleged perpetrator."}
            )
        if self.finding and not self.finding_note.strip():
            raise ValidationError({"finding_note": "Say what the finding rests on."})


class Investigation(models.Model):
    """The inquiry into a screened-in report: who leads it, the contacts made, when it closed."""

    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="investigation")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(default=timezone.localdate)
    closed_on = models.DateField(null=True, blank=True)
    conclusion = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return f"Investigation of {self.report.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self) -> None:
        if self.closed_on and self.started_on and self.closed_on < self.started_on:
            raise ValidationError({"closed_on": "An investigation cannot close before it starts."})
        if self.closed_on and not self.conclusion.strip():
            raise ValidationError({"conclusion": "Summarise what the investigation concluded."})


class InvestigationContact(models.Model):
    """A contact made during an investigation: with someone in the family, or a collateral source."""

    class Method(models.TextChoices):
        FACE_TO_FACE = "face_to_face", "Face to face"
        HOME_VISIT = "home_visit", "Home visit"
        SCHOOL_VISIT = "school_visit", "Visit at school or childcare"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        WRITTEN = "written", "Letter or e-mail"

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="contacts")
    contacted_at = models.DateTimeField(default=timezone.now)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Someone on record: the child, a parent, a relative.",
    )
    collateral_name = models.CharField(
        "or a collateral contact",
        max_length=150,
        blank=True,
        help_text="A source outside the family, e.g. 'Ms Ansah, class teacher'.",
    )
    method = models.CharField(max_length=16, choices=Method.choices)
    summary = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["contacted_at", "id"]

    def __str__(self) -> str:
        return f"Contact with {self.who} on {timezone.localtime(self.contacted_at):%Y-%m-%d}"

    @property
    def who(self) -> str:
        return str(self.person) if self.person_id else self.collateral_name

    def clean(self) -> None:
        if not self.person_id and not self.collateral_name.strip():
            raise ValidationError({"person": "Choose the person contacted, or name the collateral contact."})
        if self.person_id and self.collateral_name.strip():
            raise ValidationError(
                {"collateral_name": "Give either a person on record or a collateral contact."}
            )
        if self.contacted_at and self.contacted_at > timezone.now() + timedelta(minutes=5):
            raise ValidationError({"contacted_at": "A contact cannot be recorded before it happens."})


class SafetyAssessment(SegmentedRecord):
    """Whether the children are safe now: threats, protective capacities and the safety decision."""

    class Threat(models.TextChoices):
        HARM_NOW = "harm_now", "Caregiver caused or threatens serious harm"
        NO_PROTECTION = "no_protection", "Caregiver cannot or will not protect the child"
        BASIC_NEEDS = "basic_needs", "Child's basic needs (food, shelter, medical care) are not met"
        HAZARDOUS_HOME = "hazardous_home", "The home is physically hazardous"
        SUBSTANCE_IMPAIRED = "substance_impaired", "Caregiver's substance use impairs care"
        VIOLENCE_IN_HOME = "violence_in_home", "Domestic violence endangers the child"
        SEXUAL_ABUSE_ACCESS = "sexual_abuse_access", "An alleged abuser has access to the child"
        CHILD_FEARFUL = "child_fearful", "Child is fearful of the home or a caregiver"
        MENTAL_HEALTH = "mental_health", "Caregiver's mental health impairs care"
        OTHER = "other", "Other threat (describe)"

    class Decision(models.TextChoices):
        SAFE = "safe", "Safe"
        CONDITIONALLY_SAFE = "conditionally_safe", "Conditionally safe (with a safety plan)"
        UNSAFE = "unsafe", "Unsafe (the child cannot stay at home)"

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="safety_assessments")
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="safety_assessments"
    )
    assessed_on = models.DateField(default=timezone.localdate)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    threats = models.JSONField("safety threats identified", default=list, blank=True)
    threats_note = models.TextField("about the threats", blank=True)
    protective_capacities = models.TextField(
        help_text="What the caregivers can do to keep the child safe: knowledge, skills, support, willingness."
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"Safety assessment {self.assessed_on:%Y-%m-%d}: {self.get_decision_display()}"

    @property
    def threat_labels(self) -> list[str]:
        labels = dict(self.Threat.choices)
        return [labels.get(code, code) for code in self.threats]

    def clean(self) -> None:
        unknown = set(self.threats) - set(self.Threat.values)
        if unknown:
            raise ValidationError({"threats": f"Unknown safety threats: {', '.join(sorted(unknown))}."})
        if self.assessed_on and self.assessed_on > timezone.localdate():
            raise ValidationError({"assessed_on": "An assessment cannot be dated in the future."})
        if self.decision == self.Decision.SAFE and self.threats:
            raise ValidationError(
                {"decision": "A child with a safety threat is not safe: choose conditionally safe or unsafe."}
            )
        if self.decision in (self.Decision.CONDITIONALLY_SAFE, self.Decision.UNSAFE) and not self.threats:
            raise ValidationError({"threats": "Name the safety threats that lead to this decision."})
        if self.Threat.OTHER in self.threats and not self.threats_note.strip():
            raise ValidationError({"threats_note": "Describe the other threat."})


class SafetyPlan(models.Model):
    """What will keep the child safe at home while threats remain, who does it, how it is watched."""

    assessment = models.OneToOneField(SafetyAssessment, on_delete=models.PROTECT, related_name="plan")
    monitoring = models.TextField(help_text="How and how often the worker checks the plan is working.")
    review_on = models.DateField("review the plan on")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.assessment}"


class SafetyPlanAction(models.Model):
    """One action in a safety plan and who is responsible for it."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=255)
    responsible_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible_name = models.CharField(
        "or someone not on record",
        max_length=150,
        blank=True,
        help_text="For example: 'Health visitor', 'Neighbour (Mrs Patel)'.",
    )
    when = models.CharField(
        max_length=150, blank=True, help_text="For example: 'every evening', 'by Friday'."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.action

    @property
    def responsible(self) -> str:
        return str(self.responsible_person) if self.responsible_person_id else self.responsible_name

    def clean(self) -> None:
        if not self.responsible_person_id and not self.responsible_name.strip():
            raise ValidationError({"responsible_person": "Say who is responsible for this action."})


class Placement(SegmentedRecord):
    """A period a child lives away from home (or returns on trial), with whom, and why it changed."""

    class Type(models.TextChoices):
        FOSTER = "foster", "Foster care"
        KINSHIP = "kinship", "Kinship care"
        ADOPTION = "adoption", "Adoptive placement"
        RESIDENTIAL = "residential", "Residential care"
        TRIAL_HOME_VISIT = "trial_home_visit", "Trial home visit"

    class Authority(models.TextChoices):
        """The legal basis for holding the child away from home (AFCARS: manner of removal)."""

        NONE = "", "None stated"
        COURT_ORDER = "court_order", "Court order"
        VOLUNTARY_AGREEMENT = "voluntary_agreement", "Voluntary placement agreement"
        EMERGENCY_CUSTODY = "emergency_custody", "Emergency or protective custody"

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="placements")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    placement_type = models.CharField(max_length=20, choices=Type.choices)
    carer_person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="carer",
    )
    carer_organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="carer organisation",
        help_text="A fostering agency or residential provider.",
    )
    started_on = models.DateField()
    reason = models.TextField("why the child is placed here")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField("reason for the change", blank=True)
    legal_authority = models.CharField(
        max_length=20,
        choices=Authority.choices,
        blank=True,
        help_text="Needed unless the latest safety assessment on the case found the child unsafe.",
    )
    authority_on = models.DateField("date of the order, agreement or custody", null=True, blank=True)
    authority_reference = models.CharField(
        "order or agreement reference",
        max_length=150,
        blank=True,
        help_text="For example the court's order number, or who signed the agreement.",
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            # The database keeps the rule too, so two saves at once cannot both open a placement.
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="cw_one_open_placement_per_child"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_placement_type_display()} for {self.child} from {self.started_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def carer(self) -> str:
        parts = [str(part) for part in (self.carer_person, self.carer_organisation) if part]
        return " with ".join(parts)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.carer_person_id and not self.carer_organisation_id:
            errors["carer_person"] = "Name the carer, the organisation, or both."
        if self.carer_person_id and self.carer_person_id == self.child_id:
            errors["carer_person"] = "The child cannot be their own carer."
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "A placement cannot end before it starts."
        if self.ended_on and not self.end_reason.strip():
            errors["end_reason"] = "Say why the placement ended or changed."
        if self.legal_authority and not self.authority_on:
            errors["authority_on"] = f"Give the date of the {self.get_legal_authority_display().lower()}."
        if not self.legal_authority and (self.authority_on or self.authority_reference.strip()):
            errors["legal_authority"] = "Choose the legal authority the date and reference belong to."
        if self.authority_on and self.started_on and self.authority_on > self.started_on:
            errors["authority_on"] = "The legal authority must be in place on or before the placement starts."
        if errors:
            raise ValidationError(errors)


class Hearing(SegmentedRecord):
    """A court hearing in a child's case: when, which court, what kind, and its outcome."""

    class Type(models.TextChoices):
        SHELTER = "shelter", "Shelter / emergency custody"
        ADJUDICATION = "adjudication", "Adjudication"
        DISPOSITION = "disposition", "Disposition"
        REVIEW = "review", "Review"
        PERMANENCY = "permanency", "Permanency"
        TERMINATION = "termination", "Termination of parental rights"

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="hearings")
    child = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave empty when the hearing concerns every child on the case.",
    )
    court = models.ForeignKey("people.Organisation", on_delete=models.PROTECT, related_name="+")
    hearing_type = models.CharField(max_length=16, choices=Type.choices)
    scheduled_at = models.DateTimeField("date and time")
    outcome = models.TextField(blank=True)
    next_hearing_on = models.DateField("next hearing date", null=True, blank=True)

    class Meta:
        ordering = ["-scheduled_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_hearing_type_display()} hearing {timezone.localtime(self.scheduled_at):%Y-%m-%d %H:%M}"

    @property
    def is_past(self) -> bool:
        return self.scheduled_at <= timezone.now()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.court_id
            and not Organisation.objects.filter(pk=self.court_id, kind=Organisation.Kind.COURT).exists()
        ):
            errors["court"] = "Choose a court (an organisation of the kind 'Court')."
        if self.outcome.strip() and self.scheduled_at and self.scheduled_at > timezone.now():
            errors["outcome"] = "The outcome can be recorded once the hearing has taken place."
        if self.next_hearing_on and self.scheduled_at:
            if self.next_hearing_on <= timezone.localtime(self.scheduled_at).date():
                errors["next_hearing_on"] = "The next hearing must come after this one."
        if errors:
            raise ValidationError(errors)
