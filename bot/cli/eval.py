"""`jobbot eval`: retrieval, NLU and dialogue evaluations that print numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import load_settings, open_matcher_or_exit, parse_date, run_rasa

__all__ = ["eval_app"]

eval_app = typer.Typer(help="품질 평가", no_args_is_help=True)

DEV_SET = Path("data/eval/retrieval_dev.jsonl")
EVAL_AS_OF = "2026-11-01"


@eval_app.command("retrieval")
def eval_retrieval(
    dev: Annotated[Path, typer.Option(help="평가 세트 (JSON Lines)")] = DEV_SET,
    as_of: Annotated[str, typer.Option(help="마감 기준일")] = EVAL_AS_OF,
) -> None:
    """Print Recall@5, MRR@10, nDCG@10 and traps for dense, lexical, RRF and hybrid."""
    from retrieval.evaluation import evaluate_retrieval, format_table

    matcher = open_matcher_or_exit()
    methods, by_tag = evaluate_retrieval(matcher, dev, as_of=parse_date(as_of))
    queries = len(methods["hybrid"].recall5)
    typer.echo(f"Retrieval on {dev} ({queries} queries, as of {as_of})\n")
    typer.echo(format_table(methods))
    typer.echo("\nTraps@5: top-5 slots holding a labelled trap (look-alike or excluded), summed.")
    typer.echo("fused = RRF of dense and lexical; hybrid = fused + constraint-aware tiers.\n")
    typer.echo("hybrid by query tag (n = queries with the tag):")
    typer.echo(
        format_table({f"{tag} (n={len(m.recall5)})": m for tag, m in by_tag.items()}, label="tag")
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
