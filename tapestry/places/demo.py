"""Demo areas: six made-up neighbourhoods over the synthetic postcodes 00801 to 00830, the county that
holds them and a school district, each with a made-up boundary drawn around its postcodes' grid cells."""

from __future__ import annotations

from tapestry.demo.context import DemoContext
from tapestry.places import services
from tapestry.places.models import Area
from tapestry.places.postcodes import COLUMNS, LATITUDE_STEP, LONGITUDE_STEP, demo_centroids

DEMO_ORGANISER = "community_organiser"
COUNTY = ("DC-01", "Demo County")
# (code, name, grid rows, grid columns) over the 5 x 6 grid of demo postcodes, row 0 in the south.
NEIGHBOURHOODS = (
    ("N-SW", "Riverside South", (0, 1), (0, 1)),
    ("N-S", "Millbrook", (0, 1), (2, 3)),
    ("N-SE", "Harbour Flats", (0, 1), (4, 5)),
    ("N-NW", "Old Town", (2, 3, 4), (0, 1)),
    ("N-N", "Ashgrove", (2, 3, 4), (2, 3)),
    ("N-NE", "Eastfield Heights", (2, 3, 4), (4, 5)),
)
SCHOOL_DISTRICT = ("SD-W", "Westside School District", (0, 1, 2, 3, 4), (0, 1, 2))


def _cells(rows: tuple[int, ...], columns: tuple[int, ...]) -> list[tuple[str, float, float]]:
    grid = demo_centroids()
    return [
        (grid[row * COLUMNS + column][0], *grid[row * COLUMNS + column][2:])
        for row in rows
        for column in columns
    ]


def _outline(rows: tuple[int, ...], columns: tuple[int, ...]) -> dict:
    """A made-up polygon around the grid cells: a box with one corner cut, so no two look alike."""
    cells = _cells(rows, columns)
    south = min(lat for _, lat, _ in cells) - LATITUDE_STEP / 2
    north = max(lat for _, lat, _ in cells) + LATITUDE_STEP / 2
    west = min(lon for _, _, lon in cells) - LONGITUDE_STEP / 2
    east = max(lon for _, _, lon in cells) + LONGITUDE_STEP / 2
    cut = round(LONGITUDE_STEP / 4, 4)
    ring = [
        [round(west, 4), round(south, 4)],
        [round(east - cut, 4), round(south, 4)],
        [round(east, 4), round(south + cut, 4)],
        [round(east, 4), round(north, 4)],
        [round(west, 4), round(north, 4)],
        [round(west, 4), round(south, 4)],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def seed(ctx: DemoContext) -> str:
    """Add the demo areas once (a second run finds the county and adds nothing)."""
    if Area.objects.filter(kind=Area.Kind.COUNTY, code=COUNTY[0]).exists():
        return ""
    actor = ctx.staff[DEMO_ORGANISER]
    everywhere = (0, 1, 2, 3, 4), tuple(range(COLUMNS))
    # The county also holds the rest of the demo agency's made-up postcodes (00100 to 00999).
    county = services.area_create(
        actor=actor,
        kind=Area.Kind.COUNTY,
        code=COUNTY[0],
        name=COUNTY[1],
        boundary=_outline(*everywhere),
        postcodes=[f"{n:05d}" for n in range(100, 1000) if not 801 <= n <= 830],
    )
    for code, name, rows, columns in NEIGHBOURHOODS:
        services.area_create(
            actor=actor,
            kind=Area.Kind.NEIGHBOURHOOD,
            code=code,
            name=name,
            parent=county,
            boundary=_outline(rows, columns),
            postcodes=[postcode for postcode, _, _ in _cells(rows, columns)],
        )
    code, name, rows, columns = SCHOOL_DISTRICT
    services.area_create(
        actor=actor,
        kind=Area.Kind.SCHOOL_DISTRICT,
        code=code,
        name=name,
        boundary=_outline(rows, columns),
        postcodes=[postcode for postcode, _, _ in _cells(rows, columns)],
    )
    return f"{len(NEIGHBOURHOODS) + 2} areas"
