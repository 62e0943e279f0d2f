"""Links to /etc/passwd and /proc/self/environ in every kind of content folder (issue 14)."""

from pathlib import Path

LINKS = {
    "people/leak.yml": "/etc/passwd",
    "units/env.yml": "/proc/self/environ",
    "initiatives/2022/leak.yml": "/etc/passwd",
    "awards/env.yml": "/proc/self/environ",
    "events/leak.yml": "/etc/passwd",
    "campaigns/leak.yml": "/etc/passwd",
    "pages/leak.md": "/etc/passwd",
    "pages/env.md": "/proc/self/environ",
    "media/leak.svg": "/etc/passwd",
    "media/env.png": "/proc/self/environ",
    "taxonomies.yaml": "/etc/passwd",
}


def generate(content: Path) -> None:
    for rel, target in LINKS.items():
        (content / rel).symlink_to(target)
