"""Rules for durations ("the past two months", "two-year"), clock times ("3:30 p.m. EDT",
"noon Friday") and sets ("daily", "every month", "$5 million a year")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from storyline.temporal import lexicon as lex
from storyline.temporal.arith import weekday_near
from storyline.temporal.engine import Context, Result, Rule, rule
from storyline.temporal.rules_common import DAYN, MONTH, WEEKDAY, month_ok, tense_direction
from storyline.temporal.rules_relative import _period

NUM = lex.NUMBER_RE
UNIT = lex.UNIT_RE
TZ = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|IST|local\s+time)"


# -- durations ---
def _half_period(n: int, unit: str) -> str:
    """n and a half units, in the next smaller unit."""
    if unit == "year":
        return f"P{n}Y6M"
    if unit == "month":
        return f"P{30 * n + 15}D"
    if unit == "day":
        return f"PT{24 * n + 12}H"
    if unit == "hour":
        return f"PT{n}H30M"
    if unit == "minute":
        return f"PT{n}M30S"
    if unit == "week":
        return f"P{7 * n + 3}D"
    return _period(n, unit)


def norm_duration(m: re.Match[str], ctx: Context) -> Result | None:
    """Durations; a hyphenated adjective ("its two-year term") leaves its determiner out."""
    res = _norm_duration(m, ctx)
    lead = re.match(r"(?i)(?:the|its|his|her|their|a|an|this|that)\s+", m.group(0))
    if res is not None and lead and re.search(r"-\s*$", m.group(0)[: m.start("unit") - m.start()]):
        return replace(res, trim_start=lead.end())
    return res


def _norm_duration(m: re.Match[str], ctx: Context) -> Result | None:
    unit = lex.unit_of(m["unit"])
    num_text = m["num"]
    after = ctx.text[m.end() : m.end() + 8].lower()
    if re.match(r"[\s-]+old\b", after):
        return None
    n = lex.number_value(num_text)
    if m["num2"]:
        n = None
    if num_text.lower() in ("a", "an") and unit in ("weekend", "second"):
        return None
    if unit == "quarter" and (
        re.search(r"\w-quarters?$", m.group(0))
        or (num_text.lower() in ("a", "an") and ctx.text.startswith(" of", m.end()))
        or re.match(r"\s+of\s+(?:the|its|their|his|her|all|our|a)\b", ctx.text[m.end() :])
    ):
        return None  # "three-quarters of its food", "more than a quarter of": fractions
    if num_text.lower() in ("a", "an", "one") and m["unit"].lower() in lex.UNIT_PLURALS:
        return None  # "a decades-long feud": the article belongs to the noun
    if n is not None and n > 10000:
        return None
    if (m["half"] or m["half2"]) and n is not None:
        return Result("DURATION", _half_period(n, unit))
    if unit == "weekend" and n is not None:
        return Result("DURATION", "P2D" if n == 1 else f"P{n}WE")
    return Result("DURATION", _period(n, unit))


def norm_vague_duration(m: re.Match[str], ctx: Context) -> Result | None:
    unit = lex.unit_of(m["unit"])
    if m["lead"]:
        return Result("DURATION", _period(None, unit), trim_start=len(m["lead"]))
    return Result("DURATION", _period(None, unit))


# -- clock times ---
def _day_for(word: str | None, m: re.Match[str], ctx: Context) -> dt.date | None:
    ref, _how = ctx.ref()
    if ref is None:
        return None
    if not word:
        # "at 10 p.m.": the day under discussion, if a day was just mentioned
        return ctx.last[0] if ctx.last is not None and ctx.last[1] == "day" else ref
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("today", "tonight"):
        return ref
    if w == "yesterday":
        return ref - dt.timedelta(days=1)
    if w == "tomorrow":
        return ref + dt.timedelta(days=1)
    if w in lex.WEEKDAYS:
        return weekday_near(ref, lex.WEEKDAYS[w], tense_direction(ctx, m))
    parts = w.split()
    if len(parts) == 2 and month_ok(word.split()[0]):
        try:
            return dt.date(ref.year, lex.month_number(parts[0]), int(parts[1]))
        except (ValueError, KeyError):
            return ref
    return ref


def _time_value(day: dt.date | None, clock: str) -> str:
    return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{clock}"


def norm_clock(m: re.Match[str], ctx: Context) -> Result | None:
    """'3:30 p.m. EDT Friday' (a.m./p.m. required) or '0735 GMT' (a zone required)."""
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "pm" else 0)
    elif not m["tz"] or ctx.text[max(0, m.start() - 1) : m.start()] == "(":
        return None  # a 24-hour time needs a zone; "(0735 GMT)" restates the time before it
    day = _day_for(m["day"], m, ctx)
    _ref, how = ctx.ref()
    return Result("TIME", _time_value(day, f"{h:02d}:{mi:02d}"), how if day else "none")


def norm_noon(m: re.Match[str], ctx: Context) -> Result | None:
    if re.search(r"(?i)\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()]):
        return None
    clock = "24:00" if m["w"].lower() == "midnight" else "12:00"
    day = _day_for(m["day"], m, ctx)
    _ref, how = ctx.ref()
    return Result("TIME", _time_value(day, clock), how if day else "none")


# -- sets ---
_ADVERB_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
    "semi-annually": "P6M", "bimonthly": "P2M",
}  # fmt: skip


def norm_adverb_set(m: re.Match[str], ctx: Context) -> Result | None:
    return Result("SET", _ADVERB_SETS[m["w"].lower()])


def norm_every(m: re.Match[str], ctx: Context) -> Result | None:
    q = m["q"].lower()
    unit = lex.unit_of(m["unit"])
    if q in ("a", "an") and m["num"]:
        return None  # "a two-day visit" is a duration
    if q in ("a", "an", "per") and not (m["freq"] or m["num"]):
        before = ctx.text[max(0, m.start() - 30) : m.start()].lower()
        if q != "per" and not re.search(
            r"(?:\d[%)]?|million|billion|thousand|percent|cents?|dollars?|times|twice|once|yen|"
            r"pounds|euros)\s*$",  # "$5 a day", "5% a year"; not "9 June 2022 - A second delay"
            before,
        ):
            return None
    n = lex.number_value(m["num"]) if m["num"] else 1
    if unit == "weekend":
        return Result("SET", "XXXX-WXX-WE")
    return Result("SET", _period(n, unit))


def norm_every_name(m: re.Match[str], ctx: Context) -> Result | None:
    name = m["name"].lower()
    if name in lex.WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{lex.WEEKDAYS[name] + 1}")
    if name in lex.SEASONS:
        return Result("SET", f"XXXX-{lex.SEASONS[name]}")
    if not month_ok(m["name"]):
        return None
    return Result("SET", f"XXXX-{lex.month_number(name):02d}")


_DUR_MOD = (
    r"(?:about|nearly|almost|some|more\s+than|less\s+than|over(?!\s+the)|at\s+least|up\s+to|roughly|"
    r"around|only|just|approximately|the\s+past|the\s+last|the\s+next|the\s+first|the\s+final|"
    r"the\s+coming|the\s+previous|the\s+following|the\s+remaining|the\s+past\s+few|past|last|"
    r"next|first|another|an\s+additional|the|those|these|its|their|his|her|the\s+entire|"
    r"the\s+full|a\s+full|full|the\s+better\s+part\s+of|nearly\s+a|more\s+than\s+a)"
)
RULES: list[Rule] = [
    rule(
        "duration",
        rf"(?:\b{_DUR_MOD}\s+){{0,3}}(?<![\w$.,-])(?P<num>{NUM})"
        rf"(?:\s*(?:to|or|-)\s*(?!(?:a|an)\b)(?P<num2>{NUM}))?"
        r"(?P<half>\s+and\s+(?:a\s+)?half|\s+1/2|½)?[\s-]+"
        r"(?:(?:more|additional|straight|consecutive|full|long|trading|business|working|"
        r"calendar)\s+)?"
        rf"(?P<unit>{UNIT})(?![\w])(?P<half2>\s+and\s+a\s+half\b)?(?:-long)?",
        norm_duration,
        priority=1,
    ),
    rule(
        "duration-vague",
        r"(?P<lead>\b(?:for|over|in|within|after|take|takes|took)\s+)?"
        r"(?<![\w-])(?:(?:recent|coming|the\s+coming|the\s+next\s+few|the)\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes|quarters)\b"
        r"(?!\s+(?:ago|of|old|later|earlier|before|after|that|when))(?P<long>-long)?"
        r"(?P<ahead>\s+ahead)?",
        lambda m, c: (
            norm_vague_duration(m, c)
            if m["lead"]
            or m["long"]
            or m["ahead"]
            or re.match(r"(?i)(?:recent|coming|the\s+coming|the\s+next)", m.group(0))
            else None
        ),
    ),
    rule(
        "clock",
        r"(?:\b(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))"
        r"\s+)?(?<![\w.:$,])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*"
        r"(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)(?:\s+\(?(?P<tz>" + TZ + r")\)?)?"
        rf"(?:,?\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|{WEEKDAY}|{MONTH}\s+{DAYN}))?",
        norm_clock,
        priority=2,
    ),
    rule(
        "clock-24h",
        rf"(?<![\w.:$,])(?P<h>[01]?\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?:hours\s+)?(?P<tz>{TZ})"
        rf"(?:,?\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|{WEEKDAY}))?",
        norm_clock,
        priority=2,
    ),
    rule(
        "noon",
        r"(?:\b(?:around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        rf"\b(?P<w>noon|midnight|midday)\b(?:,?\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|"
        rf"{WEEKDAY}))?",
        norm_noon,
        priority=2,
    ),
    rule(
        "adverb-set",
        r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually|"
        r"semi-annually|bimonthly)\b",
        norm_adverb_set,
    ),
    rule(
        "every",
        rf"(?:\b(?P<freq>once|twice|(?:{NUM})\s+times)\s+)?\b(?P<q>every|each|per|a|an)\s+"
        rf"(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\b",
        norm_every,
        priority=2,
    ),
    rule(
        "every-name",
        rf"\b(?:every|each)\s+(?P<name>{WEEKDAY}|{MONTH}|{lex.SEASON_RE})\b",
        norm_every_name,
        priority=3,
    ),
]
