"""The one JSON line ``--json`` prints: valid JSON, always. Python's json writes ``Infinity`` and
``NaN`` for a diverged run's numbers, which no other JSON reader accepts; they become ``null``, and
a ``message`` says why."""
from __future__ import annotations

import json
import math

NOT_FINITE = "some numbers were not finite (the run diverged or overflowed); they are written as null"


def _finite(value, replaced: list):
    if isinstance(value, float) and not math.isfinite(value):
        replaced.append(value)
        return None
    if isinstance(value, dict):
        return {key: _finite(item, replaced) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item, replaced) for item in value]
    return value


def json_line(result: dict) -> str:
    replaced: list = []
    clean = _finite(result, replaced)
    if replaced:
        clean["message"] = NOT_FINITE
    return json.dumps(clean, allow_nan=False)
