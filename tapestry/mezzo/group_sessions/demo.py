"""Demo group sessions: past meetings of each demo group with attendance, notes and one missed streak."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.models import Attendance, MissedSessionsFollowUp, Session
from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.groups.schedule import session_dates

TOPICS = [
    "Getting to know each other and agreeing group rules",
    "Naming what is hard right now",
    "Stress and the body: breathing and grounding",
    "Asking for help without feeling a burden",
    "Sleep, routines and small wins",
    "Handling difficult conversations",
    "Who is in my support network",
    "Looking back, looking ahead",
]
ACTIVITIES = [
    "Check-in round, short talk, pair work, closing round.",
    "Check-in round, role play in threes, group discussion.",
    "Guided breathing, worksheet, sharing in the whole group.",
    "Check-in round, film clip and discussion, goal-setting for the week.",
]
DYNAMICS = [
    "The group settled quickly; newer members spoke more than last time.",
    "Energy was low at the start and lifted after the pair work.",
    "Two sub-groups formed during the discussion; the closing round brought the group back together.",
    "Warm and focused; members offered each other practical tips.",
]
THEMES = [
    "Isolation over the weekends; money worries; pride in small steps.",
    "Feeling judged by services; wanting to be heard; humour as coping.",
    "Sleep and routines; the cost of transport to appointments.",
]
PROGRESS = [
    "Most members named one coping strategy they used since the last session.",
    "The group agreed its rules and kept to them without reminders.",
    "Members set a weekly goal and reported back on last week's.",
]
MENTIONS = [
    "Shared a setback openly for the first time and took the group's suggestions well.",
    "Quiet today; said afterwards that the week had been hard. Worth a check-in.",
    "Led the closing round and encouraged a newer member.",
    "Left early for a bus; asked for the worksheet to take home.",
]

# A member's mark at a session: present below the first number, late below the second, and so on.
MARK_ODDS = ((0.78, Attendance.Mark.PRESENT), (0.88, Attendance.Mark.LATE), (0.95, Attendance.Mark.EXCUSED))
ABSENT = Attendance.Mark.ABSENT


def _past_dates(group: Group, count: int, today: date) -> list[date]:
    """The group's last `count` planned dates before today, or weekly dates back from today."""
    planned = [day for day in session_dates(group, limit=520) if day < today]
    if len(planned) >= 3:
        return planned[-count:]
    return [today - timedelta(days=7 * back) for back in range(count, 0, -1)]


def seed(ctx: DemoContext) -> str:
    groups = list(Group.objects.prefetch_related("facilitators").order_by("pk"))
    if not groups or Session.objects.exists():
        return ""
    today = timezone.localdate()
    sessions = marks = notes = 0
    streak_done = False
    for group in groups:
        facilitators = sorted(group.facilitators.all(), key=lambda user: user.pk)
        if not facilitators:
            continue
        actor = facilitators[0]
        count = ctx.rng.randint(max(3, min(group.missed_sessions_alert + 1, 8)), 8)
        days = _past_dates(group, count, today)
        # One member per demo (with an open case when there is one) misses the last few sessions.
        streaker = None
        for index, day in enumerate(days):
            session = services.session_create(
                actor=actor,
                group=group,
                held_on=day,
                start_time=group.start_time,
                topic=TOPICS[index % len(TOPICS)],
                activities=ctx.rng.choice(ACTIVITIES),
                facilitators=facilitators[: ctx.rng.randint(1, len(facilitators))],
            )
            sessions += 1
            members = list(services.members_on(session))
            if not members:
                continue
            if streaker is None and not streak_done and len(days) - index >= group.missed_sessions_alert:
                with_case = [m for m in members if m.case_id] or members
                streaker = with_case[0]
            chosen = {}
            for member in members:
                if (
                    streaker is not None
                    and member.pk == streaker.pk
                    and len(days) - index <= group.missed_sessions_alert
                ):
                    chosen[member.pk] = ABSENT
                else:
                    roll = ctx.rng.random()
                    chosen[member.pk] = next((mark for below, mark in MARK_ODDS if roll < below), ABSENT)
            services.attendance_record(actor=actor, session=session, version=session.version, marks=chosen)
            marks += len(chosen)
            if ctx.rng.random() < 0.75:
                mentioned = ctx.rng.sample(members, k=min(len(members), ctx.rng.randint(0, 2)))
                services.note_save(
                    actor=actor,
                    session=session,
                    version=0,
                    dynamics=ctx.rng.choice(DYNAMICS),
                    themes=ctx.rng.choice(THEMES),
                    progress=ctx.rng.choice(PROGRESS),
                    mentions={member.pk: ctx.rng.choice(MENTIONS) for member in mentioned},
                )
                notes += 1
        if streaker is not None:
            streak_done = MissedSessionsFollowUp.objects.filter(membership=streaker).exists()
    follow_ups = MissedSessionsFollowUp.objects.count()
    plural = "" if follow_ups == 1 else "s"
    return (
        f"{sessions} group sessions, {marks} attendance marks, {notes} group notes, "
        f"{follow_ups} missed-session follow-up{plural}"
    )
