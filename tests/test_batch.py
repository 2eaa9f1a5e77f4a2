"""Batch summarization: order, failures, backends."""

from __future__ import annotations

import gc
import importlib.util
from typing import Any

import pytest

from synopsis.apps.batch import GC_THRESHOLDS, run_batch, summarize_cluster
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import DependencyError, InputError
from synopsis.model.types import Article, Cluster

TEXT = (
    "Floodwater forced 300 families from their homes in Elm on Monday. "
    "Rescue teams worked through the night to reach residents stranded by the river."
)


def _cluster(cid: str, text: str = TEXT) -> Cluster:
    return Cluster(id=cid, articles=(Article(id="a", text=text), Article(id="b", text=text)))


def _collect(workers: int, items: list[Cluster | InputError]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    result = run_batch(items, out.append, config=SummarizerConfig(max_words=30), workers=workers)
    assert result.total == len(items)
    assert result.failed == sum("error" in r for r in out)
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_errors_kept(workers: int) -> None:
    items: list[Cluster | InputError] = [
        _cluster("c1"),
        _cluster("empty", "  "),
        InputError("in.jsonl line 3: not JSON"),
        _cluster("c4"),
    ]
    out = _collect(workers, items)
    assert [r["id"] for r in out] == ["c1", "empty", None, "c4"]
    assert "error" in out[1] and out[2]["error"] == "in.jsonl line 3: not JSON"
    assert out[0]["sentences"][0]["sources"]


def test_summarize_cluster_reports_skipped() -> None:
    record = summarize_cluster(_cluster("c"), SummarizerConfig(max_words=20))
    assert set(record) >= {"id", "summary", "sentences"}


def test_unknown_backend_and_missing_ray() -> None:
    with pytest.raises(InputError, match="backend"):
        run_batch([], print, config=SummarizerConfig(), backend="spark")
    if importlib.util.find_spec("ray") is None:
        with pytest.raises(DependencyError, match="synopsis\\[ray\\]"):
            run_batch([_cluster("c")], print, config=SummarizerConfig(), backend="ray")


def test_ray_backend_matches_process_pool() -> None:
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'synopsis[ray]'")
    items: list[Cluster | InputError] = [_cluster("c1"), _cluster("empty", " "), _cluster("c3")]
    expected = _collect(1, items)
    got: list[dict[str, Any]] = []
    try:
        result = run_batch(
            items, got.append, config=SummarizerConfig(max_words=30), workers=1, backend="ray"
        )
    finally:
        ray.shutdown()
    assert result.total == 3 and result.failed == 1
    assert got == expected


def test_issue4_in_process_batch_tunes_gc_while_running_and_restores_it() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    seen: list[tuple[int, int, int]] = []
    run_batch(
        [_cluster("x")],
        lambda _record: seen.append(gc.get_threshold()),
        config=SummarizerConfig(max_words=30),
        workers=1,
    )
    assert seen == [GC_THRESHOLDS]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
