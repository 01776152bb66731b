"""The merge's view of a company's openings: which ones a new record is compared with."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.import_batch import CompanyJobs, NewOpening, StoredJob
from storage.importer import import_files
from storage.models import Company, Opening
from storage.readers import CANONICAL_COLUMNS


def _job(job_id: int, region_id: str | None, title: str = "용접사 모집") -> StoredJob:
    return StoredJob(job_id, title, "", region_id, "", "welder")


def _company_jobs(*jobs: StoredJob) -> tuple[CompanyJobs, Company]:
    company = Company(name="새만금중공업", name_key="새만금중공업")
    company_jobs = CompanyJobs(session=None)  # type: ignore[arg-type]
    company_jobs.by_company[company.name_key] = list(jobs)
    return company_jobs, company


def test_a_placed_record_is_compared_with_its_region_and_the_unplaced_oldest_first() -> None:
    jobs, company = _company_jobs(
        _job(1, "osikdo"), _job(2, None), _job(3, "iksan"), _job(4, "osikdo"), _job(5, None)
    )
    assert [j.id for j in jobs.candidates(company, "osikdo")] == [1, 2, 4, 5]
    assert [j.id for j in jobs.candidates(company, "iksan")] == [2, 3, 5]
    assert [j.id for j in jobs.candidates(company, "soryong")] == [2, 5]
    assert [j.id for j in jobs.candidates(company, None)] == [1, 2, 3, 4, 5]


def test_new_and_moved_openings_are_compared_where_they_are_now() -> None:
    jobs, company = _company_jobs(_job(1, "osikdo"), _job(2, "iksan"))
    assert [j.id for j in jobs.candidates(company, "iksan")] == [2]
    values = {"title": "용접사 모집", "description": "", "region_id": "iksan", "region_raw": ""}
    jobs.add(NewOpening({**values, "occupation_family": "welder"}, company, id=3))
    assert [j.id for j in jobs.candidates(company, "iksan")] == [2, 3]

    moved = Opening(id=1, company=company, title="용접사 모집", description="", region_raw="")
    moved.region_id, moved.occupation_family, moved.retired_at = "iksan", "welder", None
    jobs.changed(moved)
    assert [j.id for j in jobs.candidates(company, "iksan")] == [1, 2, 3]
    assert list(jobs.candidates(company, "osikdo")) == []


def test_a_long_import_gets_the_ids_of_its_own_openings(session: Session, tmp_path: Path) -> None:
    """Openings are inserted 500 at a time; each posting must point at its own opening."""
    rows = [
        f"worknet,W-{k},회사{k},용접사 {k}호 모집,용접원,{k}번 현장 용접,군산시 오식도동,"
        f"월급,{3000000 + k},,무관,,무관,,정규직,주간,2026-12-31,063-000-{k:04d}"
        for k in range(1200)
    ]
    path = tmp_path / "long.csv"
    path.write_text("\n".join([",".join(CANONICAL_COLUMNS), *rows]) + "\n", encoding="utf-8")
    summary = import_files(session, [path], workers=0)
    assert summary.total("new") == 1200
    for opening in session.scalars(select(Opening)):
        (posting,) = opening.postings
        assert opening.title == f"용접사 {posting.source_record_id.removeprefix('W-')}호 모집"
