"""Turn pydantic's validation errors into Dutch messages an editor can act on."""

from __future__ import annotations

from typing import Any

from .textrules import suggestion
from .yamlsource import scalar_source


def field_name(loc: tuple) -> str:
    parts = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts) or "de kop"


def _raw(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def translate(error: dict, allowed_keys: tuple[str, ...] = ()) -> tuple[str, str]:
    """(code, Dutch message) for one pydantic error dict."""
    kind = error["type"]
    loc = tuple(error["loc"])
    name = field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    last = loc[-1] if loc else ""

    if kind == "missing":
        return (
            "missing-field",
            f"Het verplichte veld '{last}' ontbreekt; voeg het toe (kijk in het sjabloon van 'zodoenwedat new').",
        )
    if kind == "extra_forbidden":
        hint = suggestion(last, allowed_keys)
        known = ", ".join(allowed_keys)
        return "unknown-field", f"Onbekend veld '{last}'.{hint or ' Toegestane velden: ' + known + '.'}"
    if kind in ("string_type",):
        if isinstance(value, (bool, int, float)) or hasattr(value, "isoformat"):
            return (
                "quote-text",
                f"In '{name}' hoort tekst, maar YAML leest {_raw(value)} als {scalar_source(value)}. "
                f'Zet de waarde tussen aanhalingstekens: {last}: "{_raw(value)}".',
            )
        if value is None:
            return "empty-value", f"Het veld '{name}' is leeg; vul tekst in of haal het veld weg als het niet verplicht is."
        return "wrong-type", f"In '{name}' hoort tekst, geen {scalar_source(value)}."
    if kind == "string_too_short":
        return "too-short", f"'{name}' is te kort: {len(value or '')} tekens, minimaal {ctx.get('min_length')}. Schrijf wat meer."
    if kind == "string_too_long":
        return "too-long", f"'{name}' is te lang: {len(value or '')} tekens, maximaal {ctx.get('max_length')}. Kort de tekst in."
    if kind == "string_pattern_mismatch":
        if last in ("start", "end"):
            return "invalid-time", f'Schrijf de tijd in \'{name}\' als "UU:MM" tussen aanhalingstekens, bijvoorbeeld "14:30".'
        return (
            "invalid-slug",
            f"'{value}' in '{name}' is geen geldige code: gebruik alleen kleine letters a-z, cijfers en enkele koppeltekens, zoals gemengd-wonen.",
        )
    if kind == "list_type":
        if isinstance(value, str):
            return "not-a-list", f"In '{name}' hoort een lijst. Schrijf bijvoorbeeld: {last}: [{value}]"
        return "not-a-list", f"In '{name}' hoort een lijst, bijvoorbeeld [a, b] of regels die met '- ' beginnen."
    if kind == "too_short":
        return "too-few", f"'{name}' heeft te weinig waarden: minimaal {ctx.get('min_length')}."
    if kind == "too_long":
        return (
            "too-many",
            f"'{name}' heeft te veel waarden: {ctx.get('actual_length')}, maximaal {ctx.get('max_length')}. Kies de belangrijkste.",
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "not-a-block", f"In '{name}' hoort een blok met velden (regels als 'veld: waarde' die verder inspringen)."
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, str):
            return "wrong-type", f"In '{name}' hoort een jaartal als getal, zonder aanhalingstekens, bijvoorbeeld 2019."
        return "wrong-type", f"In '{name}' hoort een jaartal, bijvoorbeeld 2019."
    if kind in ("float_type", "float_parsing"):
        return "wrong-type", f"In '{name}' hoort een getal met een punt, bijvoorbeeld 52.37."
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if loc and loc[0] == "coordinates":
            return (
                "outside-nl",
                f"De coördinaat '{name}' = {value} ligt niet in Nederland; controleer lat (±51–53) en lon (±3–7).",
            )
        return "out-of-range", f"De waarde {value} in '{name}' valt buiten het toegestane bereik."
    if kind.startswith("date") or kind.startswith("datetime"):
        return "invalid-date", f"In '{name}' hoort een datum als JJJJ-MM-DD, bijvoorbeeld 2022-02-09 (zonder tijd)."
    if kind == "source_note":
        return "source-note", error["msg"]
    if kind == "partner_code":
        return "invalid-partner", error["msg"]
    if kind == "value_error":
        err = ctx.get("error")
        return "invalid-value", str(err) if err else error.get("msg", "Ongeldige waarde.")
    if kind == "bool_type":
        return "wrong-type", f"In '{name}' hoort ja of nee."
    return "invalid-value", f"Ongeldige waarde in '{name}': {error.get('msg', '')}."
