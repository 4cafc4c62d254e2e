"""Rules for relative dates: "last week", "that year", "two days ago", "a year earlier",
quarters and halves, and the vague references PRESENT_REF / PAST_REF / FUTURE_REF."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from storyline.temporal import lexicon as lex
from storyline.temporal.arith import fmt, fmt_within, shift
from storyline.temporal.engine import Context, Result, Rule, is_title, rule
from storyline.temporal.rules_common import YEAR

_UNIT_RANK = {"day": 0, "weekend": 1, "week": 1, "month": 2, "quarter": 3, "half": 3, "year": 4,
              "decade": 5, "century": 6}  # fmt: skip
_UNRESOLVED = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def _clean(s: str | None) -> str:
    return re.sub(r"[\s-]+", " ", (s or "").lower()).strip()


def _weekend(d: dt.date, direction: int) -> str:
    """The weekend of d's week, or the previous/next weekend when direction is -1/+1."""
    monday = d - dt.timedelta(days=d.weekday())
    sat = monday + dt.timedelta(days=5)
    if direction < 0 and d < sat:
        sat -= dt.timedelta(days=7)
    if direction > 0 and d > sat + dt.timedelta(days=1):
        sat += dt.timedelta(days=7)
    return fmt(sat, "weekend")


# -- last week, this year, the following day, that month ---
_DET_OFFSET = {
    "last": -1, "this": 0, "next": 1, "the coming": 1, "coming": 1, "the current": 0,
    "the latest": -1, "the past": -1, "past": -1, "the last": -1, "the present": 0,
}  # fmt: skip
_ANAPHORIC = {
    "that": 0, "the same": 0, "that same": 0, "the following": 1, "the next": 1,
    "the previous": -1, "the prior": -1, "the preceding": -1, "the succeeding": 1,
}  # fmt: skip


_OF_AFTER = re.compile(r"\s+of\b")


def norm_relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    if m["unit"][:1].isupper() and is_title(ctx.text, m.start(), m.group(0)):
        return None
    det = _clean(m["det"])
    unit = lex.unit_of(m["unit"])
    if det.startswith("the ") and _OF_AFTER.match(ctx.text, m.end()):
        return None  # "the last day of talks", "the next week of hearings": a stretch of it
    if det in _ANAPHORIC:
        prev, prev_unit, how = ctx.previous()
        n = _ANAPHORIC[det]
        if prev is None:
            return Result("DATE", _UNRESOLVED[n] if n else "XXXX")
        if unit == "weekend":
            return Result("DATE", _weekend(prev, n), how)
        return Result("DATE", fmt_within(shift(prev, unit, n), prev_unit, unit), how)
    n = _DET_OFFSET.get(det, 0)
    ref, how = ctx.ref()
    if ref is None or how != "dct":
        return Result("DATE", _UNRESOLVED[n])
    if unit == "weekend":
        return Result("DATE", _weekend(ref, n), "dct")
    return Result("DATE", fmt(shift(ref, unit, n), unit), "dct")


def norm_the_weekend(m: re.Match[str], ctx: Context) -> Result | None:
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", "XXXX-WXX-WE")
    t = ctx.tense_at(m.start(), m.end())
    return Result("DATE", _weekend(ref, 1 if t == "future" else -1), how)


def norm_the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """'the year', 'the full year', 'the week': the reference's year or week; 'the (fiscal)
    year ended June 30' is a one-year duration."""
    unit = m["unit"].lower()
    if unit == "month" and not m.group(0).lower().startswith(("the end", "end", "the beg")):
        return None
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end() : m.end() + 10]):
        return Result("DURATION", _period(1, unit))
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", "PRESENT_REF")
    return Result("DATE", fmt(ref, unit), how)


def norm_year_earlier(m: re.Match[str], ctx: Context) -> Result | None:
    """'the year-earlier period', 'year-ago': the period just discussed, one year back."""
    text = m.group(0)
    if text.lower().startswith("the") and not re.search(r"(?i)period|quarter$", text):
        res = _year_earlier(m, ctx)
        return None if res is None else replace(res, trim_start=len(text) - len(text[3:].lstrip()))
    return _year_earlier(m, ctx)


