"""Event mentions of one article, clause by clause: the verb, the kind of event, the time
expression that dates it (its anchor) and the names taking part.

    events = extract_events(article, parsed)   # parsed: sentence index -> spaCy Doc

A sentence's time expressions are attached to the clause whose verb governs them (through
the dependency parse); an expression a clause only mentions (`roles`) dates nothing. A
clause with no anchor of its own inherits nothing; the timeline dates a lead sentence that
reports a happening by its article's publication day. Sentences without a parse are read
from their words (every anchor in the sentence, one kind for the sentence).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storyline.data import word_set
from storyline.events import kinds, reported, roles
from storyline.model import Article, EventMention, Granularity, Sentence, TimeExpression
from storyline.nlp import lemma_of

_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# nouns whose complement clause says what someone expects ("comments that 2019 would see")
_EXPECTATION_NOUNS = word_set("events", "expectation_nouns")
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "pcomp", "csubj"}
)


def _clause_head(tok: Any, through_nouns: bool = True) -> tuple[Any | None, bool]:
    """The verb heading the clause that `tok` belongs to, and whether the way up passed an
    expectation noun ("Abe's comments that 2019 would see ..."). With `through_nouns`
    false, a time expression attached to a noun ("the meeting on Thursday") dates that noun
    and no verb."""
    expecting = False
    for _ in range(12):
        # "following", "including" as prepositions head no clause, nor does the predicate
        # of an object ("was declared contained on Sunday": the declaring is the event)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass", "prep", "oprd"):
            if roles.purpose_of_object(tok):
                # "pledged 940 million to rebuild the island at a conference on Friday":
                # the time tells when the pledge was made
                return (tok.head if tok.dep_ == "xcomp" else tok.head.head), expecting
            return tok, expecting
        if tok.pos_ == "NOUN" and tok.lower_ in _EXPECTATION_NOUNS:
            expecting = True
        noun = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "pobj" and tok.head.pos_ != "ADP"
        if noun and not through_nouns:
            return None, expecting
        if tok.head.i == tok.i:
            return (tok if tok.pos_ in ("VERB", "AUX") else None), expecting
        tok = tok.head
    return None, expecting


def anchored_verb(
    text: str, start: int, end: int, doc: Any, offset: int, through_nouns: bool = True
) -> tuple[str, int | None]:
    """For the time expression text[start:end] in the parsed sentence `doc` (which starts at
    `offset` in `text`): its role (`roles`) and the index in `doc` of the verb whose clause
    it belongs to (None when it hangs off no verb). The anchoring rule, alone, for
    measuring it (bench/anchoring.py)."""
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    role = roles.role_of(text, start, end, span)
    if span is None or not len(span):
        return role, None
    verb, _ = _clause_head(span.root, through_nouns)
    if verb is not None and _relation(verb, nested=False) == "relative":
        role = roles.RELATIVE
    return role, (verb.i if verb is not None else None)


def _relation(verb: Any, nested: bool = True) -> str:
    """main | complement | subordinate | relative: how the clause hangs off the sentence.
    With `nested`, a complement inside a relative clause is relative too ("the trial that
    had been due to open in January"): its date is no entry's (TimeBank links it to its
    time all the same, so the anchoring rule alone, `anchored_verb`, looks one level)."""
    tok = verb
    found = "main"
    climbs = ("conj", "acomp", "ccomp", "xcomp", "parataxis", "advcl") if nested else ("conj",)
    below = None  # the token climbed from
    for _ in range(8):
        dep = tok.dep_
        if (dep == "relcl" and not roles.headless_relative(tok)) or dep == "acl":
            return "relative"
        if roles.comma_participle(tok):
            # the participle is an aside; the conjunct the parser hung on it is the verb
            return found if below is not None and below.dep_ == "conj" else "relative"
        if dep == "advcl" and found == "main":
            found = "subordinate"
        elif dep in ("ccomp", "xcomp", "parataxis") and found == "main":
            found = "complement"
        if dep not in climbs:
            break
        if tok.head.i == tok.i:
            break
        below, tok = tok, tok.head
    return found


def _bare_present(verb: Any) -> bool:
    """A present-tense verb with no auxiliary ("refers", "depend"): in a story's body, a
    state or a habit (a headline's present, "Egypt initials a deal", is its first line)."""
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


# a clause opening with these tells the start or the end of a state, in passing
_IN_PASSING = frozenset({"since", "until", "till", "before"})
_IF = frozenset({"if", "unless"})  # a condition: what may happen


def _in_passing(verb: Any) -> bool:
    """The clause, or a clause it completes, opens with "since", "until" or "before" ("closed
    since the agency ordered it shut on 22 August": the shutting is told in passing too)."""
    tok = verb
    for _ in range(4):
        if _marks(tok) & _IN_PASSING:
            return True
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _marks(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "mark"}


_COUNT_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _counted(verb: Any) -> bool:
    """The clause's subject or object holds a count ("802 Japanese citizens visited",
    "lost 212 million crowns"): with only a year to date it, a statistic of that year."""
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(tok.like_num or tok.ent_type_ in _COUNT_ENTS for tok in child.subtree)
        for child in verb.children
    )


