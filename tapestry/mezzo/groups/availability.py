"""How full a group is, told so that no one outside the group can work out how many are in it.

Those who run a group see its places in numbers ("11 of 12 free"): they know its members already.
Everyone else gets a band with no number in it, because any number beside another gives the count
away: capacity less places left is the number enrolled, and "full" beside the capacity is it too.
Capacity is therefore withheld from them as well (docs/mezzo-groups.md, docs/suppression.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext, gettext_lazy, ngettext


class Band(models.TextChoices):
    PLACES = "places_available", gettext_lazy("Places available")
    NEARLY_FULL = "nearly_full", gettext_lazy("Nearly full")
    FULL = "full", gettext_lazy("Full")
    WAITING = "full_waiting_list", gettext_lazy("Full, waiting list")


@dataclass(frozen=True)
class Availability:
    band: Band
    # Numbers only for those who run the group; None for everyone else.
    capacity: int | None
    seats_left: int | None

    @property
    def label(self) -> str:
        if self.capacity is None:
            return str(self.band.label)
        if self.seats_left:
            return gettext("%(left)s of %(capacity)s free") % {
                "left": self.seats_left,
                "capacity": self.capacity,
            }
        if self.band == Band.WAITING:
            text = ngettext(
                "Full (%(capacity)s place), with a waiting list",
                "Full (%(capacity)s places), with a waiting list",
                self.capacity,
            )
        else:
            text = ngettext("Full (%(capacity)s place)", "Full (%(capacity)s places)", self.capacity)
        return text % {"capacity": self.capacity}

    def __str__(self) -> str:
        return self.label


def availability(*, capacity: int, enrolled: int, waiting: int, runs: bool) -> Availability:
    """The availability of a group with these numbers, with the numbers only when `runs`."""
    seats_left = max(0, capacity - enrolled)
    if seats_left == 0:
        band = Band.WAITING if waiting else Band.FULL
    elif seats_left * 5 <= capacity:
        # Four fifths of the places or more are taken.
        band = Band.NEARLY_FULL
    else:
        band = Band.PLACES
    if runs:
        return Availability(band, capacity, seats_left)
    return Availability(band, None, None)


def group_availability(group: object) -> Availability:
    """For a group read with `enrolled_count`, `waiting_count` and `runs` (see selectors)."""
    return availability(
        capacity=group.capacity,
        enrolled=group.enrolled_count,
        waiting=group.waiting_count,
        runs=bool(getattr(group, "runs", False)),
    )
