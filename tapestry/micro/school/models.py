"""School social work: students at a school, daily attendance, truancy alerts, incidents, support plans.

Every row here is a school record (FERPA): it carries the school segment in its own column, fixed
by a check constraint, so no change to the case it hangs on can move it out of the segment.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.access.models import Segment
from tapestry.web.models import Timestamped, Versioned, staff_column


def _school_segment() -> models.CharField:
    return models.CharField(max_length=32, choices=Segment.choices, default=Segment.SCHOOL, editable=False)


def _always_school(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(segment=Segment.SCHOOL), name=name)


class Student(Timestamped):
    """A person's enrolment at a school, recorded on a school social work case."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="students")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="enrolments")
    school = models.ForeignKey(
        "people.Organisation",
        on_delete=models.PROTECT,
        related_name="students",
        limit_choices_to={"kind": "school"},
    )
    grade = models.CharField(
        max_length=20, help_text=gettext_lazy("As the school says it: K, 3, 10, Year 7.")
    )
    student_number = models.CharField("student ID", max_length=40, blank=True)
    enrolled_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    # FERPA 34 CFR 99.37(a)(2): the parent or eligible student refused disclosure of directory
    # information. It stays after the enrolment ends (99.37(b)) until they withdraw it.
    directory_opt_out = models.BooleanField("refused directory disclosure", default=False)
    directory_opt_out_on = models.DateField("date of the refusal", null=True, blank=True)
    segment = _school_segment()
    created_by = staff_column()

    class Meta:
        ordering = ["person__family_name", "person__given_name", "-enrolled_on", "id"]
        constraints = [_always_school("student_is_a_school_record")]

    def __str__(self) -> str:
        return gettext("%(person)s at %(school)s, grade %(grade)s") % {
            "person": self.person,
            "school": self.school,
            "grade": self.grade,
        }

    def clean(self) -> None:
        if self.left_on and self.left_on < self.enrolled_on:
            raise ValidationError({"left_on": gettext("A student cannot leave before they enrol.")})
        if self.directory_opt_out and not self.directory_opt_out_on:
            raise ValidationError(
                {"directory_opt_out_on": gettext("Give the date the refusal was received.")}
            )
        if self.directory_opt_out_on and self.directory_opt_out_on > timezone.localdate():
            raise ValidationError(
                {"directory_opt_out_on": gettext("The date of the refusal cannot be in the future.")}
            )

    def enrolled_during(self, day: object) -> bool:
        return self.enrolled_on <= day and (self.left_on is None or day <= self.left_on)


