"""The openings' normalized facts as column arrays, for fast filtering and scoring.

Loaded once from the database when a :class:`retrieval.matcher.Matcher` starts (and
refreshed after imports); rows are in ascending opening-id order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

import nlu
from storage.models import Opening

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Catalog", "OPEN_ENDED_ORDINAL"]

#: Ordinal standing for "no closing date" (상시): later than any real date.
OPEN_ENDED_ORDINAL = date.max.toordinal()


@dataclass
class Catalog:
    """Column arrays over all openings (index i = the i-th smallest opening id)."""

    ids: np.ndarray  # int64
    family: np.ndarray  # object: family id or None
    closes_on: np.ndarray  # int64 date ordinal; OPEN_ENDED_ORDINAL when open-ended
    work_shift: np.ndarray  # object: 주간 | 2교대 | 3교대 | 야간 | None
    employment_type: np.ndarray  # object: 정규직 | 계약직 | 일용직 | 파견직 | None
    pay_min: np.ndarray  # float64 monthly KRW, NaN when unknown
    pay_max: np.ndarray  # float64 monthly KRW, NaN when unknown
    lat: np.ndarray  # float64, NaN when the region is unknown
    lon: np.ndarray  # float64
    foreign_workers: np.ndarray  # object: e9_ok | domestic_only | unknown
    dormitory: np.ndarray  # bool
    certificates: list[dict[str, str]]  # per row: {certificate id: required | preferred}
    career_years_min: np.ndarray  # float64, NaN when none

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of opening ids (all must be present)."""
        import numpy as np

        return np.searchsorted(self.ids, ids)

    @classmethod
    def load(cls, session: Session) -> Catalog:
        """Read every opening's facts from the database."""
        import numpy as np

        tables = nlu.load_tables()
        columns = (
            Opening.id, Opening.occupation_family, Opening.closes_on, Opening.work_shift,
            Opening.employment_type, Opening.monthly_pay_min, Opening.monthly_pay_max,
            Opening.region_id, Opening.foreign_workers, Opening.dormitory,
            Opening.certificates, Opening.career_years_min,
        )  # fmt: skip
        rows = session.execute(select(*columns).order_by(Opening.id)).all()
        nan = float("nan")

        def coords(region_id: str | None) -> tuple[float, float]:
            region = tables.regions.get(region_id) if region_id else None
            return (region.lat, region.lon) if region else (nan, nan)

        points = [coords(r.region_id) for r in rows]
        return cls(
            ids=np.asarray([r.id for r in rows], dtype=np.int64),
            family=np.asarray([r.occupation_family for r in rows], dtype=object),
            closes_on=np.asarray(
                [r.closes_on.toordinal() if r.closes_on else OPEN_ENDED_ORDINAL for r in rows],
                dtype=np.int64,
            ),
            work_shift=np.asarray([r.work_shift for r in rows], dtype=object),
            employment_type=np.asarray([r.employment_type for r in rows], dtype=object),
            pay_min=np.asarray([r.monthly_pay_min or nan for r in rows], dtype=np.float64),
            pay_max=np.asarray([r.monthly_pay_max or nan for r in rows], dtype=np.float64),
            lat=np.asarray([p[0] for p in points], dtype=np.float64),
            lon=np.asarray([p[1] for p in points], dtype=np.float64),
            foreign_workers=np.asarray([r.foreign_workers for r in rows], dtype=object),
            dormitory=np.asarray([bool(r.dormitory) for r in rows], dtype=bool),
            certificates=[dict(r.certificates or {}) for r in rows],
            career_years_min=np.asarray(
                [r.career_years_min if r.career_years_min is not None else nan for r in rows],
                dtype=np.float64,
            ),
        )
