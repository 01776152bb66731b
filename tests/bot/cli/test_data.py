"""The `jobbot` command line, run in-process against isolated homes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings
from tests.conftest import REPO
from tests.helpers.worknet_api import Posting, WorknetStandIn

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


GOOD_AND_BAD = (
    '{"source":"s","source_id":"1","company":"군산정밀","title":"CNC 선반 기사","region":"군산시 소룡동"}\n'
    '{"source":"s","source_id":"2","company":"군산정밀"}\n'
)


def test_import_json_prints_one_stable_object_per_file(home_env: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(GOOD_AND_BAD, encoding="utf-8")
    second.write_text(GOOD_AND_BAD, encoding="utf-8")
    result = runner.invoke(app, ["import", str(first), str(second), "--no-index", "--json"])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    reason = "필수 항목이 비어 있습니다: 제목(title)"
    assert objects == [
        {"file": str(first), "format": "jsonl", "rows": 2, "new": 1, "updated": 0,
         "unchanged": 0, "merged": 0, "rejected": 1, "errors": [{"line": 2, "reason": reason}]},
        {"file": str(second), "format": "jsonl", "rows": 2, "new": 0, "updated": 0,
         "unchanged": 1, "merged": 0, "rejected": 1, "errors": [{"line": 2, "reason": reason}]},
    ]  # fmt: skip
    assert "합계" in result.stderr


def test_an_error_envelope_file_fails_with_the_source_message(
    home_env: Path, tmp_path: Path
) -> None:
    envelope = tmp_path / "worknet.xml"
    envelope.write_text(
        "<wantedRoot><message>정보가 존재하지 않습니다.</message><messageCd>006</messageCd>"
        "</wantedRoot>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(envelope), "--no-index", "--json"])
    assert result.exit_code == 1
    assert "고용24 응답 오류 (006): 정보가 존재하지 않습니다." in result.stderr
    assert json.loads(result.stdout)["errors"][0]["line"] == 0
    assert "Traceback" not in result.output


def test_columns_option_maps_unknown_headers(home_env: Path, tmp_path: Path) -> None:
    export = tmp_path / "office.csv"
    export.write_text(
        "구인업체,모집분야,근무지\n군산식품,식품 포장 생산직,군산시 산북동\n", encoding="utf-8"
    )
    refused = runner.invoke(app, ["import", str(export), "--no-index"])
    assert refused.exit_code == 1
    assert "--columns" in refused.stderr
    result = runner.invoke(
        app, ["import", str(export), "--no-index", "--columns", "구인업체=company,모집분야=title"]
    )
    assert result.exit_code == 0, result.output
    assert "신규 1" in result.output
    bad = runner.invoke(app, ["import", str(export), "--columns", "구인업체=업체이름"])
    assert bad.exit_code == 2
    assert "알 수 없는 열 이름" in bad.stderr


def test_full_import_of_a_source_retires_what_the_file_dropped(
    home_env: Path, tmp_path: Path
) -> None:
    export = tmp_path / "city.jsonl"
    rows = [
        {"source_id": "1", "company": "군산정밀", "title": "CNC 선반 기사", "region": "군산시"},
        {"source_id": "2", "company": "오식도물류", "title": "지게차 운전원", "region": "군산시"},
    ]
    export.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert (
        runner.invoke(app, ["import", str(export), "--source", "city", "--no-index"]).exit_code == 0
    )
    export.write_text(json.dumps(rows[0], ensure_ascii=False), encoding="utf-8")
    refused = runner.invoke(app, ["import", str(export), "--full", "--no-index"])
    assert refused.exit_code == 2 and "--source" in refused.output
    result = runner.invoke(app, ["import", str(export), "--source", "city", "--full", "--no-index"])
    assert result.exit_code == 0, result.output
    assert "마감 처리 1" in result.output


def test_fetch_worknet_imports_and_never_shows_the_key(
    home_env: Path, monkeypatch: pytest.MonkeyPatch, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = [
        Posting("K100", "(주)새만금중공업", "선박블록 CO2 용접사 모집"),
        Posting("K101", "군산물류(주)", "지게차 운전원 모집", close="채용시까지  26-11-30"),
    ]
    monkeypatch.setenv("JOBBOT_WORKNET_BASE_URL", worknet_api.base_url)
    missing_key = runner.invoke(app, ["fetch", "worknet", "--no-index"])
    assert missing_key.exit_code == 1 and "JOBBOT_WORKNET_AUTH_KEY" in missing_key.stderr

    monkeypatch.setenv("JOBBOT_WORKNET_AUTH_KEY", worknet_api.key)
    args = ["-v", "fetch", "worknet", "--region", "45130", "--since", "W-1", "--details"]
    dry = runner.invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "신규 2" in dry.output and "저장하지 않았습니다" in dry.output
    result = runner.invoke(app, [*args, "--no-index"])
    assert result.exit_code == 0, result.output
    assert "신규 2" in result.output and "상세 2건" in result.output
    lists = [params for path, params in worknet_api.calls if path.endswith("210L01.do")]
    assert (lists[-1]["region"], lists[-1]["regDate"]) == ("45130", "W-1")

    worknet_api.envelope = "002"
    refused = runner.invoke(app, [*args, "--no-index"])
    assert refused.exit_code == 1
    assert "고용24 응답 오류 (002): 유효하지 않은 인증키 입니다." in refused.stderr
    for run in (dry, result, refused):
        assert worknet_api.key not in run.output
    assert "Traceback" not in refused.output


def test_import_reindexes_whenever_the_index_lags(home_env: Path, tmp_path: Path) -> None:
    export = tmp_path / "a.jsonl"
    export.write_text(GOOD_AND_BAD, encoding="utf-8")
    assert runner.invoke(app, ["import", str(export), "--no-index"]).exit_code == 0
    # Nothing changes this time, but the index has never seen the opening.
    result = runner.invoke(app, ["import", str(export)])
    assert result.exit_code == 0, result.output
    assert "색인 갱신: 추가 1" in result.output
    again = runner.invoke(app, ["import", str(export)])
    assert "색인 갱신" not in again.output