def _year_earlier(m: re.Match[str], ctx: Context) -> Result | None:
    if ctx.last is not None and ctx.last[1] in ("quarter", "month", "day", "week"):
        unit = ctx.last[1] if ctx.last[1] != "day" else "year"
        return Result(
            "DATE", fmt(shift(ctx.last[0], "year", -1), unit), "previous", anchoring=False
        )
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", "PAST_REF")
    return Result("DATE", fmt(shift(ref, "year", -1), "year"), how, anchoring=False)


def norm_year_end(m: re.Match[str], ctx: Context) -> Result | None:
    """'by year-end', 'since year end': the reference year (the previous one after 'since')."""
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", "XXXX-12-31", trim_start=len(m["prep"]))
    y = ref.year - (1 if m["prep"].lower().startswith("since") else 0)
    return Result("DATE", f"{y:04d}", how, trim_start=len(m["prep"]))


def norm_unit_before(m: re.Match[str], ctx: Context) -> Result | None:
    """'the day before', 'the week after' (no object): one unit from the last date."""
    unit = m["unit"].lower()
    prev, prev_unit, how = ctx.previous()
    n = -1 if m["dir"].lower() == "before" else 1
    if prev is None:
        return Result("DATE", "PAST_REF" if n < 0 else "FUTURE_REF")
    return Result("DATE", fmt_within(shift(prev, unit, n), prev_unit, unit), how)


def norm_that_part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """'that night', 'the next morning': a part of the last mentioned day (or the next one)."""
    pod = lex.PARTS_OF_DAY[m["pod"].lower()]
    prev, prev_unit, how = ctx.previous()
    if prev is None or prev_unit != "day":
        return None
    n = 0 if m["det"].lower() == "that" else 1
    return Result("TIME", f"{shift(prev, 'day', n).isoformat()}T{pod}", how, anchoring=False)


def norm_in_the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """'earlier in the year', 'later in the week': the reference's unit."""
    unit = lex.unit_of(m["unit"])
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", "PRESENT_REF")
    return Result("DATE", fmt(ref, unit), how)


def _period(n: int | None, unit: str) -> str:
    num = "X" if n is None else str(n)
    if unit in ("hour", "minute", "second"):
        return f"PT{num}{lex.UNITS[unit][1]}"
    if unit == "decade":
        return "PXE" if n is None else f"P{10 * n}Y"
    if unit == "century":
        return "PXC" if n is None else f"P{100 * n}Y"
    if unit == "weekend":
        return "P2D" if n == 1 else f"P{num}WE"
    if unit == "quarter" and n is not None:
        return f"P{3 * n}M"
    return f"P{num}{lex.UNITS[unit][1]}"


# -- two days ago, a year earlier, three weeks later ---
def norm_ago(m: re.Match[str], ctx: Context) -> Result | None:
    unit = lex.unit_of(m["unit"])
    if unit in ("hour", "minute", "second"):
        return None
    n = lex.number_value(m["num"])
    direction = _clean(m["dir"])
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    deictic = direction in ("ago", "from now", "hence", "back")
    if n is None:
        return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if deictic:
        ref, how = ctx.ref()
        out_unit = unit
        if ref is None or how != "dct":
            return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit == "year" and ctx.last is not None and ctx.last[1] == "quarter":
            # "profit rose from $5 million a year ago": the quarter just discussed, a year back
            d = shift(ctx.last[0], "year", sign * n)
            return Result("DATE", fmt(d, "quarter"), "previous", anchoring=False)
    else:
        ref, prev_unit, how = ctx.previous()
        if ref is None:
            return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        out_unit = unit
        if how == "previous":
            # keep the anchor's granularity unless the shift is coarser ("a year earlier" after
            # a day is a year); a quarter stays a quarter, days shifted by weeks stay days
            fine = _UNIT_RANK.get(prev_unit, 0) >= _UNIT_RANK.get(unit, 0)
            keep = prev_unit == "quarter" or (prev_unit == "day" and unit == "week")
            out_unit = prev_unit if (fine or keep) else unit
    if unit in ("decade", "century"):
        out_unit = "year"
    if out_unit == "weekend":
        out_unit = "week"
    return Result("DATE", fmt(shift(ref, unit, sign * n), out_unit), how, anchoring=False)


