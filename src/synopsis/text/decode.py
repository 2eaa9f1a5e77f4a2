"""Decoding the bytes of an input file or upload into text.

UTF-8 (with or without BOM) and UTF-16 with BOM are decoded directly; anything else goes to
charset-normalizer's detector (the successor of Mozilla's universal charset detector: Li &
Momoi, "A composite approach to language/encoding detection", 19th Unicode Conference, 2001),
breaking ties between single-byte Latin code pages toward windows-1252 as browsers do (WHATWG
Encoding Standard, "legacy single-byte encodings").
"""

from __future__ import annotations

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes) -> str | None:
    """Decode the bytes of a text file.

    Args:
        data: the raw bytes.

    Returns:
        The text (a UTF-8 BOM removed), or None when the bytes are binary (NUL bytes outside
        UTF-16) or no encoding fits them.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported on first need: slow to import

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    # Single-byte Latin code pages often tie; like browsers (WHATWG), prefer windows-1252.
    for match in results:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and match.encoding == "cp1252":
            return str(match)
    return str(best)
