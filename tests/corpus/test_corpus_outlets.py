"""The outlet stage over a corpus, the outlet names and the decision between evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.entities.aliases import load_alias_file
from storyline.corpus.outlets import resolve_outlets
from storyline.errors import ConfigError
from storyline.model import Article
from storyline.outlets import Evidence, decide, display_name, squash
from storyline.outlets.names import domain_label, fits, split_label
from storyline.outlets.table import by_domain, by_name, date_order, is_wire


def art(i: int, source: str | None, how: str, url: str | None = None, text: str = "") -> Article:
    return Article(
        id=f"a{i}",
        path=f"a{i}.txt",
        raw_text=text or "The ferry terminal opens in spring.",
        source=source,
        source_how=how,
        source_confidence=0.8 if source else 0.0,
        url=url,
    )


def test_names() -> None:
    assert squash("The Valley Courier") == squash("valley courier") == "valleycourier"
    assert squash("Globe & Anchor") == squash("Globe and Anchor")
    assert display_name("DRAVONIA TODAY") == "Dravonia Today"
    assert display_name("SUMMIT FM") == "Summit FM"
    assert display_name("© The Northern Ledger Ltd.") != ""  # never crashes on chrome
    assert display_name("The Fjord Post Ltd") == "The Fjord Post"
    assert domain_label("www.nilebasinmonitor.example") == "nilebasinmonitor"
    assert domain_label("news.bbc.co.uk") == "bbc"
    assert fits("Ledger", "The Northern Ledger") and fits("Harbour Times", "Harbour Times Europe")
    assert not fits("Northern", "Harbour Times")
    assert split_label("nilebasinmonitor", {"nile", "basin", "monitor", "nil"}) == [
        "nile",
        "basin",
        "monitor",
    ]
    assert split_label("eurodesk24", {"euro", "desk"}) == ["euro", "desk", "24"]
    assert split_label("qqq", {"a"}) is None


@given(st.text(max_size=60))
def test_names_never_crash(text: str) -> None:
    squash(text)
    display_name(text)
    split_label(text.lower()[:30], {"news", "post"})


def test_table() -> None:
    assert by_domain("www.reuters.com") is not None and by_domain("uk.reuters.com") is not None
    assert by_name("Deutsche Welle") is not None and by_name("Deutsche Welle").name == "DW"  # type: ignore[union-attr]
    assert is_wire("Reuters") and is_wire("AFP") and not is_wire("Sputnik")
    assert not is_wire("Fjord Post")
    assert date_order(host="www.nytimes.com") == "mdy"
    assert date_order(host="news.example.us") == "mdy"
    assert date_order(host="zeitung.example.de") == "dmy"
    assert date_order(host="fjordpost.example") is None


def test_decide() -> None:
    d = decide(
        [
            Evidence("summitfm.example", "field", 0.88, is_host=True),
            Evidence("Summit FM", "dateline", 0.85),
        ]
    )
    assert (d.name, d.how, d.is_host) == ("Summit FM", "field", False)
    conflict = decide(
        [Evidence("Fjord Post", "meta", 0.95), Evidence("Other Daily", "footer", 0.85)]
    )
    assert conflict.name == "Fjord Post" and conflict.confidence < 0.95
    assert decide([]).name is None and decide([]).how == "none"
    partial = decide(
        [Evidence("Ledger", "plug", 0.75), Evidence("The Northern Ledger", "byline", 0.7)]
    )
    assert partial.name == "The Northern Ledger" and partial.how == "plug"


def test_hosts_named_from_the_corpus() -> None:
    articles = [
        art(1, "Harbour Times", "site-header"),  # names the outlet, no URL
        art(2, "harbourtimes.example", "url", "https://www.harbourtimes.example/a"),
        art(3, "Port Anselm Gazette", "meta", "https://www.anselmgazette.example/b"),
        art(4, "anselmgazette.example", "url", "https://anselmgazette.example/c"),
        art(5, "nilebasinmonitor.example", "field", text="The Nile basin and its monitor."),
        art(6, "reuters.com", "url", "https://www.reuters.com/x"),
        art(7, None, "none"),
        # no page says "meridian": the outlet's word "daily" cuts the label
        art(8, "dailymeridian.example", "field", text="Miners were rescued."),
    ]
    out = {a.id: a for a in resolve_outlets(articles)}
    assert out["a2"].source == "Harbour Times"  # an outlet another article names
    assert out["a4"].source == "Port Anselm Gazette"  # same host as a named page
    assert out["a5"].source == "Nile Basin Monitor"  # the label cut into words
    assert out["a6"].source == "Reuters"  # the outlet table
    assert out["a7"].source is None  # never invented
    assert out["a8"].source == "Daily Meridian"
    assert (
        out["a5"].source_confidence
        < out["a2"].source_confidence
        < articles[1].source_confidence + 0.01
    )


def test_one_spelling_per_outlet() -> None:
    articles = [
        art(1, "Valley Courier", "plug"),
        art(2, "The Valley Courier", "footer"),
        art(3, "Deutsche Welle", "footer"),
    ]
    out = [a.source for a in resolve_outlets(articles)]
    assert out == ["The Valley Courier", "The Valley Courier", "DW"]


def test_user_outlet_table(tmp_path: Path) -> None:
    f = tmp_path / "aliases.toml"
    f.write_text('[outlets]\n"www.nilebasinmonitor.example" = "The Nile Basin Monitor"\n')
    assert load_alias_file(f).outlets == (("nilebasinmonitor.example", "The Nile Basin Monitor"),)
    out = resolve_outlets([art(1, "nilebasinmonitor.example", "field")], str(f))
    assert out[0].source == "The Nile Basin Monitor"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[outlets]\n"not a domain" = "X"\n', "is not a domain"),
        ('[outlets]\n"x.example" = 3\n', "must name an outlet"),
        ('outlets = ["x.example"]\n', "must be a table"),
    ],
)
def test_user_outlet_table_errors(tmp_path: Path, body: str, message: str) -> None:
    f = tmp_path / "aliases.toml"
    f.write_text(body)
    with pytest.raises(ConfigError, match=message):
        load_alias_file(f)
