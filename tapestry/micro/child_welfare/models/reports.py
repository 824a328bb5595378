"""Child-welfare reports of suspected abuse or neglect, their allegations and people, and investigations."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.child_welfare.models.base import SegmentedRecord
from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column


class Report(SegmentedRecord):
    """An intake of suspected abuse or neglect, and the decision whether to investigate it."""

    class ReceivedVia(models.TextChoices):
        PHONE = "phone", gettext_lazy("Phone (hotline)")
        ONLINE = "online", gettext_lazy("Online form")
        IN_PERSON = "in_person", gettext_lazy("In person")
        WRITTEN = "written", gettext_lazy("Letter or e-mail")

    class ReporterType(models.TextChoices):
        TEACHER = "teacher", gettext_lazy("Teacher or school staff")
        HEALTH = "health", gettext_lazy("Health professional")
        POLICE = "police", gettext_lazy("Police")
        SOCIAL_SERVICES = "social_services", gettext_lazy("Social-services professional")
        CHILDCARE = "childcare", gettext_lazy("Childcare provider")
        RELATIVE = "relative", gettext_lazy("Relative")
        NEIGHBOUR = "neighbour", gettext_lazy("Neighbour or friend")
        PARENT = "parent", gettext_lazy("Parent or caregiver")
        CHILD = "child", gettext_lazy("The child")
        ANONYMOUS = "anonymous", gettext_lazy("Anonymous")
        OTHER = "other", gettext_lazy("Other")

    # Reporters whose profession obliges them to report (mandated reporters).
    MANDATED = {
        ReporterType.TEACHER,
        ReporterType.HEALTH,
        ReporterType.POLICE,
        ReporterType.SOCIAL_SERVICES,
        ReporterType.CHILDCARE,
    }

    class Screening(models.TextChoices):
        AWAITING = "awaiting", gettext_lazy("Awaiting screening")
        SCREENED_IN = "screened_in", gettext_lazy("Screened in")
        SCREENED_OUT = "screened_out", gettext_lazy("Screened out")
        REFERRED = "referred", gettext_lazy("Referred elsewhere")

    class Priority(models.TextChoices):
        HOURS_24 = "24h", gettext_lazy("Respond within 24 hours")
        HOURS_72 = "72h", gettext_lazy("Respond within 72 hours")
        DAYS_10 = "10d", gettext_lazy("Respond within 10 days")

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
        help_text=gettext_lazy("For example: class teacher, family doctor, maternal aunt."),
    )
    reporter_contact = models.CharField(
        max_length=150, blank=True, help_text=gettext_lazy("Phone or e-mail, if given.")
    )
    reporter_confidential = models.BooleanField(
        "keep the reporter's identity confidential",
        default=False,
        help_text=gettext_lazy(
            "The family is never told who reported; the name is shown only on this record."
        ),
    )
    concerns = models.TextField(
        "what was reported", help_text=gettext_lazy("The reporter's account, in their words.")
    )
    response_priority = models.CharField(max_length=4, choices=Priority.choices, default=Priority.HOURS_72)
    screening = models.CharField(max_length=16, choices=Screening.choices, default=Screening.AWAITING)
    screening_reason = models.TextField(blank=True)
    referred_to = optional_key("people.Organisation")
    screened_by = optional_key(settings.AUTH_USER_MODEL)
    screened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["screening", "received_at"])]

    def __str__(self) -> str:
        return gettext("%(number)s received %(on)s") % {
            "number": self.number,
            "on": f"{timezone.localtime(self.received_at):%Y-%m-%d}",
        }

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
            raise ValidationError({"received_at": gettext("A report cannot be received in the future.")})
        if self.reporter_type == self.ReporterType.ANONYMOUS and self.reporter_name:
            raise ValidationError(
                {"reporter_name": gettext("Leave the name empty for an anonymous reporter.")}
            )
        errors: dict[str, str] = {}
        if self.screening == self.Screening.SCREENED_OUT and not self.screening_reason.strip():
            errors["screening_reason"] = gettext("Say why the report is screened out.")
        if self.screening == self.Screening.REFERRED:
            if not self.referred_to_id:
                errors["referred_to"] = gettext("Choose the organisation the report is referred to.")
            if not self.screening_reason.strip():
                errors["screening_reason"] = gettext("Say why the report goes to another organisation.")
        if self.screening != self.Screening.REFERRED and self.referred_to_id:
            errors["referred_to"] = gettext("Only a report referred elsewhere names an organisation.")
        if errors:
            raise ValidationError(errors)


class ReportParticipant(Timestamped):
    """A child or adult involved in a report, and their part in it."""

    class Role(models.TextChoices):
        CHILD = "child", gettext_lazy("Child")
        PARENT = "parent", gettext_lazy("Parent")
        CAREGIVER = "caregiver", gettext_lazy("Other caregiver")
        HOUSEHOLD_MEMBER = "household_member", gettext_lazy("Other household member")
        OTHER = "other", gettext_lazy("Other person involved")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="cw_one_role_per_person_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Allegation(Versioned):
    """One alleged maltreatment of one child, and what the investigation found."""

    class Maltreatment(models.TextChoices):
        PHYSICAL = "physical", gettext_lazy("Physical abuse")
        SEXUAL = "sexual", gettext_lazy("Sexual abuse")
        EMOTIONAL = "emotional", gettext_lazy("Emotional abuse")
        NEGLECT = "neglect", gettext_lazy("Neglect")
        DOMESTIC_VIOLENCE = "domestic_violence", gettext_lazy("Exposure to domestic violence")

    class Finding(models.TextChoices):
        PENDING = "", gettext_lazy("No finding yet")
        SUBSTANTIATED = "substantiated", gettext_lazy("Substantiated")
        UNSUBSTANTIATED = "unsubstantiated", gettext_lazy("Unsubstantiated")
        INCONCLUSIVE = "inconclusive", gettext_lazy("Inconclusive")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="allegations")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    maltreatment = models.CharField("alleged maltreatment", max_length=20, choices=Maltreatment.choices)
    alleged_perpetrator = optional_key("people.Person")
    description = models.TextField(
        help_text=gettext_lazy("What is alleged to have happened, when and where.")
    )
    finding = models.CharField(max_length=16, choices=Finding.choices, blank=True)
    finding_note = models.TextField("basis for the finding", blank=True)
    found_on = models.DateField(null=True, blank=True)
    found_by = optional_key(settings.AUTH_USER_MODEL)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return gettext("%(maltreatment)s of %(child)s") % {
            "maltreatment": self.get_maltreatment_display(),
            "child": self.child,
        }

    def clean(self) -> None:
        if self.alleged_perpetrator_id and self.alleged_perpetrator_id == self.child_id:
            raise ValidationError(
                {"alleged_perpetrator": gettext("The child cannot be their own alleged perpetrator.")}
            )
        if self.finding and not self.finding_note.strip():
            raise ValidationError({"finding_note": gettext("Say what the finding rests on.")})


class Investigation(Versioned):
    """The inquiry into a screened-in report: who leads it, the contacts made, when it closed."""

    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="investigation")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(default=timezone.localdate)
    closed_on = models.DateField(null=True, blank=True)
    conclusion = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return gettext("Investigation of %(number)s") % {"number": self.report.number}

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self) -> None:
        if self.closed_on and self.started_on and self.closed_on < self.started_on:
            raise ValidationError({"closed_on": gettext("An investigation cannot close before it starts.")})
        if self.closed_on and not self.conclusion.strip():
            raise ValidationError({"conclusion": gettext("Summarise what the investigation concluded.")})


class InvestigationContact(Timestamped):
    """A contact made during an investigation: with someone in the family, or a collateral source."""

    class Method(models.TextChoices):
        FACE_TO_FACE = "face_to_face", gettext_lazy("Face to face")
        HOME_VISIT = "home_visit", gettext_lazy("Home visit")
        SCHOOL_VISIT = "school_visit", gettext_lazy("Visit at school or childcare")
        PHONE = "phone", gettext_lazy("Phone")
        VIDEO = "video", gettext_lazy("Video call")
        WRITTEN = "written", gettext_lazy("Letter or e-mail")

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="contacts")
    contacted_at = models.DateTimeField(default=timezone.now)
    person = optional_key(
        "people.Person", help_text=gettext_lazy("Someone on record: the child, a parent, a relative.")
    )
    collateral_name = models.CharField(
        "or a collateral contact",
        max_length=150,
        blank=True,
        help_text=gettext_lazy("A source outside the family, e.g. 'Ms Ansah, class teacher'."),
    )
    method = models.CharField(max_length=16, choices=Method.choices)
    summary = models.TextField()
    recorded_by = staff_column(blank=True, editable=False)

    class Meta:
        ordering = ["contacted_at", "id"]

    def __str__(self) -> str:
        return gettext("Contact with %(who)s on %(on)s") % {
            "who": self.who,
            "on": f"{timezone.localtime(self.contacted_at):%Y-%m-%d}",
        }

    @property
    def who(self) -> str:
        return str(self.person) if self.person_id else self.collateral_name

    def clean(self) -> None:
        if not self.person_id and not self.collateral_name.strip():
            raise ValidationError(
                {"person": gettext("Choose the person contacted, or name the collateral contact.")}
            )
        if self.person_id and self.collateral_name.strip():
            raise ValidationError(
                {"collateral_name": gettext("Give either a person on record or a collateral contact.")}
            )
        if self.contacted_at and self.contacted_at > timezone.now() + timedelta(minutes=5):
            raise ValidationError(
                {"contacted_at": gettext("A contact cannot be recorded before it happens.")}
            )
