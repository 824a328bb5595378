"""Pages of stories: parse, call one service or selector, render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.access.errors import StaleEdit
from tapestry.micro.cases.selectors import case_get
from tapestry.thread.stories import selectors, services
from tapestry.thread.stories.forms import ReturnForm, ReviewForm, StoryForm
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.scrubbing import marked_html
from tapestry.web.pages import act, bound, case_page_url, save_page


def _team_url(story: Story) -> str:
    return reverse("stories:story_original", kwargs={"pk": story.pk})


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    found = selectors.case_stories(user=request.user, case_id=case_pk)
    context = {
        "found": found,
        "case": found.case,
        "case_url": case_page_url(found.case, or_person=True),
        "consent_url": services.consent_add_url(found.case),
        "consent_missing": "" if found.consent else services.consent_missing_message(found.case),
    }
    return render(request, "stories/case_index.html", context)


def story_propose(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name", "needs"], purpose="form: propose a story")
    consent = selectors.story_consent(case)
    form = StoryForm(bound(request), needs=selectors.case_need_choices(case))
    return save_page(
        request,
        "stories/story_form.html",
        form=form,
        call=lambda: services.story_propose(actor=request.user, case=case, **form.changes()),
        done=gettext("The story is proposed. It goes to a reviewer, who sees only the scrubbed text."),
        then=_team_url,
        case=case,
        story=None,
        consent=consent,
        consent_missing="" if consent else services.consent_missing_message(case),
        consent_url=services.consent_add_url(case),
    )


def story_original(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_original(user=request.user, story_id=pk)
    context = {
        "story": story,
        "case": story.case,
        "case_url": case_page_url(story.case, or_person=True),
        "marked": marked_html(story.scrubbed_text, story.marks),
    }
    return render(request, "stories/story_original.html", context)


def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_get(user=request.user, story_id=pk, for_change=True)
    audit_form_open(
        request,
        obj=story,
        person_id=story.case.person_id,
        fields=["original_text", "title"],
        purpose="form: change a story",
    )
    initial = {
        "title": story.title,
        "text": story.original_text,
        "needs": list(story.needs.all()),
        "version": story.version,
    }
    form = StoryForm(bound(request), initial=initial, needs=selectors.case_need_choices(story.case))
    return save_page(
        request,
        "stories/story_form.html",
        form=form,
        call=lambda: services.story_change(
            actor=request.user, story=story, version=form.cleaned_data["version"] or 0, **form.changes()
        ),
        done=gettext("The story is saved and scrubbed again; it waits for review."),
        then=_team_url,
        case=story.case,
        story=story,
        consent=story.consent,
    )


@require_POST
def story_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_get(user=request.user, story_id=pk, for_change=True)
    form = ReviewForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else 0

    def withdraw() -> Story:
        try:
            return services.story_withdraw(actor=request.user, story=story, version=version)
        except StaleEdit as conflict:
            raise ValidationError(str(conflict)) from conflict

    act(
        request,
        withdraw,
        gettext("The story is withdrawn: it leaves the review queue and every future evidence pack."),
    )
    return redirect(_team_url(story))


def review_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", Story.Status.PROPOSED)
    if status not in Story.Status.values or status == Story.Status.WITHDRAWN:
        status = "" if status == "all" else Story.Status.PROPOSED
    stories = selectors.review_queue(status=status)
    statuses = [(value, label) for value, label in Story.Status.choices if value != Story.Status.WITHDRAWN]
    context = {
        "stories": stories,
        "status": status or "all",
        "statuses": [*statuses, ("all", gettext("All"))],
    }
    return render(request, "stories/review_queue.html", context)


def _scrubbed_context(request: HttpRequest, story: Story) -> dict[str, object]:
    return {
        "story": story,
        "marked": marked_html(story.scrubbed_text, story.marks),
        "may_review": story.status == Story.Status.PROPOSED and story.proposed_by_id != request.user.pk,
    }


def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_scrubbed(story_id=pk)
    context = {
        **_scrubbed_context(request, story),
        "approve_form": ReviewForm(initial={"version": story.version}),
        "return_form": ReturnForm(initial={"version": story.version}),
    }
    return render(request, "stories/story_detail.html", context)


@require_POST
def story_approve(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_scrubbed(story_id=pk)
    form = ReviewForm(request.POST)
    return save_page(
        request,
        "stories/story_detail.html",
        form=form,
        call=lambda: services.story_approve(
            actor=request.user, story=story, version=form.cleaned_data["version"]
        ),
        done=gettext(
            "The story is approved: evidence packs may quote it while the client's consent is in force."
        ),
        then=reverse("stories:review_queue"),
        approve_form=form,
        return_form=ReturnForm(initial={"version": story.version}),
        **_scrubbed_context(request, story),
    )


@require_POST
def story_return(request: HttpRequest, pk: int) -> HttpResponse:
    story = selectors.story_scrubbed(story_id=pk)
    form = ReturnForm(request.POST)
    return save_page(
        request,
        "stories/story_detail.html",
        form=form,
        call=lambda: services.story_return(
            actor=request.user,
            story=story,
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        done=gettext("The story goes back to its worker with your reason."),
        then=reverse("stories:review_queue"),
        approve_form=ReviewForm(initial={"version": story.version}),
        return_form=form,
        **_scrubbed_context(request, story),
    )
