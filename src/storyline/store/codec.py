"""Exact JSON round-trip of `Article` (and the records inside it).

    article_from_json(article_to_json(a)) == a

The encoding is driven by the dataclass fields and their type hints, so a field added to the
model is stored without touching this module. Values are encoded as:

- `datetime.date` -> "YYYY-MM-DD"; an `Enum` -> its value;
- `DateInterval` -> {"start": ..., "end": ..., "granularity": ...} (any dataclass -> an object
  of its fields, in field order);
- tuples -> arrays; `None` -> null; str, int, float, bool as themselves.

Decoding follows the type hints of the target field, and fails with `CodecError` (naming the
field) on a value that does not fit, e.g. a document written by a newer storyline.

For speed, one encoder and one decoder function is built per type, once, from its hints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, cast

from storyline.errors import StorylineError
from storyline.model import Article

CODEC_VERSION = 1  # bump when the encoding of a type changes incompatibly

D = TypeVar("D")
Coder = Callable[[Any], Any]

_SURROGATE = re.compile("[\ud800-\udfff]")


class CodecError(StorylineError):
    """A JSON document does not decode into the expected record."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message
        self.where = where

    def inside(self, step: str) -> CodecError:
        """The same error, located one step further out."""
        if not self.where:
            return CodecError(self.reason, step)
        sep = "" if self.where.startswith("[") else "."
        return CodecError(self.reason, f"{step}{sep}{self.where}")


def article_to_json(article: Article) -> str:
    """Compact JSON of an `Article`, always encodable as UTF-8."""
    plain = _encoder(Article)(article)
    try:
        text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise CodecError(f"article {article.id!r} holds a value JSON cannot encode: {e}") from e
    if _SURROGATE.search(text):  # lone surrogates cannot be stored as UTF-8: escape them
        text = json.dumps(plain, ensure_ascii=True, separators=(",", ":"))
    return text


