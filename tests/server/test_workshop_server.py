"""A workshop whose facilitator's project, sources or target live on a server.

The same command-line steps as with files — copies out, coding offline, merge back — with
the facilitator's project as a file and as a team project on a real PostgreSQL server; a
participant's copy on a server is a source like a file. A merge is one transaction on the
server too: a server that goes away in the middle leaves nothing of it.
"""

import json
import threading
import time
from pathlib import Path

import psycopg
from sqlalchemy import text

from annotator.cli import main
from annotator.services.workshop import merge_copies
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project
from tests.conftest import shared_file
from tests.postgres_server import PostgresServer, create_database
from tests.workshop.helpers import code, count

SEED = shared_file("corpus", "seed-paper-zh.txt")


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _prepare(capsys, location: str, tmp_path: Path) -> dict[str, Path]:
    """A project with the seed paper, and two participant copies, each coded once."""
    assert _run(capsys, "new", location)[0] == 0
    assert _run(capsys, "import", location, str(SEED))[0] == 0
    status, out, err = _run(capsys, "copies", location, str(tmp_path / "copies"),
                            "--participants", "甲,乙", "--json")
    assert status == 0, err
    copies = {m["participant"]: Path(m["path"]) for m in json.loads(out)}
    for start, (name, path) in enumerate(sorted(copies.items())):
        assert path.is_file() and path.parent == tmp_path / "copies"
        with Project.open(path) as copy:
            code(copy, name, "seed-paper-zh", "信任/政治信任", 10 * start, 10 * start + 8)
    return copies


def test_copies_out_and_merged_back_in(location, capsys, tmp_path):
    facilitator = location
    copies = _prepare(capsys, facilitator, tmp_path)
    with Project.open(facilitator) as p:
        stem = p.stem
    assert {c.name for c in copies.values()} == {f"{stem}-甲.annotator", f"{stem}-乙.annotator"}
    status, out, err = _run(capsys, "merge", facilitator, *map(str, copies.values()), "--json")
    assert status == 0, err
    assert [r["codings_added"] for r in json.loads(out)] == [1, 1]
    # merging the same copies again adds nothing
    status, out, _ = _run(capsys, "merge", facilitator, *map(str, copies.values()), "--json")
    assert [r["codings_added"] for r in json.loads(out)] == [0, 0]
    with Project.open(facilitator) as p:
        assert count(p, Coding) == 2
        assert {"甲", "乙"} <= {c for c, in _rows(p, "SELECT name FROM coder")}


def _rows(p: Project, sql: str) -> list[tuple]:
    with p.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def test_a_copy_on_a_server_merges_into_a_file_and_a_file_into_a_server(
        postgres_server, capsys, tmp_path):
    facilitator = create_database(postgres_server, "workshop_source_target")
    copies = _prepare(capsys, facilitator, tmp_path)
    on_server = create_database(postgres_server, "workshop_copy_on_server")
    assert _run(capsys, "push", str(copies["甲"]), on_server)[0] == 0
    archive = tmp_path / "存档.annotator"
    assert _run(capsys, "save-copy", facilitator, str(archive))[0] == 0

    status, out, err = _run(capsys, "merge", str(archive), on_server, "--json")
    assert status == 0, err
    (report,) = json.loads(out)
    assert report["codings_added"] == 1 and report["source"] == on_server
    status, out, err = _run(capsys, "merge", facilitator, str(copies["乙"]), "--json")
    assert status == 0, err
    with Project.open(archive) as p:
        assert _rows(p, "SELECT c.name FROM coding g JOIN coder c ON c.id = g.coder_id") == \
            [("甲",)]
    # a project cannot be merged into itself, named by its URL either
    status, _, err = _run(capsys, "merge", facilitator, facilitator)
    assert status == 1 and "itself" in err


