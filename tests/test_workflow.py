"""The GitHub Actions workflow (.github/workflows/site.yml) runs what the README says.

A person on a fresh machine follows README.md; CI should do exactly the same, so the
README's build and test commands are read from the README here, never copied into
this test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
README = REPO / "README.md"
SHELL_FENCES = {"sh", "bash", "shell", "console"}
PAGES_ACTIONS = {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}


def readme_blocks(text: str) -> list[tuple[str, list[str]]]:
    """``(heading, commands)`` for every shell code block: the nearest heading above it.

    Commands are the block's non-empty lines without a ``$ `` prompt, a trailing
    ``# comment`` or a whole-line comment.  Blocks in other languages are skipped.
    """
    blocks: list[tuple[str, list[str]]] = []
    heading = ""
    in_fence = False
    block: list[str] | None = None  # None inside a fence that is not a shell block
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            if in_fence:
                if block is not None:
                    blocks.append((heading, block))
                in_fence, block = False, None
            else:
                language = stripped.strip("`").strip().lower()
                in_fence, block = True, ([] if language in SHELL_FENCES else None)
            continue
        if in_fence:
            command = re.sub(r"\s+#.*$", "", stripped.removeprefix("$ ")).strip()
            if block is not None and command and not command.startswith("#"):
                block.append(command)
            continue
        match = re.match(r"^#{1,6}\s+(.*)$", line)
        if match:
            heading = match.group(1).strip()
    return blocks


def readme_commands(pattern: str) -> list[str]:
    assert README.exists(), "README.md is missing"
    commands = []
    for heading, block in readme_blocks(README.read_text("utf-8")):
        if re.search(pattern, heading, re.IGNORECASE):
            commands.extend(block)
    return commands


def all_readme_commands() -> set[str]:
    return {c for _, block in readme_blocks(README.read_text("utf-8")) for c in block}


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict[Any, Any]) -> list[str]:
    lines = []
    for step in steps(workflow):
        for line in str(step.get("run", "")).splitlines():
            if line.strip():
                lines.append(line.strip())
    return lines


def step_using(workflow: dict[Any, Any], action: str) -> dict[str, Any]:
    found = [s for s in steps(workflow) if str(s.get("uses", "")).split("@")[0] == action]
    assert len(found) == 1, action
    return found[0]


# -- the README's commands ------------------------------------------------------------


def test_readme_commands_are_parsed_from_fenced_blocks() -> None:
    text = "# A\n## Build it\n```sh\n$ ./run build   # builds\n# note\n```\n```python\nx = 1\n```\n"
    assert readme_blocks(text) == [("Build it", ["./run build"])]


def test_workflow_runs_the_readme_build_and_test_commands(workflow: dict[Any, Any]) -> None:
    build = readme_commands(r"\bbuild")
    test = readme_commands(r"\btest")
    assert build, "README.md has no shell block under a heading containing 'Build'"
    assert test, "README.md has no shell block under a heading containing 'Test'"
    lines = run_lines(workflow)
    for command in build + test:
        assert command in lines, f"the workflow does not run the README's {command!r}"


def test_workflow_runs_nothing_the_readme_does_not_document(workflow: dict[Any, Any]) -> None:
    documented = all_readme_commands()
    for line in run_lines(workflow):
        if line.startswith(("./run", "showcase", "mkdocs", "pytest", "python -m pytest")):
            assert line in documented, f"{line!r} runs in CI but is not in README.md"


def test_run_subcommands_exist(workflow: dict[Any, Any]) -> None:
    script = (REPO / "run").read_text("utf-8")
    known = set(re.findall(r"^\s*([a-z][a-z-]*)\)\s*$", script, re.MULTILINE))
    for line in run_lines(workflow):
        if line.startswith("./run"):
            assert line.split()[1] in known, line


def test_content_is_validated_with_github_annotations(workflow: dict[Any, Any]) -> None:
    lines = run_lines(workflow)
    assert any(re.fullmatch(r"showcase validate \S+ --format github", line) for line in lines)
    validate = next(s for s in steps(workflow) if "validate" in str(s.get("run", "")))
    # Annotations matter most when something else failed first.
    assert "!cancelled()" in str(validate.get("if", ""))


# -- triggers, permissions, pinning ------------------------------------------------------


def test_triggers(workflow: dict[Any, Any]) -> None:
    on = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    assert set(on) == {"pull_request", "push", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]


def test_least_privilege(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in jobs.items():
        if name != "deploy":
            assert "write" not in str(job.get("permissions", "")), name
    checkout = step_using(workflow, "actions/checkout")
    assert checkout["with"]["persist-credentials"] is False


def test_actions_are_pinned_to_full_commit_shas() -> None:
    text = WORKFLOW.read_text("utf-8")
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for ref, rest in uses:
        action, _, sha = ref.partition("@")
        assert re.fullmatch(r"[0-9a-f]{40}", sha), f"{action} is not pinned to a commit: {ref}"
        assert re.fullmatch(r"\s*#\s*v\d+(\.\d+){0,2}\s*", rest), f"{action}: add '# vX.Y.Z'"


def test_python_and_pip_cache(workflow: dict[Any, Any]) -> None:
    setup = step_using(workflow, "actions/setup-python")
    assert str(setup["with"]["python-version"]) == "3.11"
    assert setup["with"]["cache"] == "pip"
    assert (REPO / setup["with"]["cache-dependency-path"]).exists()


# -- publishing -----------------------------------------------------------------------------


def test_official_pages_actions(workflow: dict[Any, Any]) -> None:
    used = {str(s.get("uses", "")).split("@")[0] for s in steps(workflow)}
    assert used >= PAGES_ACTIONS
    upload = step_using(workflow, "actions/upload-pages-artifact")
    site_dir = re.search(r"^site_dir:\s*(\S+)", (REPO / "mkdocs.yml").read_text("utf-8"), re.M)
    assert upload["with"]["path"] == (site_dir.group(1) if site_dir else "site")
    assert "refs/heads/main" in upload["if"] and "pull_request" in upload["if"]


def test_deploy_only_from_main_after_checks(workflow: dict[Any, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "check"
    assert "refs/heads/main" in deploy["if"]
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    step = step_using(workflow, "actions/deploy-pages")
    assert step in deploy["steps"]
    assert deploy["environment"]["url"] == "${{ steps." + step["id"] + ".outputs.page_url }}"
    assert step_using(workflow, "actions/configure-pages") in deploy["steps"]


def test_pull_request_runs_do_not_cancel_main(workflow: dict[Any, Any]) -> None:
    concurrency = workflow["concurrency"]
    assert "github.ref" in concurrency["group"]
    assert "pull_request" in str(concurrency["cancel-in-progress"])


def test_build_cache_is_kept_between_runs() -> None:
    """CI keeps the pipeline's cache folder (issue 11): a one-record push rebuilds little."""
    from generator.pipeline import Project

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    names = [step.get("name", "") for step in steps]
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert names.index(cache["name"]) < names.index("Build the site")
    paths = cache["with"]["path"].split()
    project = Project.at(REPO)
    assert project.cache.name in paths and project.docs.name in paths
    assert "hashFiles('content/**')" in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip(), "an older cache must be restored"


def test_run_py_offers_what_run_offers() -> None:
    """`python run.py …` (no bash needed) has the subcommands of `./run`."""
    import runpy

    usage = re.search(r"usage: \./run ([^\"]+)", (REPO / "run").read_text("utf-8"))
    assert usage is not None
    names = tuple(part.strip() for part in usage.group(1).split("|"))
    module = runpy.run_path(str(REPO / "run.py"), run_name="run_py")
    assert module["COMMANDS"] == names
