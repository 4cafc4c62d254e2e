"""The hostile-input corpus, generated (never committed as big files).

    python tests/hostile/corpus.py OUT/ [--scale small|full]

`make_corpus(root, scale)` writes one folder of hostile inputs and returns the `Case`s:
each names its inputs (paths under `root`) and the outcome expected of every input
("used", or a Skip reason; None when either is acceptable). Sizes depend on `scale`:
"small" (the test suite, a few MB in all) or "full" (`bench/reliability.py`: the 200 MB
text, 100 MB pages and line, the gzip bomb inflating to 5 GB).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

STORY = (
    "The council of Ostravia voted on 12 February 2019 to close the old bridge, officials "
    "said. Engineers had warned in January 2019 that its piers were failing. The mayor "
    "told reporters on Monday that a ferry would run until a new bridge opens in 2021. "
)
CYRILLIC = (
    "Совет города Остравия проголосовал 12 февраля 2019 года за закрытие старого моста, "
    "сообщили чиновники. Инженеры предупреждали в январе, что опоры моста разрушаются. "
)
FRENCH = (
    "Le conseil d'Ostravia a voté le 12 février 2019 la fermeture du vieux pont, ont "
    "déclaré les responsables. Les ingénieurs avaient prévenu en janvier que les piles "
    "étaient fragiles. Le maire a déclaré lundi qu'un bac fonctionnerait. "
)

SCALES = {
    # name: (big text MB, single line MB, JSONL line MB, pages MB, tiny files, bomb GB)
    "small": (3, 2, 2, 2, 2000, 0.05),
    "full": (200, 50, 100, 100, 20000, 5),
}


@dataclass
class Case:
    name: str
    paths: list[Path]
    expect: str | None  # "used", a Skip reason, or None: any outcome but a crash or a hang
    records: int = 1  # results expected per path (JSONL lines), at least
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _big(path: Path, piece: str, megabytes: float) -> Path:
    """A file of `megabytes` MB of `piece` repeated, written in chunks."""
    chunk = (piece * (1 + (1 << 20) // len(piece))).encode("utf-8")[: 1 << 20]
    with path.open("wb") as f:
        for _ in range(int(megabytes)):
            f.write(chunk)
        f.write(chunk[: int((megabytes % 1) * (1 << 20))])
    return path


def _gzip_bomb(path: Path, gigabytes: float) -> Path:
    """A .jsonl.gz whose one line inflates to `gigabytes` GB (a few MB compressed)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = b"0" * (1 << 24)
    with path.open("wb") as f:
        f.write(comp.compress(b'{"text": "'))
        for _ in range(max(1, int(gigabytes * 64))):
            f.write(comp.compress(block))
        f.write(comp.compress(b'"}\n'))
        f.write(comp.flush())
    return path


def _record(text: str, **fields: object) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


