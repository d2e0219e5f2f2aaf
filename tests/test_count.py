import pytest

from rag.count import count, counter_label, fits


@pytest.mark.parametrize(
    ("text", "word", "char"),
    [
        ("2025年", 2, 5),
        ("DCMM", 1, 4),
        ("通过DCMM 3级认证，", 8, 11),
        ("  \n\t", 0, 0),
        ("数据空间（一）", 7, 7),
        ("email: a.b@c.com", 5, 15),
        ("版本3.5发布", 5, 7),
    ],
)
def test_word_and_char_modes(text, word, char):
    assert count(text, "word") == word
    assert count(text, "char") == char


def test_limit_and_label():
    assert fits("一二三", 3) and not fits("一二三四", 3)
    assert counter_label("一二三", 1000) == "3 / 1000 字"
    with pytest.raises(ValueError):
        count("x", "bytes")  # type: ignore[arg-type]
