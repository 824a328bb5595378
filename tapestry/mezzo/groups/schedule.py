"""A group's planned session dates and its schedule in words, from the schedule fields on Group."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, ngettext

from tapestry.mezzo.groups.models import Group

# Without a session count or an end date a recurring group runs on; lists stop at this many.
DEFAULT_LIMIT = 52

_STEP = {
    Group.Frequency.WEEKLY: relativedelta(weeks=1),
    Group.Frequency.FORTNIGHTLY: relativedelta(weeks=2),
    Group.Frequency.MONTHLY: relativedelta(months=1),
}


def _first_index_from(group: Group, on_or_after: date) -> int:
    """The index of the first session on or after a day (close below it for monthly groups)."""
    days = (on_or_after - group.first_session_on).days
    if days <= 0:
        return 0
    if group.frequency == Group.Frequency.WEEKLY:
        return days // 7
    if group.frequency == Group.Frequency.FORTNIGHTLY:
        return days // 14
    return max(0, days // 31)


def session_dates(group: Group, *, limit: int = DEFAULT_LIMIT, on_or_after: date | None = None) -> list[date]:
    """The dates the group is planned to meet, in order, at most `limit` of them.

    The first date is `first_session_on`; the group repeats weekly, fortnightly or monthly
    (monthly on the same day of the month, or the month's last day when it is shorter), or
    meets once. The series stops after `session_count` sessions or after `ends_on`, whichever
    comes first; with neither it runs on and only `limit` bounds the list.

    With `on_or_after`, only dates from that day on are returned, so the next planned session
    is `session_dates(group, limit=1, on_or_after=today)` (see `next_session_on`). Months are
    counted from the first date, not from the previous session, so a group that starts on the
    31st meets on the 31st whenever the month has one.
    """
    if limit <= 0:
        return []
    step = _STEP.get(group.frequency)
    if step is None:
        day = group.first_session_on
        in_range = (group.ends_on is None or day <= group.ends_on) and (
            on_or_after is None or day >= on_or_after
        )
        return [day] if in_range else []
    dates: list[date] = []
    index = _first_index_from(group, on_or_after) if on_or_after is not None else 0
    while group.session_count is None or index < group.session_count:
        day = group.first_session_on + step * index
        index += 1
        if group.ends_on is not None and day > group.ends_on:
            break
        if on_or_after is not None and day < on_or_after:
            continue
        dates.append(day)
        if len(dates) >= limit:
            break
    return dates


def next_session_on(group: Group, *, today: date) -> date | None:
    """The next planned session on or after `today`, or None when the series is over."""
    upcoming = session_dates(group, limit=1, on_or_after=today)
    return upcoming[0] if upcoming else None


def schedule_in_words(group: Group) -> str:
    """E.g. 'Weekly on Tuesdays, 18:00–19:30, from 3 March 2026, 10 sessions'."""
    start = group.start_time
    total = (start.hour * 60 + start.minute + group.duration_minutes) % (24 * 60)
    times = f"{start:%H:%M}–{total // 60:02d}:{total % 60:02d}"
    first = _day(group.first_session_on)
    if group.frequency == Group.Frequency.ONCE:
        return gettext("Once, on %(weekday)s %(day)s, %(times)s") % {
            "weekday": date_format(group.first_session_on, "l"),
            "day": first,
            "times": times,
        }
    weekdays = _WEEKDAYS[group.first_session_on.weekday()]
    how = {
        Group.Frequency.WEEKLY: gettext("Weekly on %(weekdays)s"),
        Group.Frequency.FORTNIGHTLY: gettext("Every two weeks on %(weekdays)s"),
        Group.Frequency.MONTHLY: gettext("Monthly on day %(day)s"),
    }[group.frequency] % {"weekdays": weekdays, "day": group.first_session_on.day}
    parts = [how, times, gettext("from %(day)s") % {"day": first}]
    if group.session_count:
        count = group.session_count
        parts.append(ngettext("%(count)s session", "%(count)s sessions", count) % {"count": count})
    if group.ends_on:
        parts.append(gettext("until %(day)s") % {"day": _day(group.ends_on)})
    return ", ".join(parts)


# "Weekly on Tuesdays": the day of the week as a plural, which each language writes its own way.
_WEEKDAYS = (
    gettext_lazy("Mondays"),
    gettext_lazy("Tuesdays"),
    gettext_lazy("Wednesdays"),
    gettext_lazy("Thursdays"),
    gettext_lazy("Fridays"),
    gettext_lazy("Saturdays"),
    gettext_lazy("Sundays"),
)


def _day(day: date) -> str:
    return date_format(day, "j F Y")
