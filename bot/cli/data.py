"""`jobbot db`, `model`, `import`, `fetch`, `index`, `match`: openings in, the index, matching.

Messages are Korean for center staff; `--json` output is for other tools and keeps a
stable shape.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.common import load_settings, open_matcher_or_exit, parse_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from bot.settings import Settings
    from storage.import_report import FileReport

__all__ = ["db_app", "fetch_app", "model_app", "register"]

db_app = typer.Typer(help="데이터베이스 관리", no_args_is_help=True)
model_app = typer.Typer(help="임베딩 모델 관리", no_args_is_help=True)
fetch_app = typer.Typer(help="외부 채용정보 가져오기", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database schema."""
    from bot.services import open_database

    settings = load_settings()
    open_database(settings)
    typer.echo(f"데이터베이스 준비 완료: {settings.sqlalchemy_url}")


@model_app.command("build")
def model_build() -> None:
    """Prepare the embedding model: convert the bundled one and export it to ONNX, once
    (later runs check the markers and load nothing)."""
    from bot.services import open_embedder
    from retrieval.embedder import resolve_model
    from retrieval.onnx_encoder import is_exported

    settings = load_settings()
    spec, cache_dir = settings.embedding_model, settings.model_cache_dir
    resolve_model(spec, cache_dir=cache_dir)
    runtime = "PyTorch"
    if settings.embedding_runtime == "onnx" and (
        is_exported(cache_dir, spec) or open_embedder(settings).onnx is not None  # exports
    ):
        runtime = "ONNX Runtime"
    typer.echo(f"임베딩 모델 준비 완료: {spec} (인코딩: {runtime})")


def import_command(
    paths: Annotated[list[Path], typer.Argument(help="CSV, 고용24 XML 또는 JSON Lines 파일")],
    source: Annotated[
        str | None,
        typer.Option(help="출처 이름: 모든 공고의 출처, data/sources/NAME.yml 의 열 지정"),
    ] = None,
    columns: Annotated[
        str | None, typer.Option(help="모르는 머리글의 열 지정 (예: 회사=company,공고=title)")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="--source 의 전체 목록: 파일에 없는 공고는 마감 처리")
    ] = False,
    index: Annotated[bool, typer.Option(help="가져온 뒤 검색 색인 갱신")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="파일마다 JSON 한 줄로 출력")] = False,
) -> None:
    """Import openings from files; bad rows are reported, good rows still import."""
    from tqdm import tqdm

    from bot.services import open_database
    from storage.errors import ColumnMapError
    from storage.formats.columns import parse_column_map
    from storage.formats.sources import load_source_profile
    from storage.import_report import FileReport
    from storage.importer import import_files

    if full and not source:
        raise typer.BadParameter("--full 은 어느 출처의 전체 목록인지 --source 와 함께 써 주세요.")
    try:
        mapping = parse_column_map(columns) if columns else None
        if source:
            load_source_profile(source)  # a broken mapping file fails here, before any import
    except ColumnMapError as exc:
        typer.echo(f"✗ {exc}", err=True)
        raise typer.Exit(code=2) from None
    settings = load_settings()
    sessions = open_database(settings)
    existing = [p for p in paths if p.is_file()]
    with sessions() as session, tqdm(desc="가져오기", unit="행", disable=None) as bar:
        summary = import_files(
            session, existing, source=source, columns=mapping, full=full, on_row=bar.update
        )
    missing = [FileReport(file=str(p), error="파일이 없습니다") for p in paths if not p.is_file()]
    for report in [*summary.files, *missing]:
        if as_json:
            typer.echo(json.dumps(report.as_json(), ensure_ascii=False))
        _print_report(report, err=as_json)
    _print_total(summary.total, summary.rejected, full=full, err=as_json)
    if index:
        _sync_if_lagging(settings, sessions, err=as_json)
    if missing or any(r.error for r in summary.files):
        raise typer.Exit(code=1)