def _only_years(attached: list[tuple[int, TimeExpression, str]]) -> bool:
    return bool(attached) and all(
        t.interval is not None and t.interval.granularity.rank >= Granularity.YEAR.rank
        for _, t, _ in attached
    )


def _finest(times: list[tuple[int, TimeExpression]]) -> int | None:
    """The finest dated anchor, first in text; else the first anchor left unresolved
    ("on Monday" in an undated article: cross-referencing may place it)."""
    dated = [(i, t) for i, t in times if t.interval is not None]
    if not dated:
        return times[0][0] if times else None
    best = min(dated, key=lambda it: (it[1].interval.granularity.rank, it[1].start))  # type: ignore[union-attr]
    return best[0]


def _mentions_in(
    article: Article, start: int, end: int, labels: frozenset[str]
) -> list[tuple[int, int]]:
    return [
        (m.start, m.end) for m in article.mentions if m.label in labels and start <= m.start < end
    ]


def _sentence_events(
    article: Article,
    index: int,
    sentence: Sentence,
    times: list[tuple[int, TimeExpression]],
    doc: Any | None,
    chronology: bool,
) -> list[EventMention]:
    text = article.text
    if doc is None:
        kind = kinds.kind_from_words(sentence.text)
        anchored = [
            (i, t) for i, t in times if roles.role_of(text, t.start, t.end, None) == "anchor"
        ]
        best = _finest(anchored)
        return [
            EventMention(
                sentence=index,
                start=sentence.start,
                end=sentence.end,
                predicate="",
                kind=kinds.HAPPENED if chronology else kind,
                anchor=best,
                clause="main",
                participants=tuple(
                    _mentions_in(article, sentence.start, sentence.end, _PARTICIPANT_LABELS)
                ),
            )
        ]
    offset = sentence.start
    by_verb: dict[int, list[tuple[int, TimeExpression, str]]] = {}
    verbs: dict[int, Any] = {}
    expecting: set[int] = set()
    noun_dated: set[int] = set()  # times that reach their clause through a noun
    for i, t in times:
        span = doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        role = roles.role_of(text, t.start, t.end, span)
        if chronology and i == times[0][0]:
            role = roles.ANCHOR
        verb = None
        if span is not None and len(span):
            verb, expects = _clause_head(span.root)
            if expects and verb is not None:
                expecting.add(verb.i)
            if verb is not None and reported.via_noun(span, verb):
                noun_dated.add(i)
        key = verb.i if verb is not None else -1
        if verb is not None:
            verbs[key] = verb
        by_verb.setdefault(key, []).append((i, t, role))
    root = next((tok for tok in doc if tok.dep_ == "ROOT"), None)
    if root is not None and root.i not in by_verb and root.pos_ in ("VERB", "AUX", "NOUN"):
        by_verb[root.i] = []
        verbs[root.i] = root
    heading = not any(tok.pos_ in ("VERB", "AUX") for tok in doc)  # "FACTBOX - X in brief"
    quoted = reported.quoted(doc)
    asking = sentence.text.rstrip(" \"'\u201d\u2019").endswith("?")  # a question tells nothing
    # what a dated statement says of an earlier event named by a noun ("said on Tuesday
    # that a valve caused the rocket's failure in June"): the noun's date, not the news
    told_by = reported.dated_statement(root, by_verb)
    if root is not None and (lemma_of(root) or root.lower_).lower() in kinds.REPORTING:
        # what the statement reports ("Putin has accepted ..., Lavrov said on Tuesday")
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                by_verb.setdefault(child.i, [])
                verbs[child.i] = child
    out: list[EventMention] = []
    for key in sorted(by_verb):
        verb = verbs.get(key)
        attached = by_verb[key]
        if verb is None:
            kind, relation, predicate = kinds.kind_from_words(sentence.text), "main", ""
            pstart, pend = sentence.start, sentence.end
        else:
            kind = kinds.clause_kind(verb)
            relation = _relation(verb)
            predicate = (lemma_of(verb) or verb.lower_).lower()
            pstart, pend = offset + verb.idx, offset + verb.idx + len(verb.text)
            if key in expecting and kind in kinds.ENTRY_KINDS:
                kind = kinds.EXPECTATION
            if kind in kinds.ENTRY_KINDS and _marks(verb) & _IF:
                kind = kinds.EXPECTATION  # "if parliament approves the bill on Tuesday"
            if kind in kinds.ENTRY_KINDS and _in_passing(verb):
                kind = kinds.BACKGROUND  # "expected since the offer was announced in June"
            if kind == kinds.HAPPENED and _counted(verb) and _only_years(attached):
                kind = kinds.BACKGROUND  # "In 2016, 802 citizens visited": a statistic
            if kind == kinds.HAPPENED and index > 0 and not attached and _bare_present(verb):
                kind = kinds.BACKGROUND  # "Russia refers to the islands as ...": a habit
            if kind in kinds.ENTRY_KINDS and verb.i in quoted:
                kind = kinds.STATEMENT  # '"On 10 August we shut the door," Vell said'
            if kind in kinds.ENTRY_KINDS and relation == "complement" and reported.claimed(verb):
                kind = kinds.STATEMENT  # "the complaint says the lab flagged it in May"
            if kind == kinds.HAPPENED and reported.statistic(verb, attached):
                kind = kinds.BACKGROUND  # "inflation had fallen to 17 per cent in January"
            if kind == kinds.HAPPENED and not attached and _trend(verb):
                kind = kinds.BACKGROUND  # "the number has grown from 3,000": a trend
        if heading and not chronology:
            kind = kinds.BACKGROUND
        elif asking and kind in kinds.ENTRY_KINDS:
            kind = kinds.EXPECTATION  # "Will the council vote on Tuesday?"
        if chronology:
            kind, relation = kinds.HAPPENED, "main"
        if relation == "relative":
            attached = [(i, t, roles.RELATIVE) for i, t, _ in attached]
        elif relation == "complement" and told_by and verb is not None and verb.i != told_by:
            attached = [(i, t, roles.NOUN if i in noun_dated else r) for i, t, r in attached]
        anchors = [(i, t) for i, t, role in attached if role == roles.ANCHOR]
        lo, hi = sentence.start, sentence.end
        if verb is not None:
            sub = list(verb.subtree)
            lo, hi = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
        places = _mentions_in(article, lo, hi, _PLACE_LABELS)
        out.append(
            EventMention(
                sentence=index,
                start=pstart,
                end=pend,
                predicate=predicate,
                kind=kind,
                anchor=_finest(anchors),
                clause=relation,
                participants=tuple(_mentions_in(article, lo, hi, _PARTICIPANT_LABELS)),
                place=places[0] if places else None,
                pluperfect=verb is not None and _pluperfect(verb),
            )
        )
    return out


