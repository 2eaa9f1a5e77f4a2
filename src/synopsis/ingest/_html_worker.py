"""HTML extraction worker: one JSON page per stdin line, one JSON result per stdout line.

Run as a script by `synopsis.ingest.html_extract`; it imports only trafilatura, so it starts fast.
"""

import json
import sys
from typing import Any


def extract(html: str) -> dict[str, Any]:
    """Main text and metadata of one page, or an error."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:
        return {"text": None, "error": f"HTML extraction failed: {type(exc).__name__}: {exc}"}
    if doc is None:
        return {"text": None}
    d = doc if isinstance(doc, dict) else doc.as_dict()
    keys = (
        ("text", "text"),
        ("title", "title"),
        ("published", "date"),
        ("outlet", "sitename"),
        ("url", "url"),
    )
    return {k: d.get(src) or None for k, src in keys}


def main() -> None:
    """Serve pages from stdin until it closes."""
    for line in sys.stdin:
        sys.stdout.write(json.dumps(extract(json.loads(line))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