def article_from_json(text: str) -> Article:
    """The `Article` that `article_to_json` encoded."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CodecError(f"stored article is not valid JSON ({e}): the store may be damaged") from e
    return from_plain(Article, data)


def to_plain(value: Any) -> Any:
    """JSON-ready plain data of a model record (any dataclass of the model)."""
    kind: Any = type(value)
    return _encoder(kind)(value)


def from_plain(cls: type[D], data: Any) -> D:
    """Decode plain data into dataclass `cls`."""
    kind: Any = cls
    try:
        return cast(D, _decoder(kind)(data))
    except CodecError as e:
        raise e.inside(cls.__name__) from e.__cause__


# -- encoders -----------------------------------------------------------------------------
def _encode_scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, dt.date):
        return _encode_date(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind: Any = type(value)
        return _encoder(kind)(value)
    if isinstance(value, tuple):
        return [_encode_scalar(v) for v in value]
    raise CodecError(f"cannot encode a {type(value).__name__} ({value!r}) as JSON")


def _encode_date(value: Any) -> Any:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise CodecError(f"{value!r} found where the model allows only dates")
    return value.isoformat()


def _field_encoder(tp: Any) -> Coder | None:
    """The encoder of values of type `tp`; None when they are JSON as they are."""
    if tp in (str, int, float, bool, type(None), Any):
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or origin is types.UnionType:
        encoders = [_field_encoder(a) for a in args if a is not type(None)]
        if all(e is None for e in encoders):
            return None
        if len(encoders) != 1:
            return _encode_scalar
        inner = encoders[0]
        assert inner is not None
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _field_encoder(args[0])
            if item is None:
                return list
            return lambda v: [item(x) for x in v]
        return _encode_scalar
    if dataclasses.is_dataclass(tp):
        kind: Any = tp
        return _encoder(kind)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda v: v.value
    if tp is dt.date:
        return _encode_date
    return _encode_scalar


@functools.cache
def _encoder(cls: Any) -> Coder:
    if not dataclasses.is_dataclass(cls):
        return _encode_scalar
    hints = typing.get_type_hints(cls)
    pairs = [(f.name, _field_encoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def encode(value: Any) -> dict[str, Any]:
        d = value.__dict__
        return {name: d[name] if enc is None else enc(d[name]) for name, enc in pairs}

    return encode


# -- decoders -----------------------------------------------------------------------------
@functools.cache
def _decoder(tp: Any) -> Coder:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _union_decoder(tp)
    if origin is tuple:
        return _tuple_decoder(tp)
    if origin is not None:
        raise CodecError(f"cannot decode the type {tp!r}")
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_decoder(tp)
    if tp is dt.date:
        return _decode_date
    if tp in (str, int, float, bool):
        return _scalar_decoder(tp)
    if tp is Any or tp is object:
        return lambda data: data
    raise CodecError(f"cannot decode the type {tp!r}")


def _union_decoder(tp: Any) -> Coder:
    args = typing.get_args(tp)
    options = [a for a in args if a is not type(None)]
    if len(options) != 1:
        raise CodecError(f"cannot decode the union {tp!r}")
    inner = _decoder(options[0])
    nullable = type(None) in args

    def decode(data: Any) -> Any:
        if data is None:
            if nullable:
                return None
            raise CodecError("null where a value is required")
        return inner(data)

    return decode


def _tuple_decoder(tp: Any) -> Coder:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def decode_var(data: Any) -> tuple[Any, ...]:
            if type(data) is not list:
                raise CodecError(f"expected an array, got {type(data).__name__}")
            try:
                return tuple([item(v) for v in data])
            except CodecError as e:
                i = next(i for i, v in enumerate(data) if _fails(item, v))
                raise e.inside(f"[{i}]") from e.__cause__

        return decode_var
    items = [_decoder(a) for a in args]

    def decode_fixed(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or len(data) != len(items):
            raise CodecError(f"expected an array of {len(items)} items, got {data!r}")
        out = []
        for i, (dec, v) in enumerate(zip(items, data, strict=True)):
            try:
                out.append(dec(v))
            except CodecError as e:
                raise e.inside(f"[{i}]") from e.__cause__
        return tuple(out)

    return decode_fixed


def _fails(decode: Coder, value: Any) -> bool:
    try:
        decode(value)
    except CodecError:
        return True
    return False


def _dataclass_decoder(cls: Any) -> Coder:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    decoders = {f.name: _decoder(hints[f.name]) for f in fields}
    required = frozenset(
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )

    def decode(data: Any) -> Any:
        if type(data) is not dict:
            raise CodecError(f"expected an object, got {type(data).__name__}")
        kwargs = {}
        for key, value in data.items():
            dec = decoders.get(key)
            if dec is None:
                unknown = sorted(set(data) - set(decoders))
                raise CodecError(
                    f"unknown fields {unknown} (written by a newer storyline?). "
                    f"Fix: upgrade storyline, or delete the cache so it is rebuilt"
                )
            try:
                kwargs[key] = dec(value)
            except CodecError as e:
                raise e.inside(key) from e.__cause__
        if not required.issubset(kwargs):
            raise CodecError(f"missing required fields {sorted(required - set(kwargs))}")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as e:
            raise CodecError(str(e)) from e

    return decode


def _enum_decoder(cls: type[Enum]) -> Coder:
    def decode(data: Any) -> Any:
        try:
            return cls(data)
        except ValueError as e:
            raise CodecError(f"{data!r} is not a {cls.__name__}") from e

    return decode


def _decode_date(data: Any) -> dt.date:
    if type(data) is not str:
        raise CodecError(f"expected a date string, got {data!r}")
    try:
        return dt.date.fromisoformat(data)
    except ValueError as e:
        raise CodecError(f"{data!r} is not a YYYY-MM-DD date") from e


def _scalar_decoder(tp: type) -> Coder:
    if tp is float:

        def decode_float(data: Any) -> float:
            if type(data) is float:
                return data
            if type(data) is int:
                return float(data)
            raise CodecError(f"expected float, got {type(data).__name__} {data!r}")

        return decode_float

    def decode(data: Any) -> Any:
        if type(data) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(data).__name__} {data!r}")
        return data

    return decode
