"""The assessment pages: give one with radio buttons, read the result and next step, see scores over time."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, BreakGlass
from tapestry.micro.assessments.links import crisis_url
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.tests.factories import NO_NEEDS, give, likert
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def new_url(case: Case, code: str) -> str:
    return reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": code})


def fieldset(page: str, code: str) -> str:
    """The HTML of one item's fieldset on the form."""
    match = re.search(rf'<fieldset[^>]*id="item-{code}".*?</fieldset>', page, re.S)
    assert match, f"no fieldset for {code}"
    return match.group(0)


def form_data(answers: dict[str, str], **extra: str) -> dict[str, str]:
    return {**answers, "administered_on": timezone.localdate().isoformat(), "note": "", **extra}


# Giving an assessment ----------------------------------------------------------------------


def test_the_form_has_one_radio_group_per_item(cast):
    case = open_case(cast.caseworker)

    page = client_for(cast.caseworker).get(new_url(case, "phq-9")).content.decode()

    assert page.count("<fieldset") == 9
    assert page.count('type="radio"') == 36
    assert "Over the last two weeks" in page
    assert "Nearly every day" in fieldset(page, "q9")


def test_a_missing_answer_is_shown_beside_its_item_and_nothing_is_saved(cast):
    case = open_case(cast.caseworker)
    answers = likert(6, 9, last_zero=True)
    del answers["q9"]

    response = client_for(cast.caseworker).post(new_url(case, "phq-9"), form_data(answers))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose an answer." in fieldset(page, "q9")
    assert "Choose an answer." not in fieldset(page, "q1")
    assert "checked" in fieldset(page, "q1")  # the answers given are kept
    assert not Assessment.objects.exists()


def test_a_complete_form_is_scored_on_the_server_and_shows_band_flag_and_next_step(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        new_url(case, "phq-9"), form_data(likert(16, 9, last_zero=True)), follow=True
    )

    assessment = Assessment.objects.get()
    assert response.redirect_chain[-1][0] == reverse("assessments:assessment_detail", args=[assessment.pk])
    page = response.content.decode()
    assert "16 of 27" in page
    assert "Moderately severe" in page
    assert "Flagged" in page
    assert "Proposed next step" in page and "Start active treatment" in page
    assert "Risk of suicide" not in page


def test_a_future_date_is_an_error_by_the_date_field(cast):
    case = open_case(cast.caseworker)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client_for(cast.caseworker).post(
        new_url(case, "phq-2"), form_data({"q1": "0", "q2": "0"}, administered_on=tomorrow)
    )

    assert response.status_code == 400
    assert "cannot be dated in the future" in response.content.decode()


def test_the_c_ssrs_skip_logic_lets_items_3_to_5_stay_empty_after_a_no_to_item_2(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        new_url(case, "c-ssrs-screen"), form_data({"q1": "no", "q2": "no", "q6": "no"})
    )

    assert response.status_code == 302
    assert Assessment.objects.get().severity_band == "No risk identified"


def test_a_closed_case_sends_the_worker_back_with_a_message(cast):
    case = open_case(cast.caseworker, status=Case.Status.CLOSED, closing_reason="goals_met")

    response = client_for(cast.caseworker).get(new_url(case, "phq-9"), follow=True)

    assert "This case is closed" in response.content.decode()


def test_an_unknown_instrument_is_a_404(cast):
    case = open_case(cast.caseworker)

    assert client_for(cast.caseworker).get(new_url(case, "beck-42")).status_code == 404


def test_a_worker_outside_the_caseload_is_refused(cast):
    case = open_case(cast.caseworker)

    assert client_for(cast.outsider).get(new_url(case, "phq-9")).status_code == 403


# The result and the proposed next step ------------------------------------------------------


def assert_crisis_prompt(page: str, case: Case) -> None:
    assert "Risk of suicide: act now" in page
    link = crisis_url(case)
    if link:
        assert f'href="{link}"' in page
    else:
        assert "Start the crisis workflow from the case page now" in page


