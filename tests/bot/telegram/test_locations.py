"""A shared location as the seeker's home region."""

from __future__ import annotations

import pytest

from bot.telegram.locations import nearest_region, place_name


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (35.965, 126.705, "군산시 나운동"),
        (35.9676, 126.7369, "군산시"),
        (35.95, 126.96, "익산시"),
        (37.56, 126.97, "서울특별시"),
    ],
)
def test_a_shared_location_is_the_nearest_region(
    latitude: float, longitude: float, expected: str
) -> None:
    assert place_name(nearest_region(latitude, longitude)) == expected
