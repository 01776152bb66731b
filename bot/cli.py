"""The `jobbot` command line: import openings, build the index, match seekers, evaluate.

Thin: each command reads the settings, calls the core and prints. Messages are Korean
for center staff; `--json` output is for other tools and keeps a stable shape.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.settings import Settings

if TYPE_CHECKING:
    from retrieval.matcher import Matcher

app = typer.Typer(help="군산 일자리지원센터 구직자 매칭 봇 (jobbot)", no_args_is_help=True)
db_app = typer.Typer(help="데이터베이스 관리", no_args_is_help=True)
model_app = typer.Typer(help="임베딩 모델 관리", no_args_is_help=True)
eval_app = typer.Typer(help="품질 평가", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(model_app, name="model")
app.add_typer(eval_app, name="eval")

DEV_SET = Path("data/eval/retrieval_dev.jsonl")
EVAL_AS_OF = "2026-11-01"


def _settings() -> Settings:
    return Settings()


def _parse_date(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(
            "날짜는 YYYY-MM-DD 형식으로 적어 주세요 (예: 2026-11-01)"
        ) from None


def _open_matcher() -> Matcher:
    """The matcher, or a clear Korean message and exit code 1 when no usable index exists."""
    from bot.services import open_matcher
    from retrieval.errors import RetrievalError

    try:
        return open_matcher(_settings())
    except RetrievalError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="자세한 로그")] = False,
) -> None:
    """Configure logging once for every command."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database schema."""
    from bot.services import open_database

    settings = _settings()
    open_database(settings)
    typer.echo(f"데이터베이스 준비 완료: {settings.sqlalchemy_url}")


@model_app.command("build")
def model_build() -> None:
    """Prepare the embedding model: convert the bundled one and export it to ONNX, once
    (later runs check the markers and load nothing)."""
    from bot.services import open_embedder
    from retrieval.embedder import resolve_model
    from retrieval.onnx_encoder import is_exported

    settings = _settings()
    spec, cache_dir = settings.embedding_model, settings.model_cache_dir
    resolve_model(spec, cache_dir=cache_dir)
    runtime = "PyTorch"
    if settings.embedding_runtime == "onnx" and (
        is_exported(cache_dir, spec) or open_embedder(settings).onnx is not None  # exports
    ):
        runtime = "ONNX Runtime"
    typer.echo(f"임베딩 모델 준비 완료: {spec} (인코딩: {runtime})")


@app.command("import")
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

    settings = _settings()
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


@app.command("index")
def index_command(
    full: Annotated[bool, typer.Option("--full/--incremental", help="전체 재구축")] = True,
) -> None:
    """Rebuild the search index from the database (full by default)."""
    import time

    from bot.services import open_database, open_embedder
    from retrieval.indexer import sync_index

    settings = _settings()
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


@app.command("match")
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
    from bot.render import render_matches

    if (text is None) == (batch is None):
        raise typer.BadParameter("구직자 문장 하나 또는 --batch 파일 중 하나만 주세요.")
    day = _parse_date(as_of)
    matcher = _open_matcher()

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


@eval_app.command("retrieval")
def eval_retrieval(
    dev: Annotated[Path, typer.Option(help="평가 세트 (JSON Lines)")] = DEV_SET,
    as_of: Annotated[str, typer.Option(help="마감 기준일")] = EVAL_AS_OF,
) -> None:
    """Print Recall@5, MRR@10, nDCG@10 and traps for dense, lexical, RRF and hybrid."""
    from retrieval.evaluation import evaluate_retrieval, format_table

    matcher = _open_matcher()
    methods, by_tag = evaluate_retrieval(matcher, dev, as_of=_parse_date(as_of))
    queries = len(methods["hybrid"].recall5)
    typer.echo(f"Retrieval on {dev} ({queries} queries, as of {as_of})\n")
    typer.echo(format_table(methods))
    typer.echo("\nTraps@5: top-5 slots holding a labelled trap (look-alike or excluded), summed.")
    typer.echo("fused = RRF of dense and lexical; hybrid = fused + constraint-aware tiers.\n")
    typer.echo("hybrid by query tag (n = queries with the tag):")
    typer.echo(
        format_table({f"{tag} (n={len(m.recall5)})": m for tag, m in by_tag.items()}, label="tag")
    )


rasa_app = typer.Typer(help="Rasa 대화 모델", no_args_is_help=True)
app.add_typer(rasa_app, name="rasa")


def _run_rasa(argv: list[str]) -> None:
    """Run a Rasa command in its environment; exit with its code on failure."""
    import subprocess

    from bot.rasa_server import REPO, rasa_environment

    settings = _settings()
    if not Path(argv[0]).exists():
        typer.echo(
            f"Rasa 환경이 없어요 ({argv[0]}). 먼저 `make setup-rasa`를 실행해 주세요.", err=True
        )
        raise typer.Exit(code=1)
    code = subprocess.call(argv, env=rasa_environment(settings), cwd=REPO)
    if code:
        raise typer.Exit(code=code)


@rasa_app.command("train")
def rasa_train() -> None:
    """Train the dialogue model (skipped by Rasa when nothing changed)."""
    from bot.rasa_server import train_command

    _run_rasa(train_command(_settings()))


@app.command("actions")
def actions_command(
    port: Annotated[int | None, typer.Option(help="포트 (기본: 설정의 action_port)")] = None,
) -> None:
    """Serve the Rasa custom actions on loopback (started by `jobbot chat` / `run`)."""
    from bot.action_server import serve_actions

    settings = _settings()
    serve_actions(settings, host="127.0.0.1", port=port or settings.action_port)