class AttendanceRecord(Timestamped):
    """One student's attendance on one school day."""

    class Status(models.TextChoices):
        PRESENT = "present", pgettext_lazy("attendance mark", "Present")
        ABSENT_EXCUSED = "absent_excused", gettext_lazy("Absent (excused)")
        ABSENT_UNEXCUSED = "absent_unexcused", gettext_lazy("Absent (unexcused)")
        TARDY = "tardy", gettext_lazy("Late")

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="attendance")
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices)
    note = models.CharField(max_length=255, blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["student", "date"], name="one_attendance_a_day")]
        indexes = [models.Index(fields=["student", "status", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}: {self.get_status_display()}"


class TruancyAlert(Timestamped):
    """Raised when unexcused absences reach the threshold within the window (see truancy.py)."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="truancy_alerts")
    period_start = models.DateField(help_text="First school day of the window the absences fell in.")
    period_end = models.DateField(help_text="The last unexcused absence this alert counts.")
    unexcused_absences = models.PositiveSmallIntegerField()
    threshold = models.PositiveSmallIntegerField()
    raised_on = models.DateField(default=timezone.localdate)
    followed_up_on = models.DateField(null=True, blank=True)
    followed_up_by = staff_column(blank=True)
    follow_up_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_on", "-id"]
        # One alert per student per period: re-running the check cannot raise the same alert twice.
        constraints = [
            models.UniqueConstraint(fields=["student", "period_end"], name="one_truancy_alert_per_period")
        ]

    def __str__(self) -> str:
        return gettext("Truancy alert: %(unexcused_absences)s unexcused absences by %(period_end)s") % {
            "unexcused_absences": self.unexcused_absences,
            "period_end": format(self.period_end, "%Y-%m-%d"),
        }

    @property
    def is_open(self) -> bool:
        return self.followed_up_on is None


class BehaviourIncident(Timestamped):
    class Kind(models.TextChoices):
        BULLYING_TARGET = "bullying_target", gettext_lazy("Bullying (as target)")
        BULLYING_AGGRESSOR = "bullying_aggressor", gettext_lazy("Bullying (as aggressor)")
        FIGHTING = "fighting", gettext_lazy("Fighting")
        DISRUPTION = "disruption", gettext_lazy("Disruption in class")
        TRUANCY = "truancy", gettext_lazy("Truancy")
        OTHER = "other", gettext_lazy("Other")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="behaviour_incidents")
    student = models.ForeignKey(Student, on_delete=models.PROTECT, related_name="incidents")
    occurred_on = models.DateField(default=timezone.localdate)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()
    action_taken = models.TextField(blank=True)
    parents_notified = models.BooleanField("parents or carers notified", default=False)
    segment = _school_segment()
    recorded_by = staff_column()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [_always_school("incident_is_a_school_record")]

    def __str__(self) -> str:
        return gettext("%(kind)s on %(occurred_on)s") % {
            "kind": self.get_kind_display(),
            "occurred_on": format(self.occurred_on, "%Y-%m-%d"),
        }

    def clean(self) -> None:
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError({"occurred_on": gettext("An incident cannot be in the future.")})


class EducationSupportPlan(Versioned):
    """The plan the school, family and worker agree for a student: one per case, versioned."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="education_support_plan")
    goals = models.TextField(help_text=gettext_lazy("What the student is working towards, one per line."))
    accommodations = models.TextField(
        blank=True, help_text=gettext_lazy("Changes the school makes, one per line.")
    )
    services = models.TextField(
        blank=True, help_text=gettext_lazy("Counselling, mentoring, tutoring and who provides it.")
    )
    review_on = models.DateField("review date")
    segment = _school_segment()
    created_by = staff_column()

    class Meta:
        constraints = [_always_school("support_plan_is_a_school_record")]

    def __str__(self) -> str:
        return gettext("Education support plan for %(person)s") % {"person": self.case.person}


class FamilyEngagement(Timestamped):
    """One contact with the family about the support plan."""

    class Method(models.TextChoices):
        MEETING = "meeting", gettext_lazy("Meeting at school")
        HOME_VISIT = "home_visit", gettext_lazy("Home visit")
        PHONE = "phone", gettext_lazy("Phone call")
        VIDEO = "video", gettext_lazy("Video call")
        MESSAGE = "message", gettext_lazy("Letter, email or message")

    plan = models.ForeignKey(EducationSupportPlan, on_delete=models.CASCADE, related_name="engagements")
    occurred_on = models.DateField(default=timezone.localdate)
    contact_with = models.CharField(
        max_length=120, help_text=gettext_lazy("Who took part, e.g. 'Mother and grandmother'.")
    )
    method = models.CharField(max_length=12, choices=Method.choices)
    summary = models.TextField()
    recorded_by = staff_column()

    class Meta:
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return gettext("%(method)s with %(contact_with)s on %(occurred_on)s") % {
            "method": self.get_method_display(),
            "contact_with": self.contact_with,
            "occurred_on": format(self.occurred_on, "%Y-%m-%d"),
        }

    def clean(self) -> None:
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError({"occurred_on": gettext("A contact cannot be in the future.")})


class DirectoryNotice(Timestamped):
    """The agency's annual FERPA notice of directory information (34 CFR 99.37(a)): the categories it
    designates and the date by which a parent or eligible student must refuse. The newest notice
    published on or before a day is the one in force that day. Edited by an administrator."""

    published_on = models.DateField(
        help_text="The day the notice was given to parents and eligible students."
    )
    opt_out_by = models.DateField(
        "refusals accepted until",
        help_text="The last day the notice gives to refuse (34 CFR 99.37(a)(3)).",
    )
    categories = models.JSONField(
        default=list,
        blank=True,
        help_text="The directory-information categories the notice designates.",
    )

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return gettext("FERPA directory-information notice of %(published_on)s") % {
            "published_on": format(self.published_on, "%Y-%m-%d")
        }

    def clean(self) -> None:
        from tapestry.micro.school.directory import Category

        unknown = sorted(set(self.categories or []) - set(Category.values))
        if unknown:
            raise ValidationError(
                {
                    "categories": gettext(
                        "Not a directory-information category (34 CFR 99.3): %(categories)s."
                    )
                    % {"categories": ", ".join(unknown)}
                }
            )
        if self.opt_out_by and self.published_on and self.opt_out_by < self.published_on:
            raise ValidationError(
                {"opt_out_by": gettext("The time to refuse cannot end before the notice is given.")}
            )

    @classmethod
    def in_force(cls, day: object) -> DirectoryNotice | None:
        return cls.objects.filter(published_on__lte=day).order_by("-published_on", "-id").first()
