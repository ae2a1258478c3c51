"""Amplification bombs: a small file whose text would expand past the limit is refused,
quickly and with a sentence that says why, before the text is built."""

from pathlib import Path

from annotator.io.readers.common import MAX_TEXT_CHARS
from tests.io.helpers import refused
from tests.io.test_readers_odt import odt_with_body


def _row(cell_text: str, columns: int, rows: int) -> str:
    return (
        f"<table:table-row table:number-rows-repeated='{rows}'>"
        f"<table:table-cell table:number-columns-repeated='{columns}'>"
        f"<text:p>{cell_text}</text:p></table:table-cell></table:table-row>"
    )


def test_rows_times_columns_cannot_multiply_past_the_text_limit(tmp_path: Path) -> None:
    # 1000 × 1000 cells of 100 characters: 100 million characters from one small file.
    body = "<table:table>" + _row("治" * 100, 1000, 1000) + "</table:table>"
    path = odt_with_body(tmp_path / "bomb.odt", body)
    assert path.stat().st_size < 100_000  # stored uncompressed; a few KB zipped
    refused(path, "longer than 50 million characters", "nothing was imported")
    assert MAX_TEXT_CHARS == 50_000_000  # the number the refusal names


def test_nested_tables_cannot_multiply_past_the_text_limit(tmp_path: Path) -> None:
    inner = "<table:table>" + _row("x" * 50, 1000, 10) + "</table:table>"
    body = (
        "<table:table><table:table-row table:number-rows-repeated='1000'>"
        f"<table:table-cell table:number-columns-repeated='1000'>{inner}</table:table-cell>"
        "</table:table-row></table:table>"
    )
    refused(odt_with_body(tmp_path / "nested.odt", body), "longer than")


def test_a_large_table_under_the_limit_still_imports(tmp_path: Path) -> None:
    body = "<table:table>" + _row("治理", 100, 1000) + "</table:table>"
    from annotator.io.readers import read_document

    text = read_document(odt_with_body(tmp_path / "ok.odt", body)).text
    assert text.count("治理") == 100 * 1000
