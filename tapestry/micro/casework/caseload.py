"""What casework adds to a worker's caseload page: overdue tasks, tasks due this week, plan reviews coming due."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import CarePlan, Task

REVIEW_HORIZON_DAYS = 14
DUE_HORIZON_DAYS = 7


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """Open tasks the user owns, past due or due within 7 days, and reviews of their plans due within 14 days.

    A review already past its date is included too: it is the most due of all. A fixed number of queries.
    """
    today = timezone.localdate()
    # One read for both kinds: the open tasks the user owns that are past due or due within the week.
    tasks = (
        policy.visible(
            user,
            Task.objects.filter(
                owner=user, status=Task.Status.OPEN, due_on__lte=today + timedelta(days=DUE_HORIZON_DAYS)
            ),
        )
        .select_related("case__person")
        .order_by("due_on", "pk")
    )
    alerts = [
        CaseloadAlert(
            kind="overdue_task" if task.due_on < today else "due_task",
            when=task.due_on,
            title=_task_title(task, today),
            person_name=task.case.person.display_name,
            url=reverse("casework:case_index", kwargs={"case_pk": task.case_id}),
            case_id=task.case_id,
        )
        for task in tasks
    ]
    due = (
        policy.visible(
            user,
            CarePlan.objects.filter(
                case__worker=user,
                case__status=Case.Status.OPEN,
                next_review_on__lte=today + timedelta(days=REVIEW_HORIZON_DAYS),
            ),
        )
        .select_related("case__person")
        .order_by("next_review_on", "pk")
    )
    alerts += [
        CaseloadAlert(
            kind="upcoming_review",
            when=plan.next_review_on,
            title=(
                gettext("Care plan review overdue since %(day)s") % {"day": f"{plan.next_review_on:%Y-%m-%d}"}
                if plan.next_review_on < today
                else gettext("Care plan review due %(day)s") % {"day": f"{plan.next_review_on:%Y-%m-%d}"}
            ),
            person_name=plan.case.person.display_name,
            url=reverse("casework:plan_detail", kwargs={"case_pk": plan.case_id}),
            case_id=plan.case_id,
        )
        for plan in due
    ]
    return alerts


def _task_title(task: Task, today: date) -> str:
    if task.due_on < today:
        return gettext("Overdue task: %(task)s") % {"task": task.title}
    if task.due_on == today:
        return gettext("Due today: %(task)s") % {"task": task.title}
    return gettext("Due %(day)s: %(task)s") % {"day": f"{task.due_on:%Y-%m-%d}", "task": task.title}
