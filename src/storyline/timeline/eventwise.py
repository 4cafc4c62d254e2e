"""`timeline.events.v1`: entries are events, dated when they happened, told once.

The date-wise ranking and sentence choice of `timeline.datewise.v1`, over the event layer
(`storyline.events`) instead of every date a sentence names:

- a sentence is a candidate for a date only where a clause reporting a happening, a
  scheduled event or a statement is anchored by it ("a 1956 declaration", "stalled since
  January", "by June 30", "who visited in 2005" date nothing); statements weigh half, and
  a date only statements support is no entry;
- a lead sentence stands for its article's publication day only when it reports a
  happening or a statement, not a background state ("the two never signed a treaty");
- one event told at several precisions is one entry: a week, month or year candidate whose
  sentence is like a finer date's inside its period (reported by another article) joins
  that date (`fold_similar`), so "2015", "March 2015" and "23 March 2015" are one entry at
  the day;
- the headline comes from a sentence that stands alone, shortened (`headlines`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from storyline.config import DatewiseConfig, EventsConfig, TimelineConfig, iso_day
from storyline.data import word_set
from storyline.events.kinds import ENTRY_KINDS, HAPPENED, SCHEDULED, STATEMENT
from storyline.model import (
    Article,
    DateInterval,
    EntityMention,
    EntryEvent,
    EventMention,
    Granularity,
    Participant,
    TimeExpression,
)
from storyline.timeline.background import (
    drop_lone_history,
    heading,
    live_entry,
    names_a_period,
)
from storyline.timeline.candidates import (
    ENTRY_GRANULARITIES,
    REPORTING_WEIGHT,
    Candidate,
    dated_candidates,
    dates_named,
    drop_unconfirmed_days_before,
    fold_weeks,
    lead_candidates,
    sentence_candidates,
    usable_times,
)
from storyline.timeline.datewise import DatewiseTimeline
from storyline.timeline.fold import MENTION, fold_similar
from storyline.timeline.headlines import headline, stands_alone
from storyline.timeline.text import SentenceVectors

_LEAD_KINDS = frozenset({HAPPENED, STATEMENT})
_TELLING = frozenset({HAPPENED, SCHEDULED, STATEMENT})  # a main clause that tells news
_ANNOUNCING = word_set("events", "announcing")
_SAYING = _ANNOUNCING | word_set("events", "reporting")
FOLDED_PENALTY = 0.15  # a sentence told at a coarser date, in the entry of a finer one


# "overnight" as an adverb ("made landfall overnight near ..."), not "an overnight flight"
_OVERNIGHT = re.compile(
    r"(?<![\w-])overnight(?=\s*(?:[,.;:)!?]|$)|\s+(?:on|in|at|near|to|from|off|across|and|as|"
    r"after|before|while|when|but|with|into|along|around)\b)",
    re.IGNORECASE,
)


def event_candidates(
    article: Article,
    params: EventsConfig,
    datewise: DatewiseConfig,
    *,
    allow_coarse: bool = True,
    max_dates_per_sentence: int = 3,
) -> list[Candidate]:
    """The candidates of one article from its event mentions (sentences without any, which
    were not parsed, are read date by date)."""
    times, pub_day = usable_times(article)
    usable = {id(t) for t in times}
    by_sentence: dict[int, list[EventMention]] = {}
    for e in article.events:
        by_sentence.setdefault(e.sentence, []).append(e)
    lead_day, named = (
        _lead_day(article, by_sentence, pub_day, datewise.lead_sentences, usable)
        if params.lead_day
        else (pub_day, False)
    )
    if _leads_with_a_plan(article, by_sentence, usable):
        lead_day, named = None, False  # its news is what will happen: no day for the rest
    story_day = lead_day if named else None  # the day the lead names, if it names one
    out: list[Candidate] = []
    for i in range(len(article.sentences)):
        events = by_sentence.get(i)
        if events is None:
            found = sentence_candidates(article, i, times, pub_day, datewise, allow_coarse)
            text = article.sentences[i].text
            if heading(text):  # dates it names, but no lead
                found = [c for c in found if c.explicit]
            elif live_entry(text):  # its page's day, not the day before
                found = [c for c in found if not c.day_before]
                if pub_day is not None and not found:
                    found = [
                        c
                        for c in lead_candidates(article, i, pub_day, datewise)
                        if not c.day_before
                    ]
            out.extend(found)
            continue
        dates: list[tuple[DateInterval, float, EventMention | None]] = []
        for e in sorted(events, key=lambda e: (e.kind == STATEMENT, e.start)):
            if e.anchor is None or e.kind not in params.dated_kinds:
                continue
            t = article.times[e.anchor]
            if t.interval is None or id(t) not in usable:
                continue
            if t.type == "TIME" and not params.times_of_day:
                continue
            g = t.interval.granularity
            if g not in ENTRY_GRANULARITIES or (not allow_coarse and g is not Granularity.DAY):
                continue
            if e.kind == SCHEDULED and g is Granularity.YEAR:
                continue  # "later this year": an intention, not a date in the story
            if all(t.interval != d for d, _, _ in dates):
                weight = REPORTING_WEIGHT if e.kind == STATEMENT else 1.0
                day = t.interval
                if e.kind == STATEMENT:
                    e, earlier = _reported(e, events)
                    if e.kind != STATEMENT:  # a happening told by a statement
                        weight = REPORTING_WEIGHT if earlier else params.reported_weight
                        if earlier and story_day is not None and story_day.end < day.start:
                            # "The fire swept into Lenby on Wednesday night. The fire
                            # service said on Thursday that 43 homes had burned": a detail
                            # of the day the lead tells
                            day = story_day
                if all(day != d for d, _, _ in dates):
                    dates.append((day, weight, e))
        if params.mention_weight > 0:
            out.extend(_mentions(article, i, times, dates, params.mention_weight, allow_coarse))
        if dates:
            made = dated_candidates(article, i, dates, pub_day, datewise, max_dates_per_sentence)
            out.extend(_asides(made, events))
            if params.lead_day and i < datewise.lead_sentences:
                # the lead's next sentences tell the day it has just named ("ordered the
                # evacuation this morning. Buses took the elderly to ...")
                lead_day, named = _told_day(made, pub_day, lead_day, named)
        elif pub_day is not None and live_entry(article.sentences[i].text):
            # "07:25 - Selvik airport has closed": a live page's entry tells its own day
            main = next((e for e in events if e.clause == "main"), events[0])
            if main.kind in _LEAD_KINDS and not main.pluperfect:
                kind = "lead" if main.kind == HAPPENED else STATEMENT
                out.extend(
                    dataclasses.replace(c, kind=kind)
                    for c in lead_candidates(article, i, pub_day, datewise, main)
                    if not c.day_before
                )
        elif lead_day is not None and i < datewise.lead_sentences:
            main = next((e for e in events if e.clause == "main"), events[0])
            # a lead told in the pluperfect ("Officials had referred to the scheme as ...")
            # is background to the day's story
            # "seized the islands at the end of the war" is history
            if (
                main.kind in _LEAD_KINDS
                and not main.pluperfect
                and not names_a_period(article.sentences[i].text)
            ):
                leads = lead_candidates(article, i, lead_day, datewise, main)
                if named or _OVERNIGHT.search(article.sentences[i].text):
                    # the lead names its day, or tells of the night that ended on it ("made
                    # landfall overnight"): no guess at the day before
                    leads = [c for c in leads if not c.day_before]
                # a lead that only reports what someone said supports a date, never makes one
                kind = "lead" if main.kind == HAPPENED else STATEMENT
                out.extend(dataclasses.replace(c, kind=kind) for c in leads)
    if article.genre is not None:
        # an opinion piece or an analysis tells no news of its day: only the dates it names
        return [c for c in out if c.explicit]
    return out


def _mentions(
    article: Article,
    index: int,
    times: Sequence[TimeExpression],
    dated: Sequence[tuple[DateInterval, float, EventMention | None]],
    weight: float,
    allow_coarse: bool,
) -> list[Candidate]:
    """Candidates of kind `MENTION` for the dates sentence `index` names without an event
    told as on them: they count towards their date's score, never shown or cited."""
    s = article.sentences[index]
    taken = {d for d, _, _ in dated}
    return [
        Candidate(d, article, s, index, True, weight * w, kind=MENTION)
        for d, w in dates_named(s, times, allow_coarse)
        if d not in taken
    ]


