"""The genogram: a household's members by generation, joined by their family ties."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.micro.timeline.diagrams.palette import INK, MUTED, PAPER, STRAIN, STRAIN_DASH, WASH
from tapestry.micro.timeline.diagrams.shapes import Box, Drawing, LegendEntry, Path, Text, short
from tapestry.people.mentions import member_mention
from tapestry.people.models import HouseholdMember, Person, Relationship

# A relationship read from the other end, turned so that the older generation comes first.
_TURNED = {
    Relationship.Kind.CHILD: Relationship.Kind.PARENT,
    Relationship.Kind.GRANDCHILD: Relationship.Kind.GRANDPARENT,
    Relationship.Kind.CARED_FOR: Relationship.Kind.CAREGIVER,
    Relationship.Kind.WARD: Relationship.Kind.GUARDIAN,
    Relationship.Kind.FOSTER_CHILD: Relationship.Kind.FOSTER_PARENT,
}
_SYMMETRIC = {
    Relationship.Kind.PARTNER,
    Relationship.Kind.FORMER_PARTNER,
    Relationship.Kind.SIBLING,
    Relationship.Kind.FRIEND,
    Relationship.Kind.OTHER,
}
# Generations apart (older first); partners and siblings share a generation.
_GENERATION_GAP = {
    Relationship.Kind.PARENT: 1,
    Relationship.Kind.FOSTER_PARENT: 1,
    Relationship.Kind.GRANDPARENT: 2,
    Relationship.Kind.PARTNER: 0,
    Relationship.Kind.FORMER_PARTNER: 0,
    Relationship.Kind.SIBLING: 0,
}
# Where a member with no family tie on record goes: adults above children.
_POSITION_ROW = {
    HouseholdMember.Position.HEAD: 0,
    HouseholdMember.Position.PARTNER: 0,
    HouseholdMember.Position.OTHER_ADULT: 0,
    HouseholdMember.Position.CHILD: 1,
    HouseholdMember.Position.OTHER_CHILD: 1,
}
_POSITION_ORDER = list(_POSITION_ROW)

GENO_NODE = (168, 62)
GENO_GAP = (40, 104)
GENO_MARGIN = 28
CARE = "#1a7f37"


@dataclass(frozen=True)
class Tie:
    """One relationship between two household members, older generation first for directed kinds."""

    kind: str
    first: int
    second: int
    no_contact: bool
    is_current: bool
    notes: str

    @property
    def label(self) -> str:
        return Relationship.Kind(self.kind).label


def household_ties(relationships: Iterable[Relationship]) -> list[Tie]:
    """The relationships as ties, one per pair and kind (a link recorded from both ends counts once)."""
    ties: dict[tuple[str, int, int], Tie] = {}
    for relationship in relationships:
        kind, first, second = relationship.kind, relationship.from_person_id, relationship.to_person_id
        if kind in _TURNED:
            kind, first, second = _TURNED[kind], second, first
        if kind in _SYMMETRIC and first > second:
            first, second = second, first
        key = (kind, first, second)
        seen = ties.get(key)
        ties[key] = Tie(
            kind=kind,
            first=first,
            second=second,
            no_contact=relationship.no_contact or (seen is not None and seen.no_contact),
            is_current=relationship.is_current and (seen is None or seen.is_current),
            notes=relationship.notes or (seen.notes if seen else ""),
        )
    return list(ties.values())


def generations(members: Sequence[HouseholdMember], ties: Sequence[Tie]) -> dict[int, int]:
    """Each member's row, 0 at the top: parents above children, then household position for the rest.

    Each group of members linked by family ties is laid out from its ties, then shifted so that
    it agrees as well as it can with the household positions (adults above children).
    """
    ids = [member.person_id for member in members]
    hint = {member.person_id: _POSITION_ROW.get(member.position, 0) for member in members}
    edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for tie in ties:
        gap = _GENERATION_GAP.get(tie.kind)
        if gap is not None:
            edges[tie.first].append((tie.second, gap))
            edges[tie.second].append((tie.first, -gap))
    row: dict[int, int] = {}
    for start in ids:
        if start in row:
            continue
        group = {start: 0}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for other, gap in edges[current]:
                # The first tie to reach someone places them; a contradicting tie later is ignored.
                if other not in group:
                    group[other] = group[current] + gap
                    queue.append(other)
        shifts = sorted(hint[pid] - level for pid, level in group.items())
        shift = shifts[(len(shifts) - 1) // 2]
        row.update({pid: level + shift for pid, level in group.items()})
    top = min(row.values(), default=0)
    return {pid: level - top for pid, level in row.items()}


def _age(person: Person) -> str:
    if not person.date_of_birth:
        return ""
    today = timezone.localdate()
    born = person.date_of_birth
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return gettext("b. %(year)s, age %(years)s") % {"year": born.year, "years": years}


def _row_order(
    rows: dict[int, list[HouseholdMember]], ties: Sequence[Tie], rank: dict[int, int]
) -> dict[int, list[HouseholdMember]]:
    """Members in each row: children under their parents, partners side by side."""
    parents: dict[int, list[int]] = defaultdict(list)
    partners: dict[int, list[int]] = defaultdict(list)
    for tie in ties:
        if _GENERATION_GAP.get(tie.kind, 0) > 0:
            parents[tie.second].append(tie.first)
        elif tie.kind in (Relationship.Kind.PARTNER, Relationship.Kind.FORMER_PARTNER):
            partners[tie.first].append(tie.second)
            partners[tie.second].append(tie.first)
    slot: dict[int, float] = {}

    def under_parents(member: HouseholdMember) -> float:
        placed = [slot[p] for p in parents[member.person_id] if p in slot]
        return sum(placed) / len(placed) if placed else math.inf

    ordered: dict[int, list[HouseholdMember]] = {}
    for level in sorted(rows):
        members = sorted(rows[level], key=lambda m: rank[m.person_id])
        members.sort(key=under_parents)
        by_id = {member.person_id: member for member in members}
        line: list[HouseholdMember] = []
        for member in members:
            if member in line:
                continue
            line.append(member)
            line.extend(by_id[p] for p in partners[member.person_id] if p in by_id and by_id[p] not in line)
        for index, member in enumerate(line):
            slot[member.person_id] = index - (len(line) - 1) / 2
        ordered[level] = line
    return ordered


_TIE_STYLE: dict[str, tuple[str, float, str]] = {
    Relationship.Kind.PARENT: (INK, 2, ""),
    Relationship.Kind.FOSTER_PARENT: (CARE, 2, "6 4"),
    Relationship.Kind.GUARDIAN: (CARE, 2, "6 4"),
    Relationship.Kind.CAREGIVER: (CARE, 2, "6 4"),
    Relationship.Kind.GRANDPARENT: (MUTED, 1.5, "2 4"),
    Relationship.Kind.PARTNER: (INK, 3, ""),
    Relationship.Kind.FORMER_PARTNER: (INK, 2, ""),
    Relationship.Kind.SIBLING: (INK, 2, "2 3"),
}
_OTHER_STYLE = (MUTED, 1.5, "")

GENOGRAM_LEGEND = [
    LegendEntry(gettext_lazy("Parent and child (lines join under the parents)"), INK, 2),
    LegendEntry(pgettext_lazy("relationship", "Partners"), INK, 3),
    LegendEntry(gettext_lazy("Former partners (two strokes across the line)"), INK, 2, slashes=True),
    LegendEntry(gettext_lazy("Siblings"), INK, 2, "2 3"),
    LegendEntry(gettext_lazy("Foster parent, guardian or caregiver"), CARE, 2, "6 4"),
    LegendEntry(gettext_lazy("Grandparent, where no parent between them lives here"), MUTED, 1.5, "2 4"),
    LegendEntry(gettext_lazy("Friend or other tie"), MUTED, 1.5),
    LegendEntry(gettext_lazy("No contact (protection order or similar)"), STRAIN, 3, STRAIN_DASH),
    LegendEntry(gettext_lazy("Has left the household"), INK, 1.5, "5 4", fill=PAPER, shape="box"),
    LegendEntry(gettext_lazy("Outside your caseload (name only)"), MUTED, 1.5, fill=WASH, shape="box"),
]


@dataclass(frozen=True)
class _Spot:
    x: int  # left edge
    y: int  # top edge
    row: int
    index: int

    @property
    def centre(self) -> int:
        return self.x + GENO_NODE[0] // 2


def genogram_drawing(
    title: str, members: Sequence[HouseholdMember], ties: Sequence[Tie], rows: dict[int, int]
) -> Drawing:
    """Members as labelled boxes in generation rows, with the household's ties between them.

    Everyone gets the same shape: the record holds gender identity as the person states it,
    so the picture does not sort people into squares and circles (see docs/micro-timeline.md).
    """
    rank = {
        member.person_id: (
            _POSITION_ORDER.index(member.position) if member.position in _POSITION_ORDER else 99,
            member.person.display_name,
            member.person_id,
        )
        for member in members
    }
    rank_index = {pid: index for index, pid in enumerate(sorted(rank, key=rank.get))}
    by_row: dict[int, list[HouseholdMember]] = defaultdict(list)
    for member in members:
        by_row[rows[member.person_id]].append(member)
    ordered = _row_order(by_row, ties, rank_index)
    node_w, node_h = GENO_NODE
    gap_x, gap_y = GENO_GAP
    widest = max((len(line) for line in ordered.values()), default=1)
    width = max(520, widest * node_w + (widest - 1) * gap_x + 2 * GENO_MARGIN)
    row_count = max(ordered, default=0) + 1
    height = row_count * node_h + (row_count - 1) * gap_y + 2 * GENO_MARGIN
    spots: dict[int, _Spot] = {}
    for level, line in ordered.items():
        line_width = len(line) * node_w + (len(line) - 1) * gap_x
        left = (width - line_width) // 2
        for index, member in enumerate(line):
            spots[member.person_id] = _Spot(
                left + index * (node_w + gap_x), GENO_MARGIN + level * (node_h + gap_y), level, index
            )
    drawing = Drawing(
        width=width,
        height=height,
        title=gettext("Genogram of %(name)s") % {"name": title},
        description=gettext(
            "%(members)s members in %(rows)s generation rows, older generations above; "
            "the tables below list the same members and relationships."
        )
        % {"members": len(members), "rows": row_count},
        legend=list(GENOGRAM_LEGEND),
    )
    drawing.paths.extend(_tie_paths(ties, spots))
    for member in members:
        spot = spots[member.person_id]
        person = member.person
        shown = member_mention(member)
        visible = shown.shown
        # Outside the viewer's caseload a member is their place in the household only, as on its page.
        age = _age(person) if visible else ""
        details = ", ".join(part for part in (age, gettext("left") if member.left_on else "") if part)
        texts = [
            Text(
                spot.centre, spot.y + 20, short(shown.name or gettext("Outside your caseload"), 22), bold=True
            ),
            Text(spot.centre, spot.y + 37, short(member.get_position_display(), 26), size=12, fill=MUTED),
        ]
        if details:
            texts.append(Text(spot.centre, spot.y + 53, short(details, 28), size=12, fill=MUTED))
        drawing.boxes.append(
            Box(
                x=spot.x,
                y=spot.y,
                width=node_w,
                height=node_h,
                fill=PAPER if visible else WASH,
                stroke=INK if visible else MUTED,
                dash="5 4" if member.left_on else "",
                title=f"{shown}, {member.get_position_display().lower()}",
                url=reverse("people:person_detail", args=[person.pk]) if visible else "",
                texts=tuple(texts),
            )
        )
    return drawing


def _tie_paths(ties: Sequence[Tie], spots: dict[int, _Spot]) -> list[Path]:
    node_w, node_h = GENO_NODE
    gap_y = GENO_GAP[1]
    paths: list[Path] = []
    parents_of: dict[int, set[int]] = defaultdict(set)
    partnered: set[frozenset[int]] = set()
    for tie in ties:
        if tie.kind == Relationship.Kind.PARENT:
            parents_of[tie.second].add(tie.first)
        elif tie.kind in (Relationship.Kind.PARTNER, Relationship.Kind.FORMER_PARTNER):
            partnered.add(frozenset((tie.first, tie.second)))

    def style(tie: Tie) -> tuple[str, float, str]:
        if tie.no_contact:
            return (STRAIN, 3, STRAIN_DASH)
        return _TIE_STYLE.get(tie.kind, _OTHER_STYLE)

    def adjacent(a: _Spot, b: _Spot) -> bool:
        return a.row == b.row and abs(a.index - b.index) == 1

    for tie in ties:
        a, b = spots[tie.first], spots[tie.second]
        stroke, width, dash = style(tie)
        if tie.kind == Relationship.Kind.PARENT and not tie.no_contact and a.row < b.row:
            # Descent lines leave from the middle of the parents' partner line when both parents
            # are partners side by side, otherwise from the parent; they turn at the half-way bar.
            other_parents = [p for p in parents_of[tie.second] if p != tie.first]
            pair = next(
                (
                    spots[p]
                    for p in other_parents
                    if frozenset((tie.first, p)) in partnered and adjacent(a, spots[p])
                ),
                None,
            )
            bar = b.y - gap_y // 2
            if pair is not None:
                start_x, start_y = (a.centre + pair.centre) // 2, a.y + node_h // 2
            else:
                start_x, start_y = a.centre, a.y + node_h
            paths.append(
                Path(
                    f"M {start_x} {start_y} L {start_x} {bar} L {b.centre} {bar} L {b.centre} {b.y}",
                    stroke,
                    width,
                    dash,
                )
            )
            continue
        if tie.kind == Relationship.Kind.GRANDPARENT and not tie.no_contact:
            middle = parents_of[tie.second] & {
                child for child, parents in parents_of.items() if tie.first in parents
            }
            if middle:
                continue  # the two parent lines already show it
        paths.extend(
            _connector(a, b, stroke, width, dash, slashes=tie.kind == Relationship.Kind.FORMER_PARTNER)
        )
    return paths


def _connector(a: _Spot, b: _Spot, stroke: str, width: float, dash: str, *, slashes: bool) -> list[Path]:
    node_w, node_h = GENO_NODE
    if a.row == b.row:
        left, right = (a, b) if a.index < b.index else (b, a)
        if right.index - left.index == 1:
            y = left.y + node_h // 2
            x1, x2 = left.x + node_w, right.x
            paths = [Path(f"M {x1} {y} L {x2} {y}", stroke, width, dash)]
            if slashes:
                mid = (x1 + x2) // 2
                paths += [
                    Path(f"M {mid + dx - 4} {y + 8} L {mid + dx + 4} {y - 8}", stroke, 2) for dx in (-4, 4)
                ]
            return paths
        # Further apart in the row: an arc above the boxes, clear of the lines that come down to them.
        x1, x2, top = left.centre + 36, right.centre - 36, left.y
        lift = 26 + 6 * (right.index - left.index)
        d = f"M {x1} {top} C {x1} {top - lift}, {x2} {top - lift}, {x2} {top}"
        paths = [Path(d, stroke, width, dash)]
        if slashes:
            mid = (x1 + x2) // 2
            apex = top - lift * 3 // 4
            paths += [
                Path(f"M {mid + dx - 4} {apex + 8} L {mid + dx + 4} {apex - 8}", stroke, 2) for dx in (-4, 4)
            ]
        return paths
    upper, lower = (a, b) if a.row < b.row else (b, a)
    # Offset from the centres, so a care or no-contact line does not hide a descent line.
    x1, x2 = upper.centre + 18, lower.centre + 18
    return [Path(f"M {x1} {upper.y + node_h} L {x2} {lower.y}", stroke, width, dash)]
