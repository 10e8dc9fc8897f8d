"""Values between Python and the lab's Postgres, which the JavaScript side reaches through PGlite.

Arguments cross as JSON: what JSON has (None, bool, int, float, str) as it is, the rest as the text Postgres reads
(an int beyond 2**53, Decimal, date, time, datetime, timedelta, UUID), bytes tagged. Columns come back as JSON with
their type's oid, and are read here as asyncpg reads them. Like asyncpg without a type codec, json and jsonb are text
both ways: a dict argument is refused, and a json column reads as a str for json.loads.
"""
import datetime
import decimal
import json
import math
import re
import uuid

from .exceptions import DataError

_SAFE_INT = 2**53


def _interval(delta):
    return f"{delta.days} days {delta.seconds} seconds {delta.microseconds} microseconds"


def encode_value(value, position):
    """One argument as JSON can carry it; a type the driver cannot send raises DataError, as asyncpg does."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < _SAFE_INT else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value).replace("inf", "Infinity").replace("nan", "NaN")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        # Aware: an instant. Naive: a wall-clock time, read by Postgres in the session's time zone (UTC).
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time, uuid.UUID)):
        return str(value)
    if isinstance(value, datetime.timedelta):
        return _interval(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": bytes(value).hex()}
    if isinstance(value, dict):
        raise DataError(
            f"invalid input for query argument ${position}: {value!r} (expected str, got dict): "
            "asyncpg sends json and jsonb as text, so pass json.dumps(value)"
        )
    if isinstance(value, (list, tuple)):
        return [encode_value(item, position) for item in value]
    raise DataError(
        f"invalid input for query argument ${position}: {value!r} "
        f"({type(value).__name__} is not a type this driver sends)"
    )


def encode_args(args):
    """The arguments as a JSON string; a value json cannot carry raises DataError."""
    values = [encode_value(value, i + 1) for i, value in enumerate(args)]
    try:
        return json.dumps(values, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise DataError(f"invalid input for query arguments: {error}") from None


def _timestamp(text):
    if text in ("infinity", "-infinity"):
        return datetime.datetime.max if text == "infinity" else datetime.datetime.min
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _naive(text):
    value = _timestamp(text)
    return value.replace(tzinfo=None) if value.tzinfo else value


def _aware(text):
    value = _timestamp(text)
    return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)


def _date(text):
    return datetime.date.fromisoformat(text[:10])


_INTERVAL = re.compile(
    r"^(?:(?P<years>-?\d+) years? ?)?(?:(?P<months>-?\d+) mons? ?)?(?:(?P<days>-?\d+) days? ?)?"
    r"(?:(?P<sign>[-+])?(?P<h>\d+):(?P<m>\d+):(?P<s>\d+(?:\.\d+)?))?$"
)


def _interval_of(text):
    """An interval as asyncpg reads it: a timedelta, a month counting 30 days and a year 365 (its own rule)."""
    match = _INTERVAL.match(text)
    if not match:
        return text
    part = {k: v for k, v in match.groupdict().items() if v is not None}
    days = int(part.get("years", 0)) * 365 + int(part.get("months", 0)) * 30 + int(part.get("days", 0))
    seconds = int(part.get("h", 0)) * 3600 + int(part.get("m", 0)) * 60 + float(part.get("s", 0))
    return datetime.timedelta(days=days, seconds=-seconds if part.get("sign") == "-" else seconds)


def _json_text(value):
    """json and jsonb as asyncpg reads them: the text (an element of a json array comes here parsed)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_DECODERS = {
    17: bytes.fromhex,
    114: _json_text,
    3802: _json_text,
    20: int,
    1700: decimal.Decimal,
    1082: _date,
    1083: datetime.time.fromisoformat,
    1114: _naive,
    1184: _aware,
    1186: _interval_of,
    2950: uuid.UUID,
}
# Arrays: their element's type.
_ELEMENTS = {199: 114, 3807: 3802, 1001: 17, 1016: 20, 1231: 1700, 1182: 1082, 1183: 1083, 1115: 1114, 1185: 1184, 1187: 1186, 2951: 2950}


def decode_value(value, oid):
    if value is None:
        return None
    element = _ELEMENTS.get(oid)
    if element is not None and isinstance(value, list):
        return [decode_value(item, oid if isinstance(item, list) else element) for item in value]
    decode = _DECODERS.get(oid)
    if oid in (114, 3802):
        return _json_text(value)
    if decode is None or not isinstance(value, str):
        return value
    if oid == 1700 and value == "NaN":
        return decimal.Decimal("NaN")
    return decode(value)
