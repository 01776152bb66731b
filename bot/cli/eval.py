"""`jobbot eval`: retrieval, NLU and dialogue evaluations that print numbers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.common import load_settings, open_matcher_or_exit, parse_date, run_rasa

if TYPE_CHECKING:
    from retrieval.matcher import Matcher

__all__ = ["eval_app"]

eval_app = typer.Typer(help="품질 평가", no_args_is_help=True)

HANDWRITTEN = Path("data/eval/handwritten")
#: The hand-written openings, in the shapes their sources publish; both hand-written seeker
#: sets are labelled against them.
HANDWRITTEN_OPENINGS = (
    HANDWRITTEN / "worknet_list.xml",
    *sorted((HANDWRITTEN / "worknet_details").glob("*.xml")),
    HANDWRITTEN / "saramin_export.csv",
    HANDWRITTEN / "albamon_export.csv",
    HANDWRITTEN / "gunsan_city.csv",
)
#: The dev sets: the generator's synthetic one, the one written by hand, and a second to a seventh
#: hand-written seeker set by other authors on the same openings (data/eval/handwritten/README.md).
DEV_SETS: dict[str, tuple[Path, tuple[Path, ...], str]] = {
    "synthetic": (
        Path("data/eval/retrieval_dev.jsonl"),
        (Path("data/openings/gunsan_openings.csv"), Path("data/openings/worknet_sample.xml")),
        "2026-11-01",
    ),
    "handwritten": (HANDWRITTEN / "seekers.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "second": (HANDWRITTEN / "seekers_second.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "third": (HANDWRITTEN / "seekers_third.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "fourth": (HANDWRITTEN / "seekers_fourth.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "fifth": (HANDWRITTEN / "seekers_fifth.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "sixth": (HANDWRITTEN / "seekers_sixth.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
    "seventh": (HANDWRITTEN / "seekers_seventh.jsonl", HANDWRITTEN_OPENINGS, "2026-12-01"),
}


@eval_app.command("retrieval")
def eval_retrieval(
    dev: Annotated[
        Path | None, typer.Option(help="평가 세트 (JSON Lines); 없으면 개발 세트 모두")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="마감 기준일 (--dev 와 함께)")] = None,
) -> None:
    """Recall@5, MRR@10, nDCG@10 and traps for plain, dense, lexical, RRF and hybrid.

    Without ``--dev``, every dev set side by side, each imported into a temporary home of its
    own as of its date; with ``--dev``, that file against the configured home.
    """
    import tempfile

    from bot.services import match_policy, open_embedder
    from retrieval.evaluation import (
        Claims,
        DevSet,
        Metrics,
        evaluate_retrieval,
        format_claims,
        format_side_by_side,
        format_table,
        load_dev_set,
        open_dev_home,
    )

    if dev is not None:
        matcher = open_matcher_or_exit()
        date = parse_date(as_of)
        result = evaluate_retrieval(matcher, load_dev_set(dev), as_of=date)
        count = len(result.methods["hybrid"].recall5)
        typer.echo(f"Retrieval on {dev} ({count} queries, as of {date})\n")
        typer.echo(format_table(result.methods))
        _legend()
        return
    settings = load_settings()
    embedder = open_embedder(settings)
    results: dict[str, dict[str, Metrics]] = {}
    claims: dict[str, Claims] = {}
    by_tag: dict[str, dict[str, Metrics]] = {}
    homes: dict[tuple[tuple[Path, ...], str], Matcher] = {}  # sets on the same openings share
    with tempfile.TemporaryDirectory(prefix="jobbot-eval-") as tmp:
        for name, (queries, openings, day) in DEV_SETS.items():
            dev_set = DevSet(name, queries, openings, parse_date(day))
            if (openings, day) not in homes:
                homes[openings, day] = open_dev_home(
                    dev_set, Path(tmp) / name, embedder=embedder, policy=match_policy(settings)
                )
            matcher = homes[openings, day]
            loaded = load_dev_set(queries)
            result = evaluate_retrieval(matcher, loaded, as_of=dev_set.as_of)
            results[name], by_tag[name] = result.methods, result.by_tag
            claims[name] = result.claims
            typer.echo(
                f"{name}: {queries} ({len(loaded)} queries, {len(matcher.catalog)} openings, "
                f"as of {day})"
            )
    typer.echo("")
    typer.echo(format_side_by_side(results))
    _legend()
    typer.echo("")
    typer.echo(format_claims(claims))
    for name, tags in by_tag.items():
        typer.echo(f"\nhybrid by query tag on {name} (n = queries with the tag):")
        typer.echo(
            format_table({f"{tag} (n={len(m.recall5)})": m for tag, m in tags.items()}, label="tag")
        )


def _legend() -> None:
    typer.echo("\nTraps@5: top-5 slots holding a labelled trap (look-alike or excluded), summed.")
    typer.echo(
        "plain = e5 + Kiwi BM25 on the raw text fused by RRF, expiry filter only (baseline); "
        "fused = RRF after the hard filters; hybrid = fused + bounded re-scoring."
    )


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
    from bot.runtime.nlu_evaluation import evaluate_nlu

    settings = load_settings()
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
    from bot.runtime.rasa_server import newest_model, rasa_command

    settings = load_settings()
    model = newest_model(settings)
    if model is None:
        typer.echo("학습된 Rasa 모델이 없어요. 먼저 `jobbot rasa train`을 실행해 주세요.", err=True)
        raise typer.Exit(code=1)
    out = (settings.rasa_dir / "test-core").resolve()
    run_rasa(
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
