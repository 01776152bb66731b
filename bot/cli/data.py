"""`jobbot db`, `model`, `import`, `index`, `match`: openings in, the index, and matching.

Messages are Korean for center staff; `--json` output is for other tools and keeps a
stable shape.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import load_settings, open_matcher_or_exit, parse_date

__all__ = ["db_app", "model_app", "register"]

db_app = typer.Typer(help="데이터베이스 관리", no_args_is_help=True)
model_app = typer.Typer(help="임베딩 모델 관리", no_args_is_help=True)


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
    source: Annotated[str | None, typer.Option(help="출처 이름 (파일의 source 열 대신)")] = None,
    index: Annotated[bool, typer.Option(help="가져온 뒤 검색 색인 갱신")] = True,
) -> None:
    """Import openings from files; bad rows are reported, good rows still import."""
    from tqdm import tqdm

    from bot.services import open_database, open_embedder
    from retrieval.indexer import sync_index
    from storage.importer import import_files

    settings = load_settings()
    sessions = open_database(settings)
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        typer.echo(f"⚠ 파일이 없습니다: {path}", err=True)
    existing = [p for p in paths if p.is_file()]
    with sessions() as session, tqdm(desc="가져오기", unit="행", disable=None) as bar:
        summary = import_files(session, existing, source=source, on_row=bar.update)
    for report in summary.files:
        typer.echo(
            f"{report.path}: {report.file_format or '?'} {report.rows}행 — 신규 {report.new}, "
            f"갱신 {report.updated}, 변경없음 {report.unchanged}, 병합 {report.merged}, "
            f"거부 {len(report.rejected)}"
        )
        if report.error:
            typer.echo(f"  ✗ {report.error}", err=True)
        for line, reason in report.rejected:
            typer.echo(f"  ✗ {report.path}:{line}: {reason}", err=True)
    typer.echo(
        f"합계: 신규 {summary.total('new')}, 갱신 {summary.total('updated')}, "
        f"병합 {summary.total('merged')}, 거부 {summary.rejected}"
    )
    if index and (
        summary.changed_opening_ids or not (settings.index_dir / "manifest.json").exists()
    ):
        with sessions() as session:
            result = sync_index(
                session, folder=settings.index_dir, embedder=open_embedder(settings)
            )
        typer.echo(
            f"색인 갱신: 추가 {result.added}, 수정 {result.updated}, 삭제 {result.removed} (총 {result.total})"
        )
    if missing or any(r.error for r in summary.files):
        raise typer.Exit(code=1)


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
    app.command("index")(index_command)
    app.command("match")(match_command)
