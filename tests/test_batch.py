"""Batch summarization: order, failures, backends."""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from synopsis.apps import batch
from synopsis.apps.batch import (
    GC_THRESHOLDS,
    MAX_WORKERS,
    run_batch,
    summarize_cluster,
    worker_count,
)
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import DependencyError, InputError
from synopsis.model.types import Article, DocumentSet

TEXT = (
    "Floodwater forced 300 families from their homes in Elm on Monday. "
    "Rescue teams worked through the night to reach residents stranded by the river."
)


def _cluster(cid: str, text: str = TEXT) -> DocumentSet:
    return DocumentSet(id=cid, articles=(Article(id="a", text=text), Article(id="b", text=text)))


def _collect(workers: int, items: list[DocumentSet | InputError]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    result = run_batch(
        items, lambda r: out.append(dict(r)), config=SummarizerConfig(max_words=30), workers=workers
    )
    assert result.total == len(items)
    assert result.failed == sum("error" in r for r in out)
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_errors_kept(workers: int) -> None:
    items: list[DocumentSet | InputError] = [
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


def test_batch_record_carries_the_headline_first_after_the_id() -> None:
    record = summarize_cluster(_cluster("c"), SummarizerConfig(max_words=20))
    assert list(record)[:3] == ["id", "headline", "summary"]
    assert isinstance(record["headline"], str) and record["headline"]


def test_unknown_backend_and_missing_ray() -> None:
    with pytest.raises(InputError, match="backend"):
        run_batch([], print, config=SummarizerConfig(), backend="spark")
    if importlib.util.find_spec("ray") is None:
        with pytest.raises(DependencyError, match="synopsis\\[ray\\]"):
            run_batch([_cluster("c")], print, config=SummarizerConfig(), backend="ray")


def test_ray_backend_matches_process_pool() -> None:
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'synopsis[ray]'")
    items: list[DocumentSet | InputError] = [_cluster("c1"), _cluster("empty", " "), _cluster("c3")]
    expected = _collect(1, items)
    got: list[dict[str, Any]] = []
    try:
        result = run_batch(
            items,
            lambda r: got.append(dict(r)),
            config=SummarizerConfig(max_words=30),
            workers=1,
            backend="ray",
        )
    finally:
        ray.shutdown()
    assert result.total == 3 and result.failed == 1
    assert got == expected


def test_in_process_batch_tunes_gc_while_running_and_restores_it() -> None:
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


def test_worker_count_is_capped_at_the_cpus_unless_oversubscribed() -> None:
    cpus = worker_count(0)
    assert cpus >= 1
    assert worker_count(10_000) == cpus
    assert worker_count(10_000, oversubscribe=True) == MAX_WORKERS
    assert worker_count(1) == 1


def test_pool_starts_only_after_the_first_cluster_is_read_and_reads_ahead_boundedly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    real_pool = ProcessPoolExecutor

    def recording_pool(*args: Any, **kwargs: Any) -> Any:
        events.append("pool")
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", recording_pool)

    def clusters(n: int) -> Iterator[DocumentSet | InputError]:
        for i in range(n):
            events.append(f"read {i}")
            yield _cluster(f"c{i}")

    first_write: list[int] = []

    def write(_record: object) -> None:
        if not first_write:
            first_write.append(sum(e.startswith("read") for e in events))

    result = run_batch(clusters(40), write, config=SummarizerConfig(max_words=30), workers=2)
    assert result.total == 40 and result.failed == 0
    # the pool starts once the first chunk has been read, not before
    assert events[: events.index("pool")] == [f"read {i}" for i in range(batch.CHUNK_SIZE)]
    assert events.count("pool") == 1
    # 2 workers x POOL_CHUNKS_PER_WORKER chunks of CHUNK_SIZE clusters, not the whole input
    assert first_write[0] <= 2 * batch.POOL_CHUNKS_PER_WORKER * batch.CHUNK_SIZE


def test_empty_input_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a process pool was started for no clusters")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    result = run_batch(iter([]), print, config=SummarizerConfig(), workers=4)
    assert result.total == 0