def test_bad_sources_are_refused_in_both_languages(postgres_server, capsys, tmp_path):
    facilitator = create_database(postgres_server, "workshop_bad_sources")
    assert _run(capsys, "new", facilitator)[0] == 0
    text_file = tmp_path / "笔记.txt"
    text_file.write_text("不是项目", encoding="utf-8")
    stranger = create_database(postgres_server, "workshop_not_a_project")
    with psycopg.connect(stranger, autocommit=True) as conn:
        conn.execute("CREATE TABLE meta (key text, value text)")
    newer = create_database(postgres_server, "workshop_newer")
    assert _run(capsys, "new", newer)[0] == 0
    with psycopg.connect(newer, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    nowhere = postgres_server.rsplit(":", 1)[0] + ":1/nothing"  # no server listens there
    for lang, words in (("zh", ("不是 Annotator 项目", "没有这个项目文件", "更新版本", "无法连接")),
                        ("en", ("not an Annotator project", "no such project file",
                                "newer version", "cannot connect"))):
        status, _, err = _run(capsys, "--lang", lang, "merge", facilitator, str(text_file),
                              stranger, str(tmp_path / "没有.annotator"), newer, nowhere)
        assert status == 1
        lines = err.strip().splitlines()
        assert len(lines) == 5, err
        assert words[0] in lines[0] and words[0] in lines[1], err
        assert [w in line for w, line in zip(words[1:], lines[2:], strict=True)] == \
            [True, True, True], err
        assert "team-secret" not in err
    with Project.open(facilitator) as p:
        assert count(p, Document) == 0 and count(p, Coding) == 0


def _stop_when_paused(server: PostgresServer, url: str, stopped: threading.Event) -> None:
    """Stop the server once a statement of the merge sits in the trigger's sleep."""
    with psycopg.connect(url, autocommit=True) as watch:
        while not watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
        ).fetchone()[0]:
            time.sleep(0.05)
    server.stop()
    stopped.set()


def test_a_server_that_goes_away_mid_merge_keeps_nothing_of_it(own_server, capsys, tmp_path):
    url = create_database(own_server.url, "workshop_drop")
    copies = _prepare(capsys, url, tmp_path)
    with Project.open(copies["甲"]) as copy:  # the copy brings a code and a document too
        assert _run(capsys, "add-code", str(copy.path), "新主题/新代码")[0] == 0
        code(copy, "甲", "seed-paper-zh", "新主题/新代码", 40, 60)
    before = {}
    with Project.open(url) as p:
        for model in (Code, Coder, Coding, Document):
            before[model] = count(p, model)
    # the merge inserts its codings last: it pauses there, after coders and codes are in
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE FUNCTION pause() RETURNS trigger AS $$ BEGIN "
                     "PERFORM pg_sleep(60); RETURN NULL; END $$ LANGUAGE plpgsql")
        conn.execute("CREATE TRIGGER pause_merge AFTER INSERT ON coding "
                     "FOR EACH STATEMENT EXECUTE FUNCTION pause()")
    stopped = threading.Event()
    watcher = threading.Thread(target=_stop_when_paused, args=(own_server, url, stopped))
    watcher.start()
    with Project.open(url) as p:
        (report,) = merge_copies(p, [copies["甲"]])
    watcher.join()
    assert stopped.is_set()
    assert not report.ok and "connection" in report.error and "not saved" in report.error
    own_server.start()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER pause_merge ON coding")
    with Project.open(url) as p:
        assert {model: count(p, model) for model in before} == before
        assert not _rows(p, "SELECT id FROM code WHERE name = '新主题'")
        # and the same merge goes through once the server is back
        (again,) = merge_copies(p, [copies["甲"]])
        assert again.ok and again.codings_added == 2 and again.codes_added == 2


def test_a_refi_project_merges_into_a_file_and_a_server_alike(location, capsys):
    """A .qdpx goes through a temporary project file, then merges like a copy: into a team
    project too, attributes and all, and a second merge adds nothing."""
    assert _run(capsys, "new", location, "--template", "empty")[0] == 0
    refi = str(shared_file("refi", "nvivo-win-12.6-small.qdpx"))
    for _ in range(2):
        status, _, err = _run(capsys, "merge", location, refi)
        assert status == 0, err
    with Project.open(location) as p:
        assert count(p, Coding) == 97 and count(p, Code) == 60
