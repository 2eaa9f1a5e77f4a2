"""Literal articles about three stories, written for these tests."""

from __future__ import annotations

from synopsis.model.types import Article

BRIDGE = [
    "The Harbor Bridge was closed on Monday after engineers found cracks in two steel girders "
    "supporting the eastern span. City officials said the bridge would stay closed for repairs.",
    "Engineers discovered cracks in steel girders of the Harbor Bridge, and the city closed the "
    "bridge to traffic on Monday. Repairs to the eastern span could take weeks, officials said.",
    "Commuters faced long detours after the Harbor Bridge closure. Cracks found in girders of the "
    "eastern span forced the city to shut the bridge for repairs, engineers said.",
]
VOTE = [
    "Voters in Millbrook County approved a school levy on Tuesday, giving the district money to "
    "rebuild three elementary schools. The levy passed with 58 percent of the vote.",
    "The Millbrook school levy passed on Tuesday with 58 percent support. District leaders said "
    "the money will rebuild three elementary schools over four years.",
]
STORM = [
    "A winter storm dumped two feet of snow on the Cascade passes overnight, closing the highway "
    "and stranding trucks. Plows worked through the night to clear the snow.",
    "Snow from the winter storm closed the Cascade highway passes; crews and plows cleared two "
    "feet of snow as stranded trucks waited overnight.",
]


def articles() -> list[Article]:
    """Seven articles, interleaved: bridge, vote, storm, bridge, vote, storm, bridge."""
    order = [
        ("bridge-1", BRIDGE[0], "2024-03-04", "Harbor Times"),
        ("vote-1", VOTE[0], "2024-03-05", "Millbrook Herald"),
        ("storm-1", STORM[0], "2024-03-05", "Valley News"),
        ("bridge-2", BRIDGE[1], "2024-03-05", "City Wire"),
        ("vote-2", VOTE[1], "2024-03-06", "County Post"),
        ("storm-2", STORM[1], "2024-03-06", "Mountain Daily"),
        ("bridge-3", BRIDGE[2], "2024-03-06", "Harbor Times"),
    ]
    return [
        Article(id=i, text=t, published=d, outlet=o, url=f"https://example.org/{i}")
        for i, t, d, o in order
    ]


def story_of(article_id: str) -> str:
    """The true story of a fixture article id."""
    return article_id.split("-")[0]
