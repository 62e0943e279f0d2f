"""scripts/synth.py: synthetic content for benchmarks validates clean and is deterministic."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from generator.nodes import Site
from generator.pipeline import check_content

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "synth.py"


def _synth() -> ModuleType:
    module = sys.modules.get("showcase_synth")
    if module is None:
        spec = importlib.util.spec_from_file_location("showcase_synth", SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["showcase_synth"] = module  # dataclasses look the module up by name
        spec.loader.exec_module(module)
    return module


def test_synthetic_content_is_valid(tmp_path: Path) -> None:
    synth = _synth()
    report = synth.generate_content(tmp_path / "content", records=60, seed=1)
    assert report.total == 60
    assert all(n >= 1 for n in report.counts.values())

    site, problems = check_content(tmp_path / "content")
    assert [p.format() for p in problems if p.severity.value == "error"] == []
    assert isinstance(site, Site)
    assert len(site.initiatives) == report.counts["initiative"]
    assert len(site.awards) == report.counts["award"]

    holders = [
        path
        for path in (tmp_path / "content").rglob("*.yml")
        if synth.RARE_WORD in path.read_text(encoding="utf-8")
    ]
    assert [p.stem for p in holders] == [report.rare_record.split("/")[1]]


def test_same_seed_same_content(tmp_path: Path) -> None:
    synth = _synth()
    a = synth.generate_content(tmp_path / "a", records=30, seed=7)
    b = synth.generate_content(tmp_path / "b", records=30, seed=7)
    files_a = sorted(p.relative_to(a.out_dir) for p in a.files)
    assert files_a == sorted(p.relative_to(b.out_dir) for p in b.files)
    for rel in files_a:
        assert (a.out_dir / rel).read_bytes() == (b.out_dir / rel).read_bytes()
