"""The service's α and κ against the ``krippendorff`` and ``statsmodels`` packages, on
character matrices built here, one character at a time, from random projects."""

import random

import krippendorff
import numpy as np
import pytest
from sqlalchemy import select
from statsmodels.stats.inter_rater import cohens_kappa

from annotator.services import codebook
from annotator.services.agreement import project_agreement
from annotator.services.coders import get_or_create_coder
from annotator.services.coding import insert_coding
from annotator.services.documents import insert_document
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project
from tests.workshop.helpers import CHARACTERS

CODES = ("甲", "甲/子", "乙", "丙")


def _random_project(p: Project, rng: random.Random, coders: list[str], docs: int,
                    alphabet: str = "字") -> None:
    """Random codings; the last coder skips the first document entirely (missing there)."""
    for path in CODES:
        codebook.add_code(p, path)
    with p.write() as s:
        codes = [codebook.find_code(s, path) for path in CODES]
        ids = [get_or_create_coder(s, name).id for name in coders]
        for d in range(docs):
            length = rng.randint(40, 300)
            body = "".join(rng.choice(alphabet) for _ in range(length - len(f"{d}:")))
            doc = insert_document(s, f"文档{d}", f"{d}:" + body)
            for k, coder in enumerate(ids):
                if d == 0 and k == len(ids) - 1:
                    continue
                seen = set()
                for _ in range(rng.randint(1, 8)):
                    start = rng.randrange(length - 1)
                    end = min(length, start + rng.randint(1, length // 3))
                    code = rng.choice(codes)
                    if (code.id, start, end) not in seen:
                        seen.add((code.id, start, end))
                        insert_coding(s, doc, code, coder, start, end)


def _matrices(p: Project, coders: list[str]) -> tuple[dict, dict[str, np.ndarray]]:
    """Per document: {code path: coders × characters array of 1/0/nan}, plus lengths."""
    with p.read() as s:
        paths = codebook.code_paths(s)
        ids = {n: i for i, n in s.execute(select(Coder.id, Coder.name))}
        docs = s.execute(select(Document.id, Document.name, Document.length)
                         .order_by(Document.position)).all()
        rows = s.execute(select(Coding.document_id, Coding.code_id, Coding.coder_id,
                                Coding.start, Coding.end)).all()
    out: dict[str, dict[str, np.ndarray]] = {}
    for doc_id, name, length in docs:
        present = {r.coder_id for r in rows if r.document_id == doc_id}
        per_code = {}
        for code_id, path in paths.items():
            m = np.zeros((len(coders), length))
            for k, coder in enumerate(coders):
                if ids[coder] not in present:
                    m[k, :] = np.nan
            for r in rows:
                if r.document_id == doc_id and r.code_id == code_id:
                    m[coders.index(_name(ids, r.coder_id)), r.start:r.end] = 1
            per_code[path] = m
        out[name] = per_code
    return out, {name: length for _i, name, length in docs}


def _name(ids: dict[str, int], coder_id: int) -> str:
    return next(n for n, i in ids.items() if i == coder_id)


def _k_alpha(m: np.ndarray) -> float | None:
    pairable = (np.sum(~np.isnan(m), axis=0) >= 2)
    if not pairable.any() or len(np.unique(m[:, pairable][~np.isnan(m[:, pairable])])) < 2:
        return None
    return krippendorff.alpha(reliability_data=m, level_of_measurement="nominal")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_alpha_matches_the_krippendorff_package(empty_project: Project, seed: int) -> None:
    coders = ["A", "B", "C"]
    _random_project(empty_project, random.Random(seed), coders, docs=3)
    data = project_agreement(empty_project, **CHARACTERS, codes=list(CODES)).to_json()
    matrices, _lengths = _matrices(empty_project, coders)
    for entry in data["codes"]:
        pooled = np.concatenate([matrices[d][entry["code"]] for d in matrices], axis=1)
        expected = _k_alpha(pooled)
        if expected is None:
            assert entry["krippendorff_alpha"] is None
        else:
            assert entry["krippendorff_alpha"] == pytest.approx(expected, abs=1e-9)
        for cell in entry["documents"]:
            expected = _k_alpha(matrices[cell["document"]][entry["code"]])
            if expected is None:
                assert cell["krippendorff_alpha"] is None
            else:
                assert cell["krippendorff_alpha"] == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("seed", [4, 5])
def test_set_alpha_matches_the_krippendorff_package(empty_project: Project, seed: int) -> None:
    coders = ["A", "B", "C"]
    _random_project(empty_project, random.Random(seed), coders, docs=3)
    members = ["甲", "乙", "丙"]  # 甲/子 rolls up into 甲
    data = project_agreement(empty_project, **CHARACTERS, sets=[members]).to_json()["sets"][0]
    matrices, _lengths = _matrices(empty_project, coders)
    columns = []
    for per_code in matrices.values():
        rolled = {"甲": np.fmax(per_code["甲"], per_code["甲/子"]),
                  "乙": per_code["乙"], "丙": per_code["丙"]}
        stack = np.stack([rolled[c] for c in members])  # code × coder × char
        covered = np.nansum(stack, axis=0)
        values = np.where(covered == 0, 0.0, np.nan)  # 0 = none
        for i in range(len(members)):
            values = np.where((covered == 1) & (stack[i] == 1), float(i + 1), values)
        values[np.isnan(per_code["甲"])] = np.nan  # missing coder
        columns.append(values)
    expected = krippendorff.alpha(reliability_data=np.concatenate(columns, axis=1),
                                  level_of_measurement="nominal")
    assert data["krippendorff_alpha"] == pytest.approx(expected, abs=1e-9)


# statsmodels also computes κ's standard error, which is NaN for κ = 1 and warns.
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("seed", [6, 7, 8])
def test_kappa_matches_statsmodels(empty_project: Project, seed: int) -> None:
    coders = ["A", "B"]
    _random_project(empty_project, random.Random(seed), coders, docs=4)
    data = project_agreement(empty_project, **CHARACTERS, codes=list(CODES)).to_json()
    matrices, lengths = _matrices(empty_project, coders)
    for entry in data["codes"]:
        pooled = np.zeros((2, 2))
        weighted, weights = 0.0, 0
        for cell in entry["documents"]:
            m = matrices[cell["document"]][entry["code"]]
            if np.isnan(m).any():
                assert cell["cohen_kappa"] is None and cell["table"] is None
                continue
            a, b = m[0] == 1, m[1] == 1
            table = np.array([[np.sum(a & b), np.sum(a & ~b)], [np.sum(~a & b), np.sum(~a & ~b)]])
            assert cell["table"]["both"] == table[0, 0]
            assert cell["table"]["only_a"] == table[0, 1]
            assert cell["table"]["only_b"] == table[1, 0]
            pooled += table
            po = np.trace(table) / table.sum()
            pe = (table.sum(0) @ table.sum(1)) / table.sum() ** 2
            if pe == 1:
                assert cell["cohen_kappa"] is None
                continue
            kappa = cohens_kappa(table).kappa
            assert cell["cohen_kappa"] == pytest.approx(kappa, abs=1e-12)
            assert cell["percent_agreement"] == pytest.approx(po)
            weighted += kappa * lengths[cell["document"]]
            weights += lengths[cell["document"]]
        if pooled.sum():
            assert entry["pooled_kappa"] == pytest.approx(cohens_kappa(pooled).kappa, abs=1e-12)
        if weights:
            assert entry["weighted_kappa"] == pytest.approx(weighted / weights, abs=1e-12)


def test_random_projects_hold_what_the_tests_assume(empty_project: Project) -> None:
    _random_project(empty_project, random.Random(9), ["A", "B"], docs=2)
    with empty_project.read() as s:
        assert len(s.scalars(select(Code.id)).all()) == len(CODES)
        assert s.scalars(select(Coding.id)).first() is not None


@pytest.mark.parametrize("seed", [9, 10])
def test_default_units_match_the_package_on_visible_characters(empty_project: Project,
                                                               seed: int) -> None:
    """The default: whitespace is no unit, and a document nobody coded with a code is left
    out of that code — the package gets the matrix with those columns dropped."""
    coders = ["A", "B", "C"]
    _random_project(empty_project, random.Random(seed), coders, docs=4, alphabet="字 \n")
    data = project_agreement(empty_project, codes=list(CODES)).to_json()
    matrices, _lengths = _matrices(empty_project, coders)
    with empty_project.read() as s:
        texts = {name: text for name, text in s.execute(select(Document.name, Document.text))}
    for entry in data["codes"]:
        kept = []
        for name, per_code in matrices.items():
            visible = np.array([not ch.isspace() for ch in texts[name]])
            m = per_code[entry["code"]][:, visible]
            if np.nansum(m) == 0:  # nobody used the code here: left out
                continue
            kept.append(m)
        expected = _k_alpha(np.concatenate(kept, axis=1)) if kept else None
        if expected is None:
            assert entry["krippendorff_alpha"] is None
        else:
            assert entry["krippendorff_alpha"] == pytest.approx(expected, abs=1e-9)
