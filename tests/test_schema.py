"""The one typed output schema: README's example, real outputs and /openapi.json all follow it."""

from __future__ import annotations

import json
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pytest
from typing_extensions import is_typeddict

from synopsis.model.aligned import Inserted, rebuild
from synopsis.model.types import Article, Summary
from synopsis.pipeline import summarize
from synopsis.render import to_dict
from synopsis.render.schema import BatchRecord, SentenceJSON, SummaryJSON

from .conftest import REPO
from .test_cli_installed import run_installed

EXAMPLE_JSONL = REPO / "examples" / "harbor-bridge.jsonl"


def schema_errors(value: Any, tp: Any, path: str = "$") -> list[str]:
    """Where `value` (parsed JSON) does not follow the type `tp`; empty when it does.

    TypedDicts must have every required key and no unknown key; `float` accepts JSON integers.
    """
    origin = get_origin(tp)
    if tp is Any:
        return []
    if tp is type(None) or tp is None:
        return [] if value is None else [f"{path}: {value!r} is not null"]
    if origin is Literal:
        return [] if value in get_args(tp) else [f"{path}: {value!r} not in {get_args(tp)}"]
    if origin in (Union, types.UnionType):
        tries = [schema_errors(value, alt, path) for alt in get_args(tp)]
        return [] if any(not t for t in tries) else min(tries, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__} is not a list"]
        (item,) = get_args(tp)
        return [e for k, v in enumerate(value) for e in schema_errors(v, item, f"{path}[{k}]")]
    if is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not an object"]
        hints = get_type_hints(tp)
        errors = [f"{path}: unknown key {k!r}" for k in value if k not in hints]
        errors += [f"{path}: missing key {k!r}" for k in tp.__required_keys__ if k not in value]
        for key, sub in hints.items():
            if key in value:
                errors += schema_errors(value[key], sub, f"{path}.{key}")
        return errors
    if tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r} is not a number"]
    if tp in (int, str, bool):
        ok = isinstance(value, tp) and (tp is bool or not isinstance(value, bool))
        return [] if ok else [f"{path}: {value!r} is not {tp.__name__}"]
    raise AssertionError(f"schema_errors cannot check {tp!r}")


def readme_json_example() -> Any:
    """The JSON block under README's "## JSON output" heading."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## JSON output", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block, 'README\'s "## JSON output" section has no ```json block'
    return json.loads(block.group(1))


def example_summary(analyze: bool = True) -> Summary:
    """The bundled example story, summarized in-process."""
    line = json.loads(EXAMPLE_JSONL.read_text(encoding="utf-8").splitlines()[0])
    articles = [Article(id=d["id"], text=d["text"]) for d in line["documents"]]
    from synopsis.model.config import SummarizerConfig

    return summarize(articles, SummarizerConfig(max_words=120, analyze=analyze))


def check_segments(summary: Summary) -> int:
    """Every sentence's segments spell its text from its articles; the number of edits."""
    texts = {a.id: a.text for a in summary.articles}
    inserted = 0
    for sentence in summary.sentences:
        assert sentence.segments, f"sentence without segments: {sentence.text!r}"
        rebuild(sentence.segments, texts, sentence.text)
        inserted += sum(isinstance(s, Inserted) for s in sentence.segments)
    return inserted


def test_schema_checker_reports_unknown_keys_wrong_types_and_values() -> None:
    sentence = {"text": "A ship.", "sources": [{"article": "a", "start": 0, "end": "7"}]}
    errors = schema_errors({**sentence, "segments": [{"article": "a"}], "extra": 1}, SentenceJSON)
    assert "$: unknown key 'extra'" in errors
    assert "$.sources[0].end: '7' is not int" in errors
    assert any("$.segments[0]" in e and "missing key" in e for e in errors)
    bad_status = {"about": "x", "status": "maybe", "values": []}
    from synopsis.render.schema import NumberGroupJSON

    assert schema_errors(bad_status, NumberGroupJSON) == [
        "$.status: 'maybe' not in ('agree', 'differ', 'single', 'revised')"
    ]


def test_readme_json_example_follows_the_schema_and_shows_both_segment_kinds() -> None:
    example = readme_json_example()
    assert schema_errors(example, SummaryJSON) == []
    segments = example["sentences"][0]["segments"]
    assert {"article", "start", "end"} in [set(s) for s in segments]
    assert {"text", "replaces", "why"} in [set(s) for s in segments]


def test_json_output_of_the_example_story_follows_the_schema() -> None:
    summary = example_summary()
    data = json.loads(json.dumps(to_dict(summary)))
    assert schema_errors(data, SummaryJSON) == []
    assert data["entities"] and data["numbers"] and data["timeline"]
    assert check_segments(summary) > 0  # the example has datelines and attributions to drop


def test_installed_command_json_and_batch_lines_follow_the_schema(tmp_path: Path) -> None:
    done = run_installed(
        ["summarize", str(REPO / "examples" / "harbor-bridge"), "--format", "json"]
    )
    assert done.returncode == 0, done.stderr.decode()
    assert schema_errors(json.loads(done.stdout), SummaryJSON) == []
    bad = json.dumps({"id": "empty", "documents": [{"id": "a", "text": "   "}]})
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(EXAMPLE_JSONL.read_text(encoding="utf-8") + bad + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(clusters), "-o", str(out), "--workers", "1", "--analysis"]
    done = run_installed(args)
    assert done.returncode == 4, done.stderr.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [sorted(r) for r in records] == [
        ["entities", "headline", "id", "numbers", "sentences", "summary", "timeline"],
        ["error", "id"],
    ]
    for record in records:
        assert schema_errors(record, BatchRecord) == []


@pytest.mark.shared
def test_duc2004_outputs_follow_the_schema_and_segments_spell_the_sentences(
    shared_dir: Path,
) -> None:
    inserted = 0
    with (shared_dir / "data" / "duc2004" / "test.jsonl").open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(4), strict=False):
            cluster = json.loads(line)
            articles = [Article(id=d["id"], text=d["text"]) for d in cluster["documents"]]
            summary = summarize(articles, max_words=100)
            data = json.loads(json.dumps(to_dict(summary)))
            assert schema_errors(data, SummaryJSON) == [], cluster["id"]
            inserted += check_segments(summary)
    assert inserted > 0


def test_openapi_publishes_typed_components_for_the_summary() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from synopsis.apps.web import ServiceSettings, create_app

    spec = TestClient(create_app(ServiceSettings(workers=1))).get("/openapi.json").json()
    ok = spec["paths"]["/v1/summarize"]["post"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SummaryJSON"
    }
    components = spec["components"]["schemas"]
    summary = components["SummaryJSON"]
    assert set(summary["required"]) == set(SummaryJSON.__required_keys__)
    assert set(summary["properties"]) == set(typing.get_type_hints(SummaryJSON))
    assert summary["properties"]["sentences"]["items"] == {
        "$ref": "#/components/schemas/SentenceJSON"
    }
    assert components["EntityJSON"]["properties"]["type"]["enum"] == [
        "person",
        "place",
        "organization",
        "other",
    ]
    assert components["NumberGroupJSON"]["properties"]["status"]["enum"] == [
        "agree",
        "differ",
        "single",
        "revised",
    ]
    segment = components["SentenceJSON"]["properties"]["segments"]["items"]["anyOf"]
    assert segment == [
        {"$ref": "#/components/schemas/CopiedJSON"},
        {"$ref": "#/components/schemas/InsertedJSON"},
    ]
    assert "additionalProperties" not in json.dumps(summary)  # no dict[str, Any] left
