"""Who published an article: outlet names, the outlet table and the evidence behind a choice.

    from storyline.outlets import Evidence, decide
    decide([Evidence("Harbour Times", "site-header", 0.85)]).name == "Harbour Times"

`names` holds the string functions (`squash`, `display_name`, `domain_label`), `table` the
known outlets of `data/outlets.toml`, `evidence` the decision and `lines` the boilerplate
lines that name an outlet (read by the cleaner, and by the HTML reader `ingest.pagemeta` in
a page's footer). The corpus stage `corpus.outlets` names outlets known only by a domain.
"""

from storyline.outlets.evidence import HOWS, NO_OUTLET, Decision, Evidence, agrees, decide
from storyline.outlets.names import display_name, domain_label, plausible_outlet, squash
from storyline.outlets.table import KnownOutlet, by_domain, by_name, date_order, is_wire

__all__ = [
    "HOWS",
    "NO_OUTLET",
    "Decision",
    "Evidence",
    "KnownOutlet",
    "agrees",
    "by_domain",
    "by_name",
    "date_order",
    "decide",
    "display_name",
    "domain_label",
    "is_wire",
    "plausible_outlet",
    "squash",
]