_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_TITLE_FILLER = frozenset(
    {"the", "and", "for", "with", "from", "after", "over", "says", "said", "its", "their",
     "his", "her", "into", "amid", "as", "new", "first"}
)  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _TITLE_FILLER)


def _tells_title(c: Candidate) -> bool:
    """The sentence holds at least half of its article's title's words: it tells the event
    the article is about ("Renaissance Dam generates first electricity" / "Ethiopia on
    Sunday began producing electricity at the dam")."""
    words = _title_words(c.article.title or "")
    if len(words) < 2:
        return False
    said = c.sentence.text.lower()
    return sum(1 for w in words if w[:5] in said) * 2 >= len(words)


def _told_day(
    made: Sequence[Candidate],
    pub_day: DateInterval | None,
    lead_day: DateInterval | None,
    named: bool,
) -> tuple[DateInterval | None, bool]:
    """The day a lead sentence's happening is anchored to, when it is in the
    week before publication; else the lead's day so far."""
    if pub_day is None:
        return lead_day, named
    for c in made:
        d = c.date
        if c.kind != HAPPENED or not c.explicit or c.aside:
            continue
        e = c.event
        if e is None or e.clause not in ("main", "complement") or e.predicate in _ANNOUNCING:
            continue
        if d.granularity is Granularity.DAY and 0 <= (pub_day.start - d.start).days <= 7:
            return d, True
    return lead_day, named


