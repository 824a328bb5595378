"""The ecomap: the person in the middle, their connections on rings around them, grouped by kind."""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.cases.hooks import EcomapLink
from tapestry.micro.timeline.diagrams.palette import INK, MUTED, PAPER, STRAIN, STRAIN_DASH, WASH
from tapestry.micro.timeline.diagrams.shapes import Box, Drawing, LegendEntry, Path, Text, short
from tapestry.people.models import Person

# kind: (legend label, fill, stroke); a kind no one planned for is drawn as "other".
ECOMAP_KINDS: dict[str, tuple[str, str, str]] = {
    "family": (gettext_lazy("Family and household"), "#dbe9f6", "#1f5f8b"),
    "worker": (gettext_lazy("Workers"), "#d8f1f6", "#0a6b7e"),
    "service": (gettext_lazy("Services"), "#dcf3e1", "#1a7f37"),
    "group": (gettext_lazy("Groups"), "#ece4fb", "#6639ba"),
    "organisation": (gettext_lazy("Organisations"), "#fbefd9", "#7d4e00"),
    "school": (gettext_lazy("Schools"), "#fbe3ef", "#99286e"),
    "court": (gettext_lazy("Courts"), "#e9ecef", "#424a53"),
}
OTHER_KIND = (gettext_lazy("Other"), WASH, MUTED)
ECOMAP_NODE = (176, 46)
ECOMAP_CENTRE = (200, 60)
ECOMAP_MARGIN = 20
# One ring grows with the number of connections up to this width; beyond it, rings nest.
SMALLEST_RING = (240, 170)
WIDEST_SINGLE_RING = 480
FIRST_RING = (300, 190)
RING_STEP = (180, 105)


def ecomap_kind_label(kind: str) -> str:
    return str(ECOMAP_KINDS.get(kind, OTHER_KIND)[0])


def _ring_capacity(rx: int) -> int:
    """How many nodes fit round a ring before neighbours' labels overlap (tightest at top and bottom)."""
    return max(1, int(2 * math.pi * rx / (ECOMAP_NODE[0] + 12)))


def _rings(count: int) -> list[tuple[int, int, int]]:
    """(rx, ry, nodes) for each ring, inner first, with the nodes shared out by each ring's room."""
    if count <= _ring_capacity(WIDEST_SINGLE_RING):
        rx = max(SMALLEST_RING[0], math.ceil(count * (ECOMAP_NODE[0] + 12) / (2 * math.pi)))
        return [(rx, max(SMALLEST_RING[1], round(rx * 0.62)), count)]
    radii: list[tuple[int, int]] = []
    while sum(_ring_capacity(rx) for rx, _ in radii) < count:
        ring = len(radii)
        radii.append((FIRST_RING[0] + ring * RING_STEP[0], FIRST_RING[1] + ring * RING_STEP[1]))
    room = sum(_ring_capacity(rx) for rx, _ in radii)
    shares = [count * _ring_capacity(rx) // room for rx, _ in radii]
    for index in range(count - sum(shares)):  # the remainder goes to the outer rings, which have most room
        shares[-1 - index % len(shares)] += 1
    return [(rx, ry, share) for (rx, ry), share in zip(radii, shares, strict=True)]


def ecomap_drawing(person: Person, links: Sequence[EcomapLink]) -> Drawing:
    """The person in the middle, each connection on a ring around them, grouped by kind."""
    order = {kind: index for index, kind in enumerate(ECOMAP_KINDS)}
    links = sorted(links, key=lambda link: (order.get(link.kind, len(order)), link.label))
    rings = _rings(len(links))
    outer_rx, outer_ry, _ = rings[-1]
    node_w, node_h = ECOMAP_NODE
    width = 2 * (outer_rx + node_w // 2 + ECOMAP_MARGIN)
    height = 2 * (outer_ry + node_h // 2 + ECOMAP_MARGIN)
    cx, cy = width // 2, height // 2
    drawing = Drawing(
        width=width,
        height=height,
        title=gettext("Ecomap of %(name)s") % {"name": person.display_name},
        description=gettext(
            "%(name)s in the centre with %(count)s connections around them; "
            "strained connections are dashed red lines. The table lists the same connections."
        )
        % {"name": person.display_name, "count": len(links)},
    )
    placed = 0
    for ring, (rx, ry, count) in enumerate(rings):
        if not count:
            continue
        # Alternate rings start half a step round, so their nodes sit between the inner ones.
        offset = math.pi / count if ring % 2 else 0
        for index in range(count):
            link = links[placed + index]
            angle = -math.pi / 2 + offset + 2 * math.pi * index / count
            x, y = round(cx + rx * math.cos(angle)), round(cy + ry * math.sin(angle))
            label, fill, stroke = ECOMAP_KINDS.get(link.kind, OTHER_KIND)
            label = str(label)
            drawing.paths.append(
                Path(
                    d=f"M {cx} {cy} L {x} {y}",
                    stroke=STRAIN if link.stressful else MUTED,
                    width=3 if link.stressful else 2,
                    dash=STRAIN_DASH if link.stressful else "",
                )
            )
            subtitle = gettext("%(kind)s: strained") % {"kind": label} if link.stressful else label
            drawing.boxes.append(
                Box.around(
                    (x, y),
                    ECOMAP_NODE,
                    fill=fill,
                    stroke=STRAIN if link.stressful else stroke,
                    stroke_width=2.5 if link.stressful else 1.5,
                    title=f"{link.label} ({subtitle}){': ' + link.detail if link.detail else ''}",
                    url=link.url,
                    texts=(
                        Text(x, y - 4, short(link.label, 24), bold=True),
                        Text(x, y + 13, short(subtitle, 28), size=12, fill=MUTED),
                    ),
                )
            )
        placed += count
    drawing.boxes.append(
        Box.around(
            (cx, cy),
            ECOMAP_CENTRE,
            fill="#1f5f8b",
            stroke=INK,
            stroke_width=2,
            title=person.display_name,
            texts=(Text(cx, cy + 5, short(person.display_name, 24), bold=True, size=15, fill=PAPER),),
        )
    )
    kinds_present = {link.kind if link.kind in ECOMAP_KINDS else "" for link in links}
    for kind, (label, fill, stroke) in ECOMAP_KINDS.items():
        if kind in kinds_present:
            drawing.legend.append(LegendEntry(label, stroke, fill=fill, shape="box"))
    if "" in kinds_present:
        drawing.legend.append(LegendEntry(OTHER_KIND[0], OTHER_KIND[2], fill=OTHER_KIND[1], shape="box"))
    drawing.legend.append(LegendEntry(gettext("Connection"), MUTED))
    drawing.legend.append(
        LegendEntry(gettext("Strained connection (e.g. no contact)"), STRAIN, 3, STRAIN_DASH)
    )
    return drawing
