"""Team members whose server role may read, or read and code, but not change the schema.

A team's administrator gives most members narrow rights: no CREATE on the schema, no
ownership of the tables. Opening must then only look (the triggers are installed with the
schema, by its owner), reading must work, coding must work where it is granted, and what
is not granted is refused with one clear sentence that says nothing was saved.
"""

import itertools

import psycopg
import pytest
from sqlalchemy import text

from annotator.domain.errors import ProjectFileError
from annotator.messages import set_language
from annotator.services import coding, documents
from annotator.services.codebook import add_code, find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store import change_feed
from annotator.store.change_feed import ChangeFeed
from annotator.store.project import Project
from tests.postgres_server import create_database, create_role

TEXT = "我们信任社区，也信任彼此。网格员每周走访，收集意见。"
_teams = itertools.count(1)


@pytest.fixture
def team(postgres_server) -> dict[str, str]:
    """A project made by its owner, a reader and a coder role, each with its own URL."""
    n = next(_teams)
    owner = create_database(postgres_server, f"team_roles_{n}")
    project = new_project(owner)
    doc = documents.add_document(project, "访谈1", TEXT)
    coder = ensure_coder(project, "主持人").id
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    coding.code_span(project, doc.id, 2, 6, code, coder)
    project.close()
    db = owner.rsplit("/", 1)[1]
    reader, member = f"reader_{n}", f"member_{n}"
    reader_url = create_role(postgres_server, reader) + db
    member_url = create_role(postgres_server, member) + db
    with psycopg.connect(owner, autocommit=True) as conn:
        for role in (reader, member):
            conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        conn.execute(f"GRANT INSERT, UPDATE, DELETE ON coding, coder TO {member}")
        conn.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {member}")
        for role in (reader, member):  # PostgreSQL 15: no CREATE in public for others
            assert not conn.execute(
                f"SELECT has_schema_privilege('{role}', 'public', 'CREATE')").fetchone()[0]
    return {"owner": owner, "reader": reader_url, "member": member_url, "doc": doc.id,
            "code": code}


def test_a_reader_opens_and_reads_and_is_refused_a_change(team):
    with Project.open(team["reader"]) as p:
        assert [d.name for d in documents.list_documents(p)] == ["访谈1"]
        assert len(coding.segments(p)) == 1
        for lang, words in (("zh", "不允许你的角色"), ("en", "does not allow your role")):
            set_language(lang)
            with pytest.raises(ProjectFileError) as refused:
                documents.add_document(p, "访谈2", "另一份访谈。")
            assert words in str(refused.value) and "\n" not in str(refused.value)
    with Project.open(team["owner"]) as p:
        assert len(documents.list_documents(p)) == 1


def test_a_member_codes_and_the_team_sees_it_but_cannot_change_the_codebook(team):
    feed = ChangeFeed(team["owner"])
    try:
        with Project.open(team["member"]) as p:
            me = ensure_coder(p, "李明").id
            made = coding.code_span(p, team["doc"], 7, 9, team["code"], me)
            seen: list = []
            for _ in range(40):
                seen += feed.wait(0.5)
                if any(c.table == "coding" and c.id == made.id for c in seen):
                    break
            assert any(c.table == "coding" and c.id == made.id for c in seen)
            set_language("en")
            with pytest.raises(ProjectFileError, match="does not allow your role"):
                add_code(p, "新主题")
    finally:
        feed.close()
    with Project.open(team["owner"]) as p:
        assert len(coding.segments(p)) == 2


def test_an_open_without_the_rights_to_install_triggers_still_opens(team):
    with psycopg.connect(team["owner"], autocommit=True) as conn:
        for table in change_feed.WATCHED:
            conn.execute(f"DROP TRIGGER annotator_notify_{table} ON {table}")
    with Project.open(team["reader"]) as p:  # looks, installs nothing, reads
        assert [d.name for d in documents.list_documents(p)] == ["访谈1"]
        with p.read() as s:
            assert not change_feed.installed(s.connection())
    with Project.open(team["owner"]) as p, p.read() as s:  # the owner's open puts them back
        assert change_feed.installed(s.connection())
        assert s.scalar(text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE "
                             "'annotator%'")) == len(change_feed.WATCHED)
