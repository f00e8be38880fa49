"""Site reports as PDF files (Chromium's print to PDF), to send to a municipality."""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import async_playwright

from ..gather.browser import launch


async def _print(html_files: list[Path], browser_path: str | None) -> list[Path]:
    written = []
    async with async_playwright() as playwright:
        browser = await launch(playwright, browser_path)
        try:
            page = await browser.new_page()
            for html in html_files:
                target = html.with_suffix(".pdf")
                await page.goto(html.resolve().as_uri(), wait_until="load")
                await page.pdf(
                    path=str(target), format="A4", print_background=True, tagged=True, outline=True,
                    margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
                )
                written.append(target)
        finally:
            await browser.close()
    return written


def print_site_reports(out_dir: Path, browser_path: str | None = None) -> list[Path]:
    """Write sites/<id>.pdf next to every sites/<id>.html in ``out_dir``."""
    return asyncio.run(_print(sorted((Path(out_dir) / "sites").glob("*.html")), browser_path))