def _asides(candidates: list[Candidate], events: Sequence[EventMention]) -> list[Candidate]:
    """A subordinate clause's date ("recalled its ambassador on Wednesday, two days after
    the gates were closed on 12 February") where the sentence's main clause tells an event
    of another date, or a state ("Evacuated on Tuesday, most residents are staying with
    relatives"): the sentence counts for that date and may be cited there, but its words
    tell something else, so it never heads that date's entry."""
    main = {  # the main clause's date, or its complement's ("began erupting on Friday")
        c.date
        for c in candidates
        if c.event is not None and c.event.clause in ("main", "complement")
    }
    state = any(e.clause == "main" and e.kind not in _TELLING for e in events)
    if not main and not state:
        return candidates
    return [
        dataclasses.replace(c, aside=True)
        if c.event is not None and c.event.clause == "subordinate" and c.date not in main
        else c
        for c in candidates
    ]


def _reported(statement: EventMention, events: Sequence[EventMention]) -> tuple[EventMention, bool]:
    """What a dated statement reports, and whether it is told as earlier than the statement:
    "Putin has accepted an invitation, Lavrov said on Tuesday" dates the acceptance by the
    statement's day; "said on Wednesday that it had summoned the ambassador" bounds the
    summons by it (it may have been days before)."""
    if statement.clause != "main":  # a claim inside the sentence tells no other clause
        return statement, False
    for e in events:
        # what the statement says will happen is not dated by its saying ("said in April
        # that a decision would come before Christmas")
        if e is statement or e.anchor is not None or e.kind != HAPPENED:
            continue
        if e.clause in ("main", "complement"):
            told = dataclasses.replace(statement, kind=e.kind, predicate=e.predicate)
            return told, e.pluperfect
    return statement, False


def _mention_at(article: Article, span: tuple[int, int]) -> EntityMention | None:
    """The article's mention over `span` (the registry may have repaired it since)."""
    start, end = span
    return next((m for m in article.mentions if m.start < end and start < m.end), None)


def _leads_with_a_plan(
    article: Article, by_sentence: dict[int, list[EventMention]], usable: set[int]
) -> bool:
    """The article's first sentence tells a dated plan as its news, in its main clause or
    under a verb that announces it ("Sokol will visit Halvik on Feb. 14, his office
    announced on Friday"): the undated sentences after it are its background, not events
    of the publication day."""
    events = by_sentence.get(0, ())
    main = next((e for e in events if e.clause == "main"), None)
    if main is None or not article.sentences:
        return False
    first = article.sentences[0]
    pub = article.published
    for k, t in enumerate(article.times):
        iv = t.interval
        if not first.start <= t.start < first.end or iv is None or k == main.anchor:
            continue
        if pub is not None and iv.start <= pub.end:
            return False  # it tells what happened too ("broke up after lift-off on Thursday")
    for e in events:
        if e.kind != SCHEDULED or e.anchor is None or id(article.times[e.anchor]) not in usable:
            continue
        if article.times[e.anchor].interval is None:
            continue
        if e is main or (e.clause == "complement" and main.predicate in _SAYING):
            return True
    return False


def _lead_day(
    article: Article,
    by_sentence: dict[int, list[EventMention]],
    pub_day: DateInterval | None,
    n_lead: int,
    usable: set[int],
) -> tuple[DateInterval | None, bool]:
    """The day a story's lead reports, and whether the lead names it: the first day a lead
    sentence anchors a happening or a statement to, in the week before publication ("laid
    the foundation stone on Saturday", "rescued on Thursday" in Thursday's paper); else the
    publication day ("overnight" in a lead sentence: that day, named). The lead's other
    sentences stand for that day."""
    if pub_day is None:
        return None, False
    for i in range(min(n_lead, len(article.sentences))):
        if _OVERNIGHT.search(article.sentences[i].text) and any(
            e.kind in _LEAD_KINDS and e.clause == "main" for e in by_sentence.get(i, ())
        ):
            return pub_day, True  # "made landfall overnight": the night that ended today
        for e in by_sentence.get(i, ()):
            if e.anchor is None or e.kind not in _LEAD_KINDS:
                continue
            t = article.times[e.anchor]
            iv = t.interval
            if iv is None or id(t) not in usable or iv.granularity is not Granularity.DAY:
                continue
            if 0 <= (pub_day.start - iv.start).days <= 7:
                return iv, True
    return pub_day, False


