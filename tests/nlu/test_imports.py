"""The nlu package stays importable inside the Rasa environment: stdlib only at import time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_loads_no_third_party_module() -> None:
    code = (
        "import sys, nlu\n"
        "nlu.parse_seeker_text('용접 10년 했어요, 야간은 못해요')\n"
        "bad = [m for m in ('kiwipiepy', 'numpy', 'pydantic') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
