"""The `jobbot` command line, run in-process against isolated homes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings
from tests.conftest import REPO

runner = CliRunner()


@pytest.fixture
def home_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh JOBBOT_HOME sharing the repo's converted model."""
    (tmp_path / "models").symlink_to(REPO / "var" / "models", target_is_directory=True)
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    return tmp_path


def test_import_reports_bad_rows_with_lines_and_keeps_good_ones(
    home_env: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"source":"s","source_id":"1","company":"군산정밀","title":"CNC 선반 기사","region":"군산시 소룡동"}\n'
        '{"source":"s","source_id":"2","company":"군산정밀"}\n'
        "not json\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(bad), "--no-index"])
    assert result.exit_code == 0, result.output
    assert "신규 1" in result.output
    assert f"{bad}:2: 필수 항목이 비어 있습니다: 제목(title)" in result.output
    assert f"{bad}:3: JSON 형식이 아닙니다" in result.output


def test_missing_file_fails_politely(home_env: Path) -> None:
    result = runner.invoke(app, ["import", "없는파일.csv", "--no-index"])
    assert result.exit_code == 1
    assert "파일이 없습니다" in result.output


def test_match_without_index_explains_what_to_do(home_env: Path) -> None:
    result = runner.invoke(app, ["match", "용접 일자리"])
    assert result.exit_code == 1
    assert "jobbot import" in result.output


def test_match_json_shape_and_batch(
    monkeypatch: pytest.MonkeyPatch, sample_settings: Settings, tmp_path: Path
) -> None:
    monkeypatch.setenv("JOBBOT_HOME", str(sample_settings.home))
    result = runner.invoke(
        app,
        ["match", "지게차 자격증 있어요 주간만", "--json", "--top", "3", "--as-of", "2026-11-01"],
    )
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert len(items) == 3
    for item in items:
        assert {"opening_id", "title", "company", "sources", "score", "reasons"} <= set(item)
        assert item["sources"] and {"source", "source_id"} == set(item["sources"][0])
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)

    batch = tmp_path / "seekers.txt"
    batch.write_text("용접 15년\n\n도장 경력 있어요\n", encoding="utf-8")
    result = runner.invoke(app, ["match", "--batch", str(batch), "--json", "--as-of", "2026-11-01"])
    lines = result.output.strip().splitlines()
    assert len(lines) == 3
    assert [len(json.loads(line)) for line in lines] == [5, 0, 5]


def test_match_rejects_a_bad_date(
    monkeypatch: pytest.MonkeyPatch, sample_settings: Settings
) -> None:
    monkeypatch.setenv("JOBBOT_HOME", str(sample_settings.home))
    result = runner.invoke(app, ["match", "용접", "--as-of", "11/01"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_eval_prints_all_channels(
    monkeypatch: pytest.MonkeyPatch, sample_settings: Settings
) -> None:
    monkeypatch.setenv("JOBBOT_HOME", str(sample_settings.home))
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["eval", "retrieval"])
    assert result.exit_code == 0, result.output
    for method in ("dense", "lexical", "fused", "hybrid"):
        assert method in result.output