@dataclass
class EventTimeline(DatewiseTimeline):
    """Event timeline (parameters as `DatewiseTimeline`, plus `events`: `EventsConfig`,
    set as `timeline.events.*`)."""

    name: ClassVar[str] = "timeline.events.v1"
    uses_entities: ClassVar[bool] = True  # entries[].event.participants name entity ids

    events: EventsConfig = field(default_factory=EventsConfig)

    @classmethod
    def from_config(cls, config: TimelineConfig, query: str | None = None) -> EventTimeline:
        return cls(
            max_entries=config.max_entries,
            sentences_per_entry=config.sentences_per_entry,
            redundancy=config.redundancy,
            min_sources=config.min_sources,
            allow_coarse=config.allow_coarse,
            start=iso_day(config.start, "timeline.start"),
            end=iso_day(config.end, "timeline.end"),
            query=query,
            required_terms=config.keywords,
            params=config.datewise,
            events=config.events,
        )

    def _collect(self, articles: Sequence[Article]) -> list[Candidate]:
        out: list[Candidate] = []
        for a in articles:
            for c in event_candidates(a, self.events, self.params, allow_coarse=self.allow_coarse):
                if self.start is not None and c.date.end < self.start:
                    continue
                if self.end is not None and c.date.start > self.end:
                    continue
                out.append(c)
        return drop_lone_history(
            out, articles, self.events.history_years, self.events.history_sources
        )

    def _fold(
        self,
        by_date: dict[DateInterval, list[Candidate]],
        rows: dict[tuple[str, int], int],
        vectors: SentenceVectors,
    ) -> None:
        drop_unconfirmed_days_before(by_date)
        if self.events.fold_similarity < 1.0:
            fold_similar(by_date, rows, vectors, self.events.fold_similarity)
        fold_weeks(by_date)

    def _acceptable(self, group: Sequence[Candidate]) -> bool:
        """A date needs a happening, a scheduled event or a lead; statements alone (a
        briefing's date) make no entry unless `events.statement_entries`."""
        if self.events.statement_entries:
            return True
        return any(c.kind in ENTRY_KINDS or c.kind in ("lead", "") for c in group)

    def _citable(self, c: Candidate) -> bool:
        """A date a sentence only mentions is not what the sentence tells."""
        return c.kind != MENTION

    def _can_lead(self, c: Candidate) -> bool:
        """An entry opens with a sentence that tells what happened (or is scheduled), never
        with one that only reports what someone said (unless `events.statement_entries`)
        nor with one whose main clause tells an event of another date (`_asides`)."""
        return (c.kind != STATEMENT or self.events.statement_entries) and not c.aside

    def _date_score(self, group: Sequence[Candidate]) -> float:
        """As the date-wise score, but an event an article leads with (its story, in its
        first sentences) weighs `events.lead_event_boost` more: the key days are those
        articles are about, not those they mention in passing."""
        lead, title = self.events.lead_event_boost, self.events.title_event_boost
        if not lead and not title:
            return super()._date_score(group)
        boosted = []
        for c in group:
            factor = 1.0
            if c.kind in ENTRY_KINDS and c.index < self.events.lead_event_sentences:
                factor += lead
                if title and _tells_title(c):
                    factor += title
            boosted.append(dataclasses.replace(c, weight=c.weight * factor) if factor > 1 else c)
        return super()._date_score(boosted)

    def _bonus(self, c: Candidate) -> float:
        """Sentences that report a happening or a scheduled event, and make sense without
        the sentence before them, come first (they are the entry's headline)."""
        bonus = super()._bonus(c)
        if c.kind in ENTRY_KINDS:
            bonus += self.events.event_bonus
        if not stands_alone(c.sentence.text):
            bonus -= self.events.leaning_penalty
        if c.folded:  # "in 2011" does not head the entry of 2 April 2011
            bonus -= FOLDED_PENALTY
        return bonus

    def _headline(self, lead: Candidate) -> str:
        return headline(lead.sentence.text, self.events.headline_words)

    def _event_of(self, lead: Candidate) -> EntryEvent | None:
        e = lead.event
        if e is None:
            return None
        a = lead.article
        anchor = None
        if lead.explicit and e.anchor is not None and e.anchor < len(a.times):
            anchor = a.times[e.anchor].text
        people: list[Participant] = []
        for span in e.participants:
            m = _mention_at(a, span)
            if m is not None and m.label != "GPE" and all(p.name != m.text for p in people):
                people.append(Participant(m.text, m.entity_id))
        where = _mention_at(a, e.place) if e.place is not None else None
        place = where.text if where is not None else None
        kind = "happened" if lead.kind == "lead" else (lead.kind or e.kind)
        return EntryEvent(kind, e.predicate, anchor, tuple(people), place)
