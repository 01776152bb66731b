"""A location the seeker shares, as the place they live: the nearest known region."""

from __future__ import annotations

from nlu import Region, load_tables
from nlu.opening import region_distance_km

__all__ = ["place_name", "nearest_region"]

#: Industrial parks are where people work, not where they live.
_HOME_LEVELS = ("sido", "sigungu", "dong")


def nearest_region(latitude: float, longitude: float) -> Region:
    """The region (시/도, 시/군/구 or 읍/면/동 of ``regions.csv``) closest to the point."""
    here = Region(
        region="", name_ko="", level="dong", parent=None, lat=latitude, lon=longitude, aliases=()
    )
    candidates = [r for r in load_tables().regions.values() if r.level in _HOME_LEVELS]
    return min(candidates, key=lambda r: region_distance_km(here, r))


def place_name(region: Region) -> str:
    """How a seeker would say it: "군산시 나운동" for a 동 (with its city), else its name."""
    parent = load_tables().regions.get(region.parent or "")
    if region.level == "dong" and parent is not None:
        return f"{parent.name_ko} {region.name_ko}"
    return region.name_ko
