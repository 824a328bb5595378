"""API routes of group sessions: sessions, one-call attendance, the group note, attendance rates."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from tapestry.access.models import User
from tapestry.mezzo.group_sessions import selectors, services
from tapestry.mezzo.group_sessions.models import GroupNote, Session
from tapestry.mezzo.group_sessions.schemas import (
    AbsenceFollowUpOut,
    GroupSessionIn,
    GroupSessionOut,
    MarkOut,
    MemberRateOut,
    MentionOut,
    RatesOut,
    SessionAttendanceIn,
    SessionAttendanceOut,
    SessionDetailOut,
    SessionNoteIn,
    SessionNoteOut,
    SessionPatch,
    SessionRateOut,
)
from tapestry.web.schemas import Pages, error_responses

router = Router(tags=["group sessions"])


def error_body(detail: str, errors: dict[str, list[str]]) -> dict:
    """The shared error shape (see tapestry/api.py), built here to keep this module free of the api assembly."""
    return {"detail": detail, "errors": errors}


def _facilitators(ids: list[int]) -> list[User]:
    chosen = selectors.staff_by_ids(ids)
    if len(chosen) != len(set(ids)):
        raise ValidationError({"facilitator_ids": ["Unknown staff member."]})
    return chosen


def _session_out(session: Session) -> dict:
    return {
        "id": session.pk,
        "group_id": session.group_id,
        "held_on": session.held_on,
        "start_time": session.start_time,
        "topic": session.topic,
        "activities": session.activities,
        "status": session.status,
        "facilitator_ids": sorted(user.pk for user in session.facilitators.all()),
        "version": session.version,
        "has_note": selectors.session_has_note(session),
    }


def _marks(user: User, session: Session, *, audit: bool = True) -> list[MarkOut]:
    return [
        MarkOut(
            membership_id=row.membership.pk, person_name=row.membership.person.display_name, status=row.mark
        )
        for row in selectors.attendance_sheet(user=user, session=session, audit=audit)
    ]


@router.get(
    "/groups/{group_id}/sessions",
    response={200: list[GroupSessionOut], **error_responses(404, 422)},
    operation_id="group_session_list",
    summary="List a group's sessions",
    description="Newest first. Only for the group's facilitators and their supervisors.",
)
@paginate(Pages)
def session_list(request: HttpRequest, group_id: int) -> list[dict]:
    group = selectors.group_get(user=request.user, group_id=group_id)
    return [_session_out(session) for session in selectors.session_list(user=request.user, group=group)]


@router.post(
    "/groups/{group_id}/sessions",
    response={201: GroupSessionOut, **error_responses(404, 400, 422)},
    operation_id="group_session_create",
    summary="Record a session of a group",
)
def session_create(request: HttpRequest, group_id: int, payload: GroupSessionIn) -> Status:
    group = selectors.group_get(user=request.user, group_id=group_id)
    fields = payload.model_dump(exclude={"facilitator_ids"})
    session = services.session_create(
        actor=request.user, group=group, facilitators=_facilitators(payload.facilitator_ids), **fields
    )
    return Status(201, _session_out(session))


@router.get(
    "/sessions/{session_id}",
    response={200: SessionDetailOut, **error_responses(404)},
    operation_id="group_session_get",
    summary="A session with its attendance",
)
def session_get(request: HttpRequest, session_id: int) -> dict:
    session = selectors.session_get(user=request.user, session_id=session_id)
    return {**_session_out(session), "attendance": _marks(request.user, session)}


@router.patch(
    "/sessions/{session_id}",
    response={200: GroupSessionOut, **error_responses(404, 400, 409, 422)},
    operation_id="group_session_update",
    summary="Change a session",
)
def session_update(request: HttpRequest, session_id: int, payload: SessionPatch) -> dict:
    session = selectors.session_get(user=request.user, session_id=session_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version", "facilitator_ids"})
    changes = {name: value for name, value in changes.items() if value is not None}
    ids = payload.facilitator_ids
    session = services.session_update(
        actor=request.user,
        session=session,
        version=payload.version,
        changes=changes,
        facilitators=None if ids is None else _facilitators(ids),
    )
    return _session_out(session)


@router.put(
    "/sessions/{session_id}/attendance",
    response={200: SessionAttendanceOut, **error_responses(404, 400, 409, 422)},
    operation_id="group_session_attendance",
    summary="Save the whole session's attendance in one call",
    description=(
        "Send one mark (present, late, excused, absent) for every member enrolled on the session's "
        "date. Marks for anyone else, or members left out, get 422 and nothing is saved; a stale "
        "version gets 409. A member who reaches the group's missed-sessions alert raises a check-in "
        "task for their caseworker (listed in `follow_ups`)."
    ),
)
def attendance_put(request: HttpRequest, session_id: int, payload: SessionAttendanceIn) -> Status:
    session = selectors.session_get(user=request.user, session_id=session_id)
    marks = {mark.membership_id: mark.status for mark in payload.attendance}
    if len(marks) != len(payload.attendance):
        return Status(
            422, error_body("A member is marked twice.", {"attendance": ["Mark each member once."]})
        )
    try:
        raised = services.attendance_record(
            actor=request.user, session=session, version=payload.version, marks=marks
        )
    except services.AttendanceIncomplete as error:
        errors = {
            name: [str(m) for e in items for m in e.messages] for name, items in error.error_dict.items()
        }
        if error.unmarked:
            errors["unmarked_membership_ids"] = [str(pk) for pk in error.unmarked]
        return Status(422, error_body("The attendance does not match the session's members.", errors))
    return Status(
        200,
        {
            "session_id": session.pk,
            "version": session.version,
            "attendance": _marks(request.user, session, audit=False),
            "follow_ups": [
                AbsenceFollowUpOut(membership_id=f.membership_id, missed=f.missed, task_id=f.task_id)
                for f in raised
            ],
        },
    )


def _note_out(note: GroupNote) -> SessionNoteOut:
    return SessionNoteOut(
        session_id=note.session_id,
        dynamics=note.dynamics,
        themes=note.themes,
        progress=note.progress,
        version=note.version,
        updated_at=note.updated_at,
        mentions=[
            MentionOut(
                id=m.pk,
                membership_id=m.membership_id,
                person_name=m.membership.person.display_name,
                text=m.text,
            )
            for m in note.visible_mentions
        ],
    )


@router.get(
    "/sessions/{session_id}/note",
    response={200: SessionNoteOut, **error_responses(404)},
    operation_id="group_session_note_get",
    summary="The session's group note",
    description="Opening it is recorded in the audit log, for the note and for each member mentioned.",
)
def note_get(request: HttpRequest, session_id: int) -> SessionNoteOut:
    session = selectors.session_get(user=request.user, session_id=session_id)
    note = selectors.note_detail(user=request.user, session=session, purpose="API")
    if note is None:
        raise Http404("This session has no group note yet.")
    return _note_out(note)


@router.put(
    "/sessions/{session_id}/note",
    response={200: SessionNoteOut, **error_responses(404, 400, 409, 422)},
    operation_id="group_session_note_put",
    summary="Write or revise the session's group note, with its member mentions",
    description=(
        "The note's own text is about the group and must not name members (400 if it does); "
        "what is about one member goes in `mentions`, which replace the earlier ones."
    ),
)
def note_put(request: HttpRequest, session_id: int, payload: SessionNoteIn) -> SessionNoteOut:
    session = selectors.session_get(user=request.user, session_id=session_id)
    mentions = {mention.membership_id: mention.text for mention in payload.mentions}
    services.note_save(
        actor=request.user,
        session=session,
        version=payload.version,
        dynamics=payload.dynamics,
        themes=payload.themes,
        progress=payload.progress,
        mentions=mentions,
    )
    note = selectors.note_detail(user=request.user, session=session, audit=False)
    return _note_out(note)


@router.get(
    "/groups/{group_id}/attendance-rates",
    response={200: RatesOut, **error_responses(404)},
    operation_id="group_attendance_rates",
    summary="Attendance rates per member and per session",
    description="The numbers of the attendance page: attended means present or late.",
)
def attendance_rates(request: HttpRequest, group_id: int) -> RatesOut:
    group = selectors.group_get(user=request.user, group_id=group_id)
    rates = selectors.attendance_rates(user=request.user, group=group)
    return RatesOut(
        group_id=group.pk,
        expected=rates.expected,
        attended=rates.attended,
        excused=rates.excused,
        rate=rates.rate,
        sessions=[
            SessionRateOut(
                session_id=row.session.pk,
                held_on=row.session.held_on,
                expected=row.expected,
                attended=row.attended,
                excused=row.excused,
                absent=row.absent,
                rate=row.rate,
            )
            for row in rates.sessions
        ],
        members=[
            MemberRateOut(
                membership_id=row.membership.pk,
                person_name=row.membership.person.display_name,
                sessions=row.sessions,
                present=row.present,
                late=row.late,
                excused=row.excused,
                absent=row.absent,
                attended=row.attended,
                rate=row.rate,
            )
            for row in rates.members
        ],
    )