# -- quarters and halves ---
def _current_quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def norm_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """Quarters and halves; a hyphenated adjective ("the third-quarter results") leaves its
    determiner out of the extent, as TimeBank does."""
    res = _norm_quarter(m, ctx)
    if res is not None and m["the"] and not m["poss"] and (m["mods"] or "").endswith("-"):
        return replace(res, trim_start=m.start("mods") - m.start())
    return res


def _norm_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    words = _clean(m.group(0))
    unit = lex.unit_of(m["unit"])
    mods = _clean(m["mods"])
    if not mods and not m["the"] and not m["poss"]:
        return None
    if unit == "quarters":
        return None
    if unit == "period":
        # "the latest period" in an earnings report: the quarter just reported
        explicit_year = m["poss"] and re.search(r"\d{4}", m["poss"])
        if not (re.search(r"latest|most recent|current", mods) and m["the"]) and not explicit_year:
            return None
        unit = "quarter"
    ordinal = next((lex.ORDINALS[w] for w in mods.split() if w in lex.ORDINALS), None)
    if unit == "half" and ordinal not in (None, 1, 2):
        return None
    if unit == "half" and ordinal is None and "last" not in mods.split():
        return None
    year_shift = -1 if re.search(r"year (earlier|ago)|prior year|last year's", words) else 0
    year_shift = 1 if "next year's" in words else year_shift
    explicit = re.search(rf"({YEAR})", words)
    ref, how = ctx.ref()
    if explicit:
        year: int | None = int(explicit.group(1))
    elif ref is not None:
        year = ref.year + year_shift
    else:
        year = None
    label = "H" if unit == "half" else "Q"
    if ordinal is None:
        if unit == "half":
            ordinal = 2
        else:
            prev = ctx.last
            if explicit:
                # "the 1988 quarter": the quarter under discussion, in that year
                if prev is not None and prev[1] == "quarter":
                    q = _current_quarter(prev[0])
                    return Result("DATE", f"{year:04d}-Q{q}", "previous", anchoring=False)
                return Result("DATE", f"{year:04d}-QX", anchoring=False)
            if (
                prev is not None
                and prev[1] == "quarter"
                and not re.search(r"latest|current|next", mods)
            ):
                d = shift(prev[0], "year", year_shift)
                return Result("DATE", fmt(d, "quarter"), "previous", anchoring=year_shift == 0)
            if ref is None:
                return Result("DATE", "XXXX-QX")
            d = ref
            if "current" in mods or "this" in mods:
                pass
            elif "next" in mods:
                d = shift(ref, "quarter", 1)
            else:
                d = shift(ref, "quarter", -1)
            d = shift(d, "year", year_shift)
            return Result("DATE", fmt(d, "quarter"), how, anchoring=year_shift == 0)
    if year is None:
        return Result("DATE", f"XXXX-{label}{ordinal}")
    if not explicit and ref is not None and year_shift == 0 and label == "Q":
        t = ctx.tense_at(m.start(), m.end())
        if ordinal > _current_quarter(ref) and t != "future":
            year -= 1
    return Result(
        "DATE",
        f"{year:04d}-{label}{ordinal}",
        how if not explicit else "none",
        anchoring=year_shift == 0,
    )


# -- now, recently, the future ---
_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "recent years": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "coming months": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "once": "PAST_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}  # fmt: skip


def norm_ref_word(m: re.Match[str], ctx: Context) -> Result | None:
    w = _clean(m["w"])
    after = ctx.text[m.end() : m.end() + 20].lower()
    if w == "current" and re.match(r"\s+(?:account|affairs|events|ly|and|or)\b", after):
        return None
    if w in ("now", "current") and re.match(r"-", after):
        return None
    if w == "the past" and re.match(
        r"\s+(?:\d|few|several|two|three|four|five|week|month|year|decade)", after
    ):
        return None
    return Result("DATE", _REF_WORDS[w])


