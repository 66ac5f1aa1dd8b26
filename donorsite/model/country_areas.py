"""Which country a map position is in, for the countries the site serves, drawn coarsely and on the safe side.

The outlines are a few dozen points each, kept well inside land borders
(the sea side may stretch out): a position inside one is certainly in that
country, and a position near a border is simply not judged. That is enough
to catch a venue in Hải Phòng written with China's time zone, without a
geographic database.
"""

from __future__ import annotations

# (latitude, longitude) corners, in order around each outline.
_OUTLINES: dict[str, tuple[tuple[float, float], ...]] = {
    # Vietnam: from Hà Giang clockwise along the Gulf of Tonkin and the coast to Cà Mau, back along
    # the Cambodian and Lao borders (pulled some 20 km inland) to Lai Châu.
    "VN": (
        (22.75, 105.0), (22.55, 106.2), (21.75, 106.9), (21.3, 107.4), (20.6, 107.3), (19.0, 106.2),
        (17.6, 107.0), (16.2, 108.6), (15.0, 109.2), (12.0, 109.6), (10.3, 107.9), (8.3, 106.9),
        (8.3, 104.6), (10.2, 104.6), (10.75, 105.4), (11.0, 106.0), (11.6, 106.4), (12.2, 107.4),
        (13.5, 107.7), (14.8, 107.7), (15.9, 107.5), (16.6, 106.9), (17.4, 106.2), (18.3, 105.6),
        (19.2, 104.9), (19.9, 104.6), (20.6, 104.5), (21.0, 103.7), (21.5, 103.2), (22.2, 103.2),
        (22.4, 104.1), (22.75, 105.0),
    ),
    # Taiwan's main island (Kinmen and Matsu lie near the mainland and are not judged).
    "TW": ((25.4, 121.6), (24.9, 122.2), (22.8, 121.5), (21.8, 120.9), (22.4, 120.3), (23.4, 119.9), (24.6, 120.6), (25.3, 121.0)),
}  # fmt: skip


def _inside(lat: float, lon: float, outline: tuple[tuple[float, float], ...]) -> bool:
    """Whether the point lies inside the polygon (ray casting along the latitude)."""
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(outline, outline[1:] + outline[:1], strict=True):
        if (lat1 > lat) != (lat2 > lat) and lon < lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1):
            inside = not inside
    return inside


def country_at(latitude: float, longitude: float) -> str | None:
    """The country code of a position that is clearly inside one of the outlines, else None.

    >>> country_at(20.86, 106.68), country_at(25.03, 121.56), country_at(31.23, 121.47)
    ('VN', 'TW', None)
    """
    return next((code for code, outline in _OUTLINES.items() if _inside(latitude, longitude, outline)), None)
