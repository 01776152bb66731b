"""The normalization tables load, are consistent, and can be replaced by another directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nlu.errors import TableError
from nlu.tables import DEFAULT_TABLES_DIR, Tables, load_tables

FAMILIES = {
    "welder",
    "ship_fitter",
    "sheet_metal",
    "pipe_fitter",
    "ship_painter",
    "auto_assembler",
    "production_worker",
    "forklift_driver",
    "crane_operator",
    "cnc_operator",
    "electrician",
    "maintenance_mechanic",
    "quality_inspector",
    "ndt_inspector",
    "logistics_loader",
    "truck_driver",
    "chemical_operator",
    "food_production",
    "office_assistant",
    "cleaner",
    "security_guard",
    "cook",
    "vocational_instructor",
    "sales_rep",
    "equipment_mechanic",
    # names the dialog suite found missing (issue 13): 철근, 택시, 농사, 계산원
    "rebar_worker",
    "taxi_driver",
    "farm_worker",
    "cashier",
}


def test_exactly_the_agreed_families(tables: Tables) -> None:
    assert set(tables.occupations) == FAMILIES


def test_matchers_build_without_ambiguous_surfaces(tables: Tables) -> None:
    # Building raises TableError if one surface names two families/certs/regions.
    assert len(tables.occupation_matcher) > 300
    assert len(tables.certificate_matcher) > 100
    assert len(tables.region_matcher) > 150


@pytest.mark.parametrize(
    "cert",
    [
        "welding_craftsman",
        "special_welding",
        "welding_industrial_engineer",
        "forklift",
        "overhead_crane",
        "electrician_craftsman",
        "electrical_industrial_engineer",
        "piping",
        "painting",
        "cnc_lathe",
        "computer_literacy_2",
        "license_1_large",
        "license_1_ordinary",
        "hazmat_industrial_engineer",
        "ndt",
        "excavator",
    ],
)
def test_agreed_certificates_exist(tables: Tables, cert: str) -> None:
    assert cert in tables.certificates


def test_primary_certificates(tables: Tables) -> None:
    assert tables.primary_certificates["welder"] == "welding_craftsman"
    assert tables.primary_certificates["forklift_driver"] == "forklift"


def test_regions_cover_gunsan_and_neighbours(tables: Tables) -> None:
    for region in ("gunsan", "gunsan_osikdo", "park_gunsan_national", "iksan", "seocheon", "geoje"):
        assert region in tables.regions
    assert tables.regions["gunsan_osikdo"].parent == "gunsan"
    assert tables.regions["gunsan"].parent == "jeonbuk"


def test_keco_codes_map_to_families(tables: Tables) -> None:
    assert tables.keco_index["824100"] == "welder"
    assert tables.keco_index["623004"] == "forklift_driver"
    assert tables.keco_index["811302"] == "equipment_mechanic"


def test_look_alikes_are_found(tables: Tables) -> None:
    assert {"용접강사", "용접봉영업", "지게차정비"} <= tables.occupation_look_alikes


def test_narrower_families(tables: Tables) -> None:
    assert tables.occupations["auto_assembler"].broader == "production_worker"
    assert {"auto_assembler", "food_production"} <= tables.narrower["production_worker"]
    assert tables.narrower["quality_inspector"] == frozenset({"ndt_inspector"})
    assert tables.occupations["welder"].broader is None


def test_pay_conventions(tables: Tables) -> None:
    assert (tables.pay.monthly_hours, tables.pay.monthly_workdays) == (209, 22)


def test_load_is_cached_per_directory() -> None:
    assert load_tables() is load_tables(DEFAULT_TABLES_DIR)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "normalization"
    shutil.copytree(DEFAULT_TABLES_DIR, target)
    return target


def test_other_directory(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    rows = (target / "regions.csv").read_text(encoding="utf-8")
    (target / "regions.csv").write_text(
        rows + "testville,시험시,sigungu,jeonbuk,35,127,시험\n", "utf-8"
    )
    tables = load_tables(target)
    assert "testville" in tables.regions
    assert "testville" not in load_tables().regions


def test_unknown_related_family_is_rejected(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    path = target / "occupations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("ship_fitter;sheet", "nope;sheet", 1))
    with pytest.raises(TableError, match="unknown families"):
        load_tables(target)


def test_unknown_broader_family_is_rejected(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    path = target / "occupations.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows = [r + "nope" if r.startswith("cleaner,") else r for r in rows]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match="kind of unknown"):
        load_tables(target)


def test_broader_column_is_optional(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    path = target / "occupations.csv"
    rows = [r.rsplit(",", 1)[0] for r in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tables = load_tables(target)
    assert tables.occupations["auto_assembler"].broader is None
    assert not tables.narrower


def test_missing_table_is_rejected(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    (target / "certificates.csv").unlink()
    with pytest.raises(TableError, match="not found"):
        load_tables(target)


def test_a_higher_grade_covers_the_lower_ones_of_its_series(tables: Tables) -> None:
    assert tables.covered(["electrical_engineer"]) == {
        "electrical_engineer",
        "electrical_industrial_engineer",
        "electrician_craftsman",
    }
    assert tables.covered(["electrician_craftsman"]) == {"electrician_craftsman"}
    assert tables.covered(["forklift"]) == {"forklift", "forklift_small"}
    assert tables.covered([]) == frozenset()


def test_covering_an_unknown_certificate_is_rejected(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    path = target / "certificates.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",electrician_craftsman\n", ",electrician_craftsmen\n", 1))
    with pytest.raises(TableError, match="covers unknown electrician_craftsmen"):
        load_tables(target)
