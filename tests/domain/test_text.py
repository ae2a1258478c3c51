from annotator.domain.text import normalise_text, text_sha256


def test_only_bom_and_line_ends_change() -> None:
    assert normalise_text("\ufeff一\r\n二\r三\n\t四 ") == "一\n二\n三\n\t四 "


def test_same_text_same_hash_whatever_the_line_ends() -> None:
    assert text_sha256(normalise_text("a\r\nb")) == text_sha256(normalise_text("a\nb"))
    assert text_sha256("a") != text_sha256("b")