def make_corpus(root: Path, scale: str = "small") -> list[Case]:
    big_mb, line_mb, jsonl_line_mb, page_mb, tiny, bomb_gb = SCALES[scale]
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, expect: str | None, *paths: Path, records: int = 1, note: str = "") -> None:
        cases.append(Case(name, list(paths), expect, records, note))

    d = root / "text"
    add("empty file", "empty", _write(d / "empty.txt", b""))
    add("whitespace only", "empty", _write(d / "blank.txt", " \n\t\r\n  \n"))
    add("random binary", "binary", _write(d / "noise.txt", random.Random(1).randbytes(4096)))
    add("NUL bytes inside text", "used", _write(d / "nul.txt", STORY.replace(". ", ".\x00 ")))
    add("invalid UTF-8", None, _write(d / "bad-utf8.txt", STORY.encode() + b"\xff\xfe\xc3("))
    add("cp1251 (Cyrillic)", "used", _write(d / "cp1251.txt", (CYRILLIC * 3).encode("cp1251")))
    add("latin-1", "used", _write(d / "latin1.txt", (FRENCH * 2).encode("latin-1")))
    add("UTF-16 with BOM", "used", _write(d / "utf16-bom.txt", (STORY * 2).encode("utf-16")))
    add("UTF-16 LE, no BOM", "used", _write(d / "utf16le.txt", (STORY * 2).encode("utf-16-le")))
    add("UTF-16 BE, no BOM", "used", _write(d / "utf16be.txt", (STORY * 2).encode("utf-16-be")))
    add("CR-only line ends", "used", _write(d / "cr.txt", (STORY + "\r\r") * 3))
    add(
        f"{big_mb} MB text",
        "too-large",
        _big(d / "huge.txt", STORY + "\n\n", big_mb),
        note="over ingest.max_bytes (20 MB) or ingest.max_chars (1,000,000)",
    )
    add(
        f"{line_mb} MB single line",
        "too-large",
        _big(d / "one-line.txt", STORY.replace("\n", " "), line_mb),
    )
    add(
        "1 MB dense with dates",
        None,
        _write(
            d / "dates.txt",
            "".join(f"On {i % 28 + 1} March 2019 item {i} said. " for i in range(22000)),
        ),
        note="linear: a mask of taken spans",
    )
    add(
        "PDF named .txt",
        "binary",
        _write(d / "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    )

    d = root / "jsonl"
    lines = [
        _record(STORY, title="Bridge", date="2019-02-12"),
        "{not json",
        _record(STORY + " Second.", date="2019-02-30"),
        json.dumps({"text": 12345}),
        json.dumps({"text": ["a", 1]}),
        json.dumps({"text": None}),
        '{"text": "' + STORY + ' surrogate \\ud800", "source": "\\udfff bad"}',
        '{"text": "' + STORY + ' big number", "views": ' + "9" * 5000 + "}",
        _record(STORY + " Zero.", date="0000-00-00"),
        _record(STORY + " Year one.", date="0001-01-01"),
        _record(STORY + " Far future.", date="9999-12-31"),
        _record(STORY + " Epoch.", date=1549929600),
        _record(STORY + " Offset.", date="2019-02-12T23:30:00+14:00"),
        _record(STORY + " 2087.", date="2087-03-01"),
        "[1, 2",
    ]
    add(
        "JSONL malformed and extreme records",
        None,
        _write(d / "mixed.jsonl", "\n".join(lines) + "\n"),
        records=len(lines),
    )
    add(
        "JSON array instead of lines",
        "used",
        _write(d / "array.jsonl", json.dumps([json.loads(_record(STORY + " Array."))], indent=2)),
    )
    add(
        f"{jsonl_line_mb} MB JSONL line",
        "too-large",
        _write(d / "long-line.jsonl", _record("x " * (jsonl_line_mb << 19)) + "\n"),
    )
    add(f"gzip bomb ({bomb_gb} GB)", "unreadable", _gzip_bomb(d / "bomb.jsonl.gz", bomb_gb))
    whole = gzip.compress(("\n".join(_record(f"{STORY} Copy {i}.") for i in range(50))).encode())
    add(
        "truncated .gz",
        None,
        _write(d / "truncated.jsonl.gz", whole[: len(whole) // 2]),
        note="the records before the break are used, the rest reported",
    )

    d = root / "html"
    page = f"<html><head><title>Bridge</title></head><body><p>{STORY}</p></body></html>"
    add("HTML nested 100,000 deep", None, _write(d / "deep.html", "<div>" * 100_000 + STORY))
    add(
        f"{page_mb} MB page",
        None,
        _big(d / "big.html", f"<p>{STORY}</p>\n", page_mb),
        note="over max_bytes at full scale",
    )
    add("script-only page", "not-article", _write(d / "script.html", "<script>x()</script>" * 50))
    add("PNG named .html", "binary", _write(d / "image.html", b"\x89PNG\r\n\x1a\n" + bytes(200)))
    add("page", "used", _write(d / "page.html", page))

    d = root / "names"
    for name in ("with space.txt", "new\nline.txt", "quote'\"s.txt", "<b>markup</b>.txt",
                 "ünïcödé 日本.txt", "-rf.txt"):  # fmt: skip
        add(f"file name {name!r}", "used", _write(d / name, STORY + name))
    raw = os.fsencode(d) + b"/caf\xe9-latin1-name.txt"
    with open(raw, "wb") as f:
        f.write((STORY + " Bytes name.").encode())
    add("file name not UTF-8", "used", Path(os.fsdecode(raw)))

    d = root / "links"
    d.mkdir(parents=True, exist_ok=True)
    _symlink(d / "loop", d)
    add("symlink loop", None, d / "loop", note="walked once")
    _symlink(d / "root", Path("/"))
    add("link to /", "outside-input", d / "root")
    _symlink(d / "zero.txt", Path("/dev/zero"))
    add("link to /dev/zero", "outside-input", d / "zero.txt")
    _symlink(d / "dangling.txt", d / "nowhere")
    add("dangling link", "missing", d / "dangling.txt")
    fifo = d / "fifo.txt"
    os.mkfifo(fifo)
    add("FIFO", "special", fifo)

    d = root / "tiny"
    d.mkdir(parents=True, exist_ok=True)
    for i in range(tiny):
        (d / f"{i:05d}.txt").write_bytes(f"Item {i}.".encode())
    add(f"{tiny} tiny files", "not-article", *sorted(d.iterdir()))

    out = root / "out-inside"
    _write(out / ".storyline-output", "storyline outputs\n")
    _write(out / "timeline.html", page)
    add("an earlier run's OUT/ inside the input", "own-output", out)
    return cases


def _symlink(link: Path, target: Path) -> None:
    if link.is_symlink():
        link.unlink()
    link.symlink_to(target)


def unreadable(root: Path) -> Path:
    """A file only its owner may read (the test reads it as another user)."""
    path = _write(root / "secret.txt", STORY)
    path.chmod(0o000)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    args = parser.parse_args(argv)
    for case in make_corpus(args.out, args.scale):
        print(f"{case.name}: {len(case.paths)} path(s), expect {case.expect}")


if __name__ == "__main__":
    main()
