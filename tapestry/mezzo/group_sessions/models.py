"""Group sessions: what happened at each meeting, who came, the group note and its member mentions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Timestamped, Versioned, staff_column


class Session(Versioned):
    """One meeting of a group (held or cancelled): its topic, activities and who facilitated."""

    class Status(models.TextChoices):
        HELD = "held", gettext_lazy("Held")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField("date")
    start_time = models.TimeField()
    topic = models.CharField(max_length=200, blank=True)
    activities = models.TextField(blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="group_sessions_facilitated"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    recorded_by = staff_column()
    # Bumped by every edit of the session or its attendance: both are checked against it.

    class Meta:
        ordering = ["-held_on", "-start_time", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "held_on", "start_time"], name="session_one_per_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.group} on {self.held_on:%Y-%m-%d}: {self.title}"

    @property
    def title(self) -> str:
        """The topic, or the date when none was given (a session opened from the schedule)."""
        return self.topic or gettext("Session of %(day)s") % {"day": f"{self.held_on:%Y-%m-%d}"}

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD


class Attendance(Timestamped):
    """Whether one member came to one session."""

    class Mark(models.TextChoices):
        PRESENT = "present", pgettext_lazy("attendance mark", "Present")
        LATE = "late", gettext_lazy("Late")
        EXCUSED = "excused", pgettext_lazy("attendance mark", "Excused")
        ABSENT = "absent", gettext_lazy("Absent")

    ATTENDED = (Mark.PRESENT, Mark.LATE)

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey("groups.Membership", on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=10, choices=Mark.choices)
    recorded_by = staff_column()

    class Meta:
        ordering = ["session", "membership"]
        constraints = [
            models.UniqueConstraint(fields=["session", "membership"], name="attendance_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} at {self.session}"

    @property
    def person_id(self) -> int:
        return self.membership.person_id


class GroupNote(Versioned):
    """The group's note for a session: dynamics, themes and progress, about the group, naming no one."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="note")
    dynamics = models.TextField("group dynamics", blank=True)
    themes = models.TextField(blank=True)
    progress = models.TextField("progress toward group goals", blank=True)
    written_by = staff_column()

    def __str__(self) -> str:
        return f"Group note for {self.session}"


class NoteMention(Timestamped):
    """What the note says about one member; seen only by those who may see that member."""

    note = models.ForeignKey(GroupNote, on_delete=models.CASCADE, related_name="mentions")
    membership = models.ForeignKey("groups.Membership", on_delete=models.CASCADE, related_name="mentions")
    text = models.TextField()

    class Meta:
        ordering = ["note", "membership"]
        constraints = [
            models.UniqueConstraint(fields=["note", "membership"], name="mention_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"Mention in {self.note}"

    @property
    def person_id(self) -> int:
        return self.membership.person_id


class MissedSessionsFollowUp(Timestamped):
    """A streak of missed sessions that raised (or could not raise) a check-in for the caseworker.

    One row per streak, keyed by the streak's first missed session, so a streak raises once.
    `task` is empty for a community member with no open case: the attendance page says so.
    """

    membership = models.ForeignKey(
        "groups.Membership", on_delete=models.CASCADE, related_name="missed_followups"
    )
    streak_started = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    missed = models.PositiveSmallIntegerField()
    task = models.ForeignKey(
        "casework.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "streak_started"], name="followup_once_per_streak"),
        ]

    def __str__(self) -> str:
        return f"{self.missed} missed sessions: {self.membership}"

    @property
    def person_id(self) -> int:
        return self.membership.person_id
