"""Timeline metrics of the tilse toolkit (Martschat & Markert 2017), computed exactly.

A timeline is a mapping date -> list of sentences (strings whose tokens are separated by
whitespace, as in the T17/news-tls data). Metrics take one predicted timeline and one or
more reference timelines (tilse's GroundTruth) and return precision/recall/F per ROUGE-N.

- `concat_rouge`: all sentences of each timeline concatenated, then ROUGE.
- `agreement_rouge`: ROUGE of the summaries of identical dates.
- `align_m1_rouge`: tilse's "align+ m:1": each predicted date is aligned to its cheapest
  reference date (precision) and each reference date to its cheapest predicted date
  (recall), cost = (1 - 1/(days apart + 1)) x (1 - approximate ROUGE-1 F1 on raw tokens);
  matched n-gram counts are discounted by 1/(days apart + 1). AR-1/AR-2 in the literature.
- `date_prf`: exact-day date selection precision/recall/F1 (news-tls).

Differences from tilse, on purpose: an empty predicted timeline scores 0 instead of
crashing; `concat_rouge` with an empty prediction has precision 0 instead of dividing by 0.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.evaluate.rouge import MAX_N, rouge_counts

Timeline = Mapping[dt.date, Sequence[str]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        return cls(precision, recall, f_score(precision, recall))


ZERO = PRF(0.0, 0.0, 0.0)


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """F_beta as tilse computes it (0 when precision + recall is 0)."""
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def make_timeline(items: Iterable[tuple[dt.date, Sequence[str]]]) -> dict[dt.date, list[str]]:
    """A timeline from (date, sentences) pairs; sentences of a repeated date are appended."""
    out: dict[dt.date, list[str]] = {}
    for date, sentences in items:
        out.setdefault(date, []).extend(s.strip() for s in sentences)
    return out


def _check_refs(references: Sequence[Timeline]) -> None:
    if not references:
        raise ValueError("at least one reference timeline is needed to score a prediction")


def _ref_summaries(references: Sequence[Timeline], date: dt.date) -> list[Sequence[str]]:
    # tilse's GroundTruth[date]: every reference, empty when it lacks the date.
    return [ref.get(date, ()) for ref in references]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def concat_rouge(prediction: Timeline, references: Sequence[Timeline]) -> dict[int, PRF]:
    """tilse's `evaluate_concat`."""
    _check_refs(references)
    peer = [s for d in sorted(prediction) for s in prediction[d]]
    models = [[s for d in sorted(ref) for s in ref[d]] for ref in references]
    counts = rouge_counts(peer, models)
    return {n: PRF.of(_ratio(c.hit, c.peer), _ratio(c.hit, c.model)) for n, c in counts.items()}


def agreement_rouge(prediction: Timeline, references: Sequence[Timeline]) -> dict[int, PRF]:
    """tilse's `evaluate_agreement`."""
    _check_refs(references)
    pred_dates = set(prediction)
    ref_dates = {d for ref in references for d in ref}
    p_num = [0.0] * (MAX_N + 1)
    p_den = [0.0] * (MAX_N + 1)
    r_num = [0.0] * (MAX_N + 1)
    r_den = [0.0] * (MAX_N + 1)
    for date in sorted(pred_dates | ref_dates):
        counts = rouge_counts(prediction.get(date, ()), _ref_summaries(references, date))
        for n, c in counts.items():
            if date in pred_dates:
                p_num[n] += c.hit
                p_den[n] += c.peer
            if date in ref_dates:
                r_num[n] += c.hit
                r_den[n] += c.model
    return {
        n: PRF.of(_ratio(p_num[n], p_den[n]), _ratio(r_num[n], r_den[n]))
        for n in range(1, MAX_N + 1)
    }


def _content_tokens(sentence: str) -> list[str]:
    # tilse tests `token not in string.punctuation`: a substring test ("()" is dropped too).
    return [t for t in sentence.split() if t not in string.punctuation]


