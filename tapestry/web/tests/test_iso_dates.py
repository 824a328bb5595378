"""Date fields are typed and shown as yyyy-mm-dd, the format every page prints, whatever the browser's locale."""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from tapestry.web.forms import DATE_INPUT, ISO_DATE_PATTERN


class VisitForm(forms.Form):
    visited_on = forms.DateField(widget=DATE_INPUT)


def test_the_field_is_text_with_the_iso_format_as_placeholder_and_pattern():
    html = str(VisitForm(initial={"visited_on": dt.date(2026, 3, 4)})["visited_on"])

    assert 'type="text"' in html and 'type="date"' not in html
    assert 'value="2026-03-04"' in html
    assert 'placeholder="yyyy-mm-dd"' in html and 'inputmode="numeric"' in html
    assert f'pattern="{ISO_DATE_PATTERN}"' in html


def test_the_pattern_takes_an_iso_date_and_nothing_in_the_us_order():
    assert re.fullmatch(ISO_DATE_PATTERN, "2026-03-04")
    assert not re.fullmatch(ISO_DATE_PATTERN, "03/04/2026")


def test_an_iso_date_typed_in_is_read_as_that_day():
    form = VisitForm(data={"visited_on": "2026-03-04"})

    assert form.is_valid() and form.cleaned_data["visited_on"] == dt.date(2026, 3, 4)


def test_a_date_that_is_not_a_date_is_an_error_by_the_field():
    form = VisitForm(data={"visited_on": "2026-02-30"})

    assert not form.is_valid() and "visited_on" in form.errors