def test_phq9_item_9_shows_a_prominent_link_to_the_crisis_workflow(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-9", {**likert(2, 9), "q9": "1"})

    page = client_for(cast.caseworker).get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    assert_crisis_prompt(page.content.decode(), case)
    assert "Item 9: thoughts of being better off dead" in page.content.decode()


def test_a_high_risk_c_ssrs_shows_the_crisis_link(cast):
    case = open_case(cast.caseworker)
    assessment = give(
        cast.caseworker,
        case,
        "c-ssrs-screen",
        {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes", "q5": "no", "q6": "no"},
    )

    page = client_for(cast.caseworker).get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    assert_crisis_prompt(page.content.decode(), case)
    assert "High risk" in page.content.decode()


def test_a_moderate_risk_c_ssrs_says_so_and_shows_the_crisis_link(cast):
    case = open_case(cast.caseworker)
    assessment = give(
        cast.caseworker,
        case,
        "c-ssrs-screen",
        {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "no", "q5": "no", "q6": "no"},
    )

    page = client_for(cast.caseworker).get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    assert_crisis_prompt(page.content.decode(), case)
    assert "Moderate risk" in page.content.decode() and "High risk" not in page.content.decode()


def test_each_open_of_an_assessment_is_audited(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "gad-7", likert(4, 7))
    client = client_for(cast.teammate)

    client.get(reverse("assessments:assessment_detail", args=[assessment.pk]))
    client.get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    opens = AuditEntry.objects.filter(
        actor=cast.teammate, action="view", object_type="assessments.assessment", object_id=str(assessment.pk)
    )
    assert opens.count() == 2
    assert opens.first().person_id == case.person_id
    assert "answers" in opens.first().fields


def test_an_outsider_cannot_open_an_assessment_and_a_missing_one_is_404(cast):
    assessment = give(cast.caseworker, open_case(cast.caseworker), "gad-7", likert(4, 7))

    assert (
        client_for(cast.outsider)
        .get(reverse("assessments:assessment_detail", args=[assessment.pk]))
        .status_code
        == 403
    )
    assert (
        client_for(cast.caseworker).get(reverse("assessments:assessment_detail", args=[999999])).status_code
        == 404
    )


def test_the_social_needs_screen_offers_a_button_that_adds_the_needs_to_the_case(cast):
    case = open_case(cast.caseworker)
    screen = give(
        cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "food_worry": "often", "utilities": "shut_off"}
    )
    client = client_for(cast.caseworker)
    detail = reverse("assessments:assessment_detail", args=[screen.pk])

    before = client.get(detail).content.decode()
    response = client.post(reverse("assessments:assessment_add_needs", args=[screen.pk]), follow=True)

    assert "Food insecurity" in before and "Add these needs to the case" in before
    after = response.content.decode()
    assert "Added to the case: " in after
    assert "Add these needs to the case" not in after
    assert set(CaseNeed.objects.filter(case=case).values_list("need__code", flat=True)) == {
        "food-insecurity",
        "utility-payment-difficulty",
        "utilities",
    }


def test_a_reader_with_emergency_access_sees_no_buttons_that_change_the_case(cast):
    case = open_case(cast.caseworker)
    screen = give(cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "transport": "yes"})
    BreakGlass.objects.create(
        user=cast.outsider,
        person=case.person,
        reason="Welfare check",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    client = client_for(cast.outsider)

    detail = client.get(reverse("assessments:assessment_detail", args=[screen.pk])).content.decode()
    index = client.get(reverse("assessments:case_index", args=[case.pk])).content.decode()

    assert "Add these needs to the case" not in detail
    assert "Give an assessment" not in index
    assert client.post(reverse("assessments:assessment_add_needs", args=[screen.pk])).status_code == 403


# Entered in error --------------------------------------------------------------------------


def test_marking_in_error_from_the_page_and_a_second_marking_is_refused(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-2", {"q1": "3", "q2": "3"})
    url = reverse("assessments:assessment_in_error", args=[assessment.pk])

    done = client_for(cast.caseworker).post(url, {"reason": "Wrong client", "version": 1}, follow=True)
    stale = client_for(cast.teammate).post(url, {"reason": "Typed twice", "version": 1})

    assert "Entered in error." in done.content.decode() and "Wrong client" in done.content.decode()
    assert stale.status_code == 400
    assert "already marked as entered in error" in stale.content.decode()


def test_a_stale_version_is_refused_with_a_conflict_message(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-2", {"q1": "3", "q2": "3"})
    Assessment.objects.filter(pk=assessment.pk).update(version=2)

    response = client_for(cast.caseworker).post(
        reverse("assessments:assessment_in_error", args=[assessment.pk]),
        {"reason": "Wrong client", "version": 1},
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).status == "final"


def test_marking_in_error_needs_a_reason_shown_by_the_field(cast):
    assessment = give(cast.caseworker, open_case(cast.caseworker), "phq-2", {"q1": "0", "q2": "0"})

    response = client_for(cast.caseworker).post(
        reverse("assessments:assessment_in_error", args=[assessment.pk]), {"reason": "", "version": 1}
    )

    assert 'id="id_reason_error"' in response.content.decode()


# A case's assessments and scores over time --------------------------------------------------


def test_the_case_page_lists_assessments_and_charts_each_instrument_with_a_data_table(cast):
    case = open_case(cast.caseworker)
    today = timezone.localdate()
    for months_ago, total in ((3, 18), (2, 13), (1, 8), (0, 4)):
        give(
            cast.caseworker,
            case,
            "phq-9",
            likert(total, 9, last_zero=True),
            on=today - timedelta(days=30 * months_ago),
        )
    give(cast.caseworker, case, "gad-7", likert(11, 7), on=today)

    page = client_for(cast.caseworker).get(reverse("assessments:case_index", args=[case.pk])).content.decode()

    assert 'id="history-phq-9"' in page and 'id="history-gad-7"' in page
    assert page.count("<svg") == 2
    phq = re.search(r'id="history-phq-9".*?</section>', page, re.S).group(0)
    assert phq.count("<circle") == 4
    assert phq.count("<polyline") == 1
    assert [int(n) for n in re.findall(r"<td><a [^>]+>[\d-]+</a></td><td>(\d+) ", phq)] == [18, 13, 8, 4]
    assert "style=" not in page and "<script" not in page.split("</head>")[1]


def test_opening_the_case_page_audits_reading_the_scores(cast):
    case = open_case(cast.caseworker)
    give(cast.caseworker, case, "phq-2", {"q1": "0", "q2": "1"})

    client_for(cast.supervisor).get(reverse("assessments:case_index", args=[case.pk]))

    entry = AuditEntry.objects.filter(actor=cast.supervisor, action="view").latest("id")
    assert (entry.object_type, entry.person_id, entry.purpose) == (
        "assessments.assessment",
        case.person_id,
        "assessment history",
    )


def test_the_case_page_offers_every_instrument_to_a_worker_who_may_record(cast):
    case = open_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("assessments:case_index", args=[case.pk])).content.decode()

    for code in ("phq-9", "phq-2", "gad-7", "audit-c", "dast-10", "c-ssrs-screen", "ahc-hrsn"):
        assert new_url(case, code) in page
    assert "No assessments on this case yet." in page


def test_the_instrument_reference_page_lists_scoring_bands_and_loinc_codes(cast):
    page = client_for(cast["evaluator"]).get(reverse("assessments:instrument_list")).content.decode()

    assert "44249-1" in page and "44261-6" in page and "96777-8" in page
    assert "Moderately severe" in page
    assert "C-SSRS screener" in page


def test_the_suicide_risk_banner_gives_the_item_9_answer_not_the_depression_score(cast):
    case = open_case(cast.caseworker)
    assessment = give(cast.caseworker, case, "phq-9", {**likert(14, 9, last_zero=True), "q9": "2"})

    page = client_for(cast.caseworker).get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    html = page.content.decode()
    banner = html[
        html.index('id="crisis-heading"') : html.index("</section>", html.index('id="crisis-heading"'))
    ]
    assert "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered" in banner
    assert "More than half the days" in banner
    assert "at or above" not in banner and "16" not in banner
    # Severity stays a finding of its own, under the result.
    result = html[html.index('id="result-heading"') :]
    assert "Score 16 is at or above 10." in result
