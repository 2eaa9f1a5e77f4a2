"""Where quantities start and what they are: digits, number words, currency signs."""

from __future__ import annotations

from synopsis.analyze import analyze
from synopsis.analyze._quantities import anchor_starts
from synopsis.model.types import Article


def test_number_words_start_quantities_only_at_word_starts() -> None:
    text = "two_x, Twenty-two (TWO) hundreds of ten-5 a dozen A Dozen often"
    found = [text[p : p + 6] for p in anchor_starts(text)]
    # not "two_x" (glued), "TWO" (capitals after the first letter) or "often" (inside a word)
    expected = ["Twenty", "two (T", "hundre", "ten-5 ", "5 a do", "a doze", "dozen ", "A Doze"]
    assert found == [*expected, "Dozen "]


def test_a_starts_a_quantity_only_before_dozen_or_hundred() -> None:
    text = "A dozen died; a hundred fled; a man and tens of thousands"
    words = [text[p : p + 5] for p in anchor_starts(text)]
    assert words == ["A doz", "dozen", "a hun", "hundr", "tens ", "thous"]  # not "a man"


def test_digit_runs_start_once() -> None:
    assert anchor_starts("In 1998, 1,500 of 20 boats") == [3, 9, 11, 18]


def test_currency_signs_set_the_unit_even_before_a_line_break() -> None:
    arts = [
        Article("a", "The company paid $\n5 million for the port, officials said on Monday."),
        Article("b", "The company paid US$5 million for the port, officials said."),
    ]
    units = {v.unit for g in analyze(arts).numbers for v in g.values}
    assert units == {"USD"}