def fetch_worknet_command(
    region: Annotated[
        list[str] | None, typer.Option(help="지역 코드 (여러 번 가능, 예: 45130 군산)")
    ] = None,
    occupation: Annotated[list[str] | None, typer.Option(help="직종 코드 (여러 번 가능)")] = None,
    keyword: Annotated[str | None, typer.Option(help="검색어")] = None,
    since: Annotated[
        str | None, typer.Option(help="등록 기간: D-0 (오늘), D-3, W-1, M-1 …")
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", help="새 공고·바뀐 공고의 상세 정보도")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="저장하지 않고 바뀔 내용만")] = False,
    full: Annotated[
        bool, typer.Option("--full", help="전체 목록: 목록에 없는 고용24 공고는 마감 처리")
    ] = False,
    index: Annotated[bool, typer.Option(help="가져온 뒤 검색 색인 갱신")] = True,
) -> None:
    """Fetch postings from the 고용24 Open API and import them (details for new or changed ones)."""
    from tqdm import tqdm

    from bot.services import open_database
    from storage.worknet_api import SINCE, ListQuery, WorknetClient
    from storage.worknet_fetch import fetch_worknet

    if since and not SINCE.fullmatch(since):
        raise typer.BadParameter("--since 는 D-3, W-1, M-1 처럼 적어 주세요.")
    settings = load_settings()
    if settings.worknet_auth_key is None:
        typer.echo(
            "고용24 인증키가 없습니다. .env 에 JOBBOT_WORKNET_AUTH_KEY=<인증키> 를 넣어 주세요.",
            err=True,
        )
        raise typer.Exit(code=1)
    query = ListQuery(
        regions=region or (), occupations=occupation or (), keyword=keyword, since=since
    )
    sessions = open_database(settings)
    client = WorknetClient(
        auth_key=settings.worknet_auth_key.get_secret_value(),
        base_url=settings.worknet_base_url,
        timeout=settings.worknet_timeout_seconds,
    )
    with client, sessions() as session, tqdm(desc="고용24", unit="건", disable=None) as bar:
        result = fetch_worknet(
            session,
            client,
            query,
            details=details,
            full=full,
            dry_run=dry_run,
            on_posting=bar.update,
        )
    report = result.report
    _print_report(report)
    typer.echo(f"  목록 {result.pages}쪽, 상세 {result.details}건 호출")
    _print_total(lambda name: int(getattr(report, name)), len(report.rejected), full=full)
    if dry_run:
        typer.echo("미리보기(--dry-run)라서 아무것도 저장하지 않았습니다.")
    elif index:
        _sync_if_lagging(settings, sessions)
    if report.error:
        raise typer.Exit(code=1)


def _print_report(report: FileReport, *, err: bool = False) -> None:
    """One file's summary line, then its error and rejected rows (on stderr)."""
    typer.echo(
        f"{report.file}: {report.file_format or '?'} {report.rows}행 — 신규 {report.new}, "
        f"갱신 {report.updated}, 변경없음 {report.unchanged}, 병합 {report.merged}, "
        f"거부 {len(report.rejected)}",
        err=err,
    )
    if report.error:
        typer.echo(f"  ✗ {report.file}: 가져오지 못했습니다 — {report.error}", err=True)
    for line, reason in report.rejected:
        typer.echo(f"  ✗ {report.file}:{line}: {reason}", err=True)


def _print_total(
    total: Callable[[str], int], rejected: int, *, full: bool, err: bool = False
) -> None:
    retired = f", 마감 처리 {total('retired')}" if full else ""
    typer.echo(
        f"합계: 신규 {total('new')}, 갱신 {total('updated')}, 병합 {total('merged')}, "
        f"거부 {rejected}{retired}",
        err=err,
    )
    if full and not any(total(name) for name in ("new", "updated", "unchanged", "merged")):
        # The importer retires nothing then (storage.importer.Importer.retire_unseen).
        typer.echo("  전체 목록에 읽은 공고가 없어 아무것도 마감 처리하지 않았습니다.", err=True)


def _sync_if_lagging(
    settings: Settings, sessions: sessionmaker[Session], *, err: bool = False
) -> None:
    """Bring the index up to the database when it lags (whatever this run changed)."""
    from bot.services import open_embedder
    from retrieval.indexer import index_lags, sync_index

    with sessions() as session:
        if not index_lags(session, folder=settings.index_dir, model=settings.embedding_model):
            return
        result = sync_index(
            session,
            folder=settings.index_dir,
            embedder=open_embedder(settings),
            progress=sys.stderr.isatty(),
        )
    typer.echo(
        f"색인 갱신: 추가 {result.added}, 수정 {result.updated}, 삭제 {result.removed} "
        f"(총 {result.total})",
        err=err,
    )


def index_command(
    full: Annotated[bool, typer.Option("--full/--incremental", help="전체 재구축")] = True,
) -> None:
    """Rebuild the search index from the database (full by default)."""
    import time

    from bot.services import open_database, open_embedder
    from retrieval.indexer import sync_index

    settings = load_settings()
    sessions = open_database(settings)
    embedder = open_embedder(settings)
    started = time.perf_counter()
    with sessions() as session:
        result = sync_index(
            session,
            folder=settings.index_dir,
            embedder=embedder,
            full=full,
            progress=sys.stderr.isatty(),
        )
    seconds = time.perf_counter() - started
    typer.echo(
        f"색인 완료: 총 {result.total}건 (추가 {result.added}, 수정 {result.updated}, 삭제 {result.removed}), "
        f"{seconds:.1f}초"
    )


def match_command(
    text: Annotated[
        str | None, typer.Argument(help="구직자가 한 말 (예: 용접 15년, 야간은 못해요)")
    ] = None,
    top: Annotated[int, typer.Option(min=1, max=50, help="보여줄 공고 수")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력")] = False,
    batch: Annotated[
        Path | None, typer.Option(help="한 줄에 구직자 한 명씩 (- 는 표준입력)")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="마감 기준일 YYYY-MM-DD (기본: 오늘)")] = None,
) -> None:
    """Find the openings that fit a seeker's description, with reasons."""
    from retrieval.cards import render_matches

    if (text is None) == (batch is None):
        raise typer.BadParameter("구직자 문장 하나 또는 --batch 파일 중 하나만 주세요.")
    day = parse_date(as_of)
    matcher = open_matcher_or_exit()

    if batch is not None:
        lines = sys.stdin if str(batch) == "-" else batch.open(encoding="utf-8")
        for line in lines:
            seeker = line.strip()
            results = matcher.match(seeker, top=top, as_of=day) if seeker else []
            if as_json:
                typer.echo(json.dumps([m.as_dict() for m in results], ensure_ascii=False))
            else:
                typer.echo(f"## {seeker}\n{render_matches(results)}\n")
        return
    assert text is not None
    results = matcher.match(text, top=top, as_of=day)
    if as_json:
        typer.echo(json.dumps([m.as_dict() for m in results], ensure_ascii=False, indent=2))
    else:
        typer.echo(render_matches(results))


def register(app: typer.Typer) -> None:
    """Add this module's commands and sub-apps to the `jobbot` app."""
    app.add_typer(db_app, name="db")
    app.add_typer(model_app, name="model")
    app.command("import")(import_command)
    fetch_app.command("worknet")(fetch_worknet_command)
    app.add_typer(fetch_app, name="fetch")
    app.command("index")(index_command)
    app.command("match")(match_command)
