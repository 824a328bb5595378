"""The plain shapes a diagram is laid out in.

No script and no style attributes: every colour, width and dash is an SVG presentation
attribute, so the pictures pass the content-security policy and print as they show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tapestry.micro.timeline.diagrams.palette import INK


@dataclass(frozen=True)
class Text:
    x: int
    y: int
    text: str
    bold: bool = False
    size: int = 13
    fill: str = INK


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int
    fill: str
    stroke: str
    title: str
    texts: tuple[Text, ...]
    url: str = ""
    dash: str = ""
    stroke_width: float = 1.5

    @classmethod
    def around(cls, centre: tuple[int, int], size: tuple[int, int], **fields: Any) -> Box:
        """A box of `size` (width, height) centred on `centre` (x, y)."""
        (x, y), (width, height) = centre, size
        return cls(x=x - width // 2, y=y - height // 2, width=width, height=height, **fields)


@dataclass(frozen=True)
class Path:
    d: str
    stroke: str
    width: float = 2
    dash: str = ""


@dataclass(frozen=True)
class LegendEntry:
    label: str
    stroke: str
    width: float = 2
    dash: str = ""
    fill: str = "none"
    shape: str = "line"  # "line" or "box"
    slashes: bool = False


@dataclass
class Drawing:
    width: int
    height: int
    title: str
    description: str
    paths: list[Path] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
