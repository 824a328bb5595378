"""The pure rule, on counts: no database."""

from __future__ import annotations

from scipy import stats

from tapestry.thread.signals import rule
from tapestry.thread.signals.trial import generate

FLAT = (5, 5, 5, 5, 5, 5, 5, 5)


def cell(key, observed, baseline=FLAT, group="need"):
    return rule.CountCell(key, observed, baseline, group)


def test_a_planted_strong_cluster_is_found_in_generated_data():
    world = generate(7, planted=1, ratio=6.0, mean_rate=8.0)
    found = {f.key for f in rule.find(world.cells)}
    assert world.planted <= found


def test_a_flat_background_gives_no_signal():
    world = generate(11, planted=0)
    assert rule.find(world.cells) == []


def test_expected_is_the_areas_own_baseline_mean_and_the_p_value_is_the_poisson_tail():
    (finding,) = rule.poisson_tests([cell("a", 20, (4, 6, 5, 5, 4, 6, 5, 5))], rule.config())
    assert finding.expected == 5.0
    assert finding.p_value == stats.poisson.sf(19, 5.0)


def test_a_baseline_of_zero_is_floored_and_scaled_by_the_part_of_the_period_passed():
    settings = rule.config({"min_baseline_rate": 0.5})
    (finding,) = rule.poisson_tests([cell("a", 3, (0,) * 8)], settings, exposure=0.5)
    assert finding.expected == 0.25 and 0 < finding.p_value < 1


def test_a_p_value_that_passes_alone_but_fails_after_benjamini_hochberg_is_no_signal():
    # 16 over a baseline of 8 passes alone (p about 0.008) ...
    strong = cell("cluster", 16, (8,) * 8)
    alone = rule.find([strong])
    assert [f.key for f in alone] == ["cluster"] and alone[0].p_value < 0.05
    # ... but not among 99 other tests where nothing happened: q = p x 100 / 1.
    quiet = [cell(("quiet", i), 8, (8,) * 8) for i in range(99)]
    assert rule.find([strong, *quiet]) == []
    (adjusted,) = [
        f for f in rule.adjust(rule.poisson_tests([strong, *quiet], rule.config())) if f.key == "cluster"
    ]
    assert adjusted.p_value < 0.05 < adjusted.q_value


def test_the_minimum_count_holds_however_small_the_p_value():
    # 10 cases where 0.5 are expected: p is tiny, but 10 is a suppressed count.
    assert rule.find([cell("a", 10, (0,) * 8)]) == []
    assert [f.key for f in rule.find([cell("a", 11, (0,) * 8)])] == ["a"]
    assert [f.key for f in rule.find([cell("a", 10, (0,) * 8)], settings={"min_count": 5})] == ["a"]


def test_the_minimum_ratio_holds():
    # 130 over a baseline of 100: significant, but under a ratio of 1.5.
    busy = cell("a", 130, (100,) * 8)
    assert rule.find([busy], settings={"min_ratio": 1.0})
    assert rule.find([busy]) == []


def test_the_agency_wide_change_of_a_need_scales_the_expectation_leaving_the_area_out():
    # Every other area doubled this period: the cell's own rise is then what was expected.
    cells = [cell(("area", i), 10, (5,) * 8) for i in range(5)] + [cell("here", 20, (5,) * 8)]
    scaled = {f.key: f for f in rule.poisson_tests(cells, rule.config({"agency_trend": True}))}
    assert scaled["here"].expected == 10.0
    assert {f.key: f for f in rule.poisson_tests(cells, rule.config())}["here"].expected == 5.0


def test_unanswered_referrals_are_tested_against_the_baseline_share():
    share = rule.ShareCell("housing", sent=30, unanswered=20, baseline_sent=200, baseline_unanswered=20)
    (finding,) = rule.find(shares=[share])
    assert finding.expected == 3.0
    assert finding.p_value == stats.binomtest(20, 30, 0.1, alternative="greater").pvalue
    usual = rule.ShareCell("food", sent=30, unanswered=3, baseline_sent=200, baseline_unanswered=20)
    assert rule.find(shares=[usual]) == []
