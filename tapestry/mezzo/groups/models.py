"""Groups and their members: who meets, when, where, for what, and who is waiting for a place."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.access.models import Segment
from tapestry.web.models import Versioned, optional_key, staff_column


class Group(Versioned):
    """A group the agency runs: a purpose, focus needs, facilitators and a recurring schedule."""

    class Kind(models.TextChoices):
        SUPPORT = "support", gettext_lazy("Support group")
        THERAPY = "therapy", gettext_lazy("Therapy group")
        FAMILY = "family", gettext_lazy("Family group")
        PARENTING = "parenting", gettext_lazy("Parenting class")
        YOUTH = "youth", gettext_lazy("Youth club")
        AFTER_SCHOOL = "after_school", gettext_lazy("After-school program")
        COMMUNITY_CENTRE = "community_centre", gettext_lazy("Community-centre program")
        CLASSROOM = "classroom", gettext_lazy("Classroom intervention")
        NEIGHBOURHOOD = "neighbourhood", gettext_lazy("Neighbourhood group")
        WORKPLACE = "workplace", gettext_lazy("Workplace group")

    class Enrolment(models.TextChoices):
        OPEN = "open", gettext_lazy("Open: members may join at any time")
        CLOSED = "closed", gettext_lazy("Closed: members join before the first session only")

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", gettext_lazy("Weekly")
        FORTNIGHTLY = "fortnightly", gettext_lazy("Every two weeks")
        MONTHLY = "monthly", gettext_lazy("Monthly")
        ONCE = "once", gettext_lazy("Once")

    class Status(models.TextChoices):
        PLANNED = "planned", gettext_lazy("Planned")
        RUNNING = "running", gettext_lazy("Running")
        ENDED = "ended", gettext_lazy("Ended")

    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    purpose = models.TextField(help_text="What the group is for, in a few lines members would recognise.")
    focus_needs = models.ManyToManyField("needs.Need", blank=True, related_name="groups")
    program = optional_key("mezzo.Program", related_name="groups")
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="groups_facilitated")
    location = models.CharField(max_length=200, blank=True)
    area = optional_key(
        "places.Area",
        related_name="groups",
        help_text="The area it meets in (places): where it is found by area.",
    )
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(500)])
    enrolment = models.CharField(max_length=10, choices=Enrolment.choices, default=Enrolment.OPEN)
    eligibility = models.TextField(
        blank=True, help_text="Who may join, e.g. 'Adults bereaved in the last two years'."
    )
    segment = models.CharField(
        max_length=20,
        choices=Segment.choices,
        blank=True,
        help_text="A recovery group under 42 CFR Part 2 belongs to the substance-use segment.",
    )
    # The schedule: the first session, how often it repeats, and when it stops.
    first_session_on = models.DateField()
    start_time = models.TimeField()
    duration_minutes = models.PositiveSmallIntegerField(
        default=90, validators=[MinValueValidator(10), MaxValueValidator(600)]
    )
    frequency = models.CharField(max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY)
    session_count = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(520)]
    )
    ends_on = models.DateField(null=True, blank=True)
    # Missing this many sessions in a row raises a follow-up for the member's caseworker.
    missed_sessions_alert = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    created_by = staff_column()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "first_session_on"], name="group_name_start_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(Versioned):
    """A person in a group: enrolled, waiting for a place (in order), or gone (with a reason)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", gettext_lazy("Enrolled")
        WAITING = "waiting", gettext_lazy("On the waiting list")
        EXITED = "exited", gettext_lazy("Left the group")

    class ExitReason(models.TextChoices):
        COMPLETED = "completed", gettext_lazy("Completed the group")
        MOVED_ON = "moved_on", gettext_lazy("Moved on (needs met elsewhere)")
        DROPPED_OUT = "dropped_out", gettext_lazy("Stopped coming")
        MOVED_AWAY = "moved_away", gettext_lazy("Moved away")
        REMOVED = "removed", gettext_lazy("Asked to leave")
        OTHER = "other", gettext_lazy("Other")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="group_memberships")
    # The case the member came from, when they are a client; community members have none.
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="group_memberships"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    # Place on the waiting list (1 is next); null once enrolled or exited.
    waiting_position = models.PositiveIntegerField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    enrolled_on = models.DateField(null=True, blank=True)
    exited_on = models.DateField(null=True, blank=True)
    exit_reason = models.CharField(max_length=20, choices=ExitReason.choices, blank=True)
    exit_note = models.CharField(max_length=255, blank=True)
    added_by = staff_column()

    class Meta:
        ordering = ["status", "waiting_position", "person__family_name", "person__given_name"]
        constraints = [
            # A person is in a group once at a time; an exited member may come back as a new row.
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=~models.Q(status="exited"),
                name="membership_one_live_row",
            ),
        ]
        indexes = [models.Index(fields=["group", "status"])]

    def __str__(self) -> str:
        return f"{self.person} in {self.group}"
