"""`jobbot transitions` and `jobbot fetch courses`, run in-process against isolated homes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.conftest import REPO

runner = CliRunner()


@pytest.fixture
def home_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh JOBBOT_HOME with the hand-written courses imported."""
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    monkeypatch.delenv("JOBBOT_HRD_AUTH_KEY", raising=False)
    courses = [
        str(REPO / "data/courses/local_courses.csv"),
        str(REPO / "data/courses/fixtures/hrd_list.xml"),
    ]
    result = runner.invoke(app, ["import", *courses, "--no-index"])
    assert result.exit_code == 0, result.output
    assert "course-csv 28행" in result.output and "hrd-xml 12행" in result.output
    return tmp_path


def test_json_is_one_object_with_upcoming_courses_only(home_env: Path) -> None:
    text = "GM에서 차체 15년, 배터리 공장 가고 싶어요"
    result = runner.invoke(app, ["transitions", text, "--as-of", "2027-01-05", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["targets", "courses"]
    assert data["targets"][0]["code"] in {"8351", "8360", "8512"}
    assert data["targets"][0]["openings"] == []  # no openings imported
    assert data["courses"] and all(c["starts_on"] >= "2027-01-05" for c in data["courses"])


def test_text_output_says_what_carries_over_and_what_is_missing(home_env: Path) -> None:
    text = "조선소 용접 20년 했는디 해상풍력 쪽은 어쩐당가요"
    result = runner.invoke(app, ["transitions", text, "--as-of", "2026-12-03"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("경력: 용접(조선)\n1. 용접원(해상풍력")
    assert "이어지는 것:" in result.output and "부족한 것:" in result.output
    assert "다가오는 훈련과정:" in result.output


def test_words_without_a_trade_get_a_polite_example(home_env: Path) -> None:
    result = runner.invoke(app, ["transitions", "안녕하세요"])
    assert result.exit_code == 1
    assert "알아듣지 못했어요" in result.output


def test_a_bad_date_is_refused_in_korean(home_env: Path) -> None:
    result = runner.invoke(app, ["transitions", "용접 10년", "--as-of", "12/03"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_fetch_courses_without_a_key_says_how_to_add_one(home_env: Path) -> None:
    result = runner.invoke(app, ["fetch", "courses", "--region", "45"])
    assert result.exit_code == 1
    assert "JOBBOT_HRD_AUTH_KEY" in result.output
