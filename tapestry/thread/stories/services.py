"""Writes of stories: propose (under the client's consent), change, review, withdraw.

Each takes the acting user first, asks the policy, writes in one transaction with its audit entry.
The case team's writes go through the cases app's one write check; a review needs `story.review`
and is refused to the worker who proposed the story.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.needs.models import Need
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.scrubbing import marks_of, scrub_for_case
from tapestry.thread.stories.selectors import case_need_choices, story_consent
from tapestry.web.records import create_record

TITLE_MAX = 200
STORY_REFUSAL = gettext_noop(
    "You may not propose or change a story on this case: it is outside your caseload."
)


def consent_missing_message(case: Case) -> str:
    """Why no story may be proposed from this case, and what would allow it."""
    name = case.person.display_name
    if case.segment in (Segment.SUBSTANCE_USE, Segment.SCHOOL):
        return gettext(
            "This is a %(segment)s case: its records leave the agency only under a written "
            "consent naming who receives them, so a story for advocacy cannot be told from it."
        ) % {"segment": Segment(case.segment).label}
    if case.segment:
        return gettext(
            "%(name)s has no consent in force to tell their story in advocacy for the %(segment)s segment. "
            "Record their consent (purpose: telling their story in advocacy) first; a story rests on it, "
            "and leaves every pack once it is revoked or expires."
        ) % {"name": name, "segment": Segment(case.segment).label}
    return gettext(
        "%(name)s has no consent in force to tell their story in advocacy. Record their consent "
        "(purpose: telling their story in advocacy) first; a story rests on it, and leaves every pack "
        "once it is revoked or expires."
    ) % {"name": name}


def consent_add_url(case: Case) -> str:
    return reverse("people:consent_add", kwargs={"pk": case.person_id})


def _checked(case: Case, *, title: str, text: str, needs: Iterable[Need]) -> tuple[str, str, list[Need]]:
    title, text, needs = (title or "").strip(), (text or "").strip(), list(needs)
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [gettext("Give the story a short title that names no one.")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [gettext("Keep the title to %(n)s characters.") % {"n": TITLE_MAX}]
    if not text:
        errors["text"] = [gettext("Write the story.")]
    allowed = set(case_need_choices(case).values_list("pk", flat=True))
    if not needs:
        errors["needs"] = [gettext("Choose at least one of the case's needs the story speaks to.")]
    elif any(need.pk not in allowed for need in needs):
        errors["needs"] = [gettext("Choose needs recorded on this case.")]
    if errors:
        raise ValidationError(errors)
    return title, text, needs


def _scrubbed(case: Case, text: str) -> dict[str, Any]:
    result = scrub_for_case(text, case)
    return {
        "original_text": text,
        "scrubbed_text": result.text,
        "spans": [span.as_dict() for span in result.spans],
        "marks": marks_of(result),
    }


def story_propose(*, actor: User, case: Case, title: str, text: str, needs: Iterable[Need]) -> Story:
    """Propose a client's story for advocacy: only under their consent in force, scrubbed at once."""
    require_case_write(actor, case, refusal=gettext(STORY_REFUSAL), field="text")
    consent = story_consent(case)
    if consent is None:
        raise ValidationError({"consent": [consent_missing_message(case)]})
    title, text, needs = _checked(case, title=title, text=text, needs=needs)
    story = Story(case=case, title=title, consent=consent, proposed_by=actor, **_scrubbed(case, text))
    fields = ["title", "original_text", "scrubbed_text", "needs", "consent"]
    return create_record(actor, story, fields=fields, person_id=case.person_id, related={"needs": needs})


def _locked(story: Story, version: int) -> Story:
    current = Story.objects.select_for_update().get(pk=story.pk)
    if current.version != version:
        raise StaleEdit(current.version)
    return current


def story_change(
    *, actor: User, story: Story, version: int, title: str, text: str, needs: Iterable[Need]
) -> Story:
    """Change a story not yet reviewed (or returned): scrubbed again; a returned story goes back for review."""
    case = story.case
    require_case_write(actor, case, refusal=gettext(STORY_REFUSAL), open=False)
    title, text, needs = _checked(case, title=title, text=text, needs=needs)
    with transaction.atomic():
        current = _locked(story, version)
        if not current.is_editable:
            raise ValidationError(
                {
                    "text": [
                        gettext("This story is %(status)s; it can no longer change.")
                        % {"status": str(current.get_status_display()).lower()}
                    ]
                }
            )
        for name, value in {"title": title, "status": Story.Status.PROPOSED, "return_reason": ""}.items():
            setattr(current, name, value)
        for name, value in _scrubbed(case, text).items():
            setattr(current, name, value)
        current.version += 1
        current.save()
        current.needs.set(needs)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            person_id=case.person_id,
            fields=["title", "original_text", "scrubbed_text", "needs", "status"],
        )
    return current


def require_review(actor: User, story: Story) -> None:
    policy.require_capability(actor, Capability.STORY_REVIEW)
    if story.proposed_by_id == actor.pk:
        raise PermissionDenied(
            gettext("You proposed this story: another reviewer must approve or return it.")
        )


def _review(actor: User, story: Story, version: int, *, status: str, reason: str = "", purpose: str) -> Story:
    require_review(actor, story)
    with transaction.atomic():
        current = _locked(story, version)
        if current.status != Story.Status.PROPOSED:
            raise ValidationError(
                {
                    "__all__": [
                        gettext("This story is %(status)s, not awaiting review.")
                        % {"status": str(current.get_status_display()).lower()}
                    ]
                }
            )
        if status == Story.Status.APPROVED and not current.consent.is_in_force():
            raise ValidationError(
                {"__all__": [gettext("The client's consent to tell this story is no longer in force.")]}
            )
        current.status, current.return_reason = status, reason
        current.reviewed_by, current.reviewed_at = actor, timezone.now()
        current.version += 1
        current.save(
            update_fields=["status", "return_reason", "reviewed_by", "reviewed_at", "version", "updated_at"]
        )
        # The reviewer read only the scrubbed story; the entry names the case's person so the
        # client's record shows who approved telling their story.
        audit_record(
            actor=actor,
            action=AuditEntry.Action.REVIEW,
            obj=current,
            person_id=Case.objects.filter(pk=current.case_id).values_list("person_id", flat=True).first(),
            fields=["status", "return_reason"] if reason else ["status"],
            purpose=purpose,
        )
    return current


def story_approve(*, actor: User, story: Story, version: int) -> Story:
    """Approve a proposed story for advocacy (it can then go into evidence packs)."""
    return _review(
        actor, story, version, status=Story.Status.APPROVED, purpose="approve a story for advocacy"
    )


def story_return(*, actor: User, story: Story, version: int, reason: str) -> Story:
    """Return a proposed story to the worker with the reason (what still identifies, what to change)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": [gettext("Say why the story goes back, so the worker can change it.")]}
        )
    return _review(
        actor,
        story,
        version,
        status=Story.Status.RETURNED,
        reason=reason,
        purpose="return a story to its worker",
    )


def story_withdraw(*, actor: User, story: Story, version: int) -> Story:
    """Withdraw a story (at the client's wish, say): it leaves the queue and every future pack."""
    require_case_write(actor, story.case, refusal=gettext(STORY_REFUSAL), open=False)
    with transaction.atomic():
        current = _locked(story, version)
        if current.status == Story.Status.WITHDRAWN:
            raise ValidationError({"__all__": [gettext("This story is already withdrawn.")]})
        current.status = Story.Status.WITHDRAWN
        current.version += 1
        current.save(update_fields=["status", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            person_id=story.case.person_id,
            fields=["status"],
        )
    return current
