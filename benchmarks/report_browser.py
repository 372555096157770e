"""The report in headless Chromium at scale: console errors, network requests, page height,
file size and printed A4 pages of a report, with screenshots at desktop and phone sizes.

    python benchmarks/report_browser.py OUT/report.html docs/report-seeds

writes docs/report-seeds-1440.png (1440×900) and docs/report-seeds-390.png (390×844) and
prints one JSON line of figures. Needs Chromium at /usr/bin/chromium and playwright.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
VIEWPORTS = {"1440": (1440, 900), "390": (390, 844)}


def measure(report: Path, prefix: str) -> dict:
    found: dict = {"report": str(report), "bytes": report.stat().st_size}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            errors: list[str] = []
            requests: list[str] = []
            page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("request", lambda r, requests=requests: r.url.split(":")[0] not in ("file", "data", "blob", "about")
                    and requests.append(r.url))
            page.goto(report.as_uri())
            page.wait_for_selector("#chart-heatmap .main-svg, #chart-heatmap .note")
            page.wait_for_timeout(1500)
            page.screenshot(path=f"{prefix}-{name}.png")
            found[name] = {"height": page.evaluate("document.documentElement.scrollHeight"),
                           "width": page.evaluate("document.documentElement.scrollWidth"),
                           "errors": errors, "requests": requests,
                           "records": page.locator("[data-table=records] .count").inner_text()}
            if name == "1440":
                pdf = page.pdf(format="A4")
                found["print_pages"] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            page.close()
        browser.close()
    return found


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2])))
