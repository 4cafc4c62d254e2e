"""The names of `annotate.ner_scope = "read"` (the NER on the sentences later stages read,
names recovered elsewhere) against `"all"` (the NER over every sentence), on the fixed sample
of Timeline17 articles `bench/stages.py` prepares.

    PYTHONPATH=src python bench/names.py [T17_DIR] [--articles 300]

Prints the share of the text in the read sentences and of the tokens the NER reads (step 1:
the read sentences with their context; step 3: around the capitalised words left), then,
taking the whole-text NER's mentions (span and label) as the reference: recall and precision
in the read sentences (1.0 when they are the same) and in the others, how often the label
agrees where the spans do, the recall and precision of each article's distinct names, and
how many articles' times or events differ (none when the read sentences' names are the
same). Both runs go through `pipeline.prepare_batch` in batches of `annotate.batch_size`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import DEFAULT_T17, batches, sample

from storyline.config import Config
from storyline.model import Article, EntityMention, Sentence


def prepare(articles: list[Article], scope: str) -> list[Article]:
    from storyline.pipeline import prepare_batch

    cfg = Config().with_overrides([f"annotate.ner_scope={scope}"])
    out: list[Article] = []
    for batch in batches(articles, cfg.annotate.batch_size):
        out.extend(a for a in prepare_batch(batch, cfg) if isinstance(a, Article))
    return out


def spy() -> tuple[dict[tuple[tuple[int, int], ...], set[int]], Counter[str]]:
    """Record each article's read sentences (by its sentence spans) and the tokens the NER
    reads in each step."""
    import storyline.annotate.annotator as annotator
    import storyline.annotate.names as names

    read_of: dict[tuple[tuple[int, int], ...], set[int]] = {}
    tokens: Counter[str] = Counter()
    real_read, real_find, real_ner = names.read_sentences, names.find_names, names._ner
    calls = [0]

    def read_sentences(sentences: list[Sentence], *args: Any, **kwargs: Any) -> list[int]:
        out = real_read(sentences, *args, **kwargs)
        read_of[tuple((s.start, s.end) for s in sentences)] = set(out)
        return out

    def find_names(nlp: Any, pieces: Any, *args: Any, **kwargs: Any) -> Any:
        tokens["all"] += sum(len(doc) for docs in pieces for _, doc in docs)
        return real_find(nlp, pieces, *args, **kwargs)

    def ner(nlp: Any, asks: Any, *args: Any) -> Any:
        calls[0] += 1  # step 1, then step 3, for each batch
        step = "step 1" if calls[0] % 2 else "step 3"
        tokens[step] += sum(b - a for _, windows in asks for a, b, _, _ in windows)
        return real_ner(nlp, asks, *args)

    annotator.read_sentences = read_sentences  # type: ignore[assignment]
    annotator.find_names = find_names  # type: ignore[assignment]
    names._ner = ner  # type: ignore[assignment]
    return read_of, tokens


def compare(full: list[Article], ours: list[Article], read_of: dict[Any, set[int]]) -> None:
    st: Counter[str] = Counter()
    for a, b in zip(full, ours, strict=True):
        assert a.id == b.id and a.sentences == b.sentences
        read = read_of[tuple((s.start, s.end) for s in b.sentences)]
        starts = [(a.sentences[k].start, a.sentences[k].end) for k in read]

        def where(m: EntityMention, starts: list[tuple[int, int]] = starts) -> str:
            return "read" if any(s <= m.start < e for s, e in starts) else "other"

        ref = {(m.start, m.end, m.label): where(m) for m in a.mentions}
        got = {(m.start, m.end, m.label): where(m) for m in b.mentions}
        ref_label = {(m.start, m.end): m.label for m in a.mentions}
        for key, w in ref.items():
            st[f"{w} ref"] += 1
            st[f"{w} found"] += key in got
        for key, w in got.items():
            st[f"{w} got"] += 1
            st[f"{w} right"] += key in ref
            if w == "other" and key[:2] in ref_label:
                st["same span"] += 1
                st["same label"] += ref_label[key[:2]] == key[2]
        st["chars"] += sum(s.end - s.start for s in a.sentences)
        st["read chars"] += sum(e - s for s, e in starts)
        names_ref, names_got = {m.text for m in a.mentions}, {m.text for m in b.mentions}
        st["names ref"] += len(names_ref)
        st["names got"] += len(names_got)
        st["names both"] += len(names_ref & names_got)
        st["times differ"] += a.times != b.times
        st["events differ"] += a.events != b.events
    print(f"{len(full)} articles; the read sentences hold {st['read chars'] / st['chars']:.1%}")
    for w in ("read", "other"):
        print(
            f"{w} sentences: {st[f'{w} ref']} mentions of the whole-text NER, {st[f'{w} got']} "
            f"here; recall {st[f'{w} found'] / st[f'{w} ref']:.4f}, "
            f"precision {st[f'{w} right'] / max(1, st[f'{w} got']):.4f}"
        )
    print(
        f"other sentences, same span: {st['same span']}, same label "
        f"{st['same label'] / max(1, st['same span']):.4f}"
    )
    print(
        f"each article's distinct names: recall {st['names both'] / st['names ref']:.4f}, "
        f"precision {st['names both'] / st['names got']:.4f}"
    )
    print(f"articles whose times differ: {st['times differ']}, events: {st['events differ']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("t17", nargs="?", type=Path, default=DEFAULT_T17)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args(argv)
    articles = sample(args.t17, args.articles)
    read_of, tokens = spy()
    full = prepare(articles, "all")
    ours = prepare(articles, "read")
    print(
        f"tokens the NER reads: step 1 {tokens['step 1'] / tokens['all']:.1%}, step 3 "
        f"{tokens['step 3'] / tokens['all']:.1%} (of {tokens['all']} in the texts)"
    )
    compare(full, ours, read_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
