"""Checking again after an edit, for the preview server: only what changed is worked on.

``Checker`` keeps, between saves, the parse and validation results of every file (by
content hash, in memory, backed by the SQLite record cache), the linked Site and the
problems the linker found.  After an edit:

- only the files whose bytes changed are parsed and validated;
- when the edit leaves the structure of the content as it was (no record added or
  removed, the same references, tags, dates, terms, media, figures — only texts such as a
  title, a name, a summary or a description changed), the linked Site is updated in place:
  the changed records' nodes get their new models, and every reference to them, which is a
  reference to the node, shows the new text at once;
- otherwise the content is linked again from the validated records;
- when the content has an error, the last good Site is kept as it was linked, so the
  check after the fix compares with it (a file put back as it was changes nothing).

It returns the keys of the nodes whose records changed, so that the render stage
recomputes only their digests (generator.incremental).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import collector
from generator.incremental import NodeKey
from generator.link import link_content
from generator.loader import KnownFiles, ParseResult, RawRecord, load_content, parse_yaml
from generator.model import RecordBase
from generator.nodes import Site
from generator.problems import Problem, has_errors, sort_problems
from generator.record_cache import RecordCache, ValidateResult
from generator.validate import validate_content, validate_record

#: Model fields that linking only carries, never reads: a change to them alone needs no
#: new linking (every page that shows them reads them from the node's model).
PRESENTATION = frozenset(
    {
        "title",
        "name",
        "summary",
        "description",
        "conditions",
        "bio",
        "job_title",
        "short_name",
        "website",
        "place",
        "province",
        "benefit_vnd",
        "decision_number",
    }
)


def _structure(model: RecordBase) -> dict[str, Any]:
    return model.model_dump(exclude=set(PRESENTATION))


@dataclass
class Checked:
    site: Site | None
    problems: list[Problem]
    #: Nodes whose record changed, when the Site was updated in place; None after linking anew.
    changed: set[NodeKey] | None = None
    #: Records new or changed since the last good check, however the Site was made (the
    #: preview builds their own pages first); None on the first check.
    touched: set[NodeKey] | None = None
    #: Records gone since the last good check; None on the first check.
    gone: set[NodeKey] | None = None


@dataclass
class Checker:
    content: Path
    cache: Path | None = None
    parsed: dict[str, ParseResult] = field(default_factory=dict)
    validated: dict[str, ValidateResult] = field(default_factory=dict)
    site: Site | None = None
    link_problems: list[Problem] = field(default_factory=list)
    #: (kind, id) → digest of the record file the Site was linked from.
    digests: dict[NodeKey, str] = field(default_factory=dict)
    singles: dict[str, str] = field(default_factory=dict)
    media: frozenset[str] = frozenset()
    #: The bytes of files unchanged since the last check are not read again.
    files: KnownFiles = field(default_factory=KnownFiles)

    def check(self, today: dt.date | None = None) -> Checked:
        today = today or dt.date.today()
        store = RecordCache(self.cache, today) if self.cache is not None else None

        used_parsed: set[str] = set()
        used_validated: set[str] = set()

        def parse(raw: bytes, display: str) -> ParseResult:
            key = f"{display}\0{hashlib.blake2b(raw, digest_size=20).hexdigest()}"
            used_parsed.add(key)
            if key not in self.parsed:
                self.parsed[key] = store.parse(raw, display) if store else parse_yaml(raw, display)
            return self.parsed[key]

        def validate(raw: RawRecord, day: dt.date) -> ValidateResult:
            key = f"{raw.kind}\0{raw.id}\0{raw.path}\0{raw.digest}\0{day.isoformat()}"
            used_validated.add(key)
            if key not in self.validated:
                found = store.validate(raw, day) if store else validate_record(raw, day)
                self.validated[key] = found
            return self.validated[key]

        # The first check asks the store for every file; later ones only for changed files.
        first = not self.parsed
        with collector.paused():
            try:
                loaded, problems = load_content(self.content, parse=parse, known=self.files)
                valid, validation_problems = validate_content(
                    loaded, today=today, validate=validate
                )
            finally:
                if store is not None:
                    store.close(saw_everything=first)
        # Forget the results of versions of files that are gone.
        self.parsed = {k: v for k, v in self.parsed.items() if k in used_parsed}
        self.validated = {k: v for k, v in self.validated.items() if k in used_validated}
        problems += validation_problems
        digests = {(r.kind, r.id): r.raw.digest for r in valid.records}
        singles = {kind: raw.digest for kind, raw in loaded.singles.items()}
        media = frozenset(loaded.media)
        touched = {key for key, digest in digests.items() if self.digests.get(key) != digest}
        changed = self._update_in_place(
            valid.records, digests, touched, singles, media, valid.pages
        )
        site, link_problems = self.site, self.link_problems
        if changed is None:
            with collector.paused():
                site, link_problems = link_content(valid)
        problems = sort_problems([*problems, *link_problems])
        if site is None or has_errors(problems):
            # The last good Site stays, with the digests it was linked from: the check
            # after the fix compares with it, and a fix that puts the file back as it was
            # finds nothing changed.
            return Checked(None, problems)
        first = self.site is None
        gone = self.digests.keys() - digests.keys()
        self.site, self.link_problems = site, link_problems
        self.digests, self.singles, self.media = digests, singles, media
        if first:
            return Checked(site, problems, changed)
        return Checked(site, problems, changed, touched, gone)

    def _update_in_place(
        self,
        records: list[Any],
        digests: dict[NodeKey, str],
        changed: set[NodeKey],
        singles: dict[str, str],
        media: frozenset[str],
        pages: list[Any],
    ) -> set[NodeKey] | None:
        """Swap the models of changed records into the Site, if that is all the edit needs."""
        site = self.site
        if site is None or digests.keys() != self.digests.keys() or singles != self.singles:
            return None
        if media != self.media:
            return None
        models: dict[NodeKey, RecordBase] = {}
        for record in records:
            key = (record.kind, record.id)
            if key in changed:
                node = site.node(*key)
                if node is None or _structure(node.model) != _structure(record.model):
                    return None
                models[key] = record.model
        for key, model in models.items():
            node = site.node(*key)
            assert node is not None
            node.model = model
            node.digest = digests[key]
        site.pages = list(pages)
        return changed