_UNIT_SG = r"(?:day|week|weekend|month|year|decade|century)"
RULES: list[Rule] = [
    rule(
        "relative-unit",
        r"(?:\b(?:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+middle\s+of|the\s+start\s+of|the\s+rest\s+of|the\s+remainder\s+of|end\s+of|"
        r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|around)[\s-]+)?"
        r"\b(?P<det>last|this|next|the\s+coming|the\s+current|the\s+latest|the\s+past|past|"
        r"the\s+last|the\s+present|that(?:\s+same)?|the\s+same|the\s+following|the\s+next|"
        r"the\s+previous|the\s+prior|the\s+preceding|the\s+succeeding)\s+"
        rf"(?:fiscal\s+|calendar\s+)?(?P<unit>{_UNIT_SG})\b(?!-)",
        norm_relative_unit,
        priority=2,
    ),
    rule(
        "year-end",
        r"(?P<prep>\b(?:by|at|since|before|after|until|through|around|near)\s+)"
        r"(?:(?:the\s+)?year[\s-]end|year's\s+end)\b(?!-)",
        norm_year_end,
    ),
    rule(
        "unit-before",
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b"
        r"(?=\s*[,.;:!?)'\"]|\s*$|\s+(?:and|but|when|while|he|she|they|it|we)\b)",
        norm_unit_before,
    ),
    rule(
        "that-part-of-day",
        r"\b(?P<det>that|the\s+next|the\s+following)\s+(?P<pod>morning|afternoon|evening|night)\b",
        norm_that_part_of_day,
    ),
    rule("the-weekend", r"\bthe\s+weekend\b(?!-)", norm_the_weekend),
    rule(
        "the-unit",
        r"(?:\b(?:the\s+)?(?:end|beginning|middle|start|rest|remainder|close)\s+of\s+)?"
        r"\bthe\s+(?:full\s+|fiscal\s+|entire\s+|whole\s+)?(?P<unit>year|week|month)\b(?![\w-])",
        norm_the_unit,
    ),
    rule(
        "year-earlier",
        r"(?:\bthe\s+)?\b(?:year[\s-]+earlier|year[\s-]+ago|prior[\s-]+year)"
        r"(?:\s+(?:period|quarter)|(?=\s+(?:month|level|levels|results|figure|figures)))?(?![\w-])",
        lambda m, c: norm_year_earlier(m, c) if "quarter" not in m.group(0).lower() else None,
    ),
    rule(
        "in-the-unit",
        r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b",
        norm_in_the_unit,
        priority=1,
    ),
    rule(
        "ago",
        r"(?:\b(?:about|nearly|almost|some|more\s+than|less\s+than|over|at\s+least|just|only|"
        r"roughly|around|barely|exactly|precisely|approximately)\s+)?"
        rf"(?<![\w$.,-])(?P<num>{lex.NUMBER_RE})[\s-]+(?P<unit>{lex.UNIT_RE})\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|back|before(?=\s*[.,;:!?)'\"]|\s*$)|"
        r"after(?=\s*[.,;:!?)'\"]|\s*$))(?![\w-])",
        norm_ago,
        priority=3,
    ),
    rule(
        "quarter",
        rf"(?:(?P<poss>this\s+year's|last\s+year's|next\s+year's|\b{YEAR}'s|the\s+{YEAR})\s+)?"
        r"(?P<the>\bthe\s+)?"
        r"(?P<mods>(?:\b(?:latest|last|current|this|that|next|previous|past|same|comparable|year"
        r"[\s-]+earlier|year[\s-]+ago|prior[\s-]+year|fiscal|calendar|first|second|third|fourth|"
        r"1st|2nd|3rd|4th|final|recent|just[\s-]+ended|just[\s-]+completed|most\s+recent)"
        r"[\s-]+){0,4})"
        r"\b(?P<unit>quarter|half|quarters|period)(?![\w-])"
        rf"(?:\s+(?:of|ended|ending|in)\s+(?:fiscal\s+|calendar\s+)?{YEAR}(?!\d))?",
        norm_quarter,
        priority=3,
    ),
    rule(
        "reference-word",
        r"(?:(?<=\bin\s)|(?<=\bfor\s))(?P<w>the\s+past|the\s+(?:near|distant|foreseeable)\s+"
        r"future|the\s+(?:near|short)\s+term)\b",
        norm_ref_word,
        priority=1,
    ),
    rule(
        "reference-word-2",
        r"(?<![\w-])(?P<w>now|currently|current|presently|at\s+present|nowadays|"
        r"these\s+days|recently|more\s+recently|recent\s+years|lately|the\s+future|"
        r"the\s+coming\s+months|coming\s+months)(?![\w-])",
        norm_ref_word,
        priority=1,
    ),
]
