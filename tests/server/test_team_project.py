"""The same project, as a file and as a team project on a real PostgreSQL server.

Each test runs twice, on a fresh file and on a fresh server database, through the command
line a user types: what a researcher does alone must work the same for a team.
"""

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from annotator.cli import main
from annotator.domain.errors import Conflict
from annotator.services.codebook import create_code
from annotator.store.project import Project
from tests.conftest import shared_file
from tests.postgres_server import create_database

SEED = shared_file("corpus", "seed-paper-zh.txt")


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_code_uncode_export_and_reopen(location, capsys, tmp_path):
    assert _run(capsys, "new", location)[0] == 0
    assert _run(capsys, "import", location, str(SEED))[0] == 0
    code, out, _ = _run(capsys, "code", location, "--doc", "seed-paper-zh", "--start", "100",
                        "--end", "130", "--code", "信任/政治信任", "--coder", "王丽")
    assert code == 0, out
    code, _, err = _run(capsys, "code", location, "--doc", "seed-paper-zh", "--start", "100",
                        "--end", "130", "--code", "信任/政治信任", "--coder", "王丽")
    assert code == 1 and "already coded" in err
    assert _run(capsys, "code", location, "--doc", "seed-paper-zh", "--start", "120",
                "--end", "160", "--code", "整合", "--coder", "张三")[0] == 0
    assert _run(capsys, "uncode", location, "--doc", "seed-paper-zh", "--start", "110",
                "--end", "115", "--code", "信任/政治信任", "--coder", "王丽")[0] == 0
    out_xlsx = tmp_path / "导出.xlsx"
    assert _run(capsys, "export", location, str(out_xlsx))[0] == 0
    rows = list(load_workbook(out_xlsx, read_only=True).worksheets[0].iter_rows(values_only=True))
    spans = sorted((r[1], r[2], r[3], r[4]) for r in rows[1:])
    assert spans == [("信任/政治信任", "王丽", 100, 110), ("信任/政治信任", "王丽", 115, 130),
                     ("整合", "张三", 120, 160)]
    text_of = {(r[3], r[4]): r[6] for r in rows[1:]}
    assert text_of[(120, 160)] == SEED.read_text(encoding="utf-8")[120:160]
    with Project.open(location) as p, p.read() as s:
        assert s.execute(text("SELECT count(*) FROM coding")).scalar() == 3


def test_a_long_code_name_is_refused_with_a_message_on_both(location, capsys):
    assert _run(capsys, "new", location)[0] == 0
    assert _run(capsys, "import", location, str(SEED))[0] == 0
    code, _, err = _run(capsys, "add-code", location, "很" * 600)
    assert code == 1 and err.count("\n") == 1 and "at most 500 characters" in err
    code, _, err = _run(capsys, "code", location, "--doc", "seed-paper-zh", "--start", "0",
                        "--end", "1", "--code", "整合", "--coder", "王" * 300)
    assert code == 1 and "at most 200 characters" in err


def test_a_database_from_a_newer_version_is_refused(postgres_database, capsys):
    Project.create(postgres_database).close()
    with Project.open(postgres_database) as p, p.write() as s:
        s.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    code, _, err = _run(capsys, "info", postgres_database)
    assert code == 1 and "newer version" in err


def test_bad_locations_end_in_one_line(postgres_server, capsys):
    host = postgres_server.split("@", 1)[1]
    cases = {
        postgres_server + "no_such_database": "does not exist",
        f"postgresql://annotator:wrong@{host}postgres": "password authentication failed",
        "postgresql://annotator@127.0.0.1:1/x": "cannot connect",
        postgres_server + "postgres": "empty",
    }
    for url, expected in cases.items():
        code, _, err = _run(capsys, "info", url)
        assert code == 1 and expected in err and err.count("\n") == 1, (url, err)
        assert "wrong" not in err, "a password must never be shown"


def test_a_new_project_that_fails_half_way_leaves_the_database_empty(location, capsys):
    def half_way(project):
        with project.write() as session:
            create_code(session, None, "协调")
        with project.write() as session:
            create_code(session, None, "协调")  # a second code of that name: the fill breaks

    with pytest.raises(Conflict):
        Project.create(location, fill=half_way)
    assert _run(capsys, "new", location)[0] == 0
    code, out, _ = _run(capsys, "info", location)
    assert code == 0 and out.count("协调") == 4


def test_push_a_file_then_save_a_copy_keeps_everything(tmp_path, postgres_database, capsys):
    original = tmp_path / "个人.annotator"
    assert _run(capsys, "new", str(original))[0] == 0
    assert _run(capsys, "import", str(original), str(SEED))[0] == 0
    assert _run(capsys, "add-code", str(original), "协调/新的\\/子代码")[0] == 0
    assert _run(capsys, "code", str(original), "--doc", "seed-paper-zh", "--start", "5",
                "--end", "9", "--code", "协调/新的\\/子代码", "--coder", "王丽",
                "--memo", "备忘")[0] == 0
    code, out, err = _run(capsys, "push", str(original), postgres_database)
    assert code == 0, err
    # the server goes on from the copied rows: new ids do not collide with copied ones
    assert _run(capsys, "code", postgres_database, "--doc", "seed-paper-zh", "--start", "20",
                "--end", "30", "--code", "整合", "--coder", "张三")[0] == 0
    assert _run(capsys, "add-code", postgres_database, "整合/另一个")[0] == 0
    back = tmp_path / "取回.annotator"
    assert _run(capsys, "save-copy", postgres_database, str(back))[0] == 0
    code, out, _ = _run(capsys, "info", str(back), "--json")
    info = json.loads(out)
    assert sum(c["codings"] for c in info["codes"]) == 2 and len(info["codes"]) == 15
    assert info["path"] == str(back)
    code, out, _ = _run(capsys, "segments", str(back), "--json")
    segs = {(s["code"], s["coder"], s["start"], s["end"], s["memo"]) for s in json.loads(out)}
    assert segs == {("协调/新的\\/子代码", "王丽", 5, 9, "备忘"), ("整合", "张三", 20, 30, "")}
    code, _, err = _run(capsys, "push", str(original), postgres_database)
    assert code == 1 and "not empty" in err


def test_libpq_service_files_and_ssl_settings_apply(postgres_server, tmp_path, capsys,
                                                     monkeypatch):
    host, port = postgres_server.split("@", 1)[1].strip("/").split(":")
    database = postgres_server + "service_team"
    create_database(postgres_server, "service_team")
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost={host}\nport={port}\nuser=annotator\n"
                        "dbname=service_team\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert _run(capsys, "new", "postgresql://?service=team")[0] == 0
    code, out, _ = _run(capsys, "info", database, "--json")
    assert code == 0 and json.loads(out)["name"] == "service_team"
    code, _, err = _run(capsys, "info", "postgresql://?service=team&sslmode=require")
    assert code == 1 and "SSL" in err


def test_codes_added_after_a_codebook_import_get_ids_of_their_own(location):
    """A codebook import writes its codes with ids chosen beforehand; on a server they come
    from the id sequence, so a code added afterwards (or by another member) never clashes."""
    from annotator.services.codebook import add_code, code_paths
    from annotator.services.exchange import import_codebook
    from annotator.services.projects import new_project

    new_project(location).close()
    with Project.open(location) as p:
        report = import_codebook(p, shared_file("refi", "spec-annex-a1-codebook.qdc"))
        assert report.codes > 0
        made = add_code(p, "导入之后/新代码")
        with p.read() as s:
            paths = code_paths(s)
    assert paths[made.id] == "导入之后/新代码"
    assert len(paths) == len(set(paths))