@app.command("chat")
def chat_command() -> None:
    """Talk to the bot in the terminal (starts the Rasa and action servers if needed)."""
    import asyncio

    from bot import messages
    from bot.chat import chat_loop
    from bot.errors import BotError
    from bot.stack import Stack

    settings = _settings()
    typer.echo(messages.CHAT_STARTING)
    try:
        with Stack(settings) as stack:
            asyncio.run(chat_loop(stack.rasa_url))
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:
        typer.echo("")


@eval_app.command("nlu")
def eval_nlu(
    report: Annotated[Path, typer.Option(help="결과를 쓸 Markdown 파일")] = Path(
        "docs/nlu-evaluation.md"
    ),
    config: Annotated[
        Path | None, typer.Option(help="비교할 다른 파이프라인 설정 (기본: config.yml)")
    ] = None,
) -> None:
    """Intent and entity F1 on a held-out split of data/nlu (a model trained without it)."""
    from bot.nlu_evaluation import evaluate_nlu

    settings = _settings()
    result = evaluate_nlu(settings, config=config)
    text = result.markdown()
    report.write_text(text, encoding="utf-8")
    typer.echo(text)


@eval_app.command("dialogue")
def eval_dialogue(
    stories: Annotated[Path, typer.Option(help="테스트 스토리")] = Path(
        "tests/dialogue/test_stories.yml"
    ),
) -> None:
    """`rasa test core` on the test stories with the current model; failures are listed."""
    from bot.rasa_server import newest_model, rasa_command

    settings = _settings()
    model = newest_model(settings)
    if model is None:
        typer.echo("학습된 Rasa 모델이 없어요. 먼저 `jobbot rasa train`을 실행해 주세요.", err=True)
        raise typer.Exit(code=1)
    out = (settings.rasa_dir / "test-core").resolve()
    _run_rasa(
        rasa_command(
            settings,
            "test",
            "core",
            "--stories",
            str(stories.resolve()),
            "--model",
            str(model.resolve()),
            "--out",
            str(out),
            "--fail-on-prediction-errors",
        )  # fmt: skip
    )
    typer.echo(f"모든 테스트 스토리가 통과했어요. 결과: {out}")


company_app = typer.Typer(help="회사 담당자 연결", no_args_is_help=True)
app.add_typer(company_app, name="company")


def _bot_username(settings: Settings) -> str | None:
    """The bot's @username: from the settings, else asked with getMe; None if unknown."""
    if settings.telegram_bot_username:
        return settings.telegram_bot_username.removeprefix("@")
    if not settings.telegram_token:
        return None
    import asyncio

    from telegram import Bot
    from telegram.error import TelegramError

    async def get_me() -> str:
        async with Bot(
            settings.telegram_token or "",
            base_url=settings.telegram_base_url,
            base_file_url=settings.telegram_base_file_url,
        ) as bot:  # entering calls getMe
            return bot.username

    try:
        return asyncio.run(get_me())
    except TelegramError as exc:
        logging.getLogger(__name__).warning("getMe failed: %s", exc)
        return None


@company_app.command("invite")
def company_invite(
    name: Annotated[str, typer.Argument(help="회사명 (예: (주)대한중공업, 대한중공업)")],
) -> None:
    """Make a single-use link that connects a company's Telegram chat to the bot."""
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    from bot import company_messages as msg
    from bot.companies import INVITE_PREFIX
    from bot.services import open_database
    from storage.companies import close_companies, create_invite, find_company

    settings = _settings()
    sessions = open_database(settings)
    with sessions.begin() as session:
        company = find_company(session=session, name=name)
        if company is None:
            close = [c.name for c in close_companies(session=session, name=name)]
            typer.echo(msg.CLI_COMPANY_NOT_FOUND.format(name=name), err=True)
            typer.echo(
                msg.CLI_CLOSE_MATCHES.format(names=", ".join(close))
                if close
                else msg.CLI_NO_CLOSE_MATCHES,
                err=True,
            )
            raise typer.Exit(code=1)
        invite = create_invite(
            session=session, company=company, ttl=timedelta(hours=settings.invite_ttl_hours)
        )
        company_name, token, expires_at = company.name, invite.token, invite.expires_at
    local = expires_at.replace(tzinfo=UTC).astimezone(ZoneInfo(settings.timezone))
    typer.echo(
        msg.CLI_INVITE_CREATED.format(company=company_name, expires=f"{local:%Y-%m-%d %H:%M}")
    )
    start = f"{INVITE_PREFIX}{token}"
    username = _bot_username(settings)
    if username:
        typer.echo(f"https://t.me/{username}?start={start}")
        typer.echo(msg.CLI_INVITE_HOW)
    else:
        typer.echo(msg.CLI_INVITE_NO_USERNAME)
        typer.echo(f"/start {start}")
        typer.echo(msg.CLI_INVITE_USERNAME_HINT)


@app.command("run")
def run_all() -> None:
    """Run the bot: Rasa, the action server and the Telegram front end, supervised.

    Without a Telegram token it opens the console chat instead.
    """
    from bot.errors import BotError
    from bot.supervisor import NO_TOKEN, Supervisor, run_bot, services_for

    settings = _settings()
    if not settings.telegram_token:
        typer.echo(NO_TOKEN)
        chat_command()
        return
    try:
        run_bot(Supervisor(services_for(settings), report=typer.echo))
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


@app.command("telegram")
def telegram_command() -> None:
    """Serve seekers and counselors on Telegram (polling, or the webhook when configured).

    Rasa and the action server must be running (`jobbot run` supervises all three).
    """
    from bot.errors import BotError
    from bot.telegram_app import run_telegram

    try:
        run_telegram(_settings())
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


if __name__ == "__main__":
    app()
