"""API routes of group sessions: sessions, one-call attendance, the group note, attendance rates."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from tapestry.access.models import User
from tapestry.mezzo.group_sessions import selectors, services
from tapestry.mezzo.group_sessions.models import GroupNote, Session
from tapestry.mezzo.group_sessions.schemas import (
    AttendanceSummaryOut,
    GroupSessionIn,
    GroupSessionOut,
    RatesOut,
    SessionAttendanceIn,
    SessionAttendanceOut,
    SessionDetailOut,
    SessionNoteIn,
    SessionNoteOut,
    SessionPatch,
)
from tapestry.web.ids import found_or_404
from tapestry.web.schemas import ErrorOut, created, error_responses, paged_get

router = Router(tags=["group sessions"])


def _facilitators(ids: list[int]) -> list[User]:
    chosen = selectors.staff_by_ids(ids)
    if len(chosen) != len(set(ids)):
        raise ValidationError({"facilitator_ids": ["Unknown staff member."]})
    return chosen


@paged_get(
    router,
    "/groups/{group_id}/sessions",
    GroupSessionOut,
    summary="List a group's sessions",
    description="Newest first. Only for the group's facilitators and their supervisors.",
)
def group_session_list(request: HttpRequest, group_id: int) -> list[Session]:
    group = selectors.group_get(user=request.user, group_id=group_id)
    return list(selectors.session_list(user=request.user, group=group))


@created(router, "/groups/{group_id}/sessions", GroupSessionOut, summary="Record a session of a group")
def group_session_create(request: HttpRequest, group_id: int, payload: GroupSessionIn) -> Session:
    group = selectors.group_get(user=request.user, group_id=group_id)
    fields = payload.model_dump(exclude={"facilitator_ids"})
    return services.session_create(
        actor=request.user, group=group, facilitators=_facilitators(payload.facilitator_ids), **fields
    )


@router.post(
    "/groups/{group_id}/sessions/today",
    response={200: GroupSessionOut, **error_responses(400, 404)},
    summary="Open today's session of a group",
    description=(
        "Today's session as the group's schedule plans it: the one already recorded, or a new one at "
        "the group's usual time with no topic yet. 400 when the schedule has no session today."
    ),
)
def group_session_today(request: HttpRequest, group_id: int) -> Session:
    group = selectors.group_get(user=request.user, group_id=group_id)
    return services.session_open_today(actor=request.user, group=group)


@router.get(
    "/sessions/{session_id}",
    response={200: SessionDetailOut, **error_responses(404)},
    summary="A session with its attendance",
)
def group_session_get(request: HttpRequest, session_id: int) -> Session:
    session = selectors.session_get(user=request.user, session_id=session_id)
    session.marks = selectors.attendance_sheet(user=request.user, session=session)
    return session


@router.patch(
    "/sessions/{session_id}",
    response={200: GroupSessionOut, **error_responses(404, 400, 409, 422)},
    summary="Change a session",
)
def group_session_update(request: HttpRequest, session_id: int, payload: SessionPatch) -> Session:
    session = selectors.session_get(user=request.user, session_id=session_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version", "facilitator_ids"})
    changes = {name: value for name, value in changes.items() if value is not None}
    ids = payload.facilitator_ids
    return services.session_update(
        actor=request.user,
        session=session,
        version=payload.version,
        changes=changes,
        facilitators=None if ids is None else _facilitators(ids),
    )


@router.put(
    "/sessions/{session_id}/attendance",
    response={200: SessionAttendanceOut, **error_responses(404, 400, 409, 422)},
    summary="Save the whole session's attendance in one call",
    description=(
        "Send one mark (present, late, excused, absent) for every member enrolled on the session's "
        "date. Marks for anyone else, or members left out, get 422 and nothing is saved; a stale "
        "version gets 409. A member who reaches the group's missed-sessions alert raises a check-in "
        "task for their caseworker (listed in `follow_ups`)."
    ),
)
def group_session_attendance(request: HttpRequest, session_id: int, payload: SessionAttendanceIn) -> Any:
    session = selectors.session_get(user=request.user, session_id=session_id)
    marks = {mark.membership_id: mark.status for mark in payload.attendance}
    if len(marks) != len(payload.attendance):
        errors = {"attendance": ["Mark each member once."]}
        return Status(422, ErrorOut(detail="A member is marked twice.", errors=errors))
    try:
        raised = services.attendance_record(
            actor=request.user, session=session, version=payload.version, marks=marks
        )
    except services.AttendanceIncomplete as error:
        errors = error.message_dict
        if error.unmarked:
            errors["unmarked_membership_ids"] = [str(pk) for pk in error.unmarked]
        return Status(
            422, ErrorOut(detail="The attendance does not match the session's members.", errors=errors)
        )
    return {
        "session_id": session.pk,
        "version": session.version,
        "attendance": selectors.attendance_sheet(user=request.user, session=session, audit=False),
        "follow_ups": raised,
    }


@router.get(
    "/sessions/{session_id}/note",
    response={200: SessionNoteOut, **error_responses(404)},
    summary="The session's group note",
    description="Opening it is recorded in the audit log, for the note and for each member mentioned.",
)
def group_session_note_get(request: HttpRequest, session_id: int) -> GroupNote:
    session = selectors.session_get(user=request.user, session_id=session_id)
    return found_or_404(
        selectors.note_detail(user=request.user, session=session, purpose="API"),
        "This session has no group note yet.",
    )


@router.put(
    "/sessions/{session_id}/note",
    response={200: SessionNoteOut, **error_responses(404, 400, 409, 422)},
    summary="Write or revise the session's group note, with its member mentions",
    description=(
        "The note's own text is about the group and must not name members (400 if it does); "
        "what is about one member goes in `mentions`, which replace the earlier ones."
    ),
)
def group_session_note_put(request: HttpRequest, session_id: int, payload: SessionNoteIn) -> GroupNote:
    session = selectors.session_get(user=request.user, session_id=session_id)
    mentions = {mention.membership_id: mention.text for mention in payload.mentions}
    texts = payload.model_dump(exclude={"mentions"})
    services.note_save(actor=request.user, session=session, mentions=mentions, **texts)
    return selectors.note_detail(user=request.user, session=session, audit=False)


@router.get(
    "/groups/{group_id}/attendance-rates",
    response={200: RatesOut, **error_responses(404)},
    summary="Attendance rates per member and per session",
    description="The numbers of the attendance page: attended means present or late.",
)
def group_attendance_rates(request: HttpRequest, group_id: int) -> selectors.GroupRates:
    group = selectors.group_get(user=request.user, group_id=group_id)
    return selectors.attendance_rates(user=request.user, group=group)


@router.get(
    "/groups/{group_id}/attendance-summary",
    response={200: AttendanceSummaryOut, **error_responses(404)},
    summary="A group's attendance as counts that identify no one",
    description=(
        "For readers of aggregates: sessions held, places expected, came and missed, and the rate, with "
        "small counts suppressed (null). A program manager reaches the groups of their own programs only."
    ),
)
def group_attendance_summary(request: HttpRequest, group_id: int) -> dict[str, Any]:
    group = selectors.group_for_attendance_summary(user=request.user, group_id=group_id)
    summary = selectors.attendance_summary(group=group)
    came, missed = summary.cells
    return {
        "group_id": group.pk,
        "sessions_held": summary.sessions_held,
        "expected": summary.expected.value,
        "came": came.value,
        "missed": missed.value,
        "rate": summary.rate,
    }
