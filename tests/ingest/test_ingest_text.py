"""Plain-text reading, decoding, folder walking and the Skip reasons."""

from __future__ import annotations

import codecs
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest import read_articles
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.ingest.registry import reader_for
from storyline.ingest.textfile import split_date_header
from storyline.model import Article, Skip

STORY = (
    "Denmark and Canada agreed on Tuesday to divide a small Arctic island that both had "
    "claimed for decades, officials in Ottawa said.\n"
)


def _one(path: Path, config: IngestConfig | None = None) -> Article | Skip:
    items = list(read_articles([path], config))
    assert len(items) == 1, items
    return items[0]


def test_date_header_becomes_given_date_and_leaves_the_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(" date 2022-06-14 " + STORY, encoding="utf-8")
    a = _one(f)
    assert isinstance(a, Article)
    assert a.given_date == "2022-06-14"
    assert a.given_date_how == "header"
    assert a.raw_text.startswith("Denmark and Canada")
    assert a.text == ""
    assert a.path == str(f)


def test_header_variants() -> None:
    assert split_date_header("Date: 2022-06-14\nText here") == ("2022-06-14", "Text here")
    assert split_date_header("date 2022-06-14T10:00 Text") == ("2022-06-14T10:00", "Text")
    assert split_date_header("dated 2022-06-14 Text") == (None, "dated 2022-06-14 Text")
    # A dateline is not a header: the temporal stage reads it from the text.
    text = "MOSCOW, Jan 5 (Reuters) - Talks began."
    assert split_date_header(text) == (None, text)


def test_no_header_keeps_text_unchanged_except_newlines(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(b"Title line\r\n\r\nFirst paragraph of the story.\r\n")
    a = _one(f)
    assert isinstance(a, Article)
    assert a.given_date is None and a.given_date_how is None
    assert a.raw_text == "Title line\n\nFirst paragraph of the story."  # outer newlines cut


def test_decoding_fallbacks() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "caf\u00e9".encode()) == ("caf\u00e9", "utf-8-sig")
    assert decode_bytes("\u201cquoted\u201d".encode("utf-16")) == ("\u201cquoted\u201d", "utf-16")
    text, encoding = decode_bytes(b"caf\xe9 \x93quoted\x94")
    assert (text, encoding) == ("caf\u00e9 \u201cquoted\u201d", "cp1252")
    for bad in (b"\x00\x01\x02binary", bytes(range(1, 32)) * 10):
        try:
            decode_bytes(bad)
        except DecodeError as e:
            assert e.reason == "binary"
        else:
            raise AssertionError("binary data decoded")


def test_skip_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "header_only.txt").write_text(" date 2022-06-14 \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "blob.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (tmp_path / "big.txt").write_text(STORY * 50, encoding="utf-8")
    items = list(read_articles([tmp_path, tmp_path / "nope.txt"], IngestConfig(max_bytes=2000)))
    reasons = {Path(s.path).name: s.reason for s in items if isinstance(s, Skip)}
    assert reasons == {
        "big.txt": "too-large",
        "blob.txt": "binary",
        "empty.txt": "empty",
        "header_only.txt": "empty",
        "image.png": "unsupported",
        "report.pdf": "unsupported",
        "nope.txt": "missing",
    }
    unsupported = next(s for s in items if isinstance(s, Skip) and s.reason == "unsupported")
    assert ".txt" in unsupported.detail and ".jsonl" in unsupported.detail


def test_folders_are_walked_sorted_and_hidden_files_ignored(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/a", ".hidden.txt", ".git/x.txt"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{name}: {STORY}", encoding="utf-8")
    paths = [item.path for item in read_articles([tmp_path])]
    rel = [str(Path(p).relative_to(tmp_path)) for p in paths]
    assert rel == ["a.txt", "b.txt", "sub/a", "sub/c.txt"]
    assert paths == [item.path for item in read_articles([tmp_path])]
    assert paths == [item.path for item in read_articles(str(tmp_path))]  # one path


def test_the_walk_stops_at_max_files_and_says_where(tmp_path: Path) -> None:
    for name in ("a/1.txt", "a/2.txt", "b/3.txt", "b/4.txt", "c/5.txt"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{name}: {STORY}", encoding="utf-8")
    items = list(read_articles([tmp_path], IngestConfig(max_files=3)))
    rel = [(str(Path(i.path).relative_to(tmp_path)), isinstance(i, Skip)) for i in items]
    # three files read, then one skip where the walk stopped, and nothing after it
    assert rel == [("a/1.txt", False), ("a/2.txt", False), ("b/3.txt", False), ("b/4.txt", True)]
    stop = items[-1]
    assert isinstance(stop, Skip) and stop.reason == "too-many-files"
    assert "ingest.max_files" in stop.detail
    # the budget is shared by every folder given
    two = list(read_articles([tmp_path / "a", tmp_path / "b"], IngestConfig(max_files=2)))
    assert [isinstance(i, Skip) for i in two] == [False, False, True]


def test_kernel_and_device_folders_are_not_walked() -> None:
    (item,) = list(read_articles(["/proc"]))
    assert isinstance(item, Skip) and item.reason == "special", item


def test_path_keeps_the_form_given(tmp_path: Path, monkeypatch: object) -> None:
    import os

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text(STORY, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        (item,) = list(read_articles(["in"]))
    finally:
        os.chdir(old)
    assert item.path == os.path.join("in", "x.txt")


def test_ids_hash_normalised_text_and_source(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(STORY.replace(" ", "  ") + "\n\n", encoding="utf-8")
    (tmp_path / "three.txt").write_text(STORY + "More.", encoding="utf-8")
    one, three, two = list(read_articles([tmp_path]))
    assert isinstance(one, Article) and isinstance(two, Article) and isinstance(three, Article)
    assert one.id == two.id
    assert one.id != three.id
    assert one.id.startswith("a")


def test_saved_html_pages_are_sniffed(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><article><p>" + STORY * 3 + "</p></article></body></html>"
    for name in ("page", "saved.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8-sig")
        a = _one(tmp_path / name)
        assert isinstance(a, Article)
        assert "<p>" not in a.raw_text and "Arctic island" in a.raw_text


def test_a_file_is_read_by_the_reader_of_its_suffix() -> None:
    def name(p: str) -> str | None:
        reader = reader_for(Path(p))
        return reader.name if reader else None

    assert name("x.JSONL.GZ") == "jsonl"
    assert name("x.txt") == "text"
    assert name("README") == "text"
    assert name("notes.2019") == "text"  # a version number, not a type
    assert name("x.tar.gz") is None
    assert name("x.docx") is None
    assert name("page.HTM") == "html"


def test_a_storylineignore_file_keeps_entries_out_of_the_input(tmp_path: Path) -> None:
    body = "The envoys met in Geneva on Monday and agreed to talk again next month. " * 4
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "README.md").write_text("# about this corpus", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "b.txt").write_text(body, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "draft.txt").write_text(body + " Draft.", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_text(body + " More.", encoding="utf-8")
    (tmp_path / ".storylineignore").write_text("# comment\nREADME.md\nnotes/\ndraft.*\n")
    paths = sorted(
        Path(item.path).relative_to(tmp_path).as_posix() for item in read_articles([tmp_path])
    )
    assert paths == ["a.txt", "sub/c.txt"]
