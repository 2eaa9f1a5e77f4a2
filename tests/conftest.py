"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
UPDATE_GOLDEN = os.environ.get("SYNOPSIS_UPDATE_GOLDEN") == "1"

# In CI every hypothesis test draws the same examples on every run (a red build is then the code's
# doing, not the seed's); locally they explore. FUZZ_RANDOM=1 explores in CI too.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") and os.environ.get("FUZZ_RANDOM") != "1":
    settings.load_profile("ci")


@pytest.fixture()
def shared_dir() -> Path:
    """The evaluation data beside the repo; skips when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"evaluation data not found at {SHARED} (it lives beside the repo)")
    return SHARED


def check_golden(name: str, text: str) -> None:
    """Compare `text` with tests/golden/NAME; SYNOPSIS_UPDATE_GOLDEN=1 rewrites it."""
    path = REPO / "tests" / "golden" / name
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path} was missing and has been written; re-run")
    assert text == path.read_text(encoding="utf-8"), (
        f"output differs from {path}; if intended, re-run with SYNOPSIS_UPDATE_GOLDEN=1"
    )