def _summary_counts(summary: Sequence[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sent in summary:
        counts.update(_content_tokens(sent))
    return counts


def _approx_f(pred_counts: Counter[str], ref_counts: Sequence[Counter[str]]) -> float:
    # Integer counts: the order of summation does not change the result.
    match = 0
    for rc in ref_counts:
        small, big = (pred_counts, rc) if len(pred_counts) <= len(rc) else (rc, pred_counts)
        match += sum(min(n, big[tok]) for tok, n in small.items() if tok in big)
    precision = _ratio(match, len(ref_counts) * pred_counts.total())
    recall = _ratio(match, sum(rc.total() for rc in ref_counts))
    if precision + recall == 0:
        return 0
    return 2 * precision * recall / (precision + recall)


def approximate_rouge1_f(pred: Sequence[str], refs: Sequence[Sequence[str]]) -> float:
    """tilse 0.2.1's cheap ROUGE-1 F1 used in alignment costs: case-sensitive whitespace
    tokens, no stemming, minus tokens that are a substring of `string.punctuation`."""
    return _approx_f(_summary_counts(pred), [_summary_counts(r) for r in refs])


def _date_factor(a: dt.date, b: dt.date) -> float:
    return 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _cheapest(costs: Sequence[float]) -> int:
    best = 0
    for i, c in enumerate(costs):
        if c < costs[best]:  # first minimum, like numpy.argmin
            best = i
    return best


def align_m1_rouge(prediction: Timeline, references: Sequence[Timeline]) -> dict[int, PRF]:
    """tilse's `evaluate_align_date_content_costs_many_to_one` ("align+ m:1")."""
    _check_refs(references)
    pred_dates = sorted(prediction)
    ref_dates = sorted({d for ref in references for d in ref})
    if not ref_dates:
        raise ValueError("the reference timelines have no dates: nothing to align to")
    if not pred_dates:
        return {n: ZERO for n in range(1, MAX_N + 1)}
    ref_at = {d: _ref_summaries(references, d) for d in ref_dates}
    pred_c = {p: _summary_counts(prediction[p]) for p in pred_dates}
    ref_c = {r: [_summary_counts(s) for s in ref_at[r]] for r in ref_dates}
    content = {(p, r): 1 - _approx_f(pred_c[p], ref_c[r]) for p in pred_dates for r in ref_dates}
    p_num: dict[int, list[float]] = {n: [] for n in range(1, MAX_N + 1)}
    p_den: dict[int, list[int]] = {n: [] for n in range(1, MAX_N + 1)}
    r_num: dict[int, list[float]] = {n: [] for n in range(1, MAX_N + 1)}
    r_den: dict[int, list[int]] = {n: [] for n in range(1, MAX_N + 1)}
    # precision: each predicted date -> its cheapest reference date
    for p in pred_dates:
        costs = [_date_factor(p, r) * content[p, r] for r in ref_dates]
        r = ref_dates[_cheapest(costs)]
        counts = rouge_counts(prediction[p], ref_at[r])
        weight = 1 / (abs(p.toordinal() - r.toordinal()) + 1)
        for n, c in counts.items():
            p_num[n].append(weight * c.hit)
            p_den[n].append(c.peer)
    # recall: each reference date -> its cheapest predicted date
    for r in ref_dates:
        costs = [_date_factor(r, p) * content[p, r] for p in pred_dates]
        p = pred_dates[_cheapest(costs)]
        counts = rouge_counts(prediction[p], ref_at[r])
        weight = 1 / (abs(p.toordinal() - r.toordinal()) + 1)
        for n, c in counts.items():
            r_num[n].append(weight * c.hit)
            r_den[n].append(c.model)
    return {
        n: PRF.of(_ratio(sum(p_num[n]), sum(p_den[n])), _ratio(sum(r_num[n]), sum(r_den[n])))
        for n in range(1, MAX_N + 1)
    }


def date_prf(prediction: Timeline, references: Sequence[Timeline]) -> PRF:
    """Exact-day date selection precision/recall/F1 (news-tls `evaluate_dates`)."""
    _check_refs(references)
    pred = set(prediction)
    ref = {d for r in references for d in r}
    shared = len(pred & ref)
    return PRF.of(_ratio(shared, len(pred)), _ratio(shared, len(ref)))
