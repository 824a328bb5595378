"""Chart text and the reasons a count is hidden, in Spanish (issue 12, item 10)."""

from __future__ import annotations

from django.utils import translation

from tapestry.evidence.charts import choropleth
from tapestry.evidence.grid import DERIVABLE, reason_text, why_small
from tapestry.evidence.suppression import Cell

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def test_the_map_legend_speaks_spanish():
    with translation.override("es"):
        drawn = str(choropleth(chart_id="m", title="Mapa", areas=[(Cell("Norte", None), SQUARE)]))
        empty = str(choropleth(chart_id="e", title="Mapa", areas=[(Cell("Norte", 3), None)]))
    assert "Conteo" in drawn and "Suprimido: menos de" in drawn and "suprimido (menos de" in drawn
    assert "Count" not in drawn and "Suppressed" not in drawn
    assert "Todavía ningún área tiene un límite." in empty


def test_a_reason_is_worked_out_in_english_and_shown_in_spanish():
    why = why_small("in the denominator")
    assert why.startswith("fewer than ")
    with translation.override("es"):
        assert reason_text(why).startswith("menos de ") and reason_text(why).endswith("en el denominador")
        assert reason_text(DERIVABLE).startswith("oculto para que")
        assert reason_text("something else") == "something else"
    assert reason_text(why) == why
