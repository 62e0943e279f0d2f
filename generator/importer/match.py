"""What the content folder already holds, indexed for matching names from a list.

Names are compared in a normalised form: diacritics folded (so the old and new
tone placements "Hoà"/"Hòa" agree, and so do a typo's missing marks), case
folded, punctuation and runs of spaces made one space.  A name that matches
more than one record is never resolved by guessing: the caller reports it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.kinds import RECORD_KINDS
from generator.loader import load_content
from generator.vietnamese import fold

# Prefixes that name the union of an organisation rather than the organisation:
# "Công đoàn cơ sở Công ty X", "CĐCS Công ty X" and "Công ty X" are one unit to match.
_UNION_PREFIX = re.compile(r"^(?:cong doan co so|cdcs|cong doan)\s+")


def name_key(text: str) -> str:
    """``Nguyễn  Văn An`` → ``nguyen van an``."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text).casefold()).replace("_", " ").split())


#: Abbreviations of unit names, spelled out so that "CĐCS Công ty CP X" is "Công đoàn cơ sở
#: Công ty Cổ phần X".
ABBREVIATIONS = {
    "ldld": "lien doan lao dong",
    "cdcs": "cong doan co so",
    "tld": "tong lien doan",
    "tp": "thanh pho",
    "tx": "thi xa",
    "cdn": "cong doan nganh",
    "cdvc": "cong doan vien chuc",
    "ubnd": "uy ban nhan dan",
    "htx": "hop tac xa",
    "cp": "co phan",
    "ctcp": "cong ty co phan",
    "tnhh": "trach nhiem huu han",
    "mtv": "mot thanh vien",
    "thpt": "trung hoc pho thong",
    "thcs": "trung hoc co so",
}


def unit_key(text: str) -> str:
    """A unit name folded, with abbreviations spelled out: ``CĐCS Cty CP X`` → ``cong doan …``."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in name_key(text).split())


def unit_key_stripped(text: str) -> str:
    return _UNION_PREFIX.sub("", unit_key(text))


@dataclass
class ContentIndex:
    root: Path
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    initiatives: dict[str, dict[str, Any]] = field(default_factory=dict)
    awards: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)
    campaigns: set[str] = field(default_factory=set)
    taxonomies: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Every id in use per kind, including files that did not load (never overwrite them).
    taken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    people_by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    units_by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    units_by_stripped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    initiatives_by_title: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def taxonomy_keys(self, name: str) -> list[str]:
        return list(self.taxonomies.get(name, {}))

    def taxonomy_name(self, name: str, key: str) -> str:
        term = self.taxonomies.get(name, {}).get(key)
        if isinstance(term, dict) and isinstance(term.get("name"), str):
            return str(term["name"])
        return key


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def build_index(root: Path) -> ContentIndex:
    """Read the content folder once; problems in it are validate's business, not ours."""
    loaded, _ = load_content(root, display_root="")
    index = ContentIndex(root=root)
    for kind, (folder, _model) in RECORD_KINDS.items():
        base = root / folder
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file() and path.suffix in (".yml", ".yaml"):
                    index.taken[kind].add(path.stem)
    for record in loaded.records:
        data = record.data
        index.taken[record.kind].add(record.id)
        if record.kind == "person":
            index.people[record.id] = data
            index.people_by_name[name_key(_text(data.get("name")))].append(record.id)
        elif record.kind == "unit":
            index.units[record.id] = data
            keys = {unit_key(_text(data.get(k))) for k in ("name", "short_name")} - {""}
            for key in sorted(keys):
                index.units_by_name[key].append(record.id)
            stripped = {unit_key_stripped(_text(data.get(k))) for k in ("name", "short_name")}
            for key in sorted(stripped - {""}):
                index.units_by_stripped[key].append(record.id)
        elif record.kind == "initiative":
            index.initiatives[record.id] = data
            index.initiatives_by_title[name_key(_text(data.get("title")))].append(record.id)
        elif record.kind == "award":
            index.awards[record.id] = data
        elif record.kind == "event":
            index.events.add(record.id)
        elif record.kind == "campaign":
            index.campaigns.add(record.id)
    taxonomies = loaded.singles.get("taxonomies")
    if taxonomies is not None:
        for name, value in taxonomies.data.items():
            if isinstance(value, dict):
                index.taxonomies[name] = value
    return index


def match_unit(index: ContentIndex, name: str) -> list[str]:
    """Existing units with this name (or short name); the union prefix is tried last."""
    if name in index.units:
        return [name]  # the list gives the id itself
    found = index.units_by_name.get(unit_key(name), [])
    if not found:
        found = index.units_by_stripped.get(unit_key_stripped(name), [])
    return sorted(set(found))


def match_initiative(index: ContentIndex, title: str) -> list[str]:
    return sorted(set(index.initiatives_by_title.get(name_key(title), [])))


def match_people(index: ContentIndex, name: str) -> list[str]:
    return sorted(set(index.people_by_name.get(name_key(name), [])))