_CHANGE = word_set("events", "change")


def _trend(verb: Any) -> bool:
    """A present perfect of a change in amount with no date of its own ("has grown from
    about 3,000", "have doubled"): where a count stands now, not an event of one day."""
    lemma = (lemma_of(verb) or verb.lower_).lower()
    return lemma in _CHANGE and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children
    )


def _pluperfect(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def extract_events(
    article: Article, parsed: Mapping[int, Any], *, chronology: frozenset[int] = frozenset()
) -> tuple[EventMention, ...]:
    """The event mentions of the sentences in `parsed` (sentence index -> spaCy Doc of that
    sentence's text, or None to read it from its words), in text order. `chronology`:
    indices of sentences that are entries of a chronology ("March 17 - The council votes")."""
    times = list(enumerate(article.times))
    out: list[EventMention] = []
    t_pos = 0
    for index, sentence in enumerate(article.sentences):
        while t_pos < len(times) and times[t_pos][1].start < sentence.start:
            t_pos += 1
        if index not in parsed:
            continue
        inside = []
        j = t_pos
        while j < len(times) and times[j][1].start < sentence.end:
            t = times[j][1]
            if t.end <= sentence.end and t.type in ("DATE", "TIME"):
                inside.append(times[j])
            j += 1
        out.extend(
            _sentence_events(article, index, sentence, inside, parsed[index], index in chronology)
        )
    return tuple(out)


def dated_granularity(t: TimeExpression) -> Granularity | None:
    return t.interval.granularity if t.interval is not None else None
