"""Events: what each clause of an article reports, of what kind, dated by which expression.

    events = extract_events(article, parsed)        # document stage (annotate runs it)

The timeline's entries are events: a clause that reports something that happened or is
scheduled, dated by the time expression its verb governs (`roles` tells anchors from the
dates a sentence only mentions; `kinds` tells happenings from statements, expectations and
background states). The corpus-level steps that use them live above this package: one
event told by several articles is folded by the timeline strategy (`timeline/eventwise.py`),
and undated articles are dated from the events they share by `corpus/crossref.py`.
"""

from storyline.events.extract import extract_events
from storyline.events.kinds import ENTRY_KINDS, KINDS

__all__ = ["ENTRY_KINDS", "KINDS", "extract_events"]
