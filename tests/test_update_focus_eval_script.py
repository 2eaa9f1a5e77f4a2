"""benchmarks/update_focus_eval.py: the table of what --since adds (literal figures only).

Nothing here reads ../shared: the table is built from R-2 figures given to it.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests._scripts import benchmark_script


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return benchmark_script("update_focus_eval")


def test_since_gain_subtracts_the_same_mode_without_since(script: ModuleType) -> None:
    r2 = {
        "plain": [10.31, 11.64, 9.07],
        "--since": [10.54, 12.01, 9.16],
        "--focus": [10.44, 11.10, 9.86],
        "--since --focus": [11.66, 12.72, 10.65],
    }
    rows = script.since_gain(r2)
    assert "| --since over plain | +0.23 | +0.37 | +0.09 |" in rows
    assert "| --since --focus over --focus | +1.22 | +1.62 | +0.79 |" in rows


def test_since_gain_shows_a_loss_with_its_sign(script: ModuleType) -> None:
    r2 = {name: [10.0, 10.0, 10.0] for name in ("plain", "--focus", "--since --focus")}
    r2["--since"] = [9.5, 9.0, 10.0]
    assert "| --since over plain | -0.50 | -1.00 | +0.00 |" in script.since_gain(r2)
