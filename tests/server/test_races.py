"""Team members doing the same thing at the same moment get what one user would get.

On a server there is no single writer: every check-then-insert (get-or-create a coder, a
free document name, a code name unique among its siblings) races, and so does every step
that reads before it writes (the next position among siblings, a new code's colour).
Each test starts eight writers on separate connections behind a barrier, on a file and on
the server.
"""

import threading

from sqlalchemy import func, select

from annotator.domain.errors import Conflict
from annotator.services import documents
from annotator.services.attributes import define_attribute
from annotator.services.codebook import PALETTE, add_code, colour_distance, move_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.models import Attribute, Code, Coder, Document
from annotator.store.project import Project

WRITERS = 8


def _race(location: str, step) -> list:
    projects = [Project.open(location) for _ in range(WRITERS)]
    gate = threading.Barrier(WRITERS)
    results: list = [None] * WRITERS

    def run(i: int) -> None:
        gate.wait()
        try:
            results[i] = step(projects[i], i)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for p in projects:
        p.close()
    return results


def test_one_coder_however_many_create_them_at_once(location):
    new_project(location).close()
    got = _race(location, lambda p, i: ensure_coder(p, "王丽"))
    assert all(not isinstance(r, Exception) for r in got), got
    assert len({r.id for r in got}) == 1
    with Project.open(location) as p, p.read() as s:
        assert s.scalar(select(func.count(Coder.id)).where(Coder.name == "王丽")) == 1


def test_a_code_name_stays_unique_among_siblings(location):
    new_project(location).close()
    got = _race(location, lambda p, i: add_code(p, "协调/新代码"))
    made = [r for r in got if not isinstance(r, Exception)]
    refused = [r for r in got if isinstance(r, Exception)]
    assert len(made) == 1, got
    assert all(isinstance(r, Conflict) and "already exists" in str(r) for r in refused), got
    with Project.open(location) as p, p.read() as s:
        assert s.scalar(select(func.count(Code.id)).where(Code.name == "新代码")) == 1


def test_documents_with_the_same_name_get_free_names(location):
    new_project(location).close()
    got = _race(location, lambda p, i: documents.add_document(p, "访谈", f"第 {i} 份访谈的文字"))
    assert all(not isinstance(r, Exception) for r in got), got
    names = sorted(r.name for r in got)
    assert len(set(names)) == WRITERS and "访谈" in names
    with Project.open(location) as p, p.read() as s:
        positions = list(s.scalars(select(Document.position)))
    assert len(set(positions)) == len(positions) == WRITERS


def _expected_colour(used: list[str]) -> str:
    """The rule a new code's colour follows: the palette colour farthest from those in use."""
    if not used:
        return PALETTE[0]
    return max(PALETTE, key=lambda p: min(colour_distance(p, u.upper()) for u in used))


def test_new_siblings_take_distinct_positions_and_colours_by_the_rule(location):
    new_project(location).close()
    with Project.open(location) as p:
        parent = add_code(p, "并发").id
    got = _race(location, lambda p, i: add_code(p, f"并发/代码{i}"))
    assert all(not isinstance(r, Exception) for r in got), got
    with Project.open(location) as p, p.read() as s:
        racers = s.execute(select(Code.name, Code.position, Code.color)
                           .where(Code.parent_id == parent).order_by(Code.position)).all()
        used = list(s.scalars(select(Code.color).where(Code.parent_id.is_distinct_from(parent))))
    assert [c.position for c in racers] == list(range(1, WRITERS + 1))
    # as if one member after the other added them, in the order their positions say
    for name, _position, colour in racers:
        assert colour == _expected_colour(used), (name, colour)
        used.append(colour)


def test_attributes_defined_at_once_take_distinct_positions(location):
    new_project(location).close()
    got = _race(location, lambda p, i: define_attribute(p, f"属性{i}"))
    assert all(not isinstance(r, Exception) for r in got), got
    with Project.open(location) as p, p.read() as s:
        positions = sorted(s.scalars(select(Attribute.position)))
    assert positions == list(range(1, WRITERS + 1))


def test_codes_moved_at_once_keep_distinct_positions(location):
    new_project(location).close()
    with Project.open(location) as p:
        ids = [add_code(p, f"甲/乙{i}").id for i in range(WRITERS)]
        target = add_code(p, "丙").id
    got = _race(location, lambda p, i: move_code(p, ids[i], target, 0))
    assert all(not isinstance(r, Exception) for r in got), got
    with Project.open(location) as p, p.read() as s:
        positions = sorted(s.scalars(select(Code.position).where(Code.parent_id == target)))
    assert positions == list(range(1, WRITERS + 1))
