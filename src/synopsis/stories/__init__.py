"""Stories: group a stream of articles into stories as they arrive, and keep them in a store."""

from __future__ import annotations

from synopsis.stories.cluster import Assignment, ClusterParams, OnlineClusterer
from synopsis.stories.store import AddResult, LastSummary, StoryInfo, StoryStore

__all__ = [
    "AddResult",
    "Assignment",
    "ClusterParams",
    "LastSummary",
    "OnlineClusterer",
    "StoryInfo",
    "StoryStore",
]
