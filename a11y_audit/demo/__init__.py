"""The bundled demo: two small municipality sites, served on 127.0.0.1 and audited."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Iterator

from ..config import Settings, Site, Targets
from .server import serve_folder

SITES_DIR = Path(str(files(__package__).joinpath("sites")))

DEMO_SITES = (
    # id, name, folder; both are fictional municipalities written for the project
    ("beekveld", "Gemeente Beekveld", "beekveld", "Antwerpen"),
    ("dorpsveen", "Gemeente Dorpsveen", "dorpsveen", "Limburg"),
)


@contextmanager
def demo_targets(max_pages: int = 20) -> Iterator[Targets]:
    """Serve the demo sites and yield targets that point at them."""
    with ExitStack() as stack:
        sites = []
        for site_id, name, folder, province in DEMO_SITES:
            url = stack.enter_context(serve_folder(SITES_DIR / folder))
            sites.append(Site(id=site_id, name=name, url=url, level="lokaal", province=province, tags=["demo"]))
        # served here on 127.0.0.1: no delay between requests needed
        settings = Settings(max_pages=max_pages, allowed_hosts=["127.0.0.1"], request_delay=0)
        yield Targets(settings=settings, sites=sites)
