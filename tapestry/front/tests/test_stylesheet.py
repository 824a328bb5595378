"""The stylesheet's promises, read from its own values: the focus ring's contrast and what prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[1] / "static" / "front" / "tapestry.css").read_text()


def variable(name: str) -> str:
    found = re.findall(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert len(found) == 1, f"--{name} is defined {len(found)} times"
    return found[0]


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.2)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rule(selector_start: str) -> str:
    found = re.search(re.escape(selector_start) + r"[^{]*\{([^}]*)\}", CSS)
    assert found, f"no rule starting {selector_start!r}"
    return found.group(1)


def test_contrast_is_computed_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#f0b429", "#ffffff") == pytest.approx(1.86, abs=0.01)  # the old ring


def test_the_focus_ring_on_the_page_is_3_to_1_against_white():
    ring = rule("a:focus, button:focus")
    assert "outline: 3px solid var(--focus)" in ring
    assert contrast(variable("focus"), variable("paper")) >= 3


def test_the_focus_ring_in_the_header_is_3_to_1_against_the_header_colour():
    ring = rule(".site-header a:focus")
    assert "outline-color: var(--focus-halo)" in ring
    assert contrast(variable("focus-halo"), variable("accent")) >= 3
    # Each ring's halo is the other colour, so a ring crossing from header to page still shows.
    assert "var(--focus)" in ring and "var(--focus-halo)" in rule("a:focus, button:focus")


def print_block() -> str:
    start = CSS.index("@media print {")
    return CSS[start : CSS.index("\n}\n", start)]


@pytest.mark.parametrize(
    "chrome",
    [".site-header", ".skip-link", ".site-footer", "nav", ".actions", "button", "form:not(.print-form)"],
)
def test_printing_leaves_out_the_app_chrome(chrome):
    hidden = re.search(r"\n  ([^{]*)\{ display: none !important; \}", print_block())
    assert hidden, "the print block has no rule hiding the chrome"
    assert chrome in [part.strip() for part in hidden.group(1).split(",")]


def test_printing_is_black_on_white_and_prints_only_outside_addresses():
    block = print_block()
    assert "background: #fff !important; color: #000 !important;" in block
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in block
    assert not re.search(r'a\[href\^="/"\]::after|a::after', block)


def test_tokens_that_must_not_break_have_a_class():
    assert "white-space: nowrap" in rule(".nowrap, .tel")
