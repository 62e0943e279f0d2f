"""The garbage collector paused during checking (generator/collector.py, issue 10 item 2)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_CONTENT

from generator import collector
from generator.pipeline import check_content


def test_paused_restores_the_collector_as_it_was() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled(), "a caller that had it off keeps it off"
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_checking_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.pipeline as pipeline

    seen: dict[str, bool] = {}
    for name in ("load_content", "validate_content", "link_content"):
        real = getattr(pipeline, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            seen[_name] = gc.isenabled()
            return _real(*args, **kwargs)

        monkeypatch.setattr(pipeline, name, spy)
    site, _ = check_content(Path(BASE_CONTENT), display_root="content")
    assert site is not None
    assert seen == {"load_content": False, "validate_content": False, "link_content": False}
    assert gc.isenabled()
