"""Build: validate, then MkDocs (which renders via the plugin and indexes with Pagefind).

The site is built into a temporary folder beside ``site/`` and swapped in only
when the build succeeded, so a failed build never leaves a half-written site.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.pipeline import check_content
from generator.problems import Problem, format_text


class BuildError(Exception):
    """The build failed; the message says why (content problems or MkDocs warnings)."""


@dataclass
class BuildResult:
    site_dir: Path
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def build_site(
    root: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = True,
    search: bool = True,
    config_file: str = "mkdocs.yml",
) -> BuildResult:
    """Build the site described by ``root/mkdocs.yml`` into ``site_dir`` (default root/site)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs_plugin import ShowcasePlugin

    root = root.resolve()
    config_path = root / config_file
    target = (site_dir or root / "site").resolve()
    content = (root / "content").resolve()
    site, problems = check_content(content)
    if any(p.severity.value == "error" for p in problems):
        raise BuildError(format_text(problems))

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    handler = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        config = load_config(str(config_path), site_dir=str(tmp), strict=strict)
        plugin = config.plugins["showcase"]
        assert isinstance(plugin, ShowcasePlugin)
        plugin.config.search = search
        plugin.preloaded = (content, site, problems)
        build(config)
    except (MkDocsException, SystemExit, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        detail = "\n".join(handler.messages)
        raise BuildError(f"{detail}\n{exc}".strip()) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(handler)
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return BuildResult(target, problems, handler.messages)
