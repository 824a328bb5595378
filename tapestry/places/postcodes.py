"""The synthetic postcode centre points of the demo region, loaded by a data migration.

Thirty made-up postcodes, 00801 to 00830, on a grid about 3 km apart around a made-up centre
(latitude 40.0, longitude -75.0). They stand for no real place; an agency loads its own table.
"""

from __future__ import annotations

CENTRE = (40.0, -75.0)
TOWNS = ("Riverton", "Eastfield", "Port Ainsley")
COLUMNS = 6
LATITUDE_STEP = 0.03  # about 3.3 km
LONGITUDE_STEP = 0.04  # about 3.4 km at this latitude


def demo_centroids() -> list[tuple[str, str, float, float]]:
    """(postcode, place, latitude, longitude) for each synthetic postcode."""
    rows = []
    for index in range(30):
        row, column = divmod(index, COLUMNS)
        latitude = round(CENTRE[0] + (row - 2) * LATITUDE_STEP, 4)
        longitude = round(CENTRE[1] + (column - 2.5) * LONGITUDE_STEP, 4)
        rows.append((f"{801 + index:05d}", TOWNS[index // 10], latitude, longitude))
    return rows
