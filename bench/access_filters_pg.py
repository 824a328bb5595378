"""Benchmark: the visible-persons filter as a semi-join (today) against the OR of subqueries it was.

Run on PostgreSQL (the plans differ there; SQLite has no such choice):
    source scripts/lib.sh; source scripts/pg-throwaway.sh; pg_throwaway_start
    DATABASE_URL=$PG_DATABASE_URL .venv/bin/python bench/access_filters_pg.py [persons]   (default 200000)
    pg_throwaway_stop
The script migrates the database, grows it to `persons` (one active assignment each, a third also an
ended one, staff of 500 clients each in teams of ten, one worker with a caseload of 20 and no team)
and prints, for three users, the server's execution time (EXPLAIN ANALYZE, median of seven) of
the first page of visible persons by name and of their count, in both forms, with the ratio.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tapestry.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from tapestry.access import policy  # noqa: E402
from tapestry.access.models import Assignment, BreakGlass, Role, Team, TeamMembership, User  # noqa: E402
from tapestry.people.models import Person  # noqa: E402

BATCH = 10_000


def grow_to(size: int) -> None:
    rng = random.Random(13)
    if Person.objects.count() >= size:
        return
    staff_count = max(10, size // 500)
    today = timezone.localdate()
    with transaction.atomic():
        staff = User.objects.bulk_create(
            [User(username=f"bench-w{i}", role=Role.CASEWORKER, last_name=str(i)) for i in range(staff_count)]
        )
        supervisor = User.objects.create(username="bench-supervisor", role=Role.SUPERVISOR)
        User.objects.filter(pk__in=[u.pk for u in staff[:10]]).update(supervisor=supervisor)
        teams = Team.objects.bulk_create([Team(name=f"Bench team {i}") for i in range(staff_count // 10)])
        TeamMembership.objects.bulk_create(
            [TeamMembership(team=teams[i // 10], user=u) for i, u in enumerate(staff[: len(teams) * 10])]
        )
        solo = User.objects.create(username="bench-solo", role=Role.CASEWORKER)
    for start in range(0, size, BATCH):
        with transaction.atomic():
            persons = Person.objects.bulk_create(
                [
                    Person(
                        given_name=f"Given{n}",
                        family_name=f"Family{n % 7919}",
                        date_of_birth=dt.date(1940, 1, 1) + dt.timedelta(days=n % 27000),
                    )
                    for n in range(start, min(size, start + BATCH))
                ]
            )
            rows = []
            for person in persons:
                worker = solo if person.pk % 10_000 < 2 else staff[rng.randrange(staff_count)]
                rows.append(
                    Assignment(staff=worker, person=person, started_on=today - dt.timedelta(days=300))
                )
                if rng.random() < 0.3:
                    rows.append(
                        Assignment(
                            staff=staff[rng.randrange(staff_count)],
                            person=person,
                            started_on=today - dt.timedelta(days=900),
                            ended_on=today - dt.timedelta(days=400),
                        )
                    )
            Assignment.objects.bulk_create(rows)
        print(f"  {min(size, start + BATCH):,} persons", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def or_of_subqueries(user: User):
    """The filter as it was written before issue 13: an OR of IN subqueries, and an OR-joined staff list."""
    who = Q(pk=user.pk)
    if user.role in policy._SEES_TEAM:
        who |= Q(team_memberships__team_id__in=TeamMembership.objects.filter(user=user).values("team_id"))
    if user.role in policy._SEES_SUPERVISEES:
        who |= Q(supervisor=user)
    staff = User.objects.filter(who, is_active=True).values("pk")
    caseload = policy._active_assignments().filter(staff_id__in=staff).values("person_id")
    emergency = BreakGlass.objects.filter(user=user, expires_at__gt=timezone.now()).values("person_id")
    return Person.objects.active().filter(Q(pk__in=caseload) | Q(pk__in=emergency))


def server_ms(queryset) -> float:
    sql, params = queryset.query.sql_with_params()
    times = []
    with connection.cursor() as cursor:
        for _ in range(7):
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            times.append(cursor.fetchone()[0][0]["Execution Time"])
    return statistics.median(times)


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL: set DATABASE_URL (see the module's note).")
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    call_command("migrate", verbosity=0)
    grow_to(size)
    print(f"{Person.objects.count():,} persons, {Assignment.objects.count():,} assignments")
    print(f"{'user':<18}{'visible':>9}  {'what':<8}{'OR form':>10}{'semi-join':>11}{'ratio':>8}")
    for username in ("bench-solo", "bench-w5", "bench-supervisor"):
        user = User.objects.get(username=username)
        visible = policy.persons_visible(user).count()
        for what, shape in (
            ("page 1", lambda qs: qs.order_by("family_name", "given_name")[:50]),
            ("all ids", lambda qs: qs.values("pk")),
        ):
            before = server_ms(shape(or_of_subqueries(user)))
            after = server_ms(shape(policy.persons_visible(user)))
            print(
                f"{username:<18}{visible:>9,}  {what:<8}{before:>8.1f}ms{after:>9.1f}ms{before / after:>7.1f}x"
            )


if __name__ == "__main__":
    main()
