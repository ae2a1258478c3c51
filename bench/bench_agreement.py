"""Time the agreement core at the size of the performance budget (run by hand).

20 coders × 10 documents × 100,000 characters (1,000,000 in all) × 50 codes, 500
codings per coder per document. Coders agree only roughly, as real coders do: they code
a shared set of "true" segments of each document, each with its boundaries shifted a
little, skip some and add a few of their own. Prints timings; the budget is < 5 s for
everything (all per code × document results, pooled κ, α, and an α over a set of codes).

    .venv/bin/python bench/bench_agreement.py
"""

import random
import time

from annotator.domain.agreement import Coding, compute_agreement, set_alpha

CODERS = 20
DOCUMENTS = 10
DOC_LENGTH = 100_000
CODES = 50
CODINGS_PER_CODER_PER_DOC = 500
SEED = 20240607


def make_codings(rng: random.Random) -> tuple[dict[int, int], list[Coding]]:
    doc_lengths = {doc: DOC_LENGTH for doc in range(DOCUMENTS)}
    codings: list[Coding] = []
    for doc in range(DOCUMENTS):
        truth = []
        for _ in range(CODINGS_PER_CODER_PER_DOC):
            length = rng.randint(20, 600)
            start = rng.randrange(0, DOC_LENGTH - length)
            truth.append((rng.randrange(CODES), start, start + length))
        for coder in range(CODERS):
            for code, start, end in truth:
                if rng.random() < 0.1:  # skipped this one; codes something else instead
                    length = rng.randint(20, 600)
                    start = rng.randrange(0, DOC_LENGTH - length)
                    end = start + length
                    code = rng.randrange(CODES)
                elif rng.random() < 0.5:  # boundaries a few characters off
                    start = max(0, start + rng.randint(-15, 15))
                    end = min(DOC_LENGTH, max(start + 1, end + rng.randint(-15, 15)))
                codings.append(Coding(doc, code, f"coder{coder:02d}", start, end))
    return doc_lengths, codings


def main() -> None:
    rng = random.Random(SEED)
    doc_lengths, codings = make_codings(rng)
    coders = [f"coder{c:02d}" for c in range(CODERS)]
    codes = list(range(CODES))
    print(
        f"{CODERS} coders, {DOCUMENTS} documents × {DOC_LENGTH:,} characters, {CODES} codes, "
        f"{len(codings):,} codings"
    )

    started = time.perf_counter()
    report = compute_agreement(doc_lengths, codings, coders, codes, threshold=0.9)
    all_codes = time.perf_counter() - started
    pairs = sum(len(cell.pairs) for cell in report.cells)
    print(
        f"compute_agreement: {len(report.cells)} code × document cells, {pairs:,} pair "
        f"tables + segment matchings, per-cell α, pooled/weighted κ and pooled α per code: "
        f"{all_codes:.2f} s"
    )

    started = time.perf_counter()
    top_level = set_alpha(doc_lengths, codings, coders, codes[:3])
    set_time = time.perf_counter() - started
    print(f"set_alpha over 3 codes: α = {top_level.krippendorff_alpha:.3f}, {set_time:.2f} s")

    started = time.perf_counter()
    set_alpha(doc_lengths, codings, coders, codes)
    all_set_time = time.perf_counter() - started
    print(f"set_alpha over all {CODES} codes: {all_set_time:.2f} s")

    summary = report.summaries[0]
    print(f"code 0: α pooled = {summary.krippendorff_alpha}")
    print(f"total (compute_agreement + 3-code set α): {all_codes + set_time:.2f} s (budget 5 s)")


if __name__ == "__main__":
    main()
