"""``store/file_format`` says what the models and the migrations say, without SQLAlchemy."""

from annotator.store import file_format
from annotator.store.migrations import CURRENT_VERSION
from annotator.store.models import Base


def test_the_plain_format_is_the_current_one() -> None:
    tables = {t.name: tuple(c.name for c in t.columns) for t in Base.metadata.sorted_tables}
    assert (CURRENT_VERSION, tables) == (file_format.VERSION, file_format.TABLES), (
        "a migration step changed the format: in annotator/store/file_format.py write\n"
        f"VERSION = {CURRENT_VERSION}\nTABLES = {tables!r}")


def test_a_new_project_carries_the_format_marks(project) -> None:
    head = project.path.read_bytes()[:len(file_format.SQLITE_MAGIC)]
    assert head == file_format.SQLITE_MAGIC
    with project.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == \
            file_format.APPLICATION_ID
