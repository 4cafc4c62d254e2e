"""Playwright vs selenium + chromedriver on the system Chromium: which drives the browser tests.

Builds the viewer from examples/ once, then for each driver: launch time, and the median time of
loading timeline.html, typing a search and counting the visible entries (REPEATS times). Prints
figures only. Playwright is a dev dependency; selenium is measured when it is installed
(`pip install selenium`), with /usr/bin/chromedriver (Debian's chromium-driver).

    .venv/bin/python bench/browser_drivers.py [--repeats 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browserkit import FLAGS, build_viewer, find_browser  # noqa: E402

COUNT = "return document.querySelectorAll('li.entry:not([hidden])').length"


def run_playwright(url: str, chromium: str, repeats: int) -> tuple[float, list[float], int]:
    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page()
        launched = time.perf_counter() - t0
        times, n = [], 0
        for _ in range(repeats):
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("html[data-viewer='ready']")
            page.fill("#f-q", "filling")
            n = page.evaluate(f"() => {{ {COUNT} }}")
            times.append(time.perf_counter() - t)
        browser.close()
    return launched, times, n


def run_selenium(url: str, chromium: str, repeats: int) -> tuple[float, list[float], int] | None:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.wait import WebDriverWait
    except ImportError:
        return None
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp()}"]:
        options.add_argument(flag)
    t0 = time.perf_counter()
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    launched = time.perf_counter() - t0
    times, n = [], 0
    try:
        for _ in range(repeats):
            t = time.perf_counter()
            driver.get(url)
            WebDriverWait(driver, 10).until(
                lambda d: (
                    d.execute_script("return document.documentElement.dataset.viewer") == "ready"
                )
            )
            driver.find_element(By.ID, "f-q").send_keys("filling")
            n = driver.execute_script(COUNT)
            times.append(time.perf_counter() - t)
    finally:
        driver.quit()
    return launched, times, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=10)
    args = ap.parse_args()
    chromium = find_browser()
    if chromium is None:
        sys.exit("no Chromium found: apt-get install chromium chromium-driver")
    out = Path(tempfile.mkdtemp())
    built = build_viewer("examples", REPO / "examples", "Renaissance Dam", out)
    url = built.html.as_uri()
    print(f"chromium: {chromium}; page {built.html.stat().st_size / 1024:.0f} KiB")
    for name, run in (("playwright", run_playwright), ("selenium", run_selenium)):
        result = run(url, chromium, args.repeats)
        if result is None:
            print(f"{name:<10}  not installed (pip install {name}) or no chromedriver")
            continue
        launched, times, n = result
        print(
            f"{name:<10}  launch {launched:.2f} s  load+search median "
            f"{statistics.median(times) * 1000:.0f} ms (n={len(times)})  visible entries {n}"
        )


if __name__ == "__main__":
    main()
