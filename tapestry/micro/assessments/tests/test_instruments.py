"""The instruments score as published: totals, severity bands, flags, skip logic and codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tapestry.micro.assessments.instruments import (
    AUDIT_C,
    CSSRS_SCREEN,
    DAST10,
    GAD7,
    HRSN,
    INSTRUMENTS,
    MISSING,
    NOT_LISTED,
    PHQ2,
    PHQ9,
    Instrument,
)
from tapestry.micro.assessments.tests.factories import NO_NEEDS, likert


def answers_for(instrument: Instrument) -> st.SearchStrategy[dict[str, str]]:
    """Any complete set of answers: one listed choice for every item."""
    return st.fixed_dictionaries(
        {item.code: st.sampled_from([choice.value for choice in item.choices]) for item in instrument.items}
    )


def band_by_range(instrument: Instrument, total: int) -> str:
    return next(band.label for band in instrument.bands if band.low <= total <= band.high)


# The registry ----------------------------------------------------------------------------


def test_the_registry_holds_the_seven_instruments():
    assert set(INSTRUMENTS) == {"phq-9", "phq-2", "gad-7", "audit-c", "dast-10", "c-ssrs-screen", "ahc-hrsn"}


@pytest.mark.parametrize(
    ("code", "panel", "total"),
    [
        ("phq-9", "44249-1", "44261-6"),
        ("phq-2", "55757-9", "55758-7"),
        ("gad-7", "69737-5", "70274-6"),
        ("audit-c", "72109-2", "75626-2"),
        ("dast-10", "82666-9", "82667-7"),
        ("c-ssrs-screen", "", ""),
        ("ahc-hrsn", "96777-8", ""),
    ],
)
def test_loinc_codes_of_panel_and_total(code, panel, total):
    assert (INSTRUMENTS[code].panel_loinc, INSTRUMENTS[code].total_loinc) == (panel, total)


def test_item_codes_are_unique_and_every_item_has_choices():
    for instrument in INSTRUMENTS.values():
        codes = [item.code for item in instrument.items]
        assert len(codes) == len(set(codes)), instrument.code
        assert all(len(item.choices) >= 2 for item in instrument.items), instrument.code


@pytest.mark.parametrize(
    ("instrument", "maximum"), [(PHQ9, 27), (PHQ2, 6), (GAD7, 21), (AUDIT_C, 12), (DAST10, 10)]
)
def test_maximum_totals(instrument, maximum):
    assert instrument.max_total == maximum


@pytest.mark.parametrize("instrument", [PHQ9, PHQ2, GAD7, DAST10])
def test_bands_cover_every_total_once(instrument):
    for total in range(instrument.max_total + 1):
        assert sum(band.holds(total) for band in instrument.bands) == 1, total


# PHQ-9 -------------------------------------------------------------------------------------


@given(answers_for(PHQ9))
def test_phq9_total_is_the_sum_and_falls_in_its_band(answers):
    result = PHQ9.score(answers)
    assert result.total == sum(int(value) for value in answers.values())
    assert 0 <= result.total <= 27
    assert result.band == band_by_range(PHQ9, result.total)
    assert result.flagged == (result.total >= 10 or answers["q9"] != "0")
    assert result.crisis == (answers["q9"] != "0")


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "Minimal"), (4, "Minimal"), (5, "Mild"), (9, "Mild"), (10, "Moderate"), (14, "Moderate")]
    + [(15, "Moderately severe"), (19, "Moderately severe"), (20, "Severe"), (24, "Severe")],
)
def test_phq9_band_edges(total, band):
    result = PHQ9.score(likert(total, 9, last_zero=True))
    assert (result.total, result.band, result.flagged) == (total, band, total >= 10)


def test_phq9_item_9_above_zero_flags_suicide_risk_even_with_a_minimal_total():
    result = PHQ9.score({**likert(0, 9), "q9": "1"})

    assert (result.total, result.band) == (1, "Minimal")
    assert result.flagged and result.crisis
    assert any("Item 9" in finding for finding in result.findings)
    assert result.next_step.startswith("Item 9 was answered")


# PHQ-2 and GAD-7 ---------------------------------------------------------------------------


@given(answers_for(PHQ2))
def test_phq2_is_positive_at_three(answers):
    result = PHQ2.score(answers)
    assert 0 <= result.total <= 6
    assert result.flagged == (result.total >= 3)
    assert result.band == ("Positive" if result.total >= 3 else "Negative")


def test_a_positive_phq2_proposes_the_phq9():
    assert "PHQ-9" in PHQ2.score({"q1": "2", "q2": "1"}).next_step


@given(answers_for(GAD7))
def test_gad7_bands_and_flag(answers):
    result = GAD7.score(answers)
    assert 0 <= result.total <= 21
    assert result.band == band_by_range(GAD7, result.total)
    assert result.flagged == (result.total >= 10)


@pytest.mark.parametrize(
    ("total", "band"), [(4, "Minimal"), (5, "Mild"), (10, "Moderate"), (15, "Severe"), (21, "Severe")]
)
def test_gad7_band_edges(total, band):
    assert GAD7.score(likert(total, 7)).band == band


# AUDIT-C -----------------------------------------------------------------------------------


@given(answers_for(AUDIT_C))
def test_audit_c_cutoff_depends_on_the_chosen_sex_specific_threshold(answers):
    result = AUDIT_C.score(answers)
    # 'Never' on question 1 ends the AUDIT-C at 0: answers given to 2 and 3 anyway are ignored.
    never = answers["q1"] == "0"
    expected = 0 if never else sum(int(answers[code]) for code in ("q1", "q2", "q3"))
    assert result.total == expected
    cutoff = 4 if answers["cutoff"] == "men" else 3
    assert result.flagged == (expected >= cutoff)
    assert result.band == ("Positive" if expected >= cutoff else "Negative")


def test_audit_c_a_score_of_3_is_positive_for_women_and_negative_for_men():
    three = {"q1": "1", "q2": "1", "q3": "1"}
    assert AUDIT_C.score({**three, "cutoff": "women"}).flagged
    assert AUDIT_C.score({**three, "cutoff": "not_stated"}).flagged
    assert not AUDIT_C.score({**three, "cutoff": "men"}).flagged
    assert AUDIT_C.score({"q1": "2", "q2": "1", "q3": "1", "cutoff": "men"}).flagged


@pytest.mark.parametrize("cutoff", ["men", "women", "not_stated"])
def test_audit_c_never_on_question_1_ends_the_instrument_at_zero(cutoff):
    # Answers to 2 and 3 given anyway (the highest, 4 and 4) are ignored, not scored.
    result = AUDIT_C.score({"q1": "0", "q2": "4", "q3": "4", "cutoff": cutoff})

    assert (result.total, result.band, result.flagged, result.findings) == (0, "Negative", False, ())
    assert [(r["item"], r["answer"], r["points"]) for r in result.responses[:3]] == [
        ("q1", "Never", 0),
        ("q2", "Not asked", None),
        ("q3", "Not asked", None),
    ]
    assert AUDIT_C.kept({"q1": "0", "q2": "4", "q3": "4", "cutoff": cutoff}) == {"q1": "0", "cutoff": cutoff}


@pytest.mark.parametrize(
    ("answers", "total", "positive_for_men", "positive_for_women"),
    [
        # Worked examples in the published AUDIT-C scoring: a sum of 0-12, positive at 4 (men) or 3 (women).
        ({"q1": "1", "q2": "0", "q3": "0"}, 1, False, False),
        ({"q1": "2", "q2": "0", "q3": "1"}, 3, False, True),
        ({"q1": "2", "q2": "1", "q3": "1"}, 4, True, True),
        ({"q1": "4", "q2": "4", "q3": "4"}, 12, True, True),
    ],
)
def test_audit_c_published_scoring(answers, total, positive_for_men, positive_for_women):
    men = AUDIT_C.score({**answers, "cutoff": "men"})
    women = AUDIT_C.score({**answers, "cutoff": "women"})
    assert (men.total, men.flagged, women.flagged) == (total, positive_for_men, positive_for_women)


def test_audit_c_never_drinking_skips_questions_2_and_3():
    assert AUDIT_C.check({"q1": "0", "cutoff": "men"}) == {}
    assert AUDIT_C.check({"q1": "1", "cutoff": "men"}) == {"q2": [MISSING], "q3": [MISSING]}
    result = AUDIT_C.score({"q1": "0", "cutoff": "women"})
    assert (result.total, result.band) == (0, "Negative")


# DAST-10 -----------------------------------------------------------------------------------


@given(answers_for(DAST10))
def test_dast10_counts_yes_except_question_3_which_counts_no(answers):
    result = DAST10.score(answers)
    expected = sum(1 for code, value in answers.items() if (value == "no") == (code == "q3"))
    assert result.total == expected
    assert 0 <= result.total <= 10
    assert result.band == band_by_range(DAST10, expected)
    assert result.flagged == (expected >= 3)


@pytest.mark.parametrize(
    ("yes_count", "band"),
    [(0, "No problems reported"), (1, "Low"), (2, "Low"), (3, "Moderate"), (5, "Moderate")]
    + [(6, "Substantial"), (8, "Substantial"), (9, "Severe"), (10, "Severe")],
)
def test_dast10_bands(yes_count, band):
    # Question 3 answered 'yes' (able to stop) scores 0; the others score 1 per 'yes'.
    others = [f"q{n}" for n in range(1, 11) if n != 3]
    answers = {code: ("yes" if i < yes_count else "no") for i, code in enumerate(others)}
    answers["q3"] = "yes" if yes_count < 10 else "no"
    assert DAST10.score(answers).band == band


# C-SSRS screener ---------------------------------------------------------------------------


def cssrs(**yes: str) -> dict[str, str]:
    answers = {"q1": "no", "q2": "no", "q6": "no"}
    answers.update(yes)
    return answers


ACTIVE = {"q1": "yes", "q2": "yes", "q3": "no", "q4": "no", "q5": "no"}


def test_cssrs_all_no_is_no_risk_and_not_flagged():
    result = CSSRS_SCREEN.score(cssrs())
    assert (result.band, result.flagged, result.crisis) == ("No risk identified", False, False)


def test_cssrs_the_four_levels_of_the_published_triage():
    assert [band.label for band in CSSRS_SCREEN.bands] == [
        "No risk identified",
        "Low risk",
        "Moderate risk",
        "High risk",
    ]


@pytest.mark.parametrize(
    ("answers", "band", "crisis"),
    [
        # Columbia Protocol screener triage (screen version, recent): items 1 and 2 alone are low risk;
        # 3, or behaviour over 3 months ago, moderate; 4, 5, or behaviour in the past 3 months, high.
        (cssrs(q1="yes"), "Low risk", False),
        (cssrs(q2="yes", q3="no", q4="no", q5="no"), "Low risk", False),
        (cssrs(**ACTIVE), "Low risk", False),
        (cssrs(**{**ACTIVE, "q3": "yes"}), "Moderate risk", True),
        (cssrs(q6="yes_over_3_months"), "Moderate risk", True),
        (cssrs(**{**ACTIVE, "q3": "yes"}, q6="yes_over_3_months"), "Moderate risk", True),
        (cssrs(**{**ACTIVE, "q4": "yes"}), "High risk", True),
        (cssrs(**{**ACTIVE, "q5": "yes"}), "High risk", True),
        (cssrs(q6="yes_past_3_months"), "High risk", True),
        (cssrs(**{**ACTIVE, "q3": "yes"}, q6="yes_past_3_months"), "High risk", True),
        (cssrs(**{**ACTIVE, "q4": "yes"}, q6="yes_over_3_months"), "High risk", True),
    ],
)
def test_cssrs_triage_follows_the_published_screener(answers, band, crisis):
    result = CSSRS_SCREEN.score(answers)
    assert (result.band, result.flagged, result.crisis) == (band, True, crisis)


def test_cssrs_findings_say_which_answers_set_the_level():
    past = CSSRS_SCREEN.score(cssrs(q6="yes_past_3_months"))
    over = CSSRS_SCREEN.score(cssrs(q6="yes_over_3_months"))
    method = CSSRS_SCREEN.score(cssrs(**{**ACTIVE, "q3": "yes"}))

    assert past.findings == ("Yes to item 6: suicidal behaviour within the past 3 months.",)
    assert over.findings == ("Yes to item 6: suicidal behaviour more than 3 months ago.",)
    assert method.findings[0] == "Yes to item 3 (thoughts of a method)."
    assert "High risk" not in method.band and "do not leave the person alone" not in method.next_step


def test_cssrs_items_3_to_5_are_asked_only_after_a_yes_to_item_2():
    assert CSSRS_SCREEN.check(cssrs()) == {}
    missing = CSSRS_SCREEN.check(cssrs(q2="yes"))
    assert missing == {"q3": [MISSING], "q4": [MISSING], "q5": [MISSING]}


def test_cssrs_answers_to_3_to_5_after_a_no_to_2_still_count_on_the_side_of_safety():
    result = CSSRS_SCREEN.score(cssrs(q4="yes"))
    assert (result.band, result.crisis) == ("High risk", True)


@given(answers_for(CSSRS_SCREEN))
def test_cssrs_levels_over_every_set_of_answers(answers):
    result = CSSRS_SCREEN.score(answers)
    high = "yes" in (answers["q4"], answers["q5"]) or answers["q6"] == "yes_past_3_months"
    moderate = not high and (answers["q3"] == "yes" or answers["q6"] == "yes_over_3_months")
    low = not (high or moderate) and "yes" in (answers["q1"], answers["q2"])
    expected = (
        "High risk" if high else "Moderate risk" if moderate else "Low risk" if low else "No risk identified"
    )
    assert result.band == expected
    assert result.crisis == (high or moderate)
    assert result.flagged == (high or moderate or low)
    assert 0 <= result.total <= 6


# Social needs ------------------------------------------------------------------------------


def test_hrsn_with_no_needs_proposes_nothing_to_add():
    result = HRSN.score(NO_NEEDS)
    assert (result.total, result.band, result.flagged, result.needs) == (0, "No needs found", False, ())


@pytest.mark.parametrize(
    ("answers", "need"),
    [
        ({"living": "worried"}, "housing-instability"),
        ({"living": "none"}, "housing-instability"),
        ({"problems": "yes"}, "inadequate-housing"),
        ({"food_worry": "sometimes"}, "food-insecurity"),
        ({"food_ran_out": "often"}, "food-insecurity"),
        ({"transport": "yes"}, "transportation"),
        ({"utilities": "yes"}, "utility-payment-difficulty"),
        ({"s1": "3", "s2": "3", "s3": "3", "s4": "2"}, "domestic-violence"),
    ],
)
def test_hrsn_maps_answers_to_needs(answers, need):
    result = HRSN.score({**NO_NEEDS, **answers})
    assert result.needs == (need,)
    assert (result.total, result.band, result.flagged) == (1, "Needs found", True)


def test_hrsn_safety_score_of_10_is_not_positive():
    result = HRSN.score({**NO_NEEDS, "s1": "3", "s2": "3", "s3": "2", "s4": "2"})
    assert "domestic-violence" not in result.needs


def test_hrsn_food_is_one_need_however_many_food_answers_show_it():
    result = HRSN.score({**NO_NEEDS, "food_worry": "often", "food_ran_out": "often", "transport": "yes"})
    assert result.needs == ("food-insecurity", "transportation")
    assert result.total == 2


# Bad input ---------------------------------------------------------------------------------


def test_check_reports_missing_unlisted_and_unknown_items_by_code():
    errors = GAD7.check({**likert(0, 7), "q2": "", "q3": "7", "q8": "1"})
    assert errors == {
        "q2": [MISSING],
        "q3": [NOT_LISTED],
        "q8": ["This question is not part of the GAD-7."],
    }


def test_scoring_incomplete_answers_is_refused():
    with pytest.raises(ValueError, match="incomplete"):
        PHQ9.score({"q1": "1"})


def test_answers_may_be_given_as_numbers():
    assert PHQ2.score({"q1": 2, "q2": 1}).total == 3


def test_hrsn_a_shut_off_already_done_is_both_difficulty_paying_and_a_home_without_the_utility():
    result = HRSN.score({**NO_NEEDS, "utilities": "shut_off"})
    assert result.needs == ("utility-payment-difficulty", "utilities")
    assert (result.total, result.band) == (2, "Needs found")


def test_hrsn_most_needs_at_once_stay_in_the_needs_found_band():
    every = {
        "living": "none",
        "problems": "yes",
        "food_worry": "often",
        "transport": "yes",
        "utilities": "shut_off",
        **{code: "5" for code in ("s1", "s2", "s3", "s4")},
    }
    result = HRSN.score({**NO_NEEDS, **every})
    assert result.total == HRSN.max_total == 7
    assert result.band == "Needs found"
