"""Every memo of a project in one list: on documents, on codes and on codings.

A researcher writes memos where a thought comes — on a document, a code, one coded
passage — and later wants them all in one place, to read them through and find one again
(every QDA program has such a list). The window's memo list shows what this returns;
each entry says where the memo is, so the list can jump there.
"""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from annotator.services.codebook import code_paths, code_tree
from annotator.store.models import Coder, Coding, Document
from annotator.store.project import Project

Kind = Literal["document", "code", "coding"]
EXCERPT = 80


@dataclass(frozen=True)
class MemoEntry:
    """One memo and where it is attached. For a coding: its document, code, coder, span
    (code points) and the coded text's first characters."""

    kind: Kind
    target_id: int  # the document, code or coding id
    memo: str
    document_id: int | None = None
    document: str = ""
    code_id: int | None = None
    code_path: str = ""
    coder: str = ""
    start: int = 0
    end: int = 0
    excerpt: str = ""

    def matches(self, words: list[str]) -> bool:
        """Every word (case ignored) occurs in the memo or in where it is attached."""
        hay = " ".join((self.memo, self.document, self.code_path, self.coder,
                        self.excerpt)).casefold()
        return all(w.casefold() in hay for w in words)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT] + "…"


def list_memos(project: Project) -> list[MemoEntry]:
    """The project's memos that are not empty: documents (in list order), codes (in
    codebook order), then codings (in document order)."""
    out: list[MemoEntry] = []
    with project.read() as s:
        docs = s.execute(select(Document.id, Document.name, Document.memo)
                         .order_by(Document.position, Document.id)).all()
        names = {did: name for did, name, _memo in docs}
        out += [MemoEntry("document", did, memo, document_id=did, document=name)
                for did, name, memo in docs if memo and memo.strip()]
        paths = code_paths(s)
        out += [MemoEntry("code", c.id, c.memo, code_id=c.id, code_path=c.path)
                for c in code_tree(project) if c.memo and c.memo.strip()]
        rows = s.execute(
            select(Coding.id, Coding.document_id, Coding.code_id, Coder.name, Coding.start,
                   Coding.end, Coding.memo)
            .join(Coder, Coder.id == Coding.coder_id)
            .join(Document, Document.id == Coding.document_id)
            .where(Coding.memo != "")
            .order_by(Document.position, Coding.start, Coding.end, Coding.id)).all()
        texts: dict[int, str] = {}
        for cid, did, code, coder, start, end, memo in rows:
            if not memo.strip():
                continue
            if did not in texts:
                texts[did] = s.scalar(select(Document.text).where(Document.id == did)) or ""
            out.append(MemoEntry("coding", cid, memo, document_id=did,
                                 document=names.get(did, ""), code_id=code,
                                 code_path=paths.get(code, ""), coder=coder, start=start,
                                 end=end, excerpt=_excerpt(texts[did][start:end])))
    return out


__all__ = ["MemoEntry", "list_memos"]
