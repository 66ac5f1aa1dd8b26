"""Map links that work where the reader is: Amap and Baidu in mainland China, OpenStreetMap and Google elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from donorsite.model.event import Venue
from donorsite.model.time_zones import zone_country

# Google Maps is blocked in mainland China; Chinese map services take WGS 84 positions when told so.
MAINLAND_CHINA = "CN"


@dataclass(frozen=True)
class MapLink:
    """One link to a map of the venue; ``service`` is a stable name for styling and tests."""

    service: str
    href: str


def venue_country(venue: Venue, timezone: str) -> str | None:
    """The venue's country code: written on the venue, else the country of the event's time zone."""
    if venue.country:
        return venue.country
    return zone_country(timezone)


def map_links(venue: Venue, timezone: str, place: str) -> list[MapLink]:
    """Links to the venue on maps that load in its country; ``place`` is the venue's name and address as shown.

    With coordinates, the first link is a ``geo:`` URI, which phones open in their own map app.
    """
    coordinates = venue.coordinates
    in_china = venue_country(venue, timezone) == MAINLAND_CHINA
    links: list[MapLink] = []
    if coordinates:
        lat, lon = coordinates.latitude, coordinates.longitude
        links.append(MapLink("geo", f"geo:{lat},{lon}?q={lat},{lon}({quote(place)})"))
        if in_china:
            links.append(
                MapLink(
                    "amap",
                    "https://uri.amap.com/marker?"
                    + urlencode({"position": f"{lon},{lat}", "name": place, "coordinate": "wgs84", "callnative": "1", "src": "donorsite"}),
                )
            )
            links.append(
                MapLink(
                    "baidu",
                    "https://api.map.baidu.com/marker?"
                    + urlencode(
                        {
                            "location": f"{lat},{lon}",
                            "title": place,
                            "content": place,
                            "coord_type": "wgs84",
                            "output": "html",
                            "src": "donorsite",
                        }
                    ),
                )
            )
        else:
            links.append(MapLink("openstreetmap", f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"))
            links.append(MapLink("google", "https://www.google.com/maps/search/?" + urlencode({"api": "1", "query": f"{lat},{lon}"})))
        return links
    if in_china:
        links.append(MapLink("amap", "https://uri.amap.com/search?" + urlencode({"keyword": place, "src": "donorsite"})))
        links.append(
            MapLink("baidu", "https://api.map.baidu.com/geocoder?" + urlencode({"address": place, "output": "html", "src": "donorsite"}))
        )
    else:
        links.append(MapLink("openstreetmap", "https://www.openstreetmap.org/search?" + urlencode({"query": place})))
        links.append(MapLink("google", "https://www.google.com/maps/search/?" + urlencode({"api": "1", "query": place})))
    return links
